package wakeword

import (
	"fmt"
	"math"
	"slices"
)

// melModel is melspectrogram.onnx: an STFT as two strided 1-D convolutions
// (real and imaginary kernels), power, a mel filterbank matmul, then
// 10·log10 with a floor and a clamp at the call's maximum minus topDB.
type melModel struct {
	bins, width, hop int       // 257 kernels of 512 taps, stride 160
	lo, hi           int       // the taps any kernel row has non-zero (56..456: the window)
	re, im           []float32 // bins × width
	melT             []float32 // mels × bins (the MatMul weight, transposed)
	mels             int
	floor            float32 // Clip min before the log
	scale, div, ref  float32 // (log(x) * scale) / div - ref
	topDB            float32
}

// melOps is the graph melspectrogram.onnx has, node by node.
var melOps = []string{"Unsqueeze", "Conv", "Conv", "Unsqueeze", "Transpose", "Unsqueeze", "Transpose",
	"Pow", "Pow", "Add", "MatMul", "Clip", "Log", "Mul", "Div", "Sub", "ReduceMax", "Sub", "Cast", "Clip"}

func newMelModel(m *onnxModel) (*melModel, error) {
	g := &m.Graph
	ops := make([]string, len(g.Nodes))
	for i, n := range g.Nodes {
		ops[i] = n.Op
	}
	if !slices.Equal(ops, melOps) {
		return nil, fmt.Errorf("%w: not openWakeWord's melspectrogram graph (ops %v)", ErrModel, ops)
	}
	mm := &melModel{}
	var convs [2]*tensor
	for i, n := range g.Nodes[1:3] {
		w, err := g.init(n, 1)
		if err != nil {
			return nil, err
		}
		if len(w.Dims) != 3 || w.Dims[1] != 1 {
			return nil, fmt.Errorf("%w: STFT kernel %v", ErrModel, w.Dims)
		}
		st := n.Attrs["strides"].Ints
		if len(st) != 1 || st[0] <= 0 || len(n.Inputs) > 2 {
			return nil, fmt.Errorf("%w: STFT conv strides %v", ErrModel, st)
		}
		if p := n.Attrs["pads"].Ints; len(p) != 0 && (len(p) != 2 || p[0] != 0 || p[1] != 0) {
			return nil, fmt.Errorf("%w: STFT conv pads %v", ErrModel, p)
		}
		convs[i] = w
		mm.hop = int(st[0])
	}
	if !slices.Equal(convs[0].Dims, convs[1].Dims) {
		return nil, fmt.Errorf("%w: STFT kernels %v and %v", ErrModel, convs[0].Dims, convs[1].Dims)
	}
	mm.bins, mm.width = convs[0].Dims[0], convs[0].Dims[2]
	mm.re, mm.im = convs[0].Data, convs[1].Data
	mm.lo, mm.hi = mm.width, 0
	for r := 0; r < mm.bins; r++ {
		for c := 0; c < mm.width; c++ {
			if mm.re[r*mm.width+c] != 0 || mm.im[r*mm.width+c] != 0 {
				mm.lo, mm.hi = min(mm.lo, c), max(mm.hi, c+1)
			}
		}
	}
	if mm.lo >= mm.hi {
		return nil, fmt.Errorf("%w: STFT kernels are all zero", ErrModel)
	}
	for _, i := range []int{7, 8} {
		if e, err := g.scalar(g.Nodes[i], 1); err != nil || e != 2 {
			return nil, fmt.Errorf("%w: power exponent %v (%v)", ErrModel, e, err)
		}
	}
	w, err := g.init(g.Nodes[10], 1)
	if err != nil {
		return nil, err
	}
	if len(w.Dims) != 2 || w.Dims[0] != mm.bins {
		return nil, fmt.Errorf("%w: mel matrix %v for %d bins", ErrModel, w.Dims, mm.bins)
	}
	mm.mels = w.Dims[1]
	mm.melT = make([]float32, mm.mels*mm.bins)
	for k := 0; k < mm.bins; k++ {
		for j := 0; j < mm.mels; j++ {
			mm.melT[j*mm.bins+k] = w.Data[k*mm.mels+j]
		}
	}
	consts := []struct {
		node, input int
		dst         *float32
	}{{11, 1, &mm.floor}, {13, 1, &mm.scale}, {14, 1, &mm.div}, {15, 1, &mm.ref}, {17, 1, &mm.topDB}}
	for _, c := range consts {
		v, err := g.scalar(g.Nodes[c.node], c.input)
		if err != nil {
			return nil, err
		}
		*c.dst = v
	}
	if mm.div == 0 {
		return nil, fmt.Errorf("%w: log divisor 0", ErrModel)
	}
	return mm, nil
}

// frames is how many frames n samples give (no padding).
func (mm *melModel) frames(n int) int {
	if n < mm.width {
		return 0
	}
	return (n-mm.width)/mm.hop + 1
}

// run computes the mel spectrogram of x (int16 sample values as float32,
// not scaled) into out (frames × mels), as the graph does.
func (mm *melModel) run(x []float32, out []float32, power []float32) {
	nf := mm.frames(len(x))
	out = out[:nf*mm.mels]
	power = power[:mm.bins]
	span := mm.hi - mm.lo
	for f := 0; f < nf; f++ {
		seg := x[f*mm.hop+mm.lo : f*mm.hop+mm.hi]
		k := 0
		for ; k+2 <= mm.bins; k += 2 {
			r0, i0, r1, i1 := dot4(seg, mm.re[k*mm.width+mm.lo:], mm.im[k*mm.width+mm.lo:],
				mm.re[(k+1)*mm.width+mm.lo:], mm.im[(k+1)*mm.width+mm.lo:])
			power[k] = r0*r0 + i0*i0
			power[k+1] = r1*r1 + i1*i1
		}
		for ; k < mm.bins; k++ {
			r := dot(seg, mm.re[k*mm.width+mm.lo:][:span])
			i := dot(seg, mm.im[k*mm.width+mm.lo:][:span])
			power[k] = r*r + i*i
		}
		matVec(out[f*mm.mels:(f+1)*mm.mels], mm.melT, power, nil)
	}
	peak := float32(math.Inf(-1))
	for i, v := range out {
		v = max(v, mm.floor)
		v = float32(math.Log(float64(v))) * mm.scale / mm.div
		v -= mm.ref
		out[i] = v
		peak = max(peak, v)
	}
	lower := peak - mm.topDB
	for i, v := range out {
		out[i] = max(v, lower)
	}
}
