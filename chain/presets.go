package chain

import (
	"fmt"
	"math/big"
	"sort"
	"strings"
	"time"
)

// FeeStrategy sets the EIP-1559 fees of the transactions a Client sends:
// maxPriorityFeePerGas is the node's suggestion (eth_maxPriorityFeePerGas)
// held between MinTip and MaxTip, and maxFeePerGas is BaseFeeMultiplier
// times the latest base fee plus that tip.
type FeeStrategy struct {
	// BaseFeeMultiplier covers base fee rises before inclusion (each full
	// block raises it by at most 1/8 on Ethereum); default 2.
	BaseFeeMultiplier int64
	// MinTip is the lowest tip in wei (nil: none).
	MinTip *big.Int
	// MaxTip caps the tip in wei (nil: no cap).
	MaxTip *big.Int
	// L1DataFee: the chain (an OP stack rollup) charges a separate L1 data
	// fee on top of gas times maxFeePerGas, so a balance check must leave
	// room for it.
	L1DataFee bool
}

// fees returns the tip and the fee cap for the latest base fee and the
// node's suggested tip.
func (f FeeStrategy) fees(baseFee, suggestedTip *big.Int) (tip, feeCap *big.Int) {
	tip = new(big.Int).Set(nonNil(suggestedTip))
	if f.MinTip != nil && tip.Cmp(f.MinTip) < 0 {
		tip.Set(f.MinTip)
	}
	if f.MaxTip != nil && tip.Cmp(f.MaxTip) > 0 {
		tip.Set(f.MaxTip)
	}
	mult := f.BaseFeeMultiplier
	if mult <= 0 {
		mult = 2
	}
	feeCap = new(big.Int).Mul(nonNil(baseFee), big.NewInt(mult))
	return tip, feeCap.Add(feeCap, tip)
}

// Preset is what the Client and the deploy tool need to know of a chain.
type Preset struct {
	Name    string
	ChainID uint64
	// BlockTime is the chain's block interval.
	BlockTime time.Duration
	// Confirmations is how many blocks must follow an event's block before
	// the device acts on it (see docs/chains.md for each choice).
	Confirmations uint64
	// LogRange is the widest eth_getLogs block range asked for; the
	// scanner halves it when an endpoint refuses a range.
	LogRange uint64
	// Fees of the transactions sent.
	Fees FeeStrategy
}

func gwei(n float64) *big.Int {
	v, _ := new(big.Float).Mul(big.NewFloat(n), big.NewFloat(1e9)).Int(nil)
	return v
}

// Presets are the chains the project documents, by name.
var presets = map[string]Preset{
	// Finality is two epochs (64 slots, ~12.8 min); public endpoints allow
	// 1,000 to 2,000 blocks per eth_getLogs.
	"ethereum": {Name: "ethereum", ChainID: 1, BlockTime: 12 * time.Second, Confirmations: 64, LogRange: 1000,
		Fees: FeeStrategy{BaseFeeMultiplier: 2, MinTip: gwei(0.01)}},
	"sepolia": {Name: "sepolia", ChainID: 11155111, BlockTime: 12 * time.Second, Confirmations: 64, LogRange: 1000,
		Fees: FeeStrategy{BaseFeeMultiplier: 2, MinTip: gwei(0.01)}},
	// OP stack: 2 s blocks; the sequencer's blocks have reorged once ever;
	// L1 finality of a batch takes ~20 min (600 blocks). 12 blocks is what
	// x402 settles on.
	"base": {Name: "base", ChainID: 8453, BlockTime: 2 * time.Second, Confirmations: 12, LogRange: 2000,
		Fees: FeeStrategy{BaseFeeMultiplier: 2, MinTip: big.NewInt(1000), L1DataFee: true}},
	"optimism": {Name: "optimism", ChainID: 10, BlockTime: 2 * time.Second, Confirmations: 12, LogRange: 2000,
		Fees: FeeStrategy{BaseFeeMultiplier: 2, MinTip: big.NewInt(1000), L1DataFee: true}},
	// ~250 ms blocks; the priority fee is ignored (0); gas estimates
	// already include the L1 component.
	"arbitrum": {Name: "arbitrum", ChainID: 42161, BlockTime: 250 * time.Millisecond, Confirmations: 40, LogRange: 10000,
		Fees: FeeStrategy{BaseFeeMultiplier: 2, MaxTip: new(big.Int)}},
	// 5 s slots, finality after two 16-slot epochs (~2.7 min = 32 blocks).
	"gnosis": {Name: "gnosis", ChainID: 100, BlockTime: 5 * time.Second, Confirmations: 32, LogRange: 1000,
		Fees: FeeStrategy{BaseFeeMultiplier: 2, MinTip: gwei(0.001)}},
	// go-ethereum's developer chain (geth --dev, the devnet): no reorgs.
	"dev": {Name: "dev", ChainID: 1337, BlockTime: time.Second, Confirmations: 0, LogRange: 2000,
		Fees: FeeStrategy{BaseFeeMultiplier: 2}},
}

// PresetNames lists the preset names, sorted.
func PresetNames() []string {
	out := make([]string, 0, len(presets))
	for n := range presets {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// PresetByName returns the preset called name (case-insensitive).
func PresetByName(name string) (Preset, error) {
	p, ok := presets[strings.ToLower(strings.TrimSpace(name))]
	if !ok {
		return Preset{}, fmt.Errorf("chain: no preset %q (known: %s)", name, strings.Join(PresetNames(), ", "))
	}
	return p, nil
}

// PresetByChainID returns the preset of chain id, if there is one.
func PresetByChainID(id uint64) (Preset, bool) {
	for _, p := range presets {
		if p.ChainID == id {
			return p, true
		}
	}
	return Preset{}, false
}

// WithFees sets the fee strategy (default: twice the base fee plus the
// node's suggested tip).
func WithFees(f FeeStrategy) Option { return func(c *Client) { c.fees = f } }

// WithLogRange sets the widest eth_getLogs block range (default 2000).
func WithLogRange(blocks uint64) Option {
	return func(c *Client) {
		if blocks > 0 {
			c.logRange = blocks
		}
	}
}

// WithConfirmations sets how many blocks must follow a log's block before
// the scans of this client report it (default 0).
func WithConfirmations(n uint64) Option { return func(c *Client) { c.confirmations = n } }

// WithPreset applies a preset's fees, log range and confirmations.
func WithPreset(p Preset) Option {
	return func(c *Client) {
		WithFees(p.Fees)(c)
		WithLogRange(p.LogRange)(c)
		WithConfirmations(p.Confirmations)(c)
	}
}
