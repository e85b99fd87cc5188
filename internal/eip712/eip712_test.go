package eip712

import (
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
)

var domainTypes = []apitypes.Type{
	{Name: "name", Type: "string"},
	{Name: "version", Type: "string"},
	{Name: "chainId", Type: "uint256"},
	{Name: "verifyingContract", Type: "address"},
}

func typed(primary string, fields []apitypes.Type, chainID int64, msg apitypes.TypedDataMessage) apitypes.TypedData {
	return apitypes.TypedData{
		Types:       apitypes.Types{"EIP712Domain": domainTypes, primary: fields},
		PrimaryType: primary,
		Domain: apitypes.TypedDataDomain{Name: "Test " + primary, Version: "1",
			ChainId: math.NewHexOrDecimal256(chainID), VerifyingContract: "0x5FbDB2315678afecb367f032d93F642f64180aa3"},
		Message: msg,
	}
}

// same checks Hash against apitypes: the same digest, or both an error.
func same(t *testing.T, name string, td apitypes.TypedData) {
	t.Helper()
	want, _, werr := apitypes.TypedDataAndHash(td)
	for round := range 2 { // the second round takes the remembered schema
		got, err := Hash(td)
		switch {
		case (err == nil) != (werr == nil):
			t.Fatalf("%s (round %d): error %v, apitypes %v", name, round, err, werr)
		case err == nil && got != common.BytesToHash(want):
			t.Fatalf("%s (round %d): digest %x, apitypes %x", name, round, got, want)
		}
	}
}

var fieldSets = map[string][]apitypes.Type{
	"Voucher": {{Name: "channel", Type: "bytes32"}, {Name: "cumulative", Type: "uint256"}},
	"Receipt": {{Name: "channel", Type: "bytes32"}, {Name: "cumulative", Type: "uint256"}, {Name: "request", Type: "bytes32"}},
	"Offer":   {{Name: "provider", Type: "address"}, {Name: "endpoint", Type: "string"}, {Name: "services", Type: "string"}, {Name: "expiry", Type: "uint256"}},
	"Ballot":  {{Name: "proposalId", Type: "uint256"}, {Name: "support", Type: "uint8"}, {Name: "voter", Type: "address"}, {Name: "nonce", Type: "uint256"}},
	"Storage": {{Name: "owner", Type: "address"}, {Name: "root", Type: "bytes32"}, {Name: "leafCount", Type: "uint64"}, {Name: "expiry", Type: "uint64"}},
	"Mixed":   {{Name: "flag", Type: "bool"}, {Name: "blob", Type: "bytes"}, {Name: "tag", Type: "bytes4"}, {Name: "small", Type: "uint8"}},
}

func randomValue(r *rand.Rand, typ string) any {
	b := func(n int) []byte {
		out := make([]byte, n)
		for i := range out {
			out[i] = byte(r.UintN(256))
		}
		return out
	}
	switch typ {
	case "bytes32":
		return common.BytesToHash(b(32)).Hex()
	case "bytes4":
		return "0x" + common.Bytes2Hex(b(4))
	case "bytes":
		return "0x" + common.Bytes2Hex(b(r.IntN(70)))
	case "address":
		return common.BytesToAddress(b(20)).Hex()
	case "string":
		return string(b(r.IntN(40)))
	case "bool":
		return r.IntN(2) == 1
	case "uint8":
		return big.NewInt(int64(r.IntN(256))).String()
	case "uint64":
		return new(big.Int).SetUint64(r.Uint64()).String()
	default:
		return new(big.Int).SetBytes(b(r.IntN(33))).String()
	}
}

// Every schema shape the chain package builds, with random values, hashes
// as apitypes does.
func TestHashMatchesApitypes(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for name, fields := range fieldSets {
		for i := range 200 {
			msg := apitypes.TypedDataMessage{}
			for _, f := range fields {
				msg[f.Name] = randomValue(r, f.Type)
			}
			same(t, name, typed(name, fields, int64(1+i%3), msg))
		}
	}
}

// Values the fast path does not take (non-canonical, out of range, wrong
// kind, missing, extra) get apitypes' answer, digest or error.
func TestHashOddValues(t *testing.T) {
	v := fieldSets["Voucher"]
	m := fieldSets["Mixed"]
	ch := common.Hash{1}.Hex()
	cases := []struct {
		name   string
		fields []apitypes.Type
		msg    apitypes.TypedDataMessage
	}{
		{"hex integer", v, apitypes.TypedDataMessage{"channel": ch, "cumulative": "0x10"}},
		{"leading zero", v, apitypes.TypedDataMessage{"channel": ch, "cumulative": "007"}},
		{"plus sign", v, apitypes.TypedDataMessage{"channel": ch, "cumulative": "+5"}},
		{"negative", v, apitypes.TypedDataMessage{"channel": ch, "cumulative": "-5"}},
		{"2^256", v, apitypes.TypedDataMessage{"channel": ch, "cumulative": new(big.Int).Lsh(big.NewInt(1), 256).String()}},
		{"float", v, apitypes.TypedDataMessage{"channel": ch, "cumulative": float64(7)}},
		{"big.Int", v, apitypes.TypedDataMessage{"channel": ch, "cumulative": big.NewInt(7)}},
		{"empty integer", v, apitypes.TypedDataMessage{"channel": ch, "cumulative": ""}},
		{"short bytes32", v, apitypes.TypedDataMessage{"channel": "0x0102", "cumulative": "1"}},
		{"bytes32 without 0x", v, apitypes.TypedDataMessage{"channel": ch[2:], "cumulative": "1"}},
		{"bytes32 not hex", v, apitypes.TypedDataMessage{"channel": "0x" + string(make([]byte, 64)), "cumulative": "1"}},
		{"missing field", v, apitypes.TypedDataMessage{"channel": ch}},
		{"extra field", v, apitypes.TypedDataMessage{"channel": ch, "cumulative": "1", "more": "x"}},
		{"renamed field", v, apitypes.TypedDataMessage{"channel": ch, "cumul": "1"}},
		{"uint8 256", m, apitypes.TypedDataMessage{"flag": true, "blob": "0x", "tag": "0x01020304", "small": "256"}},
		{"bool as string", m, apitypes.TypedDataMessage{"flag": "true", "blob": "0x", "tag": "0x01020304", "small": "1"}},
		{"odd bytes", m, apitypes.TypedDataMessage{"flag": false, "blob": "0x123", "tag": "0x01020304", "small": "1"}},
		{"bytes4 too long", m, apitypes.TypedDataMessage{"flag": false, "blob": "0x", "tag": "0x0102030405", "small": "1"}},
	}
	for _, c := range cases {
		same(t, c.name, typed("Odd", c.fields, 5, c.msg))
	}
	// Addresses: lowercase, no prefix, short.
	o := fieldSets["Offer"]
	for _, a := range []string{"0x5fbdb2315678afecb367f032d93f642f64180aa3", "5FbDB2315678afecb367f032d93F642f64180aa3", "0x5FbDB2", ""} {
		same(t, "address "+a, typed("Offer", o, 5, apitypes.TypedDataMessage{"provider": a, "endpoint": "e", "services": "s", "expiry": "1"}))
	}
	// Schemas the fast path does not take at all.
	nested := apitypes.TypedData{
		Types: apitypes.Types{"EIP712Domain": domainTypes,
			"Outer": {{Name: "inner", Type: "Inner"}}, "Inner": {{Name: "x", Type: "uint256"}}},
		PrimaryType: "Outer",
		Domain:      apitypes.TypedDataDomain{Name: "N", Version: "1", ChainId: math.NewHexOrDecimal256(1), VerifyingContract: common.Address{}.Hex()},
		Message:     apitypes.TypedDataMessage{"inner": map[string]any{"x": "3"}},
	}
	same(t, "nested", nested)
	same(t, "array", typed("Arr", []apitypes.Type{{Name: "xs", Type: "uint256[]"}}, 1, apitypes.TypedDataMessage{"xs": []any{"1", "2"}}))
	same(t, "bad type", typed("Bad", []apitypes.Type{{Name: "x", Type: "uint7"}}, 1, apitypes.TypedDataMessage{"x": "1"}))
}

// FuzzHash: any value of any atomic type hashes as apitypes does.
func FuzzHash(f *testing.F) {
	f.Add(uint8(0), "1")
	f.Add(uint8(1), "0x0000000000000000000000000000000000000000000000000000000000000001")
	f.Add(uint8(2), "0x5FbDB2315678afecb367f032d93F642f64180aa3")
	f.Add(uint8(3), "0x")
	f.Add(uint8(4), "255")
	f.Add(uint8(5), "hello")
	f.Add(uint8(6), "0xdeadbeef")
	types := []string{"uint256", "bytes32", "address", "bytes", "uint8", "string", "bytes4", "uint64"}
	f.Fuzz(func(t *testing.T, k uint8, value string) {
		typ := types[int(k)%len(types)]
		same(t, typ+" "+value, typed("Fuzz", []apitypes.Type{{Name: "v", Type: typ}, {Name: "w", Type: "uint256"}}, 7,
			apitypes.TypedDataMessage{"v": value, "w": "1"}))
	})
}

func BenchmarkHash(b *testing.B) {
	td := typed("Voucher", fieldSets["Voucher"], 1, apitypes.TypedDataMessage{"channel": common.Hash{1}.Hex(), "cumulative": "123456789"})
	b.Run("eip712", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Hash(td); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("apitypes", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, _, err := apitypes.TypedDataAndHash(td); err != nil {
				b.Fatal(err)
			}
		}
	})
}
