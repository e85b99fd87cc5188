package demo

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/mycroft-network/mycroft/chain/devnet"
	"github.com/mycroft-network/mycroft/internal/apiclient"
	"github.com/mycroft-network/mycroft/miner"
)

//go:embed testdata/*.wav
var questions embed.FS

// Options configure a demo run.
type Options struct {
	// Exe is the mycroft binary the nodes run as (os.Executable()).
	Exe string
	// WorkDir holds every node's state, socket, config and log; empty: a
	// new temporary directory.
	WorkDir string
	// Keep leaves the work directory in place at the end.
	Keep bool
	// Unattended skips the interactive phase: the run ends after the checks.
	// It implies WAV (the checks read the answers' WAV file).
	Unattended bool
	// WAV keeps the audio devices out: the answers are written to
	// speaker.wav in the work directory and questions are typed. Without
	// it the demo probes the default devices (Probe) and plays the answers
	// on the output device, and SPACE talks into the input device.
	WAV bool
	// Probe finds the audio devices; nil runs `Exe demo-audio` in a child
	// process (ProbeAudio).
	Probe func(ctx context.Context) Audio
	// Report, when set, receives the JSON report of every number checked.
	Report string
	// Stdin, Stdout: the terminal (the owner's agent draws its face on
	// Stdout unless Unattended).
	Stdin  io.Reader
	Stdout io.Writer
}

// Question is one spoken question of the session and what it cost.
type Question struct {
	WAV         string   `json:"wav"`
	Transcript  string   `json:"transcript"`
	Reply       string   `json:"reply"`
	Faces       []string `json:"faces"`
	SpentBefore string   `json:"spentBefore"`
	SpentAfter  string   `json:"spentAfter"`
	Difference  string   `json:"difference"`
	Price       string   `json:"price"`
	Millis      int64    `json:"millis"`
}

// Report is every number the demo checked.
type Report struct {
	WorkDir           string            `json:"workDir"`
	Owner             string            `json:"owner"`
	Provider          string            `json:"provider"`
	Storage           []string          `json:"storage"`
	Prices            map[string]string `json:"prices"` // base units, from the provider's price list
	TokenFunded       string            `json:"tokenFunded"`
	Questions         []Question        `json:"questions"`
	FirstAnswerMillis int64             `json:"firstAnswerMillis"` // from the start of Run
	SpentTotal        string            `json:"spentTotal"`        // base units
	PriceTotal        string            `json:"priceTotal"`        // base units
	ChannelSigned     string            `json:"channelSigned"`
	ChannelConfirmed  string            `json:"channelConfirmed"`
	ProviderHeld      string            `json:"providerHeld"`
	ProviderServed    uint64            `json:"providerServed"`
	EarningsPending   string            `json:"earningsPending"`
	EarningsRedeemed  string            `json:"earningsRedeemed"`
	MinerEnabled      []bool            `json:"minerEnabled"`
	ProposalID        string            `json:"proposalId"`
	VoteTx            string            `json:"voteTx"`
	VoteWeight        string            `json:"voteWeight"`
	VotesFor          string            `json:"votesFor"`
	BackupRoot        string            `json:"backupRoot"`
	BackupChunks      int               `json:"backupChunks"`
	BackupReplicas    int               `json:"backupReplicas"`
	BackupAuditErrors int               `json:"backupAuditErrors"`
	RestoredRoot      string            `json:"restoredRoot"`
	RestoredAddress   string            `json:"restoredAddress"`
	// Speaker is where the answers went: the WAV file or "portaudio";
	// SpeakerBytes, the WAV file's size after the spoken session.
	Speaker      string  `json:"speaker"`
	SpeakerBytes int64   `json:"speakerBytes"`
	Checks       []Check `json:"checks"`
	Pids         []int   `json:"pids"`
	Stopped      bool    `json:"stopped"`
}

// Check is one invariant the demo verified.
type Check struct {
	Name string `json:"name"`
	OK   bool   `json:"ok"`
	Got  string `json:"got"`
	Want string `json:"want"`
}

// ErrCheck is returned when a check failed.
var ErrCheck = errors.New("demo: a check failed")

const (
	passphrase = "demo passphrase, never use it on a real device"
	stake      = "100"
	fundMYC    = 10_000
)

type node struct {
	name, dir, sock, conf string
	p                     *proc
	c                     *apiclient.Client
	addr                  common.Address
	words                 string
	// terminal: the process draws on the demo's terminal (the owner's
	// face); keys: its standard input is a pipe the demo writes keys to.
	terminal, keys bool
}

type run struct {
	o     Options
	out   io.Writer
	ps    *procs
	rep   *Report
	start time.Time
	dn    *devnet.Devnet
	pass  string
	man   string
	owner *node
	audio Audio
	plan  audioPlan
}

// Run runs the demo until ctx is done (interactive) or the checks are over
// (unattended). Every child process is stopped before it returns.
func Run(ctx context.Context, o Options) (err error) {
	if o.Stdout == nil {
		o.Stdout = io.Discard
	}
	if o.Exe == "" {
		if o.Exe, err = os.Executable(); err != nil {
			return fmt.Errorf("demo: %w", err)
		}
	}
	dir := o.WorkDir
	if dir == "" {
		if dir, err = os.MkdirTemp("", "mycroft-demo-"); err != nil {
			return fmt.Errorf("demo: %w", err)
		}
	} else if err = os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	r := &run{o: o, out: o.Stdout, ps: &procs{dir: dir}, rep: &Report{WorkDir: dir}, start: time.Now()}
	defer func() {
		if serr := r.ps.stopAll(10 * time.Second); serr != nil {
			err = errors.Join(err, serr)
		}
		r.rep.Stopped = true
		for _, pid := range r.rep.Pids {
			if processAlive(pid) {
				r.rep.Stopped = false
			}
		}
		if r.dn != nil {
			r.dn.Close()
		}
		if o.Report != "" {
			if b, jerr := json.MarshalIndent(r.rep, "", "  "); jerr == nil {
				err = errors.Join(err, os.WriteFile(o.Report, b, 0o600))
			}
		}
		if !o.Keep {
			os.RemoveAll(dir)
		} else {
			fmt.Fprintf(r.out, "work directory kept: %s\n", dir)
		}
	}()
	if err := r.session(ctx, dir); err != nil {
		return err
	}
	for _, c := range r.rep.Checks {
		if !c.OK {
			return fmt.Errorf("%w: %s: got %s, want %s", ErrCheck, c.Name, c.Got, c.Want)
		}
	}
	if o.Unattended {
		fmt.Fprintln(r.out, "all checks passed")
		return nil
	}
	return r.interactive(ctx)
}

// processAlive reports whether pid still runs (not a zombie).
func processAlive(pid int) bool {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return false
	}
	s := string(b)
	if i := strings.LastIndexByte(s, ')'); i >= 0 && i+2 < len(s) {
		return s[i+2] != 'Z' && s[i+2] != 'X'
	}
	return true
}

func (r *run) say(format string, args ...any) {
	fmt.Fprintf(r.out, "\r\n== "+format+"\r\n", args...)
}

func (r *run) check(name string, ok bool, got, want any) {
	r.rep.Checks = append(r.rep.Checks, Check{Name: name, OK: ok, Got: fmt.Sprint(got), Want: fmt.Sprint(want)})
	mark := "ok  "
	if !ok {
		mark = "FAIL"
	}
	fmt.Fprintf(r.out, "   [%s] %s: %v (want %v)\r\n", mark, name, got, want)
}

func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// newNode writes a node's config. extra is appended TOML.
func (r *run) newNode(dir, name, extra string) (*node, error) {
	n := &node{name: name, dir: filepath.Join(dir, name)}
	n.sock = filepath.Join(n.dir, "api.sock")
	n.conf = filepath.Join(n.dir, "agent.toml")
	if err := os.MkdirAll(filepath.Join(n.dir, "state"), 0o700); err != nil {
		return nil, err
	}
	return n, r.writeConf(n, extra)
}

// writeConf writes a node's config: the common base, then extra TOML.
func (r *run) writeConf(n *node, extra string) error {
	thermal := filepath.Join(n.dir, "thermal")
	if err := os.WriteFile(thermal, []byte("45000\n"), 0o600); err != nil {
		return err
	}
	conf := fmt.Sprintf(`[agent]
state_dir = %q
socket_group = ""
[board]
kind = "sim"
thermal_zone = %q
[chain]
rpc_url = %q
manifest = %q
[keys]
passphrase_file = %q
[miner]
max_load = 16.0
`, filepath.Join(n.dir, "state"), thermal, r.dn.URL, r.man, r.pass) + extra
	if err := os.WriteFile(n.conf, []byte(conf), 0o600); err != nil {
		return err
	}
	// The base and the extra may both have a [table]: merge them.
	return mergeTables(n.conf)
}

func (r *run) startNode(ctx context.Context, n *node) error {
	var err error
	args := []string{"agent", "-config", n.conf, "-socket", n.sock}
	if n.terminal {
		n.p, err = r.ps.startTerminal(n.name, r.o.Exe, r.out, n.keys, args...)
	} else {
		n.p, err = r.ps.start(n.name, r.o.Exe, args...)
	}
	if err != nil {
		return err
	}
	r.rep.Pids = append(r.rep.Pids, n.p.cmd.Process.Pid)
	wctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	if err := n.p.waitAgent(wctx, n.sock); err != nil {
		return fmt.Errorf("demo: start %s: %w", n.name, err)
	}
	n.c = apiclient.New(n.sock)
	return nil
}

// poll calls get until ok or the deadline.
func poll[T any](ctx context.Context, what string, d time.Duration, get func(context.Context) (T, error), ok func(T) bool) (T, error) {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	for {
		v, err := get(ctx)
		if err == nil && ok(v) {
			return v, nil
		}
		select {
		case <-ctx.Done():
			return v, fmt.Errorf("demo: waiting for %s: last %+v, %v", what, v, err)
		case <-time.After(100 * time.Millisecond):
		}
	}
}

func wei(s string) *big.Int {
	n, ok := new(big.Int).SetString(s, 10)
	if !ok {
		return new(big.Int)
	}
	return n
}

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

	sttListen, err := freeAddr()
	if err != nil {
		return err
	}
	prov, err := r.newNode(dir, "provider", fmt.Sprintf(`[provider]
enabled = true
listen = %q
stt = "pocketsphinx"
redeem_interval = "2s"
redeem_fee = "0"
[voice]
enabled = false
`, sttListen))
	if err != nil {
		return err
	}
	var stores []*node
	for _, name := range []string{"storage1", "storage2"} {
		l, err := freeAddr()
		if err != nil {
			return err
		}
		s, err := r.newNode(dir, name, fmt.Sprintf("[provider]\nenabled = true\nlisten = %q\n[voice]\nenabled = false\n", l))
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
	owner.terminal = !r.o.Unattended
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
	fmt.Fprintf(r.out, "\r\n   Your speaker's backup words (write them down; shown once):\r\n   %s\r\n", owner.words)
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
	r.say("funding every address (native coin for gas, %d MYC)", fundMYC)
	funded := devnet.Units(fundMYC, devnet.MYC)
	r.rep.TokenFunded = funded.String()
	for _, n := range all {
		if err := r.dn.Fund(ctx, n.addr, devnet.Units(10, devnet.Ether), funded); err != nil {
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
	}
	ps, err := prov.c.ProviderStatus(ctx)
	if err != nil {
		return err
	}
	r.rep.Prices = ps.Prices
	for _, k := range []string{"stt", "storage"} {
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

	if err := r.governance(ctx, owner); err != nil {
		return err
	}
	return r.backup(ctx, dir, owner)
}

func (r *run) governance(ctx context.Context, owner *node) error {
	r.say("governance: the deployer proposes, your speaker votes by signature")
	dep, err := r.dn.Client(ctx, r.dn.Deployer)
	if err != nil {
		return err
	}
	defer dep.Close()
	if _, err := dep.Delegate(ctx, owner.addr); err != nil {
		return fmt.Errorf("demo: delegate: %w", err)
	}
	if err := r.dn.AdvanceTime(ctx, time.Second); err != nil {
		return err
	}
	weight, err := dep.Votes(ctx, owner.addr)
	if err != nil {
		return err
	}
	id, _, err := dep.Propose(ctx, []common.Address{r.dn.Manifest.Token}, nil, [][]byte{nil},
		"# Lower the storage price\nThe network pays storage nodes less.")
	if err != nil {
		return fmt.Errorf("demo: propose: %w", err)
	}
	if err := r.dn.AdvanceTime(ctx, 2*time.Second); err != nil {
		return err
	}
	r.rep.ProposalID, r.rep.VoteWeight = id.String(), weight.String()
	if _, err := poll(ctx, "the proposal", 30*time.Second, owner.c.GovernanceProposals, func(ps []apiclient.GovernanceProposal) bool {
		return len(ps) == 1 && ps[0].State == "active"
	}); err != nil {
		return err
	}
	v, err := owner.c.GovernanceVote(ctx, "1", "yes")
	if err != nil {
		return fmt.Errorf("demo: vote: %w", err)
	}
	r.rep.VoteTx = v.TxHash
	_, forVotes, _, err := dep.ProposalVotes(ctx, id)
	if err != nil {
		return err
	}
	r.rep.VotesFor = forVotes.String()
	fmt.Fprintf(r.out, "   proposal 1: voted yes in %s; %s MYC for\r\n", v.TxHash, miner.FormatAmount(forVotes))
	r.check("vote counted on chain", forVotes.Cmp(weight) == 0 && weight.Sign() > 0, forVotes, weight)
	return nil
}

func (r *run) backup(ctx context.Context, dir string, owner *node) error {
	r.say("backup: your speaker's data, encrypted, on the two storage nodes, then audited")
	bs, err := owner.c.BackupRun(ctx)
	if err != nil {
		return fmt.Errorf("demo: backup run: %w", err)
	}
	st, err := owner.c.BackupStatus(ctx)
	if err != nil {
		return err
	}
	r.rep.BackupRoot, r.rep.BackupChunks, r.rep.BackupReplicas = bs.Root, bs.Chunks, len(bs.Replicas)
	for _, a := range st.Audits {
		if a.Error != "" || a.RepairedTo != "" {
			r.rep.BackupAuditErrors++
		}
	}
	fmt.Fprintf(r.out, "   root %s, %d chunks on %d nodes, %d audits\r\n", bs.Root, bs.Chunks, len(bs.Replicas), len(st.Audits))
	r.check("backup on two nodes", len(bs.Replicas) == 2 && bs.Root != "", len(bs.Replicas), 2)
	r.check("backup audited", len(st.Audits) == 2 && r.rep.BackupAuditErrors == 0, fmt.Sprintf("%d audits, %d errors", len(st.Audits), r.rep.BackupAuditErrors), "2 audits, 0 errors")

	r.say("restore: a fresh speaker from your backup words")
	fresh, err := r.newNode(dir, "fresh", "[voice]\nenabled = false\n")
	if err != nil {
		return err
	}
	if err := r.startNode(ctx, fresh); err != nil {
		return err
	}
	rr, err := fresh.c.KeysRestore(ctx, apiclient.KeysRestoreRequest{Words: owner.words, Passphrase: passphrase, ExpectedAddress: owner.addr.Hex(), Confirm: true})
	if err != nil {
		return fmt.Errorf("demo: keys restore: %w", err)
	}
	r.rep.RestoredAddress = rr.Address
	r.check("restored keyring address", strings.EqualFold(rr.Address, owner.addr.Hex()), rr.Address, owner.addr.Hex())
	// The wallet is built at boot from an unlocked keyring: restart.
	if err := r.restart(ctx, fresh); err != nil {
		return err
	}
	res, err := poll(ctx, "the restore", 60*time.Second, fresh.c.BackupRestore, func(apiclient.BackupRestore) bool { return true })
	if err != nil {
		return err
	}
	r.rep.RestoredRoot = res.Root
	r.check("backup restorable", res.Root == bs.Root, res.Root, bs.Root)
	return nil
}

// restart stops a node and starts it again with the same config.
func (r *run) restart(ctx context.Context, n *node) error {
	if err := r.ps.stop(n.p, 10*time.Second); err != nil {
		return err
	}
	return r.startNode(ctx, n)
}

// mergeTables joins repeated [table] sections of a small generated TOML
// file (the demo appends per-node settings to a common base).
func mergeTables(path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var order []string
	body := map[string][]string{}
	cur := ""
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "[") {
			cur = line
			if _, ok := body[cur]; !ok {
				order = append(order, cur)
				body[cur] = nil
			}
			continue
		}
		if line != "" {
			body[cur] = append(body[cur], line)
		}
	}
	var sb strings.Builder
	for _, t := range order {
		sb.WriteString(t + "\n")
		for _, l := range body[t] {
			sb.WriteString(l + "\n")
		}
	}
	return os.WriteFile(path, []byte(sb.String()), 0o600)
}

// ownerConf is the owner's extra config: the face, where answers go
// (planAudio) and, with mic, the device microphone and the keyboard pipe
// through which the demo presses the action button.
func ownerConf(p audioPlan, mic bool) string {
	s := fmt.Sprintf("[board]\nsim_face = \"mark1\"\nsim_speaker = %q\n", p.Speaker)
	if mic {
		s += fmt.Sprintf("sim_mic = %q\nsim_keyboard = true\n", simPortAudio)
	}
	return s + "[miner]\nbackup_copies = 2\nbackup_interval = \"0s\"\n"
}

// probe asks which audio devices there are; the probe's diagnostics go
// to audio-probe.log in the work directory.
func (r *run) probe(ctx context.Context, dir string) Audio {
	if r.o.Probe != nil {
		return r.o.Probe(ctx)
	}
	f, err := os.Create(filepath.Join(dir, "audio-probe.log"))
	if err != nil {
		return Audio{Error: fmt.Sprintf("audio probe: %v", err)}
	}
	defer f.Close()
	return ProbeAudio(ctx, r.o.Exe, f, probeTimeout)
}

// interactive runs the console until Ctrl-C. With a microphone it first
// restarts the owner's agent on the device microphone (the scripted
// questions went through the simulated one) with the keyboard pipe the
// console presses the action button through.
func (r *run) interactive(ctx context.Context) error {
	owner := r.owner
	if owner == nil || owner.p == nil {
		return nil
	}
	var press func() error
	if r.plan.Mic {
		r.say("restarting your speaker on the microphone (%s)", deviceName(r.audio.InputName))
		if err := r.writeConf(owner, ownerConf(r.plan, true)); err != nil {
			return err
		}
		owner.keys = true
		if err := r.restart(ctx, owner); err != nil {
			return err
		}
		st, err := poll(ctx, "the owner's voice", 60*time.Second, owner.c.VoiceStatus,
			func(s apiclient.VoiceStatus) bool { return s.State == "idle" })
		if err != nil {
			return err
		}
		if st.Microphone && owner.p.keys != nil {
			press = pressVia(owner.p.keys)
		} else {
			fmt.Fprintf(r.out, "   the microphone did not open (see %s): typing only\r\n", owner.p.log)
		}
	}
	fd := -1
	if f, ok := r.o.Stdin.(*os.File); ok {
		fd = int(f.Fd())
	}
	in := r.o.Stdin
	if in == nil {
		in = eofReader{}
	}
	p := owner.p
	k := &console{in: in, out: r.out, fd: fd, c: owner.c, press: press, done: p.done,
		exited: func() error { return fmt.Errorf("%v; see %s", p.err, p.log) }}
	err := k.run(ctx)
	r.say("stopping every process the demo started")
	return err
}

// eofReader is an input that has ended.
type eofReader struct{}

func (eofReader) Read([]byte) (int, error) { return 0, io.EOF }

// NeedTools names the programs the demo needs that are missing.
func NeedTools() []string {
	var miss []string
	for _, p := range []string{"pocketsphinx_continuous", "flite"} {
		if _, err := exec.LookPath(p); err != nil {
			miss = append(miss, p)
		}
	}
	for _, f := range []string{"/usr/share/pocketsphinx/model/en-us/en-us", "/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict"} {
		if _, err := os.Stat(f); err != nil {
			miss = append(miss, f)
		}
	}
	return miss
}
