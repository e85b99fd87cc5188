package agent

import (
	"sort"
	"sync"
	"time"

	"github.com/mycroft-network/mycroft/internal/apiclient"
	"github.com/mycroft-network/mycroft/internal/oneline"
)

// Severity and Warning are the wire types of the local API.
type (
	Severity = apiclient.Severity
	Warning  = apiclient.Warning
)

// Severities of health warnings.
const (
	Degraded = apiclient.Degraded
	Notice   = apiclient.Notice
)

// Health is the registry of current warnings. Components set a warning when
// they degrade and clear it when they recover; it is safe for concurrent use.
type Health struct {
	mu       sync.Mutex
	now      func() time.Time
	warnings map[string]Warning
}

// NewHealth returns an empty registry; now may be nil for time.Now.
func NewHealth(now func() time.Time) *Health {
	if now == nil {
		now = time.Now
	}
	return &Health{now: now, warnings: map[string]Warning{}}
}

// Set records (or replaces) the warning of component. The message is kept
// on one line (oneline.Flatten: a multi-line error reads as "a; b").
// Repeating the same message keeps the original Since.
func (h *Health) Set(component string, sev Severity, msg string) {
	msg = oneline.Flatten(msg)
	h.mu.Lock()
	defer h.mu.Unlock()
	if w, ok := h.warnings[component]; ok && w.Message == msg && w.Severity == sev {
		return
	}
	h.warnings[component] = Warning{Component: component, Severity: sev, Message: msg, Since: h.now()}
}

// Clear removes the warning of component, if any.
func (h *Health) Clear(component string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.warnings, component)
}

// Warnings returns the current warnings sorted by component.
func (h *Health) Warnings() []Warning {
	h.mu.Lock()
	defer h.mu.Unlock()
	out := make([]Warning, 0, len(h.warnings))
	for _, w := range h.warnings {
		out = append(out, w)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Component < out[j].Component })
	return out
}
