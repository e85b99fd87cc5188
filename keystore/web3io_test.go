package keystore

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/google/uuid"
	"golang.org/x/text/unicode/norm"
)

// unicodePass is typed as it would be on a keyboard (NFC). NFKD would turn
// every accented letter into two code points.
const unicodePass = "Pässwörd-ünïcode-Ω"

func TestExportUsesPassphraseAsTyped(t *testing.T) {
	if norm.NFKD.String(unicodePass) == unicodePass {
		t.Fatal("test passphrase is not changed by NFKD; it proves nothing")
	}
	ctx := context.Background()
	s, _, _, _ := initStore(t)
	s.Lock()
	out, err := s.Export(ctx, passA, []byte(unicodePass))
	if err != nil {
		t.Fatal(err)
	}
	if st := s.Status(); st.Unlocked {
		t.Error("export unlocked a locked store")
	}
	k, err := keystore.DecryptKey(out, unicodePass)
	if err != nil {
		t.Fatalf("go-ethereum DecryptKey(our export, %q): %v, want the key", unicodePass, err)
	}
	if k.Address != s.Address() {
		t.Errorf("go-ethereum decrypted %s, want %s", k.Address.Hex(), s.Address().Hex())
	}
	for _, tc := range []struct {
		name, pass string
		want       error
	}{
		{"short", "short", ErrPassphrase},
		{"not UTF-8", "\xff\xfe\xfdpassphrase", ErrPassphrase},
	} {
		if _, err := s.Export(ctx, passA, []byte(tc.pass)); !errors.Is(err, tc.want) {
			t.Errorf("%s export passphrase %q: got %v, want %v", tc.name, tc.pass, err, tc.want)
		}
	}
}

// gethFiles are v3 files made by go-ethereum: its EncryptKey (scrypt) and
// its published pbkdf2 test vector.
func gethFiles(t *testing.T) []struct {
	name, pass string
	file       []byte
	addr       common.Address
} {
	t.Helper()
	key, _ := crypto.GenerateKey()
	addr := crypto.PubkeyToAddress(key.PublicKey)
	scryptFile, err := keystore.EncryptKey(&keystore.Key{Id: uuid.New(), Address: addr, PrivateKey: key}, unicodePass, keystore.LightScryptN, keystore.LightScryptP)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile("web3/testdata/v3_test_vector.json")
	if err != nil {
		t.Fatal(err)
	}
	var vs map[string]struct {
		JSON     json.RawMessage `json:"json"`
		Password string          `json:"password"`
		Priv     string          `json:"priv"`
	}
	if err := json.Unmarshal(raw, &vs); err != nil {
		t.Fatal(err)
	}
	v := vs["wikipage_test_vector_pbkdf2"]
	pk, err := crypto.HexToECDSA(v.Priv)
	if err != nil {
		t.Fatal(err)
	}
	return []struct {
		name, pass string
		file       []byte
		addr       common.Address
	}{
		{"geth scrypt", unicodePass, scryptFile, addr},
		{"geth pbkdf2 vector", v.Password, v.JSON, crypto.PubkeyToAddress(pk.PublicKey)},
	}
}

func TestImportGethFiles(t *testing.T) {
	ctx := context.Background()
	for _, g := range gethFiles(t) {
		t.Run(g.name, func(t *testing.T) {
			s, m, dir, clk := initStore(t)
			wordsAddr := s.Address()
			sealed, err := s.Seal(CategoryVoice, "r", []byte("before import"))
			if err != nil {
				t.Fatal(err)
			}
			// Destructive: needs the current passphrase.
			for _, bad := range []struct {
				name string
				pass []byte
				want error
			}{
				{"no passphrase", nil, ErrProofRequired},
				{"wrong passphrase", passB, ErrDecrypt},
			} {
				if _, err := s.ImportWallet(ctx, g.file, []byte(g.pass), bad.pass); !errors.Is(err, bad.want) {
					t.Errorf("import with %s: got %v, want %v", bad.name, err, bad.want)
				}
			}
			if _, err := s.ImportWallet(ctx, g.file, []byte(g.pass+"x"), passA); !errors.Is(err, ErrDecrypt) {
				t.Errorf("import with the wrong file passphrase: got %v, want ErrDecrypt", err)
			}
			if s.Address() != wordsAddr {
				t.Fatal("a refused import changed the address")
			}
			res, err := s.ImportWallet(ctx, g.file, []byte(g.pass), passA)
			if err != nil {
				t.Fatalf("import: %v", err)
			}
			if res.Address != g.addr || res.Replaced != wordsAddr || res.WordsAddress != wordsAddr || !res.Words.IsZero() {
				t.Errorf("result %+v, want address %s replacing %s", res, g.addr.Hex(), wordsAddr.Hex())
			}
			sig, err := s.SignText([]byte("hi"))
			if err != nil {
				t.Fatal(err)
			}
			if got := recoverText(t, []byte("hi"), sig); got != g.addr {
				t.Errorf("signed by %s after import, want %s", got.Hex(), g.addr.Hex())
			}
			// A fresh process signs with the imported key and still opens
			// the data sealed before: the data keys did not change.
			s2 := newTestStore(t, dir, clk, nil)
			if s2.Address() != g.addr {
				t.Errorf("locked address %s, want %s", s2.Address().Hex(), g.addr.Hex())
			}
			if err := s2.Unlock(ctx, passA); err != nil {
				t.Fatal(err)
			}
			if got, err := s2.Open(CategoryVoice, "r", sealed); err != nil || string(got) != "before import" {
				t.Errorf("open after import: %q, %v", got, err)
			}
			// The words still prove ownership, and restore the words'
			// wallet key, not the imported one.
			if err := s2.Verify(ctx, Proof{Words: m}); err != nil {
				t.Errorf("words no longer verify: %v", err)
			}
			got, err := s2.Restore(ctx, m, passA, RestoreOptions{Overwrite: true})
			if err != nil || got != wordsAddr || s2.Address() != wordsAddr {
				t.Errorf("restore after import: %s, %v; want the words' address %s", got.Hex(), err, wordsAddr.Hex())
			}
		})
	}
}

func TestImportCreatesKeyring(t *testing.T) {
	ctx := context.Background()
	g := gethFiles(t)[0]
	s := newTestStore(t, t.TempDir(), nil, nil)
	res, err := s.ImportWallet(ctx, g.file, []byte(g.pass), passA)
	if err != nil {
		t.Fatal(err)
	}
	if res.Address != g.addr || s.Address() != g.addr || res.Words.IsZero() {
		t.Fatalf("result %+v (store %s), want %s and new words", res, s.Address().Hex(), g.addr.Hex())
	}
	if w, _ := DeriveAddress(res.Words); w != res.WordsAddress || w == g.addr {
		t.Errorf("words give %s, result says %s", w.Hex(), res.WordsAddress.Hex())
	}
	out, err := s.Export(ctx, passA, []byte("export passphrase"))
	if err != nil {
		t.Fatal(err)
	}
	if k, err := keystore.DecryptKey(out, "export passphrase"); err != nil || k.Address != g.addr {
		t.Errorf("export of the imported key: %v", err)
	}
}

func TestImportRefusesMalformed(t *testing.T) {
	ctx := context.Background()
	s, _, _, _ := initStore(t)
	heavy := `{"address":"","crypto":{"cipher":"aes-128-ctr","ciphertext":"` + strings.Repeat("00", 32) +
		`","cipherparams":{"iv":"` + strings.Repeat("00", 16) + `"},"kdf":"scrypt","kdfparams":{"n":1048576,"r":8,"p":1,"dklen":32,"salt":"` +
		strings.Repeat("00", 32) + `"},"mac":"` + strings.Repeat("00", 32) + `"},"id":"x","version":3}`
	for _, tc := range []struct{ name, file string }{
		{"empty", ""},
		{"not json", "{"},
		{"version 1", `{"version":1}`},
		{"scrypt beyond 256 MiB", heavy},
	} {
		if _, err := s.ImportWallet(ctx, []byte(tc.file), []byte("x"), passA); !errors.Is(err, ErrFormat) {
			t.Errorf("%s: got %v, want ErrFormat", tc.name, err)
		}
	}
}

func recoverText(t *testing.T, msg, sig []byte) common.Address {
	t.Helper()
	s := bytes.Clone(sig)
	s[64] -= 27
	pub, err := crypto.SigToPub(accountsTextHash(msg), s)
	if err != nil {
		t.Fatal(err)
	}
	return crypto.PubkeyToAddress(*pub)
}

func accountsTextHash(msg []byte) []byte {
	return crypto.Keccak256([]byte("\x19Ethereum Signed Message:\n" + itoa(len(msg)) + string(msg)))
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// ethersVersion is the npm ethers release the interop test installs.
const ethersVersion = "6.17.0"

// ethers installs the npm ethers package into a temporary directory of
// the test; it skips when node, npm or the registry is missing.
func ethers(t *testing.T) string {
	t.Helper()
	for _, tool := range []string{"node", "npm"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed: skipping the ethers interoperability test", tool)
		}
	}
	dir := t.TempDir()
	cmd := exec.Command("npm", "install", "--no-save", "--no-audit", "--no-fund", "--prefix", dir, "ethers@"+ethersVersion)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Skipf("cannot install ethers@%s with npm (registry unreachable?): %v: %s", ethersVersion, err, strings.TrimSpace(string(out)))
	}
	return dir
}

const ethersScript = `
const { decryptKeystoreJson, encryptKeystoreJson, Wallet } = require("ethers");
const fs = require("fs");
(async () => {
  const [op, file, pass] = process.argv.slice(2);
  if (op === "decrypt") {
    const acct = await decryptKeystoreJson(fs.readFileSync(file, "utf8"), pass);
    console.log(acct.address);
  } else {
    const w = Wallet.createRandom();
    fs.writeFileSync(file, await encryptKeystoreJson({ address: w.address, privateKey: w.privateKey }, pass, { scrypt: { N: 1 << 12 } }));
    console.log(w.address);
  }
})().catch((e) => { console.error(e.message); process.exit(1); });
`

func runEthers(t *testing.T, dir string, args ...string) string {
	t.Helper()
	script := filepath.Join(dir, "interop.js")
	if err := os.WriteFile(script, []byte(ethersScript), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("node", append([]string{script}, args...)...)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			t.Fatalf("node %v: %v: %s", args[:1], err, ee.Stderr)
		}
		t.Fatalf("node %v: %v", args[:1], err)
	}
	return strings.TrimSpace(string(out))
}

func TestInteropWithEthers(t *testing.T) {
	dir := ethers(t)
	ctx := context.Background()
	s, _, _, _ := initStore(t)
	work := t.TempDir()

	// Our export opens in ethers with the passphrase as typed.
	out, err := s.Export(ctx, passA, []byte(unicodePass))
	if err != nil {
		t.Fatal(err)
	}
	ours := filepath.Join(work, "ours.json")
	if err := os.WriteFile(ours, out, 0o600); err != nil {
		t.Fatal(err)
	}
	if got := runEthers(t, dir, "decrypt", ours, unicodePass); !strings.EqualFold(got, s.Address().Hex()) {
		t.Errorf("ethers decrypted our export to %s, want %s", got, s.Address().Hex())
	}

	// A file ethers made imports as the wallet key.
	theirs := filepath.Join(work, "theirs.json")
	want := common.HexToAddress(runEthers(t, dir, "encrypt", theirs, unicodePass))
	file, err := os.ReadFile(theirs)
	if err != nil {
		t.Fatal(err)
	}
	res, err := s.ImportWallet(ctx, file, []byte(unicodePass), passA)
	if err != nil {
		t.Fatalf("import of the ethers file: %v", err)
	}
	if res.Address != want || s.Address() != want {
		t.Errorf("imported %s (store %s), want %s", res.Address.Hex(), s.Address().Hex(), want.Hex())
	}
}
