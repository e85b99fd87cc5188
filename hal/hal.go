package hal

import (
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"time"
)

// ErrUnavailable is returned by a device (or a board constructor) when the
// hardware it drives is absent or cannot be reached. The agent degrades
// rather than exits on it.
var ErrUnavailable = errors.New("hal: device unavailable")

// ErrMuted is returned by Mic.Read while the hardware mute switch is on.
var ErrMuted = errors.New("hal: microphone muted")

// Halter stops what a device is doing without releasing it.
type Halter interface {
	Halt() error
}

// Display is a pixel device. It is method-for-method periph's
// display.Drawer, so periph drivers satisfy it with no adapter. The Mark I
// mouth is a 32x8 monochrome Display, the Mark II ring a 12x1 RGB Display.
type Display interface {
	fmt.Stringer
	Halter
	ColorModel() color.Model
	Bounds() image.Rectangle
	Draw(dst image.Rectangle, src image.Image, sp image.Point) error
}

// Fill paints the whole of d with c.
func Fill(d Display, c color.Color) error {
	b := d.Bounds()
	return d.Draw(b, &image.Uniform{C: c}, image.Point{})
}

// ButtonID names a physical button.
type ButtonID int

// The buttons the agent knows. A board maps its hardware onto these: the
// Mark I has one click button (Action) and a rotary encoder (VolUp/VolDown);
// the Mark II has three buttons.
const (
	ButtonAction ButtonID = iota + 1
	ButtonVolUp
	ButtonVolDown
)

func (b ButtonID) String() string {
	switch b {
	case ButtonAction:
		return "action"
	case ButtonVolUp:
		return "volume-up"
	case ButtonVolDown:
		return "volume-down"
	}
	return fmt.Sprintf("button(%d)", int(b))
}

// Action is what happened to a button.
type Action int

// Button actions. Long is reported once, while the button is still held, when
// the board's long-press time has passed; a Release follows it.
const (
	Press Action = iota + 1
	Release
	Long
)

func (a Action) String() string {
	switch a {
	case Press:
		return "press"
	case Release:
		return "release"
	case Long:
		return "long"
	}
	return fmt.Sprintf("action(%d)", int(a))
}

// ButtonEvent is one debounced edge of one button.
type ButtonEvent struct {
	Button ButtonID
	Action Action
	At     time.Time
}

// Buttons delivers button events.
type Buttons interface {
	// Wait blocks until the next event or until ctx is done (then it
	// returns ctx.Err()).
	Wait(ctx context.Context) (ButtonEvent, error)
}

// Switch is a two-state input, such as the Mark II microphone mute switch
// (on = muted). On boards with a hardware mute, the software state follows
// the pin, never the other way round.
type Switch interface {
	State() (on bool, err error)
	// WaitChange blocks until the state differs from last, or ctx is done.
	WaitChange(ctx context.Context, last bool) (on bool, err error)
}

// AudioFormat describes the PCM samples of a Mic or Speaker.
type AudioFormat struct {
	Rate     int // samples per second per channel
	Channels int
	Bits     int // bits per sample; always 16 for the agent's devices
}

// Voice is the agent's internal format: 16 kHz mono signed 16-bit.
var Voice = AudioFormat{Rate: 16000, Channels: 1, Bits: 16}

// FrameSamples is the number of samples in one 10 ms frame of Voice audio.
const FrameSamples = 160

// Mic captures audio. Read fills p with samples in Format and blocks for at
// most one period; it returns io.EOF when a finite source ends and ErrMuted
// while the hardware mute is on.
type Mic interface {
	Format() AudioFormat
	Read(p []int16) (int, error)
}

// Speaker plays audio. Write blocks until the samples are queued; Halt
// drops what is queued.
type Speaker interface {
	Halter
	Format() AudioFormat
	Write(p []int16) (int, error)
}

// FaceState is the agent's state as the faceplate shows it.
type FaceState int

// Faceplate states of DESIGN.md §7.
const (
	StateIdle FaceState = iota
	StateListening
	StateThinking
	StateSpeaking
	StateError
	StateMuted
	StateMining
)

var stateNames = [...]string{"idle", "listening", "thinking", "speaking", "error", "muted", "mining"}

func (s FaceState) String() string {
	if s >= 0 && int(s) < len(stateNames) {
		return stateNames[s]
	}
	return fmt.Sprintf("state(%d)", int(s))
}

// ParseFaceState is the inverse of FaceState.String.
func ParseFaceState(s string) (FaceState, error) {
	for i, n := range stateNames {
		if n == s {
			return FaceState(i), nil
		}
	}
	return 0, fmt.Errorf("hal: unknown face state %q", s)
}

// MarshalText implements encoding.TextMarshaler.
func (s FaceState) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *FaceState) UnmarshalText(b []byte) error {
	v, err := ParseFaceState(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Look is where the eyes look.
type Look int

// Eye directions. LookCrossed and LookNarrow are the Mark I "thinking" and
// "sleepy" expressions.
const (
	LookAhead Look = iota
	LookUp
	LookDown
	LookLeft
	LookRight
	LookCrossed
	LookNarrow
)

// Eyes is what the eyes show (Mark I eyes; on the Mark II ring, the colour).
type Eyes struct {
	Color color.RGBA
	Look  Look
	Blink bool // blink once
	Off   bool
}

// Icon is a monochrome image for the mouth. Set pixels are on. Boards scale
// or clip it to their mouth (the Mark I mouth is 32x8).
type Icon = *image.Gray

// Mouth is what the mouth shows: text (scrolled when long), an icon, or,
// when both are empty, the animation of the face state.
type Mouth struct {
	Text string
	Icon Icon
}

// RingPattern is an animation of the Mark II LED ring.
type RingPattern int

// Ring patterns.
const (
	RingOff RingPattern = iota
	RingSolid
	RingSpin  // one lit segment going round
	RingPulse // all LEDs breathing
	RingBlink
	RingLevel // a gauge: Level of the ring lit
)

// Ring is what the LED ring shows.
type Ring struct {
	Pattern RingPattern
	Color   color.RGBA
	Level   float64 // 0..1, for RingLevel
}

// Face is everything the agent wants the faceplate to show at one moment.
// Boards render what their hardware has and ignore the rest.
type Face struct {
	State      FaceState
	Eyes       Eyes
	Mouth      Mouth
	Ring       Ring
	Brightness float64 // 0..1; 0 means the board default
	// Volume, when >= 0, shows a volume gauge (0..100) briefly; NoVolume
	// (-1) shows none. Note that the zero Face has Volume 0 and so shows the
	// gauge at 0: set Volume to NoVolume unless a gauge is wanted.
	Volume int
}

// NoVolume in Face.Volume shows no volume gauge.
const NoVolume = -1

// Faceplate is the semantic output of the device. Show replaces what is
// shown; it does not block on animations.
type Faceplate interface {
	Halter
	Show(ctx context.Context, f Face) error
}

// Volume is an output with a hardware or mixer volume (the Mark II
// amplifier, the Mark I's ALSA mixer).
type Volume interface {
	// SetVolume sets the level, 0 (silent) to 100 (the board's safe maximum).
	SetVolume(level int) error
	Volume() (int, error)
}

// Board is the set of devices one board provides. A nil field means the board
// has no such device (the agent shows a health warning and carries on).
type Board struct {
	Name      string // "mark1", "mark2", "sim"
	Revision  string // board revision where known, such as "R10"
	Mic       Mic
	Speaker   Speaker
	Faceplate Faceplate
	Buttons   Buttons
	Mute      Switch // nil when the board has no mute switch
	Volume    Volume
	// Warnings are non-fatal problems found while opening the board (a
	// missing amplifier, no fan), for `mycroft status`.
	Warnings []string
	// Check, when set, reports problems found while running (a serial
	// line that dropped, audio lost to overruns since start), for
	// `mycroft status`. It must be cheap and must not block on I/O.
	Check func() []string
	// Close releases every device the board opened.
	Close func() error
}
