package jsgf

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// ErrGrammar is wrapped by every error about a grammar Canonical refuses.
var ErrGrammar = errors.New("jsgf: grammar refused")

// Limits of an accepted grammar.
const (
	MaxSize  = 64 << 10 // bytes of input
	MaxDepth = 32       // nested groups
	MaxRules = 256
	MaxToken = 64 // bytes of one word or name
)

// reserved are the words the JSGF lexer reads as keywords wherever they
// stand, so a rule cannot use them as words.
var reserved = map[string]bool{"public": true, "grammar": true, "import": true}

// IsWord reports whether w can be a word of an accepted grammar: 1 to
// MaxToken bytes of a-z, A-Z, 0-9, apostrophe, underscore or hyphen, and
// not a JSGF keyword.
func IsWord(w string) bool {
	if w == "" || len(w) > MaxToken || reserved[strings.ToLower(w)] {
		return false
	}
	for i := 0; i < len(w); i++ {
		if !isWordByte(w[i]) {
			return false
		}
	}
	return true
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '\'' || c == '_' || c == '-'
}

func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
}

// Grammar is a parsed grammar.
type Grammar struct {
	Name  string
	Rules []Rule // in the order of the text
}

// Rule is one rule definition.
type Rule struct {
	Public bool
	Name   string
	Body   Alt
}

// Alt is a list of alternatives (at least one).
type Alt []Seq

// Seq is a sequence of items (at least one).
type Seq []Item

// Item is a word, a rule reference, or a group: Group set for "( ... )",
// Optional for "[ ... ]". Repeat is "", "*" or "+".
type Item struct {
	Word     string
	Ref      string
	Group    Alt
	Optional bool
	Repeat   string
}

// Canonical parses text, checks it, and returns it in canonical form:
//
//	#JSGF V1.0;
//	grammar NAME;
//	public <rule> = word ( a | b )+ [ c ] <other>;
//	<other> = ...;
//
// Comments are dropped; the header's charset and locale are dropped. The
// result holds only a-z A-Z 0-9 ' _ - . # < > ( ) [ ] | * + = ; space and
// newline, and Canonical of it is itself.
func Canonical(text string) (string, error) {
	g, err := Parse(text)
	if err != nil {
		return "", err
	}
	return g.String(), nil
}

// Parse parses and checks text (see Canonical).
func Parse(text string) (*Grammar, error) {
	if len(text) > MaxSize {
		return nil, fmt.Errorf("%w: %d bytes (at most %d)", ErrGrammar, len(text), MaxSize)
	}
	toks, err := lex(text)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks}
	g, err := p.grammar()
	if err != nil {
		return nil, err
	}
	if err := g.check(); err != nil {
		return nil, err
	}
	return g, nil
}

// token kinds: a word, a rule reference "<name>", or one punctuation byte.
type token struct {
	kind byte // 'w' word, 'r' reference, 'h' header, or the byte itself
	text string
	pos  int
}

func lex(s string) ([]token, error) {
	var out []token
	bad := func(i int, why string) error {
		return fmt.Errorf("%w: at byte %d: %s", ErrGrammar, i, why)
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n':
			i++
		case strings.HasPrefix(s[i:], "//"):
			end := strings.IndexByte(s[i:], '\n')
			if end < 0 {
				end = len(s) - i
			}
			i += end
		case strings.HasPrefix(s[i:], "/*"):
			end := strings.Index(s[i+2:], "*/")
			if end < 0 {
				return nil, bad(i, "unterminated comment")
			}
			i += end + 4
		case strings.HasPrefix(s[i:], "#JSGF"):
			if len(out) > 0 {
				return nil, bad(i, "header not at the start")
			}
			end := strings.IndexByte(s[i:], ';')
			if end < 0 {
				return nil, bad(i, "header without ';'")
			}
			fields := strings.Fields(s[i+5 : i+end])
			if len(fields) == 0 || fields[0] != "V1.0" || len(fields) > 3 {
				return nil, bad(i, "header is not #JSGF V1.0 [charset [locale]];")
			}
			for _, f := range fields[1:] {
				for j := 0; j < len(f); j++ {
					if !isNameByte(f[j]) && f[j] != '-' {
						return nil, bad(i, "bad charset or locale in the header")
					}
				}
			}
			out = append(out, token{kind: 'h', pos: i})
			i += end + 1
		case c == '<':
			end := strings.IndexByte(s[i:], '>')
			if end < 0 {
				return nil, bad(i, "'<' without '>'")
			}
			name := s[i+1 : i+end]
			if !isName(name) {
				return nil, bad(i, fmt.Sprintf("bad rule name %q", clip(name)))
			}
			out = append(out, token{kind: 'r', text: name, pos: i})
			i += end + 1
		case strings.IndexByte("=;|()[]*+", c) >= 0:
			out = append(out, token{kind: c, pos: i})
			i++
		case isWordByte(c) || c == '.':
			j := i
			for j < len(s) && (isWordByte(s[j]) || s[j] == '.') {
				j++
			}
			out = append(out, token{kind: 'w', text: s[i:j], pos: i})
			i = j
		default:
			return nil, bad(i, fmt.Sprintf("%q is not allowed (words are a-z, 0-9, ' _ -)", clip(s[i:i+1])))
		}
		if len(out) > MaxSize/2 {
			return nil, bad(i, "too many tokens")
		}
	}
	return out, nil
}

func isName(s string) bool {
	if s == "" || len(s) > MaxToken {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isNameByte(s[i]) {
			return false
		}
	}
	return true
}

func clip(s string) string {
	if len(s) > 32 {
		return s[:32] + "..."
	}
	return s
}

type parser struct {
	toks  []token
	i     int
	depth int
}

func (p *parser) peek() byte {
	if p.i >= len(p.toks) {
		return 0
	}
	return p.toks[p.i].kind
}

func (p *parser) errf(format string, a ...any) error {
	pos := -1
	if p.i < len(p.toks) {
		pos = p.toks[p.i].pos
	}
	if pos < 0 {
		return fmt.Errorf("%w: at the end: %s", ErrGrammar, fmt.Sprintf(format, a...))
	}
	return fmt.Errorf("%w: at byte %d: %s", ErrGrammar, pos, fmt.Sprintf(format, a...))
}

func (p *parser) expect(kind byte) error {
	if p.peek() != kind {
		return p.errf("want %q", string(kind))
	}
	p.i++
	return nil
}

func (p *parser) grammar() (*Grammar, error) {
	if err := p.expect('h'); err != nil {
		return nil, fmt.Errorf("%w: no #JSGF V1.0 header", ErrGrammar)
	}
	if p.peek() != 'w' || p.toks[p.i].text != "grammar" {
		return nil, p.errf("want grammar NAME;")
	}
	p.i++
	if p.peek() != 'w' || !isName(p.toks[p.i].text) || reserved[strings.ToLower(p.toks[p.i].text)] {
		return nil, p.errf("want the grammar's name")
	}
	g := &Grammar{Name: p.toks[p.i].text}
	p.i++
	if err := p.expect(';'); err != nil {
		return nil, err
	}
	for p.peek() != 0 {
		var r Rule
		if p.peek() == 'w' && p.toks[p.i].text == "public" {
			r.Public = true
			p.i++
		}
		if p.peek() != 'r' {
			return nil, p.errf("want a rule definition <name> = ...;")
		}
		r.Name = p.toks[p.i].text
		p.i++
		if err := p.expect('='); err != nil {
			return nil, err
		}
		body, err := p.alt()
		if err != nil {
			return nil, err
		}
		if err := p.expect(';'); err != nil {
			return nil, err
		}
		r.Body = body
		g.Rules = append(g.Rules, r)
		if len(g.Rules) > MaxRules {
			return nil, p.errf("more than %d rules", MaxRules)
		}
	}
	return g, nil
}

func (p *parser) alt() (Alt, error) {
	var a Alt
	for {
		s, err := p.seq()
		if err != nil {
			return nil, err
		}
		a = append(a, s)
		if p.peek() != '|' {
			return a, nil
		}
		p.i++
	}
}

func (p *parser) seq() (Seq, error) {
	var s Seq
	for {
		var it Item
		switch k := p.peek(); k {
		case 'w':
			w := p.toks[p.i].text
			if !IsWord(w) {
				return nil, p.errf("%q is not a word (a-z, 0-9, ' _ -, not a keyword)", clip(w))
			}
			it.Word = w
			p.i++
		case 'r':
			it.Ref = p.toks[p.i].text
			p.i++
		case '(', '[':
			if p.depth++; p.depth > MaxDepth {
				return nil, p.errf("groups nested deeper than %d", MaxDepth)
			}
			p.i++
			g, err := p.alt()
			if err != nil {
				return nil, err
			}
			closer := byte(')')
			if k == '[' {
				closer, it.Optional = ']', true
			}
			if err := p.expect(closer); err != nil {
				return nil, err
			}
			p.depth--
			it.Group = g
		default:
			if len(s) == 0 {
				return nil, p.errf("empty expansion")
			}
			return s, nil
		}
		if k := p.peek(); k == '*' || k == '+' {
			it.Repeat = string(k)
			p.i++
			if k2 := p.peek(); k2 == '*' || k2 == '+' {
				return nil, p.errf("repeated repetition")
			}
		}
		s = append(s, it)
	}
}

// check: rules defined once, references defined, no recursion, a public
// rule.
func (g *Grammar) check() error {
	defs := map[string]*Rule{}
	public := false
	for i := range g.Rules {
		r := &g.Rules[i]
		if r.Name == "NULL" || r.Name == "VOID" {
			return fmt.Errorf("%w: <%s> is predefined", ErrGrammar, r.Name)
		}
		if defs[r.Name] != nil {
			return fmt.Errorf("%w: <%s> defined twice", ErrGrammar, r.Name)
		}
		defs[r.Name] = r
		public = public || r.Public
	}
	if !public {
		return fmt.Errorf("%w: no public rule", ErrGrammar)
	}
	// Depth-first search for undefined references and cycles.
	const (
		unseen = iota
		active
		done
	)
	state := map[string]int{}
	var visit func(name string) error
	visit = func(name string) error {
		switch state[name] {
		case active:
			return fmt.Errorf("%w: <%s> is recursive", ErrGrammar, name)
		case done:
			return nil
		}
		state[name] = active
		var err error
		walk(defs[name].Body, func(ref string) {
			if err != nil || ref == "NULL" || ref == "VOID" {
				return
			}
			if defs[ref] == nil {
				err = fmt.Errorf("%w: <%s> uses <%s>, which is not defined", ErrGrammar, name, ref)
				return
			}
			err = visit(ref)
		})
		state[name] = done
		return err
	}
	names := make([]string, 0, len(defs))
	for n := range defs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if err := visit(n); err != nil {
			return err
		}
	}
	// A repeated part that can match nothing is a loop of empty
	// transitions in the recogniser's graph: refused.
	nullable := map[string]bool{}
	var seqNull func(s Seq) bool
	altNull := func(a Alt) bool {
		for _, s := range a {
			if seqNull(s) {
				return true
			}
		}
		return false
	}
	itemNull := func(it Item) bool {
		switch {
		case it.Word != "":
			return false
		case it.Ref == "NULL":
			return true
		case it.Ref == "VOID":
			return false
		case it.Ref != "":
			v, ok := nullable[it.Ref]
			if !ok {
				v = altNull(defs[it.Ref].Body)
				nullable[it.Ref] = v
			}
			return v
		}
		return it.Optional || it.Repeat == "*" || altNull(it.Group)
	}
	seqNull = func(s Seq) bool {
		for _, it := range s {
			if !itemNull(it) {
				return false
			}
		}
		return true
	}
	var bad error
	var repeats func(a Alt)
	repeats = func(a Alt) {
		for _, s := range a {
			for _, it := range s {
				if bad != nil {
					return
				}
				inner := it
				inner.Repeat = ""
				if it.Repeat != "" && itemNull(inner) {
					bad = fmt.Errorf("%w: a part repeated with %s can match nothing", ErrGrammar, it.Repeat)
					return
				}
				if it.Group != nil {
					repeats(it.Group)
				}
			}
		}
	}
	for _, r := range g.Rules {
		repeats(r.Body)
	}
	return bad
}

func walk(a Alt, ref func(string)) {
	for _, s := range a {
		for _, it := range s {
			switch {
			case it.Ref != "":
				ref(it.Ref)
			case it.Group != nil:
				walk(it.Group, ref)
			}
		}
	}
}

// String writes g in canonical form (see Canonical).
func (g *Grammar) String() string {
	var b strings.Builder
	b.WriteString("#JSGF V1.0;\ngrammar " + g.Name + ";\n")
	for _, r := range g.Rules {
		if r.Public {
			b.WriteString("public ")
		}
		b.WriteString("<" + r.Name + "> = ")
		writeAlt(&b, r.Body)
		b.WriteString(";\n")
	}
	return b.String()
}

func writeAlt(b *strings.Builder, a Alt) {
	for i, s := range a {
		if i > 0 {
			b.WriteString(" | ")
		}
		for j, it := range s {
			if j > 0 {
				b.WriteByte(' ')
			}
			switch {
			case it.Word != "":
				b.WriteString(it.Word)
			case it.Ref != "":
				b.WriteString("<" + it.Ref + ">")
			case it.Optional:
				b.WriteString("[ ")
				writeAlt(b, it.Group)
				b.WriteString(" ]")
			default:
				b.WriteString("( ")
				writeAlt(b, it.Group)
				b.WriteString(" )")
			}
			b.WriteString(it.Repeat)
		}
	}
}
