package provider

import (
	"errors"
	"math/big"
	"net/http"
	"strings"
	"testing"
)

func TestParseVoucher(t *testing.T) {
	ch := "0x" + strings.Repeat("ab", 32)
	sig := "0x" + strings.Repeat("01", 65)
	cases := []struct {
		name           string
		channel, cum   string
		sig            string
		wantErr        bool
		wantCumulative string
	}{
		{"ok", ch, "1000", sig, false, "1000"},
		{"zero", ch, "0", sig, false, "0"},
		{"max uint256", ch, "115792089237316195423570985008687907853269984665640564039457584007913129639935", sig, false, "115792089237316195423570985008687907853269984665640564039457584007913129639935"},
		{"above uint256", ch, "115792089237316195423570985008687907853269984665640564039457584007913129639936", sig, true, ""},
		{"leading zero", ch, "01", sig, true, ""},
		{"negative", ch, "-1", sig, true, ""},
		{"plus", ch, "+1", sig, true, ""},
		{"hex amount", ch, "0x10", sig, true, ""},
		{"empty amount", ch, "", sig, true, ""},
		{"short channel", ch[:64], "1", sig, true, ""},
		{"no 0x", "00" + ch[2:], "1", sig, true, ""},
		{"bad hex", "0x" + strings.Repeat("zz", 32), "1", sig, true, ""},
		{"short signature", ch, "1", sig[:130], true, ""},
		{"missing signature", ch, "1", "", true, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := http.Header{}
			if c.channel != "" {
				h.Set(HeaderChannel, c.channel)
			}
			if c.cum != "" {
				h.Set(HeaderCumulative, c.cum)
			}
			if c.sig != "" {
				h.Set(HeaderSignature, c.sig)
			}
			v, err := ParseVoucher(h)
			if (err != nil) != c.wantErr {
				t.Fatalf("ParseVoucher(%q, %q, %q) error %v, want error %v", c.channel, c.cum, c.sig, err, c.wantErr)
			}
			if err != nil {
				if !errors.Is(err, ErrBadRequest) {
					t.Errorf("error %v does not wrap ErrBadRequest", err)
				}
				return
			}
			if v.Cumulative.String() != c.wantCumulative || len(v.Signature) != 65 {
				t.Errorf("got %s, %d-byte signature", v.Cumulative, len(v.Signature))
			}
		})
	}
}

func TestDuplicateHeaderRefused(t *testing.T) {
	h := http.Header{}
	h.Set(HeaderChannel, "0x"+strings.Repeat("ab", 32))
	h.Add(HeaderCumulative, "1")
	h.Add(HeaderCumulative, "2")
	h.Set(HeaderSignature, "0x"+strings.Repeat("01", 65))
	if _, err := ParseVoucher(h); err == nil {
		t.Fatal("two cumulative headers accepted")
	}
}

func TestCodeOfIsDistinct(t *testing.T) {
	seen := map[Code]bool{}
	for _, c := range codes {
		code, status := CodeOf(c.err)
		if code != c.code || status != c.status || seen[code] {
			t.Errorf("CodeOf(%v) = %s %d (seen before: %v)", c.err, code, status, seen[code])
		}
		seen[code] = true
	}
}

func TestWorthRedeeming(t *testing.T) {
	cases := []struct {
		fee, amount int64
		want        bool
	}{
		{2, 100, true}, {3, 100, false}, {0, 1, true}, {1, 0, false}, {20, 1000, true}, {21, 1000, false},
	}
	for _, c := range cases {
		if got := WorthRedeeming(big.NewInt(c.fee), big.NewInt(c.amount), 2); got != c.want {
			t.Errorf("WorthRedeeming(fee %d, amount %d) = %v, want %v", c.fee, c.amount, got, c.want)
		}
	}
}

func FuzzParseVoucher(f *testing.F) {
	f.Add("0x"+strings.Repeat("ab", 32), "1000", "0x"+strings.Repeat("01", 65))
	f.Add("0x", "01", "0x00")
	f.Add("", "115792089237316195423570985008687907853269984665640564039457584007913129639936", "")
	f.Fuzz(func(t *testing.T, ch, cum, sig string) {
		h := http.Header{}
		h.Set(HeaderChannel, ch)
		h.Set(HeaderCumulative, cum)
		h.Set(HeaderSignature, sig)
		v, err := ParseVoucher(h)
		if err != nil {
			return
		}
		// Accepted input is canonical: it prints back the same.
		if v.Cumulative.String() != cum || !strings.EqualFold(v.Channel.Hex(), ch) {
			t.Errorf("round trip: %q → %s", cum, v.Cumulative)
		}
		if v.Cumulative.Sign() < 0 || v.Cumulative.Cmp(maxUint256) > 0 || len(v.Signature) != 65 {
			t.Errorf("accepted out-of-range voucher %+v", v)
		}
	})
}
