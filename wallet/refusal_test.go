package wallet_test

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"math/big"
	"net/http"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/wallet"
)

// send posts a hand-made voucher to the provider and returns the status
// and error code.
func send(t *testing.T, n *node, id common.Hash, cum *big.Int, sig []byte) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, n.endpoint+"/v1/call/weather?latitude=52.52&longitude=13.42", nil)
	req.Header.Set("X-Mycroft-Channel", id.Hex())
	req.Header.Set("X-Mycroft-Cumulative", cum.String())
	req.Header.Set("X-Mycroft-Signature", "0x"+hex.EncodeToString(sig))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var body struct {
		Error struct{ Code string } `json:"error"`
	}
	json.Unmarshal(b, &body)
	return resp.StatusCode, body.Error.Code
}

// Replayed, stale, wrongly priced, over-deposit, wrongly signed vouchers
// and vouchers on unknown or closing channels are refused, each with its
// own code, and nothing is charged for them.
func TestVoucherRefusals(t *testing.T) {
	d := chainNet(t)
	ctx := context.Background()
	n := newNode(t, d)
	p := newPayer(t, d, fixedRegistry{[]chain.NodeInfo{n.info()}})
	for i := 0; i < 2; i++ {
		if err := weather(ctx, p.w); err != nil {
			t.Fatal(err)
		}
	}
	chs, _ := p.w.Channels()
	id := common32(t, chs[0].ID)
	m := p.acct.c.Manifest()
	chainID := new(big.Int).SetUint64(m.ChainID)
	sign := func(cum *big.Int) []byte {
		s, err := chain.SignTypedDataWithKey(p.acct.key, chain.VoucherTypedData(chainID, m.Channels, id, cum))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	price := prices["weather"]
	held := new(big.Int).Mul(big.NewInt(2), price)
	other, _ := crypto.GenerateKey()
	next := new(big.Int).Add(held, price)
	wrongSig, _ := chain.SignTypedDataWithKey(other, chain.VoucherTypedData(chainID, m.Channels, id, next))
	otherChain, _ := chain.SignTypedDataWithKey(p.acct.key, chain.VoucherTypedData(big.NewInt(1), m.Channels, id, next))
	deposit, _ := new(big.Int).SetString(chs[0].Deposit, 10)
	overDeposit := new(big.Int).Add(deposit, price)
	cases := []struct {
		name   string
		id     common.Hash
		cum    *big.Int
		sig    []byte
		status int
		code   string
	}{
		{"replayed", id, held, sign(held), http.StatusConflict, "replayed"},
		{"stale", id, price, sign(price), http.StatusConflict, "stale"},
		{"wrong price", id, new(big.Int).Add(held, new(big.Int).Mul(big.NewInt(2), price)), sign(new(big.Int).Add(held, new(big.Int).Mul(big.NewInt(2), price))), http.StatusPaymentRequired, "wrong_price"},
		{"over deposit", id, overDeposit, sign(overDeposit), http.StatusPaymentRequired, "over_deposit"},
		{"signed by another key", id, next, wrongSig, http.StatusUnauthorized, "bad_signature"},
		{"signed for another chain", id, next, otherChain, http.StatusUnauthorized, "bad_signature"},
		{"unknown channel", common.HexToHash("0x01"), next, sign(next), http.StatusNotFound, "unknown_channel"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			status, code := send(t, n, c.id, c.cum, c.sig)
			if status != c.status || code != c.code {
				t.Errorf("got %d %q, want %d %q", status, code, c.status, c.code)
			}
			if got := n.held(t); got.Cmp(held) != 0 {
				t.Errorf("provider holds %s after a refusal, want %s", got, held)
			}
		})
	}
	// The right voucher still works after all that.
	if status, code := send(t, n, id, next, sign(next)); status != http.StatusOK {
		t.Fatalf("valid voucher: %d %q", status, code)
	}
	// Once the payer starts closing, new vouchers are refused.
	if _, err := p.acct.c.StartCloseChannel(ctx, id); err != nil {
		t.Fatal(err)
	}
	// Channel state is cached for at most MaxStaleness (30 s): look later.
	n.now = func() time.Time { return time.Now().Add(time.Minute) }
	after := new(big.Int).Add(next, price)
	if status, code := send(t, n, id, after, sign(after)); status != http.StatusGone || code != "closing_channel" {
		t.Errorf("voucher on a closing channel: %d %q, want 410 closing_channel", status, code)
	}
}

// A payer calling faster than its token bucket allows is refused with
// rate_limited, and not charged.
func TestRateLimited(t *testing.T) {
	d := chainNet(t)
	ctx := context.Background()
	n := &node{}
	*n = *newNode(t, d)
	n.rate = 0.001
	clock := time.Unix(1_900_000_000, 0)
	n.now = func() time.Time { return clock }
	n.start(t)
	p := newPayer(t, d, fixedRegistry{[]chain.NodeInfo{n.info()}})
	if err := weather(ctx, p.w); err != nil {
		t.Fatal(err)
	}
	err := weather(ctx, p.w)
	var pe *wallet.ProviderError
	if !errors.As(err, &pe) || pe.Code != "rate_limited" || pe.Status != http.StatusTooManyRequests {
		t.Fatalf("second call within the bucket: %v, want a 429 rate_limited refusal", err)
	}
	if got := n.held(t); got.Cmp(prices["weather"]) != 0 {
		t.Errorf("provider holds %s after a rate-limited call, want one call", got)
	}
	// The clock moves on: the bucket refills.
	clock = clock.Add(time.Hour)
	if err := weather(ctx, p.w); err != nil {
		t.Fatalf("call after the bucket refilled: %v", err)
	}
}
