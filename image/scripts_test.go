package sdimage

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/mycroft-network/mycroft/board/mark2"
)

var shellScripts = []string{"build.sh", "stage.sh", "customize.sh", "inspect.sh",
	"firstboot/firstboot.sh", "firstboot/keys-console.sh", "firstboot/install-overlays"}

// TestScriptsParse: every script parses (sh -n) and, where shellcheck is
// installed, has no warning.
func TestScriptsParse(t *testing.T) {
	for _, s := range shellScripts {
		if out, err := exec.Command("sh", "-n", s).CombinedOutput(); err != nil {
			t.Errorf("sh -n %s: %v\n%s", s, err, out)
		}
		if fi, err := os.Stat(s); err != nil || fi.Mode().Perm()&0o111 == 0 {
			t.Errorf("%s is not executable (%v)", s, err)
		}
	}
	if _, err := exec.LookPath("shellcheck"); err != nil {
		t.Log("shellcheck not installed: only sh -n")
		return
	}
	args := append([]string{"-s", "sh", "-S", "warning"}, shellScripts...)
	if out, err := exec.Command("shellcheck", args...).CombinedOutput(); err != nil {
		t.Errorf("shellcheck: %v\n%s", err, out)
	}
}

// TestFirstBoot runs the first-boot script in a temporary root, as the
// image's first boot would: host keys made, hostname from the serial
// number, SSH keys and Wi-Fi taken from the boot partition (the Wi-Fi
// file then removed, as it holds a passphrase); a second run changes
// nothing.
func TestFirstBoot(t *testing.T) {
	for _, tool := range []string{"ssh-keygen"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("no %s (openssh-client)", tool)
		}
	}
	root := t.TempDir()
	boot := filepath.Join(root, "boot/firmware")
	for _, d := range []string{"etc/ssh", "root", "boot/firmware/mycroft"} {
		os.MkdirAll(filepath.Join(root, d), 0o755)
	}
	write := func(p, s string, mode os.FileMode) {
		if err := os.WriteFile(filepath.Join(root, p), []byte(s), mode); err != nil {
			t.Fatal(err)
		}
	}
	write("etc/hostname", "mycroft\n", 0o644)
	write("etc/hosts", "127.0.0.1\tlocalhost\n127.0.1.1\tmycroft\n", 0o644)
	write("serial-number", "10000000a1b2c3d4\x00", 0o444)
	if out, err := exec.Command("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "owner@laptop", "-f", filepath.Join(root, "k")).CombinedOutput(); err != nil {
		t.Fatalf("ssh-keygen: %v %s", err, out)
	}
	pub, _ := os.ReadFile(filepath.Join(root, "k.pub"))
	key := strings.TrimSpace(string(pub))
	write("boot/firmware/mycroft/authorized_keys", "# mine\n"+key+"\nnot a key at all\n", 0o644)
	write("boot/firmware/mycroft/wpa_supplicant.conf", "network={\n ssid=\"home\"\n psk=\"secret\"\n}\n", 0o644)

	run := func() string {
		cmd := exec.Command("sh", "firstboot/firstboot.sh")
		cmd.Env = append(os.Environ(), "MYCROFT_ROOT="+root, "MYCROFT_BOOT="+boot, "MYCROFT_SERIAL="+filepath.Join(root, "serial-number"))
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("firstboot.sh: %v\n%s", err, out)
		}
		return string(out)
	}
	out := run()
	if h, _ := os.ReadFile(filepath.Join(root, "etc/hostname")); string(h) != "mycroft-b2c3d4\n" {
		t.Errorf("hostname %q, want mycroft-b2c3d4 (the serial's last six digits)", h)
	}
	if h, _ := os.ReadFile(filepath.Join(root, "etc/hosts")); !strings.Contains(string(h), "127.0.1.1\tmycroft-b2c3d4") {
		t.Errorf("hosts:\n%s", h)
	}
	if keys, _ := filepath.Glob(filepath.Join(root, "etc/ssh/ssh_host_*_key")); len(keys) == 0 {
		t.Error("no SSH host keys made")
	}
	ak, err := os.ReadFile(filepath.Join(root, "root/.ssh/authorized_keys"))
	if err != nil || string(ak) != key+"\n" {
		t.Errorf("authorized_keys %q (%v), want only the valid key", ak, err)
	}
	if fi, err := os.Stat(filepath.Join(root, "root/.ssh/authorized_keys")); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("authorized_keys mode: %v %v", fi, err)
	}
	if !strings.Contains(out, "skipped a line that is not a public key") {
		t.Errorf("the bad line was not reported:\n%s", out)
	}
	if _, err := os.Stat(filepath.Join(boot, "mycroft/authorized_keys.added")); err != nil {
		t.Errorf("authorized_keys not marked as added: %v", err)
	}
	if _, err := os.Stat(filepath.Join(boot, "mycroft/wpa_supplicant.conf")); !os.IsNotExist(err) {
		t.Errorf("the Wi-Fi passphrase is still on the boot partition: %v", err)
	}
	wifi := filepath.Join(root, "etc/wpa_supplicant/wpa_supplicant-wlan0.conf")
	if fi, err := os.Stat(wifi); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("Wi-Fi config: %v %v, want mode 0600", fi, err)
	}

	// The owner renames the speaker; a second boot keeps the name and the
	// keys.
	write("etc/hostname", "kitchen\n", 0o644)
	if out := run(); out != "" {
		t.Errorf("second run did something:\n%s", out)
	}
	if h, _ := os.ReadFile(filepath.Join(root, "etc/hostname")); string(h) != "kitchen\n" {
		t.Errorf("the owner's hostname was replaced: %q", h)
	}
}

// unit reads a systemd unit file: every assignment, in order, by key.
func unit(t *testing.T, path string) map[string][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	u := map[string][]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l == "" || l[0] == '#' || l[0] == '[' {
			continue
		}
		k, v, ok := strings.Cut(l, "=")
		if !ok {
			t.Fatalf("%s: line %q", path, l)
		}
		u[k] = append(u[k], v)
	}
	return u
}

// TestUnitPrivileges: the agent runs with no capability and no /dev/mem;
// the ring helper with CAP_SYS_RAWIO and /dev/mem only, no network; its
// socket is the agent's group's alone and where the agent dials it.
func TestUnitPrivileges(t *testing.T) {
	agent := unit(t, "../scripts/mycroft.service")
	for k, want := range map[string][]string{
		"User": {"mycroft"}, "CapabilityBoundingSet": {""}, "AmbientCapabilities": {""},
		"NoNewPrivileges": {"yes"}, "DevicePolicy": {"closed"}, "ProtectSystem": {"strict"},
	} {
		if !slices.Equal(agent[k], want) {
			t.Errorf("mycroft.service %s = %q, want %q", k, agent[k], want)
		}
	}
	for _, d := range agent["DeviceAllow"] {
		if strings.HasPrefix(d, "/dev/mem") || strings.HasPrefix(d, "/dev/kmem") || strings.HasPrefix(d, "/dev/port") {
			t.Errorf("mycroft.service allows %s: the agent must never map physical memory", d)
		}
	}
	if v := agent["SupplementaryGroups"]; len(v) != 1 || strings.Contains(v[0], "kmem") {
		t.Errorf("mycroft.service groups %q", v)
	}

	helper := unit(t, "../scripts/mycroft-ring.service")
	for k, want := range map[string][]string{
		"CapabilityBoundingSet": {"CAP_SYS_RAWIO"}, "AmbientCapabilities": {""},
		"DevicePolicy": {"closed"}, "DeviceAllow": {"/dev/mem rw"}, "NoNewPrivileges": {"yes"},
		"PrivateNetwork": {"yes"}, "RestrictAddressFamilies": {"AF_UNIX"}, "ProtectSystem": {"strict"},
		"ExecStart": {"/usr/libexec/mycroft/mycroft-ring"},
	} {
		if !slices.Equal(helper[k], want) {
			t.Errorf("mycroft-ring.service %s = %q, want %q", k, helper[k], want)
		}
	}
	sock := unit(t, "../scripts/mycroft-ring.socket")
	for k, want := range map[string][]string{
		"ListenStream": {mark2.DefaultRingSocket}, "SocketGroup": {"mycroft"}, "SocketMode": {"0660"},
	} {
		if !slices.Equal(sock[k], want) {
			t.Errorf("mycroft-ring.socket %s = %q, want %q", k, sock[k], want)
		}
	}

	// systemd's own check, where it is installed: nothing but the missing
	// executables (not installed on the build machine) may be reported.
	sa, err := exec.LookPath("systemd-analyze")
	if err != nil {
		t.Log("no systemd-analyze: units checked by the parser above only")
		return
	}
	units := []string{"../scripts/mycroft-ring.socket", "../scripts/mycroft-ring.service",
		"firstboot/mycroft-firstboot.service", "firstboot/mycroft-keys-console.service"}
	out, _ := exec.Command(sa, append([]string{"verify", "--man=no"}, units...)...).CombinedOutput()
	for _, l := range strings.Split(string(out), "\n") {
		if l != "" && !strings.Contains(l, "is not executable") && !strings.Contains(l, "Failed to") &&
			!strings.Contains(l, "/usr/lib/mycroft/") && !strings.Contains(l, "/usr/libexec/mycroft/") {
			t.Errorf("systemd-analyze verify: %s", l)
		}
	}
}
