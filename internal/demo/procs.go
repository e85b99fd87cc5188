package demo

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sync"
	"syscall"
	"time"

	"github.com/mycroft-network/mycroft/internal/apiclient"
)

// proc is one child process the demo started.
type proc struct {
	name string
	cmd  *exec.Cmd
	log  string
	done chan struct{}
	err  error
	// keys is the child's standard input when it was started with a
	// keyboard (the owner's simulated board reads keys from it).
	keys io.WriteCloser
}

// procs starts child processes and stops them all, last started first.
type procs struct {
	mu   sync.Mutex
	dir  string
	list []*proc
}

// start runs bin with args; its output goes to DIR/name.log.
func (p *procs) start(name, bin string, args ...string) (*proc, error) {
	return p.startWith(name, bin, nil, false, args...)
}

// startWith runs bin with args; standard error goes to DIR/name.log, and so
// does standard output unless stdout is set. With keys, the child's
// standard input is a pipe kept in proc.keys.
func (p *procs) startWith(name, bin string, stdout io.Writer, keys bool, args ...string) (*proc, error) {
	logPath := filepath.Join(p.dir, name+".log")
	f, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = f, f
	if stdout != nil {
		cmd.Stdout = stdout
	}
	// A process group of its own, so a Ctrl-C on the terminal reaches only
	// the demo, which then stops its children in order.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	var in io.WriteCloser
	if keys {
		if in, err = cmd.StdinPipe(); err != nil {
			f.Close()
			return nil, fmt.Errorf("start %s: %w", name, err)
		}
	}
	if err := cmd.Start(); err != nil {
		f.Close()
		return nil, fmt.Errorf("start %s: %w", name, err)
	}
	pr := &proc{name: name, cmd: cmd, log: logPath, done: make(chan struct{}), keys: in}
	go func() {
		pr.err = cmd.Wait()
		f.Close()
		close(pr.done)
	}()
	p.mu.Lock()
	p.list = append(p.list, pr)
	p.mu.Unlock()
	return pr, nil
}

// exited reports whether the process has stopped.
func (pr *proc) exited() bool {
	select {
	case <-pr.done:
		return true
	default:
		return false
	}
}

// waitAgent waits until the agent on socket answers, the process exits or
// ctx is done.
func (pr *proc) waitAgent(ctx context.Context, socket string) error {
	c := apiclient.New(socket)
	for {
		if _, err := c.Status(ctx); err == nil {
			return nil
		}
		select {
		case <-pr.done:
			b, _ := os.ReadFile(pr.log)
			return fmt.Errorf("%s exited (%v):\n%s", pr.name, pr.err, tail(b, 2000))
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// stopAll sends SIGTERM to every child, last started first, and kills any
// that has not stopped after grace.
func (p *procs) stopAll(grace time.Duration) error {
	p.mu.Lock()
	list := p.list
	p.list = nil
	p.mu.Unlock()
	var errs []error
	for i := len(list) - 1; i >= 0; i-- {
		pr := list[i]
		if pr.exited() {
			continue
		}
		_ = pr.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-pr.done:
		case <-time.After(grace):
			_ = pr.cmd.Process.Kill()
			<-pr.done
			errs = append(errs, fmt.Errorf("%s did not stop within %s and was killed", pr.name, grace))
		}
	}
	return errors.Join(errs...)
}

func tail(b []byte, n int) string {
	if len(b) > n {
		b = b[len(b)-n:]
	}
	return string(b)
}

// startTerminal is start with the process's standard output on term (the
// owner's agent draws its face there); its standard error goes to the log.
// With keys its standard input is a pipe (proc.keys).
func (p *procs) startTerminal(name, bin string, term io.Writer, keys bool, args ...string) (*proc, error) {
	return p.startWith(name, bin, term, keys, args...)
}

// stop stops one process (SIGTERM, then SIGKILL after grace) and forgets it.
func (p *procs) stop(pr *proc, grace time.Duration) error {
	p.mu.Lock()
	p.list = slices.DeleteFunc(p.list, func(x *proc) bool { return x == pr })
	p.mu.Unlock()
	if pr.exited() {
		return nil
	}
	_ = pr.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-pr.done:
		return nil
	case <-time.After(grace):
		_ = pr.cmd.Process.Kill()
		<-pr.done
		return fmt.Errorf("%s did not stop within %s and was killed", pr.name, grace)
	}
}
