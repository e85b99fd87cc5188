package wakeword

import (
	"fmt"
)

// embedModel is embedding_model.onnx: a stack of 2-D convolutions over
// (time, mel) with leaky ReLU and a floor after each, and max pools; it
// turns 76 mel frames into 96 floats. It runs streaming: one embedding per
// 80 ms step, its window 8 frames after the previous one, and since every
// convolution is unpadded in time and every pool's stride divides the
// shift that reaches it, each layer's output is the previous step's moved
// up by that shift plus a few new rows. Only those rows are computed
// (embedState.step); the result equals the whole-window computation.
type embedModel struct {
	frames, mels int // input window: 76 × 32
	layers       []layer
	out          int // channels of the output (96)
}

// layer is a convolution (with its activation) or a max pool, over
// activations stored row by row (time), each row (width+2) cells of
// channels floats: a zero cell each side serves the padded convolutions.
type layer struct {
	pool bool
	// convolution
	co, ci, kh, kw, padW int
	w                    []float32 // co × kh × (kw·ci): a row's patch is contiguous
	bias                 []float32 // nil: none
	act                  bool      // leaky ReLU with alpha, then max(·, floor)
	alpha, floor         float32
	// pool
	ph, pw int
	// shape of the output
	rows, width, ch int
}

func (l *layer) rowLen() int { return (l.width + 2) * l.ch }

func newEmbedModel(m *onnxModel) (*embedModel, error) {
	g := &m.Graph
	if len(g.Inputs) != 1 || len(g.Inputs[0].Dims) != 4 || g.Inputs[0].Dims[3] != 1 {
		return nil, fmt.Errorf("%w: embedding input %v, want [N, frames, mels, 1]", ErrModel, g.Inputs)
	}
	em := &embedModel{frames: int(g.Inputs[0].Dims[1]), mels: int(g.Inputs[0].Dims[2])}
	if em.frames <= 0 || em.frames > 1024 || em.mels <= 0 || em.mels > 256 {
		return nil, fmt.Errorf("%w: embedding window %d × %d", ErrModel, em.frames, em.mels)
	}
	rows, width, ch := em.frames, em.mels, 1
	nodes := g.Nodes
	if len(nodes) < 2 || nodes[0].Op != "Reshape" || nodes[len(nodes)-1].Op != "Reshape" {
		return nil, fmt.Errorf("%w: not openWakeWord's embedding graph", ErrModel)
	}
	if s, err := g.init(nodes[0], 1); err != nil || len(s.Data) != 4 || s.Data[1] != 1 ||
		int(s.Data[2]) != em.frames || int(s.Data[3]) != em.mels {
		return nil, fmt.Errorf("%w: embedding input reshape (%v)", ErrModel, err)
	}
	for _, n := range nodes[1 : len(nodes)-1] {
		var last *layer
		if len(em.layers) > 0 {
			last = &em.layers[len(em.layers)-1]
		}
		switch n.Op {
		case "Conv":
			l, err := convLayer(g, n, rows, width, ch)
			if err != nil {
				return nil, err
			}
			em.layers = append(em.layers, l)
			rows, width, ch = l.rows, l.width, l.ch
		case "LeakyRelu":
			if last == nil || last.pool || last.act {
				return nil, fmt.Errorf("%w: LeakyRelu %q not after a convolution", ErrModel, n.Name)
			}
			last.act, last.alpha, last.floor = true, n.Attrs["alpha"].F, -1e30
		case "Max":
			f, err := g.scalar(n, 1)
			if err != nil || last == nil || !last.act {
				return nil, fmt.Errorf("%w: Max %q not after a LeakyRelu (%v)", ErrModel, n.Name, err)
			}
			last.floor = f
		case "MaxPool":
			k, s := n.Attrs["kernel_shape"].Ints, n.Attrs["strides"].Ints
			if len(k) != 2 || len(s) != 2 || k[0] != s[0] || k[1] != s[1] || k[0] < 1 || k[1] < 1 {
				return nil, fmt.Errorf("%w: MaxPool %q kernel %v strides %v", ErrModel, n.Name, k, s)
			}
			for _, p := range n.Attrs["pads"].Ints {
				if p != 0 {
					return nil, fmt.Errorf("%w: MaxPool %q is padded", ErrModel, n.Name)
				}
			}
			l := layer{pool: true, ph: int(k[0]), pw: int(k[1]), rows: rows / int(k[0]), width: width / int(k[1]), ch: ch}
			if l.rows < 1 || l.width < 1 {
				return nil, fmt.Errorf("%w: MaxPool %q on %d × %d", ErrModel, n.Name, rows, width)
			}
			em.layers = append(em.layers, l)
			rows, width = l.rows, l.width
		default:
			return nil, fmt.Errorf("%w: embedding graph has a %s node; openWakeWord's has Conv, LeakyRelu, Max and MaxPool", ErrModel, n.Op)
		}
	}
	if rows != 1 || width != 1 || len(em.layers) == 0 {
		return nil, fmt.Errorf("%w: embedding output is %d × %d × %d, want 1 × 1 × C", ErrModel, rows, width, ch)
	}
	em.out = ch
	return em, nil
}

func convLayer(g *onnxGraph, n onnxNode, rows, width, ch int) (layer, error) {
	w, err := g.init(n, 1)
	if err != nil {
		return layer{}, err
	}
	if len(w.Dims) != 4 || w.Dims[1] != ch {
		return layer{}, fmt.Errorf("%w: Conv %q weight %v on %d channels", ErrModel, n.Name, w.Dims, ch)
	}
	for _, a := range []string{"strides", "dilations"} {
		for _, v := range n.Attrs[a].Ints {
			if v != 1 {
				return layer{}, fmt.Errorf("%w: Conv %q %s %v", ErrModel, n.Name, a, n.Attrs[a].Ints)
			}
		}
	}
	if gr, ok := n.Attrs["group"]; ok && gr.I != 1 {
		return layer{}, fmt.Errorf("%w: Conv %q group %d", ErrModel, n.Name, gr.I)
	}
	if ap := n.Attrs["auto_pad"].S; ap != "" && ap != "NOTSET" {
		return layer{}, fmt.Errorf("%w: Conv %q auto_pad %s", ErrModel, n.Name, ap)
	}
	l := layer{co: w.Dims[0], ci: ch, kh: w.Dims[2], kw: w.Dims[3]}
	if p := n.Attrs["pads"].Ints; len(p) != 0 {
		// [h_begin, w_begin, h_end, w_end]: time unpadded, width the same each side.
		if len(p) != 4 || p[0] != 0 || p[2] != 0 || p[1] != p[3] || p[1] > 1 {
			return layer{}, fmt.Errorf("%w: Conv %q pads %v", ErrModel, n.Name, p)
		}
		l.padW = int(p[1])
	}
	l.rows, l.width, l.ch = rows-l.kh+1, width+2*l.padW-l.kw+1, l.co
	if l.rows < 1 || l.width < 1 || l.kw > 3 {
		return layer{}, fmt.Errorf("%w: Conv %q kernel %d × %d on %d × %d", ErrModel, n.Name, l.kh, l.kw, rows, width)
	}
	// ONNX order co, ci, kh, kw → ours co, kh, kw, ci.
	l.w = make([]float32, len(w.Data))
	for o := 0; o < l.co; o++ {
		for i := 0; i < l.ci; i++ {
			for y := 0; y < l.kh; y++ {
				for x := 0; x < l.kw; x++ {
					l.w[((o*l.kh+y)*l.kw+x)*l.ci+i] = w.Data[((o*l.ci+i)*l.kh+y)*l.kw+x]
				}
			}
		}
	}
	if len(n.Inputs) > 2 {
		b, err := g.init(n, 2)
		if err != nil {
			return layer{}, err
		}
		if b.size() != l.co {
			return layer{}, fmt.Errorf("%w: Conv %q bias of %d for %d channels", ErrModel, n.Name, b.size(), l.co)
		}
		l.bias = b.Data
	}
	return l, nil
}

// embedState holds every layer's activations for the current window.
type embedState struct {
	m    *embedModel
	in   []float32   // the mel window, frames rows of (mels+2) cells of 1
	acts [][]float32 // per layer, rows × rowLen
	full bool        // the next step computes everything
}

func (em *embedModel) newState() *embedState {
	s := &embedState{m: em, in: make([]float32, em.frames*(em.mels+2)), full: true}
	for i := range em.layers {
		s.acts = append(s.acts, make([]float32, em.layers[i].rows*em.layers[i].rowLen()))
	}
	return s
}

// step moves the window by len(rows)/mels frames (rows: the new mel frames,
// row-major) and returns the embedding of the window (valid until the next
// step). A shift of the whole window or more recomputes everything.
func (s *embedState) step(rows []float32) []float32 {
	em := s.m
	n := len(rows) / em.mels
	inLen := em.mels + 2
	if n >= em.frames {
		s.full = true
		rows = rows[(n-em.frames)*em.mels:]
		n = em.frames
	}
	copy(s.in, s.in[n*inLen:])
	for r := 0; r < n; r++ {
		dst := s.in[(em.frames-n+r)*inLen:][:inLen]
		dst[0], dst[inLen-1] = 0, 0
		copy(dst[1:], rows[r*em.mels:(r+1)*em.mels])
	}
	if s.full {
		n = em.frames
		s.full = false
	}
	prev, prevRows := s.in, em.frames
	for i := range em.layers {
		l := &em.layers[i]
		out := s.acts[i]
		var fresh int
		switch {
		case l.pool && (n%l.ph != 0 || prevRows%l.ph != 0):
			fresh = l.rows
		case l.pool:
			fresh = min(n/l.ph, l.rows)
		default:
			fresh = min(n, l.rows)
		}
		rl := l.rowLen()
		copy(out, out[fresh*rl:])
		for r := l.rows - fresh; r < l.rows; r++ {
			if l.pool {
				l.poolRow(out[r*rl:(r+1)*rl], prev, r, em.layerIn(i))
			} else {
				l.convRow(out[r*rl:(r+1)*rl], prev, r, em.layerIn(i))
			}
		}
		prev, prevRows, n = out, l.rows, fresh
	}
	last := &em.layers[len(em.layers)-1]
	return s.acts[len(em.layers)-1][last.ch : 2*last.ch]
}

// layerIn is the row length of layer i's input.
func (em *embedModel) layerIn(i int) int {
	if i == 0 {
		return em.mels + 2
	}
	return em.layers[i-1].rowLen()
}

// convRow computes output row r (padded, zero edge cells) from in.
func (l *layer) convRow(out, in []float32, r, inLen int) {
	ci := l.ci
	patch := l.kw * ci
	clear(out[:l.ch])
	clear(out[(l.width+1)*l.ch:])
	for x := 0; x < l.width; x++ {
		start := (x + 1 - l.padW) * ci // padded column of the patch's first cell
		o := out[(x+1)*l.ch:][:l.co]
		c := 0
		for ; c+4 <= l.co; c += 4 {
			var a0, a1, a2, a3 float32
			for y := 0; y < l.kh; y++ {
				p := in[(r+y)*inLen+start:][:patch]
				w0 := l.w[((c+0)*l.kh+y)*patch:]
				w1 := l.w[((c+1)*l.kh+y)*patch:]
				w2 := l.w[((c+2)*l.kh+y)*patch:]
				w3 := l.w[((c+3)*l.kh+y)*patch:]
				d0, d1, d2, d3 := dot4(p, w0, w1, w2, w3)
				a0, a1, a2, a3 = a0+d0, a1+d1, a2+d2, a3+d3
			}
			o[c], o[c+1], o[c+2], o[c+3] = a0, a1, a2, a3
		}
		for ; c < l.co; c++ {
			var a float32
			for y := 0; y < l.kh; y++ {
				a += dot(in[(r+y)*inLen+start:][:patch], l.w[(c*l.kh+y)*patch:])
			}
			o[c] = a
		}
		if l.bias != nil {
			for c := range o {
				o[c] += l.bias[c]
			}
		}
		if l.act {
			for c, v := range o {
				if v < 0 {
					v *= l.alpha
				}
				o[c] = max(v, l.floor)
			}
		}
	}
}

// poolRow computes output row r of a max pool.
func (l *layer) poolRow(out, in []float32, r, inLen int) {
	ch := l.ch
	clear(out[:ch])
	clear(out[(l.width+1)*ch:])
	for x := 0; x < l.width; x++ {
		o := out[(x+1)*ch:][:ch]
		first := true
		for y := 0; y < l.ph; y++ {
			row := in[(r*l.ph+y)*inLen:]
			for dx := 0; dx < l.pw; dx++ {
				cell := row[(x*l.pw+dx+1)*ch:][:ch]
				if first {
					copy(o, cell)
					first = false
					continue
				}
				for c, v := range cell {
					o[c] = max(o[c], v)
				}
			}
		}
	}
}

// macs is the multiply-adds of one step that shifts the window by shift
// frames (the whole window when shift is 0).
func (em *embedModel) macs(shift int) int {
	total, n := 0, shift
	if n == 0 {
		n = em.frames
	}
	prevRows := em.frames
	for _, l := range em.layers {
		if l.pool {
			if n%l.ph != 0 || prevRows%l.ph != 0 {
				n = l.rows
			} else {
				n = min(n/l.ph, l.rows)
			}
		} else {
			n = min(n, l.rows)
			total += n * l.width * l.co * l.kh * l.kw * l.ci
		}
		prevRows = l.rows
	}
	return total
}
