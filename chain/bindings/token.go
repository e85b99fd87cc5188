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

// CheckpointsCheckpoint208 is an auto generated low-level Go binding around an user-defined struct.
type CheckpointsCheckpoint208 struct {
	Key   *big.Int
	Value *big.Int
}

// TokenMetaData contains all meta data concerning the Token contract.
var TokenMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"address\",\"name\":\"holder\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"supply\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[],\"name\":\"CheckpointUnorderedInsertion\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ECDSAInvalidSignature\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"ECDSAInvalidSignatureLength\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"s\",\"type\":\"bytes32\"}],\"name\":\"ECDSAInvalidSignatureS\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"increasedSupply\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"cap\",\"type\":\"uint256\"}],\"name\":\"ERC20ExceededSafeSupply\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"allowance\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"needed\",\"type\":\"uint256\"}],\"name\":\"ERC20InsufficientAllowance\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"balance\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"needed\",\"type\":\"uint256\"}],\"name\":\"ERC20InsufficientBalance\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"approver\",\"type\":\"address\"}],\"name\":\"ERC20InvalidApprover\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"receiver\",\"type\":\"address\"}],\"name\":\"ERC20InvalidReceiver\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"}],\"name\":\"ERC20InvalidSender\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"}],\"name\":\"ERC20InvalidSpender\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"deadline\",\"type\":\"uint256\"}],\"name\":\"ERC2612ExpiredSignature\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"signer\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"ERC2612InvalidSigner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"timepoint\",\"type\":\"uint256\"},{\"internalType\":\"uint48\",\"name\":\"clock\",\"type\":\"uint48\"}],\"name\":\"ERC5805FutureLookup\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ERC6372InconsistentClock\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"currentNonce\",\"type\":\"uint256\"}],\"name\":\"InvalidAccountNonce\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidShortString\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint8\",\"name\":\"bits\",\"type\":\"uint8\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"SafeCastOverflowedUintDowncast\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"str\",\"type\":\"string\"}],\"name\":\"StringTooLong\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"expiry\",\"type\":\"uint256\"}],\"name\":\"VotesExpiredSignature\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"Approval\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"delegator\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"fromDelegate\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"toDelegate\",\"type\":\"address\"}],\"name\":\"DelegateChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"delegate\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"previousVotes\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"newVotes\",\"type\":\"uint256\"}],\"name\":\"DelegateVotesChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[],\"name\":\"EIP712DomainChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"Transfer\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"CLOCK_MODE\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"DOMAIN_SEPARATOR\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"}],\"name\":\"allowance\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"approve\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"balanceOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"uint32\",\"name\":\"pos\",\"type\":\"uint32\"}],\"name\":\"checkpoints\",\"outputs\":[{\"components\":[{\"internalType\":\"uint48\",\"name\":\"_key\",\"type\":\"uint48\"},{\"internalType\":\"uint208\",\"name\":\"_value\",\"type\":\"uint208\"}],\"internalType\":\"structCheckpoints.Checkpoint208\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"clock\",\"outputs\":[{\"internalType\":\"uint48\",\"name\":\"\",\"type\":\"uint48\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"decimals\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"delegatee\",\"type\":\"address\"}],\"name\":\"delegate\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"delegatee\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"nonce\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"expiry\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"v\",\"type\":\"uint8\"},{\"internalType\":\"bytes32\",\"name\":\"r\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"s\",\"type\":\"bytes32\"}],\"name\":\"delegateBySig\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"delegates\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"eip712Domain\",\"outputs\":[{\"internalType\":\"bytes1\",\"name\":\"fields\",\"type\":\"bytes1\"},{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"version\",\"type\":\"string\"},{\"internalType\":\"uint256\",\"name\":\"chainId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"verifyingContract\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"salt\",\"type\":\"bytes32\"},{\"internalType\":\"uint256[]\",\"name\":\"extensions\",\"type\":\"uint256[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"timepoint\",\"type\":\"uint256\"}],\"name\":\"getPastTotalSupply\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"timepoint\",\"type\":\"uint256\"}],\"name\":\"getPastVotes\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"getVotes\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"name\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"nonces\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"numCheckpoints\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"deadline\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"v\",\"type\":\"uint8\"},{\"internalType\":\"bytes32\",\"name\":\"r\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"s\",\"type\":\"bytes32\"}],\"name\":\"permit\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"symbol\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"totalSupply\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"transfer\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"transferFrom\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "Token",
	Bin: "0x610160604052348015610010575f5ffd5b506040516126d33803806126d383398101604081905261002f916107e1565b6040518060400160405280600d81526020016c26bcb1b937b33a103a37b5b2b760991b81525080604051806040016040528060018152602001603160f81b8152506040518060400160405280600d81526020016c26bcb1b937b33a103a37b5b2b760991b815250604051806040016040528060038152602001624d594360e81b81525081600390816100c191906108af565b5060046100ce82826108af565b506100de91508390506005610194565b610120526100ed816006610194565b61014052815160208084019190912060e052815190820120610100524660a05261017960e05161010051604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201529081019290925260608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b60805250503060c0525061018d82826101c6565b5050610a39565b5f6020835110156101af576101a883610203565b90506101c0565b816101ba84826108af565b5060ff90505b92915050565b6001600160a01b0382166101f45760405163ec442f0560e01b81525f60048201526024015b60405180910390fd5b6101ff5f8383610240565b5050565b5f5f829050601f8151111561022d578260405163305a27a960e01b81526004016101eb9190610969565b80516102388261099e565b179392505050565b61024b838383610250565b505050565b61025b8383836102b6565b6001600160a01b0383166102ab575f61027360025490565b90506001600160d01b03808211156102a857604051630e58ae9360e11b815260048101839052602481018290526044016101eb565b50505b61024b8383836103dc565b6001600160a01b0383166102e0578060025f8282546102d591906109d5565b909155506103509050565b6001600160a01b0383165f90815260208190526040902054818110156103325760405163391434e360e21b81526001600160a01b038516600482015260248101829052604481018390526064016101eb565b6001600160a01b0384165f9081526020819052604090209082900390555b6001600160a01b03821661036c5760028054829003905561038a565b6001600160a01b0382165f9081526020819052604090208054820190555b816001600160a01b0316836001600160a01b03167fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef836040516103cf91815260200190565b60405180910390a3505050565b6001600160a01b03831661040a57610407600a6107c461046460201b1761040284610476565b6104ad565b50505b6001600160a01b03821661043357610430600a6107cf6104db60201b1761040284610476565b50505b6001600160a01b038381165f9081526008602052604080822054858416835291205461024b929182169116836104e6565b5f61046f82846109e8565b9392505050565b5f6001600160d01b038211156104a9576040516306dfcc6560e41b815260d06004820152602481018390526044016101eb565b5090565b5f806104ce426104c66104bf88610636565b868860201c565b87919061067d565b915091505b935093915050565b5f61046f8284610a07565b816001600160a01b0316836001600160a01b03161415801561050757505f81115b1561024b576001600160a01b0383161561059f576001600160a01b0383165f9081526009602090815260408220829161054d91906104db901b6107cf1761040286610476565b6001600160d01b031691506001600160d01b03169150846001600160a01b03165f5160206126b35f395f51905f528383604051610594929190918252602082015260400190565b60405180910390a250505b6001600160a01b0382161561024b576001600160a01b0382165f908152600960209081526040822082916105e09190610464901b6107c41761040286610476565b6001600160d01b031691506001600160d01b03169150836001600160a01b03165f5160206126b35f395f51905f528383604051610627929190918252602082015260400190565b60405180910390a25050505050565b80545f9080156106755761065c8361064f600184610a26565b5f91825260209091200190565b54660100000000000090046001600160d01b031661046f565b5f9392505050565b5f806104ce85858582545f9081908015610784575f6106a18761064f600185610a26565b805490915065ffffffffffff80821691660100000000000090046001600160d01b03169088168211156106e757604051632520601d60e01b815260040160405180910390fd5b8765ffffffffffff168265ffffffffffff160361072357825465ffffffffffff1666010000000000006001600160d01b03891602178355610776565b6040805180820190915265ffffffffffff808a1682526001600160d01b03808a1660208085019182528d54600181018f555f8f815291909120945191519092166601000000000000029216919091179101555b94508593506104d392505050565b50506040805180820190915265ffffffffffff80851682526001600160d01b0380851660208085019182528854600181018a555f8a81529182209551925190931666010000000000000291909316179201919091559050816104d3565b5f5f604083850312156107f2575f5ffd5b82516001600160a01b0381168114610808575f5ffd5b6020939093015192949293505050565b634e487b7160e01b5f52604160045260245ffd5b600181811c9082168061084057607f821691505b60208210810361085e57634e487b7160e01b5f52602260045260245ffd5b50919050565b601f82111561024b57805f5260205f20601f840160051c810160208510156108895750805b601f840160051c820191505b818110156108a8575f8155600101610895565b5050505050565b81516001600160401b038111156108c8576108c8610818565b6108dc816108d6845461082c565b84610864565b6020601f82116001811461090e575f83156108f75750848201515b5f19600385901b1c1916600184901b1784556108a8565b5f84815260208120601f198516915b8281101561093d578785015182556020948501946001909201910161091d565b508482101561095a57868401515f19600387901b60f8161c191681555b50505050600190811b01905550565b602081525f82518060208401528060208501604085015e5f604082850101526040601f19601f83011684010191505092915050565b8051602080830151919081101561085e575f1960209190910360031b1b16919050565b634e487b7160e01b5f52601160045260245ffd5b808201808211156101c0576101c06109c1565b6001600160d01b0381811683821601908111156101c0576101c06109c1565b6001600160d01b0382811682821603908111156101c0576101c06109c1565b818103818111156101c0576101c06109c1565b60805160a05160c05160e051610100516101205161014051611c29610a8a5f395f610bc501525f610b9801525f61099e01525f61097601525f6108d101525f6108fb01525f6109250152611c295ff3fe608060405234801561000f575f5ffd5b5060043610610148575f3560e01c806370a08231116100bf5780639ab24eb0116100795780639ab24eb01461030d578063a9059cbb14610320578063c3cda52014610333578063d505accf14610346578063dd62ed3e14610359578063f1127ed814610391575f5ffd5b806370a08231146102865780637ecebe00146102ae57806384b0196e146102c15780638e539e8c146102dc57806391ddadf4146102ef57806395d89b4114610305575f5ffd5b80633644e515116101105780633644e515146101c15780633a46b1a8146101c95780634bf5d7e9146101dc578063587cde1e146102065780635c19a95c146102495780636fcfff451461025e575f5ffd5b806306fdde031461014c578063095ea7b31461016a57806318160ddd1461018d57806323b872dd1461019f578063313ce567146101b2575b5f5ffd5b6101546103d0565b6040516101619190611884565b60405180910390f35b61017d6101783660046118b1565b610460565b6040519015158152602001610161565b6002545b604051908152602001610161565b61017d6101ad3660046118d9565b610479565b60405160128152602001610161565b61019161049c565b6101916101d73660046118b1565b6104aa565b60408051808201909152600e81526d06d6f64653d74696d657374616d760941b6020820152610154565b610231610214366004611913565b6001600160a01b039081165f908152600860205260409020541690565b6040516001600160a01b039091168152602001610161565b61025c610257366004611913565b6104e4565b005b61027161026c366004611913565b6104f3565b60405163ffffffff9091168152602001610161565b610191610294366004611913565b6001600160a01b03165f9081526020819052604090205490565b6101916102bc366004611913565b6104fd565b6102c9610507565b604051610161979695949392919061192c565b6101916102ea3660046119c2565b610549565b60405165ffffffffffff42168152602001610161565b61015461056d565b61019161031b366004611913565b61057c565b61017d61032e3660046118b1565b61059c565b61025c6103413660046119e9565b6105a9565b61025c610354366004611a3d565b61066a565b610191610367366004611aa3565b6001600160a01b039182165f90815260016020908152604080832093909416825291909152205490565b6103a461039f366004611ad4565b6107a0565b60408051825165ffffffffffff1681526020928301516001600160d01b03169281019290925201610161565b6060600380546103df90611b11565b80601f016020809104026020016040519081016040528092919081815260200182805461040b90611b11565b80156104565780601f1061042d57610100808354040283529160200191610456565b820191905f5260205f20905b81548152906001019060200180831161043957829003601f168201915b5050505050905090565b5f3361046d8185856107da565b60019150505b92915050565b5f336104868582856107ec565b610491858585610868565b506001949350505050565b5f6104a56108c5565b905090565b5f6104d46104b7836109ee565b6001600160a01b0385165f90815260096020526040902090610a32565b6001600160d01b03169392505050565b336104ef8183610ae2565b5050565b5f61047382610b53565b5f61047382610b74565b5f6060805f5f5f6060610518610b91565b610520610bbe565b604080515f80825260208201909252600f60f81b9b939a50919850469750309650945092509050565b5f61055e610556836109ee565b600a90610a32565b6001600160d01b031692915050565b6060600480546103df90611b11565b6001600160a01b0381165f90815260096020526040812061055e90610beb565b5f3361046d818585610868565b834211156105d257604051632341d78760e11b8152600481018590526024015b60405180910390fd5b604080517fe48329057bfd03d55e49b547132e39cffd9c1820ad7b9d4c5307691425d15adf60208201526001600160a01b0388169181019190915260608101869052608081018590525f9061064b906106439060a00160405160208183030381529060405280519060200120610c22565b858585610c4e565b90506106578187610c7a565b6106618188610ae2565b50505050505050565b8342111561068e5760405163313c898160e11b8152600481018590526024016105c9565b5f7f6e71edae12b1b97f4d1f60370fef10105fa2faae0126114a169c64845d6126c98888886106d98c6001600160a01b03165f90815260076020526040902080546001810190915590565b6040805160208101969096526001600160a01b0394851690860152929091166060840152608083015260a082015260c0810186905260e0016040516020818303038152906040528051906020012090505f61073382610c22565b90505f61074282878787610c4e565b9050896001600160a01b0316816001600160a01b031614610789576040516325c0072360e11b81526001600160a01b0380831660048301528b1660248201526044016105c9565b6107948a8a8a6107da565b50505050505050505050565b604080518082019091525f80825260208201526107bd8383610ccc565b9392505050565b5f6107bd8284611b5d565b5f6107bd8284611b7c565b6107e78383836001610d00565b505050565b6001600160a01b038381165f908152600160209081526040808320938616835292905220545f19811015610862578181101561085457604051637dc7a0d960e11b81526001600160a01b038416600482015260248101829052604481018390526064016105c9565b61086284848484035f610d00565b50505050565b6001600160a01b03831661089157604051634b637e8f60e11b81525f60048201526024016105c9565b6001600160a01b0382166108ba5760405163ec442f0560e01b81525f60048201526024016105c9565b6107e7838383610dd2565b5f306001600160a01b037f00000000000000000000000000000000000000000000000000000000000000001614801561091d57507f000000000000000000000000000000000000000000000000000000000000000046145b1561094757507f000000000000000000000000000000000000000000000000000000000000000090565b6104a5604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201527f0000000000000000000000000000000000000000000000000000000000000000918101919091527f000000000000000000000000000000000000000000000000000000000000000060608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b5f4265ffffffffffff81168310610a2957604051637669fc0f60e11b81526004810184905265ffffffffffff821660248201526044016105c9565b6107bd83610ddd565b81545f9081816005811115610a8e575f610a4b84610e13565b610a559085611b9b565b5f8881526020902090915081015465ffffffffffff9081169087161015610a7e57809150610a8c565b610a89816001611bae565b92505b505b5f610a9b87878585610f6b565b90508015610ad557610abf87610ab2600184611b9b565b5f91825260209091200190565b54600160301b90046001600160d01b0316610ad7565b5f5b979650505050505050565b6001600160a01b038281165f8181526008602052604080822080548686166001600160a01b0319821681179092559151919094169392849290917f3134e8a2e6d97e929a7e54011ea5485d7d196dd5f0ba4d4ef95803e8e3fc257f9190a46107e78183610b4e86610fca565b610fe7565b6001600160a01b0381165f9081526009602052604081205461047390611150565b6001600160a01b0381165f90815260076020526040812054610473565b60606104a57f00000000000000000000000000000000000000000000000000000000000000006005611180565b60606104a57f00000000000000000000000000000000000000000000000000000000000000006006611180565b80545f908015610c1a57610c0483610ab2600184611b9b565b54600160301b90046001600160d01b03166107bd565b5f9392505050565b5f610473610c2e6108c5565b8360405161190160f01b8152600281019290925260228201526042902090565b5f5f5f5f610c5e88888888611229565b925092509250610c6e82826112f1565b50909695505050505050565b6001600160a01b0382165f9081526007602052604090208054600181019091558181146107e7576040516301d4b62360e61b81526001600160a01b0384166004820152602481018290526044016105c9565b604080518082019091525f80825260208201526001600160a01b0383165f9081526009602052604090206107bd90836113a9565b6001600160a01b038416610d295760405163e602df0560e01b81525f60048201526024016105c9565b6001600160a01b038316610d5257604051634a1406b160e11b81525f60048201526024016105c9565b6001600160a01b038085165f908152600160209081526040808320938716835292905220829055801561086257826001600160a01b0316846001600160a01b03167f8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b92584604051610dc491815260200190565b60405180910390a350505050565b6107e7838383611416565b5f65ffffffffffff821115610e0f576040516306dfcc6560e41b815260306004820152602481018390526044016105c9565b5090565b5f60018211610e20575090565b816001600160801b8210610e395760809190911c9060401b5b680100000000000000008210610e545760409190911c9060201b5b6401000000008210610e6b5760209190911c9060101b5b620100008210610e805760109190911c9060081b5b6101008210610e945760089190911c9060041b5b60108210610ea75760049190911c9060021b5b60048210610eb35760011b5b600302600190811c90818581610ecb57610ecb611bc1565b048201901c90506001818581610ee357610ee3611bc1565b048201901c90506001818581610efb57610efb611bc1565b048201901c90506001818581610f1357610f13611bc1565b048201901c90506001818581610f2b57610f2b611bc1565b048201901c90506001818581610f4357610f43611bc1565b048201901c9050610f62818581610f5c57610f5c611bc1565b04821190565b90039392505050565b5f5b81831015610fc2575f610f80848461147c565b5f8781526020902090915065ffffffffffff86169082015465ffffffffffff161115610fae57809250610fbc565b610fb9816001611bae565b93505b50610f6d565b509392505050565b6001600160a01b0381165f90815260208190526040812054610473565b816001600160a01b0316836001600160a01b03161415801561100857505f81115b156107e7576001600160a01b038316156110af576001600160a01b0383165f908152600960205260408120819061104a906107cf61104586611496565b6114c9565b6001600160d01b031691506001600160d01b03169150846001600160a01b03167fdec2bacdd2f05b59de34da9b523dff8be42e5e38e818c82fdb0bae774387a72483836040516110a4929190918252602082015260400190565b60405180910390a250505b6001600160a01b038216156107e7576001600160a01b0382165f90815260096020526040812081906110e7906107c461104586611496565b6001600160d01b031691506001600160d01b03169150836001600160a01b03167fdec2bacdd2f05b59de34da9b523dff8be42e5e38e818c82fdb0bae774387a7248383604051611141929190918252602082015260400190565b60405180910390a25050505050565b5f63ffffffff821115610e0f576040516306dfcc6560e41b815260206004820152602481018390526044016105c9565b606060ff831461119a57611193836114fa565b9050610473565b8180546111a690611b11565b80601f01602080910402602001604051908101604052809291908181526020018280546111d290611b11565b801561121d5780601f106111f45761010080835404028352916020019161121d565b820191905f5260205f20905b81548152906001019060200180831161120057829003601f168201915b50505050509050610473565b5f80807f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a084111561126257505f915060039050826112e7565b604080515f808252602082018084528a905260ff891692820192909252606081018790526080810186905260019060a0016020604051602081039080840390855afa1580156112b3573d5f5f3e3d5ffd5b5050604051601f1901519150506001600160a01b0381166112de57505f9250600191508290506112e7565b92505f91508190505b9450945094915050565b5f82600381111561130457611304611bd5565b0361130d575050565b600182600381111561132157611321611bd5565b0361133f5760405163f645eedf60e01b815260040160405180910390fd5b600282600381111561135357611353611bd5565b036113745760405163fce698f760e01b8152600481018290526024016105c9565b600382600381111561138857611388611bd5565b036104ef576040516335e2f38360e21b8152600481018290526024016105c9565b604080518082019091525f8082526020820152825f018263ffffffff16815481106113d6576113d6611be9565b5f9182526020918290206040805180820190915291015465ffffffffffff81168252600160301b90046001600160d01b0316918101919091529392505050565b611421838383611537565b6001600160a01b038316611471575f61143960025490565b90506001600160d01b038082111561146e57604051630e58ae9360e11b815260048101839052602481018290526044016105c9565b50505b6107e783838361165d565b5f61148a6002848418611bfd565b6107bd90848416611bae565b5f6001600160d01b03821115610e0f576040516306dfcc6560e41b815260d06004820152602481018390526044016105c9565b5f806114ed426114e56114db88610beb565b868863ffffffff16565b8791906116d2565b915091505b935093915050565b60605f611506836116df565b6040805160208082528183019092529192505f91906020820181803683375050509182525060208101929092525090565b6001600160a01b038316611561578060025f8282546115569190611bae565b909155506115d19050565b6001600160a01b0383165f90815260208190526040902054818110156115b35760405163391434e360e21b81526001600160a01b038516600482015260248101829052604481018390526064016105c9565b6001600160a01b0384165f9081526020819052604090209082900390555b6001600160a01b0382166115ed5760028054829003905561160b565b6001600160a01b0382165f9081526020819052604090208054820190555b816001600160a01b0316836001600160a01b03167fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef8360405161165091815260200190565b60405180910390a3505050565b6001600160a01b03831661167f5761167c600a6107c461104584611496565b50505b6001600160a01b0382166116a15761169e600a6107cf61104584611496565b50505b6001600160a01b038381165f908152600860205260408082205485841683529120546107e792918216911683610fe7565b5f806114ed858585611706565b5f60ff8216601f81111561047357604051632cd44ac360e21b815260040160405180910390fd5b82545f90819080156117fc575f61172287610ab2600185611b9b565b805490915065ffffffffffff80821691600160301b90046001600160d01b031690881682111561176557604051632520601d60e01b815260040160405180910390fd5b8765ffffffffffff168265ffffffffffff160361179e57825465ffffffffffff16600160301b6001600160d01b038916021783556117ee565b6040805180820190915265ffffffffffff808a1682526001600160d01b03808a1660208085019182528d54600181018f555f8f81529190912094519151909216600160301b029216919091179101555b94508593506114f292505050565b50506040805180820190915265ffffffffffff80851682526001600160d01b0380851660208085019182528854600181018a555f8a815291822095519251909316600160301b0291909316179201919091559050816114f2565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b602081525f6107bd6020830184611856565b80356001600160a01b03811681146118ac575f5ffd5b919050565b5f5f604083850312156118c2575f5ffd5b6118cb83611896565b946020939093013593505050565b5f5f5f606084860312156118eb575f5ffd5b6118f484611896565b925061190260208501611896565b929592945050506040919091013590565b5f60208284031215611923575f5ffd5b6107bd82611896565b60ff60f81b8816815260e060208201525f61194a60e0830189611856565b828103604084015261195c8189611856565b606084018890526001600160a01b038716608085015260a0840186905283810360c0850152845180825260208087019350909101905f5b818110156119b1578351835260209384019390920191600101611993565b50909b9a5050505050505050505050565b5f602082840312156119d2575f5ffd5b5035919050565b803560ff811681146118ac575f5ffd5b5f5f5f5f5f5f60c087890312156119fe575f5ffd5b611a0787611896565b95506020870135945060408701359350611a23606088016119d9565b9598949750929560808101359460a0909101359350915050565b5f5f5f5f5f5f5f60e0888a031215611a53575f5ffd5b611a5c88611896565b9650611a6a60208901611896565b95506040880135945060608801359350611a86608089016119d9565b9699959850939692959460a0840135945060c09093013592915050565b5f5f60408385031215611ab4575f5ffd5b611abd83611896565b9150611acb60208401611896565b90509250929050565b5f5f60408385031215611ae5575f5ffd5b611aee83611896565b9150602083013563ffffffff81168114611b06575f5ffd5b809150509250929050565b600181811c90821680611b2557607f821691505b602082108103611b4357634e487b7160e01b5f52602260045260245ffd5b50919050565b634e487b7160e01b5f52601160045260245ffd5b6001600160d01b03818116838216019081111561047357610473611b49565b6001600160d01b03828116828216039081111561047357610473611b49565b8181038181111561047357610473611b49565b8082018082111561047357610473611b49565b634e487b7160e01b5f52601260045260245ffd5b634e487b7160e01b5f52602160045260245ffd5b634e487b7160e01b5f52603260045260245ffd5b5f82611c1757634e487b7160e01b5f52601260045260245ffd5b50049056fea164736f6c634300081e000adec2bacdd2f05b59de34da9b523dff8be42e5e38e818c82fdb0bae774387a724",
}

// Token is an auto generated Go binding around an Ethereum contract.
type Token struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *Token) GetABI() abi.ABI {
	return c.abi
}

// NewToken creates a new instance of Token.
func NewToken() *Token {
	parsed, err := TokenMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &Token{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *Token) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address holder, uint256 supply) returns()
func (token *Token) PackConstructor(holder common.Address, supply *big.Int) []byte {
	enc, err := token.abi.Pack("", holder, supply)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackCLOCKMODE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4bf5d7e9.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function CLOCK_MODE() pure returns(string)
func (token *Token) PackCLOCKMODE() []byte {
	enc, err := token.abi.Pack("CLOCK_MODE")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCLOCKMODE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4bf5d7e9.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function CLOCK_MODE() pure returns(string)
func (token *Token) TryPackCLOCKMODE() ([]byte, error) {
	return token.abi.Pack("CLOCK_MODE")
}

// UnpackCLOCKMODE is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4bf5d7e9.
//
// Solidity: function CLOCK_MODE() pure returns(string)
func (token *Token) UnpackCLOCKMODE(data []byte) (string, error) {
	out, err := token.abi.Unpack("CLOCK_MODE", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackDOMAINSEPARATOR is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3644e515.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function DOMAIN_SEPARATOR() view returns(bytes32)
func (token *Token) PackDOMAINSEPARATOR() []byte {
	enc, err := token.abi.Pack("DOMAIN_SEPARATOR")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDOMAINSEPARATOR is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3644e515.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function DOMAIN_SEPARATOR() view returns(bytes32)
func (token *Token) TryPackDOMAINSEPARATOR() ([]byte, error) {
	return token.abi.Pack("DOMAIN_SEPARATOR")
}

// UnpackDOMAINSEPARATOR is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x3644e515.
//
// Solidity: function DOMAIN_SEPARATOR() view returns(bytes32)
func (token *Token) UnpackDOMAINSEPARATOR(data []byte) ([32]byte, error) {
	out, err := token.abi.Unpack("DOMAIN_SEPARATOR", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackAllowance is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdd62ed3e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function allowance(address owner, address spender) view returns(uint256)
func (token *Token) PackAllowance(owner common.Address, spender common.Address) []byte {
	enc, err := token.abi.Pack("allowance", owner, spender)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAllowance is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdd62ed3e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function allowance(address owner, address spender) view returns(uint256)
func (token *Token) TryPackAllowance(owner common.Address, spender common.Address) ([]byte, error) {
	return token.abi.Pack("allowance", owner, spender)
}

// UnpackAllowance is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xdd62ed3e.
//
// Solidity: function allowance(address owner, address spender) view returns(uint256)
func (token *Token) UnpackAllowance(data []byte) (*big.Int, error) {
	out, err := token.abi.Unpack("allowance", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackApprove is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x095ea7b3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function approve(address spender, uint256 value) returns(bool)
func (token *Token) PackApprove(spender common.Address, value *big.Int) []byte {
	enc, err := token.abi.Pack("approve", spender, value)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackApprove is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x095ea7b3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function approve(address spender, uint256 value) returns(bool)
func (token *Token) TryPackApprove(spender common.Address, value *big.Int) ([]byte, error) {
	return token.abi.Pack("approve", spender, value)
}

// UnpackApprove is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x095ea7b3.
//
// Solidity: function approve(address spender, uint256 value) returns(bool)
func (token *Token) UnpackApprove(data []byte) (bool, error) {
	out, err := token.abi.Unpack("approve", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackBalanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70a08231.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function balanceOf(address account) view returns(uint256)
func (token *Token) PackBalanceOf(account common.Address) []byte {
	enc, err := token.abi.Pack("balanceOf", account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBalanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70a08231.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function balanceOf(address account) view returns(uint256)
func (token *Token) TryPackBalanceOf(account common.Address) ([]byte, error) {
	return token.abi.Pack("balanceOf", account)
}

// UnpackBalanceOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x70a08231.
//
// Solidity: function balanceOf(address account) view returns(uint256)
func (token *Token) UnpackBalanceOf(data []byte) (*big.Int, error) {
	out, err := token.abi.Unpack("balanceOf", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackCheckpoints is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf1127ed8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function checkpoints(address account, uint32 pos) view returns((uint48,uint208))
func (token *Token) PackCheckpoints(account common.Address, pos uint32) []byte {
	enc, err := token.abi.Pack("checkpoints", account, pos)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCheckpoints is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf1127ed8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function checkpoints(address account, uint32 pos) view returns((uint48,uint208))
func (token *Token) TryPackCheckpoints(account common.Address, pos uint32) ([]byte, error) {
	return token.abi.Pack("checkpoints", account, pos)
}

// UnpackCheckpoints is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf1127ed8.
//
// Solidity: function checkpoints(address account, uint32 pos) view returns((uint48,uint208))
func (token *Token) UnpackCheckpoints(data []byte) (CheckpointsCheckpoint208, error) {
	out, err := token.abi.Unpack("checkpoints", data)
	if err != nil {
		return *new(CheckpointsCheckpoint208), err
	}
	out0 := *abi.ConvertType(out[0], new(CheckpointsCheckpoint208)).(*CheckpointsCheckpoint208)
	return out0, nil
}

// PackClock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x91ddadf4.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function clock() view returns(uint48)
func (token *Token) PackClock() []byte {
	enc, err := token.abi.Pack("clock")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackClock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x91ddadf4.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function clock() view returns(uint48)
func (token *Token) TryPackClock() ([]byte, error) {
	return token.abi.Pack("clock")
}

// UnpackClock is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x91ddadf4.
//
// Solidity: function clock() view returns(uint48)
func (token *Token) UnpackClock(data []byte) (*big.Int, error) {
	out, err := token.abi.Unpack("clock", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackDecimals is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x313ce567.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function decimals() view returns(uint8)
func (token *Token) PackDecimals() []byte {
	enc, err := token.abi.Pack("decimals")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDecimals is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x313ce567.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function decimals() view returns(uint8)
func (token *Token) TryPackDecimals() ([]byte, error) {
	return token.abi.Pack("decimals")
}

// UnpackDecimals is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x313ce567.
//
// Solidity: function decimals() view returns(uint8)
func (token *Token) UnpackDecimals(data []byte) (uint8, error) {
	out, err := token.abi.Unpack("decimals", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackDelegate is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5c19a95c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function delegate(address delegatee) returns()
func (token *Token) PackDelegate(delegatee common.Address) []byte {
	enc, err := token.abi.Pack("delegate", delegatee)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDelegate is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5c19a95c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function delegate(address delegatee) returns()
func (token *Token) TryPackDelegate(delegatee common.Address) ([]byte, error) {
	return token.abi.Pack("delegate", delegatee)
}

// PackDelegateBySig is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc3cda520.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function delegateBySig(address delegatee, uint256 nonce, uint256 expiry, uint8 v, bytes32 r, bytes32 s) returns()
func (token *Token) PackDelegateBySig(delegatee common.Address, nonce *big.Int, expiry *big.Int, v uint8, r [32]byte, s [32]byte) []byte {
	enc, err := token.abi.Pack("delegateBySig", delegatee, nonce, expiry, v, r, s)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDelegateBySig is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc3cda520.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function delegateBySig(address delegatee, uint256 nonce, uint256 expiry, uint8 v, bytes32 r, bytes32 s) returns()
func (token *Token) TryPackDelegateBySig(delegatee common.Address, nonce *big.Int, expiry *big.Int, v uint8, r [32]byte, s [32]byte) ([]byte, error) {
	return token.abi.Pack("delegateBySig", delegatee, nonce, expiry, v, r, s)
}

// PackDelegates is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x587cde1e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function delegates(address account) view returns(address)
func (token *Token) PackDelegates(account common.Address) []byte {
	enc, err := token.abi.Pack("delegates", account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDelegates is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x587cde1e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function delegates(address account) view returns(address)
func (token *Token) TryPackDelegates(account common.Address) ([]byte, error) {
	return token.abi.Pack("delegates", account)
}

// UnpackDelegates is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x587cde1e.
//
// Solidity: function delegates(address account) view returns(address)
func (token *Token) UnpackDelegates(data []byte) (common.Address, error) {
	out, err := token.abi.Unpack("delegates", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackEip712Domain is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x84b0196e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (token *Token) PackEip712Domain() []byte {
	enc, err := token.abi.Pack("eip712Domain")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackEip712Domain is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x84b0196e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (token *Token) TryPackEip712Domain() ([]byte, error) {
	return token.abi.Pack("eip712Domain")
}

// TokenEip712DomainOutput serves as a container for the return parameters of contract
// method Eip712Domain.
type TokenEip712DomainOutput struct {
	Fields            [1]byte
	Name              string
	Version           string
	ChainId           *big.Int
	VerifyingContract common.Address
	Salt              [32]byte
	Extensions        []*big.Int
}

// UnpackEip712Domain is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x84b0196e.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (token *Token) UnpackEip712Domain(data []byte) (TokenEip712DomainOutput, error) {
	out, err := token.abi.Unpack("eip712Domain", data)
	outstruct := new(TokenEip712DomainOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Fields = *abi.ConvertType(out[0], new([1]byte)).(*[1]byte)
	outstruct.Name = *abi.ConvertType(out[1], new(string)).(*string)
	outstruct.Version = *abi.ConvertType(out[2], new(string)).(*string)
	outstruct.ChainId = abi.ConvertType(out[3], new(big.Int)).(*big.Int)
	outstruct.VerifyingContract = *abi.ConvertType(out[4], new(common.Address)).(*common.Address)
	outstruct.Salt = *abi.ConvertType(out[5], new([32]byte)).(*[32]byte)
	outstruct.Extensions = *abi.ConvertType(out[6], new([]*big.Int)).(*[]*big.Int)
	return *outstruct, nil
}

// PackGetPastTotalSupply is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8e539e8c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getPastTotalSupply(uint256 timepoint) view returns(uint256)
func (token *Token) PackGetPastTotalSupply(timepoint *big.Int) []byte {
	enc, err := token.abi.Pack("getPastTotalSupply", timepoint)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetPastTotalSupply is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8e539e8c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getPastTotalSupply(uint256 timepoint) view returns(uint256)
func (token *Token) TryPackGetPastTotalSupply(timepoint *big.Int) ([]byte, error) {
	return token.abi.Pack("getPastTotalSupply", timepoint)
}

// UnpackGetPastTotalSupply is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8e539e8c.
//
// Solidity: function getPastTotalSupply(uint256 timepoint) view returns(uint256)
func (token *Token) UnpackGetPastTotalSupply(data []byte) (*big.Int, error) {
	out, err := token.abi.Unpack("getPastTotalSupply", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackGetPastVotes is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3a46b1a8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getPastVotes(address account, uint256 timepoint) view returns(uint256)
func (token *Token) PackGetPastVotes(account common.Address, timepoint *big.Int) []byte {
	enc, err := token.abi.Pack("getPastVotes", account, timepoint)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetPastVotes is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3a46b1a8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getPastVotes(address account, uint256 timepoint) view returns(uint256)
func (token *Token) TryPackGetPastVotes(account common.Address, timepoint *big.Int) ([]byte, error) {
	return token.abi.Pack("getPastVotes", account, timepoint)
}

// UnpackGetPastVotes is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x3a46b1a8.
//
// Solidity: function getPastVotes(address account, uint256 timepoint) view returns(uint256)
func (token *Token) UnpackGetPastVotes(data []byte) (*big.Int, error) {
	out, err := token.abi.Unpack("getPastVotes", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackGetVotes is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9ab24eb0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getVotes(address account) view returns(uint256)
func (token *Token) PackGetVotes(account common.Address) []byte {
	enc, err := token.abi.Pack("getVotes", account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetVotes is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9ab24eb0.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getVotes(address account) view returns(uint256)
func (token *Token) TryPackGetVotes(account common.Address) ([]byte, error) {
	return token.abi.Pack("getVotes", account)
}

// UnpackGetVotes is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9ab24eb0.
//
// Solidity: function getVotes(address account) view returns(uint256)
func (token *Token) UnpackGetVotes(data []byte) (*big.Int, error) {
	out, err := token.abi.Unpack("getVotes", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackName is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x06fdde03.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function name() view returns(string)
func (token *Token) PackName() []byte {
	enc, err := token.abi.Pack("name")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackName is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x06fdde03.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function name() view returns(string)
func (token *Token) TryPackName() ([]byte, error) {
	return token.abi.Pack("name")
}

// UnpackName is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x06fdde03.
//
// Solidity: function name() view returns(string)
func (token *Token) UnpackName(data []byte) (string, error) {
	out, err := token.abi.Unpack("name", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackNonces is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7ecebe00.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function nonces(address owner) view returns(uint256)
func (token *Token) PackNonces(owner common.Address) []byte {
	enc, err := token.abi.Pack("nonces", owner)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackNonces is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7ecebe00.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function nonces(address owner) view returns(uint256)
func (token *Token) TryPackNonces(owner common.Address) ([]byte, error) {
	return token.abi.Pack("nonces", owner)
}

// UnpackNonces is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7ecebe00.
//
// Solidity: function nonces(address owner) view returns(uint256)
func (token *Token) UnpackNonces(data []byte) (*big.Int, error) {
	out, err := token.abi.Unpack("nonces", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackNumCheckpoints is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6fcfff45.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function numCheckpoints(address account) view returns(uint32)
func (token *Token) PackNumCheckpoints(account common.Address) []byte {
	enc, err := token.abi.Pack("numCheckpoints", account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackNumCheckpoints is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6fcfff45.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function numCheckpoints(address account) view returns(uint32)
func (token *Token) TryPackNumCheckpoints(account common.Address) ([]byte, error) {
	return token.abi.Pack("numCheckpoints", account)
}

// UnpackNumCheckpoints is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6fcfff45.
//
// Solidity: function numCheckpoints(address account) view returns(uint32)
func (token *Token) UnpackNumCheckpoints(data []byte) (uint32, error) {
	out, err := token.abi.Unpack("numCheckpoints", data)
	if err != nil {
		return *new(uint32), err
	}
	out0 := *abi.ConvertType(out[0], new(uint32)).(*uint32)
	return out0, nil
}

// PackPermit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd505accf.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function permit(address owner, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s) returns()
func (token *Token) PackPermit(owner common.Address, spender common.Address, value *big.Int, deadline *big.Int, v uint8, r [32]byte, s [32]byte) []byte {
	enc, err := token.abi.Pack("permit", owner, spender, value, deadline, v, r, s)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPermit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd505accf.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function permit(address owner, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s) returns()
func (token *Token) TryPackPermit(owner common.Address, spender common.Address, value *big.Int, deadline *big.Int, v uint8, r [32]byte, s [32]byte) ([]byte, error) {
	return token.abi.Pack("permit", owner, spender, value, deadline, v, r, s)
}

// PackSymbol is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x95d89b41.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function symbol() view returns(string)
func (token *Token) PackSymbol() []byte {
	enc, err := token.abi.Pack("symbol")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSymbol is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x95d89b41.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function symbol() view returns(string)
func (token *Token) TryPackSymbol() ([]byte, error) {
	return token.abi.Pack("symbol")
}

// UnpackSymbol is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x95d89b41.
//
// Solidity: function symbol() view returns(string)
func (token *Token) UnpackSymbol(data []byte) (string, error) {
	out, err := token.abi.Unpack("symbol", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackTotalSupply is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x18160ddd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function totalSupply() view returns(uint256)
func (token *Token) PackTotalSupply() []byte {
	enc, err := token.abi.Pack("totalSupply")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTotalSupply is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x18160ddd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function totalSupply() view returns(uint256)
func (token *Token) TryPackTotalSupply() ([]byte, error) {
	return token.abi.Pack("totalSupply")
}

// UnpackTotalSupply is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x18160ddd.
//
// Solidity: function totalSupply() view returns(uint256)
func (token *Token) UnpackTotalSupply(data []byte) (*big.Int, error) {
	out, err := token.abi.Unpack("totalSupply", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackTransfer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa9059cbb.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transfer(address to, uint256 value) returns(bool)
func (token *Token) PackTransfer(to common.Address, value *big.Int) []byte {
	enc, err := token.abi.Pack("transfer", to, value)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTransfer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa9059cbb.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transfer(address to, uint256 value) returns(bool)
func (token *Token) TryPackTransfer(to common.Address, value *big.Int) ([]byte, error) {
	return token.abi.Pack("transfer", to, value)
}

// UnpackTransfer is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa9059cbb.
//
// Solidity: function transfer(address to, uint256 value) returns(bool)
func (token *Token) UnpackTransfer(data []byte) (bool, error) {
	out, err := token.abi.Unpack("transfer", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x23b872dd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transferFrom(address from, address to, uint256 value) returns(bool)
func (token *Token) PackTransferFrom(from common.Address, to common.Address, value *big.Int) []byte {
	enc, err := token.abi.Pack("transferFrom", from, to, value)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x23b872dd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transferFrom(address from, address to, uint256 value) returns(bool)
func (token *Token) TryPackTransferFrom(from common.Address, to common.Address, value *big.Int) ([]byte, error) {
	return token.abi.Pack("transferFrom", from, to, value)
}

// UnpackTransferFrom is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x23b872dd.
//
// Solidity: function transferFrom(address from, address to, uint256 value) returns(bool)
func (token *Token) UnpackTransferFrom(data []byte) (bool, error) {
	out, err := token.abi.Unpack("transferFrom", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// TokenApproval represents a Approval event raised by the Token contract.
type TokenApproval struct {
	Owner   common.Address
	Spender common.Address
	Value   *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const TokenApprovalEventName = "Approval"

// ContractEventName returns the user-defined event name.
func (TokenApproval) ContractEventName() string {
	return TokenApprovalEventName
}

// UnpackApprovalEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Approval(address indexed owner, address indexed spender, uint256 value)
func (token *Token) UnpackApprovalEvent(log *types.Log) (*TokenApproval, error) {
	event := "Approval"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != token.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(TokenApproval)
	if len(log.Data) > 0 {
		if err := token.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range token.abi.Events[event].Inputs {
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

// TokenDelegateChanged represents a DelegateChanged event raised by the Token contract.
type TokenDelegateChanged struct {
	Delegator    common.Address
	FromDelegate common.Address
	ToDelegate   common.Address
	Raw          *types.Log // Blockchain specific contextual infos
}

const TokenDelegateChangedEventName = "DelegateChanged"

// ContractEventName returns the user-defined event name.
func (TokenDelegateChanged) ContractEventName() string {
	return TokenDelegateChangedEventName
}

// UnpackDelegateChangedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event DelegateChanged(address indexed delegator, address indexed fromDelegate, address indexed toDelegate)
func (token *Token) UnpackDelegateChangedEvent(log *types.Log) (*TokenDelegateChanged, error) {
	event := "DelegateChanged"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != token.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(TokenDelegateChanged)
	if len(log.Data) > 0 {
		if err := token.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range token.abi.Events[event].Inputs {
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

// TokenDelegateVotesChanged represents a DelegateVotesChanged event raised by the Token contract.
type TokenDelegateVotesChanged struct {
	Delegate      common.Address
	PreviousVotes *big.Int
	NewVotes      *big.Int
	Raw           *types.Log // Blockchain specific contextual infos
}

const TokenDelegateVotesChangedEventName = "DelegateVotesChanged"

// ContractEventName returns the user-defined event name.
func (TokenDelegateVotesChanged) ContractEventName() string {
	return TokenDelegateVotesChangedEventName
}

// UnpackDelegateVotesChangedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event DelegateVotesChanged(address indexed delegate, uint256 previousVotes, uint256 newVotes)
func (token *Token) UnpackDelegateVotesChangedEvent(log *types.Log) (*TokenDelegateVotesChanged, error) {
	event := "DelegateVotesChanged"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != token.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(TokenDelegateVotesChanged)
	if len(log.Data) > 0 {
		if err := token.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range token.abi.Events[event].Inputs {
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

// TokenEIP712DomainChanged represents a EIP712DomainChanged event raised by the Token contract.
type TokenEIP712DomainChanged struct {
	Raw *types.Log // Blockchain specific contextual infos
}

const TokenEIP712DomainChangedEventName = "EIP712DomainChanged"

// ContractEventName returns the user-defined event name.
func (TokenEIP712DomainChanged) ContractEventName() string {
	return TokenEIP712DomainChangedEventName
}

// UnpackEIP712DomainChangedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event EIP712DomainChanged()
func (token *Token) UnpackEIP712DomainChangedEvent(log *types.Log) (*TokenEIP712DomainChanged, error) {
	event := "EIP712DomainChanged"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != token.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(TokenEIP712DomainChanged)
	if len(log.Data) > 0 {
		if err := token.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range token.abi.Events[event].Inputs {
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

// TokenTransfer represents a Transfer event raised by the Token contract.
type TokenTransfer struct {
	From  common.Address
	To    common.Address
	Value *big.Int
	Raw   *types.Log // Blockchain specific contextual infos
}

const TokenTransferEventName = "Transfer"

// ContractEventName returns the user-defined event name.
func (TokenTransfer) ContractEventName() string {
	return TokenTransferEventName
}

// UnpackTransferEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Transfer(address indexed from, address indexed to, uint256 value)
func (token *Token) UnpackTransferEvent(log *types.Log) (*TokenTransfer, error) {
	event := "Transfer"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != token.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(TokenTransfer)
	if len(log.Data) > 0 {
		if err := token.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range token.abi.Events[event].Inputs {
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
func (token *Token) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], token.abi.Errors["CheckpointUnorderedInsertion"].ID.Bytes()[:4]) {
		return token.UnpackCheckpointUnorderedInsertionError(raw[4:])
	}
	if bytes.Equal(raw[:4], token.abi.Errors["ECDSAInvalidSignature"].ID.Bytes()[:4]) {
		return token.UnpackECDSAInvalidSignatureError(raw[4:])
	}
	if bytes.Equal(raw[:4], token.abi.Errors["ECDSAInvalidSignatureLength"].ID.Bytes()[:4]) {
		return token.UnpackECDSAInvalidSignatureLengthError(raw[4:])
	}
	if bytes.Equal(raw[:4], token.abi.Errors["ECDSAInvalidSignatureS"].ID.Bytes()[:4]) {
		return token.UnpackECDSAInvalidSignatureSError(raw[4:])
	}
	if bytes.Equal(raw[:4], token.abi.Errors["ERC20ExceededSafeSupply"].ID.Bytes()[:4]) {
		return token.UnpackERC20ExceededSafeSupplyError(raw[4:])
	}
	if bytes.Equal(raw[:4], token.abi.Errors["ERC20InsufficientAllowance"].ID.Bytes()[:4]) {
		return token.UnpackERC20InsufficientAllowanceError(raw[4:])
	}
	if bytes.Equal(raw[:4], token.abi.Errors["ERC20InsufficientBalance"].ID.Bytes()[:4]) {
		return token.UnpackERC20InsufficientBalanceError(raw[4:])
	}
	if bytes.Equal(raw[:4], token.abi.Errors["ERC20InvalidApprover"].ID.Bytes()[:4]) {
		return token.UnpackERC20InvalidApproverError(raw[4:])
	}
	if bytes.Equal(raw[:4], token.abi.Errors["ERC20InvalidReceiver"].ID.Bytes()[:4]) {
		return token.UnpackERC20InvalidReceiverError(raw[4:])
	}
	if bytes.Equal(raw[:4], token.abi.Errors["ERC20InvalidSender"].ID.Bytes()[:4]) {
		return token.UnpackERC20InvalidSenderError(raw[4:])
	}
	if bytes.Equal(raw[:4], token.abi.Errors["ERC20InvalidSpender"].ID.Bytes()[:4]) {
		return token.UnpackERC20InvalidSpenderError(raw[4:])
	}
	if bytes.Equal(raw[:4], token.abi.Errors["ERC2612ExpiredSignature"].ID.Bytes()[:4]) {
		return token.UnpackERC2612ExpiredSignatureError(raw[4:])
	}
	if bytes.Equal(raw[:4], token.abi.Errors["ERC2612InvalidSigner"].ID.Bytes()[:4]) {
		return token.UnpackERC2612InvalidSignerError(raw[4:])
	}
	if bytes.Equal(raw[:4], token.abi.Errors["ERC5805FutureLookup"].ID.Bytes()[:4]) {
		return token.UnpackERC5805FutureLookupError(raw[4:])
	}
	if bytes.Equal(raw[:4], token.abi.Errors["ERC6372InconsistentClock"].ID.Bytes()[:4]) {
		return token.UnpackERC6372InconsistentClockError(raw[4:])
	}
	if bytes.Equal(raw[:4], token.abi.Errors["InvalidAccountNonce"].ID.Bytes()[:4]) {
		return token.UnpackInvalidAccountNonceError(raw[4:])
	}
	if bytes.Equal(raw[:4], token.abi.Errors["InvalidShortString"].ID.Bytes()[:4]) {
		return token.UnpackInvalidShortStringError(raw[4:])
	}
	if bytes.Equal(raw[:4], token.abi.Errors["SafeCastOverflowedUintDowncast"].ID.Bytes()[:4]) {
		return token.UnpackSafeCastOverflowedUintDowncastError(raw[4:])
	}
	if bytes.Equal(raw[:4], token.abi.Errors["StringTooLong"].ID.Bytes()[:4]) {
		return token.UnpackStringTooLongError(raw[4:])
	}
	if bytes.Equal(raw[:4], token.abi.Errors["VotesExpiredSignature"].ID.Bytes()[:4]) {
		return token.UnpackVotesExpiredSignatureError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// TokenCheckpointUnorderedInsertion represents a CheckpointUnorderedInsertion error raised by the Token contract.
type TokenCheckpointUnorderedInsertion struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error CheckpointUnorderedInsertion()
func TokenCheckpointUnorderedInsertionErrorID() common.Hash {
	return common.HexToHash("0x2520601d9d60b717c34a36ad270857824c5a1ebbfd08ff39aba6930089495cfa")
}

// UnpackCheckpointUnorderedInsertionError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error CheckpointUnorderedInsertion()
func (token *Token) UnpackCheckpointUnorderedInsertionError(raw []byte) (*TokenCheckpointUnorderedInsertion, error) {
	out := new(TokenCheckpointUnorderedInsertion)
	if err := token.abi.UnpackIntoInterface(out, "CheckpointUnorderedInsertion", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TokenECDSAInvalidSignature represents a ECDSAInvalidSignature error raised by the Token contract.
type TokenECDSAInvalidSignature struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ECDSAInvalidSignature()
func TokenECDSAInvalidSignatureErrorID() common.Hash {
	return common.HexToHash("0xf645eedf0193584640b6b90cb9477e4c95b98636c148a891d4c0a146dc46e75a")
}

// UnpackECDSAInvalidSignatureError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ECDSAInvalidSignature()
func (token *Token) UnpackECDSAInvalidSignatureError(raw []byte) (*TokenECDSAInvalidSignature, error) {
	out := new(TokenECDSAInvalidSignature)
	if err := token.abi.UnpackIntoInterface(out, "ECDSAInvalidSignature", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TokenECDSAInvalidSignatureLength represents a ECDSAInvalidSignatureLength error raised by the Token contract.
type TokenECDSAInvalidSignatureLength struct {
	Length *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ECDSAInvalidSignatureLength(uint256 length)
func TokenECDSAInvalidSignatureLengthErrorID() common.Hash {
	return common.HexToHash("0xfce698f7e8e5342cd615f641317bc45fe7e1e4a8b0a14dd1383ff8dc9c41917f")
}

// UnpackECDSAInvalidSignatureLengthError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ECDSAInvalidSignatureLength(uint256 length)
func (token *Token) UnpackECDSAInvalidSignatureLengthError(raw []byte) (*TokenECDSAInvalidSignatureLength, error) {
	out := new(TokenECDSAInvalidSignatureLength)
	if err := token.abi.UnpackIntoInterface(out, "ECDSAInvalidSignatureLength", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TokenECDSAInvalidSignatureS represents a ECDSAInvalidSignatureS error raised by the Token contract.
type TokenECDSAInvalidSignatureS struct {
	S [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ECDSAInvalidSignatureS(bytes32 s)
func TokenECDSAInvalidSignatureSErrorID() common.Hash {
	return common.HexToHash("0xd78bce0cccb935155ed6428d1c13e50b7f3550fd2b66b9fe266006fea4a5e1eb")
}

// UnpackECDSAInvalidSignatureSError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ECDSAInvalidSignatureS(bytes32 s)
func (token *Token) UnpackECDSAInvalidSignatureSError(raw []byte) (*TokenECDSAInvalidSignatureS, error) {
	out := new(TokenECDSAInvalidSignatureS)
	if err := token.abi.UnpackIntoInterface(out, "ECDSAInvalidSignatureS", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TokenERC20ExceededSafeSupply represents a ERC20ExceededSafeSupply error raised by the Token contract.
type TokenERC20ExceededSafeSupply struct {
	IncreasedSupply *big.Int
	Cap             *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20ExceededSafeSupply(uint256 increasedSupply, uint256 cap)
func TokenERC20ExceededSafeSupplyErrorID() common.Hash {
	return common.HexToHash("0x1cb15d26dea6ae78228522d00b5965f950275bea9a67abeec04cb99806defd4c")
}

// UnpackERC20ExceededSafeSupplyError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20ExceededSafeSupply(uint256 increasedSupply, uint256 cap)
func (token *Token) UnpackERC20ExceededSafeSupplyError(raw []byte) (*TokenERC20ExceededSafeSupply, error) {
	out := new(TokenERC20ExceededSafeSupply)
	if err := token.abi.UnpackIntoInterface(out, "ERC20ExceededSafeSupply", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TokenERC20InsufficientAllowance represents a ERC20InsufficientAllowance error raised by the Token contract.
type TokenERC20InsufficientAllowance struct {
	Spender   common.Address
	Allowance *big.Int
	Needed    *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed)
func TokenERC20InsufficientAllowanceErrorID() common.Hash {
	return common.HexToHash("0xfb8f41b23e99d2101d86da76cdfa87dd51c82ed07d3cb62cbc473e469dbc75c3")
}

// UnpackERC20InsufficientAllowanceError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed)
func (token *Token) UnpackERC20InsufficientAllowanceError(raw []byte) (*TokenERC20InsufficientAllowance, error) {
	out := new(TokenERC20InsufficientAllowance)
	if err := token.abi.UnpackIntoInterface(out, "ERC20InsufficientAllowance", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TokenERC20InsufficientBalance represents a ERC20InsufficientBalance error raised by the Token contract.
type TokenERC20InsufficientBalance struct {
	Sender  common.Address
	Balance *big.Int
	Needed  *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed)
func TokenERC20InsufficientBalanceErrorID() common.Hash {
	return common.HexToHash("0xe450d38cd8d9f7d95077d567d60ed49c7254716e6ad08fc9872816c97e0ffec6")
}

// UnpackERC20InsufficientBalanceError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed)
func (token *Token) UnpackERC20InsufficientBalanceError(raw []byte) (*TokenERC20InsufficientBalance, error) {
	out := new(TokenERC20InsufficientBalance)
	if err := token.abi.UnpackIntoInterface(out, "ERC20InsufficientBalance", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TokenERC20InvalidApprover represents a ERC20InvalidApprover error raised by the Token contract.
type TokenERC20InvalidApprover struct {
	Approver common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InvalidApprover(address approver)
func TokenERC20InvalidApproverErrorID() common.Hash {
	return common.HexToHash("0xe602df05cc75712490294c6c104ab7c17f4030363910a7a2626411c6d3118847")
}

// UnpackERC20InvalidApproverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InvalidApprover(address approver)
func (token *Token) UnpackERC20InvalidApproverError(raw []byte) (*TokenERC20InvalidApprover, error) {
	out := new(TokenERC20InvalidApprover)
	if err := token.abi.UnpackIntoInterface(out, "ERC20InvalidApprover", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TokenERC20InvalidReceiver represents a ERC20InvalidReceiver error raised by the Token contract.
type TokenERC20InvalidReceiver struct {
	Receiver common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InvalidReceiver(address receiver)
func TokenERC20InvalidReceiverErrorID() common.Hash {
	return common.HexToHash("0xec442f055133b72f3b2f9f0bb351c406b178527de2040a7d1feb4e058771f613")
}

// UnpackERC20InvalidReceiverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InvalidReceiver(address receiver)
func (token *Token) UnpackERC20InvalidReceiverError(raw []byte) (*TokenERC20InvalidReceiver, error) {
	out := new(TokenERC20InvalidReceiver)
	if err := token.abi.UnpackIntoInterface(out, "ERC20InvalidReceiver", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TokenERC20InvalidSender represents a ERC20InvalidSender error raised by the Token contract.
type TokenERC20InvalidSender struct {
	Sender common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InvalidSender(address sender)
func TokenERC20InvalidSenderErrorID() common.Hash {
	return common.HexToHash("0x96c6fd1edd0cd6ef7ff0ecc0facdf53148dc0048b57fe58af65755250a7a96bd")
}

// UnpackERC20InvalidSenderError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InvalidSender(address sender)
func (token *Token) UnpackERC20InvalidSenderError(raw []byte) (*TokenERC20InvalidSender, error) {
	out := new(TokenERC20InvalidSender)
	if err := token.abi.UnpackIntoInterface(out, "ERC20InvalidSender", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TokenERC20InvalidSpender represents a ERC20InvalidSpender error raised by the Token contract.
type TokenERC20InvalidSpender struct {
	Spender common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InvalidSpender(address spender)
func TokenERC20InvalidSpenderErrorID() common.Hash {
	return common.HexToHash("0x94280d62c347d8d9f4d59a76ea321452406db88df38e0c9da304f58b57b373a2")
}

// UnpackERC20InvalidSpenderError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InvalidSpender(address spender)
func (token *Token) UnpackERC20InvalidSpenderError(raw []byte) (*TokenERC20InvalidSpender, error) {
	out := new(TokenERC20InvalidSpender)
	if err := token.abi.UnpackIntoInterface(out, "ERC20InvalidSpender", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TokenERC2612ExpiredSignature represents a ERC2612ExpiredSignature error raised by the Token contract.
type TokenERC2612ExpiredSignature struct {
	Deadline *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC2612ExpiredSignature(uint256 deadline)
func TokenERC2612ExpiredSignatureErrorID() common.Hash {
	return common.HexToHash("0x627913023c184eaad13735d5a3d2657ae76ec9a872a70e0fc57522ef1a114d58")
}

// UnpackERC2612ExpiredSignatureError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC2612ExpiredSignature(uint256 deadline)
func (token *Token) UnpackERC2612ExpiredSignatureError(raw []byte) (*TokenERC2612ExpiredSignature, error) {
	out := new(TokenERC2612ExpiredSignature)
	if err := token.abi.UnpackIntoInterface(out, "ERC2612ExpiredSignature", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TokenERC2612InvalidSigner represents a ERC2612InvalidSigner error raised by the Token contract.
type TokenERC2612InvalidSigner struct {
	Signer common.Address
	Owner  common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC2612InvalidSigner(address signer, address owner)
func TokenERC2612InvalidSignerErrorID() common.Hash {
	return common.HexToHash("0x4b800e463b323b1d856edf9dec70329a639d13874a57f5c28219ff57128756db")
}

// UnpackERC2612InvalidSignerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC2612InvalidSigner(address signer, address owner)
func (token *Token) UnpackERC2612InvalidSignerError(raw []byte) (*TokenERC2612InvalidSigner, error) {
	out := new(TokenERC2612InvalidSigner)
	if err := token.abi.UnpackIntoInterface(out, "ERC2612InvalidSigner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TokenERC5805FutureLookup represents a ERC5805FutureLookup error raised by the Token contract.
type TokenERC5805FutureLookup struct {
	Timepoint *big.Int
	Clock     *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC5805FutureLookup(uint256 timepoint, uint48 clock)
func TokenERC5805FutureLookupErrorID() common.Hash {
	return common.HexToHash("0xecd3f81ef0a2e77b4e11bb288f0a162344834f778af7e47bdbee611607f14457")
}

// UnpackERC5805FutureLookupError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC5805FutureLookup(uint256 timepoint, uint48 clock)
func (token *Token) UnpackERC5805FutureLookupError(raw []byte) (*TokenERC5805FutureLookup, error) {
	out := new(TokenERC5805FutureLookup)
	if err := token.abi.UnpackIntoInterface(out, "ERC5805FutureLookup", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TokenERC6372InconsistentClock represents a ERC6372InconsistentClock error raised by the Token contract.
type TokenERC6372InconsistentClock struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC6372InconsistentClock()
func TokenERC6372InconsistentClockErrorID() common.Hash {
	return common.HexToHash("0x6ff07140ae905cb0f8e72fb38f5dd8e756c387b0065be0e1bf85bd0621a43dc7")
}

// UnpackERC6372InconsistentClockError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC6372InconsistentClock()
func (token *Token) UnpackERC6372InconsistentClockError(raw []byte) (*TokenERC6372InconsistentClock, error) {
	out := new(TokenERC6372InconsistentClock)
	if err := token.abi.UnpackIntoInterface(out, "ERC6372InconsistentClock", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TokenInvalidAccountNonce represents a InvalidAccountNonce error raised by the Token contract.
type TokenInvalidAccountNonce struct {
	Account      common.Address
	CurrentNonce *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidAccountNonce(address account, uint256 currentNonce)
func TokenInvalidAccountNonceErrorID() common.Hash {
	return common.HexToHash("0x752d88c0de02638abf10e8e31861e4c68dc1f3a1e7d840e580683f2c282bfc7a")
}

// UnpackInvalidAccountNonceError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidAccountNonce(address account, uint256 currentNonce)
func (token *Token) UnpackInvalidAccountNonceError(raw []byte) (*TokenInvalidAccountNonce, error) {
	out := new(TokenInvalidAccountNonce)
	if err := token.abi.UnpackIntoInterface(out, "InvalidAccountNonce", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TokenInvalidShortString represents a InvalidShortString error raised by the Token contract.
type TokenInvalidShortString struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidShortString()
func TokenInvalidShortStringErrorID() common.Hash {
	return common.HexToHash("0xb3512b0c6163e5f0bafab72bb631b9d58cd7a731b082f910338aa21c83d5c274")
}

// UnpackInvalidShortStringError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidShortString()
func (token *Token) UnpackInvalidShortStringError(raw []byte) (*TokenInvalidShortString, error) {
	out := new(TokenInvalidShortString)
	if err := token.abi.UnpackIntoInterface(out, "InvalidShortString", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TokenSafeCastOverflowedUintDowncast represents a SafeCastOverflowedUintDowncast error raised by the Token contract.
type TokenSafeCastOverflowedUintDowncast struct {
	Bits  uint8
	Value *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SafeCastOverflowedUintDowncast(uint8 bits, uint256 value)
func TokenSafeCastOverflowedUintDowncastErrorID() common.Hash {
	return common.HexToHash("0x6dfcc6503a32754ce7a89698e18201fc5294fd4aad43edefee786f88423b1a12")
}

// UnpackSafeCastOverflowedUintDowncastError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SafeCastOverflowedUintDowncast(uint8 bits, uint256 value)
func (token *Token) UnpackSafeCastOverflowedUintDowncastError(raw []byte) (*TokenSafeCastOverflowedUintDowncast, error) {
	out := new(TokenSafeCastOverflowedUintDowncast)
	if err := token.abi.UnpackIntoInterface(out, "SafeCastOverflowedUintDowncast", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TokenStringTooLong represents a StringTooLong error raised by the Token contract.
type TokenStringTooLong struct {
	Str string
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error StringTooLong(string str)
func TokenStringTooLongErrorID() common.Hash {
	return common.HexToHash("0x305a27a93f8e33b7392df0a0f91d6fc63847395853c45991eec52dbf24d72381")
}

// UnpackStringTooLongError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error StringTooLong(string str)
func (token *Token) UnpackStringTooLongError(raw []byte) (*TokenStringTooLong, error) {
	out := new(TokenStringTooLong)
	if err := token.abi.UnpackIntoInterface(out, "StringTooLong", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// TokenVotesExpiredSignature represents a VotesExpiredSignature error raised by the Token contract.
type TokenVotesExpiredSignature struct {
	Expiry *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error VotesExpiredSignature(uint256 expiry)
func TokenVotesExpiredSignatureErrorID() common.Hash {
	return common.HexToHash("0x4683af0ecae671986a1b991272ba6e7bcb633f179b33ccfb3beb636962b1efde")
}

// UnpackVotesExpiredSignatureError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error VotesExpiredSignature(uint256 expiry)
func (token *Token) UnpackVotesExpiredSignatureError(raw []byte) (*TokenVotesExpiredSignature, error) {
	out := new(TokenVotesExpiredSignature)
	if err := token.abi.UnpackIntoInterface(out, "VotesExpiredSignature", raw); err != nil {
		return nil, err
	}
	return out, nil
}
