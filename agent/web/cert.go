package web

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net"
	"os"
	"strings"
	"time"

	"github.com/mycroft-network/mycroft/internal/atomicfile"
)

// CertFile is the name, in the state directory, of the LAN listener's
// certificate and private key (one PEM file, mode 0600).
const CertFile = "web-tls.pem"

// certValidity is how long the self-signed certificate is valid: the owner
// checks its fingerprint once; a certificate that expires under a device
// in a drawer helps no one.
const certValidity = 10 * 365 * 24 * time.Hour

// loadOrCreateCert reads the certificate at path, or makes a self-signed
// ECDSA P-256 one for hostname (and hostname.local, localhost, the
// loopback addresses and ip, if any) and stores it atomically. A file that
// is there and unreadable is an error: it is never replaced (deleting it
// makes a new certificate, with a new fingerprint).
func loadOrCreateCert(path, hostname string, ip net.IP, now time.Time, random io.Reader) (tls.Certificate, error) {
	b, err := os.ReadFile(path)
	if err == nil {
		c, err := parseCertPEM(b)
		if err != nil {
			return tls.Certificate{}, fmt.Errorf("web: certificate %s: %w (delete it to make a new one)", path, err)
		}
		return c, nil
	}
	if !errors.Is(err, os.ErrNotExist) {
		return tls.Certificate{}, fmt.Errorf("web: certificate: %w", err)
	}
	pemBytes, err := newCertPEM(hostname, ip, now, random)
	if err != nil {
		return tls.Certificate{}, err
	}
	if err := atomicfile.WriteFile(path, pemBytes, 0o600); err != nil {
		return tls.Certificate{}, fmt.Errorf("web: store certificate: %w", err)
	}
	return parseCertPEM(pemBytes)
}

func newCertPEM(hostname string, ip net.IP, now time.Time, random io.Reader) ([]byte, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), random)
	if err != nil {
		return nil, fmt.Errorf("web: certificate key: %w", err)
	}
	serial, err := rand.Int(random, new(big.Int).Lsh(big.NewInt(1), 127))
	if err != nil {
		return nil, fmt.Errorf("web: certificate serial: %w", err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          serial,
		Subject:               pkix.Name{CommonName: "mycroft " + hostname, Organization: []string{"Mycroft device"}},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.Add(certValidity),
		KeyUsage:              x509.KeyUsageDigitalSignature,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		DNSNames:              []string{"localhost"},
		IPAddresses:           []net.IP{net.IPv4(127, 0, 0, 1), net.IPv6loopback},
	}
	if h := strings.TrimSuffix(hostname, ".local"); h != "" && h != "localhost" {
		tmpl.DNSNames = append(tmpl.DNSNames, h, h+".local")
	}
	if ip != nil && !ip.IsUnspecified() && !ip.IsLoopback() {
		tmpl.IPAddresses = append(tmpl.IPAddresses, ip)
	}
	der, err := x509.CreateCertificate(random, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, fmt.Errorf("web: certificate: %w", err)
	}
	kder, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		return nil, fmt.Errorf("web: certificate key: %w", err)
	}
	out := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	return append(out, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kder})...), nil
}

func parseCertPEM(b []byte) (tls.Certificate, error) {
	c, err := tls.X509KeyPair(b, b)
	if err != nil {
		return tls.Certificate{}, err
	}
	if len(c.Certificate) == 0 {
		return tls.Certificate{}, errors.New("no certificate in the file")
	}
	c.Leaf, err = x509.ParseCertificate(c.Certificate[0])
	if err != nil {
		return tls.Certificate{}, err
	}
	return c, nil
}

// Fingerprint is the SHA-256 of a certificate's DER bytes, as browsers show
// it: upper-case hex bytes separated by colons.
func Fingerprint(der []byte) string {
	sum := sha256.Sum256(der)
	parts := make([]string, len(sum))
	for i, b := range sum {
		parts[i] = fmt.Sprintf("%02X", b)
	}
	return strings.Join(parts, ":")
}
