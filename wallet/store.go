package wallet

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"github.com/mycroft-network/mycroft/internal/groupcommit"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"go.etcd.io/bbolt"
)

// Top-level bbolt buckets of the wallet.
const (
	BucketChannels = "wallet/channels" // provider address → Channel JSON
	BucketSpend    = "wallet/spend"    // UTC day "2006-01-02" → decimal amount
	BucketHistory  = "wallet/history"  // 8-byte sequence → sealed HistoryEntry JSON
	BucketLimits   = "wallet/limits"   // "limits" → Limits JSON
)

// Channel is the wallet's record of its channel to one provider.
//
// Signed is the highest cumulative ever signed on the channel (with its
// signature): it only grows, and it is on disk before the voucher is sent.
// Base is the cumulative the provider holds as far as the wallet knows
// (from a receipt, a refusal or a resync); the next voucher is Base +
// price. While Pending is set a voucher left without an answer, and the
// wallet asks the provider (GET /v1/channel/{id}) before the next call.
type Channel struct {
	ID         common.Hash    `json:"id"`
	Provider   common.Address `json:"provider"`
	Endpoint   string         `json:"endpoint"`
	Deposit    *big.Int       `json:"deposit"`
	Signed     *big.Int       `json:"signed"`
	Signature  []byte         `json:"signature,omitempty"`
	Base       *big.Int       `json:"base"`
	Pending    bool           `json:"pending,omitempty"`
	Redeemed   *big.Int       `json:"redeemed"`
	CloseDelay uint64         `json:"closeDelay"`
	ClosesAt   uint64         `json:"closesAt,omitempty"`
	Withdrawn  bool           `json:"withdrawn,omitempty"`
	// LastReceipt is the provider's receipt for Base.
	LastReceipt *Receipt `json:"lastReceipt,omitempty"`
	// Sent is the call the Pending voucher paid for, so that a resync
	// after a crash can record it in the history once the provider shows
	// it holds that voucher.
	Sent *SentCall `json:"sent,omitempty"`
}

// SentCall is what the history needs of a call whose voucher was sent.
type SentCall struct {
	Service string    `json:"service"`
	Price   string    `json:"price"`
	Time    time.Time `json:"time"`
}

func (c *Channel) fix() {
	for _, p := range []**big.Int{&c.Deposit, &c.Signed, &c.Base, &c.Redeemed} {
		if *p == nil {
			*p = new(big.Int)
		}
	}
}

// store wraps the wallet's buckets. Channel updates go through a group
// commit: concurrent calls to different providers share one fsync'd bbolt
// commit, and each returns only once its own write is durable.
type store struct {
	db *bbolt.DB
	gc *groupcommit.Committer
}

func newStore(db *bbolt.DB) (*store, error) {
	err := db.Update(func(tx *bbolt.Tx) error {
		for _, b := range []string{BucketChannels, BucketSpend, BucketHistory, BucketLimits} {
			if _, err := tx.CreateBucketIfNotExists([]byte(b)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("wallet: open store: %w", err)
	}
	return &store{db: db, gc: groupcommit.New(db)}, nil
}

func getChannel(tx *bbolt.Tx, provider common.Address) (*Channel, error) {
	v := tx.Bucket([]byte(BucketChannels)).Get(provider[:])
	if v == nil {
		return nil, nil
	}
	c := new(Channel)
	if err := json.Unmarshal(v, c); err != nil {
		return nil, fmt.Errorf("wallet: channel record %s: %w", provider.Hex(), err)
	}
	c.fix()
	return c, nil
}

func putChannel(tx *bbolt.Tx, c *Channel) error {
	v, err := json.Marshal(c)
	if err != nil {
		return err
	}
	return tx.Bucket([]byte(BucketChannels)).Put(c.Provider[:], v)
}

func (s *store) channel(provider common.Address) (*Channel, error) {
	if err := s.gc.Settle(); err != nil {
		return nil, err
	}
	var c *Channel
	err := s.db.View(func(tx *bbolt.Tx) error {
		var err error
		c, err = getChannel(tx, provider)
		return err
	})
	return c, err
}

func (s *store) channels() ([]*Channel, error) {
	if err := s.gc.Settle(); err != nil {
		return nil, err
	}
	var out []*Channel
	err := s.db.View(func(tx *bbolt.Tx) error {
		return tx.Bucket([]byte(BucketChannels)).ForEach(func(k, _ []byte) error {
			c, err := getChannel(tx, common.BytesToAddress(k))
			if err == nil {
				out = append(out, c)
			}
			return err
		})
	})
	return out, err
}

// update runs f on the stored channel of provider (nil if none) and
// stores what it returns (nothing if it returns nil). f must not write
// when it returns an error (the group commit goes on without it), and it
// may run twice, so it must derive everything from tx and c.
func (s *store) update(provider common.Address, f func(tx *bbolt.Tx, c *Channel) (*Channel, error)) error {
	return s.gc.Update(channelWrite(provider, f))
}

// updateLater is update without waiting for the disk: then (which must not
// block) gets the outcome. It is for the receipt of a call already
// answered: if the process dies first, the channel is still Pending at
// restart and the next call resyncs it from the provider.
func (s *store) updateLater(provider common.Address, f func(tx *bbolt.Tx, c *Channel) (*Channel, error), then func(error)) {
	s.gc.Go(channelWrite(provider, f), then)
}

// channelWrite is the transaction of update and updateLater.
func channelWrite(provider common.Address, f func(tx *bbolt.Tx, c *Channel) (*Channel, error)) func(*bbolt.Tx) error {
	return func(tx *bbolt.Tx) error {
		c, err := getChannel(tx, provider)
		if err != nil {
			return groupcommit.NoWrite{Err: err}
		}
		n, err := f(tx, c)
		if err != nil {
			return groupcommit.NoWrite{Err: err}
		}
		if n == nil {
			return nil
		}
		return putChannel(tx, n)
	}
}

func day(t time.Time) []byte { return []byte(t.UTC().Format("2006-01-02")) }

func spentOn(tx *bbolt.Tx, t time.Time) *big.Int {
	v := tx.Bucket([]byte(BucketSpend)).Get(day(t))
	n := new(big.Int)
	if v != nil {
		n.SetString(string(v), 10)
	}
	return n
}

func addSpent(tx *bbolt.Tx, t time.Time, amount *big.Int) error {
	if amount.Sign() == 0 {
		return nil
	}
	n := spentOn(tx, t)
	n.Add(n, amount)
	return tx.Bucket([]byte(BucketSpend)).Put(day(t), []byte(n.String()))
}

func (s *store) spent(t time.Time) (*big.Int, error) {
	var n *big.Int
	err := s.db.View(func(tx *bbolt.Tx) error { n = spentOn(tx, t); return nil })
	return n, err
}

func (s *store) limits() (Limits, bool, error) {
	var l Limits
	found := false
	err := s.db.View(func(tx *bbolt.Tx) error {
		v := tx.Bucket([]byte(BucketLimits)).Get([]byte("limits"))
		if v == nil {
			return nil
		}
		found = true
		return json.Unmarshal(v, &l)
	})
	if err != nil {
		return l, false, fmt.Errorf("wallet: limits: %w", err)
	}
	return l, found, nil
}

func (s *store) setLimits(l Limits) error {
	v, err := json.Marshal(l)
	if err != nil {
		return err
	}
	return s.db.Update(func(tx *bbolt.Tx) error {
		b := tx.Bucket([]byte(BucketLimits))
		if string(b.Get([]byte("limits"))) == string(v) {
			return nil // skip writes that change nothing
		}
		return b.Put([]byte("limits"), v)
	})
}

// appendHistory stores a sealed entry under the next sequence number.
func appendHistory(tx *bbolt.Tx, seal func(id string) ([]byte, error)) error {
	b := tx.Bucket([]byte(BucketHistory))
	seq, err := b.NextSequence()
	if err != nil {
		return err
	}
	sealed, err := seal(historyID(seq))
	if err != nil {
		return err
	}
	var k [8]byte
	binary.BigEndian.PutUint64(k[:], seq)
	return b.Put(k[:], sealed)
}

func historyID(seq uint64) string { return fmt.Sprintf("wallet/history/%d", seq) }
