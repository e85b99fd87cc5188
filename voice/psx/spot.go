package psx

import (
	"errors"
	"fmt"
	"strings"
	"unicode"

	"github.com/mycroft-network/mycroft/voice"
)

// Spotter is the voice pipeline's wake word detector.
var _ voice.WakeDetector = (*Spotter)(nil)

// Defaults of SpotterConfig: mycroft-core's pocketsphinx wake word.
const (
	// DefaultPhrase is the key phrase spotted.
	DefaultPhrase = "hey mycroft"
	// DefaultPhones is its pronunciation in the acoustic model's phone
	// set (CMUdict's ARPAbet, no stress marks), words separated by " . "
	// as in mycroft-core's "phonemes" setting. CMUdict has "hey" but no
	// "mycroft".
	DefaultPhones = "HH EY . M AY K R AO F T"
	// DefaultSpotThreshold is the -kws_threshold for DefaultPhrase, tuned
	// on the package's tests (docs/voice.md, "Wake word fallback").
	DefaultSpotThreshold = 1e-30
)

// SpotterConfig configures a Spotter. The zero value spots "hey mycroft"
// with Debian's en-us acoustic model.
type SpotterConfig struct {
	// Phrase is the key phrase, words separated by spaces; "" is
	// DefaultPhrase. Case is ignored.
	Phrase string
	// Phones is the pronunciation of Phrase's words, one group of phones
	// per word separated by "."; "" is DefaultPhones (and then Phrase
	// must be "" or DefaultPhrase).
	Phones string
	// Threshold is the key phrase's p(phrase)/p(phone loop) ratio a
	// detection needs, in (0, 1] (pocketsphinx's -kws_threshold): smaller
	// detects more, and falsely more. 0 is DefaultSpotThreshold. Tune it
	// per phrase; mycroft-core used 1e-90 for "hey mycroft".
	Threshold float64
	// Name is the name of the detections; "" is Phrase with spaces as
	// underscores ("hey_mycroft").
	Name string
	// HMM is the acoustic model directory; "" is DefaultHMM.
	HMM string
}

// ErrSpotterConfig: a SpotterConfig cannot be used.
var ErrSpotterConfig = errors.New("psx: spotter configuration")

// spotWord is one word of the key phrase and its phones.
type spotWord struct{ word, phones string }

// resolve fills in the defaults and checks c; it returns the phrase's
// words with their phones.
func (c SpotterConfig) resolve() (SpotterConfig, []spotWord, error) {
	c.Phrase = strings.Join(strings.Fields(strings.ToLower(c.Phrase)), " ")
	switch {
	case c.Phrase == "" && c.Phones == "":
		c.Phrase, c.Phones = DefaultPhrase, DefaultPhones
	case c.Phones == "" && c.Phrase == DefaultPhrase:
		c.Phones = DefaultPhones
	case c.Phrase == "":
		return c, nil, fmt.Errorf("%w: phones %q without a phrase", ErrSpotterConfig, c.Phones)
	case c.Phones == "":
		return c, nil, fmt.Errorf("%w: phrase %q without phones", ErrSpotterConfig, c.Phrase)
	}
	if c.Threshold == 0 {
		c.Threshold = DefaultSpotThreshold
	}
	if !(c.Threshold > 0 && c.Threshold <= 1) {
		return c, nil, fmt.Errorf("%w: threshold %g not in (0, 1]", ErrSpotterConfig, c.Threshold)
	}
	if c.Name == "" {
		c.Name = strings.ReplaceAll(c.Phrase, " ", "_")
	}
	if c.HMM == "" {
		c.HMM = DefaultHMM
	}
	words := strings.Fields(c.Phrase)
	groups := strings.Split(c.Phones, ".")
	if len(groups) != len(words) {
		return c, nil, fmt.Errorf("%w: phrase %q has %d words, phones %q %d groups", ErrSpotterConfig, c.Phrase, len(words), c.Phones, len(groups))
	}
	out := make([]spotWord, len(words))
	for i, w := range words {
		if strings.ContainsFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '-' }) {
			return c, nil, fmt.Errorf("%w: word %q", ErrSpotterConfig, w)
		}
		phones := strings.Fields(strings.ToUpper(groups[i]))
		if len(phones) == 0 {
			return c, nil, fmt.Errorf("%w: no phones for %q", ErrSpotterConfig, w)
		}
		for _, p := range phones {
			if strings.ContainsFunc(p, func(r rune) bool { return r < 'A' || r > 'Z' }) {
				return c, nil, fmt.Errorf("%w: phone %q of %q", ErrSpotterConfig, p, w)
			}
		}
		out[i] = spotWord{w, strings.Join(phones, " ")}
	}
	return c, out, nil
}
