package agent

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/agent/skills"
	"github.com/mycroft-network/mycroft/board/sim"
	"github.com/mycroft-network/mycroft/hal"
	"github.com/mycroft-network/mycroft/internal/apiclient"
	"github.com/mycroft-network/mycroft/internal/wav"
	"github.com/mycroft-network/mycroft/keystore"
	"github.com/mycroft-network/mycroft/miner/pause"
	"github.com/mycroft-network/mycroft/voice"
	"github.com/mycroft-network/mycroft/voice/tts"
)

// Debian's pocketsphinx-en-us model.
const (
	sphinxProgram = "pocketsphinx_continuous"
	sphinxHMM     = "/usr/share/pocketsphinx/model/en-us/en-us"
	sphinxDict    = "/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict"
)

func needSphinx(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath(sphinxProgram); err != nil {
		t.Skip("pocketsphinx not installed (Debian: pocketsphinx pocketsphinx-en-us):", err)
	}
	for _, p := range []string{sphinxHMM, sphinxDict} {
		if _, err := os.Stat(p); err != nil {
			t.Skip("pocketsphinx model not installed (Debian: pocketsphinx-en-us):", err)
		}
	}
}

// sphinxSTT is a local speech-to-text service standing in for the paid
// one: pocketsphinx with the skills' grammar over the streamed utterance.
type sphinxSTT struct{ dir string }

func (s sphinxSTT) Transcribe(ctx context.Context, grammar string, audio io.Reader) (voice.Transcript, error) {
	pcm, err := io.ReadAll(audio)
	if err != nil {
		return voice.Transcript{}, err
	}
	samples := make([]int16, len(pcm)/2)
	if err := binary.Read(bytes.NewReader(pcm[:2*len(samples)]), binary.LittleEndian, samples); err != nil {
		return voice.Transcript{}, err
	}
	dir, err := os.MkdirTemp(s.dir, "stt")
	if err != nil {
		return voice.Transcript{}, err
	}
	gram, utt := filepath.Join(dir, "g.gram"), filepath.Join(dir, "u.wav")
	if err := os.WriteFile(gram, []byte(grammar), 0o600); err != nil {
		return voice.Transcript{}, err
	}
	if err := wav.WriteFile(utt, 16000, samples); err != nil {
		return voice.Transcript{}, err
	}
	out, err := exec.CommandContext(ctx, sphinxProgram, "-infile", utt, "-jsgf", gram,
		"-hmm", sphinxHMM, "-dict", sphinxDict, "-logfn", os.DevNull).Output()
	if err != nil {
		return voice.Transcript{}, err
	}
	return voice.Transcript{Text: strings.Join(strings.Fields(string(out)), " ")}, nil
}

type fakeWeather struct{}

func (fakeWeather) Current(context.Context) (skills.Conditions, error) {
	return skills.Conditions{Summary: "light rain", TempC: 11.6}, nil
}

// recordSealer seals by prefixing, and remembers what it sealed.
type recordSealer struct {
	mu  sync.Mutex
	ids []string
}

func (s *recordSealer) Seal(cat keystore.Category, id string, p []byte) ([]byte, error) {
	if cat != keystore.CategoryVoice {
		return nil, errors.New("wrong category " + string(cat))
	}
	s.mu.Lock()
	s.ids = append(s.ids, id)
	s.mu.Unlock()
	return append([]byte("sealed:"), p...), nil
}

func (s *recordSealer) sealed() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.ids)
}

// noon is the test's clock: the time skill says "It is noon."
var noon = time.Date(2026, 3, 14, 12, 0, 0, 0, time.UTC)

// overrideVoice injects the test's services into wireVoice.
func overrideVoice(t testing.TB, f func(*voiceDeps)) {
	t.Helper()
	voiceOverride = f
	t.Cleanup(func() { voiceOverride = nil })
}

func simBoard(speaker string) BoardOpener {
	return func(context.Context, BoardConfig, *slog.Logger) (*hal.Board, error) {
		// Paced like a real microphone: the pipeline's capture reads
		// silence in real time between files.
		return sim.Open(sim.Config{Speaker: speaker})
	}
}

func waitFor[T any](t testing.TB, what string, get func() (T, error), ok func(T) bool) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for {
		v, err := get()
		if err == nil && ok(v) {
			return v
		}
		select {
		case <-ctx.Done():
			t.Fatalf("waiting for %s: last %+v, %v", what, v, err)
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// TestVoiceHearAndAsk: a committed fixture played into the simulated
// board's microphone is transcribed, answered by the time skill and spoken
// to the speaker's WAV file, with the faces of a whole interaction; a typed
// question reaches the weather skill; keep_voice decides whether the
// utterance is sealed and kept.
func TestVoiceHearAndAsk(t *testing.T) {
	needSphinx(t)
	if !tts.Flite().Available() {
		t.Skip("flite not installed (Debian: flite)")
	}
	fixture, err := filepath.Abs(filepath.Join("..", "voice", "testdata", "time.wav"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		keep Duration
		kept int
	}{
		{"default retention", defaultVoiceConfig().KeepVoice, 1},
		{"keep_voice 0s", 0, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			ctx := context.Background()
			sealer := &recordSealer{}
			overrideVoice(t, func(d *voiceDeps) {
				d.Transcriber = sphinxSTT{dir: t.TempDir()}
				d.Skills.Now = func() time.Time { return noon }
				d.Skills.Location = time.UTC
				d.Skills.Weather = fakeWeather{}
				d.Sealer = sealer
			})
			cfg := testConfig(t)
			cfg.Voice.KeepVoice = c.keep
			speaker := filepath.Join(t.TempDir(), "speaker.wav")
			a, client, _ := start(t, cfg, Options{OpenBoard: simBoard(speaker)})

			waitFor(t, "idle", func() (apiclient.VoiceStatus, error) { return client.VoiceStatus(ctx) },
				func(s apiclient.VoiceStatus) bool { return s.State == "idle" && s.Microphone && s.Speaker })
			var apiErr *apiclient.Error
			if _, err := client.VoiceHear(ctx, filepath.Join(t.TempDir(), "missing.wav")); !errors.As(err, &apiErr) || apiErr.Status != http.StatusBadRequest {
				t.Errorf("hear a missing file: %v", err)
			}
			// The status says idle before the idle face is shown: wait for
			// the face too (Next-2 below would underflow before it).
			faces0 := waitFor(t, "the idle face", func() (apiclient.VoiceFaces, error) { return client.VoiceFaces(ctx, 0) },
				func(f apiclient.VoiceFaces) bool { return f.Next >= 2 })
			heard, err := client.VoiceHear(ctx, fixture)
			if err != nil {
				t.Fatal(err)
			}
			in := waitFor(t, "the interaction", func() (apiclient.VoiceInteraction, error) { return client.VoiceLast(ctx) },
				func(in apiclient.VoiceInteraction) bool { return in.ID > heard.After && in.Done })
			if in.Trigger != "button" || in.Transcript != "what time is it" || in.Reply != "It is noon." || in.Error != "" {
				t.Errorf("interaction %+v, want %q answered %q", in, "what time is it", "It is noon.")
			}
			if want := []string{"listening", "thinking", "speaking", "idle"}; !slices.Equal(in.Faces, want) {
				t.Errorf("interaction faces %v, want %v", in.Faces, want)
			}
			// From the idle face shown before the file (numbered Next-1).
			faces, err := client.VoiceFaces(ctx, faces0.Next-2)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := apiclient.FaceStates(faces.Faces), []string{"idle", "listening", "thinking", "speaking", "idle"}; !slices.Equal(got, want) {
				t.Errorf("faces %v, want %v", got, want)
			}
			audio, err := wav.ReadFile(speaker)
			if err != nil {
				t.Fatal(err)
			}
			if n := len(audio.Samples); n < 16000/2 || !slices.ContainsFunc(audio.Samples, func(v int16) bool { return v > 1000 || v < -1000 }) {
				t.Errorf("speaker WAV has %d samples, want a spoken answer", n)
			}

			reply, err := client.VoiceAsk(ctx, "what is the weather")
			if err != nil || reply != "It is 12 degrees with light rain." {
				t.Errorf("ask weather: %q, %v", reply, err)
			}

			ids, err := a.voicex.store.IDs()
			if err != nil {
				t.Fatal(err)
			}
			if len(ids) != c.kept || len(sealer.sealed()) != c.kept {
				t.Errorf("kept %d utterances, sealed %d, want %d", len(ids), len(sealer.sealed()), c.kept)
			}
			st, err := client.VoiceStatus(ctx)
			if err != nil || st.Utterances != 1 || st.Asked != 1 || st.Errors != 0 {
				t.Errorf("status %+v, %v", st, err)
			}
		})
	}
}

// TestVoiceWithoutBoard: with no board, typed questions are still answered
// (not spoken), hearing a file is refused and the voice status says why.
func TestVoiceWithoutBoard(t *testing.T) {
	ctx := context.Background()
	overrideVoice(t, func(d *voiceDeps) {
		d.Skills.Now = func() time.Time { return noon }
		d.Skills.Location = time.UTC
	})
	_, client, _ := start(t, testConfig(t), Options{})
	reply, err := client.VoiceAsk(ctx, "what time is it")
	if err != nil || reply != "It is noon." {
		t.Fatalf("ask: %q, %v", reply, err)
	}
	var apiErr *apiclient.Error
	if _, err := client.VoiceHear(ctx, "/nonexistent.wav"); !errors.As(err, &apiErr) || apiErr.Status != http.StatusServiceUnavailable {
		t.Errorf("hear without a simulated board: %v", err)
	}
	if _, err := client.VoiceHear(ctx, "relative.wav"); !errors.As(err, &apiErr) || apiErr.Status != http.StatusBadRequest {
		t.Errorf("hear a relative path: %v", err)
	}
	st, err := client.VoiceStatus(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Microphone || st.Speaker || !strings.HasPrefix(st.Note, "no microphone") {
		t.Errorf("status %+v, want no microphone noted", st)
	}
	last := waitFor(t, "the typed interaction", func() (apiclient.VoiceInteraction, error) { return client.VoiceLast(ctx) },
		func(in apiclient.VoiceInteraction) bool { return in.Done })
	if last.Trigger != "text" || last.Transcript != "what time is it" || last.Reply != "It is noon." {
		t.Errorf("last %+v", last)
	}
}

// TestVoiceOff: voice.enabled = false answers 503 and shows off.
func TestVoiceOff(t *testing.T) {
	ctx := context.Background()
	cfg := testConfig(t)
	cfg.Voice.Enabled = false
	_, client, _ := start(t, cfg, Options{})
	var apiErr *apiclient.Error
	if _, err := client.VoiceAsk(ctx, "what time is it"); !errors.As(err, &apiErr) || apiErr.Status != http.StatusServiceUnavailable {
		t.Errorf("ask with voice off: %v", err)
	}
	st, err := client.VoiceStatus(ctx)
	if err != nil || st.Enabled || st.State != "off" {
		t.Errorf("status %+v, %v", st, err)
	}
}

// TestVoiceSealerWithoutKeys: with the keystore off nothing is sealed and
// health says utterances are not kept.
func TestVoiceSealerWithoutKeys(t *testing.T) {
	a := &Agent{health: NewHealth(time.Now)}
	if _, err := (&voiceSealer{a: a}).Seal(keystore.CategoryVoice, "x", []byte("pcm")); !errors.Is(err, errNoKeys) {
		t.Fatalf("Seal without keys: %v", err)
	}
	if !slices.ContainsFunc(a.health.Warnings(), func(w apiclient.Warning) bool { return strings.Contains(w.Message, "not kept") }) {
		t.Errorf("warnings %+v", a.health.Warnings())
	}
}

func TestVoiceConfigValidate(t *testing.T) {
	for _, c := range []struct {
		name string
		edit func(*VoiceConfig)
		key  string
	}{
		{"defaults", func(*VoiceConfig) {}, ""},
		{"energy", func(c *VoiceConfig) { c.Detector = "energy" }, ""},
		{"wake", func(c *VoiceConfig) { c.WakeURI = "tcp://127.0.0.1:10400" }, ""},
		{"espeak", func(c *VoiceConfig) { c.TTS = "espeak-ng" }, ""},
		{"detector", func(c *VoiceConfig) { c.Detector = "neural" }, "voice.detector"},
		{"wake scheme", func(c *VoiceConfig) { c.WakeURI = "http://host:10400" }, "voice.wake_uri"},
		{"wake port", func(c *VoiceConfig) { c.WakeURI = "tcp://host" }, "voice.wake_uri"},
		{"tts", func(c *VoiceConfig) { c.TTS = "say" }, "voice.tts"},
		{"end silence", func(c *VoiceConfig) { c.EndSilence = 0 }, "voice.end_silence"},
		{"max utterance", func(c *VoiceConfig) { c.MaxUtterance = Duration(time.Hour) }, "voice.max_utterance"},
		{"keep", func(c *VoiceConfig) { c.KeepVoice = -1 }, "voice.keep_voice"},
	} {
		t.Run(c.name, func(t *testing.T) {
			v := defaultVoiceConfig()
			c.edit(&v)
			var keys []string
			v.validate(func(key, format string, args ...any) { keys = append(keys, key) })
			if c.key == "" && len(keys) != 0 || c.key != "" && !slices.Equal(keys, []string{c.key}) {
				t.Errorf("bad keys %v, want %q", keys, c.key)
			}
		})
	}
}

// TestVoiceStoreSealsWithKeystore: the agent's store seals utterances with
// the real keystore while it is unlocked (the owner can open them), keeps
// nothing while it is locked, and health says so until the next seal.
func TestVoiceStoreSealsWithKeystore(t *testing.T) {
	ctx := context.Background()
	a, client, _ := start(t, testConfig(t), Options{})
	if a.keys == nil || a.voicex == nil {
		t.Fatal("keystore or voice not wired")
	}
	if _, err := a.keys.Init(ctx, []byte(voicePass)); err != nil {
		t.Fatal(err)
	}
	if !a.keys.Status().Unlocked {
		if err := a.keys.Unlock(ctx, []byte(voicePass)); err != nil {
			t.Fatal(err)
		}
	}
	store := a.voicex.store
	pcm := []int16{1, -2, 3, -4}
	id, err := store.Put(noon, pcm)
	if err != nil || id == "" {
		t.Fatalf("Put unlocked: %q, %v", id, err)
	}
	sealed, err := store.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := a.keys.Open(keystore.CategoryVoice, id, sealed)
	if err != nil || !bytes.HasSuffix(plain, []byte{1, 0, 0xfe, 0xff, 3, 0, 0xfc, 0xff}) {
		t.Fatalf("Open: %x, %v", plain, err)
	}

	a.keys.Lock()
	if _, err := store.Put(noon.Add(time.Minute), pcm); err == nil {
		t.Fatal("Put with the keystore locked kept an utterance")
	}
	if w := voiceWarning(t, client); !strings.Contains(w, "not kept") {
		t.Errorf("voice.store warning %q", w)
	}
	if err := a.keys.Unlock(ctx, []byte(voicePass)); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Put(noon.Add(2*time.Minute), pcm); err != nil {
		t.Fatal(err)
	}
	if w := voiceWarning(t, client); w != "" {
		t.Errorf("voice.store warning %q after a seal", w)
	}
	if ids, _ := store.IDs(); len(ids) != 2 {
		t.Errorf("kept %d utterances, want 2", len(ids))
	}
}

const voicePass = "voice test passphrase"

func voiceWarning(t *testing.T, c *apiclient.Client) string {
	t.Helper()
	st, err := c.Status(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range st.Warnings {
		if w.Component == "voice.store" {
			return w.Message
		}
	}
	return ""
}

// TestMiningFace: the pipeline's mining flag follows the miner's gate.
func TestMiningFace(t *testing.T) {
	brain, err := skills.New(skills.Config{})
	if err != nil {
		t.Fatal(err)
	}
	p, err := voice.New(voice.Config{Brain: brain})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go p.Run(ctx)
	defer p.Close()
	gate := pause.New(true)
	m := &miningFace{gate: gate, p: p}
	go m.Run(ctx)
	mining := func(want bool) {
		t.Helper()
		waitFor(t, fmt.Sprint("mining ", want), func() (bool, error) { return p.Status().Mining, nil }, func(on bool) bool { return on == want })
	}
	gate.Resume()
	mining(true)
	gate.Pause()
	mining(false)
}

// FuzzWakeAddr: voice.wake_uri parsing never panics, and what it accepts
// is a host:port.
func FuzzWakeAddr(f *testing.F) {
	for _, s := range []string{"tcp://127.0.0.1:10400", "tcp://[::1]:10400", "tcp://wake.local:1", "http://h:1", "tcp://h", "tcp://:1", "tcp://h:1/x", "", "%zz"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, uri string) {
		addr, err := wakeAddr(uri)
		if err != nil {
			return
		}
		if _, port, err := net.SplitHostPort(addr); err != nil || port == "" {
			t.Errorf("wakeAddr(%q) = %q, not host:port (%v)", uri, addr, err)
		}
	})
}
