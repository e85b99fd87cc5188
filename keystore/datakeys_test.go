package keystore

import (
	"bytes"
	"errors"
	"testing"
)

const testWords = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon art"

func testDataKeys(t testing.TB) *DataKeys {
	t.Helper()
	m, err := ParseMnemonic(testWords)
	if err != nil {
		t.Fatal(err)
	}
	d, err := NewDataKeys(m, nil)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestSealOpenRoundTrip(t *testing.T) {
	d := testDataKeys(t)
	for _, c := range Categories() {
		for _, pt := range [][]byte{nil, []byte("x"), bytes.Repeat([]byte("voice"), 1000)} {
			s, err := d.Seal(c, "rec-1", pt)
			if err != nil {
				t.Fatal(err)
			}
			if len(s) != len(pt)+SealOverhead {
				t.Errorf("len %d, want %d", len(s), len(pt)+SealOverhead)
			}
			got, err := d.Open(c, "rec-1", s)
			if err != nil || !bytes.Equal(got, pt) {
				t.Fatalf("%s: open = %q, %v", c, got, err)
			}
		}
	}
}

func TestSealIsRandomized(t *testing.T) {
	d := testDataKeys(t)
	a, _ := d.Seal(CategoryVoice, "r", []byte("same"))
	b, _ := d.Seal(CategoryVoice, "r", []byte("same"))
	if bytes.Equal(a, b) {
		t.Fatal("two seals of the same plaintext are equal")
	}
}

func TestOpenRejectsMovedAndTampered(t *testing.T) {
	d := testDataKeys(t)
	pt := []byte("what is the weather in Lisbon")
	s, err := d.Seal(CategoryQueries, "q-42", pt)
	if err != nil {
		t.Fatal(err)
	}
	moved := []struct {
		name string
		cat  Category
		id   string
	}{
		{"other id", CategoryQueries, "q-43"},
		{"other category", CategoryResults, "q-42"},
		{"id prefix", CategoryQueries, "q-4"},
	}
	for _, m := range moved {
		if _, err := d.Open(m.cat, m.id, s); !errors.Is(err, ErrOpen) {
			t.Errorf("%s: err = %v, want ErrOpen", m.name, err)
		}
	}
	// Flip every byte: never opens, never panics.
	for i := range s {
		bad := append([]byte(nil), s...)
		bad[i] ^= 0x01
		got, err := d.Open(CategoryQueries, "q-42", bad)
		if err == nil || got != nil {
			t.Fatalf("byte %d flipped: opened (%q)", i, got)
		}
	}
	// Truncate to every length.
	for n := 0; n < len(s); n++ {
		if _, err := d.Open(CategoryQueries, "q-42", s[:n]); err == nil {
			t.Fatalf("truncated to %d: opened", n)
		}
	}
	// Another mnemonic's keys cannot open it.
	other, _ := NewMnemonic(nil)
	d2, _ := NewDataKeys(other, nil)
	if _, err := d2.Open(CategoryQueries, "q-42", s); !errors.Is(err, ErrOpen) {
		t.Errorf("other keys: err = %v", err)
	}
	if _, err := d.Seal("music", "x", pt); !errors.Is(err, ErrCategory) {
		t.Errorf("unknown category: %v", err)
	}
	if _, err := d.Seal(CategoryVoice, "", pt); !errors.Is(err, ErrFormat) {
		t.Errorf("empty id: %v", err)
	}
}

func TestSameMnemonicSameKeys(t *testing.T) {
	a := testDataKeys(t)
	b := testDataKeys(t)
	s, _ := a.Seal(CategorySettings, "volume", []byte("7"))
	if got, err := b.Open(CategorySettings, "volume", s); err != nil || string(got) != "7" {
		t.Fatalf("restore from the same words: %q %v", got, err)
	}
}

func TestRotateRewrapShred(t *testing.T) {
	d := testDataKeys(t)
	old, _ := d.Seal(CategoryVoice, "v1", []byte("hello"))
	e, err := d.rotate(CategoryVoice, false)
	if err != nil || e != 1 {
		t.Fatalf("rotate = %d, %v", e, err)
	}
	nw, _ := d.Seal(CategoryVoice, "v2", []byte("world"))
	if ep, _ := RecordEpoch(nw); ep != 1 {
		t.Errorf("new record epoch %d", ep)
	}
	if got, err := d.Open(CategoryVoice, "v1", old); err != nil || string(got) != "hello" {
		t.Fatalf("old record after rotate: %v", err)
	}
	rw, err := d.Rewrap(CategoryVoice, "v1", old)
	if err != nil {
		t.Fatal(err)
	}
	if ep, _ := RecordEpoch(rw); ep != 1 {
		t.Errorf("rewrapped epoch %d", ep)
	}
	if !bytes.Equal(rw[recBody:], old[recBody:]) {
		t.Error("rewrap touched the body")
	}
	if got, err := d.Open(CategoryVoice, "v1", rw); err != nil || string(got) != "hello" {
		t.Fatalf("rewrapped: %v", err)
	}
	// Other categories unaffected.
	q, _ := d.Seal(CategoryQueries, "q", []byte("q"))
	if _, err := d.rotate(CategoryVoice, true); err != nil {
		t.Fatal(err)
	}
	for _, s := range [][]byte{old, nw, rw} {
		if _, err := d.Open(CategoryVoice, "v1", s); !errors.Is(err, ErrUnknownEpoch) {
			t.Errorf("after shred: %v, want ErrUnknownEpoch", err)
		}
	}
	if _, err := d.Open(CategoryQueries, "q", q); err != nil {
		t.Errorf("other category after shred: %v", err)
	}
	fresh, _ := d.Seal(CategoryVoice, "v3", []byte("again"))
	if got, err := d.Open(CategoryVoice, "v3", fresh); err != nil || string(got) != "again" {
		t.Errorf("after shred new data: %v", err)
	}
}

func TestRecordKeyAndOpenWithKey(t *testing.T) {
	d := testDataKeys(t)
	s, _ := d.Seal(CategoryResults, "r1", []byte("sunny"))
	k, err := d.RecordKey(CategoryResults, "r1", s)
	if err != nil {
		t.Fatal(err)
	}
	got, err := OpenWithKey(k, CategoryResults, "r1", s)
	if err != nil || string(got) != "sunny" {
		t.Fatalf("OpenWithKey: %q %v", got, err)
	}
	if _, err := OpenWithKey(k, CategoryResults, "r2", s); !errors.Is(err, ErrOpen) {
		t.Errorf("moved: %v", err)
	}
}

func TestWipeLocksDataKeys(t *testing.T) {
	d := testDataKeys(t)
	s, _ := d.Seal(CategoryVoice, "a", []byte("b"))
	d.Wipe()
	if _, err := d.Open(CategoryVoice, "a", s); !errors.Is(err, ErrLocked) {
		t.Errorf("after wipe: %v", err)
	}
	if d.root != [32]byte{} {
		t.Error("root not zeroed")
	}
}

func BenchmarkSeal1KiB(b *testing.B) { benchSeal(b, 1<<10) }
func BenchmarkSeal1MiB(b *testing.B) { benchSeal(b, 1<<20) }
func BenchmarkOpen1KiB(b *testing.B) { benchOpen(b, 1<<10) }
func BenchmarkOpen1MiB(b *testing.B) { benchOpen(b, 1<<20) }

func benchSeal(b *testing.B, n int) {
	d := testDataKeys(b)
	pt := make([]byte, n)
	b.SetBytes(int64(n))
	for b.Loop() {
		if _, err := d.Seal(CategoryVoice, "bench", pt); err != nil {
			b.Fatal(err)
		}
	}
}

func benchOpen(b *testing.B, n int) {
	d := testDataKeys(b)
	s, _ := d.Seal(CategoryVoice, "bench", make([]byte, n))
	b.SetBytes(int64(n))
	for b.Loop() {
		if _, err := d.Open(CategoryVoice, "bench", s); err != nil {
			b.Fatal(err)
		}
	}
}
