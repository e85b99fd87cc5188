package chain_test

import (
	"fmt"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/mycroft-network/mycroft/chain"
)

func TestRegistryStakeUnbondWithdraw(t *testing.T) {
	e := newEnv(t, 2)
	node := e.cs[0]
	params, err := node.RegistryParams(e.ctx)
	mustOK(t, "params", err)
	if params.MinStake.Cmp(myc(100)) != 0 || params.UnbondingDelay != time.Hour {
		t.Fatalf("params = %+v, want the devnet defaults", params)
	}
	prices := chain.Prices{chain.ServiceSTT: big.NewInt(1000), chain.ServiceWeather: big.NewInt(250)}

	_, err = node.Register(e.ctx, "http://127.0.0.1:9000", prices, 1<<30, myc(50))
	wantRevert(t, "register under min stake", err, "Registry.StakeTooLow")
	_, err = node.Register(e.ctx, "http://127.0.0.1:9000", chain.Prices{"STT": big.NewInt(1)}, 0, myc(100))
	if err == nil {
		t.Error("register with an upper-case service name succeeded")
	}

	start := e.balance(e.addr(0))
	_, err = node.Register(e.ctx, "http://127.0.0.1:9000", prices, 1<<30, myc(150))
	mustOK(t, "register", err)
	_, err = node.Register(e.ctx, "http://127.0.0.1:9000", prices, 1<<30, myc(150))
	wantRevert(t, "register twice", err, "Registry.AlreadyRegistered")

	nodes, err := e.cs[1].ListNodes(e.ctx)
	mustOK(t, "list", err)
	if len(nodes) != 1 {
		t.Fatalf("ListNodes = %d nodes, want 1", len(nodes))
	}
	n := nodes[0]
	if n.Address != e.addr(0) || n.Endpoint != "http://127.0.0.1:9000" || n.Stake.Cmp(myc(150)) != 0 || n.Capacity != 1<<30 || !n.Registered {
		t.Errorf("listed node = %+v", n)
	}
	if len(n.Prices) != 2 || n.Prices["stt"].Cmp(big.NewInt(1000)) != 0 || n.Prices["weather"].Cmp(big.NewInt(250)) != 0 {
		t.Errorf("listed prices = %v, want %v", n.Prices, prices)
	}

	_, err = node.UpdateNode(e.ctx, "https://node.example:443", chain.Prices{chain.ServiceStorage: big.NewInt(7)}, 42)
	mustOK(t, "update", err)
	_, err = node.AddStake(e.ctx, myc(10))
	mustOK(t, "add stake", err)
	n, err = node.Node(e.ctx, e.addr(0))
	mustOK(t, "node", err)
	if n.Endpoint != "https://node.example:443" || n.Capacity != 42 || len(n.Prices) != 1 || n.Prices["storage"].Int64() != 7 || n.Stake.Cmp(myc(160)) != 0 {
		t.Errorf("node after update = %+v", n)
	}

	_, err = node.Unbond(e.ctx, myc(100))
	wantRevert(t, "unbond leaving less than min stake", err, "Registry.StakeTooLow")
	_, err = node.Unbond(e.ctx, myc(60))
	mustOK(t, "partial unbond", err)
	_, err = node.WithdrawStake(e.ctx)
	wantRevert(t, "withdraw before the delay", err, "Registry.TooEarly")
	_, err = node.Unbond(e.ctx, myc(100))
	mustOK(t, "unbond the rest", err)
	nodes, err = node.ListNodes(e.ctx)
	mustOK(t, "list", err)
	if len(nodes) != 0 {
		t.Errorf("ListNodes after full unbond = %+v, want none", nodes)
	}
	e.advance(59 * time.Minute)
	_, err = node.WithdrawStake(e.ctx)
	wantRevert(t, "withdraw one minute early", err, "Registry.TooEarly")
	e.advance(time.Minute)
	_, err = node.WithdrawStake(e.ctx)
	mustOK(t, "withdraw", err)
	if got := e.balance(e.addr(0)); got.Cmp(start) != 0 {
		t.Errorf("balance after withdraw %s, want the starting %s", got, start)
	}
	_, err = node.WithdrawStake(e.ctx)
	wantRevert(t, "second withdraw", err, "Registry.NothingUnbonding")
}

func TestListNodesPages(t *testing.T) {
	e := newEnv(t, 3)
	for i, c := range e.cs {
		_, err := c.Register(e.ctx, fmt.Sprintf("http://127.0.0.1:%d", 9000+i), chain.Prices{chain.ServiceSTT: big.NewInt(int64(i))}, 0, myc(100))
		mustOK(t, "register", err)
	}
	nodes, err := e.cs[0].ListNodes(e.ctx)
	mustOK(t, "list", err)
	seen := map[common.Address]bool{}
	for _, n := range nodes {
		seen[n.Address] = true
	}
	for i := range e.cs {
		if !seen[e.addr(i)] {
			t.Errorf("node %d missing from ListNodes", i)
		}
	}
}

// storageSetup registers node 0 and returns data, its tree and a commitment
// node 0 signed for owner 1.
func storageSetup(t *testing.T, e *env, leaves int) ([][]byte, *chain.MerkleTree, chain.StorageCommitment) {
	t.Helper()
	_, err := e.cs[0].Register(e.ctx, "http://127.0.0.1:9000", chain.Prices{chain.ServiceStorage: big.NewInt(1)}, 1<<20, myc(200))
	mustOK(t, "register", err)
	var chunks [][]byte
	for i := range leaves {
		chunks = append(chunks, []byte(fmt.Sprintf("encrypted chunk %d", i)))
	}
	tree, err := chain.NewMerkleTree(chunks)
	mustOK(t, "tree", err)
	now, err := e.cs[0].Now(e.ctx)
	mustOK(t, "now", err)
	sc := chain.StorageCommitment{Node: e.addr(0), Owner: e.addr(1), Root: tree.Root(), LeafCount: tree.LeafCount(), Expiry: now.Add(30 * 24 * time.Hour)}
	sc.Signature, err = chain.SignTypedDataWithKey(e.keys[0], e.cs[0].StorageTypedData(sc.Owner, sc.Root, sc.LeafCount, sc.Expiry))
	mustOK(t, "sign commitment", err)
	mustOK(t, "verify commitment", e.cs[1].VerifyStorageCommitment(sc))
	return chunks, tree, sc
}

func TestStorageChallengeAnswered(t *testing.T) {
	e := newEnv(t, 3)
	node, owner, stranger := e.cs[0], e.cs[1], e.cs[2]
	chunks, tree, sc := storageSetup(t, e, 5)

	forged := sc
	forged.Signature, _ = chain.SignTypedDataWithKey(e.keys[2], owner.StorageTypedData(sc.Owner, sc.Root, sc.LeafCount, sc.Expiry))
	_, _, err := owner.Challenge(e.ctx, forged, 0)
	wantRevert(t, "challenge with a forged commitment", err, "Registry.BadSignature")
	_, _, err = owner.Challenge(e.ctx, sc, 5)
	wantRevert(t, "challenge out of range", err, "Registry.BadChallenge")

	// The owner challenges without a bond.
	ownerBefore := e.balance(e.addr(1))
	id, _, err := owner.Challenge(e.ctx, sc, 3)
	mustOK(t, "challenge", err)
	if got := e.balance(e.addr(1)); got.Cmp(ownerBefore) != 0 {
		t.Errorf("owner paid %s for its challenge, want nothing", new(big.Int).Sub(ownerBefore, got))
	}
	_, _, err = stranger.Challenge(e.ctx, sc, 1)
	wantRevert(t, "second open challenge on the same root", err, "Registry.AlreadyChallenged")

	// The node finds the challenge by watching events.
	var seen chain.ChallengeState
	ctx, cancel := contextWithCancel(e)
	err = node.WatchChallenges(ctx, e.addr(0), 0, func(c chain.ChallengeState) error {
		seen = c
		cancel()
		return nil
	})
	if seen.ID == nil || seen.ID.Cmp(id) != 0 || seen.Index != 3 || seen.Root != sc.Root || seen.Status != chain.ChallengeOpen {
		t.Fatalf("watched challenge = %+v (err %v), want id %s index 3 open", seen, err, id)
	}

	proof, err := tree.Proof(3)
	mustOK(t, "proof", err)
	_, err = node.RespondChallenge(e.ctx, id, chunks[2], proof)
	wantRevert(t, "respond with the wrong chunk", err, "Registry.BadProof")
	_, err = node.RespondChallenge(e.ctx, id, chunks[3], proof)
	mustOK(t, "respond", err)
	st, err := owner.ChallengeState(e.ctx, id)
	mustOK(t, "challenge state", err)
	if st.Status != chain.ChallengeAnswered {
		t.Errorf("status %s, want answered", st.Status)
	}
	e.advance(time.Hour)
	_, err = owner.SlashUnanswered(e.ctx, id)
	wantRevert(t, "slash an answered challenge", err, "Registry.NotOpen")
	n, _ := owner.Node(e.ctx, e.addr(0))
	if n.Stake.Cmp(myc(200)) != 0 {
		t.Errorf("stake after an answered challenge %s, want 200 MYC", n.Stake)
	}

	// A stranger challenges with a bond, which goes to the node when it
	// answers.
	nodeBefore := e.balance(e.addr(0))
	id2, _, err := stranger.Challenge(e.ctx, sc, 0)
	mustOK(t, "bonded challenge", err)
	proof, _ = tree.Proof(0)
	_, err = node.RespondChallenge(e.ctx, id2, chunks[0], proof)
	mustOK(t, "respond", err)
	if got := new(big.Int).Sub(e.balance(e.addr(0)), nodeBefore); got.Cmp(myc(10)) != 0 {
		t.Errorf("node got %s from the bond, want 10 MYC", got)
	}
}

func TestStorageChallengeUnanswered(t *testing.T) {
	e := newEnv(t, 3)
	node, stranger := e.cs[0], e.cs[2]
	chunks, tree, sc := storageSetup(t, e, 4)
	treasuryBefore := e.balance(e.d.Manifest.Timelock)
	strangerBefore := e.balance(e.addr(2))

	id, _, err := stranger.Challenge(e.ctx, sc, 2)
	mustOK(t, "challenge", err)
	_, err = node.Unbond(e.ctx, myc(200))
	mustOK(t, "unbond while challenged", err)
	e.advance(time.Hour + time.Minute)
	_, err = node.WithdrawStake(e.ctx)
	wantRevert(t, "withdraw with an open challenge", err, "Registry.ChallengesOpen")
	proof, _ := tree.Proof(2)
	_, err = node.RespondChallenge(e.ctx, id, chunks[2], proof)
	wantRevert(t, "respond after the window", err, "Registry.WindowClosed")
	_, err = stranger.SlashUnanswered(e.ctx, id)
	mustOK(t, "slash unanswered", err)

	n, _ := node.Node(e.ctx, e.addr(0))
	if want := myc(150); n.Unbonding.Cmp(want) != 0 {
		t.Errorf("node unbonding after slash %s, want %s", n.Unbonding, want)
	}
	if got := new(big.Int).Sub(e.balance(e.addr(2)), strangerBefore); got.Cmp(myc(25)) != 0 {
		t.Errorf("challenger got %s, want 25 MYC (half the slash; bond returned)", got)
	}
	if got := new(big.Int).Sub(e.balance(e.d.Manifest.Timelock), treasuryBefore); got.Cmp(myc(25)) != 0 {
		t.Errorf("treasury got %s, want 25 MYC", got)
	}
	st, _ := node.ChallengeState(e.ctx, id)
	if st.Status != chain.ChallengeSlashed {
		t.Errorf("status %s, want slashed", st.Status)
	}
	_, err = node.WithdrawStake(e.ctx)
	mustOK(t, "withdraw after the challenge closed", err)
}
