package keystore

import (
	"crypto/hkdf"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"io"
	"strconv"
	"sync"

	"golang.org/x/crypto/chacha20poly1305"
)

// Labels used with HKDF. They are part of the on-disk format: changing one
// makes existing data unreadable. Documented in docs/keys.md.
const (
	labelDataRootSalt = "mycroft/keystore/data-root/v1"
	labelDataRootInfo = "mycroft data root"
	labelKEK          = "mycroft/keystore/kek/v1"
	labelShareX25519  = "mycroft/keystore/share-x25519/v1"
	labelKeyTable     = "mycroft/keystore/key-table/v1"
	labelWrapAAD      = "mycroft/keystore/wrap/v1"
	labelRecordAAD    = "mycroft/keystore/record/v1"
)

// Sealed record layout (version 1):
//
//	0  magic "MKR" + version 0x01
//	4  epoch, uint32 big endian
//	8  wrap nonce (24)
//	32 wrapped data key: XChaCha20-Poly1305(KEK, 32-byte key) (48)
//	80 body nonce (24)
//	104 body: XChaCha20-Poly1305(data key, plaintext)
const (
	recMagic      = "MKR\x01"
	recHeaderLen  = 8
	recWrapNonce  = 8
	recWrapped    = 32
	recBodyNonce  = 80
	recBody       = 104
	recOverhead   = recBody + chacha20poly1305.Overhead
	maxRecordID   = 1024
	dataKeyLen    = 32
	wrappedKeyLen = dataKeyLen + chacha20poly1305.Overhead
)

// SealOverhead is the number of bytes Seal adds to a plaintext.
const SealOverhead = recOverhead

// epochInfo is one key epoch of one category. Epoch 0 has an empty salt, so
// its KEK derives from the backup words alone; later epochs (Rotate, Shred)
// get 32 random bytes kept only in the keyring and the key table.
type epochInfo struct {
	Epoch uint32 `json:"e"`
	Salt  []byte `json:"s,omitempty"`
}

// keyTable is the per-category epoch list; the last entry is current.
type keyTable map[Category][]epochInfo

func (t keyTable) clone() keyTable {
	out := make(keyTable, len(t))
	for c, es := range t {
		cp := make([]epochInfo, len(es))
		for i, e := range es {
			cp[i] = epochInfo{Epoch: e.Epoch, Salt: append([]byte(nil), e.Salt...)}
		}
		out[c] = cp
	}
	return out
}

func newKeyTable() keyTable {
	t := make(keyTable)
	for _, c := range Categories() {
		t[c] = []epochInfo{{Epoch: 0}}
	}
	return t
}

// validate checks the table read from a keyring or key-table blob.
func (t keyTable) validate() error {
	for c, es := range t {
		if !c.Valid() {
			return fmt.Errorf("%w: key table: unknown category %q", ErrFormat, string(c))
		}
		if len(es) == 0 {
			return fmt.Errorf("%w: key table: category %s has no epoch", ErrFormat, c)
		}
		for i, e := range es {
			if i > 0 && e.Epoch <= es[i-1].Epoch {
				return fmt.Errorf("%w: key table: epochs of %s not increasing", ErrFormat, c)
			}
			if len(e.Salt) != 0 && len(e.Salt) != 32 {
				return fmt.Errorf("%w: key table: bad salt length", ErrFormat)
			}
		}
	}
	for _, c := range Categories() {
		if _, ok := t[c]; !ok {
			return fmt.Errorf("%w: key table: category %s missing", ErrFormat, c)
		}
	}
	return nil
}

// DataKeys seals and opens records. It holds the data root and the key
// table; it is safe for concurrent use. Obtain one from an unlocked Store
// (the Store itself offers Seal/Open), or with NewDataKeys in tests.
type DataKeys struct {
	redactor
	mu    sync.RWMutex
	root  [32]byte
	table keyTable
	keks  map[kekID]*[32]byte
	rand  io.Reader
	wiped bool
}

type kekID struct {
	cat   Category
	epoch uint32
}

// NewDataKeys returns data keys for the BIP-39 mnemonic m with a fresh key
// table (epoch 0 everywhere). rand is used for data keys and nonces; nil
// means crypto/rand. Intended for tests and tools; the daemon gets its
// DataKeys from the Store.
func NewDataKeys(m Mnemonic, rand io.Reader) (*DataKeys, error) {
	seed, err := seedFromMnemonic(m, "")
	if err != nil {
		return nil, err
	}
	defer wipe(seed)
	root, err := dataRoot(seed)
	if err != nil {
		return nil, err
	}
	return newDataKeys(root, newKeyTable(), rand), nil
}

func newDataKeys(root [32]byte, t keyTable, rand io.Reader) *DataKeys {
	if rand == nil {
		rand = cryptoRand
	}
	return &DataKeys{root: root, table: t, keks: make(map[kekID]*[32]byte), rand: rand}
}

// dataRoot derives the 32-byte data root from the 64-byte BIP-39 seed.
func dataRoot(seed []byte) ([32]byte, error) {
	var out [32]byte
	k, err := hkdf.Key(sha256.New, seed, []byte(labelDataRootSalt), labelDataRootInfo, 32)
	if err != nil {
		return out, fmt.Errorf("keystore: derive data root: %w", err)
	}
	copy(out[:], k)
	wipe(k)
	return out, nil
}

// Wipe zeroes the root and every cached KEK. The DataKeys is unusable after.
func (d *DataKeys) Wipe() {
	d.mu.Lock()
	defer d.mu.Unlock()
	wipe(d.root[:])
	for id, k := range d.keks {
		wipe(k[:])
		delete(d.keks, id)
	}
	d.wiped = true
}

func (d *DataKeys) kek(cat Category, epoch uint32) (*[32]byte, error) {
	id := kekID{cat, epoch}
	d.mu.RLock()
	if d.wiped {
		d.mu.RUnlock()
		return nil, ErrLocked
	}
	k, ok := d.keks[id]
	var salt []byte
	found := false
	if !ok {
		for _, e := range d.table[cat] {
			if e.Epoch == epoch {
				salt, found = e.Salt, true
				break
			}
		}
	}
	d.mu.RUnlock()
	if ok {
		return k, nil
	}
	if !found {
		return nil, fmt.Errorf("%w: %s epoch %d", ErrUnknownEpoch, cat, epoch)
	}
	info := labelKEK + "\x00" + string(cat) + "\x00epoch=" + strconv.FormatUint(uint64(epoch), 10)
	raw, err := hkdf.Key(sha256.New, d.root[:], salt, info, 32)
	if err != nil {
		return nil, fmt.Errorf("keystore: derive kek: %w", err)
	}
	nk := new([32]byte)
	copy(nk[:], raw)
	wipe(raw)
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.wiped {
		wipe(nk[:])
		return nil, ErrLocked
	}
	if old, ok := d.keks[id]; ok {
		wipe(nk[:])
		return old, nil
	}
	d.keks[id] = nk
	return nk, nil
}

// CurrentEpoch returns the epoch new records of cat are sealed under.
func (d *DataKeys) CurrentEpoch(cat Category) (uint32, error) {
	if err := checkCategory(cat); err != nil {
		return 0, err
	}
	d.mu.RLock()
	defer d.mu.RUnlock()
	es := d.table[cat]
	return es[len(es)-1].Epoch, nil
}

func lenPrefixed(dst []byte, s string) []byte {
	dst = binary.BigEndian.AppendUint32(dst, uint32(len(s)))
	return append(dst, s...)
}

func wrapAAD(cat Category, id string, header []byte) []byte {
	a := make([]byte, 0, len(labelWrapAAD)+len(cat)+len(id)+24)
	a = lenPrefixed(a, labelWrapAAD)
	a = lenPrefixed(a, string(cat))
	a = lenPrefixed(a, id)
	return append(a, header...)
}

func bodyAAD(cat Category, id string) []byte {
	a := make([]byte, 0, len(labelRecordAAD)+len(cat)+len(id)+12)
	a = lenPrefixed(a, labelRecordAAD)
	a = lenPrefixed(a, string(cat))
	return lenPrefixed(a, id)
}

func checkRecordID(id string) error {
	if id == "" || len(id) > maxRecordID {
		return fmt.Errorf("%w: record id must be 1..%d bytes", ErrFormat, maxRecordID)
	}
	return nil
}

// Seal encrypts plaintext as record recordID of category cat: a fresh
// random data key encrypts the body (XChaCha20-Poly1305, associated data =
// category + record id) and is itself wrapped by the category's current
// KEK (associated data = category + record id + epoch). The result opens
// only with the same category and record id.
func (d *DataKeys) Seal(cat Category, recordID string, plaintext []byte) ([]byte, error) {
	if err := checkCategory(cat); err != nil {
		return nil, fmt.Errorf("keystore: seal: %w", err)
	}
	if err := checkRecordID(recordID); err != nil {
		return nil, fmt.Errorf("keystore: seal: %w", err)
	}
	epoch, _ := d.CurrentEpoch(cat)
	kek, err := d.kek(cat, epoch)
	if err != nil {
		return nil, fmt.Errorf("keystore: seal: %w", err)
	}
	var dek [dataKeyLen]byte
	defer wipe(dek[:])
	out := make([]byte, recBody, recOverhead+len(plaintext))
	copy(out, recMagic)
	binary.BigEndian.PutUint32(out[4:8], epoch)
	if _, err := io.ReadFull(d.rand, dek[:]); err != nil {
		return nil, fmt.Errorf("keystore: seal: random: %w", err)
	}
	if _, err := io.ReadFull(d.rand, out[recWrapNonce:recWrapped]); err != nil {
		return nil, fmt.Errorf("keystore: seal: random: %w", err)
	}
	if _, err := io.ReadFull(d.rand, out[recBodyNonce:recBody]); err != nil {
		return nil, fmt.Errorf("keystore: seal: random: %w", err)
	}
	wa, _ := chacha20poly1305.NewX(kek[:])
	wa.Seal(out[recWrapped:recWrapped], out[recWrapNonce:recWrapped], dek[:], wrapAAD(cat, recordID, out[:recHeaderLen]))
	ba, _ := chacha20poly1305.NewX(dek[:])
	return ba.Seal(out, out[recBodyNonce:recBody], plaintext, bodyAAD(cat, recordID)), nil
}

// unwrap checks the layout and returns the record's data key.
func (d *DataKeys) unwrap(cat Category, recordID string, sealed []byte) (*[dataKeyLen]byte, error) {
	if err := checkCategory(cat); err != nil {
		return nil, err
	}
	if err := checkRecordID(recordID); err != nil {
		return nil, err
	}
	if len(sealed) < recOverhead || string(sealed[:4]) != recMagic {
		return nil, fmt.Errorf("%w: not a sealed record", ErrFormat)
	}
	epoch := binary.BigEndian.Uint32(sealed[4:8])
	kek, err := d.kek(cat, epoch)
	if err != nil {
		return nil, err
	}
	wa, _ := chacha20poly1305.NewX(kek[:])
	dek := new([dataKeyLen]byte)
	if _, err := wa.Open(dek[:0], sealed[recWrapNonce:recWrapped], sealed[recWrapped:recBodyNonce], wrapAAD(cat, recordID, sealed[:recHeaderLen])); err != nil {
		return nil, ErrOpen
	}
	return dek, nil
}

// Open authenticates and decrypts a record sealed by Seal for the same
// category and record id. Any change to the blob, the category or the id
// gives ErrOpen.
func (d *DataKeys) Open(cat Category, recordID string, sealed []byte) ([]byte, error) {
	dek, err := d.unwrap(cat, recordID, sealed)
	if err != nil {
		return nil, fmt.Errorf("keystore: open: %w", err)
	}
	defer wipe(dek[:])
	return openBody(dek, cat, recordID, sealed)
}

func openBody(dek *[dataKeyLen]byte, cat Category, recordID string, sealed []byte) ([]byte, error) {
	if len(sealed) < recOverhead || string(sealed[:4]) != recMagic {
		return nil, fmt.Errorf("keystore: open: %w: not a sealed record", ErrFormat)
	}
	ba, _ := chacha20poly1305.NewX(dek[:])
	pt, err := ba.Open(nil, sealed[recBodyNonce:recBody], sealed[recBody:], bodyAAD(cat, recordID))
	if err != nil {
		return nil, fmt.Errorf("keystore: open: %w", ErrOpen)
	}
	return pt, nil
}

// RecordKey returns the data key of one sealed record, for sharing it in a
// grant. The record is fully authenticated first.
func (d *DataKeys) RecordKey(cat Category, recordID string, sealed []byte) (DataKey, error) {
	dek, err := d.unwrap(cat, recordID, sealed)
	if err != nil {
		return DataKey{}, fmt.Errorf("keystore: record key: %w", err)
	}
	defer wipe(dek[:])
	pt, err := openBody(dek, cat, recordID, sealed)
	if err != nil {
		return DataKey{}, fmt.Errorf("keystore: record key: %w", err)
	}
	wipe(pt)
	var k DataKey
	k.key = *dek
	return k, nil
}

// OpenWithKey opens a sealed record with its data key (as received in a
// grant), checking the same category and record id binding as Open.
func OpenWithKey(key DataKey, cat Category, recordID string, sealed []byte) ([]byte, error) {
	if err := checkCategory(cat); err != nil {
		return nil, fmt.Errorf("keystore: open: %w", err)
	}
	if err := checkRecordID(recordID); err != nil {
		return nil, fmt.Errorf("keystore: open: %w", err)
	}
	k := key.key
	defer wipe(k[:])
	return openBody(&k, cat, recordID, sealed)
}

// Rewrap re-wraps a record's data key under the category's current epoch,
// without touching the body. Records already at the current epoch are
// returned unchanged (same slice).
func (d *DataKeys) Rewrap(cat Category, recordID string, sealed []byte) ([]byte, error) {
	dek, err := d.unwrap(cat, recordID, sealed)
	if err != nil {
		return nil, fmt.Errorf("keystore: rewrap: %w", err)
	}
	defer wipe(dek[:])
	epoch, _ := d.CurrentEpoch(cat)
	if binary.BigEndian.Uint32(sealed[4:8]) == epoch {
		return sealed, nil
	}
	kek, err := d.kek(cat, epoch)
	if err != nil {
		return nil, fmt.Errorf("keystore: rewrap: %w", err)
	}
	out := append([]byte(nil), sealed...)
	binary.BigEndian.PutUint32(out[4:8], epoch)
	if _, err := io.ReadFull(d.rand, out[recWrapNonce:recWrapped]); err != nil {
		return nil, fmt.Errorf("keystore: rewrap: random: %w", err)
	}
	wa, _ := chacha20poly1305.NewX(kek[:])
	wa.Seal(out[recWrapped:recWrapped], out[recWrapNonce:recWrapped], dek[:], wrapAAD(cat, recordID, out[:recHeaderLen]))
	return out, nil
}

// RecordEpoch returns the key epoch a sealed record was wrapped under
// (without authenticating it), so a background pass can pick records that
// need Rewrap.
func RecordEpoch(sealed []byte) (uint32, error) {
	if len(sealed) < recOverhead || string(sealed[:4]) != recMagic {
		return 0, fmt.Errorf("keystore: record epoch: %w: not a sealed record", ErrFormat)
	}
	return binary.BigEndian.Uint32(sealed[4:8]), nil
}

// rotate starts a new epoch for cat with a random salt. With shred, every
// older epoch of cat is forgotten (its KEK can no longer be derived from
// this keyring; see docs/keys.md for what that guarantees).
func (d *DataKeys) rotate(cat Category, shred bool) (uint32, error) {
	if err := checkCategory(cat); err != nil {
		return 0, err
	}
	salt := make([]byte, 32)
	if _, err := io.ReadFull(d.rand, salt); err != nil {
		return 0, fmt.Errorf("random: %w", err)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.wiped {
		return 0, ErrLocked
	}
	es := d.table[cat]
	next := es[len(es)-1].Epoch + 1
	if shred {
		for _, e := range es {
			if k, ok := d.keks[kekID{cat, e.Epoch}]; ok {
				wipe(k[:])
				delete(d.keks, kekID{cat, e.Epoch})
			}
			wipe(e.Salt)
		}
		es = nil
	}
	d.table[cat] = append(es, epochInfo{Epoch: next, Salt: salt})
	return next, nil
}

func (d *DataKeys) snapshotTable() keyTable {
	d.mu.RLock()
	defer d.mu.RUnlock()
	return d.table.clone()
}

func (d *DataKeys) setTable(t keyTable) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.table = t
	for id, k := range d.keks {
		wipe(k[:])
		delete(d.keks, id)
	}
}
