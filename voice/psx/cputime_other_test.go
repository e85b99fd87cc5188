//go:build !unix

package psx

import "time"

func cpuTime() time.Duration { return 0 }
