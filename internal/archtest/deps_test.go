package archtest

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/mycroft-network/mycroft"

type pkg struct {
	ImportPath string
	Imports    []string
	Deps       []string
	Standard   bool
}

// list runs `go list -json` with the given environment and arguments.
func list(t *testing.T, env []string, args ...string) []pkg {
	t.Helper()
	cmd := exec.Command("go", append([]string{"list", "-e", "-json"}, args...)...)
	cmd.Dir = "../.."
	cmd.Env = append(os.Environ(), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list %v: %v\n%s", args, err, stderr.String())
	}
	var pkgs []pkg
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p pkg
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, p)
	}
	return pkgs
}

// within reports whether path is dir or below it, inside the module.
func within(path, dir string) bool {
	full := module + "/" + dir
	return path == full || strings.HasPrefix(path, full+"/")
}

// rule is one import the design forbids.
type rule struct {
	name      string
	from      func(string) bool
	forbidden func(imp string) bool
}

func rules() []rule {
	own := func(dirs ...string) func(string) bool {
		return func(p string) bool {
			for _, d := range dirs {
				if within(p, d) {
					return true
				}
			}
			return false
		}
	}
	not := func(f func(string) bool) func(string) bool { return func(p string) bool { return !f(p) } }
	return []rule{
		{"hal imports only the standard library", own("hal"), func(imp string) bool {
			return strings.Contains(strings.Split(imp, "/")[0], ".") && !within(imp, "hal")
		}},
		{"wallet does not import voice or miner", own("wallet"), own("voice", "miner")},
		{"voice does not import wallet or miner", own("voice"), own("wallet", "miner")},
		{"miner does not import wallet or voice", own("miner"), own("wallet", "voice")},
		{"only cmd imports agent", not(own("agent", "cmd")), own("agent")},
		// internal/demo is the development demo (it runs the devnet); only
		// the development commands of cmd/mycroft import it, and the
		// device-build test below checks it stays out of device binaries.
		{"nothing but cmd, the demo and tests imports the devnet", not(own("cmd", "chain/devnet", "internal/demo")), own("chain/devnet")},
		{"only cmd imports the demo", not(own("cmd", "internal/demo")), own("internal/demo")},
		{"keystore and chain stay below wallet, miner, voice, board and agent", own("keystore", "chain"), own("wallet", "miner", "voice", "board", "agent")},
		{"board depends on hal only among our packages", own("board"), own("agent", "wallet", "miner", "voice", "keystore", "chain")},
		// The node port's guard sits in front of every handler; it knows
		// nothing of what it guards.
		{"netguard imports only the standard library and internal/bucket", own("internal/netguard"), func(imp string) bool {
			return strings.Contains(strings.Split(imp, "/")[0], ".") && !within(imp, "internal/bucket")
		}},
	}
}

func TestImportRules(t *testing.T) {
	pkgs := list(t, nil, "./...")
	if len(pkgs) < 3 {
		t.Fatalf("go list found %d packages; the test is not looking at the module", len(pkgs))
	}
	for _, r := range rules() {
		t.Run(r.name, func(t *testing.T) {
			for _, p := range pkgs {
				if !r.from(p.ImportPath) {
					continue
				}
				for _, imp := range p.Imports {
					if r.forbidden(imp) {
						t.Errorf("%s imports %s", p.ImportPath, imp)
					}
				}
			}
		})
	}
}

// TestRulesCatchViolations makes sure the rules above can fail.
func TestRulesCatchViolations(t *testing.T) {
	cases := []struct {
		rule, from, imp string
	}{
		{"hal imports only the standard library", module + "/hal", "periph.io/x/conn/v3/gpio"},
		{"wallet does not import voice or miner", module + "/wallet", module + "/miner/provider"},
		{"voice does not import wallet or miner", module + "/voice", module + "/wallet"},
		{"miner does not import wallet or voice", module + "/miner/storage", module + "/voice"},
		{"only cmd imports agent", module + "/voice", module + "/agent"},
		{"nothing but cmd, the demo and tests imports the devnet", module + "/wallet", module + "/chain/devnet"},
		{"only cmd imports the demo", module + "/agent", module + "/internal/demo"},
		{"netguard imports only the standard library and internal/bucket", module + "/internal/netguard", module + "/miner/provider"},
	}
	byName := map[string]rule{}
	for _, r := range rules() {
		byName[r.name] = r
	}
	for _, c := range cases {
		r, ok := byName[c.rule]
		if !ok {
			t.Fatalf("no rule %q", c.rule)
		}
		if !r.from(c.from) || !r.forbidden(c.imp) {
			t.Errorf("rule %q does not catch %s importing %s", c.rule, c.from, c.imp)
		}
	}
	if r := byName["hal imports only the standard library"]; r.forbidden("image/color") {
		t.Errorf("the hal rule forbids the standard library")
	}
}

// TestDeviceBuildsLeaveOutDevChain checks that the binaries built for the
// Mark I (arm) and Mark II (arm64) with the device tag do not link the dev
// chain, go-ethereum's full node or EVM, or the harnesses of the tests,
// the demo and the operator's tools: none of it runs on a speaker, and
// every package linked costs its variables and inits even when nothing
// calls it (issue 15's 30 MB binary target).
func TestDeviceBuildsLeaveOutDevChain(t *testing.T) {
	for _, arch := range []string{"arm", "arm64"} {
		t.Run(arch, func(t *testing.T) {
			env := []string{"GOOS=linux", "GOARCH=" + arch, "CGO_ENABLED=0"}
			if arch == "arm" {
				env = append(env, "GOARM=7")
			}
			pkgs := list(t, env, "-tags", "device", "-deps", "./cmd/mycroft")
			found := false
			for _, p := range pkgs {
				if p.ImportPath == module+"/cmd/mycroft" {
					found = true
				}
				if leftOutOfDevices(p.ImportPath) {
					t.Errorf("device build for %s links %s", arch, p.ImportPath)
				}
			}
			if !found {
				t.Fatalf("cmd/mycroft not in the dependency list")
			}
		})
	}
}

// leftOutOfDevices reports whether a package must not be in a device build.
func leftOutOfDevices(path string) bool {
	for _, dir := range []string{"chain/devnet", "chain/deploy", "internal/demo",
		"internal/netlab", "internal/gethdev", "internal/wakecorpus", "registrar"} {
		if within(path, dir) {
			return true
		}
	}
	switch path {
	case "github.com/ethereum/go-ethereum/eth",
		"github.com/ethereum/go-ethereum/node",
		"github.com/ethereum/go-ethereum/core",
		"github.com/ethereum/go-ethereum/core/vm",
		"github.com/ethereum/go-ethereum/ethclient/simulated",
		// go-libp2p's root package declares WebSocket, WebTransport and
		// WebRTC as default transports; the host is built from its config
		// package so that none of them is linked (p2p/libp2pconfig.go).
		"github.com/libp2p/go-libp2p",
		"github.com/libp2p/go-libp2p/p2p/transport/websocket",
		"github.com/libp2p/go-libp2p/p2p/transport/webtransport",
		"github.com/quic-go/webtransport-go":
		return true
	}
	return false
}

func TestLeftOutOfDevices(t *testing.T) {
	cases := []struct {
		name string
		path string
		want bool
	}{
		{"dev chain", module + "/chain/devnet", true},
		{"deployer", module + "/chain/deploy", true},
		{"sign-up grant registrar", module + "/registrar", true},
		{"netns lab", module + "/internal/netlab", true},
		{"geth --dev harness", module + "/internal/gethdev", true},
		{"a package below the demo", module + "/internal/demo/x", true},
		{"go-ethereum's EVM", "github.com/ethereum/go-ethereum/core/vm", true},
		{"go-ethereum's state machine", "github.com/ethereum/go-ethereum/core", true},
		{"a prefix is not a parent", module + "/internal/netlabs", false},
		{"the chain client", module + "/chain", false},
		{"the p2p host", module + "/p2p", false},
		{"transaction types", "github.com/ethereum/go-ethereum/core/types", false},
		{"go-libp2p's root package", "github.com/libp2p/go-libp2p", true},
		{"go-libp2p's config package", "github.com/libp2p/go-libp2p/config", false},
	}
	for _, c := range cases {
		if got := leftOutOfDevices(c.path); got != c.want {
			t.Errorf("%s: leftOutOfDevices(%q) = %v, want %v", c.name, c.path, got, c.want)
		}
	}
}
