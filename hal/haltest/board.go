package haltest

import (
	"errors"

	"github.com/mycroft-network/mycroft/hal"
)

// Board bundles one fake of each device.
type Board struct {
	Mic       *PlaybackMic
	Speaker   *RecordSpeaker
	Faceplate *RecordFaceplate
	Buttons   *ScriptedButtons
	Mute      *FakeSwitch
	Volume    *FakeVolume
}

// NewBoard returns fakes with mic playing samples, no scripted buttons,
// the mute switch off and the volume at 50.
func NewBoard(mic []int16) *Board {
	return &Board{
		Mic:       NewPlaybackMic(mic),
		Speaker:   NewRecordSpeaker(),
		Faceplate: NewRecordFaceplate(),
		Buttons:   NewScriptedButtons(),
		Mute:      NewFakeSwitch(false),
		Volume:    NewFakeVolume(50),
	}
}

// HAL returns the fakes as a hal.Board named "test" whose Close is
// b.Close.
func (b *Board) HAL() *hal.Board {
	hb := &hal.Board{Name: "test", Revision: "fake", Close: b.Close}
	if b.Mic != nil {
		hb.Mic = b.Mic
	}
	if b.Speaker != nil {
		hb.Speaker = b.Speaker
	}
	if b.Faceplate != nil {
		hb.Faceplate = b.Faceplate
	}
	if b.Buttons != nil {
		hb.Buttons = b.Buttons
	}
	if b.Mute != nil {
		hb.Mute = b.Mute
	}
	if b.Volume != nil {
		hb.Volume = b.Volume
	}
	return hb
}

// Close closes every fake and joins what they report.
func (b *Board) Close() error {
	var errs []error
	if b.Mic != nil {
		errs = append(errs, b.Mic.Close())
	}
	if b.Speaker != nil {
		errs = append(errs, b.Speaker.Close())
	}
	if b.Faceplate != nil {
		errs = append(errs, b.Faceplate.Close())
	}
	if b.Buttons != nil {
		errs = append(errs, b.Buttons.Close())
	}
	if b.Mute != nil {
		errs = append(errs, b.Mute.Close())
	}
	return errors.Join(errs...)
}
