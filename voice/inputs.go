package voice

// The pipeline's readers of the devices: buttons, the mute switch and the
// wake-word service.

import (
	"context"
	"errors"
	"io"
	"time"

	"github.com/mycroft-network/mycroft/internal/wyoming"
)

func (p *Pipeline) readButtons(ctx context.Context) {
	for {
		ev, err := p.cfg.Buttons.Wait(ctx)
		if err != nil {
			if ctx.Err() != nil || errors.Is(err, io.EOF) {
				return
			}
			p.log.Warn("voice: buttons", "err", err)
			select {
			case <-ctx.Done():
				return
			case <-p.cfg.Clock.After(time.Second):
			}
			continue
		}
		select {
		case p.buttons <- ev:
		case <-ctx.Done():
			return
		}
	}
}

func (p *Pipeline) watchMute(ctx context.Context, last bool) {
	for {
		on, err := p.cfg.Mute.WaitChange(ctx, last)
		if err != nil {
			if ctx.Err() != nil {
				return
			}
			p.log.Warn("voice: mute switch", "err", err)
			select {
			case <-ctx.Done():
				return
			case <-p.cfg.Clock.After(time.Second):
			}
			continue
		}
		last = on
		select {
		case p.muteCh <- on:
		case <-ctx.Done():
			return
		}
	}
}

func (p *Pipeline) runWake(ctx context.Context) {
	for ctx.Err() == nil {
		p.update(func(st *Status) { st.WakeConnected = true })
		err := p.cfg.Wake.Run(ctx, p.wakeAudio, func(d wyoming.Detection) {
			select {
			case p.wakeCh <- d:
			default:
			}
		})
		p.update(func(st *Status) { st.WakeConnected = false })
		if ctx.Err() != nil {
			return
		}
		p.log.Warn("voice: wake word service", "err", err)
		select {
		case <-ctx.Done():
			return
		case <-p.cfg.Clock.After(p.cfg.WakeRetry):
		}
	}
}
