package keystore

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"math/big"
	"os"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"
)

// decodeXprv decodes a base58check BIP-32 extended private key (test helper;
// the checksum protects the vector from typos).
func decodeXprv(t *testing.T, s string) (key, chain []byte, depth uint8, index uint32) {
	t.Helper()
	const alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
	n := new(big.Int)
	for _, r := range s {
		i := strings.IndexRune(alphabet, r)
		if i < 0 {
			t.Fatalf("bad base58 %q", s)
		}
		n.Mul(n, big.NewInt(58))
		n.Add(n, big.NewInt(int64(i)))
	}
	raw := n.Bytes()
	if len(raw) != 82 {
		t.Fatalf("xprv %s: %d bytes", s, len(raw))
	}
	h1 := sha256.Sum256(raw[:78])
	h2 := sha256.Sum256(h1[:])
	if !bytes.Equal(h2[:4], raw[78:]) {
		t.Fatalf("xprv %s: bad checksum", s)
	}
	p := raw[:78]
	return p[46:78], p[13:45], p[4], binary.BigEndian.Uint32(p[9:13])
}

func TestBIP32Vectors(t *testing.T) {
	type step struct{ path, xprv string }
	cases := []struct {
		name  string
		seed  string
		steps []step
	}{
		{"vector1", "000102030405060708090a0b0c0d0e0f", []step{
			{"m", "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi"},
			{"m/0'", "xprv9uHRZZhk6KAJC1avXpDAp4MDc3sQKNxDiPvvkX8Br5ngLNv1TxvUxt4cV1rGL5hj6KCesnDYUhd7oWgT11eZG7XnxHrnYeSvkzY7d2bhkJ7"},
			{"m/0'/1", "xprv9wTYmMFdV23N2TdNG573QoEsfRrWKQgWeibmLntzniatZvR9BmLnvSxqu53Kw1UmYPxLgboyZQaXwTCg8MSY3H2EU4pWcQDnRnrVA1xe8fs"},
			{"m/0'/1/2'", "xprv9z4pot5VBttmtdRTWfWQmoH1taj2axGVzFqSb8C9xaxKymcFzXBDptWmT7FwuEzG3ryjH4ktypQSAewRiNMjANTtpgP4mLTj34bhnZX7UiM"},
			{"m/0'/1/2'/2", "xprvA2JDeKCSNNZky6uBCviVfJSKyQ1mDYahRjijr5idH2WwLsEd4Hsb2Tyh8RfQMuPh7f7RtyzTtdrbdqqsunu5Mm3wDvUAKRHSC34sJ7in334"},
			{"m/0'/1/2'/2/1000000000", "xprvA41z7zogVVwxVSgdKUHDy1SKmdb533PjDz7J6N6mV6uS3ze1ai8FHa8kmHScGpWmj4WggLyQjgPie1rFSruoUihUZREPSL39UNdE3BBDu76"},
		}},
		{"vector2", "fffcf9f6f3f0edeae7e4e1dedbd8d5d2cfccc9c6c3c0bdbab7b4b1aeaba8a5a29f9c999693908d8a8784817e7b7875726f6c696663605d5a5754514e4b484542", []step{
			{"m", "xprv9s21ZrQH143K31xYSDQpPDxsXRTUcvj2iNHm5NUtrGiGG5e2DtALGdso3pGz6ssrdK4PFmM8NSpSBHNqPqm55Qn3LqFtT2emdEXVYsCzC2U"},
			{"m/0", "xprv9vHkqa6EV4sPZHYqZznhT2NPtPCjKuDKGY38FBWLvgaDx45zo9WQRUT3dKYnjwih2yJD9mkrocEZXo1ex8G81dwSM1fwqWpWkeS3v86pgKt"},
			{"m/0/2147483647'", "xprv9wSp6B7kry3Vj9m1zSnLvN3xH8RdsPP1Mh7fAaR7aRLcQMKTR2vidYEeEg2mUCTAwCd6vnxVrcjfy2kRgVsFawNzmjuHc2YmYRmagcEPdU9"},
			{"m/0/2147483647'/1", "xprv9zFnWC6h2cLgpmSA46vutJzBcfJ8yaJGg8cX1e5StJh45BBciYTRXSd25UEPVuesF9yog62tGAQtHjXajPPdbRCHuWS6T8XA2ECKADdw4Ef"},
			{"m/0/2147483647'/1/2147483646'", "xprvA1RpRA33e1JQ7ifknakTFpgNXPmW2YvmhqLQYMmrj4xJXXWYpDPS3xz7iAxn8L39njGVyuoseXzU6rcxFLJ8HFsTjSyQbLYnMpCqE2VbFWc"},
			{"m/0/2147483647'/1/2147483646'/2", "xprvA2nrNbFZABcdryreWet9Ea4LvTJcGsqrMzxHx98MMrotbir7yrKCEXw7nadnHM8Dq38EGfSh6dqA9QWTyefMLEcBYJUuekgW4BYPJcr9E7j"},
		}},
		{"vector3-leading-zeros", "4b381541583be4423346c643850da4b320e46a87ae3d2a4e6da11eba819cd4acba45d239319ac14f863b8d5ab5a0d0c64d2e8a1e7d1457df2e5a3c51c73235be", []step{
			{"m", "xprv9s21ZrQH143K25QhxbucbDDuQ4naNntJRi4KUfWT7xo4EKsHt2QJDu7KXp1A3u7Bi1j8ph3EGsZ9Xvz9dGuVrtHHs7pXeTzjuxBrCmmhgC6"},
			{"m/0'", "xprv9uPDJpEQgRQfDcW7BkF7eTya6RPxXeJCqCJGHuCJ4GiRVLzkTXBAJMu2qaMWPrS7AANYqdq6vcBcBUdJCVVFceUvJFjaPdGZ2y9WACViL4L"},
		}},
		{"vector4-leading-zeros", "3ddd5602285899a946114506157c7997e5444528f3003f6134712147db19b678", []step{
			{"m", "xprv9s21ZrQH143K48vGoLGRPxgo2JNkJ3J3fqkirQC2zVdk5Dgd5w14S7fRDyHH4dWNHUgkvsvNDCkvAwcSHNAQwhwgNMgZhLtQC63zxwhQmRv"},
			{"m/0'", "xprv9vB7xEWwNp9kh1wQRfCCQMnZUEG21LpbR9NPCNN1dwhiZkjjeGRnaALmPXCX7SgjFTiCTT6bXes17boXtjq3xLpcDjzEuGLQBM5ohqkao9G"},
			{"m/0'/1'", "xprv9xJocDuwtYCMNAo3Zw76WENQeAS6WGXQ55RCy7tDJ8oALr4FWkuVoHJeHVAcAqiZLE7Je3vZJHxspZdFHfnBEjHqU5hG1Jaj32dVoS6XLT1"},
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			seed, _ := hex.DecodeString(tc.seed)
			for _, st := range tc.steps {
				k, err := derivePath(seed, st.path)
				if err != nil {
					t.Fatalf("%s: %v", st.path, err)
				}
				wk, wc, wd, wi := decodeXprv(t, st.xprv)
				if !bytes.Equal(k.key[:], wk) || !bytes.Equal(k.chain[:], wc) || k.depth != wd || k.index != wi {
					t.Errorf("%s:\n got key %x chain %x depth %d index %d\nwant key %x chain %x depth %d index %d",
						st.path, k.key, k.chain, k.depth, k.index, wk, wc, wd, wi)
				}
			}
		})
	}
}

func TestBIP39TrezorVectors(t *testing.T) {
	raw, err := os.ReadFile("testdata/bip39_trezor_vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	var vs []struct{ Entropy, Mnemonic, Seed, Passphrase string }
	if err := json.Unmarshal(raw, &vs); err != nil {
		t.Fatal(err)
	}
	if len(vs) < 24 {
		t.Fatalf("only %d vectors", len(vs))
	}
	for _, v := range vs {
		seed, err := seedFromMnemonic(Mnemonic{words: []byte(v.Mnemonic)}, v.Passphrase)
		if err != nil {
			t.Fatalf("%s: %v", v.Entropy, err)
		}
		if hex.EncodeToString(seed) != v.Seed {
			t.Errorf("entropy %s: seed %x, want %s", v.Entropy, seed, v.Seed)
		}
		if len(strings.Fields(v.Mnemonic)) == 24 {
			m, err := ParseMnemonic(strings.ToUpper(v.Mnemonic) + "\n")
			if err != nil {
				t.Errorf("ParseMnemonic(%s): %v", v.Entropy, err)
			} else if m.Reveal() != v.Mnemonic {
				t.Errorf("ParseMnemonic normalised to something else")
			}
		}
	}
}

func TestKnownMnemonicAddresses(t *testing.T) {
	cases := []struct{ words, addr string }{
		{"abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about", "0x9858EfFD232B4033E47d90003D41EC34EcaEda94"},
		{"test test test test test test test test test test test junk", "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"},
	}
	for _, tc := range cases {
		got, err := DeriveAddress(Mnemonic{words: []byte(tc.words)})
		if err != nil {
			t.Fatal(err)
		}
		if got.Hex() != tc.addr {
			t.Errorf("%q: address %s, want %s", tc.words, got.Hex(), tc.addr)
		}
	}
}

func TestParseMnemonicRejects(t *testing.T) {
	good, err := NewMnemonic(nil)
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields(good.Reveal())
	swapped := append([]string(nil), words...)
	swapped[0], swapped[1] = swapped[1], swapped[0]
	if swapped[0] == swapped[1] {
		swapped[0] = "zoo"
	}
	cases := map[string]string{
		"empty":         "",
		"12 words":      strings.Join(words[:12], " "),
		"23 words":      strings.Join(words[:23], " "),
		"25 words":      good.Reveal() + " abandon",
		"unknown word":  strings.Join(append([]string{"notaword"}, words[1:]...), " "),
		"bad checksum":  strings.Repeat("abandon ", 24),
		"swapped words": strings.Join(swapped, " "),
	}
	for name, s := range cases {
		if _, err := ParseMnemonic(s); !errors.Is(err, ErrMnemonic) {
			t.Errorf("%s: err = %v, want ErrMnemonic", name, err)
		} else if len(words) > 0 && strings.Contains(err.Error(), words[2]) {
			t.Errorf("%s: error leaks a word: %v", name, err)
		}
	}
	// White space and case variants normalise to the same words.
	m, err := ParseMnemonic("  " + strings.ToUpper(strings.Join(words, "\t \n")) + " ")
	if err != nil || m.Reveal() != good.Reveal() {
		t.Errorf("variant: %v", err)
	}
}

func TestWalletKeyIs32BytesAndValid(t *testing.T) {
	m, _ := NewMnemonic(nil)
	seed, err := seedFromMnemonic(m, "")
	if err != nil {
		t.Fatal(err)
	}
	k, err := walletKey(seed)
	if err != nil {
		t.Fatal(err)
	}
	if len(crypto.FromECDSA(k)) != 32 {
		t.Fatal("key length")
	}
}
