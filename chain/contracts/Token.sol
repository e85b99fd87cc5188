// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";

/// @title Mycroft token (MYC)
/// @notice Fixed-supply ERC-20 with permit and vote delegation. The votes
/// clock is the block timestamp (ERC-6372 "mode=timestamp"), the same clock
/// the Governor uses, so voting delays and periods are in seconds.
contract Token is ERC20, ERC20Permit, ERC20Votes {
    /// @param holder receives the whole supply at deployment
    /// @param supply total supply in base units (18 decimals)
    constructor(address holder, uint256 supply) ERC20("Mycroft token", "MYC") ERC20Permit("Mycroft token") {
        _mint(holder, supply);
    }

    /// @notice ERC-6372 clock: the block timestamp.
    function clock() public view override returns (uint48) {
        return uint48(block.timestamp);
    }

    /// @notice ERC-6372 clock: the block timestamp.
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() public pure override returns (string memory) {
        return "mode=timestamp";
    }

    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Votes) {
        super._update(from, to, value);
    }

    function nonces(address owner) public view override(ERC20Permit, Nonces) returns (uint256) {
        return super.nonces(owner);
    }
}
