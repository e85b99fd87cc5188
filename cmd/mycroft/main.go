// Command mycroft is the one binary of a Mycroft speaker. `mycroft agent`
// runs the daemon; every other subcommand is a client of the daemon's local
// API (see `mycroft help`).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"

	"github.com/mycroft-network/mycroft/internal/apiclient"
)

// command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env *env, args []string) error
}

// env is what every command gets: its output streams and how to reach the
// agent.
type env struct {
	stdout, stderr io.Writer
	stdin          io.Reader
	socket         string
}

func (e *env) client() *apiclient.Client { return apiclient.New(e.socket) }

// usageError is a mistake on the command line: it is printed with the usage.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

func commands() []command {
	cmds := []command{
		{"agent", "run the daemon", runAgent},
		{"status", "show the agent's board, uptime, version and health", runStatus},
		{"version", "show the version of this binary and of the running agent", runVersion},
		{"config", "check a configuration file: mycroft config check FILE", runConfig},
		{"keys", "keys init|restore|address|export|change-passphrase|rotate|erase|unlock|lock", runKeys},
		{"governance", "governance proposals | vote N yes|no|abstain", runGovernance},
		{"wallet", "wallet balance|channels|history|limits|topup|close", runWallet},
		{"provider", "provider status", runProvider},
		{"miner", "miner enable|disable|status|earnings", runMiner},
		{"backup", "backup run|status|restore", runBackup},
		{"miner-worker", "(internal) the low-priority miner worker process", runMinerWorker},
		{"ask", "ask the agent a question as text: mycroft ask \"what time is it\"", runAsk},
		{"voice", "voice status | hear FILE.wav (simulated board)", runVoice},
		{"board", "board test: a maintainer's hardware smoke test (daemon stopped)", runBoard},
	}
	cmds = append(cmds, devCommands()...)
	return cmds
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	e := &env{stdout: os.Stdout, stderr: os.Stderr, stdin: os.Stdin}
	code := run(ctx, e, os.Args[1:])
	stop()
	os.Exit(code)
}

// run parses the global flags and dispatches; it returns the exit code.
func run(ctx context.Context, e *env, args []string) int {
	fs := flag.NewFlagSet("mycroft", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	socket := os.Getenv("MYCROFT_SOCKET")
	if socket == "" {
		socket = apiclient.DefaultSocket
	}
	fs.StringVar(&e.socket, "socket", socket, "the agent's local API socket (env MYCROFT_SOCKET)")
	fs.Usage = func() { usage(e.stderr, fs) }
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() == 0 || fs.Arg(0) == "help" {
		usage(e.stdout, fs)
		if fs.NArg() == 0 {
			return 2
		}
		return 0
	}
	name := fs.Arg(0)
	for _, c := range commands() {
		if c.name != name {
			continue
		}
		err := c.run(ctx, e, fs.Args()[1:])
		var ue usageError
		switch {
		case err == nil:
			return 0
		case errors.Is(err, flag.ErrHelp):
			return 0
		case errors.As(err, &ue):
			fmt.Fprintf(e.stderr, "mycroft %s: %v\n", name, err)
			return 2
		default:
			fmt.Fprintf(e.stderr, "mycroft %s: %v\n", name, err)
			return 1
		}
	}
	fmt.Fprintf(e.stderr, "mycroft: unknown command %q (see mycroft help)\n", name)
	return 2
}

func usage(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprintln(w, "usage: mycroft [-socket PATH] COMMAND [ARGS]")
	fmt.Fprintln(w, "\ncommands:")
	cs := commands()
	sort.Slice(cs, func(i, j int) bool { return cs[i].name < cs[j].name })
	for _, c := range cs {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nflags:")
	fs.SetOutput(w)
	fs.PrintDefaults()
	fmt.Fprintln(w, "\nRead commands take --json for scripts. `mycroft COMMAND -h` shows a command's flags.")
}

// newFlags returns the flag set of a subcommand, writing to the env's
// stderr.
func newFlags(e *env, name, args string) *flag.FlagSet {
	fs := flag.NewFlagSet("mycroft "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "usage: mycroft %s %s\n", name, strings.TrimSpace(args))
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args and refuses stray positional arguments beyond
// maxArgs.
func parseFlags(fs *flag.FlagSet, args []string, maxArgs int) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	if fs.NArg() > maxArgs {
		return usagef("unexpected argument %q", fs.Arg(maxArgs))
	}
	return nil
}
