package artifacts

import (
	"bytes"
	"errors"
	"testing"
)

func TestLoadEvery(t *testing.T) {
	for _, name := range Names {
		r, err := Load(name)
		if err != nil {
			t.Fatalf("Load(%s): %v", name, err)
		}
		if err := r.Verify(r.Code); err != nil {
			t.Errorf("%s: Verify(own code) = %v, want nil", name, err)
		}
	}
	if _, err := Load("Nope"); err == nil {
		t.Error("Load(Nope) = nil error, want one")
	}
}

func TestVerify(t *testing.T) {
	r, err := Load("Channels")
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Immutables) == 0 {
		t.Fatal("Channels has immutables (token, minCloseDelay, EIP-712 cache); none loaded")
	}
	withImm := bytes.Clone(r.Code)
	im := r.Immutables[0]
	for i := im.Start; i < im.Start+im.Length; i++ {
		withImm[i] = 0xab
	}
	flipped := bytes.Clone(r.Code)
	flipped[im.Start+im.Length] ^= 1
	for _, tc := range []struct {
		name string
		code []byte
		ok   bool
	}{
		{"same", r.Code, true},
		{"immutable filled in", withImm, true},
		{"byte changed outside the immutables", flipped, false},
		{"one byte short", r.Code[:len(r.Code)-1], false},
		{"empty", nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := r.Verify(tc.code)
			if tc.ok && err != nil {
				t.Fatalf("Verify = %v, want nil", err)
			}
			if !tc.ok && !errors.Is(err, ErrCodeMismatch) {
				t.Fatalf("Verify = %v, want ErrCodeMismatch", err)
			}
		})
	}
}

func TestParseBad(t *testing.T) {
	for _, tc := range []struct{ name, doc string }{
		{"not json", `{`},
		{"no code", `{"deployedBytecode":"","immutables":[]}`},
		{"bad hex", `{"deployedBytecode":"zz","immutables":[]}`},
		{"range outside", `{"deployedBytecode":"6000","immutables":[{"start":1,"length":32}]}`},
		{"zero length", `{"deployedBytecode":"6000","immutables":[{"start":0,"length":0}]}`},
	} {
		if _, err := Parse("X", []byte(tc.doc)); err == nil {
			t.Errorf("%s: Parse(%s) = nil error, want one", tc.name, tc.doc)
		}
	}
}
