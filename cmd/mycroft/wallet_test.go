package main

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/mycroft-network/mycroft/internal/apiclient"
)

// fakeAgent answers the local API on a unix socket with canned JSON and
// records the requests, so the commands' parsing and printing are tested
// without a chain (the agent package tests the real thing end to end).
type fakeAgent struct {
	sock string
	mu   sync.Mutex
	reqs []string // "METHOD /path body"
}

func newFakeAgent(t *testing.T, answers map[string]any) *fakeAgent {
	t.Helper()
	dir, err := os.MkdirTemp("", "mc")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	f := &fakeAgent{sock: filepath.Join(dir, "a.sock")}
	ln, err := net.Listen("unix", f.sock)
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		key := r.Method + " " + strings.TrimPrefix(r.URL.Path, apiclient.Prefix)
		f.mu.Lock()
		f.reqs = append(f.reqs, strings.TrimSpace(key+"?"+r.URL.RawQuery+" "+string(body)))
		f.mu.Unlock()
		v, ok := answers[key]
		if !ok {
			w.WriteHeader(http.StatusNotFound)
			json.NewEncoder(w).Encode(apiclient.Error{Status: 404, Message: "no such endpoint"})
			return
		}
		if e, ok := v.(*apiclient.Error); ok {
			w.WriteHeader(e.Status)
		}
		json.NewEncoder(w).Encode(v)
	})}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return f
}

func (f *fakeAgent) requests() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.reqs...)
}

func TestWalletCommands(t *testing.T) {
	ctx := context.Background()
	bal := apiclient.WalletBalance{Address: "0x00000000000000000000000000000000000000aa", Token: "9999000000000000000000",
		Native: "1000000000000000000", InChannels: "997000000000000000", SpentToday: "3000000000000000", Budget: "1000000000000000000"}
	lim := apiclient.WalletLimits{MaxPricePerCall: "0.01", DailyBudget: "2.5", MaxExposurePerProvider: "5", Deposit: "1", TopUpCalls: 10, CloseDelay: "24h0m0s"}
	f := newFakeAgent(t, map[string]any{
		"GET /wallet/balance":  bal,
		"GET /wallet/channels": []apiclient.WalletChannel{{Provider: "0x00000000000000000000000000000000000000bb", Deposit: "1000000000000000000", Signed: "3000000000000000", Remaining: "997000000000000000", Redeemed: "0"}},
		"GET /wallet/history":  []apiclient.WalletPayment{{Seq: 1, Service: "weather", Price: "3000000000000000", Status: "paid"}},
		"GET /wallet/limits":   lim,
		"POST /wallet/limits":  lim,
		"POST /wallet/topup":   apiclient.WalletChannel{Provider: "0x00000000000000000000000000000000000000bb", Deposit: "2000000000000000000", Remaining: "1997000000000000000"},
		"POST /wallet/close":   apiclient.WalletChannel{Provider: "0x00000000000000000000000000000000000000bb", ClosesAt: 99},
		"GET /provider/status": apiclient.ProviderStatus{Address: "0xbb", Endpoint: "http://192.0.2.1:8470", Prices: map[string]string{"weather": "3000000000000000"}, Held: "3000000000000000", Redeemed: "0", Unredeemed: "3000000000000000"},
	})

	// balance --json is the API's answer as is.
	code, out, stderr := runCLI(ctx, "-socket", f.sock, "wallet", "balance", "--json")
	var got apiclient.WalletBalance
	if code != 0 || json.Unmarshal([]byte(out), &got) != nil || got != bal {
		t.Fatalf("wallet balance --json: exit %d, %q, %s", code, out, stderr)
	}
	for _, tc := range []struct {
		args []string
		want []string // substrings of the output
	}{
		{[]string{"wallet", "balance"}, []string{"9999 MYC", "0.003 of 1 MYC"}},
		{[]string{"wallet", "channels"}, []string{"0x00000000000000000000000000000000000000bb", "0.997", "open"}},
		{[]string{"wallet", "history"}, []string{"weather", "0.003", "paid"}},
		{[]string{"wallet", "limits"}, []string{"daily_budget:", "2.5"}},
		{[]string{"wallet", "limits", "--set", "daily_budget=2.5", "--set", "deposit=1"}, []string{"2.5"}},
		{[]string{"wallet", "topup", "0x00000000000000000000000000000000000000bb", "1"}, []string{"deposit 2 MYC"}},
		{[]string{"wallet", "close", "0x00000000000000000000000000000000000000bb"}, []string{"closing"}},
		{[]string{"provider", "status"}, []string{"http://192.0.2.1:8470", "price weather:", "0.003 MYC"}},
	} {
		code, out, stderr := runCLI(ctx, append([]string{"-socket", f.sock}, tc.args...)...)
		if code != 0 {
			t.Errorf("%v: exit %d: %s", tc.args, code, stderr)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(out, w) {
				t.Errorf("%v: output %q lacks %q", tc.args, out, w)
			}
		}
	}
	reqs := strings.Join(f.requests(), "\n")
	for _, w := range []string{
		`POST /wallet/limits? {"set":{"daily_budget":"2.5","deposit":"1"}}`,
		`POST /wallet/topup? {"provider":"0x00000000000000000000000000000000000000bb","amount":"1"}`,
		`GET /wallet/history?limit=20`,
	} {
		if !strings.Contains(reqs, w) {
			t.Errorf("requests lack %q:\n%s", w, reqs)
		}
	}
	// Mistakes are usage errors (exit 2) and reach nothing.
	n := len(f.requests())
	for _, args := range [][]string{
		{"wallet"}, {"wallet", "spend"}, {"wallet", "topup", "0xbb"}, {"wallet", "limits", "--set", "budget"},
		{"wallet", "balance", "extra"}, {"provider"},
	} {
		if code, _, _ := runCLI(ctx, append([]string{"-socket", f.sock}, args...)...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	if len(f.requests()) != n {
		t.Errorf("usage errors reached the agent: %v", f.requests()[n:])
	}
}

func TestMinerCommands(t *testing.T) {
	ctx := context.Background()
	st := apiclient.MinerStatus{Enabled: true, Stake: "100", Disk: "2GiB", CPUPercent: 25, Hours: "01:00-06:00", Running: false,
		Reason: "voice activity", Node: &apiclient.MinerNode{Address: "0xcc", Endpoint: "http://192.0.2.1:8470", Stake: "100", Prices: map[string]string{"storage": "0.0001"}}}
	f := newFakeAgent(t, map[string]any{
		"POST /miner/enable":   st,
		"POST /miner/disable":  apiclient.MinerStatus{},
		"GET /miner/status":    st,
		"GET /miner/earnings":  apiclient.MinerEarnings{Stake: "100", Unbonding: "0", Pending: "0.0031", Redeemed: "0"},
		"POST /backup/run":     apiclient.BackupStatus{Root: "0xroot", Chunks: 4, Size: 60000, Replicas: []apiclient.BackupReplica{{Node: "0xcc"}}},
		"GET /backup/status":   apiclient.BackupStatus{Root: "0xroot", Chunks: 4, Audits: []apiclient.BackupAudit{{Node: "0xcc", Index: 2}}},
		"POST /backup/restore": apiclient.BackupRestore{Root: "0xroot", Size: 60000, Buckets: []string{"wallet/limits"}, Note: "restart the agent"},
	})
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"miner", "enable", "--stake", "100", "--disk", "2GiB", "--hours", "01:00-06:00"}, []string{"stake 100 MYC", "registered as 0xcc"}},
		{[]string{"miner", "status"}, []string{"paused: voice activity", "price storage:", "0.0001 MYC"}},
		{[]string{"miner", "earnings"}, []string{"0.0031 MYC"}},
		{[]string{"miner", "disable"}, []string{"disabled"}},
		{[]string{"backup", "run"}, []string{"0xroot", "4 chunks"}},
		{[]string{"backup", "status"}, []string{"chunk 2 ok"}},
		{[]string{"backup", "restore"}, []string{"wallet/limits", "restart the agent"}},
	} {
		code, out, stderr := runCLI(ctx, append([]string{"-socket", f.sock}, tc.args...)...)
		if code != 0 {
			t.Errorf("%v: exit %d: %s", tc.args, code, stderr)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(out, w) {
				t.Errorf("%v: output %q lacks %q", tc.args, out, w)
			}
		}
	}
	code, out, _ := runCLI(ctx, "-socket", f.sock, "miner", "status", "--json")
	var got apiclient.MinerStatus
	if code != 0 || json.Unmarshal([]byte(out), &got) != nil || got.Node == nil || got.Node.Prices["storage"] != "0.0001" {
		t.Errorf("miner status --json: exit %d, %q", code, out)
	}
	if reqs := strings.Join(f.requests(), "\n"); !strings.Contains(reqs, `POST /miner/enable? {"args":["--stake","100","--disk","2GiB","--hours","01:00-06:00"]}`) {
		t.Errorf("enable request:\n%s", reqs)
	}
	// Bad enable arguments are refused before anything is staked.
	n := len(f.requests())
	for _, args := range [][]string{
		{"miner", "enable", "--disk", "2GiB"}, {"miner", "enable", "--stake", "100", "--disk", "lots"},
		{"miner", "enable", "--stake", "100", "--disk", "1G", "--hours", "25:00-26:00"}, {"miner"}, {"backup", "now"},
	} {
		if code, _, _ := runCLI(ctx, append([]string{"-socket", f.sock}, args...)...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	if len(f.requests()) != n {
		t.Errorf("usage errors reached the agent: %v", f.requests()[n:])
	}
	// miner-worker refuses an unknown job.
	if code, _, _ := runCLI(ctx, "miner-worker", "dance"); code == 0 {
		t.Error("miner-worker accepted an unknown job")
	}
}
