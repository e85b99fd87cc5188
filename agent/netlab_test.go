package agent

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/big"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/mycroft-network/mycroft/internal/apiclient"
	"github.com/mycroft-network/mycroft/internal/netlab"
	"github.com/mycroft-network/mycroft/p2p"
	"github.com/mycroft-network/mycroft/voice"
)

// Two homes on the simulated internet (internal/netlab), each behind its
// router's NAT, with the chain's RPC and a relay on the internet. The
// provider's home has a symmetric NAT: it is reached only through the
// relay. Over real libp2p connections, with each agent in its own
// namespace:
//   - the owner's spoken question is a paid speech-to-text call, its
//     audio streamed to the provider through the relay, and both sides
//     agree on what was paid;
//   - with the chain's RPC unreachable, the open channel keeps working;
//   - the relay killed mid-call: the call fails (the owner's device
//     answers from its own recogniser or says it could not), and nothing
//     is paid twice;
//   - both sides' statuses show how they are reached.
func TestP2PAcrossHomes(t *testing.T) {
	needSphinx(t)
	lab := netlab.New(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()

	ocfg, owner, ownerWords := speakerConfig(t, ctx, nil)
	pcfg, prov, _ := speakerConfig(t, ctx, nil)

	chainNS := lab.Host("chain")
	manifest := filepath.Join(t.TempDir(), "deployment.json")
	dn := startProc(t, chainNS, "devnet", "devnet", "-host", chainNS.Addr().String(), "-manifest", manifest,
		"-fund", owner.Hex()+","+prov.Hex())
	rpcURL := dn.ready

	relayKey, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	relayNS := lab.Host("relay")
	relay := startProc(t, relayNS, "relay", "relay", "-key", hex.EncodeToString(crypto.FromECDSA(relayKey)))
	relayAddr := fmt.Sprintf("/ip4/%s/tcp/4001/p2p/%s", relayNS.Addr(), relay.ready)

	for _, c := range []*Config{&ocfg, &pcfg} {
		c.Chain.RPCURL, c.Chain.Manifest = rpcURL, manifest
		c.Miner.MaxLoad = 16
		c.P2P.Enabled = true
		c.P2P.Listen = []string{"/ip4/0.0.0.0/tcp/4001", "/ip4/0.0.0.0/udp/4001/quic-v1"}
		c.P2P.RelayClient = true
		c.P2P.Relays = []string{relayAddr}
		c.P2P.Reachability = "private"
	}
	// The provider, behind a symmetric NAT with no public address,
	// registers its address through the relay (p2pEndpoint).
	pcfg.Provider.Enabled = true
	pcfg.Provider.Listen = "127.0.0.1:8470"
	pcfg.Provider.STT = "pocketsphinx"
	pcfg.Provider.RedeemInterval = Duration(time.Second)
	pcfg.Provider.RedeemFee = "0" // redeem at once, whatever the amount
	ocfg.Voice.STT = voice.STTPaidFirst
	ocfg.Miner.BackupInterval = 0
	ocfg.Miner.BackupCopies = 1

	homeA := lab.Home("a", netlab.EndpointIndependent).Host("pi")
	homeB := lab.Home("b", netlab.Symmetric).Host("pi")
	startProc(t, homeB, "provider", "agent", "-config", writeConfig(t, pcfg),
		"-speaker", filepath.Join(t.TempDir(), "speaker.wav"))
	startProc(t, homeA, "owner", "agent", "-config", writeConfig(t, ocfg),
		"-speaker", filepath.Join(t.TempDir(), "speaker.wav"))
	oc, pc := apiclient.New(ocfg.Agent.Socket), apiclient.New(pcfg.Agent.Socket)

	// The provider registers, behind its relay.
	waitFor(t, "the provider's relay reservation", func() (apiclient.P2PStatus, error) { return p2pStatus(ctx, pc) },
		func(s apiclient.P2PStatus) bool { return len(s.Relays) == 1 })
	if st, err := pc.MinerEnable(ctx, []string{"--stake", "100", "--disk", "16MiB", "--cpu", "50"}); err != nil || !st.Enabled {
		t.Fatalf("miner enable: %+v, %v", st, err)
	}
	ms, err := pc.MinerStatus(ctx)
	if err != nil || ms.Node == nil || !strings.Contains(ms.Node.Endpoint, "/p2p-circuit/p2p/") {
		t.Fatalf("provider's miner status %+v, %v; want registered at a relayed endpoint", ms, err)
	}
	endpoint := ms.Node.Endpoint
	if want := relayAddr + "/p2p-circuit/p2p/"; !strings.HasPrefix(endpoint, want) {
		t.Errorf("registered endpoint %s, want %s<provider>", endpoint, want)
	}
	if n := ms.Network; n == nil || n.Reachability != "behind NAT" || n.Path != "relayed through "+relay.ready || len(n.Relays) != 1 {
		t.Errorf("provider's miner status network %+v, want behind NAT, relayed through %s", n, relay.ready)
	}
	if e, err := p2p.ParseEndpoint(endpoint); err != nil || e.Address != prov {
		t.Fatalf("registered endpoint %q: %+v, %v; want the provider's address", endpoint, e, err)
	}

	// A spoken question: a paid speech-to-text call through the relay.
	fixture, err := filepath.Abs(filepath.Join("..", "voice", "testdata", "time.wav"))
	if err != nil {
		t.Fatal(err)
	}
	ask := func(what string) apiclient.VoiceInteraction {
		t.Helper()
		waitFor(t, "idle", func() (apiclient.VoiceStatus, error) { return oc.VoiceStatus(ctx) },
			func(s apiclient.VoiceStatus) bool { return s.State == "idle" })
		heard, err := oc.VoiceHear(ctx, fixture)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		return waitFor(t, what, func() (apiclient.VoiceInteraction, error) { return oc.VoiceLast(ctx) },
			func(in apiclient.VoiceInteraction) bool { return in.ID > heard.After && in.Done })
	}
	price := myc(t, "0.002")
	paid := func(n int64) string { return new(big.Int).Mul(price, big.NewInt(n)).String() }
	checkPaid := func(what string, n int64) {
		t.Helper()
		chs, err := oc.WalletChannels(ctx)
		if err != nil || len(chs) != 1 || chs[0].Endpoint != endpoint || chs[0].Confirmed != paid(n) {
			t.Fatalf("%s: owner's channels %+v, %v; want one at %s with %s confirmed", what, chs, err, endpoint, paid(n))
		}
		ps, err := pc.ProviderStatus(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if ps.Held != paid(n) {
			t.Fatalf("%s: provider holds vouchers for %s, want %s", what, ps.Held, paid(n))
		}
	}
	in := ask("the first question")
	if in.Transcript != "what time is it" || in.Error != "" {
		t.Fatalf("first question: %+v, want \"what time is it\" heard", in)
	}
	checkPaid("after the first question", 1)
	ost, err := p2pStatus(ctx, oc)
	if err != nil {
		t.Fatal(err)
	}
	if ost.Reachability != "behind NAT" || ost.Relayed < 1 || ost.TrafficOut == "0 B" {
		t.Errorf("owner's p2p status %+v, want behind NAT, the provider relayed, traffic out", ost)
	}

	// The chain's RPC unreachable: the open channel keeps working.
	cut := func(on bool) {
		t.Helper()
		args := []string{"add", "table", "inet", "cut"}
		if !on {
			args[0] = "delete"
		}
		if out, err := chainNS.Command(ctx, "nft", args...).CombinedOutput(); err != nil {
			t.Fatalf("nft %v: %v %s", args, err, out)
		}
		if on {
			if out, err := chainNS.Command(ctx, "nft", "add", "chain", "inet", "cut", "in",
				"{ type filter hook input priority 0; policy drop; }").CombinedOutput(); err != nil {
				t.Fatalf("nft: %v %s", err, out)
			}
		}
	}
	cut(true)
	if in := ask("a question with the chain unreachable"); in.Transcript != "what time is it" || in.Error != "" {
		t.Fatalf("with the chain unreachable: %+v, want the question heard", in)
	}
	cut(false)
	checkPaid("after the question without the chain", 2)

	// The owner's backup goes to the storage node in home B, through the
	// relay, is audited there, and a fresh device in a third home restores
	// it from the owner's words.
	bs, err := oc.BackupRun(ctx)
	if err != nil {
		t.Fatalf("backup across homes: %v", err)
	}
	if len(bs.Replicas) != 1 || bs.Replicas[0].Endpoint != endpoint || bs.Chunks == 0 {
		t.Fatalf("backup %+v, want one copy at %s", bs, endpoint)
	}
	if bs, err = oc.BackupStatus(ctx); err != nil || len(bs.Audits) != 1 || bs.Audits[0].Error != "" {
		t.Fatalf("backup status %+v, %v; want one clean audit", bs, err)
	}
	rent := new(big.Int).Mul(myc(t, pcfg.Provider.PriceStorage), big.NewInt(int64(bs.Chunks)))
	paid = func(n int64) string { return new(big.Int).Add(new(big.Int).Mul(price, big.NewInt(n)), rent).String() }
	checkPaid("after the backup", 2)
	fcfg, freshAddr, _ := speakerConfig(t, ctx, &ownerWords)
	if freshAddr != owner {
		t.Fatalf("restored keyring is %s, want %s", freshAddr.Hex(), owner.Hex())
	}
	fcfg.Chain, fcfg.P2P, fcfg.Miner.BackupInterval = ocfg.Chain, ocfg.P2P, 0
	startProc(t, lab.Home("c", netlab.EndpointIndependent).Host("pi"), "fresh device", "agent",
		"-config", writeConfig(t, fcfg), "-speaker", filepath.Join(t.TempDir(), "speaker.wav"))
	fc := apiclient.New(fcfg.Agent.Socket)
	r, err := fc.BackupRestore(ctx)
	if err != nil || r.Root != bs.Root {
		t.Fatalf("restore on a fresh device: %+v, %v; want root %s", r, err, bs.Root)
	}

	// The relay killed mid-call: the call fails over to the device's own
	// recogniser (or fails); nothing is paid twice.
	go func() {
		time.Sleep(500 * time.Millisecond)
		relay.stop()
	}()
	in = ask("a question while the relay dies")
	t.Logf("while the relay died: transcript %q, reply %q, error %q", in.Transcript, in.Reply, in.Error)
	chs, err := oc.WalletChannels(ctx)
	if err != nil || len(chs) != 1 {
		t.Fatalf("channels %+v, %v", chs, err)
	}
	ps, err := pc.ProviderStatus(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if held := ps.Held; held != chs[0].Confirmed || (held != paid(2) && held != paid(3)) {
		t.Fatalf("after the relay died: owner confirmed %s, provider holds %s: want the same, 2 or 3 calls' worth", chs[0].Confirmed, held)
	}
	waitFor(t, "the provider's redeem", func() (apiclient.ProviderStatus, error) { return pc.ProviderStatus(ctx) },
		func(s apiclient.ProviderStatus) bool { return s.Redeemed == chs[0].Confirmed })
}

// p2pStatus reads the agent's p2p component.
func p2pStatus(ctx context.Context, c *apiclient.Client) (apiclient.P2PStatus, error) {
	var s apiclient.P2PStatus
	st, err := c.Status(ctx)
	if err != nil {
		return s, err
	}
	err = json.Unmarshal(st.Components["p2p"], &s)
	return s, err
}
