package agent

import (
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/mycroft-network/mycroft/chain"
)

func TestChainOptions(t *testing.T) {
	m := chain.Manifest{ChainID: 8453, Token: common.Address{1}, Channels: common.Address{2}, Registry: common.Address{3},
		Governor: common.Address{4}, Timelock: common.Address{5}, Grants: common.Address{6}}
	for _, tc := range []struct {
		name    string
		cfg     ChainConfig
		chainID uint64
		wantErr string
		want    int // options returned
	}{
		{name: "preset from the manifest's chain", cfg: ChainConfig{Confirmations: -1}, chainID: 8453, want: 1},
		{name: "named preset", cfg: ChainConfig{Preset: "base", Confirmations: -1}, chainID: 8453, want: 1},
		{name: "overrides", cfg: ChainConfig{Confirmations: 3, LogRange: 10}, chainID: 8453, want: 3},
		{name: "no preset for the chain", cfg: ChainConfig{Confirmations: -1}, chainID: 31337, want: 0},
		{name: "preset of another chain", cfg: ChainConfig{Preset: "gnosis", Confirmations: -1}, chainID: 8453, wantErr: "chain.preset gnosis is chain 100"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mm := m
			mm.ChainID = tc.chainID
			opts, err := chainOptions(tc.cfg, mm)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("chainOptions(%+v) = %v, want an error with %q", tc.cfg, err, tc.wantErr)
				}
				return
			}
			if err != nil || len(opts) != tc.want {
				t.Fatalf("chainOptions(%+v) = %d options, %v; want %d", tc.cfg, len(opts), err, tc.want)
			}
		})
	}
}
