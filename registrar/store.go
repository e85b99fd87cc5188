package registrar

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"github.com/mycroft-network/mycroft/chain"
)

var (
	bucketDevices = []byte("devices") // device id -> Record (JSON)
	bucketOwners  = []byte("owners")  // owner address -> device id
	bucketSerials = []byte("serials") // serial -> device id
)

// Record is what the registrar keeps of one claim it signed.
type Record struct {
	Claim    chain.SignUpClaim `json:"claim"`
	Device   common.Address    `json:"deviceKey"`
	Serial   string            `json:"serial,omitempty"`
	Client   string            `json:"client,omitempty"` // the requester's address
	IssuedAt time.Time         `json:"issuedAt"`
	// GasTx is the gas drop's transaction, when one was sent.
	GasTx common.Hash `json:"gasTx,omitzero"`
}

// store is the registrar's database.
type store struct{ db *bbolt.DB }

func openStore(path string) (*store, error) {
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: time.Second})
	if errors.Is(err, berrors.ErrTimeout) {
		return nil, fmt.Errorf("registrar: database %s is held by another process", path)
	}
	if err != nil {
		return nil, fmt.Errorf("registrar: open database: %w", err)
	}
	err = db.Update(func(tx *bbolt.Tx) error {
		for _, b := range [][]byte{bucketDevices, bucketOwners, bucketSerials} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("registrar: open database: %w", err)
	}
	return &store{db: db}, nil
}

func (s *store) close() error { return s.db.Close() }

// lookup returns the records already held for the request's device, owner
// and serial (nil where none).
func (s *store) lookup(device common.Hash, owner common.Address, serial string) (byDevice, byOwner, bySerial *Record, err error) {
	err = s.db.View(func(tx *bbolt.Tx) error {
		get := func(id []byte) (*Record, error) {
			if id == nil {
				return nil, nil
			}
			v := tx.Bucket(bucketDevices).Get(id)
			if v == nil {
				return nil, nil
			}
			var r Record
			if err := json.Unmarshal(v, &r); err != nil {
				return nil, fmt.Errorf("record %x: %w", id, err)
			}
			return &r, nil
		}
		var err error
		if byDevice, err = get(device.Bytes()); err != nil {
			return err
		}
		if byOwner, err = get(tx.Bucket(bucketOwners).Get(owner.Bytes())); err != nil {
			return err
		}
		if serial != "" {
			if bySerial, err = get(tx.Bucket(bucketSerials).Get([]byte(serial))); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, nil, nil, fmt.Errorf("registrar: database: %w", err)
	}
	return byDevice, byOwner, bySerial, nil
}

// put stores r under its device id, owner and serial, in one transaction.
func (s *store) put(r Record) error {
	v, err := json.Marshal(r)
	if err != nil {
		return err
	}
	id := r.Claim.Device.Bytes()
	err = s.db.Update(func(tx *bbolt.Tx) error {
		if err := tx.Bucket(bucketDevices).Put(id, v); err != nil {
			return err
		}
		if err := tx.Bucket(bucketOwners).Put(r.Claim.Owner.Bytes(), id); err != nil {
			return err
		}
		if r.Serial != "" {
			return tx.Bucket(bucketSerials).Put([]byte(r.Serial), id)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("registrar: database: %w", err)
	}
	return nil
}

// count is how many claims the registrar signed.
func (s *store) count() int {
	n := 0
	_ = s.db.View(func(tx *bbolt.Tx) error {
		n = tx.Bucket(bucketDevices).Stats().KeyN
		return nil
	})
	return n
}

// each calls fn with every record.
func (s *store) each(fn func(Record)) error {
	err := s.db.View(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketDevices).ForEach(func(k, v []byte) error {
			var r Record
			if err := json.Unmarshal(v, &r); err != nil {
				return fmt.Errorf("record %x: %w", k, err)
			}
			fn(r)
			return nil
		})
	})
	if err != nil {
		return fmt.Errorf("registrar: database: %w", err)
	}
	return nil
}

// setGasTx records the gas drop of the claim of device.
func (s *store) setGasTx(device common.Hash, tx common.Hash) error {
	err := s.db.Update(func(btx *bbolt.Tx) error {
		b := btx.Bucket(bucketDevices)
		v := b.Get(device.Bytes())
		if v == nil {
			return fmt.Errorf("no record %x", device)
		}
		var r Record
		if err := json.Unmarshal(v, &r); err != nil {
			return err
		}
		r.GasTx = tx
		nv, err := json.Marshal(r)
		if err != nil {
			return err
		}
		return b.Put(device.Bytes(), nv)
	})
	if err != nil {
		return fmt.Errorf("registrar: database: %w", err)
	}
	return nil
}
