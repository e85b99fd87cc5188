package jsgf

import (
	"errors"
	"strings"
	"testing"
)

// intentGrammar is what voice/intent writes (abridged).
const intentGrammar = `#JSGF V1.0;
grammar mycroft;

public <command> = what time is it
    | ( how much money do i have | what is my balance )
    | vote <vote> on proposal <number>
    | [ please ] tell me about <topic>;
<number> = ( zero | one | two | three )+;
<topic> = ( paris | don't stop );
<vote> = ( yes | no | abstain );
`

func TestCanonical(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
	}{
		{"intent grammar", intentGrammar, "#JSGF V1.0;\ngrammar mycroft;\n" +
			"public <command> = what time is it | ( how much money do i have | what is my balance ) | vote <vote> on proposal <number> | [ please ] tell me about <topic>;\n" +
			"<number> = ( zero | one | two | three )+;\n<topic> = ( paris | don't stop );\n<vote> = ( yes | no | abstain );\n"},
		{"comments and charset dropped", "#JSGF V1.0 UTF-8 en;\n// hi\ngrammar g; /* x */ public <a> = b c*;",
			"#JSGF V1.0;\ngrammar g;\npublic <a> = b c*;\n"},
		{"null", "#JSGF V1.0; grammar g; public <a> = <NULL> | x;", "#JSGF V1.0;\ngrammar g;\npublic <a> = <NULL> | x;\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Canonical(tc.in)
			if err != nil || got != tc.want {
				t.Fatalf("Canonical(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
			}
			again, err := Canonical(got)
			if err != nil || again != got {
				t.Fatalf("Canonical of the canonical form = %q, %v; want it unchanged", again, err)
			}
		})
	}
}

func TestCanonicalRefuses(t *testing.T) {
	for _, tc := range []struct {
		name, in, why string
	}{
		{"no header", "grammar g; public <a> = b;", "header"},
		{"header later", "grammar g; #JSGF V1.0; public <a> = b;", "header"},
		{"other version", "#JSGF V2.0; grammar g; public <a> = b;", "header"},
		{"import", "#JSGF V1.0; grammar g; import <x.*>; public <a> = b;", "bad rule name"},
		{"import of a rule", "#JSGF V1.0; grammar g; import <x.y>; public <a> = b;", "rule definition"},
		{"tag", "#JSGF V1.0; grammar g; public <a> = b {tag};", "not allowed"},
		{"weight", "#JSGF V1.0; grammar g; public <a> = /2/ b | c;", "not allowed"},
		{"quoted token", "#JSGF V1.0; grammar g; public <a> = \"b c\";", "not allowed"},
		{"non-ascii", "#JSGF V1.0; grammar g; public <a> = café;", "not allowed"},
		{"nul byte", "#JSGF V1.0; grammar g; public <a> = b\x00;", "not allowed"},
		{"keyword as word", "#JSGF V1.0; grammar g; public <a> = the public;", "not a word"},
		{"undefined rule", "#JSGF V1.0; grammar g; public <a> = <b>;", "not defined"},
		{"defined twice", "#JSGF V1.0; grammar g; public <a> = b; <a> = c;", "twice"},
		{"recursive", "#JSGF V1.0; grammar g; public <a> = b <c>; <c> = d <a>;", "recursive"},
		{"self", "#JSGF V1.0; grammar g; public <a> = b <a>;", "recursive"},
		{"keyword as name", "#JSGF V1.0; grammar public; public <a> = b;", "name"},
		{"no public rule", "#JSGF V1.0; grammar g; <a> = b;", "no public"},
		{"empty alternative", "#JSGF V1.0; grammar g; public <a> = b | ;", "empty"},
		{"empty group", "#JSGF V1.0; grammar g; public <a> = ( );", "empty"},
		{"unclosed group", "#JSGF V1.0; grammar g; public <a> = ( b ;", "want"},
		{"unterminated comment", "#JSGF V1.0; grammar g; /* public <a> = b;", "comment"},
		{"deep nesting", "#JSGF V1.0; grammar g; public <a> = " + strings.Repeat("(", 40) + "b" + strings.Repeat(")", 40) + ";", "nested"},
		{"empty loop", "#JSGF V1.0; grammar g; public <a> = [ b ]+;", "match nothing"},
		{"null loop", "#JSGF V1.0; grammar g; public <a> = c <n>*; <n> = <NULL>;", "match nothing"},
		{"redefine NULL", "#JSGF V1.0; grammar g; public <NULL> = b;", "predefined"},
		{"too big", "#JSGF V1.0; grammar g; public <a> = " + strings.Repeat("b ", MaxSize) + ";", "bytes"},
		{"long word", "#JSGF V1.0; grammar g; public <a> = " + strings.Repeat("b", MaxToken+1) + ";", "not a word"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Canonical(tc.in)
			if !errors.Is(err, ErrGrammar) || !strings.Contains(err.Error(), tc.why) {
				t.Fatalf("Canonical(%q) = %q, %v; want ErrGrammar saying %q", clip(tc.in), got, err, tc.why)
			}
		})
	}
}

// allowed is the alphabet of a canonical grammar.
func allowed(c byte) bool {
	return isWordByte(c) || strings.IndexByte(".#<>()[]|*+=; \n", c) >= 0
}

// FuzzCanonical: any text is refused with ErrGrammar or comes back in the
// canonical alphabet, parseable, and unchanged by a second pass.
func FuzzCanonical(f *testing.F) {
	f.Add(intentGrammar)
	f.Add("#JSGF V1.0;\ngrammar t;\npublic <c> = what time is it | how much money do i have;\n")
	f.Add("#JSGF V1.0 UTF-8 en; grammar g; /* c */ public <a> = [ b ]* | <NULL>; // x\n")
	f.Add("#JSGF V1.0; grammar g; public <a> = ( b | <c> )+; <c> = d;")
	f.Add("#JSGF V1.0; grammar g; public <a> = b {tag} /1.0/ \"q\";")
	f.Fuzz(func(t *testing.T, in string) {
		got, err := Canonical(in)
		if err != nil {
			if !errors.Is(err, ErrGrammar) {
				t.Fatalf("Canonical(%q): error %v does not wrap ErrGrammar", in, err)
			}
			return
		}
		for i := 0; i < len(got); i++ {
			if !allowed(got[i]) {
				t.Fatalf("Canonical(%q) = %q: byte %q outside the alphabet", in, got, got[i])
			}
		}
		again, err := Canonical(got)
		if err != nil || again != got {
			t.Fatalf("Canonical(%q) = %q, but again = %q, %v", in, got, again, err)
		}
	})
}
