// Package scripts holds the install script, the systemd unit and the default
// configuration; its test runs the installer into a temporary root.
package scripts

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func runInstall(t *testing.T, root string, args ...string) string {
	t.Helper()
	cmd := exec.Command("sh", append([]string{"install.sh"}, args...)...)
	cmd.Env = append(os.Environ(), "ROOT="+root)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("install.sh %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func TestInstallIdempotentAndUninstall(t *testing.T) {
	root := t.TempDir()
	bin := filepath.Join(t.TempDir(), "mycroft")
	os.WriteFile(bin, []byte("#!/bin/sh\necho mycroft\n"), 0o755)

	out := runInstall(t, root, bin)
	for _, p := range []string{"usr/local/bin/mycroft", "etc/systemd/system/mycroft.service", "etc/mycroft/agent.toml"} {
		if _, err := os.Stat(filepath.Join(root, p)); err != nil {
			t.Errorf("after install, %s: %v", p, err)
		}
	}
	fi, err := os.Stat(filepath.Join(root, "var/lib/mycroft"))
	if err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("state dir: %v %v, want mode 0700", fi, err)
	}
	if !strings.Contains(out, "installed") {
		t.Errorf("first install printed %q", out)
	}

	// The owner's edited config and the state survive a reinstall, and an
	// unchanged file is not rewritten.
	conf := filepath.Join(root, "etc/mycroft/agent.toml")
	os.WriteFile(conf, []byte("# edited\n"), 0o644)
	os.WriteFile(filepath.Join(root, "var/lib/mycroft/keyring"), []byte("key"), 0o600)
	out = runInstall(t, root, bin)
	if strings.Contains(out, "installed "+root) {
		t.Errorf("second install rewrote files: %q", out)
	}
	if b, _ := os.ReadFile(conf); string(b) != "# edited\n" {
		t.Errorf("reinstall replaced the owner's config: %q", b)
	}

	runInstall(t, root, "--uninstall")
	if _, err := os.Stat(filepath.Join(root, "usr/local/bin/mycroft")); !os.IsNotExist(err) {
		t.Errorf("binary still there after uninstall: %v", err)
	}
	if _, err := os.Stat(filepath.Join(root, "var/lib/mycroft/keyring")); err != nil {
		t.Errorf("uninstall deleted the keyring: %v", err)
	}
	runInstall(t, root, "--purge")
	if _, err := os.Stat(filepath.Join(root, "var/lib/mycroft")); !os.IsNotExist(err) {
		t.Errorf("state still there after purge: %v", err)
	}
}

func TestUnitFile(t *testing.T) {
	b, err := os.ReadFile("mycroft.service")
	if err != nil {
		t.Fatal(err)
	}
	unit := string(b)
	for _, want := range []string{"Type=notify", "WatchdogSec=", "StateDirectory=mycroft", "RuntimeDirectory=mycroft", "DeviceAllow=char-gpiochip", "DeviceAllow=char-i2c", "DeviceAllow=char-spidev", "DeviceAllow=char-alsa", "DeviceAllow=/dev/ttyAMA0", "NoNewPrivileges=yes"} {
		if !strings.Contains(unit, want) {
			t.Errorf("mycroft.service lacks %q", want)
		}
	}
	if path, err := exec.LookPath("systemd-analyze"); err == nil {
		out, err := exec.Command(path, "verify", "--man=no", "mycroft.service").CombinedOutput()
		// verify complains about the missing binary path; anything else is a
		// mistake in the unit.
		for _, l := range strings.Split(string(out), "\n") {
			if l != "" && !strings.Contains(l, "/usr/local/bin/mycroft") && !strings.Contains(l, "Failed to") {
				t.Errorf("systemd-analyze verify: %s (%v)", l, err)
			}
		}
	}
}
