//go:build !device

package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"time"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/registrar"
)

// registrarCommands is the sign-up grant registrar, an operator's service
// left out of device builds.
func registrarCommands() []command {
	return []command{
		{"registrar", "run a sign-up grant registrar: [-config FILE] [-listen ADDR] [-rpc URL,...] [-manifest FILE] [-key FILE -passphrase-file FILE] [-db FILE] (docs/registrar.md)", runRegistrar},
	}
}

func runRegistrar(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "registrar", "[-config FILE] [flags]")
	cfgFile := fs.String("config", "", "TOML file of the settings below and the policy (docs/registrar.md); flags override it")
	listen := fs.String("listen", "", "address to serve on (default "+registrar.DefaultListen+")")
	rpcs := fs.String("rpc", "", "JSON-RPC endpoint(s), comma-separated")
	manifest := fs.String("manifest", "", "the deployment manifest")
	keyFile := fs.String("key", "", "the registrar's Web3 v3 key file (it signs the claims and pays the gas drops)")
	passFile := fs.String("passphrase-file", "", "read the key file's passphrase from FILE (mode 0600) instead of the terminal")
	db := fs.String("db", "", "the registrar's database (default registrar.db)")
	allow := fs.String("allow-list", "", "file of allowed device serials, one a line")
	perHour := fs.Int("claims-per-hour", 0, "new claims per hour in total (default 60, -1 no limit)")
	perIP := fs.Int("claims-per-hour-per-ip", 0, "new claims per hour per client address (default 3, -1 no limit)")
	gasDrop := fs.String("gas-drop", "", "wei of native coin sent to an owner holding less (default 500000000000000, 0 none, at most 10^16)")
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	var fc registrar.FileConfig
	if *cfgFile != "" {
		var err error
		if fc, err = registrar.LoadFile(*cfgFile); err != nil {
			return err
		}
	}
	override := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	override(&fc.Listen, *listen)
	override(&fc.Manifest, *manifest)
	override(&fc.Key, *keyFile)
	override(&fc.PassphraseFile, *passFile)
	override(&fc.DB, *db)
	override(&fc.AllowList, *allow)
	override(&fc.GasDrop, *gasDrop)
	if *rpcs != "" {
		fc.RPCURLs = splitURLs(*rpcs)
	}
	if *perHour != 0 {
		fc.ClaimsPerHour = *perHour
	}
	if *perIP != 0 {
		fc.ClaimsPerHourPerIP = *perIP
	}
	if fc.Listen == "" {
		fc.Listen = registrar.DefaultListen
	}
	if fc.DB == "" {
		fc.DB = "registrar.db"
	}
	if len(fc.RPCURLs) == 0 || fc.Manifest == "" || fc.Key == "" {
		return usagef("registrar: the endpoints (-rpc or rpc_urls), -manifest and -key are required")
	}
	cfg, err := fc.Policy()
	if err != nil {
		return err
	}
	m, err := chain.LoadManifest(fc.Manifest)
	if err != nil {
		return fmt.Errorf("registrar: %w", err)
	}
	key, err := decryptKeyFile(e, "registrar", fc.Key, fc.PassphraseFile)
	if err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(e.stderr, nil))
	signer := chain.NewKeySigner(key)
	opts := []chain.Option{chain.WithSigner(signer), chain.WithLogger(log), chain.WithWaitTimeout(5 * time.Minute)}
	if p, ok := chain.PresetByChainID(m.ChainID); ok {
		opts = append(opts, chain.WithPreset(p), chain.WithPollInterval(max(p.BlockTime/4, 50*time.Millisecond)))
	}
	c, err := chain.DialPool(fc.RPCURLs, m, opts...)
	if err != nil {
		return fmt.Errorf("registrar: %w", err)
	}
	defer c.Close()
	cfg.Chain, cfg.Key, cfg.DBPath, cfg.Log = c, signer, fc.DB, log
	r, err := registrar.New(cfg)
	if err != nil {
		return err
	}
	defer r.Close()
	if reg, err := c.GrantRegistrar(ctx); err != nil {
		log.Warn("registrar: cannot read the Grants contract's registrar yet", "err", err)
	} else if reg != signer.Address() {
		log.Warn("registrar: this key is not the Grants contract's registrar: claims are refused until governance approves it (setRegistrar)",
			"key", signer.Address().Hex(), "approved", reg.Hex())
	}
	ln, err := net.Listen("tcp", fc.Listen)
	if err != nil {
		return fmt.Errorf("registrar: %w", err)
	}
	fmt.Fprintf(e.stdout, "registrar %s serving chain %d (Grants %s) on %s\n", signer.Address().Hex(), m.ChainID, m.Grants.Hex(), ln.Addr())
	if err := r.Serve(ctx, ln); err != nil && !errors.Is(err, context.Canceled) {
		return fmt.Errorf("registrar: %w", err)
	}
	return nil
}
