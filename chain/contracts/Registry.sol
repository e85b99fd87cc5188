// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";

/// @title Registry of staked provider and storage nodes
/// @notice Nodes stake MYC and announce an endpoint, priced services and a
/// storage capacity. Stake leaves through an unbonding delay. Governance (the
/// owner, a timelock) can slash; anyone can slash a node that did not answer
/// an on-chain storage challenge in time.
///
/// Storage challenge: the challenger shows the node's EIP-712 signature over
/// Storage(address owner,bytes32 root,uint64 leafCount,uint64 expiry) (given
/// by the node to the data owner when it accepted the data), and names a leaf
/// index. The data owner challenges without a bond, anyone else posts
/// challengeBond MYC. The node must answer with the chunk and its Merkle
/// proof within challengeWindow seconds or is slashed challengeSlash.
///
/// Merkle tree: leaf = keccak256(0x00 || chunk); inner node =
/// keccak256(0x01 || left || right); a level with an odd number of nodes
/// promotes its last node unchanged to the next level. A one-leaf tree's root
/// is the leaf hash.
contract Registry is Ownable, EIP712, ReentrancyGuard {
    using SafeERC20 for IERC20;

    /// @notice EIP-712 type hash of the node's storage commitment.
    bytes32 public constant STORAGE_TYPEHASH =
        keccak256("Storage(address owner,bytes32 root,uint64 leafCount,uint64 expiry)");

    uint256 public constant MAX_SERVICES = 16;
    uint256 public constant MAX_NAME_LENGTH = 32;
    uint256 public constant MAX_ENDPOINT_LENGTH = 256;
    uint256 public constant MAX_CHUNK_LENGTH = 65536;
    uint256 public constant MAX_PROOF_LENGTH = 64;

    /// @notice A priced service: name is a short lowercase string ("stt",
    /// "weather", "knowledge", "storage"), price in MYC base units per unit
    /// of the service.
    struct Service {
        string name;
        uint256 price;
    }

    struct Node {
        string endpoint;
        uint256 stake;
        uint256 unbonding;
        uint64 unbondableAt;
        uint64 capacity;
        bool registered;
    }

    /// @notice What listNodes and getNode return.
    struct NodeInfo {
        address node;
        string endpoint;
        uint256 stake;
        uint256 unbonding;
        uint64 unbondableAt;
        uint64 capacity;
        bool registered;
        Service[] services;
    }

    enum ChallengeStatus {
        None,
        Open,
        Answered,
        Slashed
    }

    struct Challenge {
        address challenger;
        address node;
        bytes32 root;
        uint64 leafCount;
        uint64 index;
        uint64 deadline;
        uint256 bond;
        ChallengeStatus status;
    }

    IERC20 public immutable token;

    uint256 public minStake;
    uint64 public unbondingDelay;
    uint64 public challengeWindow;
    uint256 public challengeBond;
    uint256 public challengeSlash;

    mapping(address => Node) private _nodes;
    mapping(address => Service[]) private _services;
    address[] private _list;
    mapping(address => uint256) private _listIndex; // index + 1

    uint256 public challengeCount;
    mapping(uint256 id => Challenge) public challenges;
    mapping(address node => uint256) public openChallenges;
    mapping(bytes32 nodeRoot => bool) public challengeOpenFor;

    event Registered(address indexed node, string endpoint, uint256 stake, uint64 capacity);
    event Updated(address indexed node, string endpoint, uint64 capacity);
    event StakeAdded(address indexed node, uint256 amount, uint256 stake);
    event Unbonding(address indexed node, uint256 amount, uint64 unbondableAt);
    event Deregistered(address indexed node);
    event Withdrawn(address indexed node, uint256 amount);
    event Slashed(address indexed node, uint256 amount, address indexed to, string reason);
    event ParamsChanged(
        uint256 minStake, uint64 unbondingDelay, uint64 challengeWindow, uint256 challengeBond, uint256 challengeSlash
    );
    event Challenged(
        uint256 indexed id,
        address indexed node,
        address indexed challenger,
        bytes32 root,
        uint64 leafCount,
        uint64 index,
        uint64 deadline
    );
    event Answered(uint256 indexed id, address indexed node);
    event ChallengeSlashed(uint256 indexed id, address indexed node, uint256 amount);

    error NotRegistered();
    error AlreadyRegistered();
    error StakeTooLow(uint256 stake, uint256 minStake);
    error ZeroAmount();
    error BadEndpoint();
    error BadService(uint256 i);
    error TooManyServices();
    error NothingUnbonding();
    error TooEarly(uint64 at);
    error ChallengesOpen(uint256 open);
    error BadChallenge();
    error BadSignature();
    error AgreementExpired();
    error AlreadyChallenged();
    error NotOpen();
    error WindowClosed();
    error WindowOpen();
    error BadProof();
    error UnknownNode();

    constructor(
        IERC20 token_,
        address owner_,
        uint256 minStake_,
        uint64 unbondingDelay_,
        uint64 challengeWindow_,
        uint256 challengeBond_,
        uint256 challengeSlash_
    ) Ownable(owner_) EIP712("Mycroft Registry", "1") {
        token = token_;
        _setParams(minStake_, unbondingDelay_, challengeWindow_, challengeBond_, challengeSlash_);
    }

    // ---- nodes ----

    /// @notice Registers the caller with an endpoint, services, a storage
    /// capacity in bytes and amount MYC of stake pulled from the caller
    /// (approve first). Stake already unbonding is not counted.
    function register(string calldata endpoint, Service[] calldata services, uint64 capacity, uint256 amount)
        external
        nonReentrant
    {
        Node storage n = _nodes[msg.sender];
        if (n.registered) revert AlreadyRegistered();
        uint256 stake = n.stake + amount;
        if (stake < minStake || stake == 0) revert StakeTooLow(stake, minStake);
        _checkAnnouncement(endpoint, services);
        n.endpoint = endpoint;
        n.capacity = capacity;
        n.stake = stake;
        n.registered = true;
        _setServices(msg.sender, services);
        _list.push(msg.sender);
        _listIndex[msg.sender] = _list.length;
        emit Registered(msg.sender, endpoint, stake, capacity);
        if (amount > 0) token.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @notice Replaces the caller's endpoint, services and capacity.
    function update(string calldata endpoint, Service[] calldata services, uint64 capacity) external {
        Node storage n = _nodes[msg.sender];
        if (!n.registered) revert NotRegistered();
        _checkAnnouncement(endpoint, services);
        n.endpoint = endpoint;
        n.capacity = capacity;
        _setServices(msg.sender, services);
        emit Updated(msg.sender, endpoint, capacity);
    }

    /// @notice Adds amount MYC to the caller's stake (approve first).
    function addStake(uint256 amount) external nonReentrant {
        Node storage n = _nodes[msg.sender];
        if (!n.registered) revert NotRegistered();
        if (amount == 0) revert ZeroAmount();
        n.stake += amount;
        emit StakeAdded(msg.sender, amount, n.stake);
        token.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @notice Moves amount of stake to unbonding; it can be withdrawn after
    /// unbondingDelay (the timer restarts on every unbond). Unbonding all of
    /// it deregisters the node; what stays must be at least minStake.
    function unbond(uint256 amount) external {
        Node storage n = _nodes[msg.sender];
        if (amount == 0) revert ZeroAmount();
        if (amount > n.stake) revert StakeTooLow(n.stake, amount);
        uint256 remaining = n.stake - amount;
        if (remaining != 0 && remaining < minStake) revert StakeTooLow(remaining, minStake);
        n.stake = remaining;
        n.unbonding += amount;
        uint64 at = uint64(block.timestamp) + unbondingDelay;
        n.unbondableAt = at;
        emit Unbonding(msg.sender, amount, at);
        if (remaining == 0 && n.registered) _deregister(msg.sender);
    }

    /// @notice Pays out unbonded stake after the delay, when no challenge
    /// against the caller is open.
    function withdraw() external nonReentrant {
        Node storage n = _nodes[msg.sender];
        uint256 amount = n.unbonding;
        if (amount == 0) revert NothingUnbonding();
        if (block.timestamp < n.unbondableAt) revert TooEarly(n.unbondableAt);
        uint256 open = openChallenges[msg.sender];
        if (open != 0) revert ChallengesOpen(open);
        n.unbonding = 0;
        emit Withdrawn(msg.sender, amount);
        token.safeTransfer(msg.sender, amount);
    }

    // ---- governance ----

    /// @notice Slashes up to amount from a node's stake, then its unbonding
    /// balance, to the owner (the treasury). Governance only.
    function slash(address node, uint256 amount, string calldata reason) external onlyOwner nonReentrant {
        uint256 taken = _take(node, amount);
        emit Slashed(node, taken, owner(), reason);
        if (taken > 0) token.safeTransfer(owner(), taken);
    }

    /// @notice Sets the registry parameters. Governance only.
    function setParams(
        uint256 minStake_,
        uint64 unbondingDelay_,
        uint64 challengeWindow_,
        uint256 challengeBond_,
        uint256 challengeSlash_
    ) external onlyOwner {
        _setParams(minStake_, unbondingDelay_, challengeWindow_, challengeBond_, challengeSlash_);
    }

    // ---- storage challenges ----

    /// @notice Challenges node to prove it holds leaf index of the data with
    /// Merkle root root and leafCount leaves, which it committed to store
    /// for dataOwner until expiry (nodeSignature). The data owner pays no
    /// bond; anyone else posts challengeBond MYC (approve first), returned
    /// if the node fails and paid to the node if it answers.
    function challenge(
        address node,
        bytes32 root,
        uint64 leafCount,
        uint64 index,
        address dataOwner,
        uint64 expiry,
        bytes calldata nodeSignature
    ) external nonReentrant returns (uint256 id) {
        _checkCommitment(node, root, leafCount, index, dataOwner, expiry, nodeSignature);
        bytes32 key = keccak256(abi.encode(node, root));
        if (challengeOpenFor[key]) revert AlreadyChallenged();
        challengeOpenFor[key] = true;
        id = ++challengeCount;
        Challenge storage c = challenges[id];
        c.challenger = msg.sender;
        c.node = node;
        c.root = root;
        c.leafCount = leafCount;
        c.index = index;
        c.deadline = uint64(block.timestamp) + challengeWindow;
        c.bond = msg.sender == dataOwner ? 0 : challengeBond;
        c.status = ChallengeStatus.Open;
        openChallenges[node] += 1;
        emit Challenged(id, node, msg.sender, root, leafCount, index, c.deadline);
        if (c.bond > 0) token.safeTransferFrom(msg.sender, address(this), c.bond);
    }

    function _checkCommitment(
        address node,
        bytes32 root,
        uint64 leafCount,
        uint64 index,
        address dataOwner,
        uint64 expiry,
        bytes calldata nodeSignature
    ) internal view {
        Node storage n = _nodes[node];
        if (n.stake + n.unbonding == 0) revert UnknownNode();
        if (leafCount == 0 || index >= leafCount) revert BadChallenge();
        if (block.timestamp > expiry) revert AgreementExpired();
        (address signer, ECDSA.RecoverError rerr,) =
            ECDSA.tryRecover(storageDigest(dataOwner, root, leafCount, expiry), nodeSignature);
        if (rerr != ECDSA.RecoverError.NoError || signer != node) revert BadSignature();
    }

    /// @notice Answers challenge id with the chunk and its Merkle proof
    /// (siblings from the leaf up, skipping levels where the node is
    /// promoted). Anyone may answer; a bond goes to the node.
    function respond(uint256 id, bytes calldata chunk, bytes32[] calldata proof) external nonReentrant {
        Challenge storage c = challenges[id];
        if (c.status != ChallengeStatus.Open) revert NotOpen();
        if (block.timestamp > c.deadline) revert WindowClosed();
        if (!verifyChunk(c.root, c.leafCount, c.index, chunk, proof)) revert BadProof();
        c.status = ChallengeStatus.Answered;
        openChallenges[c.node] -= 1;
        challengeOpenFor[keccak256(abi.encode(c.node, c.root))] = false;
        uint256 bond = c.bond;
        c.bond = 0;
        emit Answered(id, c.node);
        if (bond > 0) token.safeTransfer(c.node, bond);
    }

    /// @notice Slashes a node that let challenge id's window pass: half of
    /// the slashed amount goes to the challenger, the rest to the treasury,
    /// and the challenger's bond comes back. Anyone may call.
    function slashUnanswered(uint256 id) external nonReentrant {
        Challenge storage c = challenges[id];
        if (c.status != ChallengeStatus.Open) revert NotOpen();
        if (block.timestamp <= c.deadline) revert WindowOpen();
        c.status = ChallengeStatus.Slashed;
        address node = c.node;
        openChallenges[node] -= 1;
        challengeOpenFor[keccak256(abi.encode(node, c.root))] = false;
        uint256 taken = _take(node, challengeSlash);
        uint256 toChallenger = taken / 2;
        uint256 bond = c.bond;
        c.bond = 0;
        emit ChallengeSlashed(id, node, taken);
        emit Slashed(node, taken, c.challenger, "storage challenge unanswered");
        if (toChallenger + bond > 0) token.safeTransfer(c.challenger, toChallenger + bond);
        if (taken - toChallenger > 0) token.safeTransfer(owner(), taken - toChallenger);
    }

    /// @notice The EIP-712 digest a node signs when it commits to store data.
    function storageDigest(address dataOwner, bytes32 root, uint64 leafCount, uint64 expiry)
        public
        view
        returns (bytes32)
    {
        return _hashTypedDataV4(keccak256(abi.encode(STORAGE_TYPEHASH, dataOwner, root, leafCount, expiry)));
    }

    /// @notice Checks chunk at index against root (see the contract comment
    /// for the tree shape).
    function verifyChunk(bytes32 root, uint64 leafCount, uint64 index, bytes calldata chunk, bytes32[] calldata proof)
        public
        pure
        returns (bool)
    {
        if (leafCount == 0 || index >= leafCount) return false;
        if (chunk.length > MAX_CHUNK_LENGTH || proof.length > MAX_PROOF_LENGTH) return false;
        bytes32 h = keccak256(abi.encodePacked(bytes1(0x00), chunk));
        uint256 idx = index;
        uint256 width = leafCount;
        uint256 k = 0;
        while (width > 1) {
            if (idx == width - 1 && width % 2 == 1) {
                // last node of an odd level: promoted unchanged
            } else {
                if (k >= proof.length) return false;
                bytes32 sib = proof[k++];
                h = idx % 2 == 0
                    ? keccak256(abi.encodePacked(bytes1(0x01), h, sib))
                    : keccak256(abi.encodePacked(bytes1(0x01), sib, h));
            }
            idx /= 2;
            width = (width + 1) / 2;
        }
        return k == proof.length && h == root;
    }

    // ---- views ----

    /// @notice Number of registered nodes.
    function nodeCount() external view returns (uint256) {
        return _list.length;
    }

    /// @notice Up to count registered nodes starting at position start.
    function listNodes(uint256 start, uint256 count) external view returns (NodeInfo[] memory out) {
        uint256 len = _list.length;
        if (start >= len) return new NodeInfo[](0);
        uint256 end = start + count > len ? len : start + count;
        out = new NodeInfo[](end - start);
        for (uint256 i = start; i < end; i++) {
            out[i - start] = _info(_list[i]);
        }
    }

    /// @notice One node's record (registered or not).
    function getNode(address node) external view returns (NodeInfo memory) {
        return _info(node);
    }

    // ---- internal ----

    function _info(address a) internal view returns (NodeInfo memory info) {
        Node storage n = _nodes[a];
        info.node = a;
        info.endpoint = n.endpoint;
        info.stake = n.stake;
        info.unbonding = n.unbonding;
        info.unbondableAt = n.unbondableAt;
        info.capacity = n.capacity;
        info.registered = n.registered;
        info.services = _services[a];
    }

    function _checkAnnouncement(string calldata endpoint, Service[] calldata services) internal pure {
        uint256 el = bytes(endpoint).length;
        if (el == 0 || el > MAX_ENDPOINT_LENGTH) revert BadEndpoint();
        if (services.length > MAX_SERVICES) revert TooManyServices();
        for (uint256 i = 0; i < services.length; i++) {
            bytes memory name = bytes(services[i].name);
            if (name.length == 0 || name.length > MAX_NAME_LENGTH) revert BadService(i);
            for (uint256 j = 0; j < name.length; j++) {
                bytes1 ch = name[j];
                bool ok = (ch >= 0x61 && ch <= 0x7a) || (ch >= 0x30 && ch <= 0x39) || ch == 0x2d;
                if (!ok) revert BadService(i);
            }
            for (uint256 j = 0; j < i; j++) {
                if (keccak256(bytes(services[j].name)) == keccak256(name)) revert BadService(i);
            }
        }
    }

    function _setServices(address a, Service[] calldata services) internal {
        delete _services[a];
        Service[] storage s = _services[a];
        for (uint256 i = 0; i < services.length; i++) {
            s.push(Service({name: services[i].name, price: services[i].price}));
        }
    }

    function _deregister(address a) internal {
        Node storage n = _nodes[a];
        n.registered = false;
        delete _services[a];
        uint256 idx = _listIndex[a];
        if (idx != 0) {
            uint256 last = _list.length;
            if (idx != last) {
                address moved = _list[last - 1];
                _list[idx - 1] = moved;
                _listIndex[moved] = idx;
            }
            _list.pop();
            _listIndex[a] = 0;
        }
        emit Deregistered(a);
    }

    /// @dev Takes up to amount from stake then unbonding. A registered node
    /// left under minStake is deregistered and its stake starts unbonding.
    function _take(address node, uint256 amount) internal returns (uint256 taken) {
        Node storage n = _nodes[node];
        uint256 fromStake = amount > n.stake ? n.stake : amount;
        n.stake -= fromStake;
        uint256 rest = amount - fromStake;
        uint256 fromUnbonding = rest > n.unbonding ? n.unbonding : rest;
        n.unbonding -= fromUnbonding;
        taken = fromStake + fromUnbonding;
        if (n.registered && n.stake < minStake) {
            n.unbonding += n.stake;
            n.stake = 0;
            n.unbondableAt = uint64(block.timestamp) + unbondingDelay;
            _deregister(node);
        }
    }

    function _setParams(
        uint256 minStake_,
        uint64 unbondingDelay_,
        uint64 challengeWindow_,
        uint256 challengeBond_,
        uint256 challengeSlash_
    ) internal {
        minStake = minStake_;
        unbondingDelay = unbondingDelay_;
        challengeWindow = challengeWindow_;
        challengeBond = challengeBond_;
        challengeSlash = challengeSlash_;
        emit ParamsChanged(minStake_, unbondingDelay_, challengeWindow_, challengeBond_, challengeSlash_);
    }
}
