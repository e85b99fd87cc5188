package update_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/update"
)

func TestParseVersion(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want update.Version
		ok   bool
	}{
		{"1.2.3", update.NewVersion(1, 2, 3), true},
		{"v0.10.0", update.NewVersion(0, 10, 0), true},
		{"4294967295.65535.65535", update.NewVersion(4294967295, 65535, 65535), true},
		{"1.2", 0, false},
		{"1.2.3.4", 0, false},
		{"01.2.3", 0, false},
		{"1.65536.0", 0, false},
		{"1.-2.3", 0, false},
		{"", 0, false},
	} {
		got, err := update.ParseVersion(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("ParseVersion(%q) = %s, %v; want %s, ok %v", tc.in, got, err, tc.want, tc.ok)
		}
	}
	for in, want := range map[string]update.Version{
		"v1.2.3-4-gabcdef-dirty": update.NewVersion(1, 2, 3), "devel": 0, "v2.0.0+meta": update.NewVersion(2, 0, 0),
	} {
		if got := update.RunningVersion(in); got != want {
			t.Errorf("RunningVersion(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestManifest(t *testing.T) {
	sum := strings.Repeat("ab", 32)
	good := `{"version":"1.2.0","min_version":"1.0.0","notes":"n","artifacts":[{"arch":"arm64","sha256":"` + sum + `","size":10,"storage_root":"0x` + strings.Repeat("cd", 32) + `"}]}`
	m, err := update.ParseManifest([]byte(good))
	if err != nil {
		t.Fatalf("good manifest: %v", err)
	}
	if m.Version != update.NewVersion(1, 2, 0) || len(m.Artifacts) != 1 || m.Artifacts[0].Size != 10 || m.Artifacts[0].StorageRoot == (common.Hash{}) {
		t.Errorf("parsed %+v", m)
	}
	b, err := m.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if again, err := update.ParseManifest(b); err != nil || again.Artifacts[0] != m.Artifacts[0] || again.Version != m.Version {
		t.Errorf("round trip: %+v, %v; want %+v", again, err, m)
	}
	for name, bad := range map[string]string{
		"min above":      strings.Replace(good, `"min_version":"1.0.0"`, `"min_version":"1.3.0"`, 1),
		"no version":     strings.Replace(good, `"version":"1.2.0",`, ``, 1),
		"unknown field":  strings.Replace(good, `"notes"`, `"url":"x","notes"`, 1),
		"short sha":      strings.Replace(good, sum, "abcd", 1),
		"size 0":         strings.Replace(good, `"size":10`, `"size":0`, 1),
		"too big":        strings.Replace(good, `"size":10`, `"size":999999999999`, 1),
		"bad arch":       strings.Replace(good, `"arm64"`, `"ARM 64"`, 1),
		"two archs same": strings.Replace(good, `}]}`, `},{"arch":"arm64","sha256":"`+sum+`","size":1}]}`, 1),
		"trailing":       good + "{}",
		"bad root":       strings.Replace(good, `"0x`+strings.Repeat("cd", 32), `"0xzz`, 1),
	} {
		if _, err := update.ParseManifest([]byte(bad)); !errors.Is(err, update.ErrManifest) {
			t.Errorf("%s: err = %v, want ErrManifest", name, err)
		}
	}
}

func FuzzParseManifest(f *testing.F) {
	f.Add([]byte(`{"version":"1.2.0","min_version":"1.0.0","notes":"","artifacts":[{"arch":"arm64","sha256":"` + strings.Repeat("ab", 32) + `","size":10}]}`))
	f.Add([]byte(`{}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := update.ParseManifest(b)
		if err != nil {
			return
		}
		out, err := m.Marshal()
		if err != nil {
			t.Fatalf("a parsed manifest does not marshal: %v", err)
		}
		if _, err := update.ParseManifest(out); err != nil {
			t.Fatalf("marshalled manifest does not parse: %v", err)
		}
	})
}

// TestSlotsLaunch walks the launcher through a trial: counted starts,
// rollback after MaxAttempts, and rollback past the deadline.
func TestSlotsLaunch(t *testing.T) {
	now := time.Unix(1_800_000_000, 0)
	s := &update.Slots{Dir: t.TempDir(), Now: func() time.Time { return now }}
	if exe, _, err := s.Launch(update.NewVersion(1, 0, 0)); exe != "" || err != nil {
		t.Fatalf("no slots: Launch = %q, %v; want the installed binary", exe, err)
	}
	install := func(v update.Version) string {
		t.Helper()
		src := filepath.Join(s.Dir, "download.bin")
		if err := os.MkdirAll(s.Dir, 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(src, []byte(v.String()), 0o600); err != nil {
			t.Fatal(err)
		}
		slot, err := s.Install(src, v)
		if err != nil {
			t.Fatal(err)
		}
		return slot
	}
	slot := install(update.NewVersion(1, 1, 0))
	if slot != "a" {
		t.Fatalf("first install into %q, want a", slot)
	}
	if cur, _ := s.Current(); cur != "" {
		t.Fatalf("install switched to %q", cur)
	}
	if err := s.Switch(slot, update.NewVersion(1, 0, 0), time.Minute); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= update.MaxAttempts; i++ {
		exe, rb, err := s.Launch(update.NewVersion(1, 0, 0))
		if err != nil || rb != nil || exe != s.Binary("a") {
			t.Fatalf("start %d of the trial: %q, %+v, %v; want slot a", i, exe, rb, err)
		}
	}
	exe, rb, err := s.Launch(update.NewVersion(1, 0, 0))
	if err != nil || rb == nil || exe != "" || rb.Version != update.NewVersion(1, 1, 0) || rb.To != update.NewVersion(1, 0, 0) {
		t.Fatalf("start past MaxAttempts: %q, %+v, %v; want a rollback to the installed binary", exe, rb, err)
	}

	// Good this time: MarkGood ends the trial; the next update goes to b.
	if err := s.Switch("a", update.NewVersion(1, 0, 0), time.Minute); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkGood("a"); err != nil {
		t.Fatal(err)
	}
	if exe, _, _ := s.Launch(update.NewVersion(1, 0, 0)); exe != s.Binary("a") {
		t.Fatalf("after a good trial Launch = %q, want slot a", exe)
	}
	// The owner installs a newer package: it runs instead of the slot.
	if exe, _, _ := s.Launch(update.NewVersion(1, 5, 0)); exe != "" {
		t.Errorf("installed 1.5.0 over slot 1.1.0: Launch = %q, want the installed binary", exe)
	}
	slot = install(update.NewVersion(1, 2, 0))
	if slot != "b" {
		t.Fatalf("second install into %q, want b", slot)
	}
	if err := s.Switch("b", update.NewVersion(1, 1, 0), time.Minute); err != nil {
		t.Fatal(err)
	}
	now = now.Add(2 * time.Minute)
	exe, rb, err = s.Launch(update.NewVersion(1, 0, 0))
	if err != nil || rb == nil || exe != s.Binary("a") || !strings.Contains(rb.Reason, "not healthy by") {
		t.Fatalf("start past the deadline: %q, %+v, %v; want back to slot a", exe, rb, err)
	}
	st, _ := s.State()
	if st.LastRollback == nil || st.LastRollback.Version != update.NewVersion(1, 2, 0) || st.Trial != nil {
		t.Errorf("state after rollback: %+v", st)
	}
	// A hand rollback from a good slot goes to the other one.
	if rb, err := s.RollBack("by hand"); err != nil || rb.To != update.NewVersion(1, 2, 0) {
		t.Errorf("hand rollback: %+v, %v; want to slot b (1.2.0)", rb, err)
	}
	// A state file the SD card damaged: the launcher says so and the
	// installed binary runs; the slots are left as they are.
	if err := os.WriteFile(filepath.Join(s.Dir, "state.json"), []byte("{\"trial\": {"), 0o600); err != nil {
		t.Fatal(err)
	}
	if exe, _, err := s.Launch(update.NewVersion(1, 0, 0)); exe != "" || !errors.Is(err, update.ErrSlots) {
		t.Errorf("damaged state.json: Launch = %q, %v; want the installed binary and ErrSlots", exe, err)
	}
	if cur, _ := s.Current(); cur != "b" {
		t.Errorf("damaged state.json changed current to %q", cur)
	}
}

// TestRefusals: a version the chain never approved and a binary that does
// not match the chain are refused with clear errors, and nothing changes
// in the slots.
func TestRefusals(t *testing.T) {
	l := newLab(t)
	data := []byte(strings.Repeat("release 1.1.0 ", 10_000))
	bin := filepath.Join(t.TempDir(), "bin")
	if err := os.WriteFile(bin, data, 0o755); err != nil {
		t.Fatal(err)
	}
	a := l.artifact(bin, false, true)
	l.release(update.NewVersion(1, 1, 0), update.NewVersion(1, 0, 0), "", a)
	c, err := l.d.Client(l.ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()

	// The mirror serves something else under the approved hash.
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(strings.Repeat("evil", len(data)/4))) })
	evil := httptest.NewServer(mux)
	defer evil.Close()
	slots := &update.Slots{Dir: filepath.Join(t.TempDir(), "slots")}
	var restarts atomic.Int32
	newUpdater := func(f *update.Fetcher) *update.Updater {
		u, err := update.New(update.Config{Running: update.NewVersion(1, 0, 0), Source: func() update.Source { return c },
			Fetcher: f, Slots: slots, Restart: func() { restarts.Add(1) }})
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	u := newUpdater(&update.Fetcher{Dir: update.DownloadDir(slots.Dir), Mirrors: []string{evil.URL}})
	if _, err := u.Apply(l.ctx, update.NewVersion(9, 9, 9)); !errors.Is(err, update.ErrNotApproved) {
		t.Errorf("apply 9.9.9 (never on chain): %v, want ErrNotApproved", err)
	}
	_, err = u.Apply(l.ctx, update.NewVersion(1, 1, 0))
	if !errors.Is(err, update.ErrHashMismatch) {
		t.Errorf("apply with a tampered mirror: %v, want ErrHashMismatch", err)
	}
	if cur, _ := slots.Current(); cur != "" || restarts.Load() != 0 {
		t.Errorf("after refusals: current %q, restarts %d; want none", cur, restarts.Load())
	}
	if _, err := os.Stat(slots.Binary("a")); err == nil {
		t.Errorf("a refused binary was installed into slot a")
	}

	// The storage node has the real one: fetched by chunks, resumed from
	// a part already on disk.
	part := filepath.Join(update.DownloadDir(slots.Dir), hex.EncodeToString(a.SHA256[:])+".part")
	if err := os.WriteFile(part, data[:update.ChunkSize+100], 0o600); err != nil {
		t.Fatal(err)
	}
	f := &update.Fetcher{Dir: update.DownloadDir(slots.Dir), Nodes: func(context.Context) []update.StorageNode { return nodes(l) }}
	res, err := f.Fetch(l.ctx, a)
	if err != nil {
		t.Fatalf("fetch from the storage node: %v", err)
	}
	if res.Resumed != update.ChunkSize+100 || res.Fetched >= int64(len(data)) {
		t.Errorf("resumed %d, fetched %d of %d bytes; want the first chunk kept", res.Resumed, res.Fetched, len(data))
	}
	got, _ := os.ReadFile(res.Path)
	if sha256.Sum256(got) != a.SHA256 {
		t.Errorf("fetched binary differs")
	}
	u = newUpdater(f)
	st, err := u.Apply(l.ctx, 0)
	if err != nil {
		t.Fatalf("apply the approved release: %v", err)
	}
	if cur, _ := slots.Current(); cur != "a" || st.Trial == nil || st.Trial.Version != update.NewVersion(1, 1, 0) {
		t.Errorf("after apply: current %q, trial %+v; want a on trial with 1.1.0", cur, st.Trial)
	}
}

func nodes(l *lab) []update.StorageNode {
	return []update.StorageNode{storageClient(l.nodeURL)}
}

// TestMirrorResumeAndLimit: a download resumes with Range from the part on
// disk; a mirror that sends more than the size on chain is refused.
func TestMirrorResumeAndLimit(t *testing.T) {
	data := []byte(strings.Repeat("mirror bytes ", 10_000))
	sum := sha256.Sum256(data)
	name := hex.EncodeToString(sum[:])
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
		t.Fatal(err)
	}
	var ranges atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Range") != "" {
			ranges.Add(1)
		}
		http.FileServer(http.Dir(dir)).ServeHTTP(w, r)
	}))
	defer srv.Close()
	a := chain.ReleaseArtifact{Arch: "amd64", SHA256: sum, Size: uint64(len(data))}
	f := &update.Fetcher{Dir: t.TempDir(), Mirrors: []string{srv.URL}}
	if err := os.WriteFile(filepath.Join(f.Dir, name+".part"), data[:1000], 0o600); err != nil {
		t.Fatal(err)
	}
	res, err := f.Fetch(context.Background(), a)
	if err != nil {
		t.Fatalf("fetch: %v", err)
	}
	if res.Resumed != 1000 || res.Fetched != int64(len(data))-1000 || ranges.Load() != 1 {
		t.Errorf("resumed %d, fetched %d, range requests %d; want 1000, %d, 1", res.Resumed, res.Fetched, ranges.Load(), len(data)-1000)
	}

	// The chain says the binary is shorter than what the mirror sends.
	short := a
	short.Size = 100
	f2 := &update.Fetcher{Dir: t.TempDir(), Mirrors: []string{srv.URL}}
	if _, err := f2.Fetch(context.Background(), short); !errors.Is(err, update.ErrHashMismatch) {
		t.Errorf("a mirror sending more than the size on chain: %v, want ErrHashMismatch", err)
	}
	if ents, _ := os.ReadDir(f2.Dir); len(ents) != 0 {
		t.Errorf("left behind: %v", ents)
	}
}
