package wakeword

import (
	"context"
	"fmt"
	"time"

	"github.com/mycroft-network/mycroft/internal/wyoming"
)

// Detector turns scores into detections and runs as the voice pipeline's
// wake word engine (voice.WakeDetector), in process: no service, no
// network.
type Detector struct {
	Model *Model
	// Threshold is the score a step must reach; default 0.5, what
	// openWakeWord's models were trained for.
	Threshold float32
	// Patience is how many steps before the detecting one must also reach
	// the threshold (openWakeWord's patience): 0 detects on the first.
	Patience int
	// Refractory is how long after a detection no other is reported;
	// default 2 s.
	Refractory time.Duration
}

// Defaults of a Detector's settings.
const (
	DefaultThreshold  = 0.5
	DefaultRefractory = 2 * time.Second
	// warmupSteps: the first scores of a stream are not trusted (their
	// feature window still holds the start-up state), as openWakeWord
	// zeroes its first 5.
	warmupSteps = 5
)

// Validate checks the settings.
func (d *Detector) Validate() error {
	switch {
	case d.Model == nil:
		return fmt.Errorf("wakeword: no model")
	case d.Threshold < 0 || d.Threshold > 1:
		return fmt.Errorf("wakeword: threshold %v outside 0..1", d.Threshold)
	case d.Patience < 0 || d.Patience > 50:
		return fmt.Errorf("wakeword: patience %d outside 0..50 steps", d.Patience)
	case d.Refractory < 0 || d.Refractory > time.Minute:
		return fmt.Errorf("wakeword: refractory period %v outside 0..1m", d.Refractory)
	}
	return nil
}

// trigger applies threshold, patience and the refractory period to a
// stream's steps.
type trigger struct {
	threshold  float32
	patience   int
	refractory int // steps
	run        int // consecutive steps at or over the threshold
	quietUntil int // no detection before this step
}

func (d *Detector) trigger() *trigger {
	th := d.Threshold
	if th == 0 {
		th = DefaultThreshold
	}
	ref := d.Refractory
	if ref == 0 {
		ref = DefaultRefractory
	}
	return &trigger{threshold: th, patience: d.Patience, refractory: int((ref + 79*time.Millisecond) / (80 * time.Millisecond))}
}

// fire reports whether step s is a detection.
func (t *trigger) fire(s Step) bool {
	if s.N < warmupSteps || s.Score < t.threshold {
		t.run = 0
		return false
	}
	t.run++
	if t.run <= t.patience || s.N < t.quietUntil {
		return false
	}
	t.quietUntil = s.N + t.refractory
	return true
}

// Run implements voice.WakeDetector: it scores the 16 kHz mono samples
// received on audio (chunks of any size) and calls detect for each
// detection, until ctx is done (it returns nil) or audio is closed (nil).
// Each Run starts a new stream.
func (d *Detector) Run(ctx context.Context, audio <-chan []int16, detect func(wyoming.Detection)) error {
	if err := d.Validate(); err != nil {
		return err
	}
	s := d.Model.NewStream()
	t := d.trigger()
	name := d.Model.Name
	for {
		select {
		case <-ctx.Done():
			return nil
		case chunk, ok := <-audio:
			if !ok {
				return nil
			}
			s.Write(chunk, func(st Step) {
				if t.fire(st) {
					ms := int64(st.N+1) * StepSamples * 1000 / SampleRate
					detect(wyoming.Detection{Name: name, Timestamp: &ms})
				}
			})
		}
	}
}

// Scan returns the steps of pcm (16 kHz mono) at which a fresh detector
// fires: for tests and measurements over recordings.
func (d *Detector) Scan(pcm []int16) ([]int, error) {
	if err := d.Validate(); err != nil {
		return nil, err
	}
	var at []int
	t := d.trigger()
	d.Model.NewStream().Write(pcm, func(st Step) {
		if t.fire(st) {
			at = append(at, st.N)
		}
	})
	return at, nil
}
