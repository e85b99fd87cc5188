package main

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"golang.org/x/term"

	"github.com/mycroft-network/mycroft/internal/apiclient"
	"github.com/mycroft-network/mycroft/internal/atomicfile"
	"github.com/mycroft-network/mycroft/keystore/web3"
)

func runKeys(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return usagef("keys: need a subcommand: init|restore|import|address|status|export|change-passphrase|rotate|erase|unlock|lock")
	}
	sub, rest := args[0], args[1:]
	switch sub {
	case "init":
		return keysInit(ctx, e, rest)
	case "restore":
		return keysRestore(ctx, e, rest)
	case "import":
		return keysImport(ctx, e, rest)
	case "address":
		return keysAddress(ctx, e, rest)
	case "status":
		return keysStatus(ctx, e, rest)
	case "export":
		return keysExport(ctx, e, rest)
	case "change-passphrase":
		return keysChangePassphrase(ctx, e, rest)
	case "rotate":
		return keysRotate(ctx, e, rest)
	case "erase":
		return keysErase(ctx, e, rest)
	case "unlock":
		return keysUnlock(ctx, e, rest)
	case "lock":
		fs := newFlags(e, "keys lock", "")
		if err := parseFlags(fs, rest, 0); err != nil {
			return err
		}
		if err := e.client().KeysLock(ctx); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, "keyring locked")
		return nil
	}
	return usagef("keys: unknown subcommand %q", sub)
}

// readLine reads one line from r without buffering past it, so several
// answers can be read from one pipe.
func readLine(r io.Reader) (string, error) {
	var b []byte
	one := make([]byte, 1)
	for {
		n, err := r.Read(one)
		if n == 1 {
			if one[0] == '\n' {
				return strings.TrimSuffix(string(b), "\r"), nil
			}
			b = append(b, one[0])
		}
		if err != nil {
			if errors.Is(err, io.EOF) && len(b) > 0 {
				return string(b), nil
			}
			return "", err
		}
	}
}

// readSecret asks for a secret: without echo on a terminal, or one line
// of a pipe for scripts.
func readSecret(e *env, prompt string) (string, error) {
	fmt.Fprint(e.stderr, prompt)
	if f, ok := e.stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		b, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(e.stderr)
		return string(b), err
	}
	s, err := readLine(e.stdin)
	if err != nil {
		return "", fmt.Errorf("reading %s: %w (use a --*-file flag when there is no terminal)", strings.TrimSuffix(strings.TrimSpace(prompt), ":"), err)
	}
	return s, nil
}

// askNew asks for a new secret twice.
func askNew(e *env, what string) (string, error) {
	a, err := readSecret(e, "New "+what+": ")
	if err != nil {
		return "", err
	}
	b, err := readSecret(e, "Repeat the "+what+": ")
	if err != nil {
		return "", err
	}
	if a != b {
		return "", errors.New("the two entries differ")
	}
	return a, nil
}

// readSecretFile reads a passphrase or words file (one trailing newline is
// not part of it), refusing a file group or others can read.
func readSecretFile(path string) (string, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return "", err
	}
	if fi.Mode().Perm()&0o077 != 0 {
		return "", fmt.Errorf("%s is mode %04o: refusing a secret that group or others can read (chmod 600 it)", path, fi.Mode().Perm())
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	b = bytes.TrimSuffix(b, []byte("\n"))
	b = bytes.TrimSuffix(b, []byte("\r"))
	return string(b), nil
}

// secret reads from file when given, else from the terminal (twice when
// twice is set).
func secret(e *env, file, what string, twice bool) (string, error) {
	if file != "" {
		return readSecretFile(file)
	}
	if twice {
		return askNew(e, what)
	}
	return readSecret(e, strings.ToUpper(what[:1])+what[1:]+": ")
}

const wordsWarning = `
Your 24 backup words are below. WRITE THESE DOWN on paper now and keep them
somewhere safe: they are the only way to restore this wallet and your data.
They will NOT be shown again. Never type them into a website, never store
them in a file or a photo, and never say them aloud near this speaker.

`

func keysInit(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "keys init", "[--passphrase-file FILE] [--words-file FILE]")
	passFile := fs.String("passphrase-file", "", "read the new keyring passphrase from FILE (mode 0600) instead of the terminal")
	wordsFile := fs.String("words-file", "", "write the backup words to FILE (mode 0600) instead of the terminal (demo and tests only)")
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	pass, err := secret(e, *passFile, "keyring passphrase", true)
	if err != nil {
		return fmt.Errorf("keys init: %w", err)
	}
	res, err := e.client().KeysInit(ctx, pass)
	if err != nil {
		return fmt.Errorf("keys init: %w", err)
	}
	if *wordsFile != "" {
		if err := atomicfile.WriteFile(*wordsFile, []byte(res.Words+"\n"), 0o600); err != nil {
			return fmt.Errorf("keys init: the keyring is created (address %s) but the words could not be written: %w", res.Address, err)
		}
		fmt.Fprintf(e.stdout, "wallet address %s\nbackup words written to %s (mode 0600): copy them to paper and delete the file\n", res.Address, *wordsFile)
		return nil
	}
	showWords(e, res.Words)
	fmt.Fprintf(e.stdout, "\nwallet address %s\n", res.Address)
	return nil
}

// showWords prints the backup words once, with the warning.
func showWords(e *env, words string) {
	fmt.Fprint(e.stdout, wordsWarning)
	for i, w := range strings.Fields(words) {
		fmt.Fprintf(e.stdout, "%2d. %-10s", i+1, w)
		if (i+1)%4 == 0 {
			fmt.Fprintln(e.stdout)
		}
	}
}

func keysRestore(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "keys restore", "[--words-file FILE] [--passphrase-file FILE] [--expected-address ADDR] [--overwrite [--current-passphrase-file FILE | --current-words-file FILE]] [--yes]")
	wordsFile := fs.String("words-file", "", "read the backup words (12, 15, 18, 21 or 24) from FILE (mode 0600) instead of the terminal")
	passFile := fs.String("passphrase-file", "", "read the new keyring passphrase from FILE (mode 0600)")
	curPassFile := fs.String("current-passphrase-file", "", "with --overwrite: read the existing keyring's passphrase from FILE (mode 0600)")
	curWordsFile := fs.String("current-words-file", "", "with --overwrite, when its passphrase is lost: read the existing keyring's backup words from FILE (mode 0600)")
	expected := fs.String("expected-address", "", "refuse unless the words give this wallet address")
	overwrite := fs.Bool("overwrite", false, "replace an existing keyring (it is kept as keyring.prev)")
	yes := fs.Bool("yes", false, "do not ask for confirmation of the derived address")
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	var words string
	var err error
	if *wordsFile != "" {
		words, err = readSecretFile(*wordsFile)
	} else {
		words, err = readSecret(e, "Backup words (12 to 24, separated by spaces): ")
	}
	if err != nil {
		return fmt.Errorf("keys restore: %w", err)
	}
	c := e.client()
	req := apiclient.KeysRestoreRequest{Words: words, ExpectedAddress: *expected, Overwrite: *overwrite}
	der, err := c.KeysRestore(ctx, req)
	if err != nil {
		return fmt.Errorf("keys restore: %w", err)
	}
	fmt.Fprintf(e.stdout, "these words give wallet address %s\n", der.Address)
	if !*yes {
		fmt.Fprint(e.stderr, "Is this your wallet? Restore it [y/N]: ")
		ans, err := readLine(e.stdin)
		if err != nil || !strings.EqualFold(strings.TrimSpace(ans), "y") && !strings.EqualFold(strings.TrimSpace(ans), "yes") {
			return errors.New("keys restore: not confirmed; nothing changed")
		}
	}
	if *overwrite {
		// Replacing another keyring destroys its keys: prove it is yours.
		// Its own words (a forgotten passphrase) are proof enough.
		st, err := c.KeysStatus(ctx)
		if err != nil {
			return fmt.Errorf("keys restore: %w", err)
		}
		switch {
		case !st.Initialized:
		case *curWordsFile != "":
			if req.CurrentWords, err = readSecretFile(*curWordsFile); err != nil {
				return fmt.Errorf("keys restore: %w", err)
			}
		case *curPassFile != "" || !strings.EqualFold(st.Address, der.Address):
			fmt.Fprintf(e.stderr, "This replaces the keyring of wallet %s.\n", st.Address)
			if req.CurrentPassphrase, err = secret(e, *curPassFile, "current keyring passphrase", false); err != nil {
				return fmt.Errorf("keys restore: %w", err)
			}
		}
	}
	pass, err := secret(e, *passFile, "keyring passphrase", true)
	if err != nil {
		return fmt.Errorf("keys restore: %w", err)
	}
	req.Passphrase, req.Confirm = pass, true
	res, err := c.KeysRestore(ctx, req)
	if err != nil {
		return fmt.Errorf("keys restore: %w", err)
	}
	fmt.Fprintf(e.stdout, "restored wallet %s\n", res.Address)
	return nil
}

func keysAddress(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "keys address", "[--json]")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	st, err := e.client().KeysStatus(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(e.stdout, map[string]string{"address": st.Address})
	}
	if !st.Initialized {
		return errors.New("keys: no keyring (run `mycroft keys init` or `mycroft keys restore`)")
	}
	fmt.Fprintln(e.stdout, st.Address)
	return nil
}

func keysStatus(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "keys status", "[--json]")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	st, err := e.client().KeysStatus(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(e.stdout, st)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "initialised:\t%v\n", st.Initialized)
	if st.Initialized {
		fmt.Fprintf(tw, "address:\t%s\n", st.Address)
		fmt.Fprintf(tw, "unlocked:\t%v\n", st.Unlocked)
		if !st.WalletLocksAt.IsZero() {
			fmt.Fprintf(tw, "wallet key locks at:\t%s\n", st.WalletLocksAt.Local().Format("15:04:05"))
		}
		if st.FailedUnlocks > 0 {
			fmt.Fprintf(tw, "failed unlocks:\t%d\n", st.FailedUnlocks)
		}
		for cat, ep := range st.Epochs {
			if ep > 0 {
				fmt.Fprintf(tw, "epoch %s:\t%d\n", cat, ep)
			}
		}
	}
	return tw.Flush()
}

func keysUnlock(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "keys unlock", "[--passphrase-file FILE]")
	passFile := fs.String("passphrase-file", "", "read the keyring passphrase from FILE (mode 0600)")
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	pass, err := secret(e, *passFile, "keyring passphrase", false)
	if err != nil {
		return fmt.Errorf("keys unlock: %w", err)
	}
	if err := e.client().KeysUnlock(ctx, pass); err != nil {
		return fmt.Errorf("keys unlock: %w", err)
	}
	fmt.Fprintln(e.stdout, "keyring unlocked")
	return nil
}

func keysExport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "keys export", "--out FILE [--passphrase-file FILE] [--export-passphrase-file FILE]")
	out := fs.String("out", "", "write the Web3 v3 key file to FILE (mode 0600)")
	passFile := fs.String("passphrase-file", "", "read the keyring passphrase from FILE (mode 0600)")
	exportFile := fs.String("export-passphrase-file", "", "read the passphrase of the exported file from FILE (mode 0600)")
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	if *out == "" {
		return usagef("keys export: --out FILE is required")
	}
	pass, err := secret(e, *passFile, "keyring passphrase", false)
	if err != nil {
		return fmt.Errorf("keys export: %w", err)
	}
	// Used exactly as typed (no normalisation): geth, MetaMask and ethers
	// open the file with the same string.
	exp, err := secret(e, *exportFile, "passphrase for the exported file", true)
	if err != nil {
		return fmt.Errorf("keys export: %w", err)
	}
	v3, err := e.client().KeysExport(ctx, pass, exp)
	if err != nil {
		return fmt.Errorf("keys export: %w", err)
	}
	if err := atomicfile.WriteFile(*out, append(v3, '\n'), 0o600); err != nil {
		return fmt.Errorf("keys export: %w", err)
	}
	fmt.Fprintf(e.stdout, "wallet key written to %s (Web3 v3, mode 0600)\n", *out)
	return nil
}

func keysChangePassphrase(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "keys change-passphrase", "[--passphrase-file FILE] [--new-passphrase-file FILE]")
	passFile := fs.String("passphrase-file", "", "read the current passphrase from FILE (mode 0600)")
	newFile := fs.String("new-passphrase-file", "", "read the new passphrase from FILE (mode 0600)")
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	old, err := secret(e, *passFile, "current keyring passphrase", false)
	if err != nil {
		return fmt.Errorf("keys change-passphrase: %w", err)
	}
	nw, err := secret(e, *newFile, "keyring passphrase", true)
	if err != nil {
		return fmt.Errorf("keys change-passphrase: %w", err)
	}
	if err := e.client().KeysChangePassphrase(ctx, old, nw); err != nil {
		return fmt.Errorf("keys change-passphrase: %w", err)
	}
	fmt.Fprintln(e.stdout, "passphrase changed")
	return nil
}

func keysRotate(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "keys rotate", "[--json] CATEGORY")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parseFlags(fs, args, 1); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("keys rotate: need a category (voice, queries, results, settings, backups)")
	}
	res, err := e.client().KeysRotate(ctx, fs.Arg(0))
	if err != nil {
		return fmt.Errorf("keys rotate: %w", err)
	}
	if *asJSON {
		return printJSON(e.stdout, res)
	}
	fmt.Fprintf(e.stdout, "%s: new records use key epoch %d\n", res.Category, res.Epoch)
	return nil
}

func keysErase(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "keys erase", "[--confirm-address ADDR] [--passphrase-file FILE | --words-file FILE]")
	confirm := fs.String("confirm-address", "", "the keyring's wallet address, to confirm (asked otherwise)")
	passFile := fs.String("passphrase-file", "", "read the keyring passphrase from FILE (mode 0600)")
	wordsFile := fs.String("words-file", "", "when the passphrase is lost: read the keyring's backup words from FILE (mode 0600)")
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	addr := *confirm
	if addr == "" {
		fmt.Fprintln(e.stderr, "Erasing deletes the keyring: without the backup words, the wallet and every sealed record are lost.")
		fmt.Fprint(e.stderr, "Type the wallet address to erase: ")
		a, err := readLine(e.stdin)
		if err != nil {
			return fmt.Errorf("keys erase: %w", err)
		}
		addr = strings.TrimSpace(a)
	}
	req := apiclient.KeysEraseRequest{ConfirmAddress: addr}
	var err error
	if *wordsFile != "" {
		req.Words, err = readSecretFile(*wordsFile)
	} else {
		req.Passphrase, err = secret(e, *passFile, "keyring passphrase", false)
	}
	if err != nil {
		return fmt.Errorf("keys erase: %w", err)
	}
	if err := e.client().KeysErase(ctx, req); err != nil {
		return fmt.Errorf("keys erase: %w", err)
	}
	fmt.Fprintln(e.stdout, "keyring erased")
	return nil
}

const importWarning = `
WARNING: the imported key becomes this device's wallet key. Your backup
words will NO LONGER restore it: they restore only the data keys and the
words' own wallet (%s). Keep the key file (or a later
'mycroft keys export') as the wallet key's backup.
`

func keysImport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "keys import", "[--file-passphrase-file FILE] [--passphrase-file FILE] [--words-file FILE] [--yes] KEYFILE")
	filePassFile := fs.String("file-passphrase-file", "", "read the key file's passphrase from FILE (mode 0600)")
	passFile := fs.String("passphrase-file", "", "read the keyring passphrase (current, or new on a device with no keyring) from FILE (mode 0600)")
	wordsFile := fs.String("words-file", "", "with no keyring yet: write the new backup words to FILE (mode 0600) instead of the terminal (demo and tests only)")
	yes := fs.Bool("yes", false, "do not ask before replacing the current wallet key")
	if err := parseFlags(fs, args, 1); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("keys import: need the Web3 v3 key file (from geth, MetaMask or ethers)")
	}
	file, err := readKeyFile(fs.Arg(0))
	if err != nil {
		return fmt.Errorf("keys import: %w", err)
	}
	c := e.client()
	st, err := c.KeysStatus(ctx)
	if err != nil {
		return fmt.Errorf("keys import: %w", err)
	}
	if st.Initialized {
		fmt.Fprintf(e.stderr, "This REPLACES the wallet key of %s with the key in %s.\n", st.Address, fs.Arg(0))
		if !*yes {
			fmt.Fprint(e.stderr, "Replace it [y/N]: ")
			ans, err := readLine(e.stdin)
			if err != nil || !strings.EqualFold(strings.TrimSpace(ans), "y") && !strings.EqualFold(strings.TrimSpace(ans), "yes") {
				return errors.New("keys import: not confirmed; nothing changed")
			}
		}
	}
	fpass, err := secret(e, *filePassFile, "passphrase of the key file", false)
	if err != nil {
		return fmt.Errorf("keys import: %w", err)
	}
	var pass string
	if st.Initialized {
		pass, err = secret(e, *passFile, "current keyring passphrase", false)
	} else {
		pass, err = secret(e, *passFile, "keyring passphrase", true)
	}
	if err != nil {
		return fmt.Errorf("keys import: %w", err)
	}
	res, err := c.KeysImport(ctx, apiclient.KeysImportRequest{File: string(file), FilePassphrase: fpass, Passphrase: pass})
	if err != nil {
		return fmt.Errorf("keys import: %w", err)
	}
	if res.Words != "" {
		if *wordsFile != "" {
			if err := atomicfile.WriteFile(*wordsFile, []byte(res.Words+"\n"), 0o600); err != nil {
				return fmt.Errorf("keys import: the keyring is created (wallet %s) but the words could not be written: %w", res.Address, err)
			}
			fmt.Fprintf(e.stdout, "backup words (data keys only) written to %s (mode 0600)\n", *wordsFile)
		} else {
			showWords(e, res.Words)
		}
	}
	if !strings.EqualFold(res.Address, res.WordsAddress) {
		fmt.Fprintf(e.stdout, importWarning, res.WordsAddress)
	}
	if res.Replaced != "" && !strings.EqualFold(res.Replaced, res.Address) {
		fmt.Fprintf(e.stdout, "wallet key replaced: %s → %s\n", res.Replaced, res.Address)
	} else {
		fmt.Fprintf(e.stdout, "wallet address %s\n", res.Address)
	}
	return nil
}

// decryptKeyFile reads the Web3 v3 key file at path, checks that it is
// one before asking for its passphrase (from passFile, or the terminal),
// and decrypts it; errors start with what (the command).
func decryptKeyFile(e *env, what, path, passFile string) (*ecdsa.PrivateKey, error) {
	file, err := readKeyFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: key file: %w", what, err)
	}
	if _, err := web3.Parse(file); err != nil {
		return nil, fmt.Errorf("%s: %s is not a usable Web3 v3 key file: %w", what, path, err)
	}
	pass, err := secret(e, passFile, "passphrase of the key file", false)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	key, err := web3.Decrypt(file, []byte(pass))
	if err != nil {
		return nil, fmt.Errorf("%s: %s: %w", what, path, err)
	}
	return key, nil
}

// readKeyFile reads a v3 key file (at most 64 KiB).
func readKeyFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, 64<<10+1))
	if err != nil {
		return nil, err
	}
	if len(b) > 64<<10 {
		return nil, fmt.Errorf("%s is larger than 64 KiB: not a key file", path)
	}
	return b, nil
}
