//go:build !amd64 && !arm64

package wakeword

func dot4(x, w0, w1, w2, w3 []float32) (float32, float32, float32, float32) {
	return dot4Go(x, w0, w1, w2, w3)
}
