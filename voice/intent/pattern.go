package intent

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// ErrPattern is wrapped by errors about a malformed phrase pattern.
var ErrPattern = errors.New("intent: bad pattern")

type nodeKind int

const (
	nWord nodeKind = iota
	nSlot
	nSeq
	nOpt
	nAlt
)

type node struct {
	kind nodeKind
	text string // word or slot name
	kids []*node
}

type parser struct {
	s   string
	pos int
}

func (p *parser) peek() byte {
	p.skipSpace()
	if p.pos >= len(p.s) {
		return 0
	}
	return p.s[p.pos]
}

func (p *parser) skipSpace() {
	for p.pos < len(p.s) && p.s[p.pos] == ' ' {
		p.pos++
	}
}

// parsePattern parses the pattern language into a sequence node.
func parsePattern(s string) (*node, error) {
	p := &parser{s: strings.ToLower(strings.TrimSpace(s))}
	n, err := p.alt()
	if err != nil {
		return nil, fmt.Errorf("%w %q: %v", ErrPattern, s, err)
	}
	if p.pos < len(p.s) {
		return nil, fmt.Errorf("%w %q: unexpected %q at %d", ErrPattern, s, p.s[p.pos], p.pos)
	}
	if len(n.kids) == 0 {
		return nil, fmt.Errorf("%w %q: empty", ErrPattern, s)
	}
	return n, nil
}

// alt := seq ('|' seq)*
func (p *parser) alt() (*node, error) {
	first, err := p.seq()
	if err != nil {
		return nil, err
	}
	if p.peek() != '|' {
		return first, nil
	}
	if len(first.kids) == 0 {
		return nil, errors.New("empty alternative")
	}
	a := &node{kind: nAlt, kids: []*node{first}}
	for p.peek() == '|' {
		p.pos++
		s, err := p.seq()
		if err != nil {
			return nil, err
		}
		if len(s.kids) == 0 {
			return nil, errors.New("empty alternative")
		}
		a.kids = append(a.kids, s)
	}
	return &node{kind: nSeq, kids: []*node{a}}, nil
}

func (p *parser) seq() (*node, error) {
	s := &node{kind: nSeq}
	for {
		switch c := p.peek(); {
		case c == 0 || c == '|' || c == ')' || c == ']':
			return s, nil
		case c == '[' || c == '(':
			p.pos++
			inner, err := p.alt()
			if err != nil {
				return nil, err
			}
			closer := byte(']')
			if c == '(' {
				closer = ')'
			}
			if p.peek() != closer {
				return nil, fmt.Errorf("missing %q", closer)
			}
			p.pos++
			if len(inner.kids) == 0 {
				return nil, errors.New("empty group")
			}
			if c == '[' {
				s.kids = append(s.kids, &node{kind: nOpt, kids: []*node{inner}})
			} else {
				s.kids = append(s.kids, inner)
			}
		case c == '{':
			end := strings.IndexByte(p.s[p.pos:], '}')
			if end < 0 {
				return nil, errors.New("missing '}'")
			}
			name := p.s[p.pos+1 : p.pos+end]
			if !isWord(name) || !grammarSafe(name) || name == grammarRule {
				return nil, fmt.Errorf("bad slot name %q", name)
			}
			s.kids = append(s.kids, &node{kind: nSlot, text: name})
			p.pos += end + 1
		default:
			start := p.pos
			for p.pos < len(p.s) && isWordByte(p.s[p.pos]) {
				p.pos++
			}
			if p.pos == start {
				return nil, fmt.Errorf("unexpected %q at %d", c, p.pos)
			}
			if !grammarSafe(p.s[start:p.pos]) {
				return nil, fmt.Errorf("%q cannot be a word of the grammar", p.s[start:p.pos])
			}
			s.kids = append(s.kids, &node{kind: nWord, text: p.s[start:p.pos]})
		}
	}
}

// grammarRule is the name of the grammar's public rule, which a slot may
// not take.
const grammarRule = "command"

// maxGrammarWord is the longest word the speech-to-text grammar takes
// (bytes; internal/jsgf.MaxToken).
const maxGrammarWord = 64

// grammarSafe reports whether w (already isWord) can stand in the JSGF
// grammar: not a JSGF keyword, not too long.
func grammarSafe(w string) bool {
	switch w {
	case "public", "grammar", "import":
		return false
	}
	return len(w) <= maxGrammarWord
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '\'' || c == '_'
}

func isWord(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isWordByte(s[i]) {
			return false
		}
	}
	return true
}

// slots lists the slot names used in n.
func (n *node) slots(out map[string]bool) {
	if n.kind == nSlot {
		out[n.text] = true
	}
	for _, k := range n.kids {
		k.slots(out)
	}
}

// regex writes n as a regular expression over normalised text in which
// every word is followed by one space.
func (n *node) regex(b *strings.Builder, types map[string]string) {
	switch n.kind {
	case nWord:
		b.WriteString(regexp.QuoteMeta(n.text) + " ")
	case nSlot:
		expr, ok := types[n.text]
		if !ok {
			expr = `(?:\S+ )+?` // free text
		}
		fmt.Fprintf(b, "(?P<%s>%s)", n.text, expr)
	case nSeq:
		for _, k := range n.kids {
			k.regex(b, types)
		}
	case nOpt:
		b.WriteString("(?:")
		n.kids[0].regex(b, types)
		b.WriteString(")?")
	case nAlt:
		b.WriteString("(?:")
		for i, k := range n.kids {
			if i > 0 {
				b.WriteByte('|')
			}
			k.regex(b, types)
		}
		b.WriteString(")")
	}
}

// jsgf writes n as a JSGF expansion; slots become rule references.
func (n *node) jsgf(b *strings.Builder) {
	switch n.kind {
	case nWord:
		b.WriteString(n.text)
	case nSlot:
		b.WriteString("<" + n.text + ">")
	case nSeq:
		for i, k := range n.kids {
			if i > 0 {
				b.WriteByte(' ')
			}
			k.jsgf(b)
		}
	case nOpt:
		b.WriteString("[ ")
		n.kids[0].jsgf(b)
		b.WriteString(" ]")
	case nAlt:
		b.WriteString("( ")
		for i, k := range n.kids {
			if i > 0 {
				b.WriteString(" | ")
			}
			k.jsgf(b)
		}
		b.WriteString(" )")
	}
}

// allWords reports whether known takes every fixed word of n.
func (n *node) allWords(known func(string) bool) bool {
	if n.kind == nWord {
		return known(n.text)
	}
	for _, k := range n.kids {
		if !k.allWords(known) {
			return false
		}
	}
	return true
}

// literals counts the fixed words a match of n needs at least.
func (n *node) literals() int {
	switch n.kind {
	case nWord:
		return 1
	case nSeq:
		c := 0
		for _, k := range n.kids {
			c += k.literals()
		}
		return c
	case nAlt:
		m := -1
		for _, k := range n.kids {
			if l := k.literals(); m < 0 || l < m {
				m = l
			}
		}
		return max(m, 0)
	}
	return 0
}
