package web

import (
	"strings"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/internal/apiclient"
)

func TestDailySpending(t *testing.T) {
	loc := time.UTC
	now := time.Date(2026, 12, 7, 15, 0, 0, 0, loc)
	pay := func(daysAgo int, service, price, status string) apiclient.WalletPayment {
		return apiclient.WalletPayment{Time: now.AddDate(0, 0, -daysAgo), Service: service, Price: price, Status: status}
	}
	ss := dailySpending([]apiclient.WalletPayment{
		pay(0, "stt", "1000", "paid"),
		pay(0, "stt", "500", "paid"),
		pay(0, "weather", "200", "paid"),
		pay(0, "stt", "9999", "refused"),
		pay(29, "weather", "300", "paid"),
		pay(30, "weather", "7000", "paid"), // 31 days ago counting today: out
		pay(1, "knowledge", "not a number", "paid"),
	}, now, loc)
	got := map[string][2]string{}
	for _, s := range ss {
		got[s.Name] = [2]string{s.Days[chartDays-1].String(), s.Total.String()}
	}
	want := map[string][2]string{"stt": {"1500", "1500"}, "weather": {"200", "500"}}
	if len(got) != len(want) || got["stt"] != want["stt"] || got["weather"] != want["weather"] {
		t.Fatalf("today and total per service = %v, want %v", got, want)
	}
	if ss[1].Days[0].String() != "300" {
		t.Errorf("weather 29 days ago = %s, want 300 on the first day", ss[1].Days[0])
	}
	svg := string(spendingSVG(ss, now, loc))
	if n := strings.Count(svg, "<rect"); n != 3 {
		t.Errorf("%d bars drawn, want 3 (two services today, one 29 days ago)", n)
	}
	if strings.Contains(svg, "<script") || strings.Contains(svg, "style=") {
		t.Error("the chart has script or inline style, which the page's CSP refuses")
	}
}

func TestMYC(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"0", "0"},
		{"1000000000000000000", "1"},
		{"1500000000000000000", "1.5"},
		{"1", "0.000000000000000001"},
		{"-2500000000000000000", "-2.5"},
		{"n/a", "n/a"},
	} {
		if got := myc(tc.in); got != tc.want {
			t.Errorf("myc(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
