package provider

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/mycroft-network/mycroft/internal/groupcommit"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"go.etcd.io/bbolt"
)

// Bucket is the provider's top-level bbolt bucket; channel records live in
// its nested bucket "channels", keyed by the 32-byte channel id.
const Bucket = "miner/provider"

var channelsBucket = []byte("channels")

// The channel set (see chanSet) survives a restart: nested bucket
// "opened" holds the ids of the channels opened to the provider, key
// "scan" the first block not scanned yet (8 bytes, big-endian).
var (
	openedBucket = []byte("opened")
	scanKey      = []byte("scan")
)

// Record is what the provider keeps per channel. Cumulative/Signature is
// the highest voucher accepted; while Pending is set the call it paid for
// has not been answered yet, and Prev/PrevSignature is the voucher before
// it (what is redeemable, and what a failed or interrupted call reverts to).
type Record struct {
	Channel       common.Hash    `json:"channel"`
	Payer         common.Address `json:"payer"`
	Cumulative    *big.Int       `json:"cumulative"`
	Signature     []byte         `json:"signature"`
	Pending       bool           `json:"pending,omitempty"`
	Prev          *big.Int       `json:"prev"`
	PrevSignature []byte         `json:"prevSignature,omitempty"`
	// Last served call: its request hash and the receipt signature for
	// ReceiptCumulative.
	Request           common.Hash `json:"request"`
	ReceiptCumulative *big.Int    `json:"receiptCumulative"`
	ReceiptSignature  []byte      `json:"receiptSignature,omitempty"`
	// Redeemed is what the chain has paid for this channel, as last seen.
	Redeemed *big.Int `json:"redeemed"`
	Calls    uint64   `json:"calls"`
}

// Redeemable returns the highest voucher whose call was answered.
func (r *Record) Redeemable() (*big.Int, []byte) {
	if r.Pending {
		return r.Prev, r.PrevSignature
	}
	return r.Cumulative, r.Signature
}

func newRecord(ch common.Hash, payer common.Address) *Record {
	return &Record{Channel: ch, Payer: payer, Cumulative: new(big.Int), Prev: new(big.Int),
		ReceiptCumulative: new(big.Int), Redeemed: new(big.Int)}
}

// store wraps the provider's bucket of the daemon's bbolt database. The
// writes of a call (accept, complete, revert) go through a group commit:
// concurrent calls on different channels share one fsync'd bbolt commit,
// and each returns only once its own write is durable.
type store struct {
	db *bbolt.DB
	gc *groupcommit.Committer
}

func newStore(db *bbolt.DB) (*store, error) {
	err := db.Update(func(tx *bbolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists([]byte(Bucket))
		if err != nil {
			return err
		}
		if _, err = b.CreateBucketIfNotExists(channelsBucket); err != nil {
			return err
		}
		_, err = b.CreateBucketIfNotExists(openedBucket)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("provider: open store: %w", err)
	}
	return &store{db: db, gc: groupcommit.New(db)}, nil
}

func bucket(tx *bbolt.Tx) *bbolt.Bucket {
	return tx.Bucket([]byte(Bucket)).Bucket(channelsBucket)
}

func getRecord(tx *bbolt.Tx, ch common.Hash) (*Record, error) {
	v := bucket(tx).Get(ch[:])
	if v == nil {
		return nil, nil
	}
	r := new(Record)
	if err := json.Unmarshal(v, r); err != nil {
		return nil, fmt.Errorf("provider: record %s: %w", ch.Hex(), err)
	}
	for _, p := range []**big.Int{&r.Cumulative, &r.Prev, &r.ReceiptCumulative, &r.Redeemed} {
		if *p == nil {
			*p = new(big.Int)
		}
	}
	return r, nil
}

func putRecord(tx *bbolt.Tx, r *Record) error {
	v, err := json.Marshal(r)
	if err != nil {
		return err
	}
	return bucket(tx).Put(r.Channel[:], v)
}

// Get returns the record of a channel, or nil.
func (s *store) get(ch common.Hash) (*Record, error) {
	if err := s.gc.Settle(); err != nil { // see every call answered before
		return nil, err
	}
	var r *Record
	err := s.db.View(func(tx *bbolt.Tx) error {
		var err error
		r, err = getRecord(tx, ch)
		return err
	})
	return r, err
}

// accept checks v against the stored record (monotonic, exact price) and,
// if it passes, stores it as pending in the same transaction. It returns
// the record as stored. last is the cumulative held before, for errors.
func (s *store) accept(v Voucher, payer common.Address, price *big.Int) (rec *Record, err error) {
	err = s.gc.Update(func(tx *bbolt.Tx) error {
		rec = nil
		r, err := getRecord(tx, v.Channel)
		if err != nil {
			return groupcommit.NoWrite{Err: err}
		}
		if r == nil {
			r = newRecord(v.Channel, payer)
		}
		if r.Pending {
			// A call on this channel is in flight (callers serialise per
			// channel, so this only happens after a crash, which Open
			// repairs); refuse rather than guess.
			return groupcommit.NoWrite{Err: &refusal{err: ErrStale, held: r.Cumulative, msg: "a call on this channel is still pending"}}
		}
		switch c := v.Cumulative.Cmp(r.Cumulative); {
		case c == 0 && r.Cumulative.Sign() > 0:
			return groupcommit.NoWrite{Err: &refusal{err: ErrReplayed, held: r.Cumulative, msg: "voucher already accepted"}}
		case c <= 0:
			return groupcommit.NoWrite{Err: &refusal{err: ErrStale, held: r.Cumulative, msg: fmt.Sprintf("cumulative %s is not above %s", v.Cumulative, r.Cumulative)}}
		}
		inc := new(big.Int).Sub(v.Cumulative, r.Cumulative)
		if inc.Cmp(price) != 0 {
			return groupcommit.NoWrite{Err: &refusal{err: ErrWrongPrice, held: r.Cumulative, price: price,
				msg: fmt.Sprintf("increment %s, price %s", inc, price)}}
		}
		r.Prev, r.PrevSignature = r.Cumulative, r.Signature
		r.Cumulative, r.Signature = new(big.Int).Set(v.Cumulative), append([]byte(nil), v.Signature...)
		r.Pending = true
		r.Payer = payer
		rec = r
		return putRecord(tx, r)
	})
	return rec, err
}

// complete clears the pending mark and stores the receipt of the call.
// It does not wait for the disk: the answer goes out while the write is
// on its way, and then is called with its outcome. Writes are applied in
// the order they are queued, so the channel's next accept sees it. If the
// process dies first, the voucher is still pending at restart and is
// reverted: the provider loses that one call's price, never the payer.
func (s *store) complete(ch common.Hash, cumulative *big.Int, request common.Hash, receiptSig []byte, then func(error)) {
	s.gc.Go(func(tx *bbolt.Tx) error {
		r, err := getRecord(tx, ch)
		if err != nil {
			return groupcommit.NoWrite{Err: err}
		}
		if r == nil || !r.Pending || r.Cumulative.Cmp(cumulative) != 0 {
			return groupcommit.NoWrite{Err: fmt.Errorf("provider: complete %s: no pending call at %s", ch.Hex(), cumulative)}
		}
		r.Pending = false
		r.Prev, r.PrevSignature = new(big.Int), nil
		r.Request = request
		r.ReceiptCumulative = new(big.Int).Set(cumulative)
		r.ReceiptSignature = receiptSig
		r.Calls++
		return putRecord(tx, r)
	}, then)
}

// revert drops a pending voucher whose call was not answered: the payer
// was not served, so it is not charged, and its next voucher may carry the
// same cumulative again.
func (s *store) revert(ch common.Hash, cumulative *big.Int) error {
	return s.gc.Update(func(tx *bbolt.Tx) error {
		r, err := getRecord(tx, ch)
		if err != nil {
			return groupcommit.NoWrite{Err: err}
		}
		if r == nil || !r.Pending || r.Cumulative.Cmp(cumulative) != 0 {
			return nil
		}
		revertRecord(r)
		return putRecord(tx, r)
	})
}

func revertRecord(r *Record) {
	r.Cumulative, r.Signature = r.Prev, r.PrevSignature
	if r.Cumulative == nil {
		r.Cumulative = new(big.Int)
	}
	r.Prev, r.PrevSignature = new(big.Int), nil
	r.Pending = false
}

// recoverPending reverts every call left pending by a crash. It returns
// how many it reverted.
func (s *store) recoverPending() (int, error) {
	n := 0
	err := s.db.Update(func(tx *bbolt.Tx) error {
		c := bucket(tx).Cursor()
		var todo []*Record
		for k, v := c.First(); k != nil; k, v = c.Next() {
			var r Record
			if err := json.Unmarshal(v, &r); err != nil {
				return fmt.Errorf("provider: record %x: %w", k, err)
			}
			if r.Pending {
				rec, err := getRecord(tx, common.BytesToHash(k))
				if err != nil {
					return err
				}
				todo = append(todo, rec)
			}
		}
		for _, r := range todo {
			revertRecord(r)
			if err := putRecord(tx, r); err != nil {
				return err
			}
		}
		n = len(todo)
		return nil
	})
	return n, err
}

// setRedeemed records what the chain has paid for a channel.
func (s *store) setRedeemed(ch common.Hash, redeemed *big.Int) error {
	return s.db.Update(func(tx *bbolt.Tx) error {
		r, err := getRecord(tx, ch)
		if err != nil || r == nil {
			return err
		}
		if r.Redeemed.Cmp(redeemed) == 0 {
			return nil
		}
		r.Redeemed = new(big.Int).Set(redeemed)
		return putRecord(tx, r)
	})
}

// all returns every record.
func (s *store) all() ([]*Record, error) {
	if err := s.gc.Settle(); err != nil { // see every call answered before
		return nil, err
	}
	var out []*Record
	err := s.db.View(func(tx *bbolt.Tx) error {
		return bucket(tx).ForEach(func(k, _ []byte) error {
			r, err := getRecord(tx, common.BytesToHash(k))
			if err != nil {
				return err
			}
			out = append(out, r)
			return nil
		})
	})
	return out, err
}

// refusal is a voucher refused by the store, with what the provider holds.
type refusal struct {
	err   error
	held  *big.Int
	price *big.Int
	msg   string
}

func (r *refusal) Error() string { return r.err.Error() + ": " + r.msg }
func (r *refusal) Unwrap() error { return r.err }

func asRefusal(err error) *refusal {
	var r *refusal
	if errors.As(err, &r) {
		return r
	}
	return nil
}

// opened returns the stored channel set and scan cursor (0: never scanned).
func (s *store) opened() ([]common.Hash, uint64, error) {
	var ids []common.Hash
	var next uint64
	err := s.db.View(func(tx *bbolt.Tx) error {
		top := tx.Bucket([]byte(Bucket))
		if v := top.Get(scanKey); len(v) == 8 {
			next = binary.BigEndian.Uint64(v)
		}
		return top.Bucket(openedBucket).ForEach(func(k, _ []byte) error {
			if len(k) == common.HashLength {
				ids = append(ids, common.BytesToHash(k))
			}
			return nil
		})
	})
	if err != nil {
		return nil, 0, fmt.Errorf("provider: load channel set: %w", err)
	}
	return ids, next, nil
}

// saveOpened adds ids to the stored channel set and moves the scan cursor
// to next, in one transaction.
func (s *store) saveOpened(ids []common.Hash, next uint64) error {
	err := s.db.Update(func(tx *bbolt.Tx) error {
		top := tx.Bucket([]byte(Bucket))
		ob := top.Bucket(openedBucket)
		for _, id := range ids {
			if err := ob.Put(id[:], []byte{}); err != nil {
				return err
			}
		}
		return top.Put(scanKey, binary.BigEndian.AppendUint64(nil, next))
	})
	if err != nil {
		return fmt.Errorf("provider: save channel set: %w", err)
	}
	return nil
}
