package apiclient

import (
	"context"
	"encoding/json"
	"time"
)

// KeysInitRequest is the body of POST /v1/keys/init.
type KeysInitRequest struct {
	Passphrase string `json:"passphrase"`
}

// KeysInitResponse is the answer of POST /v1/keys/init. Words are the 24
// backup words, given in this one answer and never again.
type KeysInitResponse struct {
	Address string `json:"address"`
	Words   string `json:"words"`
}

// KeysRestoreRequest is the body of POST /v1/keys/restore. Without Confirm
// the agent only derives the address the words give, for the owner to
// compare; with Confirm it restores. Words may be 12, 15, 18, 21 or 24
// BIP-39 words. Replacing an existing keyring (Overwrite) needs its
// CurrentPassphrase or its CurrentWords, unless Words are its own words.
type KeysRestoreRequest struct {
	Words             string `json:"words"`
	Passphrase        string `json:"passphrase,omitempty"`
	ExpectedAddress   string `json:"expected_address,omitempty"`
	Overwrite         bool   `json:"overwrite,omitempty"`
	Confirm           bool   `json:"confirm,omitempty"`
	CurrentPassphrase string `json:"current_passphrase,omitempty"`
	CurrentWords      string `json:"current_words,omitempty"`
}

// KeysRestoreResponse is the answer of POST /v1/keys/restore.
type KeysRestoreResponse struct {
	Address  string `json:"address"`
	Restored bool   `json:"restored"`
}

// KeysStatus is the answer of GET /v1/keys/status. It carries no secret.
type KeysStatus struct {
	Initialized    bool              `json:"initialized"`
	Unlocked       bool              `json:"unlocked"`
	WalletUnlocked bool              `json:"walletUnlocked"`
	Address        string            `json:"address"`
	ChainID        uint64            `json:"chainId,omitempty"`
	Created        time.Time         `json:"created,omitzero"`
	ScryptN        int               `json:"scryptN,omitempty"`
	WalletLocksAt  time.Time         `json:"walletLocksAt,omitzero"`
	FailedUnlocks  int               `json:"failedUnlocks"`
	RetryAfter     time.Time         `json:"retryAfter,omitzero"`
	Epochs         map[string]uint32 `json:"epochs,omitempty"`
}

// KeysPassphrase is the body of POST /v1/keys/unlock.
type KeysPassphrase struct {
	Passphrase string `json:"passphrase"`
}

// KeysExportRequest is the body of POST /v1/keys/export; the answer is the
// Web3 Secret Storage v3 JSON of the wallet key, encrypted under
// ExportPassphrase.
type KeysExportRequest struct {
	Passphrase       string `json:"passphrase"`
	ExportPassphrase string `json:"export_passphrase"`
}

// KeysChangePassphraseRequest is the body of POST /v1/keys/change-passphrase.
type KeysChangePassphraseRequest struct {
	Old string `json:"old"`
	New string `json:"new"`
}

// KeysRotateRequest is the body of POST /v1/keys/rotate.
type KeysRotateRequest struct {
	Category string `json:"category"`
}

// KeysRotateResponse is the answer of POST /v1/keys/rotate.
type KeysRotateResponse struct {
	Category string `json:"category"`
	Epoch    uint32 `json:"epoch"`
}

// KeysEraseRequest is the body of POST /v1/keys/erase: ConfirmAddress must
// be the keyring's address, and Passphrase its current passphrase (or, when
// that is lost, Words its backup words).
type KeysEraseRequest struct {
	ConfirmAddress string `json:"confirm_address"`
	Passphrase     string `json:"passphrase,omitempty"`
	Words          string `json:"words,omitempty"`
}

// KeysImportRequest is the body of POST /v1/keys/import: File is the text
// of a Web3 v3 key file (geth, MetaMask, ethers), FilePassphrase opens it,
// Passphrase is the current keyring passphrase (or the new one when the
// device has no keyring yet).
type KeysImportRequest struct {
	File           string `json:"file"`
	FilePassphrase string `json:"file_passphrase"`
	Passphrase     string `json:"passphrase"`
}

// KeysImportResponse is the answer of POST /v1/keys/import. Replaced is the
// wallet address the import replaced; WordsAddress the address the backup
// words give (they do not restore the imported key). Words are set only
// when the import created the keyring: shown once, like init's.
type KeysImportResponse struct {
	Address      string `json:"address"`
	Replaced     string `json:"replaced,omitempty"`
	WordsAddress string `json:"words_address"`
	Words        string `json:"words,omitempty"`
}

// KeysInit provisions a new keyring.
func (c *Client) KeysInit(ctx context.Context, passphrase string) (KeysInitResponse, error) {
	var out KeysInitResponse
	err := c.Post(ctx, "/keys/init", KeysInitRequest{Passphrase: passphrase}, &out)
	return out, err
}

// KeysRestore derives (Confirm false) or restores (Confirm true).
func (c *Client) KeysRestore(ctx context.Context, req KeysRestoreRequest) (KeysRestoreResponse, error) {
	var out KeysRestoreResponse
	err := c.Post(ctx, "/keys/restore", req, &out)
	return out, err
}

// KeysStatus reads the keystore status.
func (c *Client) KeysStatus(ctx context.Context) (KeysStatus, error) {
	var out KeysStatus
	err := c.Get(ctx, "/keys/status", &out)
	return out, err
}

// KeysUnlock unlocks the keyring.
func (c *Client) KeysUnlock(ctx context.Context, passphrase string) error {
	return c.Post(ctx, "/keys/unlock", KeysPassphrase{Passphrase: passphrase}, nil)
}

// KeysLock locks the keyring.
func (c *Client) KeysLock(ctx context.Context) error {
	return c.Post(ctx, "/keys/lock", struct{}{}, nil)
}

// KeysExport returns the v3 key file.
func (c *Client) KeysExport(ctx context.Context, passphrase, exportPassphrase string) (json.RawMessage, error) {
	var out json.RawMessage
	err := c.Post(ctx, "/keys/export", KeysExportRequest{Passphrase: passphrase, ExportPassphrase: exportPassphrase}, &out)
	return out, err
}

// KeysChangePassphrase re-seals the keyring under a new passphrase.
func (c *Client) KeysChangePassphrase(ctx context.Context, oldPass, newPass string) error {
	return c.Post(ctx, "/keys/change-passphrase", KeysChangePassphraseRequest{Old: oldPass, New: newPass}, nil)
}

// KeysRotate starts a new key epoch for a data category.
func (c *Client) KeysRotate(ctx context.Context, category string) (KeysRotateResponse, error) {
	var out KeysRotateResponse
	err := c.Post(ctx, "/keys/rotate", KeysRotateRequest{Category: category}, &out)
	return out, err
}

// KeysErase deletes the keyring.
func (c *Client) KeysErase(ctx context.Context, req KeysEraseRequest) error {
	return c.Post(ctx, "/keys/erase", req, nil)
}

// KeysImport installs a v3 key file as the wallet key.
func (c *Client) KeysImport(ctx context.Context, req KeysImportRequest) (KeysImportResponse, error) {
	var out KeysImportResponse
	err := c.Post(ctx, "/keys/import", req, &out)
	return out, err
}
