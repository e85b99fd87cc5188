package miner

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
)

// ParseEnableArgs reads the arguments of `mycroft miner enable`:
//
//	--stake N (MYC, required) --disk SIZE (required) --cpu PERCENT
//	[--hours HH:MM-HH:MM] [--bandwidth SIZE per second]
//
// and returns enabled, validated settings. Errors wrap ErrBadSettings,
// ErrBadSize, ErrBadHours or ErrBadAmount.
func ParseEnableArgs(args []string) (Settings, error) {
	fs := flag.NewFlagSet("miner enable", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	stake := fs.String("stake", "", "MYC to stake")
	disk := fs.String("disk", "", "disk quota, e.g. 2GiB")
	cpu := fs.String("cpu", strconv.Itoa(DefaultCPUPercent), "CPU percent, 1-100")
	hours := fs.String("hours", "any", "allowed hours, e.g. 01:00-06:00")
	bw := fs.String("bandwidth", "0", "bytes per second, e.g. 1MiB; 0 = no cap")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return Settings{}, err
		}
		return Settings{}, fmt.Errorf("%w: %v", ErrBadSettings, err)
	}
	if fs.NArg() != 0 {
		return Settings{}, fmt.Errorf("%w: unexpected %q", ErrBadSettings, fs.Arg(0))
	}
	if *stake == "" || *disk == "" {
		return Settings{}, fmt.Errorf("%w: --stake and --disk are required", ErrBadSettings)
	}
	s := Settings{Enabled: true}
	var err error
	if s.Stake, err = ParseAmount(*stake); err != nil {
		return Settings{}, err
	}
	if s.DiskQuota, err = ParseSize(*disk); err != nil {
		return Settings{}, err
	}
	if s.CPUPercent, err = strconv.Atoi(*cpu); err != nil {
		return Settings{}, fmt.Errorf("%w: cpu %q", ErrBadSettings, *cpu)
	}
	if s.Hours, err = ParseHours(*hours); err != nil {
		return Settings{}, err
	}
	if s.Bandwidth, err = ParseSize(*bw); err != nil {
		return Settings{}, err
	}
	if err := s.Validate(); err != nil {
		return Settings{}, err
	}
	return s, nil
}
