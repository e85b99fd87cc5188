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

// ChannelsOpenRequest is an auto generated low-level Go binding around an user-defined struct.
type ChannelsOpenRequest struct {
	Payer      common.Address
	Payee      common.Address
	Amount     *big.Int
	CloseDelay uint64
	Relayer    common.Address
	Fee        *big.Int
	Deadline   *big.Int
}

// ChannelsPermit is an auto generated low-level Go binding around an user-defined struct.
type ChannelsPermit struct {
	Value    *big.Int
	Deadline *big.Int
	V        uint8
	R        [32]byte
	S        [32]byte
}

// ChannelsMetaData contains all meta data concerning the Channels contract.
var ChannelsMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"contractIERC20\",\"name\":\"token_\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"minCloseDelay_\",\"type\":\"uint64\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"closeDelay\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"min\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"max\",\"type\":\"uint64\"}],\"name\":\"BadCloseDelay\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"BadPayee\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"BadRelayer\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"BadSignature\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"Closed\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"Closing\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"cumulative\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"redeemed\",\"type\":\"uint256\"}],\"name\":\"CumulativeNotIncreasing\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"cumulative\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"deposit\",\"type\":\"uint256\"}],\"name\":\"CumulativeTooHigh\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"Expired\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidShortString\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NotClosing\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NotPayee\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NotPayer\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NothingToWithdraw\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"OpenUsed\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ReentrancyGuardReentrantCall\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"}],\"name\":\"SafeERC20FailedOperation\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"str\",\"type\":\"string\"}],\"name\":\"StringTooLong\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"closesAt\",\"type\":\"uint64\"}],\"name\":\"TooEarly\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"}],\"name\":\"UnknownChannel\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAmount\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"closesAt\",\"type\":\"uint64\"}],\"name\":\"CloseStarted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[],\"name\":\"EIP712DomainChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"payee\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"closeDelay\",\"type\":\"uint64\"}],\"name\":\"Opened\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"cumulative\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"paid\",\"type\":\"uint256\"}],\"name\":\"Redeemed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"relayer\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"fee\",\"type\":\"uint256\"}],\"name\":\"Relayed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"ToppedUp\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Withdrawn\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"MAX_CLOSE_DELAY\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"OPEN_TYPEHASH\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"VOUCHER_TYPEHASH\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"payee\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"n\",\"type\":\"uint256\"}],\"name\":\"channelId\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"}],\"name\":\"channels\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"payee\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"deposit\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"redeemed\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"closeDelay\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"closesAt\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"eip712Domain\",\"outputs\":[{\"internalType\":\"bytes1\",\"name\":\"fields\",\"type\":\"bytes1\"},{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"version\",\"type\":\"string\"},{\"internalType\":\"uint256\",\"name\":\"chainId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"verifyingContract\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"salt\",\"type\":\"bytes32\"},{\"internalType\":\"uint256[]\",\"name\":\"extensions\",\"type\":\"uint256[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"minCloseDelay\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"nonce\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"payee\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"closeDelay\",\"type\":\"uint64\"}],\"name\":\"open\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"payee\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"closeDelay\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"relayer\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"fee\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"deadline\",\"type\":\"uint256\"}],\"internalType\":\"structChannels.OpenRequest\",\"name\":\"o\",\"type\":\"tuple\"}],\"name\":\"openDigest\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"digest\",\"type\":\"bytes32\"}],\"name\":\"openUsed\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"payee\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"closeDelay\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"relayer\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"fee\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"deadline\",\"type\":\"uint256\"}],\"internalType\":\"structChannels.OpenRequest\",\"name\":\"o\",\"type\":\"tuple\"},{\"internalType\":\"bytes\",\"name\":\"openSig\",\"type\":\"bytes\"},{\"components\":[{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"deadline\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"v\",\"type\":\"uint8\"},{\"internalType\":\"bytes32\",\"name\":\"r\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"s\",\"type\":\"bytes32\"}],\"internalType\":\"structChannels.Permit\",\"name\":\"p\",\"type\":\"tuple\"}],\"name\":\"openWithPermit\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"cumulative\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"signature\",\"type\":\"bytes\"}],\"name\":\"redeem\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"}],\"name\":\"startClose\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"token\",\"outputs\":[{\"internalType\":\"contractIERC20\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"topUp\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"cumulative\",\"type\":\"uint256\"}],\"name\":\"voucherDigest\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"}],\"name\":\"withdraw\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "Channels",
	Bin: "0x6101a0604052348015610010575f5ffd5b50604051611ff2380380611ff283398101604081905261002f91610200565b604080518082018252601081526f4d7963726f6674204368616e6e656c7360801b602080830191909152825180840190935260018352603160f81b9083015290610079825f610191565b61012052610088816001610191565b61014052815160208084019190912060e052815190820120610100524660a05261011460e05161010051604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201529081019290925260608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b60805250503060c05260016002556301e133806001600160401b03821611156101705760405163dc27b20d60e01b81526001600160401b03821660048201525f60248201526301e1338060448201526064015b60405180910390fd5b6001600160a01b03909116610160526001600160401b0316610180526103f8565b5f6020835110156101ac576101a5836101c3565b90506101bd565b816101b784826102e6565b5060ff90505b92915050565b5f5f829050601f815111156101ed578260405163305a27a960e01b815260040161016791906103a0565b80516101f8826103d5565b179392505050565b5f5f60408385031215610211575f5ffd5b82516001600160a01b0381168114610227575f5ffd5b60208401519092506001600160401b0381168114610243575f5ffd5b809150509250929050565b634e487b7160e01b5f52604160045260245ffd5b600181811c9082168061027657607f821691505b60208210810361029457634e487b7160e01b5f52602260045260245ffd5b50919050565b601f8211156102e157805f5260205f20601f840160051c810160208510156102bf5750805b601f840160051c820191505b818110156102de575f81556001016102cb565b50505b505050565b81516001600160401b038111156102ff576102ff61024e565b6103138161030d8454610262565b8461029a565b6020601f821160018114610345575f831561032e5750848201515b5f19600385901b1c1916600184901b1784556102de565b5f84815260208120601f198516915b828110156103745787850151825560209485019460019092019101610354565b508482101561039157868401515f19600387901b60f8161c191681555b50505050600190811b01905550565b602081525f82518060208401528060208501604085015e5f604082850101526040601f19601f83011684010191505092915050565b80516020808301519190811015610294575f1960209190910360031b1b16919050565b60805160a05160c05160e0516101005161012051610140516101605161018051611b5d6104955f395f8181610342015281816111da015261124801525f81816103690152818161062c0152818161081f01528181610bb101528181610def01528181610f5701526113f801525f61111301525f6110e201525f61150201525f6114da01525f61143501525f61145f01525f6114890152611b5d5ff3fe608060405234801561000f575f5ffd5b5060043610610111575f3560e01c8063a4a4e5061161009e578063cb431b361161006e578063cb431b36146102e5578063de38dd28146102f8578063e55aee261461032a578063eff31d911461033d578063fc0c546a14610364575f5ffd5b8063a4a4e506146102a3578063affed0e0146102b6578063b67644b9146102bf578063b8876fe0146102d2575f5ffd5b80638e19899e116100e45780638e19899e1461020e57806393b1d6691461022157806394739e87146102345780639e2fdd4114610269578063a0f12b7a1461027c575f5ffd5b806301a1c9f8146101155780637a7ebd7b1461012a57806384b0196e146101d057806389ce4c75146101eb575b5f5ffd5b6101286101233660046117d7565b6103a3565b005b610187610138366004611825565b600460208190525f9182526040909120805460018201546002830154600384015493909401546001600160a01b03928316949290911692906001600160401b0380821691600160401b90041686565b604080516001600160a01b0397881681529690951660208701529385019290925260608401526001600160401b0390811660808401521660a082015260c0015b60405180910390f35b6101d861066a565b6040516101c7979695949392919061186a565b6101f66301e1338081565b6040516001600160401b0390911681526020016101c7565b61012861021c366004611825565b6106ac565b61012861022f366004611825565b610857565b61025b7fd3c23f23c0b3fc5e1c44da189e201a7b4152df0dac1bb74e88b08f9ab6dee5d881565b6040519081526020016101c7565b61025b61027736600461191b565b610975565b61025b7f92c68a5b4badbfa65ab689edcf4b4aa1f219899994d11772e54b093e34372e7f81565b61025b6102b136600461196b565b6109ca565b61025b60035481565b6101286102cd366004611985565b610a9a565b61025b6102e03660046119bb565b610be8565b61025b6102f33660046119f4565b610c09565b61031a610306366004611825565b60056020525f908152604090205460ff1681565b60405190151581526020016101c7565b61025b610338366004611985565b610f95565b6101f67f000000000000000000000000000000000000000000000000000000000000000081565b61038b7f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b0390911681526020016101c7565b6103ab610fda565b5f84815260046020526040902080546001600160a01b03166103e85760405163b08fc1cb60e01b8152600481018690526024015b60405180910390fd5b60018101546001600160a01b03163314610415576040516356cab67b60e01b815260040160405180910390fd5b6004810154600160401b90046001600160401b03161580159061044c57506004810154600160401b90046001600160401b03164210155b1561046a57604051631cdde67b60e01b815260040160405180910390fd5b806002015484111561049f57600281015460405163965a3abb60e01b81526103df918691600401918252602082015260400190565b806003015484116104d3576003810154604051633f380a7960e11b81526103df918691600401918252602082015260400190565b604080517fd3c23f23c0b3fc5e1c44da189e201a7b4152df0dac1bb74e88b08f9ab6dee5d86020820152908101869052606081018590525f9061052f906080015b60405160208183030381529060405280519060200120611002565b90505f5f6105728387878080601f0160208091040260200160405190810160405280939291908181526020018383808284375f9201919091525061102e92505050565b5090925090505f81600381111561058b5761058b611a5f565b1415806105a5575083546001600160a01b03838116911614155b156105c357604051635cd5d23360e01b815260040160405180910390fd5b5f8460030154886105d49190611a87565b60038601899055604080518a8152602081018390529192508a917f6fe13f43e46c4f069b92e7759c0bd2b9433d68ed14bf23e39b75d44fd8c6b58f910160405180910390a26001850154610655906001600160a01b037f00000000000000000000000000000000000000000000000000000000000000008116911683611077565b50505050506106646001600255565b50505050565b5f6060805f5f5f606061067b6110db565b61068361110c565b604080515f80825260208201909252600f60f81b9b939a50919850469750309650945092509050565b6106b4610fda565b5f81815260046020526040902080546001600160a01b03166106ec5760405163b08fc1cb60e01b8152600481018390526024016103df565b80546001600160a01b0316331461071657604051631435e35760e01b815260040160405180910390fd5b6004810154600160401b90046001600160401b03165f0361074a5760405163f9b46b5f60e01b815260040160405180910390fd5b6004810154600160401b90046001600160401b03164210156107995760048181015460405163d606d83f60e01b8152600160401b9091046001600160401b0316918101919091526024016103df565b5f816003015482600201546107ae9190611a87565b9050805f036107d057604051630686827b60e51b815260040160405180910390fd5b6003820154600283015560405181815283907f6620f0849b3b96a180cce108df2fc1f0d6c68af3745da66e833b8c7c1600eddb9060200160405180910390a28154610848906001600160a01b037f00000000000000000000000000000000000000000000000000000000000000008116911683611077565b50506108546001600255565b50565b5f81815260046020526040902080546001600160a01b031661088f5760405163b08fc1cb60e01b8152600481018390526024016103df565b80546001600160a01b031633146108b957604051631435e35760e01b815260040160405180910390fd5b6004810154600160401b90046001600160401b0316156108ec5760405163b59fde0b60e01b815260040160405180910390fd5b60048101545f90610906906001600160401b031642611a9a565b6004830180546fffffffffffffffff00000000000000001916600160401b6001600160401b0384169081029190911790915560405190815290915083907f513c2f7e597098def3859f0488669bbabe2ca09bb62070c14343e4cadc26ea209060200160405180910390a2505050565b6040805146602082015230918101919091526001600160a01b0380851660608301528316608082015260a081018290525f9060c0016040516020818303038152906040528051906020012090505b9392505050565b5f610a947f92c68a5b4badbfa65ab689edcf4b4aa1f219899994d11772e54b093e34372e7f6109fc6020850185611ab9565b610a0c6040860160208701611ab9565b6040860135610a216080880160608901611ad2565b610a3160a0890160808a01611ab9565b6040805160208101979097526001600160a01b0395861690870152928416606086015260808501919091526001600160401b031660a084810191909152911660c0838101919091529085013560e083015284013561010082015261012001610514565b92915050565b610aa2610fda565b5f82815260046020526040902080546001600160a01b0316610ada5760405163b08fc1cb60e01b8152600481018490526024016103df565b80546001600160a01b03163314610b0457604051631435e35760e01b815260040160405180910390fd5b6004810154600160401b90046001600160401b031615610b375760405163b59fde0b60e01b815260040160405180910390fd5b815f03610b5757604051631f2a200560e01b815260040160405180910390fd5b81816002015f828254610b6a9190611aeb565b909155505060405182815283907f8fe679299dd065cb3d7e488e3501d2ca20409d22c814ad142928e5912335d4239060200160405180910390a2610bd96001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016333085611139565b50610be46001600255565b5050565b5f610bf1610fda565b610bfd33858585611172565b90506109c36001600255565b5f610c12610fda565b8460c00135421115610c3757604051630407b05b60e31b815260040160405180910390fd5b610c446020860186611ab9565b6001600160a01b0316336001600160a01b031614610db8575f610c6d60a0870160808801611ab9565b6001600160a01b031614158015610c9c575033610c9060a0870160808801611ab9565b6001600160a01b031614155b15610cba5760405163044d2a2f60e51b815260040160405180910390fd5b5f610cc4866109ca565b5f8181526005602052604090205490915060ff1615610cf657604051636f3ebdcd60e01b815260040160405180910390fd5b5f5f610d378388888080601f0160208091040260200160405190810160405280939291908181526020018383808284375f9201919091525061102e92505050565b5090925090505f816003811115610d5057610d50611a5f565b141580610d7b5750610d656020890189611ab9565b6001600160a01b0316826001600160a01b031614155b15610d9957604051635cd5d23360e01b815260040160405180910390fd5b50505f908152600560205260409020805460ff19166001179055610ddb565b60a085013515610ddb5760405163044d2a2f60e51b815260040160405180910390fd5b602082013515610ebc576001600160a01b037f00000000000000000000000000000000000000000000000000000000000000001663d505accf610e216020880188611ab9565b3085356020870135610e396060890160408a01611afe565b6040516001600160e01b031960e088901b1681526001600160a01b0395861660048201529490931660248501526044840191909152606483015260ff166084820152606085013560a4820152608085013560c482015260e4015f604051808303815f87803b158015610ea9575f5ffd5b505af1925050508015610eba575060015b505b610ef6610ecc6020870187611ab9565b610edc6040880160208901611ab9565b6040880135610ef160808a0160608b01611ad2565b611172565b905060a085013515610f835760405160a08601358152339082907f3d06ea4e6500932244f53893c5e300feac2878df46b730981742fc4f1328b4909060200160405180910390a3610f83610f4d6020870187611ab9565b6001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016903360a0890135611139565b610f8d6001600255565b949350505050565b604080517fd3c23f23c0b3fc5e1c44da189e201a7b4152df0dac1bb74e88b08f9ab6dee5d86020820152908101839052606081018290525f906109c390608001610514565b6002805403610ffc57604051633ee5aeb560e01b815260040160405180910390fd5b60028055565b5f610a9461100e611429565b8360405161190160f01b8152600281019290925260228201526042902090565b5f5f5f8351604103611065576020840151604085015160608601515f1a61105788828585611552565b955095509550505050611070565b505081515f91506002905b9250925092565b6040516001600160a01b038381166024830152604482018390526110d691859182169063a9059cbb906064015b604051602081830303815290604052915060e01b6020820180516001600160e01b03838183161783525050505061161a565b505050565b60606111077f00000000000000000000000000000000000000000000000000000000000000005f611686565b905090565b60606111077f00000000000000000000000000000000000000000000000000000000000000006001611686565b6040516001600160a01b0384811660248301528381166044830152606482018390526106649186918216906323b872dd906084016110a4565b5f825f0361119357604051631f2a200560e01b815260040160405180910390fd5b6001600160a01b03841615806111ba5750846001600160a01b0316846001600160a01b0316145b156111d857604051636552260d60e11b815260040160405180910390fd5b7f00000000000000000000000000000000000000000000000000000000000000006001600160401b0316826001600160401b0316108061122457506301e133806001600160401b038316115b1561127f5760405163dc27b20d60e01b81526001600160401b0380841660048301527f00000000000000000000000000000000000000000000000000000000000000001660248201526301e1338060448201526064016103df565b60035461128d816001611aeb565b6003556040805146602082015230918101919091526001600160a01b0380881660608301528616608082015260a0810182905260c00160408051601f19818403018152828252805160209182012060c0840183526001600160a01b03808b168086528a82168685018181528787018c81525f60608a018181526001600160401b03808f1660808d0190815260a08d018481528a855260049b8c9052938c90209c518d54908a166001600160a01b0319918216178e55955160018e01805491909a16961695909517909755915160028b0155905160038a0155905197909501805495518416600160401b026fffffffffffffffffffffffffffffffff19909616979093169690961793909317905591519194509084907f89b1a37ddd2cb8c54b295ccc2be773b62bc6f9e3b941147407c28fa8d3602074906113e390899089909182526001600160401b0316602082015260400190565b60405180910390a46114206001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016873087611139565b50949350505050565b5f306001600160a01b037f00000000000000000000000000000000000000000000000000000000000000001614801561148157507f000000000000000000000000000000000000000000000000000000000000000046145b156114ab57507f000000000000000000000000000000000000000000000000000000000000000090565b611107604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201527f0000000000000000000000000000000000000000000000000000000000000000918101919091527f000000000000000000000000000000000000000000000000000000000000000060608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b5f80807f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a084111561158b57505f91506003905082611610565b604080515f808252602082018084528a905260ff891692820192909252606081018790526080810186905260019060a0016020604051602081039080840390855afa1580156115dc573d5f5f3e3d5ffd5b5050604051601f1901519150506001600160a01b03811661160757505f925060019150829050611610565b92505f91508190505b9450945094915050565b5f5f60205f8451602086015f885af180611639576040513d5f823e3d81fd5b50505f513d9150811561165057806001141561165d565b6001600160a01b0384163b155b1561066457604051635274afe760e01b81526001600160a01b03851660048201526024016103df565b606060ff83146116a0576116998361172f565b9050610a94565b8180546116ac90611b1e565b80601f01602080910402602001604051908101604052809291908181526020018280546116d890611b1e565b80156117235780601f106116fa57610100808354040283529160200191611723565b820191905f5260205f20905b81548152906001019060200180831161170657829003601f168201915b50505050509050610a94565b60605f61173b8361176c565b6040805160208082528183019092529192505f91906020820181803683375050509182525060208101929092525090565b5f60ff8216601f811115610a9457604051632cd44ac360e21b815260040160405180910390fd5b5f5f83601f8401126117a3575f5ffd5b5081356001600160401b038111156117b9575f5ffd5b6020830191508360208285010111156117d0575f5ffd5b9250929050565b5f5f5f5f606085870312156117ea575f5ffd5b843593506020850135925060408501356001600160401b0381111561180d575f5ffd5b61181987828801611793565b95989497509550505050565b5f60208284031215611835575f5ffd5b5035919050565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b60ff60f81b8816815260e060208201525f61188860e083018961183c565b828103604084015261189a818961183c565b606084018890526001600160a01b038716608085015260a0840186905283810360c0850152845180825260208087019350909101905f5b818110156118ef5783518352602093840193909201916001016118d1565b50909b9a5050505050505050505050565b80356001600160a01b0381168114611916575f5ffd5b919050565b5f5f5f6060848603121561192d575f5ffd5b61193684611900565b925061194460208501611900565b929592945050506040919091013590565b5f60e08284031215611965575f5ffd5b50919050565b5f60e0828403121561197b575f5ffd5b6109c38383611955565b5f5f60408385031215611996575f5ffd5b50508035926020909101359150565b80356001600160401b0381168114611916575f5ffd5b5f5f5f606084860312156119cd575f5ffd5b6119d684611900565b9250602084013591506119eb604085016119a5565b90509250925092565b5f5f5f5f8486036101a0811215611a09575f5ffd5b611a138787611955565b945060e08601356001600160401b03811115611a2d575f5ffd5b611a3988828901611793565b90955093505060a060ff1982011215611a50575f5ffd5b50929591945092610100019150565b634e487b7160e01b5f52602160045260245ffd5b634e487b7160e01b5f52601160045260245ffd5b81810381811115610a9457610a94611a73565b6001600160401b038181168382160190811115610a9457610a94611a73565b5f60208284031215611ac9575f5ffd5b6109c382611900565b5f60208284031215611ae2575f5ffd5b6109c3826119a5565b80820180821115610a9457610a94611a73565b5f60208284031215611b0e575f5ffd5b813560ff811681146109c3575f5ffd5b600181811c90821680611b3257607f821691505b60208210810361196557634e487b7160e01b5f52602260045260245ffdfea164736f6c634300081e000a",
}

// Channels is an auto generated Go binding around an Ethereum contract.
type Channels struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *Channels) GetABI() abi.ABI {
	return c.abi
}

// NewChannels creates a new instance of Channels.
func NewChannels() *Channels {
	parsed, err := ChannelsMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &Channels{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *Channels) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address token_, uint64 minCloseDelay_) returns()
func (channels *Channels) PackConstructor(token_ common.Address, minCloseDelay_ uint64) []byte {
	enc, err := channels.abi.Pack("", token_, minCloseDelay_)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackMAXCLOSEDELAY is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x89ce4c75.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_CLOSE_DELAY() view returns(uint64)
func (channels *Channels) PackMAXCLOSEDELAY() []byte {
	enc, err := channels.abi.Pack("MAX_CLOSE_DELAY")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXCLOSEDELAY is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x89ce4c75.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_CLOSE_DELAY() view returns(uint64)
func (channels *Channels) TryPackMAXCLOSEDELAY() ([]byte, error) {
	return channels.abi.Pack("MAX_CLOSE_DELAY")
}

// UnpackMAXCLOSEDELAY is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x89ce4c75.
//
// Solidity: function MAX_CLOSE_DELAY() view returns(uint64)
func (channels *Channels) UnpackMAXCLOSEDELAY(data []byte) (uint64, error) {
	out, err := channels.abi.Unpack("MAX_CLOSE_DELAY", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackOPENTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa0f12b7a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function OPEN_TYPEHASH() view returns(bytes32)
func (channels *Channels) PackOPENTYPEHASH() []byte {
	enc, err := channels.abi.Pack("OPEN_TYPEHASH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOPENTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa0f12b7a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function OPEN_TYPEHASH() view returns(bytes32)
func (channels *Channels) TryPackOPENTYPEHASH() ([]byte, error) {
	return channels.abi.Pack("OPEN_TYPEHASH")
}

// UnpackOPENTYPEHASH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa0f12b7a.
//
// Solidity: function OPEN_TYPEHASH() view returns(bytes32)
func (channels *Channels) UnpackOPENTYPEHASH(data []byte) ([32]byte, error) {
	out, err := channels.abi.Unpack("OPEN_TYPEHASH", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackVOUCHERTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x94739e87.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function VOUCHER_TYPEHASH() view returns(bytes32)
func (channels *Channels) PackVOUCHERTYPEHASH() []byte {
	enc, err := channels.abi.Pack("VOUCHER_TYPEHASH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVOUCHERTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x94739e87.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function VOUCHER_TYPEHASH() view returns(bytes32)
func (channels *Channels) TryPackVOUCHERTYPEHASH() ([]byte, error) {
	return channels.abi.Pack("VOUCHER_TYPEHASH")
}

// UnpackVOUCHERTYPEHASH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x94739e87.
//
// Solidity: function VOUCHER_TYPEHASH() view returns(bytes32)
func (channels *Channels) UnpackVOUCHERTYPEHASH(data []byte) ([32]byte, error) {
	out, err := channels.abi.Unpack("VOUCHER_TYPEHASH", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackChannelId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9e2fdd41.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function channelId(address payer, address payee, uint256 n) view returns(bytes32)
func (channels *Channels) PackChannelId(payer common.Address, payee common.Address, n *big.Int) []byte {
	enc, err := channels.abi.Pack("channelId", payer, payee, n)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackChannelId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9e2fdd41.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function channelId(address payer, address payee, uint256 n) view returns(bytes32)
func (channels *Channels) TryPackChannelId(payer common.Address, payee common.Address, n *big.Int) ([]byte, error) {
	return channels.abi.Pack("channelId", payer, payee, n)
}

// UnpackChannelId is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9e2fdd41.
//
// Solidity: function channelId(address payer, address payee, uint256 n) view returns(bytes32)
func (channels *Channels) UnpackChannelId(data []byte) ([32]byte, error) {
	out, err := channels.abi.Unpack("channelId", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackChannels is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7a7ebd7b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function channels(bytes32 id) view returns(address payer, address payee, uint256 deposit, uint256 redeemed, uint64 closeDelay, uint64 closesAt)
func (channels *Channels) PackChannels(id [32]byte) []byte {
	enc, err := channels.abi.Pack("channels", id)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackChannels is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7a7ebd7b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function channels(bytes32 id) view returns(address payer, address payee, uint256 deposit, uint256 redeemed, uint64 closeDelay, uint64 closesAt)
func (channels *Channels) TryPackChannels(id [32]byte) ([]byte, error) {
	return channels.abi.Pack("channels", id)
}

// ChannelsChannelsOutput serves as a container for the return parameters of contract
// method Channels.
type ChannelsChannelsOutput struct {
	Payer      common.Address
	Payee      common.Address
	Deposit    *big.Int
	Redeemed   *big.Int
	CloseDelay uint64
	ClosesAt   uint64
}

// UnpackChannels is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7a7ebd7b.
//
// Solidity: function channels(bytes32 id) view returns(address payer, address payee, uint256 deposit, uint256 redeemed, uint64 closeDelay, uint64 closesAt)
func (channels *Channels) UnpackChannels(data []byte) (ChannelsChannelsOutput, error) {
	out, err := channels.abi.Unpack("channels", data)
	outstruct := new(ChannelsChannelsOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Payer = *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	outstruct.Payee = *abi.ConvertType(out[1], new(common.Address)).(*common.Address)
	outstruct.Deposit = abi.ConvertType(out[2], new(big.Int)).(*big.Int)
	outstruct.Redeemed = abi.ConvertType(out[3], new(big.Int)).(*big.Int)
	outstruct.CloseDelay = *abi.ConvertType(out[4], new(uint64)).(*uint64)
	outstruct.ClosesAt = *abi.ConvertType(out[5], new(uint64)).(*uint64)
	return *outstruct, nil
}

// PackEip712Domain is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x84b0196e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (channels *Channels) PackEip712Domain() []byte {
	enc, err := channels.abi.Pack("eip712Domain")
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
func (channels *Channels) TryPackEip712Domain() ([]byte, error) {
	return channels.abi.Pack("eip712Domain")
}

// ChannelsEip712DomainOutput serves as a container for the return parameters of contract
// method Eip712Domain.
type ChannelsEip712DomainOutput struct {
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
func (channels *Channels) UnpackEip712Domain(data []byte) (ChannelsEip712DomainOutput, error) {
	out, err := channels.abi.Unpack("eip712Domain", data)
	outstruct := new(ChannelsEip712DomainOutput)
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

// PackMinCloseDelay is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xeff31d91.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function minCloseDelay() view returns(uint64)
func (channels *Channels) PackMinCloseDelay() []byte {
	enc, err := channels.abi.Pack("minCloseDelay")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMinCloseDelay is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xeff31d91.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function minCloseDelay() view returns(uint64)
func (channels *Channels) TryPackMinCloseDelay() ([]byte, error) {
	return channels.abi.Pack("minCloseDelay")
}

// UnpackMinCloseDelay is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xeff31d91.
//
// Solidity: function minCloseDelay() view returns(uint64)
func (channels *Channels) UnpackMinCloseDelay(data []byte) (uint64, error) {
	out, err := channels.abi.Unpack("minCloseDelay", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackNonce is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xaffed0e0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function nonce() view returns(uint256)
func (channels *Channels) PackNonce() []byte {
	enc, err := channels.abi.Pack("nonce")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackNonce is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xaffed0e0.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function nonce() view returns(uint256)
func (channels *Channels) TryPackNonce() ([]byte, error) {
	return channels.abi.Pack("nonce")
}

// UnpackNonce is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xaffed0e0.
//
// Solidity: function nonce() view returns(uint256)
func (channels *Channels) UnpackNonce(data []byte) (*big.Int, error) {
	out, err := channels.abi.Unpack("nonce", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackOpen is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb8876fe0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function open(address payee, uint256 amount, uint64 closeDelay) returns(bytes32 id)
func (channels *Channels) PackOpen(payee common.Address, amount *big.Int, closeDelay uint64) []byte {
	enc, err := channels.abi.Pack("open", payee, amount, closeDelay)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOpen is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb8876fe0.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function open(address payee, uint256 amount, uint64 closeDelay) returns(bytes32 id)
func (channels *Channels) TryPackOpen(payee common.Address, amount *big.Int, closeDelay uint64) ([]byte, error) {
	return channels.abi.Pack("open", payee, amount, closeDelay)
}

// UnpackOpen is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb8876fe0.
//
// Solidity: function open(address payee, uint256 amount, uint64 closeDelay) returns(bytes32 id)
func (channels *Channels) UnpackOpen(data []byte) ([32]byte, error) {
	out, err := channels.abi.Unpack("open", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackOpenDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa4a4e506.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function openDigest((address,address,uint256,uint64,address,uint256,uint256) o) view returns(bytes32)
func (channels *Channels) PackOpenDigest(o ChannelsOpenRequest) []byte {
	enc, err := channels.abi.Pack("openDigest", o)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOpenDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa4a4e506.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function openDigest((address,address,uint256,uint64,address,uint256,uint256) o) view returns(bytes32)
func (channels *Channels) TryPackOpenDigest(o ChannelsOpenRequest) ([]byte, error) {
	return channels.abi.Pack("openDigest", o)
}

// UnpackOpenDigest is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa4a4e506.
//
// Solidity: function openDigest((address,address,uint256,uint64,address,uint256,uint256) o) view returns(bytes32)
func (channels *Channels) UnpackOpenDigest(data []byte) ([32]byte, error) {
	out, err := channels.abi.Unpack("openDigest", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackOpenUsed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xde38dd28.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function openUsed(bytes32 digest) view returns(bool)
func (channels *Channels) PackOpenUsed(digest [32]byte) []byte {
	enc, err := channels.abi.Pack("openUsed", digest)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOpenUsed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xde38dd28.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function openUsed(bytes32 digest) view returns(bool)
func (channels *Channels) TryPackOpenUsed(digest [32]byte) ([]byte, error) {
	return channels.abi.Pack("openUsed", digest)
}

// UnpackOpenUsed is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xde38dd28.
//
// Solidity: function openUsed(bytes32 digest) view returns(bool)
func (channels *Channels) UnpackOpenUsed(data []byte) (bool, error) {
	out, err := channels.abi.Unpack("openUsed", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackOpenWithPermit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcb431b36.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function openWithPermit((address,address,uint256,uint64,address,uint256,uint256) o, bytes openSig, (uint256,uint256,uint8,bytes32,bytes32) p) returns(bytes32 id)
func (channels *Channels) PackOpenWithPermit(o ChannelsOpenRequest, openSig []byte, p ChannelsPermit) []byte {
	enc, err := channels.abi.Pack("openWithPermit", o, openSig, p)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOpenWithPermit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcb431b36.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function openWithPermit((address,address,uint256,uint64,address,uint256,uint256) o, bytes openSig, (uint256,uint256,uint8,bytes32,bytes32) p) returns(bytes32 id)
func (channels *Channels) TryPackOpenWithPermit(o ChannelsOpenRequest, openSig []byte, p ChannelsPermit) ([]byte, error) {
	return channels.abi.Pack("openWithPermit", o, openSig, p)
}

// UnpackOpenWithPermit is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xcb431b36.
//
// Solidity: function openWithPermit((address,address,uint256,uint64,address,uint256,uint256) o, bytes openSig, (uint256,uint256,uint8,bytes32,bytes32) p) returns(bytes32 id)
func (channels *Channels) UnpackOpenWithPermit(data []byte) ([32]byte, error) {
	out, err := channels.abi.Unpack("openWithPermit", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackRedeem is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x01a1c9f8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function redeem(bytes32 id, uint256 cumulative, bytes signature) returns()
func (channels *Channels) PackRedeem(id [32]byte, cumulative *big.Int, signature []byte) []byte {
	enc, err := channels.abi.Pack("redeem", id, cumulative, signature)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRedeem is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x01a1c9f8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function redeem(bytes32 id, uint256 cumulative, bytes signature) returns()
func (channels *Channels) TryPackRedeem(id [32]byte, cumulative *big.Int, signature []byte) ([]byte, error) {
	return channels.abi.Pack("redeem", id, cumulative, signature)
}

// PackStartClose is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x93b1d669.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function startClose(bytes32 id) returns()
func (channels *Channels) PackStartClose(id [32]byte) []byte {
	enc, err := channels.abi.Pack("startClose", id)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackStartClose is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x93b1d669.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function startClose(bytes32 id) returns()
func (channels *Channels) TryPackStartClose(id [32]byte) ([]byte, error) {
	return channels.abi.Pack("startClose", id)
}

// PackToken is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfc0c546a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function token() view returns(address)
func (channels *Channels) PackToken() []byte {
	enc, err := channels.abi.Pack("token")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackToken is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfc0c546a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function token() view returns(address)
func (channels *Channels) TryPackToken() ([]byte, error) {
	return channels.abi.Pack("token")
}

// UnpackToken is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xfc0c546a.
//
// Solidity: function token() view returns(address)
func (channels *Channels) UnpackToken(data []byte) (common.Address, error) {
	out, err := channels.abi.Unpack("token", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackTopUp is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb67644b9.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function topUp(bytes32 id, uint256 amount) returns()
func (channels *Channels) PackTopUp(id [32]byte, amount *big.Int) []byte {
	enc, err := channels.abi.Pack("topUp", id, amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTopUp is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb67644b9.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function topUp(bytes32 id, uint256 amount) returns()
func (channels *Channels) TryPackTopUp(id [32]byte, amount *big.Int) ([]byte, error) {
	return channels.abi.Pack("topUp", id, amount)
}

// PackVoucherDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe55aee26.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function voucherDigest(bytes32 id, uint256 cumulative) view returns(bytes32)
func (channels *Channels) PackVoucherDigest(id [32]byte, cumulative *big.Int) []byte {
	enc, err := channels.abi.Pack("voucherDigest", id, cumulative)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVoucherDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe55aee26.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function voucherDigest(bytes32 id, uint256 cumulative) view returns(bytes32)
func (channels *Channels) TryPackVoucherDigest(id [32]byte, cumulative *big.Int) ([]byte, error) {
	return channels.abi.Pack("voucherDigest", id, cumulative)
}

// UnpackVoucherDigest is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe55aee26.
//
// Solidity: function voucherDigest(bytes32 id, uint256 cumulative) view returns(bytes32)
func (channels *Channels) UnpackVoucherDigest(data []byte) ([32]byte, error) {
	out, err := channels.abi.Unpack("voucherDigest", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackWithdraw is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8e19899e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function withdraw(bytes32 id) returns()
func (channels *Channels) PackWithdraw(id [32]byte) []byte {
	enc, err := channels.abi.Pack("withdraw", id)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackWithdraw is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8e19899e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function withdraw(bytes32 id) returns()
func (channels *Channels) TryPackWithdraw(id [32]byte) ([]byte, error) {
	return channels.abi.Pack("withdraw", id)
}

// ChannelsCloseStarted represents a CloseStarted event raised by the Channels contract.
type ChannelsCloseStarted struct {
	Id       [32]byte
	ClosesAt uint64
	Raw      *types.Log // Blockchain specific contextual infos
}

const ChannelsCloseStartedEventName = "CloseStarted"

// ContractEventName returns the user-defined event name.
func (ChannelsCloseStarted) ContractEventName() string {
	return ChannelsCloseStartedEventName
}

// UnpackCloseStartedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event CloseStarted(bytes32 indexed id, uint64 closesAt)
func (channels *Channels) UnpackCloseStartedEvent(log *types.Log) (*ChannelsCloseStarted, error) {
	event := "CloseStarted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != channels.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ChannelsCloseStarted)
	if len(log.Data) > 0 {
		if err := channels.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range channels.abi.Events[event].Inputs {
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

// ChannelsEIP712DomainChanged represents a EIP712DomainChanged event raised by the Channels contract.
type ChannelsEIP712DomainChanged struct {
	Raw *types.Log // Blockchain specific contextual infos
}

const ChannelsEIP712DomainChangedEventName = "EIP712DomainChanged"

// ContractEventName returns the user-defined event name.
func (ChannelsEIP712DomainChanged) ContractEventName() string {
	return ChannelsEIP712DomainChangedEventName
}

// UnpackEIP712DomainChangedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event EIP712DomainChanged()
func (channels *Channels) UnpackEIP712DomainChangedEvent(log *types.Log) (*ChannelsEIP712DomainChanged, error) {
	event := "EIP712DomainChanged"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != channels.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ChannelsEIP712DomainChanged)
	if len(log.Data) > 0 {
		if err := channels.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range channels.abi.Events[event].Inputs {
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

// ChannelsOpened represents a Opened event raised by the Channels contract.
type ChannelsOpened struct {
	Id         [32]byte
	Payer      common.Address
	Payee      common.Address
	Amount     *big.Int
	CloseDelay uint64
	Raw        *types.Log // Blockchain specific contextual infos
}

const ChannelsOpenedEventName = "Opened"

// ContractEventName returns the user-defined event name.
func (ChannelsOpened) ContractEventName() string {
	return ChannelsOpenedEventName
}

// UnpackOpenedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Opened(bytes32 indexed id, address indexed payer, address indexed payee, uint256 amount, uint64 closeDelay)
func (channels *Channels) UnpackOpenedEvent(log *types.Log) (*ChannelsOpened, error) {
	event := "Opened"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != channels.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ChannelsOpened)
	if len(log.Data) > 0 {
		if err := channels.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range channels.abi.Events[event].Inputs {
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

// ChannelsRedeemed represents a Redeemed event raised by the Channels contract.
type ChannelsRedeemed struct {
	Id         [32]byte
	Cumulative *big.Int
	Paid       *big.Int
	Raw        *types.Log // Blockchain specific contextual infos
}

const ChannelsRedeemedEventName = "Redeemed"

// ContractEventName returns the user-defined event name.
func (ChannelsRedeemed) ContractEventName() string {
	return ChannelsRedeemedEventName
}

// UnpackRedeemedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Redeemed(bytes32 indexed id, uint256 cumulative, uint256 paid)
func (channels *Channels) UnpackRedeemedEvent(log *types.Log) (*ChannelsRedeemed, error) {
	event := "Redeemed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != channels.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ChannelsRedeemed)
	if len(log.Data) > 0 {
		if err := channels.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range channels.abi.Events[event].Inputs {
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

// ChannelsRelayed represents a Relayed event raised by the Channels contract.
type ChannelsRelayed struct {
	Id      [32]byte
	Relayer common.Address
	Fee     *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const ChannelsRelayedEventName = "Relayed"

// ContractEventName returns the user-defined event name.
func (ChannelsRelayed) ContractEventName() string {
	return ChannelsRelayedEventName
}

// UnpackRelayedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Relayed(bytes32 indexed id, address indexed relayer, uint256 fee)
func (channels *Channels) UnpackRelayedEvent(log *types.Log) (*ChannelsRelayed, error) {
	event := "Relayed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != channels.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ChannelsRelayed)
	if len(log.Data) > 0 {
		if err := channels.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range channels.abi.Events[event].Inputs {
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

// ChannelsToppedUp represents a ToppedUp event raised by the Channels contract.
type ChannelsToppedUp struct {
	Id     [32]byte
	Amount *big.Int
	Raw    *types.Log // Blockchain specific contextual infos
}

const ChannelsToppedUpEventName = "ToppedUp"

// ContractEventName returns the user-defined event name.
func (ChannelsToppedUp) ContractEventName() string {
	return ChannelsToppedUpEventName
}

// UnpackToppedUpEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ToppedUp(bytes32 indexed id, uint256 amount)
func (channels *Channels) UnpackToppedUpEvent(log *types.Log) (*ChannelsToppedUp, error) {
	event := "ToppedUp"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != channels.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ChannelsToppedUp)
	if len(log.Data) > 0 {
		if err := channels.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range channels.abi.Events[event].Inputs {
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

// ChannelsWithdrawn represents a Withdrawn event raised by the Channels contract.
type ChannelsWithdrawn struct {
	Id     [32]byte
	Amount *big.Int
	Raw    *types.Log // Blockchain specific contextual infos
}

const ChannelsWithdrawnEventName = "Withdrawn"

// ContractEventName returns the user-defined event name.
func (ChannelsWithdrawn) ContractEventName() string {
	return ChannelsWithdrawnEventName
}

// UnpackWithdrawnEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Withdrawn(bytes32 indexed id, uint256 amount)
func (channels *Channels) UnpackWithdrawnEvent(log *types.Log) (*ChannelsWithdrawn, error) {
	event := "Withdrawn"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != channels.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ChannelsWithdrawn)
	if len(log.Data) > 0 {
		if err := channels.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range channels.abi.Events[event].Inputs {
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
func (channels *Channels) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], channels.abi.Errors["BadCloseDelay"].ID.Bytes()[:4]) {
		return channels.UnpackBadCloseDelayError(raw[4:])
	}
	if bytes.Equal(raw[:4], channels.abi.Errors["BadPayee"].ID.Bytes()[:4]) {
		return channels.UnpackBadPayeeError(raw[4:])
	}
	if bytes.Equal(raw[:4], channels.abi.Errors["BadRelayer"].ID.Bytes()[:4]) {
		return channels.UnpackBadRelayerError(raw[4:])
	}
	if bytes.Equal(raw[:4], channels.abi.Errors["BadSignature"].ID.Bytes()[:4]) {
		return channels.UnpackBadSignatureError(raw[4:])
	}
	if bytes.Equal(raw[:4], channels.abi.Errors["Closed"].ID.Bytes()[:4]) {
		return channels.UnpackClosedError(raw[4:])
	}
	if bytes.Equal(raw[:4], channels.abi.Errors["Closing"].ID.Bytes()[:4]) {
		return channels.UnpackClosingError(raw[4:])
	}
	if bytes.Equal(raw[:4], channels.abi.Errors["CumulativeNotIncreasing"].ID.Bytes()[:4]) {
		return channels.UnpackCumulativeNotIncreasingError(raw[4:])
	}
	if bytes.Equal(raw[:4], channels.abi.Errors["CumulativeTooHigh"].ID.Bytes()[:4]) {
		return channels.UnpackCumulativeTooHighError(raw[4:])
	}
	if bytes.Equal(raw[:4], channels.abi.Errors["Expired"].ID.Bytes()[:4]) {
		return channels.UnpackExpiredError(raw[4:])
	}
	if bytes.Equal(raw[:4], channels.abi.Errors["InvalidShortString"].ID.Bytes()[:4]) {
		return channels.UnpackInvalidShortStringError(raw[4:])
	}
	if bytes.Equal(raw[:4], channels.abi.Errors["NotClosing"].ID.Bytes()[:4]) {
		return channels.UnpackNotClosingError(raw[4:])
	}
	if bytes.Equal(raw[:4], channels.abi.Errors["NotPayee"].ID.Bytes()[:4]) {
		return channels.UnpackNotPayeeError(raw[4:])
	}
	if bytes.Equal(raw[:4], channels.abi.Errors["NotPayer"].ID.Bytes()[:4]) {
		return channels.UnpackNotPayerError(raw[4:])
	}
	if bytes.Equal(raw[:4], channels.abi.Errors["NothingToWithdraw"].ID.Bytes()[:4]) {
		return channels.UnpackNothingToWithdrawError(raw[4:])
	}
	if bytes.Equal(raw[:4], channels.abi.Errors["OpenUsed"].ID.Bytes()[:4]) {
		return channels.UnpackOpenUsedError(raw[4:])
	}
	if bytes.Equal(raw[:4], channels.abi.Errors["ReentrancyGuardReentrantCall"].ID.Bytes()[:4]) {
		return channels.UnpackReentrancyGuardReentrantCallError(raw[4:])
	}
	if bytes.Equal(raw[:4], channels.abi.Errors["SafeERC20FailedOperation"].ID.Bytes()[:4]) {
		return channels.UnpackSafeERC20FailedOperationError(raw[4:])
	}
	if bytes.Equal(raw[:4], channels.abi.Errors["StringTooLong"].ID.Bytes()[:4]) {
		return channels.UnpackStringTooLongError(raw[4:])
	}
	if bytes.Equal(raw[:4], channels.abi.Errors["TooEarly"].ID.Bytes()[:4]) {
		return channels.UnpackTooEarlyError(raw[4:])
	}
	if bytes.Equal(raw[:4], channels.abi.Errors["UnknownChannel"].ID.Bytes()[:4]) {
		return channels.UnpackUnknownChannelError(raw[4:])
	}
	if bytes.Equal(raw[:4], channels.abi.Errors["ZeroAmount"].ID.Bytes()[:4]) {
		return channels.UnpackZeroAmountError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// ChannelsBadCloseDelay represents a BadCloseDelay error raised by the Channels contract.
type ChannelsBadCloseDelay struct {
	CloseDelay uint64
	Min        uint64
	Max        uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BadCloseDelay(uint64 closeDelay, uint64 min, uint64 max)
func ChannelsBadCloseDelayErrorID() common.Hash {
	return common.HexToHash("0xdc27b20de1946ed31e582067dfb66693f4760f52a15ec153c0042ade07ac911d")
}

// UnpackBadCloseDelayError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BadCloseDelay(uint64 closeDelay, uint64 min, uint64 max)
func (channels *Channels) UnpackBadCloseDelayError(raw []byte) (*ChannelsBadCloseDelay, error) {
	out := new(ChannelsBadCloseDelay)
	if err := channels.abi.UnpackIntoInterface(out, "BadCloseDelay", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ChannelsBadPayee represents a BadPayee error raised by the Channels contract.
type ChannelsBadPayee struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BadPayee()
func ChannelsBadPayeeErrorID() common.Hash {
	return common.HexToHash("0xcaa44c1a9233a2c7008b5ecd965bed0ad04e8be3fc05fcfd914fb1490f5abfc2")
}

// UnpackBadPayeeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BadPayee()
func (channels *Channels) UnpackBadPayeeError(raw []byte) (*ChannelsBadPayee, error) {
	out := new(ChannelsBadPayee)
	if err := channels.abi.UnpackIntoInterface(out, "BadPayee", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ChannelsBadRelayer represents a BadRelayer error raised by the Channels contract.
type ChannelsBadRelayer struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BadRelayer()
func ChannelsBadRelayerErrorID() common.Hash {
	return common.HexToHash("0x89a545e04698acf3197382e917b0d395e883416b902a97965e72fca1e55b100b")
}

// UnpackBadRelayerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BadRelayer()
func (channels *Channels) UnpackBadRelayerError(raw []byte) (*ChannelsBadRelayer, error) {
	out := new(ChannelsBadRelayer)
	if err := channels.abi.UnpackIntoInterface(out, "BadRelayer", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ChannelsBadSignature represents a BadSignature error raised by the Channels contract.
type ChannelsBadSignature struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BadSignature()
func ChannelsBadSignatureErrorID() common.Hash {
	return common.HexToHash("0x5cd5d2335541c4f2ed05fbe44f397e8b79f8e2333157122d2dab06e378ef7685")
}

// UnpackBadSignatureError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BadSignature()
func (channels *Channels) UnpackBadSignatureError(raw []byte) (*ChannelsBadSignature, error) {
	out := new(ChannelsBadSignature)
	if err := channels.abi.UnpackIntoInterface(out, "BadSignature", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ChannelsClosed represents a Closed error raised by the Channels contract.
type ChannelsClosed struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error Closed()
func ChannelsClosedErrorID() common.Hash {
	return common.HexToHash("0x1cdde67b72a90f19919ac732a437ac2f7a10fc128d28c2a6e525d89ce5cd9d3a")
}

// UnpackClosedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error Closed()
func (channels *Channels) UnpackClosedError(raw []byte) (*ChannelsClosed, error) {
	out := new(ChannelsClosed)
	if err := channels.abi.UnpackIntoInterface(out, "Closed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ChannelsClosing represents a Closing error raised by the Channels contract.
type ChannelsClosing struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error Closing()
func ChannelsClosingErrorID() common.Hash {
	return common.HexToHash("0xb59fde0b777d3fb91cd7c024f522fd92b9475693fff5b1f88bfb91fa821b5d45")
}

// UnpackClosingError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error Closing()
func (channels *Channels) UnpackClosingError(raw []byte) (*ChannelsClosing, error) {
	out := new(ChannelsClosing)
	if err := channels.abi.UnpackIntoInterface(out, "Closing", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ChannelsCumulativeNotIncreasing represents a CumulativeNotIncreasing error raised by the Channels contract.
type ChannelsCumulativeNotIncreasing struct {
	Cumulative *big.Int
	Redeemed   *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error CumulativeNotIncreasing(uint256 cumulative, uint256 redeemed)
func ChannelsCumulativeNotIncreasingErrorID() common.Hash {
	return common.HexToHash("0x7e7014f206f85a941c423a5ba116a8b586022d8c5e376fd8a577df8e922a083d")
}

// UnpackCumulativeNotIncreasingError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error CumulativeNotIncreasing(uint256 cumulative, uint256 redeemed)
func (channels *Channels) UnpackCumulativeNotIncreasingError(raw []byte) (*ChannelsCumulativeNotIncreasing, error) {
	out := new(ChannelsCumulativeNotIncreasing)
	if err := channels.abi.UnpackIntoInterface(out, "CumulativeNotIncreasing", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ChannelsCumulativeTooHigh represents a CumulativeTooHigh error raised by the Channels contract.
type ChannelsCumulativeTooHigh struct {
	Cumulative *big.Int
	Deposit    *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error CumulativeTooHigh(uint256 cumulative, uint256 deposit)
func ChannelsCumulativeTooHighErrorID() common.Hash {
	return common.HexToHash("0x965a3abbf8cf987cb9aef089adce66176f39d018cce11e95098412f28d6c7759")
}

// UnpackCumulativeTooHighError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error CumulativeTooHigh(uint256 cumulative, uint256 deposit)
func (channels *Channels) UnpackCumulativeTooHighError(raw []byte) (*ChannelsCumulativeTooHigh, error) {
	out := new(ChannelsCumulativeTooHigh)
	if err := channels.abi.UnpackIntoInterface(out, "CumulativeTooHigh", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ChannelsExpired represents a Expired error raised by the Channels contract.
type ChannelsExpired struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error Expired()
func ChannelsExpiredErrorID() common.Hash {
	return common.HexToHash("0x203d82d8d99f63bfecc8335216735e0271df4249ea752b030f9ab305b94e5afe")
}

// UnpackExpiredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error Expired()
func (channels *Channels) UnpackExpiredError(raw []byte) (*ChannelsExpired, error) {
	out := new(ChannelsExpired)
	if err := channels.abi.UnpackIntoInterface(out, "Expired", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ChannelsInvalidShortString represents a InvalidShortString error raised by the Channels contract.
type ChannelsInvalidShortString struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidShortString()
func ChannelsInvalidShortStringErrorID() common.Hash {
	return common.HexToHash("0xb3512b0c6163e5f0bafab72bb631b9d58cd7a731b082f910338aa21c83d5c274")
}

// UnpackInvalidShortStringError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidShortString()
func (channels *Channels) UnpackInvalidShortStringError(raw []byte) (*ChannelsInvalidShortString, error) {
	out := new(ChannelsInvalidShortString)
	if err := channels.abi.UnpackIntoInterface(out, "InvalidShortString", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ChannelsNotClosing represents a NotClosing error raised by the Channels contract.
type ChannelsNotClosing struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotClosing()
func ChannelsNotClosingErrorID() common.Hash {
	return common.HexToHash("0xf9b46b5f2b61361f95d79ba8adbe86297139b06b35fb3936e5f884c42086e703")
}

// UnpackNotClosingError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotClosing()
func (channels *Channels) UnpackNotClosingError(raw []byte) (*ChannelsNotClosing, error) {
	out := new(ChannelsNotClosing)
	if err := channels.abi.UnpackIntoInterface(out, "NotClosing", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ChannelsNotPayee represents a NotPayee error raised by the Channels contract.
type ChannelsNotPayee struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotPayee()
func ChannelsNotPayeeErrorID() common.Hash {
	return common.HexToHash("0x56cab67b54587ad1ee1a933271cfaefb43ac75788a9ef7fc3787cd8ae7783ab4")
}

// UnpackNotPayeeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotPayee()
func (channels *Channels) UnpackNotPayeeError(raw []byte) (*ChannelsNotPayee, error) {
	out := new(ChannelsNotPayee)
	if err := channels.abi.UnpackIntoInterface(out, "NotPayee", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ChannelsNotPayer represents a NotPayer error raised by the Channels contract.
type ChannelsNotPayer struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotPayer()
func ChannelsNotPayerErrorID() common.Hash {
	return common.HexToHash("0x1435e3579e10b092db185e7a936873b0ea2125e5dd29d24c96c164f37d5e6db0")
}

// UnpackNotPayerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotPayer()
func (channels *Channels) UnpackNotPayerError(raw []byte) (*ChannelsNotPayer, error) {
	out := new(ChannelsNotPayer)
	if err := channels.abi.UnpackIntoInterface(out, "NotPayer", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ChannelsNothingToWithdraw represents a NothingToWithdraw error raised by the Channels contract.
type ChannelsNothingToWithdraw struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NothingToWithdraw()
func ChannelsNothingToWithdrawErrorID() common.Hash {
	return common.HexToHash("0xd0d04f60bf4f7629141a1f00f5d2908fa0f3e15bf4cbf8bb8edc6fcbdf2509fa")
}

// UnpackNothingToWithdrawError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NothingToWithdraw()
func (channels *Channels) UnpackNothingToWithdrawError(raw []byte) (*ChannelsNothingToWithdraw, error) {
	out := new(ChannelsNothingToWithdraw)
	if err := channels.abi.UnpackIntoInterface(out, "NothingToWithdraw", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ChannelsOpenUsed represents a OpenUsed error raised by the Channels contract.
type ChannelsOpenUsed struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OpenUsed()
func ChannelsOpenUsedErrorID() common.Hash {
	return common.HexToHash("0x6f3ebdcd5c892287beb2de2ea8c0d33aa92f059db69628765d7a4ecad0d52bb8")
}

// UnpackOpenUsedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OpenUsed()
func (channels *Channels) UnpackOpenUsedError(raw []byte) (*ChannelsOpenUsed, error) {
	out := new(ChannelsOpenUsed)
	if err := channels.abi.UnpackIntoInterface(out, "OpenUsed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ChannelsReentrancyGuardReentrantCall represents a ReentrancyGuardReentrantCall error raised by the Channels contract.
type ChannelsReentrancyGuardReentrantCall struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ReentrancyGuardReentrantCall()
func ChannelsReentrancyGuardReentrantCallErrorID() common.Hash {
	return common.HexToHash("0x3ee5aeb571de7fc460830b4d0017439a1ca56fb0bc39062227ade4fe4a24c1ca")
}

// UnpackReentrancyGuardReentrantCallError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ReentrancyGuardReentrantCall()
func (channels *Channels) UnpackReentrancyGuardReentrantCallError(raw []byte) (*ChannelsReentrancyGuardReentrantCall, error) {
	out := new(ChannelsReentrancyGuardReentrantCall)
	if err := channels.abi.UnpackIntoInterface(out, "ReentrancyGuardReentrantCall", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ChannelsSafeERC20FailedOperation represents a SafeERC20FailedOperation error raised by the Channels contract.
type ChannelsSafeERC20FailedOperation struct {
	Token common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SafeERC20FailedOperation(address token)
func ChannelsSafeERC20FailedOperationErrorID() common.Hash {
	return common.HexToHash("0x5274afe73c98b4749fc91ffae6b7b574e7842cb2144a159e9377a5f20b32edf9")
}

// UnpackSafeERC20FailedOperationError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SafeERC20FailedOperation(address token)
func (channels *Channels) UnpackSafeERC20FailedOperationError(raw []byte) (*ChannelsSafeERC20FailedOperation, error) {
	out := new(ChannelsSafeERC20FailedOperation)
	if err := channels.abi.UnpackIntoInterface(out, "SafeERC20FailedOperation", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ChannelsStringTooLong represents a StringTooLong error raised by the Channels contract.
type ChannelsStringTooLong struct {
	Str string
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error StringTooLong(string str)
func ChannelsStringTooLongErrorID() common.Hash {
	return common.HexToHash("0x305a27a93f8e33b7392df0a0f91d6fc63847395853c45991eec52dbf24d72381")
}

// UnpackStringTooLongError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error StringTooLong(string str)
func (channels *Channels) UnpackStringTooLongError(raw []byte) (*ChannelsStringTooLong, error) {
	out := new(ChannelsStringTooLong)
	if err := channels.abi.UnpackIntoInterface(out, "StringTooLong", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ChannelsTooEarly represents a TooEarly error raised by the Channels contract.
type ChannelsTooEarly struct {
	ClosesAt uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TooEarly(uint64 closesAt)
func ChannelsTooEarlyErrorID() common.Hash {
	return common.HexToHash("0xd606d83fc5c7e56637c0959f5077c3a15f782b710d7eab50461ed55fd6deb6ae")
}

// UnpackTooEarlyError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TooEarly(uint64 closesAt)
func (channels *Channels) UnpackTooEarlyError(raw []byte) (*ChannelsTooEarly, error) {
	out := new(ChannelsTooEarly)
	if err := channels.abi.UnpackIntoInterface(out, "TooEarly", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ChannelsUnknownChannel represents a UnknownChannel error raised by the Channels contract.
type ChannelsUnknownChannel struct {
	Id [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnknownChannel(bytes32 id)
func ChannelsUnknownChannelErrorID() common.Hash {
	return common.HexToHash("0xb08fc1cb7d4c5a62cfc36d1d52273872c8ad5c540953a2c17c0a39912130100d")
}

// UnpackUnknownChannelError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnknownChannel(bytes32 id)
func (channels *Channels) UnpackUnknownChannelError(raw []byte) (*ChannelsUnknownChannel, error) {
	out := new(ChannelsUnknownChannel)
	if err := channels.abi.UnpackIntoInterface(out, "UnknownChannel", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ChannelsZeroAmount represents a ZeroAmount error raised by the Channels contract.
type ChannelsZeroAmount struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroAmount()
func ChannelsZeroAmountErrorID() common.Hash {
	return common.HexToHash("0x1f2a2005cb66a8e145327e8814e243a0996aec9bfe1e15a495778b1236dbd485")
}

// UnpackZeroAmountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroAmount()
func (channels *Channels) UnpackZeroAmountError(raw []byte) (*ChannelsZeroAmount, error) {
	out := new(ChannelsZeroAmount)
	if err := channels.abi.UnpackIntoInterface(out, "ZeroAmount", raw); err != nil {
		return nil, err
	}
	return out, nil
}
