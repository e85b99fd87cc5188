// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";

/// @title Mycroft treasury timelock
/// @notice OpenZeppelin TimelockController: holds the treasury (MYC and
/// native coin) and owns Registry and Grants. The Governor is its proposer
/// and canceller; anyone may execute a ready operation.
contract Timelock is TimelockController {
    constructor(uint256 minDelay, address[] memory proposers, address[] memory executors, address admin)
        TimelockController(minDelay, proposers, executors, admin)
    {}
}
