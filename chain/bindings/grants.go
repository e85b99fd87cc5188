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

// GrantsMetaData contains all meta data concerning the Grants contract.
var GrantsMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"contractIERC20\",\"name\":\"token_\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"owner_\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"registrar_\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"grantAmount_\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"gasAmount_\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"relayFee_\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[],\"name\":\"AlreadyClaimed\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"BadKind\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"BadOwner\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"BadSignature\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"Expired\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"FailedCall\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"balance\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"needed\",\"type\":\"uint256\"}],\"name\":\"InsufficientBalance\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidShortString\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"OwnableInvalidOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"OwnableUnauthorizedAccount\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ReentrancyGuardReentrantCall\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"}],\"name\":\"SafeERC20FailedOperation\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"str\",\"type\":\"string\"}],\"name\":\"StringTooLong\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"grantAmount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"gasAmount\",\"type\":\"uint256\"}],\"name\":\"AmountsChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"relayer\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"fee\",\"type\":\"uint256\"}],\"name\":\"ClaimRelayed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"device\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"gas\",\"type\":\"uint256\"}],\"name\":\"Claimed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[],\"name\":\"EIP712DomainChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousOwner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"OwnershipTransferred\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"address\",\"name\":\"registrar\",\"type\":\"address\"}],\"name\":\"RegistrarChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"relayFee\",\"type\":\"uint256\"}],\"name\":\"RelayFeeChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"tokenAmount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"nativeAmount\",\"type\":\"uint256\"}],\"name\":\"Returned\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"uint8\",\"name\":\"kind\",\"type\":\"uint8\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"memo\",\"type\":\"string\"}],\"name\":\"Rewarded\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"CLAIM_RELAY_TYPEHASH\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"KIND_DEVELOPER\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"KIND_OTHER\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"KIND_SKILL\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"SIGNUP_TYPEHASH\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"device\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"expiry\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"registrarSignature\",\"type\":\"bytes\"}],\"name\":\"claim\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"device\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"expiry\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"registrarSignature\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"ownerSignature\",\"type\":\"bytes\"}],\"name\":\"claimRelayed\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"device\",\"type\":\"bytes32\"}],\"name\":\"deviceClaimed\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"eip712Domain\",\"outputs\":[{\"internalType\":\"bytes1\",\"name\":\"fields\",\"type\":\"bytes1\"},{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"version\",\"type\":\"string\"},{\"internalType\":\"uint256\",\"name\":\"chainId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"verifyingContract\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"salt\",\"type\":\"bytes32\"},{\"internalType\":\"uint256[]\",\"name\":\"extensions\",\"type\":\"uint256[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"gasAmount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"grantAmount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"owner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"ownerClaimed\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"registrar\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"relayFee\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"renounceOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"addresspayable\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenAmount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"nativeAmount\",\"type\":\"uint256\"}],\"name\":\"returnFunds\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"kind\",\"type\":\"uint8\"},{\"internalType\":\"string\",\"name\":\"memo\",\"type\":\"string\"}],\"name\":\"reward\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"grantAmount_\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"gasAmount_\",\"type\":\"uint256\"}],\"name\":\"setAmounts\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"registrar_\",\"type\":\"address\"}],\"name\":\"setRegistrar\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"relayFee_\",\"type\":\"uint256\"}],\"name\":\"setRelayFee\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"device\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"expiry\",\"type\":\"uint256\"}],\"name\":\"signUpDigest\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"token\",\"outputs\":[{\"internalType\":\"contractIERC20\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"transferOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"stateMutability\":\"payable\",\"type\":\"receive\"}]",
	ID:  "Grants",
	Bin: "0x610180604052348015610010575f5ffd5b50604051611b42380380611b4283398101604081905261002f9161030d565b604080518082018252600e81526d4d7963726f6674204772616e747360901b602080830191909152825180840190935260018352603160f81b9083015290866001600160a01b03811661009c57604051631e4fbdf760e01b81525f60048201526024015b60405180910390fd5b6100a581610238565b506100b1826001610287565b610120526100c0816002610287565b61014052815160208084019190912060e052815190820120610100524660a05261014c60e05161010051604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201529081019290925260608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b60805250503060c05260016003556001600160a01b0386811661016052600480546001600160a01b0319169186169182179055600584905560068390556040519081527f6e4c52923c1e70447ecc72995ce26bf2400d9c26b1a7c21ab433e7caff8d40a29060200160405180910390a160408051848152602081018490527f2bed2865fdf57e3bd99997a5acdf1689597ce1c9c6b9f75d75454761aa357fb6910160405180910390a160078190556040518181527fae2d3f555d21f77a65192c9b0cafa30208f03c744ac28b8ea3911ab1560cd8549060200160405180910390a150505050505061051d565b5f80546001600160a01b038381166001600160a01b0319831681178455604051919092169283917f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e09190a35050565b5f6020835110156102a25761029b836102b9565b90506102b3565b816102ad848261040b565b5060ff90505b92915050565b5f5f829050601f815111156102e3578260405163305a27a960e01b815260040161009391906104c5565b80516102ee826104fa565b179392505050565b6001600160a01b038116811461030a575f5ffd5b50565b5f5f5f5f5f5f60c08789031215610322575f5ffd5b865161032d816102f6565b602088015190965061033e816102f6565b604088015190955061034f816102f6565b6060880151608089015160a090990151979a96995090979096909590945092505050565b634e487b7160e01b5f52604160045260245ffd5b600181811c9082168061039b57607f821691505b6020821081036103b957634e487b7160e01b5f52602260045260245ffd5b50919050565b601f82111561040657805f5260205f20601f840160051c810160208510156103e45750805b601f840160051c820191505b81811015610403575f81556001016103f0565b50505b505050565b81516001600160401b0381111561042457610424610373565b610438816104328454610387565b846103bf565b6020601f82116001811461046a575f83156104535750848201515b5f19600385901b1c1916600184901b178455610403565b5f84815260208120601f198516915b828110156104995787850151825560209485019460019092019101610479565b50848210156104b657868401515f19600387901b60f8161c191681555b50505050600190811b01905550565b602081525f82518060208401528060208501604085015e5f604082850101526040601f19601f83011684010191505092915050565b805160208083015191908110156103b9575f1960209190910360031b1b16919050565b60805160a05160c05160e051610100516101205161014051610160516115ae6105945f395f818161047e015281816105070152818161064e01528181610d9a0152610dd401525f610e5101525f610e1f01525f610fe401525f610fbc01525f610f1701525f610f4101525f610f6b01526115ae5ff3fe60806040526004361061014a575f3560e01c806384b0196e116100b3578063c9d095f11161006d578063c9d095f1146103aa578063dd81e7be146103dd578063e51d4811146103fc578063f2fde38b1461042f578063faab9d391461044e578063fc0c546a1461046d575f5ffd5b806384b0196e146103025780638da5cb5b14610329578063944e85fb14610345578063983234b6146103595780639838510914610378578063acc6c38614610397575f5ffd5b80636425426211610104578063642542621461025157806367b50af914610277578063715018a61461028c57806371d30863146102a057806377685097146102b557806381347fc2146102e3575f5ffd5b8063097d5adb146101555780630ded499b146101985780630f0f13ca146101b95780632b20e397146101e657806352fdb2bb1461021d57806355aef6c514610232575f5ffd5b3661015157005b5f5ffd5b348015610160575f5ffd5b5061018361016f36600461120a565b60096020525f908152604090205460ff1681565b60405190151581526020015b60405180910390f35b3480156101a3575f5ffd5b506101b76101b2366004611235565b6104a0565b005b3480156101c4575f5ffd5b506101d86101d3366004611235565b61054d565b60405190815260200161018f565b3480156101f1575f5ffd5b50600454610205906001600160a01b031681565b6040516001600160a01b03909116815260200161018f565b348015610228575f5ffd5b506101d860055481565b34801561023d575f5ffd5b506101b761024c3660046112ac565b6105c3565b34801561025c575f5ffd5b50610265600281565b60405160ff909116815260200161018f565b348015610282575f5ffd5b506101d860065481565b348015610297575f5ffd5b506101b7610686565b3480156102ab575f5ffd5b506101d860075481565b3480156102c0575f5ffd5b506101836102cf36600461131f565b60086020525f908152604090205460ff1681565b3480156102ee575f5ffd5b506101b76102fd366004611341565b610699565b34801561030d575f5ffd5b506103166107b4565b60405161018f9796959493929190611403565b348015610334575f5ffd5b505f546001600160a01b0316610205565b348015610350575f5ffd5b50610265600181565b348015610364575f5ffd5b506101b7610373366004611499565b6107f6565b348015610383575f5ffd5b506101b761039236600461120a565b610845565b3480156103a2575f5ffd5b506102655f81565b3480156103b5575f5ffd5b506101d87f15313192208048a78e74b593024f2cc097319cd7e1065b680878b2e1323c307081565b3480156103e8575f5ffd5b506101b76103f73660046114b9565b610889565b348015610407575f5ffd5b506101d87fc90548dc035cc7097ff00c31af9ee79ff39d0f2ee2e43ac492630cdfc512647181565b34801561043a575f5ffd5b506101b761044936600461131f565b61089f565b348015610459575f5ffd5b506101b761046836600461131f565b6108e1565b348015610478575f5ffd5b506102057f000000000000000000000000000000000000000000000000000000000000000081565b6104a8610937565b6104b0610963565b60408051838152602081018390526001600160a01b038516917f038e5485c9947dae7ff2f1a9213b7cc1b6d0aee561a8bc6c768af736d007b6cb910160405180910390a2811561052e5761052e6001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016848461098d565b801561053e5761053e83826109df565b6105486001600355565b505050565b604080517fc90548dc035cc7097ff00c31af9ee79ff39d0f2ee2e43ac492630cdfc512647160208201526001600160a01b0385169181019190915260608101839052608081018290525f906105bb9060a0015b60405160208183030381529060405280519060200120610a71565b949350505050565b6105cb610937565b6105d3610963565b600260ff841611156105f85760405163015a1a6160e51b815260040160405180910390fd5b8260ff16856001600160a01b03167fd3c49dddb182027edc08383761d300b36806470c7ddae7e3d6aa24c2ab6b773686858560405161063993929190611501565b60405180910390a36106756001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016868661098d565b61067f6001600355565b5050505050565b61068e610937565b6106975f610aa3565b565b6106a1610963565b604080517f15313192208048a78e74b593024f2cc097319cd7e1065b680878b2e1323c307060208201526001600160a01b03891691810191909152606081018790523360808201525f906106f79060a0016105a0565b90505f5f61073a8386868080601f0160208091040260200160405190810160405280939291908181526020018383808284375f92019190915250610af292505050565b5090925090505f81600381111561075357610753611536565b1415806107725750896001600160a01b0316826001600160a01b031614155b1561079057604051635cd5d23360e01b815260040160405180910390fd5b61079e8a8a8a8a8a33610b3b565b5050506107ab6001600355565b50505050505050565b5f6060805f5f5f60606107c5610e18565b6107cd610e4a565b604080515f80825260208201909252600f60f81b9b939a50919850469750309650945092509050565b6107fe610937565b6005829055600681905560408051838152602081018390527f2bed2865fdf57e3bd99997a5acdf1689597ce1c9c6b9f75d75454761aa357fb6910160405180910390a15050565b61084d610937565b60078190556040518181527fae2d3f555d21f77a65192c9b0cafa30208f03c744ac28b8ea3911ab1560cd854906020015b60405180910390a150565b610891610963565b61067585858585855f610b3b565b6108a7610937565b6001600160a01b0381166108d557604051631e4fbdf760e01b81525f60048201526024015b60405180910390fd5b6108de81610aa3565b50565b6108e9610937565b600480546001600160a01b0319166001600160a01b0383169081179091556040519081527f6e4c52923c1e70447ecc72995ce26bf2400d9c26b1a7c21ab433e7caff8d40a29060200161087e565b5f546001600160a01b031633146106975760405163118cdaa760e01b81523360048201526024016108cc565b60026003540361098657604051633ee5aeb560e01b815260040160405180910390fd5b6002600355565b604080516001600160a01b038416602482015260448082018490528251808303909101815260649091019091526020810180516001600160e01b031663a9059cbb60e01b179052610548908490610e77565b80471015610a095760405163cf47918160e01b8152476004820152602481018290526044016108cc565b5f5f836001600160a01b0316836040515f6040518083038185875af1925050503d805f8114610a53576040519150601f19603f3d011682016040523d82523d5f602084013e610a58565b606091505b509150915081610a6b57610a6b81610ee3565b50505050565b5f610a9d610a7d610f0b565b8360405161190160f01b8152600281019290925260228201526042902090565b92915050565b5f80546001600160a01b038381166001600160a01b0319831681178455604051919092169283917f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e09190a35050565b5f5f5f8351604103610b29576020840151604085015160608601515f1a610b1b88828585611034565b955095509550505050610b34565b505081515f91506002905b9250925092565b6001600160a01b038616610b62576040516373cb018f60e01b815260040160405180910390fd5b83421115610b8357604051630407b05b60e31b815260040160405180910390fd5b6001600160a01b0386165f9081526008602052604090205460ff1680610bb657505f8581526009602052604090205460ff165b15610bd457604051630c8d9eab60e31b815260040160405180910390fd5b5f5f610c1f610be489898961054d565b86868080601f0160208091040260200160405190810160405280939291908181526020018383808284375f92019190915250610af292505050565b5090925090505f816003811115610c3857610c38611536565b141580610c5357506004546001600160a01b03838116911614155b80610c6557506001600160a01b038216155b15610c8357604051635cd5d23360e01b815260040160405180910390fd5b6001600160a01b038881165f9081526008602090815260408083208054600160ff1991821681179092558c8552600990935290832080549092161790556005546006549092909190861615610d41578260075410610ce15782610ce5565b6007545b9050610cf1818461154a565b9250856001600160a01b03168b6001600160a01b03167f88874b3bb8199fc80c1cafc83da6f88dd90bbff923be0dcbb5b518e05e7ad6fa83604051610d3891815260200190565b60405180910390a35b60408051848152602081018490528b916001600160a01b038e16917f7c6b338bd1a762ed17afe6b41e0f3ce0fb9da7c63e05eb1abbba460cec24c148910160405180910390a38015610dc157610dc16001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016878361098d565b8215610dfb57610dfb6001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000168c8561098d565b8115610e0b57610e0b8b836109df565b5050505050505050505050565b6060610e457f000000000000000000000000000000000000000000000000000000000000000060016110fc565b905090565b6060610e457f000000000000000000000000000000000000000000000000000000000000000060026110fc565b5f5f60205f8451602086015f885af180610e96576040513d5f823e3d81fd5b50505f513d91508115610ead578060011415610eba565b6001600160a01b0384163b155b15610a6b57604051635274afe760e01b81526001600160a01b03851660048201526024016108cc565b805115610ef257805160208201fd5b60405163d6bda27560e01b815260040160405180910390fd5b5f306001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016148015610f6357507f000000000000000000000000000000000000000000000000000000000000000046145b15610f8d57507f000000000000000000000000000000000000000000000000000000000000000090565b610e45604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201527f0000000000000000000000000000000000000000000000000000000000000000918101919091527f000000000000000000000000000000000000000000000000000000000000000060608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b5f80807f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a084111561106d57505f915060039050826110f2565b604080515f808252602082018084528a905260ff891692820192909252606081018790526080810186905260019060a0016020604051602081039080840390855afa1580156110be573d5f5f3e3d5ffd5b5050604051601f1901519150506001600160a01b0381166110e957505f9250600191508290506110f2565b92505f91508190505b9450945094915050565b606060ff83146111165761110f836111a6565b9050610a9d565b81805461112290611569565b80601f016020809104026020016040519081016040528092919081815260200182805461114e90611569565b80156111995780601f1061117057610100808354040283529160200191611199565b820191905f5260205f20905b81548152906001019060200180831161117c57829003601f168201915b5050505050905092915050565b60605f6111b2836111e3565b6040805160208082528183019092529192505f91906020820181803683375050509182525060208101929092525090565b5f60ff8216601f811115610a9d57604051632cd44ac360e21b815260040160405180910390fd5b5f6020828403121561121a575f5ffd5b5035919050565b6001600160a01b03811681146108de575f5ffd5b5f5f5f60608486031215611247575f5ffd5b833561125281611221565b95602085013595506040909401359392505050565b5f5f83601f840112611277575f5ffd5b50813567ffffffffffffffff81111561128e575f5ffd5b6020830191508360208285010111156112a5575f5ffd5b9250929050565b5f5f5f5f5f608086880312156112c0575f5ffd5b85356112cb81611221565b945060208601359350604086013560ff811681146112e7575f5ffd5b9250606086013567ffffffffffffffff811115611302575f5ffd5b61130e88828901611267565b969995985093965092949392505050565b5f6020828403121561132f575f5ffd5b813561133a81611221565b9392505050565b5f5f5f5f5f5f5f60a0888a031215611357575f5ffd5b873561136281611221565b96506020880135955060408801359450606088013567ffffffffffffffff81111561138b575f5ffd5b6113978a828b01611267565b909550935050608088013567ffffffffffffffff8111156113b6575f5ffd5b6113c28a828b01611267565b989b979a50959850939692959293505050565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b60ff60f81b8816815260e060208201525f61142160e08301896113d5565b828103604084015261143381896113d5565b606084018890526001600160a01b038716608085015260a0840186905283810360c0850152845180825260208087019350909101905f5b8181101561148857835183526020938401939092019160010161146a565b50909b9a5050505050505050505050565b5f5f604083850312156114aa575f5ffd5b50508035926020909101359150565b5f5f5f5f5f608086880312156114cd575f5ffd5b85356114d881611221565b94506020860135935060408601359250606086013567ffffffffffffffff811115611302575f5ffd5b83815260406020820152816040820152818360608301375f818301606090810191909152601f909201601f1916010192915050565b634e487b7160e01b5f52602160045260245ffd5b81810381811115610a9d57634e487b7160e01b5f52601160045260245ffd5b600181811c9082168061157d57607f821691505b60208210810361159b57634e487b7160e01b5f52602260045260245ffd5b5091905056fea164736f6c634300081e000a",
}

// Grants is an auto generated Go binding around an Ethereum contract.
type Grants struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *Grants) GetABI() abi.ABI {
	return c.abi
}

// NewGrants creates a new instance of Grants.
func NewGrants() *Grants {
	parsed, err := GrantsMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &Grants{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *Grants) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address token_, address owner_, address registrar_, uint256 grantAmount_, uint256 gasAmount_, uint256 relayFee_) returns()
func (grants *Grants) PackConstructor(token_ common.Address, owner_ common.Address, registrar_ common.Address, grantAmount_ *big.Int, gasAmount_ *big.Int, relayFee_ *big.Int) []byte {
	enc, err := grants.abi.Pack("", token_, owner_, registrar_, grantAmount_, gasAmount_, relayFee_)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackCLAIMRELAYTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc9d095f1.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function CLAIM_RELAY_TYPEHASH() view returns(bytes32)
func (grants *Grants) PackCLAIMRELAYTYPEHASH() []byte {
	enc, err := grants.abi.Pack("CLAIM_RELAY_TYPEHASH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCLAIMRELAYTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc9d095f1.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function CLAIM_RELAY_TYPEHASH() view returns(bytes32)
func (grants *Grants) TryPackCLAIMRELAYTYPEHASH() ([]byte, error) {
	return grants.abi.Pack("CLAIM_RELAY_TYPEHASH")
}

// UnpackCLAIMRELAYTYPEHASH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc9d095f1.
//
// Solidity: function CLAIM_RELAY_TYPEHASH() view returns(bytes32)
func (grants *Grants) UnpackCLAIMRELAYTYPEHASH(data []byte) ([32]byte, error) {
	out, err := grants.abi.Unpack("CLAIM_RELAY_TYPEHASH", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackKINDDEVELOPER is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x944e85fb.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function KIND_DEVELOPER() view returns(uint8)
func (grants *Grants) PackKINDDEVELOPER() []byte {
	enc, err := grants.abi.Pack("KIND_DEVELOPER")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackKINDDEVELOPER is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x944e85fb.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function KIND_DEVELOPER() view returns(uint8)
func (grants *Grants) TryPackKINDDEVELOPER() ([]byte, error) {
	return grants.abi.Pack("KIND_DEVELOPER")
}

// UnpackKINDDEVELOPER is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x944e85fb.
//
// Solidity: function KIND_DEVELOPER() view returns(uint8)
func (grants *Grants) UnpackKINDDEVELOPER(data []byte) (uint8, error) {
	out, err := grants.abi.Unpack("KIND_DEVELOPER", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackKINDOTHER is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x64254262.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function KIND_OTHER() view returns(uint8)
func (grants *Grants) PackKINDOTHER() []byte {
	enc, err := grants.abi.Pack("KIND_OTHER")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackKINDOTHER is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x64254262.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function KIND_OTHER() view returns(uint8)
func (grants *Grants) TryPackKINDOTHER() ([]byte, error) {
	return grants.abi.Pack("KIND_OTHER")
}

// UnpackKINDOTHER is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x64254262.
//
// Solidity: function KIND_OTHER() view returns(uint8)
func (grants *Grants) UnpackKINDOTHER(data []byte) (uint8, error) {
	out, err := grants.abi.Unpack("KIND_OTHER", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackKINDSKILL is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xacc6c386.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function KIND_SKILL() view returns(uint8)
func (grants *Grants) PackKINDSKILL() []byte {
	enc, err := grants.abi.Pack("KIND_SKILL")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackKINDSKILL is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xacc6c386.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function KIND_SKILL() view returns(uint8)
func (grants *Grants) TryPackKINDSKILL() ([]byte, error) {
	return grants.abi.Pack("KIND_SKILL")
}

// UnpackKINDSKILL is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xacc6c386.
//
// Solidity: function KIND_SKILL() view returns(uint8)
func (grants *Grants) UnpackKINDSKILL(data []byte) (uint8, error) {
	out, err := grants.abi.Unpack("KIND_SKILL", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackSIGNUPTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe51d4811.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function SIGNUP_TYPEHASH() view returns(bytes32)
func (grants *Grants) PackSIGNUPTYPEHASH() []byte {
	enc, err := grants.abi.Pack("SIGNUP_TYPEHASH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSIGNUPTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe51d4811.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function SIGNUP_TYPEHASH() view returns(bytes32)
func (grants *Grants) TryPackSIGNUPTYPEHASH() ([]byte, error) {
	return grants.abi.Pack("SIGNUP_TYPEHASH")
}

// UnpackSIGNUPTYPEHASH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe51d4811.
//
// Solidity: function SIGNUP_TYPEHASH() view returns(bytes32)
func (grants *Grants) UnpackSIGNUPTYPEHASH(data []byte) ([32]byte, error) {
	out, err := grants.abi.Unpack("SIGNUP_TYPEHASH", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackClaim is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdd81e7be.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function claim(address owner, bytes32 device, uint256 expiry, bytes registrarSignature) returns()
func (grants *Grants) PackClaim(owner common.Address, device [32]byte, expiry *big.Int, registrarSignature []byte) []byte {
	enc, err := grants.abi.Pack("claim", owner, device, expiry, registrarSignature)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackClaim is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdd81e7be.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function claim(address owner, bytes32 device, uint256 expiry, bytes registrarSignature) returns()
func (grants *Grants) TryPackClaim(owner common.Address, device [32]byte, expiry *big.Int, registrarSignature []byte) ([]byte, error) {
	return grants.abi.Pack("claim", owner, device, expiry, registrarSignature)
}

// PackClaimRelayed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x81347fc2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function claimRelayed(address owner, bytes32 device, uint256 expiry, bytes registrarSignature, bytes ownerSignature) returns()
func (grants *Grants) PackClaimRelayed(owner common.Address, device [32]byte, expiry *big.Int, registrarSignature []byte, ownerSignature []byte) []byte {
	enc, err := grants.abi.Pack("claimRelayed", owner, device, expiry, registrarSignature, ownerSignature)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackClaimRelayed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x81347fc2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function claimRelayed(address owner, bytes32 device, uint256 expiry, bytes registrarSignature, bytes ownerSignature) returns()
func (grants *Grants) TryPackClaimRelayed(owner common.Address, device [32]byte, expiry *big.Int, registrarSignature []byte, ownerSignature []byte) ([]byte, error) {
	return grants.abi.Pack("claimRelayed", owner, device, expiry, registrarSignature, ownerSignature)
}

// PackDeviceClaimed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x097d5adb.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function deviceClaimed(bytes32 device) view returns(bool)
func (grants *Grants) PackDeviceClaimed(device [32]byte) []byte {
	enc, err := grants.abi.Pack("deviceClaimed", device)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDeviceClaimed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x097d5adb.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function deviceClaimed(bytes32 device) view returns(bool)
func (grants *Grants) TryPackDeviceClaimed(device [32]byte) ([]byte, error) {
	return grants.abi.Pack("deviceClaimed", device)
}

// UnpackDeviceClaimed is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x097d5adb.
//
// Solidity: function deviceClaimed(bytes32 device) view returns(bool)
func (grants *Grants) UnpackDeviceClaimed(data []byte) (bool, error) {
	out, err := grants.abi.Unpack("deviceClaimed", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackEip712Domain is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x84b0196e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (grants *Grants) PackEip712Domain() []byte {
	enc, err := grants.abi.Pack("eip712Domain")
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
func (grants *Grants) TryPackEip712Domain() ([]byte, error) {
	return grants.abi.Pack("eip712Domain")
}

// GrantsEip712DomainOutput serves as a container for the return parameters of contract
// method Eip712Domain.
type GrantsEip712DomainOutput struct {
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
func (grants *Grants) UnpackEip712Domain(data []byte) (GrantsEip712DomainOutput, error) {
	out, err := grants.abi.Unpack("eip712Domain", data)
	outstruct := new(GrantsEip712DomainOutput)
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

// PackGasAmount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x67b50af9.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function gasAmount() view returns(uint256)
func (grants *Grants) PackGasAmount() []byte {
	enc, err := grants.abi.Pack("gasAmount")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGasAmount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x67b50af9.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function gasAmount() view returns(uint256)
func (grants *Grants) TryPackGasAmount() ([]byte, error) {
	return grants.abi.Pack("gasAmount")
}

// UnpackGasAmount is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x67b50af9.
//
// Solidity: function gasAmount() view returns(uint256)
func (grants *Grants) UnpackGasAmount(data []byte) (*big.Int, error) {
	out, err := grants.abi.Unpack("gasAmount", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackGrantAmount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x52fdb2bb.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function grantAmount() view returns(uint256)
func (grants *Grants) PackGrantAmount() []byte {
	enc, err := grants.abi.Pack("grantAmount")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGrantAmount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x52fdb2bb.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function grantAmount() view returns(uint256)
func (grants *Grants) TryPackGrantAmount() ([]byte, error) {
	return grants.abi.Pack("grantAmount")
}

// UnpackGrantAmount is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x52fdb2bb.
//
// Solidity: function grantAmount() view returns(uint256)
func (grants *Grants) UnpackGrantAmount(data []byte) (*big.Int, error) {
	out, err := grants.abi.Unpack("grantAmount", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8da5cb5b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function owner() view returns(address)
func (grants *Grants) PackOwner() []byte {
	enc, err := grants.abi.Pack("owner")
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
func (grants *Grants) TryPackOwner() ([]byte, error) {
	return grants.abi.Pack("owner")
}

// UnpackOwner is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (grants *Grants) UnpackOwner(data []byte) (common.Address, error) {
	out, err := grants.abi.Unpack("owner", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackOwnerClaimed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x77685097.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function ownerClaimed(address owner) view returns(bool)
func (grants *Grants) PackOwnerClaimed(owner common.Address) []byte {
	enc, err := grants.abi.Pack("ownerClaimed", owner)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOwnerClaimed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x77685097.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function ownerClaimed(address owner) view returns(bool)
func (grants *Grants) TryPackOwnerClaimed(owner common.Address) ([]byte, error) {
	return grants.abi.Pack("ownerClaimed", owner)
}

// UnpackOwnerClaimed is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x77685097.
//
// Solidity: function ownerClaimed(address owner) view returns(bool)
func (grants *Grants) UnpackOwnerClaimed(data []byte) (bool, error) {
	out, err := grants.abi.Unpack("ownerClaimed", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackRegistrar is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2b20e397.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function registrar() view returns(address)
func (grants *Grants) PackRegistrar() []byte {
	enc, err := grants.abi.Pack("registrar")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRegistrar is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2b20e397.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function registrar() view returns(address)
func (grants *Grants) TryPackRegistrar() ([]byte, error) {
	return grants.abi.Pack("registrar")
}

// UnpackRegistrar is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x2b20e397.
//
// Solidity: function registrar() view returns(address)
func (grants *Grants) UnpackRegistrar(data []byte) (common.Address, error) {
	out, err := grants.abi.Unpack("registrar", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackRelayFee is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x71d30863.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function relayFee() view returns(uint256)
func (grants *Grants) PackRelayFee() []byte {
	enc, err := grants.abi.Pack("relayFee")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRelayFee is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x71d30863.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function relayFee() view returns(uint256)
func (grants *Grants) TryPackRelayFee() ([]byte, error) {
	return grants.abi.Pack("relayFee")
}

// UnpackRelayFee is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x71d30863.
//
// Solidity: function relayFee() view returns(uint256)
func (grants *Grants) UnpackRelayFee(data []byte) (*big.Int, error) {
	out, err := grants.abi.Unpack("relayFee", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackRenounceOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x715018a6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function renounceOwnership() returns()
func (grants *Grants) PackRenounceOwnership() []byte {
	enc, err := grants.abi.Pack("renounceOwnership")
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
func (grants *Grants) TryPackRenounceOwnership() ([]byte, error) {
	return grants.abi.Pack("renounceOwnership")
}

// PackReturnFunds is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0ded499b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function returnFunds(address to, uint256 tokenAmount, uint256 nativeAmount) returns()
func (grants *Grants) PackReturnFunds(to common.Address, tokenAmount *big.Int, nativeAmount *big.Int) []byte {
	enc, err := grants.abi.Pack("returnFunds", to, tokenAmount, nativeAmount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackReturnFunds is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0ded499b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function returnFunds(address to, uint256 tokenAmount, uint256 nativeAmount) returns()
func (grants *Grants) TryPackReturnFunds(to common.Address, tokenAmount *big.Int, nativeAmount *big.Int) ([]byte, error) {
	return grants.abi.Pack("returnFunds", to, tokenAmount, nativeAmount)
}

// PackReward is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x55aef6c5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function reward(address to, uint256 amount, uint8 kind, string memo) returns()
func (grants *Grants) PackReward(to common.Address, amount *big.Int, kind uint8, memo string) []byte {
	enc, err := grants.abi.Pack("reward", to, amount, kind, memo)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackReward is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x55aef6c5.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function reward(address to, uint256 amount, uint8 kind, string memo) returns()
func (grants *Grants) TryPackReward(to common.Address, amount *big.Int, kind uint8, memo string) ([]byte, error) {
	return grants.abi.Pack("reward", to, amount, kind, memo)
}

// PackSetAmounts is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x983234b6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setAmounts(uint256 grantAmount_, uint256 gasAmount_) returns()
func (grants *Grants) PackSetAmounts(grantAmount *big.Int, gasAmount *big.Int) []byte {
	enc, err := grants.abi.Pack("setAmounts", grantAmount, gasAmount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetAmounts is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x983234b6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setAmounts(uint256 grantAmount_, uint256 gasAmount_) returns()
func (grants *Grants) TryPackSetAmounts(grantAmount *big.Int, gasAmount *big.Int) ([]byte, error) {
	return grants.abi.Pack("setAmounts", grantAmount, gasAmount)
}

// PackSetRegistrar is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfaab9d39.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setRegistrar(address registrar_) returns()
func (grants *Grants) PackSetRegistrar(registrar common.Address) []byte {
	enc, err := grants.abi.Pack("setRegistrar", registrar)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetRegistrar is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfaab9d39.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setRegistrar(address registrar_) returns()
func (grants *Grants) TryPackSetRegistrar(registrar common.Address) ([]byte, error) {
	return grants.abi.Pack("setRegistrar", registrar)
}

// PackSetRelayFee is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x98385109.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setRelayFee(uint256 relayFee_) returns()
func (grants *Grants) PackSetRelayFee(relayFee *big.Int) []byte {
	enc, err := grants.abi.Pack("setRelayFee", relayFee)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetRelayFee is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x98385109.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setRelayFee(uint256 relayFee_) returns()
func (grants *Grants) TryPackSetRelayFee(relayFee *big.Int) ([]byte, error) {
	return grants.abi.Pack("setRelayFee", relayFee)
}

// PackSignUpDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0f0f13ca.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function signUpDigest(address owner, bytes32 device, uint256 expiry) view returns(bytes32)
func (grants *Grants) PackSignUpDigest(owner common.Address, device [32]byte, expiry *big.Int) []byte {
	enc, err := grants.abi.Pack("signUpDigest", owner, device, expiry)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSignUpDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0f0f13ca.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function signUpDigest(address owner, bytes32 device, uint256 expiry) view returns(bytes32)
func (grants *Grants) TryPackSignUpDigest(owner common.Address, device [32]byte, expiry *big.Int) ([]byte, error) {
	return grants.abi.Pack("signUpDigest", owner, device, expiry)
}

// UnpackSignUpDigest is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x0f0f13ca.
//
// Solidity: function signUpDigest(address owner, bytes32 device, uint256 expiry) view returns(bytes32)
func (grants *Grants) UnpackSignUpDigest(data []byte) ([32]byte, error) {
	out, err := grants.abi.Unpack("signUpDigest", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackToken is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfc0c546a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function token() view returns(address)
func (grants *Grants) PackToken() []byte {
	enc, err := grants.abi.Pack("token")
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
func (grants *Grants) TryPackToken() ([]byte, error) {
	return grants.abi.Pack("token")
}

// UnpackToken is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xfc0c546a.
//
// Solidity: function token() view returns(address)
func (grants *Grants) UnpackToken(data []byte) (common.Address, error) {
	out, err := grants.abi.Unpack("token", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackTransferOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf2fde38b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (grants *Grants) PackTransferOwnership(newOwner common.Address) []byte {
	enc, err := grants.abi.Pack("transferOwnership", newOwner)
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
func (grants *Grants) TryPackTransferOwnership(newOwner common.Address) ([]byte, error) {
	return grants.abi.Pack("transferOwnership", newOwner)
}

// GrantsAmountsChanged represents a AmountsChanged event raised by the Grants contract.
type GrantsAmountsChanged struct {
	GrantAmount *big.Int
	GasAmount   *big.Int
	Raw         *types.Log // Blockchain specific contextual infos
}

const GrantsAmountsChangedEventName = "AmountsChanged"

// ContractEventName returns the user-defined event name.
func (GrantsAmountsChanged) ContractEventName() string {
	return GrantsAmountsChangedEventName
}

// UnpackAmountsChangedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event AmountsChanged(uint256 grantAmount, uint256 gasAmount)
func (grants *Grants) UnpackAmountsChangedEvent(log *types.Log) (*GrantsAmountsChanged, error) {
	event := "AmountsChanged"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != grants.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(GrantsAmountsChanged)
	if len(log.Data) > 0 {
		if err := grants.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range grants.abi.Events[event].Inputs {
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

// GrantsClaimRelayed represents a ClaimRelayed event raised by the Grants contract.
type GrantsClaimRelayed struct {
	Owner   common.Address
	Relayer common.Address
	Fee     *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const GrantsClaimRelayedEventName = "ClaimRelayed"

// ContractEventName returns the user-defined event name.
func (GrantsClaimRelayed) ContractEventName() string {
	return GrantsClaimRelayedEventName
}

// UnpackClaimRelayedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ClaimRelayed(address indexed owner, address indexed relayer, uint256 fee)
func (grants *Grants) UnpackClaimRelayedEvent(log *types.Log) (*GrantsClaimRelayed, error) {
	event := "ClaimRelayed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != grants.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(GrantsClaimRelayed)
	if len(log.Data) > 0 {
		if err := grants.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range grants.abi.Events[event].Inputs {
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

// GrantsClaimed represents a Claimed event raised by the Grants contract.
type GrantsClaimed struct {
	Owner  common.Address
	Device [32]byte
	Amount *big.Int
	Gas    *big.Int
	Raw    *types.Log // Blockchain specific contextual infos
}

const GrantsClaimedEventName = "Claimed"

// ContractEventName returns the user-defined event name.
func (GrantsClaimed) ContractEventName() string {
	return GrantsClaimedEventName
}

// UnpackClaimedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Claimed(address indexed owner, bytes32 indexed device, uint256 amount, uint256 gas)
func (grants *Grants) UnpackClaimedEvent(log *types.Log) (*GrantsClaimed, error) {
	event := "Claimed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != grants.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(GrantsClaimed)
	if len(log.Data) > 0 {
		if err := grants.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range grants.abi.Events[event].Inputs {
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

// GrantsEIP712DomainChanged represents a EIP712DomainChanged event raised by the Grants contract.
type GrantsEIP712DomainChanged struct {
	Raw *types.Log // Blockchain specific contextual infos
}

const GrantsEIP712DomainChangedEventName = "EIP712DomainChanged"

// ContractEventName returns the user-defined event name.
func (GrantsEIP712DomainChanged) ContractEventName() string {
	return GrantsEIP712DomainChangedEventName
}

// UnpackEIP712DomainChangedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event EIP712DomainChanged()
func (grants *Grants) UnpackEIP712DomainChangedEvent(log *types.Log) (*GrantsEIP712DomainChanged, error) {
	event := "EIP712DomainChanged"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != grants.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(GrantsEIP712DomainChanged)
	if len(log.Data) > 0 {
		if err := grants.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range grants.abi.Events[event].Inputs {
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

// GrantsOwnershipTransferred represents a OwnershipTransferred event raised by the Grants contract.
type GrantsOwnershipTransferred struct {
	PreviousOwner common.Address
	NewOwner      common.Address
	Raw           *types.Log // Blockchain specific contextual infos
}

const GrantsOwnershipTransferredEventName = "OwnershipTransferred"

// ContractEventName returns the user-defined event name.
func (GrantsOwnershipTransferred) ContractEventName() string {
	return GrantsOwnershipTransferredEventName
}

// UnpackOwnershipTransferredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)
func (grants *Grants) UnpackOwnershipTransferredEvent(log *types.Log) (*GrantsOwnershipTransferred, error) {
	event := "OwnershipTransferred"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != grants.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(GrantsOwnershipTransferred)
	if len(log.Data) > 0 {
		if err := grants.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range grants.abi.Events[event].Inputs {
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

// GrantsRegistrarChanged represents a RegistrarChanged event raised by the Grants contract.
type GrantsRegistrarChanged struct {
	Registrar common.Address
	Raw       *types.Log // Blockchain specific contextual infos
}

const GrantsRegistrarChangedEventName = "RegistrarChanged"

// ContractEventName returns the user-defined event name.
func (GrantsRegistrarChanged) ContractEventName() string {
	return GrantsRegistrarChangedEventName
}

// UnpackRegistrarChangedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RegistrarChanged(address registrar)
func (grants *Grants) UnpackRegistrarChangedEvent(log *types.Log) (*GrantsRegistrarChanged, error) {
	event := "RegistrarChanged"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != grants.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(GrantsRegistrarChanged)
	if len(log.Data) > 0 {
		if err := grants.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range grants.abi.Events[event].Inputs {
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

// GrantsRelayFeeChanged represents a RelayFeeChanged event raised by the Grants contract.
type GrantsRelayFeeChanged struct {
	RelayFee *big.Int
	Raw      *types.Log // Blockchain specific contextual infos
}

const GrantsRelayFeeChangedEventName = "RelayFeeChanged"

// ContractEventName returns the user-defined event name.
func (GrantsRelayFeeChanged) ContractEventName() string {
	return GrantsRelayFeeChangedEventName
}

// UnpackRelayFeeChangedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RelayFeeChanged(uint256 relayFee)
func (grants *Grants) UnpackRelayFeeChangedEvent(log *types.Log) (*GrantsRelayFeeChanged, error) {
	event := "RelayFeeChanged"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != grants.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(GrantsRelayFeeChanged)
	if len(log.Data) > 0 {
		if err := grants.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range grants.abi.Events[event].Inputs {
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

// GrantsReturned represents a Returned event raised by the Grants contract.
type GrantsReturned struct {
	To           common.Address
	TokenAmount  *big.Int
	NativeAmount *big.Int
	Raw          *types.Log // Blockchain specific contextual infos
}

const GrantsReturnedEventName = "Returned"

// ContractEventName returns the user-defined event name.
func (GrantsReturned) ContractEventName() string {
	return GrantsReturnedEventName
}

// UnpackReturnedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Returned(address indexed to, uint256 tokenAmount, uint256 nativeAmount)
func (grants *Grants) UnpackReturnedEvent(log *types.Log) (*GrantsReturned, error) {
	event := "Returned"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != grants.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(GrantsReturned)
	if len(log.Data) > 0 {
		if err := grants.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range grants.abi.Events[event].Inputs {
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

// GrantsRewarded represents a Rewarded event raised by the Grants contract.
type GrantsRewarded struct {
	To     common.Address
	Amount *big.Int
	Kind   uint8
	Memo   string
	Raw    *types.Log // Blockchain specific contextual infos
}

const GrantsRewardedEventName = "Rewarded"

// ContractEventName returns the user-defined event name.
func (GrantsRewarded) ContractEventName() string {
	return GrantsRewardedEventName
}

// UnpackRewardedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Rewarded(address indexed to, uint256 amount, uint8 indexed kind, string memo)
func (grants *Grants) UnpackRewardedEvent(log *types.Log) (*GrantsRewarded, error) {
	event := "Rewarded"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != grants.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(GrantsRewarded)
	if len(log.Data) > 0 {
		if err := grants.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range grants.abi.Events[event].Inputs {
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
func (grants *Grants) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], grants.abi.Errors["AlreadyClaimed"].ID.Bytes()[:4]) {
		return grants.UnpackAlreadyClaimedError(raw[4:])
	}
	if bytes.Equal(raw[:4], grants.abi.Errors["BadKind"].ID.Bytes()[:4]) {
		return grants.UnpackBadKindError(raw[4:])
	}
	if bytes.Equal(raw[:4], grants.abi.Errors["BadOwner"].ID.Bytes()[:4]) {
		return grants.UnpackBadOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], grants.abi.Errors["BadSignature"].ID.Bytes()[:4]) {
		return grants.UnpackBadSignatureError(raw[4:])
	}
	if bytes.Equal(raw[:4], grants.abi.Errors["Expired"].ID.Bytes()[:4]) {
		return grants.UnpackExpiredError(raw[4:])
	}
	if bytes.Equal(raw[:4], grants.abi.Errors["FailedCall"].ID.Bytes()[:4]) {
		return grants.UnpackFailedCallError(raw[4:])
	}
	if bytes.Equal(raw[:4], grants.abi.Errors["InsufficientBalance"].ID.Bytes()[:4]) {
		return grants.UnpackInsufficientBalanceError(raw[4:])
	}
	if bytes.Equal(raw[:4], grants.abi.Errors["InvalidShortString"].ID.Bytes()[:4]) {
		return grants.UnpackInvalidShortStringError(raw[4:])
	}
	if bytes.Equal(raw[:4], grants.abi.Errors["OwnableInvalidOwner"].ID.Bytes()[:4]) {
		return grants.UnpackOwnableInvalidOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], grants.abi.Errors["OwnableUnauthorizedAccount"].ID.Bytes()[:4]) {
		return grants.UnpackOwnableUnauthorizedAccountError(raw[4:])
	}
	if bytes.Equal(raw[:4], grants.abi.Errors["ReentrancyGuardReentrantCall"].ID.Bytes()[:4]) {
		return grants.UnpackReentrancyGuardReentrantCallError(raw[4:])
	}
	if bytes.Equal(raw[:4], grants.abi.Errors["SafeERC20FailedOperation"].ID.Bytes()[:4]) {
		return grants.UnpackSafeERC20FailedOperationError(raw[4:])
	}
	if bytes.Equal(raw[:4], grants.abi.Errors["StringTooLong"].ID.Bytes()[:4]) {
		return grants.UnpackStringTooLongError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// GrantsAlreadyClaimed represents a AlreadyClaimed error raised by the Grants contract.
type GrantsAlreadyClaimed struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyClaimed()
func GrantsAlreadyClaimedErrorID() common.Hash {
	return common.HexToHash("0x646cf558a545d59f8a09cbf8a0eb8a9332f1d17834843b20fc8d154839dc46d7")
}

// UnpackAlreadyClaimedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyClaimed()
func (grants *Grants) UnpackAlreadyClaimedError(raw []byte) (*GrantsAlreadyClaimed, error) {
	out := new(GrantsAlreadyClaimed)
	if err := grants.abi.UnpackIntoInterface(out, "AlreadyClaimed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// GrantsBadKind represents a BadKind error raised by the Grants contract.
type GrantsBadKind struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BadKind()
func GrantsBadKindErrorID() common.Hash {
	return common.HexToHash("0x2b434c20b6f228c9c67092bb71e44635e55a16c685cbdb0ff0e5f2576b660646")
}

// UnpackBadKindError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BadKind()
func (grants *Grants) UnpackBadKindError(raw []byte) (*GrantsBadKind, error) {
	out := new(GrantsBadKind)
	if err := grants.abi.UnpackIntoInterface(out, "BadKind", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// GrantsBadOwner represents a BadOwner error raised by the Grants contract.
type GrantsBadOwner struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BadOwner()
func GrantsBadOwnerErrorID() common.Hash {
	return common.HexToHash("0x73cb018f66e0bce04e4f1efae5a5e3ae5dc51be45b57f2018838357e06f7d43c")
}

// UnpackBadOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BadOwner()
func (grants *Grants) UnpackBadOwnerError(raw []byte) (*GrantsBadOwner, error) {
	out := new(GrantsBadOwner)
	if err := grants.abi.UnpackIntoInterface(out, "BadOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// GrantsBadSignature represents a BadSignature error raised by the Grants contract.
type GrantsBadSignature struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BadSignature()
func GrantsBadSignatureErrorID() common.Hash {
	return common.HexToHash("0x5cd5d2335541c4f2ed05fbe44f397e8b79f8e2333157122d2dab06e378ef7685")
}

// UnpackBadSignatureError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BadSignature()
func (grants *Grants) UnpackBadSignatureError(raw []byte) (*GrantsBadSignature, error) {
	out := new(GrantsBadSignature)
	if err := grants.abi.UnpackIntoInterface(out, "BadSignature", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// GrantsExpired represents a Expired error raised by the Grants contract.
type GrantsExpired struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error Expired()
func GrantsExpiredErrorID() common.Hash {
	return common.HexToHash("0x203d82d8d99f63bfecc8335216735e0271df4249ea752b030f9ab305b94e5afe")
}

// UnpackExpiredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error Expired()
func (grants *Grants) UnpackExpiredError(raw []byte) (*GrantsExpired, error) {
	out := new(GrantsExpired)
	if err := grants.abi.UnpackIntoInterface(out, "Expired", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// GrantsFailedCall represents a FailedCall error raised by the Grants contract.
type GrantsFailedCall struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error FailedCall()
func GrantsFailedCallErrorID() common.Hash {
	return common.HexToHash("0xd6bda27508c0fb6d8a39b4b122878dab26f731a7d4e4abe711dd3731899052a4")
}

// UnpackFailedCallError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error FailedCall()
func (grants *Grants) UnpackFailedCallError(raw []byte) (*GrantsFailedCall, error) {
	out := new(GrantsFailedCall)
	if err := grants.abi.UnpackIntoInterface(out, "FailedCall", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// GrantsInsufficientBalance represents a InsufficientBalance error raised by the Grants contract.
type GrantsInsufficientBalance struct {
	Balance *big.Int
	Needed  *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InsufficientBalance(uint256 balance, uint256 needed)
func GrantsInsufficientBalanceErrorID() common.Hash {
	return common.HexToHash("0xcf4791818fba6e019216eb4864093b4947f674afada5d305e57d598b641dad1d")
}

// UnpackInsufficientBalanceError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InsufficientBalance(uint256 balance, uint256 needed)
func (grants *Grants) UnpackInsufficientBalanceError(raw []byte) (*GrantsInsufficientBalance, error) {
	out := new(GrantsInsufficientBalance)
	if err := grants.abi.UnpackIntoInterface(out, "InsufficientBalance", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// GrantsInvalidShortString represents a InvalidShortString error raised by the Grants contract.
type GrantsInvalidShortString struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidShortString()
func GrantsInvalidShortStringErrorID() common.Hash {
	return common.HexToHash("0xb3512b0c6163e5f0bafab72bb631b9d58cd7a731b082f910338aa21c83d5c274")
}

// UnpackInvalidShortStringError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidShortString()
func (grants *Grants) UnpackInvalidShortStringError(raw []byte) (*GrantsInvalidShortString, error) {
	out := new(GrantsInvalidShortString)
	if err := grants.abi.UnpackIntoInterface(out, "InvalidShortString", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// GrantsOwnableInvalidOwner represents a OwnableInvalidOwner error raised by the Grants contract.
type GrantsOwnableInvalidOwner struct {
	Owner common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OwnableInvalidOwner(address owner)
func GrantsOwnableInvalidOwnerErrorID() common.Hash {
	return common.HexToHash("0x1e4fbdf7f3ef8bcaa855599e3abf48b232380f183f08f6f813d9ffa5bd585188")
}

// UnpackOwnableInvalidOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OwnableInvalidOwner(address owner)
func (grants *Grants) UnpackOwnableInvalidOwnerError(raw []byte) (*GrantsOwnableInvalidOwner, error) {
	out := new(GrantsOwnableInvalidOwner)
	if err := grants.abi.UnpackIntoInterface(out, "OwnableInvalidOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// GrantsOwnableUnauthorizedAccount represents a OwnableUnauthorizedAccount error raised by the Grants contract.
type GrantsOwnableUnauthorizedAccount struct {
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OwnableUnauthorizedAccount(address account)
func GrantsOwnableUnauthorizedAccountErrorID() common.Hash {
	return common.HexToHash("0x118cdaa7a341953d1887a2245fd6665d741c67c8c50581daa59e1d03373fa188")
}

// UnpackOwnableUnauthorizedAccountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OwnableUnauthorizedAccount(address account)
func (grants *Grants) UnpackOwnableUnauthorizedAccountError(raw []byte) (*GrantsOwnableUnauthorizedAccount, error) {
	out := new(GrantsOwnableUnauthorizedAccount)
	if err := grants.abi.UnpackIntoInterface(out, "OwnableUnauthorizedAccount", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// GrantsReentrancyGuardReentrantCall represents a ReentrancyGuardReentrantCall error raised by the Grants contract.
type GrantsReentrancyGuardReentrantCall struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ReentrancyGuardReentrantCall()
func GrantsReentrancyGuardReentrantCallErrorID() common.Hash {
	return common.HexToHash("0x3ee5aeb571de7fc460830b4d0017439a1ca56fb0bc39062227ade4fe4a24c1ca")
}

// UnpackReentrancyGuardReentrantCallError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ReentrancyGuardReentrantCall()
func (grants *Grants) UnpackReentrancyGuardReentrantCallError(raw []byte) (*GrantsReentrancyGuardReentrantCall, error) {
	out := new(GrantsReentrancyGuardReentrantCall)
	if err := grants.abi.UnpackIntoInterface(out, "ReentrancyGuardReentrantCall", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// GrantsSafeERC20FailedOperation represents a SafeERC20FailedOperation error raised by the Grants contract.
type GrantsSafeERC20FailedOperation struct {
	Token common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SafeERC20FailedOperation(address token)
func GrantsSafeERC20FailedOperationErrorID() common.Hash {
	return common.HexToHash("0x5274afe73c98b4749fc91ffae6b7b574e7842cb2144a159e9377a5f20b32edf9")
}

// UnpackSafeERC20FailedOperationError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SafeERC20FailedOperation(address token)
func (grants *Grants) UnpackSafeERC20FailedOperationError(raw []byte) (*GrantsSafeERC20FailedOperation, error) {
	out := new(GrantsSafeERC20FailedOperation)
	if err := grants.abi.UnpackIntoInterface(out, "SafeERC20FailedOperation", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// GrantsStringTooLong represents a StringTooLong error raised by the Grants contract.
type GrantsStringTooLong struct {
	Str string
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error StringTooLong(string str)
func GrantsStringTooLongErrorID() common.Hash {
	return common.HexToHash("0x305a27a93f8e33b7392df0a0f91d6fc63847395853c45991eec52dbf24d72381")
}

// UnpackStringTooLongError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error StringTooLong(string str)
func (grants *Grants) UnpackStringTooLongError(raw []byte) (*GrantsStringTooLong, error) {
	out := new(GrantsStringTooLong)
	if err := grants.abi.UnpackIntoInterface(out, "StringTooLong", raw); err != nil {
		return nil, err
	}
	return out, nil
}
