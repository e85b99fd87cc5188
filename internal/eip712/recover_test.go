package eip712

import (
	"bytes"
	"errors"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// testKey is a fixed key so seeds and failures are reproducible.
func testKey(t testing.TB) (sign func([32]byte) []byte, addr common.Address) {
	t.Helper()
	key, err := crypto.ToECDSA(crypto.Keccak256([]byte("eip712 recover test key")))
	if err != nil {
		t.Fatal(err)
	}
	return func(d [32]byte) []byte {
		sig, err := crypto.Sign(d[:], key)
		if err != nil {
			t.Fatal(err)
		}
		sig[64] += 27
		return sig
	}, crypto.PubkeyToAddress(key.PublicKey)
}

func word(v *big.Int) []byte { return new(big.Int).Set(v).FillBytes(make([]byte, 32)) }

func withRS(r, s []byte, v byte) []byte {
	out := make([]byte, 0, 65)
	out = append(append(append(out, r...), s...), v)
	return out
}

// highS is the other valid signature of the same key and digest: s' = n−s
// with the parity of v flipped. ecrecover alone accepts it.
func highS(sig []byte) []byte {
	n := crypto.S256().Params().N
	s := new(big.Int).Sub(n, new(big.Int).SetBytes(sig[32:64]))
	return withRS(sig[:32], word(s), 55-sig[64])
}

// reference is the rule written independently of Recover: go-ethereum's
// ValidateSignatureValues with homestead (low s) on v−27, then SigToPub.
func reference(digest [32]byte, sig []byte) (common.Address, bool) {
	if len(sig) != 65 || (sig[64] != 27 && sig[64] != 28) {
		return common.Address{}, false
	}
	r, s := new(big.Int).SetBytes(sig[:32]), new(big.Int).SetBytes(sig[32:64])
	if !crypto.ValidateSignatureValues(sig[64]-27, r, s, true) {
		return common.Address{}, false
	}
	norm := bytes.Clone(sig)
	norm[64] -= 27
	pub, err := crypto.SigToPub(digest[:], norm)
	if err != nil {
		return common.Address{}, false
	}
	a := crypto.PubkeyToAddress(*pub)
	return a, a != common.Address{}
}

func TestCurveConstants(t *testing.T) {
	n := crypto.S256().Params().N
	// The bound OpenZeppelin ECDSA.tryRecover compares s against.
	oz, _ := new(big.Int).SetString("7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0", 16)
	for _, c := range []struct {
		name      string
		got, want []byte
	}{
		{"n", curveN[:], word(n)},
		{"half n", curveHalfN[:], word(new(big.Int).Rsh(n, 1))},
		{"half n = OpenZeppelin's bound", curveHalfN[:], word(oz)},
	} {
		if !bytes.Equal(c.got, c.want) {
			t.Errorf("%s: got %x, want %x", c.name, c.got, c.want)
		}
	}
}

func TestRecover(t *testing.T) {
	sign, addr := testKey(t)
	digest := [32]byte(crypto.Keccak256([]byte("digest")))
	good := sign(digest)
	n := crypto.S256().Params().N
	half := new(big.Int).Rsh(n, 1)
	one := big.NewInt(1)
	setV := func(v byte) []byte { s := bytes.Clone(good); s[64] = v; return s }
	r, s, v := good[:32], good[32:64], good[64]
	cases := []struct {
		name string
		sig  []byte
		ok   bool
	}{
		{"valid", good, true},
		{"v 0 (refused by ecrecover)", setV(v - 27), false},
		{"v 1 (refused by ecrecover)", setV(55 - v - 27), false},
		{"other v of 27/28 (recovers another key)", setV(55 - v), true},
		{"v 29", setV(29), false},
		{"v 255", setV(255), false},
		{"high s, flipped v", highS(good), false},
		{"high s, flipped v, v-27", func() []byte { x := highS(good); x[64] -= 27; return x }(), false},
		{"s = half n + 1", withRS(r, word(new(big.Int).Add(half, one)), v), false},
		{"r zero", withRS(make([]byte, 32), s, v), false},
		{"s zero", withRS(r, make([]byte, 32), v), false},
		{"r = n", withRS(word(n), s, v), false},
		{"r = n + r", withRS(word(new(big.Int).Add(n, one)), s, v), false},
		{"r all ones", withRS(bytes.Repeat([]byte{0xff}, 32), s, v), false},
		{"s all ones", withRS(r, bytes.Repeat([]byte{0xff}, 32), v), false},
		{"64 bytes (EIP-2098 length)", good[:64], false},
		{"66 bytes", append(bytes.Clone(good), 0), false},
		{"empty", nil, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := bytes.Clone(c.sig)
			got, err := Recover(digest, c.sig)
			if !bytes.Equal(before, c.sig) {
				t.Fatalf("Recover(%x) modified its input to %x", before, c.sig)
			}
			if c.ok != (err == nil) {
				t.Fatalf("Recover(%x): err %v, want ok %v", c.sig, err, c.ok)
			}
			if err != nil && !errors.Is(err, ErrSignature) {
				t.Errorf("Recover(%x): err %v does not wrap ErrSignature", c.sig, err)
			}
			refAddr, refOK := reference(digest, c.sig)
			if refOK != c.ok || (refOK && refAddr != got) {
				t.Errorf("Recover(%x) = %s, %v; reference %s, %v", c.sig, got, err, refAddr, refOK)
			}
			if c.name == "valid" && got != addr {
				t.Errorf("Recover(valid) = %s, want %s", got, addr)
			}
		})
	}
}

// TestRecoverSignerOutput signs many digests as our signers do (crypto.Sign,
// v += 27) and checks Recover accepts every one: our own signatures always
// fall inside the rule (low s, v 27/28).
func TestRecoverSignerOutput(t *testing.T) {
	sign, addr := testKey(t)
	for i := range 200 {
		d := [32]byte(crypto.Keccak256([]byte{byte(i), byte(i >> 8)}))
		sig := sign(d)
		if got, err := Recover(d, sig); err != nil || got != addr {
			t.Fatalf("digest %x sig %x: Recover = %s, %v; want %s", d, sig, got, err, addr)
		}
	}
}

func FuzzRecover(f *testing.F) {
	sign, _ := testKey(f)
	digest := [32]byte(crypto.Keccak256([]byte("fuzz")))
	good := sign(digest)
	f.Add(digest[:], good)
	f.Add(digest[:], highS(good))
	v0 := bytes.Clone(good)
	v0[64] -= 27
	f.Add(digest[:], v0)
	f.Add(digest[:], good[:64])
	f.Add(digest[:], append(bytes.Clone(good), 1))
	f.Add(digest[:], withRS(make([]byte, 32), good[32:64], 27))
	f.Add(digest[:], withRS(word(crypto.S256().Params().N), good[32:64], 28))
	f.Add([]byte{}, []byte{})
	f.Fuzz(func(t *testing.T, d, sig []byte) {
		var dg [32]byte
		copy(dg[:], d)
		before := bytes.Clone(sig)
		got, err := Recover(dg, sig)
		if !bytes.Equal(before, sig) {
			t.Fatalf("Recover modified its input %x to %x", before, sig)
		}
		refAddr, refOK := reference(dg, sig)
		if (err == nil) != refOK || got != refAddr {
			t.Fatalf("Recover(%x, %x) = %s, %v; reference %s, %v", dg, sig, got, err, refAddr, refOK)
		}
		if err != nil {
			if !errors.Is(err, ErrSignature) {
				t.Fatalf("Recover(%x, %x): err %v does not wrap ErrSignature", dg, sig, err)
			}
			return
		}
		s := new(big.Int).SetBytes(sig[32:64])
		if len(sig) != 65 || (sig[64] != 27 && sig[64] != 28) || s.Cmp(new(big.Int).Rsh(crypto.S256().Params().N, 1)) > 0 {
			t.Fatalf("Recover accepted %x: want 65 bytes, v 27/28, low s", sig)
		}
	})
}

func BenchmarkRecover(b *testing.B) {
	sign, _ := testKey(b)
	digest := [32]byte(crypto.Keccak256([]byte("bench")))
	sig := sign(digest)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Recover(digest, sig); err != nil {
			b.Fatal(err)
		}
	}
}
