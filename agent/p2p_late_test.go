package agent

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/internal/apiclient"
	"github.com/mycroft-network/mycroft/p2p"
)

// p2pWarning is the agent's "p2p" warning, if any.
func p2pWarning(t *testing.T, ctx context.Context, c *apiclient.Client, component string) (apiclient.Warning, bool) {
	t.Helper()
	st, err := c.Status(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range st.Warnings {
		if w.Component == component {
			return w, true
		}
	}
	return apiclient.Warning{}, false
}

// TestP2PStartsOnUnlock: a provider whose keyring is locked at start (no
// passphrase file: the owner unlocks by hand) has no host, a notice (not
// a warning) in its status, and refuses calls to libp2p endpoints and
// mining with ErrP2PNotStarted. Once the owner unlocks it through the
// API its host runs as the wallet key, without a restart: the provider is
// served over libp2p, registers its libp2p endpoint, and another agent's
// paid weather call reaches it over libp2p.
func TestP2PStartsOnUnlock(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	ocfg, owner, _ := speakerConfig(t, ctx, nil)
	pcfg, prov, _ := speakerConfig(t, ctx, nil)
	pcfg.Keys.PassphraseFile = "" // locked at start
	dn, manifest := testChain(t, ctx, owner, prov)
	reader, err := dn.Client(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	for _, c := range []*Config{&ocfg, &pcfg} {
		onTestChain(t, c, dn, manifest)
		if !c.P2P.Enabled {
			t.Fatal("p2p is not on by default")
		}
	}
	pcfg.Provider.Enabled = true
	pcfg.Provider.Listen = freeAddr(t)
	pcfg.Provider.PriceWeather = "0.003"
	pcfg.Provider.WeatherUpstream = upstreamServer(t)
	pa, pc, _ := start(t, pcfg, Options{})
	ocfg.Agent.Latitude, ocfg.Agent.Longitude = 52.52, 13.42
	oa, _, _ := start(t, ocfg, Options{})
	or := oa.p2px.running()
	if or == nil {
		t.Fatal("the owner's agent, unlocked at start, has no host")
	}

	// Locked: no host, a notice, and a clear error for libp2p endpoints.
	if pa.p2px == nil || pa.p2px.running() != nil || pa.provider == nil {
		t.Fatalf("locked provider: p2p %v, running %v, provider %v; want p2p waiting and a provider", pa.p2px, pa.p2px.running(), pa.provider)
	}
	for _, comp := range []string{"p2p", "provider.p2p"} {
		w, ok := p2pWarning(t, ctx, pc, comp)
		if !ok || w.Severity != Notice || !strings.Contains(w.Message, "keyring is unlocked") {
			t.Fatalf("locked: %s warning %+v (present %v), want a notice that the network starts on unlock", comp, w, ok)
		}
	}
	st, err := pc.Status(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var ps apiclient.P2PStatus
	if err := json.Unmarshal(st.Components["p2p"], &ps); err != nil || ps.Peer != "" || ps.Reachability != "not started" {
		t.Fatalf("locked: status p2p %s (%v), want not started", st.Components["p2p"], err)
	}
	if _, err := (nodeTransport{pa.p2px}).RoundTripper(or.endpoint, owner); !errors.Is(err, ErrP2PNotStarted) {
		t.Fatalf("locked: wallet transport to %s: %v, want ErrP2PNotStarted", or.endpoint, err)
	}
	hc, _, ok := pa.nodeHTTP(or.endpoint)
	if !ok {
		t.Fatalf("nodeHTTP(%q) took a libp2p endpoint for a URL", or.endpoint)
	}
	if _, err := hc.Get("http://node/v1/offer"); !errors.Is(err, ErrP2PNotStarted) || !strings.Contains(err.Error(), "the network starts when the keyring is unlocked") {
		t.Fatalf("locked: storage call to %s: %v, want ErrP2PNotStarted", or.endpoint, err)
	}
	if pe := pa.earn.prov.endpoint(); pe != "" {
		t.Fatalf("locked: provider announces %q, want nothing before the host runs", pe)
	}
	if _, err := pc.MinerEnable(ctx, []string{"--stake", "100", "--disk", "16MiB", "--cpu", "50"}); apiStatus(err) != http.StatusServiceUnavailable ||
		!strings.Contains(err.Error(), "keyring is unlocked") {
		t.Fatalf("locked: miner enable: %v, want 503: the network starts on unlock", err)
	}

	// Unlocked through the API: the host starts, as the wallet key.
	if err := pc.KeysUnlock(ctx, speakerPass); err != nil {
		t.Fatal(err)
	}
	pr := pa.p2px.running()
	if pr == nil || pr.host.Address() != prov {
		t.Fatalf("after unlock: host %v, want one with the provider's key %s", pr, prov.Hex())
	}
	for _, comp := range []string{"p2p", "provider.p2p"} {
		if w, ok := p2pWarning(t, ctx, pc, comp); ok {
			t.Fatalf("after unlock: %s warning %+v remains", comp, w)
		}
	}
	if st, err := pc.MinerEnable(ctx, []string{"--stake", "100", "--disk", "16MiB", "--cpu", "50"}); err != nil || !st.Enabled {
		t.Fatalf("miner enable: %+v, %v", st, err)
	}
	list, err := reader.ListNodes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var endpoint string
	for _, n := range list {
		if n.Address == prov {
			endpoint = n.Endpoint
		}
	}
	e, err := p2p.ParseEndpoint(endpoint)
	if err != nil || !e.IsLibp2p() || e.Address != prov || endpoint != pr.endpoint {
		t.Fatalf("registered endpoint %q (%+v, %v), want the host's %q", endpoint, e, err, pr.endpoint)
	}

	// The owner's paid call reaches the provider over libp2p.
	cond, err := oa.weatherSkill().Current(ctx)
	if err != nil || cond.TempC != 4.3 {
		t.Fatalf("weather over libp2p after unlock: %+v, %v; want 4.3 °C", cond, err)
	}
	price := myc(t, "0.003")
	provStatus, err := pc.ProviderStatus(ctx)
	if err != nil || provStatus.Held != price.String() || provStatus.Stats.Served != 1 || provStatus.Endpoint != endpoint {
		t.Fatalf("provider status = %+v, %v; want %s held after one call, endpoint %s", provStatus, err, price, endpoint)
	}
	if s := pr.host.Status(); s.BytesIn == 0 {
		t.Fatalf("provider host status %+v: the call did not arrive over libp2p", s)
	}
}

// TestP2PStartsOnKeysInit: on first boot there is no keyring, so no host;
// an offline speaker (no chain) gets no notice. `keys init` through the
// API starts the host as the new wallet key.
func TestP2PStartsOnKeysInit(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	a, c, _ := start(t, testConfig(t), Options{})
	if a.p2px == nil || a.p2px.running() != nil {
		t.Fatalf("first boot: p2p %v; want p2p waiting for a keyring", a.p2px)
	}
	if w, ok := p2pWarning(t, ctx, c, "p2p"); ok {
		t.Fatalf("first boot of an offline speaker: p2p warning %+v, want none", w)
	}
	res, err := c.KeysInit(ctx, testPass)
	if err != nil {
		t.Fatal(err)
	}
	r := a.p2px.running()
	if r == nil || !strings.EqualFold(r.host.Address().Hex(), res.Address) {
		t.Fatalf("after keys init: host %v, want one with the new key %s", r, res.Address)
	}
	st, err := c.Status(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var ps apiclient.P2PStatus
	if err := json.Unmarshal(st.Components["p2p"], &ps); err != nil || ps.Peer != r.host.ID().String() || len(ps.Listen) == 0 {
		t.Fatalf("after keys init: status p2p %s (%v), want the host", st.Components["p2p"], err)
	}
}

// With p2p on, a keyring that is neither created nor unlocked on a
// device with a chain configured is a notice: the owner has not unlocked
// yet, nothing is broken.
func TestP2PNoticeWhileLocked(t *testing.T) {
	for _, tc := range []struct {
		name string
		init bool
		want string
	}{
		{"no keyring", false, "mycroft keys init"},
		{"locked", true, "mycroft keys unlock"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			cfg := testConfig(t)
			cfg.Chain.RPCURL = "http://127.0.0.1:1" // configured, not reached
			if tc.init {
				a, err := New(ctx, cfg, Options{})
				if err != nil {
					t.Fatal(err)
				}
				if _, err := a.keys.Init(ctx, []byte(testPass)); err != nil {
					t.Fatal(err)
				}
				a.keys.Lock()
				if err := a.Close(); err != nil {
					t.Fatal(err)
				}
			}
			a, c, _ := start(t, cfg, Options{})
			if a.p2px.running() != nil {
				t.Fatal("a host runs without the wallet key")
			}
			w, ok := p2pWarning(t, ctx, c, "p2p")
			if !ok || w.Severity != Notice || !strings.Contains(w.Message, tc.want) {
				t.Fatalf("p2p warning %+v (present %v), want a notice naming %q", w, ok, tc.want)
			}
		})
	}
}
