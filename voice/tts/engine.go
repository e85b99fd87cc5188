package tts

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Rate is the sample rate Synthesize returns.
const Rate = 16000

// Sentinel errors.
var (
	// ErrNoEngine: the speech program is not installed.
	ErrNoEngine = errors.New("tts: speech engine not installed")
	// ErrBadAudio: the engine's output was not a PCM WAV we understand.
	ErrBadAudio = errors.New("tts: engine wrote unreadable audio")
)

// MaxText is the longest text Synthesize accepts, in bytes.
const MaxText = 4096

// Engine runs a speech synthesiser program.
type Engine struct {
	// Program is "flite" or "espeak-ng" (or a path to one of them).
	Program string
	// Voice is the engine's voice name: for flite "slt" (16 kHz, the
	// default), "rms", "awb", "kal" (8 kHz); for espeak-ng a language such as
	// "en-us" (the default).
	Voice string
	// Speed in words per minute for espeak-ng; 0 keeps its default.
	Speed int
}

// Flite returns an engine running flite with the 16 kHz "slt" voice.
func Flite() *Engine { return &Engine{Program: "flite", Voice: "slt"} }

// EspeakNG returns an engine running espeak-ng with the en-us voice.
func EspeakNG() *Engine { return &Engine{Program: "espeak-ng", Voice: "en-us"} }

func (e *Engine) kind() string {
	if strings.Contains(filepath.Base(e.Program), "espeak") {
		return "espeak-ng"
	}
	return "flite"
}

// Available reports whether the program can be found.
func (e *Engine) Available() bool {
	_, err := exec.LookPath(e.Program)
	return err == nil
}

// Synthesize speaks text and returns 16 kHz mono s16 samples.
func (e *Engine) Synthesize(ctx context.Context, text string) ([]int16, error) {
	text = clean(text)
	if text == "" {
		return nil, nil
	}
	if len(text) > MaxText {
		text = text[:MaxText]
	}
	path, err := exec.LookPath(e.Program)
	if err != nil {
		return nil, fmt.Errorf("%w: %s", ErrNoEngine, e.Program)
	}
	var wav []byte
	switch e.kind() {
	case "espeak-ng":
		args := []string{"--stdout"}
		if e.Voice != "" {
			args = append(args, "-v", e.Voice)
		}
		if e.Speed > 0 {
			args = append(args, "-s", fmt.Sprint(e.Speed))
		}
		cmd := exec.CommandContext(ctx, path, args...)
		cmd.Stdin = strings.NewReader(text) // never an argument: text may start with '-'
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if wav, err = cmd.Output(); err != nil {
			return nil, fmt.Errorf("tts: espeak-ng: %w: %s", err, strings.TrimSpace(stderr.String()))
		}
	default:
		dir, err := os.MkdirTemp("", "mycroft-tts-")
		if err != nil {
			return nil, fmt.Errorf("tts: flite: %w", err)
		}
		defer os.RemoveAll(dir)
		in, out := filepath.Join(dir, "in.txt"), filepath.Join(dir, "out.wav")
		if err := os.WriteFile(in, []byte(text), 0o600); err != nil {
			return nil, fmt.Errorf("tts: flite: %w", err)
		}
		args := []string{"-f", in, "-o", out}
		if e.Voice != "" {
			args = append(args, "-voice", e.Voice)
		}
		cmd := exec.CommandContext(ctx, path, args...)
		if msg, err := cmd.CombinedOutput(); err != nil {
			return nil, fmt.Errorf("tts: flite: %w: %s", err, strings.TrimSpace(string(msg)))
		}
		if wav, err = os.ReadFile(out); err != nil {
			return nil, fmt.Errorf("tts: flite: %w", err)
		}
	}
	pcm, rate, err := DecodeWAV(wav)
	if err != nil {
		return nil, fmt.Errorf("tts: %s: %w", e.kind(), err)
	}
	if rate != Rate {
		pcm = Resample(pcm, rate, Rate)
	}
	return pcm, nil
}

// clean keeps text printable and on one line.
func clean(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r < ' ' || r == 0x7f
	}), " ")
}

// DecodeWAV reads a PCM WAV (16-bit, any rate, mono or the first channel of
// many). espeak-ng writes streaming headers whose sizes are 0 or 0x7fffffff:
// a data chunk that claims more than is there runs to the end of the input.
func DecodeWAV(b []byte) (pcm []int16, rate int, err error) {
	if len(b) < 12 || string(b[:4]) != "RIFF" || string(b[8:12]) != "WAVE" {
		return nil, 0, fmt.Errorf("%w: not RIFF/WAVE", ErrBadAudio)
	}
	channels, bits := 0, 0
	for p := 12; p+8 <= len(b); {
		id := string(b[p : p+4])
		n := int(binary.LittleEndian.Uint32(b[p+4:]))
		p += 8
		switch id {
		case "fmt ":
			if n < 16 || p+16 > len(b) {
				return nil, 0, fmt.Errorf("%w: short fmt chunk", ErrBadAudio)
			}
			if f := binary.LittleEndian.Uint16(b[p:]); f != 1 && f != 0xfffe {
				return nil, 0, fmt.Errorf("%w: format %d is not PCM", ErrBadAudio, f)
			}
			channels = int(binary.LittleEndian.Uint16(b[p+2:]))
			rate = int(binary.LittleEndian.Uint32(b[p+4:]))
			bits = int(binary.LittleEndian.Uint16(b[p+14:]))
		case "data":
			if channels < 1 || bits != 16 || rate <= 0 {
				return nil, 0, fmt.Errorf("%w: %d channels of %d bits at %d Hz", ErrBadAudio, channels, bits, rate)
			}
			if n <= 0 || n > len(b)-p {
				n = len(b) - p
			}
			frames := n / (2 * channels)
			pcm = make([]int16, frames)
			for i := range pcm {
				pcm[i] = int16(binary.LittleEndian.Uint16(b[p+2*channels*i:]))
			}
			return pcm, rate, nil
		}
		if n < 0 || n > len(b)-p {
			break
		}
		p += n + n&1
	}
	return nil, 0, fmt.Errorf("%w: no data chunk", ErrBadAudio)
}
