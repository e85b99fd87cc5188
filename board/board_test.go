package board

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/creack/pty"
	"golang.org/x/sys/unix"

	"github.com/mycroft-network/mycroft/board/alsa"
	"github.com/mycroft-network/mycroft/board/mark2"
	"github.com/mycroft-network/mycroft/board/portaudio"
	"github.com/mycroft-network/mycroft/hal"
	"github.com/mycroft-network/mycroft/hal/haltest"
)

var quiet = slog.New(slog.DiscardHandler)

// hooks replaces the hardware hooks for one test.
func hooks(t *testing.T, rev string, ok bool, err error, audio bool) {
	t.Helper()
	d, o, m, s, x := detectMark2, openMark2, openMic, openSpeaker, openMixer
	t.Cleanup(func() { detectMark2, openMark2, openMic, openSpeaker, openMixer = d, o, m, s, x })
	openMixer = func(alsa.Config) (hal.Volume, func() error, string, error) {
		return nil, nil, "", alsa.ErrNoCard // as on a machine without sound cards
	}
	detectMark2 = func(context.Context) (string, bool, error) { return rev, ok, err }
	openMark2 = func(context.Context, mark2.Config) (*hal.Board, error) {
		return nil, errors.New("openMark2 not stubbed")
	}
	if audio {
		openMic = func() (hal.Mic, func() error, error) {
			m := haltest.NewPlaybackMic(make([]int16, 320))
			m.AllowUnread = true
			return m, m.Close, nil
		}
		openSpeaker = func() (hal.Speaker, func() error, error) {
			s := haltest.NewRecordSpeaker()
			return s, s.Close, nil
		}
	} else {
		openMic = func() (hal.Mic, func() error, error) { return nil, nil, hal.ErrUnavailable }
		openSpeaker = func() (hal.Speaker, func() error, error) { return nil, nil, hal.ErrUnavailable }
	}
}

func hasWarning(b *hal.Board, part string) bool {
	return slices.ContainsFunc(b.Warnings, func(w string) bool { return strings.Contains(w, part) })
}

func TestUnknownKind(t *testing.T) {
	if _, err := Open(context.Background(), Config{Kind: "mark3", Log: quiet}); !errors.Is(err, ErrKind) {
		t.Fatalf("Open(mark3) = %v, want ErrKind", err)
	}
}

func TestAutoFallsBackToSim(t *testing.T) {
	for _, tc := range []struct {
		name string
		err  error
	}{
		{"no SJ201", nil},
		{"no I2C bus", errors.New("no /dev/i2c-1")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			hooks(t, "", false, tc.err, false)
			var out bytes.Buffer
			b, err := Open(context.Background(), Config{SerialPort: filepath.Join(t.TempDir(), "ttyAMA0"), Stdout: &out, Log: quiet})
			if err != nil {
				t.Fatal(err)
			}
			defer b.Close()
			if b.Name != KindSim || !hasWarning(b, "simulated board") {
				t.Fatalf("board %q warnings %q", b.Name, b.Warnings)
			}
			b.Faceplate.Show(context.Background(), hal.Face{Volume: -1})
			if !strings.Contains(out.String(), "idle") {
				t.Fatal("the simulated face was not drawn on Stdout")
			}
		})
	}
}

func TestAutoMark2(t *testing.T) {
	hooks(t, "R10", true, nil, true)
	fake := haltest.NewBoard(nil)
	fake.Mute.Set(true)
	openMark2 = func(_ context.Context, cfg mark2.Config) (*hal.Board, error) {
		if cfg.XMOSFirmware != "/fw.bin" {
			t.Errorf("XMOS firmware %q not passed on", cfg.XMOSFirmware)
		}
		hb := fake.HAL()
		hb.Name, hb.Revision, hb.Mic, hb.Speaker = "mark2", "R10", nil, nil
		hb.Warnings = []string{mark2.WarnAudio, "fan: none"}
		return hb, nil
	}
	b, err := Open(context.Background(), Config{XMOSFirmware: "/fw.bin", Log: quiet})
	if err != nil {
		t.Fatal(err)
	}
	if b.Name != "mark2" || b.Mic == nil || b.Speaker == nil {
		t.Fatalf("board %+v", b)
	}
	if hasWarning(b, "wired by the board package") || !hasWarning(b, "fan") {
		t.Fatalf("warnings %q", b.Warnings)
	}
	if _, err := b.Mic.Read(make([]int16, 160)); !errors.Is(err, hal.ErrMuted) {
		t.Fatalf("mic with the mute switch on: %v, want ErrMuted", err)
	}
	fake.Mute.Set(false)
	if n, err := b.Mic.Read(make([]int16, 160)); n != 160 || err != nil {
		t.Fatalf("mic unmuted: %d %v", n, err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
}

// arduino answers the handshake the way the enclosure firmware does.
func arduino(t *testing.T) string {
	t.Helper()
	name, _ := arduinoPlug(t)
	return name
}

// arduinoPlug is arduino with a function that unplugs it (closes both
// ends of the pty, as a USB serial device that goes away).
func arduinoPlug(t *testing.T) (string, func()) {
	t.Helper()
	master, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pty: %v", err)
	}
	fd, err := unix.Dup(int(master.Fd()))
	master.Close()
	if err != nil {
		t.Fatal(err)
	}
	unix.SetNonblock(fd, true)
	m := os.NewFile(uintptr(fd), "ptmx")
	unplug := func() { m.Close(); tty.Close() }
	t.Cleanup(unplug)
	go func() {
		br := bufio.NewReader(m)
		for {
			line, err := br.ReadString('\n')
			if err != nil {
				return
			}
			line = strings.TrimSuffix(line, "\n")
			io.WriteString(m, "Command: "+line+"\r\n")
			if line == "system.version" {
				io.WriteString(m, "Mycroft Mark 1 v1.4.2\r\n")
			}
		}
	}()
	return tty.Name(), unplug
}

// countingMic is a portaudio-like mic with overrun counters.
type countingMic struct {
	hal.Mic
	over uint64
}

func (m *countingMic) Counters() portaudio.Counters { return portaudio.Counters{Overflows: m.over} }

// While running, the Mark I board reports an unplugged Arduino and audio
// lost to overruns in Check; nothing while all is well.
func TestMark1LiveChecks(t *testing.T) {
	hooks(t, "", false, nil, true)
	mic := &countingMic{Mic: haltest.NewPlaybackMic(make([]int16, 320))}
	openMic = func() (hal.Mic, func() error, error) { return mic, func() error { return nil }, nil }
	port, unplug := arduinoPlug(t)
	b, err := Open(context.Background(), Config{Kind: KindMark1, SerialPort: port, Log: quiet})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if b.Check == nil {
		t.Fatal("no Check on the Mark I board")
	}
	if got := b.Check(); len(got) != 0 {
		t.Fatalf("Check with all well = %q, want nothing", got)
	}
	mic.over = 3
	if got := b.Check(); len(got) != 1 || !strings.Contains(got[0], "3 input overflows") {
		t.Fatalf("Check after overflows = %q", got)
	}
	mic.over = 0
	unplug()
	deadline := time.Now().Add(20 * time.Second)
	for {
		got := b.Check()
		if len(got) == 1 && strings.Contains(got[0], "serial line is down") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("Check after unplugging = %q, want the serial line down", got)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestAutoMark1(t *testing.T) {
	hooks(t, "", false, nil, false)
	b, err := Open(context.Background(), Config{SerialPort: arduino(t), Log: quiet})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if b.Name != "mark1" || b.Revision != "1.4.2" || b.Faceplate == nil || b.Buttons == nil {
		t.Fatalf("board %q rev %q", b.Name, b.Revision)
	}
	// No portaudio here: the board degrades.
	if b.Mic != nil || !hasWarning(b, "microphone") || !hasWarning(b, "speaker") || !hasWarning(b, "volume") {
		t.Fatalf("warnings %q", b.Warnings)
	}
	if err := b.Faceplate.Show(context.Background(), hal.Face{State: hal.StateListening, Volume: -1}); err != nil {
		t.Fatal(err)
	}
}

func TestForcedMark1WithoutArduino(t *testing.T) {
	hooks(t, "", false, nil, true)
	b, err := Open(context.Background(), Config{Kind: KindMark1, SerialPort: filepath.Join(t.TempDir(), "none"), Log: quiet})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if b.Faceplate != nil || b.Mic == nil || !hasWarning(b, "faceplate and buttons") {
		t.Fatalf("board %+v", b)
	}
}

func TestForcedSim(t *testing.T) {
	hooks(t, "R6", true, nil, false) // detection must not run
	detectMark2 = func(context.Context) (string, bool, error) {
		t.Error("detection ran for a configured kind")
		return "", false, nil
	}
	b, err := Open(context.Background(), Config{Kind: KindSim, SimFace: "mark2", Stdout: io.Discard, Log: quiet})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if b.Name != "sim" || b.Revision != "mark2" || len(b.Warnings) != 0 {
		t.Fatalf("board %q %q warnings %q", b.Name, b.Revision, b.Warnings)
	}
}
