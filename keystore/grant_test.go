package keystore

import (
	"context"
	"encoding/json"
	"errors"
	"math/big"
	"os"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
)

func TestGrantLifecycle(t *testing.T) {
	ctx := context.Background()
	owner, _, ownerDir, clk := initStore(t)
	buyer, _, _, _ := initStore(t)
	buyer.opts.Clock = clk.Now
	buyer.now = clk.Now

	recs := []SealedRecord{}
	for i, txt := range []string{"turn on the lights", "weather in Porto"} {
		id := []string{"q1", "q2"}[i]
		s, err := owner.Seal(CategoryQueries, id, []byte(txt))
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, SealedRecord{Category: CategoryQueries, RecordID: id, Sealed: s})
	}
	buyerKey, err := buyer.SharePublicKey()
	if err != nil {
		t.Fatal(err)
	}
	dataset := common.HexToHash("0xda7a")
	req := GrantRequest{
		Grantee: buyer.Address(), GranteeKey: buyerKey, Dataset: dataset, Records: recs,
		Expiry: clk.Now().Add(24 * time.Hour), Price: big.NewInt(1000), Purpose: "speech research",
	}
	g, err := owner.CreateGrant(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	// Over the wire as JSON.
	wire, _ := json.Marshal(g)
	g2, err := ParseGrant(wire)
	if err != nil {
		t.Fatal(err)
	}
	got, err := buyer.AcceptGrant(g2)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("%d records", len(got))
	}
	for i, r := range got {
		pt, err := OpenWithKey(r.Key, r.Category, r.RecordID, recs[i].Sealed)
		if err != nil {
			t.Fatalf("%s: %v", r.RecordID, err)
		}
		if want, _ := owner.Open(CategoryQueries, r.RecordID, recs[i].Sealed); string(pt) != string(want) {
			t.Errorf("%s: %q", r.RecordID, pt)
		}
	}
	// The buyer cannot open a record that was not granted.
	other, _ := owner.Seal(CategoryQueries, "q3", []byte("private"))
	for _, r := range got {
		if _, err := OpenWithKey(r.Key, CategoryQueries, "q3", other); err == nil {
			t.Error("granted key opens another record")
		}
	}

	// Tampering with any signed term breaks the grant.
	tamper := map[string]func(g *Grant){
		"purpose": func(g *Grant) { g.Purpose = "advertising" },
		"price":   func(g *Grant) { g.Price = (*hexutil.Big)(big.NewInt(1)) },
		"expiry":  func(g *Grant) { g.Expiry += 3600 },
		"dataset": func(g *Grant) { g.Dataset = common.HexToHash("0xbad") },
		"wrapped": func(g *Grant) { g.Wrapped[len(g.Wrapped)-1] ^= 1 },
		"owner":   func(g *Grant) { g.Owner = buyer.Address() },
		"chain":   func(g *Grant) { g.ChainID = (*hexutil.Big)(big.NewInt(1)) },
		"sig":     func(g *Grant) { g.Signature[10] ^= 1 },
	}
	for name, f := range tamper {
		bad, _ := ParseGrant(wire)
		f(bad)
		if _, err := buyer.AcceptGrant(bad); err == nil {
			t.Errorf("tampered %s accepted", name)
		}
	}
	// Someone else cannot use it.
	third, _, _, _ := initStore(t)
	if _, err := third.AcceptGrant(g2); !errors.Is(err, ErrGrant) {
		t.Errorf("third party: %v", err)
	}
	// Expiry, and an unset clock, fail closed.
	clk.Add(25 * time.Hour)
	if _, err := buyer.AcceptGrant(g2); !errors.Is(err, ErrGrantExpired) {
		t.Errorf("expired: %v", err)
	}
	if err := VerifyGrant(g2, big.NewInt(1337), time.Unix(0, 0)); !errors.Is(err, ErrGrantExpired) {
		t.Errorf("clock at 1970: %v", err)
	}

	// Revocation persists and blocks new grants to that buyer.
	if err := owner.Revoke(ctx, buyer.Address(), dataset); err != nil {
		t.Fatal(err)
	}
	req.Expiry = clk.Now().Add(time.Hour)
	if _, err := owner.CreateGrant(ctx, req); !errors.Is(err, ErrRevoked) {
		t.Errorf("after revoke: %v", err)
	}
	o2 := newTestStore(t, ownerDir, clk, nil)
	if err := o2.Unlock(ctx, passA); err != nil {
		t.Fatal(err)
	}
	if _, err := o2.CreateGrant(ctx, req); !errors.Is(err, ErrRevoked) {
		t.Errorf("revocation not persisted: %v", err)
	}
	req.Dataset = common.HexToHash("0x0ther")
	if _, err := o2.CreateGrant(ctx, req); err != nil {
		t.Errorf("other dataset should still be shareable: %v", err)
	}
	// Bad requests.
	req.Expiry = clk.Now().Add(-time.Second)
	if _, err := o2.CreateGrant(ctx, req); !errors.Is(err, ErrGrantExpired) {
		t.Errorf("past expiry: %v", err)
	}
	req.Expiry = clk.Now().Add(time.Hour)
	req.GranteeKey = []byte{1, 2, 3}
	if _, err := o2.CreateGrant(ctx, req); !errors.Is(err, ErrGrant) {
		t.Errorf("bad grantee key: %v", err)
	}
}

func TestExportImportsIntoWeb3(t *testing.T) {
	ctx := context.Background()
	s, _, _, _ := initStore(t)
	if _, err := s.Export(ctx, []byte("wrong passphrase"), passB); !errors.Is(err, ErrDecrypt) {
		t.Errorf("wrong keyring passphrase: %v", err)
	}
	out, err := s.Export(ctx, passA, passB)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(t.TempDir()+"/k.json", out, 0o600); err != nil {
		t.Fatal(err)
	}
	k, err := web3Decrypt(out, NormalizePassphrase(passB))
	if err != nil {
		t.Fatal(err)
	}
	if k != s.Address() {
		t.Errorf("export holds %s, want %s", k.Hex(), s.Address().Hex())
	}
}

func FuzzParseGrant(f *testing.F) {
	f.Add([]byte(`{"owner":"0x0000000000000000000000000000000000000001","grantee":"0x0000000000000000000000000000000000000002","dataset":"0x0000000000000000000000000000000000000000000000000000000000000003","expiry":1893456000,"price":"0x0","purpose":"x","chainId":"0x539","verifyingContract":"0x0000000000000000000000000000000000000000","wrapped":"AAAA","signature":"0x` + string(make65hex()) + `"}`))
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"price":"0x-1"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := ParseGrant(data)
		if err != nil {
			return
		}
		_ = VerifyGrant(g, big.NewInt(1337), time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	})
}

func make65hex() []byte {
	b := make([]byte, 130)
	for i := range b {
		b[i] = '1'
	}
	return b
}

func FuzzParseKeyring(f *testing.F) {
	entries, _ := os.ReadDir("testdata/fuzz/FuzzParseKeyring")
	if len(entries) == 0 {
		f.Add([]byte(`{}`))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := parseKeyring(data)
		if err != nil {
			return
		}
		// Parsed: bounds held; a wrong key must never open it.
		if p.header.KDF.N > 1<<MaxScryptLogN || p.header.KDF.N < 1<<MinScryptLogN {
			t.Fatalf("N=%d passed the bounds", p.header.KDF.N)
		}
		if _, err := openKeyring(p, make([]byte, 32)); err == nil {
			t.Fatal("opened with a zero key")
		}
	})
}
