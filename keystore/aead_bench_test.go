package keystore

import (
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"fmt"
	"math/big"
	"math/bits"
	"testing"

	"golang.org/x/crypto/chacha20poly1305"
)

// The AEAD benchmarks put the cipher the keystore uses (XChaCha20-Poly1305,
// 24-byte random nonce) next to AES-256-GCM (12-byte nonce) on the record
// sizes the device seals: a query or result (1 KiB), a voice clip chunk
// (64 KiB), a backup chunk or long recording (1 MiB). Only the AEAD is
// timed: no key wrapping, no allocation of the output buffer.
//
//	go test -run=NONE -bench=AEAD -benchmem ./keystore/

func newXChaCha(b *testing.B) cipher.AEAD {
	key := make([]byte, chacha20poly1305.KeySize)
	_, _ = rand.Read(key)
	a, err := chacha20poly1305.NewX(key)
	if err != nil {
		b.Fatal(err)
	}
	return a
}

func newAESGCM(b *testing.B) cipher.AEAD {
	key := make([]byte, 32)
	_, _ = rand.Read(key)
	blk, err := aes.NewCipher(key)
	if err != nil {
		b.Fatal(err)
	}
	a, err := cipher.NewGCM(blk)
	if err != nil {
		b.Fatal(err)
	}
	return a
}

func BenchmarkAEAD(b *testing.B) {
	ciphers := []struct {
		name string
		new  func(*testing.B) cipher.AEAD
	}{
		{"XChaCha20-Poly1305", newXChaCha},
		{"AES-256-GCM", newAESGCM},
	}
	ad := []byte("mycroft record v1|voice|0123456789abcdef")
	for _, size := range []int{1 << 10, 64 << 10, 1 << 20} {
		for _, c := range ciphers {
			a := c.new(b)
			nonce := make([]byte, a.NonceSize())
			_, _ = rand.Read(nonce)
			pt := make([]byte, size)
			_, _ = rand.Read(pt)
			buf := make([]byte, 0, size+a.Overhead())
			sealed := a.Seal(nil, nonce, pt, ad)
			b.Run(fmt.Sprintf("%s/Seal/%dKiB", c.name, size>>10), func(b *testing.B) {
				b.SetBytes(int64(size))
				for b.Loop() {
					buf = a.Seal(buf[:0], nonce, pt, ad)
				}
			})
			b.Run(fmt.Sprintf("%s/Open/%dKiB", c.name, size>>10), func(b *testing.B) {
				b.SetBytes(int64(size))
				for b.Loop() {
					var err error
					if buf, err = a.Open(buf[:0], nonce, sealed, ad); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkCalibratedUnlock provisions a keyring the way a device does
// (scrypt N calibrated to DefaultUnlockTarget on this machine, memory
// bounded by min(DefaultKDFMemory, RAM/8)), reports the N it picked as
// the logN metric, and times Unlock at that N.
//
//	go test -run=NONE -bench=CalibratedUnlock -benchtime=3x ./keystore/
func BenchmarkCalibratedUnlock(b *testing.B) {
	s, err := New(Options{Dir: b.TempDir(), ChainID: big.NewInt(1)})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.Init(context.Background(), passA); err != nil {
		b.Fatal(err)
	}
	n := s.Status().ScryptN
	if n <= 0 || n&(n-1) != 0 {
		b.Fatalf("calibrated N = %d, want a power of two", n)
	}
	for b.Loop() {
		if err := s.Unlock(context.Background(), passA); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(bits.Len(uint(n))-1), "logN")
	b.ReportMetric(float64(scryptMemory(bits.Len(uint(n))-1))/(1<<20), "MiB")
}
