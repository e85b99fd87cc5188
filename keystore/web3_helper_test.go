package keystore

import (
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/mycroft-network/mycroft/keystore/web3"
)

func web3Decrypt(data, pass []byte) (common.Address, error) {
	k, err := web3.Decrypt(data, pass)
	if err != nil {
		return common.Address{}, err
	}
	return crypto.PubkeyToAddress(k.PublicKey), nil
}
