package agent

import (
	"log/slog"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/internal/wyoming"
	"github.com/mycroft-network/mycroft/voice/psx"
	"github.com/mycroft-network/mycroft/voice/wakeword"
)

// TestWakeDetector: which engine each voice.wake_engine gives, with and
// without the openWakeWord models, and what the status and health say.
func TestWakeDetector(t *testing.T) {
	models := os.Getenv("MYCROFT_WAKEWORD_DIR")
	if models == "" {
		t.Skip("MYCROFT_WAKEWORD_DIR unset: run through make test (make deps installs the openWakeWord models)")
	}
	empty := t.TempDir()
	spotter := psx.Built // a build with the tag pocketsphinx (and its model) has the fallback
	if _, err := psx.NewSpotter(psx.SpotterConfig{}); err != nil {
		spotter = false
	}
	cases := []struct {
		name, engine, dir, uri string
		want                   string // engine in the status; "" off
		note                   string // in the note
	}{
		{"auto with models", WakeAuto, models, "", "openwakeword hey_mycroft_v0.1", ""},
		{"openwakeword with models", WakeOpenWakeWord, models, "", "openwakeword hey_mycroft_v0.1", ""},
		{"openwakeword without models", WakeOpenWakeWord, empty, "", "", "not installed"},
		{"auto without models", WakeAuto, empty, "", `pocketsphinx "hey mycroft"`, "not installed"},
		{"pocketsphinx", WakePocketsphinx, models, "", `pocketsphinx "hey mycroft"`, ""},
		{"off", WakeOff, models, "", "", ""},
		{"wyoming", WakeAuto, models, "tcp://127.0.0.1:10400", "wyoming tcp://127.0.0.1:10400", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := &Agent{health: NewHealth(time.Now), log: slog.New(slog.DiscardHandler)}
			cfg := defaultVoiceConfig()
			cfg.WakeEngine, cfg.WakeModels, cfg.WakeURI = c.engine, c.dir, c.uri
			d, st := a.wakeDetector(cfg)
			defer a.svcs.closeAll()
			want := c.want
			if strings.HasPrefix(want, "pocketsphinx") && !spotter {
				want = ""
			}
			if want == "" {
				if d != nil || st.engine != WakeOff {
					t.Fatalf("engine %q (%T), want off", st.engine, d)
				}
			} else if st.engine != want || d == nil {
				t.Fatalf("engine %q (%T), want %q", st.engine, d, want)
			}
			switch d.(type) {
			case *wakeword.Detector:
				if !strings.HasPrefix(want, "openwakeword") {
					t.Errorf("%T for %q", d, want)
				}
			case *wyoming.WakeClient:
				if !strings.HasPrefix(want, "wyoming") {
					t.Errorf("%T for %q", d, want)
				}
			}
			if c.note != "" && !strings.Contains(st.note, c.note) {
				t.Errorf("note %q does not say %q", st.note, c.note)
			}
			if strings.HasPrefix(c.want, "pocketsphinx") && !spotter && !strings.Contains(st.note, "pocketsphinx") {
				t.Errorf("note %q does not say why pocketsphinx is not used", st.note)
			}
			if want == "" && c.engine != WakeOff {
				if w := a.health.Warnings(); len(w) == 0 {
					t.Errorf("no health warning with no wake word")
				}
			}
		})
	}
}

func TestValidateWake(t *testing.T) {
	for _, c := range []struct {
		key string
		set func(*VoiceConfig)
	}{
		{"voice.wake_engine", func(v *VoiceConfig) { v.WakeEngine = "precise" }},
		{"voice.wake_threshold", func(v *VoiceConfig) { v.WakeThreshold = 1.5 }},
		{"voice.wake_patience", func(v *VoiceConfig) { v.WakePatience = -1 }},
		{"voice.wake_refractory", func(v *VoiceConfig) { v.WakeRefractory = Duration(2 * time.Minute) }},
		{"voice.wake_kws_threshold", func(v *VoiceConfig) { v.WakeKWSThreshold = 2 }},
	} {
		v := defaultVoiceConfig()
		c.set(&v)
		var keys []string
		v.validate(func(key, format string, args ...any) { keys = append(keys, key) })
		if len(keys) != 1 || keys[0] != c.key {
			t.Errorf("%s: bad keys %v", c.key, keys)
		}
	}
	var keys []string
	defaultVoiceConfig().validate(func(key, format string, args ...any) { keys = append(keys, key) })
	if len(keys) != 0 {
		t.Errorf("defaults: bad keys %v", keys)
	}
}
