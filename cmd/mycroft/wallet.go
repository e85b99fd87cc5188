package main

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/mycroft-network/mycroft/internal/apiclient"
	"github.com/mycroft-network/mycroft/miner"
)

const walletUsage = "usage: mycroft wallet balance|channels|history|limits [--set key=value]|topup PROVIDER AMOUNT|close PROVIDER"

func runWallet(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return usagef(walletUsage)
	}
	c := e.client()
	switch args[0] {
	case "balance":
		fs := newFlags(e, "wallet balance", "[--json]")
		asJSON := fs.Bool("json", false, "print JSON (amounts in base units)")
		if err := parseFlags(fs, args[1:], 0); err != nil {
			return err
		}
		b, err := c.WalletBalance(ctx)
		if err != nil {
			return err
		}
		if *asJSON {
			return printJSON(e.stdout, b)
		}
		tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintf(tw, "address:\t%s\n", b.Address)
		fmt.Fprintf(tw, "balance:\t%s MYC\n", myc(b.Token))
		fmt.Fprintf(tw, "gas:\t%s\n", myc(b.Native))
		fmt.Fprintf(tw, "in channels:\t%s MYC\n", myc(b.InChannels))
		fmt.Fprintf(tw, "spent today:\t%s of %s MYC\n", myc(b.SpentToday), myc(b.Budget))
		return tw.Flush()
	case "channels":
		fs := newFlags(e, "wallet channels", "[--json]")
		asJSON := fs.Bool("json", false, "print JSON (amounts in base units)")
		if err := parseFlags(fs, args[1:], 0); err != nil {
			return err
		}
		chs, err := c.WalletChannels(ctx)
		if err != nil {
			return err
		}
		if *asJSON {
			return printJSON(e.stdout, chs)
		}
		if len(chs) == 0 {
			fmt.Fprintln(e.stdout, "no channels")
			return nil
		}
		tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "PROVIDER\tDEPOSIT\tSIGNED\tREDEEMED\tREMAINING\tSTATE")
		for _, ch := range chs {
			state := "open"
			switch {
			case ch.Withdrawn:
				state = "withdrawn"
			case ch.ClosesAt != 0:
				state = "closing"
			case ch.Pending:
				state = "call in flight"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", ch.Provider, myc(ch.Deposit), myc(ch.Signed), myc(ch.Redeemed), myc(ch.Remaining), state)
		}
		return tw.Flush()
	case "history":
		fs := newFlags(e, "wallet history", "[--limit N] [--json]")
		asJSON := fs.Bool("json", false, "print JSON (amounts in base units)")
		limit := fs.Int("limit", 20, "how many payments, newest first (0 for all)")
		if err := parseFlags(fs, args[1:], 0); err != nil {
			return err
		}
		hs, err := c.WalletHistory(ctx, *limit)
		if err != nil {
			return err
		}
		if *asJSON {
			return printJSON(e.stdout, hs)
		}
		if len(hs) == 0 {
			fmt.Fprintln(e.stdout, "no payments")
			return nil
		}
		tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "TIME\tSERVICE\tPRICE\tPROVIDER\tSTATUS")
		for _, h := range hs {
			st := h.Status
			if h.Error != "" {
				st += ": " + h.Error
			}
			if h.Note != "" {
				st += " (" + h.Note + ")"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", h.Time.Local().Format("2006-01-02 15:04:05"), h.Service, myc(h.Price), h.Provider, st)
		}
		return tw.Flush()
	case "limits":
		fs := newFlags(e, "wallet limits", "[--set key=value ...] [--passphrase-file FILE] [--json]")
		asJSON := fs.Bool("json", false, "print JSON")
		passFile := fs.String("passphrase-file", "", "read the keyring passphrase (needed to raise a limit) from FILE (mode 0600)")
		var sets setFlags
		fs.Var(&sets, "set", "change a limit: max_price_per_call, daily_budget, max_exposure_per_provider, deposit (MYC), top_up_calls, close_delay (repeatable)")
		if err := parseFlags(fs, args[1:], 0); err != nil {
			return err
		}
		var err error
		var l any
		if len(sets) > 0 {
			m := map[string]string{}
			for _, s := range sets {
				k, v, ok := strings.Cut(s, "=")
				if !ok || k == "" {
					return usagef("--set wants key=value, got %q", s)
				}
				m[k] = v
			}
			l, err = setLimits(ctx, e, m, *passFile)
		} else {
			l, err = c.WalletLimits(ctx)
		}
		if err != nil {
			return err
		}
		if *asJSON {
			return printJSON(e.stdout, l)
		}
		return printFields(e, l)
	case "topup":
		fs := newFlags(e, "wallet topup", "PROVIDER AMOUNT")
		if err := parseFlags(fs, args[1:], 2); err != nil {
			return err
		}
		if fs.NArg() != 2 {
			return usagef("usage: mycroft wallet topup PROVIDER AMOUNT (MYC)")
		}
		ch, err := c.WalletTopUp(ctx, fs.Arg(0), fs.Arg(1))
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "channel to %s: deposit %s MYC, %s MYC left\n", ch.Provider, myc(ch.Deposit), myc(ch.Remaining))
		return nil
	case "close":
		fs := newFlags(e, "wallet close", "PROVIDER")
		if err := parseFlags(fs, args[1:], 1); err != nil {
			return err
		}
		if fs.NArg() != 1 {
			return usagef("usage: mycroft wallet close PROVIDER")
		}
		ch, err := c.WalletClose(ctx, fs.Arg(0))
		if err != nil {
			return err
		}
		if ch.Withdrawn {
			fmt.Fprintf(e.stdout, "channel to %s withdrawn\n", ch.Provider)
		} else {
			fmt.Fprintf(e.stdout, "channel to %s closing; run mycroft wallet close %s again after its close delay to withdraw the rest\n", ch.Provider, ch.Provider)
		}
		return nil
	}
	return usagef(walletUsage)
}

func runProvider(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] != "status" {
		return usagef("usage: mycroft provider status [--json]")
	}
	fs := newFlags(e, "provider status", "[--json]")
	asJSON := fs.Bool("json", false, "print JSON (amounts in base units)")
	if err := parseFlags(fs, args[1:], 0); err != nil {
		return err
	}
	st, err := e.client().ProviderStatus(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(e.stdout, st)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "address:\t%s\n", st.Address)
	if st.Listen == "" {
		fmt.Fprintf(tw, "endpoint:\t%s (plain HTTP off: libp2p only)\n", st.Endpoint)
	} else {
		fmt.Fprintf(tw, "endpoint:\t%s (listening on %s)\n", st.Endpoint, st.Listen)
	}
	names := make([]string, 0, len(st.Prices))
	for k := range st.Prices {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		fmt.Fprintf(tw, "price %s:\t%s MYC\n", k, myc(st.Prices[k]))
	}
	fmt.Fprintf(tw, "channels:\t%d\n", st.Channels)
	fmt.Fprintf(tw, "held:\t%s MYC (%s redeemed, %s to redeem)\n", myc(st.Held), myc(st.Redeemed), myc(st.Unredeemed))
	fmt.Fprintf(tw, "calls:\t%d served, %d refused, %d failed, %d redeems\n", st.Stats.Served, st.Stats.Refused, st.Stats.Failed, st.Stats.Redeems)
	if st.LastError != "" {
		fmt.Fprintf(tw, "last error:\t%s\n", st.LastError)
	}
	return tw.Flush()
}

// myc writes a base-unit decimal string as MYC.
func myc(s string) string {
	v, ok := new(big.Int).SetString(s, 10)
	if !ok {
		return s
	}
	return miner.FormatAmount(v)
}

// setLimits changes limits. Lowering needs nothing; raising needs the
// keyring passphrase, asked for (or read from passFile) only when the agent
// says a limit goes up.
func setLimits(ctx context.Context, e *env, set map[string]string, passFile string) (any, error) {
	c := e.client()
	pass := ""
	if passFile != "" {
		p, err := readSecretFile(passFile)
		if err != nil {
			return nil, err
		}
		pass = p
	}
	l, err := c.SetWalletLimits(ctx, set, pass)
	var ae *apiclient.Error
	if pass == "" && errors.As(err, &ae) && ae.Status == http.StatusForbidden && strings.Contains(ae.Message, "passphrase") {
		fmt.Fprintln(e.stderr, ae.Message+".")
		if pass, err = readSecret(e, "Keyring passphrase: "); err != nil {
			return nil, err
		}
		l, err = c.SetWalletLimits(ctx, set, pass)
	}
	return l, err
}

// setFlags collects repeated --set flags.
type setFlags []string

func (s *setFlags) String() string     { return strings.Join(*s, ",") }
func (s *setFlags) Set(v string) error { *s = append(*s, v); return nil }
