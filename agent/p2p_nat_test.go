package agent

import (
	"context"
	"crypto/rand"
	"errors"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	lcrypto "github.com/libp2p/go-libp2p/core/crypto"
	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/p2p"
)

// The relay service reserves only for staked nodes: answers come from the
// Registry, are cached for stakedTTL, and a failed read is not cached.
func TestStakedRelay(t *testing.T) {
	keyOf := func() (peer.ID, common.Address) {
		k, err := crypto.GenerateKey()
		if err != nil {
			t.Fatal(err)
		}
		id, err := p2p.PeerIDOf(crypto.FromECDSA(k))
		if err != nil {
			t.Fatal(err)
		}
		return id, crypto.PubkeyToAddress(k.PublicKey)
	}
	staked, stakedAddr := keyOf()
	unstaked, unstakedAddr := keyOf()
	stranger, _ := keyOf()
	now := time.Unix(1_700_000_000, 0)
	lookups := map[common.Address]int{}
	down := false
	s := &stakedRelay{now: func() time.Time { return now },
		lookup: func(_ context.Context, a common.Address) (chain.NodeInfo, error) {
			lookups[a]++
			if down {
				return chain.NodeInfo{}, errors.New("connection refused")
			}
			switch a {
			case stakedAddr:
				return chain.NodeInfo{Address: a, Registered: true, Stake: big.NewInt(100)}, nil
			case unstakedAddr:
				return chain.NodeInfo{Address: a, Registered: true, Stake: new(big.Int)}, nil
			}
			return chain.NodeInfo{Address: a, Stake: new(big.Int)}, nil
		}}
	if !s.allow(staked) || s.allow(unstaked) || s.allow(stranger) {
		t.Fatalf("staked %v, unstaked %v, unregistered %v; want only the staked node", s.allow(staked), s.allow(unstaked), s.allow(stranger))
	}
	if lookups[stakedAddr] != 1 {
		t.Errorf("the staked node was looked up %d times, want once (cached)", lookups[stakedAddr])
	}
	_, edPub, err := lcrypto.GenerateEd25519Key(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	ed, err := peer.IDFromPublicKey(edPub)
	if err != nil {
		t.Fatal(err)
	}
	if s.allow(ed) {
		t.Errorf("an Ed25519 peer (not a node) may reserve")
	}
	// The chain down: cached answers hold until they expire; then no one
	// may reserve, and a failed read is asked again next time.
	down = true
	if !s.allow(staked) {
		t.Errorf("staked node refused within the cache's lifetime while the chain is down")
	}
	now = now.Add(stakedTTL)
	for range 2 {
		if s.allow(staked) {
			t.Errorf("staked node allowed on an expired answer while the chain is down")
		}
	}
	if lookups[stakedAddr] != 3 {
		t.Errorf("lookups of the staked node %d, want 3 (a failed read is not cached)", lookups[stakedAddr])
	}
	down = false
	if !s.allow(staked) {
		t.Errorf("staked node refused once the chain is back")
	}
}

func TestRelayedEndpoint(t *testing.T) {
	k, _ := crypto.GenerateKey()
	id, _ := p2p.PeerIDOf(crypto.FromECDSA(k))
	relay := "/ip4/198.51.100.7/udp/4001/quic-v1/p2p/16Uiu2HAkzh4QdxB7ijzVnwd6JFNNe4bcr1JBwYUypXe3pX5BRpqK"
	e, err := relayedEndpoint(relay, id)
	want := "/ip4/198.51.100.7/udp/4001/quic-v1/p2p/16Uiu2HAkzh4QdxB7ijzVnwd6JFNNe4bcr1JBwYUypXe3pX5BRpqK/p2p-circuit/p2p/" + id.String()
	if err != nil || e != want {
		t.Fatalf("relayed endpoint %q, %v; want %q", e, err, want)
	}
	if pe, err := p2p.ParseEndpoint(e); err != nil || pe.Peer.ID != id {
		t.Errorf("ParseEndpoint(%q) = %+v, %v", e, pe, err)
	}
	if _, err := relayedEndpoint("/ip4/198.51.100.7/tcp/4001", id); err == nil || !strings.Contains(err.Error(), "p2p.relays") {
		t.Errorf("a relay without its peer id: %v", err)
	}
}
