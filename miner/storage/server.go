package storage

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/mycroft-network/mycroft/chain"
)

// The HTTP API (JSON errors {"error": "..."}):
//
//	PUT  /v1/chunks/{hash}        body = chunk; 201, or 200 when already held
//	GET  /v1/chunks/{hash}        the chunk
//	POST /v1/sets                 CommitRequest → Set (signed)
//	GET  /v1/audit?root=&index=   Proof
//	PUT  /v1/manifests/{address}  body = SignedManifest, signed by address;
//	                              403 unsigned or signed by another, or
//	                              no set of address committed here,
//	                              409 sequence not above every one kept
//	GET  /v1/manifests/{address}  {"manifests": [base64...]} newest first
//
// Uploads may be paid through the provider's voucher route instead (Call).

// Rent charges for an upload before it is stored; nil means free (tests,
// or uploads that come through the provider's paid route).
type Rent interface {
	Collect(ctx context.Context, h http.Header, bytes int) error
}

// CommitRequest is the body of POST /v1/sets.
type CommitRequest struct {
	Owner  common.Address `json:"owner"`
	Root   common.Hash    `json:"root"`
	Leaves []common.Hash  `json:"leaves"`
	Expiry int64          `json:"expiry"`
}

// ParseHashPath reads a 32-byte hex hash (with or without 0x) from a path
// element.
func ParseHashPath(s string) (common.Hash, error) {
	t := strings.TrimPrefix(s, "0x")
	if len(t) != 64 || !isHex(t) {
		return common.Hash{}, fmt.Errorf("%w: hash %q", ErrBadRequest, clip(s))
	}
	return common.HexToHash(t), nil
}

// ParseAuditQuery reads root and index of an audit request.
func ParseAuditQuery(q url.Values) (common.Hash, uint64, error) {
	if len(q["root"]) != 1 || len(q["index"]) != 1 {
		return common.Hash{}, 0, fmt.Errorf("%w: want one root and one index", ErrBadRequest)
	}
	root, err := ParseHashPath(q.Get("root"))
	if err != nil {
		return common.Hash{}, 0, err
	}
	idx := q.Get("index")
	if len(idx) == 0 || len(idx) > 20 || idx[0] == '+' {
		return common.Hash{}, 0, fmt.Errorf("%w: index %q", ErrBadRequest, clip(idx))
	}
	i, err := strconv.ParseUint(idx, 10, 64)
	if err != nil {
		return common.Hash{}, 0, fmt.Errorf("%w: index %q", ErrBadRequest, clip(idx))
	}
	return root, i, nil
}

// ParseCommitRequest reads and checks a commit body.
func ParseCommitRequest(b []byte) (CommitRequest, error) {
	var c CommitRequest
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return CommitRequest{}, fmt.Errorf("%w: commit: %v", ErrBadRequest, err)
	}
	if c.Owner == (common.Address{}) || len(c.Leaves) == 0 || c.Expiry <= 0 {
		return CommitRequest{}, fmt.Errorf("%w: commit: owner, leaves and expiry are required", ErrBadRequest)
	}
	return c, nil
}

// ParseAddressPath reads a 20-byte hex address.
func ParseAddressPath(s string) (common.Address, error) {
	if !common.IsHexAddress(s) || !strings.HasPrefix(s, "0x") {
		return common.Address{}, fmt.Errorf("%w: address %q", ErrBadRequest, clip(s))
	}
	return common.HexToAddress(s), nil
}

func clip(s string) string {
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}

// Handler serves the node's HTTP API. rent may be nil.
func (n *Node) Handler(rent Rent) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("PUT /v1/chunks/{hash}", func(w http.ResponseWriter, r *http.Request) { n.handlePut(w, r, rent) })
	mux.HandleFunc("GET /v1/chunks/{hash}", n.handleGet)
	mux.HandleFunc("POST /v1/sets", n.handleCommit)
	mux.HandleFunc("GET /v1/audit", n.handleAudit)
	mux.HandleFunc("PUT /v1/manifests/{owner}", n.handlePutManifest)
	mux.HandleFunc("GET /v1/manifests/{owner}", n.handleManifests)
	return mux
}

// hold waits for the pause gate (the owner speaking holds serving) and
// counts the request as mining work; release it when done.
func (n *Node) hold(ctx context.Context) (func(), error) {
	if n.cfg.Gate == nil {
		return func() {}, nil
	}
	tk, err := n.cfg.Gate.Acquire(ctx)
	if err != nil {
		return nil, err
	}
	return func() { tk.Release() }, nil
}

func (n *Node) fail(w http.ResponseWriter, err error) {
	code := http.StatusInternalServerError
	switch {
	case errors.Is(err, ErrBadRequest), errors.Is(err, ErrBadChunk), errors.Is(err, ErrBadSet):
		code = http.StatusBadRequest
	case errors.Is(err, ErrNotFound), errors.Is(err, ErrCorrupt):
		code = http.StatusNotFound
	case errors.Is(err, ErrManifestSignature), errors.Is(err, ErrNoData):
		code = http.StatusForbidden
	case errors.Is(err, ErrStaleManifest):
		code = http.StatusConflict
	case errors.Is(err, ErrQuota), errors.Is(err, ErrDiskFull):
		code = http.StatusInsufficientStorage
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded), errors.Is(err, ErrBusy):
		code = http.StatusServiceUnavailable
	}
	if code == http.StatusInternalServerError {
		n.log.Error("storage: request failed", "err", err)
	}
	writeJSON(w, code, map[string]string{"error": err.Error()})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(v) // a client gone away is not ours to report
}

func (n *Node) handlePut(w http.ResponseWriter, r *http.Request, rent Rent) {
	h, err := ParseHashPath(r.PathValue("hash"))
	if err != nil {
		n.fail(w, err)
		return
	}
	if r.ContentLength > MaxChunk {
		n.fail(w, fmt.Errorf("%w: %d bytes", ErrBadChunk, r.ContentLength))
		return
	}
	release, err := n.hold(r.Context())
	if err != nil {
		n.fail(w, err)
		return
	}
	defer release()
	body, err := readLimited(r.Body, MaxChunk)
	if err != nil {
		n.fail(w, fmt.Errorf("%w: %v", ErrBadChunk, err))
		return
	}
	if err := n.bw.wait(r.Context(), len(body)); err != nil {
		n.fail(w, err)
		return
	}
	if n.st.Has(h) {
		writeJSON(w, http.StatusOK, map[string]string{"hash": h.Hex()})
		return
	}
	// Check before charging: a refused chunk is not paid for.
	if chain.LeafHash(body) != h {
		n.fail(w, fmt.Errorf("%w: content does not match address", ErrBadChunk))
		return
	}
	if rent != nil {
		if err := rent.Collect(r.Context(), r.Header, len(body)); err != nil {
			writeJSON(w, http.StatusPaymentRequired, map[string]string{"error": err.Error()})
			return
		}
	}
	if err := n.st.Put(h, body); err != nil {
		n.fail(w, err)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]string{"hash": h.Hex()})
}

func (n *Node) handleGet(w http.ResponseWriter, r *http.Request) {
	h, err := ParseHashPath(r.PathValue("hash"))
	if err != nil {
		n.fail(w, err)
		return
	}
	release, err := n.hold(r.Context())
	if err != nil {
		n.fail(w, err)
		return
	}
	defer release()
	b, err := n.st.Get(h)
	if err != nil {
		n.fail(w, err)
		return
	}
	if err := n.bw.wait(r.Context(), len(b)); err != nil {
		n.fail(w, err)
		return
	}
	w.Header().Set("Content-Type", "application/octet-stream")
	_, _ = w.Write(b) // as above
}

func (n *Node) handleCommit(w http.ResponseWriter, r *http.Request) {
	b, err := readLimited(r.Body, 64<<20)
	if err != nil {
		n.fail(w, fmt.Errorf("%w: %v", ErrBadRequest, err))
		return
	}
	c, err := ParseCommitRequest(b)
	if err != nil {
		n.fail(w, err)
		return
	}
	s, err := n.Commit(c.Owner, c.Root, c.Leaves, time.Unix(c.Expiry, 0))
	if err != nil {
		n.fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, s)
}

func (n *Node) handleAudit(w http.ResponseWriter, r *http.Request) {
	root, idx, err := ParseAuditQuery(r.URL.Query())
	if err != nil {
		n.fail(w, err)
		return
	}
	release, err := n.hold(r.Context())
	if err != nil {
		n.fail(w, err)
		return
	}
	defer release()
	p, err := n.Audit(root, idx)
	if err != nil {
		n.fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, p)
}

func (n *Node) handlePutManifest(w http.ResponseWriter, r *http.Request) {
	owner, err := ParseAddressPath(r.PathValue("owner"))
	if err != nil {
		n.fail(w, err)
		return
	}
	b, err := readLimited(r.Body, MaxManifest)
	if err != nil {
		n.fail(w, fmt.Errorf("%w: %v", ErrBadRequest, err))
		return
	}
	if err := n.PutManifest(owner, b); err != nil {
		n.fail(w, err)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]string{"owner": owner.Hex()})
}

// ManifestList is the answer of GET /v1/manifests/{address}.
type ManifestList struct {
	Manifests [][]byte `json:"manifests"`
}

func (n *Node) handleManifests(w http.ResponseWriter, r *http.Request) {
	owner, err := ParseAddressPath(r.PathValue("owner"))
	if err != nil {
		n.fail(w, err)
		return
	}
	m, err := n.Manifests(owner)
	if err != nil {
		n.fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, ManifestList{Manifests: m})
}

// Call lets the provider's paid route carry uploads ("storage" service,
// priced per chunk): params hash=<address>, body = chunk. The provider
// verifies and persists the voucher before calling; an error here means
// the payer is not charged.
func (n *Node) Call(ctx context.Context, params map[string][]string, body io.Reader) ([]byte, error) {
	hs := params["hash"]
	if len(hs) != 1 {
		return nil, fmt.Errorf("%w: want one hash", ErrBadRequest)
	}
	h, err := ParseHashPath(hs[0])
	if err != nil {
		return nil, err
	}
	b, err := readLimited(body, MaxChunk)
	if err != nil {
		return nil, err
	}
	release, err := n.hold(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	if err := n.st.Put(h, b); err != nil {
		return nil, err
	}
	return json.Marshal(map[string]string{"hash": h.Hex()})
}
