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

// TestDebPackage builds a .deb around a stand-in binary and checks that it
// carries the wake word models and says in its copyright file that they are
// CC BY-NC-SA 4.0, non-commercial. It needs dpkg-deb and the models
// (MYCROFT_WAKEWORD_DIR, which make test sets; deb.sh fetches them there when
// missing).
func TestDebPackage(t *testing.T) {
	models := os.Getenv("MYCROFT_WAKEWORD_DIR")
	if models == "" {
		t.Skip("MYCROFT_WAKEWORD_DIR not set (make test sets it)")
	}
	if _, err := exec.LookPath("dpkg-deb"); err != nil {
		t.Skip("no dpkg-deb")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "mycroft")
	if err := os.WriteFile(bin, []byte("#!/bin/sh\necho mycroft\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("sh", "deb.sh", "amd64", bin, "v1.2.3", dir)
	cmd.Env = append(os.Environ(), "WAKEWORD_DIR="+models)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("deb.sh: %v\n%s", err, out)
	}
	deb := filepath.Join(dir, "mycroft_1.2.3_amd64.deb")
	list, err := exec.Command("dpkg-deb", "-c", deb).CombinedOutput()
	if err != nil {
		t.Fatalf("dpkg-deb -c: %v\n%s", err, list)
	}
	for _, f := range []string{"melspectrogram.onnx", "embedding_model.onnx", "hey_mycroft_v0.1.onnx", "alexa_v0.1.onnx", "hey_jarvis_v0.1.onnx", "hey_rhasspy_v0.1.onnx", "LICENSE.txt"} {
		if !strings.Contains(string(list), "./usr/share/mycroft/wakeword/"+f+"\n") {
			t.Errorf("package lacks /usr/share/mycroft/wakeword/%s", f)
		}
	}
	x := filepath.Join(dir, "x")
	if out, err := exec.Command("dpkg-deb", "-x", deb, x).CombinedOutput(); err != nil {
		t.Fatalf("dpkg-deb -x: %v\n%s", err, out)
	}
	b, err := os.ReadFile(filepath.Join(x, "usr/share/doc/mycroft/copyright"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Files: usr/share/mycroft/wakeword/*", "License: CC-BY-NC-SA-4.0", "\nLicense: CC-BY-NC-SA-4.0\n Creative Commons", "NON-COMMERCIAL", "openWakeWord"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("copyright file lacks %q", want)
		}
	}
}
