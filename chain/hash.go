package chain

import (
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

func keccak(b ...[]byte) common.Hash { return crypto.Keccak256Hash(b...) }
