// Package deploy deploys the Mycroft contracts (Token, Timelock,
// MycroftGovernor, Channels, Registry, Grants) from the committed bindings
// to any EVM chain through a chain.Client, checks the code at every address
// against the committed runtime artifacts (chain/artifacts), hands the
// Timelock's proposer and canceller roles to the Governor and has the
// deployer renounce the admin role, and returns the deployment manifest.
//
// A deployment records its progress in a Draft before and after every
// transaction, so one interrupted halfway resumes without deploying twice
// what is already on chain.
//
// The devnet and the `mycroft chain deploy` command use it; devices do not.
package deploy
