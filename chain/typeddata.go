package chain

import (
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/mycroft-network/mycroft/internal/eip712"
)

// EIP-712 domain names and the version shared by every domain.
const (
	DomainChannels = "Mycroft Channels"
	DomainProvider = "Mycroft Provider"
	DomainGovernor = "Mycroft Governor"
	DomainRegistry = "Mycroft Registry"
	DomainGrants   = "Mycroft Grants"
	DomainVersion  = "1"
)

// Primary types of the typed data this package builds.
const (
	TypeVoucher = "Voucher"
	TypeReceipt = "Receipt"
	TypeOffer   = "Offer"
	TypeBallot  = "Ballot"
	TypeStorage = "Storage"
	TypeSignUp  = "SignUp"
	// TypeBackupManifest is checked off chain only (by storage nodes and
	// the owner's restore); no contract verifies it.
	TypeBackupManifest = "BackupManifest"
)

// Governor vote values (GovernorCountingSimple).
const (
	VoteAgainst uint8 = 0
	VoteFor     uint8 = 1
	VoteAbstain uint8 = 2
)

// ErrBadSignature is returned when a signature is malformed or does not
// recover to the expected signer.
var ErrBadSignature = errors.New("chain: bad signature")

var domainFields = []apitypes.Type{
	{Name: "name", Type: "string"},
	{Name: "version", Type: "string"},
	{Name: "chainId", Type: "uint256"},
	{Name: "verifyingContract", Type: "address"},
}

func domain(name string, chainID *big.Int, contract common.Address) apitypes.TypedDataDomain {
	return apitypes.TypedDataDomain{
		Name:              name,
		Version:           DomainVersion,
		ChainId:           (*math.HexOrDecimal256)(new(big.Int).Set(nonNil(chainID))),
		VerifyingContract: contract.Hex(),
	}
}

func nonNil(v *big.Int) *big.Int {
	if v == nil {
		return new(big.Int)
	}
	return v
}

// Values in the messages are strings (hex for bytes and addresses, decimal
// for integers) so the typed data survives a JSON round trip unchanged.
func dec(v *big.Int) string { return nonNil(v).String() }

func typed(primary string, fields []apitypes.Type, d apitypes.TypedDataDomain, msg apitypes.TypedDataMessage) apitypes.TypedData {
	return apitypes.TypedData{
		Types: apitypes.Types{
			"EIP712Domain": domainFields,
			primary:        fields,
		},
		PrimaryType: primary,
		Domain:      d,
		Message:     msg,
	}
}

// VoucherTypedData is Voucher(bytes32 channel,uint256 cumulative) in the
// "Mycroft Channels" domain of the Channels contract: the payer signs it,
// the payee redeems it.
func VoucherTypedData(chainID *big.Int, channels common.Address, channel common.Hash, cumulative *big.Int) apitypes.TypedData {
	return typed(TypeVoucher, []apitypes.Type{
		{Name: "channel", Type: "bytes32"},
		{Name: "cumulative", Type: "uint256"},
	}, domain(DomainChannels, chainID, channels), apitypes.TypedDataMessage{
		"channel":    channel.Hex(),
		"cumulative": dec(cumulative),
	})
}

// ReceiptTypedData is Receipt(bytes32 channel,uint256 cumulative,bytes32
// request) in the "Mycroft Provider" domain with verifyingContract =
// Channels: the provider signs it for the payer, off chain.
func ReceiptTypedData(chainID *big.Int, channels common.Address, channel common.Hash, cumulative *big.Int, request common.Hash) apitypes.TypedData {
	return typed(TypeReceipt, []apitypes.Type{
		{Name: "channel", Type: "bytes32"},
		{Name: "cumulative", Type: "uint256"},
		{Name: "request", Type: "bytes32"},
	}, domain(DomainProvider, chainID, channels), apitypes.TypedDataMessage{
		"channel":    channel.Hex(),
		"cumulative": dec(cumulative),
		"request":    request.Hex(),
	})
}

// OfferTypedData is Offer(address provider,string endpoint,string
// services,uint256 expiry) in the "Mycroft Provider" domain with
// verifyingContract = Registry; services is CanonicalServices of the
// provider's price map and expiry a unix time in seconds.
func OfferTypedData(chainID *big.Int, registry, provider common.Address, endpoint, services string, expiry *big.Int) apitypes.TypedData {
	return typed(TypeOffer, []apitypes.Type{
		{Name: "provider", Type: "address"},
		{Name: "endpoint", Type: "string"},
		{Name: "services", Type: "string"},
		{Name: "expiry", Type: "uint256"},
	}, domain(DomainProvider, chainID, registry), apitypes.TypedDataMessage{
		"provider": provider.Hex(),
		"endpoint": endpoint,
		"services": services,
		"expiry":   dec(expiry),
	})
}

// BallotTypedData is OpenZeppelin's Ballot(uint256 proposalId,uint8
// support,address voter,uint256 nonce) in the "Mycroft Governor" domain:
// the voter signs it and anyone submits it with castVoteBySig. nonce is the
// Governor's nonces(voter).
func BallotTypedData(chainID *big.Int, governor common.Address, proposalID *big.Int, support uint8, voter common.Address, nonce *big.Int) apitypes.TypedData {
	return typed(TypeBallot, []apitypes.Type{
		{Name: "proposalId", Type: "uint256"},
		{Name: "support", Type: "uint8"},
		{Name: "voter", Type: "address"},
		{Name: "nonce", Type: "uint256"},
	}, domain(DomainGovernor, chainID, governor), apitypes.TypedDataMessage{
		"proposalId": dec(proposalID),
		"support":    fmt.Sprint(support),
		"voter":      voter.Hex(),
		"nonce":      dec(nonce),
	})
}

// StorageTypedData is Storage(address owner,bytes32 root,uint64
// leafCount,uint64 expiry) in the "Mycroft Registry" domain: a storage node
// signs it for the data owner when it accepts data with that Merkle root,
// and the owner (or anyone holding it, with a bond) can use it to challenge
// the node on chain until expiry (unix seconds).
func StorageTypedData(chainID *big.Int, registry, owner common.Address, root common.Hash, leafCount, expiry uint64) apitypes.TypedData {
	return typed(TypeStorage, []apitypes.Type{
		{Name: "owner", Type: "address"},
		{Name: "root", Type: "bytes32"},
		{Name: "leafCount", Type: "uint64"},
		{Name: "expiry", Type: "uint64"},
	}, domain(DomainRegistry, chainID, registry), apitypes.TypedDataMessage{
		"owner":     owner.Hex(),
		"root":      root.Hex(),
		"leafCount": fmt.Sprint(leafCount),
		"expiry":    fmt.Sprint(expiry),
	})
}

// BackupManifestTypedData is BackupManifest(address owner,bytes32
// digest,uint64 sequence) in the "Mycroft Registry" domain (verifyingContract
// = Registry), the domain of the Storage commitment: the data owner signs it
// for every backup manifest it leaves on storage nodes. digest covers the
// stored envelope's contents (miner/storage.SignedManifest.Digest); sequence
// grows with every manifest the owner publishes, so a node keeps only newer
// ones and a replayed older manifest cannot replace a newer one. Nodes
// check it before keeping a manifest under owner; no contract does.
func BackupManifestTypedData(chainID *big.Int, registry, owner common.Address, digest common.Hash, sequence uint64) apitypes.TypedData {
	return typed(TypeBackupManifest, []apitypes.Type{
		{Name: "owner", Type: "address"},
		{Name: "digest", Type: "bytes32"},
		{Name: "sequence", Type: "uint64"},
	}, domain(DomainRegistry, chainID, registry), apitypes.TypedDataMessage{
		"owner":    owner.Hex(),
		"digest":   digest.Hex(),
		"sequence": fmt.Sprint(sequence),
	})
}

// SignUpTypedData is SignUp(address owner,bytes32 device,uint256 expiry) in
// the "Mycroft Grants" domain: the registrar signs it after checking a
// device, and the owner's grant is claimed with it.
func SignUpTypedData(chainID *big.Int, grants, owner common.Address, device common.Hash, expiry *big.Int) apitypes.TypedData {
	return typed(TypeSignUp, []apitypes.Type{
		{Name: "owner", Type: "address"},
		{Name: "device", Type: "bytes32"},
		{Name: "expiry", Type: "uint256"},
	}, domain(DomainGrants, chainID, grants), apitypes.TypedDataMessage{
		"owner":  owner.Hex(),
		"device": device.Hex(),
		"expiry": dec(expiry),
	})
}

// TypedDataHash returns the EIP-712 digest keccak256(0x1901 ||
// domainSeparator || hashStruct(message)).
func TypedDataHash(td apitypes.TypedData) (common.Hash, error) {
	h, err := eip712.Hash(td)
	if err != nil {
		return common.Hash{}, fmt.Errorf("chain: hash typed data: %w", err)
	}
	return h, nil
}

// SignTypedDataWithKey signs td with key and returns r||s||v with v in
// {27,28}, the form the contracts and the keystore use. For tests, the
// devnet and tools; devices sign with the keystore.
func SignTypedDataWithKey(key *ecdsa.PrivateKey, td apitypes.TypedData) ([]byte, error) {
	h, err := TypedDataHash(td)
	if err != nil {
		return nil, err
	}
	sig, err := crypto.Sign(h[:], key)
	if err != nil {
		return nil, fmt.Errorf("chain: sign typed data: %w", err)
	}
	sig[64] += 27
	return sig, nil
}

// RecoverTypedData returns the address that signed td. It accepts exactly
// what the contracts (OpenZeppelin ECDSA.tryRecover) accept: 65 bytes
// r||s||v, v in {27,28}, 0 < r < n, 0 < s <= n/2, a non-zero signer (see
// eip712.Recover). Errors wrap ErrBadSignature.
func RecoverTypedData(td apitypes.TypedData, sig []byte) (common.Address, error) {
	h, err := TypedDataHash(td)
	if err != nil {
		return common.Address{}, err
	}
	a, err := eip712.Recover(h, sig)
	if err != nil {
		return common.Address{}, fmt.Errorf("%w: %w", ErrBadSignature, err)
	}
	return a, nil
}

// VerifyTypedData checks that sig over td was made by want, under the rule
// of RecoverTypedData: it accepts a signature exactly when the contracts
// would.
func VerifyTypedData(td apitypes.TypedData, sig []byte, want common.Address) error {
	got, err := RecoverTypedData(td, sig)
	if err != nil {
		return err
	}
	if got != want {
		return fmt.Errorf("%w: signed by %s, want %s", ErrBadSignature, got.Hex(), want.Hex())
	}
	return nil
}
