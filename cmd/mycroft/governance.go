package main

import (
	"context"
	"fmt"
	"text/tabwriter"
	"time"
)

func runGovernance(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return usagef("governance: need a subcommand: proposals | vote N yes|no|abstain | ballot N yes|no|abstain")
	}
	switch args[0] {
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
