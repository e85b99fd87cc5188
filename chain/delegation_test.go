package chain_test

import (
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/mycroft-network/mycroft/chain"
)

// TestDelegateBySig: a holder with no gas signs a Delegation to itself and
// another account submits it; the holder's tokens then carry votes, the
// holder paid nothing, and the signature cannot be replayed. An expired or
// tampered delegation is refused.
func TestDelegateBySig(t *testing.T) {
	e := newEnv(t, 3)
	holder, relayer := e.addr(1), e.cs[2]
	if d, err := relayer.Delegates(e.ctx, holder); err != nil || d != (common.Address{}) {
		t.Fatalf("delegates of a fresh holder = %s, %v; want zero", d.Hex(), err)
	}
	gas, _ := relayer.NativeBalance(e.ctx, holder)
	now, err := relayer.Now(e.ctx)
	mustOK(t, "now", err)
	expiry := big.NewInt(now.Add(time.Hour).Unix())

	td, err := relayer.DelegationTypedData(e.ctx, holder, holder, expiry)
	mustOK(t, "delegation typed data", err)
	sig, err := chain.SignTypedDataWithKey(e.keys[1], td)
	mustOK(t, "sign delegation", err)
	d := chain.SignedDelegation{Token: e.d.Manifest.Token, Delegatee: holder, Nonce: big.NewInt(0), Expiry: expiry, Signature: sig}

	// Tampered: another delegatee than the one signed recovers another
	// signer (some address with nonce 0 and no tokens), so the holder's
	// delegate stays zero whether or not the call goes through.
	bad := d
	bad.Delegatee = e.addr(0)
	if _, err := relayer.DelegateBySig(e.ctx, bad); err == nil {
		if got, _ := relayer.Delegates(e.ctx, holder); got != (common.Address{}) {
			t.Fatalf("a tampered delegation moved the holder's votes to %s", got.Hex())
		}
	}
	late := chain.DelegationTypedData(relayer.ChainID(), e.d.Manifest.Token, holder, big.NewInt(0), big.NewInt(now.Add(-time.Hour).Unix()))
	lateSig, err := chain.SignTypedDataWithKey(e.keys[1], late)
	mustOK(t, "sign expired delegation", err)
	_, err = relayer.DelegateBySig(e.ctx, chain.SignedDelegation{Delegatee: holder, Nonce: big.NewInt(0), Expiry: big.NewInt(now.Add(-time.Hour).Unix()), Signature: lateSig})
	wantRevert(t, "expired delegation", err, "Token.VotesExpiredSignature")

	_, err = relayer.DelegateBySig(e.ctx, d)
	mustOK(t, "delegate by sig", err)
	if got, err := relayer.Delegates(e.ctx, holder); err != nil || got != holder {
		t.Fatalf("delegates after delegateBySig = %s, %v; want %s", got.Hex(), err, holder.Hex())
	}
	delegatedAt, err := relayer.Now(e.ctx)
	mustOK(t, "now after delegating", err)
	e.advance(time.Second)
	for _, c := range []struct {
		at   time.Time
		want *big.Int
	}{{now, new(big.Int)}, {delegatedAt, e.balance(holder)}} {
		if got, err := relayer.PastVotes(e.ctx, holder, uint64(c.at.Unix())); err != nil || got.Cmp(c.want) != 0 {
			t.Errorf("past votes at %v = %v (%v), want %s", c.at, got, err, c.want)
		}
	}
	votes, err := relayer.Votes(e.ctx, holder)
	mustOK(t, "votes", err)
	if bal := e.balance(holder); votes.Cmp(bal) != 0 || votes.Sign() == 0 {
		t.Errorf("votes %s, want the balance %s", votes, bal)
	}
	if after, _ := relayer.NativeBalance(e.ctx, holder); after.Cmp(gas) != 0 {
		t.Errorf("holder spent %s wei on a delegation by signature, want 0", new(big.Int).Sub(gas, after))
	}
	_, err = relayer.DelegateBySig(e.ctx, d)
	wantRevert(t, "replayed delegation", err, "Token.InvalidAccountNonce")
	if n, err := relayer.TokenNonce(e.ctx, holder); err != nil || n.Int64() != 1 {
		t.Errorf("token nonce after one delegation = %v, %v; want 1", n, err)
	}
}
