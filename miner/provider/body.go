package provider

import (
	"errors"
	"fmt"
	"io"
	"net/http"
)

// bodyStep is how much of a body is reserved against MaxBuffered at a time.
const bodyStep = 32 << 10

// BodyLimit is implemented by a Service whose calls carry at most
// MaxBody bytes (a storage chunk, say): its bodies are cut there rather
// than at Config.MaxBody.
type BodyLimit interface {
	MaxBody() int64
}

// bodyLimit is the body cap of calls to svc.
func (p *Provider) bodyLimit(svc Service) int64 {
	if bl, ok := svc.(BodyLimit); ok {
		if n := bl.MaxBody(); n > 0 && n < p.cfg.MaxBody {
			return n
		}
	}
	return p.cfg.MaxBody
}

// readBody reads r's body whole, up to limit, reserving its memory
// against MaxBuffered as it grows. release gives the reservation back;
// call it once the body is no longer used. A body over limit is the
// caller's fault; one that would pass MaxBuffered is refused as
// unavailable (the node is busy), and one that breaks off (a timeout, a
// client gone) is a bad request.
func (p *Provider) readBody(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, func(), error) {
	var reserved int64
	release := func() { p.buffered.Add(-reserved); reserved = 0 }
	reserve := func(n int64) error {
		if p.buffered.Add(n) > p.cfg.MaxBuffered {
			p.buffered.Add(-n)
			return fmt.Errorf("%w: busy: %d bytes of bodies buffered", ErrUnavailable, p.cfg.MaxBuffered)
		}
		reserved += n
		return nil
	}
	if r.ContentLength > limit {
		return nil, release, fmt.Errorf("%w: body of %d bytes over %d", ErrBadRequest, r.ContentLength, limit)
	}
	capacity := int64(bodyStep)
	if r.ContentLength >= 0 {
		capacity = r.ContentLength + 1 // +1: the read that sees EOF
	}
	if err := reserve(capacity); err != nil {
		return nil, release, err
	}
	body := http.MaxBytesReader(w, r.Body, limit)
	b := make([]byte, 0, capacity)
	for {
		if len(b) == cap(b) {
			grow := min(int64(cap(b)), limit+1-int64(cap(b)))
			grow = max(grow, bodyStep)
			if err := reserve(grow); err != nil {
				release()
				return nil, func() {}, err
			}
			nb := make([]byte, len(b), int64(cap(b))+grow)
			copy(nb, b)
			b = nb
		}
		n, err := body.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if errors.Is(err, io.EOF) {
			return b, release, nil
		}
		if err != nil {
			release()
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				return nil, func() {}, fmt.Errorf("%w: body over %d bytes", ErrBadRequest, limit)
			}
			return nil, func() {}, fmt.Errorf("%w: reading the body: %v", ErrBadRequest, err)
		}
	}
}

// Counters are the provider's defence figures since start.
type Counters struct {
	SigChecks     uint64 `json:"sigChecks"`     // voucher signatures verified
	ChainReads    uint64 `json:"chainReads"`    // channel states read from the chain
	ChannelScans  uint64 `json:"channelScans"`  // scans for Opened events
	ChannelsKnown int    `json:"channelsKnown"` // channels opened to the provider
	Buffered      int64  `json:"buffered"`      // bytes of paid bodies held now
}

// Counters returns the defence figures.
func (p *Provider) Counters() Counters {
	return Counters{SigChecks: p.sigChecks.Load(), ChainReads: p.chainRead.Load(), ChannelScans: p.set.scans.Load(),
		ChannelsKnown: p.set.size(), Buffered: p.buffered.Load()}
}
