//go:build !linux

package netlab

import "errors"

// Do is unavailable off Linux (New skips there).
func (n *Namespace) Do(fn func() error) error {
	return errors.New("netlab: network namespaces need Linux")
}
