package voice

import (
	"image/color"

	"github.com/mycroft-network/mycroft/hal"
)

// Colours of the faceplate, after the Mycroft conventions: Mycroft blue for
// the eyes and the thinking comet (Mark I default eye colour and Mark II
// "thinking"), the Mark II "awake" green pulse for listening, red for the
// muted microphone and for errors, and amber for mining.
var (
	ColorMycroftBlue = color.RGBA{34, 167, 240, 255}
	ColorListening   = color.RGBA{64, 219, 176, 255}
	ColorMuted       = color.RGBA{255, 0, 0, 255}
	ColorError       = color.RGBA{255, 0, 0, 255}
	ColorMining      = color.RGBA{255, 176, 0, 255}
)

// FaceFor is the conventional face of a state: eyes (Mark I) and ring (Mark
// II). The mouth is left empty so boards play the state's own animation
// (listen, think, talk). Volume is -1 (no gauge).
func FaceFor(s hal.FaceState) hal.Face {
	f := hal.Face{State: s, Volume: -1, Eyes: hal.Eyes{Color: ColorMycroftBlue, Look: hal.LookAhead}}
	switch s {
	case hal.StateIdle:
		f.Ring = hal.Ring{Pattern: hal.RingOff}
	case hal.StateListening:
		f.Eyes.Look = hal.LookUp
		f.Eyes.Blink = true
		f.Ring = hal.Ring{Pattern: hal.RingPulse, Color: ColorListening}
	case hal.StateThinking:
		f.Eyes.Look = hal.LookCrossed
		f.Ring = hal.Ring{Pattern: hal.RingSpin, Color: ColorMycroftBlue}
	case hal.StateSpeaking:
		f.Ring = hal.Ring{Pattern: hal.RingSolid, Color: ColorMycroftBlue}
	case hal.StateError:
		f.Eyes.Color = ColorError
		f.Ring = hal.Ring{Pattern: hal.RingBlink, Color: ColorError}
	case hal.StateMuted:
		f.Eyes.Look = hal.LookNarrow
		f.Ring = hal.Ring{Pattern: hal.RingSolid, Color: ColorMuted}
	case hal.StateMining:
		f.Eyes.Color = ColorMining
		f.Ring = hal.Ring{Pattern: hal.RingPulse, Color: ColorMining}
	default:
		f.Eyes.Off = true
	}
	return f
}
