package netlab

import (
	"bytes"
	"errors"
	"net/netip"
	"strings"
	"testing"
)

func TestParsePMPRequest(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want pmpRequest
		err  error
	}{
		{"external address", []byte{0, 0}, pmpRequest{op: pmpOpExternal}, nil},
		{"tcp mapping", []byte{0, 2, 0, 0, 0x0f, 0xa1, 0x4e, 0x20, 0, 0, 0, 60},
			pmpRequest{op: pmpOpTCP, internal: 4001, suggest: 20000, lifetime: 60}, nil},
		{"udp delete", []byte{0, 1, 0, 0, 0x0f, 0xa1, 0, 0, 0, 0, 0, 0}, pmpRequest{op: pmpOpUDP, internal: 4001}, nil},
		{"delete all", []byte{0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, pmpRequest{op: pmpOpUDP}, nil},
		{"empty", nil, pmpRequest{}, errPMPMalformed},
		{"one byte", []byte{0}, pmpRequest{}, errPMPMalformed},
		{"a response", []byte{0, 128, 0, 0, 0, 0, 0, 0}, pmpRequest{}, errPMPResponse},
		{"version 2 (PCP)", []byte{2, 1}, pmpRequest{}, errPMPVersion},
		{"opcode 3", []byte{0, 3}, pmpRequest{}, errPMPOpcode},
		{"external address, trailing byte", []byte{0, 0, 0}, pmpRequest{}, errPMPMalformed},
		{"mapping, short", []byte{0, 2, 0, 0, 0x0f, 0xa1, 0, 0, 0, 0, 0}, pmpRequest{}, errPMPMalformed},
		{"mapping, long", []byte{0, 2, 0, 0, 0x0f, 0xa1, 0, 0, 0, 0, 0, 60, 0}, pmpRequest{}, errPMPMalformed},
		{"reserved set", []byte{0, 2, 0, 1, 0x0f, 0xa1, 0, 0, 0, 0, 0, 60}, pmpRequest{}, errPMPMalformed},
		{"internal port 0 with a lifetime", []byte{0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 60}, pmpRequest{}, errPMPMalformed},
		{"delete all with a port", []byte{0, 2, 0, 0, 0, 0, 0x4e, 0x20, 0, 0, 0, 0}, pmpRequest{}, errPMPMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parsePMPRequest(tt.in)
			if !errors.Is(err, tt.err) || got != tt.want {
				t.Errorf("parsePMPRequest(%x) = %+v, %v; want %+v, %v", tt.in, got, err, tt.want, tt.err)
			}
		})
	}
}

// Requests come from any LAN host: whatever the bytes, the parser answers
// or errs without panicking; what it accepts is one of the three requests
// and encodes back to exactly the bytes it came from; a version or opcode
// error (the two that get an answer) leaves a byte to answer with.
func FuzzParsePMPRequest(f *testing.F) {
	for _, b := range [][]byte{{0, 0}, {0, 1, 0, 0, 0x0f, 0xa1, 0x4e, 0x20, 0, 0, 0x0e, 0x10},
		{0, 2, 0, 0, 0x0f, 0xa1, 0, 0, 0, 0, 0, 0}, {0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
		{2, 1}, {0, 3}, {0, 130, 0, 0}, {0}, {}} {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := parsePMPRequest(b)
		switch {
		case errors.Is(err, errPMPVersion) || errors.Is(err, errPMPOpcode):
			if len(b) < 2 || b[1] >= 128 {
				t.Fatalf("parsePMPRequest(%x): %v, but no request opcode to answer", b, err)
			}
			return
		case err != nil:
			return
		}
		if r.op > pmpOpTCP {
			t.Fatalf("parsePMPRequest(%x) accepted opcode %d", b, r.op)
		}
		if r.internal == 0 && (r.lifetime != 0 || r.suggest != 0) {
			t.Fatalf("parsePMPRequest(%x) = %+v: a mapping of internal port 0", b, r)
		}
		if back := r.bytes(); !bytes.Equal(back, b) {
			t.Fatalf("parsePMPRequest(%x) = %+v, which encodes to %x", b, r, back)
		}
	})
}

const addBody = `<?xml version="1.0"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>` +
	`<u:AddPortMapping xmlns:u="urn:schemas-upnp-org:service:WANIPConnection:1"><NewRemoteHost></NewRemoteHost>` +
	`<NewExternalPort>20000</NewExternalPort><NewProtocol>TCP</NewProtocol><NewInternalPort>4001</NewInternalPort>` +
	`<NewInternalClient>192.168.1.2</NewInternalClient><NewEnabled>1</NewEnabled>` +
	`<NewPortMappingDescription>libp2p</NewPortMappingDescription><NewLeaseDuration>60</NewLeaseDuration>` +
	`</u:AddPortMapping></s:Body></s:Envelope>`

const addAction = `"urn:schemas-upnp-org:service:WANIPConnection:1#AddPortMapping"`

func TestParseUPnPAction(t *testing.T) {
	tests := []struct {
		name, action, body string
		want               upnpRequest
		err                error
	}{
		{"add", addAction, addBody, upnpRequest{name: "AddPortMapping", ext: 20000, proto: "tcp", internal: 4001,
			client: netip.MustParseAddr("192.168.1.2"), enabled: true, lease: 60}, nil},
		{"action unquoted", strings.Trim(addAction, `"`), addBody, upnpRequest{}, errUPnPAction},
		{"another service", strings.Replace(addAction, "WANIPConnection", "WANPPPConnection", 1), addBody, upnpRequest{}, errUPnPAction},
		{"unknown action", `"urn:schemas-upnp-org:service:WANIPConnection:1#GetGenericPortMappingEntry"`, addBody, upnpRequest{}, errUPnPAction},
		{"body names another action", `"urn:schemas-upnp-org:service:WANIPConnection:1#DeletePortMapping"`, addBody, upnpRequest{}, errUPnPAction},
		{"body in another namespace", addAction, strings.Replace(addBody, `xmlns:u="urn:schemas-upnp-org:service:WANIPConnection:1"`, `xmlns:u="urn:x"`, 1), upnpRequest{}, errUPnPAction},
		{"argument twice", addAction, strings.Replace(addBody, "<NewProtocol>TCP</NewProtocol>", "<NewProtocol>TCP</NewProtocol><NewProtocol>UDP</NewProtocol>", 1), upnpRequest{}, errUPnPArgs},
		{"argument missing", addAction, strings.Replace(addBody, "<NewEnabled>1</NewEnabled>", "", 1), upnpRequest{}, errUPnPArgs},
		{"unknown argument", addAction, strings.Replace(addBody, "<NewEnabled>1</NewEnabled>", "<NewEnabled>1</NewEnabled><X>1</X>", 1), upnpRequest{}, errUPnPArgs},
		{"nested element", addAction, strings.Replace(addBody, "<NewProtocol>TCP</NewProtocol>", "<NewProtocol>TCP<b/></NewProtocol>", 1), upnpRequest{}, errUPnPArgs},
		{"port 0", addAction, strings.Replace(addBody, "<NewExternalPort>20000<", "<NewExternalPort>0<", 1), upnpRequest{}, errUPnPArgs},
		{"port signed", addAction, strings.Replace(addBody, "<NewInternalPort>4001<", "<NewInternalPort>+4001<", 1), upnpRequest{}, errUPnPArgs},
		{"port too large", addAction, strings.Replace(addBody, "<NewExternalPort>20000<", "<NewExternalPort>65536<", 1), upnpRequest{}, errUPnPArgs},
		{"protocol lower case", addAction, strings.Replace(addBody, ">TCP<", ">tcp<", 1), upnpRequest{}, errUPnPArgs},
		{"client IPv6", addAction, strings.Replace(addBody, ">192.168.1.2<", ">fe80::1<", 1), upnpRequest{}, errUPnPArgs},
		{"lease negative", addAction, strings.Replace(addBody, ">60<", ">-1<", 1), upnpRequest{}, errUPnPArgs},
		{"trailing data", addAction, addBody + "<x/>", upnpRequest{}, errUPnPArgs},
		{"not XML", addAction, "{}", upnpRequest{}, errUPnPArgs},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseUPnPAction(tt.action, []byte(tt.body))
			if !errors.Is(err, tt.err) || got != tt.want {
				t.Errorf("parseUPnPAction(%s, %s) = %+v, %v; want %+v, %v", tt.action, tt.body, got, err, tt.want, tt.err)
			}
		})
	}
}

// Control requests come from any LAN host: the parser answers or errs
// without panicking, and what it accepts is a served action with valid
// values.
func FuzzParseUPnPAction(f *testing.F) {
	f.Add(addAction, []byte(addBody))
	f.Add(`"urn:schemas-upnp-org:service:WANIPConnection:1#GetExternalIPAddress"`,
		[]byte(`<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><u:GetExternalIPAddress xmlns:u="urn:schemas-upnp-org:service:WANIPConnection:1"/></s:Body></s:Envelope>`))
	f.Add(`"urn:schemas-upnp-org:service:WANIPConnection:1#DeletePortMapping"`,
		[]byte(`<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><u:DeletePortMapping xmlns:u="urn:schemas-upnp-org:service:WANIPConnection:1"><NewRemoteHost/><NewExternalPort>1</NewExternalPort><NewProtocol>UDP</NewProtocol></u:DeletePortMapping></s:Body></s:Envelope>`))
	f.Add(`""`, []byte(""))
	f.Fuzz(func(t *testing.T, action string, body []byte) {
		r, err := parseUPnPAction(action, body)
		if err != nil {
			if !errors.Is(err, errUPnPAction) && !errors.Is(err, errUPnPArgs) {
				t.Fatalf("parseUPnPAction(%q, %q): %v, neither invalid action nor args", action, body, err)
			}
			return
		}
		if _, ok := upnpArgs[r.name]; !ok || action != `"`+upnpWANIPConn+"#"+r.name+`"` {
			t.Fatalf("parseUPnPAction(%q, %q) accepted action %q", action, body, r.name)
		}
		switch r.name {
		case "AddPortMapping":
			if r.internal == 0 || !r.client.Is4() {
				t.Fatalf("parseUPnPAction(%q, %q) = %+v: no internal port or IPv4 client", action, body, r)
			}
			fallthrough
		case "DeletePortMapping":
			if r.ext == 0 || (r.proto != "tcp" && r.proto != "udp") {
				t.Fatalf("parseUPnPAction(%q, %q) = %+v: no external port or protocol", action, body, r)
			}
		}
	})
}
