package mark1

import (
	"image/color"
	"math"

	"github.com/mycroft-network/mycroft/hal"
)

// Face conventions (docs/hardware.md): the colour the eyes take in each
// state when hal.Face.Eyes.Color is left zero.
var (
	// MycroftBlue is the Mark I skill's default eye colour.
	MycroftBlue = color.RGBA{34, 167, 240, 255}
	// ErrorRed is the eye colour of the error state.
	ErrorRed = color.RGBA{255, 40, 40, 255}
	// MutedGrey is the eye colour of the muted state (the grey the Mark I
	// shows while rebooting).
	MutedGrey = color.RGBA{70, 65, 69, 255}
	// MiningGreen is the eye colour while the miner works.
	MiningGreen = color.RGBA{40, 200, 90, 255}
)

// StateColor is the default eye colour of state s.
func StateColor(s hal.FaceState) color.RGBA {
	switch s {
	case hal.StateError:
		return ErrorRed
	case hal.StateMuted:
		return MutedGrey
	case hal.StateMining:
		return MiningGreen
	}
	return MycroftBlue
}

// shown is what the driver believes the enclosure shows.
type shown struct {
	valid   bool // false after (re)connecting: send everything
	eyesOff bool
	color   color.RGBA
	level   int
	look    hal.Look
	mouth   string
	volume  int
}

// brightnessLevel maps hal.Face.Brightness (0 = default) onto eyes.level.
func brightnessLevel(b float64) int {
	if b <= 0 || math.IsNaN(b) {
		return 30
	}
	return max(1, min(30, int(math.Round(b*30))))
}

var lookDir = map[hal.Look]Direction{
	hal.LookUp: LookUp, hal.LookDown: LookDown, hal.LookLeft: LookLeft,
	hal.LookRight: LookRight, hal.LookCrossed: LookCrossed,
}

func undoLook(l hal.Look) string {
	if l == hal.LookNarrow {
		return EyesWiden(Both)
	}
	if d, ok := lookDir[l]; ok {
		return EyesUnlook(d)
	}
	return ""
}

func doLook(l hal.Look) string {
	if l == hal.LookNarrow {
		return EyesNarrow(Both)
	}
	if d, ok := lookDir[l]; ok {
		return EyesLook(d)
	}
	return ""
}

// mouthFor returns the lines that put f's mouth on the matrix and a key
// identifying what they show.
func mouthFor(f hal.Face) (key string, lines []string, err error) {
	switch {
	case f.Mouth.Text != "":
		l := MouthText(f.Mouth.Text)
		return l, []string{l}, nil
	case f.Mouth.Icon != nil:
		code, err := EncodeIcon(f.Mouth.Icon)
		if err != nil {
			return "", nil, err
		}
		lines, err := MouthIcon(0, 0, true, code)
		return "icon:" + code, lines, err
	}
	var l string
	switch f.State {
	case hal.StateListening:
		l = MouthListen()
	case hal.StateThinking:
		l = MouthThink()
	case hal.StateSpeaking:
		l = MouthTalk()
	default:
		l = MouthReset()
	}
	return l, []string{l}, nil
}

// plan returns the commands that take the enclosure from cur to f, and the
// new belief. Nothing is sent for what already shows (the serial line is
// slow: about 960 characters a second).
func plan(cur shown, f hal.Face) ([]string, shown, error) {
	var out []string
	next := cur
	next.valid = true
	if !cur.valid {
		next.look = hal.LookAhead // the connect sequence sent eyes.reset
	}
	if f.Eyes.Off {
		if !cur.valid || !cur.eyesOff {
			out = append(out, EyesOff())
		}
		next.eyesOff = true
	} else {
		c := f.Eyes.Color
		if c == (color.RGBA{}) {
			c = StateColor(f.State)
		}
		c.A = 255
		if !cur.valid || cur.eyesOff || c != cur.color {
			out = append(out, EyesColor(c))
		}
		next.eyesOff, next.color = false, c
		if lvl := brightnessLevel(f.Brightness); !cur.valid || lvl != cur.level {
			l, _ := EyesLevel(lvl)
			out = append(out, l)
			next.level = lvl
		}
		if f.Eyes.Look != next.look {
			if u := undoLook(next.look); u != "" {
				out = append(out, u)
			}
			if d := doLook(f.Eyes.Look); d != "" {
				out = append(out, d)
			}
			next.look = f.Eyes.Look
		}
		if f.Eyes.Blink {
			out = append(out, EyesBlink(Both))
		}
		if f.Volume >= 0 && f.Volume != cur.volume {
			v := max(0, min(100, f.Volume))
			l, _ := EyesVolume(int(math.Round(float64(v) * 11 / 100)))
			out = append(out, l)
		}
	}
	next.volume = f.Volume
	key, lines, err := mouthFor(f)
	if err != nil {
		return nil, cur, err
	}
	if !cur.valid || key != cur.mouth {
		out = append(out, lines...)
		next.mouth = key
	}
	return out, next, nil
}
