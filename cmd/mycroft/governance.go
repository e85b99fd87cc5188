package main

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/mycroft-network/mycroft/internal/apiclient"
	"github.com/mycroft-network/mycroft/update"
)

const governanceSubcommands = "status | delegation | proposals | propose payout|param|registrar|release ... | vote N yes|no|abstain | ballot N yes|no|abstain"

const proposeKinds = "payout|param|registrar|release [--preview] [--json] --description TEXT ARGS..."

func runGovernance(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return usagef("governance: need a subcommand: %s", governanceSubcommands)
	}
	switch args[0] {
	case "status":
		return governanceStatus(ctx, e, args[1:])
	case "delegation":
		return governanceDelegation(ctx, e, args[1:])
	case "propose":
		return governancePropose(ctx, e, args[1:])
	case "proposals":
		return governanceProposals(ctx, e, args[1:])
	case "vote":
		return governanceVote(ctx, e, args[1:], false)
	case "ballot":
		return governanceVote(ctx, e, args[1:], true)
	}
	return usagef("governance: unknown subcommand %q", args[0])
}

func governanceProposals(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "governance proposals", "[--json]")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	ps, err := e.client().GovernanceProposals(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(e.stdout, ps)
	}
	if len(ps) == 0 {
		fmt.Fprintln(e.stdout, "no proposals")
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "N\tSTATE\tVOTING ENDS\tFOR\tAGAINST\tABSTAIN\tTITLE")
	for _, p := range ps {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\n", p.Number, p.State, p.VoteEnd.Local().Format(time.DateTime),
			mycString(p.For), mycString(p.Against), mycString(p.Abstain), p.Title)
	}
	return tw.Flush()
}

// mycString shows base units as whole MYC (votes are counted in MYC).
func mycString(base string) string {
	if len(base) <= 18 {
		if base == "0" || base == "" {
			return "0"
		}
		return "<1"
	}
	return base[:len(base)-18]
}

func governanceVote(ctx context.Context, e *env, args []string, ballotOnly bool) error {
	name := "governance vote"
	if ballotOnly {
		name = "governance ballot"
	}
	fs := newFlags(e, name, "[--json] N yes|no|abstain")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parseFlags(fs, args, 2); err != nil {
		return err
	}
	if fs.NArg() != 2 {
		return usagef("%s: need a proposal number and yes, no or abstain", name)
	}
	c := e.client()
	if ballotOnly {
		b, err := c.GovernanceBallot(ctx, fs.Arg(0), fs.Arg(1))
		if err != nil {
			return err
		}
		return printJSON(e.stdout, b)
	}
	v, err := c.GovernanceVote(ctx, fs.Arg(0), fs.Arg(1))
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(e.stdout, v)
	}
	fmt.Fprintf(e.stdout, "voted %s on proposal %s from %s (transaction %s)\n", v.Support, fs.Arg(0), v.Voter, v.TxHash)
	return nil
}

func governanceStatus(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "governance status", "[--json]")
	asJSON := fs.Bool("json", false, "print JSON (amounts in base units)")
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	st, err := e.client().GovernanceStatus(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(e.stdout, st)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "address:\t%s\n", st.Address)
	del := st.Delegate
	switch {
	case del == "":
		del = "none"
	case strings.EqualFold(del, st.Address):
		del += " (itself)"
	}
	fmt.Fprintf(tw, "delegate:\t%s\n", del)
	fmt.Fprintf(tw, "voting power:\t%s MYC\n", myc(st.Votes))
	fmt.Fprintf(tw, "balance:\t%s MYC\n", myc(st.Balance))
	if st.Why != "" {
		fmt.Fprintf(tw, "why no votes:\t%s\n", st.Why)
	}
	if st.Delegation != "" {
		fmt.Fprintf(tw, "self-delegation:\t%s\n", st.Delegation)
	}
	if st.TxHash != "" {
		fmt.Fprintf(tw, "delegation transaction:\t%s\n", st.TxHash)
	}
	if st.Error != "" {
		fmt.Fprintf(tw, "last error:\t%s\n", st.Error)
	}
	return tw.Flush()
}

func governanceDelegation(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "governance delegation", "")
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	d, err := e.client().GovernanceDelegation(ctx)
	if err != nil {
		return err
	}
	return printJSON(e.stdout, d)
}

const proposeUsage = `governance propose: one of
  propose payout    [--preview] [--json] --description TEXT ADDRESS AMOUNT   (the treasury pays AMOUNT MYC)
  propose param     [--preview] [--json] --description TEXT NAME VALUE       (NAME: voting-delay, voting-period,
      proposal-threshold, quorum, timelock-delay, min-stake, unbonding-delay, challenge-window,
      challenge-bond, challenge-slash, grant-amount, grant-gas; VALUE: MYC, a duration such as 48h, or a percent)
  propose registrar [--preview] [--json] --description TEXT ADDRESS          (Grants accepts this registrar's sign-ups)
  propose release   [--preview] [--json] --description TEXT --manifest release.json
      (the Releases contract publishes the release; devices install it: docs/updates.md)`

func governancePropose(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return usagef("%s", proposeUsage)
	}
	kind := args[0]
	if strings.HasPrefix(kind, "-") || kind == "help" {
		if kind == "help" {
			args = []string{"-h"}
		}
		fs := newFlags(e, "governance propose", proposeKinds)
		if err := parseFlags(fs, args, 0); err != nil {
			return err
		}
		return usagef("%s", proposeUsage)
	}
	want, known := map[string]int{"payout": 2, "param": 2, "registrar": 1, "release": 0}[kind]
	if !known {
		return usagef("governance propose: unknown kind %q\n%s", kind, proposeUsage)
	}
	fs := newFlags(e, "governance propose "+kind, "[--preview] [--json] --description TEXT ...")
	preview := fs.Bool("preview", false, "build and show the calls, propose nothing")
	asJSON := fs.Bool("json", false, "print JSON")
	desc := fs.String("description", "", "the proposal's description; its first line is its title (required)")
	manifest := fs.String("manifest", "", "release: the release.json to publish (mycroft update manifest writes it)")
	if err := parseFlags(fs, args[1:], want); err != nil {
		return err
	}
	if fs.NArg() != want {
		return usagef("%s", proposeUsage)
	}
	if strings.TrimSpace(*desc) == "" {
		return usagef("governance propose: --description is required (its first line is the proposal's title)")
	}
	req := apiclient.GovernanceProposeRequest{Kind: kind, Description: *desc, Preview: true}
	switch kind {
	case "payout":
		req.To, req.Amount = fs.Arg(0), fs.Arg(1)
	case "param":
		req.Param, req.Value = fs.Arg(0), fs.Arg(1)
	case "registrar":
		req.Registrar = fs.Arg(0)
	case "release":
		if *manifest == "" {
			return usagef("governance propose release: --manifest FILE is required\n%s", proposeUsage)
		}
		b, err := readLimited(*manifest, update.MaxManifestSize)
		if err != nil {
			return err
		}
		req.Release = string(b)
	}
	c := e.client()
	pv, err := c.GovernancePropose(ctx, req)
	if err != nil {
		return err
	}
	if *preview {
		if *asJSON {
			return printJSON(e.stdout, pv)
		}
		printProposal(e, pv)
		return nil
	}
	if !*asJSON {
		printProposal(e, pv)
	}
	req.Preview = false
	p, err := c.GovernancePropose(ctx, req)
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(e.stdout, p)
	}
	n := "its number once listed: mycroft governance proposals"
	if p.Number > 0 {
		n = fmt.Sprintf("proposal %d", p.Number)
	}
	fmt.Fprintf(e.stdout, "proposed: %s, id %s (transaction %s)\n", n, p.ID, p.TxHash)
	return nil
}

// printProposal previews what a proposal does.
func printProposal(e *env, p apiclient.GovernanceProposed) {
	title, _, _ := strings.Cut(strings.TrimSpace(p.Description), "\n")
	fmt.Fprintf(e.stdout, "proposal: %s\n", title)
	for i, a := range p.Actions {
		fmt.Fprintf(e.stdout, "call %d: %s\n  target:   %s\n  value:    %s wei\n  calldata: %s\n", i+1, a.Summary, a.Target, a.Value, a.Calldata)
	}
}
