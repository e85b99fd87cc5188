package chain

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/mycroft-network/mycroft/chain/bindings"
)

// Primary types of the relayed actions (Channels.openWithPermit,
// Grants.claimRelayed) and of the token's EIP-2612 permit.
const (
	TypeOpen       = "Open"
	TypeClaimRelay = "ClaimRelay"
	TypePermit     = "Permit"
)

// TypedSigner signs EIP-712 typed data for one account (r||s||v, v in
// {27,28}). The keystore implements it for the wallet key.
type TypedSigner interface {
	Address() common.Address
	SignTypedData(td apitypes.TypedData) ([]byte, error)
}

// OpenRequest is a channel open as the payer signs it
// (Channels.OpenRequest). Relayer zero lets any relayer submit it; Fee MYC
// goes to whoever does (zero when the payer sends it itself).
type OpenRequest struct {
	Payer      common.Address `json:"payer"`
	Payee      common.Address `json:"payee"`
	Amount     *big.Int       `json:"amount"`
	CloseDelay uint64         `json:"close_delay"` // seconds
	Relayer    common.Address `json:"relayer"`
	Fee        *big.Int       `json:"fee"`
	Deadline   int64          `json:"deadline"` // unix seconds, for the Open and the permit
}

// SignedOpen is what a payer hands a relayer: the Open, the payer's
// signature over it, and the payer's permit for Channels of amount + fee.
type SignedOpen struct {
	Request   OpenRequest   `json:"request"`
	Signature hexutil.Bytes `json:"signature"`
	Permit    hexutil.Bytes `json:"permit"`
}

// PermitTypedData is EIP-2612's Permit(address owner,address
// spender,uint256 value,uint256 nonce,uint256 deadline) in the "Mycroft
// token" domain. nonce is the Token's nonces(owner), shared with
// delegations.
func PermitTypedData(chainID *big.Int, token, owner, spender common.Address, value, nonce, deadline *big.Int) apitypes.TypedData {
	return typed(TypePermit, []apitypes.Type{
		{Name: "owner", Type: "address"},
		{Name: "spender", Type: "address"},
		{Name: "value", Type: "uint256"},
		{Name: "nonce", Type: "uint256"},
		{Name: "deadline", Type: "uint256"},
	}, domain(DomainToken, chainID, token), apitypes.TypedDataMessage{
		"owner":    owner.Hex(),
		"spender":  spender.Hex(),
		"value":    dec(value),
		"nonce":    dec(nonce),
		"deadline": dec(deadline),
	})
}

// OpenTypedData is Channels' Open(address payer,address payee,uint256
// amount,uint64 closeDelay,address relayer,uint256 fee,uint256 deadline)
// in the "Mycroft Channels" domain.
func OpenTypedData(chainID *big.Int, channels common.Address, o OpenRequest) apitypes.TypedData {
	return typed(TypeOpen, []apitypes.Type{
		{Name: "payer", Type: "address"},
		{Name: "payee", Type: "address"},
		{Name: "amount", Type: "uint256"},
		{Name: "closeDelay", Type: "uint64"},
		{Name: "relayer", Type: "address"},
		{Name: "fee", Type: "uint256"},
		{Name: "deadline", Type: "uint256"},
	}, domain(DomainChannels, chainID, channels), apitypes.TypedDataMessage{
		"payer":      o.Payer.Hex(),
		"payee":      o.Payee.Hex(),
		"amount":     dec(o.Amount),
		"closeDelay": fmt.Sprint(o.CloseDelay),
		"relayer":    o.Relayer.Hex(),
		"fee":        dec(o.Fee),
		"deadline":   fmt.Sprint(o.Deadline),
	})
}

// ClaimRelayTypedData is Grants' ClaimRelay(address owner,bytes32
// device,address relayer) in the "Mycroft Grants" domain: the owner's
// choice of the relayer who submits its sign-up claim and is paid the
// relay fee out of the grant.
func ClaimRelayTypedData(chainID *big.Int, grants, owner common.Address, device common.Hash, relayer common.Address) apitypes.TypedData {
	return typed(TypeClaimRelay, []apitypes.Type{
		{Name: "owner", Type: "address"},
		{Name: "device", Type: "bytes32"},
		{Name: "relayer", Type: "address"},
	}, domain(DomainGrants, chainID, grants), apitypes.TypedDataMessage{
		"owner":   owner.Hex(),
		"device":  device.Hex(),
		"relayer": relayer.Hex(),
	})
}

// DefaultOpenWindow is how long a signed open stays valid when its
// deadline is left to SignOpen.
const DefaultOpenWindow = time.Hour

// ErrBadRelay is returned when a relayed action is malformed, expired, or
// not meant for this relayer.
var ErrBadRelay = errors.New("chain: bad relayed action")

// SignOpen signs o for a relayer (or for the payer's own openWithPermit):
// the Open and a permit for Channels of amount + fee, with the Token
// nonce read now; a zero Deadline is the chain's time plus
// DefaultOpenWindow. A delegation or another permit signed with the same
// nonce and submitted first makes it fail (the relayer's estimate says
// so before it spends gas); sign just before handing it over.
func (c *Client) SignOpen(ctx context.Context, s TypedSigner, o OpenRequest) (SignedOpen, error) {
	if o.Payer != s.Address() {
		return SignedOpen{}, fmt.Errorf("%w: payer %s is not the signer %s", ErrBadRelay, o.Payer.Hex(), s.Address().Hex())
	}
	nonce, err := c.TokenNonce(ctx, o.Payer)
	if err != nil {
		return SignedOpen{}, err
	}
	if o.Deadline == 0 {
		now, err := c.Now(ctx)
		if err != nil {
			return SignedOpen{}, err
		}
		o.Deadline = now.Add(DefaultOpenWindow).Unix()
	}
	value := new(big.Int).Add(nonNil(o.Amount), nonNil(o.Fee))
	permit, err := s.SignTypedData(PermitTypedData(c.chainID, c.m.Token, o.Payer, c.m.Channels, value, nonce, big.NewInt(o.Deadline)))
	if err != nil {
		return SignedOpen{}, fmt.Errorf("chain: sign permit: %w", err)
	}
	sig, err := s.SignTypedData(OpenTypedData(c.chainID, c.m.Channels, o))
	if err != nil {
		return SignedOpen{}, fmt.Errorf("chain: sign open: %w", err)
	}
	return SignedOpen{Request: o, Signature: sig, Permit: permit}, nil
}

// OpenChannelWithPermit opens a channel to payee in one transaction (a
// permit instead of approve + open); the client's account is the payer
// and s signs for it.
func (c *Client) OpenChannelWithPermit(ctx context.Context, s TypedSigner, payee common.Address, amount *big.Int, closeDelay time.Duration) (common.Hash, *types.Receipt, error) {
	so, err := c.SignOpen(ctx, s, OpenRequest{
		Payer: s.Address(), Payee: payee, Amount: amount, CloseDelay: uint64(closeDelay / time.Second),
		Fee: new(big.Int),
	})
	if err != nil {
		return common.Hash{}, nil, err
	}
	return c.SubmitOpen(ctx, so)
}

// SubmitOpen sends a signed open (the client's signer pays the gas and,
// unless it is the payer, is paid the fee), waits, and returns the
// channel id. The transaction is estimated first, so an open that would
// revert costs nothing.
func (c *Client) SubmitOpen(ctx context.Context, so SignedOpen) (common.Hash, *types.Receipt, error) {
	o := so.Request
	switch {
	case len(so.Permit) != 65:
		return common.Hash{}, nil, fmt.Errorf("%w: permit signature of %d bytes, want 65", ErrBadRelay, len(so.Permit))
	case o.Payer != c.Address() && len(so.Signature) != 65:
		return common.Hash{}, nil, fmt.Errorf("%w: open signature of %d bytes, want 65", ErrBadRelay, len(so.Signature))
	case o.Payer != c.Address() && o.Relayer != (common.Address{}) && o.Relayer != c.Address():
		return common.Hash{}, nil, fmt.Errorf("%w: open is for relayer %s, not %s", ErrBadRelay, o.Relayer.Hex(), c.Address().Hex())
	case o.Deadline < 0 || o.Amount == nil || o.Amount.Sign() <= 0 || (o.Fee != nil && o.Fee.Sign() < 0):
		return common.Hash{}, nil, fmt.Errorf("%w: open of %v MYC, fee %v, deadline %d", ErrBadRelay, o.Amount, o.Fee, o.Deadline)
	}
	var r, s [32]byte
	copy(r[:], so.Permit[:32])
	copy(s[:], so.Permit[32:64])
	req := bindings.ChannelsOpenRequest{
		Payer: o.Payer, Payee: o.Payee, Amount: o.Amount, CloseDelay: o.CloseDelay,
		Relayer: o.Relayer, Fee: nonNil(o.Fee), Deadline: big.NewInt(o.Deadline),
	}
	value := new(big.Int).Add(o.Amount, nonNil(o.Fee))
	permit := bindings.ChannelsPermit{Value: value, Deadline: big.NewInt(o.Deadline), V: so.Permit[64], R: r, S: s}
	rc, err := c.transact(ctx, "open channel with permit", c.m.Channels, func() ([]byte, error) {
		return c.channels.TryPackOpenWithPermit(req, so.Signature, permit)
	})
	if err != nil {
		return common.Hash{}, rc, err
	}
	id, err := c.openedID(rc)
	return id, rc, err
}

// openedID is the id in r's Opened event.
func (c *Client) openedID(r *types.Receipt) (common.Hash, error) {
	for _, l := range r.Logs {
		if l.Address != c.m.Channels {
			continue
		}
		if ev, err := c.channels.UnpackOpenedEvent(l); err == nil {
			return ev.Id, nil
		}
	}
	return common.Hash{}, fmt.Errorf("chain: open channel: no Opened event in %s", r.TxHash)
}

// ClaimRelayTypedData is the owner's ClaimRelay on this deployment.
func (c *Client) ClaimRelayTypedData(owner common.Address, device common.Hash, relayer common.Address) apitypes.TypedData {
	return ClaimRelayTypedData(c.chainID, c.m.Grants, owner, device, relayer)
}

// ClaimGrantRelayed submits owner's sign-up claim as the relayer owner
// signed for (ownerSig over ClaimRelay with this client's address): the
// client pays the gas and is paid the Grants' relay fee out of the grant.
func (c *Client) ClaimGrantRelayed(ctx context.Context, owner common.Address, device common.Hash, expiry time.Time, registrarSig, ownerSig []byte) (*types.Receipt, error) {
	return c.transact(ctx, "claim grant (relayed)", c.m.Grants, func() ([]byte, error) {
		return c.grants.TryPackClaimRelayed(owner, device, big.NewInt(expiry.Unix()), registrarSig, ownerSig)
	})
}

// GrantRelayFee is what Grants pays a relayer for a relayed claim.
func (c *Client) GrantRelayFee(ctx context.Context) (*big.Int, error) {
	return call(ctx, c, "grant relay fee", c.m.Grants, c.grants.TryPackRelayFee, c.grants.UnpackRelayFee)
}

// RelayedClaim is a sign-up claim handed to a relayer: the registrar's
// signed claim and the owner's ClaimRelay signature naming the relayer.
type RelayedClaim struct {
	Claim          SignUpClaim   `json:"claim"`
	OwnerSignature hexutil.Bytes `json:"owner_signature"`
}

// SubmitRelayedClaim submits rc as the relayer it names (this client's
// signer), after checking it is for this deployment.
func (c *Client) SubmitRelayedClaim(ctx context.Context, rc RelayedClaim) (*types.Receipt, error) {
	cl := rc.Claim
	if cl.ChainID != c.chainID.Uint64() || cl.Grants != c.m.Grants {
		return nil, fmt.Errorf("%w: sign-up claim for chain %d, Grants %s; this deployment is chain %s, Grants %s",
			ErrBadRelay, cl.ChainID, cl.Grants.Hex(), c.chainID, c.m.Grants.Hex())
	}
	if len(cl.Signature) != 65 || len(rc.OwnerSignature) != 65 {
		return nil, fmt.Errorf("%w: a relayed claim needs the registrar's and the owner's 65-byte signatures", ErrBadRelay)
	}
	return c.ClaimGrantRelayed(ctx, cl.Owner, cl.Device, cl.ExpiryTime(), cl.Signature, rc.OwnerSignature)
}

// RelayAction is the body of a paid relay call (service "relay"): a
// ballot or a vote delegation the device signed, which pay nothing on
// chain, so the call is paid by voucher.
type RelayAction struct {
	Kind string `json:"kind"` // RelayBallot or RelayDelegation
	// A ballot: castVoteBySig(Proposal, Support, Voter, Signature).
	Proposal *hexutil.Big   `json:"proposal,omitempty"`
	Support  uint8          `json:"support,omitempty"`
	Voter    common.Address `json:"voter,omitzero"`
	// A delegation: delegateBySig(Delegatee, Nonce, Expiry, Signature).
	Delegatee common.Address `json:"delegatee,omitzero"`
	Nonce     *hexutil.Big   `json:"nonce,omitempty"`
	Expiry    *hexutil.Big   `json:"expiry,omitempty"`
	Signature hexutil.Bytes  `json:"signature"`
}

// Kinds of RelayAction.
const (
	RelayBallot     = "ballot"
	RelayDelegation = "delegation"
)

// RelayResult is a relayer's answer: the transaction and, for an open,
// the channel.
type RelayResult struct {
	Tx      common.Hash  `json:"tx"`
	Channel *common.Hash `json:"channel,omitempty"`
}

// Services of a relaying provider: "relay" is the paid call (a ballot or
// a delegation, priced per action); "relay-open" is not a call but the fee
// the provider asks in a relayed channel open (POST /v1/relay/open), listed
// with the prices so a payer reads it from the signed offer.
const (
	ServiceRelay     = "relay"
	ServiceRelayOpen = "relay-open"
)
