package chain_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/mycroft-network/mycroft/chain"
)

const goodManifest = `{"chainId":1337,"token":"0x1000000000000000000000000000000000000001","channels":"0x1000000000000000000000000000000000000002","registry":"0x1000000000000000000000000000000000000003","governor":"0x1000000000000000000000000000000000000004","timelock":"0x1000000000000000000000000000000000000005","grants":"0x1000000000000000000000000000000000000006","deployBlock":7}`

func TestParseManifest(t *testing.T) {
	m, err := chain.ParseManifest([]byte(goodManifest))
	if err != nil {
		t.Fatalf("good manifest: %v", err)
	}
	if m.ChainID != 1337 || m.DeployBlock != 7 || m.Grants != common.HexToAddress("0x1000000000000000000000000000000000000006") {
		t.Errorf("parsed %+v", m)
	}
	replace := func(old, new string) string { return strings.Replace(goodManifest, old, new, 1) }
	bad := []struct{ name, in, want string }{
		{"empty", ``, "EOF"},
		{"not an object", `[]`, "cannot unmarshal"},
		{"unknown field", replace(`"deployBlock":7`, `"deployBlock":7,"extra":1`), "unknown field"},
		{"missing chainId", replace(`"chainId":1337,`, ``), "missing chainId"},
		{"missing deployBlock", replace(`,"deployBlock":7`, ``), "missing deployBlock"},
		{"missing grants", replace(`"grants":"0x1000000000000000000000000000000000000006",`, ``), "missing grants"},
		{"zero chainId", replace(`"chainId":1337`, `"chainId":0`), "chainId is 0"},
		{"negative chainId", replace(`"chainId":1337`, `"chainId":-1`), "cannot unmarshal"},
		{"chainId as string", replace(`"chainId":1337`, `"chainId":"1337"`), "cannot unmarshal"},
		{"short address", replace(`0x1000000000000000000000000000000000000001`, `0x1234`), "token"},
		{"address without 0x", replace(`0x1000000000000000000000000000000000000001`, `001000000000000000000000000000000000000001`), "token"},
		{"non-hex address", replace(`0x1000000000000000000000000000000000000001`, `0x100000000000000000000000000000000000000g`), "token"},
		{"zero address", replace(`0x1000000000000000000000000000000000000003`, `0x0000000000000000000000000000000000000000`), "registry is the zero address"},
		{"duplicate address", replace(`0x1000000000000000000000000000000000000002`, `0x1000000000000000000000000000000000000001`), "same address"},
		{"trailing data", goodManifest + `{}`, "trailing data"},
		{"null field", replace(`"chainId":1337`, `"chainId":null`), "missing chainId"},
		{"too large", goodManifest + strings.Repeat(" ", chain.MaxManifestSize), "at most"},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			_, err := chain.ParseManifest([]byte(tc.in))
			if err == nil {
				t.Fatalf("ParseManifest(%.80q) succeeded, want error containing %q", tc.in, tc.want)
			}
			if !errors.Is(err, chain.ErrManifest) {
				t.Errorf("error %v does not wrap ErrManifest", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestWriteLoadManifest(t *testing.T) {
	m, err := chain.ParseManifest([]byte(goodManifest))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "manifest.json")
	if err := chain.WriteManifest(path, m); err != nil {
		t.Fatalf("WriteManifest: %v", err)
	}
	got, err := chain.LoadManifest(path)
	if err != nil {
		t.Fatalf("LoadManifest: %v", err)
	}
	if got != m {
		t.Errorf("round trip: got %+v, want %+v", got, m)
	}
	st1, _ := os.Stat(path)
	if err := chain.WriteManifest(path, m); err != nil {
		t.Fatalf("rewrite: %v", err)
	}
	st2, _ := os.Stat(path)
	if !st1.ModTime().Equal(st2.ModTime()) {
		t.Error("an unchanged manifest was rewritten")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("directory has %d entries after writes, want 1 (no temp files left)", len(entries))
	}
	if err := chain.WriteManifest(path, chain.Manifest{}); err == nil {
		t.Error("WriteManifest of an empty manifest succeeded")
	}
	if got2, _ := chain.LoadManifest(path); got2 != m {
		t.Error("a refused write changed the file")
	}
	if _, err := chain.LoadManifest(filepath.Join(dir, "missing.json")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("LoadManifest of a missing file: %v, want ErrNotExist", err)
	}
}

func FuzzParseManifest(f *testing.F) {
	f.Add([]byte(goodManifest))
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"chainId":1}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := chain.ParseManifest(data)
		if err != nil {
			if !errors.Is(err, chain.ErrManifest) {
				t.Fatalf("error %v does not wrap ErrManifest", err)
			}
			return
		}
		// What parses must survive a marshal round trip.
		out, err := chain.MarshalManifest(m)
		if err != nil {
			t.Fatalf("marshal of a parsed manifest: %v", err)
		}
		m2, err := chain.ParseManifest(out)
		if err != nil || m2 != m {
			t.Fatalf("round trip: %+v, %v; want %+v", m2, err, m)
		}
	})
}
