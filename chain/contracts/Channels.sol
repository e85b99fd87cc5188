// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
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
contract Channels is EIP712, ReentrancyGuard {
    using SafeERC20 for IERC20;

    /// @notice EIP-712 type hash of Voucher(bytes32 channel,uint256 cumulative).
    bytes32 public constant VOUCHER_TYPEHASH = keccak256("Voucher(bytes32 channel,uint256 cumulative)");

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

    /// @notice The MYC token.
    IERC20 public immutable token;
    /// @notice Shortest close delay a channel may ask for.
    uint64 public immutable minCloseDelay;
    /// @notice Number of channels opened so far; the next channel's nonce.
    uint256 public nonce;
    /// @notice Channel state by id.
    mapping(bytes32 id => Channel) public channels;

    event Opened(bytes32 indexed id, address indexed payer, address indexed payee, uint256 amount, uint64 closeDelay);
    event ToppedUp(bytes32 indexed id, uint256 amount);
    event Redeemed(bytes32 indexed id, uint256 cumulative, uint256 paid);
    event CloseStarted(bytes32 indexed id, uint64 closesAt);
    event Withdrawn(bytes32 indexed id, uint256 amount);

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

    constructor(IERC20 token_, uint64 minCloseDelay_) EIP712("Mycroft Channels", "1") {
        if (minCloseDelay_ > MAX_CLOSE_DELAY) revert BadCloseDelay(minCloseDelay_, 0, MAX_CLOSE_DELAY);
        token = token_;
        minCloseDelay = minCloseDelay_;
    }

    /// @notice Opens a channel to payee with amount MYC pulled from the caller
    /// (approve first). Returns the channel id.
    function open(address payee, uint256 amount, uint64 closeDelay) external nonReentrant returns (bytes32 id) {
        if (amount == 0) revert ZeroAmount();
        if (payee == address(0) || payee == msg.sender) revert BadPayee();
        if (closeDelay < minCloseDelay || closeDelay > MAX_CLOSE_DELAY) {
            revert BadCloseDelay(closeDelay, minCloseDelay, MAX_CLOSE_DELAY);
        }
        uint256 n = nonce;
        nonce = n + 1;
        id = keccak256(abi.encode(block.chainid, address(this), msg.sender, payee, n));
        channels[id] = Channel({
            payer: msg.sender,
            payee: payee,
            deposit: amount,
            redeemed: 0,
            closeDelay: closeDelay,
            closesAt: 0
        });
        emit Opened(id, msg.sender, payee, amount, closeDelay);
        token.safeTransferFrom(msg.sender, address(this), amount);
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
