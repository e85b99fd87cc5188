package wakeword

import "golang.org/x/sys/cpu"

// useAVX2: the CPU has AVX2 and FMA (and the OS saves the registers).
var useAVX2 = cpu.X86.HasAVX2 && cpu.X86.HasFMA

// dot4AVX2 accumulates n (a multiple of 8) products of x with each of
// w0..w3 and stores the four sums in out.
//
//go:noescape
func dot4AVX2(x, w0, w1, w2, w3 *float32, n int, out *[4]float32)

func dot4(x, w0, w1, w2, w3 []float32) (float32, float32, float32, float32) {
	n := len(x)
	if !useAVX2 || n < 8 {
		return dot4Go(x, w0, w1, w2, w3)
	}
	if len(w0) < n || len(w1) < n || len(w2) < n || len(w3) < n {
		panic("wakeword: dot4 weight row shorter than x")
	}
	w0, w1, w2, w3 = w0[:n], w1[:n], w2[:n], w3[:n]
	var out [4]float32
	v := n &^ 7
	dot4AVX2(&x[0], &w0[0], &w1[0], &w2[0], &w3[0], v, &out)
	if v == n {
		return out[0], out[1], out[2], out[3]
	}
	a, b, c, d := dot4Go(x[v:], w0[v:], w1[v:], w2[v:], w3[v:])
	return out[0] + a, out[1] + b, out[2] + c, out[3] + d
}
