package web

import (
	"context"
	"crypto/rand"
	"errors"
	"testing"
	"time"
)

type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func TestPairing(t *testing.T) {
	clk := &clock{time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)}
	a := newAuth(clk.now, rand.Reader, time.Hour, 5*time.Minute)
	visitor, err := a.newSession(true, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.pair(visitor, "123456"); !errors.Is(err, ErrNoCode) {
		t.Fatalf("pair with no code in force = %v, want ErrNoCode", err)
	}
	code, exp, err := a.newCode()
	if err != nil || len(code) != 6 || !exp.Equal(clk.t.Add(5*time.Minute)) {
		t.Fatalf("newCode = %q %v %v", code, exp, err)
	}
	if again, _, _ := a.newCode(); again != code {
		t.Errorf("a second ask while the code lives gave %q, want the same %q", again, code)
	}
	wrong := "000000"
	if code == wrong {
		wrong = "111111"
	}
	if _, err := a.pair(visitor, wrong); !errors.Is(err, ErrWrongCode) {
		t.Fatalf("wrong code = %v", err)
	}
	s, err := a.pair(visitor, code)
	if err != nil || !s.paired || !s.lan || s.id == visitor.id || s.csrf == visitor.csrf {
		t.Fatalf("pair = %+v, %v; want a new paired LAN session", s, err)
	}
	if a.lookup(visitor.id, true) != nil {
		t.Error("the pre-pairing session still opens the page")
	}
	if a.lookup(s.id, false) != nil {
		t.Error("a LAN session works on the loopback listener")
	}
	if a.lookup(s.id, true) != s {
		t.Error("the paired session is not found")
	}
	if _, err := a.pair(nil, code); !errors.Is(err, ErrNoCode) {
		t.Errorf("the code used twice: %v, want ErrNoCode", err)
	}
	clk.t = clk.t.Add(time.Hour)
	if a.lookup(s.id, true) != nil {
		t.Error("the session outlived its TTL")
	}

	// Five wrong codes end the code in force.
	clk.t = clk.t.Add(time.Minute)
	code, _, _ = a.newCode()
	for range maxFailedPairs {
		if _, err := a.pair(nil, "x"); !errors.Is(err, ErrWrongCode) {
			t.Fatalf("wrong code = %v", err)
		}
	}
	if _, err := a.pair(nil, code); !errors.Is(err, ErrNoCode) {
		t.Errorf("the right code after %d wrong ones: %v, want ErrNoCode", maxFailedPairs, err)
	}
	// At most pairAttemptsPerMinute tries a minute, codes or not.
	for range pairAttemptsPerMinute {
		_, _, _ = a.newCode()
		_, _ = a.pair(nil, "x")
	}
	code, _, _ = a.newCode()
	if _, err := a.pair(nil, code); !errors.Is(err, ErrTooManyTries) {
		t.Errorf("attempt %d in a minute: %v, want ErrTooManyTries", pairAttemptsPerMinute+2, err)
	}
	clk.t = clk.t.Add(time.Minute)
	if _, err := a.pair(nil, code); err != nil {
		t.Errorf("a minute later the code in force: %v", err)
	}
	// A code expires.
	code, _, _ = a.newCode()
	clk.t = clk.t.Add(5 * time.Minute)
	if _, err := a.pair(nil, code); !errors.Is(err, ErrNoCode) {
		t.Errorf("an expired code: %v, want ErrNoCode", err)
	}
}

func TestSessionStoreBounded(t *testing.T) {
	clk := &clock{time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)}
	a := newAuth(clk.now, rand.Reader, time.Hour, 5*time.Minute)
	owner, _ := a.newSession(false, true)
	for range 3 * maxSessions {
		clk.t = clk.t.Add(time.Millisecond)
		if _, err := a.newSession(true, false); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(a.sessions); n > maxSessions {
		t.Errorf("%d sessions kept, want at most %d", n, maxSessions)
	}
	if a.lookup(owner.id, false) != owner {
		t.Error("visitors who never paired pushed out the owner's session")
	}
}

func TestCheckCSRF(t *testing.T) {
	s := &session{csrf: "abcd"}
	for _, tc := range []struct {
		name string
		s    *session
		got  string
		want bool
	}{
		{"right", s, "abcd", true},
		{"wrong", s, "abce", false},
		{"empty", s, "", false},
		{"longer", s, "abcdx", false},
		{"no session", nil, "abcd", false},
	} {
		if got := checkCSRF(tc.s, tc.got); got != tc.want {
			t.Errorf("%s: checkCSRF(%q) = %v, want %v", tc.name, tc.got, got, tc.want)
		}
	}
}

// TestPairingCodeShownOnce: asking again for the code in force shows it
// again only after showAgainAfter (a LAN visitor cannot keep the device
// talking), and a new code is shown at once.
func TestPairingCodeShownOnce(t *testing.T) {
	clk := &clock{time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)}
	var shown []string
	s, err := New(Config{PairTTL: 5 * time.Minute}, Options{API: smallAPI(), Now: clk.now,
		ShowCode: func(_ context.Context, code string, _ time.Time) { shown = append(shown, code) }})
	if err != nil {
		t.Fatal(err)
	}
	code, _, _ := s.PairingCode(context.Background())
	_, _, _ = s.PairingCode(context.Background())
	if len(shown) != 1 {
		t.Fatalf("shown %d times within %v, want once", len(shown), showAgainAfter)
	}
	clk.t = clk.t.Add(showAgainAfter)
	if again, _, _ := s.PairingCode(context.Background()); again != code || len(shown) != 2 {
		t.Fatalf("after %v: code %q shown %d times, want %q twice", showAgainAfter, again, len(shown), code)
	}
	clk.t = clk.t.Add(5 * time.Minute)
	if fresh, _, _ := s.PairingCode(context.Background()); fresh == "" || len(shown) != 3 {
		t.Fatalf("a new code was shown %d times in all, want 3", len(shown))
	}
}
