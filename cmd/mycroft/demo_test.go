//go:build !device

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/mycroft-network/mycroft/board/portaudio"
	"github.com/mycroft-network/mycroft/internal/demo"
	"github.com/mycroft-network/mycroft/p2p"
)

// TestDemoAudioProbe runs the demo's device probe in process. Built without
// the portaudio tag it must answer an error and no device (the demo then
// writes answers to speaker.wav and takes typed questions only); with the
// tag on a machine without sound devices, no device and no error.
func TestDemoAudioProbe(t *testing.T) {
	var out, errb bytes.Buffer
	e := &env{stdout: &out, stderr: &errb, stdin: strings.NewReader("")}
	if code := run(context.Background(), e, []string{demo.ProbeCommand}); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var a demo.Audio
	if err := json.Unmarshal(out.Bytes(), &a); err != nil {
		t.Fatalf("probe printed %q: %v", out.String(), err)
	}
	if !portaudio.Built {
		if a.Input || a.Output || !strings.Contains(a.Error, "built without the portaudio tag") {
			t.Fatalf("stub probe = %+v, want an error and no device", a)
		}
		return
	}
	if a.Error != "" && (a.Input || a.Output) {
		t.Fatalf("probe = %+v: an error with devices", a)
	}
	t.Logf("probe: %+v", a)
}

// TestDemoUnattended builds the binary, runs `mycroft demo --unattended`
// (devnet, provider, two storage nodes, the owner's agent on the simulated
// board) and checks the report: what was spent equals the prices to the
// wei, receipts confirmed what was signed, each spoken question went idle →
// listening → thinking → speaking → idle, the vote is counted on chain, the
// backup restores on a fresh agent from the owner's words, and every child
// process is gone at the end.
func TestDemoUnattended(t *testing.T) {
	if testing.Short() {
		t.Skip("the end-to-end demo takes about a minute and a half")
	}
	if miss := demo.NeedTools(); len(miss) > 0 {
		t.Skipf("demo needs %s (Debian: flite pocketsphinx pocketsphinx-en-us)", strings.Join(miss, ", "))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 6*time.Minute)
	defer cancel()
	dir, err := os.MkdirTemp("", "mcd") // short: unix socket paths are limited
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	bin := filepath.Join(dir, "mycroft")
	if out, err := exec.CommandContext(ctx, "go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	report := filepath.Join(dir, "report.json")
	work := filepath.Join(dir, "w")
	var out bytes.Buffer
	// --unattended keeps the audio devices out (it implies --wav): the
	// checks read speaker.wav.
	cmd := exec.CommandContext(ctx, bin, "demo", "--unattended", "--workdir", work, "--report", report)
	cmd.Stdout, cmd.Stderr = &out, &out
	runErr := cmd.Run()
	var r demo.Report
	b, err := os.ReadFile(report)
	if err != nil || json.Unmarshal(b, &r) != nil {
		t.Fatalf("no report (%v); demo: %v\n%s", err, runErr, out.String())
	}
	if runErr != nil {
		t.Fatalf("demo: %v\n%s", runErr, out.String())
	}
	if _, err := os.Stat(work); !os.IsNotExist(err) {
		t.Errorf("work directory left behind without --keep: %v", err)
	}

	// Every check the demo made passed, and the numbers agree.
	for _, c := range r.Checks {
		if !c.OK {
			t.Errorf("check %s: got %s, want %s", c.Name, c.Got, c.Want)
		}
	}
	price, ok := new(big.Int).SetString(r.Prices["stt"], 10)
	if !ok || price.Sign() <= 0 {
		t.Fatalf("stt price %q", r.Prices["stt"])
	}
	if len(r.Questions) != 2 {
		t.Fatalf("questions %+v, want two", r.Questions)
	}
	sum := new(big.Int)
	wantFaces := []string{"idle", "listening", "thinking", "speaking", "idle"}
	for _, q := range r.Questions {
		before, _ := new(big.Int).SetString(q.SpentBefore, 10)
		after, _ := new(big.Int).SetString(q.SpentAfter, 10)
		if before == nil || after == nil || new(big.Int).Sub(after, before).Cmp(price) != 0 {
			t.Errorf("%s: spent %s → %s, want exactly the price %s more", q.WAV, q.SpentBefore, q.SpentAfter, price)
		}
		sum.Add(sum, price)
		if !slices.Equal(q.Faces, wantFaces) {
			t.Errorf("%s: faces %v, want %v", q.WAV, q.Faces, wantFaces)
		}
		if q.Transcript == "" || q.Reply == "" {
			t.Errorf("%s: transcript %q, reply %q", q.WAV, q.Transcript, q.Reply)
		}
	}
	if r.Questions[0].Transcript != "what time is it" || r.Questions[1].Transcript != "how much money do i have" {
		t.Errorf("transcripts %q, %q", r.Questions[0].Transcript, r.Questions[1].Transcript)
	}
	if r.SpentTotal != sum.String() || r.PriceTotal != sum.String() {
		t.Errorf("spent %s, prices %s, want both %s", r.SpentTotal, r.PriceTotal, sum)
	}
	if r.ChannelSigned != sum.String() || r.ChannelConfirmed != sum.String() {
		t.Errorf("channel signed %s, confirmed (receipts) %s, want %s", r.ChannelSigned, r.ChannelConfirmed, sum)
	}
	if r.ProviderServed != uint64(len(r.Questions)) {
		t.Errorf("provider served %d calls, want %d", r.ProviderServed, len(r.Questions))
	}
	if len(r.MinerEnabled) != 3 || slices.Contains(r.MinerEnabled, false) {
		t.Errorf("miners enabled %v, want three", r.MinerEnabled)
	}
	if r.VotesFor == "" || r.VotesFor == "0" || r.VotesFor != r.VoteWeight || r.VoteTx == "" {
		t.Errorf("vote: for %s, weight %s, tx %q", r.VotesFor, r.VoteWeight, r.VoteTx)
	}
	if r.BackupRoot == "" || r.BackupReplicas != 2 || r.BackupAuditErrors != 0 || r.RestoredRoot != r.BackupRoot ||
		!strings.EqualFold(r.RestoredAddress, r.Owner) {
		t.Errorf("backup root %s on %d nodes (%d audit errors), restored %s at %s (owner %s)",
			r.BackupRoot, r.BackupReplicas, r.BackupAuditErrors, r.RestoredRoot, r.RestoredAddress, r.Owner)
	}
	// The unattended run keeps the audio devices out: the answers are in
	// the WAV file.
	if filepath.Base(r.Speaker) != "speaker.wav" || r.SpeakerBytes <= 44 {
		t.Errorf("answers went to %q (%d bytes), want speaker.wav with samples", r.Speaker, r.SpeakerBytes)
	}
	// Every child process stopped.
	if !r.Stopped || len(r.Pids) < 5 {
		t.Errorf("stopped %v, pids %v", r.Stopped, r.Pids)
	}
	for _, pid := range r.Pids {
		if _, err := os.Stat(filepath.Join("/proc", itoa(pid))); err == nil {
			if b, _ := os.ReadFile(filepath.Join("/proc", itoa(pid), "cmdline")); bytes.Contains(b, []byte(bin)) {
				t.Errorf("child %d still runs", pid)
			}
		}
	}
	// Weather and knowledge, typed, were paid calls answered from the
	// recorded upstream, each at its price.
	if len(r.Typed) != 2 {
		t.Errorf("typed questions %+v, want two", r.Typed)
	}
	for i, q := range r.Typed {
		svc := []string{"weather", "knowledge"}[min(i, 1)]
		if q.Reply == "" || q.Difference != r.Prices[svc] || q.Price != r.Prices[svc] {
			t.Errorf("typed %q: reply %q, cost %s, want the %s price %s", q.Transcript, q.Reply, q.Difference, svc, r.Prices[svc])
		}
	}
	// The piped story is plain: no escape code, and every check and
	// typed answer on a line of its own, whole.
	story := out.String()
	if i := strings.IndexByte(story, 0x1b); i >= 0 {
		t.Errorf("piped output has an escape code at %d: %q", i, story[max(0, i-40):min(len(story), i+40)])
	}
	checkStory(t, story, r)
	// Every node is on libp2p, its peer id its wallet key; the provider
	// and the storage nodes registered libp2p multiaddrs on loopback and
	// serve no plain HTTP, so the paid calls and the backup crossed libp2p
	// (their hosts received them).
	owners := map[string]string{"owner": r.Owner, "provider": r.Provider}
	for i, a := range r.Storage {
		owners["storage"+itoa(i+1)] = a
	}
	for name, addr := range owners {
		id, err := peer.Decode(r.Peers[name])
		if err != nil {
			t.Errorf("%s: peer id %q: %v", name, r.Peers[name], err)
			continue
		}
		if a, err := p2p.AddressOf(id); err != nil || !strings.EqualFold(a.Hex(), addr) {
			t.Errorf("%s: peer id %s is the key of %v (%v), want %s", name, id, a, err, addr)
		}
		if !strings.Contains(story, r.Peers[name]) {
			t.Errorf("the story does not list %s's peer id %s", name, r.Peers[name])
		}
		if name == "owner" {
			continue
		}
		e, err := p2p.ParseEndpoint(r.Endpoints[name])
		if err != nil || !e.IsLibp2p() || !strings.EqualFold(e.Address.Hex(), addr) || e.Peer.ID != id ||
			!strings.HasPrefix(r.Endpoints[name], "/ip4/127.0.0.1/tcp/") {
			t.Errorf("%s registered %q (%v), want a libp2p multiaddr on 127.0.0.1 with peer id %s", name, r.Endpoints[name], err, id)
		}
	}
	if r.ProviderListen != "" || r.ProviderLibp2pIn == "" || r.ProviderLibp2pIn == "0B" {
		t.Errorf("provider: plain node port %q, %q received over libp2p; want none and the calls", r.ProviderListen, r.ProviderLibp2pIn)
	}
	if len(r.ReplicaLibp2pIn) != 2 || slices.Contains(r.ReplicaLibp2pIn, "0B") {
		t.Errorf("the backup's nodes received %q over libp2p, want the backup on two", r.ReplicaLibp2pIn)
	}
	for _, face := range []string{"listening", "thinking", "speaking"} {
		if !strings.Contains(story, "(your speaker's face: "+face) {
			t.Errorf("piped output never shows the face %s", face)
		}
	}
	if t.Failed() {
		t.Logf("demo output:\n%s", out.String())
	}
}

// checkStory checks that story (the demo's output, wrapped lines joined)
// holds every check of the report as one whole line "[ok] 12.3s  name: got
// (want want)", the typed answers, and no failed check.
func checkStory(t *testing.T, story string, r demo.Report) {
	t.Helper()
	lines := strings.Split(strings.ReplaceAll(story, "\r", ""), "\n")
	for _, c := range r.Checks {
		line := regexp.MustCompile(`^   \[ok\] +[0-9]+\.[0-9]s  ` + regexp.QuoteMeta(c.Name+": "+c.Got+" (want "+c.Want+")") + `\s*$`)
		if !slices.ContainsFunc(lines, line.MatchString) {
			t.Errorf("the story has no whole line %s", line)
		}
	}
	for _, q := range r.Typed {
		if !strings.Contains(story, "mycroft: "+strconv.Quote(q.Reply)) {
			t.Errorf("the story lacks the typed answer %q", q.Reply)
		}
	}
	if strings.Contains(story, "[FAIL]") {
		t.Errorf("the story has a failed check")
	}
}

func itoa(n int) string { return big.NewInt(int64(n)).String() }
