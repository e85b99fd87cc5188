package alsa

import (
	"errors"
	"math"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"unsafe"

	"github.com/mycroft-network/mycroft/hal"
)

var _ hal.Volume = (*Mixer)(nil)
var _ hal.Volume = Unavailable{}

// TestABI checks the Go structs and request numbers against the kernel's
// layout for this GOARCH (run it under qemu for arm and arm64).
func TestABI(t *testing.T) {
	k := abiFor(t)
	for _, c := range []struct {
		name      string
		got, want int
	}{
		{"snd_ctl_elem_id", int(unsafe.Sizeof(ctlElemID{})), k.id},
		{"snd_ctl_elem_list", int(unsafe.Sizeof(ctlElemList{})), k.list},
		{"snd_ctl_elem_info", int(unsafe.Sizeof(ctlElemInfo{})), k.info},
		{"snd_ctl_elem_value", int(unsafe.Sizeof(ctlElemValue{})), k.value},
		{"snd_ctl_tlv", int(unsafe.Sizeof(ctlTLV{})), 8},
		{"long", longSize, k.long},
		{"elem_list.pids offset", int(unsafe.Offsetof(ctlElemList{}.Pids)), 16},
		{"elem_info.value offset", int(unsafe.Offsetof(ctlElemInfo{}.Value)), 80},
		{"elem_value.value offset", int(unsafe.Offsetof(ctlElemValue{}.Value)), 72},
		{"elem_id.index offset", int(unsafe.Offsetof(ctlElemID{}.Index)), 60},
	} {
		if c.got != c.want {
			t.Errorf("%s on %s: got %d bytes, kernel %d", c.name, runtimeArch(), c.got, c.want)
		}
	}
	for _, c := range []struct {
		name      string
		got, want uintptr
	}{
		{"ELEM_LIST", ioctlElemList, k.reqList},
		{"ELEM_INFO", ioctlElemInfo, k.reqInfo},
		{"ELEM_READ", ioctlElemRead, k.reqRead},
		{"ELEM_WRITE", ioctlElemWrite, k.reqWrite},
		{"TLV_READ", ioctlTLVRead, k.reqTLV},
	} {
		if c.got != c.want {
			t.Errorf("SNDRV_CTL_IOCTL_%s: got %#x, kernel %#x", c.name, c.got, c.want)
		}
	}
}

func open(t *testing.T, f *fakeCard, cfg Config) *Mixer {
	t.Helper()
	m, err := newMixer(f.ioctl, nil, "card 0 (fake)", cfg)
	if err != nil {
		t.Fatalf("newMixer: %v", err)
	}
	return m
}

func TestWM8731(t *testing.T) {
	f := wm8731(t)
	m := open(t, f, Config{})
	if got, want := m.Control(), "Master Playback Volume"; got != want {
		t.Fatalf("control %q, want %q", got, want)
	}
	if m.sw != nil {
		t.Errorf("switch %q: the ZC switch is not a mute switch", m.sw.id.name())
	}
	if f.calls["tlv"] == 0 {
		t.Errorf("the dB scale was not read")
	}
	// -121 dB + raw dB, max +6 dB: level l is 6 - 50*(100-l)/100 dB.
	for _, c := range []struct {
		level int
		raw   int64
	}{
		{100, 127}, {0, 0}, {50, 102}, {1, 77}, {99, 126}, {80, 117}, {10, 82},
	} {
		if err := m.SetVolume(c.level); err != nil {
			t.Fatalf("SetVolume(%d): %v", c.level, err)
		}
		if got := f.values("Master Playback Volume"); !slices.Equal(got, []int64{c.raw, c.raw}) {
			t.Errorf("SetVolume(%d): raw %v, want %d on both channels", c.level, got, c.raw)
		}
		if got, err := m.Volume(); err != nil || got != c.level {
			t.Errorf("SetVolume(%d); Volume() = %d, %v", c.level, got, err)
		}
	}
	// Someone else (amixer) sets -25 dB: 31 dB below the top of a 50 dB span.
	f.set("Master Playback Volume", 96, 90)
	if got, err := m.Volume(); err != nil || got != 38 {
		t.Errorf("raw 96/90: Volume() = %d, %v, want 38 (the louder channel)", got, err)
	}
	f.set("Master Playback Volume", 20, 20)
	if got, _ := m.Volume(); got != 1 {
		t.Errorf("raw 20 (below the span, not muted): Volume() = %d, want 1", got)
	}
}

func TestSwitchMutes(t *testing.T) {
	f := bcm2835(t)
	m := open(t, f, Config{})
	if m.sw == nil || m.sw.id.name() != "PCM Playback Switch" {
		t.Fatalf("no PCM Playback Switch found")
	}
	if err := m.SetVolume(0); err != nil {
		t.Fatal(err)
	}
	if got := f.values("PCM Playback Switch"); got[0] != 0 {
		t.Errorf("level 0: switch %v, want off", got)
	}
	if got := f.values("PCM Playback Volume"); got[0] != -10239 {
		t.Errorf("level 0: raw %v, want -10239", got)
	}
	if err := m.SetVolume(60); err != nil {
		t.Fatal(err)
	}
	if got := f.values("PCM Playback Switch"); got[0] != 1 {
		t.Errorf("level 60: switch %v, want on", got)
	}
	// 4 dB - 20 dB = -16 dB = -1600.
	if got := f.values("PCM Playback Volume"); got[0] != -1600 {
		t.Errorf("level 60: raw %v, want -1600", got)
	}
	f.set("PCM Playback Switch", 0)
	if got, _ := m.Volume(); got != 0 {
		t.Errorf("switch turned off elsewhere: Volume() = %d, want 0", got)
	}
}

func TestLinearWithoutDB(t *testing.T) {
	f := newFakeCard(t,
		&fakeElem{name: "Digital Playback Volume", typ: 2, count: 2, min: 0, max: 254, step: 2},
	)
	m := open(t, f, Config{})
	for _, c := range []struct {
		level int
		raw   int64
	}{{0, 0}, {100, 254}, {50, 128}, {1, 2}, {33, 84}} {
		if err := m.SetVolume(c.level); err != nil {
			t.Fatalf("SetVolume(%d): %v", c.level, err)
		}
		if got := f.values("Digital Playback Volume"); got[0] != c.raw || got[1] != c.raw {
			t.Errorf("SetVolume(%d): raw %v, want %d", c.level, got, c.raw)
		}
	}
	f.set("Digital Playback Volume", 64, 64)
	if got, _ := m.Volume(); got != 25 {
		t.Errorf("raw 64 of 254: Volume() = %d, want 25", got)
	}
}

func TestDBRange(t *testing.T) {
	// Two segments: 0..1 mute then -60 dB, 2..100 from -59 dB in 0.6 dB steps
	// (ends at 0 dB).
	cdB := func(v int32) uint32 { return uint32(v) }
	tlv := []uint32{3, 48,
		0, 1, 5, 8, cdB(-6000), cdB(-6000), // DB_MINMAX_MUTE: 0 mutes, 1 is -60 dB
		2, 100, 1, 8, cdB(-5900), 60, // DB_SCALE: -59 dB in 0.6 dB steps
	}
	f := newFakeCard(t, &fakeElem{name: "Speaker Playback Volume", typ: 2, count: 1, min: 0, max: 100, tlv: tlv})
	m := open(t, f, Config{})
	if m.vol.scale == nil {
		t.Fatalf("DB_RANGE not understood")
	}
	if got, want := m.vol.scale.dB(100), -59+98*0.6; math.Abs(got-want) > 1e-9 {
		t.Errorf("dB(100) = %v, want %v", got, want)
	}
	if got := m.vol.scale.dB(0); !math.IsInf(got, -1) {
		t.Errorf("dB(0) = %v, want mute", got)
	}
	for level := range 101 {
		if err := m.SetVolume(level); err != nil {
			t.Fatal(err)
		}
		if got, _ := m.Volume(); got != level {
			t.Errorf("SetVolume(%d); Volume() = %d", level, got)
		}
	}
}

func TestEveryLevelRoundTrips(t *testing.T) {
	for name, f := range map[string]*fakeCard{"wm8731": wm8731(t), "bcm2835": bcm2835(t)} {
		m := open(t, f, Config{})
		prev := int64(math.MinInt64)
		for level := range 101 {
			if err := m.SetVolume(level); err != nil {
				t.Fatalf("%s: SetVolume(%d): %v", name, level, err)
			}
			raw := m.lastRaw
			if raw < prev {
				t.Errorf("%s: level %d: raw %d below level %d's %d", name, level, raw, level-1, prev)
			}
			prev = raw
			if got, err := m.Volume(); err != nil || got != level {
				t.Errorf("%s: SetVolume(%d); Volume() = %d, %v", name, level, got, err)
			}
		}
	}
}

func TestChoosingControls(t *testing.T) {
	f := wm8731(t)
	m := open(t, f, Config{Controls: []string{"Nope Playback Volume", "Capture Volume"}})
	if m.Control() != "Capture Volume" {
		t.Errorf("control %q, want the configured Capture Volume", m.Control())
	}
	_, err := newMixer(f.ioctl, nil, "card 0 (fake)", Config{Controls: []string{"Headphone Playback Volume"}})
	if !errors.Is(err, ErrNoControl) || !strings.Contains(err.Error(), "Master Playback Volume") {
		t.Errorf("missing control: err %v, want ErrNoControl listing the card's volumes", err)
	}
	if err := m.SetVolume(101); !errors.Is(err, ErrLevel) {
		t.Errorf("SetVolume(101): %v, want ErrLevel", err)
	}
	// A control that is not writable is refused.
	ro := newFakeCard(t, &fakeElem{name: "PCM Playback Volume", typ: 2, count: 1, max: 10, access: 0x1})
	if _, err := newMixer(ro.ioctl, nil, "ro", Config{}); err == nil {
		t.Errorf("read-only control accepted")
	}
}

func TestDeviceErrors(t *testing.T) {
	f := wm8731(t)
	m := open(t, f, Config{})
	broken := func(uintptr, unsafe.Pointer) error { return syscall.ENODEV }
	m.ioctl = broken
	if err := m.SetVolume(40); !errors.Is(err, syscall.ENODEV) {
		t.Errorf("unplugged card: SetVolume err %v", err)
	}
	if _, err := m.Volume(); !errors.Is(err, syscall.ENODEV) {
		t.Errorf("unplugged card: Volume err %v", err)
	}
	if _, err := newMixer(broken, nil, "gone", Config{}); !errors.Is(err, syscall.ENODEV) {
		t.Errorf("newMixer on a dead device: %v", err)
	}
}

func TestConcurrent(t *testing.T) {
	m := open(t, wm8731(t), Config{})
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Go(func() {
			for l := range 50 {
				_ = m.SetVolume((l * (i + 1)) % 101)
				_, _ = m.Volume()
			}
		})
	}
	wg.Wait()
}

func TestUnavailableSpeaks(t *testing.T) {
	cause := errors.New("no card")
	u := Unavailable{Err: cause}
	err := u.SetVolume(10)
	var s interface{ Speak() string }
	if !errors.As(err, &s) || !strings.Contains(s.Speak(), "can't change the volume") || !errors.Is(err, cause) {
		t.Errorf("Unavailable.SetVolume: %v: want a speakable error wrapping the cause", err)
	}
	if _, err := u.Volume(); err == nil {
		t.Errorf("Unavailable.Volume: nil error")
	}
}
