package alsa

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// ErrPCMBusy: another process (or this one) has the PCM open.
var ErrPCMBusy = errors.New("alsa: pcm device busy")

// Hold names a PCM device whose opening a board needs for its own sake:
// the Mark II's XMOS must see its master clock while it boots over SPI,
// and the kernel's simple-audio-card enables a DAI's clocks only while
// one of its streams is open (its startup callback, run at open). Holding
// the capture stream open, without configuring or starting it, keeps the
// clock running at the rate the device tree assigned.
type Hold struct {
	Card    string // as FindCard takes it ("sj201", "hw:0")
	Device  int    // the PCM device: the dai-link's index on the card
	Capture bool   // the capture substream (else playback)
}

// pcmFmt is where Linux keeps a card's PCM devices.
const pcmFmt = "/dev/snd/pcmC%dD%d%c"

// Open opens the PCM device non-blocking (a busy device fails at once
// with ErrPCMBusy rather than waiting) and returns what closes it. The
// stream is never configured: nothing is read or written.
func (h Hold) Open() (io.Closer, error) {
	return h.open(CardsPath, "/")
}

func (h Hold) open(cardsPath, root string) (io.Closer, error) {
	b, err := os.ReadFile(cardsPath)
	if err != nil {
		return nil, fmt.Errorf("alsa: hold: %w", err)
	}
	card, err := FindCard(ParseCards(b), h.Card)
	if err != nil {
		return nil, fmt.Errorf("alsa: hold: %w", err)
	}
	if h.Device < 0 || h.Device > 31 {
		return nil, fmt.Errorf("alsa: hold: pcm device %d out of range", h.Device)
	}
	dir := byte('p')
	if h.Capture {
		dir = 'c'
	}
	path := filepath.Join(root, fmt.Sprintf(pcmFmt, card.Index, h.Device, dir))
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	switch {
	case errors.Is(err, syscall.EBUSY):
		return nil, fmt.Errorf("%w: %s of %s", ErrPCMBusy, path, card)
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("alsa: hold: %s has no pcm device %d (%s): %w", card, h.Device, path, err)
	case err != nil:
		return nil, fmt.Errorf("alsa: hold: %w", err)
	}
	return f, nil
}
