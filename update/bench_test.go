package update_test

import (
	"sort"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/update"
)

// BenchmarkReleaseRollout measures one release reaching a fleet of five
// devices (real processes, the fake systemd of the tests, the devnet):
// from the execution of the release on chain to the last device running
// it (READY of the new version), the bytes each device fetched (device 0
// from the storage node only, the others from the mirror), and the
// downtime of each swap (STOPPING of the old binary to READY of the new).
// The devices check the chain every 100 ms; a device's 6 h interval (or
// `mycroft update check`) decides the real-world delay.
func BenchmarkReleaseRollout(b *testing.B) {
	const fleet = 5
	v100 := fakeAgent(b, "v1.0.0")
	var rollout, downMax, downSum time.Duration
	var nodeBytes, mirrorBytes int64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		l := newLab(b)
		v := update.NewVersion(1, 1, uint16(i))
		bin := fakeAgent(b, "v"+v.String())
		devs := make([]*device, fleet)
		for j := range devs {
			devs[j] = l.device("dev"+string(rune('0'+j)), v100, j != 0, j == 0)
		}
		for _, d := range devs {
			d.unit.waitReady(l.ctx, "1.0.0", 0)
		}
		art := l.artifact(bin, true, true)
		l.served.Store(0)
		l.nodeBytes.Store(0)
		executed := l.release(v, update.NewVersion(1, 0, 0), "bench", art)
		b.StartTimer()
		var last time.Time
		for _, d := range devs {
			_, ev := d.unit.waitReady(l.ctx, v.String(), 0)
			if ev.at.After(last) {
				last = ev.at
			}
		}
		b.StopTimer()
		rollout += last.Sub(executed)
		nodeBytes += l.nodeBytes.Load()
		mirrorBytes += l.served.Load() - l.nodeBytes.Load()
		var downs []time.Duration
		for _, d := range devs {
			dt := downtime(d.unit.snapshot(), v.String())
			downs = append(downs, dt)
			downSum += dt
		}
		sort.Slice(downs, func(i, j int) bool { return downs[i] < downs[j] })
		downMax = max(downMax, downs[len(downs)-1])
		b.Logf("binary %d bytes; downtimes %v", art.Size, downs)
		for _, d := range devs {
			d.unit.stop()
		}
	}
	n := float64(b.N)
	b.ReportMetric(float64(rollout.Milliseconds())/n, "ms-to-fleet")
	b.ReportMetric(float64(nodeBytes)/n, "node-bytes/device")
	b.ReportMetric(float64(mirrorBytes)/n/(fleet-1), "mirror-bytes/device")
	b.ReportMetric(float64(downSum.Milliseconds())/n/fleet, "downtime-ms")
	b.ReportMetric(float64(downMax.Milliseconds()), "max-downtime-ms")
}
