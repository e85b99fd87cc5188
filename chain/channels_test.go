package chain_test

import (
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/mycroft-network/mycroft/chain"
)

func TestChannelLifecycle(t *testing.T) {
	e := newEnv(t, 3)
	payer, payee, stranger := e.cs[0], e.cs[1], e.cs[2]
	m := e.d.Manifest
	chainID := payer.ChainID()

	payerStart := e.balance(e.addr(0))
	id, _, err := payer.OpenChannel(e.ctx, e.addr(1), myc(100), time.Hour)
	mustOK(t, "open", err)
	if want := chain.ChannelID(chainID, m.Channels, e.addr(0), e.addr(1), big.NewInt(0)); id != want {
		t.Errorf("channel id %s, Go ChannelID %s", id, want)
	}
	st, err := payer.Channel(e.ctx, id)
	mustOK(t, "read channel", err)
	if st.Payer != e.addr(0) || st.Payee != e.addr(1) || st.Deposit.Cmp(myc(100)) != 0 || st.Redeemed.Sign() != 0 || st.CloseDelay != time.Hour || !st.ClosesAt.IsZero() {
		t.Errorf("channel after open = %+v", st)
	}
	if got := new(big.Int).Sub(payerStart, e.balance(e.addr(0))); got.Cmp(myc(100)) != 0 {
		t.Errorf("payer paid %s into the channel, want 100 MYC", got)
	}

	voucher := func(key int, cid *big.Int, contract common.Address, channel common.Hash, cum *big.Int) []byte {
		sig, err := chain.SignTypedDataWithKey(e.keys[key], chain.VoucherTypedData(cid, contract, channel, cum))
		mustOK(t, "sign voucher", err)
		return sig
	}

	// Digest built in Go equals the contract's.
	data, _ := payer.Call(e.ctx, m.Channels, packVoucherDigest(t, id, big.NewInt(5)))
	if h, _ := chain.TypedDataHash(payer.VoucherTypedData(id, big.NewInt(5))); common.BytesToHash(data) != h {
		t.Errorf("voucher digest: contract %x, Go %s", data, h)
	}

	// Redeeming repeatedly pays exactly the difference, to the wei.
	for _, cum := range []*big.Int{big.NewInt(1), myc(10), new(big.Int).Add(myc(25), big.NewInt(3))} {
		before := e.balance(e.addr(1))
		st, _ := payee.Channel(e.ctx, id)
		_, err := payee.RedeemChannel(e.ctx, id, cum, voucher(0, chainID, m.Channels, id, cum))
		mustOK(t, "redeem "+cum.String(), err)
		got := new(big.Int).Sub(e.balance(e.addr(1)), before)
		if want := new(big.Int).Sub(cum, st.Redeemed); got.Cmp(want) != 0 {
			t.Errorf("redeem %s paid %s, want %s", cum, got, want)
		}
	}
	redeemed := new(big.Int).Add(myc(25), big.NewInt(3))

	other, _, err := payer.OpenChannel(e.ctx, e.addr(2), myc(1), time.Hour)
	mustOK(t, "open second channel", err)

	bad := []struct {
		name   string
		client *chain.Client
		cum    *big.Int
		sig    []byte
		revert string
	}{
		{"replayed voucher", payee, redeemed, voucher(0, chainID, m.Channels, id, redeemed), "Channels.CumulativeNotIncreasing"},
		{"old cumulative", payee, myc(10), voucher(0, chainID, m.Channels, id, myc(10)), "Channels.CumulativeNotIncreasing"},
		{"over deposit", payee, myc(101), voucher(0, chainID, m.Channels, id, myc(101)), "Channels.CumulativeTooHigh"},
		{"wrong signer", payee, myc(30), voucher(1, chainID, m.Channels, id, myc(30)), "Channels.BadSignature"},
		{"wrong chain", payee, myc(30), voucher(0, big.NewInt(1), m.Channels, id, myc(30)), "Channels.BadSignature"},
		{"wrong contract", payee, myc(30), voucher(0, chainID, m.Registry, id, myc(30)), "Channels.BadSignature"},
		{"other channel's voucher", payee, myc(30), voucher(0, chainID, m.Channels, other, myc(30)), "Channels.BadSignature"},
		{"truncated signature", payee, myc(30), voucher(0, chainID, m.Channels, id, myc(30))[:64], "Channels.BadSignature"},
		{"not the payee", stranger, myc(30), voucher(0, chainID, m.Channels, id, myc(30)), "Channels.NotPayee"},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.client.RedeemChannel(e.ctx, id, tc.cum, tc.sig)
			wantRevert(t, tc.name, err, tc.revert)
		})
	}
	// A high-s form of a valid signature is refused (malleability).
	{
		sig := voucher(0, chainID, m.Channels, id, myc(30))
		n := crypto.S256().Params().N
		s := new(big.Int).SetBytes(sig[32:64])
		hs := new(big.Int).Sub(n, s).FillBytes(make([]byte, 32))
		mal := append(append(append([]byte{}, sig[:32]...), hs...), 27+(1-(sig[64]-27)))
		_, err := payee.RedeemChannel(e.ctx, id, myc(30), mal)
		wantRevert(t, "high-s signature", err, "Channels.BadSignature")
	}
	if st, _ := payer.Channel(e.ctx, id); st.Redeemed.Cmp(redeemed) != 0 {
		t.Errorf("redeemed after refused vouchers %s, want %s", st.Redeemed, redeemed)
	}

	// Top up, then a voucher above the old deposit redeems.
	_, err = payer.TopUpChannel(e.ctx, id, myc(50))
	mustOK(t, "top up", err)
	_, err = stranger.TopUpChannel(e.ctx, id, myc(1))
	wantRevert(t, "top up by stranger", err, "Channels.NotPayer")
	_, err = payee.RedeemChannel(e.ctx, id, myc(120), voucher(0, chainID, m.Channels, id, myc(120)))
	mustOK(t, "redeem after top up", err)

	// Close: the payee may still redeem during the delay, the payer
	// withdraws only after it.
	_, err = payee.StartCloseChannel(e.ctx, id)
	wantRevert(t, "start close by payee", err, "Channels.NotPayer")
	_, err = payer.StartCloseChannel(e.ctx, id)
	mustOK(t, "start close", err)
	_, err = payer.TopUpChannel(e.ctx, id, myc(1))
	wantRevert(t, "top up while closing", err, "Channels.Closing")
	_, err = payer.WithdrawChannel(e.ctx, id)
	wantRevert(t, "withdraw before delay", err, "Channels.TooEarly")
	_, err = payee.RedeemChannel(e.ctx, id, myc(130), voucher(0, chainID, m.Channels, id, myc(130)))
	mustOK(t, "redeem during close delay", err)

	e.advance(time.Hour)
	_, err = payee.RedeemChannel(e.ctx, id, myc(140), voucher(0, chainID, m.Channels, id, myc(140)))
	wantRevert(t, "redeem after close delay", err, "Channels.Closed")
	before := e.balance(e.addr(0))
	_, err = payer.WithdrawChannel(e.ctx, id)
	mustOK(t, "withdraw", err)
	if got := new(big.Int).Sub(e.balance(e.addr(0)), before); got.Cmp(myc(20)) != 0 {
		t.Errorf("withdraw returned %s, want 20 MYC (150 deposited - 130 redeemed)", got)
	}
	_, err = payer.WithdrawChannel(e.ctx, id)
	wantRevert(t, "second withdraw", err, "Channels.NothingToWithdraw")
}

func TestOpenChannelRefusals(t *testing.T) {
	e := newEnv(t, 2)
	cases := []struct {
		name   string
		payee  common.Address
		amount *big.Int
		delay  time.Duration
		revert string
	}{
		{"zero amount", e.addr(1), new(big.Int), time.Hour, "Channels.ZeroAmount"},
		{"to self", e.addr(0), myc(1), time.Hour, "Channels.BadPayee"},
		{"to zero address", common.Address{}, myc(1), time.Hour, "Channels.BadPayee"},
		{"delay over a year", e.addr(1), myc(1), 366 * 24 * time.Hour, "Channels.BadCloseDelay"},
		{"more than the balance", e.addr(1), myc(1_000_000), time.Hour, "Token.ERC20InsufficientBalance"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := e.cs[0].OpenChannel(e.ctx, tc.payee, tc.amount, tc.delay)
			wantRevert(t, tc.name, err, tc.revert)
		})
	}
}
