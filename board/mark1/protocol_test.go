package mark1

import (
	"errors"
	"image"
	"image/color"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/mycroft-network/mycroft/hal"
)

func TestEncodeIcon(t *testing.T) {
	blank16 := image.NewGray(image.Rect(0, 0, 16, 8))
	dot := image.NewGray(image.Rect(0, 0, 2, 8))
	dot.SetGray(0, 0, color.Gray{255}) // top of column 0: bit 0 of the first char
	dot.SetGray(1, 7, color.Gray{200}) // bottom of column 1: bit 3 of the second char
	dot.SetGray(1, 1, color.Gray{127}) // below the threshold: off
	short := image.NewGray(image.Rect(0, 0, 1, 4))
	short.SetGray(0, 3, color.Gray{255})
	wide := image.NewGray(image.Rect(0, 0, 40, 8))
	for _, tc := range []struct {
		name string
		img  *image.Gray
		want string
	}{
		{"blank 16x8 (documented example)", blank16, "QI" + strings.Repeat("A", 32)},
		{"corners", dot, "CIBAAI"},
		{"short image padded to 8 rows", short, "BIIA"},
		{"clipped to 32 columns", wide, "aI" + strings.Repeat("A", 64)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := EncodeIcon(tc.img)
			if err != nil || got != tc.want {
				t.Fatalf("EncodeIcon = %q, %v; want %q", got, err, tc.want)
			}
		})
	}
	if _, err := EncodeIcon(image.NewGray(image.Rect(0, 0, 0, 8))); !errors.Is(err, ErrIcon) {
		t.Fatalf("empty image: %v", err)
	}
}

func TestDecodeIconRejects(t *testing.T) {
	for _, code := range []string{"", "Q", "AI", "bI", "BJAA", "BIA", "BIAQ", "BEAB", "BIa!"} {
		if _, err := DecodeIcon(code); !errors.Is(err, ErrIcon) {
			t.Errorf("DecodeIcon(%q) = %v, want ErrIcon", code, err)
		}
	}
}

func TestMouthIconSplit(t *testing.T) {
	small, _ := MouthIcon(24, 0, false, "IIAAAAAAAAAAAAAAAA")
	if want := []string{"mouth.icon=x=24,y=0,cP=0,IIAAAAAAAAAAAAAAAA"}; !slices.Equal(small, want) {
		t.Fatalf("short icon = %q, want %q", small, want)
	}
	code := "aI" + strings.Repeat("P", 64)
	for _, x := range []int{0, 31} {
		lines, err := MouthIcon(x, 7, true, code)
		if err != nil || len(lines) != 2 {
			t.Fatalf("x=%d: %q, %v", x, lines, err)
		}
		for _, l := range lines {
			if len(l) > MaxLine {
				t.Errorf("line of %d bytes: %q", len(l), l)
			}
		}
		first, _ := strings.CutPrefix(lines[0], "mouth.icon=")
		rest, _ := strings.CutPrefix(lines[1], "mouth.icon=$")
		if !strings.HasSuffix(first, "$") || strings.TrimSuffix(first, "$")+rest != "x="+strconv.Itoa(x)+",y=7,cP=1,"+code {
			t.Fatalf("parts do not join back: %q", lines)
		}
	}
	if _, err := MouthIcon(32, 0, true, code); !errors.Is(err, ErrRange) {
		t.Fatalf("x=32: %v", err)
	}
	if _, err := MouthIcon(0, 0, true, "zz"); !errors.Is(err, ErrIcon) {
		t.Fatalf("bad code: %v", err)
	}
}

func TestParser(t *testing.T) {
	var p Parser
	for _, tc := range []struct {
		line string
		want Message
		ok   bool
	}{
		{"Command: system.version\r\n", Message{Kind: MsgEcho, Text: "system.version"}, true},
		{"Mycroft Mark 1 v1.4.2\r\n", Message{Kind: MsgVersion, Text: "1.4.2"}, true},
		{"Mycroft Mark 1 v1.4.2 - Connected", Message{Kind: MsgVersion, Text: "1.4.2"}, true},
		{"mycroft.stop", Message{Kind: MsgStop}, true},
		{"volume.up", Message{Kind: MsgVolumeUp}, true},
		{"volume.down", Message{Kind: MsgVolumeDown}, true},
		{"unit.factory-reset", Message{Kind: MsgMenu, Text: "unit.factory-reset"}, true},
		{"mycroft.mark1.demo", Message{Kind: MsgMenu, Text: "mycroft.mark1.demo"}, true},
		{"mic.test", Message{Kind: MsgTest, Text: "mic.test"}, true},
		{"update", Message{}, false},
		{"25", Message{Kind: MsgBrightness, Level: 25}, true},
		{"25", Message{Kind: MsgUnknown, Text: "25"}, true},
		{"update", Message{}, false},
		{"mycroft.stop", Message{Kind: MsgStop}, true}, // not a level: parsed on its own
		{"Mycroft Hardware v0.1.9 - Connected", Message{Kind: MsgUnknown, Text: "Mycroft Hardware v0.1.9 - Connected"}, true},
	} {
		m, ok, err := p.Parse(tc.line)
		if err != nil || ok != tc.ok || m != tc.want {
			t.Errorf("Parse(%q) = %+v, %v, %v; want %+v, %v", tc.line, m, ok, err, tc.want, tc.ok)
		}
	}
	for _, bad := range []string{"a\x00b", strings.Repeat("x", 300), "\x1b[2J"} {
		if _, _, err := p.Parse(bad); !errors.Is(err, ErrLine) {
			t.Errorf("Parse(%q) = %v, want ErrLine", bad, err)
		}
	}
}

func TestPlan(t *testing.T) {
	icon := image.NewGray(image.Rect(0, 0, 8, 8))
	code, _ := EncodeIcon(icon)
	base := shown{valid: true, color: MycroftBlue, level: 30, mouth: "mouth.reset", volume: -1}
	for _, tc := range []struct {
		name string
		cur  shown
		face hal.Face
		want []string
	}{
		{"first face sends everything", shown{}, hal.Face{Volume: -1},
			[]string{"eyes.color=2271216", "eyes.level=30", "mouth.reset"}},
		{"nothing changed", base, hal.Face{Volume: -1}, nil},
		{"eyes off", base, hal.Face{Volume: -1, Eyes: hal.Eyes{Off: true}}, []string{"eyes.off"}},
		{"eyes back on", shown{valid: true, eyesOff: true, color: MycroftBlue, level: 30, mouth: "mouth.reset", volume: -1}, hal.Face{Volume: -1},
			[]string{"eyes.color=2271216"}},
		{"own colour", base, hal.Face{Volume: -1, Eyes: hal.Eyes{Color: color.RGBA{255, 0, 0, 0}}}, []string{"eyes.color=16711680"}},
		{"muted", base, hal.Face{State: hal.StateMuted, Volume: -1}, []string{"eyes.color=4604229"}},
		{"mining", base, hal.Face{State: hal.StateMining, Volume: -1}, []string{"eyes.color=2672730"}},
		{"narrow", base, hal.Face{Volume: -1, Eyes: hal.Eyes{Look: hal.LookNarrow}}, []string{"eyes.narrow=b"}},
		{"narrow to up", shown{valid: true, color: MycroftBlue, level: 30, look: hal.LookNarrow, mouth: "mouth.reset", volume: -1},
			hal.Face{Volume: -1, Eyes: hal.Eyes{Look: hal.LookUp}}, []string{"eyes.widen=b", "eyes.look=u"}},
		{"dim", base, hal.Face{Volume: -1, Brightness: 0.01}, []string{"eyes.level=1"}},
		{"volume 100", base, hal.Face{Volume: 100}, []string{"eyes.volume=11"}},
		{"volume clamps", base, hal.Face{Volume: 250}, []string{"eyes.volume=11"}},
		{"volume shown once", shown{valid: true, color: MycroftBlue, level: 30, mouth: "mouth.reset", volume: 40}, hal.Face{Volume: 40}, nil},
		{"icon", base, hal.Face{Volume: -1, Mouth: hal.Mouth{Icon: icon}}, []string{"mouth.icon=x=0,y=0,cP=1," + code}},
		{"text wins over icon", base, hal.Face{Volume: -1, Mouth: hal.Mouth{Text: "hi", Icon: icon}}, []string{"mouth.text=HI"}},
		{"speaking", base, hal.Face{State: hal.StateSpeaking, Volume: -1}, []string{"mouth.talk"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, next, err := plan(tc.cur, tc.face)
			if err != nil || !slices.Equal(got, tc.want) {
				t.Fatalf("plan = %q, %v; want %q", got, err, tc.want)
			}
			again, _, _ := plan(next, tc.face)
			for _, l := range again {
				if l != EyesBlink(Both) && !strings.HasPrefix(l, "eyes.volume") {
					t.Fatalf("showing the same face twice sent %q", again)
				}
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"Command: system.version\r\n", "Mycroft Mark 1 v1.4.2 - Connected\r\n", "mycroft.stop\r\n", "update", "unit.reboot", "\x00\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		var p Parser
		for _, l := range strings.Split(line, "\n") {
			m, ok, err := p.Parse(l)
			if err != nil && ok {
				t.Fatalf("Parse(%q) returned ok with error %v", l, err)
			}
			if ok && m.Kind == MsgBrightness && (m.Level < 0 || m.Level > 255) {
				t.Fatalf("brightness %d", m.Level)
			}
		}
	})
}

func FuzzIcon(f *testing.F) {
	f.Add("QI" + strings.Repeat("A", 32))
	f.Add("CIBAAI")
	f.Add("aI" + strings.Repeat("P", 64))
	f.Fuzz(func(t *testing.T, code string) {
		img, err := DecodeIcon(code)
		if err != nil {
			return
		}
		// Re-encoding pads to 8 rows, so compare decoded images.
		again, err := EncodeIcon(img)
		if err != nil {
			t.Fatal(err)
		}
		img2, err := DecodeIcon(again)
		if err != nil {
			t.Fatal(err)
		}
		for y := range img.Rect.Dy() {
			for x := range img.Rect.Dx() {
				if img.GrayAt(x, y) != img2.GrayAt(x, y) {
					t.Fatalf("%q -> %q changes pixel (%d,%d)", code, again, x, y)
				}
			}
		}
	})
}

func BenchmarkEncodeIcon(b *testing.B) {
	img := image.NewGray(image.Rect(0, 0, 32, 8))
	for i := range img.Pix {
		if i%3 == 0 {
			img.Pix[i] = 255
		}
	}
	for b.Loop() {
		code, err := EncodeIcon(img)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := MouthIcon(0, 0, true, code); err != nil {
			b.Fatal(err)
		}
	}
}
