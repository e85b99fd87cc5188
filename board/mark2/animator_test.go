package mark2

import (
	"context"
	"image/color"
	"testing"
	"time"

	"periph.io/x/conn/v3/i2c/i2ctest"

	"github.com/mycroft-network/mycroft/hal"
)

func solid(c color.RGBA) Frame {
	var f Frame
	for i := range f {
		f[i] = c
	}
	return f
}

func TestRender(t *testing.T) {
	off := Frame{}
	// Expected values are the spec colours scaled by hand (x0.5 default
	// brightness, rounded half up).
	muted := solid(color.RGBA{128, 0, 0, 255})
	listen0 := solid(color.RGBA{32, 110, 88, 255})  // (64,219,176) x 0.5
	listenMid := solid(color.RGBA{3, 11, 9, 255})   // x 0.1 x 0.5
	speaking := solid(color.RGBA{17, 84, 120, 255}) // (34,167,240) x 0.5
	var vol50 Frame                                 // 6 white LEDs from LED 4
	for i := 4; i < 10; i++ {
		vol50[i] = color.RGBA{128, 128, 128, 255}
	}
	var vol100 Frame // 11 LEDs: 4..11, 0..2
	for i := 0; i < 11; i++ {
		vol100[(4+i)%12] = color.RGBA{128, 128, 128, 255}
	}
	var thinking0 Frame // head at LED 0, tail of 10 behind it
	thinking0[0] = color.RGBA{17, 84, 120, 255}
	for i := 1; i <= 10; i++ {
		k := float64(11-i) / 11 * 0.5
		thinking0[12-i] = color.RGBA{uint8(34*k + 0.5), uint8(167*k + 0.5), uint8(240*k + 0.5), 255}
	}
	var level25 Frame // 3 of 12 LEDs from LED 4, full brightness
	for i := 4; i < 7; i++ {
		level25[i] = color.RGBA{0, 0, 255, 255}
	}
	var spin6 Frame // RingSpin at 600 ms of 1.2 s: head at LED 6, tail 2
	spin6[6] = color.RGBA{128, 128, 128, 255}
	spin6[5] = color.RGBA{85, 85, 85, 255} // 2/3 x 0.5
	spin6[4] = color.RGBA{43, 43, 43, 255} // 1/3 x 0.5

	tests := []struct {
		name string
		face hal.Face
		at   time.Duration
		want Frame
	}{
		{"idle", hal.Face{State: hal.StateIdle, Volume: -1}, 0, off},
		{"muted", hal.Face{State: hal.StateMuted, Volume: -1}, 3 * time.Second, muted},
		{"listening start", hal.Face{State: hal.StateListening, Volume: -1}, 0, listen0},
		{"listening half period", hal.Face{State: hal.StateListening, Volume: -1}, time.Second, listenMid},
		{"listening full period", hal.Face{State: hal.StateListening, Volume: -1}, 2 * time.Second, listen0},
		{"thinking", hal.Face{State: hal.StateThinking, Volume: -1}, 0, thinking0},
		{"speaking", hal.Face{State: hal.StateSpeaking, Volume: -1}, 0, speaking},
		{"error on", hal.Face{State: hal.StateError, Volume: -1}, 100 * time.Millisecond, solid(color.RGBA{128, 0, 0, 255})},
		{"error off", hal.Face{State: hal.StateError, Volume: -1}, 600 * time.Millisecond, off},
		{"volume 50", hal.Face{State: hal.StateMuted, Volume: 50}, time.Second, vol50},
		{"volume 100", hal.Face{Volume: 100}, 0, vol100},
		{"volume 500 clamps", hal.Face{Volume: 500}, 0, vol100},
		{"volume gone after 5 s", hal.Face{State: hal.StateMuted, Volume: 50}, 5 * time.Second, muted},
		{"level pattern full brightness", hal.Face{Volume: -1, Brightness: 1,
			Ring: hal.Ring{Pattern: hal.RingLevel, Level: 0.25, Color: color.RGBA{0, 0, 255, 255}}}, 0, level25},
		{"level NaN", hal.Face{Volume: -1, Ring: hal.Ring{Pattern: hal.RingLevel, Level: nanLevel()}}, 0, off},
		{"spin default white", hal.Face{Volume: -1, Ring: hal.Ring{Pattern: hal.RingSpin}}, 600 * time.Millisecond, spin6},
		{"solid eyes colour", hal.Face{Volume: -1, Eyes: hal.Eyes{Color: color.RGBA{200, 100, 50, 255}},
			Ring: hal.Ring{Pattern: hal.RingSolid}}, 0, solid(color.RGBA{100, 50, 25, 255})},
		{"brightness over 1 clamps", hal.Face{State: hal.StateMuted, Volume: -1, Brightness: 7}, 0, solid(color.RGBA{255, 0, 0, 255})},
		{"unknown state off", hal.Face{State: hal.FaceState(42), Volume: -1}, 0, off},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got Frame
			Render(tc.face, tc.at, &got)
			want := tc.want
			for i := range want {
				want[i].A = 255
			}
			if got != want {
				t.Errorf("Render(%+v, %v):\n got %v\nwant %v", tc.face, tc.at, got, want)
			}
		})
	}
}

func nanLevel() float64 {
	z := 0.0
	return z / z
}

func TestAnimatorDrawsOnlyChanges(t *testing.T) {
	clk := newFakeClock()
	var ops []i2ctest.IO
	// Idle: one black frame, however many steps.
	ops = append(ops, r6Frame([36]byte{})...)
	// Muted: one red frame at half brightness.
	var red [36]byte
	for i := 0; i < 12; i++ {
		red[3*i] = 128
	}
	ops = append(ops, r6Frame(red)...)
	// Halt: black again.
	ops = append(ops, r6Frame([36]byte{})...)
	pb := &i2ctest.Playback{Ops: ops, DontPanic: true}
	a := NewAnimator(NewRingR6(pb), clk)
	ctx := context.Background()
	for i := 0; i < 3; i++ {
		if err := a.Step(); err != nil {
			t.Fatal(err)
		}
		_ = clk.Sleep(ctx, FrameInterval)
	}
	if err := a.Show(ctx, hal.Face{State: hal.StateMuted, Volume: -1}); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		if err := a.Step(); err != nil {
			t.Fatal(err)
		}
		_ = clk.Sleep(ctx, FrameInterval)
	}
	if err := a.Halt(); err != nil {
		t.Fatal(err)
	}
	if err := a.Step(); err != nil { // idle after Halt: nothing new to send
		t.Fatal(err)
	}
	if err := pb.Close(); err != nil {
		t.Error(err)
	}
	if f := a.Face(); f.State != hal.StateIdle {
		t.Errorf("face after halt: %v", f.State)
	}
}

func TestAnimatorRun(t *testing.T) {
	clk := newFakeClock()
	rec := &i2ctest.Record{}
	a := NewAnimator(NewRingR6(rec), clk)
	ctx, cancel := context.WithCancel(context.Background())
	if err := a.Show(ctx, hal.Face{State: hal.StateListening, Volume: -1}); err != nil {
		t.Fatal(err)
	}
	clk.at(2*time.Second, cancel) // one pulse period
	err := a.Run(ctx, func(err error) { t.Errorf("draw: %v", err) })
	if err != context.Canceled {
		t.Fatalf("Run = %v, want context.Canceled", err)
	}
	frames := len(rec.Ops) / 2
	// 60 steps at 30 fps over 2 s; the pulse changes nearly every frame but
	// repeats some levels at its top and bottom.
	if frames < 30 || frames > 61 {
		t.Errorf("%d frames drawn in one pulse period", frames)
	}
	for _, d := range clk.Sleeps() {
		if d != FrameInterval {
			t.Fatalf("Run slept %v, want %v", d, FrameInterval)
		}
	}
	if err := a.Show(ctx, hal.Face{}); err == nil {
		t.Error("Show on a cancelled context: no error")
	}
}
