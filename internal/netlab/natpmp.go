package netlab

import (
	"encoding/binary"
	"errors"
	"net"
	"net/netip"
	"time"
)

// NATPMPPort is the UDP port a NAT-PMP server listens on (RFC 6886).
const NATPMPPort = 5351

// NAT-PMP opcodes and result codes (RFC 6886 §3.2, §3.3, §3.5).
const (
	pmpOpExternal = 0
	pmpOpUDP      = 1
	pmpOpTCP      = 2

	pmpOK            = 0
	pmpBadVersion    = 1
	pmpRefused       = 2
	pmpNetworkFailed = 3
	pmpNoResources   = 4
	pmpBadOpcode     = 5
)

// Errors of parsePMPRequest.
var (
	errPMPResponse  = errors.New("natpmp: a response, not a request")
	errPMPVersion   = errors.New("natpmp: unsupported version")
	errPMPOpcode    = errors.New("natpmp: unsupported opcode")
	errPMPMalformed = errors.New("natpmp: malformed request")
)

// pmpRequest is a parsed NAT-PMP request: the external address (op 0) or
// a UDP (1) or TCP (2) mapping.
type pmpRequest struct {
	op       byte
	internal uint16 // mapping: the client's port
	suggest  uint16 // mapping: the external port it would like (0: any)
	lifetime uint32 // mapping: seconds; 0 deletes
}

// parsePMPRequest reads one datagram, more strictly than RFC 6886 asks:
// the exact length for the opcode, reserved bytes zero, a mapping with
// internal port 0 only as "delete all". Errors other than version and
// opcode (which get an error response) mean the datagram is dropped.
func parsePMPRequest(b []byte) (pmpRequest, error) {
	if len(b) < 2 {
		return pmpRequest{}, errPMPMalformed
	}
	if b[1] >= 128 {
		return pmpRequest{}, errPMPResponse
	}
	if b[0] != 0 {
		return pmpRequest{}, errPMPVersion
	}
	r := pmpRequest{op: b[1]}
	switch r.op {
	case pmpOpExternal:
		if len(b) != 2 {
			return pmpRequest{}, errPMPMalformed
		}
		return r, nil
	case pmpOpUDP, pmpOpTCP:
	default:
		return pmpRequest{}, errPMPOpcode
	}
	if len(b) != 12 || b[2] != 0 || b[3] != 0 {
		return pmpRequest{}, errPMPMalformed
	}
	r.internal = binary.BigEndian.Uint16(b[4:6])
	r.suggest = binary.BigEndian.Uint16(b[6:8])
	r.lifetime = binary.BigEndian.Uint32(b[8:12])
	if r.internal == 0 && (r.lifetime != 0 || r.suggest != 0) {
		return pmpRequest{}, errPMPMalformed
	}
	return r, nil
}

// bytes encodes the request (the inverse of parsePMPRequest).
func (r pmpRequest) bytes() []byte {
	if r.op == pmpOpExternal {
		return []byte{0, r.op}
	}
	b := make([]byte, 12)
	b[1] = r.op
	binary.BigEndian.PutUint16(b[4:], r.internal)
	binary.BigEndian.PutUint16(b[6:], r.suggest)
	binary.BigEndian.PutUint32(b[8:], r.lifetime)
	return b
}

// servePMP answers NAT-PMP requests until the socket is closed.
func (p *PortMapper) servePMP() {
	buf := make([]byte, 1100)
	for {
		n, from, err := p.pmp.ReadFromUDPAddrPort(buf)
		if err != nil {
			if !errors.Is(err, net.ErrClosed) {
				p.home.lab.tb.Logf("netlab: NAT-PMP server in %s: %v", p.home.router, err)
			}
			return
		}
		if resp := p.handlePMP(from, buf[:n]); resp != nil {
			_, _ = p.pmp.WriteToUDPAddrPort(resp, from)
		}
	}
}

// handlePMP answers one datagram (nil: no answer).
func (p *PortMapper) handlePMP(from netip.AddrPort, b []byte) []byte {
	req, err := parsePMPRequest(b)
	switch {
	case errors.Is(err, errPMPVersion):
		return p.pmpHeader(b[1], pmpBadVersion)
	case errors.Is(err, errPMPOpcode):
		return p.pmpHeader(b[1], pmpBadOpcode)
	case err != nil:
		return nil
	}
	client, ok := p.fromLAN(from.Addr())
	if !ok {
		return p.pmpHeader(req.op, pmpRefused)
	}
	if req.op == pmpOpExternal {
		resp := p.pmpHeader(req.op, pmpOK)
		copy(resp[8:], p.home.router.addr.AsSlice())
		return resp
	}
	proto := "tcp"
	if req.op == pmpOpUDP {
		proto = "udp"
	}
	internal := netip.AddrPortFrom(client, req.internal)
	resp := p.pmpHeader(req.op, pmpOK)
	binary.BigEndian.PutUint16(resp[8:], req.internal)
	if req.lifetime == 0 { // delete this mapping, or all the client's (port 0)
		p.unmapWhere(func(m *Mapping) bool {
			return m.Protocol == proto && m.Internal.Addr() == client && (req.internal == 0 || m.Internal == internal)
		})
		return resp
	}
	ext, life, err := p.mapPort("NAT-PMP", proto, internal, req.suggest, false, time.Duration(req.lifetime)*time.Second)
	switch {
	case errors.Is(err, errMapFull):
		return p.pmpHeader(req.op, pmpNoResources)
	case err != nil:
		return p.pmpHeader(req.op, pmpNetworkFailed)
	}
	binary.BigEndian.PutUint16(resp[10:], ext)
	binary.BigEndian.PutUint32(resp[12:], uint32(life/time.Second))
	return resp
}

// pmpHeader is a response to op: version 0, the opcode + 128, the result
// code, seconds since the server started, and room for the rest (zero):
// 12 bytes for the external address, 16 for a mapping, else 8.
func (p *PortMapper) pmpHeader(op byte, code uint16) []byte {
	n := 8
	switch op {
	case pmpOpExternal:
		n = 12
	case pmpOpUDP, pmpOpTCP:
		n = 16
	}
	b := make([]byte, n)
	b[1] = op | 0x80
	binary.BigEndian.PutUint16(b[2:], code)
	binary.BigEndian.PutUint32(b[4:], uint32(time.Since(p.start)/time.Second))
	return b
}
