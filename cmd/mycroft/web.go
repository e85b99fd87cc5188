package main

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/mycroft-network/mycroft/internal/apiclient"
)

const webUsage = "usage: mycroft web pair [--json]"

// runWeb is `mycroft web pair`: the pairing code of the owner's page on
// the LAN, for an owner whose device shows no text (the Mark II ring) or
// who is on SSH anyway.
func runWeb(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] != "pair" {
		return usagef(webUsage)
	}
	fs := newFlags(e, "web pair", "[--json]")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parseFlags(fs, args[1:], 0); err != nil {
		return err
	}
	p, err := e.client().WebPair(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(e.stdout, p)
	}
	fmt.Fprintf(e.stdout, "pairing code: %s (single use, until %s)\n", p.Code, p.Expires.Local().Format(time.TimeOnly))
	return nil
}

// webCertificate returns the fingerprint of the web page's LAN certificate
// from the "web" part of the status ("" when the page is off the LAN).
func webCertificate(raw json.RawMessage) (lan, fingerprint string) {
	var w apiclient.WebStatus
	if json.Unmarshal(raw, &w) != nil {
		return "", ""
	}
	return w.LAN, w.Fingerprint
}
