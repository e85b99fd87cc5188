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

	"github.com/ethereum/go-ethereum/common"

	"github.com/mycroft-network/mycroft/chain"
)

// ErrRemote is returned when a node answers with an error status.
var ErrRemote = errors.New("storage: node refused")

// Client talks to one storage node's HTTP API (the owner's side).
type Client struct {
	Base string       // the node's endpoint, e.g. "http://127.0.0.1:7070"
	HTTP *http.Client // nil: http.DefaultClient
	// Header, if set, adds headers (a payment) to each upload.
	Header func(ctx context.Context, hash common.Hash, size int) (http.Header, error)
	// Upload, if set, replaces the plain PUT: the agent routes uploads
	// through the wallet's paid call to the node's provider ("storage"
	// service, served by Node.Call), so rent is paid by voucher.
	Upload func(ctx context.Context, hash common.Hash, chunk []byte) error
}

func (c *Client) http() *http.Client {
	if c.HTTP != nil {
		return c.HTTP
	}
	return http.DefaultClient
}

func (c *Client) do(ctx context.Context, method, path string, body []byte, hdr http.Header, max int64) ([]byte, error) {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, strings.TrimRight(c.Base, "/")+path, rd)
	if err != nil {
		return nil, err
	}
	for k, v := range hdr {
		req.Header[k] = v
	}
	resp, err := c.http().Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("%w: answer over %d bytes", ErrBadRequest, max)
	}
	if resp.StatusCode/100 != 2 {
		var e struct{ Error string }
		_ = json.Unmarshal(b, &e) // a body that is not our JSON leaves the message empty
		switch resp.StatusCode {
		case http.StatusForbidden:
			sentinel := ErrManifestSignature
			if strings.Contains(e.Error, ErrNoData.Error()) {
				sentinel = ErrNoData
			}
			return nil, fmt.Errorf("%w: %w: %s: %s", ErrRemote, sentinel, resp.Status, clip(e.Error))
		case http.StatusConflict:
			return nil, fmt.Errorf("%w: %w: %s: %s", ErrRemote, ErrStaleManifest, resp.Status, clip(e.Error))
		}
		return nil, fmt.Errorf("%w: %s: %s", ErrRemote, resp.Status, clip(e.Error))
	}
	return b, nil
}

// Put uploads one chunk.
func (c *Client) Put(ctx context.Context, h common.Hash, chunk []byte) error {
	if c.Upload != nil {
		if err := c.Upload(ctx, h, chunk); err != nil {
			return fmt.Errorf("storage: put %s: %w", h.Hex(), err)
		}
		return nil
	}
	var hdr http.Header
	if c.Header != nil {
		var err error
		if hdr, err = c.Header(ctx, h, len(chunk)); err != nil {
			return fmt.Errorf("storage: put: %w", err)
		}
	}
	if _, err := c.do(ctx, http.MethodPut, "/v1/chunks/"+h.Hex(), chunk, hdr, 4096); err != nil {
		return fmt.Errorf("storage: put %s: %w", h.Hex(), err)
	}
	return nil
}

// Get downloads one chunk and checks it against its address.
func (c *Client) Get(ctx context.Context, h common.Hash) ([]byte, error) {
	b, err := c.do(ctx, http.MethodGet, "/v1/chunks/"+h.Hex(), nil, nil, MaxChunk)
	if err != nil {
		return nil, fmt.Errorf("storage: get %s: %w", h.Hex(), err)
	}
	if err := checkChunk(h, b); err != nil {
		return nil, err
	}
	return b, nil
}

// Commit asks the node to commit to a set; it returns the signed set.
func (c *Client) Commit(ctx context.Context, req CommitRequest) (*Set, error) {
	body, err := json.Marshal(req)
	if err != nil {
		return nil, fmt.Errorf("storage: commit: %w", err)
	}
	b, err := c.do(ctx, http.MethodPost, "/v1/sets", body, nil, 2*MaxCommitBody) // the set echoes the leaves
	if err != nil {
		return nil, fmt.Errorf("storage: commit: %w", err)
	}
	var s Set
	if err := json.Unmarshal(b, &s); err != nil {
		return nil, fmt.Errorf("storage: commit: %w: %v", ErrBadRequest, err)
	}
	return &s, nil
}

// Audit asks for chunk index of root; the caller verifies the answer.
func (c *Client) Audit(ctx context.Context, root common.Hash, index uint64) (*Proof, error) {
	q := url.Values{"root": {root.Hex()}, "index": {strconv.FormatUint(index, 10)}}
	b, err := c.do(ctx, http.MethodGet, "/v1/audit?"+q.Encode(), nil, nil, 4*MaxChunk)
	if err != nil {
		return nil, fmt.Errorf("storage: audit: %w", err)
	}
	return ParseProof(b)
}

// ParseProof reads an audit answer (outside input on the owner's side).
func ParseProof(b []byte) (*Proof, error) {
	var p Proof
	if err := json.Unmarshal(b, &p); err != nil {
		return nil, fmt.Errorf("storage: audit: %w: %v", ErrBadRequest, err)
	}
	if len(p.Chunk) > MaxChunk || len(p.Proof) > 64 {
		return nil, fmt.Errorf("storage: audit: %w: answer too large", ErrBadRequest)
	}
	return &p, nil
}

// PutManifest leaves a signed manifest (SignedManifest.Marshal) under
// owner; a refusal wraps ErrManifestSignature or ErrStaleManifest.
func (c *Client) PutManifest(ctx context.Context, owner common.Address, blob []byte) error {
	if _, err := c.do(ctx, http.MethodPut, "/v1/manifests/"+owner.Hex(), blob, nil, 4096); err != nil {
		return fmt.Errorf("storage: put manifest: %w", err)
	}
	return nil
}

// Manifests fetches owner's kept manifests, newest first, as stored: the
// caller parses and verifies each (ParseManifest, Verify).
func (c *Client) Manifests(ctx context.Context, owner common.Address) ([][]byte, error) {
	b, err := c.do(ctx, http.MethodGet, "/v1/manifests/"+owner.Hex(), nil, nil, 16*MaxManifest)
	if err != nil {
		return nil, fmt.Errorf("storage: manifests: %w", err)
	}
	var l ManifestList
	if err := json.Unmarshal(b, &l); err != nil {
		return nil, fmt.Errorf("storage: manifests: %w: %v", ErrBadRequest, err)
	}
	return l.Manifests, nil
}

func checkChunk(h common.Hash, b []byte) error {
	if len(b) > MaxChunk || chain.LeafHash(b) != h {
		return fmt.Errorf("%w: %s does not match its address", ErrBadChunk, h.Hex())
	}
	return nil
}
