package keystore

import (
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"sync"

	"github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/mycroft-network/mycroft/internal/eip712"
)

// Schema is one EIP-712 message type the keystore agrees to sign.
type Schema struct {
	PrimaryType string
	DomainName  string
	Version     string
	Fields      []apitypes.Type
	// ZeroContract allows verifyingContract = 0x000…0 (Grant only).
	ZeroContract bool
}

func fields(sig string) []apitypes.Type {
	var out []apitypes.Type
	for _, f := range strings.Split(sig, ",") {
		typ, name, _ := strings.Cut(f, " ")
		out = append(out, apitypes.Type{Name: name, Type: typ})
	}
	return out
}

// Schemas is the allow-list (shared contract, see the project's EIP-712
// schema list). Nothing else is ever signed.
var Schemas = []Schema{
	{PrimaryType: "Voucher", DomainName: "Mycroft Channels", Version: "1", Fields: fields("bytes32 channel,uint256 cumulative")},
	{PrimaryType: "Receipt", DomainName: "Mycroft Provider", Version: "1", Fields: fields("bytes32 channel,uint256 cumulative,bytes32 request")},
	{PrimaryType: "Offer", DomainName: "Mycroft Provider", Version: "1", Fields: fields("address provider,string endpoint,string services,uint256 expiry")},
	{PrimaryType: "Ballot", DomainName: "Mycroft Governor", Version: "1", Fields: fields("uint256 proposalId,uint8 support,address voter,uint256 nonce")},
	// Delegation: OpenZeppelin ERC20Votes' delegateBySig (verifyingContract
	// = Token), so the device delegates its votes to itself without gas.
	{PrimaryType: "Delegation", DomainName: "Mycroft token", Version: "1", Fields: fields("address delegatee,uint256 nonce,uint256 expiry")},
	{PrimaryType: "Grant", DomainName: "Mycroft Data", Version: "1", Fields: fields("address grantee,bytes32 dataset,uint256 expiry,uint256 price,string purpose,bytes32 wrapHash"), ZeroContract: true},
	// Storage: a storage node's signed acceptance of an owner's data
	// (verifyingContract = Registry), usable in an on-chain challenge.
	{PrimaryType: "Storage", DomainName: "Mycroft Registry", Version: "1", Fields: fields("address owner,bytes32 root,uint64 leafCount,uint64 expiry")},
	// BackupManifest: the owner's signature on a backup manifest it leaves
	// on storage nodes (verifyingContract = Registry; checked off chain by
	// the nodes and by restore).
	{PrimaryType: "BackupManifest", DomainName: "Mycroft Registry", Version: "1", Fields: fields("address owner,bytes32 digest,uint64 sequence")},
	// StorageRequest: the owner's request that one storage node commit to
	// one data set (verifyingContract = Registry; checked off chain by the
	// node before it signs its Storage commitment).
	{PrimaryType: "StorageRequest", DomainName: "Mycroft Registry", Version: "1", Fields: fields("address owner,address node,bytes32 root,uint64 leafCount,uint64 expiry")},
	// SignUp: a registrar's approval of a device's sign-up grant
	// (verifyingContract = Grants).
	{PrimaryType: "SignUp", DomainName: "Mycroft Grants", Version: "1", Fields: fields("address owner,bytes32 device,uint256 expiry")},
	// Open: the payer's consent to a channel a relayer opens for it
	// (verifyingContract = Channels), and ClaimRelay: the owner's choice of
	// the relayer of its sign-up claim (verifyingContract = Grants).
	{PrimaryType: "Open", DomainName: "Mycroft Channels", Version: "1", Fields: fields("address payer,address payee,uint256 amount,uint64 closeDelay,address relayer,uint256 fee,uint256 deadline")},
	{PrimaryType: "ClaimRelay", DomainName: "Mycroft Grants", Version: "1", Fields: fields("address owner,bytes32 device,address relayer")},
	// Permit: EIP-2612 on the Token, signed only for the spenders set with
	// SetPermitSpenders (the Channels contract): a permit for any other
	// spender would let it take the owner's tokens.
	{PrimaryType: "Permit", DomainName: "Mycroft token", Version: "1", Fields: fields("address owner,address spender,uint256 value,uint256 nonce,uint256 deadline")},
}

// DomainTypes is the EIP712Domain type every schema uses (all four fields).
var DomainTypes = []apitypes.Type{
	{Name: "name", Type: "string"},
	{Name: "version", Type: "string"},
	{Name: "chainId", Type: "uint256"},
	{Name: "verifyingContract", Type: "address"},
}

// NewTypedData builds typed data for one of our schemas, ready for
// SignTypedData. message values follow apitypes conventions (hex strings
// or *big.Int / *math.HexOrDecimal256 for integers, hex for bytes32 and
// addresses, strings for strings).
func NewTypedData(primaryType string, chainID *big.Int, verifyingContract common.Address, message map[string]any) (apitypes.TypedData, error) {
	s, ok := findSchema(primaryType)
	if !ok {
		return apitypes.TypedData{}, fmt.Errorf("%w: %q", ErrNotAllowed, primaryType)
	}
	if chainID == nil {
		return apitypes.TypedData{}, fmt.Errorf("%w: no chain id", ErrChainID)
	}
	cid := (*mathHexOrDecimal256)(new(big.Int).Set(chainID))
	return apitypes.TypedData{
		Types: apitypes.Types{
			"EIP712Domain": append([]apitypes.Type(nil), DomainTypes...),
			s.PrimaryType:  append([]apitypes.Type(nil), s.Fields...),
		},
		PrimaryType: s.PrimaryType,
		Domain: apitypes.TypedDataDomain{
			Name:              s.DomainName,
			Version:           s.Version,
			ChainId:           cid,
			VerifyingContract: verifyingContract.Hex(),
		},
		Message: message,
	}, nil
}

func findSchema(primary string) (Schema, bool) {
	for _, s := range Schemas {
		if s.PrimaryType == primary {
			return s, true
		}
	}
	return Schema{}, false
}

func sameTypes(a, b []apitypes.Type) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Name != b[i].Name || a[i].Type != b[i].Type {
			return false
		}
	}
	return true
}

// checkTypedData enforces the allow-list and the chain id; a Permit must
// name one of spenders.
func checkTypedData(td apitypes.TypedData, chainID *big.Int, spenders []common.Address) error {
	s, ok := findSchema(td.PrimaryType)
	if !ok {
		return fmt.Errorf("%w: primary type %q", ErrNotAllowed, td.PrimaryType)
	}
	if td.Domain.Name != s.DomainName || td.Domain.Version != s.Version {
		return fmt.Errorf("%w: %s in domain %q version %q", ErrNotAllowed, td.PrimaryType, td.Domain.Name, td.Domain.Version)
	}
	if td.Domain.Salt != "" {
		return fmt.Errorf("%w: domain salt not used by our schemas", ErrNotAllowed)
	}
	if len(td.Types) != 2 || !sameTypes(td.Types["EIP712Domain"], DomainTypes) || !sameTypes(td.Types[s.PrimaryType], s.Fields) {
		return fmt.Errorf("%w: %s types differ from the schema", ErrNotAllowed, td.PrimaryType)
	}
	if td.Domain.ChainId == nil || chainID == nil || (*big.Int)(td.Domain.ChainId).Cmp(chainID) != 0 {
		return fmt.Errorf("%w: typed data for chain %v, configured %v", ErrChainID, (*big.Int)(td.Domain.ChainId), chainID)
	}
	if !common.IsHexAddress(td.Domain.VerifyingContract) {
		return fmt.Errorf("%w: verifyingContract missing or malformed", ErrNotAllowed)
	}
	if common.HexToAddress(td.Domain.VerifyingContract) == (common.Address{}) && !s.ZeroContract {
		return fmt.Errorf("%w: %s needs a verifyingContract", ErrNotAllowed, td.PrimaryType)
	}
	if td.PrimaryType == "Permit" {
		sp, _ := td.Message["spender"].(string)
		if !common.IsHexAddress(sp) || !slices.Contains(spenders, common.HexToAddress(sp)) {
			return fmt.Errorf("%w: a permit for spender %q (allowed: %v)", ErrNotAllowed, sp, spenders)
		}
	}
	return nil
}

// Signer signs with the wallet key: EIP-712 typed data from the allow-list,
// EIP-191 personal messages and transactions for the configured chain. It
// never signs a raw hash. Safe for concurrent use. The Store hands out
// signing through its own methods (with idle lock); NewSigner exists for
// tests and tools.
type Signer struct {
	redactor
	mu      sync.Mutex
	key     *ecdsa.PrivateKey
	addr    common.Address
	chainID *big.Int
	// spenders are the contracts a Permit may name.
	spenders []common.Address
}

// NewSigner wraps key for chain chainID. The Signer owns key from now on
// (Wipe zeroes it).
func NewSigner(key *ecdsa.PrivateKey, chainID *big.Int) *Signer {
	return &Signer{key: key, addr: crypto.PubkeyToAddress(key.PublicKey), chainID: new(big.Int).Set(chainID)}
}

// SetPermitSpenders sets the contracts a Permit may name (none: no permit
// is signed).
func (s *Signer) SetPermitSpenders(spenders ...common.Address) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.spenders = slices.Clone(spenders)
}

// Address is the wallet address.
func (s *Signer) Address() common.Address { return s.addr }

// ChainID is the configured chain id.
func (s *Signer) ChainID() *big.Int { return new(big.Int).Set(s.chainID) }

// Wipe zeroes the key; every later signature fails with ErrLocked.
func (s *Signer) Wipe() {
	s.mu.Lock()
	defer s.mu.Unlock()
	zeroKey(s.key)
	s.key = nil
}

func (s *Signer) signDigest(digest []byte) ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.key == nil {
		return nil, ErrLocked
	}
	sig, err := crypto.Sign(digest, s.key)
	if err != nil {
		return nil, err
	}
	sig[64] += 27
	return sig, nil
}

// SignTypedData signs EIP-712 typed data that matches one of Schemas
// exactly and whose domain chain id is the configured chain. The signature
// is 65 bytes r‖s‖v with v ∈ {27, 28}.
func (s *Signer) SignTypedData(td apitypes.TypedData) ([]byte, error) {
	s.mu.Lock()
	spenders := s.spenders
	s.mu.Unlock()
	if err := checkTypedData(td, s.chainID, spenders); err != nil {
		return nil, fmt.Errorf("keystore: sign typed data: %w", err)
	}
	digest, err := eip712.Hash(td)
	if err != nil {
		return nil, fmt.Errorf("keystore: sign typed data: %w: %v", ErrNotAllowed, err)
	}
	sig, err := s.signDigest(digest[:])
	if err != nil {
		return nil, fmt.Errorf("keystore: sign typed data: %w", err)
	}
	return sig, nil
}

// SignText signs msg as an EIP-191 personal_sign message ("\x19Ethereum
// Signed Message:\n" + len + msg), for login-style challenges. v ∈ {27,28}.
func (s *Signer) SignText(msg []byte) ([]byte, error) {
	sig, err := s.signDigest(accounts.TextHash(msg))
	if err != nil {
		return nil, fmt.Errorf("keystore: sign text: %w", err)
	}
	return sig, nil
}

// SignTx signs a transaction for chainID, which must be the configured
// chain (the chain client passes its own idea of the chain id and this
// refuses a mismatch).
func (s *Signer) SignTx(tx *types.Transaction, chainID *big.Int) (*types.Transaction, error) {
	if tx == nil || chainID == nil || chainID.Cmp(s.chainID) != 0 {
		return nil, fmt.Errorf("keystore: sign tx: %w: got %v, configured %v", ErrChainID, chainID, s.chainID)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.key == nil {
		return nil, fmt.Errorf("keystore: sign tx: %w", ErrLocked)
	}
	signed, err := types.SignTx(tx, types.LatestSignerForChainID(chainID), s.key)
	if err != nil {
		return nil, fmt.Errorf("keystore: sign tx: %w", err)
	}
	return signed, nil
}

// RecoverTypedData returns the address that signed td. It accepts exactly
// the signatures the contracts accept (65 bytes r‖s‖v, v ∈ {27, 28}, low
// s, see eip712.Recover); a refusal wraps ErrFormat. It does not apply the
// allow-list.
func RecoverTypedData(td apitypes.TypedData, sig []byte) (common.Address, error) {
	digest, err := eip712.Hash(td)
	if err != nil {
		return common.Address{}, fmt.Errorf("keystore: recover: %w", err)
	}
	return recoverDigest(digest, sig)
}

// RecoverText returns the address that signed msg with SignText, under the
// same rule as RecoverTypedData.
func RecoverText(msg, sig []byte) (common.Address, error) {
	return recoverDigest([32]byte(accounts.TextHash(msg)), sig)
}

func recoverDigest(digest [32]byte, sig []byte) (common.Address, error) {
	a, err := eip712.Recover(digest, sig)
	if err != nil {
		return common.Address{}, fmt.Errorf("keystore: recover: %w: %w", ErrFormat, err)
	}
	return a, nil
}

// withRaw calls fn with the key's raw bytes, zeroed after.
func (s *Signer) withRaw(fn func(raw []byte) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.key == nil {
		return ErrLocked
	}
	raw := crypto.FromECDSA(s.key)
	defer wipe(raw)
	return fn(raw)
}
