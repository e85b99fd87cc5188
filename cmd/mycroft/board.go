package main

import (
	"context"
	"errors"
	"log/slog"

	"github.com/mycroft-network/mycroft/agent"
	"github.com/mycroft-network/mycroft/hal"
)

// openBoard opens the configured board.
func openBoard(ctx context.Context, cfg agent.BoardConfig, log *slog.Logger) (*hal.Board, error) {
	return nil, errors.New("board support is not built yet")
}
