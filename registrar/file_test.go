package registrar_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/registrar"
)

func TestLoadFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	allow := write("serials.txt", "# Mark II serials\nSN-1\n\n  SN-2  \n")
	good := write("good.toml", `listen = "0.0.0.0:8650"
rpc_urls = ["http://127.0.0.1:8545"]
manifest = "deployment.json"
key = "registrar.json"
passphrase_file = "registrar.pass"
db = "registrar.db"
allow_list = "`+allow+`"
claims_per_hour = 10
claims_per_hour_per_ip = -1
max_expiry = "2h"
gas_drop = "1000"
`)
	fc, err := registrar.LoadFile(good)
	if err != nil {
		t.Fatalf("LoadFile: %v", err)
	}
	cfg, err := fc.Policy()
	if err != nil {
		t.Fatalf("Policy: %v", err)
	}
	if cfg.ClaimsPerHour != 10 || cfg.ClaimsPerHourPerIP != -1 || cfg.MaxExpiry != 2*time.Hour || cfg.GasDrop.String() != "1000" ||
		len(cfg.AllowSerials) != 2 || !cfg.AllowSerials["SN-1"] || !cfg.AllowSerials["SN-2"] {
		t.Fatalf("policy %+v from %s", cfg, good)
	}
	cases := []struct{ name, body, want string }{
		{"unknown key", "listen = \"x\"\nclaims = 3\n", "claims"},
		{"gas drop over the cap", "gas_drop = \"100000000000000000\"\n", "gas_drop"},
		{"gas drop not a number", "gas_drop = \"0.1\"\n", "gas_drop"},
		{"bad expiry", "max_expiry = \"soon\"\n", "max_expiry"},
		{"bad serial", "allow_list = \"" + write("bad.txt", "SN-1\nSN 2\n") + "\"\n", "bad.txt:2"},
		{"no allow list", "allow_list = \"" + filepath.Join(dir, "none.txt") + "\"\n", "allow list"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := write("case.toml", c.body)
			fc, err := registrar.LoadFile(p)
			if err == nil {
				_, err = fc.Policy()
			}
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("config %q: err %v, want one naming %q", c.body, err, c.want)
			}
		})
	}
}
