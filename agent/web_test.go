package agent

import (
	"context"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"io"
	"log/slog"
	"math/big"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/ethereum/go-ethereum/common"

	"github.com/mycroft-network/mycroft/agent/web"
	"github.com/mycroft-network/mycroft/board/sim"
	"github.com/mycroft-network/mycroft/chain/devnet"
	"github.com/mycroft-network/mycroft/hal"
	"github.com/mycroft-network/mycroft/internal/apiclient"
	"github.com/mycroft-network/mycroft/voice"
)

// chromium finds the browser the web test drives. CI installs Debian's
// chromium (.ci/run); without it the test fails, unless
// MYCROFT_SKIP_BROWSER=1 says to skip it.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("MYCROFT_SKIP_BROWSER") == "1" {
		t.Skip("no chromium and MYCROFT_SKIP_BROWSER=1")
	}
	t.Fatal("chromium is not installed: apt-get install chromium (make deps does), or set MYCROFT_SKIP_BROWSER=1 to skip the browser test")
	return ""
}

// artifacts is where the browser test keeps its screenshots:
// $MYCROFT_TEST_ARTIFACTS/web when set, else a temporary directory.
func artifacts(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if d := os.Getenv("MYCROFT_TEST_ARTIFACTS"); d != "" {
		dir = filepath.Join(d, "web")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestWebPageInBrowser drives the owner's page in headless Chromium on the
// LAN listener (HTTPS, pairing; bound to 127.0.0.1 here, the test's LAN),
// against a real agent on a devnet: pairing with the code, lowering the
// daily budget (read back through the API) and a vote (read back on
// chain). Around it, plain HTTP requests check the refusals: no session,
// a wrong or missing CSRF token, the backup words on the LAN, a foreign
// Host on the loopback listener.
func TestWebPageInBrowser(t *testing.T) {
	exe := chromium(t)
	shots := artifacts(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	fastDelegation(t)
	d, manifest := testChain(t, ctx)
	cfg := testConfig(t)
	cfg.Chain.RPCURL, cfg.Chain.Manifest = d.URL, manifest
	cfg.Web.Listen = "127.0.0.1:0"
	_, c, _ := start(t, cfg, Options{})

	// A device with keys, tokens and gas, its votes delegated to itself,
	// and a proposal open for votes.
	ini, err := c.KeysInit(ctx, testPass)
	if err != nil {
		t.Fatal(err)
	}
	device := common.HexToAddress(ini.Address)
	own := devnet.Units(100, devnet.MYC)
	if err := d.Fund(ctx, device, nil, own); err != nil {
		t.Fatal(err)
	}
	if err := d.Fund(ctx, device, devnet.Units(1, devnet.Ether), nil); err != nil {
		t.Fatal(err)
	}
	chainWaitFor(ctx, t, "the self-delegation", func() bool {
		gs, err := c.GovernanceStatus(ctx)
		return err == nil && gs.Delegation == delegationSelf
	})
	if err := d.AdvanceTime(ctx, time.Second); err != nil {
		t.Fatal(err)
	}
	pr, err := c.GovernancePropose(ctx, apiclient.GovernanceProposeRequest{Kind: "payout",
		To: "0x00000000000000000000000000000000000000b1", Amount: "1", Description: "# Fund a Welsh voice\nOne MYC."})
	if err != nil {
		t.Fatalf("propose: %v", err)
	}
	if err := d.AdvanceTime(ctx, 2*time.Second); err != nil {
		t.Fatal(err)
	}

	// Where the page is, and its certificate as mycroft status says it.
	st, err := c.Status(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var ws apiclient.WebStatus
	if err := json.Unmarshal(st.Components["web"], &ws); err != nil || ws.LAN == "" || ws.Loopback == "" {
		t.Fatalf("web status = %s (%v), want both listeners", st.Components["web"], err)
	}
	pemBytes, err := os.ReadFile(filepath.Join(cfg.Agent.StateDir, web.CertFile))
	if err != nil {
		t.Fatal(err)
	}
	block, _ := pem.Decode(pemBytes)
	cert, err := x509.ParseCertificate(block.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	if got := web.Fingerprint(cert.Raw); got != ws.Fingerprint {
		t.Fatalf("status fingerprint %s, certificate's %s", ws.Fingerprint, got)
	}
	if fi, err := os.Stat(filepath.Join(cfg.Agent.StateDir, web.CertFile)); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("certificate file mode %v (%v), want 0600", fi.Mode().Perm(), err)
	}
	// The browser trusts exactly this certificate's key, nothing else.
	spki := sha256.Sum256(cert.RawSubjectPublicKeyInfo)
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(exe), chromedp.NoSandbox,
		chromedp.Flag("ignore-certificate-errors-spki-list", base64.StdEncoding.EncodeToString(spki[:])),
		chromedp.WindowSize(1000, 900))
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	defer acancel()
	bctx, bcancel := chromedp.NewContext(actx)
	defer bcancel()
	if err := chromedp.Do(bctx); err != nil { // starts the browser, for as long as bctx lives
		t.Fatalf("start chromium: %v", err)
	}
	shot := func(name string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			png, err := chromedp.FullScreenshot(100)(ctx, tg)
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(shots, name+".png"), png, 0o644)
		})
	}
	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		sctx, cancel := context.WithTimeout(bctx, 45*time.Second)
		defer cancel()
		if err := chromedp.Do(sctx, steps...); err != nil {
			html, _ := chromedp.Run(bctx, chromedp.OuterHTML(chromedp.CSS("body")))
			_ = chromedp.Do(bctx, shot("failed"))
			t.Fatalf("%s: %v; the page:\n%s", what, err, html)
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(bctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}
	location := func() string {
		t.Helper()
		s, err := chromedp.Run(bctx, chromedp.Location())
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	visible := func(sel string) chromedp.Action[chromedp.Void] { return chromedp.WaitVisible(chromedp.CSS(sel)) }
	click := func(sel string) chromedp.Action[chromedp.Void] { return chromedp.Click(chromedp.CSS(sel)) }
	lan := ws.LAN
	// Unpaired, every page sends the browser to the pairing page.
	do("open the page", chromedp.Navigate(lan+"/spending"), visible("#show-code"), shot("1-pair"))
	if loc := location(); !strings.HasSuffix(loc, "/pair") {
		t.Fatalf("unpaired browser at %s, want /pair", loc)
	}
	// A wrong code is refused; the code on the faceplate pairs.
	do("ask for a code and try a wrong one", click("#show-code"), visible(".flash.ok"),
		chromedp.SendKeys(chromedp.CSS("#code"), "000000"), click("#pair"), visible(".flash.bad"))
	flash := text(".flash")
	code, err := c.WebPair(ctx) // the code in force, as `mycroft web pair` prints it
	if err != nil {
		t.Fatal(err)
	}
	if code.Code == "000000" {
		t.Skip("the random code was 000000") // one chance in a million
	}
	if !strings.Contains(flash, "wrong pairing code") {
		t.Errorf("after a wrong code the page says %q", flash)
	}
	do("pair", chromedp.SendKeys(chromedp.CSS("#code"), code.Code), click("#pair"), visible(".flash.ok"), shot("2-status"))
	if loc, main := location(), text("main"); strings.HasSuffix(loc, "/pair") || !strings.Contains(main, "Paired") || !strings.Contains(main, ws.Fingerprint) {
		t.Fatalf("after pairing at %s, page %q", loc, main)
	}

	// A lower daily budget, read back through the agent's API.
	do("lower the budget", chromedp.Navigate(lan+"/spending"), visible("#daily_budget"),
		chromedp.SetValue(chromedp.CSS("#daily_budget"), "0.25"), click("#save-limits"), visible(".flash"), shot("3-limits"))
	flash = text(".flash")
	if l, err := c.WalletLimits(ctx); err != nil || l.DailyBudget != "0.25" {
		t.Fatalf("after the page saved the budget (%q): limits %+v, %v; want daily_budget 0.25", flash, l, err)
	}

	// A vote, read back on chain.
	do("vote", chromedp.Navigate(lan+"/governance"), visible("#vote-1-yes"), click("#vote-1-yes"), visible(".flash"), shot("4-vote"))
	flash = text(".flash")
	dep, err := d.Client(ctx, d.Deployer)
	if err != nil {
		t.Fatal(err)
	}
	defer dep.Close()
	id, _ := new(big.Int).SetString(pr.ID, 10)
	if _, forVotes, _, err := dep.ProposalVotes(ctx, id); err != nil || forVotes.Cmp(own) != 0 {
		t.Fatalf("after the page voted (%q): for = %v (%v), want %v", flash, forVotes, err, own)
	}

	// Voice settings: recordings no longer kept and, where there is a
	// local recogniser, speech to text on the device only; read back
	// through the agent's API.
	vs, err := c.VoiceSettings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	steps := []chromedp.Action[chromedp.Void]{chromedp.Navigate(lan + "/voice"), visible("#keep_voice"), chromedp.SetValue(chromedp.CSS("#keep_voice"), "0s")}
	if vs.STT != "" {
		steps = append(steps, chromedp.SetValue(chromedp.CSS("#stt"), "local"))
	}
	do("change the voice settings", append(steps, click("#save-voice"), visible(".flash"), shot("4b-voice"))...)
	flash = text(".flash")
	if got, err := c.VoiceSettings(ctx); err != nil || got.KeepVoice != "0s" || !got.Owner || (vs.STT != "" && got.STT != "local") {
		t.Fatalf("after the page saved the voice settings (%q): %+v, %v; want keep_voice 0s and stt local", flash, got, err)
	}

	// The figures: page weight and first contentful paint of the status
	// page (docs/performance.md).
	// First contentful paint of the status page, from Chromium's paint
	// timing (the entry comes a frame after the paint: poll for it), and
	// when its HTML had arrived; five loads, the median reported.
	var fcps, resps []float64
	for range 5 {
		do("open the status page", chromedp.Navigate(lan+"/"), visible("main"))
		var v []float64
		for i := 0; i < 50 && len(v) == 0; i++ {
			v, err = chromedp.Run(bctx, chromedp.Evaluate[[]float64](`(()=>{const p=performance.getEntriesByName('first-contentful-paint')[0];const n=performance.getEntriesByType('navigation')[0];return p?[p.startTime,n.responseEnd]:[]})()`))
			if err != nil {
				t.Fatal(err)
			}
			if len(v) == 0 {
				time.Sleep(20 * time.Millisecond)
			}
		}
		if len(v) != 2 {
			t.Fatal("no first-contentful-paint entry")
		}
		fcps, resps = append(fcps, v[0]), append(resps, v[1])
	}
	slices.Sort(fcps)
	slices.Sort(resps)
	fcp, resp := fcps[len(fcps)/2], resps[len(resps)/2]
	jar, err := chromedp.Call(bctx, network.GetCookies, network.GetCookiesParams{URLs: []string{lan}})
	if err != nil {
		t.Fatal(err)
	}
	cookies := jar.Cookies
	var session *network.Cookie
	for _, ck := range cookies {
		if ck.Name == "mycroft_session" {
			session = ck
		}
	}
	if session == nil || !session.HTTPOnly || !session.Secure || session.SameSite != network.CookieSameSiteStrict || len(session.Value) != 64 {
		t.Fatalf("session cookie %+v, want HttpOnly, Secure, SameSite=Strict, 256 bits", session)
	}

	// Refusals, checked with plain HTTP against the same listeners.
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	hc := &http.Client{
		Transport:     &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool, ServerName: "localhost"}},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	send := func(method, u, cookie string, form url.Values, hdr map[string]string) (int, string, string) {
		t.Helper()
		req, err := http.NewRequestWithContext(ctx, method, u, strings.NewReader(form.Encode()))
		if err != nil {
			t.Fatal(err)
		}
		if form != nil {
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
		if cookie != "" {
			req.AddCookie(&http.Cookie{Name: "mycroft_session", Value: cookie})
		}
		for k, v := range hdr {
			if k == "Host" {
				req.Host = v
			} else {
				req.Header.Set(k, v)
			}
		}
		resp, err := hc.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, resp.Header.Get("Location"), string(b)
	}
	_, _, cssBody := send("GET", lan+"/static/style.css", "", nil, nil)
	code200, _, page := send("GET", lan+"/", session.Value, nil, nil)
	if code200 != 200 {
		t.Fatalf("status page with the session: %d", code200)
	}
	t.Logf("figures: status page %d bytes of HTML + %d of CSS + 0 of JS = %d bytes; first contentful paint %.0f ms, HTML received at %.0f ms (median of 5 loads in headless Chromium, LAN listener over TLS)",
		len(page), len(cssBody), len(page)+len(cssBody), fcp, resp)

	limitsForm := func(csrf string) url.Values {
		v := url.Values{"daily_budget": {"0.1"}}
		if csrf != "" {
			v.Set("csrf", csrf)
		}
		return v
	}
	token := csrfOf(t, page)
	// Every page renders for the paired browser, with no formatting slip.
	for _, path := range []string{"/", "/spending", "/wallet", "/miner", "/governance", "/backup", "/voice", "/grants", "/keys"} {
		got, _, body := send("GET", lan+path, session.Value, nil, nil)
		if got != 200 || strings.Contains(body, "%!") || !strings.Contains(body, "</main></body></html>") {
			t.Errorf("GET %s: %d\n%s", path, got, body)
		}
	}
	do("the wallet and miner pages", chromedp.Navigate(lan+"/wallet"), visible("main"), shot("5-wallet"),
		chromedp.Navigate(lan+"/miner"), visible("main"), shot("6-miner"))
	for _, tc := range []struct {
		name, method, path, cookie string
		form                       url.Values
		hdr                        map[string]string
		want                       int
		wantLoc                    string
	}{
		{"a page without a session", "GET", "/spending", "", nil, nil, http.StatusSeeOther, "/pair"},
		{"a vote without a session", "POST", "/governance/vote", "", url.Values{"proposal": {"1"}, "support": {"no"}}, nil, http.StatusForbidden, ""},
		{"a limit with no CSRF token", "POST", "/spending/limits", session.Value, limitsForm(""), nil, http.StatusForbidden, ""},
		{"a limit with a wrong CSRF token", "POST", "/spending/limits", session.Value, limitsForm(strings.Repeat("0", 64)), nil, http.StatusForbidden, ""},
		{"a limit from another site", "POST", "/spending/limits", session.Value, limitsForm(token), map[string]string{"Origin": "https://evil.example"}, http.StatusForbidden, ""},
		{"the backup words page on the LAN", "GET", "/keys/new", session.Value, nil, nil, http.StatusForbidden, ""},
		{"making a keyring on the LAN", "POST", "/keys/new", session.Value, url.Values{"csrf": {token}, "passphrase": {"x"}, "passphrase2": {"x"}}, nil, http.StatusForbidden, ""},
		{"the key export on the LAN", "POST", "/wallet/export", session.Value, url.Values{"csrf": {token}, "passphrase": {testPass}}, nil, http.StatusForbidden, ""},
	} {
		got, loc, _ := send(tc.method, lan+tc.path, tc.cookie, tc.form, tc.hdr)
		if got != tc.want || !strings.HasSuffix(loc, tc.wantLoc) {
			t.Errorf("%s: %d %q, want %d %q", tc.name, got, loc, tc.want, tc.wantLoc)
		}
	}
	if l, err := c.WalletLimits(ctx); err != nil || l.DailyBudget != "0.25" {
		t.Errorf("after the refused forms: limits %+v, %v; want daily_budget still 0.25", l, err)
	}
	// The right token from the same origin is accepted: the refusals above
	// were for the token and the origin, not for the form.
	if got, _, _ := send("POST", lan+"/spending/limits", session.Value, limitsForm(token), map[string]string{"Origin": lan}); got != http.StatusSeeOther {
		t.Errorf("the form with its token: %d, want 303", got)
	}
	if l, err := c.WalletLimits(ctx); err != nil || l.DailyBudget != "0.1" {
		t.Errorf("limits %+v, %v; want daily_budget 0.1", l, err)
	}
	// The loopback listener answers only to loopback names (no DNS
	// rebinding); a LAN session cookie means nothing there.
	if got, _, _ := send("GET", ws.Loopback+"/", "", nil, map[string]string{"Host": "evil.example"}); got != http.StatusMisdirectedRequest {
		t.Errorf("loopback page for Host evil.example: %d, want 421", got)
	}
	if got, _, body := send("GET", ws.Loopback+"/keys", "", nil, nil); got != 200 || !strings.Contains(body, device.Hex()) {
		t.Errorf("loopback keys page: %d", got)
	}

	// Over SSH (the loopback listener) the key export works, after the
	// keyring passphrase: a v3 file of the device's address.
	wresp, err := hc.Get(ws.Loopback + "/wallet")
	if err != nil {
		t.Fatal(err)
	}
	walletPage, _ := io.ReadAll(wresp.Body)
	wresp.Body.Close()
	local := wresp.Cookies()
	if len(local) != 1 || local[0].Name != "mycroft_local" {
		t.Fatalf("loopback cookies %+v", local)
	}
	export := func(pass string) (*http.Response, string) {
		t.Helper()
		form := url.Values{"csrf": {csrfOf(t, string(walletPage))}, "passphrase": {pass}, "export_passphrase": {"a long export passphrase"}, "export_passphrase2": {"a long export passphrase"}}
		req, _ := http.NewRequestWithContext(ctx, "POST", ws.Loopback+"/wallet/export", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.AddCookie(local[0])
		resp, err := hc.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp, string(body)
	}
	xresp, keyfile := export(testPass)
	var v3 struct {
		Address string `json:"address"`
		Crypto  any    `json:"crypto"`
	}
	if xresp.StatusCode != 200 || !strings.Contains(xresp.Header.Get("Content-Disposition"), "attachment") ||
		json.Unmarshal([]byte(keyfile), &v3) != nil || !strings.EqualFold("0x"+v3.Address, device.Hex()) || v3.Crypto == nil {
		req, _ := http.NewRequestWithContext(ctx, "GET", ws.Loopback+"/wallet", nil)
		req.AddCookie(local[0])
		flash := ""
		if r, err := hc.Do(req); err == nil {
			b, _ := io.ReadAll(r.Body)
			r.Body.Close()
			if i := strings.Index(string(b), `class="flash`); i >= 0 {
				flash = string(b[i:min(len(b), i+300)])
			}
		}
		t.Errorf("export over SSH: %d %q, %.80q (page: %s); want the v3 file of %s", xresp.StatusCode, xresp.Header.Get("Content-Disposition"), keyfile, flash, device.Hex())
	}
	// (A wrong passphrase last: the keystore then makes the next try wait.)
	if resp, _ := export("wrong passphrase"); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("export with a wrong passphrase: %d, want 303 back to the page with the error", resp.StatusCode)
	}
}

// csrfOf finds the CSRF token in a page's forms.
func csrfOf(t *testing.T, page string) string {
	t.Helper()
	const mark = `name="csrf" value="`
	i := strings.Index(page, mark)
	if i < 0 || len(page) < i+len(mark)+64 {
		t.Fatalf("no CSRF token in the page")
	}
	return page[i+len(mark) : i+len(mark)+64]
}

// mouthLog is a faceplate that remembers the texts shown on the mouth.
type mouthLog struct {
	hal.Faceplate
	mu    sync.Mutex
	texts []string
}

func (m *mouthLog) Show(ctx context.Context, f hal.Face) error {
	m.mu.Lock()
	m.texts = append(m.texts, f.Mouth.Text)
	m.mu.Unlock()
	return m.Faceplate.Show(ctx, f)
}

func (m *mouthLog) shown(text string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return slices.Contains(m.texts, text)
}

// TestWebPairingCodeShownAndSaid: a pairing code asked for goes on the
// faceplate's mouth and is said on the speaker (flite; the Mark II ring
// shows no text).
func TestWebPairingCodeShownAndSaid(t *testing.T) {
	cfg := testConfig(t)
	cfg.Web.Listen = "127.0.0.1:0"
	mouth := &mouthLog{}
	open := func(ctx context.Context, bc BoardConfig, log *slog.Logger) (*hal.Board, error) {
		b, err := simBoard(filepath.Join(t.TempDir(), "speaker.wav"))(ctx, bc, log)
		if err == nil {
			mouth.Faceplate, b.Faceplate = b.Faceplate, mouth
		}
		return b, err
	}
	a, c, _ := start(t, cfg, Options{OpenBoard: open})
	sp, ok := a.board.Speaker.(*sim.Speaker)
	if !ok {
		t.Fatalf("speaker %T", a.board.Speaker)
	}
	waitFor(t, "idle", func() (voice.Status, error) { return a.voice.Status(), nil },
		func(s voice.Status) bool { return s.State == hal.StateIdle })
	before := sp.Written()
	p, err := c.WebPair(context.Background())
	if err != nil || len(p.Code) != 6 {
		t.Fatalf("WebPair = %+v, %v", p, err)
	}
	waitFor(t, "the code on the mouth", func() (bool, error) { return mouth.shown("PAIR " + p.Code), nil }, func(b bool) bool { return b })
	// The code said twice is a few seconds of speech at 16 kHz.
	waitFor(t, "the code said", func() (int64, error) { return sp.Written() - before, nil }, func(n int64) bool { return n > 16000 })
}

func TestWebConfigValidate(t *testing.T) {
	for _, tc := range []struct {
		name, toml, want string
	}{
		{"defaults", "", ""},
		{"lan", "listen = \"lan\"", ""},
		{"an address", "listen = \"192.168.1.20:8443\"", ""},
		{"loopback off", "loopback = \"\"", ""},
		{"loopback on every interface", "loopback = \"0.0.0.0:8480\"", "web.loopback: must be a loopback address"},
		{"a name to listen on", "listen = \"kitchen:8443\"", "web.listen: must be loopback, lan or an IP address and port"},
		{"not an address", "listen = \"everywhere\"", "web.listen: must be loopback, lan or an address"},
		{"the LAN port on the loopback's", "listen = \"lan\"\nlan_port = 8480", "web.lan_port: must differ from the loopback listener's port (8480)"},
		{"a short session", "session_ttl = \"10s\"", "web.session_ttl: must be between 1m and 720h"},
	} {
		_, err := ParseConfig("agent.toml", []byte("[web]\n"+tc.toml+"\n"))
		if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
}
