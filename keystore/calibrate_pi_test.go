package keystore

import (
	"testing"
	"time"
)

// TestCalibrationRuleOnPis pins what the calibration rule picks for the
// boards we ship on, from two inputs read on the device: the time of one
// scrypt at N = 2^14 and the RAM Linux reports (MemTotal, after the GPU
// split). The memory bound is min(DefaultKDFMemory, RAM/8), as New sets it.
// The times are the rule's decision points, not measurements of a Pi.
func TestCalibrationRuleOnPis(t *testing.T) {
	const mib = int64(1) << 20
	kdfMem := func(ram int64) int64 { return min(int64(DefaultKDFMemory), ram/8) }
	cases := []struct {
		name  string
		ram   int64
		floor time.Duration // time of scrypt at N = 2^14 on the device
		want  int
	}{
		// Pi 3 (Mark I), 1 GB: Linux reports ~0.9 GiB, so RAM/8 < 128 MiB
		// and N = 2^17 (128 MiB) never fits, however fast the CPU.
		{"pi3 0.9GiB fast", 926 * mib, time.Millisecond, 16},
		{"pi3 0.9GiB 125ms", 926 * mib, 125 * time.Millisecond, 16},
		{"pi3 0.9GiB 250ms", 926 * mib, 250 * time.Millisecond, 16},
		{"pi3 0.9GiB 251ms", 926 * mib, 251 * time.Millisecond, 15},
		{"pi3 0.9GiB 501ms", 926 * mib, 501 * time.Millisecond, 14},
		{"pi3 full 1GiB fast", 1024 * mib, time.Millisecond, 17},
		// Pi 4 (Mark II) 2 GB: ~1.8 GiB reported → 2^17 is the memory ceiling.
		{"pi4 2GB fast", 1850 * mib, time.Millisecond, 17},
		{"pi4 2GB 125ms", 1850 * mib, 125 * time.Millisecond, 17},
		{"pi4 2GB 126ms", 1850 * mib, 126 * time.Millisecond, 16},
		// Pi 4 4 GB and more: the 256 MiB cap allows 2^18; time decides.
		{"pi4 4GB 62ms", 3790 * mib, 62 * time.Millisecond, 18},
		{"pi4 4GB 63ms", 3790 * mib, 63 * time.Millisecond, 17},
		{"pi4 8GB fast", 7800 * mib, time.Millisecond, 18},
	}
	for _, tc := range cases {
		got := chooseLogN(func(int) time.Duration { return tc.floor }, time.Second, kdfMem(tc.ram))
		if got != tc.want {
			t.Errorf("%s: logN %d, want %d", tc.name, got, tc.want)
		}
	}
}
