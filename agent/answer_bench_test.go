package agent

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/board/sim"
	"github.com/mycroft-network/mycroft/hal"
	"github.com/mycroft-network/mycroft/voice"
	"github.com/mycroft-network/mycroft/voice/tts"
)

// BenchmarkLocalAnswer is the answering latency of a local command on the
// agent as it runs: the simulated board's microphone (paced in real time)
// hears a flite recording of the command after a press of the action
// button; the agent's own wiring recognises it with pocketsphinx in
// process (voice.stt = local-first, no paid service), answers with the
// skills and speaks the answer with flite, sentence by sentence. The wake
// word engine listens as on a device (openWakeWord with
// MYCROFT_WAKEWORD_DIR).
//
// Per command it reports, in ms, means over b.N:
//
//	heard-to-first   the endpointer's end-of-speech decision (Interaction.Heard)
//	                 to the first non-silent sample written to the speaker
//	word-to-first    the last spoken sample leaving the microphone to that
//	                 first sample: the endpointer's silence wait included
//	word-to-heard    that silence wait (voice.end_silence, 700 ms, plus the
//	                 speech detector's lag)
//	recognise        Heard to the transcriber's answer (the last audio
//	                 decoded, the search ended)
//	skill            the transcript to the first sentence handed to TTS
//	tts-first        flite synthesising the first sentence
//	play             the synthesised sentence to its first non-silent
//	                 sample at the speaker
//	understood       the share heard word for word (otherwise the answer
//	                 timed is "Sorry, I didn't catch that." or another
//	                 command's)
//
// The wrappers only time the calls they pass on.
func BenchmarkLocalAnswer(b *testing.B) {
	if _, err := newLocalSTT(); err != nil {
		b.Skipf("local speech recognition unavailable (build with -tags pocketsphinx): %v", err)
	}
	flite := tts.Flite()
	if !flite.Available() {
		b.Skip("flite not installed (Debian: flite)")
	}
	ctx := context.Background()
	var (
		stt   *timedSTT
		synth *timedSynth
		mic   *timedMic
		spk   *timedSpeaker
		push  *sim.Mic
	)
	overrideVoice(b, func(d *voiceDeps) {
		stt = &timedSTT{next: d.Transcriber}
		d.Transcriber = stt
		synth = &timedSynth{next: &tts.Engine{Program: "flite"}}
		d.Synth = synth
	})
	open := func(context.Context, BoardConfig, *slog.Logger) (*hal.Board, error) {
		s, err := sim.New(sim.Config{})
		if err != nil {
			return nil, err
		}
		bd := s.Board()
		push = s.Mic
		mic = &timedMic{Mic: bd.Mic, queued: s.Mic.Queued}
		spk = &timedSpeaker{Speaker: bd.Speaker}
		bd.Mic, bd.Speaker = mic, spk
		return bd, nil
	}
	a, _, _ := start(b, testConfig(b), Options{OpenBoard: open})
	if a.voice == nil || stt == nil {
		b.Fatal("voice not wired")
	}
	buttons := a.board.Buttons.(clicker)
	waitFor(b, "idle", func() (voice.Status, error) { return a.voice.Status(), nil },
		func(s voice.Status) bool { return s.State == hal.StateIdle })
	b.Logf("stt %q, wake %q (%s)", a.voicex.settings.sttSt.used, a.voicex.wake.engine, a.voicex.wake.note)

	// Per command, the figures of b.Run's last call of the function (it is
	// called first with b.N = 1, then with the real b.N).
	final := map[string][3]float64{}
	for _, command := range []string{"what time is it", "set a timer for five minutes", "turn up the volume"} {
		pcm, err := flite.Synthesize(ctx, command)
		if err != nil {
			b.Fatal(err)
		}
		speech := trimSilence(pcm)
		b.Run(strings.ReplaceAll(command, " ", "_"), func(b *testing.B) {
			var sum struct{ heardFirst, wordFirst, wordHeard, rec, skill, tts, play time.Duration }
			understood, misheard := 0, []string(nil)
			for range b.N {
				last, _ := a.voice.LastInteraction()
				// Press, wait for listening, then speak: the mic hears the
				// command from its start.
				buttons.Click(hal.ButtonAction)
				waitFor(b, "listening", func() (voice.Interaction, error) {
					in, _ := a.voice.LastInteraction()
					return in, nil
				}, func(in voice.Interaction) bool { return in.ID > last.ID })
				stt.arm()
				synth.arm()
				spk.arm()
				mic.arm()
				push.Push(append(make([]int16, hal.Voice.Rate*3/10), speech...))
				in := waitFor(b, "the answer", func() (voice.Interaction, error) {
					in, _ := a.voice.LastInteraction()
					return in, nil
				}, func(in voice.Interaction) bool { return in.ID > last.ID && in.Done })
				if in.Error != "" || in.Heard.IsZero() {
					b.Fatalf("interaction %+v: want %q answered", in, command)
				}
				if in.Transcript == command {
					understood++
				} else if len(misheard) < 3 {
					misheard = append(misheard, fmt.Sprintf("%q (%q)", in.Transcript, in.Reply))
				}
				word, recognised := mic.get(), stt.get()
				synthStart, synthEnd := synth.get()
				first := spk.get()
				if word.IsZero() || first.IsZero() || synthStart.IsZero() {
					b.Fatalf("not timed: last word %v, first sample %v, synthesis %v", word, first, synthStart)
				}
				sum.heardFirst += first.Sub(in.Heard)
				sum.wordFirst += first.Sub(word)
				sum.wordHeard += in.Heard.Sub(word)
				sum.rec += recognised.Sub(in.Heard)
				sum.skill += synthStart.Sub(recognised)
				sum.tts += synthEnd.Sub(synthStart)
				sum.play += first.Sub(synthEnd)
			}
			ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) / float64(b.N) }
			b.ReportMetric(ms(sum.heardFirst), "heard-to-first-ms")
			b.ReportMetric(ms(sum.wordFirst), "word-to-first-ms")
			b.ReportMetric(ms(sum.wordHeard), "word-to-heard-ms")
			b.ReportMetric(ms(sum.rec), "recognise-ms")
			b.ReportMetric(ms(sum.skill), "skill-ms")
			b.ReportMetric(ms(sum.tts), "tts-first-ms")
			b.ReportMetric(ms(sum.play), "play-ms")
			b.ReportMetric(float64(understood)/float64(b.N), "understood")
			if misheard != nil {
				b.Logf("heard as %s", strings.Join(misheard, ", "))
			}
			final[command] = [3]float64{ms(sum.heardFirst), ms(sum.wordFirst), ms(sum.wordHeard)}
		})
	}
	var means [3]float64
	for _, f := range final {
		for i := range means {
			means[i] += f[i] / float64(len(final))
		}
	}
	b.Logf("mean of the three commands: heard to first sample %.0f ms, last word to first sample %.0f ms (silence wait %.0f ms)", means[0], means[1], means[2])
}

// trimSilence cuts pcm after its last sample above 2 % of its peak: the
// end of the last word.
func trimSilence(pcm []int16) []int16 {
	var peak int
	for _, s := range pcm {
		peak = max(peak, abs(int(s)))
	}
	end := len(pcm)
	for end > 0 && abs(int(pcm[end-1])) < peak/50 {
		end--
	}
	return pcm[:end]
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// stamp is a time recorded once after arm.
type stamp struct {
	mu    sync.Mutex
	armed bool
	at    time.Time
}

func (s *stamp) arm() { s.mu.Lock(); s.armed, s.at = true, time.Time{}; s.mu.Unlock() }

func (s *stamp) mark() {
	now := time.Now()
	s.mu.Lock()
	if s.armed && s.at.IsZero() {
		s.at = now
	}
	s.mu.Unlock()
}

func (s *stamp) get() time.Time { s.mu.Lock(); defer s.mu.Unlock(); return s.at }

// timedSTT records when the transcriber answered.
type timedSTT struct {
	stamp
	next voice.Transcriber
}

func (t *timedSTT) Transcribe(ctx context.Context, grammar string, audio io.Reader) (voice.Transcript, error) {
	tr, err := t.next.Transcribe(ctx, grammar, audio)
	t.mark()
	return tr, err
}

// timedSynth records the first synthesis's start and end.
type timedSynth struct {
	start, end stamp
	next       voice.Synthesizer
}

func (t *timedSynth) arm() { t.start.arm(); t.end.arm() }

func (t *timedSynth) get() (start, end time.Time) { return t.start.get(), t.end.get() }

func (t *timedSynth) Synthesize(ctx context.Context, text string) ([]int16, error) {
	t.start.mark()
	pcm, err := t.next.Synthesize(ctx, text)
	t.end.mark()
	return pcm, err
}

// timedMic records when the read that took the last queued sample
// returned: the paced mic returns it when it is due, so that is when the
// last word was spoken.
type timedMic struct {
	hal.Mic
	stamp
	queued func() int
}

func (m *timedMic) Read(p []int16) (int, error) {
	before := m.queued()
	n, err := m.Mic.Read(p)
	if before > 0 && m.queued() == 0 {
		m.mark()
	}
	return n, err
}

// timedSpeaker records when the first non-silent sample was written.
type timedSpeaker struct {
	hal.Speaker
	stamp
}

func (s *timedSpeaker) Write(p []int16) (int, error) {
	for _, v := range p {
		if v != 0 {
			s.mark()
			break
		}
	}
	return s.Speaker.Write(p)
}
