package provider

import (
	"context"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/core/types"
)

// RedeemOnce looks at every channel holding an unredeemed voucher and
// redeems it when the fee is at most FeePercent of the amount it would
// redeem, or, whatever the fee, when the channel is closing and its
// deadline is within CloseMargin. It returns how many it redeemed.
func (p *Provider) RedeemOnce(ctx context.Context) (int, error) {
	recs, err := p.st.all()
	if err != nil {
		return 0, fmt.Errorf("provider: redeem: %w", err)
	}
	var fee *big.Int
	n := 0
	var firstErr error
	for _, r := range recs {
		unlock := p.lock(r.Channel)
		cum, sig := r.Redeemable()
		unlock()
		if cum.Cmp(r.Redeemed) <= 0 || len(sig) == 0 {
			continue
		}
		st, err := p.channel(ctx, r.Channel, true)
		if err != nil {
			firstErr = keep(firstErr, err)
			continue
		}
		if st.Redeemed.Cmp(cum) >= 0 {
			if err := p.st.setRedeemed(r.Channel, st.Redeemed); err != nil {
				firstErr = keep(firstErr, err)
			}
			continue
		}
		now := p.cfg.Now()
		if !st.ClosesAt.IsZero() && !now.Before(st.ClosesAt) {
			p.log.Error("provider: channel closed before redeem", "channel", r.Channel, "lost", new(big.Int).Sub(cum, st.Redeemed))
			if err := p.st.setRedeemed(r.Channel, st.Redeemed); err != nil {
				firstErr = keep(firstErr, err)
			}
			continue
		}
		urgent := !st.ClosesAt.IsZero() && !now.Add(p.cfg.CloseMargin).Before(st.ClosesAt)
		amount := new(big.Int).Sub(cum, st.Redeemed)
		if !urgent {
			if p.cfg.RedeemFee == nil {
				continue
			}
			if fee == nil {
				if fee, err = p.cfg.RedeemFee(ctx); err != nil {
					return n, fmt.Errorf("provider: redeem fee: %w", err)
				}
			}
			if !WorthRedeeming(fee, amount, p.cfg.FeePercent) {
				continue
			}
		}
		if _, err := p.cfg.Chain.RedeemChannel(ctx, r.Channel, cum, sig); err != nil {
			firstErr = keep(firstErr, fmt.Errorf("provider: redeem %s: %w", r.Channel.Hex(), err))
			continue
		}
		if err := p.st.setRedeemed(r.Channel, cum); err != nil {
			firstErr = keep(firstErr, err)
		}
		// The cached state stays (an RPC outage must not stop the channel,
		// see OutageGrace), with what was just redeemed.
		if c, ok := p.cache.Load(r.Channel); ok {
			cc := c.(cachedChannel)
			cc.st.Redeemed = new(big.Int).Set(cum)
			p.cache.Store(r.Channel, cc)
		}
		p.log.Info("provider: redeemed", "channel", r.Channel, "cumulative", cum, "paid", amount, "urgent", urgent)
		p.mu.Lock()
		p.stats.Redeems++
		p.mu.Unlock()
		n++
	}
	return n, firstErr
}

// WorthRedeeming reports whether fee ≤ percent% of amount.
func WorthRedeeming(fee, amount *big.Int, percent int64) bool {
	if amount.Sign() <= 0 {
		return false
	}
	lhs := new(big.Int).Mul(fee, big.NewInt(100))
	rhs := new(big.Int).Mul(amount, big.NewInt(percent))
	return lhs.Cmp(rhs) <= 0
}

func keep(first, err error) error {
	if first != nil {
		return first
	}
	return err
}

// Run redeems every interval, and scans the chain for channels opened to
// the provider every ScanInterval, until ctx ends. A channel that starts
// closing is picked up at the next tick, so interval must be well below
// CloseMargin.
func (p *Provider) Run(ctx context.Context, interval time.Duration) error {
	t := time.NewTicker(interval)
	defer t.Stop()
	scan := time.NewTicker(p.cfg.ScanInterval)
	defer scan.Stop()
	p.scan(ctx)
	for {
		if _, err := p.RedeemOnce(ctx); err != nil {
			p.log.Warn("provider: redeem", "err", err)
		}
		for waiting := true; waiting; {
			select {
			case <-ctx.Done():
				return nil
			case <-scan.C:
				p.scan(ctx)
			case <-t.C:
				waiting = false
			}
		}
	}
}

// scan brings the set of channels opened to the provider up to date.
func (p *Provider) scan(ctx context.Context) {
	if err := p.set.refresh(ctx); err != nil && ctx.Err() == nil {
		p.log.Warn("provider: scan channels", "err", err)
	}
}

// Flush waits until the records of the calls already answered are on
// disk (they are written after the answer, see store.complete). Call it
// when the HTTP server has stopped, before the database closes.
func (p *Provider) Flush() error {
	if err := p.st.gc.Flush(); err != nil {
		return fmt.Errorf("provider: flush: %w", err)
	}
	return nil
}

// Status is the provider's state for `mycroft provider status`.
type Status struct {
	Address    string            `json:"address"`
	Endpoint   string            `json:"endpoint"`
	Prices     map[string]string `json:"prices"`
	Channels   int               `json:"channels"`
	Held       string            `json:"held"`       // sum of redeemable vouchers
	Redeemed   string            `json:"redeemed"`   // sum already paid on chain
	Unredeemed string            `json:"unredeemed"` // held − redeemed
	Stats      Stats             `json:"stats"`
	LastError  string            `json:"lastError,omitempty"`
}

// Status reports totals over all channels.
func (p *Provider) Status() (Status, error) {
	recs, err := p.st.all()
	if err != nil {
		return Status{}, fmt.Errorf("provider: status: %w", err)
	}
	held, red := new(big.Int), new(big.Int)
	for _, r := range recs {
		c, _ := r.Redeemable()
		held.Add(held, c)
		red.Add(red, r.Redeemed)
	}
	s := Status{Address: p.cfg.Signer.Address().Hex(), Endpoint: p.endpoint(), Prices: map[string]string{},
		Channels: len(recs), Held: held.String(), Redeemed: red.String(), Unredeemed: new(big.Int).Sub(held, red).String()}
	for n, v := range p.cfg.Prices {
		s.Prices[n] = v.String()
	}
	p.mu.Lock()
	s.Stats, s.LastError = p.stats, p.lastError
	p.mu.Unlock()
	return s, nil
}

// Records returns the stored record of every channel (for status and tests).
func (p *Provider) Records() ([]*Record, error) { return p.st.all() }

// GasBackend is what GasFee reads: the latest base fee and a tip.
type GasBackend interface {
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
	SuggestGasTipCap(ctx context.Context) (*big.Int, error)
}

// GasFee returns a RedeemFee function: (base fee + tip) × gas, converted
// to MYC base units with rate (MYC base units per wei; nil means 1).
func GasFee(b GasBackend, gas uint64, rate *big.Rat) func(context.Context) (*big.Int, error) {
	return func(ctx context.Context) (*big.Int, error) {
		h, err := b.HeaderByNumber(ctx, nil)
		if err != nil {
			return nil, err
		}
		tip, err := b.SuggestGasTipCap(ctx)
		if err != nil {
			return nil, err
		}
		price := new(big.Int).Set(tip)
		if h.BaseFee != nil {
			price.Add(price, h.BaseFee)
		}
		wei := new(big.Int).Mul(price, new(big.Int).SetUint64(gas))
		if rate == nil {
			return wei, nil
		}
		v := new(big.Rat).Mul(new(big.Rat).SetInt(wei), rate)
		return new(big.Int).Quo(v.Num(), v.Denom()), nil
	}
}
