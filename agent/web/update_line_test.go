package web

import (
	"encoding/json"
	"testing"
)

func TestUpdateLine(t *testing.T) {
	for _, tc := range []struct {
		name, raw, want string
		ok              bool
	}{
		{"updates off", "", "", false},
		{"not json", "{", "", false},
		{"up to date", `{"running":"1.2.0","slot":"a","state":"up to date"}`, "running 1.2.0 (slot a); up to date", true},
		{"rolled back", `{"running":"1.2.0","slot":"b","latest":"1.3.0","available":true,"state":"pinned","last_rollback":{"version":"1.3.0","reason":"not healthy in 2m0s"}}`,
			"running 1.2.0 (slot b); 1.3.0 approved on chain; pinned; rolled back from 1.3.0: not healthy in 2m0s", true},
	} {
		got, ok := updateLine(json.RawMessage(tc.raw))
		if got != tc.want || ok != tc.ok {
			t.Errorf("%s: updateLine(%s) = %q, %v; want %q, %v", tc.name, tc.raw, got, ok, tc.want, tc.ok)
		}
	}
}
