package mdns

import (
	"context"
	"net"
	"os"
	"os/exec"
	"syscall"
	"testing"
	"time"

	"golang.org/x/net/dns/dnsmessage"

	"golang.org/x/net/ipv4"
	"golang.org/x/sys/unix"
)

func setMulticastInterface(c *net.UDPConn, ifi *net.Interface) error {
	return ipv4.NewPacketConn(c).SetMulticastInterface(ifi)
}

// TestMulticastInNetns: the responder, on the loopback interface of a
// network namespace of its own (multicast on), answers a real multicast
// query for _wyoming._tcp with the service's port and 127.0.0.1. Root
// only: the test re-runs itself in a new network namespace.
func TestMulticastInNetns(t *testing.T) {
	if os.Getenv("MDNS_IN_NETNS") == "" {
		if os.Geteuid() != 0 {
			t.Skip("needs root: the multicast test runs in a network namespace of its own")
		}
		cmd := exec.Command(os.Args[0], "-test.run=^TestMulticastInNetns$", "-test.v")
		cmd.Env = append(os.Environ(), "MDNS_IN_NETNS=1")
		cmd.SysProcAttr = &syscall.SysProcAttr{Cloneflags: syscall.CLONE_NEWNET}
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("in a network namespace: %v\n%s", err, out)
		}
		t.Logf("%s", out)
		return
	}
	fd, err := unix.Socket(unix.AF_INET, unix.SOCK_DGRAM, 0)
	if err != nil {
		t.Fatal(err)
	}
	ifr, err := unix.NewIfreq("lo")
	if err != nil {
		t.Fatal(err)
	}
	ifr.SetUint16(unix.IFF_UP | unix.IFF_LOOPBACK | unix.IFF_RUNNING | unix.IFF_MULTICAST)
	if err := unix.IoctlIfreq(fd, unix.SIOCSIFFLAGS, ifr); err != nil {
		t.Fatal(err)
	}
	unix.Close(fd)
	lo, err := net.InterfaceByName("lo")
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(testService(), []net.Interface{*lo}, nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- r.Run(ctx) }()
	f := lookup(t, lo)
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if f.id != 4242 || f.port != 10700 || f.instance != "Mycroft kitchen._wyoming._tcp.local." || f.a != 1 {
		t.Errorf("answer %+v, want the service on port 10700 with one address", f)
	}
}

// lookup sends a real multicast query from a one-shot port on ifi and
// reads the answer.
func lookup(t *testing.T, ifi *net.Interface) found {
	t.Helper()
	c, err := net.ListenUDP("udp4", &net.UDPAddr{IP: net.IPv4zero})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := setMulticastInterface(c, ifi); err != nil {
		t.Fatal(err)
	}
	q := query(t, 4242, "_wyoming._tcp.local.", dnsmessage.TypePTR, false)
	buf := make([]byte, maxPacket)
	for range 50 {
		if _, err := c.WriteTo(q, &net.UDPAddr{IP: Group, Port: Port}); err != nil {
			t.Fatal(err)
		}
		_ = c.SetReadDeadline(time.Now().Add(200 * time.Millisecond))
		n, _, err := c.ReadFrom(buf)
		if err == nil {
			return parse(t, buf[:n])
		}
	}
	t.Fatal("no answer to a multicast query")
	return found{}
}
