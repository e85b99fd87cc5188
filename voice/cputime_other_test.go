//go:build !unix

package voice

import "time"

func cpuTime() time.Duration { return 0 }
