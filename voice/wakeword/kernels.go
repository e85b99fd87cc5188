package wakeword

// The inner loops: float32 dot products, several accumulators each so that
// the adds of one product do not wait for the previous one. Every
// multiply-add of the three models goes through dot or dot4; dot4 has
// vector versions for amd64 (AVX2 with FMA, when the CPU has them) and
// arm64 (NEON, which every arm64 CPU has): kernels_amd64.s,
// kernels_arm64.s.

// dot returns the sum of a[i]*b[i] over len(a); b must be at least as long.
func dot(a, b []float32) float32 {
	if len(b) < len(a) {
		panic("wakeword: dot of unequal lengths")
	}
	b = b[:len(a)]
	var s0, s1, s2, s3 float32
	i := 0
	for ; i+4 <= len(a); i += 4 {
		s0 += a[i] * b[i]
		s1 += a[i+1] * b[i+1]
		s2 += a[i+2] * b[i+2]
		s3 += a[i+3] * b[i+3]
	}
	for ; i < len(a); i++ {
		s0 += a[i] * b[i]
	}
	return (s0 + s1) + (s2 + s3)
}

// dot4Go returns the dot products of x with four weight rows w0..w3 (each
// at least len(x) long), loading each x[i] once for all four. dot4 (per
// architecture) is this or a vector version.
func dot4Go(x, w0, w1, w2, w3 []float32) (float32, float32, float32, float32) {
	n := len(x)
	if len(w0) < n || len(w1) < n || len(w2) < n || len(w3) < n {
		panic("wakeword: dot4 weight row shorter than x")
	}
	w0, w1, w2, w3 = w0[:n], w1[:n], w2[:n], w3[:n]
	var a0, a1, a2, a3, b0, b1, b2, b3 float32
	i := 0
	for ; i+2 <= n; i += 2 {
		x0, x1 := x[i], x[i+1]
		a0 += x0 * w0[i]
		a1 += x0 * w1[i]
		a2 += x0 * w2[i]
		a3 += x0 * w3[i]
		b0 += x1 * w0[i+1]
		b1 += x1 * w1[i+1]
		b2 += x1 * w2[i+1]
		b3 += x1 * w3[i+1]
	}
	if i < n {
		x0 := x[i]
		a0 += x0 * w0[i]
		a1 += x0 * w1[i]
		a2 += x0 * w2[i]
		a3 += x0 * w3[i]
	}
	return a0 + b0, a1 + b1, a2 + b2, a3 + b3
}

// matVec sets out[r] = bias[r] + dot(rows[r], x) for the rows of a
// row-major matrix with len(x) columns. bias may be nil.
func matVec(out, m, x, bias []float32) {
	n := len(x)
	r := 0
	for ; r+4 <= len(out); r += 4 {
		a, b, c, d := dot4(x, m[r*n:], m[(r+1)*n:], m[(r+2)*n:], m[(r+3)*n:])
		out[r], out[r+1], out[r+2], out[r+3] = a, b, c, d
	}
	for ; r < len(out); r++ {
		out[r] = dot(x, m[r*n:])
	}
	if bias != nil {
		for i := range out {
			out[i] += bias[i]
		}
	}
}
