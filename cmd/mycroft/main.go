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

// command is one subcommand. A summary starting with "(internal)" marks a
// command other processes of mycroft run (the miner worker, the demo's audio
// probe): it works but is left out of the help.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env *env, args []string) error
}

func (c command) internal() bool { return strings.HasPrefix(c.summary, "(internal)") }

// hasSubcommands reports whether the command's first argument is a
// subcommand ("keys init", "wallet balance"); its summary then starts with
// its usage ("keys init|restore|...").
func (c command) hasSubcommands() bool {
	switch c.name {
	case "config", "keys", "governance", "wallet", "provider", "miner", "backup", "voice", "board", "chain", "web", "update":
		return true
	}
	return false
}

// isHelp reports whether arg asks for help: -h, -help, --help or help.
func isHelp(arg string) bool {
	switch arg {
	case "-h", "-help", "--help", "help":
		return true
	}
	return false
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
		{"status", "show the agent's board, uptime, version, health, keys, wallet, miner and voice", runStatus},
		{"version", "show the version of this binary and of the running agent", runVersion},
		{"config", "config check FILE: check a configuration file", runConfig},
		{"keys", "keys init|restore|import|status|address|export|change-passphrase|rotate|erase|unlock|lock", runKeys},
		{"governance", "governance status | proposals | propose KIND ... | vote N yes|no|abstain", runGovernance},
		{"wallet", "wallet balance|channels|history|limits|topup|close", runWallet},
		{"provider", "provider status", runProvider},
		{"miner", "miner enable|disable|status|earnings", runMiner},
		{"backup", "backup run|status|restore", runBackup},
		{"miner-worker", "(internal) the low-priority miner worker process", runMinerWorker},
		{"p2p", "(internal) p2p id [--file-passphrase-file FILE] KEYFILE: a maintainer's command, the peer id of a v3 key file", runP2P},
		{"ask", "ask the agent a question as text: mycroft ask \"what time is it\"", runAsk},
		{"voice", "voice status|faces|last | hear FILE.wav (simulated board)", runVoice},
		{"board", "board test [-config FILE]: a maintainer's hardware smoke test (daemon stopped)", runBoard},
		{"web", "web pair: the pairing code of the owner's web page on the LAN (docs/web.md)", runWeb},
		{"update", "update status|check|apply [VERSION]|rollback | manifest: releases approved on chain (docs/updates.md)", runUpdate},
	}
	cmds = append(cmds, chainCommands()...)
	cmds = append(cmds, registrarCommands()...)
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
	// Help asked for is printed on stdout with exit 0; usage after a
	// mistake goes to stderr with exit 2.
	fs.Usage = func() {}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			usage(e.stdout, fs)
			return 0
		}
		fmt.Fprintf(e.stderr, "mycroft: %v\n", err)
		usage(e.stderr, fs)
		return 2
	}
	if fs.NArg() == 0 {
		usage(e.stderr, fs)
		return 2
	}
	rest := fs.Args()
	if rest[0] == "help" {
		if len(rest) == 1 {
			usage(e.stdout, fs)
			return 0
		}
		// mycroft help COMMAND is mycroft COMMAND --help.
		rest = []string{rest[1], "--help"}
	}
	name := rest[0]
	for _, c := range commands() {
		if c.name != name {
			continue
		}
		args := rest[1:]
		if len(args) > 0 && isHelp(args[0]) && c.hasSubcommands() {
			fmt.Fprintf(e.stdout, "usage: mycroft %s\n", c.summary)
			return 0
		}
		err := c.run(ctx, e, args)
		var ue usageError
		switch {
		case err == nil:
			return 0
		case errors.Is(err, flag.ErrHelp):
			return 0
		case errors.As(err, &ue):
			fmt.Fprintf(e.stderr, "mycroft %s: %s\n", name, errorText(name, err))
			return 2
		default:
			fmt.Fprintf(e.stderr, "mycroft %s: %s\n", name, errorText(name, err))
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
		if !c.internal() {
			fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
		}
	}
	fmt.Fprintln(w, "\nflags:")
	fs.SetOutput(w)
	fs.PrintDefaults()
	fmt.Fprintln(w, "\nRead commands take --json for scripts. `mycroft help COMMAND` (or COMMAND -h) shows a command's usage.")
}

// errorText is err's message without a leading "NAME: " (or "NAME: NAME: ")
// that repeats the command the CLI already names, so every error reads
// "mycroft keys: no keyring ..." once.
func errorText(name string, err error) string {
	msg := err.Error()
	for strings.HasPrefix(msg, name+": ") {
		msg = strings.TrimPrefix(msg, name+": ")
	}
	return msg
}

// newFlags returns the flag set of a subcommand, writing to the env's
// stderr.
func newFlags(e *env, name, args string) *flag.FlagSet {
	fs := flag.NewFlagSet("mycroft "+name, flag.ContinueOnError)
	// The output is where help that was asked for goes; parseFlags keeps
	// the flag package from printing anything after a mistake (run prints
	// the error on stderr).
	fs.SetOutput(e.stdout)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: mycroft %s %s\n", name, strings.TrimSpace(args))
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args and refuses stray positional arguments beyond
// maxArgs. -h, -help and --help print the usage on stdout and return
// flag.ErrHelp (exit 0); a mistake is a usageError (stderr, exit 2).
func parseFlags(fs *flag.FlagSet, args []string, maxArgs int) error {
	out := fs.Output()
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	fs.SetOutput(out)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.Usage()
			return err
		}
		return usagef("%v (see mycroft help %s)", err, strings.TrimPrefix(fs.Name(), "mycroft "))
	}
	if fs.NArg() > maxArgs {
		return usagef("unexpected argument %q", fs.Arg(maxArgs))
	}
	return nil
}
