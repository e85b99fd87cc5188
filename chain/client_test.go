package chain_test

import (
	"errors"
	"math/big"
	"sync"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/mycroft-network/mycroft/chain"
)

func TestConcurrentSendsShareOneNonce(t *testing.T) {
	e := newEnv(t, 1)
	c := e.cs[0]
	const n = 16
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = c.TransferToken(e.ctx, common.BigToAddress(big.NewInt(int64(1000+i))), big.NewInt(int64(i+1)))
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("transfer %d: %v", i, err)
		}
	}
	for i := range n {
		if got := e.balance(common.BigToAddress(big.NewInt(int64(1000 + i)))); got.Int64() != int64(i+1) {
			t.Errorf("receiver %d got %s, want %d", i, got, i+1)
		}
	}

	// Another client with the same key uses a nonce behind c's back; c
	// resyncs on the nonce error and still sends.
	other, err := e.d.Client(e.ctx, chain.NewKeySigner(e.keys[0]))
	mustOK(t, "second client", err)
	defer other.Close()
	_, err = other.TransferToken(e.ctx, common.Address{0x99}, big.NewInt(1))
	mustOK(t, "out-of-band transfer", err)
	_, err = c.TransferToken(e.ctx, common.Address{0x98}, big.NewInt(2))
	mustOK(t, "transfer after the nonce moved", err)
	if got := e.balance(common.Address{0x98}); got.Int64() != 2 {
		t.Errorf("balance after resync %s, want 2", got)
	}
}

func TestDialChecksChainID(t *testing.T) {
	e := newEnv(t, 0)
	m := e.d.Manifest
	m.ChainID = 1
	_, err := chain.Dial(e.ctx, e.d.URL, m)
	if !errors.Is(err, chain.ErrChainID) {
		t.Errorf("Dial with chain id 1 on the devnet: %v, want ErrChainID", err)
	}
	ro, err := chain.Dial(e.ctx, e.d.URL, e.d.Manifest)
	mustOK(t, "dial", err)
	defer ro.Close()
	if _, err := ro.TransferToken(e.ctx, common.Address{1}, big.NewInt(1)); !errors.Is(err, chain.ErrNoSigner) {
		t.Errorf("transfer from a read-only client: %v, want ErrNoSigner", err)
	}
}
