package chain_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/chain/bindings"
)

func allTypedData() map[string]apitypes.TypedData {
	cid := big.NewInt(1337)
	a := common.HexToAddress("0x00000000000000000000000000000000000000aa")
	b := common.HexToAddress("0x00000000000000000000000000000000000000bb")
	h := common.HexToHash("0x01")
	return map[string]apitypes.TypedData{
		"voucher": chain.VoucherTypedData(cid, a, h, big.NewInt(5)),
		"receipt": chain.ReceiptTypedData(cid, a, h, big.NewInt(5), common.HexToHash("0x02")),
		"offer":   chain.OfferTypedData(cid, a, b, "http://127.0.0.1:1", `{"stt":"1"}`, big.NewInt(99)),
		"ballot":  chain.BallotTypedData(cid, a, big.NewInt(7), chain.VoteFor, b, big.NewInt(0)),
		"storage": chain.StorageTypedData(cid, a, b, h, 4, 99),
		"signup":  chain.SignUpTypedData(cid, a, b, h, big.NewInt(99)),
	}
}

func TestTypedDataSignRecover(t *testing.T) {
	key, _ := crypto.GenerateKey()
	want := crypto.PubkeyToAddress(key.PublicKey)
	for name, td := range allTypedData() {
		t.Run(name, func(t *testing.T) {
			sig, err := chain.SignTypedDataWithKey(key, td)
			mustOK(t, "sign", err)
			if sig[64] != 27 && sig[64] != 28 {
				t.Errorf("v = %d, want 27 or 28", sig[64])
			}
			if err := chain.VerifyTypedData(td, sig, want); err != nil {
				t.Errorf("verify: %v", err)
			}
			// The typed data survives a JSON round trip (the keystore and
			// the HTTP API pass it as JSON) with the same hash.
			raw, err := json.Marshal(td)
			mustOK(t, "marshal", err)
			var back apitypes.TypedData
			mustOK(t, "unmarshal", json.Unmarshal(raw, &back))
			h1, _ := chain.TypedDataHash(td)
			h2, err := chain.TypedDataHash(back)
			if err != nil || h1 != h2 {
				t.Errorf("hash after JSON round trip %s (%v), want %s", h2, err, h1)
			}
			other := common.Address{1}
			if err := chain.VerifyTypedData(td, sig, other); !errors.Is(err, chain.ErrBadSignature) {
				t.Errorf("verify against another address: %v, want ErrBadSignature", err)
			}
			// v 0/1 recovers in plain ecrecover math but the contracts
			// refuse it, so it is refused here too.
			for _, bad := range [][]byte{sig[:64], append(append([]byte{}, sig[:64]...), 29), append(append([]byte{}, sig[:64]...), sig[64]-27)} {
				if _, err := chain.RecoverTypedData(td, bad); !errors.Is(err, chain.ErrBadSignature) {
					t.Errorf("recover from a malformed signature %x: %v, want ErrBadSignature", bad, err)
				}
			}
			n := crypto.S256().Params().N
			hs := new(big.Int).Sub(n, new(big.Int).SetBytes(sig[32:64])).FillBytes(make([]byte, 32))
			mal := append(append(append([]byte{}, sig[:32]...), hs...), 55-sig[64])
			if _, err := chain.RecoverTypedData(td, mal); !errors.Is(err, chain.ErrBadSignature) {
				t.Errorf("recover from a high-s signature: %v, want ErrBadSignature", err)
			}
		})
	}
}

// TestDigestsMatchContracts compares the Go EIP-712 digests with the
// contracts' own digest views on the EVM.
func TestDigestsMatchContracts(t *testing.T) {
	e := newEnv(t, 0)
	c := e.deployer()
	m := e.d.Manifest
	owner := common.Address{0xab}
	root := common.HexToHash("0x1234")
	exp := time.Unix(2_000_000_000, 0)
	call := func(to common.Address, data []byte, err error) common.Hash {
		mustOK(t, "pack", err)
		out, err := c.Call(e.ctx, to, data)
		mustOK(t, "call", err)
		return common.BytesToHash(out)
	}
	reg, gr, ch := bindings.NewRegistry(), bindings.NewGrants(), bindings.NewChannels()
	data, err := reg.TryPackStorageDigest(owner, root, 8, uint64(exp.Unix()))
	onchain := call(m.Registry, data, err)
	if h, _ := chain.TypedDataHash(c.StorageTypedData(owner, root, 8, exp)); h != onchain {
		t.Errorf("storage digest: Go %s, contract %s", h, onchain)
	}
	data, err = gr.TryPackSignUpDigest(owner, root, big.NewInt(exp.Unix()))
	onchain = call(m.Grants, data, err)
	if h, _ := chain.TypedDataHash(c.SignUpTypedData(owner, root, exp)); h != onchain {
		t.Errorf("sign-up digest: Go %s, contract %s", h, onchain)
	}
	data, err = ch.TryPackVoucherDigest(root, big.NewInt(42))
	onchain = call(m.Channels, data, err)
	if h, _ := chain.TypedDataHash(c.VoucherTypedData(root, big.NewInt(42))); h != onchain {
		t.Errorf("voucher digest: Go %s, contract %s", h, onchain)
	}
}

func TestKeySignerRedacts(t *testing.T) {
	key, _ := crypto.GenerateKey()
	s := chain.NewKeySigner(key)
	secret := common.Bytes2Hex(crypto.FromECDSA(key))
	raw, _ := json.Marshal(s)
	for _, out := range []string{s.String(), s.GoString(), string(raw), s.LogValue().String()} {
		if out == "" || strings.Contains(out, secret) {
			t.Errorf("KeySigner printed %q", out)
		}
	}
}

// FuzzRecoverTypedData checks the rule of RecoverTypedData on arbitrary
// signatures over a fixed voucher: it never panics, every refusal wraps
// ErrBadSignature, anything accepted is 65 bytes with v in {27,28} and low
// s, and the address accepted is go-ethereum's recovery of the same
// signature with v−27.
func FuzzRecoverTypedData(f *testing.F) {
	key, err := crypto.ToECDSA(crypto.Keccak256([]byte("fuzz recover typed data")))
	if err != nil {
		f.Fatal(err)
	}
	td := allTypedData()["voucher"]
	good, err := chain.SignTypedDataWithKey(key, td)
	if err != nil {
		f.Fatal(err)
	}
	for _, m := range structuredMutations(good) {
		f.Add(m.sig)
	}
	digest, err := chain.TypedDataHash(td)
	if err != nil {
		f.Fatal(err)
	}
	half := new(big.Int).Rsh(crypto.S256().Params().N, 1)
	f.Fuzz(func(t *testing.T, sig []byte) {
		before := append([]byte(nil), sig...)
		got, err := chain.RecoverTypedData(td, sig)
		if !bytes.Equal(before, sig) {
			t.Fatalf("RecoverTypedData modified its input %x to %x", before, sig)
		}
		if err != nil {
			if !errors.Is(err, chain.ErrBadSignature) {
				t.Fatalf("RecoverTypedData(%x): %v does not wrap ErrBadSignature", sig, err)
			}
			return
		}
		if len(sig) != 65 || (sig[64] != 27 && sig[64] != 28) || new(big.Int).SetBytes(sig[32:64]).Cmp(half) > 0 {
			t.Fatalf("RecoverTypedData accepted %x: want 65 bytes, v 27/28, low s", sig)
		}
		norm := append([]byte(nil), sig...)
		norm[64] -= 27
		pub, err := crypto.SigToPub(digest[:], norm)
		if err != nil {
			t.Fatalf("RecoverTypedData accepted %x, go-ethereum refuses it: %v", sig, err)
		}
		if want := crypto.PubkeyToAddress(*pub); got != want || got == (common.Address{}) {
			t.Fatalf("RecoverTypedData(%x) = %s, go-ethereum recovers %s", sig, got.Hex(), want.Hex())
		}
	})
}
