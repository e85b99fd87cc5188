package wakeword

import (
	"encoding/binary"
	"errors"
	"math"
	"testing"

	"google.golang.org/protobuf/encoding/protowire"
)

// tinyClassifier builds a classifier graph by hand: Flatten → Gemm (2 → 1)
// → Sigmoid, input [1, 2, 1].
func tinyClassifier() []byte {
	msg := func(fields ...[]byte) []byte {
		var b []byte
		for _, f := range fields {
			b = append(b, f...)
		}
		return b
	}
	bytesField := func(n protowire.Number, v []byte) []byte {
		b := protowire.AppendTag(nil, n, protowire.BytesType)
		return protowire.AppendBytes(b, v)
	}
	str := func(n protowire.Number, s string) []byte { return bytesField(n, []byte(s)) }
	varint := func(n protowire.Number, v uint64) []byte {
		return protowire.AppendVarint(protowire.AppendTag(nil, n, protowire.VarintType), v)
	}
	floats := func(name string, dims []uint64, v ...float32) []byte {
		raw := make([]byte, 4*len(v))
		for i, f := range v {
			binary.LittleEndian.PutUint32(raw[4*i:], math.Float32bits(f))
		}
		var d []byte
		for _, x := range dims {
			d = append(d, varint(1, x)...)
		}
		return bytesField(5, msg(d, varint(2, onnxFloat), str(8, name), bytesField(9, raw)))
	}
	dim := func(v uint64) []byte { return bytesField(1, varint(1, v)) }
	valueInfo := func(n protowire.Number, name string, dims ...uint64) []byte {
		var ds []byte
		for _, d := range dims {
			ds = append(ds, dim(d)...)
		}
		shape := bytesField(2, ds)
		tensorType := bytesField(1, msg(varint(1, onnxFloat), shape))
		return bytesField(n, msg(str(1, name), bytesField(2, tensorType)))
	}
	node := func(op string, in []string, out string, attrs ...[]byte) []byte {
		var b []byte
		for _, i := range in {
			b = append(b, str(1, i)...)
		}
		b = append(b, str(2, out)...)
		b = append(b, str(4, op)...)
		for _, a := range attrs {
			b = append(b, bytesField(5, a)...)
		}
		return bytesField(1, b)
	}
	transB := msg(str(1, "transB"), varint(3, 1))
	graph := msg(
		node("Flatten", []string{"x"}, "f"),
		node("Gemm", []string{"f", "w", "b"}, "g", transB),
		node("Sigmoid", []string{"g"}, "y"),
		floats("w", []uint64{1, 2}, 1, -1),
		floats("b", []uint64{1}, 0.5),
		valueInfo(11, "x", 1, 2, 1),
		valueInfo(12, "y", 1, 1),
	)
	opset := bytesField(8, msg(str(1, ""), varint(2, 13)))
	return msg(varint(1, 7), str(2, "test"), bytesField(7, graph), opset)
}

func TestTinyClassifier(t *testing.T) {
	m, err := parseModel(tinyClassifier())
	if err != nil {
		t.Fatal(err)
	}
	cm, err := newClassModel(m)
	if err != nil {
		t.Fatal(err)
	}
	if cm.window != 2 || cm.features != 1 {
		t.Fatalf("window %d × %d, want 2 × 1", cm.window, cm.features)
	}
	got := cm.score([]float32{3, 1}, cm.newState())
	want := float32(1 / (1 + math.Exp(-(3 - 1 + 0.5))))
	if math.Abs(float64(got-want)) > 1e-6 {
		t.Fatalf("score %v, want %v", got, want)
	}
	// Not a feature model.
	if _, err := newMelModel(m); !errors.Is(err, ErrModel) {
		t.Errorf("as mel model: %v", err)
	}
	if _, err := newEmbedModel(m); !errors.Is(err, ErrModel) {
		t.Errorf("as embedding model: %v", err)
	}
}

func TestBadModels(t *testing.T) {
	good := tinyClassifier()
	for name, b := range map[string][]byte{
		"empty":     nil,
		"truncated": good[:len(good)/2],
		"garbage":   []byte("this is not a protobuf at all"),
		"group":     protowire.AppendTag(nil, 7, protowire.StartGroupType),
	} {
		if _, err := parseModel(b); !errors.Is(err, ErrModel) {
			t.Errorf("%s: %v, want ErrModel", name, err)
		}
	}
}

// FuzzModel: model files come from the owner's disk (any openWakeWord
// model can be chosen): no input may panic or allocate without bound.
func FuzzModel(f *testing.F) {
	f.Add(tinyClassifier())
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := parseModel(b)
		if err != nil {
			if !errors.Is(err, ErrModel) {
				t.Fatalf("error %v does not wrap ErrModel", err)
			}
			return
		}
		if cm, err := newClassModel(m); err == nil {
			cm.score(make([]float32, cm.window*cm.features), cm.newState())
		}
		if mm, err := newMelModel(m); err == nil {
			x := make([]float32, StepSamples+contextLen)
			nf := mm.frames(len(x))
			mm.run(x, make([]float32, nf*mm.mels), make([]float32, mm.bins))
		}
		if em, err := newEmbedModel(m); err == nil {
			em.newState().step(make([]float32, em.frames*em.mels))
		}
	})
}
