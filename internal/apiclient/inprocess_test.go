package apiclient

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"testing"
)

// TestInProcess: a client of a handler gets its answers, its errors with
// their status, and the body it was sent, with no socket.
func TestInProcess(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/wallet/limits", func(w http.ResponseWriter, r *http.Request) {
		var req WalletSetLimits
		b, _ := io.ReadAll(r.Body)
		if err := json.Unmarshal(b, &req); err != nil || req.Passphrase != "pw" {
			w.WriteHeader(http.StatusBadRequest)
			_ = json.NewEncoder(w).Encode(Error{Status: 400, Message: "bad body"})
			return
		}
		_ = json.NewEncoder(w).Encode(WalletLimits{DailyBudget: req.Set["daily_budget"]})
	})
	mux.HandleFunc("GET /v1/keys/status", func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusServiceUnavailable)
		_ = json.NewEncoder(w).Encode(Error{Status: 503, Message: "the keystore is off"})
	})
	c := NewInProcess(mux)
	ctx := context.Background()
	l, err := c.SetWalletLimits(ctx, map[string]string{"daily_budget": "2"}, "pw")
	if err != nil || l.DailyBudget != "2" {
		t.Fatalf("SetWalletLimits = %+v, %v", l, err)
	}
	var ae *Error
	if _, err := c.KeysStatus(ctx); !errors.As(err, &ae) || ae.Status != 503 || ae.Message != "the keystore is off" {
		t.Errorf("KeysStatus = %v, want the handler's 503", err)
	}
	if _, err := c.WalletBalance(ctx); !errors.As(err, &ae) || ae.Status != 404 {
		t.Errorf("an endpoint the handler lacks: %v, want 404", err)
	}
}
