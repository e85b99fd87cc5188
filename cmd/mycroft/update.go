package main

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/miner/storage"
	"github.com/mycroft-network/mycroft/update"
)

const updateUsage = `usage: mycroft update status [--json] | check [--json] | apply [VERSION] [--json] | rollback [--reason TEXT]
       mycroft update manifest --version V --min V [--notes TEXT] [--out FILE] ARCH=BINARY...
       mycroft update publish --node URL --node-address ADDR --deployment FILE --key FILE [--passphrase-file FILE] [--days N] BINARY`

func runUpdate(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return usagef(updateUsage)
	}
	fs := newFlags(e, "update "+args[0], "")
	asJSON := fs.Bool("json", false, "print JSON")
	var (
		st  update.Status
		err error
	)
	switch args[0] {
	case "status", "check":
		if err := parseFlags(fs, args[1:], 0); err != nil {
			return err
		}
		if args[0] == "status" {
			err = e.client().Get(ctx, "/update/status", &st)
		} else {
			err = e.client().Post(ctx, "/update/check", nil, &st)
		}
	case "apply":
		if err := parseFlags(fs, args[1:], 1); err != nil {
			return err
		}
		req := map[string]string{"version": fs.Arg(0)}
		if v := fs.Arg(0); v != "" {
			if _, err := update.ParseVersion(v); err != nil {
				return usagef("update apply: %v", err)
			}
		}
		err = e.client().Post(ctx, "/update/apply", req, &st)
	case "rollback":
		reason := fs.String("reason", "", "why (kept in the update status)")
		if err := parseFlags(fs, args[1:], 0); err != nil {
			return err
		}
		err = e.client().Post(ctx, "/update/rollback", map[string]string{"reason": *reason}, &st)
	case "manifest":
		return updateManifest(e, args[1:])
	case "publish":
		return updatePublish(ctx, e, args[1:])
	default:
		return usagef("update: unknown subcommand %q\n%s", args[0], updateUsage)
	}
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(e.stdout, st)
	}
	printUpdateStatus(e.stdout, st)
	return nil
}

func printUpdateStatus(w io.Writer, st update.Status) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	slot := st.Slot
	if slot == "" {
		slot = "the installed binary"
	} else {
		slot = "slot " + slot
	}
	fmt.Fprintf(tw, "running:\t%s (%s)\n", st.Running, slot)
	latest := "none published"
	if st.Latest != 0 {
		latest = st.Latest.String()
		if !st.Published.IsZero() {
			latest += ", published " + st.Published.UTC().Format(time.RFC3339)
		}
	}
	fmt.Fprintf(tw, "latest approved:\t%s\n", latest)
	mode := "manual (update.auto = false)"
	if st.Auto {
		mode = "automatic"
	}
	if st.Pin != 0 {
		mode += ", pinned to " + st.Pin.String()
	}
	if st.Delay != "" {
		mode += ", delay " + st.Delay
	}
	fmt.Fprintf(tw, "updates:\t%s\n", mode)
	fmt.Fprintf(tw, "state:\t%s\n", st.State)
	if !st.LastCheck.IsZero() {
		fmt.Fprintf(tw, "last check:\t%s\n", st.LastCheck.UTC().Format(time.RFC3339))
	}
	if st.LastError != "" {
		fmt.Fprintf(tw, "last error:\t%s\n", st.LastError)
	}
	if t := st.Trial; t != nil {
		fmt.Fprintf(tw, "on trial:\t%s in slot %s until %s (started %d times)\n", t.Version, t.Slot, t.Deadline.UTC().Format(time.RFC3339), t.Attempts)
	}
	if rb := st.LastRollback; rb != nil {
		fmt.Fprintf(tw, "last rollback:\t%s back to %s at %s: %s\n", rb.Version, rb.To, rb.At.UTC().Format(time.RFC3339), rb.Reason)
	}
	if f := st.Fetch; f != nil {
		fmt.Fprintf(tw, "last fetch:\t%d bytes from %s\n", f.Fetched, f.Source)
	}
	_ = tw.Flush()
}

// updateLine is the one-line summary of the agent's "update" component
// for `mycroft status` ("" when the agent has no updater).
func updateLine(raw json.RawMessage) string {
	var st update.Status
	if len(raw) == 0 || json.Unmarshal(raw, &st) != nil {
		return ""
	}
	s := "running " + st.Running.String()
	switch {
	case st.Trial != nil:
		s += fmt.Sprintf(", %s on trial until %s", st.Trial.Version, st.Trial.Deadline.UTC().Format(time.RFC3339))
	case st.Available:
		s += ", " + st.Latest.String() + " approved and available"
	case st.Latest != 0:
		s += ", latest approved " + st.Latest.String()
	}
	if !st.Auto {
		s += " (manual)"
	}
	if st.Pin != 0 {
		s += " (pinned to " + st.Pin.String() + ")"
	}
	if rb := st.LastRollback; rb != nil {
		s += fmt.Sprintf("; rolled back %s: %s", rb.Version, rb.Reason)
	}
	if st.LastError != "" {
		s += "; " + st.LastError
	}
	return s
}

// updateManifest writes release.json from the binaries (no agent needed):
// each ARCH=BINARY is hashed and split into its release set for the
// storage root.
func updateManifest(e *env, args []string) error {
	fs := newFlags(e, "update manifest", "--version V --min V [--notes TEXT] [--out FILE] ARCH=BINARY...")
	version := fs.String("version", "", "the release's version (major.minor.patch)")
	minVersion := fs.String("min", "", "the lowest version that may update to it")
	notes := fs.String("notes", "", "what changed")
	out := fs.String("out", "", "write here instead of standard output")
	if err := parseFlags(fs, args, update.MaxArtifacts); err != nil {
		return err
	}
	var m update.Manifest
	var err error
	if m.Version, err = update.ParseVersion(*version); err != nil {
		return usagef("update manifest: --version: %v", err)
	}
	if m.MinVersion, err = update.ParseVersion(*minVersion); err != nil {
		return usagef("update manifest: --min: %v", err)
	}
	m.Notes = *notes
	if fs.NArg() == 0 {
		return usagef("update manifest: name at least one ARCH=BINARY (arm64, armv7, amd64)")
	}
	for _, a := range fs.Args() {
		arch, path, ok := strings.Cut(a, "=")
		if !ok {
			return usagef("update manifest: %q is not ARCH=BINARY", a)
		}
		art, err := artifactOf(arch, path)
		if err != nil {
			return err
		}
		m.Artifacts = append(m.Artifacts, art)
	}
	b, err := m.Marshal()
	if err != nil {
		return err
	}
	if *out == "" {
		_, err = e.stdout.Write(b)
		return err
	}
	return os.WriteFile(*out, b, 0o644)
}

func artifactOf(arch, path string) (chain.ReleaseArtifact, error) {
	data, err := readLimited(path, update.MaxBinary)
	if err != nil {
		return chain.ReleaseArtifact{}, err
	}
	_, root, err := update.SplitRelease(data)
	if err != nil {
		return chain.ReleaseArtifact{}, err
	}
	return chain.ReleaseArtifact{Arch: arch, SHA256: sha256.Sum256(data), Size: uint64(len(data)), StorageRoot: root}, nil
}

// readLimited reads a file of at most limit bytes.
func readLimited(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%s is over %d bytes", path, limit)
	}
	return b, nil
}

// updatePublish puts a binary's release set on one storage node, signed
// by the key file's account, and prints its storage root (what `update
// manifest` writes into release.json). A maintainer's command that needs
// no agent; the node must store without rent (a node that charges answers
// 402 and is named in the error).
func updatePublish(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "update publish", "--node URL --node-address ADDR --deployment FILE --key FILE [--passphrase-file FILE] [--days N] BINARY")
	node := fs.String("node", "", "the storage node's HTTP endpoint")
	nodeAddr := fs.String("node-address", "", "the storage node's address (it signs commitments)")
	deployment := fs.String("deployment", "", "the chain's deployment manifest (chain id and Registry)")
	keyFile := fs.String("key", "", "the publisher's Web3 v3 key file (signs the storage request)")
	passFile := fs.String("passphrase-file", "", "read the key file's passphrase from FILE (mode 0600) instead of the terminal")
	days := fs.Int("days", 365, "how long the node keeps the release")
	if err := parseFlags(fs, args, 1); err != nil {
		return err
	}
	if *node == "" || *deployment == "" || *keyFile == "" || fs.NArg() != 1 {
		return usagef("update publish: --node, --node-address, --deployment, --key and BINARY are required")
	}
	if !common.IsHexAddress(*nodeAddr) {
		return usagef("update publish: --node-address: %q is not a 0x address", *nodeAddr)
	}
	if *days < 1 || *days > 3650 {
		return usagef("update publish: --days must be 1 to 3650")
	}
	m, err := chain.LoadManifest(*deployment)
	if err != nil {
		return err
	}
	data, err := readLimited(fs.Arg(0), update.MaxBinary)
	if err != nil {
		return err
	}
	key, err := decryptKeyFile(e, "update publish", *keyFile, *passFile)
	if err != nil {
		return err
	}
	s := chain.NewKeySigner(key)
	expiry := time.Now().Add(time.Duration(*days) * 24 * time.Hour).Unix()
	root, err := update.Publish(ctx, &storage.Client{Base: *node}, common.HexToAddress(*nodeAddr), data, s.Address(), s,
		new(big.Int).SetUint64(m.ChainID), m.Registry, expiry)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "storage root %s: %d chunks on %s until %s\n", root.Hex(), update.LeafCount(uint64(len(data))), *node,
		time.Unix(expiry, 0).UTC().Format(time.RFC3339))
	return nil
}
