//go:build linux

package alsa

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"unsafe"

	"golang.org/x/sys/unix"
)

// controlFmt is where Linux keeps a card's control device.
const controlFmt = "/dev/snd/controlC%d"

// Open finds cfg.Card in /proc/asound/cards, opens its control device and
// its playback volume control.
func Open(cfg Config) (*Mixer, error) {
	if runtime.GOARCH == "386" {
		return nil, fmt.Errorf("alsa: %w: the control structures are not laid out for 386", errors.ErrUnsupported)
	}
	b, err := os.ReadFile(CardsPath)
	if err != nil {
		return nil, fmt.Errorf("alsa: %w", err)
	}
	card, err := FindCard(ParseCards(b), cfg.Card)
	if err != nil {
		return nil, err
	}
	path := fmt.Sprintf(controlFmt, card.Index)
	fd, err := unix.Open(path, unix.O_RDWR|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, fmt.Errorf("alsa: open %s: %w", path, err)
	}
	ioctl := func(req uintptr, arg unsafe.Pointer) error {
		_, _, e := unix.Syscall(unix.SYS_IOCTL, uintptr(fd), req, uintptr(arg))
		if e != 0 {
			return e
		}
		return nil
	}
	m, err := newMixer(ioctl, func() error { return unix.Close(fd) }, card.String(), cfg)
	if err != nil {
		_ = unix.Close(fd)
		return nil, err
	}
	return m, nil
}
