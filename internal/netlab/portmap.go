package netlab

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"net/netip"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"
)

// PortMapLimits bound what a router's port mapping grants; zero fields
// take the defaults.
type PortMapLimits struct {
	// Mappings is how many mappings may exist at once, all LAN hosts,
	// protocols and both servers together (default 16).
	Mappings int
	// Lifetime caps the lifetime of a mapping (default 1h): a client
	// asking for more, or (UPnP) for a permanent one, gets this and must
	// renew.
	Lifetime time.Duration
}

func (l *PortMapLimits) defaults() {
	if l.Mappings <= 0 {
		l.Mappings = 16
	}
	if l.Lifetime < time.Second {
		l.Lifetime = time.Hour
	}
}

// Mapping is a port mapping a router installed: new connections to
// External on the router's public address go to Internal.
type Mapping struct {
	Protocol string // "tcp" or "udp"
	External uint16
	Internal netip.AddrPort // LAN host and port
	Expires  time.Time
	Via      string // the server that made it: "NAT-PMP" or "UPnP"
	handle   string // the nft rule's handle
}

// Errors of PortMapper.mapPort, which the servers turn into their codes.
var (
	errMapConflict = errors.New("netlab: public port mapped to another host")
	errMapFull     = errors.New("netlab: no mapping left")
	errMapInstall  = errors.New("netlab: installing the mapping failed")
)

// PortMapper is a home router's port mapping: its NAT-PMP and UPnP IGD
// servers and the mappings they installed (Home.PortMapping).
type PortMapper struct {
	home   *Home
	limits PortMapLimits
	start  time.Time
	stop   context.CancelFunc
	done   sync.WaitGroup

	pmp        *net.UDPConn // NAT-PMP, LAN address port 5351
	ssdp       *net.UDPConn // SSDP, 239.255.255.250:1900 on lan0
	web        net.Listener // UPnP description and control
	httpServer *http.Server

	mu   sync.Mutex
	maps []*Mapping
}

// PortMapping makes the home's router offer port mapping, as a home
// router with it switched on does, with both protocols go-libp2p's
// NATPortMap speaks:
//   - NAT-PMP (RFC 6886) on the router's LAN address, UDP 5351;
//   - UPnP IGD v1: SSDP answers on lan0 (239.255.255.250:1900) pointing
//     to a device description and a WANIPConnection:1 control URL served
//     over HTTP on the LAN address (GetExternalIPAddress,
//     GetNATRSIPStatus, AddPortMapping, DeletePortMapping).
//
// Both answer external-address requests with the router's public address
// and, for each mapping a LAN host asks for (for itself only), install an
// nft DNAT rule from the public port to the host's port (and a forward
// rule that lets DNATed connections in), removed when the host deletes the
// mapping or its lifetime ends. A suggested public port is granted when
// free (go-libp2p advertises the port it asked for, whatever the answer).
//
// The servers run in the test process: their sockets are opened in the
// router's namespace (Do) and rules are changed with nft there. They stop,
// and their rules go, when the test ends. Call it once per home, from the
// test's goroutine.
func (h *Home) PortMapping(limits PortMapLimits) *PortMapper {
	tb := h.lab.tb
	tb.Helper()
	limits.defaults()
	const setup = `table ip netlab {
	chain portmap {
		type nat hook prerouting priority dstnat; policy accept;
	}
}
add rule ip netlab forward iifname "wan0" ct status dnat accept
`
	if out, err := h.nft(setup); err != nil {
		tb.Fatalf("netlab: port mapping in %s: %v: %s", h.router, err, out)
	}
	p := &PortMapper{home: h, limits: limits, start: time.Now()}
	if err := h.router.Do(p.listen); err != nil {
		p.closeSockets()
		tb.Fatalf("netlab: port mapping in %s: %v", h.router, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	p.stop = cancel
	p.httpServer = &http.Server{Handler: http.HandlerFunc(p.serveHTTP), ReadHeaderTimeout: 10 * time.Second}
	p.done.Add(4)
	go func() { defer p.done.Done(); p.servePMP() }()
	go func() { defer p.done.Done(); p.serveSSDP() }()
	go func() { defer p.done.Done(); _ = p.httpServer.Serve(p.web) }()
	go func() { defer p.done.Done(); p.expire(ctx) }()
	tb.Cleanup(p.close)
	return p
}

// listen opens the servers' sockets; it runs in the router's namespace.
func (p *PortMapper) listen() (err error) {
	gw := p.home.gateway
	if p.pmp, err = net.ListenUDP("udp4", net.UDPAddrFromAddrPort(netip.AddrPortFrom(gw, NATPMPPort))); err != nil {
		return err
	}
	lan, err := net.InterfaceByName("lan0")
	if err != nil {
		return err
	}
	if p.ssdp, err = net.ListenMulticastUDP("udp4", lan, net.UDPAddrFromAddrPort(ssdpGroup)); err != nil {
		return err
	}
	p.web, err = net.Listen("tcp4", netip.AddrPortFrom(gw, 0).String())
	return err
}

// Mappings lists the mappings in place.
func (p *PortMapper) Mappings() []Mapping {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make([]Mapping, 0, len(p.maps))
	for _, m := range p.maps {
		out = append(out, *m)
	}
	return out
}

// NATPMPAddr is where the NAT-PMP server listens: the router's LAN
// address, port 5351.
func (p *PortMapper) NATPMPAddr() netip.AddrPort {
	return netip.AddrPortFrom(p.home.gateway, NATPMPPort)
}

// DescriptionURL is the UPnP root device description's URL (the SSDP
// answers' LOCATION).
func (p *PortMapper) DescriptionURL() string {
	return "http://" + p.web.Addr().String() + upnpDescPath
}

func (p *PortMapper) closeSockets() {
	if p.pmp != nil {
		p.pmp.Close()
	}
	if p.ssdp != nil {
		p.ssdp.Close()
	}
	if p.web != nil {
		p.web.Close()
	}
}

func (p *PortMapper) close() {
	p.stop()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	_ = p.httpServer.Shutdown(ctx) // waits for calls in progress
	cancel()
	p.closeSockets()
	p.done.Wait()
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, m := range p.maps {
		_ = p.unmap(m) // the namespace may be gone already (Lab.Close)
	}
	p.maps = nil
}

// mapPort installs or renews a mapping of proto from the public port ext
// to internal for life (capped). With exact (UPnP) the mapping is keyed
// by ext, which must be free or already the client's; otherwise (NAT-PMP)
// by internal: a renewal keeps its port, a new one gets ext if free (0:
// any) or a random free port. It returns the port and lifetime granted.
func (p *PortMapper) mapPort(via, proto string, internal netip.AddrPort, ext uint16, exact bool, life time.Duration) (uint16, time.Duration, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	life = min(life, p.limits.Lifetime)
	expires := time.Now().Add(life)
	var old *Mapping
	for _, m := range p.maps {
		switch {
		case m.Protocol != proto:
		case exact && m.External == ext && m.Internal != internal:
			return 0, 0, errMapConflict
		case m.Internal == internal && (!exact || m.External == ext):
			old = m
		}
	}
	if old != nil {
		old.Expires = expires
		return old.External, life, nil
	}
	if len(p.maps) >= p.limits.Mappings {
		return 0, 0, errMapFull
	}
	if !exact {
		if ext = p.freePort(proto, ext); ext == 0 {
			return 0, 0, errMapFull
		}
	}
	m := &Mapping{Protocol: proto, External: ext, Internal: internal, Expires: expires, Via: via}
	if err := p.install(m); err != nil {
		p.home.lab.tb.Logf("netlab: port mapping: %v", err)
		return 0, 0, errMapInstall
	}
	p.maps = append(p.maps, m)
	return ext, life, nil
}

// unmapWhere removes the mappings that match and reports how many.
func (p *PortMapper) unmapWhere(match func(*Mapping) bool) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := 0
	p.maps = slices.DeleteFunc(p.maps, func(m *Mapping) bool {
		if !match(m) {
			return false
		}
		n++
		if err := p.unmap(m); err != nil {
			p.home.lab.tb.Logf("netlab: port mapping: %v", err)
		}
		return true
	})
	return n
}

// freePort is the suggested port if free, else a random free one at or
// above 1024 (0 when every one is taken).
func (p *PortMapper) freePort(proto string, suggest uint16) uint16 {
	taken := func(port uint16) bool {
		return slices.ContainsFunc(p.maps, func(m *Mapping) bool { return m.Protocol == proto && m.External == port })
	}
	if suggest != 0 && !taken(suggest) {
		return suggest
	}
	const lo, n = 1024, 65536 - 1024
	start := rand.IntN(n)
	for i := range n {
		if port := uint16(lo + (start+i)%n); !taken(port) {
			return port
		}
	}
	return 0
}

// expire removes mappings whose lifetime ended, once a second.
func (p *PortMapper) expire(ctx context.Context) {
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-tick.C:
			p.unmapWhere(func(m *Mapping) bool { return !now.Before(m.Expires) })
		}
	}
}

var nftHandle = regexp.MustCompile(`(?m)# handle (\d+)$`)

// install adds the mapping's DNAT rule and records its handle.
func (p *PortMapper) install(m *Mapping) error {
	rule := fmt.Sprintf(`add rule ip netlab portmap iifname "wan0" ip daddr %s %s dport %d dnat to %s comment "portmap"`,
		p.home.router.addr, m.Protocol, m.External, m.Internal)
	out, err := p.home.nft(rule, "--echo", "--handle")
	if err != nil {
		return fmt.Errorf("%s: %w: %s", rule, err, out)
	}
	h := nftHandle.FindSubmatch(out)
	if h == nil {
		return fmt.Errorf("%s: no handle in %q", rule, out)
	}
	m.handle = string(h[1])
	return nil
}

// unmap deletes the mapping's DNAT rule. Connections it let in stay up
// (conntrack keeps them), as on a real router.
func (p *PortMapper) unmap(m *Mapping) error {
	if out, err := p.home.nft("delete rule ip netlab portmap handle " + m.handle); err != nil {
		return fmt.Errorf("delete mapping %s %d → %s: %w: %s", m.Protocol, m.External, m.Internal, err, out)
	}
	return nil
}

// fromLAN is the client's address if it is a LAN host (not the router).
func (p *PortMapper) fromLAN(a netip.Addr) (netip.Addr, bool) {
	a = a.Unmap()
	return a, p.home.lan.Contains(a) && a != p.home.gateway
}

// nft runs an nft script in the router's namespace.
func (h *Home) nft(script string, flags ...string) ([]byte, error) {
	cmd := h.router.Command(context.Background(), "nft", append(flags, "-f", "-")...)
	cmd.Stdin = strings.NewReader(script)
	return cmd.CombinedOutput()
}
