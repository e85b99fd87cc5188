package apiclient

import (
	"context"
	"encoding/json"
	"time"
)

// Severity says how much a warning matters.
type Severity string

// Severities of health warnings.
const (
	// Degraded: a part of the agent does not work (no microphone, no
	// chain); the rest does.
	Degraded Severity = "degraded"
	// Notice: worth knowing, nothing is broken.
	Notice Severity = "notice"
)

// Warning is one health problem.
type Warning struct {
	Component string    `json:"component"`
	Severity  Severity  `json:"severity"`
	Message   string    `json:"message"`
	Since     time.Time `json:"since"`
}

// Status is the answer of GET /v1/status.
type Status struct {
	Version       string    `json:"version"`
	Board         string    `json:"board"`
	BoardRevision string    `json:"board_revision,omitempty"`
	StartedAt     time.Time `json:"started_at"`
	UptimeSeconds float64   `json:"uptime_seconds"`
	Warnings      []Warning `json:"warnings"`
	// Components holds each subsystem's summary (keys, wallet, miner,
	// voice, ...), as that subsystem's status endpoint reports it.
	Components map[string]json.RawMessage `json:"components,omitempty"`
}

// Status asks the agent for its status.
func (c *Client) Status(ctx context.Context) (Status, error) {
	var s Status
	err := c.Get(ctx, "/status", &s)
	return s, err
}
