package netlab_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/internal/netlab"
)

// A router with port mapping, driven over UPnP IGD by a client written
// here and run on a LAN host: an SSDP search finds the gateway's
// description, which names the WANIPConnection:1 control URL; through it
// the host learns the public address and maps a public TCP port to itself,
// and a connection from the internet reaches it. A host may map and
// delete only for itself; a port taken by another host is a conflict; a
// deleted mapping closes the port; a malformed call is refused.
func TestPortMappingUPnP(t *testing.T) {
	lab := netlab.New(t)
	peer := lab.Host("peer")
	home := lab.Home("home", netlab.EndpointIndependent)
	inside, other := home.Host("inside"), home.Host("other")
	pm := home.PortMapping(netlab.PortMapLimits{})
	startHelper(t, inside, "tcpecho", "-port", "7000")
	public := netip.AddrPortFrom(home.Router().Addr(), 20000)

	location := ssdpSearch(t, inside, "urn:schemas-upnp-org:device:WANConnectionDevice:1")
	if location != pm.DescriptionURL() {
		t.Fatalf("SSDP LOCATION %q, want %q", location, pm.DescriptionURL())
	}
	c := &upnpClient{t: t, http: nsHTTPClient(inside)}
	desc := c.get(location)
	const ctl = "<controlURL>/ctl/IPConn</controlURL>"
	if !strings.Contains(desc, "<serviceType>urn:schemas-upnp-org:service:WANIPConnection:1</serviceType>") || !strings.Contains(desc, ctl) {
		t.Fatalf("description has no WANIPConnection:1 service at %s:\n%s", ctl, desc)
	}
	c.control = strings.TrimSuffix(location, "/rootDesc.xml") + "/ctl/IPConn"

	if status, body := c.call("GetExternalIPAddress"); status != 200 || !strings.Contains(body, "<NewExternalIPAddress>"+home.Router().Addr().String()+"<") {
		t.Fatalf("GetExternalIPAddress: %d %s; want the router's %s", status, body, home.Router().Addr())
	}
	if status, body := c.call("GetNATRSIPStatus"); status != 200 || !strings.Contains(body, "<NewNATEnabled>1<") {
		t.Errorf("GetNATRSIPStatus: %d %s; want NAT enabled", status, body)
	}
	add := func(c *upnpClient, ext int, client netip.Addr) (int, string) {
		return c.call("AddPortMapping", "NewRemoteHost", "", "NewExternalPort", fmt.Sprint(ext), "NewProtocol", "TCP",
			"NewInternalPort", "7000", "NewInternalClient", client.String(), "NewEnabled", "1",
			"NewPortMappingDescription", "test", "NewLeaseDuration", "60")
	}
	del := func(c *upnpClient, ext int) (int, string) {
		return c.call("DeletePortMapping", "NewRemoteHost", "", "NewExternalPort", fmt.Sprint(ext), "NewProtocol", "TCP")
	}
	if status, body := add(c, 20000, inside.Addr()); status != 200 {
		t.Fatalf("AddPortMapping 20000 → %s:7000: %d %s", inside.Addr(), status, body)
	}
	line, err := dialFrom(peer, public, 10*time.Second)
	if err != nil {
		t.Fatalf("dial %s from the internet through the mapping: %v", public, err)
	}
	if got := seenAddr(t, line); got != peer.Addr() {
		t.Errorf("through the mapping, the LAN host saw %s, want the internet host %s", got, peer.Addr())
	}

	o := &upnpClient{t: t, http: nsHTTPClient(other), control: c.control}
	for _, tt := range []struct {
		name string
		do   func() (int, string)
		code string
	}{
		{"a mapping to another host", func() (int, string) { return add(o, 20001, inside.Addr()) }, "606"},
		{"a port another host holds", func() (int, string) { return add(o, 20000, other.Addr()) }, "718"},
		{"deleting another host's mapping", func() (int, string) { return del(o, 20000) }, "606"},
		{"a body naming another action than SOAPACTION", func() (int, string) {
			return o.post("GetExternalIPAddress", soapBody("GetNATRSIPStatus"))
		}, "401"},
		{"an argument missing", func() (int, string) {
			return o.call("DeletePortMapping", "NewExternalPort", "20000", "NewProtocol", "TCP")
		}, "402"},
	} {
		if status, body := tt.do(); status != 500 || !strings.Contains(body, "<errorCode>"+tt.code+"</errorCode>") {
			t.Errorf("%s: %d %s; want 500 with UPnP error %s", tt.name, status, body, tt.code)
		}
	}
	if n := len(pm.Mappings()); n != 1 {
		t.Errorf("%d mappings after the refused calls, want 1: %+v", n, pm.Mappings())
	}

	if status, body := del(c, 20000); status != 200 {
		t.Fatalf("DeletePortMapping 20000: %d %s", status, body)
	}
	if _, err := dialFrom(peer, public, 2*time.Second); !isTimeout(err) {
		t.Errorf("dial %s after the mapping was deleted: %v, want no answer", public, err)
	}
	if status, body := del(c, 20000); status != 500 || !strings.Contains(body, "<errorCode>714</errorCode>") {
		t.Errorf("DeletePortMapping of no mapping: %d %s; want UPnP error 714", status, body)
	}
}

// ssdpSearch sends an M-SEARCH from ns for st and returns the LOCATION
// of the first answer.
func ssdpSearch(t *testing.T, ns *netlab.Namespace, st string) string {
	t.Helper()
	var conn *net.UDPConn
	if err := ns.Do(func() (err error) {
		conn, err = net.ListenUDP("udp4", &net.UDPAddr{IP: ns.Addr().AsSlice()})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	msg := "M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: \"ssdp:discover\"\r\nMX: 1\r\nST: " + st + "\r\n\r\n"
	group := &net.UDPAddr{IP: net.IPv4(239, 255, 255, 250), Port: 1900}
	buf := make([]byte, 2048)
	for range 20 {
		if _, err := conn.WriteToUDP([]byte(msg), group); err != nil {
			t.Fatalf("M-SEARCH: %v", err)
		}
		_ = conn.SetReadDeadline(time.Now().Add(500 * time.Millisecond))
		n, err := conn.Read(buf)
		if err != nil {
			continue
		}
		resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(buf[:n])), nil)
		if err != nil || resp.StatusCode != 200 || resp.Header.Get("ST") != st {
			t.Fatalf("SSDP answer %q: %v", buf[:n], err)
		}
		return resp.Header.Get("LOCATION")
	}
	t.Fatalf("no SSDP answer for %s in 20 tries of 500ms", st)
	return ""
}

// nsHTTPClient is an HTTP client whose connections are opened in ns.
func nsHTTPClient(ns *netlab.Namespace) *http.Client {
	dial := func(ctx context.Context, network, addr string) (c net.Conn, err error) {
		err = ns.Do(func() error {
			c, err = (&net.Dialer{Timeout: 10 * time.Second}).DialContext(ctx, network, addr)
			return err
		})
		return c, err
	}
	return &http.Client{Transport: &http.Transport{DialContext: dial}, Timeout: 20 * time.Second}
}

type upnpClient struct {
	t       *testing.T
	http    *http.Client
	control string
}

func (c *upnpClient) get(url string) string {
	c.t.Helper()
	resp, err := c.http.Get(url)
	if err != nil {
		c.t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		c.t.Fatalf("GET %s: %s", url, resp.Status)
	}
	return string(b)
}

// call performs a WANIPConnection:1 action with args (name, value pairs)
// and returns the HTTP status and body.
func (c *upnpClient) call(action string, args ...string) (int, string) {
	c.t.Helper()
	return c.post(action, soapBody(action, args...))
}

func (c *upnpClient) post(action, body string) (int, string) {
	c.t.Helper()
	req, err := http.NewRequest(http.MethodPost, c.control, strings.NewReader(body))
	if err != nil {
		c.t.Fatal(err)
	}
	req.Header.Set("SOAPACTION", `"urn:schemas-upnp-org:service:WANIPConnection:1#`+action+`"`)
	req.Header.Set("Content-Type", `text/xml; charset="utf-8"`)
	resp, err := c.http.Do(req)
	if err != nil {
		c.t.Fatalf("%s: %v", action, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func soapBody(action string, args ...string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" s:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/"><s:Body>`)
	fmt.Fprintf(&b, `<u:%s xmlns:u="urn:schemas-upnp-org:service:WANIPConnection:1">`, action)
	for i := 0; i+1 < len(args); i += 2 {
		fmt.Fprintf(&b, "<%s>%s</%[1]s>", args[i], args[i+1])
	}
	fmt.Fprintf(&b, "</u:%s></s:Body></s:Envelope>", action)
	return b.String()
}
