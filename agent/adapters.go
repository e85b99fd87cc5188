package agent

import (
	"context"
	"errors"
	"io"
	"math/big"
	"strings"

	"github.com/mycroft-network/mycroft/agent/skills"
	"github.com/mycroft-network/mycroft/miner"
	"github.com/mycroft-network/mycroft/voice"
	"github.com/mycroft-network/mycroft/wallet"
)

// The services the voice pipeline and its skills use, built from the wallet
// and the miner. Each returns nil when its subsystem is off.

func (a *Agent) transcriber() voice.Transcriber {
	if a.wallet == nil {
		return nil
	}
	return walletSTT{a.wallet}
}

func (a *Agent) walletSkill() skills.Wallet {
	if a.wallet == nil {
		return nil
	}
	return walletBalance{a.wallet}
}

func (a *Agent) weatherSkill() skills.Weather {
	if a.wallet == nil {
		return nil
	}
	return weatherHere{w: a.wallet, lat: a.cfg.Agent.Latitude, lon: a.cfg.Agent.Longitude}
}

func (a *Agent) knowledgeSkill() skills.Knowledge {
	if a.wallet == nil {
		return nil
	}
	return knowledge{a.wallet}
}

func (a *Agent) minerSkill() skills.Miner {
	if a.miner == nil {
		return nil
	}
	return minerControl{a.miner}
}

func (a *Agent) earningsSkill() skills.Earnings {
	if a.miner == nil {
		return nil
	}
	return minerEarnings{a}
}

// onVoiceActivity is called synchronously by the voice pipeline the moment
// speech starts (true) and when the interaction ends (false). Speech
// pauses all mining work at once; the idle policy resumes it after the
// quiet period, so the end of an interaction needs nothing.
func (a *Agent) onVoiceActivity(active bool) {
	if active && a.miner != nil {
		a.miner.VoiceActive()
	}
}

// walletSTT is the paid speech-to-text client.
type walletSTT struct{ w *wallet.Wallet }

func (s walletSTT) Transcribe(ctx context.Context, grammar string, audio io.Reader) (voice.Transcript, error) {
	text, err := s.w.Transcribe(ctx, grammar, audio)
	if err != nil {
		return voice.Transcript{}, err
	}
	return voice.Transcript{Text: text}, nil
}

// walletBalance reports the MYC in the wallet and today's spending.
type walletBalance struct{ w *wallet.Wallet }

func (b walletBalance) Balance(ctx context.Context) (*big.Int, error) {
	bal, err := b.w.Balance(ctx)
	if err != nil {
		return nil, err
	}
	v, ok := new(big.Int).SetString(bal.Token, 10)
	if !ok {
		return nil, errors.New("wallet: balance: bad amount " + bal.Token)
	}
	return v, nil
}

func (b walletBalance) SpentToday(ctx context.Context) (*big.Int, error) { return b.w.SpentToday(ctx) }

// InChannels is what the channels hold that is not yet promised (the
// spoken balance adds it).
func (b walletBalance) InChannels(ctx context.Context) (*big.Int, error) {
	bal, err := b.w.Balance(ctx)
	if err != nil {
		return nil, err
	}
	v, ok := new(big.Int).SetString(bal.InChannels, 10)
	if !ok {
		return nil, errors.New("wallet: balance: bad amount in channels " + bal.InChannels)
	}
	return v, nil
}

// weatherHere is the paid weather at the device's place.
type weatherHere struct {
	w        *wallet.Wallet
	lat, lon float64
}

func (h weatherHere) Current(ctx context.Context) (skills.Conditions, error) {
	x, err := h.w.Weather(ctx, h.lat, h.lon)
	if err != nil {
		return skills.Conditions{}, err
	}
	return skills.Conditions{Summary: x.Summary(), TempC: x.TemperatureC, HighC: x.HighC, LowC: x.LowC}, nil
}

// knowledge answers with the extract of the encyclopedia article the
// question names.
type knowledge struct{ w *wallet.Wallet }

func (k knowledge) Answer(ctx context.Context, question string) (string, error) {
	s, err := k.w.Knowledge(ctx, articleTitle(question))
	if err != nil {
		return "", err
	}
	return s.Extract, nil
}

// articleTitle turns a question into an article title: "who was ada
// lovelace" → "Ada_Lovelace".
func articleTitle(q string) string {
	q = strings.ToLower(strings.TrimSpace(strings.TrimRight(strings.TrimSpace(q), "?.!")))
	for _, p := range []string{"tell me about ", "what is a ", "what is an ", "what is the ", "what is ", "what's ", "what are ",
		"who is ", "who was ", "who were ", "where is ", "define "} {
		if strings.HasPrefix(q, p) {
			q = strings.TrimPrefix(q, p)
			break
		}
	}
	words := strings.Fields(q)
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, "_")
}

// minerControl is the owner's voice control of mining.
type minerControl struct{ m *miner.Miner }

func (c minerControl) MinerStatus(context.Context) (skills.MinerStatus, error) {
	s := c.m.Settings()
	// Evaluate is what the miner's own loop runs every few seconds; it
	// reads two small files and answers at once.
	st := c.m.Evaluate()
	return skills.MinerStatus{Enabled: s.Enabled, Running: st.Running, Reason: st.Reason}, nil
}

// errNotSetUp is spoken when the owner asks to mine before choosing a stake
// and a disk quota.
var errNotSetUp = speakErr("Mining is not set up yet. Choose a stake and a disk size with mycroft miner enable first.")

type speakErr string

func (e speakErr) Error() string { return string(e) }
func (e speakErr) Speak() string { return string(e) }

func (c minerControl) Enable(ctx context.Context) error {
	s := c.m.Settings()
	s.Enabled = true
	if s.Validate() != nil {
		return errNotSetUp
	}
	return c.m.Enable(ctx, s)
}

func (c minerControl) Pause(ctx context.Context) error { return c.m.Disable(ctx) }

// minerEarnings reports voucher earnings (paid calls and storage rent).
type minerEarnings struct{ a *Agent }

func (e minerEarnings) Earnings(ctx context.Context) (today, total *big.Int, err error) {
	x, err := e.a.miner.Earnings(ctx)
	if err != nil {
		return nil, nil, err
	}
	total = new(big.Int).Add(x.Pending, x.Redeemed)
	return e.a.earningsToday(total), total, nil
}
