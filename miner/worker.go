package miner

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"sync"

	"github.com/mycroft-network/mycroft/miner/pause"
	"github.com/mycroft-network/mycroft/miner/storage"
)

// WorkerCommand is the subcommand cmd/mycroft routes to WorkerMain:
// `mycroft miner-worker JOB ARGS...`.
const WorkerCommand = "miner-worker"

// ErrBadJob is returned for an unknown worker job or bad arguments.
var ErrBadJob = errors.New("miner: bad worker job")

// WorkerResult is the JSON line a worker writes to stdout when done.
type WorkerResult struct {
	Job         string   `json:"job"`
	Nice        int      `json:"nice"`
	IOPrio      int      `json:"ioprio"`
	Quarantined []string `json:"quarantined,omitempty"`
	Checked     int      `json:"checked"`
}

// WorkerMain is the body of `mycroft miner-worker`: it lowers the process's
// CPU and I/O priority, runs one job and writes a WorkerResult to stdout.
// Jobs:
//
//	verify DIR [PERCENT]  read every chunk of the storage node at DIR and
//	                      quarantine those that do not match their
//	                      address, working PERCENT (1-100, default 100) of
//	                      the wall time: a duty cycle, as Gate.Rest
//
// The parent pauses it with SIGSTOP and resumes it with SIGCONT
// (StartWorker), so the job itself needs no gate.
func WorkerMain(ctx context.Context, args []string, stdout io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: no job", ErrBadJob)
	}
	// Arguments are checked before the priority is lowered, so a bad call
	// changes nothing.
	duty := 100
	switch args[0] {
	case "verify":
		if len(args) != 2 && len(args) != 3 {
			return fmt.Errorf("%w: verify DIR [PERCENT]", ErrBadJob)
		}
		if len(args) == 3 {
			p, err := strconv.Atoi(args[2])
			if err != nil || p < 1 || p > 100 {
				return fmt.Errorf("%w: verify: cpu percent %q, want 1-100", ErrBadJob, args[2])
			}
			duty = p
		}
	default:
		return fmt.Errorf("%w: %q", ErrBadJob, args[0])
	}
	prioErr := LowerPriority()
	res := WorkerResult{Job: args[0]}
	res.Nice, res.IOPrio, _ = Priority()
	// verify
	gate := pause.New(false)
	gate.SetDuty(duty)
	st, err := storage.OpenStore(storage.StoreConfig{Dir: args[1], Quota: 1 << 62, Shared: true})
	if err != nil {
		return fmt.Errorf("miner: worker: %w", err)
	}
	res.Checked = st.Len()
	bad, err := st.Verify(ctx, gate)
	if err != nil {
		return fmt.Errorf("miner: worker: %w", err)
	}
	for _, h := range bad {
		res.Quarantined = append(res.Quarantined, h.Hex())
	}
	if err := json.NewEncoder(stdout).Encode(res); err != nil {
		return fmt.Errorf("miner: worker: %w", err)
	}
	if prioErr != nil {
		return prioErr
	}
	return nil
}

// Worker is a running worker process tied to a pause gate.
type Worker struct {
	cmd    *exec.Cmd
	out    bytes.Buffer
	remove func()

	mu     sync.Mutex
	exited bool
}

// StartWorker runs `exe miner-worker args...` (exe is the agent's own
// binary, os.Executable()). The child lowers its own priority first thing.
// While gate is paused the child is stopped (SIGSTOP) — the pause takes
// effect in the kernel, whatever the job is doing — and continued
// (SIGCONT) on resume. If gate is paused at start the child starts stopped.
func StartWorker(ctx context.Context, exe string, gate *pause.Gate, args ...string) (*Worker, error) {
	w := &Worker{cmd: exec.CommandContext(ctx, exe, append([]string{WorkerCommand}, args...)...)}
	w.cmd.Stdout = &w.out
	if err := w.cmd.Start(); err != nil {
		return nil, fmt.Errorf("miner: start worker: %w", err)
	}
	pid := w.cmd.Process.Pid
	signal := func(paused bool) {
		w.mu.Lock()
		defer w.mu.Unlock()
		if w.exited {
			return
		}
		// An error means the worker has already exited; Wait reports it.
		if paused {
			_ = stopProcess(pid)
		} else {
			_ = continueProcess(pid)
		}
	}
	if gate != nil {
		w.remove = gate.OnChange(signal)
		if gate.Paused() {
			signal(true)
		}
	}
	return w, nil
}

// Pid is the worker's process id.
func (w *Worker) Pid() int { return w.cmd.Process.Pid }

// Wait waits for the worker to finish and returns its result.
func (w *Worker) Wait() (WorkerResult, error) {
	err := w.cmd.Wait()
	w.mu.Lock()
	w.exited = true
	w.mu.Unlock()
	if w.remove != nil {
		w.remove()
	}
	var res WorkerResult
	if err != nil {
		return res, fmt.Errorf("miner: worker: %w", err)
	}
	if err := json.Unmarshal(w.out.Bytes(), &res); err != nil {
		return res, fmt.Errorf("miner: worker: result: %w", err)
	}
	return res, nil
}
