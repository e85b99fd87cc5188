package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/mycroft-network/mycroft/internal/apiclient"
)

// historyLimit bounds the payments read for the spending chart.
const historyLimit = 5000

func (s *Server) statusPage(w http.ResponseWriter, r *http.Request, rq request) {
	ctx := r.Context()
	var d struct {
		St      apiclient.Status
		Err     string
		Uptime  string
		Keys    apiclient.KeysStatus
		KeysErr string
		Bal     apiclient.WalletBalance
		BalErr  string
		Voice   apiclient.VoiceStatus
		Web     apiclient.WebStatus
	}
	st, err := s.api.Status(ctx)
	d.St, d.Err = st, problem(err)
	d.Uptime = (time.Duration(st.UptimeSeconds) * time.Second).String()
	d.Keys, err = s.api.KeysStatus(ctx)
	d.KeysErr = problem(err)
	d.Bal, err = s.api.WalletBalance(ctx)
	d.BalErr = problem(err)
	d.Voice, _ = s.api.VoiceStatus(ctx)
	d.Web = s.Status()
	s.render(w, r, rq, "status", "Status", d)
}

// limitFields are the limits the spending page can change, in the order
// shown, with their labels.
var limitFields = []struct{ Key, Label, Unit string }{
	{"max_price_per_call", "Most a single call may cost", "MYC"},
	{"daily_budget", "Daily budget", "MYC"},
	{"max_exposure_per_provider", "Most held by one provider", "MYC"},
	{"deposit", "Deposit of a new channel", "MYC"},
	{"top_up_calls", "Top up a channel for this many calls", "calls"},
	{"close_delay", "Close a channel after it is idle for", "duration"},
}

func limitValues(l apiclient.WalletLimits) map[string]string {
	return map[string]string{
		"max_price_per_call": l.MaxPricePerCall, "daily_budget": l.DailyBudget,
		"max_exposure_per_provider": l.MaxExposurePerProvider, "deposit": l.Deposit,
		"top_up_calls": strconv.FormatInt(l.TopUpCalls, 10), "close_delay": l.CloseDelay,
	}
}

func (s *Server) spendingPage(w http.ResponseWriter, r *http.Request, rq request) {
	ctx := r.Context()
	type field struct{ Key, Label, Unit, Value string }
	var d struct {
		Chart  any
		Series []series
		Err    string
		Recent []apiclient.WalletPayment
		Fields []field
		LimErr string
		Bal    apiclient.WalletBalance
		Cut    bool
	}
	hist, err := s.api.WalletHistory(ctx, historyLimit)
	d.Err = problem(err)
	if err == nil {
		now := time.Now()
		d.Series = dailySpending(hist, now, time.Local)
		d.Chart = spendingSVG(d.Series, now, time.Local)
		d.Cut = len(hist) >= historyLimit
		if len(hist) > 10 {
			hist = hist[:10]
		}
		d.Recent = hist
	}
	d.Bal, _ = s.api.WalletBalance(ctx)
	lim, err := s.api.WalletLimits(ctx)
	d.LimErr = problem(err)
	if err == nil {
		vals := limitValues(lim)
		for _, f := range limitFields {
			d.Fields = append(d.Fields, field{f.Key, f.Label, f.Unit, vals[f.Key]})
		}
	}
	s.render(w, r, rq, "spending", "Spending", d)
}

// setLimits sends the limits the owner changed (fields left as they were
// are not sent) with the passphrase, which raising a limit needs.
func (s *Server) setLimits(w http.ResponseWriter, r *http.Request, rq request) {
	ctx := r.Context()
	cur, err := s.api.WalletLimits(ctx)
	if err != nil {
		s.done(w, r, rq, "/spending", err, "")
		return
	}
	vals := limitValues(cur)
	set := map[string]string{}
	for _, f := range limitFields {
		v := strings.TrimSpace(r.PostForm.Get(f.Key))
		if v != "" && v != vals[f.Key] {
			set[f.Key] = v
		}
	}
	if len(set) == 0 {
		s.done(w, r, rq, "/spending", nil, "Nothing changed.")
		return
	}
	_, err = s.api.SetWalletLimits(ctx, set, r.PostForm.Get("passphrase"))
	s.done(w, r, rq, "/spending", err, "Limits saved.")
}

func (s *Server) walletPage(w http.ResponseWriter, r *http.Request, rq request) {
	ctx := r.Context()
	var d struct {
		Bal      apiclient.WalletBalance
		Err      string
		Channels []apiclient.WalletChannel
		ChErr    string
	}
	var err error
	d.Bal, err = s.api.WalletBalance(ctx)
	d.Err = problem(err)
	d.Channels, err = s.api.WalletChannels(ctx)
	d.ChErr = problem(err)
	s.render(w, r, rq, "wallet", "Wallet", d)
}

func (s *Server) closeChannel(w http.ResponseWriter, r *http.Request, rq request) {
	p := r.PostForm.Get("provider")
	_, err := s.api.WalletClose(r.Context(), p)
	s.done(w, r, rq, "/wallet", err, "The channel to "+p+" is closing (or its rest was withdrawn).")
}

// exportKey answers the wallet key as a Web3 v3 file, after the keyring
// passphrase (loopback only).
func (s *Server) exportKey(w http.ResponseWriter, r *http.Request, rq request) {
	if r.PostForm.Get("export_passphrase") != r.PostForm.Get("export_passphrase2") {
		s.done(w, r, rq, "/wallet", errString("the two export passphrases differ"), "")
		return
	}
	b, err := s.api.KeysExport(r.Context(), r.PostForm.Get("passphrase"), r.PostForm.Get("export_passphrase"))
	if err != nil {
		s.done(w, r, rq, "/wallet", err, "")
		return
	}
	ks, _ := s.api.KeysStatus(r.Context())
	name := "mycroft-wallet.json"
	if ks.Address != "" {
		name = "mycroft-" + strings.ToLower(strings.TrimPrefix(ks.Address, "0x")) + ".json"
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	_, _ = w.Write(b)
}

type errString string

func (e errString) Error() string { return string(e) }

func (s *Server) minerPage(w http.ResponseWriter, r *http.Request, rq request) {
	ctx := r.Context()
	var d struct {
		M     apiclient.MinerStatus
		Err   string
		E     apiclient.MinerEarnings
		EErr  string
		Chart any
	}
	var err error
	d.M, err = s.api.MinerStatus(ctx)
	d.Err = problem(err)
	d.E, err = s.api.MinerEarnings(ctx)
	d.EErr = problem(err)
	if err == nil {
		d.Chart = barsSVG(bars([]string{"stake", "unbonding", "pending", "redeemed"}, []string{d.E.Stake, d.E.Unbonding, d.E.Pending, d.E.Redeemed}))
	}
	s.render(w, r, rq, "miner", "Miner", d)
}

// minerEnable gives consent with the caps of the form, as `mycroft miner
// enable` does with its flags.
func (s *Server) minerEnable(w http.ResponseWriter, r *http.Request, rq request) {
	var args []string
	for _, k := range []string{"stake", "disk", "cpu", "hours", "bandwidth"} {
		if v := strings.TrimSpace(r.PostForm.Get(k)); v != "" {
			args = append(args, "--"+k, v)
		}
	}
	_, err := s.api.MinerEnable(r.Context(), args)
	s.done(w, r, rq, "/miner", err, "Mining is on: it runs while the device is idle.")
}

func (s *Server) minerDisable(w http.ResponseWriter, r *http.Request, rq request) {
	_, err := s.api.MinerDisable(r.Context())
	s.done(w, r, rq, "/miner", err, "Mining is off (the stake stays bonded).")
}

func (s *Server) governancePage(w http.ResponseWriter, r *http.Request, rq request) {
	ctx := r.Context()
	var d struct {
		G         apiclient.GovernanceStatus
		GErr      string
		Proposals []apiclient.GovernanceProposal
		PErr      string
	}
	var err error
	d.G, err = s.api.GovernanceStatus(ctx)
	d.GErr = problem(err)
	d.Proposals, err = s.api.GovernanceProposals(ctx)
	d.PErr = problem(err)
	s.render(w, r, rq, "governance", "Governance", d)
}

func (s *Server) vote(w http.ResponseWriter, r *http.Request, rq request) {
	p, support := r.PostForm.Get("proposal"), r.PostForm.Get("support")
	v, err := s.api.GovernanceVote(r.Context(), p, support)
	s.done(w, r, rq, "/governance", err, "Voted "+support+" on proposal "+p+" (transaction "+v.TxHash+").")
}

func (s *Server) backupPage(w http.ResponseWriter, r *http.Request, rq request) {
	var d struct {
		B   apiclient.BackupStatus
		Err string
	}
	var err error
	d.B, err = s.api.BackupStatus(r.Context())
	d.Err = problem(err)
	s.render(w, r, rq, "backup", "Backups", d)
}

func (s *Server) backupRun(w http.ResponseWriter, r *http.Request, rq request) {
	_, err := s.api.BackupRun(r.Context())
	s.done(w, r, rq, "/backup", err, "Backed up and audited.")
}

func (s *Server) voicePage(w http.ResponseWriter, r *http.Request, rq request) {
	v, err := s.api.VoiceStatus(r.Context())
	s.render(w, r, rq, "voice", "Voice", struct {
		V   apiclient.VoiceStatus
		Err string
	}{v, problem(err)})
}

func (s *Server) grantsPage(w http.ResponseWriter, r *http.Request, rq request) {
	s.render(w, r, rq, "grants", "Data grants", nil)
}

func (s *Server) keysPage(w http.ResponseWriter, r *http.Request, rq request) {
	k, err := s.api.KeysStatus(r.Context())
	s.render(w, r, rq, "keys", "Keys", struct {
		K   apiclient.KeysStatus
		Err string
	}{k, problem(err)})
}

func (s *Server) keysNewPage(w http.ResponseWriter, r *http.Request, rq request) {
	s.render(w, r, rq, "keys-new", "New keyring", nil)
}

// keysNew makes the keyring and shows its backup words, once, in this
// answer (never stored, never cached, never on the LAN).
func (s *Server) keysNew(w http.ResponseWriter, r *http.Request, rq request) {
	pass := r.PostForm.Get("passphrase")
	if pass != r.PostForm.Get("passphrase2") {
		s.done(w, r, rq, "/keys/new", errString("the two passphrases differ"), "")
		return
	}
	res, err := s.api.KeysInit(r.Context(), pass)
	if err != nil {
		s.done(w, r, rq, "/keys/new", err, "")
		return
	}
	s.render(w, r, rq, "words", "Your backup words", struct {
		Address string
		Words   []string
	}{res.Address, strings.Fields(res.Words)})
}

func (s *Server) pairPage(w http.ResponseWriter, r *http.Request, rq request) {
	if rq.s.paired {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	}
	s.render(w, r, rq, "pair", "Pair this browser", nil)
}

// pairShow puts a code on the faceplate (never in the answer).
func (s *Server) pairShow(w http.ResponseWriter, r *http.Request, rq request) {
	_, exp, err := s.PairingCode(r.Context())
	msg := "The device shows a code until " + exp.Local().Format("15:04") + " (or run `mycroft web pair` over SSH)."
	s.done(w, r, rq, "/pair", err, msg)
}

func (s *Server) pairSubmit(w http.ResponseWriter, r *http.Request, rq request) {
	if rq.s.paired {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	}
	ns, err := s.auth.pair(rq.s, strings.TrimSpace(r.PostForm.Get("code")))
	if err != nil {
		s.log.Info("web: pairing refused", "from", r.RemoteAddr, "err", err)
		s.done(w, r, rq, "/pair", err, "")
		return
	}
	s.log.Info("web: browser paired", "from", r.RemoteAddr)
	setCookie(w, cookieLAN, ns, true)
	s.auth.setFlash(ns, "Paired: this browser may use the page until "+ns.expires.Local().Format("Jan 2 15:04")+".", true)
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request, rq request) {
	s.auth.end(rq.s.id)
	name := cookieLoopback
	if rq.lan {
		name = cookieLAN
	}
	http.SetCookie(w, &http.Cookie{Name: name, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, Secure: rq.lan, SameSite: http.SameSiteStrictMode})
	http.Redirect(w, r, "/", http.StatusSeeOther)
}
