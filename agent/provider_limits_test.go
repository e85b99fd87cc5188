package agent

import (
	"strings"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/internal/netguard"
)

// The [provider] limits default to netguard's defaults, and the guard the
// agent builds from them carries them.
func TestProviderLimitDefaults(t *testing.T) {
	got, err := defaultProviderConfig().guardConfig()
	if err != nil {
		t.Fatal(err)
	}
	want := netguard.Defaults()
	if got.ReadTimeout != want.ReadTimeout || got.WriteTimeout != want.WriteTimeout || got.IdleTimeout != want.IdleTimeout ||
		got.CallTimeout != want.CallTimeout || got.MaxConns != want.MaxConns || got.MaxConnsPerClient != want.MaxConnsPerClient ||
		got.Rate != want.Rate || got.Burst != want.Burst || len(got.Exempt) != 0 {
		t.Errorf("guard config from the default [provider] table = %+v, want netguard.Defaults() %+v", got, want)
	}
}

func TestProviderLimitsValidate(t *testing.T) {
	cases := []struct {
		name string
		edit func(*ProviderConfig)
		want string // key named in the error; "" for none
	}{
		{"defaults", func(*ProviderConfig) {}, ""},
		{"trusted LAN", func(c *ProviderConfig) { c.TrustedNetworks = []string{"192.168.1.0/24", "fd00::/8"} }, ""},
		{"read timeout below header timeout", func(c *ProviderConfig) { c.ReadTimeout = Duration(5 * time.Second) }, "provider.read_timeout"},
		{"no connections", func(c *ProviderConfig) { c.MaxConns = 0 }, "provider.max_conns"},
		{"per client above total", func(c *ProviderConfig) { c.MaxConnsPerClient = 600 }, "provider.max_conns_per_client"},
		{"zero rate", func(c *ProviderConfig) { c.ClientRate = 0 }, "provider.client_rate"},
		{"zero burst", func(c *ProviderConfig) { c.ClientBurst = 0 }, "provider.client_burst"},
		{"bad network", func(c *ProviderConfig) { c.TrustedNetworks = []string{"192.168.1.0"} }, "provider.trusted_networks"},
		{"scan interval", func(c *ProviderConfig) { c.ChannelScanInterval = 0 }, "provider.channel_scan_interval"},
	}
	for _, tc := range cases {
		c := defaultProviderConfig()
		tc.edit(&c)
		var keys []string
		c.validate(func(key, format string, args ...any) { keys = append(keys, key) })
		got := strings.Join(keys, ",")
		if got != tc.want {
			t.Errorf("%s: validate named %q, want %q", tc.name, got, tc.want)
		}
		if tc.want == "" {
			if _, err := c.guardConfig(); err != nil {
				t.Errorf("%s: guardConfig: %v", tc.name, err)
			}
		}
	}
}
