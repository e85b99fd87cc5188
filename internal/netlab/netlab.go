package netlab

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/netip"
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
)

// NamePrefix starts the name of every namespace a lab creates:
// NamePrefix + the test process's pid + "-" + the lab's number + "-" + the
// name the test gave. The pid tells a later run which namespaces belong to
// a process that no longer exists (see New).
const NamePrefix = "netlab-"

// internet is the simulated internet's range (Lab.Internet). It is
// public-looking on purpose: libp2p's AutoNAT and hole punching only act on
// public addresses, and it treats 10/8, 172.16/12, 192.168/16, 100.64/10,
// 127/8, 169.254/16, 192.0.2/24, 198.51.100/24, 203.0.113/24 and
// 198.18/15 as non-public. It cannot leak: no link joins the lab to the
// machine it runs on and no namespace has a default route to it (see the
// package doc).
var internet = netip.MustParsePrefix("7.7.0.0/16")

// netnsDir is where `ip netns` keeps its named namespaces.
const netnsDir = "/run/netns"

// NATKind is how a home's router maps and filters.
type NATKind int

const (
	// EndpointIndependent maps a LAN socket to the same public port
	// whatever it sends to (nft `masquerade`, which keeps the source port
	// where it can): hole punching works through it.
	EndpointIndependent NATKind = iota + 1
	// Symmetric maps a LAN socket to a new random public port for each
	// destination (nft `masquerade fully-random`): the port a peer learnt
	// from a third party is useless, so hole punching fails.
	Symmetric
)

// String names the kind.
func (k NATKind) String() string {
	switch k {
	case EndpointIndependent:
		return "endpoint-independent"
	case Symmetric:
		return "symmetric"
	}
	return "NATKind(" + strconv.Itoa(int(k)) + ")"
}

// masquerade is the kind's nft statement.
func (k NATKind) masquerade() (string, error) {
	switch k {
	case EndpointIndependent:
		return "masquerade", nil
	case Symmetric:
		return "masquerade fully-random", nil
	}
	return "", fmt.Errorf("netlab: unknown NAT kind %d", int(k))
}

// routerRules is a home router's ruleset: stateful filtering for both
// kinds (replies and related ICMP come in, anything new from the internet
// is dropped, to the router and through it), and the NAT on the way out.
// Arguments: the LAN prefix, the masquerade statement.
const routerRules = `table ip netlab {
	chain input {
		type filter hook input priority filter; policy drop;
		iifname "lo" accept
		ct state established,related accept
		iifname "lan0" accept
	}
	chain forward {
		type filter hook forward priority filter; policy drop;
		ct state established,related accept
		iifname "lan0" accept
	}
	chain postrouting {
		type nat hook postrouting priority srcnat; policy accept;
		oifname "wan0" ip saddr %s %s
	}
}
`

var (
	labSeq    atomic.Int64
	validName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$`)
)

// Lab is one set of namespaces: the internet, its hosts, and homes. Its
// methods that build things fail the test (tb.Fatal) on error, so call
// them from the test's goroutine.
type Lab struct {
	tb     testing.TB
	prefix string

	mu         sync.Mutex
	closed     bool
	names      map[string]bool
	namespaces []*Namespace
	inetSwitch *Namespace
	lastPublic int // host number of the last address taken on the internet
	homes      int
	ports      int
}

// New builds an empty lab: the internet's switch, with nothing on it yet.
// It skips the test when not root (network namespaces need it), fails it
// when ip or nft is missing, and removes the lab when the test ends
// (Close). Namespaces left by a test process that no longer exists (a
// crashed or killed run) are removed first.
func New(tb testing.TB) *Lab {
	tb.Helper()
	if runtime.GOOS != "linux" {
		tb.Skip("netlab: network namespaces need Linux")
	}
	if os.Geteuid() != 0 {
		tb.Skip("netlab: needs root to create network namespaces (CI runs as root); skipping")
	}
	if role := os.Getenv(envHelper); role != "" {
		tb.Fatalf("netlab: running tests in helper process %q: TestMain must call netlab.RunHelper first", role)
	}
	for _, tool := range []string{"ip", "nft"} {
		if _, err := exec.LookPath(tool); err != nil {
			tb.Fatalf("netlab: %s not found (install iproute2 and nftables): %v", tool, err)
		}
	}
	if err := removeLeftovers(tb); err != nil {
		tb.Fatalf("netlab: %v", err)
	}
	l := &Lab{
		tb:     tb,
		prefix: fmt.Sprintf("%s%d-%d-", NamePrefix, os.Getpid(), labSeq.Add(1)),
		names:  map[string]bool{},
	}
	tb.Cleanup(func() {
		if err := l.Close(); err != nil {
			tb.Errorf("netlab: %v", err)
		}
	})
	inet := l.newNamespace("internet")
	l.must(ipCmd("-n", inet.name, "link", "add", "br0", "type", "bridge"))
	l.must(ipCmd("-n", inet.name, "link", "set", "br0", "up"))
	l.inetSwitch = inet
	return l
}

// Host adds a machine on the internet with the next free public address
// (Namespace.Addr).
func (l *Lab) Host(name string) *Namespace {
	l.tb.Helper()
	ns := l.newNamespace(name)
	addr := l.nextPublic()
	l.attach(l.inetSwitch, "br0", ns, "eth0", netip.PrefixFrom(addr, internet.Bits()))
	ns.addr = addr
	return ns
}

// Home adds a home: a router namespace named name with a public address on
// the internet (Home.Router().Addr()) and a LAN 192.168.N.0/24 (N counts
// the lab's homes from 1) behind a NAT of the given kind. Add machines to
// the LAN with Home.Host.
func (l *Lab) Home(name string, nat NATKind) *Home {
	l.tb.Helper()
	masq, err := nat.masquerade()
	if err != nil {
		l.tb.Fatal(err)
	}
	l.mu.Lock()
	l.homes++
	n := l.homes
	l.mu.Unlock()
	if n > 254 {
		l.tb.Fatalf("netlab: home %q: at most 254 homes", name)
	}
	lan := netip.PrefixFrom(netip.AddrFrom4([4]byte{192, 168, byte(n), 0}), 24)
	gw := lan.Addr().Next()

	router := l.newNamespace(name)
	public := l.nextPublic()
	l.attach(l.inetSwitch, "br0", router, "wan0", netip.PrefixFrom(public, internet.Bits()))
	router.addr = public
	l.must(ipCmd("-n", router.name, "link", "add", "lan0", "type", "bridge"))
	l.must(ipCmd("-n", router.name, "addr", "add", netip.PrefixFrom(gw, lan.Bits()).String(), "dev", "lan0"))
	l.must(ipCmd("-n", router.name, "link", "set", "lan0", "up"))
	if err := router.setSysctl("net/ipv4/ip_forward", "1"); err != nil {
		l.tb.Fatal(err)
	}
	nft := exec.Command("ip", "netns", "exec", router.name, "nft", "-f", "-")
	nft.Stdin = strings.NewReader(fmt.Sprintf(routerRules, lan, masq))
	l.must(nft)
	return &Home{lab: l, name: name, router: router, nat: nat, lan: lan, gateway: gw}
}

// Internet is the simulated internet's range, 7.7.0.0/16: hosts and
// routers get addresses from it in order of creation, from 7.7.0.1.
func (l *Lab) Internet() netip.Prefix { return internet }

// Namespaces lists every namespace of the lab in creation order, the
// internet's switch first.
func (l *Lab) Namespaces() []*Namespace {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]*Namespace(nil), l.namespaces...)
}

// Close kills what still runs in the lab's namespaces and deletes them
// (their veths and nft tables go with them). It runs at the end of the
// test; calling it earlier is fine, and again does nothing. Sockets a test
// opened with Namespace.Do keep their namespace alive (unnamed) until
// closed.
func (l *Lab) Close() error {
	l.mu.Lock()
	if l.closed {
		l.mu.Unlock()
		return nil
	}
	l.closed = true
	nss := l.namespaces
	l.mu.Unlock()
	var errs []error
	for i := len(nss) - 1; i >= 0; i-- {
		if err := deleteNamespace(nss[i].name); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// Home is a LAN behind a NAT router.
type Home struct {
	lab     *Lab
	name    string
	router  *Namespace
	nat     NATKind
	lan     netip.Prefix
	gateway netip.Addr

	mu    sync.Mutex
	hosts int
}

// Router is the home's router; its Addr is the home's public address.
func (h *Home) Router() *Namespace { return h.router }

// NAT is the router's NAT kind.
func (h *Home) NAT() NATKind { return h.nat }

// LAN is the home's private range; the router is its first address.
func (h *Home) LAN() netip.Prefix { return h.lan }

// Host adds a machine on the home's LAN (namespace "<home>-<name>") with
// the next free LAN address and a default route via the router.
func (h *Home) Host(name string) *Namespace {
	h.lab.tb.Helper()
	h.mu.Lock()
	h.hosts++
	n := h.hosts
	h.mu.Unlock()
	if n > 250 {
		h.lab.tb.Fatalf("netlab: home %q: at most 250 hosts", h.name)
	}
	addr := h.lan.Addr().As4()
	addr[3] = byte(1 + n)
	a := netip.AddrFrom4(addr)
	ns := h.lab.newNamespace(h.name + "-" + name)
	h.lab.attach(h.router, "lan0", ns, "eth0", netip.PrefixFrom(a, h.lan.Bits()))
	h.lab.must(ipCmd("-n", ns.name, "route", "add", "default", "via", h.gateway.String()))
	ns.addr = a
	return ns
}

// Namespace is one machine of the lab (or its switch).
type Namespace struct {
	lab  *Lab
	name string
	addr netip.Addr
}

// Name is the namespace's name for `ip netns`.
func (n *Namespace) Name() string { return n.name }

// Addr is the machine's address: public for internet hosts and routers,
// private for LAN hosts, invalid for the internet's switch.
func (n *Namespace) Addr() netip.Addr { return n.addr }

// String is the namespace's name.
func (n *Namespace) String() string { return n.name }

// Command is exec.CommandContext for a program run inside the namespace
// (through `ip netns exec`, which execs it: the Cmd's process is the
// program itself). Lab.Close kills whatever still runs in the namespace;
// after a crash, the next New does. (No parent-death signal: Linux sends it
// when the thread that started the child ends, and Do ends threads.)
func (n *Namespace) Command(ctx context.Context, name string, args ...string) *exec.Cmd {
	return exec.CommandContext(ctx, "ip", append([]string{"netns", "exec", n.name, name}, args...)...)
}

// newNamespace creates a namespace with loopback up and forwarding off.
func (l *Lab) newNamespace(name string) *Namespace {
	l.tb.Helper()
	if !validName.MatchString(name) {
		l.tb.Fatalf("netlab: bad name %q: want letters, digits, '_', '.', '-', at most 32", name)
	}
	l.mu.Lock()
	if l.closed {
		l.mu.Unlock()
		l.tb.Fatalf("netlab: lab closed; cannot add %q", name)
	}
	if l.names[name] {
		l.mu.Unlock()
		l.tb.Fatalf("netlab: name %q used twice", name)
	}
	l.names[name] = true
	ns := &Namespace{lab: l, name: l.prefix + name}
	l.mu.Unlock()

	l.must(ipCmd("netns", "add", ns.name))
	l.mu.Lock()
	l.namespaces = append(l.namespaces, ns)
	l.mu.Unlock()
	l.must(ipCmd("-n", ns.name, "link", "set", "lo", "up"))
	if err := ns.setSysctl("net/ipv4/ip_forward", "0"); err != nil {
		l.tb.Fatal(err)
	}
	return ns
}

// attach links ns to the bridge br in sw with a veth: port pN on the
// bridge, ifname with addr in ns. Both ends are created inside the lab.
func (l *Lab) attach(sw *Namespace, br string, ns *Namespace, ifname string, addr netip.Prefix) {
	l.tb.Helper()
	port := "p" + strconv.Itoa(l.portNumber())
	l.must(ipCmd("-n", sw.name, "link", "add", port, "type", "veth", "peer", "name", ifname, "netns", ns.name))
	l.must(ipCmd("-n", sw.name, "link", "set", port, "master", br, "up"))
	l.must(ipCmd("-n", ns.name, "addr", "add", addr.String(), "dev", ifname))
	l.must(ipCmd("-n", ns.name, "link", "set", ifname, "up"))
}

// portNumber is unique within the lab, so bridge ports never clash.
func (l *Lab) portNumber() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.ports++
	return l.ports
}

func (l *Lab) nextPublic() netip.Addr {
	l.tb.Helper()
	l.mu.Lock()
	l.lastPublic++
	n := l.lastPublic
	l.mu.Unlock()
	a := internet.Addr().As4()
	a[2], a[3] = byte(n>>8), byte(n)
	addr := netip.AddrFrom4(a)
	if n >= 1<<(32-internet.Bits())-1 || !internet.Contains(addr) {
		l.tb.Fatalf("netlab: internet %s is full", internet)
	}
	return addr
}

// must runs cmd and fails the test with its output if it fails.
func (l *Lab) must(cmd *exec.Cmd) {
	l.tb.Helper()
	if out, err := cmd.CombinedOutput(); err != nil {
		l.tb.Fatalf("netlab: %s: %v: %s", strings.Join(cmd.Args, " "), err, bytes.TrimSpace(out))
	}
}

func ipCmd(args ...string) *exec.Cmd { return exec.Command("ip", args...) }

// setSysctl writes a per-namespace sysctl (path under /proc/sys) from a
// thread inside the namespace: /proc/sys/net shows the writer's namespace.
func (n *Namespace) setSysctl(path, value string) error {
	return n.Do(func() error {
		if err := os.WriteFile("/proc/sys/"+path, []byte(value), 0o644); err != nil {
			return fmt.Errorf("netlab: %s: sysctl %s=%s: %w", n.name, path, value, err)
		}
		return nil
	})
}

// deleteNamespace kills what runs in the namespace, then deletes it.
func deleteNamespace(name string) error {
	out, err := exec.Command("ip", "netns", "pids", name).Output()
	if err != nil {
		return fmt.Errorf("pids in %s: %w", name, err)
	}
	for _, f := range strings.Fields(string(out)) {
		pid, err := strconv.Atoi(f)
		if err != nil || pid == os.Getpid() {
			continue
		}
		_ = syscall.Kill(pid, syscall.SIGKILL)
	}
	if out, err := exec.Command("ip", "netns", "del", name).CombinedOutput(); err != nil {
		return fmt.Errorf("ip netns del %s: %w: %s", name, err, bytes.TrimSpace(out))
	}
	return nil
}

// removeLeftovers deletes the namespaces of test processes that no longer
// exist (a run that crashed or was killed before its cleanup). Labs of
// running processes, including parallel test binaries, are left alone.
func removeLeftovers(tb testing.TB) error {
	out, err := exec.Command("ip", "netns", "list").Output()
	if err != nil {
		return fmt.Errorf("ip netns list: %w", err)
	}
	var errs []error
	for _, line := range strings.Split(string(out), "\n") {
		name, _, _ := strings.Cut(strings.TrimSpace(line), " ")
		rest, ok := strings.CutPrefix(name, NamePrefix)
		if !ok {
			continue
		}
		pidText, _, _ := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidText)
		if err != nil || pid <= 0 || pid == os.Getpid() {
			continue
		}
		if processRuns(pid) {
			continue
		}
		tb.Logf("netlab: removing %s, left by process %d", name, pid)
		if err := deleteNamespace(name); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// processRuns reports whether pid is a live process: not gone, not a
// zombie (a killed test whose parent has not reaped it yet).
func processRuns(pid int) bool {
	if err := syscall.Kill(pid, 0); errors.Is(err, syscall.ESRCH) {
		return false
	}
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return !errors.Is(err, os.ErrNotExist)
	}
	// "pid (comm) S ...": the state follows the last ')'.
	i := bytes.LastIndexByte(stat, ')')
	return i < 0 || i+2 >= len(stat) || stat[i+2] != 'Z'
}
