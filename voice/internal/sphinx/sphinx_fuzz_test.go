package sphinx

import (
	"context"
	"encoding/base64"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/mycroft-network/mycroft/internal/jsgf"
)

func TestHypothesis(t *testing.T) {
	for _, tc := range []struct {
		name, out, want string
	}{
		{"one segment", "what time is it\n", "what time is it"},
		{"two segments", "what time\nis it\n", "what time is it"},
		{"control bytes", "what\x00time\x1bis\tit\r\n", "what time is it"},
		{"invalid utf8", "how \xff much\n", "how \ufffd much"},
		{"nothing", "\n\n", ""},
		{"too long", strings.Repeat("la ", maxHypothesis), strings.TrimSpace(strings.Repeat("la ", maxHypothesis/3))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := hypothesis([]byte(tc.out)); got != tc.want {
				t.Fatalf("hypothesis(%.60q) = %.60q, want %.60q", tc.out, got, tc.want)
			}
		})
	}
}

// FuzzHypothesis: any output of pocketsphinx gives one line of printable
// words separated by single spaces, within maxHypothesis bytes.
func FuzzHypothesis(f *testing.F) {
	f.Add([]byte("how much money do i have\n"))
	f.Add([]byte("what time\nis it\n"))
	f.Add([]byte("\xff\x00 \u2028 a"))
	f.Fuzz(func(t *testing.T, out []byte) {
		got := hypothesis(out)
		if !utf8.ValidString(got) || len(got) > maxHypothesis || strings.Contains(got, "  ") || strings.TrimSpace(got) != got {
			t.Fatalf("hypothesis(%q) = %q", out, got)
		}
		for _, r := range got {
			if unicode.IsControl(r) || (unicode.IsSpace(r) && r != ' ') {
				t.Fatalf("hypothesis(%q) = %q: holds %U", out, got, r)
			}
		}
	})
}

// The server refuses, before pocketsphinx runs, a grammar its C parser
// should not see; Recognize does too.
func TestServerRefusesBadGrammar(t *testing.T) {
	srv := httptest.NewServer(&Server{})
	defer srv.Close()
	for _, tc := range []struct {
		name, grammar string
	}{
		{"tag", "#JSGF V1.0;\ngrammar t;\npublic <c> = yes {x} | no;\n"},
		{"recursive", "#JSGF V1.0;\ngrammar t;\npublic <c> = yes <c>;\n"},
		{"not JSGF", "yes | no"},
		{"quote", "#JSGF V1.0;\ngrammar t;\npublic <c> = \"yes\";\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequest(http.MethodPost, srv.URL, strings.NewReader("\x00\x00"))
			req.Header.Set("X-Grammar", base64.StdEncoding.EncodeToString([]byte(tc.grammar)))
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusBadRequest {
				t.Fatalf("grammar %q: status %d, want 400", tc.grammar, resp.StatusCode)
			}
			if _, err := Recognize(context.Background(), tc.grammar, []byte{0, 0}); !errors.Is(err, jsgf.ErrGrammar) {
				t.Fatalf("Recognize(grammar %q) = %v, want jsgf.ErrGrammar", tc.grammar, err)
			}
		})
	}
}
