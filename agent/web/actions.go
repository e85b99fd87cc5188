package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mycroft-network/mycroft/internal/apiclient"
)

// historyLimit bounds the payments read for the spending chart.
const historyLimit = 5000

// sshHint is how the owner reaches the loopback page.
const sshHint = `<code>ssh -L 8480:127.0.0.1:8480 DEVICE</code>, then open http://localhost:8480`

func (s *Server) statusPage(w http.ResponseWriter, r *http.Request, rq request) {
	ctx := r.Context()
	st, err := s.api.Status(ctx)
	keys, kerr := s.api.KeysStatus(ctx)
	bal, berr := s.api.WalletBalance(ctx)
	v, _ := s.api.VoiceStatus(ctx)
	web := s.Status()
	s.page(w, r, rq, "Status", func(h *htmlw) {
		h.bad(problem(err))
		h.raw("<table>")
		h.row("Board", strings.TrimSpace(st.Board+" "+st.BoardRevision))
		h.row("Version", st.Version)
		h.row("Up for", (time.Duration(st.UptimeSeconds) * time.Second).String())
		h.raw(`<tr><th>Health</th><td>`)
		if len(st.Warnings) == 0 {
			h.raw(`<span class="ok">ok</span>`)
		} else {
			h.raw("<ul>")
			for _, w := range st.Warnings {
				h.f(`<li class="%s">%s: %s</li>`, w.Severity, w.Component, w.Message)
			}
			h.raw("</ul>")
		}
		h.raw("</td></tr>")
		switch {
		case kerr != nil:
			h.row("Keys", problem(kerr))
		case !keys.Initialized:
			h.row("Keys", "no keyring yet (see Keys)")
		case keys.Unlocked:
			h.row("Keys", keys.Address+", unlocked")
		default:
			h.row("Keys", keys.Address+", locked")
		}
		if berr != nil {
			h.row("Wallet", problem(berr))
		} else {
			h.row("Wallet", myc(bal.Token)+" MYC; spent today "+myc(bal.SpentToday)+" of "+myc(bal.Budget))
		}
		voice := v.State
		if v.Muted {
			voice += ", muted"
		}
		if v.Note != "" {
			voice += " (" + v.Note + ")"
		}
		h.row("Voice", voice)
		if u, ok := updateLine(st.Components["update"]); ok {
			h.row("Updates", u)
		}
		if web.Loopback != "" {
			h.row("This page over SSH", web.Loopback)
		}
		if web.LAN != "" {
			h.row("This page on the LAN", web.LAN+" (pairing)")
			h.f(`<tr><th>Certificate SHA-256</th><td class="mono">%s</td></tr>`, web.Fingerprint)
		}
		h.raw("</table>")
	})
}

// limitFields are the limits the spending page can change, in the order
// shown: key, label.
var limitFields = [][2]string{
	{"max_price_per_call", "Most a single call may cost (MYC)"},
	{"daily_budget", "Daily budget (MYC)"},
	{"max_exposure_per_provider", "Most held by one provider (MYC)"},
	{"deposit", "Deposit of a new channel (MYC)"},
	{"top_up_calls", "Top up a channel for this many calls"},
	{"close_delay", "Close a channel after it is idle for"},
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
	hist, herr := s.api.WalletHistory(ctx, historyLimit)
	bal, _ := s.api.WalletBalance(ctx)
	lim, lerr := s.api.WalletLimits(ctx)
	s.page(w, r, rq, "Spending", func(h *htmlw) {
		h.raw("<h2>Last 30 days</h2>")
		if !h.bad(problem(herr)) {
			now := s.now()
			ss := dailySpending(hist, now, s.loc)
			h.raw(spendingSVG(ss, now, s.loc))
			h.raw(`<p class="legend">`)
			for _, x := range ss {
				h.f(`<span><svg width="10" height="10"><rect width="10" height="10" fill="%s"/></svg> %s: %s MYC</span> `, x.Colour, x.Name, myc(x.Total.String()))
			}
			if len(ss) == 0 {
				h.raw("No paid calls in the last 30 days.")
			}
			h.raw("</p>")
			if len(hist) >= historyLimit {
				h.f(`<p class="note">Only the latest %s calls are counted.</p>`, historyLimit)
			}
			h.f(`<p>Spent today: %s of %s MYC.</p>`, myc(bal.SpentToday), myc(bal.Budget))
			if len(hist) > 0 {
				h.raw(`<table><tr><th>When</th><th>Service</th><th>Price (MYC)</th><th>Status</th></tr>`)
				for _, p := range hist[:min(len(hist), 10)] {
					status := p.Status
					if p.Error != "" {
						status += ": " + p.Error
					}
					h.f(`<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>`, s.when(p.Time), p.Service, myc(p.Price), status)
				}
				h.raw("</table>")
			}
		}
		h.raw("<h2>Limits</h2>")
		if h.bad(problem(lerr)) {
			return
		}
		vals := limitValues(lim)
		fs := make([]field, 0, len(limitFields)+1)
		for _, f := range limitFields {
			fs = append(fs, field{name: f[0], label: f[1], value: vals[f[0]]})
		}
		fs = append(fs, field{name: "passphrase", label: "Keyring passphrase (needed to raise a limit)", typ: "password"})
		h.form("/spending/limits", rq.s.csrf, "Save limits", "save-limits", fs...)
	})
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
		v := strings.TrimSpace(r.PostForm.Get(f[0]))
		if v != "" && v != vals[f[0]] {
			set[f[0]] = v
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
	bal, berr := s.api.WalletBalance(ctx)
	chs, cerr := s.api.WalletChannels(ctx)
	s.page(w, r, rq, "Wallet", func(h *htmlw) {
		if !h.bad(problem(berr)) {
			h.f(`<table><tr><th>Address</th><td class="mono">%s</td></tr>`, bal.Address)
			h.row("Balance", myc(bal.Token)+" MYC")
			h.row("Gas", myc(bal.Native))
			h.row("In channels", myc(bal.InChannels)+" MYC")
			h.raw("</table>")
		}
		h.raw("<h2>Payment channels</h2>")
		switch {
		case h.bad(problem(cerr)):
		case len(chs) == 0:
			h.raw("<p>No channels.</p>")
		default:
			h.raw(`<table><tr><th>Provider</th><th>Deposit</th><th>Signed</th><th>Left</th><th></th></tr>`)
			for _, c := range chs {
				h.f(`<tr><td class="mono">%s</td><td>%s</td><td>%s</td><td>%s</td><td>`, c.Provider, myc(c.Deposit), myc(c.Signed), myc(c.Remaining))
				switch {
				case c.Withdrawn:
					h.raw("withdrawn")
				case c.ClosesAt != 0:
					h.post("/wallet/close", rq.s.csrf, "Withdraw", "provider", c.Provider)
				default:
					h.post("/wallet/close", rq.s.csrf, "Close", "provider", c.Provider)
				}
				h.raw("</td></tr>")
			}
			h.raw("</table>")
		}
		h.raw("<h2>Export the wallet key</h2>")
		if rq.lan {
			h.note("The key is exported only on the device's own page, over SSH: " + sshHint + "/wallet.")
			return
		}
		h.raw("<p>A Web3 Secret Storage v3 file (geth, MetaMask, ethers), encrypted with the export passphrase you choose.</p>")
		h.form("/wallet/export", rq.s.csrf, "Download the key file", "export",
			field{name: "passphrase", label: "Keyring passphrase", typ: "password", required: true},
			field{name: "export_passphrase", label: "Export passphrase", typ: "password", required: true},
			field{name: "export_passphrase2", label: "Export passphrase again", typ: "password", required: true})
	})
}

func (s *Server) closeChannel(w http.ResponseWriter, r *http.Request, rq request) {
	p := r.PostForm.Get("provider")
	_, err := s.api.WalletClose(r.Context(), p)
	s.done(w, r, rq, "/wallet", err, "The channel to "+p+" is closing (or what was left in it is withdrawn).")
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
	m, merr := s.api.MinerStatus(ctx)
	e, eerr := s.api.MinerEarnings(ctx)
	s.page(w, r, rq, "Miner", func(h *htmlw) {
		if !h.bad(problem(merr)) {
			h.raw("<table>")
			h.row("Consent", onOff(m.Enabled))
			running := onOff(m.Running)
			if m.Reason != "" {
				running += " (" + m.Reason + ")"
			}
			h.row("Running", running)
			caps := "stake " + m.Stake + " MYC, disk " + m.Disk + ", CPU " + strconv.Itoa(m.CPUPercent) + "%, hours " + m.Hours
			if m.Bandwidth > 0 {
				caps += ", " + strconv.FormatUint(m.Bandwidth, 10) + " B/s"
			}
			h.row("Caps", caps)
			h.row("Storage used", m.Used)
			audits := "no storage node"
			if v := m.Verify; v != nil {
				audits = "verify pass " + v.State + ": " + strconv.Itoa(v.Checked) + " chunks checked"
				if len(v.Quarantined) > 0 {
					audits += ", " + strconv.Itoa(len(v.Quarantined)) + " quarantined"
				}
				if v.Error != "" {
					audits += " (" + v.Error + ")"
				}
			}
			h.row("Audits", audits)
			if m.ChainError != "" {
				h.row("Chain", m.ChainError)
			}
			h.raw("</table>")
		}
		h.raw("<h2>Earnings</h2>")
		if !h.bad(problem(eerr)) {
			h.raw((barsSVG(bars([]string{"stake", "unbonding", "pending", "redeemed"}, []string{e.Stake, e.Unbonding, e.Pending, e.Redeemed}))))
			h.note("Totals now: the agent keeps no history of earnings yet.")
		}
		h.raw("<h2>Consent</h2>")
		if m.Enabled {
			h.post("/miner/disable", rq.s.csrf, "Stop mining")
			return
		}
		h.form("/miner/enable", rq.s.csrf, "Mine when idle", "mine",
			field{name: "stake", label: "Stake (MYC)", required: true},
			field{name: "disk", label: "Disk quota (e.g. 2GiB)", required: true},
			field{name: "cpu", label: "CPU share (%)", value: "25"},
			field{name: "hours", label: "Hours (e.g. 01:00-06:00)", value: "any"},
			field{name: "bandwidth", label: "Bandwidth (bytes/s, 0: no cap)", value: "0"})
	})
}

func onOff(b bool) string {
	if b {
		return "on"
	}
	return "off"
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
	g, gerr := s.api.GovernanceStatus(ctx)
	ps, perr := s.api.GovernanceProposals(ctx)
	s.page(w, r, rq, "Governance", func(h *htmlw) {
		if !h.bad(problem(gerr)) {
			votes := myc(g.Votes) + " MYC"
			if g.Why != "" {
				votes += " (" + g.Why + ")"
			}
			to := g.Delegate
			if to == "" {
				to = "nobody yet"
			}
			if g.Delegation != "" {
				to += " (" + g.Delegation + ")"
			}
			h.raw("<table>")
			h.row("Votes", votes)
			h.row("Delegated to", to)
			h.raw("</table>")
		}
		h.raw("<h2>Proposals</h2>")
		switch {
		case h.bad(problem(perr)):
		case len(ps) == 0:
			h.raw("<p>No proposals.</p>")
		}
		for _, p := range ps {
			h.f(`<section class="proposal" id="p%s"><h3>%s. %s</h3><p>%s; voting ends %s; for %s, against %s, abstain %s MYC</p>`,
				p.Number, p.Number, p.Title, p.State, s.when(p.VoteEnd), myc(p.For), myc(p.Against), myc(p.Abstain))
			if p.State == "active" {
				h.raw(`<form method="post" action="/governance/vote" class="inline">`)
				h.csrf(rq.s.csrf)
				h.f(`<input type="hidden" name="proposal" value="%s">`, p.Number)
				h.f(`<button name="support" value="yes" id="vote-%s-yes">Yes</button> <button name="support" value="no">No</button> <button name="support" value="abstain">Abstain</button></form>`, p.Number)
			}
			h.raw("</section>")
		}
	})
}

func (s *Server) vote(w http.ResponseWriter, r *http.Request, rq request) {
	p, support := r.PostForm.Get("proposal"), r.PostForm.Get("support")
	v, err := s.api.GovernanceVote(r.Context(), p, support)
	s.done(w, r, rq, "/governance", err, "Voted "+support+" on proposal "+p+" (transaction "+v.TxHash+").")
}

func (s *Server) backupPage(w http.ResponseWriter, r *http.Request, rq request) {
	b, err := s.api.BackupStatus(r.Context())
	s.page(w, r, rq, "Backups", func(h *htmlw) {
		if !h.bad(problem(err)) {
			h.raw("<table>")
			last := s.when(b.LastRun)
			if b.LastError != "" {
				last += ": " + b.LastError
			}
			h.row("Last run", last)
			h.row("Size", strconv.FormatInt(b.Size, 10)+" bytes, "+strconv.Itoa(b.Chunks)+" chunks, generation "+strconv.FormatInt(b.Generation, 10))
			h.raw("<tr><th>Copies</th><td>")
			for _, c := range b.Replicas {
				h.f(`<div class="mono">%s until %s, %s failed audits</div>`, c.Node, s.when(c.Expiry), c.Failures)
			}
			if len(b.Replicas) == 0 {
				h.raw("none")
			}
			h.f("</td></tr><tr><th>Last audit</th><td>%s", s.when(b.AuditedAt))
			for _, a := range b.Audits {
				res := "ok"
				if a.Error != "" {
					res = a.Error
				}
				if a.RepairedTo != "" {
					res += ", repaired to " + a.RepairedTo
				}
				h.f(`<div>%s: %s</div>`, a.Node, res)
			}
			h.raw("</td></tr></table>")
		}
		h.post("/backup/run", rq.s.csrf, "Back up now")
	})
}

func (s *Server) backupRun(w http.ResponseWriter, r *http.Request, rq request) {
	_, err := s.api.BackupRun(r.Context())
	s.done(w, r, rq, "/backup", err, "Backed up and audited.")
}

func (s *Server) voicePage(w http.ResponseWriter, r *http.Request, rq request) {
	v, err := s.api.VoiceStatus(r.Context())
	set, serr := s.api.VoiceSettings(r.Context())
	s.page(w, r, rq, "Voice", func(h *htmlw) {
		h.bad(problem(err))
		with := func(s, note, none string) string {
			if s == "" {
				s = none
			}
			if note != "" {
				s += " (" + note + ")"
			}
			return s
		}
		h.raw("<table>")
		h.row("Wake word", with(v.Wake, v.WakeNote, "off"))
		h.row("Speech to text", with(v.STT, v.STTNote, "none"))
		h.row("Recordings kept", with(keepLabel(v.KeepVoice), "", "not kept"))
		h.row("State", with(v.State, map[bool]string{true: "muted"}[v.Muted], "off"))
		h.raw("</table>")
		h.raw("<h2>Settings</h2>")
		if h.bad(problem(serr)) {
			return
		}
		wake := field{name: "wake", label: "Wake word", value: map[bool]string{true: "on", false: "off"}[set.Wake], options: []string{"on", "listen for it", "off", "off (the button still works)"}}
		if set.WakeEngine == "off" {
			wake.options = []string{"off", "off: no wake word engine runs (the status above says why)"}
		}
		fs := []field{wake}
		if set.STT != "" {
			fs = append(fs, field{name: "stt", label: "Speech to text", value: set.STT, options: []string{
				"local", "on this device only (free, works offline)",
				"local-first", "on this device, paid when it is unsure",
				"paid-first", "paid, on this device when that fails"}})
		}
		keep := field{name: "keep_voice", label: "Keep recordings", value: set.KeepVoice, options: []string{"0s", "never", "24h0m0s", "1 day", "168h0m0s", "7 days", "720h0m0s", "30 days"}}
		if !slices.Contains(keep.options, set.KeepVoice) {
			keep.options = append(keep.options, set.KeepVoice, keepLabel(set.KeepVoice))
		}
		fs = append(fs, keep)
		h.form("/voice/settings", rq.s.csrf, "Save voice settings", "save-voice", fs...)
		if set.Owner {
			h.post("/voice/settings", rq.s.csrf, "Back to the configuration file's", "reset", "1")
		}
		h.note("Changes apply at once and are kept across restarts, over the <code>[voice]</code> table of <code>/etc/mycroft/agent.toml</code>. " +
			"Everything else there (the wake word engine and model, its threshold, the speech detector) is set in that file, then <code>sudo systemctl restart mycroft</code>.")
	})
}

// keepLabel says a retention ("0s", "168h0m0s") in words.
func keepLabel(d string) string {
	x, err := time.ParseDuration(d)
	switch {
	case err != nil:
		return d
	case x == 0:
		return "never"
	case x%(24*time.Hour) == 0:
		return fmt.Sprintf("%d days", x/(24*time.Hour))
	}
	return x.String()
}

// setVoice sends the voice settings the owner changed (fields left as they
// were are not sent), or the reset.
func (s *Server) setVoice(w http.ResponseWriter, r *http.Request, rq request) {
	ctx := r.Context()
	var req apiclient.VoiceSettingsRequest
	if r.PostForm.Get("reset") == "1" {
		req.Reset = true
	} else {
		cur, err := s.api.VoiceSettings(ctx)
		if err != nil {
			s.done(w, r, rq, "/voice", err, "")
			return
		}
		if v := r.PostForm.Get("wake"); (v == "on") != cur.Wake && (v == "on" || v == "off") {
			on := v == "on"
			req.Wake = &on
		}
		if v := r.PostForm.Get("stt"); v != "" && v != cur.STT {
			req.STT = v
		}
		if v := r.PostForm.Get("keep_voice"); v != "" && v != cur.KeepVoice {
			req.KeepVoice = v
		}
		if req == (apiclient.VoiceSettingsRequest{}) {
			s.done(w, r, rq, "/voice", nil, "Nothing changed.")
			return
		}
	}
	_, err := s.api.SetVoiceSettings(ctx, req)
	s.done(w, r, rq, "/voice", err, "Voice settings saved.")
}

func (s *Server) grantsPage(w http.ResponseWriter, r *http.Request, rq request) {
	s.page(w, r, rq, "Data grants", func(h *htmlw) {
		h.raw("<p>Data grants (sharing a dataset with someone, on your terms) are not wired into the agent yet: there is nothing to list or revoke.</p>")
	})
}

func (s *Server) keysPage(w http.ResponseWriter, r *http.Request, rq request) {
	k, err := s.api.KeysStatus(r.Context())
	s.page(w, r, rq, "Keys", func(h *htmlw) {
		h.bad(problem(err))
		h.raw("<table>")
		if !k.Initialized {
			h.row("Keyring", "none yet")
		} else {
			h.row("Keyring", "made "+s.when(k.Created))
			h.f(`<tr><th>Address</th><td class="mono">%s</td></tr>`, k.Address)
			h.row("State", map[bool]string{true: "unlocked", false: "locked"}[k.Unlocked])
		}
		h.raw("</table>")
		switch {
		case k.Initialized:
		case rq.lan:
			h.note("A new keyring shows its backup words, and they are never shown on the LAN: open this page over SSH (" + sshHint + "/keys/new), or run <code>mycroft keys init</code>.")
		default:
			h.raw(`<p><a href="/keys/new">Make a new keyring</a></p>`)
		}
	})
}

func (s *Server) keysNewPage(w http.ResponseWriter, r *http.Request, rq request) {
	s.page(w, r, rq, "New keyring", func(h *htmlw) {
		h.raw("<p>The device makes a wallet key and 24 backup words. The words are shown once, on the next page: write them down.</p>")
		h.form("/keys/new", rq.s.csrf, "Make the keyring", "make-keyring",
			field{name: "passphrase1", label: "Passphrase", typ: "password", required: true},
			field{name: "passphrase2", label: "Passphrase again", typ: "password", required: true})
	})
}

// keysNew makes the keyring and shows its backup words, once, in this
// answer (never stored, never cached, never on the LAN).
func (s *Server) keysNew(w http.ResponseWriter, r *http.Request, rq request) {
	pass := r.PostForm.Get("passphrase1")
	if pass != r.PostForm.Get("passphrase2") {
		s.done(w, r, rq, "/keys/new", errString("the two passphrases differ"), "")
		return
	}
	res, err := s.api.KeysInit(r.Context(), pass)
	if err != nil {
		s.done(w, r, rq, "/keys/new", err, "")
		return
	}
	s.page(w, r, rq, "Your backup words", func(h *htmlw) {
		h.f(`<p>Wallet <span class="mono">%s</span>. Write these 24 words down, in order, and keep them offline: they restore the wallet and your data. They are not shown again.</p><ol class="words">`, res.Address)
		for _, word := range strings.Fields(res.Words) {
			h.f("<li>%s</li>", word)
		}
		h.raw(`</ol><p><a href="/">Done</a></p>`)
	})
}

func (s *Server) pairPage(w http.ResponseWriter, r *http.Request, rq request) {
	if rq.s.paired {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	}
	s.page(w, r, rq, "Pair this browser", func(h *htmlw) {
		h.raw("<p>This browser is on the LAN: pair it with the device first.</p>")
		h.raw(`<form method="post" action="/pair/code">`)
		h.csrf(rq.s.csrf)
		h.raw(`<button id="show-code">Show a code on the device</button></form>`)
		h.raw(`<form method="post" action="/pair" class="grid">`)
		h.csrf(rq.s.csrf)
		h.raw(`<label for="code">The 6-digit code</label><input id="code" name="code" inputmode="numeric" pattern="[0-9]{6}" maxlength="6" required autocomplete="off">
<span></span><button id="pair">Pair</button></form>`)
		h.note("Over SSH, <code>mycroft web pair</code> prints the code. Before pairing, check that the certificate's SHA-256 fingerprint your browser shows is the one <code>mycroft status</code> prints.")
	})
}

// pairShow puts a code on the faceplate (never in the answer).
func (s *Server) pairShow(w http.ResponseWriter, r *http.Request, rq request) {
	_, exp, err := s.PairingCode(r.Context())
	s.done(w, r, rq, "/pair", err, "The device shows a code until "+exp.In(s.loc).Format("15:04")+" (or run `mycroft web pair` over SSH).")
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
	s.auth.setFlash(ns, "Paired: this browser may use the page until "+ns.expires.In(s.loc).Format("Jan 2 15:04")+".", true)
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

// updateLine is the status page's line on updates, from the agent's
// "update" status component (absent when updates are off).
func updateLine(raw json.RawMessage) (string, bool) {
	var u struct {
		Running      string `json:"running"`
		Slot         string `json:"slot"`
		Latest       string `json:"latest"`
		Available    bool   `json:"available"`
		State        string `json:"state"`
		LastError    string `json:"last_error"`
		LastRollback *struct {
			Version string `json:"version"`
			Reason  string `json:"reason"`
		} `json:"last_rollback"`
	}
	if len(raw) == 0 || json.Unmarshal(raw, &u) != nil {
		return "", false
	}
	line := "running " + u.Running
	if u.Slot != "" {
		line += " (slot " + u.Slot + ")"
	}
	if u.Available && u.Latest != "" {
		line += "; " + u.Latest + " approved on chain"
	}
	if u.State != "" {
		line += "; " + u.State
	}
	if u.LastRollback != nil {
		line += "; rolled back from " + u.LastRollback.Version + ": " + u.LastRollback.Reason
	}
	if u.LastError != "" {
		line += "; " + u.LastError
	}
	return line, true
}
