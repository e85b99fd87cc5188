package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	gethkeystore "github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/google/uuid"

	"github.com/mycroft-network/mycroft/internal/apiclient"
)

// keysStartAgent runs `mycroft agent` (simulated board, voice off) until the
// test ends and returns its socket.
func keysStartAgent(t *testing.T) string {
	return startSimAgent(t, "[voice]\nenabled = false\n")
}

func TestKeysCLI(t *testing.T) {
	ctx := context.Background()
	sock := keysStartAgent(t)
	dir := t.TempDir()
	pass := filepath.Join(dir, "pass")
	if err := os.WriteFile(pass, []byte("correct horse battery\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	words := filepath.Join(dir, "words")

	code, out, errs := runCLI(ctx, "-socket", sock, "keys", "address")
	if code == 0 {
		t.Errorf("keys address before init: exit 0, %q (%s)", out, errs)
	}
	code, out, errs = runCLI(ctx, "-socket", sock, "keys", "init", "--passphrase-file", pass, "--words-file", words)
	if code != 0 {
		t.Fatalf("keys init: exit %d: %s", code, errs)
	}
	fi, err := os.Stat(words)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("words file: %v, %v", fi, err)
	}
	b, _ := os.ReadFile(words)
	if n := len(strings.Fields(string(b))); n != 24 {
		t.Fatalf("words file has %d words", n)
	}
	if strings.Contains(out, strings.Fields(string(b))[5]+" ") {
		t.Errorf("init printed the words with --words-file: %q", out)
	}

	code, out, errs = runCLI(ctx, "-socket", sock, "keys", "address")
	addr := strings.TrimSpace(out)
	if code != 0 || !strings.HasPrefix(addr, "0x") || len(addr) != 42 {
		t.Fatalf("keys address: exit %d, %q %s", code, out, errs)
	}
	code, out, _ = runCLI(ctx, "-socket", sock, "keys", "address", "--json")
	var aj map[string]string
	if code != 0 || json.Unmarshal([]byte(out), &aj) != nil || aj["address"] != addr {
		t.Errorf("keys address --json: exit %d, %q", code, out)
	}
	code, out, _ = runCLI(ctx, "-socket", sock, "keys", "status", "--json")
	var st apiclient.KeysStatus
	if code != 0 || json.Unmarshal([]byte(out), &st) != nil || !st.Unlocked || st.Address != addr {
		t.Errorf("keys status --json: exit %d, %q", code, out)
	}

	if code, _, errs := runCLI(ctx, "-socket", sock, "keys", "lock"); code != 0 {
		t.Fatalf("keys lock: %s", errs)
	}
	loose := filepath.Join(dir, "loose")
	os.WriteFile(loose, []byte("correct horse battery\n"), 0o644)
	os.Chmod(loose, 0o644)
	if code, _, errs := runCLI(ctx, "-socket", sock, "keys", "unlock", "--passphrase-file", loose); code == 0 || !strings.Contains(errs, "chmod 600") {
		t.Errorf("unlock from a loose file: exit %d, %q", code, errs)
	}
	if code, _, errs := runCLI(ctx, "-socket", sock, "keys", "unlock", "--passphrase-file", pass); code != 0 {
		t.Fatalf("keys unlock: %s", errs)
	}

	// Restore from the words file gives the same address; without --yes
	// and no confirmation nothing happens.
	code, out, _ = runCLI(ctx, "-socket", sock, "keys", "restore", "--words-file", words, "--passphrase-file", pass, "--overwrite")
	if code == 0 || !strings.Contains(out, addr) {
		t.Errorf("restore without confirmation: exit %d, %q", code, out)
	}
	code, out, errs = runCLI(ctx, "-socket", sock, "keys", "restore", "--words-file", words, "--passphrase-file", pass, "--overwrite", "--yes")
	if code != 0 || !strings.Contains(out, "restored wallet "+addr) {
		t.Errorf("restore: exit %d, %q %s", code, out, errs)
	}

	// A v3 file from go-ethereum becomes the wallet key, with the warning
	// that the words no longer restore it.
	key, _ := crypto.GenerateKey()
	gethAddr := crypto.PubkeyToAddress(key.PublicKey)
	v3, err := gethkeystore.EncryptKey(&gethkeystore.Key{Id: uuid.New(), Address: gethAddr, PrivateKey: key}, "Pässwörd-ünïcode-Ω", gethkeystore.LightScryptN, gethkeystore.LightScryptP)
	if err != nil {
		t.Fatal(err)
	}
	keyFile, filePass := filepath.Join(dir, "geth.json"), filepath.Join(dir, "filepass")
	os.WriteFile(keyFile, v3, 0o600)
	os.WriteFile(filePass, []byte("Pässwörd-ünïcode-Ω\n"), 0o600)
	code, out, errs = runCLI(ctx, "-socket", sock, "keys", "import", "--file-passphrase-file", filePass, "--passphrase-file", pass, "--yes", keyFile)
	if code != 0 || !strings.Contains(out, gethAddr.Hex()) || !strings.Contains(out, "NO LONGER restore") || !strings.Contains(errs, "REPLACES the wallet key of "+addr) {
		t.Errorf("keys import: exit %d, stdout %q, stderr %q", code, out, errs)
	}

	if code, _, _ := runCLI(ctx, "-socket", sock, "keys", "erase", "--confirm-address", "0x0000000000000000000000000000000000000001", "--passphrase-file", pass); code == 0 {
		t.Error("erase with the wrong address succeeded")
	}
	wrong := filepath.Join(dir, "wrong")
	os.WriteFile(wrong, []byte("not the passphrase\n"), 0o600)
	if code, _, _ := runCLI(ctx, "-socket", sock, "keys", "erase", "--confirm-address", gethAddr.Hex(), "--passphrase-file", wrong); code == 0 {
		t.Error("erase with the wrong passphrase succeeded")
	}
	if code, _, errs := runCLI(ctx, "-socket", sock, "keys", "erase", "--confirm-address", gethAddr.Hex(), "--passphrase-file", pass); code != 0 {
		t.Errorf("erase: %s", errs)
	}
	if code, _, errs := runCLI(ctx, "-socket", sock, "governance", "proposals"); code == 0 || !strings.Contains(errs, "no chain") {
		t.Errorf("governance proposals with no chain: exit %d, %q", code, errs)
	}
	if code, _, _ := runCLI(ctx, "-socket", sock, "governance", "vote", "1"); code != 2 {
		t.Errorf("governance vote without support: exit %d, want 2", code)
	}
}

// FuzzReadLine: answers typed or piped to the CLI are read one line at a
// time, never past the newline, and never panic.
func FuzzReadLine(f *testing.F) {
	f.Add([]byte("yes\nrest"))
	f.Add([]byte("pass\r\n"))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, in []byte) {
		r := strings.NewReader(string(in))
		line, err := readLine(r)
		if err != nil {
			return
		}
		if strings.Contains(line, "\n") {
			t.Fatalf("line %q holds a newline", line)
		}
		i := strings.IndexByte(string(in), '\n')
		if i >= 0 && r.Len() != len(in)-i-1 {
			t.Fatalf("read past the newline: %d left of %q", r.Len(), in)
		}
	})
}
