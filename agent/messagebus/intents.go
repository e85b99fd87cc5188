package messagebus

// The intents external skills register: Padatious samples (compiled to the
// intent package's patterns) and Adapt vocabulary and intents (keywords
// and regular expressions), matched against an utterance with a
// confidence comparable to the built-in skills' (the share of the
// utterance's words the match covers).

import (
	"context"
	"fmt"
	"maps"
	"os"
	"regexp"
	"slices"
	"strings"

	"github.com/mycroft-network/mycroft/voice/intent"
)

// Limits of what clients may register.
const (
	maxIntents     = 1000 // Padatious and Adapt intents together
	maxSamples     = 200  // samples of one Padatious intent
	maxVocabValues = 5000 // Adapt keywords and regular expressions
	maxIntentFile  = 64 << 10
)

// padatiousMin is the confidence under which a Padatious match is no match.
const padatiousMin = 0.5

type padIntent struct {
	name, skill string
	owner       uint64 // the client that registered it
	patterns    []string
}

type adaptIntent struct {
	name, skill string
	owner       uint64
	requires    [][]string // [entity type, attribute name]
	atLeastOne  [][]string // lists of entity types
	optional    [][]string
}

// registry holds the external intents (under Bus.mu).
type registry struct {
	pad    map[string]*padIntent
	adapt  map[string]*adaptIntent
	vocab  map[string]map[string]bool // entity type → normalised keywords
	regex  []*regexp.Regexp
	router *intent.Router // over pad; nil when there is none
}

func newRegistry() *registry {
	return &registry{pad: map[string]*padIntent{}, adapt: map[string]*adaptIntent{}, vocab: map[string]map[string]bool{}}
}

// extMatch is an external intent that matched.
type extMatch struct {
	name, skill string
	owner       uint64
	confidence  float64
	entities    map[string]string
}

// skillOf is the skill id of an intent name ("skill-id:Name").
func skillOf(name string) string {
	if i := strings.LastIndexByte(name, ':'); i > 0 {
		return name[:i]
	}
	return name
}

func (r *registry) count() int { return len(r.pad) + len(r.adapt) }

// registerPadatious keeps a Padatious intent: its samples (or the lines of
// file_name, a local .intent file) turned into patterns.
func (r *registry) registerPadatious(owner uint64, m Message) error {
	name := str(m.Data, "name")
	if name == "" {
		return fmt.Errorf("padatious:register_intent: no name")
	}
	samples := strs(m.Data, "samples")
	if len(samples) == 0 {
		if f := str(m.Data, "file_name"); f != "" {
			var err error
			if samples, err = readIntentFile(f); err != nil {
				return fmt.Errorf("padatious:register_intent %s: %w", name, err)
			}
		}
	}
	if len(samples) > maxSamples {
		return fmt.Errorf("padatious:register_intent %s: %d samples, at most %d", name, len(samples), maxSamples)
	}
	var pats []string
	for _, s := range samples {
		if p, ok := padatiousPattern(s); ok {
			pats = append(pats, p)
		}
	}
	if len(pats) == 0 {
		return fmt.Errorf("padatious:register_intent %s: no sample we can match", name)
	}
	if _, ok := r.pad[name]; !ok && r.count() >= maxIntents {
		return fmt.Errorf("padatious:register_intent %s: already %d intents", name, maxIntents)
	}
	skill := str(m.Data, "skill_id")
	if skill == "" {
		skill = str(m.Context, "skill_id")
	}
	if skill == "" {
		skill = skillOf(name)
	}
	r.pad[name] = &padIntent{name: name, skill: skill, owner: owner, patterns: pats}
	return r.rebuild()
}

// readIntentFile reads a Padatious .intent file of the device's own file
// system (mycroft-core's way): one sample a line, # comments.
func readIntentFile(path string) ([]string, error) {
	if !strings.HasSuffix(path, ".intent") {
		return nil, fmt.Errorf("file_name %q is not a .intent file", path)
	}
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if fi.Size() > maxIntentFile {
		return nil, fmt.Errorf("%s is %d bytes, at most %d", path, fi.Size(), maxIntentFile)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out, nil
}

// padSkill is one Padatious intent as a skill of the intent package.
type padSkill struct{ p *padIntent }

func (s padSkill) Name() string { return s.p.name }
func (s padSkill) Intents() []intent.Spec {
	return []intent.Spec{{Name: s.p.name, Patterns: s.p.patterns}}
}
func (s padSkill) Handle(context.Context, intent.Intent) (intent.Reply, error) {
	return intent.Reply{}, nil // never called: the bus dispatches matches itself
}

func (r *registry) rebuild() error {
	if len(r.pad) == 0 {
		r.router = nil
		return nil
	}
	names := slices.Sorted(maps.Keys(r.pad))
	sk := make([]intent.Skill, 0, len(names))
	for _, n := range names {
		sk = append(sk, padSkill{r.pad[n]})
	}
	rt, err := intent.NewRouter(nil, sk...)
	if err != nil {
		return err // cannot happen: every pattern compiled alone
	}
	r.router = rt
	return nil
}

// padatiousPattern turns a Padatious sample ("what's the weather in
// {city}", "(turn|switch) on [the] light", "(a|b|)" for an optional group)
// into a pattern of the intent package; ok is false for what it cannot
// express (wildcards ":0", digits "#", unbalanced brackets).
func padatiousPattern(sample string) (string, bool) {
	s := strings.ToLower(strings.TrimSpace(sample))
	if s == "" || strings.HasPrefix(s, "#") || strings.ContainsAny(s, ":#*") {
		return "", false
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '{':
			end := strings.IndexByte(s[i:], '}')
			if end < 0 {
				return "", false
			}
			name := strings.Map(func(r rune) rune {
				if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' {
					return r
				}
				return '_'
			}, s[i+1:i+end])
			if name == "" {
				return "", false
			}
			b.WriteString(" {" + name + "} ")
			i += end
		case c == '(' || c == ')' || c == '[' || c == ']' || c == '|':
			b.WriteString(" " + string(c) + " ")
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '\'' || c == '_':
			b.WriteByte(c)
		default:
			b.WriteByte(' ')
		}
	}
	p := optionalGroups(strings.Join(strings.Fields(b.String()), " "))
	if _, err := intent.NewRouter(nil, padSkill{&padIntent{name: "check", patterns: []string{p}}}); err != nil {
		return "", false
	}
	return p, true
}

// optionalGroups rewrites Padatious' optional groups, "(a | b | )", as
// "[ a | b ]".
func optionalGroups(p string) string {
	var out strings.Builder
	for i := 0; i < len(p); i++ {
		if p[i] != '(' {
			out.WriteByte(p[i])
			continue
		}
		depth, j := 0, i
		for ; j < len(p); j++ {
			if p[j] == '(' {
				depth++
			} else if p[j] == ')' {
				if depth--; depth == 0 {
					break
				}
			}
		}
		if j == len(p) {
			out.WriteString(p[i:])
			break
		}
		inner := optionalGroups(p[i+1 : j])
		var alts []string
		empty := false
		for _, a := range splitTop(inner) {
			if a = strings.TrimSpace(a); a == "" {
				empty = true
			} else {
				alts = append(alts, a)
			}
		}
		switch {
		case empty && len(alts) > 0:
			out.WriteString("[ " + strings.Join(alts, " | ") + " ]")
		default:
			out.WriteString("( " + strings.Join(alts, " | ") + " )")
		}
		i = j
	}
	return out.String()
}

// splitTop splits s at the | outside brackets.
func splitTop(s string) []string {
	var parts []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(', '[':
			depth++
		case ')', ']':
			depth--
		case '|':
			if depth == 0 {
				parts = append(parts, s[start:i])
				start = i + 1
			}
		}
	}
	return append(parts, s[start:])
}

// registerVocab keeps an Adapt keyword (entity_value/entity_type, or the
// older start/end) or regular expression.
func (r *registry) registerVocab(m Message) error {
	if rx := str(m.Data, "regex"); rx != "" {
		re, err := regexp.Compile("(?i)" + rx)
		if err != nil {
			return fmt.Errorf("register_vocab: regex: %w", err)
		}
		if len(r.regex) >= maxVocabValues {
			return fmt.Errorf("register_vocab: already %d regular expressions", maxVocabValues)
		}
		r.regex = append(r.regex, re)
		return nil
	}
	value, typ := str(m.Data, "entity_value"), str(m.Data, "entity_type")
	if value == "" && typ == "" {
		value, typ = str(m.Data, "start"), str(m.Data, "end")
	}
	value = intent.Normalize(value)
	if value == "" || typ == "" {
		return fmt.Errorf("register_vocab: need entity_value and entity_type, or regex")
	}
	n := 0
	for _, v := range r.vocab {
		n += len(v)
	}
	if n >= maxVocabValues {
		return fmt.Errorf("register_vocab: already %d keywords", maxVocabValues)
	}
	if r.vocab[typ] == nil {
		r.vocab[typ] = map[string]bool{}
	}
	r.vocab[typ][value] = true
	return nil
}

// registerAdapt keeps an Adapt intent.
func (r *registry) registerAdapt(owner uint64, m Message) error {
	name := str(m.Data, "name")
	if name == "" {
		return fmt.Errorf("register_intent: no name")
	}
	a := &adaptIntent{name: name, skill: skillOf(name), owner: owner,
		requires: pairs(m.Data, "requires"), atLeastOne: pairs(m.Data, "at_least_one"), optional: pairs(m.Data, "optional")}
	if len(a.requires) == 0 && len(a.atLeastOne) == 0 {
		return fmt.Errorf("register_intent %s: requires nothing", name)
	}
	if _, ok := r.adapt[name]; !ok && r.count() >= maxIntents {
		return fmt.Errorf("register_intent %s: already %d intents", name, maxIntents)
	}
	r.adapt[name] = a
	return nil
}

// detach removes one intent (name) or every intent of a skill (skill).
func (r *registry) detach(name, skill string) {
	skill = strings.TrimSuffix(skill, ":")
	for n, p := range r.pad {
		if n == name || skill != "" && p.skill == skill {
			delete(r.pad, n)
		}
	}
	for n, a := range r.adapt {
		if n == name || skill != "" && a.skill == skill {
			delete(r.adapt, n)
		}
	}
	_ = r.rebuild()
}

// detachOwner removes the intents of a client that went away.
func (r *registry) detachOwner(owner uint64) {
	for n, p := range r.pad {
		if p.owner == owner {
			delete(r.pad, n)
		}
	}
	for n, a := range r.adapt {
		if a.owner == owner {
			delete(r.adapt, n)
		}
	}
	_ = r.rebuild()
}

// match finds the external intent that best matches text.
func (r *registry) match(text string) (extMatch, bool) {
	var best extMatch
	found := false
	if r.router != nil {
		if in, s, ok := r.router.Match(text); ok && in.Confidence >= padatiousMin {
			p := s.(padSkill).p
			best = extMatch{name: p.name, skill: p.skill, owner: p.owner, confidence: in.Confidence, entities: in.Slots}
			found = true
		}
	}
	if len(r.adapt) == 0 {
		return best, found
	}
	norm := intent.Normalize(text)
	words := len(strings.Fields(norm))
	tags := r.tag(norm)
	for _, n := range slices.Sorted(maps.Keys(r.adapt)) {
		a := r.adapt[n]
		ents, covered, ok := a.validate(tags)
		if !ok || words == 0 {
			continue
		}
		c := min(float64(covered)/float64(words), 1)
		if !found || c > best.confidence {
			best = extMatch{name: a.name, skill: a.skill, owner: a.owner, confidence: c, entities: ents}
			found = true
		}
	}
	return best, found
}

// tag finds, per entity type, the longest keyword said (or the text of a
// regular expression's named group).
func (r *registry) tag(norm string) map[string]string {
	tags := map[string]string{}
	padded := " " + norm + " "
	for typ, values := range r.vocab {
		for v := range values {
			if strings.Contains(padded, " "+v+" ") && len(v) > len(tags[typ]) {
				tags[typ] = v
			}
		}
	}
	for _, re := range r.regex {
		m := re.FindStringSubmatch(norm)
		if m == nil {
			continue
		}
		for i, g := range re.SubexpNames() {
			if g != "" && strings.TrimSpace(m[i]) != "" && tags[g] == "" {
				tags[g] = strings.TrimSpace(m[i])
			}
		}
	}
	return tags
}

// validate checks the intent's rules against the tags: the entities (by
// attribute name) and how many words they cover.
func (a *adaptIntent) validate(tags map[string]string) (map[string]string, int, bool) {
	ents := map[string]string{}
	used := map[string]bool{}
	take := func(typ, attr string) {
		if attr == "" {
			attr = typ
		}
		ents[attr] = tags[typ]
		used[typ] = true
	}
	for _, req := range a.requires {
		if tags[req[0]] == "" {
			return nil, 0, false
		}
		take(req[0], at(req, 1))
	}
	for _, group := range a.atLeastOne {
		ok := false
		for _, typ := range group {
			if tags[typ] != "" {
				take(typ, typ)
				ok = true
			}
		}
		if !ok {
			return nil, 0, false
		}
	}
	for _, opt := range a.optional {
		if tags[opt[0]] != "" {
			take(opt[0], at(opt, 1))
		}
	}
	covered := 0
	for typ := range used {
		covered += len(strings.Fields(tags[typ]))
	}
	return ents, covered, true
}

func at(l []string, i int) string {
	if i < len(l) {
		return l[i]
	}
	return ""
}
