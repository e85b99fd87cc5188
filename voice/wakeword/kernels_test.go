package wakeword

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestDot4: the vector dot4 (where there is one) against the plain loops,
// for every length from 0 to 100 (tails of each vector width) and offsets
// that leave the slices unaligned.
func TestDot4(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	buf := func(n int) []float32 {
		b := make([]float32, n+3)
		for i := range b {
			b[i] = r.Float32()*2 - 1
		}
		return b[r.IntN(3):][:n]
	}
	for n := 0; n <= 100; n++ {
		x, w0, w1, w2, w3 := buf(n), buf(n+5), buf(n), buf(n+1), buf(n)
		a := [4]float32{}
		a[0], a[1], a[2], a[3] = dot4(x, w0, w1, w2, w3)
		var want [4]float64
		for i := range x {
			for k, w := range [][]float32{w0, w1, w2, w3} {
				want[k] += float64(x[i]) * float64(w[i])
			}
		}
		for k := range a {
			if d := math.Abs(float64(a[k]) - want[k]); d > 1e-5*float64(n+1) {
				t.Fatalf("n=%d row %d: %v, want %v", n, k, a[k], want[k])
			}
		}
		if n > 0 {
			if d := math.Abs(float64(dot(x, w0)) - want[0]); d > 1e-5*float64(n+1) {
				t.Fatalf("dot n=%d: %v, want %v", n, dot(x, w0), want[0])
			}
		}
	}
}

func TestDot4ShortWeights(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("a weight row shorter than x did not panic")
		}
	}()
	x := make([]float32, 16)
	dot4(x, x, x, x, x[:15])
}
