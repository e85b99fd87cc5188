package web

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestCertificate(t *testing.T) {
	path := filepath.Join(t.TempDir(), CertFile)
	now := time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)
	c, err := loadOrCreateCert(path, "kitchen", net.ParseIP("192.168.1.20"), now, rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("certificate file mode %v (%v), want 0600", fi.Mode().Perm(), err)
	}
	pub, ok := c.Leaf.PublicKey.(*ecdsa.PublicKey)
	if !ok || pub.Curve != elliptic.P256() {
		t.Errorf("key %T, want ECDSA P-256", c.Leaf.PublicKey)
	}
	if err := c.Leaf.VerifyHostname("kitchen.local"); err != nil {
		t.Errorf("kitchen.local: %v", err)
	}
	if err := c.Leaf.VerifyHostname("192.168.1.20"); err != nil {
		t.Errorf("192.168.1.20: %v", err)
	}
	again, err := loadOrCreateCert(path, "other", nil, now.Add(time.Hour), rand.Reader)
	if err != nil || Fingerprint(again.Certificate[0]) != Fingerprint(c.Certificate[0]) {
		t.Fatalf("reloaded certificate differs (%v): the fingerprint must stay", err)
	}
	if fp := Fingerprint(c.Certificate[0]); len(fp) != 32*3-1 {
		t.Errorf("fingerprint %q", fp)
	}
	// A damaged file is refused and left as it is.
	if err := os.WriteFile(path, []byte("not a certificate"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := loadOrCreateCert(path, "kitchen", nil, now, rand.Reader); err == nil {
		t.Fatal("a damaged certificate file was accepted")
	}
	if b, _ := os.ReadFile(path); string(b) != "not a certificate" {
		t.Error("the damaged file was replaced")
	}
}
