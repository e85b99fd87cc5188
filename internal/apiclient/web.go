package apiclient

import (
	"context"
	"time"
)

// WebStatus is the "web" part of GET /v1/status: where the owner's page
// listens and the SHA-256 fingerprint of the certificate its LAN listener
// presents, for the owner to compare with what the browser shows.
type WebStatus struct {
	Loopback    string `json:"loopback,omitempty"`
	LAN         string `json:"lan,omitempty"`
	Fingerprint string `json:"fingerprint,omitempty"`
	Sessions    int    `json:"sessions"`
	Error       string `json:"error,omitempty"`
}

// WebPair is the answer of POST /v1/web/pair: a pairing code for the
// owner's page on the LAN, single use, valid until Expires.
type WebPair struct {
	Code    string    `json:"code"`
	Expires time.Time `json:"expires"`
}

// WebPair asks the agent for a pairing code for its web page.
func (c *Client) WebPair(ctx context.Context) (WebPair, error) {
	var out WebPair
	return out, c.Post(ctx, "/web/pair", struct{}{}, &out)
}
