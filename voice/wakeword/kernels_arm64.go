package wakeword

// dot4NEON accumulates n (a multiple of 4) products of x with each of
// w0..w3 and stores four lanes per row in out (row r in out[4r:4r+4]).
//
//go:noescape
func dot4NEON(x, w0, w1, w2, w3 *float32, n int, out *[16]float32)

func dot4(x, w0, w1, w2, w3 []float32) (float32, float32, float32, float32) {
	n := len(x)
	if n < 4 {
		return dot4Go(x, w0, w1, w2, w3)
	}
	if len(w0) < n || len(w1) < n || len(w2) < n || len(w3) < n {
		panic("wakeword: dot4 weight row shorter than x")
	}
	w0, w1, w2, w3 = w0[:n], w1[:n], w2[:n], w3[:n]
	var out [16]float32
	v := n &^ 3
	dot4NEON(&x[0], &w0[0], &w1[0], &w2[0], &w3[0], v, &out)
	a := (out[0] + out[1]) + (out[2] + out[3])
	b := (out[4] + out[5]) + (out[6] + out[7])
	c := (out[8] + out[9]) + (out[10] + out[11])
	d := (out[12] + out[13]) + (out[14] + out[15])
	if v == n {
		return a, b, c, d
	}
	ta, tb, tc, td := dot4Go(x[v:], w0[v:], w1[v:], w2[v:], w3[v:])
	return a + ta, b + tb, c + tc, d + td
}
