package update_test

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/update"
)

// TestReleaseCycle is the whole path on the devnet with real processes:
// three devices run the installed binary 1.0.0; governance approves 1.1.0
// (proposed, voted, queued, executed); each device reads it from the
// chain, fetches it (device 0 from the storage node only, the others from
// the mirror), checks it, installs it into slot a, switches and restarts
// into it. Then a release that exits at start (1.2.0) and one that never
// becomes healthy (1.3.0) are rolled back by the devices themselves, and a
// tampered binary (1.4.0 on the mirror) is refused while 1.1.0 keeps
// running.
func TestReleaseCycle(t *testing.T) {
	v100 := fakeAgent(t, "v1.0.0")
	v110 := fakeAgent(t, "v1.1.0")
	v120 := fakeAgent(t, "v1.2.0", "broken")
	v130 := fakeAgent(t, "v1.3.0", "unhealthy")
	l := newLab(t)
	devs := []*device{
		l.device("dev0", v100, false, true),
		l.device("dev1", v100, true, false),
		l.device("dev2", v100, true, true),
	}
	for _, d := range devs {
		d.unit.waitReady(l.ctx, "1.0.0", 0)
	}

	// 1.1.0: the fleet updates. While dev1's owner speaks it waits.
	if err := os.WriteFile(devs[1].busy, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	l.served.Store(0)
	executed := l.release(update.NewVersion(1, 1, 0), update.NewVersion(1, 0, 0), "first update",
		l.artifact(v110, true, true))
	var last time.Time
	for i, d := range devs {
		if i == 1 {
			continue
		}
		_, ev := d.unit.waitReady(l.ctx, "1.1.0", 0)
		last = maxTime(last, ev.at)
	}
	if evs := devs[1].unit.snapshot(); strings.Contains(strings.Join(msgs(evs), "|"), "STOPPING") {
		t.Errorf("dev1 restarted while its owner was speaking: %q", msgs(evs))
	}
	os.Remove(devs[1].busy)
	_, ev := devs[1].unit.waitReady(l.ctx, "1.1.0", 0)
	t.Logf("fleet of 2 (one held by its speaking owner) ran 1.1.0 %s after the execution; dev1 %s after", last.Sub(executed), ev.at.Sub(executed))
	size := fileSize(t, v110)
	t.Logf("bytes served for 3 devices: %d (binary %d bytes)", l.served.Load(), size)
	for i, d := range devs {
		st := d.waitGood(l.ctx, t)
		cur, _ := d.slots.Current()
		if cur != "a" || st.Trial != nil || st.Good != update.NewVersion(1, 1, 0) {
			t.Errorf("dev%d after 1.1.0: current %q, trial %+v, good %s; want a, none, 1.1.0", i, cur, st.Trial, st.Good)
		}
		t.Logf("dev%d downtime (STOPPING of 1.0.0 to READY of 1.1.0): %s", i, downtime(d.unit.snapshot(), "1.1.0"))
	}

	// 1.2.0 exits at start: after MaxAttempts starts the launcher goes
	// back to slot a.
	n := len(devs[0].unit.snapshot())
	l.release(update.NewVersion(1, 2, 0), update.NewVersion(1, 0, 0), "broken", l.artifact(v120, true, true))
	for i, d := range devs {
		d.unit.waitLog(l.ctx, "launcher rolled back")
		d.unit.waitReady(l.ctx, "1.1.0", n)
		st, _ := d.slots.State()
		if st.LastRollback == nil || st.LastRollback.Version != update.NewVersion(1, 2, 0) || !strings.Contains(st.LastRollback.Reason, "started 3 times") {
			t.Errorf("dev%d: last rollback %+v, want 1.2.0 started 3 times", i, st.LastRollback)
		}
		if cur, _ := d.slots.Current(); cur != "a" {
			t.Errorf("dev%d: current %q after the rollback, want a", i, cur)
		}
	}

	// 1.3.0 runs but is never healthy: its own health gate rolls back.
	n = len(devs[0].unit.snapshot())
	l.release(update.NewVersion(1, 3, 0), update.NewVersion(1, 0, 0), "unhealthy", l.artifact(v130, true, false))
	for i, d := range devs[1:] {
		k, _ := d.unit.waitReady(l.ctx, "1.3.0", n)
		d.unit.waitReady(l.ctx, "1.1.0", k)
		st, _ := d.slots.State()
		if st.LastRollback == nil || st.LastRollback.Version != update.NewVersion(1, 3, 0) || !strings.Contains(st.LastRollback.Reason, "not healthy within") {
			t.Errorf("dev%d: last rollback %+v, want 1.3.0 not healthy", i+1, st.LastRollback)
		}
	}
	// dev0 fetches from storage nodes only and 1.3.0 is not there.
	devs[0].unit.waitLog(l.ctx, "no mirror or storage node has the release")

	// 1.4.0: the mirror's copy is tampered with; refused, 1.1.0 runs on.
	a := l.artifact(v110, false, false)
	a.SHA256[0] ^= 1 // the chain approves another binary than the mirror holds
	if err := os.Rename(l.mirrorDir+"/"+hexOf(fileSum(t, v110)), l.mirrorDir+"/"+hexOf(a.SHA256)); err != nil {
		t.Fatal(err)
	}
	n = len(devs[1].unit.snapshot())
	l.release(update.NewVersion(1, 4, 0), update.NewVersion(1, 0, 0), "tampered on the mirror", a)
	devs[1].unit.waitLog(l.ctx, "does not match the sha256 and size approved on chain")
	for _, e := range devs[1].unit.snapshot()[n:] {
		if e.exit || strings.Contains(e.msg, "STOPPING") {
			t.Errorf("dev1 stopped over a tampered binary: %q", e.msg)
		}
	}
	if cur, _ := devs[1].slots.Current(); cur != "a" {
		t.Errorf("dev1: current %q after a tampered release, want a", cur)
	}
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// downtime is from the last STOPPING before the READY of v to that READY.
func downtime(evs []event, v string) time.Duration {
	var stop time.Time
	for _, e := range evs {
		if strings.HasPrefix(e.msg, "STOPPING") {
			stop = e.at
		}
		if strings.HasPrefix(e.msg, "READY=1") && strings.Contains(e.msg, "version "+v) {
			return e.at.Sub(stop)
		}
	}
	return -1
}
