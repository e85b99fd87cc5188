package miner

import (
	"context"
	"fmt"
	"io"

	"github.com/mycroft-network/mycroft/miner/pause"
)

// CallService is the shape of a paid service in miner/provider
// (provider.Service): a value of either type fits the other.
type CallService interface {
	Call(ctx context.Context, params map[string][]string, body io.Reader) ([]byte, error)
}

// Pausable wraps a paid service served for others (speech-to-text) so it
// yields to the owner: a call that arrives while the gate is paused is
// refused at once with an error wrapping pause.ErrPaused (the provider
// does not charge for a failed call), and a call in flight when the owner
// starts speaking has its context cancelled, which stops the decoder. The
// agent wraps the provider's "stt" service with it.
func Pausable(gate *pause.Gate, svc CallService) CallService {
	return pausable{gate: gate, svc: svc}
}

type pausable struct {
	gate *pause.Gate
	svc  CallService
}

func (p pausable) Call(ctx context.Context, params map[string][]string, body io.Reader) ([]byte, error) {
	tk, err := p.gate.TryAcquire()
	if err != nil {
		return nil, fmt.Errorf("miner: compute: %w", err)
	}
	defer tk.Release()
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		select {
		case <-p.gate.Done():
			cancel(pause.ErrPaused)
		case <-stop:
		}
	}()
	out, err := p.svc.Call(ctx, params, body)
	if err != nil && context.Cause(ctx) == pause.ErrPaused {
		return nil, fmt.Errorf("miner: compute: %w", pause.ErrPaused)
	}
	return out, err
}
