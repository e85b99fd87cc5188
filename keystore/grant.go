package keystore

import (
	"context"
	"crypto/ecdh"
	"crypto/hkdf"
	"crypto/hpke"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math/big"
	"slices"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
	"github.com/mycroft-network/mycroft/keystore/internal/strictjson"
)

// Grant limits.
const (
	MaxGrantRecords = 10_000
	maxGrantLen     = 4 << 20
	maxPurposeLen   = 1024
	labelGrantInfo  = "mycroft/keystore/grant/v1"
)

// clockFloor: a device whose clock reads earlier than this has not set its
// clock yet; grant checks then fail closed.
var clockFloor = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

// SealedRecord names one stored record to share.
type SealedRecord struct {
	Category Category
	RecordID string
	Sealed   []byte
}

// GrantedRecord is one record key handed over by a grant. Key redacts.
type GrantedRecord struct {
	Category Category
	RecordID string
	Key      DataKey
}

// GrantRequest describes a grant the owner makes.
type GrantRequest struct {
	Grantee common.Address
	// GranteeKey is the grantee's 32-byte X25519 sharing key
	// (Store.SharePublicKey on the grantee's device).
	GranteeKey []byte
	Dataset    common.Hash
	Records    []SealedRecord
	Expiry     time.Time
	Price      *big.Int // in token base units; nil means free
	Purpose    string
	// VerifyingContract is the EIP-712 domain contract (zero allowed).
	VerifyingContract common.Address
}

// Grant is a signed, wrapped set of record keys for one grantee. Its JSON
// form is what travels to the grantee. The signature covers every field
// (EIP-712 Grant with wrapHash = keccak256(Wrapped)); Owner is the signer.
type Grant struct {
	Owner             common.Address `json:"owner"`
	Grantee           common.Address `json:"grantee"`
	Dataset           common.Hash    `json:"dataset"`
	Expiry            uint64         `json:"expiry"`
	Price             *hexutil.Big   `json:"price"`
	Purpose           string         `json:"purpose"`
	ChainID           *hexutil.Big   `json:"chainId"`
	VerifyingContract common.Address `json:"verifyingContract"`
	Wrapped           []byte         `json:"wrapped"`
	Signature         hexutil.Bytes  `json:"signature"`
}

// TypedData returns the EIP-712 Grant message the owner signs.
func (g *Grant) TypedData() (apitypes.TypedData, error) {
	if g.ChainID == nil || g.Price == nil {
		return apitypes.TypedData{}, fmt.Errorf("%w: chain id and price required", ErrGrant)
	}
	return NewTypedData("Grant", g.ChainID.ToInt(), g.VerifyingContract, map[string]any{
		"grantee":  g.Grantee.Hex(),
		"dataset":  g.Dataset.Hex(),
		"expiry":   new(big.Int).SetUint64(g.Expiry),
		"price":    new(big.Int).Set(g.Price.ToInt()),
		"purpose":  g.Purpose,
		"wrapHash": crypto.Keccak256Hash(g.Wrapped).Hex(),
	})
}

// grantInfo binds the HPKE wrap to the grant's parties and terms.
func grantInfo(owner, grantee common.Address, dataset common.Hash, expiry uint64, chainID *big.Int) []byte {
	b := []byte(labelGrantInfo)
	b = append(b, owner.Bytes()...)
	b = append(b, grantee.Bytes()...)
	b = append(b, dataset.Bytes()...)
	b = binary.BigEndian.AppendUint64(b, expiry)
	return append(b, common.LeftPadBytes(chainID.Bytes(), 32)...)
}

type grantPayload struct {
	Records []grantPayloadRecord `json:"records"`
}

type grantPayloadRecord struct {
	C  Category `json:"c"`
	ID string   `json:"id"`
	K  []byte   `json:"k"`
}

var shareSuite = struct {
	kem  hpke.KEM
	kdf  hpke.KDF
	aead hpke.AEAD
}{hpke.DHKEM(ecdh.X25519()), hpke.HKDFSHA256(), hpke.ChaCha20Poly1305()}

// shareKey derives the X25519 sharing identity from the data root.
func (d *DataKeys) shareKey() (*ecdh.PrivateKey, error) {
	d.mu.RLock()
	defer d.mu.RUnlock()
	if d.wiped {
		return nil, ErrLocked
	}
	raw, err := hkdf.Key(sha256.New, d.root[:], nil, labelShareX25519, 32)
	if err != nil {
		return nil, err
	}
	defer wipe(raw)
	return ecdh.X25519().NewPrivateKey(raw)
}

// SharePublicKey returns this device's 32-byte X25519 sharing key, which
// an owner wraps grants to. It derives from the backup words, so it
// survives a restore.
func (s *Store) SharePublicKey() ([]byte, error) {
	d, err := s.dataKeys()
	if err != nil {
		return nil, fmt.Errorf("keystore: share key: %w", err)
	}
	k, err := d.shareKey()
	if err != nil {
		return nil, fmt.Errorf("keystore: share key: %w", err)
	}
	return k.PublicKey().Bytes(), nil
}

// CreateGrant wraps the data keys of req.Records to the grantee's sharing
// key and signs the grant with the wallet key. Every record is fully
// authenticated first. Refused if sharing with this grantee (and dataset)
// was revoked. Needs the data keys and the wallet key unlocked.
func (s *Store) CreateGrant(ctx context.Context, req GrantRequest) (*Grant, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	now := s.now()
	if now.Before(clockFloor) {
		return nil, fmt.Errorf("keystore: grant: %w: clock not set", ErrGrantExpired)
	}
	if !req.Expiry.After(now) {
		return nil, fmt.Errorf("keystore: grant: %w: expiry in the past", ErrGrantExpired)
	}
	if len(req.Records) == 0 || len(req.Records) > MaxGrantRecords {
		return nil, fmt.Errorf("keystore: grant: %w: need 1..%d records", ErrGrant, MaxGrantRecords)
	}
	if len(req.Purpose) > maxPurposeLen || req.Grantee == (common.Address{}) {
		return nil, fmt.Errorf("keystore: grant: %w: purpose too long or no grantee", ErrGrant)
	}
	if req.Price != nil && req.Price.Sign() < 0 {
		return nil, fmt.Errorf("keystore: grant: %w: negative price", ErrGrant)
	}
	pub, err := shareSuite.kem.NewPublicKey(req.GranteeKey)
	if err != nil {
		return nil, fmt.Errorf("keystore: grant: %w: grantee key: %v", ErrGrant, err)
	}
	if s.isRevoked(req.Grantee, req.Dataset) {
		return nil, fmt.Errorf("keystore: grant: %w", ErrRevoked)
	}
	d, err := s.dataKeys()
	if err != nil {
		return nil, fmt.Errorf("keystore: grant: %w", err)
	}
	var pl grantPayload
	defer func() {
		for _, r := range pl.Records {
			wipe(r.K)
		}
	}()
	for _, r := range req.Records {
		k, err := d.RecordKey(r.Category, r.RecordID, r.Sealed)
		if err != nil {
			return nil, fmt.Errorf("keystore: grant: record %q: %w", r.RecordID, err)
		}
		pl.Records = append(pl.Records, grantPayloadRecord{C: r.Category, ID: r.RecordID, K: append([]byte(nil), k.key[:]...)})
		k.Wipe()
	}
	pt, err := json.Marshal(pl)
	if err != nil {
		return nil, fmt.Errorf("keystore: grant: %w", err)
	}
	defer wipe(pt)
	price := req.Price
	if price == nil {
		price = new(big.Int)
	}
	g := &Grant{
		Owner:             s.Address(),
		Grantee:           req.Grantee,
		Dataset:           req.Dataset,
		Expiry:            uint64(req.Expiry.Unix()),
		Price:             (*hexutil.Big)(new(big.Int).Set(price)),
		Purpose:           req.Purpose,
		ChainID:           (*hexutil.Big)(s.ChainID()),
		VerifyingContract: req.VerifyingContract,
	}
	g.Wrapped, err = hpke.Seal(pub, shareSuite.kdf, shareSuite.aead, grantInfo(g.Owner, g.Grantee, g.Dataset, g.Expiry, s.opts.ChainID), pt)
	if err != nil {
		return nil, fmt.Errorf("keystore: grant: wrap: %w", err)
	}
	td, err := g.TypedData()
	if err != nil {
		return nil, err
	}
	if g.Signature, err = s.SignTypedData(td); err != nil {
		return nil, fmt.Errorf("keystore: grant: %w", err)
	}
	s.log.Info("keystore: grant created", "grantee", g.Grantee, "dataset", g.Dataset, "records", len(req.Records), "expiry", req.Expiry.UTC())
	return g, nil
}

// ParseGrant decodes a grant received from outside (strict JSON, size
// bounded). It does not verify it: call VerifyGrant or Store.AcceptGrant.
func ParseGrant(data []byte) (*Grant, error) {
	var g Grant
	if err := strictjson.Decode(data, maxGrantLen, &g); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrGrant, err)
	}
	if g.ChainID == nil || g.Price == nil || g.Price.ToInt().Sign() < 0 || len(g.Signature) != 65 || len(g.Wrapped) == 0 || len(g.Purpose) > maxPurposeLen {
		return nil, fmt.Errorf("%w: missing or malformed fields", ErrGrant)
	}
	return &g, nil
}

// VerifyGrant checks a grant's signature (it must recover to g.Owner), its
// chain id and that it has not expired at now. A clock that is not set
// (before 2025) fails closed.
func VerifyGrant(g *Grant, chainID *big.Int, now time.Time) error {
	if g == nil || g.ChainID == nil || chainID == nil || g.ChainID.ToInt().Cmp(chainID) != 0 {
		return fmt.Errorf("keystore: verify grant: %w", ErrChainID)
	}
	if now.Before(clockFloor) {
		return fmt.Errorf("keystore: verify grant: %w: clock not set", ErrGrantExpired)
	}
	if g.Expiry > uint64(1<<62) || now.Unix() >= int64(g.Expiry) {
		return fmt.Errorf("keystore: verify grant: %w", ErrGrantExpired)
	}
	td, err := g.TypedData()
	if err != nil {
		return fmt.Errorf("keystore: verify grant: %w", err)
	}
	if err := checkTypedData(td, chainID, nil); err != nil {
		return fmt.Errorf("keystore: verify grant: %w", err)
	}
	who, err := RecoverTypedData(td, g.Signature)
	if err != nil || who != g.Owner {
		return fmt.Errorf("keystore: verify grant: %w: bad signature", ErrGrant)
	}
	return nil
}

// AcceptGrant verifies a grant addressed to this device's wallet and
// unwraps its record keys with this device's sharing key. Open the records
// with OpenWithKey.
func (s *Store) AcceptGrant(g *Grant) ([]GrantedRecord, error) {
	if err := VerifyGrant(g, s.opts.ChainID, s.now()); err != nil {
		return nil, err
	}
	if g.Grantee != s.Address() {
		return nil, fmt.Errorf("keystore: accept grant: %w: addressed to %s", ErrGrant, g.Grantee.Hex())
	}
	d, err := s.dataKeys()
	if err != nil {
		return nil, fmt.Errorf("keystore: accept grant: %w", err)
	}
	sk, err := d.shareKey()
	if err != nil {
		return nil, fmt.Errorf("keystore: accept grant: %w", err)
	}
	priv, err := hpke.NewDHKEMPrivateKey(sk)
	if err != nil {
		return nil, fmt.Errorf("keystore: accept grant: %w", err)
	}
	pt, err := hpke.Open(priv, shareSuite.kdf, shareSuite.aead, grantInfo(g.Owner, g.Grantee, g.Dataset, g.Expiry, g.ChainID.ToInt()), g.Wrapped)
	if err != nil {
		return nil, fmt.Errorf("keystore: accept grant: %w: cannot unwrap", ErrGrant)
	}
	defer wipe(pt)
	var pl grantPayload
	if err := strictjson.Decode(pt, maxGrantLen, &pl); err != nil {
		return nil, fmt.Errorf("keystore: accept grant: %w: %v", ErrGrant, err)
	}
	out := make([]GrantedRecord, 0, len(pl.Records))
	for _, r := range pl.Records {
		if !r.C.Valid() || checkRecordID(r.ID) != nil || len(r.K) != dataKeyLen {
			return nil, fmt.Errorf("keystore: accept grant: %w: bad record entry", ErrGrant)
		}
		gr := GrantedRecord{Category: r.C, RecordID: r.ID}
		copy(gr.Key.key[:], r.K)
		wipe(r.K)
		out = append(out, gr)
	}
	return out, nil
}

// Revoke stops any new grant to grantee for dataset (the zero hash: for
// every dataset). It cannot take back keys already handed over: the
// grantee keeps what earlier grants gave (docs/keys.md). To keep future
// records of a category out of reach of old keys as well, Rotate it.
func (s *Store) Revoke(ctx context.Context, grantee common.Address, dataset common.Hash) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.data == nil {
		return fmt.Errorf("keystore: revoke: %w", ErrLocked)
	}
	r := revocation{Grantee: grantee, Dataset: dataset, At: s.now().UTC()}
	next := append(slices.Clone(s.revoked), r)
	if err := s.rewriteLocked(func(pl *payload) error { pl.Revoked = next; return nil }, false); err != nil {
		return fmt.Errorf("keystore: revoke: %w", err)
	}
	s.revoked = next
	s.log.Info("keystore: sharing revoked", "grantee", grantee, "dataset", dataset)
	return nil
}

func (s *Store) isRevoked(grantee common.Address, dataset common.Hash) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, r := range s.revoked {
		if r.Grantee == grantee && (r.Dataset == (common.Hash{}) || r.Dataset == dataset) {
			return true
		}
	}
	return false
}
