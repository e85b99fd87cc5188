package apiclient

import (
	"context"
	"time"
)

// MinerStatus is the answer of GET /v1/miner/status and of enable and
// disable. Amounts are MYC.
type MinerStatus struct {
	Enabled    bool       `json:"enabled"`
	Stake      string     `json:"stake"`
	Disk       string     `json:"disk"`
	CPUPercent int        `json:"cpu_percent"`
	Hours      string     `json:"hours"`
	Bandwidth  uint64     `json:"bandwidth"`
	Running    bool       `json:"running"`
	Reason     string     `json:"reason,omitempty"`
	Load       float64    `json:"load"`
	TempC      *float64   `json:"temp_c"` // null: unknown (no sensor)
	Used       string     `json:"used"`
	Node       *MinerNode `json:"node,omitempty"`
	ChainError string     `json:"chain_error,omitempty"`
	// Verify is the storage node's startup verify pass (nil without a
	// storage node).
	Verify *MinerVerify `json:"verify,omitempty"`
	// Network is the node's libp2p reachability, peers and traffic (nil
	// with p2p off).
	Network *P2PStatus `json:"network,omitempty"`
}

// MinerVerify is the storage node's startup verify pass: a low-priority
// worker re-reads every chunk held and quarantines those that no longer
// match their address.
type MinerVerify struct {
	// State is "waiting" (for the idle policy to let mining run),
	// "running", "paused" (running, stopped while mining is held), "done"
	// or "failed".
	State       string    `json:"state"`
	Pid         int       `json:"pid,omitempty"`
	Started     time.Time `json:"started,omitzero"`
	Finished    time.Time `json:"finished,omitzero"`
	Checked     int       `json:"checked"`
	Quarantined []string  `json:"quarantined,omitempty"`
	Error       string    `json:"error,omitempty"`
}

// MinerNode is the node's record in the on-chain Registry.
type MinerNode struct {
	Address  string            `json:"address"`
	Endpoint string            `json:"endpoint"`
	Stake    string            `json:"stake"`
	Capacity uint64            `json:"capacity"`
	Prices   map[string]string `json:"prices"`
}

// MinerEnable is the body of POST /v1/miner/enable: the arguments of
// `mycroft miner enable` (miner.ParseEnableArgs reads them in the agent).
type MinerEnable struct {
	Args []string `json:"args"`
}

// MinerEarnings is the answer of GET /v1/miner/earnings (MYC).
type MinerEarnings struct {
	Stake        string    `json:"stake"`
	Unbonding    string    `json:"unbonding"`
	UnbondableAt time.Time `json:"unbondable_at,omitzero"`
	Pending      string    `json:"pending"`
	Redeemed     string    `json:"redeemed"`
}

// BackupStatus is the answer of GET /v1/backup/status and POST
// /v1/backup/run.
type BackupStatus struct {
	Root       string          `json:"root,omitempty"`
	Size       int64           `json:"size,omitempty"`
	Generation int64           `json:"generation,omitempty"`
	Chunks     int             `json:"chunks,omitempty"`
	Replicas   []BackupReplica `json:"replicas,omitempty"`
	LastRun    time.Time       `json:"last_run,omitzero"`
	LastError  string          `json:"last_error,omitempty"`
	AuditedAt  time.Time       `json:"audited_at,omitzero"`
	Audits     []BackupAudit   `json:"audits,omitempty"`
}

// BackupReplica is one storage node holding the backup.
type BackupReplica struct {
	Node     string    `json:"node"`
	Endpoint string    `json:"endpoint"`
	Expiry   time.Time `json:"expiry"`
	Failures int       `json:"failures"`
}

// BackupAudit is the outcome of auditing one replica.
type BackupAudit struct {
	Node       string `json:"node"`
	Index      uint64 `json:"index"`
	Error      string `json:"error,omitempty"`
	RepairedTo string `json:"repaired_to,omitempty"`
}

// BackupRestore is the answer of POST /v1/backup/restore.
type BackupRestore struct {
	Root       string   `json:"root"`
	Size       int64    `json:"size"`
	Generation int64    `json:"generation"`
	Buckets    []string `json:"buckets"`
	Note       string   `json:"note"`
}

// MinerStatus reads the miner's settings, state and Registry record.
func (c *Client) MinerStatus(ctx context.Context) (MinerStatus, error) {
	var out MinerStatus
	return out, c.Get(ctx, "/miner/status", &out)
}

// MinerEnable gives consent to mine with the arguments of `mycroft miner
// enable` (--stake N --disk SIZE ...), staking in the Registry.
func (c *Client) MinerEnable(ctx context.Context, args []string) (MinerStatus, error) {
	var out MinerStatus
	return out, c.Post(ctx, "/miner/enable", MinerEnable{Args: args}, &out)
}

// MinerDisable stops mining (the stake stays bonded).
func (c *Client) MinerDisable(ctx context.Context) (MinerStatus, error) {
	var out MinerStatus
	return out, c.Post(ctx, "/miner/disable", struct{}{}, &out)
}

// MinerEarnings reads stake and voucher earnings.
func (c *Client) MinerEarnings(ctx context.Context) (MinerEarnings, error) {
	var out MinerEarnings
	return out, c.Get(ctx, "/miner/earnings", &out)
}

// BackupRun backs up now and audits the copies.
func (c *Client) BackupRun(ctx context.Context) (BackupStatus, error) {
	var out BackupStatus
	return out, c.Post(ctx, "/backup/run", struct{}{}, &out)
}

// BackupStatus reads the backup's manifest and last audit.
func (c *Client) BackupStatus(ctx context.Context) (BackupStatus, error) {
	var out BackupStatus
	return out, c.Get(ctx, "/backup/status", &out)
}

// BackupRestore restores the newest backup this keyring opens.
func (c *Client) BackupRestore(ctx context.Context) (BackupRestore, error) {
	var out BackupRestore
	return out, c.Post(ctx, "/backup/restore", struct{}{}, &out)
}
