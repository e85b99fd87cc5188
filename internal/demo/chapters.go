package demo

import (
	"context"
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/mycroft-network/mycroft/internal/apiclient"
	"github.com/mycroft-network/mycroft/miner"
)

func (r *run) governance(ctx context.Context, owner *node) error {
	r.say("governance: your speaker delegated its votes to itself; the deployer proposes, your speaker votes by signature")
	dep, err := r.dn.Client(ctx, r.dn.Deployer)
	if err != nil {
		return err
	}
	defer dep.Close()
	// No one delegates for the speaker: it signed its own delegation
	// (delegateBySig) once it had gas.
	gs, err := poll(ctx, "the speaker's self-delegation", 60*time.Second, owner.c.GovernanceStatus, func(s apiclient.GovernanceStatus) bool {
		return strings.EqualFold(s.Delegate, owner.addr.Hex())
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(r.out, "   delegate: %s (itself), transaction %s\r\n", gs.Delegate, gs.TxHash)
	if err := r.dn.AdvanceTime(ctx, time.Second); err != nil {
		return err
	}
	id, _, err := dep.Propose(ctx, []common.Address{r.dn.Manifest.Token}, nil, [][]byte{nil},
		"# Lower the storage price\nThe network pays storage nodes less.")
	if err != nil {
		return fmt.Errorf("demo: propose: %w", err)
	}
	if err := r.dn.AdvanceTime(ctx, 2*time.Second); err != nil {
		return err
	}
	// The weight the Governor counts: the speaker's own tokens at the
	// proposal's snapshot.
	snap, err := dep.ProposalSnapshot(ctx, id)
	if err != nil {
		return err
	}
	weight, err := dep.PastVotes(ctx, owner.addr, snap)
	if err != nil {
		return err
	}
	r.rep.ProposalID, r.rep.VoteWeight = id.String(), weight.String()
	if _, err := poll(ctx, "the proposal", 30*time.Second, owner.c.GovernanceProposals, func(ps []apiclient.GovernanceProposal) bool {
		return len(ps) == 1 && ps[0].State == "active"
	}); err != nil {
		return err
	}
	v, err := owner.c.GovernanceVote(ctx, "1", "yes")
	if err != nil {
		return fmt.Errorf("demo: vote: %w", err)
	}
	r.rep.VoteTx = v.TxHash
	_, forVotes, _, err := dep.ProposalVotes(ctx, id)
	if err != nil {
		return err
	}
	r.rep.VotesFor = forVotes.String()
	fmt.Fprintf(r.out, "   proposal 1: voted yes in %s; %s MYC for\r\n", v.TxHash, miner.FormatAmount(forVotes))
	r.check("vote counted on chain", forVotes.Cmp(weight) == 0 && weight.Sign() > 0, forVotes, weight)
	if r.o.Unattended {
		return nil
	}
	// A second proposal stays open for the owner to vote on, typed.
	if _, _, err := dep.Propose(ctx, []common.Address{r.dn.Manifest.Token}, nil, [][]byte{nil},
		"# Fund a Welsh voice\nThe treasury pays for a Welsh text-to-speech voice."); err != nil {
		return fmt.Errorf("demo: propose: %w", err)
	}
	if err := r.dn.AdvanceTime(ctx, 2*time.Second); err != nil {
		return err
	}
	fmt.Fprint(r.out, "   proposal 2 is open for your vote: at your turn type \"vote yes on proposal 2\", then \"confirm\"\r\n")
	return nil
}

func (r *run) backup(ctx context.Context, dir string, owner *node, miners []*node) error {
	r.say("backup: your speaker's data, encrypted, on the two storage nodes, then audited")
	bs, err := owner.c.BackupRun(ctx)
	if err != nil {
		return fmt.Errorf("demo: backup run: %w", err)
	}
	st, err := owner.c.BackupStatus(ctx)
	if err != nil {
		return err
	}
	r.rep.BackupRoot, r.rep.BackupChunks, r.rep.BackupReplicas = bs.Root, bs.Chunks, len(bs.Replicas)
	for _, a := range st.Audits {
		if a.Error != "" || a.RepairedTo != "" {
			r.rep.BackupAuditErrors++
		}
	}
	fmt.Fprintf(r.out, "   root %s, %d chunks on %d nodes, %d audits\r\n", bs.Root, bs.Chunks, len(bs.Replicas), len(st.Audits))
	r.check("backup on two nodes", len(bs.Replicas) == 2 && bs.Root != "", len(bs.Replicas), 2)
	r.check("backup audited", len(st.Audits) == 2 && r.rep.BackupAuditErrors == 0, fmt.Sprintf("%d audits, %d errors", len(st.Audits), r.rep.BackupAuditErrors), "2 audits, 0 errors")
	if err := r.checkBackupOverLibp2p(ctx, bs.Replicas, miners); err != nil {
		return err
	}

	r.say("restore: a fresh speaker from your backup words")
	fresh, err := r.newNode(dir, "fresh", "[voice]\nenabled = false\n")
	if err != nil {
		return err
	}
	if err := r.startNode(ctx, fresh); err != nil {
		return err
	}
	rr, err := fresh.c.KeysRestore(ctx, apiclient.KeysRestoreRequest{Words: owner.words, Passphrase: passphrase, ExpectedAddress: owner.addr.Hex(), Confirm: true})
	if err != nil {
		return fmt.Errorf("demo: keys restore: %w", err)
	}
	r.rep.RestoredAddress = rr.Address
	r.check("restored keyring address", strings.EqualFold(rr.Address, owner.addr.Hex()), rr.Address, owner.addr.Hex())
	// The wallet is built at boot from an unlocked keyring: restart.
	if err := r.restart(ctx, fresh); err != nil {
		return err
	}
	res, err := poll(ctx, "the restore", 60*time.Second, fresh.c.BackupRestore, func(apiclient.BackupRestore) bool { return true })
	if err != nil {
		return err
	}
	r.rep.RestoredRoot = res.Root
	r.check("backup restorable", res.Root == bs.Root, res.Root, bs.Root)
	return nil
}

// showWords prints the owner's backup words and, unless unattended, keeps
// them on the screen until the owner presses Enter: the story goes on
// only once they are written down.
func (r *run) showWords(ctx context.Context, words string) error {
	fmt.Fprintf(r.out, "\r\n   Your speaker's backup words (write them down; shown once):\r\n\r\n%s\r\n", wordGrid(words))
	if r.o.Unattended {
		return nil
	}
	fmt.Fprint(r.out, "   Press Enter when you have written them down.\r\n")
	if err := r.keys.waitEnter(ctx); err != nil {
		return fmt.Errorf("demo: waiting for Enter: %w", err)
	}
	return nil
}

// typedQuestions are asked as typed text once the spoken session is
// checked: each is a paid call of its service to the provider, which asks
// the recorded upstream.
var typedQuestions = []struct{ text, service, want string }{
	{"what is the weather", "weather", "degrees"},
	{"tell me about the moon", "knowledge", "natural satellite"},
}

// typed asks the typed questions and checks that each got its answer and
// cost exactly the provider's price of its service.
func (r *run) typed(ctx context.Context, owner *node, prices map[string]string) error {
	r.say("typed questions: weather and knowledge, paid calls answered from the canned upstream")
	for _, q := range typedQuestions {
		before, err := owner.c.WalletBalance(ctx)
		if err != nil {
			return err
		}
		t0 := time.Now()
		reply, err := owner.c.VoiceAsk(ctx, q.text)
		if err != nil {
			return fmt.Errorf("demo: ask %q: %w", q.text, err)
		}
		price := wei(prices[q.service])
		after, err := poll(ctx, "the spend of "+q.text, 30*time.Second, owner.c.WalletBalance,
			func(b apiclient.WalletBalance) bool { return b.SpentToday != before.SpentToday })
		if err != nil {
			fmt.Fprintf(r.out, "   %v\r\n", err) // the cost check below fails
		}
		diff := new(big.Int).Sub(wei(after.SpentToday), wei(before.SpentToday))
		r.rep.Typed = append(r.rep.Typed, Question{Transcript: q.text, Reply: reply, SpentBefore: before.SpentToday,
			SpentAfter: after.SpentToday, Difference: diff.String(), Price: price.String(), Millis: time.Since(t0).Milliseconds()})
		fmt.Fprintf(r.out, "   you typed: %q\r\n   mycroft: %q\r\n   cost %s MYC, the %s price\r\n", q.text, reply, miner.FormatAmount(diff), q.service)
		r.check(q.text+" answered", strings.Contains(strings.ToLower(reply), q.want), reply, "an answer with "+strconv.Quote(q.want))
		r.check(q.text+" cost (wei)", price.Sign() > 0 && diff.Cmp(price) == 0, diff, price)
	}
	return nil
}

// wordGrid lays the backup words out numbered, six to a line, so that they
// fit 80 columns and are copied in order.
func wordGrid(words string) string {
	var b strings.Builder
	for i, w := range strings.Fields(words) {
		if i%6 == 0 {
			b.WriteString("  ")
		}
		fmt.Fprintf(&b, " %2d %-9s", i+1, w)
		if i%6 == 5 {
			b.WriteString("\r\n")
		}
	}
	s := b.String()
	if !strings.HasSuffix(s, "\r\n") {
		s += "\r\n"
	}
	return s
}
