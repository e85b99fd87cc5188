// Package mark2 drives the Mycroft Mark II: a Raspberry Pi 4 with the SJ201
// daughterboard (XMOS XVF3510 voice processor, TI TAS5806MD amplifier, a ring
// of 12 RGB LEDs, three buttons, the microphone mute switch and a fan).
//
// It owns the SJ201 bus protocols and presents them through the hal
// contracts:
//
//   - Detect tells an SJ201 and its revision (R6 or R10) by I2C probes.
//   - Ring is the LED ring as a 12x1 RGB hal.Display, over the R6 ATtiny
//     (I2C) or over a WS2812 NRZ bit stream (R10: PWMBlock, our driver of
//     the PWM block's serialiser, or SPI); Animator renders the faceplate
//     states and hal.RingPattern on it and is the hal.Faceplate.
//   - Buttons (GPIO 22/23/24) is the hal.Buttons, MuteSwitch (GPIO 25) the
//     hal.Switch; both are debounced by polling with an injected Clock.
//   - BootXMOS sends the XMOS firmware image over SPI; Amp is the TAS5806
//     (init sequence and hal.Volume); FanController keeps the SoC cool.
//   - RingClient and ServeRing are the ring link: on the SD image the R10
//     ring's PWM channel is driven by the mycroft-ring helper (the one
//     process with /dev/mem; NewPWMRing beside the kernel's pwm-fan
//     driver) and the agent sends it frames over a unix socket.
//   - NoMicrophones is the mute switch while the XMOS has no firmware.
//   - Open assembles all of it on real hardware through periph host; New does
//     the same from injected buses and pins (periph's playback fakes in
//     tests).
//
// Microphone and speaker are ALSA devices (the XMOS and the TAS5806 on I2S);
// they are wired by package board, not here.
//
// Only package board (the detection and selection package), the ring
// helper (cmd/mycroft-ring) and tests should import mark2; everything else
// consumes the hal interfaces.
package mark2
