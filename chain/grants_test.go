package chain_test

import (
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/chain/devnet"
)

func TestGrantsOncePerOwnerAndDevice(t *testing.T) {
	e := newEnv(t, 3)
	owner, relayer := e.addr(0), e.cs[1]
	now, err := relayer.Now(e.ctx)
	mustOK(t, "now", err)
	expiry := now.Add(time.Hour)
	device := common.HexToHash("0xd1")
	attest := func(key int, owner common.Address, device common.Hash, expiry time.Time) []byte {
		k := devnet.DevKey()
		if key >= 0 {
			k = e.keys[key]
		}
		sig, err := chain.SignTypedDataWithKey(k, relayer.SignUpTypedData(owner, device, expiry))
		mustOK(t, "sign sign-up", err)
		return sig
	}

	_, err = relayer.ClaimGrant(e.ctx, owner, device, expiry, attest(2, owner, device, expiry))
	wantRevert(t, "claim signed by a non-registrar", err, "Grants.BadSignature")
	_, err = relayer.ClaimGrant(e.ctx, owner, device, now.Add(-time.Minute), attest(-1, owner, device, now.Add(-time.Minute)))
	wantRevert(t, "expired attestation", err, "Grants.Expired")

	mycBefore := e.balance(owner)
	nativeBefore, _ := relayer.NativeBalance(e.ctx, owner)
	_, err = relayer.ClaimGrant(e.ctx, owner, device, expiry, attest(-1, owner, device, expiry))
	mustOK(t, "claim", err)
	if got := new(big.Int).Sub(e.balance(owner), mycBefore); got.Cmp(myc(100)) != 0 {
		t.Errorf("grant paid %s, want 100 MYC", got)
	}
	nativeAfter, _ := relayer.NativeBalance(e.ctx, owner)
	if got := new(big.Int).Sub(nativeAfter, nativeBefore); got.Cmp(e.d.Params.GasGrant) != 0 {
		t.Errorf("gas grant %s wei, want %s", got, e.d.Params.GasGrant)
	}
	if ok, _ := relayer.GrantClaimed(e.ctx, owner); !ok {
		t.Error("GrantClaimed = false after the claim")
	}

	other := e.addr(2)
	_, err = relayer.ClaimGrant(e.ctx, owner, common.HexToHash("0xd2"), expiry, attest(-1, owner, common.HexToHash("0xd2"), expiry))
	wantRevert(t, "same owner, new device", err, "Grants.AlreadyClaimed")
	_, err = relayer.ClaimGrant(e.ctx, other, device, expiry, attest(-1, other, device, expiry))
	wantRevert(t, "same device, new owner", err, "Grants.AlreadyClaimed")
	_, err = relayer.ClaimGrant(e.ctx, other, common.HexToHash("0xd3"), expiry, attest(-1, other, common.HexToHash("0xd2"), expiry))
	wantRevert(t, "attestation for another device", err, "Grants.BadSignature")
}
