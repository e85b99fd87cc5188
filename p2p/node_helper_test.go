package p2p

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/libp2p/go-libp2p/core/peer"
	ma "github.com/multiformats/go-multiaddr"

	"github.com/mycroft-network/mycroft/internal/netlab"
)

func TestMain(m *testing.M) {
	netlab.RunHelper(map[string]netlab.HelperFunc{"node": nodeHelper})
	os.Exit(m.Run())
}

// nodeHelper is one libp2p node in a namespace of a lab, driven line by
// line on its standard input:
//
//	connect MULTIADDR/p2p/ID   → "ok" or "err …"
//	call MULTIADDR/p2p/ID N    → "ok LIMITED SHA256" (the serving side's view
//	                              of its connection, and the sha256 it read
//	                              of N bytes sent) or "err …"
//	dial MULTIADDR/p2p/ID [direct] → "ok SETUP_NS DIRECT_NS" (helperDial)
//	rtt MULTIADDR/p2p/ID N     → "ok AVERAGE_NS RELAYED" (helperRTT)
//	callnode ENDPOINT N        → as call, through NodeTransport (the
//	                              registered endpoint, then the DHT)
//	status                     → "ok JSON" (Host.Status)
//
// It prints "ready PEERID" once listening, and serves ProtocolHTTP: a
// POST's body is hashed, the answer says whether the connection it came
// on is limited (relayed).
func nodeHelper(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("node", flag.ContinueOnError)
	key := fs.String("key", "", "wallet key, hex")
	relayService := fs.Bool("relay-service", false, "relay for others")
	relayClient := fs.Bool("relay-client", false, "use relays (needs -static-relay)")
	staticRelay := fs.String("static-relay", "", "relay multiaddr with /p2p/ID")
	punch := fs.Bool("hole-punching", false, "DCUtR")
	natService := fs.Bool("autonat-service", false, "answer AutoNAT checks")
	public := fs.Bool("public", false, "force public reachability")
	circuitData := fs.Int64("circuit-data", 0, "relay policy: bytes per circuit each way")
	portMapping := fs.Bool("port-mapping", false, "ask the router for port mappings (UPnP, NAT-PMP)")
	dhtMode := fs.String("dht", "", "run the DHT: auto, client or server (none when empty)")
	bootstrap := fs.String("bootstrap", "", "DHT bootstrap peer, multiaddr with /p2p/ID")
	if err := fs.Parse(args); err != nil {
		return err
	}
	raw, err := hex.DecodeString(*key)
	if err != nil {
		return err
	}
	id, err := IdentityFromRaw(raw)
	if err != nil {
		return err
	}
	cfg := Config{Identity: id, RelayClient: *relayClient, HolePunching: *punch, AutoNATv2: true,
		AutoNATService: *natService, RelayService: *relayService,
		RelayPolicy: RelayPolicy{CircuitData: *circuitData},
		ListenAddrs: []string{"/ip4/0.0.0.0/tcp/4001", "/ip4/0.0.0.0/udp/4001/quic-v1"}}
	if *public {
		cfg.Reachability = ReachabilityPublic
	}
	cfg.PortMapping = *portMapping
	if *staticRelay != "" {
		info, err := peer.AddrInfoFromString(*staticRelay)
		if err != nil {
			return err
		}
		cfg.StaticRelays = []peer.AddrInfo{*info}
	}
	h, err := New(ctx, cfg)
	if err != nil {
		return err
	}
	defer h.Close()
	var finder PeerFinder
	if *dhtMode != "" {
		d, err := helperDHT(ctx, h, *dhtMode, *bootstrap)
		if err != nil {
			return err
		}
		defer d.Close()
		finder = d
	}
	l, err := h.Listen(ProtocolHTTP, 0)
	if err != nil {
		return err
	}
	srv := Server(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sum := sha256.New()
		if _, err := io.Copy(sum, r.Body); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		c, _ := CallerOf(r)
		fmt.Fprintf(w, "%v %x", c.Relayed, sum.Sum(nil))
	}), ServerLimits{}, nil)
	go func() { _ = srv.Serve(l) }()
	defer srv.Close()

	var mu sync.Mutex
	say := func(format string, a ...any) {
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprintf(os.Stdout, format+"\n", a...)
	}
	say("ready %s", h.ID())
	in := bufio.NewScanner(os.Stdin)
	for in.Scan() {
		f := strings.Fields(in.Text())
		if len(f) == 0 {
			continue
		}
		switch {
		case f[0] == "connect" && len(f) == 2:
			info, err := peer.AddrInfoFromString(f[1])
			if err == nil {
				cctx, cancel := context.WithTimeout(ctx, 20*time.Second)
				err = h.Libp2p().Connect(cctx, *info)
				cancel()
			}
			if err != nil {
				say("err %v", oneLine(err))
				continue
			}
			say("ok")
		case f[0] == "call" && len(f) == 3:
			out, err := helperCall(ctx, h, f[1], f[2])
			if err != nil {
				say("err %v", oneLine(err))
				continue
			}
			say("ok %s", out)
		case f[0] == "dial" && (len(f) == 2 || len(f) == 3 && f[2] == "direct"): // bench_nat_test.go
			out, err := helperDial(ctx, h, f[1], len(f) == 3)
			if err != nil {
				say("err %v", oneLine(err))
				continue
			}
			say("ok %s", out)
		case f[0] == "rtt" && len(f) == 3:
			out, err := helperRTT(ctx, h, f[1], f[2])
			if err != nil {
				say("err %v", oneLine(err))
				continue
			}
			say("ok %s", out)
		case f[0] == "callnode" && len(f) == 3: // nat_dht_test.go
			out, err := helperCallNode(ctx, h, finder, f[1], f[2])
			if err != nil {
				say("err %v", oneLine(err))
				continue
			}
			say("ok %s", out)
		case f[0] == "status":
			b, _ := json.Marshal(h.Status())
			say("ok %s", b)
		default:
			say("err unknown command %q", in.Text())
		}
	}
	return in.Err()
}

func oneLine(err error) string { return strings.ReplaceAll(err.Error(), "\n", " ") }

// helperCall POSTs n bytes (of unknown length: chunked, as a paid call's
// streamed audio) to the peer at addr and returns the answer's body.
func helperCall(ctx context.Context, h *Host, addr, n string) (string, error) {
	m, err := ma.NewMultiaddr(addr)
	if err != nil {
		return "", err
	}
	info, err := peer.AddrInfoFromP2pAddr(m)
	if err != nil {
		return "", err
	}
	size, err := strconv.Atoi(n)
	if err != nil {
		return "", err
	}
	cctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	body := io.LimitReader(zeros{}, int64(size))
	req, err := http.NewRequestWithContext(cctx, http.MethodPost, "http://node/v1/call/stt", io.NopCloser(body))
	if err != nil {
		return "", err
	}
	resp, err := h.Client(*info, AllowLimited("test"), Expect(mustAddressOf(info.ID))).Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return "", err
	}
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("status %d: %s", resp.StatusCode, b)
	}
	return string(b), nil
}

func mustAddressOf(id peer.ID) [20]byte {
	a, err := AddressOf(id)
	if err != nil {
		panic(err)
	}
	return a
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}
