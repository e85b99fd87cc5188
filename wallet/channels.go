package wallet

// The payer's side of a channel: open it, top it up, and resync it with
// what the provider holds.

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/mycroft-network/mycroft/chain"
	"go.etcd.io/bbolt"
)

// storeBase records what the provider says it holds.
func (w *Wallet) storeBase(provider common.Address, held *big.Int) (*Channel, error) {
	var out *Channel
	err := w.st.update(provider, func(tx *bbolt.Tx, c *Channel) (*Channel, error) {
		if c == nil {
			return nil, ErrNoChannel
		}
		if held.Cmp(c.Signed) > 0 {
			return nil, fmt.Errorf("wallet: provider claims %s, above the %s signed", held, c.Signed)
		}
		c.Base = new(big.Int).Set(held)
		c.Pending = false
		c.Sent = nil
		out = c
		return c, nil
	})
	return out, err
}

// ensureChannel returns the open channel to n, opening or topping it up
// as the limits allow, and resyncing it if a call was left unanswered.
func (w *Wallet) ensureChannel(ctx context.Context, n chain.NodeInfo, o Offer, price *big.Int, lim Limits) (*Channel, error) {
	c, err := w.st.channel(n.Address)
	if err != nil {
		return nil, err
	}
	if c != nil && (c.ClosesAt != 0 || c.Withdrawn) {
		if !c.Withdrawn {
			return nil, fmt.Errorf("%w: %s", ErrClosing, c.ID.Hex())
		}
		c = nil // withdrawn: open a new one
	}
	if c == nil {
		if w.cfg.Chain == nil {
			return nil, fmt.Errorf("%w: no chain to open one", ErrNoChannel)
		}
		deposit := new(big.Int).Set(lim.Deposit)
		if deposit.Cmp(lim.MaxExposure) > 0 {
			deposit.Set(lim.MaxExposure)
		}
		if deposit.Cmp(price) < 0 {
			return nil, &LimitError{Err: ErrOverExposure, Service: "", Price: price, Limit: lim.MaxExposure, Spent: new(big.Int)}
		}
		relayFee := o.Prices[chain.ServiceRelayOpen] // nil: n does not relay opens
		relayed, err := w.canFund(ctx, deposit, price, relayFee)
		if err != nil {
			return nil, err
		}
		delay := max(lim.CloseDelay, o.MinCloseDelay)
		var id common.Hash
		if relayed {
			id, err = w.openRelayed(ctx, n, relayFee, deposit, delay)
		} else {
			id, _, err = w.cfg.Chain.OpenChannelWithPermit(ctx, w.cfg.Signer, n.Address, deposit, time.Duration(delay)*time.Second)
		}
		if err != nil {
			return nil, fmt.Errorf("wallet: open channel to %s: %w", n.Address.Hex(), err)
		}
		c = &Channel{ID: id, Provider: n.Address, Endpoint: n.Endpoint, Deposit: deposit, CloseDelay: delay}
		c.fix()
		if err := w.st.update(n.Address, func(*bbolt.Tx, *Channel) (*Channel, error) { return c, nil }); err != nil {
			return nil, fmt.Errorf("wallet: store channel: %w", err)
		}
		w.log.Info("wallet: opened channel", "provider", n.Address, "channel", id, "deposit", deposit)
	}
	if c.Endpoint != n.Endpoint {
		c.Endpoint = n.Endpoint
	}
	if c.Pending {
		rctx, cancel := context.WithTimeout(ctx, w.cfg.CallTimeout)
		err := w.resync(rctx, c)
		cancel()
		if err != nil {
			return nil, err
		}
	}
	// Top up when fewer than TopUpCalls calls remain.
	remain := new(big.Int).Sub(c.Deposit, c.Base)
	need := new(big.Int).Mul(price, big.NewInt(max(lim.TopUpCalls, 1)))
	if remain.Cmp(need) < 0 && w.cfg.Chain != nil {
		amount := new(big.Int).Set(lim.Deposit)
		room := new(big.Int).Sub(lim.MaxExposure, c.Deposit)
		if amount.Cmp(room) > 0 {
			amount = room
		}
		if amount.Sign() > 0 {
			if err := w.topUp(ctx, c, amount); err != nil {
				w.log.Warn("wallet: top up failed", "channel", c.ID, "err", err)
			}
		}
		if new(big.Int).Add(c.Base, price).Cmp(c.Deposit) > 0 {
			return nil, &LimitError{Err: ErrOverExposure, Price: price, Limit: lim.MaxExposure, Spent: c.Deposit}
		}
	}
	return c, nil
}

// anyFunds refuses a call up front, before any provider is asked, when the
// wallet has nothing to pay with: no open channel with deposit left and no
// tokens (ErrNoFunds). A balance that cannot be read lets the call go on.
func (w *Wallet) anyFunds(ctx context.Context, service string) error {
	if w.cfg.Chain == nil {
		return nil
	}
	chs, err := w.st.channels()
	if err != nil {
		return nil
	}
	for _, c := range chs {
		if !c.Withdrawn && c.ClosesAt == 0 && c.Deposit != nil && c.Base != nil && c.Deposit.Cmp(c.Base) > 0 {
			return nil
		}
	}
	bal, err := w.cfg.Chain.TokenBalance(ctx, w.Address())
	if err != nil || bal.Sign() > 0 {
		return nil
	}
	return &LimitError{Err: ErrNoFunds, Service: service, Limit: bal}
}

// canFund checks, before a channel is opened with deposit, that the
// wallet holds the tokens and some native coin for gas: without them the
// open would fail on chain, and every provider would be tried in vain.
// With no gas, a provider that relays opens (relayFee not nil) opens it
// for its fee, out of the tokens: relayed is then true. A wallet holding
// less than deposit (plus the fee) but at least price opens with what it
// holds (deposit is lowered). The refusal is a *LimitError (ErrNoFunds or
// ErrNoGas), spoken to the owner; a balance that cannot be read is left to
// the open to find out.
func (w *Wallet) canFund(ctx context.Context, deposit, price, relayFee *big.Int) (relayed bool, err error) {
	self := w.Address()
	bal, err := w.cfg.Chain.TokenBalance(ctx, self)
	if err != nil {
		return false, nil
	}
	if gas, err := w.cfg.Chain.NativeBalance(ctx, self); err == nil && gas.Sign() == 0 {
		if relayFee == nil {
			return false, &LimitError{Err: ErrNoGas, Price: new(big.Int).Set(price), Limit: bal}
		}
		relayed = true
		bal = new(big.Int).Sub(bal, relayFee)
	}
	if bal.Cmp(price) < 0 || bal.Sign() <= 0 {
		return false, &LimitError{Err: ErrNoFunds, Price: new(big.Int).Set(price), Limit: bal}
	}
	if bal.Cmp(deposit) < 0 {
		deposit.Set(bal)
	}
	return relayed, nil
}

func (w *Wallet) topUp(ctx context.Context, c *Channel, amount *big.Int) error {
	if _, err := w.cfg.Chain.TopUpChannel(ctx, c.ID, amount); err != nil {
		return err
	}
	c.Deposit = new(big.Int).Add(c.Deposit, amount)
	return w.st.update(c.Provider, func(_ *bbolt.Tx, s *Channel) (*Channel, error) {
		if s == nil || s.ID != c.ID {
			return nil, nil
		}
		s.Deposit = new(big.Int).Set(c.Deposit)
		return s, nil
	})
}

// resync asks the provider what it holds for c (GET /v1/channel/{id})
// and adopts it: a cumulative above what the wallet has on record must
// carry the wallet's own signature (the database may have been lost).
func (w *Wallet) resync(ctx context.Context, c *Channel) error {
	info, err := w.fetchChannel(ctx, c.Provider, c.Endpoint, c.ID)
	if err != nil {
		return fmt.Errorf("wallet: resync %s: %w", c.ID.Hex(), err)
	}
	return w.st.update(c.Provider, func(tx *bbolt.Tx, s *Channel) (*Channel, error) {
		if s == nil || s.ID != c.ID {
			return nil, ErrNoChannel
		}
		held := info.cumulative
		if held.Cmp(s.Signed) > 0 {
			if err := w.checkOwnVoucher(c.ID, held, info.voucherSig); err != nil {
				return nil, err
			}
			s.Signed, s.Signature = new(big.Int).Set(held), info.voucherSig
		}
		if held.Cmp(s.Redeemed) < 0 {
			held = s.Redeemed
		}
		s.Base = new(big.Int).Set(held)
		s.Pending = false
		if info.receipt != nil && info.receipt.Cumulative.Cmp(held) == 0 {
			s.LastReceipt = info.receipt
		}
		if sent := s.Sent; sent != nil && held.Cmp(s.Signed) == 0 {
			// The provider holds the voucher left pending: that call was
			// paid (answered, or its answer lost on the way back).
			e := HistoryEntry{Time: sent.Time, Service: sent.Service, Provider: s.Provider, Channel: s.ID,
				Price: sent.Price, Cumulative: held.String(), Status: "paid", Note: "recovered after a restart"}
			if s.LastReceipt != nil && s.LastReceipt.Cumulative.Cmp(held) == 0 {
				e.Request = s.LastReceipt.Request
			}
			if err := w.recordTx(tx, e); err != nil {
				return nil, err
			}
		}
		s.Sent = nil
		*c = *s
		return s, nil
	})
}

func (w *Wallet) checkOwnVoucher(id common.Hash, cum *big.Int, sig []byte) error {
	td := chain.VoucherTypedData(w.chainID, w.cfg.Manifest.Channels, id, cum)
	if err := chain.VerifyTypedData(td, sig, w.Address()); err != nil {
		return fmt.Errorf("%w: provider claims %s without our voucher: %v", ErrBadReceipt, cum, err)
	}
	return nil
}

type channelInfo struct {
	cumulative *big.Int
	voucherSig []byte
	receipt    *Receipt
}

// fetchChannel is GET /v1/channel/{id}. A provider that does not know the
// channel holds 0.
func (w *Wallet) fetchChannel(ctx context.Context, provider common.Address, endpoint string, id common.Hash) (channelInfo, error) {
	hc, base, err := w.client(provider, endpoint)
	if err != nil {
		return channelInfo{}, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/v1/channel/"+id.Hex(), nil)
	if err != nil {
		return channelInfo{}, err
	}
	resp, err := hc.Do(req)
	if err != nil {
		return channelInfo{}, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	if err != nil {
		return channelInfo{}, err
	}
	if resp.StatusCode != http.StatusOK {
		pe := parseProviderError(resp.StatusCode, b)
		if pe.Code == CodeUnknownChannel {
			return channelInfo{cumulative: new(big.Int)}, nil
		}
		return channelInfo{}, pe
	}
	return parseChannelInfo(b, id)
}

func parseChannelInfo(b []byte, id common.Hash) (channelInfo, error) {
	var raw struct {
		Cumulative        string `json:"cumulative"`
		VoucherSignature  string `json:"voucherSignature"`
		Request           string `json:"request"`
		ReceiptCumulative string `json:"receiptCumulative"`
		ReceiptSignature  string `json:"receiptSignature"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return channelInfo{}, fmt.Errorf("%w: channel info: %v", ErrBadReceipt, err)
	}
	cum, err := parseAmount(raw.Cumulative)
	if err != nil {
		return channelInfo{}, fmt.Errorf("%w: channel info: %v", ErrBadReceipt, err)
	}
	info := channelInfo{cumulative: cum}
	if cum.Sign() > 0 {
		if info.voucherSig, err = parseHex(raw.VoucherSignature, 65); err != nil {
			return channelInfo{}, fmt.Errorf("%w: channel info voucher: %v", ErrBadReceipt, err)
		}
	}
	if raw.ReceiptSignature != "" {
		rc, err1 := parseAmount(raw.ReceiptCumulative)
		rq, err2 := parseHex(raw.Request, 32)
		rs, err3 := parseHex(raw.ReceiptSignature, 65)
		if err1 == nil && err2 == nil && err3 == nil {
			info.receipt = &Receipt{Channel: id, Cumulative: rc, Request: common.BytesToHash(rq), Signature: rs}
		}
	}
	return info, nil
}
