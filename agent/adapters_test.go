package agent

import (
	"context"
	"net"
	"strings"
	"testing"
)

func TestArticleTitle(t *testing.T) {
	for in, want := range map[string]string{
		"who was ada lovelace?":      "Ada_Lovelace",
		"What is a Raspberry Pi":     "Raspberry_Pi",
		"tell me about the moon":     "The_Moon",
		"photosynthesis":             "Photosynthesis",
		"  where is   Berlin ":       "Berlin",
		"what's the speed of light!": "The_Speed_Of_Light",
		"":                           "",
	} {
		if got := articleTitle(in); got != want {
			t.Errorf("articleTitle(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDeriveEndpoint(t *testing.T) {
	if got := deriveEndpoint(&net.TCPAddr{IP: net.IPv4(192, 0, 2, 7), Port: 8470}); got != "http://192.0.2.7:8470" {
		t.Errorf("deriveEndpoint = %q", got)
	}
	got := deriveEndpoint(&net.TCPAddr{IP: net.IPv4zero, Port: 8470})
	if got == "http://0.0.0.0:8470" || got == "" {
		t.Errorf("unspecified host advertised as %q", got)
	}
}

// TestAdaptersOff: without a chain the wallet's skills are left out, the
// miner's are there, and voice activity pauses mining at once.
func TestAdaptersOff(t *testing.T) {
	cfg := testConfig(t)
	a, c, _ := start(t, cfg, Options{})
	if a.transcriber() != nil || a.walletSkill() != nil || a.weatherSkill() != nil || a.knowledgeSkill() != nil {
		t.Fatal("wallet skills offered without a wallet")
	}
	ms, es := a.minerSkill(), a.earningsSkill()
	if ms == nil || es == nil {
		t.Fatal("miner skills missing")
	}
	st, err := ms.MinerStatus(context.Background())
	if err != nil || st.Enabled || st.Running {
		t.Fatalf("miner status = %+v, %v; want off", st, err)
	}
	if err := ms.Enable(context.Background()); err != errNotSetUp {
		t.Fatalf("Enable before set-up = %v, want the set-up sentence", err)
	}
	// Mining needs the provider to serve through.
	if _, err := c.MinerEnable(context.Background(), []string{"--stake", "1", "--disk", "1GiB"}); err == nil || !strings.Contains(err.Error(), "provider.enabled") {
		t.Fatalf("miner enable without the provider = %v", err)
	}
	a.miner.Gate().Resume()
	a.onVoiceActivity(true)
	if !a.miner.Gate().Paused() {
		t.Fatal("voice activity did not pause mining")
	}
	today, total, err := es.Earnings(context.Background())
	if err != nil || today.Sign() != 0 || total.Sign() != 0 {
		t.Fatalf("earnings = %v %v %v", today, total, err)
	}
}
