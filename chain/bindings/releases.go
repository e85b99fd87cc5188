// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package bindings

import (
	"bytes"
	"errors"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Reference imports to suppress errors if they are not otherwise used.
var (
	_ = bytes.Equal
	_ = errors.New
	_ = big.NewInt
	_ = common.Big1
	_ = types.BloomLookup
	_ = abi.ConvertType
)

// ReleasesArtifactInput is an auto generated low-level Go binding around an user-defined struct.
type ReleasesArtifactInput struct {
	Arch        string
	Digest      [32]byte
	Size        uint64
	StorageRoot [32]byte
}

// ReleasesMetaData contains all meta data concerning the Releases contract.
var ReleasesMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner_\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[],\"name\":\"BadArtifacts\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"minVersion\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"version\",\"type\":\"uint64\"}],\"name\":\"BadMinVersion\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"version\",\"type\":\"uint64\"}],\"name\":\"NoSuchRelease\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"OwnableInvalidOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"OwnableUnauthorizedAccount\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"version\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"highest\",\"type\":\"uint64\"}],\"name\":\"VersionNotNewer\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousOwner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"OwnershipTransferred\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"version\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"minVersion\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"notesHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"notes\",\"type\":\"string\"},{\"components\":[{\"internalType\":\"string\",\"name\":\"arch\",\"type\":\"string\"},{\"internalType\":\"bytes32\",\"name\":\"digest\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"size\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"storageRoot\",\"type\":\"bytes32\"}],\"indexed\":false,\"internalType\":\"structReleases.ArtifactInput[]\",\"name\":\"artifacts\",\"type\":\"tuple[]\"}],\"name\":\"ReleasePublished\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"version\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"reason\",\"type\":\"string\"}],\"name\":\"ReleaseRevoked\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"MAX_ARCHS\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"count\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"latestVersion\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"owner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"version\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"minVersion\",\"type\":\"uint64\"},{\"internalType\":\"string\",\"name\":\"notes\",\"type\":\"string\"},{\"components\":[{\"internalType\":\"string\",\"name\":\"arch\",\"type\":\"string\"},{\"internalType\":\"bytes32\",\"name\":\"digest\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"size\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"storageRoot\",\"type\":\"bytes32\"}],\"internalType\":\"structReleases.ArtifactInput[]\",\"name\":\"arts\",\"type\":\"tuple[]\"}],\"name\":\"publish\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"version\",\"type\":\"uint64\"},{\"internalType\":\"string\",\"name\":\"arch\",\"type\":\"string\"}],\"name\":\"release\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"minVersion\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"publishedAt\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"publishedBlock\",\"type\":\"uint64\"},{\"internalType\":\"bool\",\"name\":\"revoked\",\"type\":\"bool\"},{\"internalType\":\"bytes32\",\"name\":\"notesHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"digest\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"size\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"storageRoot\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"renounceOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"version\",\"type\":\"uint64\"},{\"internalType\":\"string\",\"name\":\"reason\",\"type\":\"string\"}],\"name\":\"revoke\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"transferOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"i\",\"type\":\"uint256\"}],\"name\":\"versionAt\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	ID:  "Releases",
	Bin: "0x6080604052348015600e575f5ffd5b50604051610e79380380610e79833981016040819052602b9160b4565b806001600160a01b038116605857604051631e4fbdf760e01b81525f600482015260240160405180910390fd5b605f816065565b505060df565b5f80546001600160a01b038381166001600160a01b0319831681178455604051919092169283917f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e09190a35050565b5f6020828403121560c3575f5ffd5b81516001600160a01b038116811460d8575f5ffd5b9392505050565b610d8d806100ec5f395ff3fe608060405234801561000f575f5ffd5b506004361061009b575f3560e01c80638da5cb5b116100635780638da5cb5b14610106578063c07f47d414610120578063ee16c4af14610139578063f2fde38b1461019d578063fed3a6a3146101b0575f5ffd5b80630306ee601461009f57806306661abd146100b457806351c81591146100cb578063715018a6146100d357806379d84b32146100db575b5f5ffd5b6100b26100ad3660046109f8565b6101c3565b005b6001545b6040519081526020015b60405180910390f35b6100b8600881565b6100b261063b565b6100ee6100e9366004610ab6565b61064e565b6040516001600160401b0390911681526020016100c2565b5f546040516001600160a01b0390911681526020016100c2565b5f546100ee90600160a01b90046001600160401b031681565b61014c610147366004610acd565b610690565b604080516001600160401b03998a1681529789166020890152958816958701959095529215156060860152608085019190915260a084015290921660c082015260e0810191909152610100016100c2565b6100b26101ab366004610b1b565b61074d565b6100b26101be366004610acd565b61078a565b6101cb61091e565b6001545f901561022057600180546101e4908290610b5c565b815481106101f4576101f4610b75565b905f5260205f2090600491828204019190066008029054906101000a90046001600160401b0316610222565b5f5b9050806001600160401b0316876001600160401b03161161026e5760405163df5abcab60e01b81526001600160401b038089166004830152821660248201526044015b60405180910390fd5b866001600160401b0316866001600160401b031611156102b35760405162c89c1560e51b81526001600160401b03808816600483015288166024820152604401610265565b8115806102c05750600882115b156102de5760405163070d1dd960e21b815260040160405180910390fd5b5f5b8281101561043d57368484838181106102fb576102fb610b75565b905060200281019061030d9190610b89565b90505f61031a8280610ba7565b91505080158061032a5750601081115b8061033757506020820135155b80610358575061034d6060830160408401610be9565b6001600160401b0316155b156103765760405163070d1dd960e21b815260040160405180910390fd5b6001600160401b038a165f908152600360205260408120816103988580610ba7565b6040516103a6929190610c02565b604080519182900390912082526020820192909252015f2060018101549091506001600160401b0316156103ed5760405163070d1dd960e21b815260040160405180910390fd5b602083013581556104046060840160408501610be9565b6001828101805467ffffffffffffffff19166001600160401b0393909316929092179091556060939093013560029091015550016102e0565b505f858560405161044f929190610c02565b604051809103902090506040518060a00160405280886001600160401b03168152602001426001600160401b03168152602001436001600160401b031681526020015f151581526020018281525060025f8a6001600160401b03166001600160401b031681526020019081526020015f205f820151815f015f6101000a8154816001600160401b0302191690836001600160401b031602179055506020820151815f0160086101000a8154816001600160401b0302191690836001600160401b031602179055506040820151815f0160106101000a8154816001600160401b0302191690836001600160401b031602179055506060820151815f0160186101000a81548160ff02191690831515021790555060808201518160010155905050600188908060018154018082558091505060019003905f5260205f2090600491828204019190066008029091909190916101000a8154816001600160401b0302191690836001600160401b03160217905550875f60146101000a8154816001600160401b0302191690836001600160401b03160217905550876001600160401b03167f53c31dd4c886ac29e3aac76b5fc4ef35f52a3c1b2630f145daefca53384cef6988838989898960405161062996959493929190610c39565b60405180910390a25050505050505050565b61064361091e565b61064c5f61094a565b565b5f6001828154811061066257610662610b75565b905f5260205f2090600491828204019190066008029054906101000a90046001600160401b03169050919050565b6001600160401b0383165f90815260026020908152604080832060039092528083209051839283928392839283928392839291839182906106d4908f908f90610c02565b604080519182900390912082526020820192909252015f2082546001938401548254948301546002909301546001600160401b038084169e50600160401b840481169d50600160801b840481169c5060ff600160c01b909404939093169a50909850939650169350909150509397509397509397509397565b61075561091e565b6001600160a01b03811661077e57604051631e4fbdf760e01b81525f6004820152602401610265565b6107878161094a565b50565b61079261091e565b6001600160401b038084165f90815260026020526040902080549091600160401b9091041615806107cb57508054600160c01b900460ff165b156107f45760405163ab7defeb60e01b81526001600160401b0385166004820152602401610265565b805460ff60c01b1916600160c01b1781555f546001600160401b03808616600160a01b90920416036108d5576001545f905b80156108a9575f60016108398184610b5c565b8154811061084957610849610b75565b5f918252602080832060048304015460039092166008026101000a9091046001600160401b03168083526002909152604090912054909150600160c01b900460ff166108965791506108a9565b50806108a181610d50565b915050610826565b505f80546001600160401b03909216600160a01b0267ffffffffffffffff60a01b199092169190911790555b836001600160401b03167f6bdb5c070a3fa19a1af87a60f400342d3635b7994911712b34b1957e0ee651678484604051610910929190610d65565b60405180910390a250505050565b5f546001600160a01b0316331461064c5760405163118cdaa760e01b8152336004820152602401610265565b5f80546001600160a01b038381166001600160a01b0319831681178455604051919092169283917f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e09190a35050565b80356001600160401b03811681146109af575f5ffd5b919050565b5f5f83601f8401126109c4575f5ffd5b5081356001600160401b038111156109da575f5ffd5b6020830191508360208285010111156109f1575f5ffd5b9250929050565b5f5f5f5f5f5f60808789031215610a0d575f5ffd5b610a1687610999565b9550610a2460208801610999565b945060408701356001600160401b03811115610a3e575f5ffd5b610a4a89828a016109b4565b90955093505060608701356001600160401b03811115610a68575f5ffd5b8701601f81018913610a78575f5ffd5b80356001600160401b03811115610a8d575f5ffd5b8960208260051b8401011115610aa1575f5ffd5b60208201935080925050509295509295509295565b5f60208284031215610ac6575f5ffd5b5035919050565b5f5f5f60408486031215610adf575f5ffd5b610ae884610999565b925060208401356001600160401b03811115610b02575f5ffd5b610b0e868287016109b4565b9497909650939450505050565b5f60208284031215610b2b575f5ffd5b81356001600160a01b0381168114610b41575f5ffd5b9392505050565b634e487b7160e01b5f52601160045260245ffd5b81810381811115610b6f57610b6f610b48565b92915050565b634e487b7160e01b5f52603260045260245ffd5b5f8235607e19833603018112610b9d575f5ffd5b9190910192915050565b5f5f8335601e19843603018112610bbc575f5ffd5b8301803591506001600160401b03821115610bd5575f5ffd5b6020019150368190038213156109f1575f5ffd5b5f60208284031215610bf9575f5ffd5b610b4182610999565b818382375f9101908152919050565b81835281816020850137505f828201602090810191909152601f909101601f19169091010190565b6001600160401b0387168152856020820152608060408201525f610c61608083018688610c11565b8281036060840152838152602080820190600586901b830101865f36829003607e19015b88821015610d3e57858403601f190185528235818112610ca3575f5ffd5b8a01803536829003601e19018112610cb9575f5ffd5b81016020810190356001600160401b03811115610cd4575f5ffd5b803603821315610ce2575f5ffd5b60808752610cf4608088018284610c11565b602084810135908901529150610d0e905060408301610999565b6001600160401b031660408701526060918201359190950152602094850194929092019160019190910190610c85565b50919c9b505050505050505050505050565b5f81610d5e57610d5e610b48565b505f190190565b602081525f610d78602083018486610c11565b94935050505056fea164736f6c634300081e000a",
}

// Releases is an auto generated Go binding around an Ethereum contract.
type Releases struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *Releases) GetABI() abi.ABI {
	return c.abi
}

// NewReleases creates a new instance of Releases.
func NewReleases() *Releases {
	parsed, err := ReleasesMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &Releases{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *Releases) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address owner_) returns()
func (releases *Releases) PackConstructor(owner_ common.Address) []byte {
	enc, err := releases.abi.Pack("", owner_)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackMAXARCHS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x51c81591.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_ARCHS() view returns(uint256)
func (releases *Releases) PackMAXARCHS() []byte {
	enc, err := releases.abi.Pack("MAX_ARCHS")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXARCHS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x51c81591.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_ARCHS() view returns(uint256)
func (releases *Releases) TryPackMAXARCHS() ([]byte, error) {
	return releases.abi.Pack("MAX_ARCHS")
}

// UnpackMAXARCHS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x51c81591.
//
// Solidity: function MAX_ARCHS() view returns(uint256)
func (releases *Releases) UnpackMAXARCHS(data []byte) (*big.Int, error) {
	out, err := releases.abi.Unpack("MAX_ARCHS", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x06661abd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function count() view returns(uint256)
func (releases *Releases) PackCount() []byte {
	enc, err := releases.abi.Pack("count")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x06661abd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function count() view returns(uint256)
func (releases *Releases) TryPackCount() ([]byte, error) {
	return releases.abi.Pack("count")
}

// UnpackCount is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x06661abd.
//
// Solidity: function count() view returns(uint256)
func (releases *Releases) UnpackCount(data []byte) (*big.Int, error) {
	out, err := releases.abi.Unpack("count", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackLatestVersion is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc07f47d4.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function latestVersion() view returns(uint64)
func (releases *Releases) PackLatestVersion() []byte {
	enc, err := releases.abi.Pack("latestVersion")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLatestVersion is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc07f47d4.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function latestVersion() view returns(uint64)
func (releases *Releases) TryPackLatestVersion() ([]byte, error) {
	return releases.abi.Pack("latestVersion")
}

// UnpackLatestVersion is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc07f47d4.
//
// Solidity: function latestVersion() view returns(uint64)
func (releases *Releases) UnpackLatestVersion(data []byte) (uint64, error) {
	out, err := releases.abi.Unpack("latestVersion", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8da5cb5b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function owner() view returns(address)
func (releases *Releases) PackOwner() []byte {
	enc, err := releases.abi.Pack("owner")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8da5cb5b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function owner() view returns(address)
func (releases *Releases) TryPackOwner() ([]byte, error) {
	return releases.abi.Pack("owner")
}

// UnpackOwner is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (releases *Releases) UnpackOwner(data []byte) (common.Address, error) {
	out, err := releases.abi.Unpack("owner", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackPublish is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0306ee60.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function publish(uint64 version, uint64 minVersion, string notes, (string,bytes32,uint64,bytes32)[] arts) returns()
func (releases *Releases) PackPublish(version uint64, minVersion uint64, notes string, arts []ReleasesArtifactInput) []byte {
	enc, err := releases.abi.Pack("publish", version, minVersion, notes, arts)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPublish is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0306ee60.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function publish(uint64 version, uint64 minVersion, string notes, (string,bytes32,uint64,bytes32)[] arts) returns()
func (releases *Releases) TryPackPublish(version uint64, minVersion uint64, notes string, arts []ReleasesArtifactInput) ([]byte, error) {
	return releases.abi.Pack("publish", version, minVersion, notes, arts)
}

// PackRelease is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xee16c4af.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function release(uint64 version, string arch) view returns(uint64 minVersion, uint64 publishedAt, uint64 publishedBlock, bool revoked, bytes32 notesHash, bytes32 digest, uint64 size, bytes32 storageRoot)
func (releases *Releases) PackRelease(version uint64, arch string) []byte {
	enc, err := releases.abi.Pack("release", version, arch)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRelease is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xee16c4af.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function release(uint64 version, string arch) view returns(uint64 minVersion, uint64 publishedAt, uint64 publishedBlock, bool revoked, bytes32 notesHash, bytes32 digest, uint64 size, bytes32 storageRoot)
func (releases *Releases) TryPackRelease(version uint64, arch string) ([]byte, error) {
	return releases.abi.Pack("release", version, arch)
}

// ReleasesReleaseOutput serves as a container for the return parameters of contract
// method Release.
type ReleasesReleaseOutput struct {
	MinVersion     uint64
	PublishedAt    uint64
	PublishedBlock uint64
	Revoked        bool
	NotesHash      [32]byte
	Digest         [32]byte
	Size           uint64
	StorageRoot    [32]byte
}

// UnpackRelease is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xee16c4af.
//
// Solidity: function release(uint64 version, string arch) view returns(uint64 minVersion, uint64 publishedAt, uint64 publishedBlock, bool revoked, bytes32 notesHash, bytes32 digest, uint64 size, bytes32 storageRoot)
func (releases *Releases) UnpackRelease(data []byte) (ReleasesReleaseOutput, error) {
	out, err := releases.abi.Unpack("release", data)
	outstruct := new(ReleasesReleaseOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.MinVersion = *abi.ConvertType(out[0], new(uint64)).(*uint64)
	outstruct.PublishedAt = *abi.ConvertType(out[1], new(uint64)).(*uint64)
	outstruct.PublishedBlock = *abi.ConvertType(out[2], new(uint64)).(*uint64)
	outstruct.Revoked = *abi.ConvertType(out[3], new(bool)).(*bool)
	outstruct.NotesHash = *abi.ConvertType(out[4], new([32]byte)).(*[32]byte)
	outstruct.Digest = *abi.ConvertType(out[5], new([32]byte)).(*[32]byte)
	outstruct.Size = *abi.ConvertType(out[6], new(uint64)).(*uint64)
	outstruct.StorageRoot = *abi.ConvertType(out[7], new([32]byte)).(*[32]byte)
	return *outstruct, nil
}

// PackRenounceOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x715018a6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function renounceOwnership() returns()
func (releases *Releases) PackRenounceOwnership() []byte {
	enc, err := releases.abi.Pack("renounceOwnership")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRenounceOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x715018a6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function renounceOwnership() returns()
func (releases *Releases) TryPackRenounceOwnership() ([]byte, error) {
	return releases.abi.Pack("renounceOwnership")
}

// PackRevoke is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfed3a6a3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function revoke(uint64 version, string reason) returns()
func (releases *Releases) PackRevoke(version uint64, reason string) []byte {
	enc, err := releases.abi.Pack("revoke", version, reason)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRevoke is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfed3a6a3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function revoke(uint64 version, string reason) returns()
func (releases *Releases) TryPackRevoke(version uint64, reason string) ([]byte, error) {
	return releases.abi.Pack("revoke", version, reason)
}

// PackTransferOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf2fde38b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (releases *Releases) PackTransferOwnership(newOwner common.Address) []byte {
	enc, err := releases.abi.Pack("transferOwnership", newOwner)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTransferOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf2fde38b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (releases *Releases) TryPackTransferOwnership(newOwner common.Address) ([]byte, error) {
	return releases.abi.Pack("transferOwnership", newOwner)
}

// PackVersionAt is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x79d84b32.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function versionAt(uint256 i) view returns(uint64)
func (releases *Releases) PackVersionAt(i *big.Int) []byte {
	enc, err := releases.abi.Pack("versionAt", i)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVersionAt is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x79d84b32.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function versionAt(uint256 i) view returns(uint64)
func (releases *Releases) TryPackVersionAt(i *big.Int) ([]byte, error) {
	return releases.abi.Pack("versionAt", i)
}

// UnpackVersionAt is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x79d84b32.
//
// Solidity: function versionAt(uint256 i) view returns(uint64)
func (releases *Releases) UnpackVersionAt(data []byte) (uint64, error) {
	out, err := releases.abi.Unpack("versionAt", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// ReleasesOwnershipTransferred represents a OwnershipTransferred event raised by the Releases contract.
type ReleasesOwnershipTransferred struct {
	PreviousOwner common.Address
	NewOwner      common.Address
	Raw           *types.Log // Blockchain specific contextual infos
}

const ReleasesOwnershipTransferredEventName = "OwnershipTransferred"

// ContractEventName returns the user-defined event name.
func (ReleasesOwnershipTransferred) ContractEventName() string {
	return ReleasesOwnershipTransferredEventName
}

// UnpackOwnershipTransferredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)
func (releases *Releases) UnpackOwnershipTransferredEvent(log *types.Log) (*ReleasesOwnershipTransferred, error) {
	event := "OwnershipTransferred"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != releases.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ReleasesOwnershipTransferred)
	if len(log.Data) > 0 {
		if err := releases.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range releases.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ReleasesReleasePublished represents a ReleasePublished event raised by the Releases contract.
type ReleasesReleasePublished struct {
	Version    uint64
	MinVersion uint64
	NotesHash  [32]byte
	Notes      string
	Artifacts  []ReleasesArtifactInput
	Raw        *types.Log // Blockchain specific contextual infos
}

const ReleasesReleasePublishedEventName = "ReleasePublished"

// ContractEventName returns the user-defined event name.
func (ReleasesReleasePublished) ContractEventName() string {
	return ReleasesReleasePublishedEventName
}

// UnpackReleasePublishedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ReleasePublished(uint64 indexed version, uint64 minVersion, bytes32 notesHash, string notes, (string,bytes32,uint64,bytes32)[] artifacts)
func (releases *Releases) UnpackReleasePublishedEvent(log *types.Log) (*ReleasesReleasePublished, error) {
	event := "ReleasePublished"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != releases.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ReleasesReleasePublished)
	if len(log.Data) > 0 {
		if err := releases.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range releases.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ReleasesReleaseRevoked represents a ReleaseRevoked event raised by the Releases contract.
type ReleasesReleaseRevoked struct {
	Version uint64
	Reason  string
	Raw     *types.Log // Blockchain specific contextual infos
}

const ReleasesReleaseRevokedEventName = "ReleaseRevoked"

// ContractEventName returns the user-defined event name.
func (ReleasesReleaseRevoked) ContractEventName() string {
	return ReleasesReleaseRevokedEventName
}

// UnpackReleaseRevokedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ReleaseRevoked(uint64 indexed version, string reason)
func (releases *Releases) UnpackReleaseRevokedEvent(log *types.Log) (*ReleasesReleaseRevoked, error) {
	event := "ReleaseRevoked"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != releases.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ReleasesReleaseRevoked)
	if len(log.Data) > 0 {
		if err := releases.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range releases.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (releases *Releases) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], releases.abi.Errors["BadArtifacts"].ID.Bytes()[:4]) {
		return releases.UnpackBadArtifactsError(raw[4:])
	}
	if bytes.Equal(raw[:4], releases.abi.Errors["BadMinVersion"].ID.Bytes()[:4]) {
		return releases.UnpackBadMinVersionError(raw[4:])
	}
	if bytes.Equal(raw[:4], releases.abi.Errors["NoSuchRelease"].ID.Bytes()[:4]) {
		return releases.UnpackNoSuchReleaseError(raw[4:])
	}
	if bytes.Equal(raw[:4], releases.abi.Errors["OwnableInvalidOwner"].ID.Bytes()[:4]) {
		return releases.UnpackOwnableInvalidOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], releases.abi.Errors["OwnableUnauthorizedAccount"].ID.Bytes()[:4]) {
		return releases.UnpackOwnableUnauthorizedAccountError(raw[4:])
	}
	if bytes.Equal(raw[:4], releases.abi.Errors["VersionNotNewer"].ID.Bytes()[:4]) {
		return releases.UnpackVersionNotNewerError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// ReleasesBadArtifacts represents a BadArtifacts error raised by the Releases contract.
type ReleasesBadArtifacts struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BadArtifacts()
func ReleasesBadArtifactsErrorID() common.Hash {
	return common.HexToHash("0x1c34776419f796e4428a858c79b77e4439b916d6bf1dfe1640c2241fb8292a0d")
}

// UnpackBadArtifactsError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BadArtifacts()
func (releases *Releases) UnpackBadArtifactsError(raw []byte) (*ReleasesBadArtifacts, error) {
	out := new(ReleasesBadArtifacts)
	if err := releases.abi.UnpackIntoInterface(out, "BadArtifacts", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ReleasesBadMinVersion represents a BadMinVersion error raised by the Releases contract.
type ReleasesBadMinVersion struct {
	MinVersion uint64
	Version    uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BadMinVersion(uint64 minVersion, uint64 version)
func ReleasesBadMinVersionErrorID() common.Hash {
	return common.HexToHash("0x191382a0df592a0368b11d73e0ba13bd814d7eef42297270f5ec19e1c2474fe7")
}

// UnpackBadMinVersionError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BadMinVersion(uint64 minVersion, uint64 version)
func (releases *Releases) UnpackBadMinVersionError(raw []byte) (*ReleasesBadMinVersion, error) {
	out := new(ReleasesBadMinVersion)
	if err := releases.abi.UnpackIntoInterface(out, "BadMinVersion", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ReleasesNoSuchRelease represents a NoSuchRelease error raised by the Releases contract.
type ReleasesNoSuchRelease struct {
	Version uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NoSuchRelease(uint64 version)
func ReleasesNoSuchReleaseErrorID() common.Hash {
	return common.HexToHash("0xab7defebfa14e82eb9c7c3e5d748fc3276db3d02b79152e080d247f9efc493ea")
}

// UnpackNoSuchReleaseError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NoSuchRelease(uint64 version)
func (releases *Releases) UnpackNoSuchReleaseError(raw []byte) (*ReleasesNoSuchRelease, error) {
	out := new(ReleasesNoSuchRelease)
	if err := releases.abi.UnpackIntoInterface(out, "NoSuchRelease", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ReleasesOwnableInvalidOwner represents a OwnableInvalidOwner error raised by the Releases contract.
type ReleasesOwnableInvalidOwner struct {
	Owner common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OwnableInvalidOwner(address owner)
func ReleasesOwnableInvalidOwnerErrorID() common.Hash {
	return common.HexToHash("0x1e4fbdf7f3ef8bcaa855599e3abf48b232380f183f08f6f813d9ffa5bd585188")
}

// UnpackOwnableInvalidOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OwnableInvalidOwner(address owner)
func (releases *Releases) UnpackOwnableInvalidOwnerError(raw []byte) (*ReleasesOwnableInvalidOwner, error) {
	out := new(ReleasesOwnableInvalidOwner)
	if err := releases.abi.UnpackIntoInterface(out, "OwnableInvalidOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ReleasesOwnableUnauthorizedAccount represents a OwnableUnauthorizedAccount error raised by the Releases contract.
type ReleasesOwnableUnauthorizedAccount struct {
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OwnableUnauthorizedAccount(address account)
func ReleasesOwnableUnauthorizedAccountErrorID() common.Hash {
	return common.HexToHash("0x118cdaa7a341953d1887a2245fd6665d741c67c8c50581daa59e1d03373fa188")
}

// UnpackOwnableUnauthorizedAccountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OwnableUnauthorizedAccount(address account)
func (releases *Releases) UnpackOwnableUnauthorizedAccountError(raw []byte) (*ReleasesOwnableUnauthorizedAccount, error) {
	out := new(ReleasesOwnableUnauthorizedAccount)
	if err := releases.abi.UnpackIntoInterface(out, "OwnableUnauthorizedAccount", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ReleasesVersionNotNewer represents a VersionNotNewer error raised by the Releases contract.
type ReleasesVersionNotNewer struct {
	Version uint64
	Highest uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error VersionNotNewer(uint64 version, uint64 highest)
func ReleasesVersionNotNewerErrorID() common.Hash {
	return common.HexToHash("0xdf5abcab2ed9c9daff7d2c24f400841cf5bb17489bccefbd57cf52bc88308475")
}

// UnpackVersionNotNewerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error VersionNotNewer(uint64 version, uint64 highest)
func (releases *Releases) UnpackVersionNotNewerError(raw []byte) (*ReleasesVersionNotNewer, error) {
	out := new(ReleasesVersionNotNewer)
	if err := releases.abi.UnpackIntoInterface(out, "VersionNotNewer", raw); err != nil {
		return nil, err
	}
	return out, nil
}
