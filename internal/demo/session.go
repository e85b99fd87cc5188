package demo

import (
	"context"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/mycroft-network/mycroft/chain/devnet"
	"github.com/mycroft-network/mycroft/internal/apiclient"
	"github.com/mycroft-network/mycroft/miner"
)

func (r *run) session(ctx context.Context, dir string) error {
	r.pass = filepath.Join(dir, "passphrase")
	if err := os.WriteFile(r.pass, []byte(passphrase+"\n"), 0o600); err != nil {
		return err
	}
	r.man = filepath.Join(dir, "deployment.json")
	var err error
	r.say("starting the development chain")
	r.dn, err = devnet.Start(ctx, devnet.Config{Port: 0, BlockPeriod: time.Second, ManifestPath: r.man})
	if err != nil {
		return fmt.Errorf("demo: devnet: %w", err)
	}
	fmt.Fprintf(r.out, "   chain %s, manifest %s\r\n", r.dn.URL, r.man)
	if r.up, err = loadRecordings(); err != nil {
		return err
	}
	upURL, err := r.up.start()
	if err != nil {
		return err
	}
	fmt.Fprintf(r.out, "   weather and knowledge upstream: canned answers in Open-Meteo's and Wikipedia's formats, written for the demo, served on %s\r\n"+
		"   (no network; articles: %s)\r\n", upURL, strings.Join(r.up.titles(), ", "))

	// The provider and the storage nodes serve no plain HTTP at all
	// (plain_http = "off"): every paid call and every backup exchange
	// goes over libp2p (the [p2p] table of writeConf).
	prov, err := r.newNode(dir, "provider", fmt.Sprintf(`[provider]
enabled = true
plain_http = "off"
stt = "pocketsphinx"
weather_upstream = %q
knowledge_upstream = %q
redeem_interval = "2s"
redeem_fee = "0"
[voice]
enabled = false
`, upURL, upURL))
	if err != nil {
		return err
	}
	var stores []*node
	for _, name := range []string{"storage1", "storage2"} {
		s, err := r.newNode(dir, name, "[provider]\nenabled = true\nplain_http = \"off\"\n[voice]\nenabled = false\n")
		if err != nil {
			return err
		}
		stores = append(stores, s)
	}
	speaker := filepath.Join(dir, "speaker.wav")
	if r.o.Unattended || r.o.WAV {
		r.plan = planAudio(Audio{}, true, speaker)
	} else {
		r.audio = r.probe(ctx, dir)
		r.plan = planAudio(r.audio, false, speaker)
		fmt.Fprintf(r.out, "   audio: %s\r\n", r.plan.describe(r.audio))
	}
	owner, err := r.newNode(dir, "owner", ownerConf(r.plan, false))
	if err != nil {
		return err
	}
	// The owner's face is drawn on a terminal of its own and shown in
	// the face region of the demo's screen (a line per state when the
	// output is not a terminal).
	owner.terminal = true
	r.owner = owner

	r.say("starting a provider node, two storage nodes and your speaker (simulated board)")
	for _, n := range append([]*node{prov}, stores...) {
		if err := r.startNode(ctx, n); err != nil {
			return err
		}
	}
	if err := r.startNode(ctx, owner); err != nil {
		return err
	}

	r.say("first boot: provisioning keys")
	all := append([]*node{owner, prov}, stores...)
	for _, n := range all {
		ini, err := n.c.KeysInit(ctx, passphrase)
		if err != nil {
			return fmt.Errorf("demo: keys init on %s: %w", n.name, err)
		}
		n.addr, n.words = common.HexToAddress(ini.Address), ini.Words
		fmt.Fprintf(r.out, "   %-9s %s\r\n", n.name, n.addr.Hex())
	}
	if err := r.showWords(ctx, owner.words); err != nil {
		return err
	}
	r.rep.Owner, r.rep.Provider = owner.addr.Hex(), prov.addr.Hex()
	for _, s := range stores {
		r.rep.Storage = append(r.rep.Storage, s.addr.Hex())
	}
	// The wallet and miner are built at boot from an unlocked keyring:
	// restart each node so it unlocks from its passphrase file.
	for _, n := range all {
		if err := r.restart(ctx, n); err != nil {
			return err
		}
	}
	if err := r.showPeers(ctx, all); err != nil {
		return err
	}
	r.say("funding every address (native coin for gas, %d MYC)", fundMYC)
	funded := devnet.Units(fundMYC, devnet.MYC)
	r.rep.TokenFunded = funded.String()
	// Tokens before gas: each speaker delegates its votes to itself as
	// soon as it has gas, and a transfer estimated before that delegation
	// and mined after it would cost more gas than estimated.
	for _, n := range all {
		if err := r.dn.Fund(ctx, n.addr, nil, funded); err != nil {
			return fmt.Errorf("demo: fund %s: %w", n.name, err)
		}
		if err := r.dn.Fund(ctx, n.addr, devnet.Units(10, devnet.Ether), nil); err != nil {
			return fmt.Errorf("demo: fund %s: %w", n.name, err)
		}
	}
	for _, n := range all {
		b, err := poll(ctx, n.name+" wallet", 60*time.Second, n.c.WalletBalance,
			func(b apiclient.WalletBalance) bool { return b.Token == funded.String() })
		if err != nil {
			return err
		}
		_ = b
	}

	r.say("the provider and the storage nodes stake and start mining")
	for _, n := range append([]*node{prov}, stores...) {
		st, err := n.c.MinerEnable(ctx, []string{"--stake", stake, "--disk", "16MiB", "--cpu", "50"})
		if err != nil {
			return fmt.Errorf("demo: miner enable on %s: %w", n.name, err)
		}
		ok := st.Enabled && st.Node != nil && st.Node.Stake == stake
		r.rep.MinerEnabled = append(r.rep.MinerEnabled, ok)
		r.check(n.name+" staked and registered", ok, st.Stake, stake)
		if st.Node != nil {
			r.checkEndpoint(n, st.Node.Endpoint)
		}
	}
	ps, err := prov.c.ProviderStatus(ctx)
	if err != nil {
		return err
	}
	r.rep.Prices = ps.Prices
	for _, k := range []string{"stt", "weather", "knowledge", "storage"} {
		fmt.Fprintf(r.out, "   price of %s: %s MYC\r\n", k, miner.FormatAmount(wei(ps.Prices[k])))
	}
	priceSTT, ok := new(big.Int).SetString(ps.Prices["stt"], 10) // base units
	if !ok {
		return fmt.Errorf("demo: provider price of stt %q", ps.Prices["stt"])
	}

	if _, err := poll(ctx, "the owner's voice", 60*time.Second, owner.c.VoiceStatus,
		func(s apiclient.VoiceStatus) bool { return s.State == "idle" && s.Microphone }); err != nil {
		return err
	}
	r.say("the spoken session: each question is a WAV made with flite, pushed into the simulated microphone")
	priceTotal := new(big.Int)
	spent0 := ""
	for _, q := range []string{"time.wav", "money.wav"} {
		path := filepath.Join(dir, q)
		b, err := questions.ReadFile("testdata/" + q)
		if err != nil {
			return err
		}
		if err := os.WriteFile(path, b, 0o600); err != nil {
			return err
		}
		before, err := owner.c.WalletBalance(ctx)
		if err != nil {
			return err
		}
		if spent0 == "" {
			spent0 = before.SpentToday
		}
		f0, err := owner.c.VoiceFaces(ctx, 0)
		if err != nil {
			return err
		}
		t0 := time.Now()
		heard, err := owner.c.VoiceHear(ctx, path)
		if err != nil {
			return fmt.Errorf("demo: hear %s: %w", q, err)
		}
		in, err := poll(ctx, "the answer to "+q, 90*time.Second, owner.c.VoiceLast,
			func(in apiclient.VoiceInteraction) bool { return in.ID > heard.After && in.Done })
		if err != nil {
			return err
		}
		if r.rep.FirstAnswerMillis == 0 {
			r.rep.FirstAnswerMillis = time.Since(r.start).Milliseconds()
		}
		faces, err := owner.c.VoiceFaces(ctx, f0.Next-min(f0.Next, 2))
		if err != nil {
			return err
		}
		after, err := poll(ctx, "the spend of "+q, 30*time.Second, owner.c.WalletBalance,
			func(b apiclient.WalletBalance) bool { return b.SpentToday != before.SpentToday })
		if err != nil {
			return err
		}
		diff := new(big.Int).Sub(wei(after.SpentToday), wei(before.SpentToday))
		priceTotal.Add(priceTotal, priceSTT)
		seq := apiclient.FaceStates(faces.Faces)
		r.rep.Questions = append(r.rep.Questions, Question{WAV: q, Transcript: in.Transcript, Reply: in.Reply, Faces: seq,
			SpentBefore: before.SpentToday, SpentAfter: after.SpentToday, Difference: diff.String(), Price: priceSTT.String(),
			Millis: time.Since(t0).Milliseconds()})
		fmt.Fprintf(r.out, "   you said: %q\r\n   mycroft: %q\r\n", in.Transcript, in.Reply)
		fmt.Fprintf(r.out, "   spent today %s → %s MYC: −%s, the stt price is %s\r\n",
			miner.FormatAmount(wei(before.SpentToday)), miner.FormatAmount(wei(after.SpentToday)),
			miner.FormatAmount(diff), miner.FormatAmount(priceSTT))
		r.check(q+" transcribed and answered", in.Transcript != "" && in.Reply != "" && in.Error == "", in.Transcript+" / "+in.Reply, "an answer")
		r.check(q+" faces", slices.Equal(seq, []string{"idle", "listening", "thinking", "speaking", "idle"}), seq, "[idle listening thinking speaking idle]")
		r.check(q+" cost (wei)", diff.Cmp(priceSTT) == 0, diff, priceSTT)
	}
	last, err := owner.c.WalletBalance(ctx)
	if err != nil {
		return err
	}
	spent := new(big.Int).Sub(wei(last.SpentToday), wei(spent0))
	r.rep.SpentTotal, r.rep.PriceTotal = spent.String(), priceTotal.String()
	r.check("spent = sum of prices (wei)", spent.Cmp(priceTotal) == 0, spent, priceTotal)
	r.rep.Speaker = r.plan.Speaker
	if r.plan.Speaker == simPortAudio {
		fmt.Fprintf(r.out, "   the answers were played on %s\r\n", deviceName(r.audio.OutputName))
	} else {
		if st, err := os.Stat(speaker); err == nil {
			r.rep.SpeakerBytes = st.Size()
		}
		// More than the 44-byte header: the answers' samples are there.
		r.check("answers spoken to speaker.wav (bytes)", r.rep.SpeakerBytes > 44, r.rep.SpeakerBytes, "> 44")
	}
	chs, err := owner.c.WalletChannels(ctx)
	if err != nil {
		return err
	}
	for _, ch := range chs {
		if strings.EqualFold(ch.Provider, prov.addr.Hex()) {
			r.rep.ChannelSigned, r.rep.ChannelConfirmed = ch.Signed, ch.Confirmed
		}
	}
	r.check("vouchers signed = sum of prices", r.rep.ChannelSigned == priceTotal.String(), r.rep.ChannelSigned, priceTotal)
	r.check("receipts verified (confirmed = signed)", r.rep.ChannelConfirmed == r.rep.ChannelSigned, r.rep.ChannelConfirmed, r.rep.ChannelSigned)

	r.say("the provider earns: vouchers held and redeemed on chain")
	e, err := poll(ctx, "the provider's redeem", 60*time.Second, prov.c.MinerEarnings, func(e apiclient.MinerEarnings) bool {
		red, _ := miner.ParseAmount(e.Redeemed)
		return red != nil && red.Cmp(priceTotal) == 0
	})
	if err != nil {
		// Earnings are still reported; the check below fails.
		fmt.Fprintf(r.out, "   %v\r\n", err)
	}
	r.rep.EarningsPending, r.rep.EarningsRedeemed = e.Pending, e.Redeemed
	pst, err := prov.c.ProviderStatus(ctx)
	if err != nil {
		return err
	}
	r.rep.ProviderHeld, r.rep.ProviderServed = pst.Held, pst.Stats.Served
	fmt.Fprintf(r.out, "   provider: served %d, redeemed %s MYC, pending %s MYC\r\n", pst.Stats.Served, e.Redeemed, e.Pending)
	r.check("provider redeemed = sum of prices", e.Redeemed == miner.FormatAmount(priceTotal), e.Redeemed, miner.FormatAmount(priceTotal))
	if err := r.checkOverLibp2p(ctx, prov, pst); err != nil {
		return err
	}

	if err := r.typed(ctx, owner, ps.Prices); err != nil {
		return err
	}
	if err := r.governance(ctx, owner); err != nil {
		return err
	}
	return r.backup(ctx, dir, owner, append([]*node{prov}, stores...))
}
