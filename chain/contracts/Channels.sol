// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";

/// @title Unidirectional MYC payment channels
/// @notice A payer deposits MYC for one payee. The payee redeems the latest
/// cumulative EIP-712 Voucher(bytes32 channel,uint256 cumulative) signed by
/// the payer, as often as it likes, and is paid the difference to what it
/// already redeemed. The payer can top up, start a close, and withdraw the
/// rest once the close delay has passed; during the delay the payee can still
/// redeem. A voucher is bound to one channel id, which itself binds the chain
/// id, this contract, payer, payee and a per-contract nonce, so replay across
/// channels, contracts or chains is impossible; cumulative amounts make
/// reordering harmless.
///
/// A channel opens in one transaction with the token's EIP-2612 permit
/// (openWithPermit), sent by the payer or, for a payer with no gas, by a
/// relayer holding the payer's EIP-712 Open signature, who is paid the fee
/// the payer signed, in MYC, in the same transaction.
contract Channels is EIP712, ReentrancyGuard {
    using SafeERC20 for IERC20;

    /// @notice EIP-712 type hash of Voucher(bytes32 channel,uint256 cumulative).
    bytes32 public constant VOUCHER_TYPEHASH = keccak256("Voucher(bytes32 channel,uint256 cumulative)");

    /// @notice EIP-712 type hash of the payer's consent to a relayed open.
    /// relayer zero lets any relayer submit it; each Open opens once.
    bytes32 public constant OPEN_TYPEHASH = keccak256(
        "Open(address payer,address payee,uint256 amount,uint64 closeDelay,address relayer,uint256 fee,uint256 deadline)"
    );

    /// @notice Longest close delay a channel may ask for.
    uint64 public constant MAX_CLOSE_DELAY = 365 days;

    struct Channel {
        address payer;
        address payee;
        uint256 deposit;
        uint256 redeemed;
        uint64 closeDelay;
        uint64 closesAt;
    }

    /// @notice A channel open as the payer signs it (OPEN_TYPEHASH).
    struct OpenRequest {
        address payer;
        address payee;
        uint256 amount;
        uint64 closeDelay;
        address relayer;
        uint256 fee;
        uint256 deadline;
    }

    /// @notice The payer's EIP-2612 permit for this contract; deadline zero
    /// means none (the payer approved already).
    struct Permit {
        uint256 value;
        uint256 deadline;
        uint8 v;
        bytes32 r;
        bytes32 s;
    }

    /// @notice The MYC token.
    IERC20 public immutable token;
    /// @notice Shortest close delay a channel may ask for.
    uint64 public immutable minCloseDelay;
    /// @notice Number of channels opened so far; the next channel's nonce.
    uint256 public nonce;
    /// @notice Channel state by id.
    mapping(bytes32 id => Channel) public channels;
    /// @notice Open digests already used by a relayer.
    mapping(bytes32 digest => bool) public openUsed;

    event Opened(bytes32 indexed id, address indexed payer, address indexed payee, uint256 amount, uint64 closeDelay);
    event ToppedUp(bytes32 indexed id, uint256 amount);
    event Redeemed(bytes32 indexed id, uint256 cumulative, uint256 paid);
    event CloseStarted(bytes32 indexed id, uint64 closesAt);
    event Withdrawn(bytes32 indexed id, uint256 amount);
    event Relayed(bytes32 indexed id, address indexed relayer, uint256 fee);

    error ZeroAmount();
    error BadPayee();
    error BadCloseDelay(uint64 closeDelay, uint64 min, uint64 max);
    error UnknownChannel(bytes32 id);
    error NotPayer();
    error NotPayee();
    error Closing();
    error NotClosing();
    error Closed();
    error TooEarly(uint64 closesAt);
    error CumulativeTooHigh(uint256 cumulative, uint256 deposit);
    error CumulativeNotIncreasing(uint256 cumulative, uint256 redeemed);
    error BadSignature();
    error NothingToWithdraw();
    error Expired();
    error BadRelayer();
    error OpenUsed();

    constructor(IERC20 token_, uint64 minCloseDelay_) EIP712("Mycroft Channels", "1") {
        if (minCloseDelay_ > MAX_CLOSE_DELAY) revert BadCloseDelay(minCloseDelay_, 0, MAX_CLOSE_DELAY);
        token = token_;
        minCloseDelay = minCloseDelay_;
    }

    /// @notice Opens a channel to payee with amount MYC pulled from the caller
    /// (approve first). Returns the channel id.
    function open(address payee, uint256 amount, uint64 closeDelay) external nonReentrant returns (bytes32 id) {
        return _open(msg.sender, payee, amount, closeDelay);
    }

    /// @notice Opens a channel for o.payer in one transaction. The permit (if
    /// its deadline is not zero) lets this contract pull amount + fee; a
    /// permit someone already submitted is skipped, the allowance is what
    /// counts. Sent by the payer, o.fee must be zero and no signature is
    /// needed; sent by anyone else, openSig is the payer's signature over o,
    /// o.relayer is zero or the sender, and the sender is paid o.fee.
    function openWithPermit(OpenRequest calldata o, bytes calldata openSig, Permit calldata p)
        external
        nonReentrant
        returns (bytes32 id)
    {
        if (block.timestamp > o.deadline) revert Expired();
        if (msg.sender != o.payer) {
            if (o.relayer != address(0) && o.relayer != msg.sender) revert BadRelayer();
            bytes32 digest = openDigest(o);
            if (openUsed[digest]) revert OpenUsed();
            (address signer, ECDSA.RecoverError rerr,) = ECDSA.tryRecover(digest, openSig);
            if (rerr != ECDSA.RecoverError.NoError || signer != o.payer) revert BadSignature();
            openUsed[digest] = true;
        } else if (o.fee != 0) {
            revert BadRelayer();
        }
        if (p.deadline != 0) {
            try IERC20Permit(address(token)).permit(o.payer, address(this), p.value, p.deadline, p.v, p.r, p.s) {}
                catch {}
        }
        id = _open(o.payer, o.payee, o.amount, o.closeDelay);
        if (o.fee != 0) {
            emit Relayed(id, msg.sender, o.fee);
            token.safeTransferFrom(o.payer, msg.sender, o.fee);
        }
    }

    /// @notice The EIP-712 digest a payer signs to have o relayed.
    function openDigest(OpenRequest calldata o) public view returns (bytes32) {
        return _hashTypedDataV4(
            keccak256(
                abi.encode(
                    OPEN_TYPEHASH, o.payer, o.payee, o.amount, o.closeDelay, o.relayer, o.fee, o.deadline
                )
            )
        );
    }

    function _open(address payer, address payee, uint256 amount, uint64 closeDelay) internal returns (bytes32 id) {
        if (amount == 0) revert ZeroAmount();
        if (payee == address(0) || payee == payer) revert BadPayee();
        if (closeDelay < minCloseDelay || closeDelay > MAX_CLOSE_DELAY) {
            revert BadCloseDelay(closeDelay, minCloseDelay, MAX_CLOSE_DELAY);
        }
        uint256 n = nonce;
        nonce = n + 1;
        id = keccak256(abi.encode(block.chainid, address(this), payer, payee, n));
        channels[id] = Channel({
            payer: payer,
            payee: payee,
            deposit: amount,
            redeemed: 0,
            closeDelay: closeDelay,
            closesAt: 0
        });
        emit Opened(id, payer, payee, amount, closeDelay);
        token.safeTransferFrom(payer, address(this), amount);
    }

    /// @notice Adds amount MYC to an open channel. Only the payer, and not once
    /// a close has started.
    function topUp(bytes32 id, uint256 amount) external nonReentrant {
        Channel storage c = channels[id];
        if (c.payer == address(0)) revert UnknownChannel(id);
        if (msg.sender != c.payer) revert NotPayer();
        if (c.closesAt != 0) revert Closing();
        if (amount == 0) revert ZeroAmount();
        c.deposit += amount;
        emit ToppedUp(id, amount);
        token.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @notice Pays the payee cumulative minus what it already redeemed.
    /// Only the payee; allowed until the close delay has run out.
    function redeem(bytes32 id, uint256 cumulative, bytes calldata signature) external nonReentrant {
        Channel storage c = channels[id];
        if (c.payer == address(0)) revert UnknownChannel(id);
        if (msg.sender != c.payee) revert NotPayee();
        if (c.closesAt != 0 && block.timestamp >= c.closesAt) revert Closed();
        if (cumulative > c.deposit) revert CumulativeTooHigh(cumulative, c.deposit);
        if (cumulative <= c.redeemed) revert CumulativeNotIncreasing(cumulative, c.redeemed);
        bytes32 digest = _hashTypedDataV4(keccak256(abi.encode(VOUCHER_TYPEHASH, id, cumulative)));
        (address signer, ECDSA.RecoverError rerr,) = ECDSA.tryRecover(digest, signature);
        if (rerr != ECDSA.RecoverError.NoError || signer != c.payer) revert BadSignature();
        uint256 paid = cumulative - c.redeemed;
        c.redeemed = cumulative;
        emit Redeemed(id, cumulative, paid);
        token.safeTransfer(c.payee, paid);
    }

    /// @notice Starts closing: after closeDelay the payer may withdraw the rest.
    function startClose(bytes32 id) external {
        Channel storage c = channels[id];
        if (c.payer == address(0)) revert UnknownChannel(id);
        if (msg.sender != c.payer) revert NotPayer();
        if (c.closesAt != 0) revert Closing();
        uint64 closesAt = uint64(block.timestamp) + c.closeDelay;
        c.closesAt = closesAt;
        emit CloseStarted(id, closesAt);
    }

    /// @notice Returns deposit minus redeemed to the payer once the close
    /// delay has passed.
    function withdraw(bytes32 id) external nonReentrant {
        Channel storage c = channels[id];
        if (c.payer == address(0)) revert UnknownChannel(id);
        if (msg.sender != c.payer) revert NotPayer();
        if (c.closesAt == 0) revert NotClosing();
        if (block.timestamp < c.closesAt) revert TooEarly(c.closesAt);
        uint256 amount = c.deposit - c.redeemed;
        if (amount == 0) revert NothingToWithdraw();
        c.deposit = c.redeemed;
        emit Withdrawn(id, amount);
        token.safeTransfer(c.payer, amount);
    }

    /// @notice The EIP-712 digest a payer signs for a voucher.
    function voucherDigest(bytes32 id, uint256 cumulative) external view returns (bytes32) {
        return _hashTypedDataV4(keccak256(abi.encode(VOUCHER_TYPEHASH, id, cumulative)));
    }

    /// @notice The channel id open() would give for these parties and nonce.
    function channelId(address payer, address payee, uint256 n) external view returns (bytes32) {
        return keccak256(abi.encode(block.chainid, address(this), payer, payee, n));
    }
}
