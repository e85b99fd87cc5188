package web

import (
	"math/big"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/internal/apiclient"
)

// BenchmarkSpendingChart: the spending page's chart from historyLimit
// payments (the most the page reads), per page view.
func BenchmarkSpendingChart(b *testing.B) {
	now := time.Date(2026, 12, 7, 15, 0, 0, 0, time.UTC)
	services := []string{"stt", "weather", "knowledge"}
	ps := make([]apiclient.WalletPayment, historyLimit)
	for i := range ps {
		ps[i] = apiclient.WalletPayment{Time: now.Add(-time.Duration(i) * 8 * time.Minute), Service: services[i%3],
			Price: new(big.Int).Mul(big.NewInt(int64(i%7+1)), big.NewInt(1e15)).String(), Status: "paid"}
	}
	b.ReportAllocs()
	var n int
	for b.Loop() {
		n = len(spendingSVG(dailySpending(ps, now, time.UTC), now, time.UTC))
	}
	b.ReportMetric(float64(n), "svg-bytes")
}
