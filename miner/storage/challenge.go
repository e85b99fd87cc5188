package storage

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/mycroft-network/mycroft/chain"
)

// ChallengeChain is what the responder needs of the chain; *chain.Client
// (with the node's signer) satisfies it.
type ChallengeChain interface {
	WatchChallenges(ctx context.Context, node common.Address, from uint64, fn func(chain.ChallengeState) error) error
	RespondChallenge(ctx context.Context, id *big.Int, chunk []byte, proof []common.Hash) (*types.Receipt, error)
}

// AnswerChallenges watches the Registry for challenges against this node
// from block from on and answers every open one with the chunk and its
// proof. Answers wait for the pause gate (the owner's voice) unless the
// deadline is less than urgent away (default 2 min): a slash costs more
// than a moment of CPU. It returns when ctx ends.
func (n *Node) AnswerChallenges(ctx context.Context, c ChallengeChain, from uint64, urgent time.Duration) error {
	if urgent <= 0 {
		urgent = 2 * time.Minute
	}
	for {
		err := c.WatchChallenges(ctx, n.Address(), from, func(st chain.ChallengeState) error {
			if st.Status != chain.ChallengeOpen {
				return nil
			}
			n.answer(ctx, c, st, urgent)
			return nil
		})
		if ctx.Err() != nil {
			return ctx.Err()
		}
		n.log.Warn("storage: watching challenges failed; retrying", "err", err)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(5 * time.Second):
		}
	}
}

func (n *Node) answer(ctx context.Context, c ChallengeChain, st chain.ChallengeState, urgent time.Duration) {
	if n.cfg.Gate != nil && time.Until(st.Deadline) > urgent {
		wctx, cancel := context.WithDeadline(ctx, st.Deadline.Add(-urgent))
		tk, err := n.cfg.Gate.Acquire(wctx)
		cancel()
		if err == nil {
			defer tk.Release()
		}
	}
	p, err := n.Audit(st.Root, st.Index)
	if err != nil {
		n.log.Error("storage: cannot answer challenge", "id", st.ID, "root", st.Root, "index", st.Index, "err", err)
		return
	}
	if _, err := c.RespondChallenge(ctx, st.ID, p.Chunk, p.Proof); err != nil {
		var re *chain.RevertError
		if errors.As(err, &re) {
			n.log.Warn("storage: challenge answer reverted", "id", st.ID, "err", err)
			return
		}
		n.log.Error("storage: answer challenge", "id", st.ID, "err", fmt.Errorf("respond: %w", err))
		return
	}
	n.log.Info("storage: challenge answered", "id", st.ID, "root", st.Root, "index", st.Index)
}
