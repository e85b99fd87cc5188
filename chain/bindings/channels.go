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

// ChannelsMetaData contains all meta data concerning the Channels contract.
var ChannelsMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"contractIERC20\",\"name\":\"token_\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"minCloseDelay_\",\"type\":\"uint64\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"closeDelay\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"min\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"max\",\"type\":\"uint64\"}],\"name\":\"BadCloseDelay\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"BadPayee\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"BadSignature\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"Closed\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"Closing\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"cumulative\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"redeemed\",\"type\":\"uint256\"}],\"name\":\"CumulativeNotIncreasing\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"cumulative\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"deposit\",\"type\":\"uint256\"}],\"name\":\"CumulativeTooHigh\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidShortString\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NotClosing\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NotPayee\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NotPayer\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NothingToWithdraw\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ReentrancyGuardReentrantCall\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"}],\"name\":\"SafeERC20FailedOperation\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"str\",\"type\":\"string\"}],\"name\":\"StringTooLong\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"closesAt\",\"type\":\"uint64\"}],\"name\":\"TooEarly\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"}],\"name\":\"UnknownChannel\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAmount\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"closesAt\",\"type\":\"uint64\"}],\"name\":\"CloseStarted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[],\"name\":\"EIP712DomainChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"payee\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"closeDelay\",\"type\":\"uint64\"}],\"name\":\"Opened\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"cumulative\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"paid\",\"type\":\"uint256\"}],\"name\":\"Redeemed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"ToppedUp\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Withdrawn\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"MAX_CLOSE_DELAY\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"VOUCHER_TYPEHASH\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"payee\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"n\",\"type\":\"uint256\"}],\"name\":\"channelId\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"}],\"name\":\"channels\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"payee\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"deposit\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"redeemed\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"closeDelay\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"closesAt\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"eip712Domain\",\"outputs\":[{\"internalType\":\"bytes1\",\"name\":\"fields\",\"type\":\"bytes1\"},{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"version\",\"type\":\"string\"},{\"internalType\":\"uint256\",\"name\":\"chainId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"verifyingContract\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"salt\",\"type\":\"bytes32\"},{\"internalType\":\"uint256[]\",\"name\":\"extensions\",\"type\":\"uint256[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"minCloseDelay\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"nonce\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"payee\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"closeDelay\",\"type\":\"uint64\"}],\"name\":\"open\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"cumulative\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"signature\",\"type\":\"bytes\"}],\"name\":\"redeem\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"}],\"name\":\"startClose\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"token\",\"outputs\":[{\"internalType\":\"contractIERC20\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"topUp\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"cumulative\",\"type\":\"uint256\"}],\"name\":\"voucherDigest\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"}],\"name\":\"withdraw\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "Channels",
	Bin: "0x6101a0604052348015610010575f5ffd5b506040516119bd3803806119bd83398101604081905261002f91610200565b604080518082018252601081526f4d7963726f6674204368616e6e656c7360801b602080830191909152825180840190935260018352603160f81b9083015290610079825f610191565b61012052610088816001610191565b61014052815160208084019190912060e052815190820120610100524660a05261011460e05161010051604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201529081019290925260608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b60805250503060c05260016002556301e133806001600160401b03821611156101705760405163dc27b20d60e01b81526001600160401b03821660048201525f60248201526301e1338060448201526064015b60405180910390fd5b6001600160a01b03909116610160526001600160401b0316610180526103f8565b5f6020835110156101ac576101a5836101c3565b90506101bd565b816101b784826102e6565b5060ff90505b92915050565b5f5f829050601f815111156101ed578260405163305a27a960e01b815260040161016791906103a0565b80516101f8826103d5565b179392505050565b5f5f60408385031215610211575f5ffd5b82516001600160a01b0381168114610227575f5ffd5b60208401519092506001600160401b0381168114610243575f5ffd5b809150509250929050565b634e487b7160e01b5f52604160045260245ffd5b600181811c9082168061027657607f821691505b60208210810361029457634e487b7160e01b5f52602260045260245ffd5b50919050565b601f8211156102e157805f5260205f20601f840160051c810160208510156102bf5750805b601f840160051c820191505b818110156102de575f81556001016102cb565b50505b505050565b81516001600160401b038111156102ff576102ff61024e565b6103138161030d8454610262565b8461029a565b6020601f821160018114610345575f831561032e5750848201515b5f19600385901b1c1916600184901b1784556102de565b5f84815260208120601f198516915b828110156103745787850151825560209485019460019092019101610354565b508482101561039157868401515f19600387901b60f8161c191681555b50505050600190811b01905550565b602081525f82518060208401528060208501604085015e5f604082850101526040601f19601f83011684010191505092915050565b80516020808301519190811015610294575f1960209190910360031b1b16919050565b60805160a05160c05160e05161010051610120516101405161016051610180516115366104875f395f818161029701528181610ad40152610b4201525f81816102be015281816105810152818161077401528181610a360152610cef01525f610ea901525f610e7801525f610fe101525f610fb901525f610f1401525f610f3e01525f610f6801526115365ff3fe608060405234801561000f575f5ffd5b50600436106100e5575f3560e01c80639e2fdd4111610088578063b8876fe011610063578063b8876fe01461026c578063e55aee261461027f578063eff31d9114610292578063fc0c546a146102b9575f5ffd5b80639e2fdd411461023d578063affed0e014610250578063b67644b914610259575f5ffd5b806389ce4c75116100c357806389ce4c75146101bf5780638e19899e146101e257806393b1d669146101f557806394739e8714610208575f5ffd5b806301a1c9f8146100e95780637a7ebd7b146100fe57806384b0196e146101a4575b5f5ffd5b6100fc6100f7366004611272565b6102f8565b005b61015b61010c3660046112ec565b600460208190525f9182526040909120805460018201546002830154600384015493909401546001600160a01b03928316949290911692906001600160401b0380821691600160401b90041686565b604080516001600160a01b0397881681529690951660208701529385019290925260608401526001600160401b0390811660808401521660a082015260c0015b60405180910390f35b6101ac6105bf565b60405161019b9796959493929190611331565b6101ca6301e1338081565b6040516001600160401b03909116815260200161019b565b6100fc6101f03660046112ec565b610601565b6100fc6102033660046112ec565b6107ac565b61022f7fd3c23f23c0b3fc5e1c44da189e201a7b4152df0dac1bb74e88b08f9ab6dee5d881565b60405190815260200161019b565b61022f61024b3660046113e2565b6108ca565b61022f60035481565b6100fc61026736600461141c565b61091f565b61022f61027a36600461143c565b610a6d565b61022f61028d36600461141c565b610d22565b6101ca7f000000000000000000000000000000000000000000000000000000000000000081565b6102e07f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b03909116815260200161019b565b610300610d70565b5f84815260046020526040902080546001600160a01b031661033d5760405163b08fc1cb60e01b8152600481018690526024015b60405180910390fd5b60018101546001600160a01b0316331461036a576040516356cab67b60e01b815260040160405180910390fd5b6004810154600160401b90046001600160401b0316158015906103a157506004810154600160401b90046001600160401b03164210155b156103bf57604051631cdde67b60e01b815260040160405180910390fd5b80600201548411156103f457600281015460405163965a3abb60e01b8152610334918691600401918252602082015260400190565b80600301548411610428576003810154604051633f380a7960e11b8152610334918691600401918252602082015260400190565b604080517fd3c23f23c0b3fc5e1c44da189e201a7b4152df0dac1bb74e88b08f9ab6dee5d86020820152908101869052606081018590525f90610484906080015b60405160208183030381529060405280519060200120610d98565b90505f5f6104c78387878080601f0160208091040260200160405190810160405280939291908181526020018383808284375f92019190915250610dc492505050565b5090925090505f8160038111156104e0576104e0611484565b1415806104fa575083546001600160a01b03838116911614155b1561051857604051635cd5d23360e01b815260040160405180910390fd5b5f84600301548861052991906114ac565b60038601899055604080518a8152602081018390529192508a917f6fe13f43e46c4f069b92e7759c0bd2b9433d68ed14bf23e39b75d44fd8c6b58f910160405180910390a260018501546105aa906001600160a01b037f00000000000000000000000000000000000000000000000000000000000000008116911683610e0d565b50505050506105b96001600255565b50505050565b5f6060805f5f5f60606105d0610e71565b6105d8610ea2565b604080515f80825260208201909252600f60f81b9b939a50919850469750309650945092509050565b610609610d70565b5f81815260046020526040902080546001600160a01b03166106415760405163b08fc1cb60e01b815260048101839052602401610334565b80546001600160a01b0316331461066b57604051631435e35760e01b815260040160405180910390fd5b6004810154600160401b90046001600160401b03165f0361069f5760405163f9b46b5f60e01b815260040160405180910390fd5b6004810154600160401b90046001600160401b03164210156106ee5760048181015460405163d606d83f60e01b8152600160401b9091046001600160401b031691810191909152602401610334565b5f8160030154826002015461070391906114ac565b9050805f0361072557604051630686827b60e51b815260040160405180910390fd5b6003820154600283015560405181815283907f6620f0849b3b96a180cce108df2fc1f0d6c68af3745da66e833b8c7c1600eddb9060200160405180910390a2815461079d906001600160a01b037f00000000000000000000000000000000000000000000000000000000000000008116911683610e0d565b50506107a96001600255565b50565b5f81815260046020526040902080546001600160a01b03166107e45760405163b08fc1cb60e01b815260048101839052602401610334565b80546001600160a01b0316331461080e57604051631435e35760e01b815260040160405180910390fd5b6004810154600160401b90046001600160401b0316156108415760405163b59fde0b60e01b815260040160405180910390fd5b60048101545f9061085b906001600160401b0316426114bf565b6004830180546fffffffffffffffff00000000000000001916600160401b6001600160401b0384169081029190911790915560405190815290915083907f513c2f7e597098def3859f0488669bbabe2ca09bb62070c14343e4cadc26ea209060200160405180910390a2505050565b6040805146602082015230918101919091526001600160a01b0380851660608301528316608082015260a081018290525f9060c0016040516020818303038152906040528051906020012090505b9392505050565b610927610d70565b5f82815260046020526040902080546001600160a01b031661095f5760405163b08fc1cb60e01b815260048101849052602401610334565b80546001600160a01b0316331461098957604051631435e35760e01b815260040160405180910390fd5b6004810154600160401b90046001600160401b0316156109bc5760405163b59fde0b60e01b815260040160405180910390fd5b815f036109dc57604051631f2a200560e01b815260040160405180910390fd5b81816002015f8282546109ef91906114de565b909155505060405182815283907f8fe679299dd065cb3d7e488e3501d2ca20409d22c814ad142928e5912335d4239060200160405180910390a2610a5e6001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016333085610ecf565b50610a696001600255565b5050565b5f610a76610d70565b825f03610a9657604051631f2a200560e01b815260040160405180910390fd5b6001600160a01b0384161580610ab457506001600160a01b03841633145b15610ad257604051636552260d60e11b815260040160405180910390fd5b7f00000000000000000000000000000000000000000000000000000000000000006001600160401b0316826001600160401b03161080610b1e57506301e133806001600160401b038316115b15610b795760405163dc27b20d60e01b81526001600160401b0380841660048301527f00000000000000000000000000000000000000000000000000000000000000001660248201526301e133806044820152606401610334565b600354610b878160016114de565b6003556040805146602082015230918101919091523360608201526001600160a01b038616608082015260a0810182905260c00160408051601f19818403018152828252805160209182012060c084018352338085526001600160a01b038a81168685018181528787018c81525f60608a018181526001600160401b03808f1660808d0190815260a08d018481528a855260049b8c9052938c90209c518d549089166001600160a01b0319918216178e55955160018e01805491909916961695909517909655915160028b0155905160038a0155905197909501805495518316600160401b026fffffffffffffffffffffffffffffffff1990961697909216969096179390931790925591519194509084907f89b1a37ddd2cb8c54b295ccc2be773b62bc6f9e3b941147407c28fa8d360207490610cda90899089909182526001600160401b0316602082015260400190565b60405180910390a4610d176001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016333087610ecf565b506109186001600255565b604080517fd3c23f23c0b3fc5e1c44da189e201a7b4152df0dac1bb74e88b08f9ab6dee5d86020820152908101839052606081018290525f90610d6790608001610469565b90505b92915050565b6002805403610d9257604051633ee5aeb560e01b815260040160405180910390fd5b60028055565b5f610d6a610da4610f08565b8360405161190160f01b8152600281019290925260228201526042902090565b5f5f5f8351604103610dfb576020840151604085015160608601515f1a610ded88828585611031565b955095509550505050610e06565b505081515f91506002905b9250925092565b6040516001600160a01b03838116602483015260448201839052610e6c91859182169063a9059cbb906064015b604051602081830303815290604052915060e01b6020820180516001600160e01b0383818316178352505050506110f9565b505050565b6060610e9d7f00000000000000000000000000000000000000000000000000000000000000005f611165565b905090565b6060610e9d7f00000000000000000000000000000000000000000000000000000000000000006001611165565b6040516001600160a01b0384811660248301528381166044830152606482018390526105b99186918216906323b872dd90608401610e3a565b5f306001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016148015610f6057507f000000000000000000000000000000000000000000000000000000000000000046145b15610f8a57507f000000000000000000000000000000000000000000000000000000000000000090565b610e9d604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201527f0000000000000000000000000000000000000000000000000000000000000000918101919091527f000000000000000000000000000000000000000000000000000000000000000060608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b5f80807f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a084111561106a57505f915060039050826110ef565b604080515f808252602082018084528a905260ff891692820192909252606081018790526080810186905260019060a0016020604051602081039080840390855afa1580156110bb573d5f5f3e3d5ffd5b5050604051601f1901519150506001600160a01b0381166110e657505f9250600191508290506110ef565b92505f91508190505b9450945094915050565b5f5f60205f8451602086015f885af180611118576040513d5f823e3d81fd5b50505f513d9150811561112f57806001141561113c565b6001600160a01b0384163b155b156105b957604051635274afe760e01b81526001600160a01b0385166004820152602401610334565b606060ff831461117f576111788361120e565b9050610d6a565b81805461118b906114f1565b80601f01602080910402602001604051908101604052809291908181526020018280546111b7906114f1565b80156112025780601f106111d957610100808354040283529160200191611202565b820191905f5260205f20905b8154815290600101906020018083116111e557829003601f168201915b50505050509050610d6a565b60605f61121a8361124b565b6040805160208082528183019092529192505f91906020820181803683375050509182525060208101929092525090565b5f60ff8216601f811115610d6a57604051632cd44ac360e21b815260040160405180910390fd5b5f5f5f5f60608587031215611285575f5ffd5b843593506020850135925060408501356001600160401b038111156112a8575f5ffd5b8501601f810187136112b8575f5ffd5b80356001600160401b038111156112cd575f5ffd5b8760208284010111156112de575f5ffd5b949793965060200194505050565b5f602082840312156112fc575f5ffd5b5035919050565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b60ff60f81b8816815260e060208201525f61134f60e0830189611303565b82810360408401526113618189611303565b606084018890526001600160a01b038716608085015260a0840186905283810360c0850152845180825260208087019350909101905f5b818110156113b6578351835260209384019390920191600101611398565b50909b9a5050505050505050505050565b80356001600160a01b03811681146113dd575f5ffd5b919050565b5f5f5f606084860312156113f4575f5ffd5b6113fd846113c7565b925061140b602085016113c7565b929592945050506040919091013590565b5f5f6040838503121561142d575f5ffd5b50508035926020909101359150565b5f5f5f6060848603121561144e575f5ffd5b611457846113c7565b92506020840135915060408401356001600160401b0381168114611479575f5ffd5b809150509250925092565b634e487b7160e01b5f52602160045260245ffd5b634e487b7160e01b5f52601160045260245ffd5b81810381811115610d6a57610d6a611498565b6001600160401b038181168382160190811115610d6a57610d6a611498565b80820180821115610d6a57610d6a611498565b600181811c9082168061150557607f821691505b60208210810361152357634e487b7160e01b5f52602260045260245ffd5b5091905056fea164736f6c634300081e000a",
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
