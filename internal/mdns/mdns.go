package mdns

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/netip"
	"strings"
	"time"

	"golang.org/x/net/dns/dnsmessage"
	"golang.org/x/net/ipv4"
)

// Port and Group are mDNS's.
const Port = 5353

// Group is the IPv4 mDNS group.
var Group = net.IPv4(224, 0, 0, 251)

// Service is the one instance announced.
type Service struct {
	// Instance is the instance's name ("Mycroft kitchen"); dots are
	// replaced.
	Instance string
	// Type is the service type with its protocol ("_wyoming._tcp").
	Type string
	// Host is the host's name without .local ("mycroft-kitchen").
	Host string
	Port int
	// TXT are the TXT record's strings ("key=value").
	TXT []string
	// TTL of the records; default 120 s (4500 s for PTR as RFC 6762
	// suggests is not needed here).
	TTL time.Duration
}

// Responder answers for one service. Create it with New, run it with Run.
type Responder struct {
	svc        Service
	log        *slog.Logger
	typeName   dnsmessage.Name
	instName   dnsmessage.Name
	hostName   dnsmessage.Name
	browseName dnsmessage.Name
	ifaces     []net.Interface
}

const (
	browse = "_services._dns-sd._udp.local."
	// maxPacket is the largest mDNS packet read (RFC 6762 §17).
	maxPacket = 9000
)

// New checks svc; ifaces are the interfaces to answer on (nil: every
// interface that is up and multicast).
func New(svc Service, ifaces []net.Interface, log *slog.Logger) (*Responder, error) {
	if svc.Instance == "" || svc.Type == "" || svc.Host == "" || svc.Port <= 0 || svc.Port > 65535 {
		return nil, fmt.Errorf("mdns: incomplete service %+v", svc)
	}
	if svc.TTL <= 0 {
		svc.TTL = 120 * time.Second
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	clean := func(s string) string { return strings.NewReplacer(".", "-", "\\", "-").Replace(s) }
	r := &Responder{svc: svc, log: log, ifaces: ifaces}
	var err error
	names := []struct {
		to *dnsmessage.Name
		s  string
	}{
		{&r.typeName, svc.Type + ".local."},
		{&r.instName, clean(svc.Instance) + "." + svc.Type + ".local."},
		{&r.hostName, clean(svc.Host) + ".local."},
		{&r.browseName, browse},
	}
	for _, n := range names {
		if *n.to, err = dnsmessage.NewName(n.s); err != nil {
			return nil, fmt.Errorf("mdns: name %q: %w", n.s, err)
		}
	}
	return r, nil
}

// Run answers queries until ctx is done, announcing the service at the
// start and withdrawing it at the end.
func (r *Responder) Run(ctx context.Context) error {
	var lc net.ListenConfig
	lc.Control = reuse
	c, err := lc.ListenPacket(ctx, "udp4", fmt.Sprintf("0.0.0.0:%d", Port))
	if err != nil {
		return fmt.Errorf("mdns: listen: %w", err)
	}
	pc := ipv4.NewPacketConn(c)
	defer pc.Close()
	ifaces := r.ifaces
	if ifaces == nil {
		all, err := net.Interfaces()
		if err != nil {
			return fmt.Errorf("mdns: interfaces: %w", err)
		}
		for _, ifi := range all {
			if ifi.Flags&net.FlagUp != 0 && ifi.Flags&net.FlagMulticast != 0 {
				ifaces = append(ifaces, ifi)
			}
		}
	}
	var joined []net.Interface
	for _, ifi := range ifaces {
		if err := pc.JoinGroup(&ifi, &net.UDPAddr{IP: Group}); err != nil {
			r.log.Debug("mdns: join", "interface", ifi.Name, "err", err)
			continue
		}
		joined = append(joined, ifi)
	}
	if len(joined) == 0 {
		return errors.New("mdns: no multicast interface")
	}
	_ = pc.SetControlMessage(ipv4.FlagInterface, true)
	_ = pc.SetMulticastTTL(255)
	_ = pc.SetMulticastLoopback(true)
	stop := context.AfterFunc(ctx, func() { _ = pc.Close() })
	defer stop()

	announce := func(ttl time.Duration) {
		for _, ifi := range joined {
			msg, err := r.response(0, nil, r.all(), ifi.Index, ttl)
			if err != nil {
				continue
			}
			_ = pc.SetMulticastInterface(&ifi)
			if _, err := pc.WriteTo(msg, nil, &net.UDPAddr{IP: Group, Port: Port}); err != nil {
				r.log.Debug("mdns: announce", "interface", ifi.Name, "err", err)
			}
		}
	}
	go func() {
		// RFC 6762 §8.3: at least two announcements, a second apart.
		for i := 0; i < 2 && ctx.Err() == nil; i++ {
			announce(r.svc.TTL)
			select {
			case <-ctx.Done():
			case <-time.After(time.Second):
			}
		}
	}()
	buf := make([]byte, maxPacket)
	for {
		n, cm, src, err := pc.ReadFrom(buf)
		if err != nil {
			if ctx.Err() != nil {
				announce(0) // goodbye
				return nil
			}
			return fmt.Errorf("mdns: read: %w", err)
		}
		ifIndex := 0
		if cm != nil {
			ifIndex = cm.IfIndex
		}
		out, unicast, err := r.Answer(buf[:n], src.(*net.UDPAddr).Port, ifIndex)
		if err != nil || out == nil {
			continue
		}
		dst := &net.UDPAddr{IP: Group, Port: Port}
		if unicast {
			dst = src.(*net.UDPAddr)
		} else if ifi, err := net.InterfaceByIndex(ifIndex); err == nil {
			_ = pc.SetMulticastInterface(ifi)
		}
		if _, err := pc.WriteTo(out, nil, dst); err != nil {
			r.log.Debug("mdns: answer", "to", dst.String(), "err", err)
		}
	}
}

// kinds of records a question asks for.
type want struct{ ptr, browse, srv, txt, a bool }

func (w want) any() bool { return w.ptr || w.browse || w.srv || w.txt || w.a }

func (r *Responder) all() want { return want{ptr: true, srv: true, txt: true, a: true} }

// Answer builds the answer to a query packet that came from srcPort on the
// interface ifIndex; nil when the query is not for this service. unicast
// says where the answer goes: back to the querier, or to the group.
func (r *Responder) Answer(query []byte, srcPort, ifIndex int) (out []byte, unicast bool, err error) {
	var p dnsmessage.Parser
	h, err := p.Start(query)
	if err != nil {
		return nil, false, fmt.Errorf("mdns: %w", err)
	}
	if h.Response {
		return nil, false, nil
	}
	qs, err := p.AllQuestions()
	if err != nil {
		return nil, false, fmt.Errorf("mdns: %w", err)
	}
	var w want
	qu := false
	for _, q := range qs {
		if q.Class&0x8000 != 0 { // the unicast-response bit
			qu = true
		}
		name := strings.ToLower(q.Name.String())
		anyType := q.Type == dnsmessage.TypeALL
		switch name {
		case strings.ToLower(r.typeName.String()):
			w.ptr = w.ptr || q.Type == dnsmessage.TypePTR || anyType
		case strings.ToLower(r.browseName.String()):
			w.browse = w.browse || q.Type == dnsmessage.TypePTR || anyType
		case strings.ToLower(r.instName.String()):
			w.srv = w.srv || q.Type == dnsmessage.TypeSRV || anyType
			w.txt = w.txt || q.Type == dnsmessage.TypeTXT || anyType
		case strings.ToLower(r.hostName.String()):
			w.a = w.a || q.Type == dnsmessage.TypeA || anyType
		}
	}
	if !w.any() {
		return nil, false, nil
	}
	legacy := srcPort != Port
	ttl := r.svc.TTL
	var id uint16
	var echo []dnsmessage.Question
	if legacy {
		// RFC 6762 §6.7: the query's id and questions back, TTL at most 10 s.
		id, echo, ttl = h.ID, qs, min(ttl, 10*time.Second)
	}
	out, err = r.response(id, echo, w, ifIndex, ttl)
	return out, legacy || qu, err
}

// response builds a response with the wanted records (and, for PTR, the
// SRV, TXT and A records as additionals).
func (r *Responder) response(id uint16, questions []dnsmessage.Question, w want, ifIndex int, ttl time.Duration) ([]byte, error) {
	b := dnsmessage.NewBuilder(nil, dnsmessage.Header{ID: id, Response: true, Authoritative: true})
	b.EnableCompression()
	if err := b.StartQuestions(); err != nil {
		return nil, err
	}
	for _, q := range questions {
		if err := b.Question(q); err != nil {
			return nil, err
		}
	}
	secs := uint32(ttl / time.Second)
	hdr := func(name dnsmessage.Name, flush bool) dnsmessage.ResourceHeader {
		class := dnsmessage.ClassINET
		if flush && id == 0 {
			class |= 0x8000 // cache-flush: these records are unique to us
		}
		return dnsmessage.ResourceHeader{Name: name, Class: class, TTL: secs}
	}
	ptr := func() error {
		return b.PTRResource(hdr(r.typeName, false), dnsmessage.PTRResource{PTR: r.instName})
	}
	srv := func() error {
		return b.SRVResource(hdr(r.instName, true), dnsmessage.SRVResource{Target: r.hostName, Port: uint16(r.svc.Port)})
	}
	txt := func() error {
		t := r.svc.TXT
		if len(t) == 0 {
			t = []string{""}
		}
		return b.TXTResource(hdr(r.instName, true), dnsmessage.TXTResource{TXT: t})
	}
	as := func() error {
		for _, ip := range r.addrs(ifIndex) {
			if err := b.AResource(hdr(r.hostName, true), dnsmessage.AResource{A: ip.As4()}); err != nil {
				return err
			}
		}
		return nil
	}
	if err := b.StartAnswers(); err != nil {
		return nil, err
	}
	var answers, extra []func() error
	if w.browse {
		answers = append(answers, func() error {
			return b.PTRResource(hdr(r.browseName, false), dnsmessage.PTRResource{PTR: r.typeName})
		})
	}
	if w.ptr {
		answers = append(answers, ptr)
	}
	if w.srv {
		answers = append(answers, srv)
	} else if w.ptr {
		extra = append(extra, srv)
	}
	if w.txt {
		answers = append(answers, txt)
	} else if w.ptr {
		extra = append(extra, txt)
	}
	if w.a {
		answers = append(answers, as)
	} else if w.ptr || w.srv {
		extra = append(extra, as)
	}
	for _, f := range answers {
		if err := f(); err != nil {
			return nil, err
		}
	}
	if err := b.StartAdditionals(); err != nil {
		return nil, err
	}
	for _, f := range extra {
		if err := f(); err != nil {
			return nil, err
		}
	}
	return b.Finish()
}

// addrs are the IPv4 addresses of the interface (every interface's when
// it is not known).
func (r *Responder) addrs(ifIndex int) []netip.Addr {
	var list []net.Addr
	if ifi, err := net.InterfaceByIndex(ifIndex); ifIndex > 0 && err == nil {
		list, _ = ifi.Addrs()
	} else {
		list, _ = net.InterfaceAddrs()
	}
	var out []netip.Addr
	for _, a := range list {
		if n, ok := a.(*net.IPNet); ok {
			if ip, ok := netip.AddrFromSlice(n.IP.To4()); ok && n.IP.To4() != nil {
				out = append(out, ip)
			}
		}
	}
	return out
}
