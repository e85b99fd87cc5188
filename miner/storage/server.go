package storage

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/miner/provider"
)

// The HTTP API (JSON errors {"error": "..."}):
//
//	PUT  /v1/chunks/{hash}        body = chunk; 201, or 200 when already held
//	GET  /v1/chunks/{hash}        the chunk
//	POST /v1/sets                 CommitRequest (signed by its owner) → Set
//	                              (signed by the node); 403 not the owner's
//	                              signature, 402 a leaf the owner did not
//	                              pay for, 409 root held for another owner,
//	                              507 over quota, 413 body over MaxCommitBody
//	GET  /v1/audit?root=&index=   Proof
//	PUT  /v1/manifests/{address}  body = SignedManifest, signed by address;
//	                              403 unsigned or signed by another, or
//	                              no set of address committed here,
//	                              409 sequence not above every one kept
//	GET  /v1/manifests/{address}  {"manifests": [base64...]} newest first
//
// Every body is read through http.MaxBytesReader at what its endpoint
// takes (a chunk MaxChunk, a commit MaxCommitBody, a manifest MaxManifest);
// a larger declared length is refused before anything is read (413).
// Uploads may be paid through the provider's voucher route instead (Call).

// Rent charges for an upload before it is stored and says who paid; the
// chunk is recorded as paid for by that address (Store.RecordPayer). A nil
// Rent makes the node free: chunks are recorded as paid by Free and any
// owner who signs may commit them (tests and private nodes; the agent's
// node charges through the provider and refuses plain uploads).
type Rent interface {
	Collect(ctx context.Context, h http.Header, bytes int) (payer common.Address, err error)
}

// commitSlots is how many commit requests are read and checked at once;
// more get 503 at once, so memory does not grow with concurrent bodies.
const commitSlots = 2

// readBody reads r's body up to max bytes: a declared length over max is
// refused without reading, and reading stops at max+1 (ErrTooLarge).
func readBody(w http.ResponseWriter, r *http.Request, max int64) ([]byte, error) {
	if r.ContentLength > max {
		return nil, fmt.Errorf("%w: body of %d bytes, at most %d", ErrTooLarge, r.ContentLength, max)
	}
	b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, max))
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return nil, fmt.Errorf("%w: body over %d bytes", ErrTooLarge, max)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: body: %v", ErrBadRequest, err)
	}
	return b, nil
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
	case errors.Is(err, ErrManifestSignature), errors.Is(err, ErrNoData), errors.Is(err, ErrNotOwner):
		code = http.StatusForbidden
	case errors.Is(err, ErrUnpaid):
		code = http.StatusPaymentRequired
	case errors.Is(err, ErrRootTaken):
		code = http.StatusConflict
	case errors.Is(err, ErrTooLarge):
		code = http.StatusRequestEntityTooLarge
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
		n.fail(w, fmt.Errorf("%w: chunk of %d bytes, at most %d", ErrTooLarge, r.ContentLength, MaxChunk))
		return
	}
	release, err := n.hold(r.Context())
	if err != nil {
		n.fail(w, err)
		return
	}
	defer release()
	body, err := readBody(w, r, MaxChunk)
	if err != nil {
		n.fail(w, err)
		return
	}
	if err := n.bw.wait(r.Context(), len(body)); err != nil {
		n.fail(w, err)
		return
	}
	// Check before charging: a refused chunk is not paid for.
	if chain.LeafHash(body) != h {
		n.fail(w, fmt.Errorf("%w: content does not match address", ErrBadChunk))
		return
	}
	held := n.st.Has(h)
	payer := Free
	if rent != nil {
		// A chunk already held is charged too: the payer is recorded and
		// may then commit it.
		if payer, err = rent.Collect(r.Context(), r.Header, len(body)); err != nil {
			writeJSON(w, http.StatusPaymentRequired, map[string]string{"error": err.Error()})
			return
		}
	}
	if err := n.st.PutPaid(h, body, payer); err != nil {
		n.fail(w, err)
		return
	}
	code := http.StatusCreated
	if held {
		code = http.StatusOK
	}
	writeJSON(w, code, map[string]string{"hash": h.Hex()})
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
	select {
	case n.commits <- struct{}{}:
		defer func() { <-n.commits }()
	default:
		n.fail(w, fmt.Errorf("storage: commit: %w: too many commits at once", ErrBusy))
		return
	}
	b, err := readBody(w, r, MaxCommitBody)
	if err != nil {
		n.fail(w, err)
		return
	}
	c, err := ParseCommitRequest(b)
	if err != nil {
		n.fail(w, err)
		return
	}
	s, err := n.Commit(c)
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
	b, err := readBody(w, r, MaxManifest)
	if err != nil {
		n.fail(w, err)
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

// MaxBody tells the provider's paid route that an upload carries one
// chunk at most, so it buffers no more than that before the voucher's
// channel is locked (provider.BodyLimit).
func (n *Node) MaxBody() int64 { return MaxChunk }

var _ provider.BodyLimit = (*Node)(nil)

// Call lets the provider's paid route carry uploads ("storage" service,
// priced per chunk): params hash=<address>, body = chunk. The provider
// verifies and persists the voucher before calling, and puts the payer in
// ctx (provider.WithPayer); the chunk is recorded as paid for by that
// payer, who may then commit it. A chunk already held is not written
// again, only its payer recorded. An error here means the payer is not
// charged; a call without a payer in ctx is refused.
func (n *Node) Call(ctx context.Context, params map[string][]string, body io.Reader) ([]byte, error) {
	payer, ok := provider.PayerFrom(ctx)
	if !ok {
		return nil, fmt.Errorf("storage: call: %w: no payer (uploads are paid through the provider)", ErrBadRequest)
	}
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
	if err := n.st.PutPaid(h, b, payer); err != nil {
		return nil, err
	}
	return json.Marshal(map[string]string{"hash": h.Hex()})
}
