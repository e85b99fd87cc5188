package main

import (
	"context"
	"fmt"

	"github.com/mycroft-network/mycroft/keystore"
	"github.com/mycroft-network/mycroft/keystore/web3"
	"github.com/mycroft-network/mycroft/p2p"
)

// runP2P is `mycroft p2p id`, a maintainer's command (hidden from the
// help): the libp2p peer id a wallet key gives, from a v3 key file (the
// output of `mycroft keys export`), without a running agent. The peer id is
// the node's name on the network; the address is the one it proves.
func runP2P(ctx context.Context, e *env, args []string) error {
	const usage = "p2p id [--file-passphrase-file FILE] KEYFILE"
	if len(args) == 0 || isHelp(args[0]) {
		if len(args) > 0 {
			fmt.Fprintf(e.stdout, "usage: mycroft %s\n", usage)
			return nil
		}
		return usagef("p2p: need a subcommand: id")
	}
	if args[0] != "id" {
		return usagef("p2p: unknown subcommand %q (want id)", args[0])
	}
	fs := newFlags(e, "p2p id", "[--file-passphrase-file FILE] KEYFILE")
	passFile := fs.String("file-passphrase-file", "", "read the key file's passphrase from FILE (mode 0600)")
	if err := parseFlags(fs, args[1:], 1); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("p2p id: need the v3 key file (mycroft keys export)")
	}
	file, err := readKeyFile(fs.Arg(0))
	if err != nil {
		return fmt.Errorf("p2p id: %w", err)
	}
	pass, err := secret(e, *passFile, "passphrase of the key file", false)
	if err != nil {
		return fmt.Errorf("p2p id: %w", err)
	}
	k, err := web3.DecryptWithBounds(file, []byte(pass), keystore.ImportBounds)
	if err != nil {
		return fmt.Errorf("p2p id: %s: %w", fs.Arg(0), err)
	}
	id, err := p2p.IdentityFromECDSA(k)
	if err != nil {
		return fmt.Errorf("p2p id: %w", err)
	}
	fmt.Fprintf(e.stdout, "peer id %s\naddress %s\n", id.PeerID(), id.Address().Hex())
	return nil
}
