package demo

import (
	"os"
	"path/filepath"
	"testing"
)

// The extra's tables merge into the base's, and a key the extra sets again
// replaces the base's (TOML refuses a key twice).
func TestMergeTables(t *testing.T) {
	path := filepath.Join(t.TempDir(), "agent.toml")
	in := "[agent]\nstate_dir = \"/s\"\n[web]\nenabled = false\n[messagebus]\nenabled = false\n" +
		"[agent]\nlatitude = 1\n[web]\nenabled = true\n"
	if err := os.WriteFile(path, []byte(in), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := mergeTables(path); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := "[agent]\nstate_dir = \"/s\"\nlatitude = 1\n[web]\nenabled = true\n[messagebus]\nenabled = false\n"
	if string(got) != want {
		t.Fatalf("merged\n%s\nwant\n%s", got, want)
	}
}
