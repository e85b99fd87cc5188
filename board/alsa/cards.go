package alsa

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// CardsPath is where Linux lists the sound cards.
const CardsPath = "/proc/asound/cards"

// ErrNoCard reports that no sound card matches the configured name.
var ErrNoCard = errors.New("alsa: no such sound card")

// Card is one line pair of /proc/asound/cards:
//
//	0 [sndrpiproto    ]: snd_rpi_proto - snd_rpi_proto
//	                     snd_rpi_proto
type Card struct {
	Index    int
	ID       string // "sndrpiproto": what "hw:sndrpiproto" names
	Driver   string // "snd_rpi_proto"
	Name     string // the short name after " - "
	LongName string // the indented second line
}

func (c Card) String() string {
	return fmt.Sprintf("card %d (%s)", c.Index, c.ID)
}

// ParseCards reads the text of /proc/asound/cards. Lines it does not
// understand are skipped; "--- no soundcards ---" gives no cards.
func ParseCards(b []byte) []Card {
	var cards []Card
	for line := range strings.Lines(string(b)) {
		line = strings.TrimRight(line, "\r\n")
		t := strings.TrimLeft(line, " ")
		open := strings.Index(t, " [")
		closeAt := strings.Index(t, "]: ")
		if open <= 0 || closeAt < open {
			if len(cards) > 0 && t != "" && len(t) < len(line) && cards[len(cards)-1].LongName == "" {
				cards[len(cards)-1].LongName = t
			}
			continue
		}
		idx, err := strconv.Atoi(t[:open])
		if err != nil || idx < 0 || idx > 255 {
			continue
		}
		c := Card{Index: idx, ID: strings.TrimSpace(t[open+2 : closeAt])}
		rest := t[closeAt+3:]
		c.Driver, c.Name, _ = strings.Cut(rest, " - ")
		c.Driver, c.Name = strings.TrimSpace(c.Driver), strings.TrimSpace(c.Name)
		cards = append(cards, c)
	}
	return cards
}

// FindCard picks the card called name: its index ("0", "hw:0"), its id
// ("sndrpiproto", "hw:sndrpiproto"), or, case-insensitively, its id,
// driver, short or long name. An empty name is the first card.
func FindCard(cards []Card, name string) (Card, error) {
	if len(cards) == 0 {
		return Card{}, fmt.Errorf("%w: the machine has no sound card", ErrNoCard)
	}
	if name == "" {
		return cards[0], nil
	}
	key := strings.TrimPrefix(name, "hw:")
	if n, err := strconv.Atoi(key); err == nil {
		for _, c := range cards {
			if c.Index == n {
				return c, nil
			}
		}
	}
	for _, c := range cards {
		if c.ID == key {
			return c, nil
		}
	}
	for _, c := range cards {
		for _, s := range []string{c.ID, c.Driver, c.Name, c.LongName} {
			if s != "" && strings.EqualFold(s, key) {
				return c, nil
			}
		}
	}
	var have []string
	for _, c := range cards {
		have = append(have, fmt.Sprintf("%d %s", c.Index, c.ID))
	}
	return Card{}, fmt.Errorf("%w: %q (cards: %s)", ErrNoCard, name, strings.Join(have, ", "))
}
