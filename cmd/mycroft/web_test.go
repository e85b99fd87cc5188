package main

import (
	"context"
	"regexp"
	"strings"
	"testing"
)

// TestWebPair: `mycroft web pair` prints the LAN page's code, `mycroft
// status` the certificate's fingerprint; with the page off the LAN, pair
// says why there is nothing to pair.
func TestWebPair(t *testing.T) {
	sock := startSimAgent(t, "[web]\nloopback = \"127.0.0.1:0\"\nlisten = \"127.0.0.1:0\"\n")
	ctx := context.Background()
	code, out, stderr := runCLI(ctx, "-socket", sock, "web", "pair")
	if code != 0 || !regexp.MustCompile(`^pairing code: [0-9]{6} \(single use, until [0-9:]+\)\n$`).MatchString(out) {
		t.Fatalf("web pair: exit %d, %q %q", code, out, stderr)
	}
	code, out, _ = runCLI(ctx, "-socket", sock, "status")
	if code != 0 || !regexp.MustCompile(`web page: +https://127\.0\.0\.1:[0-9]+, certificate SHA-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}\n`).MatchString(out) {
		t.Errorf("status: exit %d, %q; want the web page's certificate", code, out)
	}

	off := startSimAgent(t, "[web]\nloopback = \"127.0.0.1:0\"\n")
	code, out, stderr = runCLI(ctx, "-socket", off, "web", "pair")
	if code == 0 || !strings.Contains(stderr, "no LAN listener") {
		t.Errorf("web pair with the page off the LAN: exit %d, %q %q", code, out, stderr)
	}
	if _, out, _ = runCLI(ctx, "-socket", off, "status"); strings.Contains(out, "web page:") {
		t.Errorf("status with the page off the LAN names a certificate: %q", out)
	}
}
