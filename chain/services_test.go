package chain_test

import (
	"errors"
	"math/big"
	"strings"
	"testing"

	"github.com/mycroft-network/mycroft/chain"
)

func TestCanonicalServices(t *testing.T) {
	got, err := chain.CanonicalServices(chain.Prices{"weather": big.NewInt(250), "stt": big.NewInt(1000), "knowledge": new(big.Int)})
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"knowledge":"0","stt":"1000","weather":"250"}`; got != want {
		t.Errorf("CanonicalServices = %s, want %s", got, want)
	}
	bad := []struct {
		name string
		p    chain.Prices
	}{
		{"upper case", chain.Prices{"STT": big.NewInt(1)}},
		{"empty name", chain.Prices{"": big.NewInt(1)}},
		{"long name", chain.Prices{strings.Repeat("a", 33): big.NewInt(1)}},
		{"negative price", chain.Prices{"stt": big.NewInt(-1)}},
		{"nil price", chain.Prices{"stt": nil}},
		{"price over 256 bits", chain.Prices{"stt": new(big.Int).Lsh(big.NewInt(1), 256)}},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := chain.CanonicalServices(tc.p); !errors.Is(err, chain.ErrBadService) {
				t.Errorf("CanonicalServices(%v): %v, want ErrBadService", tc.p, err)
			}
		})
	}
}

func TestParseCanonicalServices(t *testing.T) {
	cases := []struct {
		in string
		ok bool
	}{
		{`{"stt":"1000","weather":"250"}`, true},
		{`{}`, true},
		{`{"weather":"250","stt":"1000"}`, false}, // not sorted
		{`{"stt": "1000"}`, false},                // whitespace
		{`{"stt":1000}`, false},                   // number, not string
		{`{"stt":"01000"}`, false},                // leading zero
		{`{"stt":"-1"}`, false},
		{`{"Stt":"1"}`, false},
		{`[]`, false},
		{``, false},
	}
	for _, tc := range cases {
		p, err := chain.ParseCanonicalServices(tc.in)
		if tc.ok != (err == nil) {
			t.Errorf("ParseCanonicalServices(%q) = %v, %v; want ok=%v", tc.in, p, err, tc.ok)
		}
	}
}

func FuzzParseCanonicalServices(f *testing.F) {
	f.Add(`{"stt":"1000","weather":"250"}`)
	f.Add(`{}`)
	f.Add(`{"a":"0"}`)
	f.Fuzz(func(t *testing.T, s string) {
		p, err := chain.ParseCanonicalServices(s)
		if err != nil {
			return
		}
		c, err := chain.CanonicalServices(p)
		if err != nil || c != s {
			t.Fatalf("parsed %q but canonical form is %q (%v)", s, c, err)
		}
	})
}
