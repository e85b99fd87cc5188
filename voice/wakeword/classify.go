package wakeword

import (
	"fmt"
	"math"
)

// classModel is a wake word model (hey_mycroft_v0.1.onnx and the other
// openWakeWord classifiers): the last `window` embeddings, flattened, then
// dense layers with layer norms and ReLUs, ending in a sigmoid score. After
// the Flatten every value is a vector, so the graph runs as a small vector
// program: each node reads named vectors (a length-1 vector broadcasts).
type classModel struct {
	window, features int // 16 embeddings of 96
	input, output    string
	prog             []vecOp
	consts           map[string][]float32
}

type vecOp struct {
	op       string
	in       []string
	out      string
	w        []float32 // Gemm: out × in, alpha applied
	bias     []float32 // Gemm: beta applied, nil: none
	rows     int
	exponent float32 // Pow
}

func newClassModel(m *onnxModel) (*classModel, error) {
	g := &m.Graph
	if len(g.Inputs) != 1 || len(g.Outputs) != 1 {
		return nil, fmt.Errorf("%w: a wake word model has one input and one output (%d, %d)", ErrModel, len(g.Inputs), len(g.Outputs))
	}
	in := g.Inputs[0]
	if len(in.Dims) != 3 || in.Dims[1] <= 0 || in.Dims[1] > 1024 || in.Dims[2] <= 0 || in.Dims[2] > 1024 {
		return nil, fmt.Errorf("%w: wake word model input %v, want [1, window, features]", ErrModel, in.Dims)
	}
	cm := &classModel{window: int(in.Dims[1]), features: int(in.Dims[2]), input: in.Name, output: g.Outputs[0].Name, consts: map[string][]float32{}}
	size := map[string]int{in.Name: cm.window * cm.features}
	for name, t := range g.Inits {
		if t.size() == 1 {
			cm.consts[name] = t.Data
			size[name] = 1
		}
	}
	length := func(n onnxNode, i int) (int, error) {
		if i >= len(n.Inputs) {
			return 0, fmt.Errorf("%w: %s %q has no input %d", ErrModel, n.Op, n.Name, i)
		}
		if t, ok := g.Inits[n.Inputs[i]]; ok && t.size() > 1 {
			cm.consts[n.Inputs[i]] = t.Data
			size[n.Inputs[i]] = t.size()
		}
		l, ok := size[n.Inputs[i]]
		if !ok {
			return 0, fmt.Errorf("%w: %s %q reads %q, which nothing before it makes", ErrModel, n.Op, n.Name, n.Inputs[i])
		}
		return l, nil
	}
	for _, n := range g.Nodes {
		if len(n.Outputs) != 1 {
			return nil, fmt.Errorf("%w: %s %q has %d outputs", ErrModel, n.Op, n.Name, len(n.Outputs))
		}
		op := vecOp{op: n.Op, in: n.Inputs, out: n.Outputs[0]}
		var outLen int
		switch n.Op {
		case "Flatten", "Reshape", "Relu", "Sigmoid", "Sqrt":
			l, err := length(n, 0)
			if err != nil {
				return nil, err
			}
			outLen, op.in = l, n.Inputs[:1]
		case "ReduceMean":
			if _, err := length(n, 0); err != nil {
				return nil, err
			}
			if a := n.Attrs["axes"].Ints; len(a) != 1 || (a[0] != -1 && a[0] != 1) {
				return nil, fmt.Errorf("%w: ReduceMean %q over axes %v", ErrModel, n.Name, a)
			}
			outLen = 1
		case "Add", "Sub", "Mul", "Div":
			a, err := length(n, 0)
			if err != nil {
				return nil, err
			}
			b, err := length(n, 1)
			if err != nil {
				return nil, err
			}
			if a != b && a != 1 && b != 1 {
				return nil, fmt.Errorf("%w: %s %q of %d and %d values", ErrModel, n.Op, n.Name, a, b)
			}
			outLen = max(a, b)
		case "Pow":
			a, err := length(n, 0)
			if err != nil {
				return nil, err
			}
			e, err := g.scalar(n, 1)
			if err != nil {
				return nil, err
			}
			outLen, op.exponent, op.in = a, e, n.Inputs[:1]
		case "Gemm":
			l, err := length(n, 0)
			if err != nil {
				return nil, err
			}
			if err := gemm(g, n, l, &op); err != nil {
				return nil, err
			}
			outLen, op.in = op.rows, n.Inputs[:1]
		default:
			return nil, fmt.Errorf("%w: wake word model has a %s node; openWakeWord's classifiers have Flatten, Gemm, layer norms, Relu and Sigmoid", ErrModel, n.Op)
		}
		size[op.out] = outLen
		cm.prog = append(cm.prog, op)
	}
	if size[cm.output] != 1 {
		return nil, fmt.Errorf("%w: wake word model output %q has %d values, want 1 score", ErrModel, cm.output, size[cm.output])
	}
	return cm, nil
}

func gemm(g *onnxGraph, n onnxNode, inLen int, op *vecOp) error {
	w, err := g.init(n, 1)
	if err != nil {
		return err
	}
	if len(w.Dims) != 2 {
		return fmt.Errorf("%w: Gemm %q weight %v", ErrModel, n.Name, w.Dims)
	}
	if n.Attrs["transA"].I != 0 {
		return fmt.Errorf("%w: Gemm %q with transA", ErrModel, n.Name)
	}
	alpha, beta := float32(1), float32(1)
	if a, ok := n.Attrs["alpha"]; ok {
		alpha = a.F
	}
	if b, ok := n.Attrs["beta"]; ok {
		beta = b.F
	}
	rows, cols := w.Dims[0], w.Dims[1]
	op.w = make([]float32, len(w.Data))
	if n.Attrs["transB"].I != 0 {
		for i, v := range w.Data {
			op.w[i] = alpha * v
		}
	} else {
		rows, cols = cols, rows
		for r := 0; r < rows; r++ {
			for c := 0; c < cols; c++ {
				op.w[r*cols+c] = alpha * w.Data[c*rows+r]
			}
		}
	}
	if cols != inLen {
		return fmt.Errorf("%w: Gemm %q takes %d values, gets %d", ErrModel, n.Name, cols, inLen)
	}
	op.rows = rows
	if len(n.Inputs) > 2 && n.Inputs[2] != "" {
		b, err := g.init(n, 2)
		if err != nil {
			return err
		}
		if b.size() != rows && b.size() != 1 {
			return fmt.Errorf("%w: Gemm %q bias of %d for %d outputs", ErrModel, n.Name, b.size(), rows)
		}
		op.bias = make([]float32, rows)
		for i := range op.bias {
			op.bias[i] = beta * b.Data[i%b.size()]
		}
	}
	return nil
}

// classState is one stream's working memory for the classifier: the named
// vectors and one output buffer per node, allocated on the first step and
// reused (a score every 80 ms allocates nothing).
type classState struct {
	vals map[string][]float32
	bufs [][]float32
}

func (cm *classModel) newState() *classState {
	st := &classState{vals: make(map[string][]float32, len(cm.consts)+len(cm.prog)+1), bufs: make([][]float32, len(cm.prog))}
	for k, v := range cm.consts {
		st.vals[k] = v
	}
	return st
}

// score runs the model on the window × features values of x. Every node
// writes its own buffer, so no value of the previous step is read.
func (cm *classModel) score(x []float32, st *classState) float32 {
	vals := st.vals
	vals[cm.input] = x
	for i, op := range cm.prog {
		a := vals[op.in[0]]
		var b []float32
		if len(op.in) > 1 && op.op != "Pow" {
			b = vals[op.in[1]]
		}
		n := len(a)
		switch op.op {
		case "Gemm":
			n = op.rows
		case "ReduceMean":
			n = 1
		case "Add", "Sub", "Mul", "Div":
			n = max(len(a), len(b))
		}
		if op.op == "Flatten" || op.op == "Reshape" {
			vals[op.out] = a
			continue
		}
		if cap(st.bufs[i]) < n {
			st.bufs[i] = make([]float32, n)
		}
		out := st.bufs[i][:n]
		switch op.op {
		case "Gemm":
			matVec(out, op.w, a, op.bias)
		case "Relu":
			for i, v := range a {
				out[i] = max(v, 0)
			}
		case "Sigmoid":
			for i, v := range a {
				out[i] = float32(1 / (1 + math.Exp(-float64(v))))
			}
		case "Sqrt":
			for i, v := range a {
				out[i] = float32(math.Sqrt(float64(v)))
			}
		case "Pow":
			for i, v := range a {
				if op.exponent == 2 {
					out[i] = v * v
				} else {
					out[i] = float32(math.Pow(float64(v), float64(op.exponent)))
				}
			}
		case "ReduceMean":
			var s float32
			for _, v := range a {
				s += v
			}
			out[0] = s / float32(len(a))
		default: // Add, Sub, Mul, Div
			for i := range out {
				x, y := a[i%len(a)], b[i%len(b)]
				switch op.op {
				case "Add":
					out[i] = x + y
				case "Sub":
					out[i] = x - y
				case "Mul":
					out[i] = x * y
				case "Div":
					out[i] = x / y
				}
			}
		}
		vals[op.out] = out
	}
	return vals[cm.output][0]
}
