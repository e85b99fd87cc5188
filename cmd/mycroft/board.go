package main

import (
	"context"
	"log/slog"

	"github.com/mycroft-network/mycroft/agent"
	"github.com/mycroft-network/mycroft/board"
	"github.com/mycroft-network/mycroft/hal"
)

// boardOpener opens the configured board; quit is called when the owner
// presses q on the simulated board's keyboard.
func boardOpener(quit func()) agent.BoardOpener {
	return func(ctx context.Context, cfg agent.BoardConfig, log *slog.Logger) (*hal.Board, error) {
		return board.Open(ctx, board.Config{
			Kind:         cfg.Kind,
			SerialPort:   cfg.SerialPort,
			MixerCard:    cfg.MixerCard,
			MixerControl: cfg.MixerControl,
			XMOSFirmware: cfg.XMOSFirmware,
			ThermalZone:  cfg.ThermalZone,
			SimFace:      cfg.SimFace,
			SimMic:       cfg.SimMic,
			SimSpeaker:   cfg.SimSpeaker,
			SimKeyboard:  cfg.SimKeyboard,
			OnQuit:       quit,
			Log:          log,
		})
	}
}
