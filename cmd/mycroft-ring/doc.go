// Command mycroft-ring is the Mark II (SJ201 R10) LED ring helper: the one
// process that holds /dev/mem, so that the agent never runs as root. The
// R10 ring's WS2812 data line is GPIO12, which only the PWM block's
// serialiser can drive with the right timing, and the PWM registers are
// reached through /dev/mem alone.
//
// It maps the GPIO, clock and PWM registers (mark2.OpenPWMRing: the ring
// channel only; the fan channel is the kernel's pwm-fan driver's), drops
// every capability, and then only turns frames received on its unix
// socket (mark2's ring link, a 4-byte header and at most 256 bytes) into
// PWM FIFO writes. systemd starts it on the agent's first connection
// (scripts/mycroft-ring.socket: the socket is mode 0660, group mycroft)
// with CAP_SYS_RAWIO and /dev/mem as its only privileges
// (scripts/mycroft-ring.service). On SIGTERM it darkens the ring.
//
//	mycroft-ring [-socket PATH]
package main
