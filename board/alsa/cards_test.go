package alsa

import (
	"errors"
	"testing"
)

// A Raspberry Pi 3 with the Mark I's codec overlay and onboard audio on.
const piCards = ` 0 [sndrpiproto    ]: snd_rpi_proto - snd_rpi_proto
                      snd_rpi_proto
 1 [Headphones     ]: bcm2835_headphonbcm2835 Headphones - bcm2835 Headphones
                      bcm2835 Headphones
10 [sj201          ]: simple-card - sj201
                      sj201
`

func TestParseCards(t *testing.T) {
	cards := ParseCards([]byte(piCards))
	want := []Card{
		{0, "sndrpiproto", "snd_rpi_proto", "snd_rpi_proto", "snd_rpi_proto"},
		{1, "Headphones", "bcm2835_headphonbcm2835 Headphones", "bcm2835 Headphones", "bcm2835 Headphones"},
		{10, "sj201", "simple-card", "sj201", "sj201"},
	}
	if len(cards) != len(want) {
		t.Fatalf("ParseCards: %d cards %+v, want %d", len(cards), cards, len(want))
	}
	for i := range want {
		if cards[i] != want[i] {
			t.Errorf("card %d: got %+v, want %+v", i, cards[i], want[i])
		}
	}
	if got := ParseCards([]byte("--- no soundcards ---\n")); len(got) != 0 {
		t.Errorf("no soundcards: got %+v", got)
	}
}

func TestFindCard(t *testing.T) {
	cards := ParseCards([]byte(piCards))
	for _, c := range []struct {
		name string
		want int
	}{
		{"", 0}, {"sndrpiproto", 0}, {"hw:sndrpiproto", 0}, {"snd_rpi_proto", 0},
		{"1", 1}, {"hw:1", 1}, {"headphones", 1}, {"bcm2835 Headphones", 1}, {"sj201", 10}, {"10", 10},
	} {
		got, err := FindCard(cards, c.name)
		if err != nil || got.Index != c.want {
			t.Errorf("FindCard(%q) = %v, %v; want card %d", c.name, got, err, c.want)
		}
	}
	for _, name := range []string{"2", "proto", "hw:"} {
		if _, err := FindCard(cards, name); !errors.Is(err, ErrNoCard) {
			t.Errorf("FindCard(%q): err %v, want ErrNoCard", name, err)
		}
	}
	if _, err := FindCard(nil, ""); !errors.Is(err, ErrNoCard) {
		t.Errorf("FindCard with no cards: %v", err)
	}
}

func FuzzParseCards(f *testing.F) {
	f.Add([]byte(piCards))
	f.Add([]byte("--- no soundcards ---\n"))
	f.Add([]byte(" 0 [x]: \n -1 [y ]: a - b\n999 [z]: c\n   long\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		cards := ParseCards(b)
		for _, c := range cards {
			if c.Index < 0 || c.Index > 255 {
				t.Fatalf("card index %d out of range", c.Index)
			}
			if _, err := FindCard(cards, c.ID); err != nil {
				t.Fatalf("FindCard(%q) on its own id: %v", c.ID, err)
			}
		}
	})
}
