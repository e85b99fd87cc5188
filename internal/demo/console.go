package demo

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"golang.org/x/term"

	"github.com/mycroft-network/mycroft/board/sim"
	"github.com/mycroft-network/mycroft/internal/apiclient"
)

// console is the interactive phase on the terminal: it reads keystrokes
// in raw mode, sends typed lines to the owner's agent as questions and
// presses its action button on SPACE, and prints the replies, until
// Ctrl-C, Ctrl-D, ctx or the agent's exit.
type console struct {
	in  io.Reader // the terminal's input
	out io.Writer
	// fd is in's descriptor when it is a terminal (raw mode is set on it
	// and restored on every way out); -1 otherwise: no raw mode, no echo.
	fd int
	c  *apiclient.Client
	// press presses the action button (the owner's agent then listens on
	// its microphone); nil when there is no microphone.
	press func() error
	// done is closed when the owner's agent exits; exited says why.
	done   <-chan struct{}
	exited func() error
	// answerWait bounds the wait for a spoken question's answer.
	answerWait time.Duration
}

// reply is what a question got, printed by the loop.
type reply struct {
	spoken bool   // the answer to SPACE (even when err is set)
	heard  string // the transcript of a spoken question
	text   string
	err    error
}

// run runs the console until the user quits (nil), ctx is done (nil) or
// the agent exits (an error). The terminal mode is restored before it
// returns.
func (k *console) run(ctx context.Context) (err error) {
	raw := false
	if k.fd >= 0 && term.IsTerminal(k.fd) {
		// The owner's agent draws its face on the same terminal with
		// "\n": sim.MakeRaw keeps output processing so lines still return.
		old, rerr := sim.MakeRaw(k.fd)
		if rerr != nil {
			fmt.Fprintf(k.out, "   (raw mode: %v; keys arrive after Enter)\r\n", rerr)
		} else {
			raw = true
			defer func() {
				if rerr := term.Restore(k.fd, old); rerr != nil {
					err = fmt.Errorf("demo: restore the terminal: %w", rerr)
				}
			}()
		}
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ed := &lineEditor{mic: k.press != nil}
	if k.press != nil {
		fmt.Fprint(k.out, "\r\n== your turn: press SPACE and speak, or type a question and press Enter; Ctrl-C ends the demo\r\n")
	} else {
		fmt.Fprint(k.out, "\r\n== your turn (no microphone: typing only): type a question and press Enter\r\n"+
			"   (\"what is the weather\", \"tell me about mars\", \"how much money do i have\"); Ctrl-C ends the demo\r\n")
	}
	prompt := func() { fmt.Fprint(k.out, "   > "+ed.typed()) }
	// talking: a spoken question's answer is awaited. Another SPACE then
	// only presses the button again (which ends listening, as on the
	// Mark I) and waits for nothing more.
	talking := false
	// asking: typed questions in flight. SPACE then presses the button
	// for them (a vote waiting for its confirmation), not to talk.
	asking := 0
	prompt()

	keys := make(chan []byte)
	go func() {
		defer close(keys)
		buf := make([]byte, 256)
		for {
			n, rerr := k.in.Read(buf)
			if n > 0 {
				select {
				case keys <- append([]byte(nil), buf[:n]...):
				case <-ctx.Done():
					return
				}
			}
			if rerr != nil {
				return
			}
		}
	}()
	replies := make(chan reply, 4)
	send := func(r reply) {
		select {
		case replies <- r:
		case <-ctx.Done():
		}
	}
	for {
		select {
		case <-ctx.Done():
			fmt.Fprint(k.out, "\r\n")
			return nil
		case <-k.done:
			return fmt.Errorf("demo: the owner's agent exited: %w", k.exited())
		case r := <-replies:
			if r.spoken {
				talking = false
			} else {
				asking--
			}
			fmt.Fprint(k.out, "\r\n")
			switch {
			case r.err != nil:
				fmt.Fprintf(k.out, "   error: %v\r\n", r.err)
			case r.spoken:
				fmt.Fprintf(k.out, "   you said: %q\r\n   mycroft: %q\r\n", r.heard, r.text)
			default:
				fmt.Fprintf(k.out, "   mycroft: %s\r\n", r.text)
			}
			prompt()
		case b, ok := <-keys:
			if !ok {
				keys = nil // input ended: wait for Ctrl-C (a signal) or the agent
				continue
			}
			for _, c := range b {
				a := ed.feed(c)
				if raw && a.Echo != "" {
					fmt.Fprint(k.out, a.Echo)
				}
				switch a.Kind {
				case keyQuit:
					fmt.Fprint(k.out, "\r\n")
					return nil
				case keySend:
					asking++
					go func(line string) {
						text, err := k.c.VoiceAsk(ctx, line)
						send(reply{text: text, err: err})
					}(a.Line)
				case keyTalk:
					if asking > 0 && !talking {
						fmt.Fprint(k.out, "(button pressed)")
						if err := k.press(); err != nil {
							fmt.Fprintf(k.out, "\r\n   error: press the action button: %v\r\n", err)
							prompt()
						}
						continue
					}
					if talking {
						fmt.Fprint(k.out, "(pressed again)")
						if err := k.press(); err != nil {
							fmt.Fprintf(k.out, "\r\n   error: press the action button: %v\r\n", err)
							prompt()
						}
						continue
					}
					// The last interaction before the press, read here so
					// that a second press cannot come first.
					lctx, lcancel := context.WithTimeout(ctx, 5*time.Second)
					before, err := k.c.VoiceLast(lctx)
					lcancel()
					if err != nil {
						fmt.Fprintf(k.out, "\r\n   error: %v\r\n", err)
						prompt()
						continue
					}
					talking = true
					fmt.Fprint(k.out, "(listening: speak now)")
					go func() { send(k.talk(ctx, before.ID)) }()
				}
			}
		}
	}
}

// talk presses the action button and waits for the interaction it starts
// (the first numbered above before) to end: the endpointer ends the
// utterance, then the answer is spoken.
func (k *console) talk(ctx context.Context, before uint64) reply {
	if err := k.press(); err != nil {
		return reply{spoken: true, err: fmt.Errorf("press the action button: %w", err)}
	}
	wait := k.answerWait
	if wait <= 0 {
		wait = 90 * time.Second
	}
	in, err := poll(ctx, "the spoken question's answer", wait, k.c.VoiceLast,
		func(in apiclient.VoiceInteraction) bool { return in.ID > before && in.Done })
	if err != nil {
		return reply{spoken: true, err: err}
	}
	if in.Error != "" {
		return reply{spoken: true, err: errors.New(in.Error)}
	}
	return reply{spoken: true, heard: in.Transcript, text: in.Reply}
}

// pressVia presses the action button by writing a space to w, the
// standard input of an agent whose simulated board reads its keyboard
// there (sim_keyboard: space is the action button, as on the Mark I).
func pressVia(w io.Writer) func() error {
	return func() error {
		_, err := w.Write([]byte{' '})
		return err
	}
}
