package mark1

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	"strconv"
	"strings"
)

// Protocol limits.
const (
	// MaxLine is the longest line (without the newline) the driver sends.
	// The Arduino's receive buffer holds 64 bytes.
	MaxLine = 60
	// MaxIconPayload is the longest mouth.icon payload the firmware
	// reassembles from two parts.
	MaxIconPayload = 90
	// MouthWidth and MouthHeight are the size of the mouth matrix.
	MouthWidth, MouthHeight = 32, 8
	// EyePixels is the number of NeoPixels in both eyes.
	EyePixels = 24
)

// Errors.
var (
	// ErrRange reports a command parameter outside what the firmware accepts.
	ErrRange = errors.New("mark1: parameter out of range")
	// ErrIcon reports a malformed mouth.icon code.
	ErrIcon = errors.New("mark1: malformed icon code")
	// ErrLine reports a line the Arduino cannot have sent.
	ErrLine = errors.New("mark1: malformed line")
	// ErrNoArduino reports that nothing answered the handshake.
	ErrNoArduino = errors.New("mark1: no Arduino answered system.version")
)

// Side selects one eye or both for blink, narrow and widen.
type Side byte

// Sides as the firmware spells them.
const (
	Both  Side = 'b'
	Left  Side = 'l'
	Right Side = 'r'
)

// Direction is where eyes.look points.
type Direction byte

// Directions as the firmware spells them.
const (
	LookLeft    Direction = 'l'
	LookRight   Direction = 'r'
	LookUp      Direction = 'u'
	LookDown    Direction = 'd'
	LookCrossed Direction = 'c'
)

// ColorValue is the decimal colour parameter: 0x00RRGGBB.
func ColorValue(c color.RGBA) int { return int(c.R)<<16 | int(c.G)<<8 | int(c.B) }

func inRange(name string, v, lo, hi int) error {
	if v < lo || v > hi {
		return fmt.Errorf("%w: %s=%d, want %d..%d", ErrRange, name, v, lo, hi)
	}
	return nil
}

// param returns "name=v", or an error when v is outside lo..hi.
func param(name string, v, lo, hi int) (string, error) {
	if err := inRange(name, v, lo, hi); err != nil {
		return "", err
	}
	return name + "=" + strconv.Itoa(v), nil
}

// The Pi→Arduino commands. Each returns the line without its newline.
// Functions taking a parameter validate it against the range the firmware
// documents.

// EyesColor sets all eye pixels to c and shows the eyes.
func EyesColor(c color.RGBA) string { return "eyes.color=" + strconv.Itoa(ColorValue(c)) }

// EyesLevel sets the eye brightness, 1..30.
func EyesLevel(level int) (string, error) {
	return param("eyes.level", level, 1, 30)
}

// EyesFill lights pixels 0..n (0..23) in the current colour.
func EyesFill(n int) (string, error) {
	return param("eyes.fill", n, 0, 23)
}

// EyesVolume shows a 0..11 gauge on each eye for 3 s.
func EyesVolume(n int) (string, error) {
	return param("eyes.volume", n, 0, 11)
}

// EyesSpin spins the eyes until the next eye command.
func EyesSpin() string { return "eyes.spin" }

// EyesTimedSpin spins for ms milliseconds (> 0) then turns the eyes off.
func EyesTimedSpin(ms int) (string, error) {
	return param("eyes.spin", ms, 1, 1<<30)
}

// EyesOn lights every eye pixel in the current colour.
func EyesOn() string { return "eyes.on" }

// EyesOff turns the eyes off.
func EyesOff() string { return "eyes.off" }

// EyesReset returns to open eyes.
func EyesReset() string { return "eyes.reset" }

// EyesBlink blinks one eye or both.
func EyesBlink(s Side) string { return "eyes.blink=" + string(s) }

// EyesNarrow squints one eye or both.
func EyesNarrow(s Side) string { return "eyes.narrow=" + string(s) }

// EyesWiden undoes EyesNarrow.
func EyesWiden(s Side) string { return "eyes.widen=" + string(s) }

// EyesLook looks in direction d.
func EyesLook(d Direction) string { return "eyes.look=" + string(d) }

// EyesUnlook undoes EyesLook(d).
func EyesUnlook(d Direction) string { return "eyes.unlook=" + string(d) }

// EyesSet sets pixel idx (0..23; 0..11 the right eye) to c.
func EyesSet(idx int, c color.RGBA) (string, error) {
	if err := inRange("eyes.set", idx, 0, EyePixels-1); err != nil {
		return "", err
	}
	return "eyes.set=" + strconv.Itoa(idx) + "," + strconv.Itoa(ColorValue(c)), nil
}

// MouthReset clears the mouth.
func MouthReset() string { return "mouth.reset" }

// MouthTalk starts the talking animation.
func MouthTalk() string { return "mouth.talk" }

// MouthFakeTalk starts the simple moving-mouth animation.
func MouthFakeTalk() string { return "mouth.faketalk" }

// MouthListen starts the listening animation.
func MouthListen() string { return "mouth.listen" }

// MouthThink starts the thinking animation.
func MouthThink() string { return "mouth.think" }

// MaxText is the longest text MouthText sends.
const MaxText = MaxLine - len("mouth.text=")

// MouthText scrolls s on the mouth. The firmware's font is upper case
// ASCII; s is upper-cased, characters outside printable ASCII become '?',
// and text beyond MaxText is cut.
func MouthText(s string) string {
	var b strings.Builder
	b.WriteString("mouth.text=")
	n := 0
	for _, r := range strings.ToUpper(s) {
		if n == MaxText {
			break
		}
		if r < 0x20 || r > 0x7e {
			r = '?'
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}

// MouthViseme shows lip shape v (0..6).
func MouthViseme(v int) (string, error) {
	return param("mouth.viseme", v, 0, 6)
}

// SystemReset soft-resets the Arduino.
func SystemReset() string { return "system.reset" }

// SystemMute turns the speaker amplifier off.
func SystemMute() string { return "system.mute" }

// SystemUnmute turns the speaker amplifier on.
func SystemUnmute() string { return "system.unmute" }

// SystemBlink blinks the Arduino's on-board LED n times (1..100).
func SystemBlink(n int) (string, error) {
	return param("system.blink", n, 1, 100)
}

// SystemVersion asks for the firmware version (the handshake).
func SystemVersion() string { return "system.version" }

// TestBegin runs the enclosure's hardware self test.
func TestBegin() string { return "test.begin" }

// WeatherDisplay shows temp (-99..999) beside an 8x8 icon drawn at x=2.
func WeatherDisplay(temp int, icon *image.Gray) (string, error) {
	if err := inRange("weather temperature", temp, -99, 999); err != nil {
		return "", err
	}
	code, err := EncodeIcon(icon)
	if err != nil {
		return "", err
	}
	if icon.Rect.Dx() > 8 {
		return "", fmt.Errorf("%w: weather icon %d wide, want at most 8", ErrRange, icon.Rect.Dx())
	}
	return "weather.display=" + strconv.Itoa(temp) + ",x=2," + code, nil
}

// EncodeIcon encodes img for mouth.icon: a width character, a height
// character ('A'+n), then two characters per column, left to right, each
// 'A'+nibble; the first holds rows 0-3, the second rows 4-7, least
// significant bit on top. A pixel is on when its grey level is at least 128.
// The image is clipped to 32x8; the height is always encoded as 8 so an
// icon clears the rows under it.
func EncodeIcon(img *image.Gray) (string, error) {
	if img == nil || img.Rect.Empty() {
		return "", fmt.Errorf("%w: empty image", ErrIcon)
	}
	w := min(img.Rect.Dx(), MouthWidth)
	buf := make([]byte, 2+2*w)
	buf[0], buf[1] = byte('A'+w), byte('A'+MouthHeight)
	for x := range w {
		var lo, hi byte
		for y := range min(img.Rect.Dy(), MouthHeight) {
			if img.GrayAt(img.Rect.Min.X+x, img.Rect.Min.Y+y).Y < 128 {
				continue
			}
			if y < 4 {
				lo |= 1 << y
			} else {
				hi |= 1 << (y - 4)
			}
		}
		buf[2+2*x], buf[3+2*x] = 'A'+lo, 'A'+hi
	}
	return string(buf), nil
}

// DecodeIcon is the inverse of EncodeIcon (set pixels are 255).
func DecodeIcon(code string) (*image.Gray, error) {
	if len(code) < 2 {
		return nil, fmt.Errorf("%w: %d characters", ErrIcon, len(code))
	}
	w, h := int(code[0])-'A', int(code[1])-'A'
	if w < 1 || w > MouthWidth || h < 1 || h > MouthHeight {
		return nil, fmt.Errorf("%w: size %q", ErrIcon, code[:2])
	}
	if len(code) != 2+2*w {
		return nil, fmt.Errorf("%w: %d characters for width %d", ErrIcon, len(code), w)
	}
	img := image.NewGray(image.Rect(0, 0, w, h))
	for x := range w {
		for half := range 2 {
			c := code[2+2*x+half]
			if c < 'A' || c > 'P' {
				return nil, fmt.Errorf("%w: character %q", ErrIcon, c)
			}
			n := c - 'A'
			for bit := range 4 {
				y := half*4 + bit
				if n&(1<<bit) == 0 {
					continue
				}
				if y >= h {
					return nil, fmt.Errorf("%w: pixel below height %d", ErrIcon, h)
				}
				img.Pix[y*img.Stride+x] = 255
			}
		}
	}
	return img, nil
}

// MouthIcon returns the line (or the two lines) that draw code at (x, y),
// clearing the mouth first when clear is set. A line longer than MaxLine is
// split: the first part ends with '$' and the second starts with
// "mouth.icon=$"; the firmware joins them.
func MouthIcon(x, y int, clear bool, code string) ([]string, error) {
	if err := inRange("icon x", x, 0, MouthWidth-1); err != nil {
		return nil, err
	}
	if err := inRange("icon y", y, 0, MouthHeight-1); err != nil {
		return nil, err
	}
	if _, err := DecodeIcon(code); err != nil {
		return nil, err
	}
	cp := 0
	if clear {
		cp = 1
	}
	payload := fmt.Sprintf("x=%d,y=%d,cP=%d,%s", x, y, cp, code)
	return splitIcon(payload), nil
}

func splitIcon(payload string) []string {
	const head = "mouth.icon="
	if len(head)+len(payload) <= MaxLine {
		return []string{head + payload}
	}
	cut := MaxLine - len(head) - 1
	return []string{head + payload[:cut] + "$", head + "$" + payload[cut:]}
}

// MessageKind classifies an Arduino→Pi line.
type MessageKind int

// Message kinds.
const (
	MsgUnknown    MessageKind = iota
	MsgEcho                   // "Command: <line>": the Arduino got a line
	MsgVersion                // "Mycroft Mark 1 v1.4.2" (with " - Connected" at boot)
	MsgStop                   // "mycroft.stop": short click of the button
	MsgVolumeUp               // "volume.up": encoder turned right
	MsgVolumeDown             // "volume.down": encoder turned left
	MsgMenu                   // "unit.<item>" or "mycroft.mark1.demo": a menu choice
	MsgTest                   // "system.test.begin", "mic.test", "system.test.end"
	MsgBrightness             // "update" then a level: eye brightness changed
)

var kindNames = [...]string{"unknown", "echo", "version", "stop", "volume-up", "volume-down", "menu", "test", "brightness"}

func (k MessageKind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// Message is one parsed Arduino→Pi message.
type Message struct {
	Kind MessageKind
	// Text is the echoed line (MsgEcho), the firmware version such as
	// "1.4.2" (MsgVersion), the menu item such as "unit.reboot" (MsgMenu),
	// the test step (MsgTest), or the whole line (MsgUnknown).
	Text string
	// Level is the eye brightness (MsgBrightness).
	Level int
}

// Menu items the firmware's on-device menu sends.
var menuItems = map[string]bool{
	"unit.reboot": true, "unit.shutdown": true, "unit.setwifi": true,
	"unit.factory-reset": true, "unit.enable-ssh": true, "unit.disable-ssh": true,
	"unit.enable-learning": true, "unit.disable-learning": true,
	"mycroft.mark1.demo": true,
}

// Parser turns Arduino→Pi lines into Messages. It keeps the one piece of
// state the protocol needs: "update" announces that the next line is a
// brightness level.
type Parser struct {
	wantLevel bool
}

// Parse parses one line, without its line end ("\r\n" or "\n" are
// trimmed if present). It returns ok=false when the line completes nothing
// yet (the "update" line). Lines with control characters or longer than 256
// bytes are ErrLine.
func (p *Parser) Parse(line string) (m Message, ok bool, err error) {
	line = strings.TrimRight(line, "\r\n")
	if len(line) > 256 {
		return Message{}, false, fmt.Errorf("%w: %d bytes", ErrLine, len(line))
	}
	for i := 0; i < len(line); i++ {
		if c := line[i]; c < 0x20 || c == 0x7f {
			return Message{}, false, fmt.Errorf("%w: control byte %#x", ErrLine, c)
		}
	}
	if p.wantLevel {
		p.wantLevel = false
		if n, err := strconv.Atoi(strings.TrimSpace(line)); err == nil && n >= 0 && n <= 255 {
			return Message{Kind: MsgBrightness, Level: n}, true, nil
		}
		// Not a level after all: parse the line on its own.
	}
	switch {
	case strings.HasPrefix(line, "Command: "):
		return Message{Kind: MsgEcho, Text: strings.TrimPrefix(line, "Command: ")}, true, nil
	case strings.HasPrefix(line, "Mycroft Mark 1 v"):
		v := strings.TrimPrefix(line, "Mycroft Mark 1 v")
		v, _, _ = strings.Cut(v, " ")
		return Message{Kind: MsgVersion, Text: v}, true, nil
	case line == "mycroft.stop":
		return Message{Kind: MsgStop}, true, nil
	case line == "volume.up":
		return Message{Kind: MsgVolumeUp}, true, nil
	case line == "volume.down":
		return Message{Kind: MsgVolumeDown}, true, nil
	case menuItems[line]:
		return Message{Kind: MsgMenu, Text: line}, true, nil
	case line == "system.test.begin" || line == "mic.test" || line == "system.test.end":
		return Message{Kind: MsgTest, Text: line}, true, nil
	case line == "update":
		p.wantLevel = true
		return Message{}, false, nil
	}
	return Message{Kind: MsgUnknown, Text: line}, true, nil
}
