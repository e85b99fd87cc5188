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

// MycroftGovernorMetaData contains all meta data concerning the MycroftGovernor contract.
var MycroftGovernorMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"contractIVotes\",\"name\":\"token_\",\"type\":\"address\"},{\"internalType\":\"contractTimelockController\",\"name\":\"timelock_\",\"type\":\"address\"},{\"internalType\":\"uint48\",\"name\":\"votingDelay_\",\"type\":\"uint48\"},{\"internalType\":\"uint32\",\"name\":\"votingPeriod_\",\"type\":\"uint32\"},{\"internalType\":\"uint256\",\"name\":\"proposalThreshold_\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"quorumPercent_\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[],\"name\":\"CheckpointUnorderedInsertion\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"FailedCall\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"voter\",\"type\":\"address\"}],\"name\":\"GovernorAlreadyCastVote\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"proposalId\",\"type\":\"uint256\"}],\"name\":\"GovernorAlreadyQueuedProposal\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"GovernorDisabledDeposit\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"proposer\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"votes\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"threshold\",\"type\":\"uint256\"}],\"name\":\"GovernorInsufficientProposerVotes\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"targets\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"calldatas\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"values\",\"type\":\"uint256\"}],\"name\":\"GovernorInvalidProposalLength\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"quorumNumerator\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"quorumDenominator\",\"type\":\"uint256\"}],\"name\":\"GovernorInvalidQuorumFraction\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"voter\",\"type\":\"address\"}],\"name\":\"GovernorInvalidSignature\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"GovernorInvalidVoteParams\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"GovernorInvalidVoteType\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"votingPeriod\",\"type\":\"uint256\"}],\"name\":\"GovernorInvalidVotingPeriod\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"proposalId\",\"type\":\"uint256\"}],\"name\":\"GovernorNonexistentProposal\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"proposalId\",\"type\":\"uint256\"}],\"name\":\"GovernorNotQueuedProposal\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"GovernorOnlyExecutor\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"GovernorQueueNotImplemented\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"proposer\",\"type\":\"address\"}],\"name\":\"GovernorRestrictedProposer\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"proposalId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"GovernorUnableToCancel\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"proposalId\",\"type\":\"uint256\"},{\"internalType\":\"enumIGovernor.ProposalState\",\"name\":\"current\",\"type\":\"uint8\"},{\"internalType\":\"bytes32\",\"name\":\"expectedStates\",\"type\":\"bytes32\"}],\"name\":\"GovernorUnexpectedProposalState\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"currentNonce\",\"type\":\"uint256\"}],\"name\":\"InvalidAccountNonce\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidShortString\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint8\",\"name\":\"bits\",\"type\":\"uint8\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"SafeCastOverflowedUintDowncast\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"str\",\"type\":\"string\"}],\"name\":\"StringTooLong\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[],\"name\":\"EIP712DomainChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"proposalId\",\"type\":\"uint256\"}],\"name\":\"ProposalCanceled\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"proposalId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"proposer\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"address[]\",\"name\":\"targets\",\"type\":\"address[]\"},{\"indexed\":false,\"internalType\":\"uint256[]\",\"name\":\"values\",\"type\":\"uint256[]\"},{\"indexed\":false,\"internalType\":\"string[]\",\"name\":\"signatures\",\"type\":\"string[]\"},{\"indexed\":false,\"internalType\":\"bytes[]\",\"name\":\"calldatas\",\"type\":\"bytes[]\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"voteStart\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"voteEnd\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"description\",\"type\":\"string\"}],\"name\":\"ProposalCreated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"proposalId\",\"type\":\"uint256\"}],\"name\":\"ProposalExecuted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"proposalId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"etaSeconds\",\"type\":\"uint256\"}],\"name\":\"ProposalQueued\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"oldProposalThreshold\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"newProposalThreshold\",\"type\":\"uint256\"}],\"name\":\"ProposalThresholdSet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"oldQuorumNumerator\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"newQuorumNumerator\",\"type\":\"uint256\"}],\"name\":\"QuorumNumeratorUpdated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"address\",\"name\":\"oldTimelock\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"newTimelock\",\"type\":\"address\"}],\"name\":\"TimelockChange\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"voter\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"proposalId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint8\",\"name\":\"support\",\"type\":\"uint8\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"weight\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"reason\",\"type\":\"string\"}],\"name\":\"VoteCast\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"voter\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"proposalId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint8\",\"name\":\"support\",\"type\":\"uint8\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"weight\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"reason\",\"type\":\"string\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"params\",\"type\":\"bytes\"}],\"name\":\"VoteCastWithParams\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"oldVotingDelay\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"newVotingDelay\",\"type\":\"uint256\"}],\"name\":\"VotingDelaySet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"oldVotingPeriod\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"newVotingPeriod\",\"type\":\"uint256\"}],\"name\":\"VotingPeriodSet\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"BALLOT_TYPEHASH\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"CLOCK_MODE\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"COUNTING_MODE\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"EXTENDED_BALLOT_TYPEHASH\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address[]\",\"name\":\"targets\",\"type\":\"address[]\"},{\"internalType\":\"uint256[]\",\"name\":\"values\",\"type\":\"uint256[]\"},{\"internalType\":\"bytes[]\",\"name\":\"calldatas\",\"type\":\"bytes[]\"},{\"internalType\":\"bytes32\",\"name\":\"descriptionHash\",\"type\":\"bytes32\"}],\"name\":\"cancel\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"proposalId\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"support\",\"type\":\"uint8\"}],\"name\":\"castVote\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"proposalId\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"support\",\"type\":\"uint8\"},{\"internalType\":\"address\",\"name\":\"voter\",\"type\":\"address\"},{\"internalType\":\"bytes\",\"name\":\"signature\",\"type\":\"bytes\"}],\"name\":\"castVoteBySig\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"proposalId\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"support\",\"type\":\"uint8\"},{\"internalType\":\"string\",\"name\":\"reason\",\"type\":\"string\"}],\"name\":\"castVoteWithReason\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"proposalId\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"support\",\"type\":\"uint8\"},{\"internalType\":\"string\",\"name\":\"reason\",\"type\":\"string\"},{\"internalType\":\"bytes\",\"name\":\"params\",\"type\":\"bytes\"}],\"name\":\"castVoteWithReasonAndParams\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"proposalId\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"support\",\"type\":\"uint8\"},{\"internalType\":\"address\",\"name\":\"voter\",\"type\":\"address\"},{\"internalType\":\"string\",\"name\":\"reason\",\"type\":\"string\"},{\"internalType\":\"bytes\",\"name\":\"params\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"signature\",\"type\":\"bytes\"}],\"name\":\"castVoteWithReasonAndParamsBySig\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"clock\",\"outputs\":[{\"internalType\":\"uint48\",\"name\":\"\",\"type\":\"uint48\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"eip712Domain\",\"outputs\":[{\"internalType\":\"bytes1\",\"name\":\"fields\",\"type\":\"bytes1\"},{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"version\",\"type\":\"string\"},{\"internalType\":\"uint256\",\"name\":\"chainId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"verifyingContract\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"salt\",\"type\":\"bytes32\"},{\"internalType\":\"uint256[]\",\"name\":\"extensions\",\"type\":\"uint256[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address[]\",\"name\":\"targets\",\"type\":\"address[]\"},{\"internalType\":\"uint256[]\",\"name\":\"values\",\"type\":\"uint256[]\"},{\"internalType\":\"bytes[]\",\"name\":\"calldatas\",\"type\":\"bytes[]\"},{\"internalType\":\"bytes32\",\"name\":\"descriptionHash\",\"type\":\"bytes32\"}],\"name\":\"execute\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address[]\",\"name\":\"targets\",\"type\":\"address[]\"},{\"internalType\":\"uint256[]\",\"name\":\"values\",\"type\":\"uint256[]\"},{\"internalType\":\"bytes[]\",\"name\":\"calldatas\",\"type\":\"bytes[]\"},{\"internalType\":\"bytes32\",\"name\":\"descriptionHash\",\"type\":\"bytes32\"}],\"name\":\"getProposalId\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"timepoint\",\"type\":\"uint256\"}],\"name\":\"getVotes\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"timepoint\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"params\",\"type\":\"bytes\"}],\"name\":\"getVotesWithParams\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"proposalId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"hasVoted\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address[]\",\"name\":\"targets\",\"type\":\"address[]\"},{\"internalType\":\"uint256[]\",\"name\":\"values\",\"type\":\"uint256[]\"},{\"internalType\":\"bytes[]\",\"name\":\"calldatas\",\"type\":\"bytes[]\"},{\"internalType\":\"bytes32\",\"name\":\"descriptionHash\",\"type\":\"bytes32\"}],\"name\":\"hashProposal\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"name\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"nonces\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"},{\"internalType\":\"uint256[]\",\"name\":\"\",\"type\":\"uint256[]\"},{\"internalType\":\"uint256[]\",\"name\":\"\",\"type\":\"uint256[]\"},{\"internalType\":\"bytes\",\"name\":\"\",\"type\":\"bytes\"}],\"name\":\"onERC1155BatchReceived\",\"outputs\":[{\"internalType\":\"bytes4\",\"name\":\"\",\"type\":\"bytes4\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"\",\"type\":\"bytes\"}],\"name\":\"onERC1155Received\",\"outputs\":[{\"internalType\":\"bytes4\",\"name\":\"\",\"type\":\"bytes4\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"\",\"type\":\"bytes\"}],\"name\":\"onERC721Received\",\"outputs\":[{\"internalType\":\"bytes4\",\"name\":\"\",\"type\":\"bytes4\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"proposalId\",\"type\":\"uint256\"}],\"name\":\"proposalDeadline\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"proposalId\",\"type\":\"uint256\"}],\"name\":\"proposalEta\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"proposalId\",\"type\":\"uint256\"}],\"name\":\"proposalNeedsQueuing\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"proposalId\",\"type\":\"uint256\"}],\"name\":\"proposalProposer\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"proposalId\",\"type\":\"uint256\"}],\"name\":\"proposalSnapshot\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"proposalThreshold\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"proposalId\",\"type\":\"uint256\"}],\"name\":\"proposalVotes\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"againstVotes\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"forVotes\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"abstainVotes\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address[]\",\"name\":\"targets\",\"type\":\"address[]\"},{\"internalType\":\"uint256[]\",\"name\":\"values\",\"type\":\"uint256[]\"},{\"internalType\":\"bytes[]\",\"name\":\"calldatas\",\"type\":\"bytes[]\"},{\"internalType\":\"string\",\"name\":\"description\",\"type\":\"string\"}],\"name\":\"propose\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address[]\",\"name\":\"targets\",\"type\":\"address[]\"},{\"internalType\":\"uint256[]\",\"name\":\"values\",\"type\":\"uint256[]\"},{\"internalType\":\"bytes[]\",\"name\":\"calldatas\",\"type\":\"bytes[]\"},{\"internalType\":\"bytes32\",\"name\":\"descriptionHash\",\"type\":\"bytes32\"}],\"name\":\"queue\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"timepoint\",\"type\":\"uint256\"}],\"name\":\"quorum\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"quorumDenominator\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"timepoint\",\"type\":\"uint256\"}],\"name\":\"quorumNumerator\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"quorumNumerator\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"target\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"data\",\"type\":\"bytes\"}],\"name\":\"relay\",\"outputs\":[],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"newProposalThreshold\",\"type\":\"uint256\"}],\"name\":\"setProposalThreshold\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint48\",\"name\":\"newVotingDelay\",\"type\":\"uint48\"}],\"name\":\"setVotingDelay\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint32\",\"name\":\"newVotingPeriod\",\"type\":\"uint32\"}],\"name\":\"setVotingPeriod\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"proposalId\",\"type\":\"uint256\"}],\"name\":\"state\",\"outputs\":[{\"internalType\":\"enumIGovernor.ProposalState\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes4\",\"name\":\"interfaceId\",\"type\":\"bytes4\"}],\"name\":\"supportsInterface\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"timelock\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"token\",\"outputs\":[{\"internalType\":\"contractIERC5805\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"newQuorumNumerator\",\"type\":\"uint256\"}],\"name\":\"updateQuorumNumerator\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"contractTimelockController\",\"name\":\"newTimelock\",\"type\":\"address\"}],\"name\":\"updateTimelock\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"version\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"votingDelay\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"votingPeriod\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"stateMutability\":\"payable\",\"type\":\"receive\"}]",
	ID:  "MycroftGovernor",
	Bin: "0x610180604052348015610010575f5ffd5b50604051614d95380380614d9583398101604081905261002f91610737565b8481878686866040518060400160405280601081526020016f26bcb1b937b33a1023b7bb32b93737b960811b8152508061006d61017460201b60201c565b610077825f61018f565b6101205261008681600161018f565b61014052815160208084019190912060e052815190820120610100524660a05261011260e05161010051604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201529081019290925260608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b60805250503060c05260036101278282610842565b506101339050836101c1565b61013c82610227565b610145816102cb565b5050506001600160a01b03166101605261015e8161030c565b50610168816103a1565b5050505050505061098c565b6040805180820190915260018152603160f81b602082015290565b5f6020835110156101aa576101a38361040a565b90506101bb565b816101b58482610842565b5060ff90505b92915050565b6008546040805165ffffffffffff928316815291831660208301527fc565b045403dc03c2eea82b81a0465edad9e2e7fc4d97e11421c209da93d7a93910160405180910390a16008805465ffffffffffff191665ffffffffffff92909216919091179055565b8063ffffffff165f036102545760405163f1cfbf0560e01b81525f60048201526024015b60405180910390fd5b6008546040805163ffffffff66010000000000009093048316815291831660208301527f7e3f7f0708a84de9203036abaa450dccc85ad5ff52f78c170f3edb55cf5e8828910160405180910390a16008805463ffffffff90921666010000000000000263ffffffff60301b19909216919091179055565b60075460408051918252602082018390527fccb45da8d5717e6c4544694297c4ba5cf151d455c9bb0ed4fc7a38411bc05461910160405180910390a1600755565b6064808211156103395760405163243e544560e01b8152600481018390526024810182905260440161024b565b5f610342610447565b905061036161034f610460565b610358856104da565b600a9190610511565b505060408051828152602081018590527f0553476bf02ef2726e8ce5ced78d63e26e602e4a2257b1f559418e24b4633997910160405180910390a1505050565b600b54604080516001600160a01b03928316815291831660208301527f08f74ea46ef7894f65eabfb5e6e695de773a000b47c529ab559178069b226401910160405180910390a1600b80546001600160a01b0319166001600160a01b0392909216919091179055565b5f5f829050601f81511115610434578260405163305a27a960e01b815260040161024b91906108fc565b805161043f82610931565b179392505050565b5f610452600a61052b565b6001600160d01b0316905090565b5f61046b6101605190565b6001600160a01b03166391ddadf46040518163ffffffff1660e01b8152600401602060405180830381865afa9250505080156104c4575060408051601f3d908101601f191682019092526104c191810190610954565b60015b6104d5576104d0610573565b905090565b919050565b5f6001600160d01b0382111561050d576040516306dfcc6560e41b815260d060048201526024810183905260440161024b565b5090565b5f8061051e85858561057d565b915091505b935093915050565b80545f90801561056a576105518361054460018461096d565b5f91825260209091200190565b54660100000000000090046001600160d01b031661056c565b5f5b9392505050565b5f6104d0436106d9565b82545f908190801561067c575f6105998761054460018561096d565b805490915065ffffffffffff80821691660100000000000090046001600160d01b03169088168211156105df57604051632520601d60e01b815260040160405180910390fd5b8765ffffffffffff168265ffffffffffff160361061b57825465ffffffffffff1666010000000000006001600160d01b0389160217835561066e565b6040805180820190915265ffffffffffff808a1682526001600160d01b03808a1660208085019182528d54600181018f555f8f815291909120945191519092166601000000000000029216919091179101555b945085935061052392505050565b50506040805180820190915265ffffffffffff80851682526001600160d01b0380851660208085019182528854600181018a555f8a8152918220955192519093166601000000000000029190931617920191909155905081610523565b5f65ffffffffffff82111561050d576040516306dfcc6560e41b8152603060048201526024810183905260440161024b565b6001600160a01b038116811461071f575f5ffd5b50565b805165ffffffffffff811681146104d5575f5ffd5b5f5f5f5f5f5f60c0878903121561074c575f5ffd5b86516107578161070b565b60208801519096506107688161070b565b945061077660408801610722565b9350606087015163ffffffff8116811461078e575f5ffd5b608088015160a090980151969995985093969395939492505050565b634e487b7160e01b5f52604160045260245ffd5b600181811c908216806107d257607f821691505b6020821081036107f057634e487b7160e01b5f52602260045260245ffd5b50919050565b601f82111561083d57805f5260205f20601f840160051c8101602085101561081b5750805b601f840160051c820191505b8181101561083a575f8155600101610827565b50505b505050565b81516001600160401b0381111561085b5761085b6107aa565b61086f8161086984546107be565b846107f6565b6020601f8211600181146108a1575f831561088a5750848201515b5f19600385901b1c1916600184901b17845561083a565b5f84815260208120601f198516915b828110156108d057878501518255602094850194600190920191016108b0565b50848210156108ed57868401515f19600387901b60f8161c191681555b50505050600190811b01905550565b602081525f82518060208401528060208501604085015e5f604082850101526040601f19601f83011684010191505092915050565b805160208083015191908110156107f0575f1960209190910360031b1b16919050565b5f60208284031215610964575f5ffd5b61056c82610722565b818103818111156101bb57634e487b7160e01b5f52601160045260245ffd5b60805160a05160c05160e05161010051610120516101405161016051614392610a035f395f81816109c101528181610e29015281816111f601528181611e28015261208201525f611d6c01525f611d4001525f612ddf01525f612db701525f612d1201525f612d3c01525f612d6601526143925ff3fe6080604052600436106102a8575f3560e01c80637ecebe001161016f578063bc197c81116100d8578063deaaa7cc11610092578063ece40cc11161006d578063ece40cc114610956578063f23a6e6114610975578063f8ce560a14610994578063fc0c546a146109b3575f5ffd5b8063deaaa7cc146108e5578063e540d01d14610918578063eb9019d414610937575f5ffd5b8063bc197c8114610813578063c01f9e3714610832578063c28bc2fa14610851578063c59057e414610864578063d33219b414610883578063dd4e2ba5146108a0575f5ffd5b8063a7713a7011610129578063a7713a7014610758578063a890c9101461076c578063a8f8a6681461078b578063a9a95294146107aa578063ab58fb8e146107c9578063b58131b0146107ff575f5ffd5b80637ecebe001461068157806384b0196e146106b55780638ff262e3146106dc57806391ddadf4146106fb57806397c3d334146107265780639a802a6d14610739575f5ffd5b806343859632116102115780635b8d0e0d116101cb5780635b8d0e0d146105c75780635f398a14146105e657806360c4247f1461060557806379051887146106245780637b3c71d3146106435780637d5e81e214610662575f5ffd5b806343859632146104ca578063452115d6146105125780634bf5d7e914610531578063544ffc9c1461054557806354fd4d501461057f57806356781388146105a8575f5ffd5b8063160cbed711610262578063160cbed7146104065780632656227d146104255780632d63f693146104385780632fe3e261146104575780633932abb11461048a5780633e4f49e61461049e575f5ffd5b806301ffc9a7146102e357806302a251a31461031757806306f3f9e61461034257806306fdde0314610361578063143489d014610382578063150b7a02146103ce575f5ffd5b366102df57306102b66109e5565b6001600160a01b0316146102dd57604051637485328f60e11b815260040160405180910390fd5b005b5f5ffd5b3480156102ee575f5ffd5b506103026102fd3660046133a0565b6109fd565b60405190151581526020015b60405180910390f35b348015610322575f5ffd5b50600854600160301b900463ffffffff165b60405190815260200161030e565b34801561034d575f5ffd5b506102dd61035c3660046133c7565b610a69565b34801561036c575f5ffd5b50610375610a7d565b60405161030e919061340c565b34801561038d575f5ffd5b506103b661039c3660046133c7565b5f908152600460205260409020546001600160a01b031690565b6040516001600160a01b03909116815260200161030e565b3480156103d9575f5ffd5b506103ed6103e83660046134f5565b610b0d565b6040516001600160e01b0319909116815260200161030e565b348015610411575f5ffd5b506103346104203660046136bb565b610b4f565b6103346104333660046136bb565b610c1b565b348015610443575f5ffd5b506103346104523660046133c7565b610d83565b348015610462575f5ffd5b506103347f3e83946653575f9a39005e1545185629e92736b7528ab20ca3816f315424a81181565b348015610495575f5ffd5b50610334610da3565b3480156104a9575f5ffd5b506104bd6104b83660046133c7565b610db5565b60405161030e9190613782565b3480156104d5575f5ffd5b506103026104e4366004613790565b5f8281526009602090815260408083206001600160a01b038516845260030190915290205460ff1692915050565b34801561051d575f5ffd5b5061033461052c3660046136bb565b610dbf565b34801561053c575f5ffd5b50610375610e25565b348015610550575f5ffd5b5061056461055f3660046133c7565b610ee5565b6040805193845260208401929092529082015260600161030e565b34801561058a575f5ffd5b506040805180820190915260018152603160f81b6020820152610375565b3480156105b3575f5ffd5b506103346105c23660046137ce565b610f0a565b3480156105d2575f5ffd5b506103346105e136600461383c565b610f31565b3480156105f1575f5ffd5b506103346106003660046138f8565b610fee565b348015610610575f5ffd5b5061033461061f3660046133c7565b611036565b34801561062f575f5ffd5b506102dd61063e36600461398c565b611042565b34801561064e575f5ffd5b5061033461065d3660046139a7565b611053565b34801561066d575f5ffd5b5061033461067c3660046139fc565b6110a3565b34801561068c575f5ffd5b5061033461069b366004613ab8565b6001600160a01b03165f9081526002602052604090205490565b3480156106c0575f5ffd5b506106c9611159565b60405161030e9796959493929190613b0d565b3480156106e7575f5ffd5b506103346106f6366004613b7c565b61119b565b348015610706575f5ffd5b5061070f6111f3565b60405165ffffffffffff909116815260200161030e565b348015610731575f5ffd5b506064610334565b348015610744575f5ffd5b50610334610753366004613bc9565b61127a565b348015610763575f5ffd5b50610334611290565b348015610777575f5ffd5b506102dd610786366004613ab8565b6112a9565b348015610796575f5ffd5b506103346107a53660046136bb565b6112ba565b3480156107b5575f5ffd5b506103026107c43660046133c7565b6112c7565b3480156107d4575f5ffd5b506103346107e33660046133c7565b5f9081526004602052604090206001015465ffffffffffff1690565b34801561080a575f5ffd5b506103346112cf565b34801561081e575f5ffd5b506103ed61082d366004613c1d565b6112d9565b34801561083d575f5ffd5b5061033461084c3660046133c7565b61131c565b6102dd61085f366004613cb4565b61135e565b34801561086f575f5ffd5b5061033461087e3660046136bb565b6113da565b34801561088e575f5ffd5b50600b546001600160a01b03166103b6565b3480156108ab575f5ffd5b506040805180820190915260208082527f737570706f72743d627261766f2671756f72756d3d666f722c6162737461696e90820152610375565b3480156108f0575f5ffd5b506103347ff2aad550cf55f045cb27e9c559f9889fdfb6e6cdaa032301d6ea397784ae51d781565b348015610923575f5ffd5b506102dd610932366004613cf3565b611413565b348015610942575f5ffd5b50610334610951366004613d16565b611424565b348015610961575f5ffd5b506102dd6109703660046133c7565b611443565b348015610980575f5ffd5b506103ed61098f366004613d40565b611454565b34801561099f575f5ffd5b506103346109ae3660046133c7565b611497565b3480156109be575f5ffd5b507f00000000000000000000000000000000000000000000000000000000000000006103b6565b5f6109f8600b546001600160a01b031690565b905090565b5f6001600160e01b031982166366defe7760e11b1480610a2d57506001600160e01b031982166332a2ad4360e11b145b80610a4857506001600160e01b03198216630271189760e51b145b80610a6357506301ffc9a760e01b6001600160e01b03198316145b92915050565b610a716114a1565b610a7a8161151a565b50565b606060038054610a8c90613d97565b80601f0160208091040260200160405190810160405280929190818152602001828054610ab890613d97565b8015610b035780601f10610ada57610100808354040283529160200191610b03565b820191905f5260205f20905b815481529060010190602001808311610ae657829003601f168201915b5050505050905090565b5f30610b176109e5565b6001600160a01b031614610b3e57604051637485328f60e11b815260040160405180910390fd5b50630a85bd0160e11b949350505050565b5f5f610b5d868686866112ba565b9050610b7281610b6d60046115af565b6115d1565b505f610b81828888888861160e565b905065ffffffffffff811615610bf8575f82815260046020908152604091829020600101805465ffffffffffff191665ffffffffffff85169081179091558251858152918201527f9a2e42fd6722813d69113e7d0079d3d940171428df7373df9c7f7617cfda2892910160405180910390a1610c11565b604051634844252360e11b815260040160405180910390fd5b5095945050505050565b5f5f610c29868686866112ba565b9050610c4981610c3960056115af565b610c4360046115af565b176115d1565b505f818152600460205260409020805460ff60f01b1916600160f01b17905530610c716109e5565b6001600160a01b031614610cfa575f5b8651811015610cf857306001600160a01b0316878281518110610ca657610ca6613dcf565b60200260200101516001600160a01b031603610cf057610cf0858281518110610cd157610cd1613dcf565b602002602001015180519060200120600561161c90919063ffffffff16565b600101610c81565b505b610d07818787878761167d565b30610d106109e5565b6001600160a01b031614158015610d3c57506005546001600160801b03808216600160801b9092041614155b15610d46575f6005555b6040518181527f712ae1383f79ac853f8d882153778e0260ef8f03b504e2866e0593e04d2b291f906020015b60405180910390a195945050505050565b5f90815260046020526040902054600160a01b900465ffffffffffff1690565b5f6109f860085465ffffffffffff1690565b5f610a6382611691565b5f5f610dcd868686866112ba565b905033610dda82826117ca565b610e0e57604051638fe5d8a960e01b8152600481018390526001600160a01b03821660248201526044015b60405180910390fd5b610e1a8787878761180f565b979650505050505050565b60607f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316634bf5d7e96040518163ffffffff1660e01b81526004015f60405180830381865afa925050508015610ea457506040513d5f823e601f3d908101601f19168201604052610ea19190810190613de3565b60015b610ee0575060408051808201909152601d81527f6d6f64653d626c6f636b6e756d6265722666726f6d3d64656661756c74000000602082015290565b919050565b5f818152600960205260409020805460018201546002909201549091905b9193909250565b5f80339050610f2984828560405180602001604052805f81525061181c565b949350505050565b5f610f7788888888888080601f0160208091040260200160405190810160405280939291908181526020018383808284375f920191909152508a925089915061183d9050565b610f9f576040516394ab6c0760e01b81526001600160a01b0387166004820152602401610e05565b610fe288878988888080601f0160208091040260200160405190810160405280939291908181526020018383808284375f920191909152508a925061190a915050565b98975050505050505050565b5f80339050610e1a87828888888080601f0160208091040260200160405190810160405280939291908181526020018383808284375f920191909152508a925061190a915050565b5f610a63600a836119e8565b61104a6114a1565b610a7a81611a35565b5f8033905061109986828787878080601f0160208091040260200160405190810160405280939291908181526020018383808284375f9201919091525061181c92505050565b9695505050505050565b5f336110af8184611a9b565b6110d75760405163d9b3955760e01b81526001600160a01b0382166004820152602401610e05565b5f6110e06112cf565b9050801561114c575f61110e8360016110f76111f3565b6111019190613e6b565b65ffffffffffff16611424565b90508181101561114a57604051636121770b60e11b81526001600160a01b03841660048201526024810182905260448101839052606401610e05565b505b610e1a8787878786611b1f565b5f6060805f5f5f606061116a611d39565b611172611d65565b604080515f80825260208201909252600f60f81b9b939a50919850469750309650945092509050565b5f6111a885858585611d92565b6111d0576040516394ab6c0760e01b81526001600160a01b0384166004820152602401610e05565b6111ea85848660405180602001604052805f81525061181c565b95945050505050565b5f7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03166391ddadf46040518163ffffffff1660e01b8152600401602060405180830381865afa92505050801561126e575060408051601f3d908101601f1916820190925261126b91810190613e89565b60015b610ee0576109f8611e1b565b5f611286848484611e25565b90505b9392505050565b5f61129b600a611eb8565b6001600160d01b0316905090565b6112b16114a1565b610a7a81611efc565b5f6111ea858585856113da565b5f6001610a63565b5f6109f860075490565b5f306112e36109e5565b6001600160a01b03161461130a57604051637485328f60e11b815260040160405180910390fd5b5063bc197c8160e01b95945050505050565b5f8181526004602052604081205461135090600160d01b810463ffffffff1690600160a01b900465ffffffffffff16613ea4565b65ffffffffffff1692915050565b6113666114a1565b5f5f856001600160a01b0316858585604051611383929190613ec2565b5f6040518083038185875af1925050503d805f81146113bd576040519150601f19603f3d011682016040523d82523d5f602084013e6113c2565b606091505b50915091506113d18282611f65565b50505050505050565b5f848484846040516020016113f29493929190613f64565b60408051601f19818403018152919052805160209091012095945050505050565b61141b6114a1565b610a7a81611f81565b5f611289838361143e60408051602081019091525f815290565b611e25565b61144b6114a1565b610a7a8161201d565b5f3061145e6109e5565b6001600160a01b03161461148557604051637485328f60e11b815260040160405180910390fd5b5063f23a6e6160e01b95945050505050565b5f610a638261205e565b336114aa6109e5565b6001600160a01b0316146114d3576040516347096e4760e01b8152336004820152602401610e05565b306114dc6109e5565b6001600160a01b031614611518575f80366040516114fb929190613ec2565b604051809103902090505b8061151160056120fb565b0361150657505b565b6064808211156115475760405163243e544560e01b81526004810183905260248101829052604401610e05565b5f611550611290565b905061156f61155d6111f3565b61156685612168565b600a919061219f565b505060408051828152602081018590527f0553476bf02ef2726e8ce5ced78d63e26e602e4a2257b1f559418e24b4633997910160405180910390a1505050565b5f8160078111156115c2576115c261374e565b600160ff919091161b92915050565b5f5f6115dc84610db5565b90505f836115e9836115af565b1603611289578381846040516331b75e4d60e01b8152600401610e0593929190613fae565b5f61109986868686866121b9565b81546001600160801b03600160801b82048116918116600183019091160361164857611648604161234a565b6001600160801b038082165f90815260018086016020526040909120939093558354919092018216600160801b029116179055565b61168a858585858561235b565b5050505050565b5f5f61169c836123eb565b905060058160078111156116b2576116b261374e565b146116bd5792915050565b5f838152600c60205260409081902054600b549151632c258a9f60e11b81526004810182905290916001600160a01b03169063584b153e90602401602060405180830381865afa158015611713573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906117379190613fd0565b15611746575060059392505050565b600b54604051632ab0f52960e01b8152600481018390526001600160a01b0390911690632ab0f52990602401602060405180830381865afa15801561178d573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906117b19190613fd0565b156117c0575060079392505050565b5060029392505050565b5f806117d584610db5565b60078111156117e6576117e661374e565b1480156112895750505f91825260046020526040909120546001600160a01b0391821691161490565b5f6111ea8585858561251c565b5f6111ea8585858561183860408051602081019091525f815290565b61190a565b5f610e1a856119047f3e83946653575f9a39005e1545185629e92736b7528ab20ca3816f315424a8118a8a8a61188f8c6001600160a01b03165f90815260026020526040902080546001810190915590565b8b516020808e01919091208c518d8301206040516118e998979695949301968752602087019590955260ff9390931660408601526001600160a01b03919091166060850152608084015260a083015260c082015260e00190565b604051602081830303815290604052805190602001206125b3565b846125df565b5f61191986610b6d60016115af565b505f61192e8661192889610d83565b85611e25565b90505f61193e888888858861264f565b905083515f0361199457866001600160a01b03167fb8e138887d0aa13bab447e82de9d5c1777041ecd21ca36ba824ff1e6c07ddda4898884896040516119879493929190613fef565b60405180910390a2610e1a565b866001600160a01b03167fe2babfbac5889a709b63bb7f598b324e08bc5a4fb9ec647fb3cbc9ec07eb871289888489896040516119d5959493929190614016565b60405180910390a2979650505050505050565b5f5f5f6119f48561274b565b9250925050838265ffffffffffff161115611a2157611a1c611a15856127a3565b86906127d5565b611a23565b805b6001600160d01b031695945050505050565b6008546040805165ffffffffffff928316815291831660208301527fc565b045403dc03c2eea82b81a0465edad9e2e7fc4d97e11421c209da93d7a93910160405180910390a16008805465ffffffffffff191665ffffffffffff92909216919091179055565b80515f906034811015611ab2576001915050610a63565b60131981840101516001600160b01b03198116692370726f706f7365723d60b01b14611ae357600192505050610a63565b5f5f611af386602a860386612877565b91509150811580610e1a5750866001600160a01b0316816001600160a01b031614979650505050505050565b5f611b3386868686805190602001206112ba565b905084518651141580611b4857508351865114155b80611b5257508551155b15611b8757855184518651604051630447b05d60e41b8152600481019390935260248301919091526044820152606401610e05565b5f81815260046020526040902054600160a01b900465ffffffffffff1615611bd05780611bb382610db5565b6040516331b75e4d60e01b8152610e059291905f90600401613fae565b5f611bd9610da3565b611be16111f3565b65ffffffffffff16611bf3919061404f565b90505f611c0d60085463ffffffff600160301b9091041690565b5f84815260046020526040902080546001600160a01b0319166001600160a01b038716178155909150611c3f836127a3565b815465ffffffffffff91909116600160a01b0265ffffffffffff60a01b19909116178155611c6c82612920565b815463ffffffff91909116600160d01b0263ffffffff60d01b1990911617815588517f7d84a6263ae0d98d3329bd7b46bb4e8d6f98cd35a7adb45c274c8b7fd5ebd5e090859087908c908c906001600160401b03811115611ccf57611ccf613432565b604051908082528060200260200182016040528015611d0257816020015b6060815260200190600190039081611ced5790505b508c89611d0f8a8261404f565b8e604051611d2599989796959493929190614062565b60405180910390a150505095945050505050565b60606109f87f00000000000000000000000000000000000000000000000000000000000000005f612950565b60606109f87f00000000000000000000000000000000000000000000000000000000000000006001612950565b5f6111ea836119047ff2aad550cf55f045cb27e9c559f9889fdfb6e6cdaa032301d6ea397784ae51d7888888611de48a6001600160a01b03165f90815260026020526040902080546001810190915590565b60408051602081019690965285019390935260ff90911660608401526001600160a01b0316608083015260a082015260c0016118e9565b5f6109f8436127a3565b5f7f0000000000000000000000000000000000000000000000000000000000000000604051630748d63560e31b81526001600160a01b038681166004830152602482018690529190911690633a46b1a890604401602060405180830381865afa158015611e94573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190611286919061413d565b80545f908015611ef457611ede83611ed1600184614154565b5f91825260209091200190565b54600160301b90046001600160d01b0316611289565b5f9392505050565b600b54604080516001600160a01b03928316815291831660208301527f08f74ea46ef7894f65eabfb5e6e695de773a000b47c529ab559178069b226401910160405180910390a1600b80546001600160a01b0319166001600160a01b0392909216919091179055565b606082611f7a57611f75826129f9565b610a63565b5080610a63565b8063ffffffff165f03611fa95760405163f1cfbf0560e01b81525f6004820152602401610e05565b6008546040805163ffffffff600160301b9093048316815291831660208301527f7e3f7f0708a84de9203036abaa450dccc85ad5ff52f78c170f3edb55cf5e8828910160405180910390a16008805463ffffffff909216600160301b0269ffffffff00000000000019909216919091179055565b60075460408051918252602082018390527fccb45da8d5717e6c4544694297c4ba5cf151d455c9bb0ed4fc7a38411bc05461910160405180910390a1600755565b604051632394e7a360e21b8152600481018290525f90610a63906001600160a01b037f00000000000000000000000000000000000000000000000000000000000000001690638e539e8c90602401602060405180830381865afa1580156120c7573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906120eb919061413d565b6120f484611036565b6064612a21565b80545f906001600160801b0380821691600160801b900416810361212357612123603161234a565b6001600160801b038181165f908152600185810160205260408220805492905585546fffffffffffffffffffffffffffffffff19169301909116919091179092555090565b5f6001600160d01b0382111561219b576040516306dfcc6560e41b815260d0600482015260248101839052604401610e05565b5090565b5f806121ac858585612ad1565b915091505b935093915050565b5f5f600b5f9054906101000a90046001600160a01b03166001600160a01b031663f27a0c926040518163ffffffff1660e01b8152600401602060405180830381865afa15801561220b573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061222f919061413d565b90505f3060601b6bffffffffffffffffffffffff19168418600b5460405163b1c5f42760e01b81529192506001600160a01b03169063b1c5f42790612280908a908a908a905f908890600401614167565b602060405180830381865afa15801561229b573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906122bf919061413d565b5f898152600c602052604080822092909255600b5491516308f2a0bb60e41b81526001600160a01b0390921691638f2a0bb091612309918b918b918b919088908a906004016141b4565b5f604051808303815f87803b158015612320575f5ffd5b505af1158015612332573d5f5f3e3d5ffd5b50505050610fe28242612345919061404f565b6127a3565b634e487b715f52806020526024601cfd5b600b546001600160a01b031663e38335e5348686865f3060601b6bffffffffffffffffffffffff191688186040518763ffffffff1660e01b81526004016123a6959493929190614167565b5f604051808303818588803b1580156123bd575f5ffd5b505af11580156123cf573d5f5f3e3d5ffd5b5050505f9687525050600c602052505060408320929092555050565b5f818152600460205260408120805460ff600160f01b8204811691600160f81b900416811561241f57506007949350505050565b801561243057506002949350505050565b5f61243a86610d83565b9050805f0361245f57604051636ad0607560e01b815260048101879052602401610e05565b5f6124686111f3565b65ffffffffffff16905080821061248557505f9695505050505050565b5f61248f8861131c565b90508181106124a657506001979650505050505050565b6124af88612c21565b15806124ce57505f888152600960205260409020805460019091015411155b156124e157506003979650505050505050565b5f8881526004602052604090206001015465ffffffffffff165f0361250e57506004979650505050505050565b506005979650505050505050565b5f5f61252a86868686612c57565b5f818152600c60205260409020549091508015610c1157600b5460405163c4d252f560e01b8152600481018390526001600160a01b039091169063c4d252f5906024015f604051808303815f87803b158015612584575f5ffd5b505af1158015612596573d5f5f3e3d5ffd5b5050505f838152600c602052604081205550509050949350505050565b5f610a636125bf612d06565b8360405161190160f01b8152600281019290925260228201526042902090565b5f836001600160a01b03163b5f0361263d575f5f6125fd8585612e2f565b5090925090505f8160038111156126165761261661374e565b1480156126345750856001600160a01b0316826001600160a01b0316145b92505050611289565b612648848484612e78565b9050611289565b5f8581526009602090815260408083206001600160a01b03881684526003810190925282205460ff16156126a1576040516371c6af4960e01b81526001600160a01b0387166004820152602401610e05565b6001600160a01b0386165f9081526003820160205260409020805460ff1916600117905560ff85166126ea5783815f015f8282546126df919061404f565b909155506127409050565b5f1960ff8616016127085783816001015f8282546126df919061404f565b60011960ff8616016127275783816002015f8282546126df919061404f565b6040516303599be160e11b815260040160405180910390fd5b509195945050505050565b80545f9081908190808203612769575f5f5f93509350935050610f03565b5f61277986611ed1600185614154565b546001955065ffffffffffff81169450600160301b90046001600160d01b03169250610f03915050565b5f65ffffffffffff82111561219b576040516306dfcc6560e41b81526030600482015260248101839052604401610e05565b81545f9081816005811115612831575f6127ee84612f4e565b6127f89085614154565b5f8881526020902090915081015465ffffffffffff90811690871610156128215780915061282f565b61282c81600161404f565b92505b505b5f61283e878785856130a6565b9050801561286b5761285587611ed1600184614154565b54600160301b90046001600160d01b0316610e1a565b505f9695505050505050565b5f5f845183118061288757508284115b1561289657505f9050806121b1565b5f6128a285600161404f565b841180156128ca575061060f60f31b6128be8787016020015190565b6001600160f01b031916145b90505f6128da821515600261420b565b6128e590602861404f565b9050806128f28787614154565b03612913575f5f612904898989613105565b90965094506121b19350505050565b5f5f9350935050506121b1565b5f63ffffffff82111561219b576040516306dfcc6560e41b81526020600482015260248101839052604401610e05565b606060ff831461296a57612963836131c6565b9050610a63565b81805461297690613d97565b80601f01602080910402602001604051908101604052809291908181526020018280546129a290613d97565b80156129ed5780601f106129c4576101008083540402835291602001916129ed565b820191905f5260205f20905b8154815290600101906020018083116129d057829003601f168201915b50505050509050610a63565b805115612a0857805160208201fd5b60405163d6bda27560e01b815260040160405180910390fd5b5f5f5f612a2e8686613203565b91509150815f03612a5257838181612a4857612a48614222565b0492505050611289565b818411612a6957612a69600385150260111861234a565b5f848688095f868103871696879004966002600389028118808a02820302808a02820302808a02820302808a02820302808a02820302808a02909103029181900381900460010185841190960395909502919093039390930492909217029150509392505050565b82545f9081908015612bc7575f612aed87611ed1600185614154565b805490915065ffffffffffff80821691600160301b90046001600160d01b0316908816821115612b3057604051632520601d60e01b815260040160405180910390fd5b8765ffffffffffff168265ffffffffffff1603612b6957825465ffffffffffff16600160301b6001600160d01b03891602178355612bb9565b6040805180820190915265ffffffffffff808a1682526001600160d01b03808a1660208085019182528d54600181018f555f8f81529190912094519151909216600160301b029216919091179101555b94508593506121b192505050565b50506040805180820190915265ffffffffffff80851682526001600160d01b0380851660208085019182528854600181018a555f8a815291822095519251909316600160301b0291909316179201919091559050816121b1565b5f81815260096020526040812060028101546001820154612c42919061404f565b612c4e6109ae85610d83565b11159392505050565b5f5f612c65868686866112ba565b9050612cb381612c7560076115af565b612c7f60066115af565b612c8960026115af565b6001612c96600782614236565b612ca190600261432a565b612cab9190614154565b1818186115d1565b505f818152600460205260409081902080546001600160f81b0316600160f81b179055517f789cf55be980739dad1d0699b93b58e806b51c9d96619bfa8fe0a28abaa7b30c90610d729083815260200190565b5f306001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016148015612d5e57507f000000000000000000000000000000000000000000000000000000000000000046145b15612d8857507f000000000000000000000000000000000000000000000000000000000000000090565b6109f8604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201527f0000000000000000000000000000000000000000000000000000000000000000918101919091527f000000000000000000000000000000000000000000000000000000000000000060608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b5f5f5f8351604103612e66576020840151604085015160608601515f1a612e588882858561321f565b955095509550505050612e71565b505081515f91506002905b9250925092565b5f5f5f856001600160a01b03168585604051602401612e98929190614338565b60408051601f198184030181529181526020820180516001600160e01b0316630b135d3f60e11b17905251612ecd9190614350565b5f60405180830381855afa9150503d805f8114612f05576040519150601f19603f3d011682016040523d82523d5f602084013e612f0a565b606091505b5091509150818015612f1e57506020815110155b801561109957508051630b135d3f60e11b90612f43908301602090810190840161413d565b149695505050505050565b5f60018211612f5b575090565b816001600160801b8210612f745760809190911c9060401b5b680100000000000000008210612f8f5760409190911c9060201b5b6401000000008210612fa65760209190911c9060101b5b620100008210612fbb5760109190911c9060081b5b6101008210612fcf5760089190911c9060041b5b60108210612fe25760049190911c9060021b5b60048210612fee5760011b5b600302600190811c9081858161300657613006614222565b048201901c9050600181858161301e5761301e614222565b048201901c9050600181858161303657613036614222565b048201901c9050600181858161304e5761304e614222565b048201901c9050600181858161306657613066614222565b048201901c9050600181858161307e5761307e614222565b048201901c905061309d81858161309757613097614222565b04821190565b90039392505050565b5f5b818310156130fd575f6130bb84846132e7565b5f8781526020902090915065ffffffffffff86169082015465ffffffffffff1611156130e9578092506130f7565b6130f481600161404f565b93505b506130a8565b509392505050565b5f80848161311486600161404f565b8511801561313c575061060f60f31b6131308388016020015190565b6001600160f01b031916145b90505f61314c821515600261420b565b90505f8061315a838a61404f565b90505b878110156131b5575f61317b6131768784016020015190565b613301565b9050600f8160ff16111561319a575f5f975097505050505050506121b1565b6131a560108461420b565b60ff90911601915060010161315d565b506001999098509650505050505050565b60605f6131d283613379565b6040805160208082528183019092529192505f91906020820181803683375050509182525060208101929092525090565b5f805f1983850993909202808410938190039390930393915050565b5f80807f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a084111561325857505f915060039050826132dd565b604080515f808252602082018084528a905260ff891692820192909252606081018790526080810186905260019060a0016020604051602081039080840390855afa1580156132a9573d5f5f3e3d5ffd5b5050604051601f1901519150506001600160a01b0381166132d457505f9250600191508290506132dd565b92505f91508190505b9450945094915050565b5f6132f56002848418614366565b6112899084841661404f565b5f60f882901c602f8111801561331a5750603a8160ff16105b1561332857602f1901610a63565b60608160ff1611801561333e575060678160ff16105b1561334c5760561901610a63565b60408160ff16118015613362575060478160ff16105b156133705760361901610a63565b5060ff92915050565b5f60ff8216601f811115610a6357604051632cd44ac360e21b815260040160405180910390fd5b5f602082840312156133b0575f5ffd5b81356001600160e01b031981168114611289575f5ffd5b5f602082840312156133d7575f5ffd5b5035919050565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b602081525f61128960208301846133de565b6001600160a01b0381168114610a7a575f5ffd5b634e487b7160e01b5f52604160045260245ffd5b604051601f8201601f191681016001600160401b038111828210171561346e5761346e613432565b604052919050565b5f6001600160401b0382111561348e5761348e613432565b50601f01601f191660200190565b5f6134ae6134a984613476565b613446565b90508281528383830111156134c1575f5ffd5b828260208301375f602084830101529392505050565b5f82601f8301126134e6575f5ffd5b6112898383356020850161349c565b5f5f5f5f60808587031215613508575f5ffd5b84356135138161341e565b935060208501356135238161341e565b92506040850135915060608501356001600160401b03811115613544575f5ffd5b613550878288016134d7565b91505092959194509250565b5f6001600160401b0382111561357457613574613432565b5060051b60200190565b5f82601f83011261358d575f5ffd5b813561359b6134a98261355c565b8082825260208201915060208360051b8601019250858311156135bc575f5ffd5b602085015b83811015610c115780356135d48161341e565b8352602092830192016135c1565b5f82601f8301126135f1575f5ffd5b81356135ff6134a98261355c565b8082825260208201915060208360051b860101925085831115613620575f5ffd5b602085015b83811015610c11578035835260209283019201613625565b5f82601f83011261364c575f5ffd5b813561365a6134a98261355c565b8082825260208201915060208360051b86010192508583111561367b575f5ffd5b602085015b83811015610c115780356001600160401b0381111561369d575f5ffd5b6136ac886020838a01016134d7565b84525060209283019201613680565b5f5f5f5f608085870312156136ce575f5ffd5b84356001600160401b038111156136e3575f5ffd5b6136ef8782880161357e565b94505060208501356001600160401b0381111561370a575f5ffd5b613716878288016135e2565b93505060408501356001600160401b03811115613731575f5ffd5b61373d8782880161363d565b949793965093946060013593505050565b634e487b7160e01b5f52602160045260245ffd5b6008811061377e57634e487b7160e01b5f52602160045260245ffd5b9052565b60208101610a638284613762565b5f5f604083850312156137a1575f5ffd5b8235915060208301356137b38161341e565b809150509250929050565b803560ff81168114610ee0575f5ffd5b5f5f604083850312156137df575f5ffd5b823591506137ef602084016137be565b90509250929050565b5f5f83601f840112613808575f5ffd5b5081356001600160401b0381111561381e575f5ffd5b602083019150836020828501011115613835575f5ffd5b9250929050565b5f5f5f5f5f5f5f60c0888a031215613852575f5ffd5b87359650613862602089016137be565b955060408801356138728161341e565b945060608801356001600160401b0381111561388c575f5ffd5b6138988a828b016137f8565b90955093505060808801356001600160401b038111156138b6575f5ffd5b6138c28a828b016134d7565b92505060a08801356001600160401b038111156138dd575f5ffd5b6138e98a828b016134d7565b91505092959891949750929550565b5f5f5f5f5f6080868803121561390c575f5ffd5b8535945061391c602087016137be565b935060408601356001600160401b03811115613936575f5ffd5b613942888289016137f8565b90945092505060608601356001600160401b03811115613960575f5ffd5b61396c888289016134d7565b9150509295509295909350565b65ffffffffffff81168114610a7a575f5ffd5b5f6020828403121561399c575f5ffd5b813561128981613979565b5f5f5f5f606085870312156139ba575f5ffd5b843593506139ca602086016137be565b925060408501356001600160401b038111156139e4575f5ffd5b6139f0878288016137f8565b95989497509550505050565b5f5f5f5f60808587031215613a0f575f5ffd5b84356001600160401b03811115613a24575f5ffd5b613a308782880161357e565b94505060208501356001600160401b03811115613a4b575f5ffd5b613a57878288016135e2565b93505060408501356001600160401b03811115613a72575f5ffd5b613a7e8782880161363d565b92505060608501356001600160401b03811115613a99575f5ffd5b8501601f81018713613aa9575f5ffd5b6135508782356020840161349c565b5f60208284031215613ac8575f5ffd5b81356112898161341e565b5f8151808452602084019350602083015f5b82811015613b03578151865260209586019590910190600101613ae5565b5093949350505050565b60ff60f81b8816815260e060208201525f613b2b60e08301896133de565b8281036040840152613b3d81896133de565b606084018890526001600160a01b038716608085015260a0840186905283810360c08501529050613b6e8185613ad3565b9a9950505050505050505050565b5f5f5f5f60808587031215613b8f575f5ffd5b84359350613b9f602086016137be565b92506040850135613baf8161341e565b915060608501356001600160401b03811115613544575f5ffd5b5f5f5f60608486031215613bdb575f5ffd5b8335613be68161341e565b92506020840135915060408401356001600160401b03811115613c07575f5ffd5b613c13868287016134d7565b9150509250925092565b5f5f5f5f5f60a08688031215613c31575f5ffd5b8535613c3c8161341e565b94506020860135613c4c8161341e565b935060408601356001600160401b03811115613c66575f5ffd5b613c72888289016135e2565b93505060608601356001600160401b03811115613c8d575f5ffd5b613c99888289016135e2565b92505060808601356001600160401b03811115613960575f5ffd5b5f5f5f5f60608587031215613cc7575f5ffd5b8435613cd28161341e565b93506020850135925060408501356001600160401b038111156139e4575f5ffd5b5f60208284031215613d03575f5ffd5b813563ffffffff81168114611289575f5ffd5b5f5f60408385031215613d27575f5ffd5b8235613d328161341e565b946020939093013593505050565b5f5f5f5f5f60a08688031215613d54575f5ffd5b8535613d5f8161341e565b94506020860135613d6f8161341e565b9350604086013592506060860135915060808601356001600160401b03811115613960575f5ffd5b600181811c90821680613dab57607f821691505b602082108103613dc957634e487b7160e01b5f52602260045260245ffd5b50919050565b634e487b7160e01b5f52603260045260245ffd5b5f60208284031215613df3575f5ffd5b81516001600160401b03811115613e08575f5ffd5b8201601f81018413613e18575f5ffd5b8051613e266134a982613476565b818152856020838501011115613e3a575f5ffd5b8160208401602083015e5f91810160200191909152949350505050565b634e487b7160e01b5f52601160045260245ffd5b65ffffffffffff8281168282160390811115610a6357610a63613e57565b5f60208284031215613e99575f5ffd5b815161128981613979565b65ffffffffffff8181168382160190811115610a6357610a63613e57565b818382375f9101908152919050565b5f8151808452602084019350602083015f5b82811015613b035781516001600160a01b0316865260209586019590910190600101613ee3565b5f82825180855260208501945060208160051b830101602085015f5b83811015613f5857601f19858403018852613f428383516133de565b6020988901989093509190910190600101613f26565b50909695505050505050565b608081525f613f766080830187613ed1565b8281036020840152613f888187613ad3565b90508281036040840152613f9c8186613f0a565b91505082606083015295945050505050565b83815260608101613fc26020830185613762565b826040830152949350505050565b5f60208284031215613fe0575f5ffd5b81518015158114611289575f5ffd5b84815260ff84166020820152826040820152608060608201525f61109960808301846133de565b85815260ff8516602082015283604082015260a060608201525f61403d60a08301856133de565b8281036080840152610fe281856133de565b80820180821115610a6357610a63613e57565b8981526001600160a01b0389166020820152610120604082018190525f9061408c9083018a613ed1565b828103606084015261409e818a613ad3565b9050828103608084015280885180835260208301915060208160051b84010160208b015f5b838110156140f557601f198684030185526140df8383516133de565b60209586019590935091909101906001016140c3565b505085810360a0870152614109818b613f0a565b93505050508560c08401528460e084015282810361010084015261412d81856133de565b9c9b505050505050505050505050565b5f6020828403121561414d575f5ffd5b5051919050565b81810381811115610a6357610a63613e57565b60a081525f61417960a0830188613ed1565b828103602084015261418b8188613ad3565b9050828103604084015261419f8187613f0a565b60608401959095525050608001529392505050565b60c081525f6141c660c0830189613ed1565b82810360208401526141d88189613ad3565b905082810360408401526141ec8188613f0a565b60608401969096525050608081019290925260a0909101529392505050565b8082028115828204841417610a6357610a63613e57565b634e487b7160e01b5f52601260045260245ffd5b60ff8181168382160190811115610a6357610a63613e57565b6001815b60018411156121b15780850481111561426e5761426e613e57565b600184161561427c57908102905b60019390931c928002614253565b5f8261429857506001610a63565b816142a457505f610a63565b81600181146142ba57600281146142c4576142e0565b6001915050610a63565b60ff8411156142d5576142d5613e57565b50506001821b610a63565b5060208310610133831016604e8410600b8410161715614303575081810a610a63565b61430f5f19848461424f565b805f190482111561432257614322613e57565b029392505050565b5f61128960ff84168361428a565b828152604060208201525f61128660408301846133de565b5f82518060208501845e5f920191825250919050565b5f8261438057634e487b7160e01b5f52601260045260245ffd5b50049056fea164736f6c634300081e000a",
}

// MycroftGovernor is an auto generated Go binding around an Ethereum contract.
type MycroftGovernor struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *MycroftGovernor) GetABI() abi.ABI {
	return c.abi
}

// NewMycroftGovernor creates a new instance of MycroftGovernor.
func NewMycroftGovernor() *MycroftGovernor {
	parsed, err := MycroftGovernorMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &MycroftGovernor{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *MycroftGovernor) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address token_, address timelock_, uint48 votingDelay_, uint32 votingPeriod_, uint256 proposalThreshold_, uint256 quorumPercent_) returns()
func (mycroftGovernor *MycroftGovernor) PackConstructor(token_ common.Address, timelock_ common.Address, votingDelay_ *big.Int, votingPeriod_ uint32, proposalThreshold_ *big.Int, quorumPercent_ *big.Int) []byte {
	enc, err := mycroftGovernor.abi.Pack("", token_, timelock_, votingDelay_, votingPeriod_, proposalThreshold_, quorumPercent_)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackBALLOTTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdeaaa7cc.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function BALLOT_TYPEHASH() view returns(bytes32)
func (mycroftGovernor *MycroftGovernor) PackBALLOTTYPEHASH() []byte {
	enc, err := mycroftGovernor.abi.Pack("BALLOT_TYPEHASH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBALLOTTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdeaaa7cc.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function BALLOT_TYPEHASH() view returns(bytes32)
func (mycroftGovernor *MycroftGovernor) TryPackBALLOTTYPEHASH() ([]byte, error) {
	return mycroftGovernor.abi.Pack("BALLOT_TYPEHASH")
}

// UnpackBALLOTTYPEHASH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xdeaaa7cc.
//
// Solidity: function BALLOT_TYPEHASH() view returns(bytes32)
func (mycroftGovernor *MycroftGovernor) UnpackBALLOTTYPEHASH(data []byte) ([32]byte, error) {
	out, err := mycroftGovernor.abi.Unpack("BALLOT_TYPEHASH", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackCLOCKMODE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4bf5d7e9.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function CLOCK_MODE() view returns(string)
func (mycroftGovernor *MycroftGovernor) PackCLOCKMODE() []byte {
	enc, err := mycroftGovernor.abi.Pack("CLOCK_MODE")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCLOCKMODE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4bf5d7e9.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function CLOCK_MODE() view returns(string)
func (mycroftGovernor *MycroftGovernor) TryPackCLOCKMODE() ([]byte, error) {
	return mycroftGovernor.abi.Pack("CLOCK_MODE")
}

// UnpackCLOCKMODE is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4bf5d7e9.
//
// Solidity: function CLOCK_MODE() view returns(string)
func (mycroftGovernor *MycroftGovernor) UnpackCLOCKMODE(data []byte) (string, error) {
	out, err := mycroftGovernor.abi.Unpack("CLOCK_MODE", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackCOUNTINGMODE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdd4e2ba5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function COUNTING_MODE() pure returns(string)
func (mycroftGovernor *MycroftGovernor) PackCOUNTINGMODE() []byte {
	enc, err := mycroftGovernor.abi.Pack("COUNTING_MODE")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCOUNTINGMODE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdd4e2ba5.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function COUNTING_MODE() pure returns(string)
func (mycroftGovernor *MycroftGovernor) TryPackCOUNTINGMODE() ([]byte, error) {
	return mycroftGovernor.abi.Pack("COUNTING_MODE")
}

// UnpackCOUNTINGMODE is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xdd4e2ba5.
//
// Solidity: function COUNTING_MODE() pure returns(string)
func (mycroftGovernor *MycroftGovernor) UnpackCOUNTINGMODE(data []byte) (string, error) {
	out, err := mycroftGovernor.abi.Unpack("COUNTING_MODE", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackEXTENDEDBALLOTTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2fe3e261.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function EXTENDED_BALLOT_TYPEHASH() view returns(bytes32)
func (mycroftGovernor *MycroftGovernor) PackEXTENDEDBALLOTTYPEHASH() []byte {
	enc, err := mycroftGovernor.abi.Pack("EXTENDED_BALLOT_TYPEHASH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackEXTENDEDBALLOTTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2fe3e261.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function EXTENDED_BALLOT_TYPEHASH() view returns(bytes32)
func (mycroftGovernor *MycroftGovernor) TryPackEXTENDEDBALLOTTYPEHASH() ([]byte, error) {
	return mycroftGovernor.abi.Pack("EXTENDED_BALLOT_TYPEHASH")
}

// UnpackEXTENDEDBALLOTTYPEHASH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x2fe3e261.
//
// Solidity: function EXTENDED_BALLOT_TYPEHASH() view returns(bytes32)
func (mycroftGovernor *MycroftGovernor) UnpackEXTENDEDBALLOTTYPEHASH(data []byte) ([32]byte, error) {
	out, err := mycroftGovernor.abi.Unpack("EXTENDED_BALLOT_TYPEHASH", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackCancel is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x452115d6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function cancel(address[] targets, uint256[] values, bytes[] calldatas, bytes32 descriptionHash) returns(uint256)
func (mycroftGovernor *MycroftGovernor) PackCancel(targets []common.Address, values []*big.Int, calldatas [][]byte, descriptionHash [32]byte) []byte {
	enc, err := mycroftGovernor.abi.Pack("cancel", targets, values, calldatas, descriptionHash)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCancel is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x452115d6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function cancel(address[] targets, uint256[] values, bytes[] calldatas, bytes32 descriptionHash) returns(uint256)
func (mycroftGovernor *MycroftGovernor) TryPackCancel(targets []common.Address, values []*big.Int, calldatas [][]byte, descriptionHash [32]byte) ([]byte, error) {
	return mycroftGovernor.abi.Pack("cancel", targets, values, calldatas, descriptionHash)
}

// UnpackCancel is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x452115d6.
//
// Solidity: function cancel(address[] targets, uint256[] values, bytes[] calldatas, bytes32 descriptionHash) returns(uint256)
func (mycroftGovernor *MycroftGovernor) UnpackCancel(data []byte) (*big.Int, error) {
	out, err := mycroftGovernor.abi.Unpack("cancel", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackCastVote is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x56781388.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function castVote(uint256 proposalId, uint8 support) returns(uint256)
func (mycroftGovernor *MycroftGovernor) PackCastVote(proposalId *big.Int, support uint8) []byte {
	enc, err := mycroftGovernor.abi.Pack("castVote", proposalId, support)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCastVote is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x56781388.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function castVote(uint256 proposalId, uint8 support) returns(uint256)
func (mycroftGovernor *MycroftGovernor) TryPackCastVote(proposalId *big.Int, support uint8) ([]byte, error) {
	return mycroftGovernor.abi.Pack("castVote", proposalId, support)
}

// UnpackCastVote is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x56781388.
//
// Solidity: function castVote(uint256 proposalId, uint8 support) returns(uint256)
func (mycroftGovernor *MycroftGovernor) UnpackCastVote(data []byte) (*big.Int, error) {
	out, err := mycroftGovernor.abi.Unpack("castVote", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackCastVoteBySig is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8ff262e3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function castVoteBySig(uint256 proposalId, uint8 support, address voter, bytes signature) returns(uint256)
func (mycroftGovernor *MycroftGovernor) PackCastVoteBySig(proposalId *big.Int, support uint8, voter common.Address, signature []byte) []byte {
	enc, err := mycroftGovernor.abi.Pack("castVoteBySig", proposalId, support, voter, signature)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCastVoteBySig is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8ff262e3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function castVoteBySig(uint256 proposalId, uint8 support, address voter, bytes signature) returns(uint256)
func (mycroftGovernor *MycroftGovernor) TryPackCastVoteBySig(proposalId *big.Int, support uint8, voter common.Address, signature []byte) ([]byte, error) {
	return mycroftGovernor.abi.Pack("castVoteBySig", proposalId, support, voter, signature)
}

// UnpackCastVoteBySig is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8ff262e3.
//
// Solidity: function castVoteBySig(uint256 proposalId, uint8 support, address voter, bytes signature) returns(uint256)
func (mycroftGovernor *MycroftGovernor) UnpackCastVoteBySig(data []byte) (*big.Int, error) {
	out, err := mycroftGovernor.abi.Unpack("castVoteBySig", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackCastVoteWithReason is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7b3c71d3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function castVoteWithReason(uint256 proposalId, uint8 support, string reason) returns(uint256)
func (mycroftGovernor *MycroftGovernor) PackCastVoteWithReason(proposalId *big.Int, support uint8, reason string) []byte {
	enc, err := mycroftGovernor.abi.Pack("castVoteWithReason", proposalId, support, reason)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCastVoteWithReason is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7b3c71d3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function castVoteWithReason(uint256 proposalId, uint8 support, string reason) returns(uint256)
func (mycroftGovernor *MycroftGovernor) TryPackCastVoteWithReason(proposalId *big.Int, support uint8, reason string) ([]byte, error) {
	return mycroftGovernor.abi.Pack("castVoteWithReason", proposalId, support, reason)
}

// UnpackCastVoteWithReason is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7b3c71d3.
//
// Solidity: function castVoteWithReason(uint256 proposalId, uint8 support, string reason) returns(uint256)
func (mycroftGovernor *MycroftGovernor) UnpackCastVoteWithReason(data []byte) (*big.Int, error) {
	out, err := mycroftGovernor.abi.Unpack("castVoteWithReason", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackCastVoteWithReasonAndParams is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5f398a14.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function castVoteWithReasonAndParams(uint256 proposalId, uint8 support, string reason, bytes params) returns(uint256)
func (mycroftGovernor *MycroftGovernor) PackCastVoteWithReasonAndParams(proposalId *big.Int, support uint8, reason string, params []byte) []byte {
	enc, err := mycroftGovernor.abi.Pack("castVoteWithReasonAndParams", proposalId, support, reason, params)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCastVoteWithReasonAndParams is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5f398a14.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function castVoteWithReasonAndParams(uint256 proposalId, uint8 support, string reason, bytes params) returns(uint256)
func (mycroftGovernor *MycroftGovernor) TryPackCastVoteWithReasonAndParams(proposalId *big.Int, support uint8, reason string, params []byte) ([]byte, error) {
	return mycroftGovernor.abi.Pack("castVoteWithReasonAndParams", proposalId, support, reason, params)
}

// UnpackCastVoteWithReasonAndParams is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x5f398a14.
//
// Solidity: function castVoteWithReasonAndParams(uint256 proposalId, uint8 support, string reason, bytes params) returns(uint256)
func (mycroftGovernor *MycroftGovernor) UnpackCastVoteWithReasonAndParams(data []byte) (*big.Int, error) {
	out, err := mycroftGovernor.abi.Unpack("castVoteWithReasonAndParams", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackCastVoteWithReasonAndParamsBySig is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5b8d0e0d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function castVoteWithReasonAndParamsBySig(uint256 proposalId, uint8 support, address voter, string reason, bytes params, bytes signature) returns(uint256)
func (mycroftGovernor *MycroftGovernor) PackCastVoteWithReasonAndParamsBySig(proposalId *big.Int, support uint8, voter common.Address, reason string, params []byte, signature []byte) []byte {
	enc, err := mycroftGovernor.abi.Pack("castVoteWithReasonAndParamsBySig", proposalId, support, voter, reason, params, signature)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCastVoteWithReasonAndParamsBySig is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5b8d0e0d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function castVoteWithReasonAndParamsBySig(uint256 proposalId, uint8 support, address voter, string reason, bytes params, bytes signature) returns(uint256)
func (mycroftGovernor *MycroftGovernor) TryPackCastVoteWithReasonAndParamsBySig(proposalId *big.Int, support uint8, voter common.Address, reason string, params []byte, signature []byte) ([]byte, error) {
	return mycroftGovernor.abi.Pack("castVoteWithReasonAndParamsBySig", proposalId, support, voter, reason, params, signature)
}

// UnpackCastVoteWithReasonAndParamsBySig is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x5b8d0e0d.
//
// Solidity: function castVoteWithReasonAndParamsBySig(uint256 proposalId, uint8 support, address voter, string reason, bytes params, bytes signature) returns(uint256)
func (mycroftGovernor *MycroftGovernor) UnpackCastVoteWithReasonAndParamsBySig(data []byte) (*big.Int, error) {
	out, err := mycroftGovernor.abi.Unpack("castVoteWithReasonAndParamsBySig", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackClock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x91ddadf4.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function clock() view returns(uint48)
func (mycroftGovernor *MycroftGovernor) PackClock() []byte {
	enc, err := mycroftGovernor.abi.Pack("clock")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackClock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x91ddadf4.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function clock() view returns(uint48)
func (mycroftGovernor *MycroftGovernor) TryPackClock() ([]byte, error) {
	return mycroftGovernor.abi.Pack("clock")
}

// UnpackClock is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x91ddadf4.
//
// Solidity: function clock() view returns(uint48)
func (mycroftGovernor *MycroftGovernor) UnpackClock(data []byte) (*big.Int, error) {
	out, err := mycroftGovernor.abi.Unpack("clock", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackEip712Domain is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x84b0196e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (mycroftGovernor *MycroftGovernor) PackEip712Domain() []byte {
	enc, err := mycroftGovernor.abi.Pack("eip712Domain")
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
func (mycroftGovernor *MycroftGovernor) TryPackEip712Domain() ([]byte, error) {
	return mycroftGovernor.abi.Pack("eip712Domain")
}

// MycroftGovernorEip712DomainOutput serves as a container for the return parameters of contract
// method Eip712Domain.
type MycroftGovernorEip712DomainOutput struct {
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
func (mycroftGovernor *MycroftGovernor) UnpackEip712Domain(data []byte) (MycroftGovernorEip712DomainOutput, error) {
	out, err := mycroftGovernor.abi.Unpack("eip712Domain", data)
	outstruct := new(MycroftGovernorEip712DomainOutput)
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

// PackExecute is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2656227d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function execute(address[] targets, uint256[] values, bytes[] calldatas, bytes32 descriptionHash) payable returns(uint256)
func (mycroftGovernor *MycroftGovernor) PackExecute(targets []common.Address, values []*big.Int, calldatas [][]byte, descriptionHash [32]byte) []byte {
	enc, err := mycroftGovernor.abi.Pack("execute", targets, values, calldatas, descriptionHash)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackExecute is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2656227d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function execute(address[] targets, uint256[] values, bytes[] calldatas, bytes32 descriptionHash) payable returns(uint256)
func (mycroftGovernor *MycroftGovernor) TryPackExecute(targets []common.Address, values []*big.Int, calldatas [][]byte, descriptionHash [32]byte) ([]byte, error) {
	return mycroftGovernor.abi.Pack("execute", targets, values, calldatas, descriptionHash)
}

// UnpackExecute is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x2656227d.
//
// Solidity: function execute(address[] targets, uint256[] values, bytes[] calldatas, bytes32 descriptionHash) payable returns(uint256)
func (mycroftGovernor *MycroftGovernor) UnpackExecute(data []byte) (*big.Int, error) {
	out, err := mycroftGovernor.abi.Unpack("execute", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackGetProposalId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa8f8a668.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getProposalId(address[] targets, uint256[] values, bytes[] calldatas, bytes32 descriptionHash) view returns(uint256)
func (mycroftGovernor *MycroftGovernor) PackGetProposalId(targets []common.Address, values []*big.Int, calldatas [][]byte, descriptionHash [32]byte) []byte {
	enc, err := mycroftGovernor.abi.Pack("getProposalId", targets, values, calldatas, descriptionHash)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetProposalId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa8f8a668.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getProposalId(address[] targets, uint256[] values, bytes[] calldatas, bytes32 descriptionHash) view returns(uint256)
func (mycroftGovernor *MycroftGovernor) TryPackGetProposalId(targets []common.Address, values []*big.Int, calldatas [][]byte, descriptionHash [32]byte) ([]byte, error) {
	return mycroftGovernor.abi.Pack("getProposalId", targets, values, calldatas, descriptionHash)
}

// UnpackGetProposalId is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa8f8a668.
//
// Solidity: function getProposalId(address[] targets, uint256[] values, bytes[] calldatas, bytes32 descriptionHash) view returns(uint256)
func (mycroftGovernor *MycroftGovernor) UnpackGetProposalId(data []byte) (*big.Int, error) {
	out, err := mycroftGovernor.abi.Unpack("getProposalId", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackGetVotes is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xeb9019d4.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getVotes(address account, uint256 timepoint) view returns(uint256)
func (mycroftGovernor *MycroftGovernor) PackGetVotes(account common.Address, timepoint *big.Int) []byte {
	enc, err := mycroftGovernor.abi.Pack("getVotes", account, timepoint)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetVotes is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xeb9019d4.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getVotes(address account, uint256 timepoint) view returns(uint256)
func (mycroftGovernor *MycroftGovernor) TryPackGetVotes(account common.Address, timepoint *big.Int) ([]byte, error) {
	return mycroftGovernor.abi.Pack("getVotes", account, timepoint)
}

// UnpackGetVotes is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xeb9019d4.
//
// Solidity: function getVotes(address account, uint256 timepoint) view returns(uint256)
func (mycroftGovernor *MycroftGovernor) UnpackGetVotes(data []byte) (*big.Int, error) {
	out, err := mycroftGovernor.abi.Unpack("getVotes", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackGetVotesWithParams is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9a802a6d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getVotesWithParams(address account, uint256 timepoint, bytes params) view returns(uint256)
func (mycroftGovernor *MycroftGovernor) PackGetVotesWithParams(account common.Address, timepoint *big.Int, params []byte) []byte {
	enc, err := mycroftGovernor.abi.Pack("getVotesWithParams", account, timepoint, params)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetVotesWithParams is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9a802a6d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getVotesWithParams(address account, uint256 timepoint, bytes params) view returns(uint256)
func (mycroftGovernor *MycroftGovernor) TryPackGetVotesWithParams(account common.Address, timepoint *big.Int, params []byte) ([]byte, error) {
	return mycroftGovernor.abi.Pack("getVotesWithParams", account, timepoint, params)
}

// UnpackGetVotesWithParams is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9a802a6d.
//
// Solidity: function getVotesWithParams(address account, uint256 timepoint, bytes params) view returns(uint256)
func (mycroftGovernor *MycroftGovernor) UnpackGetVotesWithParams(data []byte) (*big.Int, error) {
	out, err := mycroftGovernor.abi.Unpack("getVotesWithParams", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackHasVoted is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x43859632.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function hasVoted(uint256 proposalId, address account) view returns(bool)
func (mycroftGovernor *MycroftGovernor) PackHasVoted(proposalId *big.Int, account common.Address) []byte {
	enc, err := mycroftGovernor.abi.Pack("hasVoted", proposalId, account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackHasVoted is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x43859632.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function hasVoted(uint256 proposalId, address account) view returns(bool)
func (mycroftGovernor *MycroftGovernor) TryPackHasVoted(proposalId *big.Int, account common.Address) ([]byte, error) {
	return mycroftGovernor.abi.Pack("hasVoted", proposalId, account)
}

// UnpackHasVoted is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x43859632.
//
// Solidity: function hasVoted(uint256 proposalId, address account) view returns(bool)
func (mycroftGovernor *MycroftGovernor) UnpackHasVoted(data []byte) (bool, error) {
	out, err := mycroftGovernor.abi.Unpack("hasVoted", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackHashProposal is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc59057e4.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function hashProposal(address[] targets, uint256[] values, bytes[] calldatas, bytes32 descriptionHash) pure returns(uint256)
func (mycroftGovernor *MycroftGovernor) PackHashProposal(targets []common.Address, values []*big.Int, calldatas [][]byte, descriptionHash [32]byte) []byte {
	enc, err := mycroftGovernor.abi.Pack("hashProposal", targets, values, calldatas, descriptionHash)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackHashProposal is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc59057e4.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function hashProposal(address[] targets, uint256[] values, bytes[] calldatas, bytes32 descriptionHash) pure returns(uint256)
func (mycroftGovernor *MycroftGovernor) TryPackHashProposal(targets []common.Address, values []*big.Int, calldatas [][]byte, descriptionHash [32]byte) ([]byte, error) {
	return mycroftGovernor.abi.Pack("hashProposal", targets, values, calldatas, descriptionHash)
}

// UnpackHashProposal is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc59057e4.
//
// Solidity: function hashProposal(address[] targets, uint256[] values, bytes[] calldatas, bytes32 descriptionHash) pure returns(uint256)
func (mycroftGovernor *MycroftGovernor) UnpackHashProposal(data []byte) (*big.Int, error) {
	out, err := mycroftGovernor.abi.Unpack("hashProposal", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackName is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x06fdde03.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function name() view returns(string)
func (mycroftGovernor *MycroftGovernor) PackName() []byte {
	enc, err := mycroftGovernor.abi.Pack("name")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackName is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x06fdde03.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function name() view returns(string)
func (mycroftGovernor *MycroftGovernor) TryPackName() ([]byte, error) {
	return mycroftGovernor.abi.Pack("name")
}

// UnpackName is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x06fdde03.
//
// Solidity: function name() view returns(string)
func (mycroftGovernor *MycroftGovernor) UnpackName(data []byte) (string, error) {
	out, err := mycroftGovernor.abi.Unpack("name", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackNonces is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7ecebe00.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function nonces(address owner) view returns(uint256)
func (mycroftGovernor *MycroftGovernor) PackNonces(owner common.Address) []byte {
	enc, err := mycroftGovernor.abi.Pack("nonces", owner)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackNonces is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7ecebe00.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function nonces(address owner) view returns(uint256)
func (mycroftGovernor *MycroftGovernor) TryPackNonces(owner common.Address) ([]byte, error) {
	return mycroftGovernor.abi.Pack("nonces", owner)
}

// UnpackNonces is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7ecebe00.
//
// Solidity: function nonces(address owner) view returns(uint256)
func (mycroftGovernor *MycroftGovernor) UnpackNonces(data []byte) (*big.Int, error) {
	out, err := mycroftGovernor.abi.Unpack("nonces", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackOnERC1155BatchReceived is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbc197c81.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function onERC1155BatchReceived(address , address , uint256[] , uint256[] , bytes ) returns(bytes4)
func (mycroftGovernor *MycroftGovernor) PackOnERC1155BatchReceived(arg0 common.Address, arg1 common.Address, arg2 []*big.Int, arg3 []*big.Int, arg4 []byte) []byte {
	enc, err := mycroftGovernor.abi.Pack("onERC1155BatchReceived", arg0, arg1, arg2, arg3, arg4)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOnERC1155BatchReceived is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbc197c81.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function onERC1155BatchReceived(address , address , uint256[] , uint256[] , bytes ) returns(bytes4)
func (mycroftGovernor *MycroftGovernor) TryPackOnERC1155BatchReceived(arg0 common.Address, arg1 common.Address, arg2 []*big.Int, arg3 []*big.Int, arg4 []byte) ([]byte, error) {
	return mycroftGovernor.abi.Pack("onERC1155BatchReceived", arg0, arg1, arg2, arg3, arg4)
}

// UnpackOnERC1155BatchReceived is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xbc197c81.
//
// Solidity: function onERC1155BatchReceived(address , address , uint256[] , uint256[] , bytes ) returns(bytes4)
func (mycroftGovernor *MycroftGovernor) UnpackOnERC1155BatchReceived(data []byte) ([4]byte, error) {
	out, err := mycroftGovernor.abi.Unpack("onERC1155BatchReceived", data)
	if err != nil {
		return *new([4]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([4]byte)).(*[4]byte)
	return out0, nil
}

// PackOnERC1155Received is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf23a6e61.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function onERC1155Received(address , address , uint256 , uint256 , bytes ) returns(bytes4)
func (mycroftGovernor *MycroftGovernor) PackOnERC1155Received(arg0 common.Address, arg1 common.Address, arg2 *big.Int, arg3 *big.Int, arg4 []byte) []byte {
	enc, err := mycroftGovernor.abi.Pack("onERC1155Received", arg0, arg1, arg2, arg3, arg4)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOnERC1155Received is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf23a6e61.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function onERC1155Received(address , address , uint256 , uint256 , bytes ) returns(bytes4)
func (mycroftGovernor *MycroftGovernor) TryPackOnERC1155Received(arg0 common.Address, arg1 common.Address, arg2 *big.Int, arg3 *big.Int, arg4 []byte) ([]byte, error) {
	return mycroftGovernor.abi.Pack("onERC1155Received", arg0, arg1, arg2, arg3, arg4)
}

// UnpackOnERC1155Received is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf23a6e61.
//
// Solidity: function onERC1155Received(address , address , uint256 , uint256 , bytes ) returns(bytes4)
func (mycroftGovernor *MycroftGovernor) UnpackOnERC1155Received(data []byte) ([4]byte, error) {
	out, err := mycroftGovernor.abi.Unpack("onERC1155Received", data)
	if err != nil {
		return *new([4]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([4]byte)).(*[4]byte)
	return out0, nil
}

// PackOnERC721Received is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x150b7a02.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function onERC721Received(address , address , uint256 , bytes ) returns(bytes4)
func (mycroftGovernor *MycroftGovernor) PackOnERC721Received(arg0 common.Address, arg1 common.Address, arg2 *big.Int, arg3 []byte) []byte {
	enc, err := mycroftGovernor.abi.Pack("onERC721Received", arg0, arg1, arg2, arg3)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOnERC721Received is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x150b7a02.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function onERC721Received(address , address , uint256 , bytes ) returns(bytes4)
func (mycroftGovernor *MycroftGovernor) TryPackOnERC721Received(arg0 common.Address, arg1 common.Address, arg2 *big.Int, arg3 []byte) ([]byte, error) {
	return mycroftGovernor.abi.Pack("onERC721Received", arg0, arg1, arg2, arg3)
}

// UnpackOnERC721Received is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x150b7a02.
//
// Solidity: function onERC721Received(address , address , uint256 , bytes ) returns(bytes4)
func (mycroftGovernor *MycroftGovernor) UnpackOnERC721Received(data []byte) ([4]byte, error) {
	out, err := mycroftGovernor.abi.Unpack("onERC721Received", data)
	if err != nil {
		return *new([4]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([4]byte)).(*[4]byte)
	return out0, nil
}

// PackProposalDeadline is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc01f9e37.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function proposalDeadline(uint256 proposalId) view returns(uint256)
func (mycroftGovernor *MycroftGovernor) PackProposalDeadline(proposalId *big.Int) []byte {
	enc, err := mycroftGovernor.abi.Pack("proposalDeadline", proposalId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackProposalDeadline is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc01f9e37.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function proposalDeadline(uint256 proposalId) view returns(uint256)
func (mycroftGovernor *MycroftGovernor) TryPackProposalDeadline(proposalId *big.Int) ([]byte, error) {
	return mycroftGovernor.abi.Pack("proposalDeadline", proposalId)
}

// UnpackProposalDeadline is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc01f9e37.
//
// Solidity: function proposalDeadline(uint256 proposalId) view returns(uint256)
func (mycroftGovernor *MycroftGovernor) UnpackProposalDeadline(data []byte) (*big.Int, error) {
	out, err := mycroftGovernor.abi.Unpack("proposalDeadline", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackProposalEta is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xab58fb8e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function proposalEta(uint256 proposalId) view returns(uint256)
func (mycroftGovernor *MycroftGovernor) PackProposalEta(proposalId *big.Int) []byte {
	enc, err := mycroftGovernor.abi.Pack("proposalEta", proposalId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackProposalEta is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xab58fb8e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function proposalEta(uint256 proposalId) view returns(uint256)
func (mycroftGovernor *MycroftGovernor) TryPackProposalEta(proposalId *big.Int) ([]byte, error) {
	return mycroftGovernor.abi.Pack("proposalEta", proposalId)
}

// UnpackProposalEta is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xab58fb8e.
//
// Solidity: function proposalEta(uint256 proposalId) view returns(uint256)
func (mycroftGovernor *MycroftGovernor) UnpackProposalEta(data []byte) (*big.Int, error) {
	out, err := mycroftGovernor.abi.Unpack("proposalEta", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackProposalNeedsQueuing is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa9a95294.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function proposalNeedsQueuing(uint256 proposalId) view returns(bool)
func (mycroftGovernor *MycroftGovernor) PackProposalNeedsQueuing(proposalId *big.Int) []byte {
	enc, err := mycroftGovernor.abi.Pack("proposalNeedsQueuing", proposalId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackProposalNeedsQueuing is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa9a95294.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function proposalNeedsQueuing(uint256 proposalId) view returns(bool)
func (mycroftGovernor *MycroftGovernor) TryPackProposalNeedsQueuing(proposalId *big.Int) ([]byte, error) {
	return mycroftGovernor.abi.Pack("proposalNeedsQueuing", proposalId)
}

// UnpackProposalNeedsQueuing is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa9a95294.
//
// Solidity: function proposalNeedsQueuing(uint256 proposalId) view returns(bool)
func (mycroftGovernor *MycroftGovernor) UnpackProposalNeedsQueuing(data []byte) (bool, error) {
	out, err := mycroftGovernor.abi.Unpack("proposalNeedsQueuing", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackProposalProposer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x143489d0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function proposalProposer(uint256 proposalId) view returns(address)
func (mycroftGovernor *MycroftGovernor) PackProposalProposer(proposalId *big.Int) []byte {
	enc, err := mycroftGovernor.abi.Pack("proposalProposer", proposalId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackProposalProposer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x143489d0.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function proposalProposer(uint256 proposalId) view returns(address)
func (mycroftGovernor *MycroftGovernor) TryPackProposalProposer(proposalId *big.Int) ([]byte, error) {
	return mycroftGovernor.abi.Pack("proposalProposer", proposalId)
}

// UnpackProposalProposer is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x143489d0.
//
// Solidity: function proposalProposer(uint256 proposalId) view returns(address)
func (mycroftGovernor *MycroftGovernor) UnpackProposalProposer(data []byte) (common.Address, error) {
	out, err := mycroftGovernor.abi.Unpack("proposalProposer", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackProposalSnapshot is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2d63f693.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function proposalSnapshot(uint256 proposalId) view returns(uint256)
func (mycroftGovernor *MycroftGovernor) PackProposalSnapshot(proposalId *big.Int) []byte {
	enc, err := mycroftGovernor.abi.Pack("proposalSnapshot", proposalId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackProposalSnapshot is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2d63f693.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function proposalSnapshot(uint256 proposalId) view returns(uint256)
func (mycroftGovernor *MycroftGovernor) TryPackProposalSnapshot(proposalId *big.Int) ([]byte, error) {
	return mycroftGovernor.abi.Pack("proposalSnapshot", proposalId)
}

// UnpackProposalSnapshot is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x2d63f693.
//
// Solidity: function proposalSnapshot(uint256 proposalId) view returns(uint256)
func (mycroftGovernor *MycroftGovernor) UnpackProposalSnapshot(data []byte) (*big.Int, error) {
	out, err := mycroftGovernor.abi.Unpack("proposalSnapshot", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackProposalThreshold is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb58131b0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function proposalThreshold() view returns(uint256)
func (mycroftGovernor *MycroftGovernor) PackProposalThreshold() []byte {
	enc, err := mycroftGovernor.abi.Pack("proposalThreshold")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackProposalThreshold is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb58131b0.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function proposalThreshold() view returns(uint256)
func (mycroftGovernor *MycroftGovernor) TryPackProposalThreshold() ([]byte, error) {
	return mycroftGovernor.abi.Pack("proposalThreshold")
}

// UnpackProposalThreshold is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb58131b0.
//
// Solidity: function proposalThreshold() view returns(uint256)
func (mycroftGovernor *MycroftGovernor) UnpackProposalThreshold(data []byte) (*big.Int, error) {
	out, err := mycroftGovernor.abi.Unpack("proposalThreshold", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackProposalVotes is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x544ffc9c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function proposalVotes(uint256 proposalId) view returns(uint256 againstVotes, uint256 forVotes, uint256 abstainVotes)
func (mycroftGovernor *MycroftGovernor) PackProposalVotes(proposalId *big.Int) []byte {
	enc, err := mycroftGovernor.abi.Pack("proposalVotes", proposalId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackProposalVotes is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x544ffc9c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function proposalVotes(uint256 proposalId) view returns(uint256 againstVotes, uint256 forVotes, uint256 abstainVotes)
func (mycroftGovernor *MycroftGovernor) TryPackProposalVotes(proposalId *big.Int) ([]byte, error) {
	return mycroftGovernor.abi.Pack("proposalVotes", proposalId)
}

// MycroftGovernorProposalVotesOutput serves as a container for the return parameters of contract
// method ProposalVotes.
type MycroftGovernorProposalVotesOutput struct {
	AgainstVotes *big.Int
	ForVotes     *big.Int
	AbstainVotes *big.Int
}

// UnpackProposalVotes is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x544ffc9c.
//
// Solidity: function proposalVotes(uint256 proposalId) view returns(uint256 againstVotes, uint256 forVotes, uint256 abstainVotes)
func (mycroftGovernor *MycroftGovernor) UnpackProposalVotes(data []byte) (MycroftGovernorProposalVotesOutput, error) {
	out, err := mycroftGovernor.abi.Unpack("proposalVotes", data)
	outstruct := new(MycroftGovernorProposalVotesOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.AgainstVotes = abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	outstruct.ForVotes = abi.ConvertType(out[1], new(big.Int)).(*big.Int)
	outstruct.AbstainVotes = abi.ConvertType(out[2], new(big.Int)).(*big.Int)
	return *outstruct, nil
}

// PackPropose is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7d5e81e2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function propose(address[] targets, uint256[] values, bytes[] calldatas, string description) returns(uint256)
func (mycroftGovernor *MycroftGovernor) PackPropose(targets []common.Address, values []*big.Int, calldatas [][]byte, description string) []byte {
	enc, err := mycroftGovernor.abi.Pack("propose", targets, values, calldatas, description)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPropose is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7d5e81e2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function propose(address[] targets, uint256[] values, bytes[] calldatas, string description) returns(uint256)
func (mycroftGovernor *MycroftGovernor) TryPackPropose(targets []common.Address, values []*big.Int, calldatas [][]byte, description string) ([]byte, error) {
	return mycroftGovernor.abi.Pack("propose", targets, values, calldatas, description)
}

// UnpackPropose is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7d5e81e2.
//
// Solidity: function propose(address[] targets, uint256[] values, bytes[] calldatas, string description) returns(uint256)
func (mycroftGovernor *MycroftGovernor) UnpackPropose(data []byte) (*big.Int, error) {
	out, err := mycroftGovernor.abi.Unpack("propose", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackQueue is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x160cbed7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function queue(address[] targets, uint256[] values, bytes[] calldatas, bytes32 descriptionHash) returns(uint256)
func (mycroftGovernor *MycroftGovernor) PackQueue(targets []common.Address, values []*big.Int, calldatas [][]byte, descriptionHash [32]byte) []byte {
	enc, err := mycroftGovernor.abi.Pack("queue", targets, values, calldatas, descriptionHash)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackQueue is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x160cbed7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function queue(address[] targets, uint256[] values, bytes[] calldatas, bytes32 descriptionHash) returns(uint256)
func (mycroftGovernor *MycroftGovernor) TryPackQueue(targets []common.Address, values []*big.Int, calldatas [][]byte, descriptionHash [32]byte) ([]byte, error) {
	return mycroftGovernor.abi.Pack("queue", targets, values, calldatas, descriptionHash)
}

// UnpackQueue is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x160cbed7.
//
// Solidity: function queue(address[] targets, uint256[] values, bytes[] calldatas, bytes32 descriptionHash) returns(uint256)
func (mycroftGovernor *MycroftGovernor) UnpackQueue(data []byte) (*big.Int, error) {
	out, err := mycroftGovernor.abi.Unpack("queue", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackQuorum is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf8ce560a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function quorum(uint256 timepoint) view returns(uint256)
func (mycroftGovernor *MycroftGovernor) PackQuorum(timepoint *big.Int) []byte {
	enc, err := mycroftGovernor.abi.Pack("quorum", timepoint)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackQuorum is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf8ce560a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function quorum(uint256 timepoint) view returns(uint256)
func (mycroftGovernor *MycroftGovernor) TryPackQuorum(timepoint *big.Int) ([]byte, error) {
	return mycroftGovernor.abi.Pack("quorum", timepoint)
}

// UnpackQuorum is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf8ce560a.
//
// Solidity: function quorum(uint256 timepoint) view returns(uint256)
func (mycroftGovernor *MycroftGovernor) UnpackQuorum(data []byte) (*big.Int, error) {
	out, err := mycroftGovernor.abi.Unpack("quorum", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackQuorumDenominator is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x97c3d334.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function quorumDenominator() view returns(uint256)
func (mycroftGovernor *MycroftGovernor) PackQuorumDenominator() []byte {
	enc, err := mycroftGovernor.abi.Pack("quorumDenominator")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackQuorumDenominator is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x97c3d334.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function quorumDenominator() view returns(uint256)
func (mycroftGovernor *MycroftGovernor) TryPackQuorumDenominator() ([]byte, error) {
	return mycroftGovernor.abi.Pack("quorumDenominator")
}

// UnpackQuorumDenominator is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x97c3d334.
//
// Solidity: function quorumDenominator() view returns(uint256)
func (mycroftGovernor *MycroftGovernor) UnpackQuorumDenominator(data []byte) (*big.Int, error) {
	out, err := mycroftGovernor.abi.Unpack("quorumDenominator", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackQuorumNumerator is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x60c4247f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function quorumNumerator(uint256 timepoint) view returns(uint256)
func (mycroftGovernor *MycroftGovernor) PackQuorumNumerator(timepoint *big.Int) []byte {
	enc, err := mycroftGovernor.abi.Pack("quorumNumerator", timepoint)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackQuorumNumerator is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x60c4247f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function quorumNumerator(uint256 timepoint) view returns(uint256)
func (mycroftGovernor *MycroftGovernor) TryPackQuorumNumerator(timepoint *big.Int) ([]byte, error) {
	return mycroftGovernor.abi.Pack("quorumNumerator", timepoint)
}

// UnpackQuorumNumerator is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x60c4247f.
//
// Solidity: function quorumNumerator(uint256 timepoint) view returns(uint256)
func (mycroftGovernor *MycroftGovernor) UnpackQuorumNumerator(data []byte) (*big.Int, error) {
	out, err := mycroftGovernor.abi.Unpack("quorumNumerator", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackQuorumNumerator0 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa7713a70.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function quorumNumerator() view returns(uint256)
func (mycroftGovernor *MycroftGovernor) PackQuorumNumerator0() []byte {
	enc, err := mycroftGovernor.abi.Pack("quorumNumerator0")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackQuorumNumerator0 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa7713a70.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function quorumNumerator() view returns(uint256)
func (mycroftGovernor *MycroftGovernor) TryPackQuorumNumerator0() ([]byte, error) {
	return mycroftGovernor.abi.Pack("quorumNumerator0")
}

// UnpackQuorumNumerator0 is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa7713a70.
//
// Solidity: function quorumNumerator() view returns(uint256)
func (mycroftGovernor *MycroftGovernor) UnpackQuorumNumerator0(data []byte) (*big.Int, error) {
	out, err := mycroftGovernor.abi.Unpack("quorumNumerator0", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackRelay is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc28bc2fa.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function relay(address target, uint256 value, bytes data) payable returns()
func (mycroftGovernor *MycroftGovernor) PackRelay(target common.Address, value *big.Int, data []byte) []byte {
	enc, err := mycroftGovernor.abi.Pack("relay", target, value, data)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRelay is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc28bc2fa.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function relay(address target, uint256 value, bytes data) payable returns()
func (mycroftGovernor *MycroftGovernor) TryPackRelay(target common.Address, value *big.Int, data []byte) ([]byte, error) {
	return mycroftGovernor.abi.Pack("relay", target, value, data)
}

// PackSetProposalThreshold is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xece40cc1.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setProposalThreshold(uint256 newProposalThreshold) returns()
func (mycroftGovernor *MycroftGovernor) PackSetProposalThreshold(newProposalThreshold *big.Int) []byte {
	enc, err := mycroftGovernor.abi.Pack("setProposalThreshold", newProposalThreshold)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetProposalThreshold is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xece40cc1.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setProposalThreshold(uint256 newProposalThreshold) returns()
func (mycroftGovernor *MycroftGovernor) TryPackSetProposalThreshold(newProposalThreshold *big.Int) ([]byte, error) {
	return mycroftGovernor.abi.Pack("setProposalThreshold", newProposalThreshold)
}

// PackSetVotingDelay is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x79051887.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setVotingDelay(uint48 newVotingDelay) returns()
func (mycroftGovernor *MycroftGovernor) PackSetVotingDelay(newVotingDelay *big.Int) []byte {
	enc, err := mycroftGovernor.abi.Pack("setVotingDelay", newVotingDelay)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetVotingDelay is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x79051887.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setVotingDelay(uint48 newVotingDelay) returns()
func (mycroftGovernor *MycroftGovernor) TryPackSetVotingDelay(newVotingDelay *big.Int) ([]byte, error) {
	return mycroftGovernor.abi.Pack("setVotingDelay", newVotingDelay)
}

// PackSetVotingPeriod is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe540d01d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setVotingPeriod(uint32 newVotingPeriod) returns()
func (mycroftGovernor *MycroftGovernor) PackSetVotingPeriod(newVotingPeriod uint32) []byte {
	enc, err := mycroftGovernor.abi.Pack("setVotingPeriod", newVotingPeriod)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetVotingPeriod is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe540d01d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setVotingPeriod(uint32 newVotingPeriod) returns()
func (mycroftGovernor *MycroftGovernor) TryPackSetVotingPeriod(newVotingPeriod uint32) ([]byte, error) {
	return mycroftGovernor.abi.Pack("setVotingPeriod", newVotingPeriod)
}

// PackState is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3e4f49e6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function state(uint256 proposalId) view returns(uint8)
func (mycroftGovernor *MycroftGovernor) PackState(proposalId *big.Int) []byte {
	enc, err := mycroftGovernor.abi.Pack("state", proposalId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackState is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3e4f49e6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function state(uint256 proposalId) view returns(uint8)
func (mycroftGovernor *MycroftGovernor) TryPackState(proposalId *big.Int) ([]byte, error) {
	return mycroftGovernor.abi.Pack("state", proposalId)
}

// UnpackState is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x3e4f49e6.
//
// Solidity: function state(uint256 proposalId) view returns(uint8)
func (mycroftGovernor *MycroftGovernor) UnpackState(data []byte) (uint8, error) {
	out, err := mycroftGovernor.abi.Unpack("state", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackSupportsInterface is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x01ffc9a7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function supportsInterface(bytes4 interfaceId) view returns(bool)
func (mycroftGovernor *MycroftGovernor) PackSupportsInterface(interfaceId [4]byte) []byte {
	enc, err := mycroftGovernor.abi.Pack("supportsInterface", interfaceId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSupportsInterface is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x01ffc9a7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function supportsInterface(bytes4 interfaceId) view returns(bool)
func (mycroftGovernor *MycroftGovernor) TryPackSupportsInterface(interfaceId [4]byte) ([]byte, error) {
	return mycroftGovernor.abi.Pack("supportsInterface", interfaceId)
}

// UnpackSupportsInterface is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x01ffc9a7.
//
// Solidity: function supportsInterface(bytes4 interfaceId) view returns(bool)
func (mycroftGovernor *MycroftGovernor) UnpackSupportsInterface(data []byte) (bool, error) {
	out, err := mycroftGovernor.abi.Unpack("supportsInterface", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackTimelock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd33219b4.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function timelock() view returns(address)
func (mycroftGovernor *MycroftGovernor) PackTimelock() []byte {
	enc, err := mycroftGovernor.abi.Pack("timelock")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTimelock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd33219b4.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function timelock() view returns(address)
func (mycroftGovernor *MycroftGovernor) TryPackTimelock() ([]byte, error) {
	return mycroftGovernor.abi.Pack("timelock")
}

// UnpackTimelock is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd33219b4.
//
// Solidity: function timelock() view returns(address)
func (mycroftGovernor *MycroftGovernor) UnpackTimelock(data []byte) (common.Address, error) {
	out, err := mycroftGovernor.abi.Unpack("timelock", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackToken is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfc0c546a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function token() view returns(address)
func (mycroftGovernor *MycroftGovernor) PackToken() []byte {
	enc, err := mycroftGovernor.abi.Pack("token")
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
func (mycroftGovernor *MycroftGovernor) TryPackToken() ([]byte, error) {
	return mycroftGovernor.abi.Pack("token")
}

// UnpackToken is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xfc0c546a.
//
// Solidity: function token() view returns(address)
func (mycroftGovernor *MycroftGovernor) UnpackToken(data []byte) (common.Address, error) {
	out, err := mycroftGovernor.abi.Unpack("token", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackUpdateQuorumNumerator is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x06f3f9e6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function updateQuorumNumerator(uint256 newQuorumNumerator) returns()
func (mycroftGovernor *MycroftGovernor) PackUpdateQuorumNumerator(newQuorumNumerator *big.Int) []byte {
	enc, err := mycroftGovernor.abi.Pack("updateQuorumNumerator", newQuorumNumerator)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUpdateQuorumNumerator is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x06f3f9e6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function updateQuorumNumerator(uint256 newQuorumNumerator) returns()
func (mycroftGovernor *MycroftGovernor) TryPackUpdateQuorumNumerator(newQuorumNumerator *big.Int) ([]byte, error) {
	return mycroftGovernor.abi.Pack("updateQuorumNumerator", newQuorumNumerator)
}

// PackUpdateTimelock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa890c910.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function updateTimelock(address newTimelock) returns()
func (mycroftGovernor *MycroftGovernor) PackUpdateTimelock(newTimelock common.Address) []byte {
	enc, err := mycroftGovernor.abi.Pack("updateTimelock", newTimelock)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUpdateTimelock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa890c910.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function updateTimelock(address newTimelock) returns()
func (mycroftGovernor *MycroftGovernor) TryPackUpdateTimelock(newTimelock common.Address) ([]byte, error) {
	return mycroftGovernor.abi.Pack("updateTimelock", newTimelock)
}

// PackVersion is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x54fd4d50.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function version() view returns(string)
func (mycroftGovernor *MycroftGovernor) PackVersion() []byte {
	enc, err := mycroftGovernor.abi.Pack("version")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVersion is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x54fd4d50.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function version() view returns(string)
func (mycroftGovernor *MycroftGovernor) TryPackVersion() ([]byte, error) {
	return mycroftGovernor.abi.Pack("version")
}

// UnpackVersion is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x54fd4d50.
//
// Solidity: function version() view returns(string)
func (mycroftGovernor *MycroftGovernor) UnpackVersion(data []byte) (string, error) {
	out, err := mycroftGovernor.abi.Unpack("version", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackVotingDelay is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3932abb1.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function votingDelay() view returns(uint256)
func (mycroftGovernor *MycroftGovernor) PackVotingDelay() []byte {
	enc, err := mycroftGovernor.abi.Pack("votingDelay")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVotingDelay is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3932abb1.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function votingDelay() view returns(uint256)
func (mycroftGovernor *MycroftGovernor) TryPackVotingDelay() ([]byte, error) {
	return mycroftGovernor.abi.Pack("votingDelay")
}

// UnpackVotingDelay is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x3932abb1.
//
// Solidity: function votingDelay() view returns(uint256)
func (mycroftGovernor *MycroftGovernor) UnpackVotingDelay(data []byte) (*big.Int, error) {
	out, err := mycroftGovernor.abi.Unpack("votingDelay", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackVotingPeriod is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x02a251a3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function votingPeriod() view returns(uint256)
func (mycroftGovernor *MycroftGovernor) PackVotingPeriod() []byte {
	enc, err := mycroftGovernor.abi.Pack("votingPeriod")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVotingPeriod is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x02a251a3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function votingPeriod() view returns(uint256)
func (mycroftGovernor *MycroftGovernor) TryPackVotingPeriod() ([]byte, error) {
	return mycroftGovernor.abi.Pack("votingPeriod")
}

// UnpackVotingPeriod is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x02a251a3.
//
// Solidity: function votingPeriod() view returns(uint256)
func (mycroftGovernor *MycroftGovernor) UnpackVotingPeriod(data []byte) (*big.Int, error) {
	out, err := mycroftGovernor.abi.Unpack("votingPeriod", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// MycroftGovernorEIP712DomainChanged represents a EIP712DomainChanged event raised by the MycroftGovernor contract.
type MycroftGovernorEIP712DomainChanged struct {
	Raw *types.Log // Blockchain specific contextual infos
}

const MycroftGovernorEIP712DomainChangedEventName = "EIP712DomainChanged"

// ContractEventName returns the user-defined event name.
func (MycroftGovernorEIP712DomainChanged) ContractEventName() string {
	return MycroftGovernorEIP712DomainChangedEventName
}

// UnpackEIP712DomainChangedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event EIP712DomainChanged()
func (mycroftGovernor *MycroftGovernor) UnpackEIP712DomainChangedEvent(log *types.Log) (*MycroftGovernorEIP712DomainChanged, error) {
	event := "EIP712DomainChanged"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != mycroftGovernor.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MycroftGovernorEIP712DomainChanged)
	if len(log.Data) > 0 {
		if err := mycroftGovernor.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range mycroftGovernor.abi.Events[event].Inputs {
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

// MycroftGovernorProposalCanceled represents a ProposalCanceled event raised by the MycroftGovernor contract.
type MycroftGovernorProposalCanceled struct {
	ProposalId *big.Int
	Raw        *types.Log // Blockchain specific contextual infos
}

const MycroftGovernorProposalCanceledEventName = "ProposalCanceled"

// ContractEventName returns the user-defined event name.
func (MycroftGovernorProposalCanceled) ContractEventName() string {
	return MycroftGovernorProposalCanceledEventName
}

// UnpackProposalCanceledEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ProposalCanceled(uint256 proposalId)
func (mycroftGovernor *MycroftGovernor) UnpackProposalCanceledEvent(log *types.Log) (*MycroftGovernorProposalCanceled, error) {
	event := "ProposalCanceled"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != mycroftGovernor.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MycroftGovernorProposalCanceled)
	if len(log.Data) > 0 {
		if err := mycroftGovernor.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range mycroftGovernor.abi.Events[event].Inputs {
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

// MycroftGovernorProposalCreated represents a ProposalCreated event raised by the MycroftGovernor contract.
type MycroftGovernorProposalCreated struct {
	ProposalId  *big.Int
	Proposer    common.Address
	Targets     []common.Address
	Values      []*big.Int
	Signatures  []string
	Calldatas   [][]byte
	VoteStart   *big.Int
	VoteEnd     *big.Int
	Description string
	Raw         *types.Log // Blockchain specific contextual infos
}

const MycroftGovernorProposalCreatedEventName = "ProposalCreated"

// ContractEventName returns the user-defined event name.
func (MycroftGovernorProposalCreated) ContractEventName() string {
	return MycroftGovernorProposalCreatedEventName
}

// UnpackProposalCreatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ProposalCreated(uint256 proposalId, address proposer, address[] targets, uint256[] values, string[] signatures, bytes[] calldatas, uint256 voteStart, uint256 voteEnd, string description)
func (mycroftGovernor *MycroftGovernor) UnpackProposalCreatedEvent(log *types.Log) (*MycroftGovernorProposalCreated, error) {
	event := "ProposalCreated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != mycroftGovernor.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MycroftGovernorProposalCreated)
	if len(log.Data) > 0 {
		if err := mycroftGovernor.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range mycroftGovernor.abi.Events[event].Inputs {
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

// MycroftGovernorProposalExecuted represents a ProposalExecuted event raised by the MycroftGovernor contract.
type MycroftGovernorProposalExecuted struct {
	ProposalId *big.Int
	Raw        *types.Log // Blockchain specific contextual infos
}

const MycroftGovernorProposalExecutedEventName = "ProposalExecuted"

// ContractEventName returns the user-defined event name.
func (MycroftGovernorProposalExecuted) ContractEventName() string {
	return MycroftGovernorProposalExecutedEventName
}

// UnpackProposalExecutedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ProposalExecuted(uint256 proposalId)
func (mycroftGovernor *MycroftGovernor) UnpackProposalExecutedEvent(log *types.Log) (*MycroftGovernorProposalExecuted, error) {
	event := "ProposalExecuted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != mycroftGovernor.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MycroftGovernorProposalExecuted)
	if len(log.Data) > 0 {
		if err := mycroftGovernor.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range mycroftGovernor.abi.Events[event].Inputs {
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

// MycroftGovernorProposalQueued represents a ProposalQueued event raised by the MycroftGovernor contract.
type MycroftGovernorProposalQueued struct {
	ProposalId *big.Int
	EtaSeconds *big.Int
	Raw        *types.Log // Blockchain specific contextual infos
}

const MycroftGovernorProposalQueuedEventName = "ProposalQueued"

// ContractEventName returns the user-defined event name.
func (MycroftGovernorProposalQueued) ContractEventName() string {
	return MycroftGovernorProposalQueuedEventName
}

// UnpackProposalQueuedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ProposalQueued(uint256 proposalId, uint256 etaSeconds)
func (mycroftGovernor *MycroftGovernor) UnpackProposalQueuedEvent(log *types.Log) (*MycroftGovernorProposalQueued, error) {
	event := "ProposalQueued"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != mycroftGovernor.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MycroftGovernorProposalQueued)
	if len(log.Data) > 0 {
		if err := mycroftGovernor.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range mycroftGovernor.abi.Events[event].Inputs {
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

// MycroftGovernorProposalThresholdSet represents a ProposalThresholdSet event raised by the MycroftGovernor contract.
type MycroftGovernorProposalThresholdSet struct {
	OldProposalThreshold *big.Int
	NewProposalThreshold *big.Int
	Raw                  *types.Log // Blockchain specific contextual infos
}

const MycroftGovernorProposalThresholdSetEventName = "ProposalThresholdSet"

// ContractEventName returns the user-defined event name.
func (MycroftGovernorProposalThresholdSet) ContractEventName() string {
	return MycroftGovernorProposalThresholdSetEventName
}

// UnpackProposalThresholdSetEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ProposalThresholdSet(uint256 oldProposalThreshold, uint256 newProposalThreshold)
func (mycroftGovernor *MycroftGovernor) UnpackProposalThresholdSetEvent(log *types.Log) (*MycroftGovernorProposalThresholdSet, error) {
	event := "ProposalThresholdSet"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != mycroftGovernor.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MycroftGovernorProposalThresholdSet)
	if len(log.Data) > 0 {
		if err := mycroftGovernor.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range mycroftGovernor.abi.Events[event].Inputs {
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

// MycroftGovernorQuorumNumeratorUpdated represents a QuorumNumeratorUpdated event raised by the MycroftGovernor contract.
type MycroftGovernorQuorumNumeratorUpdated struct {
	OldQuorumNumerator *big.Int
	NewQuorumNumerator *big.Int
	Raw                *types.Log // Blockchain specific contextual infos
}

const MycroftGovernorQuorumNumeratorUpdatedEventName = "QuorumNumeratorUpdated"

// ContractEventName returns the user-defined event name.
func (MycroftGovernorQuorumNumeratorUpdated) ContractEventName() string {
	return MycroftGovernorQuorumNumeratorUpdatedEventName
}

// UnpackQuorumNumeratorUpdatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event QuorumNumeratorUpdated(uint256 oldQuorumNumerator, uint256 newQuorumNumerator)
func (mycroftGovernor *MycroftGovernor) UnpackQuorumNumeratorUpdatedEvent(log *types.Log) (*MycroftGovernorQuorumNumeratorUpdated, error) {
	event := "QuorumNumeratorUpdated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != mycroftGovernor.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MycroftGovernorQuorumNumeratorUpdated)
	if len(log.Data) > 0 {
		if err := mycroftGovernor.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range mycroftGovernor.abi.Events[event].Inputs {
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

// MycroftGovernorTimelockChange represents a TimelockChange event raised by the MycroftGovernor contract.
type MycroftGovernorTimelockChange struct {
	OldTimelock common.Address
	NewTimelock common.Address
	Raw         *types.Log // Blockchain specific contextual infos
}

const MycroftGovernorTimelockChangeEventName = "TimelockChange"

// ContractEventName returns the user-defined event name.
func (MycroftGovernorTimelockChange) ContractEventName() string {
	return MycroftGovernorTimelockChangeEventName
}

// UnpackTimelockChangeEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event TimelockChange(address oldTimelock, address newTimelock)
func (mycroftGovernor *MycroftGovernor) UnpackTimelockChangeEvent(log *types.Log) (*MycroftGovernorTimelockChange, error) {
	event := "TimelockChange"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != mycroftGovernor.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MycroftGovernorTimelockChange)
	if len(log.Data) > 0 {
		if err := mycroftGovernor.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range mycroftGovernor.abi.Events[event].Inputs {
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

// MycroftGovernorVoteCast represents a VoteCast event raised by the MycroftGovernor contract.
type MycroftGovernorVoteCast struct {
	Voter      common.Address
	ProposalId *big.Int
	Support    uint8
	Weight     *big.Int
	Reason     string
	Raw        *types.Log // Blockchain specific contextual infos
}

const MycroftGovernorVoteCastEventName = "VoteCast"

// ContractEventName returns the user-defined event name.
func (MycroftGovernorVoteCast) ContractEventName() string {
	return MycroftGovernorVoteCastEventName
}

// UnpackVoteCastEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event VoteCast(address indexed voter, uint256 proposalId, uint8 support, uint256 weight, string reason)
func (mycroftGovernor *MycroftGovernor) UnpackVoteCastEvent(log *types.Log) (*MycroftGovernorVoteCast, error) {
	event := "VoteCast"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != mycroftGovernor.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MycroftGovernorVoteCast)
	if len(log.Data) > 0 {
		if err := mycroftGovernor.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range mycroftGovernor.abi.Events[event].Inputs {
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

// MycroftGovernorVoteCastWithParams represents a VoteCastWithParams event raised by the MycroftGovernor contract.
type MycroftGovernorVoteCastWithParams struct {
	Voter      common.Address
	ProposalId *big.Int
	Support    uint8
	Weight     *big.Int
	Reason     string
	Params     []byte
	Raw        *types.Log // Blockchain specific contextual infos
}

const MycroftGovernorVoteCastWithParamsEventName = "VoteCastWithParams"

// ContractEventName returns the user-defined event name.
func (MycroftGovernorVoteCastWithParams) ContractEventName() string {
	return MycroftGovernorVoteCastWithParamsEventName
}

// UnpackVoteCastWithParamsEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event VoteCastWithParams(address indexed voter, uint256 proposalId, uint8 support, uint256 weight, string reason, bytes params)
func (mycroftGovernor *MycroftGovernor) UnpackVoteCastWithParamsEvent(log *types.Log) (*MycroftGovernorVoteCastWithParams, error) {
	event := "VoteCastWithParams"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != mycroftGovernor.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MycroftGovernorVoteCastWithParams)
	if len(log.Data) > 0 {
		if err := mycroftGovernor.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range mycroftGovernor.abi.Events[event].Inputs {
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

// MycroftGovernorVotingDelaySet represents a VotingDelaySet event raised by the MycroftGovernor contract.
type MycroftGovernorVotingDelaySet struct {
	OldVotingDelay *big.Int
	NewVotingDelay *big.Int
	Raw            *types.Log // Blockchain specific contextual infos
}

const MycroftGovernorVotingDelaySetEventName = "VotingDelaySet"

// ContractEventName returns the user-defined event name.
func (MycroftGovernorVotingDelaySet) ContractEventName() string {
	return MycroftGovernorVotingDelaySetEventName
}

// UnpackVotingDelaySetEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event VotingDelaySet(uint256 oldVotingDelay, uint256 newVotingDelay)
func (mycroftGovernor *MycroftGovernor) UnpackVotingDelaySetEvent(log *types.Log) (*MycroftGovernorVotingDelaySet, error) {
	event := "VotingDelaySet"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != mycroftGovernor.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MycroftGovernorVotingDelaySet)
	if len(log.Data) > 0 {
		if err := mycroftGovernor.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range mycroftGovernor.abi.Events[event].Inputs {
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

// MycroftGovernorVotingPeriodSet represents a VotingPeriodSet event raised by the MycroftGovernor contract.
type MycroftGovernorVotingPeriodSet struct {
	OldVotingPeriod *big.Int
	NewVotingPeriod *big.Int
	Raw             *types.Log // Blockchain specific contextual infos
}

const MycroftGovernorVotingPeriodSetEventName = "VotingPeriodSet"

// ContractEventName returns the user-defined event name.
func (MycroftGovernorVotingPeriodSet) ContractEventName() string {
	return MycroftGovernorVotingPeriodSetEventName
}

// UnpackVotingPeriodSetEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event VotingPeriodSet(uint256 oldVotingPeriod, uint256 newVotingPeriod)
func (mycroftGovernor *MycroftGovernor) UnpackVotingPeriodSetEvent(log *types.Log) (*MycroftGovernorVotingPeriodSet, error) {
	event := "VotingPeriodSet"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != mycroftGovernor.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MycroftGovernorVotingPeriodSet)
	if len(log.Data) > 0 {
		if err := mycroftGovernor.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range mycroftGovernor.abi.Events[event].Inputs {
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
func (mycroftGovernor *MycroftGovernor) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], mycroftGovernor.abi.Errors["CheckpointUnorderedInsertion"].ID.Bytes()[:4]) {
		return mycroftGovernor.UnpackCheckpointUnorderedInsertionError(raw[4:])
	}
	if bytes.Equal(raw[:4], mycroftGovernor.abi.Errors["FailedCall"].ID.Bytes()[:4]) {
		return mycroftGovernor.UnpackFailedCallError(raw[4:])
	}
	if bytes.Equal(raw[:4], mycroftGovernor.abi.Errors["GovernorAlreadyCastVote"].ID.Bytes()[:4]) {
		return mycroftGovernor.UnpackGovernorAlreadyCastVoteError(raw[4:])
	}
	if bytes.Equal(raw[:4], mycroftGovernor.abi.Errors["GovernorAlreadyQueuedProposal"].ID.Bytes()[:4]) {
		return mycroftGovernor.UnpackGovernorAlreadyQueuedProposalError(raw[4:])
	}
	if bytes.Equal(raw[:4], mycroftGovernor.abi.Errors["GovernorDisabledDeposit"].ID.Bytes()[:4]) {
		return mycroftGovernor.UnpackGovernorDisabledDepositError(raw[4:])
	}
	if bytes.Equal(raw[:4], mycroftGovernor.abi.Errors["GovernorInsufficientProposerVotes"].ID.Bytes()[:4]) {
		return mycroftGovernor.UnpackGovernorInsufficientProposerVotesError(raw[4:])
	}
	if bytes.Equal(raw[:4], mycroftGovernor.abi.Errors["GovernorInvalidProposalLength"].ID.Bytes()[:4]) {
		return mycroftGovernor.UnpackGovernorInvalidProposalLengthError(raw[4:])
	}
	if bytes.Equal(raw[:4], mycroftGovernor.abi.Errors["GovernorInvalidQuorumFraction"].ID.Bytes()[:4]) {
		return mycroftGovernor.UnpackGovernorInvalidQuorumFractionError(raw[4:])
	}
	if bytes.Equal(raw[:4], mycroftGovernor.abi.Errors["GovernorInvalidSignature"].ID.Bytes()[:4]) {
		return mycroftGovernor.UnpackGovernorInvalidSignatureError(raw[4:])
	}
	if bytes.Equal(raw[:4], mycroftGovernor.abi.Errors["GovernorInvalidVoteParams"].ID.Bytes()[:4]) {
		return mycroftGovernor.UnpackGovernorInvalidVoteParamsError(raw[4:])
	}
	if bytes.Equal(raw[:4], mycroftGovernor.abi.Errors["GovernorInvalidVoteType"].ID.Bytes()[:4]) {
		return mycroftGovernor.UnpackGovernorInvalidVoteTypeError(raw[4:])
	}
	if bytes.Equal(raw[:4], mycroftGovernor.abi.Errors["GovernorInvalidVotingPeriod"].ID.Bytes()[:4]) {
		return mycroftGovernor.UnpackGovernorInvalidVotingPeriodError(raw[4:])
	}
	if bytes.Equal(raw[:4], mycroftGovernor.abi.Errors["GovernorNonexistentProposal"].ID.Bytes()[:4]) {
		return mycroftGovernor.UnpackGovernorNonexistentProposalError(raw[4:])
	}
	if bytes.Equal(raw[:4], mycroftGovernor.abi.Errors["GovernorNotQueuedProposal"].ID.Bytes()[:4]) {
		return mycroftGovernor.UnpackGovernorNotQueuedProposalError(raw[4:])
	}
	if bytes.Equal(raw[:4], mycroftGovernor.abi.Errors["GovernorOnlyExecutor"].ID.Bytes()[:4]) {
		return mycroftGovernor.UnpackGovernorOnlyExecutorError(raw[4:])
	}
	if bytes.Equal(raw[:4], mycroftGovernor.abi.Errors["GovernorQueueNotImplemented"].ID.Bytes()[:4]) {
		return mycroftGovernor.UnpackGovernorQueueNotImplementedError(raw[4:])
	}
	if bytes.Equal(raw[:4], mycroftGovernor.abi.Errors["GovernorRestrictedProposer"].ID.Bytes()[:4]) {
		return mycroftGovernor.UnpackGovernorRestrictedProposerError(raw[4:])
	}
	if bytes.Equal(raw[:4], mycroftGovernor.abi.Errors["GovernorUnableToCancel"].ID.Bytes()[:4]) {
		return mycroftGovernor.UnpackGovernorUnableToCancelError(raw[4:])
	}
	if bytes.Equal(raw[:4], mycroftGovernor.abi.Errors["GovernorUnexpectedProposalState"].ID.Bytes()[:4]) {
		return mycroftGovernor.UnpackGovernorUnexpectedProposalStateError(raw[4:])
	}
	if bytes.Equal(raw[:4], mycroftGovernor.abi.Errors["InvalidAccountNonce"].ID.Bytes()[:4]) {
		return mycroftGovernor.UnpackInvalidAccountNonceError(raw[4:])
	}
	if bytes.Equal(raw[:4], mycroftGovernor.abi.Errors["InvalidShortString"].ID.Bytes()[:4]) {
		return mycroftGovernor.UnpackInvalidShortStringError(raw[4:])
	}
	if bytes.Equal(raw[:4], mycroftGovernor.abi.Errors["SafeCastOverflowedUintDowncast"].ID.Bytes()[:4]) {
		return mycroftGovernor.UnpackSafeCastOverflowedUintDowncastError(raw[4:])
	}
	if bytes.Equal(raw[:4], mycroftGovernor.abi.Errors["StringTooLong"].ID.Bytes()[:4]) {
		return mycroftGovernor.UnpackStringTooLongError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// MycroftGovernorCheckpointUnorderedInsertion represents a CheckpointUnorderedInsertion error raised by the MycroftGovernor contract.
type MycroftGovernorCheckpointUnorderedInsertion struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error CheckpointUnorderedInsertion()
func MycroftGovernorCheckpointUnorderedInsertionErrorID() common.Hash {
	return common.HexToHash("0x2520601d9d60b717c34a36ad270857824c5a1ebbfd08ff39aba6930089495cfa")
}

// UnpackCheckpointUnorderedInsertionError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error CheckpointUnorderedInsertion()
func (mycroftGovernor *MycroftGovernor) UnpackCheckpointUnorderedInsertionError(raw []byte) (*MycroftGovernorCheckpointUnorderedInsertion, error) {
	out := new(MycroftGovernorCheckpointUnorderedInsertion)
	if err := mycroftGovernor.abi.UnpackIntoInterface(out, "CheckpointUnorderedInsertion", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MycroftGovernorFailedCall represents a FailedCall error raised by the MycroftGovernor contract.
type MycroftGovernorFailedCall struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error FailedCall()
func MycroftGovernorFailedCallErrorID() common.Hash {
	return common.HexToHash("0xd6bda27508c0fb6d8a39b4b122878dab26f731a7d4e4abe711dd3731899052a4")
}

// UnpackFailedCallError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error FailedCall()
func (mycroftGovernor *MycroftGovernor) UnpackFailedCallError(raw []byte) (*MycroftGovernorFailedCall, error) {
	out := new(MycroftGovernorFailedCall)
	if err := mycroftGovernor.abi.UnpackIntoInterface(out, "FailedCall", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MycroftGovernorGovernorAlreadyCastVote represents a GovernorAlreadyCastVote error raised by the MycroftGovernor contract.
type MycroftGovernorGovernorAlreadyCastVote struct {
	Voter common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error GovernorAlreadyCastVote(address voter)
func MycroftGovernorGovernorAlreadyCastVoteErrorID() common.Hash {
	return common.HexToHash("0x71c6af4932ed543cdb181fcbb800f4b9940a2ccceeaee5e6e141de8c50856ede")
}

// UnpackGovernorAlreadyCastVoteError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error GovernorAlreadyCastVote(address voter)
func (mycroftGovernor *MycroftGovernor) UnpackGovernorAlreadyCastVoteError(raw []byte) (*MycroftGovernorGovernorAlreadyCastVote, error) {
	out := new(MycroftGovernorGovernorAlreadyCastVote)
	if err := mycroftGovernor.abi.UnpackIntoInterface(out, "GovernorAlreadyCastVote", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MycroftGovernorGovernorAlreadyQueuedProposal represents a GovernorAlreadyQueuedProposal error raised by the MycroftGovernor contract.
type MycroftGovernorGovernorAlreadyQueuedProposal struct {
	ProposalId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error GovernorAlreadyQueuedProposal(uint256 proposalId)
func MycroftGovernorGovernorAlreadyQueuedProposalErrorID() common.Hash {
	return common.HexToHash("0xf20e7d374e58691196b2e081c7753efc94203ab3520c58efe153076e279fde0a")
}

// UnpackGovernorAlreadyQueuedProposalError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error GovernorAlreadyQueuedProposal(uint256 proposalId)
func (mycroftGovernor *MycroftGovernor) UnpackGovernorAlreadyQueuedProposalError(raw []byte) (*MycroftGovernorGovernorAlreadyQueuedProposal, error) {
	out := new(MycroftGovernorGovernorAlreadyQueuedProposal)
	if err := mycroftGovernor.abi.UnpackIntoInterface(out, "GovernorAlreadyQueuedProposal", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MycroftGovernorGovernorDisabledDeposit represents a GovernorDisabledDeposit error raised by the MycroftGovernor contract.
type MycroftGovernorGovernorDisabledDeposit struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error GovernorDisabledDeposit()
func MycroftGovernorGovernorDisabledDepositErrorID() common.Hash {
	return common.HexToHash("0xe90a651e5fdea7022846d10b5f36994c22e1f46db4b5021aa3e26ad83b24bfd8")
}

// UnpackGovernorDisabledDepositError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error GovernorDisabledDeposit()
func (mycroftGovernor *MycroftGovernor) UnpackGovernorDisabledDepositError(raw []byte) (*MycroftGovernorGovernorDisabledDeposit, error) {
	out := new(MycroftGovernorGovernorDisabledDeposit)
	if err := mycroftGovernor.abi.UnpackIntoInterface(out, "GovernorDisabledDeposit", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MycroftGovernorGovernorInsufficientProposerVotes represents a GovernorInsufficientProposerVotes error raised by the MycroftGovernor contract.
type MycroftGovernorGovernorInsufficientProposerVotes struct {
	Proposer  common.Address
	Votes     *big.Int
	Threshold *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error GovernorInsufficientProposerVotes(address proposer, uint256 votes, uint256 threshold)
func MycroftGovernorGovernorInsufficientProposerVotesErrorID() common.Hash {
	return common.HexToHash("0xc242ee16ab08d11dbce60e744efdbd91b4e07ac4c074d993992519795a6324d0")
}

// UnpackGovernorInsufficientProposerVotesError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error GovernorInsufficientProposerVotes(address proposer, uint256 votes, uint256 threshold)
func (mycroftGovernor *MycroftGovernor) UnpackGovernorInsufficientProposerVotesError(raw []byte) (*MycroftGovernorGovernorInsufficientProposerVotes, error) {
	out := new(MycroftGovernorGovernorInsufficientProposerVotes)
	if err := mycroftGovernor.abi.UnpackIntoInterface(out, "GovernorInsufficientProposerVotes", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MycroftGovernorGovernorInvalidProposalLength represents a GovernorInvalidProposalLength error raised by the MycroftGovernor contract.
type MycroftGovernorGovernorInvalidProposalLength struct {
	Targets   *big.Int
	Calldatas *big.Int
	Values    *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error GovernorInvalidProposalLength(uint256 targets, uint256 calldatas, uint256 values)
func MycroftGovernorGovernorInvalidProposalLengthErrorID() common.Hash {
	return common.HexToHash("0x447b05d0c41e339e22932be48ca2091a47f3c39df25e2152ad11a8729753b2b4")
}

// UnpackGovernorInvalidProposalLengthError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error GovernorInvalidProposalLength(uint256 targets, uint256 calldatas, uint256 values)
func (mycroftGovernor *MycroftGovernor) UnpackGovernorInvalidProposalLengthError(raw []byte) (*MycroftGovernorGovernorInvalidProposalLength, error) {
	out := new(MycroftGovernorGovernorInvalidProposalLength)
	if err := mycroftGovernor.abi.UnpackIntoInterface(out, "GovernorInvalidProposalLength", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MycroftGovernorGovernorInvalidQuorumFraction represents a GovernorInvalidQuorumFraction error raised by the MycroftGovernor contract.
type MycroftGovernorGovernorInvalidQuorumFraction struct {
	QuorumNumerator   *big.Int
	QuorumDenominator *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error GovernorInvalidQuorumFraction(uint256 quorumNumerator, uint256 quorumDenominator)
func MycroftGovernorGovernorInvalidQuorumFractionErrorID() common.Hash {
	return common.HexToHash("0x243e5445050913bb1c3de7a2f82eba0c3b0b8a55c2aacf660392fa35087a1919")
}

// UnpackGovernorInvalidQuorumFractionError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error GovernorInvalidQuorumFraction(uint256 quorumNumerator, uint256 quorumDenominator)
func (mycroftGovernor *MycroftGovernor) UnpackGovernorInvalidQuorumFractionError(raw []byte) (*MycroftGovernorGovernorInvalidQuorumFraction, error) {
	out := new(MycroftGovernorGovernorInvalidQuorumFraction)
	if err := mycroftGovernor.abi.UnpackIntoInterface(out, "GovernorInvalidQuorumFraction", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MycroftGovernorGovernorInvalidSignature represents a GovernorInvalidSignature error raised by the MycroftGovernor contract.
type MycroftGovernorGovernorInvalidSignature struct {
	Voter common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error GovernorInvalidSignature(address voter)
func MycroftGovernorGovernorInvalidSignatureErrorID() common.Hash {
	return common.HexToHash("0x94ab6c07905fb25046d2809e4563b09690f891c9495bfe19551d602e7eddbb1b")
}

// UnpackGovernorInvalidSignatureError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error GovernorInvalidSignature(address voter)
func (mycroftGovernor *MycroftGovernor) UnpackGovernorInvalidSignatureError(raw []byte) (*MycroftGovernorGovernorInvalidSignature, error) {
	out := new(MycroftGovernorGovernorInvalidSignature)
	if err := mycroftGovernor.abi.UnpackIntoInterface(out, "GovernorInvalidSignature", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MycroftGovernorGovernorInvalidVoteParams represents a GovernorInvalidVoteParams error raised by the MycroftGovernor contract.
type MycroftGovernorGovernorInvalidVoteParams struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error GovernorInvalidVoteParams()
func MycroftGovernorGovernorInvalidVoteParamsErrorID() common.Hash {
	return common.HexToHash("0x867db7717d0cc803be5726127d33cc17ae07776705d8ba6659af8aaa5b418dd8")
}

// UnpackGovernorInvalidVoteParamsError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error GovernorInvalidVoteParams()
func (mycroftGovernor *MycroftGovernor) UnpackGovernorInvalidVoteParamsError(raw []byte) (*MycroftGovernorGovernorInvalidVoteParams, error) {
	out := new(MycroftGovernorGovernorInvalidVoteParams)
	if err := mycroftGovernor.abi.UnpackIntoInterface(out, "GovernorInvalidVoteParams", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MycroftGovernorGovernorInvalidVoteType represents a GovernorInvalidVoteType error raised by the MycroftGovernor contract.
type MycroftGovernorGovernorInvalidVoteType struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error GovernorInvalidVoteType()
func MycroftGovernorGovernorInvalidVoteTypeErrorID() common.Hash {
	return common.HexToHash("0x06b337c26289d63178b4d4ed5fd513f38a1d8832d0edd309ef07bfc9ba5caf49")
}

// UnpackGovernorInvalidVoteTypeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error GovernorInvalidVoteType()
func (mycroftGovernor *MycroftGovernor) UnpackGovernorInvalidVoteTypeError(raw []byte) (*MycroftGovernorGovernorInvalidVoteType, error) {
	out := new(MycroftGovernorGovernorInvalidVoteType)
	if err := mycroftGovernor.abi.UnpackIntoInterface(out, "GovernorInvalidVoteType", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MycroftGovernorGovernorInvalidVotingPeriod represents a GovernorInvalidVotingPeriod error raised by the MycroftGovernor contract.
type MycroftGovernorGovernorInvalidVotingPeriod struct {
	VotingPeriod *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error GovernorInvalidVotingPeriod(uint256 votingPeriod)
func MycroftGovernorGovernorInvalidVotingPeriodErrorID() common.Hash {
	return common.HexToHash("0xf1cfbf057db43f9730bc42a52728d66da9151a5c6929758ee824e299f82f5689")
}

// UnpackGovernorInvalidVotingPeriodError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error GovernorInvalidVotingPeriod(uint256 votingPeriod)
func (mycroftGovernor *MycroftGovernor) UnpackGovernorInvalidVotingPeriodError(raw []byte) (*MycroftGovernorGovernorInvalidVotingPeriod, error) {
	out := new(MycroftGovernorGovernorInvalidVotingPeriod)
	if err := mycroftGovernor.abi.UnpackIntoInterface(out, "GovernorInvalidVotingPeriod", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MycroftGovernorGovernorNonexistentProposal represents a GovernorNonexistentProposal error raised by the MycroftGovernor contract.
type MycroftGovernorGovernorNonexistentProposal struct {
	ProposalId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error GovernorNonexistentProposal(uint256 proposalId)
func MycroftGovernorGovernorNonexistentProposalErrorID() common.Hash {
	return common.HexToHash("0x6ad06075316ea071ccae80931b756598be5aad3433b2c47b38607a8eec344a70")
}

// UnpackGovernorNonexistentProposalError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error GovernorNonexistentProposal(uint256 proposalId)
func (mycroftGovernor *MycroftGovernor) UnpackGovernorNonexistentProposalError(raw []byte) (*MycroftGovernorGovernorNonexistentProposal, error) {
	out := new(MycroftGovernorGovernorNonexistentProposal)
	if err := mycroftGovernor.abi.UnpackIntoInterface(out, "GovernorNonexistentProposal", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MycroftGovernorGovernorNotQueuedProposal represents a GovernorNotQueuedProposal error raised by the MycroftGovernor contract.
type MycroftGovernorGovernorNotQueuedProposal struct {
	ProposalId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error GovernorNotQueuedProposal(uint256 proposalId)
func MycroftGovernorGovernorNotQueuedProposalErrorID() common.Hash {
	return common.HexToHash("0xd5ddb8255ec3d5fb4ee2dd5d919eb1db6a2f1e4420bb74c3741830500cfb6a4f")
}

// UnpackGovernorNotQueuedProposalError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error GovernorNotQueuedProposal(uint256 proposalId)
func (mycroftGovernor *MycroftGovernor) UnpackGovernorNotQueuedProposalError(raw []byte) (*MycroftGovernorGovernorNotQueuedProposal, error) {
	out := new(MycroftGovernorGovernorNotQueuedProposal)
	if err := mycroftGovernor.abi.UnpackIntoInterface(out, "GovernorNotQueuedProposal", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MycroftGovernorGovernorOnlyExecutor represents a GovernorOnlyExecutor error raised by the MycroftGovernor contract.
type MycroftGovernorGovernorOnlyExecutor struct {
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error GovernorOnlyExecutor(address account)
func MycroftGovernorGovernorOnlyExecutorErrorID() common.Hash {
	return common.HexToHash("0x47096e4749c231af946d5efc74a7fd817371e756031e98787f18bf70aaa7753c")
}

// UnpackGovernorOnlyExecutorError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error GovernorOnlyExecutor(address account)
func (mycroftGovernor *MycroftGovernor) UnpackGovernorOnlyExecutorError(raw []byte) (*MycroftGovernorGovernorOnlyExecutor, error) {
	out := new(MycroftGovernorGovernorOnlyExecutor)
	if err := mycroftGovernor.abi.UnpackIntoInterface(out, "GovernorOnlyExecutor", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MycroftGovernorGovernorQueueNotImplemented represents a GovernorQueueNotImplemented error raised by the MycroftGovernor contract.
type MycroftGovernorGovernorQueueNotImplemented struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error GovernorQueueNotImplemented()
func MycroftGovernorGovernorQueueNotImplementedErrorID() common.Hash {
	return common.HexToHash("0x90884a46490684db0a73766419939e5ace793ae0f80195a286e159115c6628a0")
}

// UnpackGovernorQueueNotImplementedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error GovernorQueueNotImplemented()
func (mycroftGovernor *MycroftGovernor) UnpackGovernorQueueNotImplementedError(raw []byte) (*MycroftGovernorGovernorQueueNotImplemented, error) {
	out := new(MycroftGovernorGovernorQueueNotImplemented)
	if err := mycroftGovernor.abi.UnpackIntoInterface(out, "GovernorQueueNotImplemented", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MycroftGovernorGovernorRestrictedProposer represents a GovernorRestrictedProposer error raised by the MycroftGovernor contract.
type MycroftGovernorGovernorRestrictedProposer struct {
	Proposer common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error GovernorRestrictedProposer(address proposer)
func MycroftGovernorGovernorRestrictedProposerErrorID() common.Hash {
	return common.HexToHash("0xd9b395579c6f1566cc7608394c53136f366f7fa719d01a941bee075ef8c704f4")
}

// UnpackGovernorRestrictedProposerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error GovernorRestrictedProposer(address proposer)
func (mycroftGovernor *MycroftGovernor) UnpackGovernorRestrictedProposerError(raw []byte) (*MycroftGovernorGovernorRestrictedProposer, error) {
	out := new(MycroftGovernorGovernorRestrictedProposer)
	if err := mycroftGovernor.abi.UnpackIntoInterface(out, "GovernorRestrictedProposer", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MycroftGovernorGovernorUnableToCancel represents a GovernorUnableToCancel error raised by the MycroftGovernor contract.
type MycroftGovernorGovernorUnableToCancel struct {
	ProposalId *big.Int
	Account    common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error GovernorUnableToCancel(uint256 proposalId, address account)
func MycroftGovernorGovernorUnableToCancelErrorID() common.Hash {
	return common.HexToHash("0x8fe5d8a9809b4b1a3569a8d98ce25e21fb956a89b6b9a2741d15bc699f46ef07")
}

// UnpackGovernorUnableToCancelError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error GovernorUnableToCancel(uint256 proposalId, address account)
func (mycroftGovernor *MycroftGovernor) UnpackGovernorUnableToCancelError(raw []byte) (*MycroftGovernorGovernorUnableToCancel, error) {
	out := new(MycroftGovernorGovernorUnableToCancel)
	if err := mycroftGovernor.abi.UnpackIntoInterface(out, "GovernorUnableToCancel", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MycroftGovernorGovernorUnexpectedProposalState represents a GovernorUnexpectedProposalState error raised by the MycroftGovernor contract.
type MycroftGovernorGovernorUnexpectedProposalState struct {
	ProposalId     *big.Int
	Current        uint8
	ExpectedStates [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error GovernorUnexpectedProposalState(uint256 proposalId, uint8 current, bytes32 expectedStates)
func MycroftGovernorGovernorUnexpectedProposalStateErrorID() common.Hash {
	return common.HexToHash("0x31b75e4d4f8317c390cf01cbc79dfe4f67ce2d27f65a099074fdc67f00f76908")
}

// UnpackGovernorUnexpectedProposalStateError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error GovernorUnexpectedProposalState(uint256 proposalId, uint8 current, bytes32 expectedStates)
func (mycroftGovernor *MycroftGovernor) UnpackGovernorUnexpectedProposalStateError(raw []byte) (*MycroftGovernorGovernorUnexpectedProposalState, error) {
	out := new(MycroftGovernorGovernorUnexpectedProposalState)
	if err := mycroftGovernor.abi.UnpackIntoInterface(out, "GovernorUnexpectedProposalState", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MycroftGovernorInvalidAccountNonce represents a InvalidAccountNonce error raised by the MycroftGovernor contract.
type MycroftGovernorInvalidAccountNonce struct {
	Account      common.Address
	CurrentNonce *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidAccountNonce(address account, uint256 currentNonce)
func MycroftGovernorInvalidAccountNonceErrorID() common.Hash {
	return common.HexToHash("0x752d88c0de02638abf10e8e31861e4c68dc1f3a1e7d840e580683f2c282bfc7a")
}

// UnpackInvalidAccountNonceError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidAccountNonce(address account, uint256 currentNonce)
func (mycroftGovernor *MycroftGovernor) UnpackInvalidAccountNonceError(raw []byte) (*MycroftGovernorInvalidAccountNonce, error) {
	out := new(MycroftGovernorInvalidAccountNonce)
	if err := mycroftGovernor.abi.UnpackIntoInterface(out, "InvalidAccountNonce", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MycroftGovernorInvalidShortString represents a InvalidShortString error raised by the MycroftGovernor contract.
type MycroftGovernorInvalidShortString struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidShortString()
func MycroftGovernorInvalidShortStringErrorID() common.Hash {
	return common.HexToHash("0xb3512b0c6163e5f0bafab72bb631b9d58cd7a731b082f910338aa21c83d5c274")
}

// UnpackInvalidShortStringError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidShortString()
func (mycroftGovernor *MycroftGovernor) UnpackInvalidShortStringError(raw []byte) (*MycroftGovernorInvalidShortString, error) {
	out := new(MycroftGovernorInvalidShortString)
	if err := mycroftGovernor.abi.UnpackIntoInterface(out, "InvalidShortString", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MycroftGovernorSafeCastOverflowedUintDowncast represents a SafeCastOverflowedUintDowncast error raised by the MycroftGovernor contract.
type MycroftGovernorSafeCastOverflowedUintDowncast struct {
	Bits  uint8
	Value *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SafeCastOverflowedUintDowncast(uint8 bits, uint256 value)
func MycroftGovernorSafeCastOverflowedUintDowncastErrorID() common.Hash {
	return common.HexToHash("0x6dfcc6503a32754ce7a89698e18201fc5294fd4aad43edefee786f88423b1a12")
}

// UnpackSafeCastOverflowedUintDowncastError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SafeCastOverflowedUintDowncast(uint8 bits, uint256 value)
func (mycroftGovernor *MycroftGovernor) UnpackSafeCastOverflowedUintDowncastError(raw []byte) (*MycroftGovernorSafeCastOverflowedUintDowncast, error) {
	out := new(MycroftGovernorSafeCastOverflowedUintDowncast)
	if err := mycroftGovernor.abi.UnpackIntoInterface(out, "SafeCastOverflowedUintDowncast", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MycroftGovernorStringTooLong represents a StringTooLong error raised by the MycroftGovernor contract.
type MycroftGovernorStringTooLong struct {
	Str string
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error StringTooLong(string str)
func MycroftGovernorStringTooLongErrorID() common.Hash {
	return common.HexToHash("0x305a27a93f8e33b7392df0a0f91d6fc63847395853c45991eec52dbf24d72381")
}

// UnpackStringTooLongError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error StringTooLong(string str)
func (mycroftGovernor *MycroftGovernor) UnpackStringTooLongError(raw []byte) (*MycroftGovernorStringTooLong, error) {
	out := new(MycroftGovernorStringTooLong)
	if err := mycroftGovernor.abi.UnpackIntoInterface(out, "StringTooLong", raw); err != nil {
		return nil, err
	}
	return out, nil
}
