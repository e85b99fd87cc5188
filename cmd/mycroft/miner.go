package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/mycroft-network/mycroft/internal/apiclient"
	"github.com/mycroft-network/mycroft/miner"
)

const minerUsage = "usage: mycroft miner enable --stake N --disk SIZE [--cpu PERCENT] [--hours HH:MM-HH:MM] [--bandwidth SIZE] | disable | status [--json] | earnings [--json]"

func runMiner(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return usagef(minerUsage)
	}
	c := e.client()
	switch args[0] {
	case "enable":
		// Parse here too, so a mistake is a usage error before the agent
		// stakes anything; the agent parses the same arguments again.
		if _, err := miner.ParseEnableArgs(args[1:]); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fmt.Fprintln(e.stdout, minerUsage)
				return err
			}
			return usagef("%v\n%s", err, minerUsage)
		}
		st, err := c.MinerEnable(ctx, args[1:])
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "mining enabled: stake %s MYC, disk %s, cpu %d%%, hours %s\n", st.Stake, st.Disk, st.CPUPercent, st.Hours)
		if st.Node != nil {
			fmt.Fprintf(e.stdout, "registered as %s at %s\n", st.Node.Address, st.Node.Endpoint)
		}
		return nil
	case "disable":
		fs := newFlags(e, "miner disable", "")
		if err := parseFlags(fs, args[1:], 0); err != nil {
			return err
		}
		if _, err := c.MinerDisable(ctx); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, "mining disabled; the stake stays bonded (storage commitments are still owed)")
		return nil
	case "status":
		fs := newFlags(e, "miner status", "[--json]")
		asJSON := fs.Bool("json", false, "print JSON")
		if err := parseFlags(fs, args[1:], 0); err != nil {
			return err
		}
		st, err := c.MinerStatus(ctx)
		if err != nil {
			return err
		}
		if *asJSON {
			return printJSON(e.stdout, st)
		}
		return printMinerStatus(e, st)
	case "earnings":
		fs := newFlags(e, "miner earnings", "[--json]")
		asJSON := fs.Bool("json", false, "print JSON")
		if err := parseFlags(fs, args[1:], 0); err != nil {
			return err
		}
		x, err := c.MinerEarnings(ctx)
		if err != nil {
			return err
		}
		if *asJSON {
			return printJSON(e.stdout, x)
		}
		tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintf(tw, "stake:\t%s MYC\n", x.Stake)
		fmt.Fprintf(tw, "unbonding:\t%s MYC\n", x.Unbonding)
		if !x.UnbondableAt.IsZero() {
			fmt.Fprintf(tw, "withdrawable at:\t%s\n", x.UnbondableAt.Local().Format(time.RFC1123))
		}
		fmt.Fprintf(tw, "earned, to redeem:\t%s MYC\n", x.Pending)
		fmt.Fprintf(tw, "earned, redeemed:\t%s MYC\n", x.Redeemed)
		return tw.Flush()
	}
	return usagef(minerUsage)
}

func printMinerStatus(e *env, st apiclient.MinerStatus) error {
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	if !st.Enabled {
		fmt.Fprintf(tw, "mining:\toff (mycroft miner enable --stake N --disk SIZE)\n")
	} else {
		state := "running"
		if !st.Running {
			state = "paused: " + st.Reason
		}
		fmt.Fprintf(tw, "mining:\t%s\n", state)
		fmt.Fprintf(tw, "stake:\t%s MYC\n", st.Stake)
		fmt.Fprintf(tw, "disk:\t%s used of %s\n", st.Used, st.Disk)
		fmt.Fprintf(tw, "cpu:\t%d%%, hours %s\n", st.CPUPercent, st.Hours)
	}
	temp := "temperature unknown (no sensor)"
	if st.TempC != nil {
		temp = fmt.Sprintf("%.1f °C", *st.TempC)
	}
	fmt.Fprintf(tw, "load:\t%.2f per core, %s\n", st.Load, temp)
	if n := st.Node; n != nil {
		fmt.Fprintf(tw, "registered:\t%s at %s, stake %s MYC\n", n.Address, n.Endpoint, n.Stake)
		names := make([]string, 0, len(n.Prices))
		for k := range n.Prices {
			names = append(names, k)
		}
		sort.Strings(names)
		for _, k := range names {
			fmt.Fprintf(tw, "price %s:\t%s MYC\n", k, n.Prices[k])
		}
	}
	if v := st.Verify; v != nil {
		fmt.Fprintf(tw, "verify pass:\t%s\n", verifyLine(*v))
	}
	if n := st.Network; n != nil {
		fmt.Fprintf(tw, "network:\t%s, %s\n", n.Reachability, n.Path)
		fmt.Fprintf(tw, "peers:\t%d (%d direct, %d relayed)\n", n.Peers, n.Direct, n.Relayed)
		fmt.Fprintf(tw, "traffic:\t%s in, %s out\n", n.TrafficIn, n.TrafficOut)
		if n.RelayService {
			fmt.Fprintf(tw, "relay:\trelaying for others\n")
		}
	}
	if st.ChainError != "" {
		fmt.Fprintf(tw, "chain:\t%s\n", st.ChainError)
	}
	return tw.Flush()
}

// verifyLine describes the storage node's startup verify pass.
func verifyLine(v apiclient.MinerVerify) string {
	switch v.State {
	case "waiting":
		return "waiting until mining may run"
	case "running":
		return fmt.Sprintf("running (worker %d) since %s", v.Pid, v.Started.Local().Format(time.Kitchen))
	case "paused":
		return fmt.Sprintf("paused while mining is held (worker %d)", v.Pid)
	case "failed":
		return "failed: " + v.Error + " (every read still checks its chunk)"
	case "done":
		s := fmt.Sprintf("%d chunks checked at %s", v.Checked, v.Finished.Local().Format(time.RFC1123))
		if n := len(v.Quarantined); n > 0 {
			s += fmt.Sprintf(", %d quarantined: %s", n, strings.Join(v.Quarantined, " "))
		} else {
			s += ", all good"
		}
		return s
	}
	return v.State
}

func runBackup(ctx context.Context, e *env, args []string) error {
	const u = "usage: mycroft backup run | status [--json] | restore (on a fresh device, after mycroft keys restore)"
	if len(args) == 0 {
		return usagef(u)
	}
	c := e.client()
	switch args[0] {
	case "run", "status":
		fs := newFlags(e, "backup "+args[0], "[--json]")
		asJSON := fs.Bool("json", false, "print JSON")
		if err := parseFlags(fs, args[1:], 0); err != nil {
			return err
		}
		var st apiclient.BackupStatus
		var err error
		if args[0] == "run" {
			st, err = c.BackupRun(ctx)
		} else {
			st, err = c.BackupStatus(ctx)
		}
		if err != nil {
			return err
		}
		if *asJSON {
			return printJSON(e.stdout, st)
		}
		return printBackupStatus(e, st)
	case "restore":
		fs := newFlags(e, "backup restore", "[--json]")
		asJSON := fs.Bool("json", false, "print JSON")
		if err := parseFlags(fs, args[1:], 0); err != nil {
			return err
		}
		r, err := c.BackupRestore(ctx)
		if err != nil {
			return err
		}
		if *asJSON {
			return printJSON(e.stdout, r)
		}
		fmt.Fprintf(e.stdout, "restored backup %s (%d bytes): %s\n%s\n", r.Root, r.Size, strings.Join(r.Buckets, ", "), r.Note)
		return nil
	}
	return usagef(u)
}

func printBackupStatus(e *env, st apiclient.BackupStatus) error {
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	if st.Root == "" {
		fmt.Fprintln(tw, "backup:\tnone yet (mycroft backup run)")
	} else {
		fmt.Fprintf(tw, "backup:\t%s, %d bytes in %d chunks\n", st.Root, st.Size, st.Chunks)
		for _, r := range st.Replicas {
			fmt.Fprintf(tw, "copy:\t%s at %s until %s (%d missed audits)\n", r.Node, r.Endpoint, r.Expiry.Local().Format("2006-01-02"), r.Failures)
		}
	}
	if !st.LastRun.IsZero() {
		fmt.Fprintf(tw, "last run:\t%s\n", st.LastRun.Local().Format(time.RFC1123))
	}
	if st.LastError != "" {
		fmt.Fprintf(tw, "last error:\t%s\n", st.LastError)
	}
	if !st.AuditedAt.IsZero() {
		fmt.Fprintf(tw, "audited:\t%s\n", st.AuditedAt.Local().Format(time.RFC1123))
	}
	for _, a := range st.Audits {
		res := "ok"
		if a.Error != "" {
			res = a.Error
		}
		if a.RepairedTo != "" {
			res += ", repaired to " + a.RepairedTo
		}
		fmt.Fprintf(tw, "audit %s:\tchunk %d %s\n", a.Node, a.Index, res)
	}
	return tw.Flush()
}

func runMinerWorker(ctx context.Context, e *env, args []string) error {
	return miner.WorkerMain(ctx, args, e.stdout)
}
