package keystore

import (
	"bytes"
	"errors"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
)

func testSigner(t testing.TB) *Signer {
	t.Helper()
	k, err := crypto.HexToECDSA("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318")
	if err != nil {
		t.Fatal(err)
	}
	return NewSigner(k, big.NewInt(1337))
}

var channelsAddr = common.HexToAddress("0x00000000000000000000000000000000000000c1")

func voucher(t testing.TB, chain int64) apitypes.TypedData {
	t.Helper()
	td, err := NewTypedData("Voucher", big.NewInt(chain), channelsAddr, map[string]any{
		"channel":    "0x" + common.Bytes2Hex(bytes.Repeat([]byte{0xab}, 32)),
		"cumulative": big.NewInt(1234567),
	})
	if err != nil {
		t.Fatal(err)
	}
	return td
}

// Independent EIP-712 encoding of Voucher, written out by hand from the
// EIP text, to check the digest apitypes computes for our schema.
func handVoucherDigest(chain int64, contract common.Address, channel [32]byte, cumulative *big.Int) []byte {
	word := func(b *big.Int) []byte { return common.LeftPadBytes(b.Bytes(), 32) }
	domainType := crypto.Keccak256([]byte("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"))
	ds := crypto.Keccak256(domainType, crypto.Keccak256([]byte("Mycroft Channels")), crypto.Keccak256([]byte("1")),
		word(big.NewInt(chain)), common.LeftPadBytes(contract.Bytes(), 32))
	vt := crypto.Keccak256([]byte("Voucher(bytes32 channel,uint256 cumulative)"))
	hs := crypto.Keccak256(vt, channel[:], word(cumulative))
	return crypto.Keccak256([]byte{0x19, 0x01}, ds, hs)
}

func TestVoucherDigestMatchesHandEncoding(t *testing.T) {
	td := voucher(t, 1337)
	got, _, err := apitypes.TypedDataAndHash(td)
	if err != nil {
		t.Fatal(err)
	}
	var ch [32]byte
	copy(ch[:], bytes.Repeat([]byte{0xab}, 32))
	want := handVoucherDigest(1337, channelsAddr, ch, big.NewInt(1234567))
	if !bytes.Equal(got, want) {
		t.Fatalf("digest %x, want %x", got, want)
	}
}

func TestSignTypedDataAllowListAndChain(t *testing.T) {
	s := testSigner(t)
	td := voucher(t, 1337)
	sig, err := s.SignTypedData(td)
	if err != nil {
		t.Fatal(err)
	}
	if len(sig) != 65 || (sig[64] != 27 && sig[64] != 28) {
		t.Fatalf("sig len %d v %d", len(sig), sig[64])
	}
	if a, err := RecoverTypedData(td, sig); err != nil || a != s.Address() {
		t.Fatalf("recover = %s, %v; want %s", a.Hex(), err, s.Address().Hex())
	}

	mutate := []struct {
		name string
		f    func(*apitypes.TypedData)
		want error
	}{
		{"other chain", func(td *apitypes.TypedData) { *td = voucher(t, 1) }, ErrChainID},
		{"no chain", func(td *apitypes.TypedData) { td.Domain.ChainId = nil }, ErrChainID},
		{"unknown type", func(td *apitypes.TypedData) {
			td.Types["Permit"] = td.Types["Voucher"]
			delete(td.Types, "Voucher")
			td.PrimaryType = "Permit"
		}, ErrNotAllowed},
		{"wrong domain name", func(td *apitypes.TypedData) { td.Domain.Name = "Uniswap" }, ErrNotAllowed},
		{"wrong version", func(td *apitypes.TypedData) { td.Domain.Version = "2" }, ErrNotAllowed},
		{"extra field", func(td *apitypes.TypedData) {
			td.Types["Voucher"] = append(td.Types["Voucher"], apitypes.Type{Name: "x", Type: "uint256"})
		}, ErrNotAllowed},
		{"extra type", func(td *apitypes.TypedData) { td.Types["Extra"] = []apitypes.Type{{Name: "a", Type: "uint8"}} }, ErrNotAllowed},
		{"salt", func(td *apitypes.TypedData) { td.Domain.Salt = "0x01" }, ErrNotAllowed},
		{"zero contract", func(td *apitypes.TypedData) { td.Domain.VerifyingContract = common.Address{}.Hex() }, ErrNotAllowed},
		{"no contract", func(td *apitypes.TypedData) { td.Domain.VerifyingContract = "" }, ErrNotAllowed},
		{"domain without chainId type", func(td *apitypes.TypedData) { td.Types["EIP712Domain"] = DomainTypes[:2] }, ErrNotAllowed},
		{"message missing field", func(td *apitypes.TypedData) { delete(td.Message, "cumulative") }, ErrNotAllowed},
	}
	for _, m := range mutate {
		td := voucher(t, 1337)
		m.f(&td)
		if _, err := s.SignTypedData(td); !errors.Is(err, m.want) {
			t.Errorf("%s: err = %v, want %v", m.name, err, m.want)
		}
	}
}

func TestEverySchemaSigns(t *testing.T) {
	s := testSigner(t)
	b32 := "0x" + common.Bytes2Hex(bytes.Repeat([]byte{1}, 32))
	msgs := map[string]map[string]any{
		"Voucher":        {"channel": b32, "cumulative": big.NewInt(1)},
		"Receipt":        {"channel": b32, "cumulative": big.NewInt(1), "request": b32},
		"Offer":          {"provider": s.Address().Hex(), "endpoint": "https://x", "services": `{"stt":"1"}`, "expiry": big.NewInt(9)},
		"Ballot":         {"proposalId": big.NewInt(5), "support": big.NewInt(1), "voter": s.Address().Hex(), "nonce": big.NewInt(0)},
		"Delegation":     {"delegatee": s.Address().Hex(), "nonce": big.NewInt(0), "expiry": big.NewInt(9)},
		"Grant":          {"grantee": s.Address().Hex(), "dataset": b32, "expiry": big.NewInt(9), "price": big.NewInt(0), "purpose": "research", "wrapHash": b32},
		"Storage":        {"owner": s.Address().Hex(), "root": b32, "leafCount": big.NewInt(4), "expiry": big.NewInt(9)},
		"BackupManifest": {"owner": s.Address().Hex(), "digest": b32, "sequence": big.NewInt(3)},
		"StorageRequest": {"owner": s.Address().Hex(), "node": channelsAddr.Hex(), "root": b32, "leafCount": big.NewInt(4), "expiry": big.NewInt(9)},
		"SignUp":         {"owner": s.Address().Hex(), "device": b32, "expiry": big.NewInt(9)},
		"Open":           {"payer": s.Address().Hex(), "payee": channelsAddr.Hex(), "amount": big.NewInt(5), "closeDelay": big.NewInt(86400), "relayer": channelsAddr.Hex(), "fee": big.NewInt(1), "deadline": big.NewInt(9)},
		"ClaimRelay":     {"owner": s.Address().Hex(), "device": b32, "relayer": channelsAddr.Hex()},
		"Permit":         {"owner": s.Address().Hex(), "spender": channelsAddr.Hex(), "value": big.NewInt(6), "nonce": big.NewInt(0), "deadline": big.NewInt(9)},
	}
	s.SetPermitSpenders(channelsAddr)
	for _, sc := range Schemas {
		contract := channelsAddr
		if sc.ZeroContract {
			contract = common.Address{}
		}
		td, err := NewTypedData(sc.PrimaryType, big.NewInt(1337), contract, msgs[sc.PrimaryType])
		if err != nil {
			t.Fatal(err)
		}
		sig, err := s.SignTypedData(td)
		if err != nil {
			t.Errorf("%s: %v", sc.PrimaryType, err)
			continue
		}
		if a, _ := RecoverTypedData(td, sig); a != s.Address() {
			t.Errorf("%s: recovered %s", sc.PrimaryType, a.Hex())
		}
	}
}

func TestSignText(t *testing.T) {
	s := testSigner(t)
	msg := []byte("login to mycroft: nonce 42")
	sig, err := s.SignText(msg)
	if err != nil {
		t.Fatal(err)
	}
	// Independent check against go-ethereum's EIP-191 hash.
	pub, err := crypto.SigToPub(accounts.TextHash(msg), append(sig[:64:64], sig[64]-27))
	if err != nil || crypto.PubkeyToAddress(*pub) != s.Address() {
		t.Fatalf("text sig does not recover: %v", err)
	}
	if a, _ := RecoverText([]byte("other"), sig); a == s.Address() {
		t.Fatal("signature valid for another message")
	}
}

func TestSignTx(t *testing.T) {
	s := testSigner(t)
	tx := types.NewTx(&types.DynamicFeeTx{ChainID: big.NewInt(1337), Nonce: 3, GasTipCap: big.NewInt(1), GasFeeCap: big.NewInt(2), Gas: 21000, To: &channelsAddr, Value: big.NewInt(5)})
	signed, err := s.SignTx(tx, big.NewInt(1337))
	if err != nil {
		t.Fatal(err)
	}
	from, err := types.Sender(types.LatestSignerForChainID(big.NewInt(1337)), signed)
	if err != nil || from != s.Address() {
		t.Fatalf("sender %s, %v", from.Hex(), err)
	}
	if _, err := s.SignTx(tx, big.NewInt(1)); !errors.Is(err, ErrChainID) {
		t.Errorf("other chain: %v", err)
	}
	s.Wipe()
	if _, err := s.SignTx(tx, big.NewInt(1337)); !errors.Is(err, ErrLocked) {
		t.Errorf("after wipe: %v", err)
	}
	if _, err := s.SignTypedData(voucher(t, 1337)); !errors.Is(err, ErrLocked) {
		t.Errorf("after wipe: %v", err)
	}
}

// handDigest is an independent EIP-712 encoder for our flat schemas
// (atomic types and string only), written from the EIP text.
func handDigest(t *testing.T, sc Schema, chain int64, contract common.Address, msg map[string]any) []byte {
	t.Helper()
	enc := func(typ string, v any) []byte {
		switch typ {
		case "string":
			return crypto.Keccak256([]byte(v.(string)))
		case "address":
			return common.LeftPadBytes(common.HexToAddress(v.(string)).Bytes(), 32)
		case "bytes32":
			return common.HexToHash(v.(string)).Bytes()
		case "uint256", "uint8", "uint64":
			return common.LeftPadBytes(v.(*big.Int).Bytes(), 32)
		}
		t.Fatalf("type %s", typ)
		return nil
	}
	sig := sc.PrimaryType + "("
	for i, f := range sc.Fields {
		if i > 0 {
			sig += ","
		}
		sig += f.Type + " " + f.Name
	}
	sig += ")"
	parts := [][]byte{crypto.Keccak256([]byte(sig))}
	for _, f := range sc.Fields {
		parts = append(parts, enc(f.Type, msg[f.Name]))
	}
	hs := crypto.Keccak256(parts...)
	dt := crypto.Keccak256([]byte("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"))
	ds := crypto.Keccak256(dt, crypto.Keccak256([]byte(sc.DomainName)), crypto.Keccak256([]byte(sc.Version)),
		common.LeftPadBytes(big.NewInt(chain).Bytes(), 32), common.LeftPadBytes(contract.Bytes(), 32))
	return crypto.Keccak256([]byte{0x19, 0x01}, ds, hs)
}

func TestEverySchemaDigestMatchesHandEncoder(t *testing.T) {
	s := testSigner(t)
	b32 := "0x" + common.Bytes2Hex(bytes.Repeat([]byte{7}, 32))
	msgs := map[string]map[string]any{
		"Voucher":        {"channel": b32, "cumulative": big.NewInt(99)},
		"Receipt":        {"channel": b32, "cumulative": big.NewInt(99), "request": b32},
		"Offer":          {"provider": s.Address().Hex(), "endpoint": "http://127.0.0.1:8545", "services": `{"stt":"10","weather":"2"}`, "expiry": big.NewInt(1893456000)},
		"Ballot":         {"proposalId": new(big.Int).Lsh(big.NewInt(1), 200), "support": big.NewInt(2), "voter": s.Address().Hex(), "nonce": big.NewInt(3)},
		"Delegation":     {"delegatee": channelsAddr.Hex(), "nonce": big.NewInt(4), "expiry": big.NewInt(1893456000)},
		"Grant":          {"grantee": s.Address().Hex(), "dataset": b32, "expiry": big.NewInt(1893456000), "price": big.NewInt(10), "purpose": "research ✓", "wrapHash": b32},
		"Storage":        {"owner": s.Address().Hex(), "root": b32, "leafCount": big.NewInt(1 << 40), "expiry": big.NewInt(1893456000)},
		"BackupManifest": {"owner": s.Address().Hex(), "digest": b32, "sequence": new(big.Int).SetUint64(1<<63 + 5)},
		"StorageRequest": {"owner": s.Address().Hex(), "node": channelsAddr.Hex(), "root": b32, "leafCount": big.NewInt(1 << 14), "expiry": big.NewInt(1893456000)},
		"SignUp":         {"owner": s.Address().Hex(), "device": b32, "expiry": big.NewInt(1893456000)},
		"Open":           {"payer": s.Address().Hex(), "payee": channelsAddr.Hex(), "amount": big.NewInt(1 << 40), "closeDelay": big.NewInt(1 << 33), "relayer": common.Address{}.Hex(), "fee": big.NewInt(3), "deadline": big.NewInt(1893456000)},
		"ClaimRelay":     {"owner": s.Address().Hex(), "device": b32, "relayer": channelsAddr.Hex()},
		"Permit":         {"owner": s.Address().Hex(), "spender": channelsAddr.Hex(), "value": big.NewInt(1 << 41), "nonce": big.NewInt(2), "deadline": big.NewInt(1893456000)},
	}
	for _, sc := range Schemas {
		td, err := NewTypedData(sc.PrimaryType, big.NewInt(1337), channelsAddr, msgs[sc.PrimaryType])
		if err != nil {
			t.Fatal(err)
		}
		got, _, err := apitypes.TypedDataAndHash(td)
		if err != nil {
			t.Fatalf("%s: %v", sc.PrimaryType, err)
		}
		if want := handDigest(t, sc, 1337, channelsAddr, msgs[sc.PrimaryType]); !bytes.Equal(got, want) {
			t.Errorf("%s: digest %x, hand encoder %x", sc.PrimaryType, got, want)
		}
	}
}

// TestRecoverRefusesWhatContractsRefuse: RecoverTypedData and RecoverText
// accept exactly what the contracts' ECDSA.tryRecover accepts. v = 0/1 and
// high s recover a key in plain ecrecover math but are refused on chain, so
// they must be refused here too.
func TestRecoverRefusesWhatContractsRefuse(t *testing.T) {
	s := testSigner(t)
	td := voucher(t, 1337)
	msg := []byte("login to mycroft: nonce 7")
	tdSig, err := s.SignTypedData(td)
	if err != nil {
		t.Fatal(err)
	}
	textSig, err := s.SignText(msg)
	if err != nil {
		t.Fatal(err)
	}
	n := crypto.S256().Params().N
	mutations := []struct {
		name   string
		mutate func(sig []byte) []byte
	}{
		{"v 0/1 instead of 27/28", func(sig []byte) []byte { sig[64] -= 27; return sig }},
		{"v 29", func(sig []byte) []byte { sig[64] = 29; return sig }},
		{"high s with flipped v", func(sig []byte) []byte {
			hs := new(big.Int).Sub(n, new(big.Int).SetBytes(sig[32:64]))
			hs.FillBytes(sig[32:64])
			sig[64] = 55 - sig[64]
			return sig
		}},
		{"r zero", func(sig []byte) []byte { clear(sig[:32]); return sig }},
		{"s zero", func(sig []byte) []byte { clear(sig[32:64]); return sig }},
		{"r = n", func(sig []byte) []byte { n.FillBytes(sig[:32]); return sig }},
		{"64 bytes", func(sig []byte) []byte { return sig[:64] }},
		{"66 bytes", func(sig []byte) []byte { return append(sig, 0) }},
	}
	recoverers := []struct {
		name string
		sig  []byte
		rec  func(sig []byte) (common.Address, error)
	}{
		{"typed data", tdSig, func(sig []byte) (common.Address, error) { return RecoverTypedData(td, sig) }},
		{"text", textSig, func(sig []byte) (common.Address, error) { return RecoverText(msg, sig) }},
	}
	for _, r := range recoverers {
		if a, err := r.rec(r.sig); err != nil || a != s.Address() {
			t.Fatalf("%s: recover of our own signature = %s, %v; want %s", r.name, a.Hex(), err, s.Address().Hex())
		}
		for _, m := range mutations {
			bad := m.mutate(bytes.Clone(r.sig))
			if a, err := r.rec(bad); !errors.Is(err, ErrFormat) {
				t.Errorf("%s, %s: recover(%x) = %s, %v; want ErrFormat", r.name, m.name, bad, a.Hex(), err)
			}
		}
	}
}

// TestSignerOutputInsideRule: every signature the Signer makes is one the
// contracts accept (v 27/28, low s), for many digests.
func TestSignerOutputInsideRule(t *testing.T) {
	s := testSigner(t)
	half := new(big.Int).Rsh(crypto.S256().Params().N, 1)
	for i := range 100 {
		msg := []byte{byte(i)}
		sig, err := s.SignText(msg)
		if err != nil {
			t.Fatal(err)
		}
		if len(sig) != 65 || (sig[64] != 27 && sig[64] != 28) || new(big.Int).SetBytes(sig[32:64]).Cmp(half) > 0 {
			t.Fatalf("SignText(%x) = %x: want 65 bytes, v 27/28, low s", msg, sig)
		}
		if a, err := RecoverText(msg, sig); err != nil || a != s.Address() {
			t.Fatalf("RecoverText(%x, %x) = %s, %v; want %s", msg, sig, a.Hex(), err, s.Address().Hex())
		}
	}
}
