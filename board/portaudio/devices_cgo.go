//go:build portaudio

package portaudio

import (
	"fmt"

	pa "github.com/gordonklaus/portaudio"

	"github.com/mycroft-network/mycroft/hal"
)

// Devices reports whether a default input and a default output device
// exist and accept the voice format, asking portaudio's format check
// (Pa_IsFormatSupported) rather than opening a stream. It fails with
// ErrUnavailable only when portaudio cannot be initialised; a machine
// without sound devices gets Defaults{} and no error.
//
// Initialising portaudio probes every host API (ALSA, JACK, ...), which
// may print diagnostics on standard error and, on a broken sound setup,
// take a while: a program that must not wait or print (the demo) runs it
// in a child process with a deadline.
func Devices() (Defaults, error) {
	if err := acquire(); err != nil {
		return Defaults{}, err
	}
	defer release()
	var d Defaults
	if dev, err := pa.DefaultInputDevice(); err != nil {
		d.Notes = append(d.Notes, fmt.Sprintf("input: %v", err))
	} else {
		d.InputName = dev.Name
		err := supported(dev, true, hal.Voice.Rate, 1, []int16{})
		if err != nil && hal.Voice.Rate != DeviceRate {
			err = supported(dev, true, DeviceRate, 2, []int32{})
		}
		if err != nil {
			d.Notes = append(d.Notes, fmt.Sprintf("input %s: %v", dev.Name, err))
		}
		d.Input = err == nil
	}
	if dev, err := pa.DefaultOutputDevice(); err != nil {
		d.Notes = append(d.Notes, fmt.Sprintf("output: %v", err))
	} else {
		d.OutputName = dev.Name
		err := supported(dev, false, hal.Voice.Rate, 1, []int16{})
		if err != nil {
			d.Notes = append(d.Notes, fmt.Sprintf("output %s: %v", dev.Name, err))
		}
		d.Output = err == nil
	}
	return d, nil
}

// supported asks portaudio whether dev takes channels at rate in the
// sample format of buf (an empty []int16 or []int32: portaudio reads the
// format from the buffer's type).
func supported(dev *pa.DeviceInfo, input bool, rate, channels int, buf any) error {
	if input && dev.MaxInputChannels < channels || !input && dev.MaxOutputChannels < channels {
		return fmt.Errorf("%d channels wanted, the device has %d in, %d out", channels, dev.MaxInputChannels, dev.MaxOutputChannels)
	}
	p := pa.StreamParameters{SampleRate: float64(rate), FramesPerBuffer: rate / 100}
	sp := pa.StreamDeviceParameters{Device: dev, Channels: channels}
	if input {
		sp.Latency = dev.DefaultLowInputLatency
		p.Input = sp
	} else {
		sp.Latency = dev.DefaultLowOutputLatency
		p.Output = sp
	}
	return pa.IsFormatSupported(p, buf)
}
