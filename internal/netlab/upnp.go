package netlab

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/netip"
	"slices"
	"strconv"
	"strings"
	"time"
)

// UPnP IGD v1 names (UPnP Device Architecture 1.0, IGD:1).
const (
	upnpIGD        = "urn:schemas-upnp-org:device:InternetGatewayDevice:1"
	upnpWANDevice  = "urn:schemas-upnp-org:device:WANDevice:1"
	upnpWANConnDev = "urn:schemas-upnp-org:device:WANConnectionDevice:1"
	upnpWANIPConn  = "urn:schemas-upnp-org:service:WANIPConnection:1"
	upnpDescPath   = "/rootDesc.xml"
	upnpCtlPath    = "/ctl/IPConn"
	soapEnvNS      = "http://schemas.xmlsoap.org/soap/envelope/"
	upnpMaxBody    = 16 << 10
)

var ssdpGroup = netip.MustParseAddrPort("239.255.255.250:1900")

// serveSSDP answers M-SEARCH requests from the LAN for the gateway's
// device and service types (and ssdp:all, upnp:rootdevice) with the
// description's LOCATION, until the socket is closed.
func (p *PortMapper) serveSSDP() {
	buf := make([]byte, 2048)
	for {
		n, from, err := p.ssdp.ReadFromUDPAddrPort(buf)
		if err != nil {
			return
		}
		if _, ok := p.fromLAN(from.Addr()); !ok {
			continue
		}
		req, err := http.ReadRequest(bufio.NewReader(bytes.NewReader(buf[:n])))
		if err != nil || req.Method != "M-SEARCH" || req.RequestURI != "*" || req.Header.Get("MAN") != `"ssdp:discover"` {
			continue
		}
		var types []string
		switch st := req.Header.Get("ST"); st {
		case "ssdp:all":
			types = []string{"upnp:rootdevice", upnpIGD, upnpWANDevice, upnpWANConnDev, upnpWANIPConn}
		case "upnp:rootdevice", upnpIGD, upnpWANDevice, upnpWANConnDev, upnpWANIPConn:
			types = []string{st}
		}
		for _, st := range types {
			resp := fmt.Sprintf("HTTP/1.1 200 OK\r\nCACHE-CONTROL: max-age=120\r\nEXT:\r\nLOCATION: %s\r\n"+
				"SERVER: Linux UPnP/1.0 netlab/1\r\nST: %s\r\nUSN: %s::%s\r\n\r\n", p.DescriptionURL(), st, p.udn(), st)
			_, _ = p.ssdp.WriteToUDPAddrPort([]byte(resp), from)
		}
	}
}

// udn is the gateway device's unique name, from the router's address.
func (p *PortMapper) udn() string {
	a := p.home.router.addr.As4()
	return fmt.Sprintf("uuid:6e65746c-6162-4000-8000-0000%02x%02x%02x%02x", a[0], a[1], a[2], a[3])
}

// serveHTTP serves the device description and the WANIPConnection control
// URL to LAN hosts.
func (p *PortMapper) serveHTTP(w http.ResponseWriter, r *http.Request) {
	from, err := netip.ParseAddrPort(r.RemoteAddr)
	client, ok := p.fromLAN(from.Addr())
	if err != nil || !ok {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	switch {
	case r.Method == http.MethodGet && r.URL.Path == upnpDescPath:
		w.Header().Set("Content-Type", `text/xml; charset="utf-8"`)
		// SCPD and event URLs are left out: no client of ours reads them.
		fmt.Fprintf(w, `<?xml version="1.0"?>
<root xmlns="urn:schemas-upnp-org:device-1-0"><specVersion><major>1</major><minor>0</minor></specVersion>
<device><deviceType>%s</deviceType><friendlyName>netlab %s</friendlyName><UDN>%s</UDN>
<deviceList><device><deviceType>%s</deviceType><UDN>%s-1</UDN>
<deviceList><device><deviceType>%s</deviceType><UDN>%s-2</UDN>
<serviceList><service><serviceType>%s</serviceType><serviceId>urn:upnp-org:serviceId:WANIPConn1</serviceId><controlURL>%s</controlURL></service></serviceList>
</device></deviceList></device></deviceList></device></root>
`, upnpIGD, p.home.name, p.udn(), upnpWANDevice, p.udn(), upnpWANConnDev, p.udn(), upnpWANIPConn, upnpCtlPath)
	case r.Method == http.MethodPost && r.URL.Path == upnpCtlPath:
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, upnpMaxBody))
		if err != nil {
			http.Error(w, "body too large", http.StatusRequestEntityTooLarge)
			return
		}
		a, err := parseUPnPAction(r.Header.Get("SOAPACTION"), body)
		if err != nil {
			code := 402
			if errors.Is(err, errUPnPAction) {
				code = 401
			}
			soapFault(w, code, err.Error())
			return
		}
		p.upnpAction(w, client, a)
	default:
		http.NotFound(w, r)
	}
}

// upnpAction performs a parsed action for client and writes the answer.
func (p *PortMapper) upnpAction(w http.ResponseWriter, client netip.Addr, a upnpRequest) {
	switch a.name {
	case "GetExternalIPAddress":
		soapReply(w, a.name, "NewExternalIPAddress", p.home.router.addr.String())
	case "GetNATRSIPStatus":
		soapReply(w, a.name, "NewRSIPAvailable", "0", "NewNATEnabled", "1")
	case "AddPortMapping":
		switch {
		case a.remoteHost != "":
			soapFault(w, 726, "RemoteHostOnlySupportsWildcard")
			return
		case a.client != client: // for itself only, as miniupnpd's secure mode
			soapFault(w, 606, "Action not authorized")
			return
		case !a.enabled:
			soapFault(w, 402, "Invalid Args: disabled mappings are not kept")
			return
		}
		life := time.Duration(a.lease) * time.Second
		if a.lease == 0 { // permanent: capped like any other
			life = p.limits.Lifetime
		}
		_, _, err := p.mapPort("UPnP", a.proto, netip.AddrPortFrom(client, a.internal), a.ext, true, life)
		switch {
		case errors.Is(err, errMapConflict):
			soapFault(w, 718, "ConflictInMappingEntry")
		case errors.Is(err, errMapFull):
			soapFault(w, 728, "NoPortMapsAvailable")
		case err != nil:
			soapFault(w, 501, "Action Failed")
		default:
			soapReply(w, a.name)
		}
	case "DeletePortMapping":
		var other bool
		n := p.unmapWhere(func(m *Mapping) bool {
			if m.Protocol != a.proto || m.External != a.ext {
				return false
			}
			other = m.Internal.Addr() != client
			return !other
		})
		switch {
		case other:
			soapFault(w, 606, "Action not authorized")
		case n == 0 || a.remoteHost != "":
			soapFault(w, 714, "NoSuchEntryInArray")
		default:
			soapReply(w, a.name)
		}
	}
}

// soapReply writes action's response with args (name, value pairs).
func soapReply(w http.ResponseWriter, action string, args ...string) {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0"?>`+"\n"+`<s:Envelope xmlns:s="%s" s:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/"><s:Body><u:%sResponse xmlns:u="%s">`,
		soapEnvNS, action, upnpWANIPConn)
	for i := 0; i+1 < len(args); i += 2 {
		fmt.Fprintf(&b, "<%s>", args[i])
		_ = xml.EscapeText(&b, []byte(args[i+1]))
		fmt.Fprintf(&b, "</%s>", args[i])
	}
	fmt.Fprintf(&b, "</u:%sResponse></s:Body></s:Envelope>\n", action)
	w.Header().Set("Content-Type", `text/xml; charset="utf-8"`)
	_, _ = io.WriteString(w, b.String())
}

// soapFault writes a UPnP error (HTTP 500, a SOAP Fault with UPnPError).
func soapFault(w http.ResponseWriter, code int, desc string) {
	w.Header().Set("Content-Type", `text/xml; charset="utf-8"`)
	w.WriteHeader(http.StatusInternalServerError)
	var d strings.Builder
	_ = xml.EscapeText(&d, []byte(desc))
	fmt.Fprintf(w, `<?xml version="1.0"?>`+"\n"+`<s:Envelope xmlns:s="%s" s:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/"><s:Body><s:Fault>`+
		`<faultcode>s:Client</faultcode><faultstring>UPnPError</faultstring><detail><UPnPError xmlns="urn:schemas-upnp-org:control-1-0">`+
		`<errorCode>%d</errorCode><errorDescription>%s</errorDescription></UPnPError></detail></s:Fault></s:Body></s:Envelope>`+"\n", soapEnvNS, code, d.String())
}

// Errors of parseUPnPAction: 401 Invalid Action, 402 Invalid Args.
var (
	errUPnPAction = errors.New("upnp: invalid action")
	errUPnPArgs   = errors.New("upnp: invalid args")
)

// upnpRequest is a parsed WANIPConnection:1 action.
type upnpRequest struct {
	name       string
	remoteHost string
	ext        uint16
	proto      string // "tcp" or "udp"
	internal   uint16
	client     netip.Addr
	enabled    bool
	lease      uint32
}

// upnpArgs are the arguments of the actions served, in order.
var upnpArgs = map[string][]string{
	"GetExternalIPAddress": nil,
	"GetNATRSIPStatus":     nil,
	"AddPortMapping": {"NewRemoteHost", "NewExternalPort", "NewProtocol", "NewInternalPort",
		"NewInternalClient", "NewEnabled", "NewPortMappingDescription", "NewLeaseDuration"},
	"DeletePortMapping": {"NewRemoteHost", "NewExternalPort", "NewProtocol"},
}

// parseUPnPAction reads a control request strictly: the SOAPACTION header
// names a served action of WANIPConnection:1, the body is one SOAP
// envelope whose Body holds that action in the service's namespace, with
// exactly its arguments, each once, as plain text, and valid values.
func parseUPnPAction(soapAction string, body []byte) (upnpRequest, error) {
	urn, name, ok := strings.Cut(strings.TrimSuffix(strings.TrimPrefix(soapAction, `"`), `"`), "#")
	if !ok || urn != upnpWANIPConn || len(soapAction) < 2 || soapAction[0] != '"' || soapAction[len(soapAction)-1] != '"' {
		return upnpRequest{}, fmt.Errorf("%w: SOAPACTION %q", errUPnPAction, soapAction)
	}
	want, ok := upnpArgs[name]
	if !ok {
		return upnpRequest{}, fmt.Errorf("%w: %q", errUPnPAction, name)
	}
	var env struct {
		XMLName xml.Name `xml:"http://schemas.xmlsoap.org/soap/envelope/ Envelope"`
		Body    struct {
			Actions []struct {
				XMLName xml.Name
				Args    []struct {
					XMLName xml.Name
					Text    string `xml:",chardata"`
					Inner   string `xml:",innerxml"`
				} `xml:",any"`
			} `xml:",any"`
		} `xml:"http://schemas.xmlsoap.org/soap/envelope/ Body"`
	}
	d := xml.NewDecoder(bytes.NewReader(body))
	if err := d.Decode(&env); err != nil {
		return upnpRequest{}, fmt.Errorf("%w: %v", errUPnPArgs, err)
	}
	if _, err := d.Token(); err != io.EOF {
		return upnpRequest{}, fmt.Errorf("%w: data after the envelope", errUPnPArgs)
	}
	if len(env.Body.Actions) != 1 || env.Body.Actions[0].XMLName != (xml.Name{Space: upnpWANIPConn, Local: name}) {
		return upnpRequest{}, fmt.Errorf("%w: the body is not one %s", errUPnPAction, name)
	}
	args := map[string]string{}
	for _, a := range env.Body.Actions[0].Args {
		if a.XMLName.Space != "" || strings.Contains(a.Inner, "<") || !slices.Contains(want, a.XMLName.Local) {
			return upnpRequest{}, fmt.Errorf("%w: argument %s", errUPnPArgs, a.XMLName.Local)
		}
		if _, dup := args[a.XMLName.Local]; dup {
			return upnpRequest{}, fmt.Errorf("%w: %s twice", errUPnPArgs, a.XMLName.Local)
		}
		args[a.XMLName.Local] = a.Text
	}
	if len(args) != len(want) {
		return upnpRequest{}, fmt.Errorf("%w: %s wants %v", errUPnPArgs, name, want)
	}
	r := upnpRequest{name: name, remoteHost: args["NewRemoteHost"]}
	if len(want) == 0 {
		return r, nil
	}
	var err error
	bad := func(arg string) (upnpRequest, error) {
		return upnpRequest{}, fmt.Errorf("%w: %s %q", errUPnPArgs, arg, args[arg])
	}
	if r.ext, err = parsePort(args["NewExternalPort"]); err != nil || r.ext == 0 {
		return bad("NewExternalPort") // 0 (any) is refused: libp2p always names one
	}
	switch args["NewProtocol"] {
	case "TCP":
		r.proto = "tcp"
	case "UDP":
		r.proto = "udp"
	default:
		return bad("NewProtocol")
	}
	if name == "DeletePortMapping" {
		return r, nil
	}
	if r.internal, err = parsePort(args["NewInternalPort"]); err != nil || r.internal == 0 {
		return bad("NewInternalPort")
	}
	if r.client, err = netip.ParseAddr(args["NewInternalClient"]); err != nil || !r.client.Is4() {
		return bad("NewInternalClient")
	}
	switch args["NewEnabled"] {
	case "1", "true", "yes":
		r.enabled = true
	case "0", "false", "no":
	default:
		return bad("NewEnabled")
	}
	if len(args["NewPortMappingDescription"]) > 256 {
		return bad("NewPortMappingDescription")
	}
	lease, err := strconv.ParseUint(args["NewLeaseDuration"], 10, 32)
	if err != nil {
		return bad("NewLeaseDuration")
	}
	r.lease = uint32(lease)
	return r, nil
}

// parsePort reads a ui2 in decimal digits only.
func parsePort(s string) (uint16, error) {
	if s == "" || strings.TrimLeft(s, "0123456789") != "" {
		return 0, strconv.ErrSyntax
	}
	n, err := strconv.ParseUint(s, 10, 16)
	return uint16(n), err
}
