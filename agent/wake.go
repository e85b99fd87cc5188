package agent

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/mycroft-network/mycroft/internal/wyoming"
	"github.com/mycroft-network/mycroft/voice"
	"github.com/mycroft-network/mycroft/voice/psx"
	"github.com/mycroft-network/mycroft/voice/wakeword"
)

// WakeConfig is the wake word part of the [voice] table (docs/voice.md,
// "Wake word"): which engine listens for "hey mycroft", with what model
// and settings.
type WakeConfig struct {
	// WakeEngine is auto (openWakeWord in process, or pocketsphinx keyword
	// spotting where its models are missing), openwakeword, pocketsphinx
	// or off. A set wake_uri (a Wyoming wake service) overrides it.
	WakeEngine string `toml:"wake_engine"`
	// WakeModel is the openWakeWord model: a name in WakeModels
	// ("hey_mycroft_v0.1", "hey_jarvis_v0.1", ...) or a path to an .onnx
	// file.
	WakeModel string `toml:"wake_model"`
	// WakeModels is the directory of the openWakeWord models; "" looks in
	// /usr/share/mycroft/wakeword, then in $MYCROFT_WAKEWORD_DIR.
	WakeModels string `toml:"wake_models"`
	// WakeThreshold is the score (0..1) that detects.
	WakeThreshold float64 `toml:"wake_threshold"`
	// WakePatience is how many 80 ms steps before the detecting one must
	// reach the threshold too.
	WakePatience int `toml:"wake_patience"`
	// WakeRefractory: no second detection within this after one.
	WakeRefractory Duration `toml:"wake_refractory"`
	// WakePhrase and WakeKWSThreshold configure the pocketsphinx keyword
	// spotter.
	WakePhrase       string  `toml:"wake_phrase"`
	WakeKWSThreshold float64 `toml:"wake_kws_threshold"`
}

// Wake engines (voice.wake_engine).
const (
	WakeAuto         = "auto"
	WakeOpenWakeWord = "openwakeword"
	WakePocketsphinx = "pocketsphinx"
	WakeOff          = "off"
)

// SystemWakeModels is where the .deb and the SD image install the models.
const SystemWakeModels = "/usr/share/mycroft/wakeword"

func defaultWakeConfig() WakeConfig {
	return WakeConfig{
		WakeEngine:     WakeAuto,
		WakeModel:      wakeword.DefaultModel,
		WakeThreshold:  wakeword.DefaultThreshold,
		WakeRefractory: Duration(wakeword.DefaultRefractory),
		WakePhrase:     "hey mycroft",
	}
}

func (c WakeConfig) validate(bad badFunc) {
	switch c.WakeEngine {
	case WakeAuto, WakeOpenWakeWord, WakePocketsphinx, WakeOff:
	default:
		bad("voice.wake_engine", "must be %s, %s, %s or %s, not %q", WakeAuto, WakeOpenWakeWord, WakePocketsphinx, WakeOff, c.WakeEngine)
	}
	d := wakeword.Detector{Model: &wakeword.Model{}, Threshold: float32(c.WakeThreshold), Patience: c.WakePatience, Refractory: c.WakeRefractory.Std()}
	if err := d.Validate(); err != nil {
		key := "voice.wake_threshold"
		switch {
		case c.WakePatience < 0 || c.WakePatience > 50:
			key = "voice.wake_patience"
		case c.WakeRefractory < 0 || c.WakeRefractory.Std() > time.Minute:
			key = "voice.wake_refractory"
		}
		bad(key, "%v", err)
	}
	if c.WakeKWSThreshold < 0 || c.WakeKWSThreshold > 1 {
		bad("voice.wake_kws_threshold", "must be between 0 and 1 (for example 1e-20); 0 is the built-in default")
	}
}

// wakeDirs is where the openWakeWord models are looked for.
func (c WakeConfig) wakeDirs() []string {
	if c.WakeModels != "" {
		return []string{c.WakeModels}
	}
	dirs := []string{SystemWakeModels}
	if d := os.Getenv("MYCROFT_WAKEWORD_DIR"); d != "" {
		dirs = append(dirs, d)
	}
	return dirs
}

// loadWakeModel finds and loads the configured openWakeWord model.
func (c WakeConfig) loadWakeModel() (*wakeword.Model, error) {
	var firstErr error
	for _, dir := range c.wakeDirs() {
		f, err := wakeword.FilesIn(dir, c.WakeModel)
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		return wakeword.Load(f)
	}
	return nil, firstErr
}

// wakeStatus is what the voice status says about the wake word.
type wakeStatus struct {
	engine string // "openwakeword hey_mycroft_v0.1", "pocketsphinx \"hey mycroft\"", "wyoming tcp://...", "off"
	note   string // why the configured engine is not the one running
}

// newSpotter builds the pocketsphinx keyword spotter (an "unavailable"
// error in a build without the tag pocketsphinx); tests replace it.
var newSpotter = func(c WakeConfig) (*psx.Spotter, error) {
	return psx.NewSpotter(psx.SpotterConfig{Phrase: c.WakePhrase, Threshold: c.WakeKWSThreshold})
}

// wakeDetector builds the wake word engine the config asks for.
func (a *Agent) wakeDetector(c VoiceConfig) (voice.WakeDetector, wakeStatus) {
	if c.WakeURI != "" {
		addr, _ := wakeAddr(c.WakeURI) // checked by validate
		return &wyoming.WakeClient{Addr: addr, Log: a.log}, wakeStatus{engine: "wyoming " + c.WakeURI}
	}
	var st wakeStatus
	if c.WakeEngine == WakeOff {
		return nil, wakeStatus{engine: WakeOff}
	}
	if c.WakeEngine == WakeAuto || c.WakeEngine == WakeOpenWakeWord {
		m, err := c.loadWakeModel()
		if err == nil {
			d := &wakeword.Detector{Model: m, Threshold: float32(c.WakeThreshold), Patience: c.WakePatience, Refractory: c.WakeRefractory.Std()}
			return d, wakeStatus{engine: "openwakeword " + m.Name}
		}
		if errors.Is(err, wakeword.ErrNoModels) {
			st.note = "openWakeWord models not installed (make deps, or the .deb, puts them in " + SystemWakeModels + ")"
		} else {
			st.note = "openWakeWord: " + err.Error()
		}
		if c.WakeEngine == WakeOpenWakeWord {
			a.health.Set("voice.wake", Degraded, "voice: no wake word: "+st.note)
			return nil, wakeStatus{engine: WakeOff, note: st.note}
		}
	}
	d, err := newSpotter(c.WakeConfig)
	if err != nil {
		st.note = joinNote(st.note, "pocketsphinx: "+err.Error())
		a.health.Set("voice.wake", Degraded, "voice: no wake word (push to talk only): "+st.note)
		return nil, wakeStatus{engine: WakeOff, note: st.note}
	}
	a.svcs.list = append(a.svcs.list, &funcService{
		name:  "voice.wake",
		run:   func(ctx context.Context) error { <-ctx.Done(); return nil },
		close: d.Close,
	})
	if st.note != "" {
		a.health.Set("voice.wake", Notice, "voice: wake word by pocketsphinx keyword spotting: "+st.note)
	}
	return d, wakeStatus{engine: fmt.Sprintf("pocketsphinx %q", c.WakePhrase), note: st.note}
}

func joinNote(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}
