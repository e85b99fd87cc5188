package keystore

import (
	"encoding/base64"
	"time"

	"golang.org/x/crypto/scrypt"
)

func b64(b []byte) string { return base64.StdEncoding.EncodeToString(b) }

// scryptMemory is the memory scrypt needs at N (r = 8): 128·N·r bytes.
func scryptMemory(logN int) int64 { return 128 * int64(1) << logN * scryptR }

// calibrate times scrypt at the floor N on this device and returns the
// largest log2 N whose estimated time fits UnlockTarget and whose memory
// fits MaxKDFMemory, within MinScryptLogN..MaxScryptLogN.
func (s *Store) calibrate() int {
	measure := func(logN int) time.Duration {
		s.kdfMu.Lock()
		defer s.kdfMu.Unlock()
		start := time.Now()
		k, _ := scrypt.Key([]byte("calibration"), make([]byte, saltLen), 1<<logN, scryptR, scryptP, 32)
		wipe(k)
		return time.Since(start)
	}
	logN := chooseLogN(measure, s.opts.UnlockTarget, s.opts.MaxKDFMemory)
	s.log.Info("keystore: scrypt calibrated", "logN", logN, "target", s.opts.UnlockTarget)
	return logN
}

// chooseLogN is the calibration rule, separated so tests can feed it fake
// timings: measure at the floor, assume time doubles with each step of N.
func chooseLogN(measure func(logN int) time.Duration, target time.Duration, maxMem int64) int {
	t := measure(MinScryptLogN)
	if t <= 0 {
		t = time.Nanosecond
	}
	logN := MinScryptLogN
	for logN < MaxScryptLogN {
		next := logN + 1
		est := t << (next - MinScryptLogN)
		if est > target || scryptMemory(next) > maxMem {
			break
		}
		logN = next
	}
	return logN
}
