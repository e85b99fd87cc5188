package demo

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/mycroft-network/mycroft/internal/apiclient"
)

// interactive runs the console until Ctrl-C. With a microphone it first
// restarts the owner's agent on the device microphone (the scripted
// questions went through the simulated one) with the keyboard pipe the
// console presses the action button through.
func (r *run) interactive(ctx context.Context) error {
	owner := r.owner
	if owner == nil || owner.p == nil {
		return nil
	}
	var press func() error
	if r.plan.Mic {
		r.say("restarting your speaker on the microphone (%s)", deviceName(r.audio.InputName))
		if err := r.writeConf(owner, ownerConf(r.plan, true)); err != nil {
			return err
		}
		owner.keys = true
		if err := r.restart(ctx, owner); err != nil {
			return err
		}
		st, err := poll(ctx, "the owner's voice", 60*time.Second, owner.c.VoiceStatus,
			func(s apiclient.VoiceStatus) bool { return s.State == "idle" })
		if err != nil {
			return err
		}
		if st.Microphone && owner.p.keys != nil {
			press = pressVia(owner.p.keys)
		} else {
			fmt.Fprintf(r.out, "   the microphone did not open (see %s): typing only\r\n", owner.p.log)
		}
	}
	fd := -1
	if f, ok := r.o.Stdin.(*os.File); ok {
		fd = int(f.Fd())
	}
	p := owner.p
	k := &console{in: r.keys, out: r.out, fd: fd, c: owner.c, press: press, done: p.done,
		exited: func() error { return fmt.Errorf("%v; see %s", p.err, p.log) }}
	err := k.run(ctx)
	r.say("stopping every process the demo started")
	return err
}

// eofReader is an input that has ended.
type eofReader struct{}

func (eofReader) Read([]byte) (int, error) { return 0, io.EOF }
