package chain

import (
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
)

// TypeStorageRequest is the data owner's request that one storage node
// commit to one data set. It is checked off chain, by the storage node,
// before the node signs its Storage commitment; no contract verifies it.
const TypeStorageRequest = "StorageRequest"

// StorageRequestTypedData is StorageRequest(address owner,address
// node,bytes32 root,uint64 leafCount,uint64 expiry) in the "Mycroft
// Registry" domain (verifyingContract = Registry), the domain of the
// Storage commitment it asks for: the data owner signs it, and the node
// named signs a Storage commitment for owner only with this signature in
// hand. node binds the request to one node, root and leafCount to one data
// set (the node checks that the leaves give root), expiry (unix seconds) to
// one term; chain id and Registry in the domain keep it from being used on
// another deployment. Replaying it to the same node only repeats what the
// owner asked for.
func StorageRequestTypedData(chainID *big.Int, registry, owner, node common.Address, root common.Hash, leafCount, expiry uint64) apitypes.TypedData {
	return typed(TypeStorageRequest, []apitypes.Type{
		{Name: "owner", Type: "address"},
		{Name: "node", Type: "address"},
		{Name: "root", Type: "bytes32"},
		{Name: "leafCount", Type: "uint64"},
		{Name: "expiry", Type: "uint64"},
	}, domain(DomainRegistry, chainID, registry), apitypes.TypedDataMessage{
		"owner":     owner.Hex(),
		"node":      node.Hex(),
		"root":      root.Hex(),
		"leafCount": fmt.Sprint(leafCount),
		"expiry":    fmt.Sprint(expiry),
	})
}
