//go:build linux

package mark1

import (
	"context"
	"testing"

	"github.com/mycroft-network/mycroft/hal"
)

// Baud is the enclosure's line speed; a byte is 10 bits on the wire (8N1).
const benchBaud = 9600

// BenchmarkStateChange is the Mark I faceplate latency from a state change
// (Show with the new state, from idle) to the last byte written, measured
// on the pty emulator. The wire time is computed: the pty has no baud
// rate, so the metrics are
//
//	wire-bytes  bytes the emulator received for the change
//	wire-ms     wire-bytes × 10 bits / 9600 baud (last byte written)
//	echo-ms     the same plus the firmware's "Command: " echo of every
//	            line, which Show waits for before the next line
//	ns/op       encoding + the pty round trips on this machine
func BenchmarkStateChange(b *testing.B) {
	a := newArduino(b)
	cfg := quietConfig(a)
	ctx := context.Background()
	e, err := Open(ctx, cfg)
	if err != nil {
		b.Fatal(err)
	}
	defer e.Close()
	drain := func() (bytes, echo int) {
		for {
			select {
			case l := <-a.got:
				bytes += len(l) + 1
				echo += len("Command: ") + len(l) + 2
			default:
				return bytes, echo
			}
		}
	}
	idle := hal.Face{Volume: hal.NoVolume}
	for s := hal.StateIdle; s <= hal.StateMining; s++ {
		face := hal.Face{State: s, Volume: hal.NoVolume}
		if s == hal.StateIdle {
			face.Mouth.Text = "HELLO" // idle to idle sends nothing: show text instead
		}
		b.Run(s.String(), func(b *testing.B) {
			var bytes, echo int
			for b.Loop() {
				b.StopTimer()
				if err := e.Show(ctx, idle); err != nil {
					b.Fatal(err)
				}
				drain()
				b.StartTimer()
				if err := e.Show(ctx, face); err != nil {
					b.Fatal(err)
				}
				bytes, echo = drain()
			}
			b.ReportMetric(float64(bytes), "wire-bytes")
			b.ReportMetric(float64(bytes)*10/benchBaud*1000, "wire-ms")
			b.ReportMetric(float64(bytes+echo)*10/benchBaud*1000, "echo-ms")
		})
	}
}

// BenchmarkPlan is the encoding time of a state change: the commands
// that differ between two faces.
func BenchmarkPlan(b *testing.B) {
	_, cur, _ := plan(shown{}, hal.Face{Volume: hal.NoVolume})
	faces := []hal.Face{
		{State: hal.StateListening, Volume: hal.NoVolume},
		{State: hal.StateThinking, Volume: hal.NoVolume},
		{State: hal.StateSpeaking, Volume: hal.NoVolume},
		{Mouth: hal.Mouth{Text: "HELLO WORLD"}, Volume: hal.NoVolume},
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, _, err := plan(cur, faces[i%len(faces)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
