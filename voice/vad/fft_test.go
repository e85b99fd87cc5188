package vad

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestBandEnergies checks the packed real FFT against a direct DFT.
func TestBandEnergies(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	s := NewStatistical(1)
	for trial := range 20 {
		frame := make([]int16, 160)
		for i := range frame {
			frame[i] = int16(rng.IntN(20000) - 10000)
		}
		if trial == 0 {
			for i := range frame {
				frame[i] = int16(8000 * math.Sin(2*math.Pi*1000*float64(i)/16000))
			}
		}
		s.features(frame)
		for b := 0; b < numBands; b++ {
			var e float64
			for k := bandBins[b]; k < bandBins[b+1]; k++ {
				var xr, xi float64
				for n := 0; n < 160; n++ {
					v := float64(frame[n]) * s.win[n]
					a := 2 * math.Pi * float64(k*n) / fftSize
					xr += v * math.Cos(a)
					xi -= v * math.Sin(a)
				}
				e += xr*xr + xi*xi
			}
			e /= float64(bandBins[b+1] - bandBins[b])
			want := 10 * math.Log10(e/fftSize+1)
			if math.Abs(s.feat[b]-want) > 1e-6 {
				t.Fatalf("trial %d band %d: %v dB, direct DFT %v dB", trial, b, s.feat[b], want)
			}
		}
	}
}
