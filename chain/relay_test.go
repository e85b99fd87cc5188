package chain_test

import (
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/chain/devnet"
)

// newPayer is a key with MYC and no native coin, and a client for it.
func (e *env) newPayer(mycAmount *big.Int) (*chain.KeySigner, *chain.Client) {
	e.t.Helper()
	k, err := crypto.GenerateKey()
	mustOK(e.t, "key", err)
	s := chain.NewKeySigner(k)
	mustOK(e.t, "fund payer", e.d.Fund(e.ctx, s.Address(), new(big.Int), mycAmount))
	c, err := e.d.Client(e.ctx, s)
	mustOK(e.t, "client", err)
	e.t.Cleanup(func() { c.Close() })
	return s, c
}

// A payer with tokens and no gas opens a channel through a relayer in one
// transaction: the permit and the payer's Open signature, the relayer paid
// the fee the payer signed; the same Open cannot be used twice, nor by
// another relayer, nor with a changed fee.
func TestRelayedOpen(t *testing.T) {
	e := newEnv(t, 3)
	payer, payerC := e.newPayer(myc(50))
	relayer, payee := e.cs[0], e.addr(1)
	now, err := relayer.Now(e.ctx)
	mustOK(t, "now", err)
	o := chain.OpenRequest{
		Payer: payer.Address(), Payee: payee, Amount: myc(10), CloseDelay: uint64((24 * time.Hour).Seconds()),
		Relayer: relayer.Address(), Fee: myc(1), Deadline: now.Add(time.Hour).Unix(),
	}
	so, err := payerC.SignOpen(e.ctx, payer, o)
	mustOK(t, "sign open", err)

	tampered := so
	tampered.Request.Fee = myc(2)
	_, _, err = relayer.SubmitOpen(e.ctx, tampered)
	wantRevert(t, "open with a fee the payer did not sign", err, "Channels.BadSignature")
	_, _, err = e.cs[2].SubmitOpen(e.ctx, so)
	if err == nil {
		t.Fatal("an open for one relayer was submitted by another")
	}

	relayerBefore := e.balance(relayer.Address())
	id, _, err := relayer.SubmitOpen(e.ctx, so)
	mustOK(t, "relayed open", err)
	st, err := relayer.Channel(e.ctx, id)
	mustOK(t, "channel", err)
	if st.Payer != payer.Address() || st.Payee != payee || st.Deposit.Cmp(myc(10)) != 0 {
		t.Errorf("channel = payer %s payee %s deposit %s, want %s %s 10 MYC", st.Payer.Hex(), st.Payee.Hex(), st.Deposit, payer.Address().Hex(), payee.Hex())
	}
	if got := e.balance(payer.Address()); got.Cmp(myc(39)) != 0 {
		t.Errorf("payer has %s, want 39 MYC (50 - 10 deposit - 1 fee)", got)
	}
	if got := new(big.Int).Sub(e.balance(relayer.Address()), relayerBefore); got.Cmp(myc(1)) != 0 {
		t.Errorf("relayer was paid %s, want 1 MYC", got)
	}
	native, err := relayer.NativeBalance(e.ctx, payer.Address())
	mustOK(t, "native", err)
	if native.Sign() != 0 {
		t.Errorf("payer spent or got native coin: %s", native)
	}

	// Even with an allowance left for it, the same Open opens once.
	_, err = payerC.ApproveToken(e.ctx, e.d.Manifest.Channels, myc(20))
	if err == nil {
		t.Fatal("a payer with no gas sent a transaction")
	}
	mustOK(t, "fund payer gas", e.d.Fund(e.ctx, payer.Address(), devnet.Units(1, devnet.Ether), new(big.Int)))
	_, err = payerC.ApproveToken(e.ctx, e.d.Manifest.Channels, myc(20))
	mustOK(t, "approve", err)
	_, _, err = relayer.SubmitOpen(e.ctx, so)
	wantRevert(t, "the same open twice", err, "Channels.OpenUsed")

	// The payer itself: one transaction, no approve needed, no fee.
	id2, r, err := payerC.OpenChannelWithPermit(e.ctx, payer, e.addr(2), myc(5), 24*time.Hour)
	mustOK(t, "own open with permit", err)
	if id2 == id || r == nil {
		t.Fatalf("second channel id %s (first %s)", id2.Hex(), id.Hex())
	}
	st, err = relayer.Channel(e.ctx, id2)
	mustOK(t, "channel", err)
	if st.Payer != payer.Address() || st.Deposit.Cmp(myc(5)) != 0 {
		t.Errorf("own open: payer %s deposit %s", st.Payer.Hex(), st.Deposit)
	}
}

// A relayer the owner signed for claims the grant and is paid the relay
// fee out of it; a claim signed for another relayer is refused.
func TestRelayedGrantClaim(t *testing.T) {
	e := newEnv(t, 2)
	owner, _ := e.newPayer(new(big.Int))
	relayer := e.cs[0]
	now, err := relayer.Now(e.ctx)
	mustOK(t, "now", err)
	expiry, device := now.Add(time.Hour), common.HexToHash("0xde")
	regSig, err := chain.SignTypedDataWithKey(devnet.DevKey(), relayer.SignUpTypedData(owner.Address(), device, expiry))
	mustOK(t, "registrar signs", err)
	forOther, err := owner.SignTypedData(relayer.ClaimRelayTypedData(owner.Address(), device, e.addr(1)))
	mustOK(t, "owner signs", err)
	_, err = relayer.ClaimGrantRelayed(e.ctx, owner.Address(), device, expiry, regSig, forOther)
	wantRevert(t, "claim signed for another relayer", err, "Grants.BadSignature")

	ownerSig, err := owner.SignTypedData(relayer.ClaimRelayTypedData(owner.Address(), device, relayer.Address()))
	mustOK(t, "owner signs", err)
	before := e.balance(relayer.Address())
	_, err = relayer.ClaimGrantRelayed(e.ctx, owner.Address(), device, expiry, regSig, ownerSig)
	mustOK(t, "relayed claim", err)
	fee, err := relayer.GrantRelayFee(e.ctx)
	mustOK(t, "relay fee", err)
	if fee.Cmp(e.d.Params.GrantRelayFee) != 0 || fee.Sign() == 0 {
		t.Fatalf("relay fee %s, want %s", fee, e.d.Params.GrantRelayFee)
	}
	if got := new(big.Int).Sub(e.balance(relayer.Address()), before); got.Cmp(fee) != 0 {
		t.Errorf("relayer paid %s, want %s", got, fee)
	}
	want := new(big.Int).Sub(e.d.Params.GrantAmount, fee)
	if got := e.balance(owner.Address()); got.Cmp(want) != 0 {
		t.Errorf("owner got %s, want the grant less the fee, %s", got, want)
	}
}
