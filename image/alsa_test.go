package sdimage

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/mycroft-network/mycroft/board/mark2"
)

// TestALSAConf: stage.sh installs each board's asound.conf; alsa-lib
// parses it (where python3 can load libasound.so.2); it makes the card our
// overlay names the default device, holds the hardware at 48 kHz, and on
// the Mark II takes the microphone from the capture link that board/mark2
// holds for the XMOS clock.
func TestALSAConf(t *testing.T) {
	for _, tc := range []struct {
		board, card string
		mic         int
	}{
		{"mark2", mark2.SoundCard, mark2.CaptureDevice},
		{"mark1", cardName(t, "mark1-audio"), 0},
	} {
		dir := t.TempDir()
		if out, err := exec.Command("sh", "stage.sh", tc.board, dir).CombinedOutput(); err != nil {
			t.Fatalf("stage.sh %s: %v\n%s", tc.board, err, out)
		}
		path := filepath.Join(dir, "etc/asound.conf")
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("stage.sh %s: %v", tc.board, err)
		}
		conf := string(b)
		alsaParse(t, path, "pcm.default", "pcm.mycroft_speaker", "pcm.mycroft_mic", "ctl.default")
		for _, want := range []string{
			"pcm \"hw:" + tc.card + ",0\"",
			"rate 48000",
			"card " + tc.card + "\n",
		} {
			if !strings.Contains(conf, want) {
				t.Errorf("%s asound.conf lacks %q", tc.board, want)
			}
		}
		if tc.board == "mark2" && !strings.Contains(conf, "card "+tc.card+"\n\tdevice "+strconv.Itoa(tc.mic)+"\n") {
			t.Errorf("mark2 asound.conf: the microphone is not device %d of %s", tc.mic, tc.card)
		}
	}
}

// cardName is simple-audio-card,name in an overlay's source.
func cardName(t *testing.T, overlay string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("overlays", overlay+".dts"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`simple-audio-card,name = "([^"]+)"`).FindSubmatch(b)
	if m == nil {
		t.Fatalf("%s.dts names no sound card", overlay)
	}
	return string(m[1])
}

// alsaParse loads path with alsa-lib's own parser (through python3's
// ctypes, as the test binary has no cgo here) and checks that each key
// is defined.
func alsaParse(t *testing.T, path string, keys ...string) {
	t.Helper()
	const script = `
import ctypes, sys
try:
    a = ctypes.CDLL("libasound.so.2")
except OSError as e:
    print("skip:", e); sys.exit(0)
top, inp, node = ctypes.c_void_p(), ctypes.c_void_p(), ctypes.c_void_p()
if a.snd_config_top(ctypes.byref(top)) < 0: sys.exit("snd_config_top failed")
if a.snd_input_stdio_open(ctypes.byref(inp), sys.argv[1].encode(), b"r") < 0: sys.exit("cannot open " + sys.argv[1])
err = a.snd_config_load(top, inp)
if err < 0:
    a.snd_strerror.restype = ctypes.c_char_p
    sys.exit("alsa-lib refuses it: " + a.snd_strerror(err).decode())
for k in sys.argv[2:]:
    if a.snd_config_search(top, k.encode(), ctypes.byref(node)) < 0: sys.exit("no " + k)
print("ok")
`
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Log("no python3: asound.conf not parsed by alsa-lib")
		return
	}
	out, err := exec.Command(py, append([]string{"-c", script, path}, keys...)...).CombinedOutput()
	if err != nil {
		t.Errorf("%s: %v: %s", path, err, out)
	} else if s := strings.TrimSpace(string(out)); s != "ok" {
		t.Logf("%s not parsed by alsa-lib: %s", path, s)
	}
}
