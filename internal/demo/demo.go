package demo

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/mycroft-network/mycroft/chain/devnet"
	"github.com/mycroft-network/mycroft/internal/apiclient"
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
	WorkDir     string            `json:"workDir"`
	Owner       string            `json:"owner"`
	Provider    string            `json:"provider"`
	Storage     []string          `json:"storage"`
	Prices      map[string]string `json:"prices"` // base units, from the provider's price list
	TokenFunded string            `json:"tokenFunded"`
	Questions   []Question        `json:"questions"`
	// Typed are the typed questions of weather and knowledge, answered
	// through paid calls to the recorded upstream.
	Typed             []Question `json:"typed"`
	FirstAnswerMillis int64      `json:"firstAnswerMillis"` // from the start of Run
	SpentTotal        string     `json:"spentTotal"`        // base units
	PriceTotal        string     `json:"priceTotal"`        // base units
	ChannelSigned     string     `json:"channelSigned"`
	ChannelConfirmed  string     `json:"channelConfirmed"`
	ProviderHeld      string     `json:"providerHeld"`
	ProviderServed    uint64     `json:"providerServed"`
	EarningsPending   string     `json:"earningsPending"`
	EarningsRedeemed  string     `json:"earningsRedeemed"`
	MinerEnabled      []bool     `json:"minerEnabled"`
	ProposalID        string     `json:"proposalId"`
	VoteTx            string     `json:"voteTx"`
	VoteWeight        string     `json:"voteWeight"`
	VotesFor          string     `json:"votesFor"`
	BackupRoot        string     `json:"backupRoot"`
	BackupChunks      int        `json:"backupChunks"`
	BackupReplicas    int        `json:"backupReplicas"`
	BackupAuditErrors int        `json:"backupAuditErrors"`
	RestoredRoot      string     `json:"restoredRoot"`
	RestoredAddress   string     `json:"restoredAddress"`
	// Speaker is where the answers went: the WAV file or "portaudio";
	// SpeakerBytes, the WAV file's size after the spoken session.
	// Peers are the nodes' libp2p peer ids, by name; Endpoints, the
	// Registry endpoints of the provider and the storage nodes (libp2p
	// multiaddrs on 127.0.0.1).
	Peers     map[string]string `json:"peers"`
	Endpoints map[string]string `json:"endpoints"`
	// ProviderListen is the provider's plain-HTTP node port ("": none);
	// ProviderLibp2pIn and ReplicaLibp2pIn, what the provider and each
	// node holding the backup received over libp2p ("1.2MiB").
	ProviderListen   string   `json:"providerListen"`
	ProviderLibp2pIn string   `json:"providerLibp2pIn"`
	ReplicaLibp2pIn  []string `json:"replicaLibp2pIn"`
	Speaker          string   `json:"speaker"`
	SpeakerBytes     int64    `json:"speakerBytes"`
	Checks           []Check  `json:"checks"`
	Pids             []int    `json:"pids"`
	Stopped          bool     `json:"stopped"`
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
	out   io.Writer // the story: scr
	scr   *screen
	keys  *keyFeed
	up    *upstream
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
	scr := newScreen(o.Stdout)
	stopResize := followResize(scr)
	r := &run{o: o, out: scr, scr: scr, keys: newKeyFeed(o.Stdin), ps: &procs{dir: dir}, rep: &Report{WorkDir: dir}, start: time.Now()}
	defer func() {
		stopResize()
		defer scr.close()
		if r.up != nil {
			r.up.close()
		}
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

// elapsed is the time since the demo started, as the story shows it.
func (r *run) elapsed() string {
	return fmt.Sprintf("%5.1fs", time.Since(r.start).Seconds())
}

// say starts a phase of the story, with the time it starts at.
func (r *run) say(format string, args ...any) {
	fmt.Fprintf(r.out, "\r\n== %s  "+format+"\r\n", append([]any{r.elapsed()}, args...)...)
}

func (r *run) check(name string, ok bool, got, want any) {
	r.rep.Checks = append(r.rep.Checks, Check{Name: name, OK: ok, Got: fmt.Sprint(got), Want: fmt.Sprint(want)})
	mark := "ok"
	if !ok {
		mark = "FAIL"
	}
	fmt.Fprintf(r.out, "   [%s] %s  %s: %v (want %v)\r\n", mark, r.elapsed(), name, got, want)
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
[p2p]
enabled = true
listen_addrs = [%q, %q]
[web]
enabled = false
[messagebus]
enabled = false
`, filepath.Join(n.dir, "state"), thermal, r.dn.URL, r.man, r.pass, p2pTCP, p2pQUIC) + extra
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
		ft, ferr := newFaceTerminal()
		if ferr != nil {
			return ferr
		}
		n.p, err = r.ps.startTerminal(n.name, r.o.Exe, ft.tty, n.keys, args...)
		ft.tty.Close() // the agent holds it now
		if err != nil {
			ft.master.Close()
			return err
		}
		go ft.run(r.scr.setFace)
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
		if line == "" {
			continue
		}
		// A key the extra sets again replaces the base's.
		key, _, _ := strings.Cut(line, "=")
		key = strings.TrimSpace(key)
		if i := slices.IndexFunc(body[cur], func(l string) bool {
			k, _, _ := strings.Cut(l, "=")
			return strings.TrimSpace(k) == key
		}); i >= 0 {
			body[cur][i] = line
			continue
		}
		body[cur] = append(body[cur], line)
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

// ownerConf is the owner's extra config: where the speaker is (the
// weather is asked for that place), the face, where answers go (planAudio)
// and, with mic, the device microphone and the keyboard pipe through which
// the demo presses the action button.
func ownerConf(p audioPlan, mic bool) string {
	s := fmt.Sprintf("[agent]\nlatitude = %v\nlongitude = %v\n", demoLatitude, demoLongitude)
	s += fmt.Sprintf("[board]\nsim_face = \"mark1\"\nsim_speaker = %q\n", p.Speaker)
	if mic {
		s += fmt.Sprintf("sim_mic = %q\nsim_keyboard = true\n", simPortAudio)
	}
	// Only the owner's speaker has the owner's page and the messagebus
	// (the other nodes would take the same ports).
	s += "[web]\nenabled = true\n[messagebus]\nenabled = true\n"
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
