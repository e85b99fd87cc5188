package chain_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/mycroft-network/mycroft/chain"
)

func signedSignUpRequest(t testing.TB, mod func(*chain.SignUpRequest)) (chain.SignUpRequest, []byte) {
	t.Helper()
	key, err := crypto.ToECDSA(crypto.Keccak256([]byte("signup test device")))
	if err != nil {
		t.Fatal(err)
	}
	r := chain.SignUpRequest{
		ChainID: 1337,
		Grants:  common.HexToAddress("0x00000000000000000000000000000000000000a1"),
		Owner:   common.HexToAddress("0x00000000000000000000000000000000000000b2"),
		Device:  crypto.PubkeyToAddress(key.PublicKey),
		Serial:  "00000000abcdef01",
		Expiry:  1_900_000_000,
	}
	if err := r.SignWithKey(key); err != nil {
		t.Fatal(err)
	}
	if mod != nil {
		mod(&r)
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	return r, b
}

func TestParseSignUpRequest(t *testing.T) {
	good, goodJSON := signedSignUpRequest(t, nil)
	got, err := chain.ParseSignUpRequest(goodJSON)
	if err != nil {
		t.Fatalf("ParseSignUpRequest(%s): %v", goodJSON, err)
	}
	if got.Owner != good.Owner || got.Device != good.Device || got.Serial != good.Serial || got.Expiry != good.Expiry || got.DeviceID() != chain.DeviceID(good.Device) {
		t.Fatalf("parsed %+v, want %+v", got, good)
	}
	other := common.HexToAddress("0x00000000000000000000000000000000000000c3")
	cases := []struct {
		name string
		in   func() []byte
		want string
	}{
		{"owner changed after signing", func() []byte {
			_, b := signedSignUpRequest(t, func(r *chain.SignUpRequest) { r.Owner = other })
			return b
		}, "not by the device key"},
		{"someone else's device", func() []byte {
			_, b := signedSignUpRequest(t, func(r *chain.SignUpRequest) { r.Device = other })
			return b
		}, "not by the device key"},
		{"serial changed", func() []byte {
			_, b := signedSignUpRequest(t, func(r *chain.SignUpRequest) { r.Serial = "x" })
			return b
		}, "not by the device key"},
		{"unknown field", func() []byte {
			return []byte(strings.Replace(string(goodJSON), "{", `{"extra":1,`, 1))
		}, "unknown field"},
		{"two objects", func() []byte { return append(append([]byte{}, goodJSON...), goodJSON...) }, "after the object"},
		{"no owner", func() []byte {
			_, b := signedSignUpRequest(t, func(r *chain.SignUpRequest) { r.Owner = common.Address{} })
			return b
		}, "owner missing"},
		{"bad serial", func() []byte {
			_, b := signedSignUpRequest(t, func(r *chain.SignUpRequest) { r.Serial = "a b" })
			return b
		}, "serial has"},
		{"short signature", func() []byte {
			_, b := signedSignUpRequest(t, func(r *chain.SignUpRequest) { r.Signature = r.Signature[:64] })
			return b
		}, "64 bytes"},
		{"too long", func() []byte { return []byte(`{"serial":"` + strings.Repeat("a", chain.MaxSignUpRequestBytes) + `"}`) }, "at most"},
		{"not json", func() []byte { return []byte("owner=0x1") }, "invalid character"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := c.in()
			_, err := chain.ParseSignUpRequest(in)
			if err == nil || !errors.Is(err, chain.ErrSignUpRequest) || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("ParseSignUpRequest(%.120s) = %v, want an ErrSignUpRequest with %q", in, err, c.want)
			}
		})
	}
}

func FuzzParseSignUpRequest(f *testing.F) {
	_, good := signedSignUpRequest(f, nil)
	f.Add(good)
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"chainId":1,"grants":"0x00000000000000000000000000000000000000a1","owner":"0x00000000000000000000000000000000000000b2","device":"0x00000000000000000000000000000000000000c3","expiry":1,"signature":"0x00"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := chain.ParseSignUpRequest(b)
		if err != nil {
			if !errors.Is(err, chain.ErrSignUpRequest) {
				t.Fatalf("error %v does not wrap ErrSignUpRequest", err)
			}
			return
		}
		// Whatever parses verifies, and survives a round trip.
		if err := r.Verify(); err != nil {
			t.Fatalf("parsed but does not verify: %v", err)
		}
		again, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := chain.ParseSignUpRequest(again); err != nil {
			t.Fatalf("round trip of %s: %v", again, err)
		}
	})
}
