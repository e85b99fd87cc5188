//go:build !unix

package demo

// followResize does nothing where there is no SIGWINCH: the regions keep
// the size the terminal had at the start.
func followResize(*screen) (stop func()) { return func() {} }
