package chain

import "fmt"

// Weather is the answer of the weather service on the wire (docs/protocol.md):
// what a provider sends and a device reads. Both check it with Check.
type Weather struct {
	Latitude     float64 `json:"latitude"`
	Longitude    float64 `json:"longitude"`
	Time         string  `json:"time"`
	TemperatureC float64 `json:"temperatureC"`
	Humidity     float64 `json:"humidity"`
	WindKmh      float64 `json:"windKmh"`
	Code         int     `json:"code"`  // WMO weather code
	HighC        float64 `json:"highC"` // today's maximum
	LowC         float64 `json:"lowC"`  // today's minimum
}

// Check reports the first value the weather cannot take (a place off the
// globe, a temperature past ±100 °C, NaN, ...), or nil.
func (w Weather) Check() error {
	for _, c := range []struct {
		name   string
		v      float64
		lo, hi float64
	}{
		{"latitude", w.Latitude, -90, 90},
		{"longitude", w.Longitude, -180, 180},
		{"temperature", w.TemperatureC, -100, 100},
		{"humidity", w.Humidity, 0, 100},
		{"wind", w.WindKmh, 0, 500},
		{"weather code", float64(w.Code), 0, 99},
		{"high", w.HighC, -100, 100},
		{"low", w.LowC, -100, 100},
	} {
		if !(c.v >= c.lo && c.v <= c.hi) { // NaN fails too
			return fmt.Errorf("%s %v (want %v..%v)", c.name, c.v, c.lo, c.hi)
		}
	}
	return nil
}

// Summary says the WMO weather code in words ("light rain").
func (x Weather) Summary() string {
	switch c := x.Code; {
	case c == 0:
		return "clear sky"
	case c == 1:
		return "mainly clear"
	case c == 2:
		return "partly cloudy"
	case c == 3:
		return "overcast"
	case c == 45 || c == 48:
		return "fog"
	case c >= 51 && c <= 57:
		return "drizzle"
	case c == 61 || c == 80:
		return "light rain"
	case c == 63 || c == 81:
		return "rain"
	case c == 65 || c == 82:
		return "heavy rain"
	case c == 66 || c == 67:
		return "freezing rain"
	case c >= 71 && c <= 77, c == 85, c == 86:
		return "snow"
	case c >= 95 && c <= 99:
		return "thunderstorm"
	}
	return "unknown weather"
}
