package relay_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/chain/devnet"
	"github.com/mycroft-network/mycroft/miner/relay"
)

func myc(n int64) *big.Int { return devnet.Units(n, devnet.MYC) }

func must(t *testing.T, what string, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// rig is a devnet, a relayer with gas and a device with MYC and none.
type rig struct {
	ctx     context.Context
	d       *devnet.Devnet
	relayer *chain.Client
	dev     *chain.KeySigner
	devC    *chain.Client
	r       *relay.Relayer
	srv     *httptest.Server
}

func newRig(t *testing.T, cfg relay.Config) *rig {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	rk, _ := crypto.GenerateKey()
	dk, _ := crypto.GenerateKey()
	d, err := devnet.Start(ctx, devnet.Config{Accounts: []common.Address{crypto.PubkeyToAddress(rk.PublicKey)}, BlockPeriod: -1})
	must(t, "devnet", err)
	t.Cleanup(func() { d.Close() })
	client := func(k *ecdsa.PrivateKey) *chain.Client {
		c, err := d.Client(ctx, chain.NewKeySigner(k))
		must(t, "client", err)
		t.Cleanup(func() { c.Close() })
		return c
	}
	g := &rig{ctx: ctx, d: d, relayer: client(rk), dev: chain.NewKeySigner(dk), devC: client(dk)}
	must(t, "fund device", d.Fund(ctx, g.dev.Address(), new(big.Int), myc(50)))
	cfg.Chain = g.relayer
	g.r, err = relay.New(cfg)
	must(t, "relay.New", err)
	g.srv = httptest.NewServer(g.r.Handler())
	t.Cleanup(g.srv.Close)
	return g
}

func (g *rig) post(t *testing.T, path string, v any) (int, map[string]any) {
	t.Helper()
	body, _ := json.Marshal(v)
	resp, err := http.Post(g.srv.URL+path, "application/json", bytes.NewReader(body))
	must(t, "post", err)
	defer resp.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&out)
	return resp.StatusCode, out
}

func (g *rig) balance(t *testing.T, a common.Address) *big.Int {
	t.Helper()
	b, err := g.relayer.TokenBalance(g.ctx, a)
	must(t, "balance", err)
	return b
}

// The relayer opens a device's channel to itself for its fee, and refuses
// opens below its fee, to other payees, or naming another relayer.
func TestRelayOpen(t *testing.T) {
	g := newRig(t, relay.Config{OpenFee: myc(1)})
	me := g.relayer.Address()
	deadline := time.Now().Add(time.Hour).Unix()
	sign := func(payee, relayer common.Address, fee *big.Int) chain.SignedOpen {
		so, err := g.devC.SignOpen(g.ctx, g.dev, chain.OpenRequest{
			Payer: g.dev.Address(), Payee: payee, Amount: myc(10), CloseDelay: 86400,
			Relayer: relayer, Fee: fee, Deadline: deadline,
		})
		must(t, "sign open", err)
		return so
	}
	other := common.HexToAddress("0x0000000000000000000000000000000000000abc")
	for _, tc := range []struct {
		name string
		so   chain.SignedOpen
		want int
	}{
		{"fee below the relayer's", sign(me, me, myc(0)), http.StatusForbidden},
		{"channel to another payee", sign(other, me, myc(1)), http.StatusForbidden},
		{"names another relayer", sign(me, other, myc(1)), http.StatusForbidden},
	} {
		if code, out := g.post(t, "/v1/relay/open", tc.so); code != tc.want {
			t.Errorf("%s: status %d (%v), want %d", tc.name, code, out, tc.want)
		}
	}
	if code, out := g.post(t, "/v1/relay/open", map[string]any{"request": 1}); code != http.StatusBadRequest {
		t.Errorf("malformed open: status %d (%v), want 400", code, out)
	}

	before := g.balance(t, me)
	code, out := g.post(t, "/v1/relay/open", sign(me, me, myc(1)))
	if code != http.StatusOK {
		t.Fatalf("relayed open: status %d (%v)", code, out)
	}
	id := common.HexToHash(out["channel"].(string))
	st, err := g.relayer.Channel(g.ctx, id)
	must(t, "channel", err)
	if st.Payer != g.dev.Address() || st.Payee != me || st.Deposit.Cmp(myc(10)) != 0 {
		t.Errorf("channel %+v, want device → relayer, 10 MYC", st)
	}
	// The relayer earned the fee (its gas is native coin, not MYC).
	if got := new(big.Int).Sub(g.balance(t, me), before); got.Cmp(myc(1)) != 0 {
		t.Errorf("relayer earned %s MYC, want 1", got)
	}
}

// A grant claim relayed for the owner pays the relayer the Grants' relay
// fee; a relayer asking more than the Grants pay refuses.
func TestRelayClaim(t *testing.T) {
	g := newRig(t, relay.Config{})
	now, err := g.relayer.Now(g.ctx)
	must(t, "now", err)
	device := common.HexToHash("0xd0")
	expiry := now.Add(time.Hour)
	regSig, err := chain.SignTypedDataWithKey(devnet.DevKey(), g.relayer.SignUpTypedData(g.dev.Address(), device, expiry))
	must(t, "registrar", err)
	ownerSig, err := g.dev.SignTypedData(g.relayer.ClaimRelayTypedData(g.dev.Address(), device, g.relayer.Address()))
	must(t, "owner", err)
	claim := chain.RelayedClaim{Claim: chain.SignUpClaim{ChainID: g.relayer.ChainID().Uint64(), Grants: g.d.Manifest.Grants, Owner: g.dev.Address(), Device: device, Expiry: expiry.Unix(), Signature: regSig}, OwnerSignature: ownerSig}

	greedy, err := relay.New(relay.Config{Chain: g.relayer, ClaimFee: myc(5)})
	must(t, "relay.New", err)
	if _, err := greedy.Claim(g.ctx, claim); !errors.Is(err, relay.ErrRefused) {
		t.Errorf("claim below the relayer's fee: %v, want ErrRefused", err)
	}
	before := g.balance(t, g.relayer.Address())
	code, out := g.post(t, "/v1/relay/claim", claim)
	if code != http.StatusOK {
		t.Fatalf("relayed claim: status %d (%v)", code, out)
	}
	if got := new(big.Int).Sub(g.balance(t, g.relayer.Address()), before); got.Cmp(g.d.Params.GrantRelayFee) != 0 {
		t.Errorf("relayer earned %s, want the relay fee %s", got, g.d.Params.GrantRelayFee)
	}
	// The same claim again reverts on chain: 422, and nothing is spent.
	if code, out := g.post(t, "/v1/relay/claim", claim); code != http.StatusUnprocessableEntity {
		t.Errorf("claim twice: status %d (%v), want 422", code, out)
	}
}

// The paid "relay" service submits a delegation and a ballot the device
// signed; the ballot then counts with the device's votes.
func TestRelayBallotAndDelegation(t *testing.T) {
	g := newRig(t, relay.Config{})
	holder := g.dev.Address()
	expiry := big.NewInt(time.Now().Add(time.Hour).Unix())
	td, err := g.devC.DelegationTypedData(g.ctx, holder, holder, expiry)
	must(t, "delegation typed data", err)
	sig, err := g.dev.SignTypedData(td)
	must(t, "sign delegation", err)
	nonce, err := g.devC.TokenNonce(g.ctx, holder)
	must(t, "nonce", err)
	call := func(a chain.RelayAction) ([]byte, error) {
		body, _ := json.Marshal(a)
		return g.r.Call(g.ctx, nil, bytes.NewReader(body))
	}
	if _, err := call(chain.RelayAction{Kind: "transfer", Signature: sig}); !errors.Is(err, relay.ErrBadRequest) {
		t.Errorf("unknown kind: %v, want ErrBadRequest", err)
	}
	if _, err := g.r.Call(g.ctx, nil, strings.NewReader(`{"kind":"ballot","extra":1}`)); !errors.Is(err, relay.ErrBadRequest) {
		t.Errorf("unknown field: %v, want ErrBadRequest", err)
	}
	out, err := call(chain.RelayAction{Kind: "delegation", Delegatee: holder, Nonce: (*hexutil.Big)(nonce), Expiry: (*hexutil.Big)(expiry), Signature: sig})
	must(t, "relay delegation", err)
	var res chain.RelayResult
	must(t, "result", json.Unmarshal(out, &res))
	if to, _ := g.devC.Delegates(g.ctx, holder); to != holder || res.Tx == (common.Hash{}) {
		t.Fatalf("delegates = %s (tx %s), want the device itself", to.Hex(), res.Tx.Hex())
	}
	must(t, "advance", g.d.AdvanceTime(g.ctx, 2*time.Second))

	target, data, err := g.relayer.RewardAction(holder, myc(1), chain.RewardOther, "test")
	must(t, "action", err)
	id, _, err := g.relayer.Propose(g.ctx, []common.Address{target}, nil, [][]byte{data}, "relay test")
	must(t, "propose", err)
	must(t, "advance", g.d.AdvanceTime(g.ctx, 2*time.Second))
	btd, err := g.devC.BallotTypedData(g.ctx, id, chain.VoteFor, holder)
	must(t, "ballot typed data", err)
	bsig, err := g.dev.SignTypedData(btd)
	must(t, "sign ballot", err)
	_, err = call(chain.RelayAction{Kind: "ballot", Proposal: (*hexutil.Big)(id), Support: chain.VoteFor, Voter: holder, Signature: bsig})
	must(t, "relay ballot", err)
	_, forVotes, _, err := g.relayer.ProposalVotes(g.ctx, id)
	must(t, "votes", err)
	if forVotes.Cmp(myc(50)) != 0 {
		t.Errorf("for votes %s, want the device's 50 MYC", forVotes)
	}
}
