package agent

import (
	"context"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"testing"
	"time"
)

// TestPlainHTTPRules: the plain node port never serves a routable address
// once p2p is on, nor with plain_http = loopback or lan; with p2p off and
// the default it listens where provider.listen says, as before.
func TestPlainHTTPRules(t *testing.T) {
	for _, tc := range []struct {
		name   string
		p2p    bool
		plain  string // provider.plain_http; "" keeps the default
		listen string
		bind   string // the address bound; "" with an error or off
		bad    string // the key refused; "" for a good config
		msg    string // in the error
	}{
		{"p2p off, default: as before", false, "", "0.0.0.0:8470", "0.0.0.0:8470", "", ""},
		{"p2p off, public address kept", false, "", "203.0.113.7:8470", "203.0.113.7:8470", "", ""},
		{"p2p on, default: loopback", true, "", "0.0.0.0:8470", "127.0.0.1:8470", "", ""},
		{"p2p on, IPv6 unspecified: loopback", true, "", "[::]:8470", "[::1]:8470", "", ""},
		{"p2p on, empty host: loopback", true, "", ":8470", "127.0.0.1:8470", "", ""},
		{"p2p on, loopback kept", true, "", "127.0.0.1:9000", "127.0.0.1:9000", "", ""},
		{"p2p on, public refused", true, "", "203.0.113.7:8470", "", "provider.listen", "203.0.113.7 is a routable address"},
		{"p2p on, public IPv6 refused", true, "", "[2001:db8::1]:8470", "", "provider.listen", "routable address"},
		{"p2p on, LAN address needs lan", true, "", "192.168.1.20:8470", "", "provider.listen", `provider.plain_http = "lan"`},
		{"p2p on, hostname refused", true, "", "speaker.example:8470", "", "provider.listen", "not an IP address"},
		{"lan: private address", true, "lan", "192.168.1.20:8470", "192.168.1.20:8470", "", ""},
		{"lan: all interfaces, filtered at accept", true, "lan", "0.0.0.0:8470", "0.0.0.0:8470", "", ""},
		{"lan: public refused", true, "lan", "198.51.100.2:8470", "", "provider.listen", "198.51.100.2 is a routable address"},
		{"lan: carrier NAT is not a LAN", true, "lan", "100.64.1.2:8470", "", "provider.listen", "routable address"},
		{"lan without p2p: public refused too", false, "lan", "203.0.113.7:8470", "", "provider.listen", "routable address"},
		{"loopback without p2p", false, "loopback", "0.0.0.0:8470", "127.0.0.1:8470", "", ""},
		{"off with p2p", true, "off", "0.0.0.0:8470", "", "", ""},
		{"off without p2p refused", false, "off", "0.0.0.0:8470", "", "provider.plain_http", "needs p2p.enabled"},
		{"unknown value", true, "tls", "0.0.0.0:8470", "", "provider.plain_http", "must be auto, loopback, lan or off"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := DefaultConfig()
			cfg.P2P.Enabled, cfg.Provider.Enabled, cfg.Provider.Listen = tc.p2p, true, tc.listen
			if tc.plain != "" {
				cfg.Provider.PlainHTTP = tc.plain
			}
			err := cfg.Validate()
			switch {
			case tc.bad == "" && err != nil:
				t.Fatalf("Validate = %v, want ok", err)
			case tc.bad != "" && (err == nil || !strings.Contains(err.Error(), tc.bad+": ") || !strings.Contains(err.Error(), tc.msg)):
				t.Fatalf("Validate = %v, want an error on %s saying %q", err, tc.bad, tc.msg)
			case tc.bad != "":
				return
			}
			p := cfg.Provider
			bind, err := plainListen(p.Listen, p.plainMode(tc.p2p), p.PlainHTTP == PlainAuto)
			if err != nil || bind != tc.bind {
				t.Fatalf("plainListen(%q) = %q, %v; want %q", p.Listen, bind, err, tc.bind)
			}
		})
	}
}

// TestPlainHTTPConfigFile: the refusal names the key and its line in the
// owner's file.
func TestPlainHTTPConfigFile(t *testing.T) {
	_, err := ParseConfig("agent.toml", []byte("[p2p]\nenabled = true\n[provider]\nenabled = true\nlisten = \"203.0.113.7:8470\"\n"))
	if err == nil || !strings.Contains(err.Error(), "agent.toml:5: provider.listen: 203.0.113.7 is a routable address") {
		t.Fatalf("ParseConfig = %v, want agent.toml:5 refusing the public plaintext listener", err)
	}
}

func TestOnLAN(t *testing.T) {
	for _, tc := range []struct {
		addr string
		want bool
	}{
		{"127.0.0.1", true}, {"::1", true}, {"10.1.2.3", true}, {"172.16.0.9", true}, {"192.168.1.20", true},
		{"169.254.10.1", true}, {"fe80::1", true}, {"fd00::7", true}, {"::ffff:192.168.1.20", true},
		{"203.0.113.7", false}, {"8.8.8.8", false}, {"100.64.1.2", false}, {"2001:db8::1", false}, {"::ffff:8.8.8.8", false},
		{"0.0.0.0", false},
	} {
		if got := onLAN(netip.MustParseAddr(tc.addr)); got != tc.want {
			t.Errorf("onLAN(%s) = %v, want %v", tc.addr, got, tc.want)
		}
	}
	for _, tc := range []struct {
		addr net.Addr
		want bool
	}{
		{&net.TCPAddr{IP: net.IPv4(192, 168, 1, 2), Port: 1}, true},
		{&net.TCPAddr{IP: net.IPv4(203, 0, 113, 7), Port: 1}, false},
		{&net.UnixAddr{Name: "sock", Net: "unix"}, false},
	} {
		if got := addrOnLAN(tc.addr); got != tc.want {
			t.Errorf("addrOnLAN(%s) = %v, want %v", tc.addr, got, tc.want)
		}
	}
}

// TestLANListenerServesLoopback: a loopback client is on the LAN and gets
// its answer through the filter (what is refused is a public end, which
// onLAN decides above).
func TestLANListenerServesLoopback(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })}
	go srv.Serve(lanListener{ln})
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+ln.Addr().String()+"/", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNoContent {
		t.Fatalf("status %d, want 204", resp.StatusCode)
	}
}

func TestPlainNotice(t *testing.T) {
	lo := &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8470}
	all := &net.TCPAddr{IP: net.IPv4zero, Port: 8470}
	for _, tc := range []struct {
		mode string
		addr net.Addr
		want string // in the notice; "" for none
	}{
		{plainAny, all, "node traffic is plaintext"},
		{plainAny, lo, ""},
		{PlainLAN, all, "node traffic on the LAN is plaintext"},
		{PlainLoopback, lo, ""},
	} {
		got := plainNotice(tc.mode, tc.addr)
		if tc.want == "" && got != "" || !strings.Contains(got, tc.want) {
			t.Errorf("plainNotice(%s, %s) = %q, want %q", tc.mode, tc.addr, got, tc.want)
		}
	}
}

// TestPlainHTTPPort: running agents bind the plain node port by the rules.
// With p2p on and listen on all interfaces it binds loopback only (and
// serves over libp2p); with plain_http = off it binds nothing; with p2p
// off it binds all interfaces, as before, and `mycroft status` says node
// traffic is plaintext.
func TestPlainHTTPPort(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	dn, manifest := testChain(t, ctx)
	for _, tc := range []struct {
		name       string
		p2p        bool
		plain      string
		listen     string // prefix of the bound address ("0.0.0.0:" also takes "[::]:", Go's dual stack); "" for none
		plaintext  bool   // a provider.plaintext notice in the status
		overLibp2p bool
	}{
		{"p2p on: loopback only", true, PlainAuto, "127.0.0.1:", false, true},
		{"p2p on, plain off", true, PlainOff, "", false, true},
		{"p2p off: all interfaces, plaintext said", false, PlainAuto, "0.0.0.0:", true, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg, _, _ := speakerConfig(t, ctx, nil)
			onTestChain(t, &cfg, dn, manifest)
			cfg.Voice.Enabled = false
			cfg.P2P.Enabled = tc.p2p
			cfg.P2P.Listen = []string{"/ip4/127.0.0.1/tcp/0"}
			cfg.Provider.Enabled, cfg.Provider.Listen, cfg.Provider.PlainHTTP = true, "0.0.0.0:0", tc.plain
			if err := cfg.Validate(); err != nil {
				t.Fatal(err)
			}
			a, c, _ := start(t, cfg, Options{})
			ps, err := c.ProviderStatus(ctx)
			if err != nil {
				t.Fatal(err)
			}
			bound := strings.Replace(ps.Listen, "[::]:", "0.0.0.0:", 1)
			if tc.listen == "" && ps.Listen != "" || !strings.HasPrefix(bound, tc.listen) {
				t.Errorf("node port listens on %q, want %q...", ps.Listen, tc.listen)
			}
			st, err := c.Status(ctx)
			if err != nil {
				t.Fatal(err)
			}
			var notice string
			for _, w := range st.Warnings {
				if w.Component == "provider.plaintext" {
					notice = w.Message
				}
			}
			if got := strings.Contains(notice, "node traffic is plaintext") && strings.Contains(notice, "[p2p]"); got != tc.plaintext {
				t.Errorf("plaintext notice %q (warnings %+v), want one: %v", notice, st.Warnings, tc.plaintext)
			}
			served := false
			for _, s := range a.svcs.list {
				served = served || s.Name() == "provider.p2p"
			}
			if served != tc.overLibp2p || (tc.overLibp2p && !strings.HasPrefix(ps.Endpoint, "/ip4/127.0.0.1/tcp/")) {
				t.Errorf("served over libp2p %v with endpoint %q, want %v", served, ps.Endpoint, tc.overLibp2p)
			}
		})
	}
}
