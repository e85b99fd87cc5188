package wallet

import (
	"context"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"go.etcd.io/bbolt"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/chain/bindings"
)

// Balance is the answer to `mycroft wallet balance`. Amounts are decimal
// strings in base units (MYC 10^-18, native wei).
type Balance struct {
	Address    string `json:"address"`
	Token      string `json:"token"`       // MYC in the wallet
	Native     string `json:"native"`      // gas coin
	InChannels string `json:"in_channels"` // deposits not yet promised
	SpentToday string `json:"spent_today"`
	Budget     string `json:"budget"`
}

// Balance reads the balances from the chain and the channels from the
// store.
func (w *Wallet) Balance(ctx context.Context) (Balance, error) {
	b := Balance{Address: w.Address().Hex()}
	if w.cfg.Chain == nil {
		return b, fmt.Errorf("wallet: balance: no chain")
	}
	tok, err := w.cfg.Chain.TokenBalance(ctx, w.Address())
	if err != nil {
		return b, fmt.Errorf("wallet: balance: %w", err)
	}
	nat, err := w.cfg.Chain.NativeBalance(ctx, w.Address())
	if err != nil {
		return b, fmt.Errorf("wallet: balance: %w", err)
	}
	chs, err := w.st.channels()
	if err != nil {
		return b, err
	}
	in := new(big.Int)
	for _, c := range chs {
		if !c.Withdrawn {
			in.Add(in, new(big.Int).Sub(c.Deposit, c.Signed))
		}
	}
	spent, err := w.st.spent(w.cfg.Now())
	if err != nil {
		return b, err
	}
	lim, err := w.Limits()
	if err != nil {
		return b, err
	}
	b.Token, b.Native, b.InChannels, b.SpentToday, b.Budget = tok.String(), nat.String(), in.String(), spent.String(), lim.DailyBudget.String()
	return b, nil
}

// ChannelStatus is one line of `mycroft wallet channels`.
type ChannelStatus struct {
	Provider  string `json:"provider"`
	Endpoint  string `json:"endpoint"`
	ID        string `json:"id"`
	Deposit   string `json:"deposit"`
	Signed    string `json:"signed"`    // promised so far
	Confirmed string `json:"confirmed"` // covered by the provider's receipts
	Redeemed  string `json:"redeemed"`  // paid out on chain (as last seen)
	Remaining string `json:"remaining"` // deposit − signed
	Pending   bool   `json:"pending"`
	ClosesAt  uint64 `json:"closes_at,omitempty"`
	Withdrawn bool   `json:"withdrawn,omitempty"`
}

// Channels lists the wallet's channels from its store.
func (w *Wallet) Channels() ([]ChannelStatus, error) {
	chs, err := w.st.channels()
	if err != nil {
		return nil, err
	}
	out := make([]ChannelStatus, 0, len(chs))
	for _, c := range chs {
		out = append(out, ChannelStatus{Provider: c.Provider.Hex(), Endpoint: c.Endpoint, ID: c.ID.Hex(),
			Deposit: c.Deposit.String(), Signed: c.Signed.String(), Confirmed: c.Base.String(),
			Redeemed: c.Redeemed.String(), Remaining: new(big.Int).Sub(c.Deposit, c.Signed).String(),
			Pending: c.Pending, ClosesAt: c.ClosesAt, Withdrawn: c.Withdrawn})
	}
	return out, nil
}

// TopUp adds amount to the channel to provider, within MaxExposure.
func (w *Wallet) TopUp(ctx context.Context, provider common.Address, amount *big.Int) error {
	unlock := w.lock(provider)
	defer unlock()
	c, err := w.st.channel(provider)
	if err != nil {
		return err
	}
	if c == nil || c.Withdrawn {
		return ErrNoChannel
	}
	if c.ClosesAt != 0 {
		return ErrClosing
	}
	lim, err := w.Limits()
	if err != nil {
		return err
	}
	if amount == nil || amount.Sign() <= 0 {
		return fmt.Errorf("wallet: top up: amount must be positive")
	}
	if new(big.Int).Add(c.Deposit, amount).Cmp(lim.MaxExposure) > 0 {
		return &LimitError{Err: ErrOverExposure, Price: amount, Limit: lim.MaxExposure, Spent: c.Deposit}
	}
	if err := w.topUp(ctx, c, amount); err != nil {
		return fmt.Errorf("wallet: top up: %w", err)
	}
	return nil
}

// Close starts closing the channel to provider; Withdraw returns the rest
// once its close delay has passed.
func (w *Wallet) Close(ctx context.Context, provider common.Address) (ChannelStatus, error) {
	unlock := w.lock(provider)
	defer unlock()
	c, err := w.st.channel(provider)
	if err != nil {
		return ChannelStatus{}, err
	}
	if c == nil || c.Withdrawn {
		return ChannelStatus{}, ErrNoChannel
	}
	if c.ClosesAt == 0 {
		if _, err := w.cfg.Chain.StartCloseChannel(ctx, c.ID); err != nil {
			return ChannelStatus{}, fmt.Errorf("wallet: close: %w", err)
		}
	}
	st, err := w.cfg.Chain.Channel(ctx, c.ID)
	if err != nil {
		return ChannelStatus{}, fmt.Errorf("wallet: close: %w", err)
	}
	err = w.st.update(provider, func(_ *bbolt.Tx, s *Channel) (*Channel, error) {
		s.ClosesAt, s.Redeemed = unix(st.ClosesAt), nz(st.Redeemed)
		return s, nil
	})
	if err != nil {
		return ChannelStatus{}, err
	}
	return w.status(provider)
}

// Withdraw takes back what the provider did not redeem, after the close
// delay.
func (w *Wallet) Withdraw(ctx context.Context, provider common.Address) (ChannelStatus, error) {
	unlock := w.lock(provider)
	defer unlock()
	c, err := w.st.channel(provider)
	if err != nil {
		return ChannelStatus{}, err
	}
	if c == nil || c.Withdrawn {
		return ChannelStatus{}, ErrNoChannel
	}
	if _, err := w.cfg.Chain.WithdrawChannel(ctx, c.ID); err != nil {
		return ChannelStatus{}, fmt.Errorf("wallet: withdraw: %w", err)
	}
	st, err := w.cfg.Chain.Channel(ctx, c.ID)
	if err != nil {
		return ChannelStatus{}, fmt.Errorf("wallet: withdraw: %w", err)
	}
	err = w.st.update(provider, func(_ *bbolt.Tx, s *Channel) (*Channel, error) {
		s.Withdrawn, s.Redeemed = true, nz(st.Redeemed)
		return s, nil
	})
	if err != nil {
		return ChannelStatus{}, err
	}
	return w.status(provider)
}

func (w *Wallet) status(provider common.Address) (ChannelStatus, error) {
	all, err := w.Channels()
	if err != nil {
		return ChannelStatus{}, err
	}
	for _, s := range all {
		if s.Provider == provider.Hex() {
			return s, nil
		}
	}
	return ChannelStatus{}, ErrNoChannel
}

func unix(t time.Time) uint64 {
	if t.IsZero() || t.Unix() < 0 {
		return 0
	}
	return uint64(t.Unix())
}

// channelsOf lists the channels this wallet opened to payee, oldest
// first, from the Channels contract's Opened events.
func (w *Wallet) channelsOf(ctx context.Context, payee common.Address) ([]common.Hash, error) {
	ev := bindings.NewChannels().GetABI().Events["Opened"]
	q := ethereum.FilterQuery{
		FromBlock: new(big.Int).SetUint64(w.cfg.Manifest.DeployBlock),
		Addresses: []common.Address{w.cfg.Manifest.Channels},
		Topics:    [][]common.Hash{{ev.ID}, nil, {common.BytesToHash(w.Address().Bytes())}, {common.BytesToHash(payee.Bytes())}},
	}
	logs, err := w.cfg.Chain.FilterLogs(ctx, q)
	if err != nil {
		return nil, err
	}
	var out []common.Hash
	for _, l := range logs {
		if len(l.Topics) == 4 && !l.Removed {
			out = append(out, l.Topics[1])
		}
	}
	return out, nil
}

func nz(v *big.Int) *big.Int {
	if v == nil {
		return new(big.Int)
	}
	return new(big.Int).Set(v)
}

// Recover rebuilds the channel records after a crash or a lost database:
// for every registered node it finds the channels this wallet opened to it
// on chain (the newest one not withdrawn), reads deposit and redeemed, and
// asks the provider for the highest voucher it holds (which must carry the
// wallet's own signature). The next voucher starts above both, so nothing
// the provider holds can be paid twice. It returns how many channels it
// restored.
func (w *Wallet) Recover(ctx context.Context) (int, error) {
	if w.cfg.Chain == nil || w.cfg.Registry == nil {
		return 0, fmt.Errorf("wallet: recover: chain and registry needed")
	}
	nodes, err := w.cfg.Registry.ListNodes(ctx)
	if err != nil {
		return 0, fmt.Errorf("wallet: recover: %w", err)
	}
	w.mu.Lock()
	w.known, w.knownAt = nodes, w.cfg.Now()
	w.mu.Unlock()
	n := 0
	for _, node := range nodes {
		ids, err := w.channelsOf(ctx, node.Address)
		if err != nil {
			return n, fmt.Errorf("wallet: recover: %w", err)
		}
		for i := len(ids) - 1; i >= 0; i-- {
			st, err := w.cfg.Chain.Channel(ctx, ids[i])
			if err != nil {
				return n, fmt.Errorf("wallet: recover: %w", err)
			}
			if st.Payer != w.Address() || st.Deposit == nil || (!st.ClosesAt.IsZero() && nz(st.Deposit).Cmp(nz(st.Redeemed)) == 0) {
				continue // not ours, or closed and emptied
			}
			if err := w.recoverChannel(ctx, node, ids[i], st); err != nil {
				return n, err
			}
			n++
			break
		}
	}
	return n, nil
}

func (w *Wallet) recoverChannel(ctx context.Context, node chain.NodeInfo, id common.Hash, st chain.ChannelState) error {
	unlock := w.lock(node.Address)
	defer unlock()
	info, err := w.fetchChannel(ctx, node.Address, node.Endpoint, id)
	if err != nil {
		return fmt.Errorf("wallet: recover %s: %w", id.Hex(), err)
	}
	held := info.cumulative
	if held.Sign() > 0 {
		if err := w.checkOwnVoucher(id, held, info.voucherSig); err != nil {
			return fmt.Errorf("wallet: recover %s: %w", id.Hex(), err)
		}
	}
	red := nz(st.Redeemed)
	return w.st.update(node.Address, func(_ *bbolt.Tx, old *Channel) (*Channel, error) {
		c := &Channel{ID: id, Provider: node.Address, Endpoint: node.Endpoint, Deposit: nz(st.Deposit),
			Redeemed: red, CloseDelay: uint64(st.CloseDelay / time.Second), ClosesAt: unix(st.ClosesAt)}
		c.fix()
		base := held
		if red.Cmp(base) > 0 {
			base = red
		}
		c.Base, c.Signed = new(big.Int).Set(base), new(big.Int).Set(base)
		if held.Cmp(red) >= 0 && held.Sign() > 0 {
			c.Signature = info.voucherSig
		}
		if old != nil && old.ID == id && old.Signed.Cmp(c.Signed) > 0 {
			c.Signed, c.Signature = old.Signed, old.Signature // never forget a higher promise
		}
		if info.receipt != nil && info.receipt.Cumulative.Cmp(base) == 0 {
			c.LastReceipt = info.receipt
		}
		return c, nil
	})
}
