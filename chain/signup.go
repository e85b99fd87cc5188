package chain

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"strconv"
	"time"

	"github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/mycroft-network/mycroft/internal/eip712"
)

// Sign-up request limits.
const (
	// MaxSignUpRequestBytes caps a sign-up request's JSON.
	MaxSignUpRequestBytes = 4 << 10
	// MaxSerialLength caps a device serial.
	MaxSerialLength = 64
)

// ErrSignUpRequest is wrapped by every refusal of ParseSignUpRequest and
// SignUpRequest.Verify.
var ErrSignUpRequest = errors.New("bad sign-up request")

// DeviceID is the Grants contract's device id of a device key:
// keccak256("mycroft/device/v1" || address). The contract pays each device
// id once, so a device key can be paid once whoever owns it.
func DeviceID(device common.Address) common.Hash {
	return keccak([]byte("mycroft/device/v1"), device.Bytes())
}

// SignUpRequest is what a device sends a registrar: the owner to pay, the
// device key (its address), an optional serial, the expiry of the
// registrar's signature, and the device key's EIP-191 signature over
// Message, which binds all of it to one chain and one Grants contract. A
// request for another device's key cannot be made without that key.
type SignUpRequest struct {
	ChainID   uint64         `json:"chainId"`
	Grants    common.Address `json:"grants"`
	Owner     common.Address `json:"owner"`
	Device    common.Address `json:"device"`
	Serial    string         `json:"serial,omitempty"`
	Expiry    int64          `json:"expiry"` // unix seconds
	Signature hexutil.Bytes  `json:"signature"`
}

// TextSigner signs EIP-191 personal messages (keystore.Store does).
type TextSigner interface {
	SignText(msg []byte) ([]byte, error)
}

// DeviceID is the request's device id on the Grants contract.
func (r SignUpRequest) DeviceID() common.Hash { return DeviceID(r.Device) }

// Message is the text the device key signs (EIP-191 personal_sign).
func (r SignUpRequest) Message() []byte {
	var b bytes.Buffer
	b.WriteString("Mycroft sign-up grant request\n")
	b.WriteString("chain: " + strconv.FormatUint(r.ChainID, 10) + "\n")
	b.WriteString("grants: " + r.Grants.Hex() + "\n")
	b.WriteString("owner: " + r.Owner.Hex() + "\n")
	b.WriteString("device: " + r.Device.Hex() + "\n")
	b.WriteString("serial: " + r.Serial + "\n")
	b.WriteString("expiry: " + strconv.FormatInt(r.Expiry, 10) + "\n")
	return b.Bytes()
}

// Sign sets r.Signature with s, which must hold the device key.
func (r *SignUpRequest) Sign(s TextSigner) error {
	sig, err := s.SignText(r.Message())
	if err != nil {
		return fmt.Errorf("chain: sign sign-up request: %w", err)
	}
	r.Signature = sig
	return nil
}

// SignWithKey sets r.Signature with key (tests and tools).
func (r *SignUpRequest) SignWithKey(key *ecdsa.PrivateKey) error {
	sig, err := crypto.Sign(accounts.TextHash(r.Message()), key)
	if err != nil {
		return fmt.Errorf("chain: sign sign-up request: %w", err)
	}
	sig[64] += 27
	r.Signature = sig
	return nil
}

// Verify checks the form of every field and that Signature is the device
// key's. It does not look at the chain or at the clock.
func (r SignUpRequest) Verify() error {
	if err := r.check(); err != nil {
		return err
	}
	signer, err := eip712.Recover([32]byte(accounts.TextHash(r.Message())), r.Signature)
	if err != nil {
		return fmt.Errorf("%w: signature: %w", ErrSignUpRequest, err)
	}
	if signer != r.Device {
		return fmt.Errorf("%w: signed by %s, not by the device key %s", ErrSignUpRequest, signer.Hex(), r.Device.Hex())
	}
	return nil
}

func (r SignUpRequest) check() error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: %s", ErrSignUpRequest, fmt.Sprintf(format, args...))
	}
	switch {
	case r.ChainID == 0:
		return bad("chainId missing")
	case r.Grants == (common.Address{}):
		return bad("grants missing")
	case r.Owner == (common.Address{}):
		return bad("owner missing")
	case r.Device == (common.Address{}):
		return bad("device missing")
	case r.Expiry <= 0:
		return bad("expiry missing")
	case len(r.Signature) != 65:
		return bad("signature is %d bytes, want 65", len(r.Signature))
	}
	if r.Serial != "" {
		return CheckSerial(r.Serial)
	}
	return nil
}

// CheckSerial checks a device serial's form: 1 to MaxSerialLength bytes
// of [A-Za-z0-9-_.:].
func CheckSerial(s string) error {
	if s == "" || len(s) > MaxSerialLength {
		return fmt.Errorf("%w: serial must be 1 to %d bytes", ErrSignUpRequest, MaxSerialLength)
	}
	for _, c := range []byte(s) {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == ':') {
			return fmt.Errorf("%w: serial has a byte outside [A-Za-z0-9-_.:]", ErrSignUpRequest)
		}
	}
	return nil
}

// ParseSignUpRequest reads one sign-up request: a single JSON object of at
// most MaxSignUpRequestBytes, no unknown field, every field of the right
// form and the signature the device key's (Verify).
func ParseSignUpRequest(b []byte) (SignUpRequest, error) {
	if len(b) > MaxSignUpRequestBytes {
		return SignUpRequest{}, fmt.Errorf("%w: %d bytes, at most %d", ErrSignUpRequest, len(b), MaxSignUpRequestBytes)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var r SignUpRequest
	if err := dec.Decode(&r); err != nil {
		return SignUpRequest{}, fmt.Errorf("%w: %w", ErrSignUpRequest, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return SignUpRequest{}, fmt.Errorf("%w: data after the object", ErrSignUpRequest)
	}
	if err := r.Verify(); err != nil {
		return SignUpRequest{}, err
	}
	return r, nil
}

// SignUpClaim is a sign-up grant claim the registrar signed: whoever holds
// it (the device, or a relayer paying the gas for it) may submit it with
// SubmitSignUpClaim before Expiry; the grant always goes to Owner.
type SignUpClaim struct {
	ChainID   uint64         `json:"chainId"`
	Grants    common.Address `json:"grants"`
	Owner     common.Address `json:"owner"`
	Device    common.Hash    `json:"device"` // DeviceID of the device key
	Expiry    int64          `json:"expiry"`
	Registrar common.Address `json:"registrar"`
	Signature hexutil.Bytes  `json:"signature"` // the registrar's, over SignUpTypedData
}

// ExpiryTime is Expiry as a time.
func (c SignUpClaim) ExpiryTime() time.Time { return time.Unix(c.Expiry, 0) }

// Verify checks that Signature is Registrar's SignUp signature over the
// claim.
func (c SignUpClaim) Verify() error {
	td := SignUpTypedData(new(big.Int).SetUint64(c.ChainID), c.Grants, c.Owner, c.Device, big.NewInt(c.Expiry))
	if err := VerifyTypedData(td, c.Signature, c.Registrar); err != nil {
		return fmt.Errorf("chain: sign-up claim: %w", err)
	}
	return nil
}

// SubmitSignUpClaim submits cl to this deployment's Grants contract; the
// client's signer pays the gas. A claim of another chain or contract is
// refused before anything is sent.
func (c *Client) SubmitSignUpClaim(ctx context.Context, cl SignUpClaim) (*types.Receipt, error) {
	if cl.ChainID != c.chainID.Uint64() || cl.Grants != c.m.Grants {
		return nil, fmt.Errorf("chain: sign-up claim for chain %d, Grants %s; this deployment is chain %s, Grants %s",
			cl.ChainID, cl.Grants.Hex(), c.chainID, c.m.Grants.Hex())
	}
	return c.ClaimGrant(ctx, cl.Owner, cl.Device, cl.ExpiryTime(), cl.Signature)
}

// DeviceGrantClaimed reports whether the device id was already paid.
func (c *Client) DeviceGrantClaimed(ctx context.Context, device common.Hash) (bool, error) {
	return call(ctx, c, "device grant claimed", c.m.Grants,
		func() ([]byte, error) { return c.grants.TryPackDeviceClaimed(device) }, c.grants.UnpackDeviceClaimed)
}

// GrantRegistrar is the address the Grants contract accepts sign-up
// signatures from.
func (c *Client) GrantRegistrar(ctx context.Context) (common.Address, error) {
	return call(ctx, c, "grant registrar", c.m.Grants,
		func() ([]byte, error) { return c.grants.TryPackRegistrar() }, c.grants.UnpackRegistrar)
}

// GrantAmounts are the MYC and native amounts one sign-up grant pays.
func (c *Client) GrantAmounts(ctx context.Context) (grant, gas *big.Int, err error) {
	grant, err = call(ctx, c, "grant amount", c.m.Grants,
		func() ([]byte, error) { return c.grants.TryPackGrantAmount() }, c.grants.UnpackGrantAmount)
	if err != nil {
		return nil, nil, err
	}
	gas, err = call(ctx, c, "gas amount", c.m.Grants,
		func() ([]byte, error) { return c.grants.TryPackGasAmount() }, c.grants.UnpackGasAmount)
	return grant, gas, err
}
