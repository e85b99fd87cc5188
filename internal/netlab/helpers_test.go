package netlab_test

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/netip"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/internal/netlab"
)

func TestMain(m *testing.M) {
	netlab.RunHelper(map[string]netlab.HelperFunc{
		"udppeer": udpPeer,
		"tcpecho": tcpEcho,
	})
	os.Exit(m.Run())
}

// udpPeer is a UDP socket driven line by line, a tiny STUN server with
// -echo. It prints "local <addr:port>" once bound, then "recv <from>
// <text>" for every packet it receives; with -echo it also answers each
// packet with "seen <from>" (the source address it observed). Each line
// "send <addr:port> <text>" on its standard input sends text from its one
// socket. It ends at the end of its input.
func udpPeer(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("udppeer", flag.ContinueOnError)
	port := fs.Int("port", 0, "UDP port to bind (0: any)")
	echo := fs.Bool("echo", false, "answer each packet with the source address seen")
	if err := fs.Parse(args); err != nil {
		return err
	}
	conn, err := net.ListenUDP("udp4", &net.UDPAddr{Port: *port})
	if err != nil {
		return err
	}
	defer conn.Close()
	var mu sync.Mutex
	say := func(format string, a ...any) {
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprintf(os.Stdout, format+"\n", a...)
	}
	say("local %s", conn.LocalAddr())
	go func() {
		buf := make([]byte, 1500)
		for {
			n, from, err := conn.ReadFromUDPAddrPort(buf)
			if err != nil {
				return
			}
			say("recv %s %s", from, buf[:n])
			if *echo {
				_, _ = conn.WriteToUDPAddrPort([]byte("seen "+from.String()), from)
			}
		}
	}()
	go func() {
		<-ctx.Done()
		conn.Close()
	}()
	in := bufio.NewScanner(os.Stdin)
	for in.Scan() {
		verb, rest, _ := strings.Cut(in.Text(), " ")
		to, text, _ := strings.Cut(rest, " ")
		if verb != "send" {
			return fmt.Errorf("unknown command %q", in.Text())
		}
		ap, err := netip.ParseAddrPort(to)
		if err != nil {
			return err
		}
		if _, err := conn.WriteToUDPAddrPort([]byte(text), ap); err != nil {
			say("error %v", err)
		}
	}
	return in.Err()
}

// tcpEcho accepts TCP connections on -port and writes "seen <from>" to
// each, then closes it.
func tcpEcho(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("tcpecho", flag.ContinueOnError)
	port := fs.Int("port", 0, "TCP port")
	if err := fs.Parse(args); err != nil {
		return err
	}
	ln, err := net.ListenTCP("tcp4", &net.TCPAddr{Port: *port})
	if err != nil {
		return err
	}
	go func() {
		<-ctx.Done()
		ln.Close()
	}()
	fmt.Printf("local %s\n", ln.Addr())
	for {
		c, err := ln.Accept()
		if err != nil {
			return nil
		}
		fmt.Fprintf(c, "seen %s\n", c.RemoteAddr())
		c.Close()
	}
}

// proc is a helper process under test control: lines from its standard
// output arrive on lines; its standard error is logged when the test ends.
type proc struct {
	t     *testing.T
	name  string
	stdin io.WriteCloser
	lines chan []string
}

// startHelper starts a helper in ns, waits for its "local" line and stops
// it when the test ends (before the lab is removed).
func startHelper(t *testing.T, ns *netlab.Namespace, role string, args ...string) *proc {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	cmd := ns.Helper(ctx, role, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		cancel()
		t.Fatalf("start %s in %s: %v", role, ns, err)
	}
	p := &proc{t: t, name: fmt.Sprintf("%s %v in %s", role, args, ns), stdin: stdin, lines: make(chan []string, 256)}
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer close(p.lines)
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			select {
			case p.lines <- strings.Fields(sc.Text()):
			default: // nobody is listening for that many: drop
			}
		}
	}()
	t.Cleanup(func() {
		stdin.Close()
		cancel()
		<-done
		_ = cmd.Wait()
		if s := strings.TrimSpace(stderr.String()); s != "" {
			t.Logf("%s: stderr: %s", p.name, s)
		}
	})
	if _, ok := p.wait(func(f []string) bool { return f[0] == "local" }, 10*time.Second); !ok {
		t.Fatalf("%s: did not start within 10s (stderr: %s)", p.name, stderr.String())
	}
	return p
}

// send makes the peer send text to the address.
func (p *proc) send(to netip.AddrPort, text string) {
	p.t.Helper()
	if _, err := fmt.Fprintf(p.stdin, "send %s %s\n", to, text); err != nil {
		p.t.Fatalf("%s: send: %v", p.name, err)
	}
}

// wait returns the first output line (as fields) that match accepts, or
// false if none comes within d. Lines that do not match are dropped.
func (p *proc) wait(match func([]string) bool, d time.Duration) ([]string, bool) {
	timer := time.NewTimer(d)
	defer timer.Stop()
	for {
		select {
		case f, ok := <-p.lines:
			if !ok {
				return nil, false
			}
			if len(f) > 0 && match(f) {
				return f, true
			}
		case <-timer.C:
			return nil, false
		}
	}
}

// recvFrom matches "recv <from> ..." lines from the given address.
func recvFrom(from netip.AddrPort) func([]string) bool {
	return func(f []string) bool { return len(f) >= 2 && f[0] == "recv" && f[1] == from.String() }
}

// ask sends "ping" to an echo server until it answers (UDP may lose the
// first packets while ARP resolves) and returns the source address the
// server saw.
func (p *proc) ask(server netip.AddrPort) netip.AddrPort {
	p.t.Helper()
	for range 20 {
		p.send(server, "ping")
		f, ok := p.wait(func(f []string) bool {
			return len(f) == 4 && f[0] == "recv" && f[1] == server.String() && f[2] == "seen"
		}, 500*time.Millisecond)
		if ok {
			seen, err := netip.ParseAddrPort(f[3])
			if err != nil {
				p.t.Fatalf("%s: bad echo %q: %v", p.name, f, err)
			}
			return seen
		}
	}
	p.t.Fatalf("%s: no answer from echo server %s in 20 tries of 500ms", p.name, server)
	return netip.AddrPort{}
}

// addrPort is the namespace's address with port.
func addrPort(t *testing.T, ns *netlab.Namespace, port uint16) netip.AddrPort {
	t.Helper()
	if !ns.Addr().IsValid() {
		t.Fatalf("%s has no address", ns)
	}
	return netip.AddrPortFrom(ns.Addr(), port)
}

// dialFrom dials TCP from inside ns and returns the first line the server
// wrote.
func dialFrom(ns *netlab.Namespace, to netip.AddrPort, timeout time.Duration) (string, error) {
	var line string
	err := ns.Do(func() error {
		c, err := net.DialTimeout("tcp4", to.String(), timeout)
		if err != nil {
			return err
		}
		defer c.Close()
		_ = c.SetReadDeadline(time.Now().Add(timeout))
		line, err = bufio.NewReader(c).ReadString('\n')
		return err
	})
	return strings.TrimSpace(line), err
}

// isTimeout reports whether err is a dial or read that got no answer.
func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}
