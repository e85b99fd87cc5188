//go:build linux

package mark1

import (
	"context"
	"errors"
	"image"
	"image/color"
	"image/draw"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/hal"
)

func quietConfig(a *arduino) Config {
	return Config{Port: a.tty.Name(), IconPause: -1, HandshakeTimeout: 10 * time.Second, Log: slog.New(slog.DiscardHandler)}
}

func openOn(t *testing.T, a *arduino, cfg Config) *Enclosure {
	t.Helper()
	e, err := Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	a.expect(t, "system.version", "eyes.reset", "mouth.reset")
	return e
}

func TestHandshake(t *testing.T) {
	a := newArduino(t)
	e := openOn(t, a, quietConfig(a))
	if e.Version() != "1.4.2" || !e.Connected() {
		t.Fatalf("Version %q Connected %v", e.Version(), e.Connected())
	}
	if errs := a.errors(); len(errs) > 0 {
		t.Fatal(errs)
	}
}

func TestNoArduino(t *testing.T) {
	a := newArduino(t)
	a.silent = true
	cfg := quietConfig(a)
	cfg.HandshakeTimeout = 200 * time.Millisecond
	_, err := Open(context.Background(), cfg)
	if !errors.Is(err, ErrNoArduino) || !errors.Is(err, hal.ErrUnavailable) {
		t.Fatalf("Open = %v, want ErrNoArduino and hal.ErrUnavailable", err)
	}
	a.expect(t, "system.version")

	_, err = Open(context.Background(), Config{Port: "/nonexistent/tty"})
	if !errors.Is(err, hal.ErrUnavailable) {
		t.Fatalf("Open on a missing tty = %v, want hal.ErrUnavailable", err)
	}
}

func TestShowOverSerial(t *testing.T) {
	a := newArduino(t)
	e := openOn(t, a, quietConfig(a))
	ctx := context.Background()
	steps := []struct {
		face hal.Face
		want []string
	}{
		{hal.Face{State: hal.StateIdle, Volume: -1}, []string{"eyes.color=2271216", "eyes.level=30", "mouth.reset"}},
		{hal.Face{State: hal.StateListening, Volume: -1}, []string{"mouth.listen"}},
		{hal.Face{State: hal.StateThinking, Volume: -1, Eyes: hal.Eyes{Look: hal.LookCrossed}}, []string{"eyes.look=c", "mouth.think"}},
		{hal.Face{State: hal.StateSpeaking, Volume: -1, Eyes: hal.Eyes{Blink: true}}, []string{"eyes.unlook=c", "eyes.blink=b", "mouth.talk"}},
		{hal.Face{State: hal.StateError, Volume: -1, Mouth: hal.Mouth{Text: "no network"}}, []string{"eyes.color=16721960", "mouth.text=NO NETWORK"}},
		{hal.Face{State: hal.StateIdle, Volume: 50, Brightness: 0.5}, []string{"eyes.color=2271216", "eyes.level=15", "eyes.volume=6", "mouth.reset"}},
	}
	for i, s := range steps {
		if err := e.Show(ctx, s.face); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		a.expect(t, s.want...)
	}
	// The same face again sends nothing: the next line is the Halt's.
	e.Show(ctx, steps[len(steps)-1].face)
	if err := e.Halt(); err != nil {
		t.Fatal(err)
	}
	a.expect(t, "eyes.off", "mouth.reset")
	if errs := a.errors(); len(errs) > 0 {
		t.Fatal(errs)
	}
}

func smile() *image.Gray {
	img := image.NewGray(image.Rect(0, 0, 32, 8))
	for x := 4; x < 28; x++ {
		y := 5
		if x < 8 || x > 23 {
			y = 3
		}
		img.SetGray(x, y, color.Gray{255})
	}
	img.SetGray(0, 0, color.Gray{255})
	img.SetGray(31, 7, color.Gray{255})
	return img
}

func TestIconOverSerial(t *testing.T) {
	a := newArduino(t)
	e := openOn(t, a, quietConfig(a))
	icon := smile()
	if err := e.Show(context.Background(), hal.Face{Volume: -1, Mouth: hal.Mouth{Icon: icon}}); err != nil {
		t.Fatal(err)
	}
	code, _ := EncodeIcon(icon)
	payload := "x=0,y=0,cP=1," + code
	a.expect(t, "eyes.color=2271216", "eyes.level=30",
		"mouth.icon="+payload[:48]+"$", "mouth.icon=$"+payload[48:])
	// A face that sends one more line proves the emulator has handled the
	// icon before we look at it.
	e.Show(context.Background(), hal.Face{Volume: -1})
	a.expect(t, "mouth.reset")
	got := a.lastIcon()
	if got == nil {
		t.Fatalf("emulator drew no icon; errors %v", a.errors())
	}
	for y := range 8 {
		for x := range 32 {
			if (got.GrayAt(x, y).Y != 0) != (icon.GrayAt(x, y).Y != 0) {
				t.Fatalf("pixel (%d,%d) differs after the round trip", x, y)
			}
		}
	}
	if errs := a.errors(); len(errs) > 0 {
		t.Fatal(errs)
	}
}

func TestButtonsAndMessages(t *testing.T) {
	a := newArduino(t)
	var mu sync.Mutex
	var other []Message
	got := make(chan Message, 8)
	cfg := quietConfig(a)
	cfg.OnMessage = func(m Message) {
		mu.Lock()
		other = append(other, m)
		mu.Unlock()
		got <- m
	}
	e := openOn(t, a, cfg)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	a.send("Command: mouth.reset", "mycroft.stop", "volume.up", "volume.down", "unit.reboot", "update", "12")
	want := []hal.ButtonEvent{
		{Button: hal.ButtonAction, Action: hal.Press}, {Button: hal.ButtonAction, Action: hal.Release},
		{Button: hal.ButtonVolUp, Action: hal.Press}, {Button: hal.ButtonVolUp, Action: hal.Release},
		{Button: hal.ButtonVolDown, Action: hal.Press}, {Button: hal.ButtonVolDown, Action: hal.Release},
	}
	wantButtons(ctx, t, e, want)
	for _, w := range []Message{{Kind: MsgMenu, Text: "unit.reboot"}, {Kind: MsgBrightness, Level: 12}} {
		select {
		case m := <-got:
			if m != w {
				t.Fatalf("OnMessage got %+v, want %+v", m, w)
			}
		case <-ctx.Done():
			t.Fatalf("no message, want %+v", w)
		}
	}
	e.Close()
	if _, err := e.Wait(context.Background()); !errors.Is(err, ErrClosed) {
		t.Fatalf("Wait after Close = %v", err)
	}
}

func TestReconnect(t *testing.T) {
	first := newArduino(t)
	var mu sync.Mutex
	current := first
	cfg := quietConfig(first)
	cfg.ReconnectDelay = 10 * time.Millisecond
	cfg.Dial = func(context.Context) (io.ReadWriteCloser, error) {
		mu.Lock()
		defer mu.Unlock()
		return OpenSerial(current.tty.Name())
	}
	e := openOn(t, first, cfg)
	face := hal.Face{State: hal.StateListening, Volume: -1}
	if err := e.Show(context.Background(), face); err != nil {
		t.Fatal(err)
	}
	first.expect(t, "eyes.color=2271216", "eyes.level=30", "mouth.listen")

	second := newArduino(t)
	mu.Lock()
	current = second
	mu.Unlock()
	first.unplug() // the line drops
	second.expect(t, "system.version", "eyes.reset", "mouth.reset",
		"eyes.color=2271216", "eyes.level=30", "mouth.listen")
	if err := e.Show(context.Background(), hal.Face{State: hal.StateThinking, Volume: -1}); err != nil {
		t.Fatal(err)
	}
	second.expect(t, "mouth.think")
}

func TestCommandRanges(t *testing.T) {
	for _, tc := range []struct {
		name string
		f    func() (string, error)
		want string
	}{
		{"level 1", func() (string, error) { return EyesLevel(1) }, "eyes.level=1"},
		{"level 31", func() (string, error) { return EyesLevel(31) }, ""},
		{"fill 23", func() (string, error) { return EyesFill(23) }, "eyes.fill=23"},
		{"fill -1", func() (string, error) { return EyesFill(-1) }, ""},
		{"volume 12", func() (string, error) { return EyesVolume(12) }, ""},
		{"spin 0", func() (string, error) { return EyesTimedSpin(0) }, ""},
		{"spin", func() (string, error) { return EyesTimedSpin(12000) }, "eyes.spin=12000"},
		{"set", func() (string, error) { return EyesSet(23, color.RGBA{255, 0, 0, 255}) }, "eyes.set=23,16711680"},
		{"set 24", func() (string, error) { return EyesSet(24, color.RGBA{}) }, ""},
		{"viseme 7", func() (string, error) { return MouthViseme(7) }, ""},
		{"blink", func() (string, error) { return SystemBlink(3) }, "system.blink=3"},
		{"weather", func() (string, error) { return WeatherDisplay(21, image.NewGray(image.Rect(0, 0, 8, 8))) }, "weather.display=21,x=2,II" + strings.Repeat("A", 16)},
		{"weather wide", func() (string, error) { return WeatherDisplay(21, image.NewGray(image.Rect(0, 0, 9, 8))) }, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.f()
			if tc.want == "" {
				if !errors.Is(err, ErrRange) || got != "" {
					t.Fatalf("got %q, %v; want ErrRange", got, err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("got %q, %v; want %q", got, err, tc.want)
			}
		})
	}
	if got := MouthText("héllo\nworld " + strings.Repeat("x", 80)); len(got) != MaxLine || !strings.HasPrefix(got, "mouth.text=H?LLO?WORLD X") {
		t.Fatalf("MouthText = %q", got)
	}
	for _, s := range []string{EyesSpin(), EyesOn(), EyesReset(), EyesNarrow(Left), EyesWiden(Right), EyesLook(LookUp),
		MouthFakeTalk(), SystemReset(), SystemMute(), SystemUnmute(), TestBegin()} {
		ok := false
		for _, re := range grammar {
			ok = ok || re.MatchString(s)
		}
		if !ok {
			t.Errorf("%q is not in the firmware grammar", s)
		}
	}
}

func TestMissingEchoDoesNotStall(t *testing.T) {
	a := newArduino(t)
	cfg := quietConfig(a)
	cfg.EchoTimeout = 20 * time.Millisecond
	e := openOn(t, a, cfg)
	a.noEcho.Store(true)
	if err := e.Show(context.Background(), hal.Face{State: hal.StateThinking, Volume: -1}); err != nil {
		t.Fatal(err)
	}
	a.expect(t, "eyes.color=2271216", "eyes.level=30", "mouth.think")
}

func TestMouthDisplay(t *testing.T) {
	a := newArduino(t)
	e := openOn(t, a, quietConfig(a))
	var d hal.Display = e.Mouth()
	e.Show(context.Background(), hal.Face{Volume: -1})
	a.expect(t, "eyes.color=2271216", "eyes.level=30", "mouth.reset")
	if d.Bounds() != image.Rect(0, 0, 32, 8) {
		t.Fatalf("bounds %v", d.Bounds())
	}
	if err := d.Draw(image.Rect(30, 6, 32, 8), image.White, image.Point{}); err != nil {
		t.Fatal(err)
	}
	want := image.NewGray(image.Rect(0, 0, 32, 8))
	draw.Draw(want, image.Rect(30, 6, 32, 8), image.White, image.Point{}, draw.Src)
	code, _ := EncodeIcon(want)
	payload := "x=0,y=0,cP=1," + code
	a.expect(t, "mouth.icon="+payload[:48]+"$", "mouth.icon=$"+payload[48:])
	// The face knows the mouth now shows an icon: the same idle face as
	// before resets the mouth, and only the mouth.
	e.Show(context.Background(), hal.Face{Volume: -1})
	a.expect(t, "mouth.reset")
	if err := d.Halt(); err != nil {
		t.Fatal(err)
	}
	a.expect(t, "mouth.reset")
	if err := d.Draw(d.Bounds(), nil, image.Point{}); !errors.Is(err, ErrIcon) {
		t.Fatalf("Draw(nil) = %v", err)
	}
	if errs := a.errors(); len(errs) > 0 {
		t.Fatal(errs)
	}
}

// wantButtons waits for the events of want, in order.
func wantButtons(ctx context.Context, t *testing.T, e *Enclosure, want []hal.ButtonEvent) {
	t.Helper()
	for i, w := range want {
		ev, err := e.Wait(ctx)
		if err != nil || ev.Button != w.Button || ev.Action != w.Action {
			t.Fatalf("event %d = %v %v, %v; want %v %v", i, ev.Button, ev.Action, err, w.Button, w.Action)
		}
	}
}
