package chain_test

import (
	"bytes"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/chain/bindings"
	"github.com/mycroft-network/mycroft/chain/devnet"
)

// sigMutation is one signature derived from a valid one.
type sigMutation struct {
	name string
	sig  []byte
}

var (
	curveN = crypto.S256().Params().N
	curveP = crypto.S256().Params().P
)

func word32(v *big.Int) []byte {
	b := new(big.Int).Mod(v, new(big.Int).Lsh(big.NewInt(1), 256)).FillBytes(make([]byte, 32))
	return b
}

func rsv(r, s []byte, v byte) []byte {
	return append(append(append(make([]byte, 0, 65), r...), s...), v)
}

// structuredMutations are the edge cases of the rule: every v the
// precompile could see, high s, r and s at and past their bounds, the
// EIP-2098 compact form and other lengths.
func structuredMutations(good []byte) []sigMutation {
	r, s, v := good[:32], good[32:64], good[64]
	sInt := new(big.Int).SetBytes(s)
	half := new(big.Int).Rsh(curveN, 1)
	one := big.NewInt(1)
	high := word32(new(big.Int).Sub(curveN, sInt))
	var out []sigMutation
	for _, w := range []byte{0, 1, 2, 3, 26, 27, 28, 29, 30, 31, 35, 36, 37, 38, 127, 255} {
		out = append(out, sigMutation{fmt.Sprintf("v %d", w), rsv(r, s, w)})
	}
	vs := new(big.Int).SetBytes(s)
	if v == 28 {
		vs.SetBit(vs, 255, 1)
	}
	out = append(out,
		sigMutation{"valid", bytes.Clone(good)},
		sigMutation{"high s, flipped v", rsv(r, high, 55-v)},
		sigMutation{"high s, same v", rsv(r, high, v)},
		sigMutation{"high s, flipped v as 0/1", rsv(r, high, 55-v-27)},
		sigMutation{"s = n/2 + 1", rsv(r, word32(new(big.Int).Add(half, one)), v)},
		sigMutation{"s = n/2", rsv(r, word32(half), v)},
		sigMutation{"r zero", rsv(make([]byte, 32), s, v)},
		sigMutation{"s zero", rsv(r, make([]byte, 32), v)},
		sigMutation{"r and s zero", rsv(make([]byte, 32), make([]byte, 32), v)},
		sigMutation{"r = n", rsv(word32(curveN), s, v)},
		sigMutation{"r = r + n", rsv(word32(new(big.Int).Add(curveN, new(big.Int).SetBytes(r))), s, v)},
		sigMutation{"r = p", rsv(word32(curveP), s, v)},
		sigMutation{"r = 2^256-1", rsv(bytes.Repeat([]byte{0xff}, 32), s, v)},
		sigMutation{"s = n", rsv(r, word32(curveN), v)},
		sigMutation{"s = s + n", rsv(r, word32(new(big.Int).Add(curveN, sInt)), v)},
		sigMutation{"s = 2^256-1", rsv(r, bytes.Repeat([]byte{0xff}, 32), v)},
		sigMutation{"EIP-2098 compact (r, yParity‖s)", append(bytes.Clone(r), word32(vs)...)},
		sigMutation{"truncated to 64", bytes.Clone(good[:64])},
		sigMutation{"empty", nil},
		sigMutation{"one byte", []byte{v}},
		sigMutation{"66 bytes, trailing zero", append(bytes.Clone(good), 0)},
		sigMutation{"66 bytes, leading zero", append([]byte{0}, good...)},
		sigMutation{"96 bytes", append(bytes.Clone(good), make([]byte, 31)...)},
		sigMutation{"130 bytes, signature twice", append(bytes.Clone(good), good...)},
		sigMutation{"v first (v‖r‖s)", append([]byte{v}, good[:64]...)},
		sigMutation{"r and s swapped", rsv(s, r, v)},
	)
	return out
}

// randomMutations derives n signatures from good with rng: bit flips,
// random v, random r or s, n−s, resized and wholly random byte strings.
func randomMutations(rng *rand.Rand, good []byte, n int) []sigMutation {
	out := make([]sigMutation, 0, n)
	for i := range n {
		sig := bytes.Clone(good)
		var what string
		switch k := rng.IntN(7); k {
		case 0:
			flips := 1 + rng.IntN(3)
			for range flips {
				bit := rng.IntN(len(sig) * 8)
				sig[bit/8] ^= 1 << (bit % 8)
			}
			what = fmt.Sprintf("%d bit flips", flips)
		case 1:
			sig[64] = byte(rng.IntN(256))
			what = "random v"
		case 2, 3:
			part := sig[32*(k-2) : 32*(k-1)]
			for j := range part {
				part[j] = byte(rng.IntN(256))
			}
			what = fmt.Sprintf("random %s", []string{"r", "s"}[k-2])
		case 4:
			copy(sig[32:64], word32(new(big.Int).Sub(curveN, new(big.Int).SetBytes(sig[32:64]))))
			sig[64] = []byte{0, 1, 27, 28}[rng.IntN(4)]
			what = "n−s with chosen v"
		case 5:
			l := rng.IntN(131)
			if l <= len(sig) {
				sig = sig[:l]
			} else {
				for len(sig) < l {
					sig = append(sig, byte(rng.IntN(256)))
				}
			}
			what = fmt.Sprintf("resized to %d", l)
		default:
			sig = make([]byte, []int{65, 65, 64, rng.IntN(100)}[rng.IntN(4)])
			for j := range sig {
				sig[j] = byte(rng.IntN(256))
			}
			what = fmt.Sprintf("%d random bytes", len(sig))
		}
		out = append(out, sigMutation{fmt.Sprintf("random %d: %s", i, what), sig})
	}
	return out
}

// sigTarget is one contract entry point that checks a signature, with the
// typed data and signer the Go side checks against.
type sigTarget struct {
	name    string
	td      apitypes.TypedData
	key     *ecdsa.PrivateKey
	signer  common.Address
	revert  string                 // the revert the contract gives a refused signature
	onChain func(sig []byte) error // eth_call of the entry point, no transaction
}

// TestSignatureVerdictMatchesContracts checks, for every contract that
// verifies one of our signatures, that the Go verdict (chain.VerifyTypedData
// for the expected signer) equals the contract's verdict (an eth_call of
// the entry point accepts or reverts with its bad-signature error) for a
// valid signature and many structured and random mutations of it.
func TestSignatureVerdictMatchesContracts(t *testing.T) {
	e := newEnv(t, 4)
	m := e.d.Manifest
	payer, node, voter, grantee := e.cs[0], e.cs[1], e.cs[2], e.addr(3)
	now, err := payer.Now(e.ctx)
	mustOK(t, "now", err)

	// Channels.redeem: payer 0 opens a channel to payee 1; the payee redeems.
	chID, _, err := payer.OpenChannel(e.ctx, e.addr(1), myc(100), time.Hour)
	mustOK(t, "open channel", err)
	cumulative := myc(3)

	// Registry.challenge: node 1 stakes; data owner 0 challenges (no bond).
	_, err = node.Register(e.ctx, "http://127.0.0.1:9000", chain.Prices{chain.ServiceStorage: big.NewInt(1)}, 1<<20, myc(200))
	mustOK(t, "register", err)
	root := common.HexToHash("0x5107a9e")
	const leafCount = 4
	expiry := now.Add(24 * time.Hour)

	// Governor.castVoteBySig: voter 2 signs a ballot on an active proposal.
	to, data, err := voter.RewardAction(grantee, myc(1), chain.RewardDeveloper, "signature rule test")
	mustOK(t, "reward action", err)
	pid, _, err := voter.Propose(e.ctx, []common.Address{to}, nil, [][]byte{data}, "signature rule test")
	mustOK(t, "propose", err)
	e.advance(2 * time.Second)
	if st, _ := voter.ProposalState(e.ctx, pid); st != chain.ProposalActive {
		t.Fatalf("proposal state %s, want active", st)
	}
	ballot, err := voter.BallotTypedData(e.ctx, pid, chain.VoteFor, e.addr(2))
	mustOK(t, "ballot", err)

	// Grants.claim: the registrar (the devnet deployer) signs a sign-up.
	device := common.HexToHash("0xde71ce")

	ch, reg, gov, gr := bindings.NewChannels(), bindings.NewRegistry(), bindings.NewMycroftGovernor(), bindings.NewGrants()
	call := func(c *chain.Client, to common.Address, data []byte, err error) error {
		if err != nil {
			return fmt.Errorf("pack: %w", err)
		}
		_, err = c.Call(e.ctx, to, data)
		return err
	}
	targets := []sigTarget{
		{
			name: "Channels.redeem voucher", td: payer.VoucherTypedData(chID, cumulative),
			key: e.keys[0], signer: e.addr(0), revert: "Channels.BadSignature",
			onChain: func(sig []byte) error {
				d, err := ch.TryPackRedeem(chID, cumulative, sig)
				return call(e.cs[1], m.Channels, d, err)
			},
		},
		{
			name: "Registry.challenge storage commitment", td: payer.StorageTypedData(e.addr(0), root, leafCount, expiry),
			key: e.keys[1], signer: e.addr(1), revert: "Registry.BadSignature",
			onChain: func(sig []byte) error {
				d, err := reg.TryPackChallenge(e.addr(1), root, leafCount, 1, e.addr(0), uint64(expiry.Unix()), sig)
				return call(e.cs[0], m.Registry, d, err)
			},
		},
		{
			name: "Governor.castVoteBySig ballot", td: ballot,
			key: e.keys[2], signer: e.addr(2), revert: "Governor.GovernorInvalidSignature",
			onChain: func(sig []byte) error {
				d, err := gov.TryPackCastVoteBySig(pid, chain.VoteFor, e.addr(2), sig)
				return call(e.cs[3], m.Governor, d, err)
			},
		},
		{
			name: "Grants.claim sign-up", td: payer.SignUpTypedData(grantee, device, expiry),
			key: devnet.DevKey(), signer: e.d.Deployer.Address(), revert: "Grants.BadSignature",
			onChain: func(sig []byte) error {
				d, err := gr.TryPackClaim(grantee, device, big.NewInt(expiry.Unix()), sig)
				return call(e.cs[3], m.Grants, d, err)
			},
		},
	}

	const seed = 13
	rng := rand.New(rand.NewPCG(seed, seed))
	for _, tg := range targets {
		t.Run(tg.name, func(t *testing.T) {
			good, err := chain.SignTypedDataWithKey(tg.key, tg.td)
			mustOK(t, "sign", err)
			if err := tg.onChain(good); err != nil {
				t.Fatalf("setup: the contract refuses a valid signature %x: %v", good, err)
			}
			cases := append(structuredMutations(good), randomMutations(rng, good, 60)...)
			accepted := 0
			for _, mu := range cases {
				goErr := chain.VerifyTypedData(tg.td, mu.sig, tg.signer)
				if goErr != nil && !errors.Is(goErr, chain.ErrBadSignature) {
					t.Errorf("%s: sig %x: Go error %v does not wrap ErrBadSignature", mu.name, mu.sig, goErr)
				}
				chainErr := tg.onChain(mu.sig)
				var re *chain.RevertError
				if chainErr != nil && (!errors.As(chainErr, &re) || re.Name != tg.revert) {
					t.Fatalf("%s: sig %x: eth_call failed with %v, want success or %s (test setup broken)", mu.name, mu.sig, chainErr, tg.revert)
				}
				if goOK, chainOK := goErr == nil, chainErr == nil; goOK != chainOK {
					t.Errorf("%s (seed %d): sig %x: Go accepts = %v (%v), contract accepts = %v", mu.name, seed, mu.sig, goOK, goErr, chainOK)
				} else if goOK {
					accepted++
				}
			}
			if accepted == 0 {
				t.Errorf("no case accepted on both sides, want at least the valid signature")
			}
		})
	}
}
