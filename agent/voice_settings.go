package agent

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"go.etcd.io/bbolt"

	"github.com/mycroft-network/mycroft/internal/apiclient"
	"github.com/mycroft-network/mycroft/internal/wyoming"
	"github.com/mycroft-network/mycroft/voice"
)

// The owner's voice settings: whether the wake word is listened for,
// which speech-to-text is used, and how long recordings are kept. The
// owner changes them while the agent runs (the owner's page, mycroft
// voice set); they apply at once, are stored in the agent's database and
// win over [voice] in agent.toml from then on, until the owner resets
// them. Everything else in [voice] is the file's alone.

// voiceSettingsBucket holds the owner's settings under voiceSettingsKey.
var (
	voiceSettingsBucket = []byte("voice-settings")
	voiceSettingsKey    = []byte("settings")
)

// maxKeepVoice bounds the retention an owner may set.
const maxKeepVoice = 366 * 24 * time.Hour

// storedVoice is what the database holds: only what the owner set.
type storedVoice struct {
	Wake      *bool  `json:"wake,omitempty"`
	STT       string `json:"stt,omitempty"`
	KeepVoice string `json:"keep_voice,omitempty"`
}

// voiceSettings is the live state the settings drive, and what the status
// reports of it.
type voiceSettings struct {
	mu    sync.Mutex
	owner storedVoice
	stt   *liveSTT   // nil: no speech-to-text to switch
	gate  *gatedWake // nil: no wake word engine loaded
	store *voice.Store
	// What is in force, under mu.
	mode  string // the speech-to-text mode ("" when stt is nil)
	sttSt sttStatus
	keep  time.Duration
}

// loadVoiceSettings reads the owner's stored settings; ones that no longer
// validate are left out (and kept in the database) with a warning.
func (a *Agent) loadVoiceSettings() storedVoice {
	var s storedVoice
	err := a.db.View(func(tx *bbolt.Tx) error {
		if b := tx.Bucket(voiceSettingsBucket); b != nil {
			if v := b.Get(voiceSettingsKey); v != nil {
				return json.Unmarshal(v, &s)
			}
		}
		return nil
	})
	if err == nil {
		err = s.check()
	}
	if err != nil {
		a.health.Set("voice.settings", Notice, "voice: the owner's stored settings are not used: "+err.Error())
		return storedVoice{}
	}
	return s
}

// check validates stored or requested settings.
func (s storedVoice) check() error {
	if s.STT != "" {
		var bad []string
		validateSTT(s.STT, func(key, format string, args ...any) { bad = append(bad, fmt.Sprintf(format, args...)) })
		if len(bad) > 0 {
			return fmt.Errorf("stt %s", bad[0])
		}
	}
	if s.KeepVoice != "" {
		if _, err := parseKeepVoice(s.KeepVoice); err != nil {
			return err
		}
	}
	return nil
}

func parseKeepVoice(v string) (time.Duration, error) {
	d, err := time.ParseDuration(v)
	if err != nil {
		return 0, fmt.Errorf("keep_voice %q: a duration such as 0s, 24h or 168h", v)
	}
	if d < 0 || d > maxKeepVoice {
		return 0, fmt.Errorf("keep_voice %s: between 0s (never keep) and %s", d, maxKeepVoice)
	}
	return d, nil
}

// apply puts the owner's settings over the file's [voice].
func (s storedVoice) apply(c VoiceConfig) VoiceConfig {
	if s.STT != "" {
		c.STT = s.STT
	}
	if s.KeepVoice != "" {
		d, _ := parseKeepVoice(s.KeepVoice) // checked
		c.KeepVoice = Duration(d)
	}
	return c
}

// wakeOn is whether the wake word is listened for when an engine is
// loaded.
func (s storedVoice) wakeOn() bool { return s.Wake == nil || *s.Wake }

// gatedWake passes the engine's detections on while the owner has the wake
// word on, and drops them while it is off (the engine keeps running, so
// turning it on again needs no reload).
type gatedWake struct {
	inner voice.WakeDetector
	on    atomic.Bool
}

func (g *gatedWake) Run(ctx context.Context, audio <-chan []int16, detect func(wyoming.Detection)) error {
	return g.inner.Run(ctx, audio, func(d wyoming.Detection) {
		if g.on.Load() {
			detect(d)
		}
	})
}

// view is the settings in force.
func (v *voiceSettings) view(engine string) apiclient.VoiceSettings {
	v.mu.Lock()
	defer v.mu.Unlock()
	return apiclient.VoiceSettings{
		Wake: v.gate != nil && v.gate.on.Load(), WakeEngine: engine,
		STT: v.mode, KeepVoice: v.keep.String(), Owner: v.owner != (storedVoice{}),
	}
}

// set applies req over the file's config c and stores what the owner set.
func (a *Agent) setVoiceSettings(v *voiceSettings, c VoiceConfig, req apiclient.VoiceSettingsRequest) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	next := v.owner
	if req.Reset {
		next = storedVoice{}
	}
	if req.Wake != nil {
		w := *req.Wake
		next.Wake = &w
	}
	if req.STT != "" {
		next.STT = req.STT
	}
	if req.KeepVoice != "" {
		next.KeepVoice = req.KeepVoice
	}
	if err := next.check(); err != nil {
		return badRequest("%v", err)
	}
	if req.Wake != nil && *req.Wake && v.gate == nil {
		return badRequest("no wake word engine is loaded (voice.wake_engine in agent.toml, or see mycroft status for why none loaded)")
	}
	if req.STT != "" && v.stt == nil {
		return badRequest("no speech-to-text to choose from: the local recogniser is unavailable and the wallet is off")
	}
	eff := next.apply(c)
	keep := eff.KeepVoice.Std()
	if v.store != nil {
		if err := v.store.SetRetention(keep); err != nil {
			return badRequest("keep_voice: %v", err)
		}
	}
	// Stored before the rest applies: a restart keeps what the owner saw.
	b, err := json.Marshal(next)
	if err != nil {
		return err
	}
	err = a.db.Update(func(tx *bbolt.Tx) error {
		if next == (storedVoice{}) {
			if bk := tx.Bucket(voiceSettingsBucket); bk != nil {
				return bk.Delete(voiceSettingsKey)
			}
			return nil
		}
		bk, err := tx.CreateBucketIfNotExists(voiceSettingsBucket)
		if err != nil {
			return err
		}
		return bk.Put(voiceSettingsKey, b)
	})
	if err != nil {
		if v.store != nil {
			_ = v.store.SetRetention(v.keep) // as before: nothing changed
		}
		return fmt.Errorf("voice: store settings: %w", err)
	}
	v.owner = next
	v.keep = keep
	if v.stt != nil {
		v.sttSt, v.mode = v.stt.set(eff.STT), eff.STT
	}
	if v.gate != nil {
		v.gate.on.Store(next.wakeOn())
	}
	a.health.Clear("voice.settings")
	return nil
}

// voiceSettingsRoutes serves GET and POST /voice/settings.
func (a *Agent) voiceSettingsRoutes() {
	a.handle("GET /voice/settings", func(*http.Request) (any, error) {
		if err := a.voiceOff(); err != nil {
			return nil, err
		}
		return a.voicex.settings.view(a.voicex.wake.engine), nil
	})
	a.handle("POST /voice/settings", func(r *http.Request) (any, error) {
		if err := a.voiceOff(); err != nil {
			return nil, err
		}
		var req apiclient.VoiceSettingsRequest
		if err := decodeJSON(r, &req); err != nil {
			return nil, err
		}
		if req == (apiclient.VoiceSettingsRequest{}) {
			return nil, badRequest("nothing to change: set wake, stt or keep_voice, or reset")
		}
		if err := a.setVoiceSettings(a.voicex.settings, a.cfg.Voice, req); err != nil {
			var ae *apiclient.Error
			if !errors.As(err, &ae) {
				a.log.Warn("voice: settings", "err", err)
			}
			return nil, err
		}
		a.log.Info("voice: the owner changed the voice settings")
		return a.voicex.settings.view(a.voicex.wake.engine), nil
	})
}
