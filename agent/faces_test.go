package agent

import (
	"bufio"
	"context"
	"encoding/json"
	"net"
	"slices"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/internal/wyoming"
)

// TestSatelliteWired: with [satellite] on, the agent serves Home
// Assistant's Wyoming integration: describe gets the configured name and
// area, run-satellite shows in mycroft status; typed questions stay the
// device's.
func TestSatelliteWired(t *testing.T) {
	overrideVoice(t, func(d *voiceDeps) {
		d.Skills.Now = func() time.Time { return noon }
		d.Skills.Location = time.UTC
	})
	cfg := testConfig(t)
	cfg.Satellite.Enabled = true
	cfg.Satellite.Listen = "127.0.0.1:0"
	cfg.Satellite.Name = "Kitchen speaker"
	cfg.Satellite.Area = "Kitchen"
	cfg.Satellite.Zeroconf = false
	_, client, _ := start(t, cfg, Options{})
	status := func() SatStatus {
		st, err := client.Status(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		var s SatStatus
		if err := json.Unmarshal(st.Components["satellite"], &s); err != nil {
			t.Fatal(err)
		}
		return s
	}
	s := status()
	if !s.Enabled || s.Answers != "home_assistant" || s.Connected {
		t.Fatalf("satellite status %+v", s)
	}
	conn, err := net.Dial("tcp", s.Listen)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	r := bufio.NewReader(conn)
	for _, typ := range []string{wyoming.TypeDescribe, wyoming.TypeRunSatellite} {
		if err := wyoming.WriteEvent(conn, wyoming.Event{Type: typ}); err != nil {
			t.Fatal(err)
		}
	}
	_ = conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	ev, err := wyoming.ReadEvent(r)
	if err != nil {
		t.Fatal(err)
	}
	var info wyoming.Info
	if err := ev.Decode(&info); err != nil || ev.Type != wyoming.TypeInfo || info.Satellite == nil ||
		info.Satellite.Name != "Kitchen speaker" || info.Satellite.Area != "Kitchen" || !slices.Equal(info.Satellite.ActiveWakeWords, []string{"hey_mycroft"}) {
		t.Fatalf("info %s %+v, %v", ev, info.Satellite, err)
	}
	waitFor(t, "running", func() (SatStatus, error) { return status(), nil }, func(s SatStatus) bool { return s.Connected && s.Running })
	if reply, err := client.VoiceAsk(context.Background(), "what time is it"); err != nil || reply != "It is noon." {
		t.Errorf("typed question: %q, %v", reply, err)
	}
}

// TestFacesConfigValidate: the [messagebus] and [satellite] rules.
func TestFacesConfigValidate(t *testing.T) {
	for _, c := range []struct {
		name string
		edit func(*Config)
		key  string
	}{
		{"defaults", func(*Config) {}, ""},
		{"bus on the LAN with a token", func(c *Config) { c.Messagebus.Listen = "0.0.0.0:8181"; c.Messagebus.Token = "0123456789abcdef" }, ""},
		{"bus on the LAN without a token", func(c *Config) { c.Messagebus.Listen = "192.168.1.2:8181" }, "messagebus.token"},
		{"short token", func(c *Config) { c.Messagebus.Token = "short" }, "messagebus.token"},
		{"bus address", func(c *Config) { c.Messagebus.Listen = "8181" }, "messagebus.listen"},
		{"clients", func(c *Config) { c.Messagebus.MaxClients = 0 }, "messagebus.max_clients"},
		{"answers", func(c *Config) { c.Satellite.Answers = "alexa" }, "satellite.answers"},
		{"satellite address", func(c *Config) { c.Satellite.Listen = "localhost" }, "satellite.listen"},
		{"satellite name", func(c *Config) { c.Satellite.Name = "a\nb" }, "satellite.name"},
	} {
		t.Run(c.name, func(t *testing.T) {
			cfg := DefaultConfig()
			c.edit(&cfg)
			var keys []string
			bad := func(key, format string, args ...any) { keys = append(keys, key) }
			cfg.Messagebus.validate(bad)
			cfg.Satellite.validate(bad)
			if c.key == "" && len(keys) != 0 || c.key != "" && !slices.Equal(keys, []string{c.key}) {
				t.Errorf("bad keys %v, want %q", keys, c.key)
			}
		})
	}
}
