package sdimage

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/mycroft-network/mycroft/board/mark2"
	"periph.io/x/conn/v3/physic"
)

// compileOverlay compiles overlays/NAME.dts with dtc as the build does;
// any warning fails the test.
func compileOverlay(t *testing.T, name string) fdt {
	t.Helper()
	if _, err := exec.LookPath("dtc"); err != nil {
		t.Fatal("dtc missing: apt-get install device-tree-compiler (make deps installs it)")
	}
	out := filepath.Join(t.TempDir(), name+".dtbo")
	cmd := exec.Command("dtc", "-@", "-I", "dts", "-O", "dtb", "-o", out, filepath.Join("overlays", name+".dts"))
	msg, err := cmd.CombinedOutput()
	if err != nil || len(msg) > 0 {
		t.Fatalf("dtc %s: %v\n%s", name, err, msg)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	tree, err := parseFDT(b)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return tree
}

// overlayOn returns the __overlay__ node of the fragment that targets the
// base tree's label (through __fixups__) or path.
func overlayOn(t *testing.T, tree fdt, target string) map[string][]byte {
	t.Helper()
	for _, ref := range strs(tree["/__fixups__"][target]) {
		if frag, ok := strings.CutSuffix(ref, ":target:0"); ok {
			return tree[frag+"/__overlay__"]
		}
	}
	for p, props := range tree {
		if str(props["target-path"]) == target {
			return tree[p+"/__overlay__"]
		}
	}
	t.Fatalf("no fragment targets %q", target)
	return nil
}

// labels are the base tree's labels an overlay refers to: each must be in
// the __symbols__ of Debian's upstream device tree (make image-test applies
// the overlays to the real ones with fdtoverlay).
func labels(tree fdt) []string {
	var l []string
	for k := range tree["/__fixups__"] {
		l = append(l, k)
	}
	slices.Sort(l)
	return l
}

func wantCells(t *testing.T, what string, got []byte, want ...uint32) {
	t.Helper()
	if c := cells(got); !slices.Equal(c, want) {
		t.Errorf("%s = %v, want %v", what, c, want)
	}
}

func wantOkay(t *testing.T, what string, n map[string][]byte) {
	t.Helper()
	if s := str(n["status"]); s != "okay" {
		t.Errorf("%s status %q, want okay", what, s)
	}
}

// TestMark2SJ201Overlay: I2C 1, SPI 0 with the XMOS boot port, I2S with the
// master clock, as board/mark2 uses them.
func TestMark2SJ201Overlay(t *testing.T) {
	tree := compileOverlay(t, "mark2-sj201")
	if got, want := labels(tree), []string{"clocks", "gpio", "i2c1", "i2s", "spi"}; !slices.Equal(got, want) {
		t.Errorf("base labels %v, want %v", got, want)
	}
	i2c := overlayOn(t, tree, "i2c1")
	wantOkay(t, "i2c1", i2c)
	wantCells(t, "i2c1 clock-frequency", i2c["clock-frequency"], 100000)

	spi := overlayOn(t, tree, "spi")
	wantOkay(t, "spi", spi)
	boot := tree[tree.find("/xmos-boot@0")]
	if str(boot["compatible"]) != "mycroft,sj201-xmos-boot" {
		t.Errorf("xmos boot port compatible %q (the udev rule hands that one to spidev)", str(boot["compatible"]))
	}
	wantCells(t, "xmos boot reg (chip select, SPI0.0)", boot["reg"], 0)
	wantCells(t, "xmos boot spi-max-frequency", boot["spi-max-frequency"], uint32(mark2.XMOSSPISpeed/physic.Hertz))
	rules, err := os.ReadFile("firstboot/60-mycroft.rules")
	if err != nil || !strings.Contains(string(rules), "Cmycroft,sj201-xmos-boot") {
		t.Errorf("the udev rule does not hand mycroft,sj201-xmos-boot to spidev (%v)", err)
	}

	wantOkay(t, "i2s", overlayOn(t, tree, "i2s"))
	pins := map[string][]uint32{}
	for p, props := range tree {
		if v, ok := props["brcm,pins"]; ok {
			pins[filepath.Base(p)] = cells(v)
			wantCells(t, p+" function (ALT0)", props["brcm,function"], 4)
		}
	}
	for name, want := range map[string][]uint32{
		"mycroft-i2c1": {2, 3}, "mycroft-spi0": {7, 8, 9, 10, 11}, "mycroft-i2s": {18, 19, 20, 21}, "mycroft-gpclk0": {4},
	} {
		if !slices.Equal(pins[name], want) {
			t.Errorf("pins of %s = %v, want %v", name, pins[name], want)
		}
	}

	card := tree[tree.find("/sj201-sound")]
	if str(card["compatible"]) != "simple-audio-card" || str(card["simple-audio-card,name"]) != mark2.SoundCard {
		t.Errorf("sound card %q named %q", str(card["compatible"]), str(card["simple-audio-card,name"]))
	}
	wantCells(t, "master clock rate", card["assigned-clock-rates"], 24576000)
	// The capture link (its PCM device is the link's index: board/mark2
	// holds it open while the XMOS boots) runs the XMOS master clock.
	capture := tree[tree.find(fmt.Sprintf("/sj201-sound/simple-audio-card,dai-link@%d/codec", mark2.CaptureDevice))]
	wantCells(t, "capture mclk-fs (24.576 MHz at 48 kHz)", capture["mclk-fs"], 24576000/48000)
	for _, link := range []string{"dai-link@0", "dai-link@1"} {
		cpu := tree[tree.find("/sj201-sound/simple-audio-card,"+link+"/cpu")]
		wantCells(t, link+" slots", cpu["dai-tdm-slot-num"], 2)
		wantCells(t, link+" slot width", cpu["dai-tdm-slot-width"], 32)
	}
}

// TestMark2FanOverlay: the PWM block on GPIO 12/13 at the ring's NRZ rate,
// the fan as pwm-fan on channel 1 at the agent's fan frequency, inverted,
// and the node where the agent looks for it.
func TestMark2FanOverlay(t *testing.T) {
	tree := compileOverlay(t, "mark2-fan")
	if got, want := labels(tree), []string{"clocks", "cpu_thermal", "gpio", "pwm"}; !slices.Equal(got, want) {
		t.Errorf("base labels %v, want %v", got, want)
	}
	pwm := overlayOn(t, tree, "pwm")
	wantOkay(t, "pwm", pwm)
	wantCells(t, "pwm clock (the ring's NRZ rate)", pwm["assigned-clock-rates"], uint32(mark2.NRZRate/physic.Hertz))
	pins := tree[tree.find("/mycroft-pwm")]
	wantCells(t, "pwm pins", pins["brcm,pins"], 12, mark2.GPIOFan)
	wantCells(t, "pwm pins function (ALT0)", pins["brcm,function"], 4)

	fanPath := tree.find("/" + filepath.Base(mark2.KernelFanNode))
	if fanPath == "" {
		t.Fatalf("no node %s (mark2.KernelFanNode)", filepath.Base(mark2.KernelFanNode))
	}
	fan := tree[fanPath]
	if str(fan["compatible"]) != "pwm-fan" {
		t.Errorf("fan compatible %q", str(fan["compatible"]))
	}
	pw := cells(fan["pwms"])
	if len(pw) != 4 || pw[1] != 1 || pw[2] != uint32(mark2.FanPWMFreq.Period().Nanoseconds()) || pw[3] != 0 {
		t.Errorf("pwms %v, want <&pwm 1 %d 0> (channel 1, the agent's period, normal polarity)", pw, mark2.FanPWMFreq.Period().Nanoseconds())
	}
	lv := cells(fan["cooling-levels"])
	if len(lv) < 2 || lv[0] != 255 || lv[len(lv)-1] != 0 || !slices.IsSortedFunc(lv, func(a, b uint32) int { return int(b) - int(a) }) {
		t.Errorf("cooling levels %v: the SJ201 inverts the duty, so they must fall from 255 (off) to 0 (full)", lv)
	}
	maps := 0
	for p, props := range tree {
		if strings.Contains(p, "/cooling-maps/") && !strings.HasPrefix(p, "/__") {
			maps++
			cd := cells(props["cooling-device"])
			if len(cd) != 3 || cd[1] < 1 || int(cd[2]) >= len(lv) {
				t.Errorf("%s cooling-device %v: states must be within 1..%d", p, cd, len(lv)-1)
			}
		}
	}
	if maps != len(lv)-1 {
		t.Errorf("%d cooling maps, want one per fan level above off (%d)", maps, len(lv)-1)
	}
}

// TestMark1Overlays: the PL011 on GPIO 14/15 for the faceplate, Bluetooth
// and the mini UART off; the WM8731 at 0x1a on I2S.
func TestMark1Overlays(t *testing.T) {
	tree := compileOverlay(t, "mark1-uart")
	if got, want := labels(tree), []string{"gpio", "uart0", "uart1"}; !slices.Equal(got, want) {
		t.Errorf("uart overlay base labels %v, want %v", got, want)
	}
	wantOkay(t, "uart0", overlayOn(t, tree, "uart0"))
	if s := str(overlayOn(t, tree, "uart1")["status"]); s != "disabled" {
		t.Errorf("uart1 status %q, want disabled", s)
	}
	if s := str(overlayOn(t, tree, "/soc/serial@7e201000/bluetooth")["status"]); s != "disabled" {
		t.Errorf("bluetooth status %q, want disabled", s)
	}
	wantCells(t, "uart0 pins", tree[tree.find("/mycroft-uart0")]["brcm,pins"], 14, 15)

	audio := compileOverlay(t, "mark1-audio")
	if got, want := labels(audio), []string{"gpio", "i2c1", "i2s"}; !slices.Equal(got, want) {
		t.Errorf("audio overlay base labels %v, want %v", got, want)
	}
	codec := audio[audio.find("/codec@1a")]
	if str(codec["compatible"]) != "wlf,wm8731" {
		t.Errorf("codec %q", str(codec["compatible"]))
	}
	wantCells(t, "codec reg", codec["reg"], 0x1a)
	wantCells(t, "codec clock", audio[audio.find("/simple-audio-card,codec")]["system-clock-frequency"], 12288000)
}

// TestBootConfig: each board's config.txt lines load exactly its overlays,
// and stage.sh compiles them under the names those lines use.
func TestBootConfig(t *testing.T) {
	for _, board := range []string{"mark2", "mark1"} {
		b, err := os.ReadFile(filepath.Join("boot", board+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		var loaded []string
		for _, l := range strings.Split(string(b), "\n") {
			if name, ok := strings.CutPrefix(strings.TrimSpace(l), "dtoverlay="); ok {
				loaded = append(loaded, name)
			} else if l != "" && !strings.HasPrefix(l, "#") {
				t.Errorf("%s.txt: unexpected line %q", board, l)
			}
		}
		srcs, _ := filepath.Glob(filepath.Join("overlays", board+"-*.dts"))
		var want []string
		for _, s := range srcs {
			want = append(want, "mycroft-"+strings.TrimSuffix(filepath.Base(s), ".dts"))
		}
		slices.Sort(loaded)
		slices.Sort(want)
		if !slices.Equal(loaded, want) || len(want) == 0 {
			t.Errorf("%s.txt loads %v, want its overlays %v", board, loaded, want)
		}

		dir := t.TempDir()
		if out, err := exec.Command("sh", "stage.sh", board, dir).CombinedOutput(); err != nil {
			t.Fatalf("stage.sh %s: %v\n%s", board, err, out)
		}
		for _, name := range want {
			if _, err := os.Stat(filepath.Join(dir, "usr/lib/mycroft/overlays", name+".dtbo")); err != nil {
				t.Errorf("stage.sh %s: %v", board, err)
			}
		}
		custom, err := os.ReadFile(filepath.Join(dir, "etc/default/raspi-firmware-custom"))
		if err != nil || string(custom) != string(b) {
			t.Errorf("stage.sh %s: raspi-firmware-custom differs from boot/%s.txt (%v)", board, board, err)
		}
		// The R10 ring helper maps PWM registers that kernel drivers have
		// claimed, which Debian's kernel (CONFIG_IO_STRICT_DEVMEM=y) refuses
		// unless booted with iomem=relaxed (docs/images.md, "Privileges").
		extra, _ := os.ReadFile(filepath.Join(dir, "etc/default/raspi-extra-cmdline"))
		if got := strings.Contains(string(extra), "iomem=relaxed"); got != (board == "mark2") {
			t.Errorf("stage.sh %s: kernel command line %q: iomem=relaxed %v, want %v", board, extra, got, board == "mark2")
		}
		for _, f := range []string{"etc/systemd/system/mycroft-firstboot.service", "etc/systemd/system/mycroft-keys-console.service",
			"usr/lib/mycroft/firstboot.sh", "usr/lib/mycroft/keys-console.sh", "etc/udev/rules.d/60-mycroft.rules"} {
			if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
				t.Errorf("stage.sh %s: %v", board, err)
			}
		}
	}
}
