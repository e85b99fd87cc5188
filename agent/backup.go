package agent

import (
	"bytes"
	"context"
	"fmt"
	"math/big"
	"net/url"
	"os"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"go.etcd.io/bbolt"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/internal/apiclient"
	"github.com/mycroft-network/mycroft/miner/backup"
	"github.com/mycroft-network/mycroft/miner/storage"
)

// backupConfig is the owner's backup configuration; uploads pay rent per
// chunk through the wallet (the node's "storage" service).
func (a *Agent) backupConfig() backup.Config {
	cfg := backup.Config{
		Owner:     a.keys.Address(),
		Sealer:    a.keys,
		Signer:    a.keys,
		KeyTables: a.keys,
		Directory: a.chain,
		ChainID:   new(big.Int).SetUint64(a.manifest.ChainID),
		Registry:  a.manifest.Registry,
		Copies:    a.cfg.Miner.BackupCopies,
		DB:        a.db,
		Now:       a.now,
		Log:       a.log.With("component", "backup"),
	}
	if a.wallet != nil {
		cfg.Client = func(endpoint string) *storage.Client {
			c := &storage.Client{Base: endpoint, Upload: func(ctx context.Context, h common.Hash, chunk []byte) error {
				n, err := a.nodeByEndpoint(ctx, endpoint)
				if err != nil {
					return err
				}
				_, err = a.wallet.CallProvider(ctx, n, "storage", url.Values{"hash": {h.Hex()}}, bytes.NewReader(chunk))
				return err
			}}
			if hc, base, ok := a.nodeHTTP(endpoint); ok { // a libp2p endpoint (p2p.go)
				c.HTTP, c.Base = hc, base
			}
			return c
		}
	}
	return cfg
}

func (a *Agent) nodeByEndpoint(ctx context.Context, endpoint string) (chain.NodeInfo, error) {
	nodes, err := a.chain.ListNodes(ctx)
	if err != nil {
		return chain.NodeInfo{}, err
	}
	for _, n := range nodes {
		if n.Endpoint == endpoint {
			return n, nil
		}
	}
	return chain.NodeInfo{}, fmt.Errorf("backup: no registered node at %s", endpoint)
}

// ownBackup returns the owner's backup, made once the keyring exists (its
// address is the backup's owner).
func (a *Agent) ownBackup() (*backup.Backup, error) {
	if a.keys == nil || a.chain == nil {
		return nil, unavailable("backups need the keystore and the chain (see mycroft status)")
	}
	mp := a.earn.min
	mp.mu.Lock()
	defer mp.mu.Unlock()
	if mp.backup != nil {
		return mp.backup, nil
	}
	if a.keys.Address() == (common.Address{}) {
		return nil, unavailable("no keyring yet: mycroft keys init (or restore) first")
	}
	b, err := backup.New(a.backupConfig())
	if err != nil {
		return nil, err
	}
	mp.backup = b
	return b, nil
}

// backupContent is what a backup holds: a consistent copy of the whole
// bbolt database (bbolt's Tx.WriteTo), which has the owner's settings,
// wallet limits and channels, payment history and voice records if kept.
// The keyring is a separate file and is never in it; the sealed records
// stay sealed, and each backup chunk is sealed again with the backups key.
func (a *Agent) backupContent() ([]byte, error) {
	var buf bytes.Buffer
	err := a.db.View(func(tx *bbolt.Tx) error {
		_, err := tx.WriteTo(&buf)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("backup: snapshot database: %w", err)
	}
	return buf.Bytes(), nil
}

// runBackup saves a backup and audits it at once.
func (a *Agent) runBackup(ctx context.Context) (*backup.Manifest, []backup.Result, error) {
	b, err := a.ownBackup()
	if err != nil {
		return nil, nil, err
	}
	content, err := a.backupContent()
	if err != nil {
		return nil, nil, err
	}
	mp := a.earn.min
	m, err := b.Save(ctx, bytes.NewReader(content))
	mp.mu.Lock()
	mp.lastRun = a.now()
	mp.lastErr = ""
	if err != nil {
		mp.lastErr = err.Error()
	}
	mp.mu.Unlock()
	if err != nil {
		return nil, nil, err
	}
	res, err := a.auditBackup(ctx, b)
	return m, res, err
}

func (a *Agent) auditBackup(ctx context.Context, b *backup.Backup) ([]backup.Result, error) {
	res, err := b.Audit(ctx)
	mp := a.earn.min
	mp.mu.Lock()
	mp.audits, mp.auditAt = res, a.now()
	if err != nil {
		mp.lastErr = err.Error()
	}
	mp.mu.Unlock()
	return res, err
}

// runBackupSchedule backs up every backup_interval and audits every
// audit_interval, once the keyring exists.
func (a *Agent) runBackupSchedule(ctx context.Context) error {
	tick := a.cfg.Miner.AuditInterval.Std()
	if bi := a.cfg.Miner.BackupInterval.Std(); bi > 0 && bi < tick {
		tick = bi
	}
	lastBackup, lastAudit := a.now(), a.now()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(tick):
		}
		now := a.now()
		if bi := a.cfg.Miner.BackupInterval.Std(); bi > 0 && now.Sub(lastBackup) >= bi {
			lastBackup = now
			if _, _, err := a.runBackup(ctx); err != nil && ctx.Err() == nil {
				a.log.Warn("backup", "err", err)
				a.health.Set("backup", Degraded, "backup: "+err.Error())
			} else {
				a.health.Clear("backup")
			}
			continue
		}
		if now.Sub(lastAudit) >= a.cfg.Miner.AuditInterval.Std() {
			lastAudit = now
			b, err := a.ownBackup()
			if err != nil || b.Manifest() == nil {
				continue
			}
			if _, err := a.auditBackup(ctx, b); err != nil && ctx.Err() == nil {
				a.log.Warn("backup: audit", "err", err)
			}
		}
	}
}

// restoreBackup fetches the newest backup this keyring opens and copies its
// buckets into the live database (all but the backup's own manifest
// bucket). Components read their state again after a restart.
func (a *Agent) restoreBackup(ctx context.Context) (apiclient.BackupRestore, error) {
	if a.keys == nil || a.chain == nil {
		return apiclient.BackupRestore{}, unavailable("restore needs the keystore and the chain (see mycroft status)")
	}
	if a.keys.Address() == (common.Address{}) {
		return apiclient.BackupRestore{}, unavailable("no keyring yet: mycroft keys restore first")
	}
	data, m, err := backup.Restore(ctx, a.backupConfig())
	if err != nil {
		return apiclient.BackupRestore{}, err
	}
	tmp, err := os.CreateTemp(a.cfg.Agent.StateDir, "restore-*.db")
	if err != nil {
		return apiclient.BackupRestore{}, err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return apiclient.BackupRestore{}, err
	}
	if err := tmp.Close(); err != nil {
		return apiclient.BackupRestore{}, err
	}
	src, err := bbolt.Open(tmp.Name(), 0o600, &bbolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		return apiclient.BackupRestore{}, fmt.Errorf("backup: restored data is not a database: %w", err)
	}
	defer src.Close()
	var names []string
	err = src.View(func(stx *bbolt.Tx) error {
		return a.db.Update(func(dtx *bbolt.Tx) error {
			return stx.ForEach(func(name []byte, b *bbolt.Bucket) error {
				if string(name) == backup.Bucket {
					return nil
				}
				if dtx.Bucket(name) != nil {
					if err := dtx.DeleteBucket(name); err != nil {
						return err
					}
				}
				nb, err := dtx.CreateBucket(name)
				if err != nil {
					return err
				}
				names = append(names, string(name))
				return copyBucket(nb, b)
			})
		})
	})
	if err != nil {
		return apiclient.BackupRestore{}, fmt.Errorf("backup: restore: %w", err)
	}
	return apiclient.BackupRestore{Root: m.Root.Hex(), Size: m.Size, Generation: m.Generation, Buckets: names,
		Note: "restart the agent so every component reads the restored state"}, nil
}

func copyBucket(dst, src *bbolt.Bucket) error {
	return src.ForEach(func(k, v []byte) error {
		if v == nil {
			sub, err := dst.CreateBucket(k)
			if err != nil {
				return err
			}
			return copyBucket(sub, src.Bucket(k))
		}
		return dst.Put(k, v)
	})
}

func (a *Agent) backupStatus() apiclient.BackupStatus {
	out := apiclient.BackupStatus{}
	mp := a.earn.min
	var m *backup.Manifest
	mp.mu.Lock()
	b := mp.backup
	mp.mu.Unlock()
	if b == nil {
		if bb, err := a.ownBackup(); err == nil {
			b = bb
		}
	}
	if b != nil {
		m = b.Manifest()
	}
	mp.mu.Lock()
	defer mp.mu.Unlock()
	if !mp.lastRun.IsZero() {
		out.LastRun = mp.lastRun.UTC()
	}
	out.LastError = mp.lastErr
	if m != nil {
		out.Root = m.Root.Hex()
		out.Size = m.Size
		out.Generation = m.Generation
		out.Chunks = len(m.Leaves)
		for _, r := range m.Replicas {
			out.Replicas = append(out.Replicas, apiclient.BackupReplica{Node: r.Node.Hex(), Endpoint: r.Endpoint,
				Expiry: time.Unix(r.Expiry, 0).UTC(), Failures: r.Failures})
		}
	}
	if !mp.auditAt.IsZero() {
		out.AuditedAt = mp.auditAt.UTC()
		for _, r := range mp.audits {
			ar := apiclient.BackupAudit{Node: r.Node.Hex(), Index: r.Index, Error: r.Err}
			if r.Repaired != (common.Address{}) {
				ar.RepairedTo = r.Repaired.Hex()
			}
			out.Audits = append(out.Audits, ar)
		}
	}
	return out
}
