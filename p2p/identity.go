package p2p

import (
	"crypto/ecdsa"
	"errors"
	"fmt"
	"log/slog"

	"github.com/ethereum/go-ethereum/common"
	gethcrypto "github.com/ethereum/go-ethereum/crypto"
	"github.com/libp2p/go-libp2p/core/crypto"
	pb "github.com/libp2p/go-libp2p/core/crypto/pb"
	"github.com/libp2p/go-libp2p/core/peer"
)

// ErrNotSecp256k1 is returned for a peer id whose key is not secp256k1
// (Ed25519, RSA, ...): such a peer has no Ethereum address, so it cannot be
// a node of the network.
var ErrNotSecp256k1 = errors.New("p2p: peer key is not secp256k1, so it has no Ethereum address")

// AddressOf returns the Ethereum address of the key a peer id embeds. A
// secp256k1 peer id carries its public key (an identity multihash), so the
// mapping is offline and exact; any other key type is refused with
// ErrNotSecp256k1.
func AddressOf(id peer.ID) (common.Address, error) {
	pub, err := id.ExtractPublicKey()
	if err != nil {
		return common.Address{}, fmt.Errorf("p2p: address of %s: %w", id, err)
	}
	return addressOfKey(pub)
}

func addressOfKey(pub crypto.PubKey) (common.Address, error) {
	if pub.Type() != pb.KeyType_Secp256k1 {
		return common.Address{}, fmt.Errorf("%w (key type %s)", ErrNotSecp256k1, pub.Type())
	}
	raw, err := pub.Raw() // 33 bytes, compressed
	if err != nil {
		return common.Address{}, fmt.Errorf("p2p: public key: %w", err)
	}
	ek, err := gethcrypto.DecompressPubkey(raw)
	if err != nil {
		return common.Address{}, fmt.Errorf("p2p: public key: %w", err)
	}
	return gethcrypto.PubkeyToAddress(*ek), nil
}

// PeerIDOf returns the peer id of a raw 32-byte secp256k1 private key (the
// wallet key, go-ethereum's crypto.FromECDSA).
func PeerIDOf(raw []byte) (peer.ID, error) {
	id, err := IdentityFromRaw(raw)
	if err != nil {
		return "", err
	}
	return id.PeerID(), nil
}

// Identity is a node's libp2p key: its secp256k1 wallet key. It prints as
// [redacted] everywhere (String, GoString, JSON, slog).
type Identity struct {
	key crypto.PrivKey
}

// IdentityFromRaw makes the identity of a raw 32-byte secp256k1 private
// key.
func IdentityFromRaw(raw []byte) (Identity, error) {
	if len(raw) != 32 {
		return Identity{}, fmt.Errorf("p2p: identity: want a 32-byte secp256k1 key, got %d bytes", len(raw))
	}
	k, err := crypto.UnmarshalSecp256k1PrivateKey(raw)
	if err != nil {
		return Identity{}, fmt.Errorf("p2p: identity: %w", err)
	}
	return Identity{key: k}, nil
}

// IdentityFromECDSA makes the identity of a go-ethereum wallet key.
func IdentityFromECDSA(k *ecdsa.PrivateKey) (Identity, error) {
	if k == nil {
		return Identity{}, errors.New("p2p: identity: no key")
	}
	raw := gethcrypto.FromECDSA(k)
	defer clear(raw)
	return IdentityFromRaw(raw)
}

// IsZero reports whether the identity holds no key.
func (i Identity) IsZero() bool { return i.key == nil }

// PeerID returns the identity's peer id ("" for the zero Identity).
func (i Identity) PeerID() peer.ID {
	if i.key == nil {
		return ""
	}
	id, err := peer.IDFromPrivateKey(i.key)
	if err != nil { // only for a key whose public half does not marshal
		return ""
	}
	return id
}

// Address returns the identity's Ethereum address (zero for the zero
// Identity).
func (i Identity) Address() common.Address {
	if i.key == nil {
		return common.Address{}
	}
	a, err := addressOfKey(i.key.GetPublic())
	if err != nil {
		return common.Address{}
	}
	return a
}

func (Identity) String() string               { return "[redacted]" }
func (Identity) GoString() string             { return "[redacted]" }
func (Identity) MarshalJSON() ([]byte, error) { return []byte(`"[redacted]"`), nil }
func (Identity) LogValue() slog.Value         { return slog.StringValue("[redacted]") }
