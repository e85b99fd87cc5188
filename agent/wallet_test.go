package agent

import (
	"strings"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/miner"
	"github.com/mycroft-network/mycroft/wallet"
)

func TestWalletProviderMinerConfigValidate(t *testing.T) {
	for _, tc := range []struct {
		name string
		set  func(*Config)
		key  string // "" = valid
	}{
		{"defaults", func(*Config) {}, ""},
		{"price not an amount", func(c *Config) { c.Wallet.MaxPricePerCall = "ten" }, "wallet.max_price_per_call"},
		{"negative budget", func(c *Config) { c.Wallet.DailyBudget = "-1" }, "wallet.daily_budget"},
		{"deposit above exposure", func(c *Config) { c.Wallet.Deposit = "6" }, "wallet.deposit"},
		{"no call timeout", func(c *Config) { c.Wallet.CallTimeout = 0 }, "wallet.call_timeout"},
		{"listen without port", func(c *Config) { c.Provider.Listen = "0.0.0.0" }, "provider.listen"},
		{"endpoint not a URL", func(c *Config) { c.Provider.Endpoint = "speaker.local:8470" }, "provider.endpoint"},
		{"unknown stt", func(c *Config) { c.Provider.STT = "whisper" }, "provider.stt"},
		{"wyoming without uri", func(c *Config) { c.Provider.STT = "wyoming" }, "provider.wyoming_uri"},
		{"wyoming", func(c *Config) { c.Provider.STT, c.Provider.WyomingURI = "wyoming", "tcp://127.0.0.1:10300" }, ""},
		{"bad upstream", func(c *Config) { c.Provider.WeatherUpstream = "ftp://x" }, "provider.weather_upstream"},
		{"bad price", func(c *Config) { c.Provider.PriceStorage = "0.1.2" }, "provider.price_storage"},
		{"bad fee", func(c *Config) { c.Provider.RedeemFee = "" }, "provider.redeem_fee"},
		{"redeem too often", func(c *Config) { c.Provider.RedeemInterval = Duration(time.Millisecond) }, "provider.redeem_interval"},
		{"relative storage dir", func(c *Config) { c.Miner.StorageDir = "chunks" }, "miner.storage_dir"},
		{"zero load", func(c *Config) { c.Miner.MaxLoad = 0 }, "miner.max_load"},
		{"hot", func(c *Config) { c.Miner.MaxTemp = 120 }, "miner.max_temp"},
		{"audit too often", func(c *Config) { c.Miner.AuditInterval = Duration(time.Second) }, "miner.audit_interval"},
		{"no scheduled backup", func(c *Config) { c.Miner.BackupInterval = 0 }, ""},
		{"no copies", func(c *Config) { c.Miner.BackupCopies = 0 }, "miner.backup_copies"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := DefaultConfig()
			tc.set(&cfg)
			err := cfg.Validate()
			switch {
			case tc.key == "" && err != nil:
				t.Fatalf("Validate = %v, want ok", err)
			case tc.key != "" && (err == nil || !strings.Contains(err.Error(), tc.key)):
				t.Fatalf("Validate = %v, want an error on %s", err, tc.key)
			}
		})
	}
}

func TestWalletConfigSeedsLimits(t *testing.T) {
	c := defaultWalletConfig()
	c.MaxPricePerCall, c.Deposit = "0.02", "0.5"
	l, err := c.limits()
	if err != nil {
		t.Fatal(err)
	}
	if miner.FormatAmount(l.MaxPrice) != "0.02" || miner.FormatAmount(l.Deposit) != "0.5" || miner.FormatAmount(l.DailyBudget) != "1" {
		t.Fatalf("limits = %+v", l)
	}
}

func TestApplyLimit(t *testing.T) {
	for _, tc := range []struct {
		key, value string
		check      func(wallet.Limits) bool
		bad        bool
	}{
		{"daily_budget", "2.5", func(l wallet.Limits) bool { return miner.FormatAmount(l.DailyBudget) == "2.5" }, false},
		{"max-price-per-call", "0.005", func(l wallet.Limits) bool { return miner.FormatAmount(l.MaxPrice) == "0.005" }, false},
		{"max_exposure", "7", func(l wallet.Limits) bool { return miner.FormatAmount(l.MaxExposure) == "7" }, false},
		{"deposit", "0.1", func(l wallet.Limits) bool { return miner.FormatAmount(l.Deposit) == "0.1" }, false},
		{"top_up_calls", "4", func(l wallet.Limits) bool { return l.TopUpCalls == 4 }, false},
		{"close_delay", "48h", func(l wallet.Limits) bool { return l.CloseDelay == 48*3600 }, false},
		{"close_delay", "1ms", nil, true},
		{"top_up_calls", "-1", nil, true},
		{"deposit", "lots", nil, true},
		{"colour", "blue", nil, true},
	} {
		l := wallet.DefaultLimits()
		err := applyLimit(&l, tc.key, tc.value)
		if tc.bad {
			if err == nil {
				t.Errorf("%s=%s accepted", tc.key, tc.value)
			}
			continue
		}
		if err != nil || !tc.check(l) {
			t.Errorf("%s=%s: %v, limits %+v", tc.key, tc.value, err, l)
		}
	}
}
