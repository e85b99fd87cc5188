package agent

import (
	"fmt"
	"net"
	"net/netip"
)

// Values of provider.plain_http: what the plain-HTTP node port serves
// (docs/network.md, "The plain node port"). Nothing between homes travels
// in plaintext once p2p is on: other nodes reach this one over libp2p
// (Noise or TLS 1.3), and plain HTTP is never served on a routable address.
const (
	// PlainAuto is PlainLoopback with p2p on; with p2p off the node port
	// listens on provider.listen as given (its only way in), and
	// `mycroft status` says that node traffic is plaintext.
	PlainAuto = "auto"
	// PlainLoopback binds the node port to loopback only: an unspecified
	// host in provider.listen becomes 127.0.0.1 (::1 for "::").
	PlainLoopback = "loopback"
	// PlainLAN serves http:// endpoints on a trusted LAN: provider.listen
	// must not be a routable address, and a connection whose either end
	// is not a loopback, private or link-local address is closed at
	// accept (a port forwarded by the router brings none in).
	PlainLAN = "lan"
	// PlainOff serves no plain HTTP at all: libp2p only.
	PlainOff = "off"

	// plainAny is PlainAuto with p2p off: today's behaviour.
	plainAny = "any"
)

// plainMode is what the node port does, "auto" resolved.
func (c ProviderConfig) plainMode(p2pOn bool) string {
	if c.PlainHTTP != PlainAuto && c.PlainHTTP != "" {
		return c.PlainHTTP
	}
	if p2pOn {
		return PlainLoopback
	}
	return plainAny
}

// validatePlain checks provider.plain_http and provider.listen against the
// binding rules; p2pOn is p2p.enabled.
func (c ProviderConfig) validatePlain(p2pOn bool, bad badFunc) {
	switch c.PlainHTTP {
	case PlainAuto, PlainLoopback, PlainLAN, PlainOff:
	default:
		bad("provider.plain_http", "must be auto, loopback, lan or off; got %q", c.PlainHTTP)
		return
	}
	if c.PlainHTTP == PlainOff && !p2pOn {
		bad("provider.plain_http", "\"off\" needs p2p.enabled = true: without p2p the plain node port is the provider's only way in")
		return
	}
	if _, _, err := net.SplitHostPort(c.Listen); err != nil {
		return // reported by validate
	}
	if _, err := plainListen(c.Listen, c.plainMode(p2pOn), c.PlainHTTP == PlainAuto); err != nil {
		bad("provider.listen", "%v", err)
	}
}

// plainListen is the address the node port binds in mode (plainMode), or
// an error saying which rule listen breaks; auto says the mode came from
// "auto", for the message. Mode off binds nothing ("").
func plainListen(listen, mode string, auto bool) (string, error) {
	host, port, err := net.SplitHostPort(listen)
	switch {
	case err != nil:
		return "", err
	case mode == PlainOff:
		return "", nil
	case mode == plainAny:
		return listen, nil
	}
	if host == "" || host == "localhost" {
		if mode == PlainLoopback {
			return net.JoinHostPort("127.0.0.1", port), nil
		}
		return listen, nil // lan: filtered at accept
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return "", fmt.Errorf("%q is not an IP address: with provider.plain_http = %q the node port binds an address the rules can check", host, mode)
	}
	ip = ip.Unmap()
	why := fmt.Sprintf("provider.plain_http = %q", mode)
	if auto {
		why += " (the default with p2p on)"
	}
	switch {
	case ip.IsUnspecified():
		if mode == PlainLoopback {
			lo := "127.0.0.1"
			if ip.Is6() {
				lo = "::1"
			}
			return net.JoinHostPort(lo, port), nil
		}
		return listen, nil
	case !onLAN(ip):
		use := "127.0.0.1:" + port
		if mode == PlainLAN {
			use = "a LAN address (192.168.1.20:" + port + ") or 0.0.0.0:" + port
		}
		return "", fmt.Errorf("%s is a routable address: the plain node port is not encrypted, so it never serves there; other nodes reach this one over libp2p (Noise or TLS 1.3). With %s use %s", ip, why, use)
	case mode == PlainLoopback && !ip.IsLoopback():
		return "", fmt.Errorf("%s is not a loopback address: with %s the plain node port serves this machine only, and other nodes reach it over libp2p. Use 127.0.0.1:%s, or provider.plain_http = \"lan\" to keep http:// endpoints on a trusted LAN", ip, why, port)
	}
	return listen, nil
}

// onLAN reports whether ip is a loopback, private (RFC 1918, fc00::/7) or
// link-local address: not routable from outside the home. The carrier-grade
// NAT range (100.64.0.0/10) is shared with other customers: not a LAN.
func onLAN(ip netip.Addr) bool {
	ip = ip.Unmap()
	return ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast()
}

// addrOnLAN is onLAN for a connection's address; an address that is not
// IP (none on a TCP listener) is not on the LAN.
func addrOnLAN(a net.Addr) bool {
	ap, err := netip.ParseAddrPort(a.String())
	return err == nil && onLAN(ap.Addr())
}

// lanListener closes, at accept, a connection whose local or remote
// address is not on the LAN: with provider.plain_http = "lan" and an
// unspecified listen host, a public interface of the machine or a port
// the router forwards brings nothing in.
type lanListener struct{ net.Listener }

func (l lanListener) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		if addrOnLAN(c.LocalAddr()) && addrOnLAN(c.RemoteAddr()) {
			return c, nil
		}
		if tc, ok := c.(*net.TCPConn); ok {
			_ = tc.SetLinger(0) // a reset, as netguard refuses
		}
		c.Close()
	}
}

// plainNotice is what `mycroft status` says of the node port bound at
// addr in mode, or "" when nothing crosses the network in plaintext.
func plainNotice(mode string, addr net.Addr) string {
	ap, err := netip.ParseAddrPort(addr.String())
	if err == nil && ap.Addr().IsLoopback() {
		return ""
	}
	switch mode {
	case plainAny:
		return fmt.Sprintf("node traffic is plaintext: the node port (%s) serves plain HTTP, so calls (speech audio included) and storage chunks cross the network unencrypted; turn [p2p] back on (p2p.enabled = true, the default; docs/network.md)", addr)
	case PlainLAN:
		return fmt.Sprintf("node traffic on the LAN is plaintext: the node port (%s) serves plain HTTP to LAN clients (provider.plain_http = \"lan\"); other homes use libp2p", addr)
	}
	return ""
}
