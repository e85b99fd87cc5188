package chain_test

import (
	"crypto/rand"
	"fmt"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/params"

	"github.com/mycroft-network/mycroft/chain"
)

// gasRow is one measured transaction.
type gasRow struct {
	op  string
	gas uint64
}

// gasTable collects receipt.GasUsed per operation and checks sane bounds:
// more than a plain transfer (21,000), less than 1,000,000.
type gasTable struct {
	t    *testing.T
	max  uint64
	rows []gasRow
}

func (g *gasTable) add(op string, r *types.Receipt, err error) uint64 {
	g.t.Helper()
	if err != nil {
		g.t.Fatalf("%s: %v", op, err)
	}
	if r == nil || r.Status != types.ReceiptStatusSuccessful {
		g.t.Fatalf("%s: no successful receipt (%+v)", op, r)
	}
	if r.GasUsed <= 21_000 || r.GasUsed >= g.max {
		g.t.Errorf("%s: gas used %d, want within (21000, %d)", op, r.GasUsed, g.max)
	}
	g.rows = append(g.rows, gasRow{op, r.GasUsed})
	return r.GasUsed
}

func (g *gasTable) String() string {
	var b strings.Builder
	b.WriteString("\n| operation | gas used |\n| --- | ---: |\n")
	for _, r := range g.rows {
		fmt.Fprintf(&b, "| %s | %d |\n", r.op, r.gas)
	}
	return b.String()
}

// TestGasUsed performs every user-facing contract operation once on the
// devnet and records its gas (the table is printed with -v; the figures go
// to docs/contracts.md "Gas"). It asserts only what can really go wrong:
// each call costs more than a transfer and less than a bound, and a redeem
// costs the same whether one voucher or a thousand were signed before it
// (vouchers are cumulative: only the last one reaches the chain).
//
// It runs twice. "osaka" starts the devnet with go-ethereum's dev chain
// rules minus the unscheduled Bogota fork, i.e. the Osaka rules a public
// chain runs today: these are the figures to plan fees with, bounded by
// 1M gas. "devrules" keeps the dev chain rules unchanged: Bogota turns on
// the draft state-gas repricing (EIP-8037/8038), which makes every new
// storage slot several times dearer; bounded by 3M gas.
func TestGasUsed(t *testing.T) {
	// The swap of go-ethereum's global dev config is safe only because no
	// test in this package runs in parallel with this one (no t.Parallel).
	t.Run("osaka", func(t *testing.T) {
		dev := params.AllDevChainProtocolChanges
		osaka := *dev
		osaka.BogotaTime = nil
		osaka.AmsterdamTime = nil
		params.AllDevChainProtocolChanges = &osaka
		defer func() { params.AllDevChainProtocolChanges = dev }()
		measureGas(t, 1_000_000)
	})
	t.Run("devrules", func(t *testing.T) { measureGas(t, 3_000_000) })
}

func measureGas(t *testing.T, maxGas uint64) {
	e := newEnv(t, 4)
	payer, payee, owner, voter := e.cs[0], e.cs[1], e.cs[2], e.cs[3]
	g := &gasTable{t: t, max: maxGas}
	price := new(big.Int).Div(myc(1), big.NewInt(1000)) // 0.001 MYC per call

	// ---- Channels ----
	_, err := payer.ApproveToken(e.ctx, e.d.Manifest.Channels, myc(1000))
	mustOK(t, "approve", err)
	idA, r, err := payer.OpenChannel(e.ctx, e.addr(1), myc(10), time.Minute)
	g.add("Channels.open", r, err)
	idB, _, err := payer.OpenChannel(e.ctx, e.addr(1), myc(10), time.Minute)
	mustOK(t, "open second channel", err)
	r, err = payer.TopUpChannel(e.ctx, idA, myc(5))
	g.add("Channels.topUp", r, err)
	// One transaction with the permit (no approve), by the payer and by a
	// relayer paid a fee.
	_, r, err = payer.OpenChannelWithPermit(e.ctx, chain.NewKeySigner(e.keys[0]), e.addr(2), myc(10), time.Minute)
	g.add("Channels.openWithPermit", r, err)
	so, err := owner.SignOpen(e.ctx, chain.NewKeySigner(e.keys[2]), chain.OpenRequest{Payer: e.addr(2), Payee: e.addr(1), Amount: myc(10),
		CloseDelay: 60, Relayer: e.addr(3), Fee: myc(1)})
	mustOK(t, "sign open", err)
	_, r, err = voter.SubmitOpen(e.ctx, so)
	g.add("Channels.openWithPermit relayed", r, err)

	// Channel A: one voucher, redeemed. Channel B: a thousand vouchers,
	// only the last one redeemed. Both are first redemptions.
	voucher := func(id common.Hash, calls int64) (*big.Int, []byte) {
		t.Helper()
		var sig []byte
		var cum *big.Int
		for i := int64(1); i <= calls; i++ {
			cum = new(big.Int).Mul(price, big.NewInt(i))
			sig, err = chain.SignTypedDataWithKey(e.keys[0], payer.VoucherTypedData(id, cum))
			mustOK(t, "sign voucher", err)
		}
		return cum, sig
	}
	cum, sig := voucher(idA, 1)
	r, err = payee.RedeemChannel(e.ctx, idA, cum, sig)
	redeemOne := g.add("Channels.redeem (first, after 1 voucher)", r, err)
	cum, sig = voucher(idB, 1000)
	r, err = payee.RedeemChannel(e.ctx, idB, cum, sig)
	redeemMany := g.add("Channels.redeem (first, after 1,000 vouchers)", r, err)
	// Calldata differs by a few bytes (the cumulative, zero bytes of the
	// signature): 16 − 4 gas per byte. Anything more would mean the cost
	// grows with the number of payments.
	if d := int64(redeemMany) - int64(redeemOne); d < -300 || d > 300 {
		t.Errorf("redeem after 1,000 vouchers costs %d gas, after 1 voucher %d: want equal within 300", redeemMany, redeemOne)
	}
	cum = new(big.Int).Mul(price, big.NewInt(2000))
	sig, err = chain.SignTypedDataWithKey(e.keys[0], payer.VoucherTypedData(idB, cum))
	mustOK(t, "sign voucher", err)
	r, err = payee.RedeemChannel(e.ctx, idB, cum, sig)
	g.add("Channels.redeem (later, same channel)", r, err)

	r, err = payer.StartCloseChannel(e.ctx, idA)
	g.add("Channels.startClose", r, err)
	e.advance(2 * time.Minute)
	r, err = payer.WithdrawChannel(e.ctx, idA)
	g.add("Channels.withdraw", r, err)

	// ---- Registry ----
	_, err = payee.ApproveToken(e.ctx, e.d.Manifest.Registry, myc(1000))
	mustOK(t, "approve registry", err)
	r, err = payee.Register(e.ctx, "https://node1.example:8443", chain.Prices{
		chain.ServiceSTT: price, chain.ServiceWeather: price, chain.ServiceKnowledge: price, chain.ServiceStorage: price,
	}, 1<<30, myc(200))
	g.add("Registry.register (stake 200 MYC, 4 services)", r, err)
	r, err = payee.AddStake(e.ctx, myc(50))
	g.add("Registry.addStake", r, err)

	// Storage challenges by the data owner (no bond) and answers, at two
	// tree depths and two chunk sizes; encrypted chunks are random bytes.
	now, err := owner.Now(e.ctx)
	mustOK(t, "now", err)
	for _, c := range []struct {
		chunk, leaves int
	}{{4 << 10, 4}, {4 << 10, 256}, {16 << 10, 4}, {16 << 10, 64}} {
		chunks := make([][]byte, c.leaves)
		for i := range chunks {
			chunks[i] = make([]byte, c.chunk)
			_, _ = rand.Read(chunks[i])
		}
		tree, err := chain.NewMerkleTree(chunks)
		mustOK(t, "tree", err)
		sc := chain.StorageCommitment{Node: e.addr(1), Owner: e.addr(2), Root: tree.Root(), LeafCount: tree.LeafCount(), Expiry: now.Add(24 * time.Hour)}
		sc.Signature, err = chain.SignTypedDataWithKey(e.keys[1], payee.StorageTypedData(sc.Owner, sc.Root, sc.LeafCount, sc.Expiry))
		mustOK(t, "sign commitment", err)
		index := uint64(c.leaves - 2)
		id, r, err := owner.Challenge(e.ctx, sc, index)
		g.add(fmt.Sprintf("Registry.challenge (owner, %d leaves)", c.leaves), r, err)
		proof, err := tree.Proof(index)
		mustOK(t, "proof", err)
		r, err = payee.RespondChallenge(e.ctx, id, chunks[index], proof)
		g.add(fmt.Sprintf("Registry.respond (%d KiB chunk, %d-hash proof)", c.chunk>>10, len(proof)), r, err)
	}

	// ---- Governor ----
	r, err = voter.Delegate(e.ctx, e.addr(3))
	g.add("Token.delegate (self, once)", r, err)
	e.advance(time.Second)
	to, data, err := owner.RewardAction(e.addr(2), myc(1), chain.RewardDeveloper, "gas measurement")
	mustOK(t, "reward action", err)
	pid, r, err := owner.Propose(e.ctx, []common.Address{to}, nil, [][]byte{data}, "measure gas")
	g.add("Governor.propose (one action)", r, err)
	e.advance(2 * time.Second)
	td, err := owner.BallotTypedData(e.ctx, pid, chain.VoteFor, e.addr(3))
	mustOK(t, "ballot", err)
	sig, err = chain.SignTypedDataWithKey(e.keys[3], td)
	mustOK(t, "sign ballot", err)
	r, err = owner.CastVoteBySig(e.ctx, pid, chain.VoteFor, e.addr(3), sig)
	g.add("Governor.castVoteBySig (relayed)", r, err)
	// A device's self-delegation by signature, submitted by someone else
	// (or by the device, for the same gas).
	now, err = owner.Now(e.ctx)
	mustOK(t, "now", err)
	dtd, err := voter.DelegationTypedData(e.ctx, e.addr(2), e.addr(2), big.NewInt(now.Add(time.Hour).Unix()))
	mustOK(t, "delegation", err)
	sig, err = chain.SignTypedDataWithKey(e.keys[2], dtd)
	mustOK(t, "sign delegation", err)
	r, err = voter.DelegateBySig(e.ctx, chain.SignedDelegation{Delegatee: e.addr(2), Nonce: new(big.Int), Expiry: big.NewInt(now.Add(time.Hour).Unix()), Signature: sig})
	g.add("Token.delegateBySig (self, once, relayed)", r, err)

	t.Log(g)
}
