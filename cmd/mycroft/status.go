package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"
	"time"
)

// componentOrder is the order `mycroft status` prints the agent's
// subsystems in; any other component follows, sorted by name.
var componentOrder = []string{"keys", "wallet", "miner", "voice", "chain", "provider"}

func runStatus(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "status", "[--json]")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	st, err := e.client().Status(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(e.stdout, st)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	board := st.Board
	if st.BoardRevision != "" {
		board += " " + st.BoardRevision
	}
	fmt.Fprintf(tw, "board:\t%s\n", board)
	fmt.Fprintf(tw, "version:\t%s\n", st.Version)
	fmt.Fprintf(tw, "uptime:\t%s\n", (time.Duration(st.UptimeSeconds) * time.Second).String())
	warnings := 0
	for _, w := range st.Warnings {
		fmt.Fprintf(tw, "warning:\t%s (%s): %s\n", w.Component, w.Severity, w.Message)
		warnings++
	}
	// A wallet that is off by configuration is not a fault (no health
	// warning), but the owner must see that paid services are unavailable.
	if off := walletOff(st.Components["wallet"]); off != "" {
		fmt.Fprintf(tw, "warning:\twallet is off: %s; paid services (speech-to-text, weather, knowledge) are unavailable\n", off)
		warnings++
	}
	if warnings == 0 {
		fmt.Fprintf(tw, "health:\tok\n")
	}
	if lan, fp := webCertificate(st.Components["web"]); fp != "" {
		fmt.Fprintf(tw, "web page:\t%s, certificate SHA-256 %s\n", lan, fp)
	}
	if line := updateLine(st.Components["update"]); line != "" {
		fmt.Fprintf(tw, "updates:\t%s\n", line)
	}
	if addr := walletEmpty(st.Components["wallet"]); addr != "" {
		fmt.Fprintf(tw, "note:\t%s\n", noTokensNote(addr))
	}
	names := make([]string, 0, len(st.Components))
	for n := range st.Components {
		if !slices.Contains(componentOrder, n) {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range append(slices.Clone(componentOrder), names...) {
		raw, ok := st.Components[n]
		if !ok {
			continue
		}
		fields, err := flatten(raw)
		if err != nil {
			fmt.Fprintf(tw, "%s:\t(unreadable: %v)\n", n, err)
			continue
		}
		fmt.Fprintf(tw, "%s:\t\n", n)
		for _, f := range fields {
			fmt.Fprintf(tw, "  %s:\t%s\n", f.key, f.value)
		}
	}
	return tw.Flush()
}

// walletOff returns why the wallet is off, or "" when it is on.
func walletOff(raw json.RawMessage) string {
	var w struct {
		Off string `json:"off"`
	}
	if json.Unmarshal(raw, &w) != nil {
		return ""
	}
	return w.Off
}

// walletEmpty returns the wallet's address when the wallet is on and holds
// no tokens and no channel (nothing to pay a provider with), else "".
func walletEmpty(raw json.RawMessage) string {
	var w struct {
		Address  string `json:"address"`
		Balance  string `json:"balance"`
		Channels int    `json:"channels"`
	}
	if json.Unmarshal(raw, &w) != nil || w.Address == "" || w.Balance != "0" || w.Channels != 0 {
		return ""
	}
	return w.Address
}

// noTokensNote says what a device with no tokens can still do and how to
// get some (the voice says the same: agent/skills SayLocalStill and
// SayGetTokens).
func noTokensNote(addr string) string {
	return "the wallet has no tokens: paid services (speech-to-text, weather, questions) are off; " +
		"local skills still work (time, timers, alarms, volume). To get tokens: the sign-up grant " +
		"(claimed by the agent when [grant] registrar_url is set), or a transfer of MYC to " + addr
}

type field struct{ key, value string }

// flatten turns a JSON value into key: value lines in the order the agent
// wrote them: keys as --json prints them (snake_case, so the text and JSON
// outputs and `wallet limits --set` use the same names), nested objects as
// parent.key, nulls and empty strings left out, arrays of objects counted.
func flatten(raw json.RawMessage) ([]field, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var out []field
	if err := flattenValue(dec, "", &out); err != nil {
		return nil, err
	}
	return out, nil
}

func flattenValue(dec *json.Decoder, prefix string, out *[]field) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	switch t := tok.(type) {
	case json.Delim:
		if t == '[' {
			var items []string
			objects := 0
			for dec.More() {
				var v any
				if err := dec.Decode(&v); err != nil {
					return err
				}
				switch x := v.(type) {
				case map[string]any, []any:
					objects++
				case nil:
				default:
					items = append(items, fmt.Sprint(x))
				}
			}
			if _, err := dec.Token(); err != nil {
				return err
			}
			switch {
			case objects > 0:
				*out = append(*out, field{prefix, fmt.Sprintf("%d entries (--json shows them)", objects+len(items))})
			case len(items) > 0:
				*out = append(*out, field{prefix, strings.Join(items, ", ")})
			}
			return nil
		}
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				return err
			}
			key := snakeCase(fmt.Sprint(k))
			if prefix != "" {
				key = prefix + "." + key
			}
			if err := flattenValue(dec, key, out); err != nil {
				return err
			}
		}
		_, err := dec.Token()
		return err
	case nil:
		return nil
	case string:
		if t != "" {
			*out = append(*out, field{prefix, t})
		}
		return nil
	case bool:
		*out = append(*out, field{prefix, map[bool]string{true: "yes", false: "no"}[t]})
		return nil
	default:
		*out = append(*out, field{prefix, fmt.Sprint(t)})
		return nil
	}
}

// printFields prints a JSON object as aligned key: value lines, in the order
// of its fields (nested objects flattened as in `mycroft status`).
func printFields(e *env, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	fields, err := flatten(b)
	if err != nil {
		return err
	}
	return writeFields(e.stdout, fields)
}

func writeFields(w io.Writer, fields []field) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, f := range fields {
		fmt.Fprintf(tw, "%s:\t%s\n", f.key, f.value)
	}
	return tw.Flush()
}
