package netlab

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"syscall"
)

// envHelper names the helper a re-executed test binary runs.
const envHelper = "NETLAB_HELPER"

// HelperFunc is a role a test binary can play as a child process in a
// namespace. args are the ones given to Namespace.Helper; ctx ends on
// SIGINT or SIGTERM. Its standard input and output are the Cmd's.
type HelperFunc func(ctx context.Context, args []string) error

// RunHelper makes the test binary usable as a helper process: when it was
// started by Namespace.Helper, RunHelper runs the named role and exits
// (status 1 with the error on stderr if it fails, 2 for an unknown role);
// otherwise it returns at once. Call it first in TestMain:
//
//	func TestMain(m *testing.M) {
//		netlab.RunHelper(map[string]netlab.HelperFunc{"echo": echo})
//		os.Exit(m.Run())
//	}
func RunHelper(helpers map[string]HelperFunc) {
	role, ok := os.LookupEnv(envHelper)
	if !ok {
		return
	}
	fn := helpers[role]
	if fn == nil {
		fmt.Fprintf(os.Stderr, "netlab: unknown helper %q\n", role)
		os.Exit(2)
	}
	var args []string
	for i, a := range os.Args {
		if a == "--" {
			args = os.Args[i+1:]
			break
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := fn(ctx, args)
	stop()
	if err != nil {
		fmt.Fprintf(os.Stderr, "netlab: helper %s: %v\n", role, err)
		os.Exit(1)
	}
	os.Exit(0)
}

// Helper is a Command that re-executes the running test binary inside the
// namespace as the helper role, with args; the binary's TestMain must call
// RunHelper. (If it does not, the child runs no tests, `-test.run=^$`, and
// exits.)
func (n *Namespace) Helper(ctx context.Context, role string, args ...string) *exec.Cmd {
	n.lab.tb.Helper()
	exe, err := os.Executable()
	if err != nil {
		n.lab.tb.Fatalf("netlab: helper %s: %v", role, err)
	}
	cmd := n.Command(ctx, exe, append([]string{"-test.run=^$", "--"}, args...)...)
	cmd.Env = append(os.Environ(), envHelper+"="+role)
	return cmd
}
