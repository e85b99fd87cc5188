// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";

/// @title Sign-up grants and treasury rewards
/// @notice Pays a one-time sign-up grant (MYC plus a little native coin for
/// gas) to a new device owner, and rewards to skill creators and developers.
/// The owner is the timelock (governance); it funds this contract and sets
/// the amounts and the registrar.
///
/// Anti-sybil gate: a grant needs the registrar's EIP-712 signature over
/// SignUp(address owner,bytes32 device,uint256 expiry), where device is a
/// hash of the device's attested identity. The registrar (an address chosen
/// by governance, e.g. the device-attestation service) signs once it has
/// checked the device; each owner and each device can be paid once. Anyone
/// may submit the claim (the new owner has no gas yet), the money always
/// goes to owner. A relayer the owner chose (the owner's EIP-712
/// ClaimRelay(address owner,bytes32 device,address relayer) signature) may
/// instead submit it with claimRelayed and is paid relayFee MYC out of the
/// grant, for the gas it spent.
contract Grants is Ownable, EIP712, ReentrancyGuard {
    using SafeERC20 for IERC20;

    /// @notice EIP-712 type hash of the registrar's sign-up attestation.
    bytes32 public constant SIGNUP_TYPEHASH = keccak256("SignUp(address owner,bytes32 device,uint256 expiry)");

    /// @notice EIP-712 type hash of the owner's choice of relayer.
    bytes32 public constant CLAIM_RELAY_TYPEHASH =
        keccak256("ClaimRelay(address owner,bytes32 device,address relayer)");

    /// @notice Reward kinds.
    uint8 public constant KIND_SKILL = 0;
    uint8 public constant KIND_DEVELOPER = 1;
    uint8 public constant KIND_OTHER = 2;

    IERC20 public immutable token;
    address public registrar;
    uint256 public grantAmount;
    uint256 public gasAmount;
    /// @notice MYC a relayer is paid out of the grant for a relayed claim.
    uint256 public relayFee;

    mapping(address owner => bool) public ownerClaimed;
    mapping(bytes32 device => bool) public deviceClaimed;

    event Claimed(address indexed owner, bytes32 indexed device, uint256 amount, uint256 gas);
    event Rewarded(address indexed to, uint256 amount, uint8 indexed kind, string memo);
    event RegistrarChanged(address registrar);
    event AmountsChanged(uint256 grantAmount, uint256 gasAmount);
    event RelayFeeChanged(uint256 relayFee);
    event ClaimRelayed(address indexed owner, address indexed relayer, uint256 fee);
    event Returned(address indexed to, uint256 tokenAmount, uint256 nativeAmount);

    error AlreadyClaimed();
    error Expired();
    error BadSignature();
    error BadOwner();
    error BadKind();

    constructor(
        IERC20 token_,
        address owner_,
        address registrar_,
        uint256 grantAmount_,
        uint256 gasAmount_,
        uint256 relayFee_
    )
        Ownable(owner_)
        EIP712("Mycroft Grants", "1")
    {
        token = token_;
        registrar = registrar_;
        grantAmount = grantAmount_;
        gasAmount = gasAmount_;
        emit RegistrarChanged(registrar_);
        emit AmountsChanged(grantAmount_, gasAmount_);
        relayFee = relayFee_;
        emit RelayFeeChanged(relayFee_);
    }

    /// @notice Accepts native coin for gas grants.
    receive() external payable {}

    /// @notice Pays the sign-up grant to owner for device, given the
    /// registrar's signature. Once per owner and once per device.
    function claim(address owner, bytes32 device, uint256 expiry, bytes calldata registrarSignature)
        external
        nonReentrant
    {
        _claim(owner, device, expiry, registrarSignature, address(0));
    }

    /// @notice claim, submitted by the relayer the owner signed for, who is
    /// paid relayFee (at most the grant) out of the grant.
    function claimRelayed(
        address owner,
        bytes32 device,
        uint256 expiry,
        bytes calldata registrarSignature,
        bytes calldata ownerSignature
    ) external nonReentrant {
        bytes32 digest = _hashTypedDataV4(keccak256(abi.encode(CLAIM_RELAY_TYPEHASH, owner, device, msg.sender)));
        (address signer, ECDSA.RecoverError rerr,) = ECDSA.tryRecover(digest, ownerSignature);
        if (rerr != ECDSA.RecoverError.NoError || signer != owner) revert BadSignature();
        _claim(owner, device, expiry, registrarSignature, msg.sender);
    }

    function _claim(address owner, bytes32 device, uint256 expiry, bytes calldata registrarSignature, address relayer)
        internal
    {
        if (owner == address(0)) revert BadOwner();
        if (block.timestamp > expiry) revert Expired();
        if (ownerClaimed[owner] || deviceClaimed[device]) revert AlreadyClaimed();
        (address signer, ECDSA.RecoverError rerr,) =
            ECDSA.tryRecover(signUpDigest(owner, device, expiry), registrarSignature);
        if (rerr != ECDSA.RecoverError.NoError || signer != registrar || signer == address(0)) revert BadSignature();
        ownerClaimed[owner] = true;
        deviceClaimed[device] = true;
        uint256 amount = grantAmount;
        uint256 gas = gasAmount;
        uint256 fee = 0;
        if (relayer != address(0)) {
            fee = relayFee < amount ? relayFee : amount;
            amount -= fee;
            emit ClaimRelayed(owner, relayer, fee);
        }
        emit Claimed(owner, device, amount, gas);
        if (fee > 0) token.safeTransfer(relayer, fee);
        if (amount > 0) token.safeTransfer(owner, amount);
        if (gas > 0) Address.sendValue(payable(owner), gas);
    }

    /// @notice Pays a reward from this contract's MYC. Governance only.
    function reward(address to, uint256 amount, uint8 kind, string calldata memo) external onlyOwner nonReentrant {
        if (kind > KIND_OTHER) revert BadKind();
        emit Rewarded(to, amount, kind, memo);
        token.safeTransfer(to, amount);
    }

    /// @notice Sets the registrar. Governance only.
    function setRegistrar(address registrar_) external onlyOwner {
        registrar = registrar_;
        emit RegistrarChanged(registrar_);
    }

    /// @notice Sets the grant amounts. Governance only.
    function setAmounts(uint256 grantAmount_, uint256 gasAmount_) external onlyOwner {
        grantAmount = grantAmount_;
        gasAmount = gasAmount_;
        emit AmountsChanged(grantAmount_, gasAmount_);
    }

    /// @notice Sets what a relayer is paid for a relayed claim. Governance only.
    function setRelayFee(uint256 relayFee_) external onlyOwner {
        relayFee = relayFee_;
        emit RelayFeeChanged(relayFee_);
    }

    /// @notice Sends funds back (e.g. to the treasury). Governance only.
    function returnFunds(address payable to, uint256 tokenAmount, uint256 nativeAmount) external onlyOwner nonReentrant {
        emit Returned(to, tokenAmount, nativeAmount);
        if (tokenAmount > 0) token.safeTransfer(to, tokenAmount);
        if (nativeAmount > 0) Address.sendValue(to, nativeAmount);
    }

    /// @notice The EIP-712 digest the registrar signs.
    function signUpDigest(address owner, bytes32 device, uint256 expiry) public view returns (bytes32) {
        return _hashTypedDataV4(keccak256(abi.encode(SIGNUP_TYPEHASH, owner, device, expiry)));
    }
}
