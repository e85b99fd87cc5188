package chain

import (
	"errors"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/rpc"
)

func TestPresets(t *testing.T) {
	ids := map[uint64]string{}
	for _, name := range PresetNames() {
		p, err := PresetByName(name)
		if err != nil {
			t.Fatal(err)
		}
		if p.Name != name || p.ChainID == 0 || p.LogRange == 0 || p.BlockTime <= 0 {
			t.Errorf("preset %s: %+v has a zero field", name, p)
		}
		if other, dup := ids[p.ChainID]; dup {
			t.Errorf("presets %s and %s share chain id %d", other, name, p.ChainID)
		}
		ids[p.ChainID] = name
		if got, ok := PresetByChainID(p.ChainID); !ok || got.Name != name {
			t.Errorf("PresetByChainID(%d) = %s, %v; want %s", p.ChainID, got.Name, ok, name)
		}
	}
	for _, want := range []string{"ethereum", "sepolia", "base", "optimism", "arbitrum", "gnosis"} {
		if _, ok := ids[map[string]uint64{"ethereum": 1, "sepolia": 11155111, "base": 8453, "optimism": 10, "arbitrum": 42161, "gnosis": 100}[want]]; !ok {
			t.Errorf("no preset for %s", want)
		}
	}
	if _, err := PresetByName("Base "); err != nil {
		t.Errorf("PresetByName(%q): %v, want base", "Base ", err)
	}
	if _, err := PresetByName("mars"); err == nil {
		t.Error("PresetByName(mars): no error")
	}
}

func TestFeeStrategy(t *testing.T) {
	for _, tc := range []struct {
		name                string
		f                   FeeStrategy
		base, suggested     int64
		wantTip, wantFeeCap int64
	}{
		{"default", FeeStrategy{}, 100, 7, 7, 207},
		{"tip raised to the floor", FeeStrategy{BaseFeeMultiplier: 2, MinTip: big.NewInt(50)}, 100, 7, 50, 250},
		{"tip capped (arbitrum: 0)", FeeStrategy{BaseFeeMultiplier: 2, MaxTip: new(big.Int)}, 100, 7, 0, 200},
		{"multiplier 3", FeeStrategy{BaseFeeMultiplier: 3}, 100, 1, 1, 301},
		{"no base fee", FeeStrategy{}, 0, 5, 5, 5},
	} {
		tip, feeCap := tc.f.fees(big.NewInt(tc.base), big.NewInt(tc.suggested))
		if tip.Int64() != tc.wantTip || feeCap.Int64() != tc.wantFeeCap {
			t.Errorf("%s: fees(base %d, tip %d) = %s, %s; want %d, %d", tc.name, tc.base, tc.suggested, tip, feeCap, tc.wantTip, tc.wantFeeCap)
		}
	}
}

type codeErr struct {
	code int
	msg  string
}

func (e codeErr) Error() string  { return e.msg }
func (e codeErr) ErrorCode() int { return e.code }

var _ rpc.Error = codeErr{}

func TestIsLogRangeError(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want bool
	}{
		{codeErr{-32005, "query returned more than 10000 results"}, true},
		{codeErr{-32005, "query timeout exceeded"}, true},
		{codeErr{-32602, "Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range"}, true},
		{errors.New("eth_getLogs is limited to a 5 range"), true},
		{errors.New("exceed maximum block range: 1000"), true},
		{errors.New("block range is too large"), true},
		{codeErr{-32005, "daily request count exceeded, request rate limited"}, false},
		{codeErr{3, "execution reverted"}, false},
		{errors.New("connection refused"), false},
		{nil, false},
	} {
		if got := IsLogRangeError(tc.err); got != tc.want {
			t.Errorf("IsLogRangeError(%v) = %v, want %v", tc.err, got, tc.want)
		}
	}
}
