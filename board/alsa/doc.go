// Package alsa drives a sound card's playback volume through the Linux ALSA
// control interface (/dev/snd/controlC<N>) in pure Go: no cgo, no alsa-lib,
// no amixer process.
//
// It finds the card by name in /proc/asound/cards, lists the card's
// control elements (SNDRV_CTL_IOCTL_ELEM_LIST), picks the playback volume
// by name, reads its range (ELEM_INFO) and, when the driver gives one, its
// dB scale (TLV_READ), and maps the owner's 0..100 onto it: by dB when
// the scale is in dB (100 = the control's maximum, 0 = its minimum, a
// 50 dB span in between), linearly in the raw value otherwise. The
// matching "... Playback Switch", when the card has one, is turned off at
// 0 and on above it.
//
// The structures passed to the kernel are laid out as
// include/uapi/sound/asound.h lays them out for the build's architecture
// (arm64 and armv7 differ: C long is 8 or 4 bytes). 386 is not supported
// (its C long long is 4-byte aligned).
//
// Imported by package board (the Mark I's volume). A Mixer is a hal.Volume.
package alsa
