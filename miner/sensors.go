package miner

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
)

// ErrBadSensor is returned when a sensor file does not parse.
var ErrBadSensor = errors.New("miner: bad sensor reading")

// LoadAvg returns a Sensors.Load reading a /proc/loadavg-format file at path
// and dividing the 1-minute average by the CPU count.
func LoadAvg(path string) func() (float64, error) {
	return func() (float64, error) {
		b, err := readSmall(path)
		if err != nil {
			return 0, err
		}
		return ParseLoadAvg(b, runtime.NumCPU())
	}
}

// ParseLoadAvg reads the first field of a /proc/loadavg line and divides it
// by cpus.
func ParseLoadAvg(b []byte, cpus int) (float64, error) {
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return 0, fmt.Errorf("%w: empty loadavg", ErrBadSensor)
	}
	v, err := strconv.ParseFloat(f[0], 64)
	if err != nil || v < 0 || v != v {
		return 0, fmt.Errorf("%w: loadavg %q", ErrBadSensor, f[0])
	}
	if cpus < 1 {
		cpus = 1
	}
	return v / float64(cpus), nil
}

// ThermalZone returns a Sensors.TempC reading a Linux thermal zone "temp"
// file (millidegrees Celsius), such as the SoC's thermal_zone0.
func ThermalZone(path string) func() (float64, error) {
	return func() (float64, error) {
		b, err := readSmall(path)
		if err != nil {
			return 0, err
		}
		return ParseMilliCelsius(b)
	}
}

// ParseMilliCelsius reads a thermal zone value.
func ParseMilliCelsius(b []byte) (float64, error) {
	s := strings.TrimSpace(string(b))
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil || v < -273150 || v > 1000000 {
		return 0, fmt.Errorf("%w: temperature %q", ErrBadSensor, s)
	}
	return float64(v) / 1000, nil
}

func readSmall(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("miner: sensor: %w", err)
	}
	defer f.Close()
	buf := make([]byte, 256)
	n, err := f.Read(buf)
	if n == 0 && err != nil {
		return nil, fmt.Errorf("miner: sensor: %s: %w", path, err)
	}
	return buf[:n], nil
}
