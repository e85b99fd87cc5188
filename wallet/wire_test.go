package wallet

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"math/big"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/mycroft-network/mycroft/chain"
)

var (
	testChainID  = big.NewInt(1337)
	testRegistry = common.HexToAddress("0x00000000000000000000000000000000000000aa")
	testChannels = common.HexToAddress("0x00000000000000000000000000000000000000bb")
)

func signedOffer(t testing.TB, mutate func(m map[string]any)) []byte {
	t.Helper()
	key, _ := crypto.ToECDSA(crypto.Keccak256([]byte("provider")))
	addr := crypto.PubkeyToAddress(key.PublicKey)
	services := `{"stt":"1000","weather":"250"}`
	expiry := uint64(2_000_000_000)
	td := chain.OfferTypedData(testChainID, testRegistry, addr, "http://127.0.0.1:9", services, new(big.Int).SetUint64(expiry))
	sig, err := chain.SignTypedDataWithKey(key, td)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]any{"provider": addr.Hex(), "endpoint": "http://127.0.0.1:9", "services": services,
		"expiry": expiry, "chainId": "1337", "registry": testRegistry.Hex(), "channels": testChannels.Hex(),
		"minCloseDelay": 3600, "signature": "0x" + hex.EncodeToString(sig)}
	if mutate != nil {
		mutate(m)
	}
	b, _ := json.Marshal(m)
	return b
}

func TestParseOffer(t *testing.T) {
	now := time.Unix(1_900_000_000, 0)
	cases := []struct {
		name   string
		mutate func(m map[string]any)
		ok     bool
	}{
		{"valid", nil, true},
		{"price changed", func(m map[string]any) { m["services"] = `{"stt":"1","weather":"250"}` }, false},
		{"not canonical", func(m map[string]any) { m["services"] = `{"weather":"250","stt":"1000"}` }, false},
		{"endpoint changed", func(m map[string]any) { m["endpoint"] = "http://evil" }, false},
		{"other chain", func(m map[string]any) { m["chainId"] = "1" }, false},
		{"expired", func(m map[string]any) { m["expiry"] = 1_800_000_000 }, false},
		{"provider swapped", func(m map[string]any) { m["provider"] = testChannels.Hex() }, false},
		{"short signature", func(m map[string]any) { m["signature"] = "0x01" }, false},
		{"bad address", func(m map[string]any) { m["provider"] = "nope" }, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o, err := ParseOffer(signedOffer(t, c.mutate), testChainID, testRegistry, now)
			if (err == nil) != c.ok {
				t.Fatalf("ParseOffer: %v, want ok=%v", err, c.ok)
			}
			if err != nil && !errors.Is(err, ErrBadOffer) {
				t.Errorf("error %v does not wrap ErrBadOffer", err)
			}
			if err == nil && (o.Prices["stt"].Int64() != 1000 || o.MinCloseDelay != 3600) {
				t.Errorf("offer %+v", o)
			}
		})
	}
	if _, err := ParseOffer(signedOffer(t, nil), testChainID, testChannels, now); err == nil {
		t.Error("offer signed for another registry accepted")
	}
}

func TestReceiptRoundTrip(t *testing.T) {
	key, _ := crypto.GenerateKey()
	addr := crypto.PubkeyToAddress(key.PublicKey)
	ch := common.HexToHash("0x1234")
	req := common.HexToHash("0x5678")
	sig, _ := chain.SignTypedDataWithKey(key, chain.ReceiptTypedData(testChainID, testChannels, ch, big.NewInt(42), req))
	h := http.Header{}
	h.Set(HeaderReceiptCumulative, "42")
	h.Set(HeaderReceiptRequest, req.Hex())
	h.Set(HeaderReceiptSignature, hexSig(sig))
	r, err := ParseReceipt(h, ch)
	if err != nil {
		t.Fatal(err)
	}
	if err := VerifyReceipt(r, testChainID, testChannels, addr); err != nil {
		t.Errorf("VerifyReceipt: %v", err)
	}
	if err := VerifyReceipt(r, testChainID, testChannels, testRegistry); !errors.Is(err, ErrBadReceipt) {
		t.Errorf("receipt verified for the wrong provider: %v", err)
	}
	r.Cumulative = big.NewInt(43)
	if err := VerifyReceipt(r, testChainID, testChannels, addr); err == nil {
		t.Error("altered receipt verified")
	}
}

func TestParseProviderError(t *testing.T) {
	cases := []struct {
		body string
		code string
		held string
	}{
		{`{"error":{"code":"stale","message":"x","cumulative":"7"}}`, "stale", "7"},
		{`{"error":{"code":"wrong_price","message":"x","cumulative":"07"}}`, "wrong_price", ""},
		{`not json`, CodeUnavailable, ""},
		{``, CodeUnavailable, ""},
	}
	for _, c := range cases {
		e := parseProviderError(409, []byte(c.body))
		held := ""
		if e.Held != nil {
			held = e.Held.String()
		}
		if e.Code != c.code || held != c.held || !errors.Is(e, ErrRefused) {
			t.Errorf("parseProviderError(%q) = %+v, want code %s held %q", c.body, e, c.code, c.held)
		}
	}
}

func TestChooseIsStakeWeighted(t *testing.T) {
	mk := func(b byte, stake int64, price int64, registered bool) chain.NodeInfo {
		return chain.NodeInfo{Address: common.Address{b}, Endpoint: "http://x", Stake: big.NewInt(stake), Registered: registered,
			Prices: chain.Prices{"stt": big.NewInt(price)}}
	}
	nodes := []chain.NodeInfo{mk(1, 100, 10, true), mk(2, 300, 10, true), mk(3, 1000, 99, true), mk(4, 1000, 10, false), mk(5, 600, 10, true)}
	sick := common.Address{5}
	healthy := func(a common.Address) bool { return a != sick }
	// Draw x over the healthy stake 400: [0,100) → node 1, [100,400) → node 2.
	cases := []struct {
		x    int64
		want []byte
	}{
		{0, []byte{1, 2, 5}}, {99, []byte{1, 2, 5}}, {100, []byte{2, 1, 5}}, {399, []byte{2, 1, 5}},
	}
	for _, c := range cases {
		first := true
		rnd := func(n *big.Int) *big.Int {
			if first {
				first = false
				return big.NewInt(c.x)
			}
			return big.NewInt(0)
		}
		got := Choose(nodes, "stt", big.NewInt(50), healthy, rnd)
		var ids []byte
		for _, n := range got {
			ids = append(ids, n.Address[0])
		}
		if string(ids) != string(c.want) {
			t.Errorf("x=%d: order %v, want %v (over-priced and unregistered left out, unhealthy last)", c.x, ids, c.want)
		}
	}
}

func TestReplayBody(t *testing.T) {
	rb := newReplayBody(strings.NewReader("hello world"))
	a := rb.reader()
	buf := make([]byte, 5)
	a.Read(buf) // the first attempt read "hello" then died
	b := rb.reader()
	all := new(strings.Builder)
	for {
		n, err := b.Read(buf)
		all.Write(buf[:n])
		if err != nil {
			break
		}
	}
	if all.String() != "hello world" {
		t.Fatalf("second attempt read %q", all.String())
	}
}

func FuzzParseOffer(f *testing.F) {
	f.Add(signedOffer(f, nil))
	f.Add([]byte(`{"provider":"0x0","services":"{}"}`))
	f.Add([]byte(`{"expiry":18446744073709551615}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		o, err := ParseOffer(data, testChainID, testRegistry, time.Unix(1_900_000_000, 0))
		if err != nil {
			return
		}
		// Whatever is accepted was signed by the provider it names.
		if err := o.Prices.Validate(); err != nil {
			t.Errorf("accepted invalid prices: %v", err)
		}
	})
}

func FuzzParseReceipt(f *testing.F) {
	f.Add("42", "0x"+strings.Repeat("11", 32), "0x"+strings.Repeat("22", 65))
	f.Add("0", "0x", "")
	f.Add("-1", "0xzz", "0x")
	f.Fuzz(func(t *testing.T, cum, req, sig string) {
		h := http.Header{}
		h.Set(HeaderReceiptCumulative, cum)
		h.Set(HeaderReceiptRequest, req)
		h.Set(HeaderReceiptSignature, sig)
		r, err := ParseReceipt(h, common.Hash{})
		if err != nil {
			return
		}
		if r.Cumulative.String() != cum || len(r.Signature) != 65 {
			t.Errorf("accepted non-canonical receipt %q → %s", cum, r.Cumulative)
		}
	})
}

func FuzzParseChannelInfo(f *testing.F) {
	f.Add([]byte(`{"cumulative":"5","voucherSignature":"0x` + strings.Repeat("01", 65) + `"}`))
	f.Add([]byte(`{"cumulative":"0"}`))
	f.Add([]byte(`{"cumulative":"1"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		info, err := parseChannelInfo(data, common.Hash{})
		if err != nil {
			return
		}
		if info.cumulative.Sign() > 0 && len(info.voucherSig) != 65 {
			t.Errorf("accepted a positive cumulative without a voucher")
		}
	})
}
