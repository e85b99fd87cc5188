// Package apiclient is the client of the agent's local API: HTTP/JSON over
// the daemon's unix socket, under the versioned prefix /v1. The CLI and the
// tests share it. Only cmd/ and tests import it (the agent imports it for
// the wire types, and its web page calls the API in process through
// NewInProcess).
package apiclient

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"syscall"
	"time"
)

// Prefix is the versioned path prefix of every endpoint.
const Prefix = "/v1"

// DefaultSocket is where the daemon listens unless configured otherwise.
const DefaultSocket = "/run/mycroft/agent.sock"

// ErrNotRunning is returned when no agent listens on the socket.
var ErrNotRunning = errors.New("the mycroft agent is not running")

// Error is an error answered by the agent.
type Error struct {
	Status  int    `json:"status"`
	Message string `json:"error"`
}

func (e *Error) Error() string { return e.Message }

// Client talks to one agent.
type Client struct {
	Socket string
	hc     *http.Client
}

// New returns a client of the agent listening on socket.
func New(socket string) *Client {
	if socket == "" {
		socket = DefaultSocket
	}
	tr := &http.Transport{
		DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, "unix", socket)
		},
		MaxIdleConns:    2,
		IdleConnTimeout: 30 * time.Second,
	}
	return &Client{Socket: socket, hc: &http.Client{Transport: tr}}
}

// Get fetches path (under Prefix) into out.
func (c *Client) Get(ctx context.Context, path string, out any) error {
	return c.Do(ctx, http.MethodGet, path, nil, out)
}

// Post sends in as JSON to path and decodes the answer into out (either may
// be nil).
func (c *Client) Post(ctx context.Context, path string, in, out any) error {
	return c.Do(ctx, http.MethodPost, path, in, out)
}

// Do performs one request.
func (c *Client) Do(ctx context.Context, method, path string, in, out any) error {
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return err
		}
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, "http://mycroft.local"+Prefix+path, body)
	if err != nil {
		return err
	}
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		if errors.Is(err, syscall.ENOENT) || errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("%w (no one listens on %s)", ErrNotRunning, c.Socket)
		}
		if errors.Is(err, syscall.EACCES) {
			return fmt.Errorf("permission denied on %s: add yourself to the mycroft group or use sudo", c.Socket)
		}
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		e := &Error{Status: resp.StatusCode}
		if json.Unmarshal(b, e) != nil || e.Message == "" {
			e.Message = fmt.Sprintf("agent answered %s", resp.Status)
		}
		return e
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(b, out); err != nil {
		return fmt.Errorf("decode answer of %s: %w", path, err)
	}
	return nil
}
