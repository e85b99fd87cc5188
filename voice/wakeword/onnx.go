package wakeword

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"os"

	"google.golang.org/protobuf/encoding/protowire"
)

// The ONNX reader: just enough of onnx.proto (ModelProto, GraphProto,
// NodeProto, AttributeProto, TensorProto, ValueInfoProto) to read the
// openWakeWord graphs: their nodes in order, their float32 initializers
// and constants, and the names and shapes of inputs and outputs. Field
// numbers are onnx.proto's.

// maxModelBytes bounds a model file (openWakeWord's are 0.2–1.8 MB).
const maxModelBytes = 64 << 20

// ErrModel is wrapped by every error about a model file's contents.
var ErrModel = errors.New("wakeword: bad model")

type onnxModel struct {
	IRVersion int64
	Opset     int64 // the default ("" or "ai.onnx") domain's version
	Producer  string
	Graph     onnxGraph
}

type onnxGraph struct {
	Nodes   []onnxNode
	Inits   map[string]*tensor // initializers and Constant nodes' values
	Inputs  []valueInfo        // graph inputs that are not initializers
	Outputs []valueInfo
}

type onnxNode struct {
	Op      string
	Name    string
	Domain  string
	Inputs  []string
	Outputs []string
	Attrs   map[string]attr
}

type attr struct {
	F      float32
	I      int64
	S      string
	T      *tensor
	Floats []float32
	Ints   []int64
}

type valueInfo struct {
	Name string
	Dims []int64 // -1 for a symbolic dimension
}

// tensor is a dense float32 array in row-major order.
type tensor struct {
	Dims []int
	Data []float32
}

func (t *tensor) size() int { return len(t.Data) }

// readModel parses the ONNX file at path.
func readModel(path string) (*onnxModel, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if fi.Size() > maxModelBytes {
		return nil, fmt.Errorf("%w: %s is %d bytes, more than %d", ErrModel, path, fi.Size(), maxModelBytes)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	m, err := parseModel(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

// parseModel parses a serialized ModelProto.
func parseModel(b []byte) (*onnxModel, error) {
	m := &onnxModel{Opset: -1}
	var graph []byte
	err := fields(b, func(num protowire.Number, typ protowire.Type, v []byte, x uint64) error {
		switch {
		case num == 1 && typ == protowire.VarintType:
			m.IRVersion = int64(x)
		case num == 2 && typ == protowire.BytesType:
			m.Producer = string(v)
		case num == 7 && typ == protowire.BytesType:
			graph = v
		case num == 8 && typ == protowire.BytesType:
			var domain string
			var version int64
			if err := fields(v, func(n protowire.Number, t protowire.Type, v []byte, x uint64) error {
				switch {
				case n == 1 && t == protowire.BytesType:
					domain = string(v)
				case n == 2 && t == protowire.VarintType:
					version = int64(x)
				}
				return nil
			}); err != nil {
				return err
			}
			if domain == "" || domain == "ai.onnx" {
				m.Opset = version
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if graph == nil {
		return nil, fmt.Errorf("%w: no graph", ErrModel)
	}
	if m.Opset < 0 {
		return nil, fmt.Errorf("%w: no ai.onnx opset import", ErrModel)
	}
	g, err := parseGraph(graph)
	if err != nil {
		return nil, err
	}
	m.Graph = *g
	return m, nil
}

func parseGraph(b []byte) (*onnxGraph, error) {
	g := &onnxGraph{Inits: map[string]*tensor{}}
	var inputs []valueInfo
	err := fields(b, func(num protowire.Number, typ protowire.Type, v []byte, _ uint64) error {
		if typ != protowire.BytesType {
			return nil
		}
		switch num {
		case 1:
			n, err := parseNode(v)
			if err != nil {
				return err
			}
			if n.Op == "Constant" {
				a, ok := n.Attrs["value"]
				if !ok || a.T == nil || len(n.Outputs) != 1 {
					return fmt.Errorf("%w: Constant %q without a tensor value", ErrModel, n.Name)
				}
				g.Inits[n.Outputs[0]] = a.T
				return nil
			}
			g.Nodes = append(g.Nodes, *n)
		case 5:
			name, t, err := parseTensor(v)
			if err != nil {
				return err
			}
			g.Inits[name] = t
		case 11, 12:
			vi, err := parseValueInfo(v)
			if err != nil {
				return err
			}
			if num == 11 {
				inputs = append(inputs, vi)
			} else {
				g.Outputs = append(g.Outputs, vi)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, in := range inputs {
		if _, init := g.Inits[in.Name]; !init {
			g.Inputs = append(g.Inputs, in)
		}
	}
	return g, nil
}

func parseNode(b []byte) (*onnxNode, error) {
	n := &onnxNode{Attrs: map[string]attr{}}
	err := fields(b, func(num protowire.Number, typ protowire.Type, v []byte, _ uint64) error {
		if typ != protowire.BytesType {
			return nil
		}
		switch num {
		case 1:
			n.Inputs = append(n.Inputs, string(v))
		case 2:
			n.Outputs = append(n.Outputs, string(v))
		case 3:
			n.Name = string(v)
		case 4:
			n.Op = string(v)
		case 5:
			name, a, err := parseAttr(v)
			if err != nil {
				return err
			}
			n.Attrs[name] = a
		case 7:
			n.Domain = string(v)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if n.Op == "" {
		return nil, fmt.Errorf("%w: node %q has no op_type", ErrModel, n.Name)
	}
	if n.Domain != "" && n.Domain != "ai.onnx" {
		return nil, fmt.Errorf("%w: node %q (%s) is in domain %q", ErrModel, n.Name, n.Op, n.Domain)
	}
	return n, nil
}

func parseAttr(b []byte) (string, attr, error) {
	var name string
	var a attr
	err := fields(b, func(num protowire.Number, typ protowire.Type, v []byte, x uint64) error {
		switch {
		case num == 1 && typ == protowire.BytesType:
			name = string(v)
		case num == 2 && typ == protowire.Fixed32Type:
			a.F = math.Float32frombits(uint32(x))
		case num == 3 && typ == protowire.VarintType:
			a.I = int64(x)
		case num == 4 && typ == protowire.BytesType:
			a.S = string(v)
		case num == 5 && typ == protowire.BytesType:
			_, t, err := parseTensor(v)
			if err != nil {
				return err
			}
			a.T = t
		case num == 7 && typ == protowire.Fixed32Type:
			a.Floats = append(a.Floats, math.Float32frombits(uint32(x)))
		case num == 7 && typ == protowire.BytesType:
			if len(v)%4 != 0 {
				return fmt.Errorf("%w: attribute floats of %d bytes", ErrModel, len(v))
			}
			for i := 0; i < len(v); i += 4 {
				a.Floats = append(a.Floats, math.Float32frombits(binary.LittleEndian.Uint32(v[i:])))
			}
		case num == 8 && typ == protowire.VarintType:
			a.Ints = append(a.Ints, int64(x))
		case num == 8 && typ == protowire.BytesType:
			ints, err := packedVarints(v)
			if err != nil {
				return err
			}
			a.Ints = append(a.Ints, ints...)
		}
		return nil
	})
	return name, a, err
}

// ONNX TensorProto data types we read.
const (
	onnxFloat = 1
	onnxInt64 = 7
)

// maxTensorElems bounds one tensor (the largest openWakeWord weight has
// 131,584 elements).
const maxTensorElems = 16 << 20

// parseTensor reads a float32 or int64 tensor; int64 values (shapes, axes)
// are converted to float32, which holds them exactly in the ranges ONNX
// graphs use for them.
func parseTensor(b []byte) (string, *tensor, error) {
	var name string
	var dims []int64
	var dtype int64 = -1
	var raw []byte
	var floats []float32
	var ints []int64
	err := fields(b, func(num protowire.Number, typ protowire.Type, v []byte, x uint64) error {
		switch {
		case num == 1 && typ == protowire.VarintType:
			dims = append(dims, int64(x))
		case num == 1 && typ == protowire.BytesType:
			d, err := packedVarints(v)
			if err != nil {
				return err
			}
			dims = append(dims, d...)
		case num == 2 && typ == protowire.VarintType:
			dtype = int64(x)
		case num == 4 && typ == protowire.Fixed32Type:
			floats = append(floats, math.Float32frombits(uint32(x)))
		case num == 4 && typ == protowire.BytesType:
			if len(v)%4 != 0 {
				return fmt.Errorf("%w: float_data of %d bytes", ErrModel, len(v))
			}
			for i := 0; i < len(v); i += 4 {
				floats = append(floats, math.Float32frombits(binary.LittleEndian.Uint32(v[i:])))
			}
		case num == 7 && typ == protowire.VarintType:
			ints = append(ints, int64(x))
		case num == 7 && typ == protowire.BytesType:
			d, err := packedVarints(v)
			if err != nil {
				return err
			}
			ints = append(ints, d...)
		case num == 8 && typ == protowire.BytesType:
			name = string(v)
		case num == 9 && typ == protowire.BytesType:
			raw = v
		case num == 14 && typ == protowire.VarintType && x != 0:
			return fmt.Errorf("%w: tensor with external data", ErrModel)
		}
		return nil
	})
	if err != nil {
		return "", nil, err
	}
	n := 1
	t := &tensor{Dims: make([]int, len(dims))}
	for i, d := range dims {
		if d < 0 || d > maxTensorElems {
			return "", nil, fmt.Errorf("%w: tensor %q has dimension %d", ErrModel, name, d)
		}
		t.Dims[i] = int(d)
		n *= int(d)
		if n > maxTensorElems {
			return "", nil, fmt.Errorf("%w: tensor %q has more than %d elements", ErrModel, name, maxTensorElems)
		}
	}
	switch dtype {
	case onnxFloat:
		switch {
		case raw != nil:
			if len(raw) != 4*n {
				return "", nil, fmt.Errorf("%w: tensor %q: %d raw bytes for %d floats", ErrModel, name, len(raw), n)
			}
			t.Data = make([]float32, n)
			for i := range t.Data {
				t.Data[i] = math.Float32frombits(binary.LittleEndian.Uint32(raw[4*i:]))
			}
		default:
			t.Data = floats
		}
	case onnxInt64:
		switch {
		case raw != nil:
			if len(raw) != 8*n {
				return "", nil, fmt.Errorf("%w: tensor %q: %d raw bytes for %d int64s", ErrModel, name, len(raw), n)
			}
			for i := 0; i < n; i++ {
				ints = append(ints, int64(binary.LittleEndian.Uint64(raw[8*i:])))
			}
		}
		t.Data = make([]float32, len(ints))
		for i, v := range ints {
			t.Data[i] = float32(v)
		}
	default:
		return "", nil, fmt.Errorf("%w: tensor %q has data type %d (only float32 and int64 are read)", ErrModel, name, dtype)
	}
	if len(t.Data) != n {
		return "", nil, fmt.Errorf("%w: tensor %q: %d values for shape %v", ErrModel, name, len(t.Data), t.Dims)
	}
	return name, t, nil
}

func parseValueInfo(b []byte) (valueInfo, error) {
	var vi valueInfo
	err := fields(b, func(num protowire.Number, typ protowire.Type, v []byte, _ uint64) error {
		if typ != protowire.BytesType {
			return nil
		}
		switch num {
		case 1:
			vi.Name = string(v)
		case 2:
			dims, err := shapeOf(v)
			if err != nil {
				return err
			}
			vi.Dims = dims
		}
		return nil
	})
	return vi, err
}

// shapeOf reads TypeProto.tensor_type(1).shape(2).dim(1).dim_value(1).
func shapeOf(typeProto []byte) ([]int64, error) {
	var dims []int64
	sub := func(b []byte, want protowire.Number, f func([]byte) error) error {
		return fields(b, func(n protowire.Number, t protowire.Type, v []byte, _ uint64) error {
			if n == want && t == protowire.BytesType {
				return f(v)
			}
			return nil
		})
	}
	err := sub(typeProto, 1, func(tensorType []byte) error {
		return sub(tensorType, 2, func(shape []byte) error {
			return sub(shape, 1, func(dim []byte) error {
				d := int64(-1)
				err := fields(dim, func(n protowire.Number, t protowire.Type, _ []byte, x uint64) error {
					if n == 1 && t == protowire.VarintType {
						d = int64(x)
					}
					return nil
				})
				dims = append(dims, d)
				return err
			})
		})
	})
	return dims, err
}

// fields calls f for each field of the message b: v holds a bytes field's
// contents, x a varint or fixed value. Groups are refused.
func fields(b []byte, f func(num protowire.Number, typ protowire.Type, v []byte, x uint64) error) error {
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			return fmt.Errorf("%w: %v", ErrModel, protowire.ParseError(n))
		}
		b = b[n:]
		var v []byte
		var x uint64
		switch typ {
		case protowire.VarintType:
			x, n = protowire.ConsumeVarint(b)
		case protowire.Fixed32Type:
			var u uint32
			u, n = protowire.ConsumeFixed32(b)
			x = uint64(u)
		case protowire.Fixed64Type:
			x, n = protowire.ConsumeFixed64(b)
		case protowire.BytesType:
			v, n = protowire.ConsumeBytes(b)
		default:
			return fmt.Errorf("%w: field %d has wire type %d", ErrModel, num, typ)
		}
		if n < 0 {
			return fmt.Errorf("%w: field %d: %v", ErrModel, num, protowire.ParseError(n))
		}
		b = b[n:]
		if err := f(num, typ, v, x); err != nil {
			return err
		}
	}
	return nil
}

func packedVarints(b []byte) ([]int64, error) {
	var out []int64
	for len(b) > 0 {
		x, n := protowire.ConsumeVarint(b)
		if n < 0 {
			return nil, fmt.Errorf("%w: packed varint: %v", ErrModel, protowire.ParseError(n))
		}
		out = append(out, int64(x))
		b = b[n:]
	}
	return out, nil
}

// init returns the initializer (or constant) that is node n's input i.
func (g *onnxGraph) init(n onnxNode, i int) (*tensor, error) {
	if i >= len(n.Inputs) {
		return nil, fmt.Errorf("%w: %s node %q has no input %d", ErrModel, n.Op, n.Name, i)
	}
	t, ok := g.Inits[n.Inputs[i]]
	if !ok {
		return nil, fmt.Errorf("%w: %s node %q: input %q is not a constant", ErrModel, n.Op, n.Name, n.Inputs[i])
	}
	return t, nil
}

// scalar returns node n's input i, a constant with one value.
func (g *onnxGraph) scalar(n onnxNode, i int) (float32, error) {
	t, err := g.init(n, i)
	if err != nil {
		return 0, err
	}
	if t.size() != 1 {
		return 0, fmt.Errorf("%w: %s node %q: input %q has %d values, want 1", ErrModel, n.Op, n.Name, n.Inputs[i], t.size())
	}
	return t.Data[0], nil
}
