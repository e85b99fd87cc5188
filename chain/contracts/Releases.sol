// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @title Releases approved by governance
/// @notice Records the releases of the mycroft binary that governance
/// approved. The owner is the Timelock: a release is published by a
/// proposal that was voted and executed, never by one key. A release has a
/// version (semver packed as major<<32 | minor<<16 | patch), the lowest
/// version a device may update from, the keccak256 of its notes (the notes
/// themselves are in the event), and per architecture ("arm64", "armv7",
/// "amd64") the binary's sha256, its size in bytes and the Merkle root of
/// the set storage nodes keep it in. The hash is the release's identity:
/// where to fetch it from is each device's own configuration.
///
/// Versions only go up: a version must be above every version ever
/// published (a revoked one too), so an old release can never be
/// published again over a newer one. Governance can revoke a release;
/// latestVersion then falls back to the newest one not revoked.
contract Releases is Ownable {
    struct Release {
        uint64 minVersion;
        uint64 publishedAt;
        uint64 publishedBlock;
        bool revoked;
        bytes32 notesHash;
    }

    struct Artifact {
        bytes32 digest;
        uint64 size;
        bytes32 storageRoot;
    }

    /// @notice One architecture's binary, as publish takes it.
    struct ArtifactInput {
        string arch;
        bytes32 digest;
        uint64 size;
        bytes32 storageRoot;
    }

    /// @notice At most this many architectures per release.
    uint256 public constant MAX_ARCHS = 8;

    /// @notice The newest release not revoked (0: none).
    uint64 public latestVersion;

    uint64[] private versions;
    mapping(uint64 version => Release) private releases;
    mapping(uint64 version => mapping(bytes32 arch => Artifact)) private artifacts;

    error VersionNotNewer(uint64 version, uint64 highest);
    error BadMinVersion(uint64 minVersion, uint64 version);
    error BadArtifacts();
    error NoSuchRelease(uint64 version);

    event ReleasePublished(
        uint64 indexed version,
        uint64 minVersion,
        bytes32 notesHash,
        string notes,
        ArtifactInput[] artifacts
    );
    event ReleaseRevoked(uint64 indexed version, string reason);

    constructor(address owner_) Ownable(owner_) {}

    /// @notice Publishes a release (owner only: the Timelock).
    function publish(
        uint64 version,
        uint64 minVersion,
        string calldata notes,
        ArtifactInput[] calldata arts
    ) external onlyOwner {
        uint64 highest = versions.length == 0 ? 0 : versions[versions.length - 1];
        if (version <= highest) revert VersionNotNewer(version, highest);
        if (minVersion > version) revert BadMinVersion(minVersion, version);
        if (arts.length == 0 || arts.length > MAX_ARCHS) revert BadArtifacts();
        for (uint256 i = 0; i < arts.length; i++) {
            ArtifactInput calldata a = arts[i];
            uint256 l = bytes(a.arch).length;
            if (l == 0 || l > 16 || a.digest == bytes32(0) || a.size == 0) revert BadArtifacts();
            Artifact storage slot = artifacts[version][keccak256(bytes(a.arch))];
            if (slot.size != 0) revert BadArtifacts(); // an architecture twice
            slot.digest = a.digest;
            slot.size = a.size;
            slot.storageRoot = a.storageRoot;
        }
        bytes32 notesHash = keccak256(bytes(notes));
        releases[version] = Release(minVersion, uint64(block.timestamp), uint64(block.number), false, notesHash);
        versions.push(version);
        latestVersion = version;
        emit ReleasePublished(version, minVersion, notesHash, notes, arts);
    }

    /// @notice Revokes a release (owner only): devices no longer install it.
    function revoke(uint64 version, string calldata reason) external onlyOwner {
        Release storage r = releases[version];
        if (r.publishedAt == 0 || r.revoked) revert NoSuchRelease(version);
        r.revoked = true;
        if (latestVersion == version) {
            uint64 latest = 0;
            for (uint256 i = versions.length; i > 0; i--) {
                uint64 v = versions[i - 1];
                if (!releases[v].revoked) {
                    latest = v;
                    break;
                }
            }
            latestVersion = latest;
        }
        emit ReleaseRevoked(version, reason);
    }

    /// @notice A release and its artifact for one architecture; size is 0
    /// when the release has no such architecture, publishedAt 0 when there
    /// is no such release.
    function release(uint64 version, string calldata arch)
        external
        view
        returns (
            uint64 minVersion,
            uint64 publishedAt,
            uint64 publishedBlock,
            bool revoked,
            bytes32 notesHash,
            bytes32 digest,
            uint64 size,
            bytes32 storageRoot
        )
    {
        Release storage r = releases[version];
        Artifact storage a = artifacts[version][keccak256(bytes(arch))];
        return (r.minVersion, r.publishedAt, r.publishedBlock, r.revoked, r.notesHash, a.digest, a.size, a.storageRoot);
    }

    /// @notice How many releases were ever published.
    function count() external view returns (uint256) {
        return versions.length;
    }

    /// @notice The version of the i-th release published (oldest first).
    function versionAt(uint256 i) external view returns (uint64) {
        return versions[i];
    }
}
