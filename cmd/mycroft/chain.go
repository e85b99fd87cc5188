//go:build !device

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/chain/deploy"
	"github.com/mycroft-network/mycroft/internal/atomicfile"
)

// chainCommands are the operator's chain tools, left out of device builds
// (they carry the contracts' runtime code).
func chainCommands() []command {
	return []command{
		{"chain", "chain deploy|verify: deploy the contracts to an EVM chain, check a deployment", runChain},
	}
}

func runChain(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return usagef("chain: need a subcommand (deploy, verify)")
	}
	switch args[0] {
	case "deploy":
		return chainDeploy(ctx, e, args[1:])
	case "verify":
		return chainVerify(ctx, e, args[1:])
	}
	return usagef("chain: unknown subcommand %q (want deploy or verify)", args[0])
}

// splitURLs reads a comma-separated list of endpoints.
func splitURLs(s string) []string {
	var out []string
	for _, u := range strings.Split(s, ",") {
		if u = strings.TrimSpace(u); u != "" {
			out = append(out, u)
		}
	}
	return out
}

func chainDeploy(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "chain deploy", "-preset NAME -rpc URL[,URL...] -key FILE [-passphrase-file FILE] -out MANIFEST [-registrar ADDR] [-params FILE]")
	preset := fs.String("preset", "", "the chain: "+strings.Join(chain.PresetNames(), ", ")+" (see docs/chains.md)")
	rpcs := fs.String("rpc", "", "JSON-RPC endpoint(s), comma-separated; a call that one does not serve goes to the next")
	keyFile := fs.String("key", "", "the deployer's Web3 v3 key file (it pays the gas and gets the token supply)")
	passFile := fs.String("passphrase-file", "", "read the key file's passphrase from FILE (mode 0600) instead of the terminal")
	out := fs.String("out", "", "write the deployment manifest here; progress goes to MANIFEST.draft, which a rerun resumes from")
	registrar := fs.String("registrar", "", "0x address allowed to sign sign-up grants (default: the deployer)")
	paramsFile := fs.String("params", "", "JSON file of contract parameters to change from the defaults (docs/chains.md)")
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	if *preset == "" || *rpcs == "" || *keyFile == "" || *out == "" {
		return usagef("chain deploy: -preset, -rpc, -key and -out are required")
	}
	p, err := chain.PresetByName(*preset)
	if err != nil {
		return usagef("chain deploy: %v", err)
	}
	cfg := deploy.Config{Params: deploy.DefaultParams()}
	if *paramsFile != "" {
		b, err := os.ReadFile(*paramsFile)
		if err != nil {
			return fmt.Errorf("chain deploy: %w", err)
		}
		if cfg.Params, err = deploy.ParseParams(b); err != nil {
			return fmt.Errorf("chain deploy: %s: %w", *paramsFile, err)
		}
	}
	if *registrar != "" {
		if !common.IsHexAddress(*registrar) {
			return usagef("chain deploy: -registrar: %q is not a 0x address", *registrar)
		}
		cfg.Registrar = common.HexToAddress(*registrar)
	}
	key, err := decryptKeyFile(e, "chain deploy", *keyFile, *passFile)
	if err != nil {
		return err
	}
	draftPath := *out + ".draft"
	if cfg.Draft, err = loadDraft(draftPath); err != nil {
		return fmt.Errorf("chain deploy: %w", err)
	}
	cfg.Save = func(d *deploy.Draft) error { return saveDraft(draftPath, d) }
	cfg.Logger = slog.New(slog.NewTextHandler(e.stderr, nil))

	c, err := deploy.Dial(ctx, splitURLs(*rpcs), p.ChainID,
		chain.WithSigner(chain.NewKeySigner(key)), chain.WithPreset(p), chain.WithLogger(cfg.Logger),
		chain.WithPollInterval(max(p.BlockTime/4, 50*time.Millisecond)), chain.WithWaitTimeout(10*time.Minute))
	if err != nil {
		return fmt.Errorf("chain deploy: %w", err)
	}
	defer c.Close()
	m, err := deploy.Run(ctx, c, cfg)
	if err != nil {
		return fmt.Errorf("chain deploy: %w (progress is in %s; run the same command again to resume)", err, draftPath)
	}
	if err := chain.WriteManifest(*out, m); err != nil {
		return fmt.Errorf("chain deploy: %w", err)
	}
	fmt.Fprintf(e.stdout, "deployed on %s (chain %d) from block %d; manifest %s\n", p.Name, m.ChainID, m.DeployBlock, *out)
	for _, k := range deploy.Contracts(m) {
		fmt.Fprintf(e.stdout, "  %-16s %s\n", k.Name, k.Address.Hex())
	}
	return nil
}

// loadDraft reads a deployment draft; a missing file is a fresh start.
func loadDraft(path string) (*deploy.Draft, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("draft: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var d deploy.Draft
	if err := dec.Decode(&d); err != nil {
		return nil, fmt.Errorf("draft %s is not a deployment draft (%v); move it away to start over", path, err)
	}
	if d.ChainID == 0 || d.Deployer == (common.Address{}) {
		return nil, fmt.Errorf("draft %s has no chain id or deployer; move it away to start over", path)
	}
	return &d, nil
}

func saveDraft(path string, d *deploy.Draft) error {
	b, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.WriteFile(path, append(b, '\n'), 0o644)
}

func chainVerify(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "chain verify", "-rpc URL[,URL...] MANIFEST")
	rpcs := fs.String("rpc", "", "JSON-RPC endpoint(s), comma-separated")
	if err := parseFlags(fs, args, 1); err != nil {
		return err
	}
	if *rpcs == "" || fs.NArg() != 1 {
		return usagef("chain verify: need -rpc and the manifest file")
	}
	m, err := chain.LoadManifest(fs.Arg(0))
	if err != nil {
		return fmt.Errorf("chain verify: %w", err)
	}
	c, err := deploy.Dial(ctx, splitURLs(*rpcs), m.ChainID)
	if err != nil {
		return fmt.Errorf("chain verify: %w", err)
	}
	defer c.Close()
	if err := deploy.Verify(ctx, c, m); err != nil {
		return fmt.Errorf("chain verify: %w", err)
	}
	fmt.Fprintf(e.stdout, "ok: the code at every address of %s is the committed contracts' and the Governor holds the Timelock\n", fs.Arg(0))
	return nil
}
