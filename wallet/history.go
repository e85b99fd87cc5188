package wallet

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"go.etcd.io/bbolt"
)

// HistoryEntry is one payment, sealed in bucket "wallet/history" under
// the data category "queries" (HistoryCategory), record id
// "wallet/history/<seq>".
type HistoryEntry struct {
	Seq        uint64         `json:"seq"`
	Time       time.Time      `json:"time"`
	Service    string         `json:"service"`
	Provider   common.Address `json:"provider"`
	Channel    common.Hash    `json:"channel"`
	Price      string         `json:"price"`
	Cumulative string         `json:"cumulative"`
	Request    common.Hash    `json:"request,omitempty"`
	Status     string         `json:"status"` // paid, refused
	Error      string         `json:"error,omitempty"`
	// Note says how a paid entry was recorded when not at the answer
	// ("recovered after a restart": from the provider, at resync).
	Note string `json:"note,omitempty"`
}

// record appends a sealed history entry. Without a Sealer nothing is
// recorded (history is never stored in clear).
func (w *Wallet) record(e HistoryEntry) {
	if w.cfg.Sealer == nil {
		return
	}
	if err := w.st.db.Update(func(tx *bbolt.Tx) error { return w.recordTx(tx, e) }); err != nil {
		w.log.Warn("wallet: record history", "err", err)
	}
}

// recordTx appends a sealed entry inside tx (a no-op without a Sealer).
func (w *Wallet) recordTx(tx *bbolt.Tx, e HistoryEntry) error {
	if w.cfg.Sealer == nil {
		return nil
	}
	return appendHistory(tx, func(id string) ([]byte, error) {
		e.Seq = tx.Bucket([]byte(BucketHistory)).Sequence()
		b, err := json.Marshal(e)
		if err != nil {
			return nil, err
		}
		return w.cfg.Sealer.Seal(HistoryCategory, id, b)
	})
}

// History returns up to limit most recent entries, newest first (all if
// limit ≤ 0). Entries that do not open (wrong keys) are skipped and
// counted in the error.
func (w *Wallet) History(limit int) ([]HistoryEntry, error) {
	if w.cfg.Sealer == nil {
		return nil, fmt.Errorf("wallet: history: keyring locked")
	}
	if err := w.st.gc.Settle(); err != nil {
		return nil, fmt.Errorf("wallet: history: %w", err)
	}
	var out []HistoryEntry
	bad := 0
	err := w.st.db.View(func(tx *bbolt.Tx) error {
		c := tx.Bucket([]byte(BucketHistory)).Cursor()
		for k, v := c.Last(); k != nil; k, v = c.Prev() {
			if limit > 0 && len(out) >= limit {
				break
			}
			if len(k) != 8 {
				continue
			}
			plain, err := w.cfg.Sealer.Open(HistoryCategory, historyID(binary.BigEndian.Uint64(k)), v)
			if err != nil {
				bad++
				continue
			}
			var e HistoryEntry
			if err := json.Unmarshal(plain, &e); err != nil {
				bad++
				continue
			}
			out = append(out, e)
		}
		return nil
	})
	if err == nil && bad > 0 {
		err = fmt.Errorf("wallet: history: %d entries did not open", bad)
	}
	return out, err
}
