//go:build linux

package mark1

import (
	"bufio"
	"fmt"
	"image"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/creack/pty"
	"golang.org/x/sys/unix"
)

// arduino emulates the enclosure firmware (1.4.2) on the master side of a
// pty, from its documented behaviour: it echoes every line as
// "Command: <line>", answers system.version and eyes.level, joins split
// mouth.icon payloads, and checks every line against the command grammar
// and the 64-byte receive buffer.
type arduino struct {
	master *os.File
	tty    *os.File
	got    chan string
	silent bool
	noEcho atomic.Bool // answer system.version but echo nothing
	// booting is how many more system.version lines to ignore entirely
	// (an Arduino still starting up).
	booting atomic.Int32

	mu      sync.Mutex
	errs    []string
	pending string      // first part of a split icon
	icon    *image.Gray // last icon drawn
	iconAt  image.Point
}

// grammar is every command the firmware accepts, with its parameter.
var grammar = []*regexp.Regexp{
	regexp.MustCompile(`^eyes\.color=\d{1,8}$`),
	regexp.MustCompile(`^eyes\.level=([1-9]|[12]\d|30)$`),
	regexp.MustCompile(`^eyes\.fill=(\d|1\d|2[0-3])$`),
	regexp.MustCompile(`^eyes\.volume=(\d|1[01])$`),
	regexp.MustCompile(`^eyes\.spin(=\d+)?$`),
	regexp.MustCompile(`^eyes\.(on|off|reset)$`),
	regexp.MustCompile(`^eyes\.(blink|narrow|widen)(=[lrb])?$`),
	regexp.MustCompile(`^eyes\.(look|unlook)=[lrudc]$`),
	regexp.MustCompile(`^eyes\.set=(\d|1\d|2[0-3]),\d{1,8}$`),
	regexp.MustCompile(`^mouth\.(reset|talk|faketalk|listen|think|smile)$`),
	regexp.MustCompile(`^mouth\.text=[ -~]*$`),
	regexp.MustCompile(`^mouth\.viseme=[0-6]$`),
	regexp.MustCompile(`^mouth\.icon=[ -~]+$`),
	regexp.MustCompile(`^system\.(reset|mute|unmute|version)$`),
	regexp.MustCompile(`^system\.blink=\d+$`),
	regexp.MustCompile(`^test\.begin$`),
	regexp.MustCompile(`^weather\.display=-?\d+,x=2,[A-Za-z]+$`),
}

var iconPrefix = regexp.MustCompile(`^x=(\d+),y=(\d+),cP=([01]),(.*)$`)

func newArduino(t testing.TB) *arduino {
	t.Helper()
	master, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pty: %v", err)
	}
	// Make the master pollable, so that unplug (Close) really closes it
	// even while serve is blocked reading.
	fd, err := unix.Dup(int(master.Fd()))
	master.Close()
	if err != nil {
		t.Fatal(err)
	}
	if err := unix.SetNonblock(fd, true); err != nil {
		t.Fatal(err)
	}
	master = os.NewFile(uintptr(fd), "ptmx")
	a := &arduino{master: master, tty: tty, got: make(chan string, 256)}
	t.Cleanup(func() { a.unplug() })
	go a.serve()
	return a
}

func (a *arduino) unplug() {
	a.master.Close()
	a.tty.Close()
}

func (a *arduino) fail(format string, args ...any) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.errs = append(a.errs, fmt.Sprintf(format, args...))
}

func (a *arduino) serve() {
	defer close(a.got)
	br := bufio.NewReader(a.master)
	for {
		s, err := br.ReadString('\n')
		if err != nil {
			return
		}
		line := strings.TrimSuffix(s, "\n")
		if len(s) > 64 {
			a.fail("line of %d bytes overflows the 64-byte buffer: %q", len(s), line)
		}
		a.check(line)
		a.got <- line
		if a.silent || line == "system.version" && a.booting.Add(-1) >= 0 {
			continue
		}
		if !a.noEcho.Load() {
			a.send("Command: " + line)
		}
		switch {
		case line == "system.version":
			a.send("Mycroft Mark 1 v1.4.2")
		case strings.HasPrefix(line, "eyes.level="):
			a.send("update", strings.TrimPrefix(line, "eyes.level="))
		}
	}
}

func (a *arduino) check(line string) {
	ok := false
	for _, re := range grammar {
		if re.MatchString(line) {
			ok = true
			break
		}
	}
	if !ok {
		a.fail("firmware does not accept %q", line)
		return
	}
	payload, isIcon := strings.CutPrefix(line, "mouth.icon=")
	if !isIcon {
		return
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if rest, ok := strings.CutPrefix(payload, "$"); ok {
		if a.pending == "" {
			a.errs = append(a.errs, "icon continuation without a first part: "+line)
			return
		}
		payload, a.pending = a.pending+rest, ""
	} else if first, ok := strings.CutSuffix(payload, "$"); ok {
		a.pending = first
		return
	}
	if len(payload) > MaxIconPayload {
		a.errs = append(a.errs, "icon payload over 90 characters")
	}
	m := iconPrefix.FindStringSubmatch(payload)
	if m == nil {
		a.errs = append(a.errs, "icon without x=,y=,cP= prefix: "+payload)
		return
	}
	img, err := DecodeIcon(m[4])
	if err != nil {
		a.errs = append(a.errs, err.Error())
		return
	}
	x, _ := strconv.Atoi(m[1])
	y, _ := strconv.Atoi(m[2])
	a.icon, a.iconAt = img, image.Pt(x, y)
}

// send writes lines as the firmware prints them, with "\r\n".
func (a *arduino) send(lines ...string) {
	for _, l := range lines {
		io.WriteString(a.master, l+"\r\n")
	}
}

// expect reads the next lines the driver sent and compares them byte for
// byte.
func (a *arduino) expect(t *testing.T, want ...string) {
	t.Helper()
	for i, w := range want {
		select {
		case got, ok := <-a.got:
			if !ok {
				t.Fatalf("line %d: line closed, want %q", i, w)
			}
			if got != w {
				t.Fatalf("line %d: got %q, want %q", i, got, w)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("line %d: nothing received, want %q", i, w)
		}
	}
}

func (a *arduino) errors() []string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]string(nil), a.errs...)
}

func (a *arduino) lastIcon() *image.Gray {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.icon
}
