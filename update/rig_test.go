package update_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/chain/devnet"
	"github.com/mycroft-network/mycroft/miner/storage"
	"github.com/mycroft-network/mycroft/update"
)

// builds holds the fake agent built once per test binary, by ldflags.
var builds struct {
	sync.Mutex
	dir  string
	bins map[string]string
}

// fakeAgent builds update/testdata/fakeagent with the given ldflags
// variables (version, broken, unhealthy) once and returns its path.
func fakeAgent(t testing.TB, version string, extra ...string) string {
	t.Helper()
	builds.Lock()
	defer builds.Unlock()
	key := version + strings.Join(extra, ",")
	if p, ok := builds.bins[key]; ok {
		return p
	}
	if builds.dir == "" {
		d, err := os.MkdirTemp("", "update-fakeagent")
		if err != nil {
			t.Fatal(err)
		}
		builds.dir, builds.bins = d, map[string]string{}
	}
	ld := "-X main.version=" + version
	for _, e := range extra {
		ld += " -X main." + e + "=1"
	}
	out := filepath.Join(builds.dir, fmt.Sprintf("fakeagent-%d", len(builds.bins)))
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags", ld, "-o", out, "./testdata/fakeagent")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build fake agent %s: %v\n%s", key, err, b)
	}
	builds.bins[key] = out
	return out
}

func TestMain(m *testing.M) {
	code := m.Run()
	if builds.dir != "" {
		os.RemoveAll(builds.dir)
	}
	os.Exit(code)
}

// lab is a devnet with the governance the tests pass releases through, a
// storage node holding release sets and a mirror directory served over
// HTTP, with the bytes each served counted.
type lab struct {
	t         testing.TB
	ctx       context.Context
	d         *devnet.Devnet
	gov       *chain.Client
	manifest  string
	node      *storage.Node
	nodeKey   *ecdsa.PrivateKey
	nodeURL   string
	mirrorDir string
	mirrorURL string
	publisher *ecdsa.PrivateKey
	served    atomic.Int64 // bytes of response bodies, mirror and node
	nodeBytes atomic.Int64 // of which the storage node's
}

type countingWriter struct {
	http.ResponseWriter
	n *atomic.Int64
}

func (c countingWriter) Write(b []byte) (int, error) {
	n, err := c.ResponseWriter.Write(b)
	c.n.Add(int64(n))
	return n, err
}

func counted(h http.Handler, n *atomic.Int64) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { h.ServeHTTP(countingWriter{w, n}, r) })
}

func newLab(t testing.TB) *lab {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	t.Cleanup(cancel)
	l := &lab{t: t, ctx: ctx}
	dir := t.TempDir()
	l.manifest = filepath.Join(dir, "manifest.json")
	d, err := devnet.Start(ctx, devnet.Config{ManifestPath: l.manifest, BlockPeriod: -1})
	if err != nil {
		t.Fatalf("devnet: %v", err)
	}
	t.Cleanup(func() { d.Close() })
	l.d = d
	if l.gov, err = d.Client(ctx, d.Deployer); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.gov.Close() })

	st, err := storage.OpenStore(storage.StoreConfig{Dir: filepath.Join(dir, "node"), Quota: 1 << 30})
	if err != nil {
		t.Fatal(err)
	}
	l.nodeKey, _ = crypto.GenerateKey()
	l.node, err = storage.NewNode(storage.NodeConfig{Store: st, Signer: chain.NewKeySigner(l.nodeKey), ChainID: big.NewInt(int64(d.Manifest.ChainID)), Registry: d.Manifest.Registry})
	if err != nil {
		t.Fatal(err)
	}
	ns := httptest.NewServer(counted(counted(l.node.Handler(nil), &l.nodeBytes), &l.served))
	t.Cleanup(ns.Close)
	l.nodeURL = ns.URL
	l.mirrorDir = filepath.Join(dir, "mirror")
	if err := os.MkdirAll(l.mirrorDir, 0o755); err != nil {
		t.Fatal(err)
	}
	ms := httptest.NewServer(counted(http.FileServer(http.Dir(l.mirrorDir)), &l.served))
	t.Cleanup(ms.Close)
	l.mirrorURL = ms.URL
	l.publisher, _ = crypto.GenerateKey()
	return l
}

// artifact reads a binary and, as a maintainer would, puts it on the
// mirror (under its sha256) when onMirror and on the storage node when
// onNode; it returns the artifact for release.json.
func (l *lab) artifact(path string, onMirror, onNode bool) chain.ReleaseArtifact {
	l.t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		l.t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	a := chain.ReleaseArtifact{Arch: update.Arch(), SHA256: sum, Size: uint64(len(data))}
	if onMirror {
		if err := os.WriteFile(filepath.Join(l.mirrorDir, hex.EncodeToString(sum[:])), data, 0o644); err != nil {
			l.t.Fatal(err)
		}
	}
	if onNode {
		root, err := update.Publish(l.ctx, &storage.Client{Base: l.nodeURL}, crypto.PubkeyToAddress(l.nodeKey.PublicKey), data,
			crypto.PubkeyToAddress(l.publisher.PublicKey), chain.NewKeySigner(l.publisher), big.NewInt(int64(l.d.Manifest.ChainID)),
			l.d.Manifest.Registry, time.Now().Add(24*time.Hour).Unix())
		if err != nil {
			l.t.Fatalf("publish on the storage node: %v", err)
		}
		a.StorageRoot = root
	}
	return a
}

// release passes a release through governance (propose, vote, queue,
// execute: devnet.Govern). It returns when the execution is mined.
func (l *lab) release(v update.Version, min update.Version, notes string, arts ...chain.ReleaseArtifact) time.Time {
	l.t.Helper()
	act, err := l.gov.ReleaseAction(uint64(v), uint64(min), notes, arts)
	if err != nil {
		l.t.Fatalf("release action: %v", err)
	}
	if _, err := l.d.Govern(l.ctx, "Release "+v.String(), act); err != nil {
		l.t.Fatalf("govern: %v", err)
	}
	return time.Now()
}

// event is what the fake systemd saw of a unit.
type event struct {
	at   time.Time
	pid  int
	msg  string // a notify datagram, or "exit N"
	exit bool
}

// unit is a small systemd for one device: it starts the installed binary
// with NOTIFY_SOCKET set, records READY/STOPPING and exits, and restarts
// the service after a non-zero exit (Restart=on-failure, RestartSec
// 100ms), as scripts/mycroft.service asks of systemd.
type unit struct {
	t      testing.TB
	name   string
	exe    string
	args   []string
	sock   *net.UnixConn
	stderr *lockedBuffer

	mu      sync.Mutex
	events  []event
	cmd     *exec.Cmd
	stopped bool
	changed chan struct{}
}

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func startUnit(t testing.TB, name, exe string, args ...string) *unit {
	t.Helper()
	dir, err := os.MkdirTemp("", "notify")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	addr := &net.UnixAddr{Name: filepath.Join(dir, "n.sock"), Net: "unixgram"}
	sock, err := net.ListenUnixgram("unixgram", addr)
	if err != nil {
		t.Fatal(err)
	}
	u := &unit{t: t, name: name, exe: exe, args: args, sock: sock, stderr: &lockedBuffer{}, changed: make(chan struct{}, 1)}
	go func() {
		buf := make([]byte, 4096)
		for {
			n, _, err := sock.ReadFromUnix(buf)
			if err != nil {
				return
			}
			u.record(event{at: time.Now(), msg: string(buf[:n])})
		}
	}()
	u.start()
	t.Cleanup(u.stop)
	return u
}

func (u *unit) record(e event) {
	u.mu.Lock()
	u.events = append(u.events, e)
	u.mu.Unlock()
	select {
	case u.changed <- struct{}{}:
	default:
	}
}

func (u *unit) start() {
	cmd := exec.Command(u.exe, u.args...)
	cmd.Env = append(os.Environ(), "NOTIFY_SOCKET="+u.sock.LocalAddr().String())
	cmd.Stderr = u.stderr
	if err := cmd.Start(); err != nil {
		u.t.Errorf("%s: start: %v", u.name, err)
		return
	}
	u.mu.Lock()
	u.cmd = cmd
	u.mu.Unlock()
	go func() {
		err := cmd.Wait()
		code := cmd.ProcessState.ExitCode()
		u.record(event{at: time.Now(), pid: cmd.Process.Pid, msg: fmt.Sprintf("exit %d (%v)", code, err), exit: true})
		u.mu.Lock()
		stopped := u.stopped
		u.mu.Unlock()
		if !stopped && code != 0 {
			time.Sleep(100 * time.Millisecond)
			u.start()
		}
	}()
}

func (u *unit) stop() {
	u.mu.Lock()
	u.stopped = true
	cmd := u.cmd
	u.mu.Unlock()
	if cmd != nil && cmd.Process != nil {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan struct{})
		go func() {
			for cmd.ProcessState == nil {
				time.Sleep(10 * time.Millisecond)
			}
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			_ = cmd.Process.Kill()
		}
	}
	u.sock.Close()
}

func (u *unit) snapshot() []event {
	u.mu.Lock()
	defer u.mu.Unlock()
	return append([]event(nil), u.events...)
}

// waitReady waits for a READY=1 of version v after event index from and
// returns the index of that event.
func (u *unit) waitReady(ctx context.Context, v string, from int) (int, event) {
	u.t.Helper()
	for {
		evs := u.snapshot()
		for i := from; i < len(evs); i++ {
			if strings.HasPrefix(evs[i].msg, "READY=1") && strings.Contains(evs[i].msg, "version "+v) {
				return i, evs[i]
			}
		}
		select {
		case <-ctx.Done():
			u.t.Fatalf("%s: no READY of %s; events %q\nstderr:\n%s", u.name, v, msgs(evs), u.stderr.String())
		case <-u.changed:
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// waitLog waits until the unit's stderr holds s.
func (u *unit) waitLog(ctx context.Context, s string) {
	u.t.Helper()
	for !strings.Contains(u.stderr.String(), s) {
		select {
		case <-ctx.Done():
			u.t.Fatalf("%s: stderr never said %q:\n%s", u.name, s, u.stderr.String())
		case <-time.After(100 * time.Millisecond):
		}
	}
}

func msgs(evs []event) []string {
	var out []string
	for _, e := range evs {
		out = append(out, strings.ReplaceAll(e.msg, "\n", " "))
	}
	return out
}

// device is one speaker: its slots directory and its unit.
type device struct {
	slots *update.Slots
	unit  *unit
	busy  string
}

func (l *lab) device(name, installed string, mirrors, nodes bool) *device {
	l.t.Helper()
	dir := l.t.TempDir()
	d := &device{slots: &update.Slots{Dir: filepath.Join(dir, "slots")}, busy: filepath.Join(dir, "busy")}
	args := []string{"-slots", d.slots.Dir, "-rpc", l.d.URL, "-manifest", l.manifest, "-busy-file", d.busy}
	if mirrors {
		args = append(args, "-mirrors", l.mirrorURL)
	}
	if nodes {
		args = append(args, "-nodes", l.nodeURL)
	}
	d.unit = startUnit(l.t, name, installed, args...)
	return d
}

func fileSize(t testing.TB, path string) int64 {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}

func fileSum(t testing.TB, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func hexOf(h [32]byte) string { return hex.EncodeToString(h[:]) }

// waitGood waits for the device's trial to end and returns the state.
func (d *device) waitGood(ctx context.Context, t testing.TB) update.State {
	t.Helper()
	for {
		st, err := d.slots.State()
		if err != nil {
			t.Fatal(err)
		}
		if st.Trial == nil {
			return st
		}
		select {
		case <-ctx.Done():
			t.Fatalf("%s: still on trial: %+v", d.unit.name, st.Trial)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

func storageClient(base string) *storage.Client { return &storage.Client{Base: base} }
