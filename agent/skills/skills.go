package skills

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"time"

	"github.com/mycroft-network/mycroft/voice/intent"
)

// Conditions is the weather now.
type Conditions struct {
	Place       string  // "" when the device's own place
	Summary     string  // "light rain", "clear sky"
	TempC       float64 // temperature, °C
	HighC, LowC float64 // today's range; both 0 when unknown
}

// Weather is the paid weather service.
type Weather interface {
	Current(ctx context.Context) (Conditions, error)
}

// Knowledge answers a question in a sentence or two (the paid knowledge
// service).
type Knowledge interface {
	Answer(ctx context.Context, question string) (string, error)
}

// Wallet reports the owner's tokens, in base units (10^-18 MYC).
type Wallet interface {
	Balance(ctx context.Context) (*big.Int, error)
	SpentToday(ctx context.Context) (*big.Int, error)
}

// ChannelBalance is a Wallet that also says what sits in its payment
// channels (deposited, not yet promised to the provider): the spoken
// balance then adds it.
type ChannelBalance interface {
	InChannels(ctx context.Context) (*big.Int, error)
}

// SayWalletOff is the answer to a question only a paid service can answer
// when there is no wallet to pay with.
const SayWalletOff = "I can't look that up: the wallet is off, so I can't pay a provider."

// MinerStatus is what the miner is doing.
type MinerStatus struct {
	Enabled bool // the owner allowed mining
	Running bool // working now (not paused for voice, load or hours)
	Reason  string
}

// Miner is the owner's control of mining.
type Miner interface {
	MinerStatus(ctx context.Context) (MinerStatus, error)
	Enable(ctx context.Context) error
	Pause(ctx context.Context) error
}

// Earnings reports what mining earned, in base units.
type Earnings interface {
	Earnings(ctx context.Context) (today, total *big.Int, err error)
}

// Proposal is an open governance proposal. Number is the short number the
// device speaks and the owner says back (1, 2, ...).
type Proposal struct {
	Number int
	ID     *big.Int
	Title  string
}

// Support is a vote, as OpenZeppelin's Governor counts it.
type Support uint8

// Vote choices.
const (
	Against Support = 0
	For     Support = 1
	Abstain Support = 2
)

func (s Support) String() string {
	switch s {
	case Against:
		return "no"
	case For:
		return "yes"
	case Abstain:
		return "abstain"
	}
	return fmt.Sprintf("support(%d)", uint8(s))
}

// Governance lists proposals and casts the owner's votes.
type Governance interface {
	OpenProposals(ctx context.Context) ([]Proposal, error)
	Vote(ctx context.Context, proposal *big.Int, support Support) error
}

// VotingPower is a Governance that also says the owner's voting power
// (base units) and, when it is zero, why, in words for speech ("your
// wallet has no tokens").
type VotingPower interface {
	VotingPower(ctx context.Context) (votes *big.Int, why string, err error)
}

// Volume is the speaker volume, 0..100 (hal.Volume satisfies it).
type Volume interface {
	SetVolume(level int) error
	Volume() (int, error)
}

// Config holds the services; nil ones leave their skill out.
type Config struct {
	Now        func() time.Time // default time.Now
	Location   *time.Location   // default time.Local
	Weather    Weather
	Knowledge  Knowledge
	Wallet     Wallet
	Miner      Miner
	Earnings   Earnings
	Governance Governance
	Volume     Volume
	// Ringer rings when a timer or an alarm runs out; nil: they run out
	// in silence (still answered by "what is ringing").
	Ringer Ringer
	// Alarms keeps the alarms across restarts; nil: they last until the
	// agent stops.
	Alarms AlarmStore
	// AfterFunc schedules timers and alarms; default time.AfterFunc.
	AfterFunc AfterFunc
	// Topics are phrases the knowledge skill's "tell me about ..." may hold
	// in the speech grammar (matching accepts any words).
	Topics []string
}

// DefaultTopics are the knowledge topics of the grammar when none are set.
var DefaultTopics = []string{
	"the moon", "the sun", "mars", "the earth", "bitcoin", "a blockchain",
	"the internet", "linux", "music", "the weather", "a computer", "python", "the ocean",
}

// Brain is the router of the skills and the local skills the agent drives
// besides it (alarms to restore when the keystore opens).
type Brain struct {
	*intent.Router
	Timers *Timers
	Alarms *Alarms
}

// New returns the router of every configured skill. What no skill matched
// goes to the knowledge skill when it is a question (a paid lookup, if the
// knowledge service is configured); anything else is "Sorry, I didn't
// catch that.", at no cost.
func New(cfg Config) (*intent.Router, error) {
	b, err := NewBrain(cfg)
	if err != nil {
		return nil, err
	}
	return b.Router, nil
}

// NewBrain is New, also returning the local skills.
func NewBrain(cfg Config) (*Brain, error) {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Location == nil {
		cfg.Location = time.Local
	}
	if cfg.AfterFunc == nil {
		cfg.AfterFunc = realAfterFunc
	}
	bell := newBell(cfg.Ringer)
	timers := &Timers{Now: cfg.Now, After: cfg.AfterFunc, bell: bell}
	alarms := &Alarms{Now: cfg.Now, Loc: cfg.Location, After: cfg.AfterFunc, Store: cfg.Alarms, bell: bell}
	_ = alarms.Restore(context.Background()) // retried at the first alarm question
	repeat := &Repeat{}
	var list []intent.Skill
	list = append(list, &Clock{Now: cfg.Now, Location: cfg.Location}, timers, alarms)
	// Without a wallet the weather question is still understood, and
	// answered with why it cannot be looked up.
	list = append(list, &WeatherSkill{Service: cfg.Weather})
	know := &KnowledgeSkill{Service: cfg.Knowledge}
	if cfg.Knowledge != nil {
		list = append(list, know)
	}
	if cfg.Wallet != nil {
		list = append(list, &WalletSkill{Service: cfg.Wallet})
	}
	if cfg.Miner != nil || cfg.Earnings != nil {
		list = append(list, &MinerSkill{Service: cfg.Miner, Earnings: cfg.Earnings})
	}
	if cfg.Governance != nil {
		list = append(list, &GovernanceSkill{Service: cfg.Governance, Now: cfg.Now})
	}
	if cfg.Volume != nil {
		list = append(list, &VolumeSkill{Service: cfg.Volume})
	}
	list = append(list, &Stop{bell: bell}, &Ringing{bell: bell}, SmallTalk{}, repeat, TokensSkill{})
	help := &Help{Wallet: cfg.Wallet}
	list = append(list, help)
	r, err := intent.NewRouter(guardedFallback{know}, list...)
	if err != nil {
		return nil, fmt.Errorf("skills: %w", err)
	}
	r.OnReply(repeat.remember)
	r.SetVocabulary("name", TimerNames)
	// Help names what can be answered now.
	help.Skills = slices.DeleteFunc(slices.Clone(list), func(s intent.Skill) bool {
		w, ok := s.(*WeatherSkill)
		return ok && w.Service == nil
	})
	topics := cfg.Topics
	if topics == nil {
		topics = DefaultTopics
	}
	r.SetVocabulary("topic", topics)
	return &Brain{Router: r, Timers: timers, Alarms: alarms}, nil
}

// speakable is an error the owner should hear.
type speakable interface{ Speak() string }

// fail turns a service error into a spoken reply when it can be spoken.
// A refusal for lack of tokens also says what still works on the device.
func fail(op string, err error) (intent.Reply, error) {
	var s speakable
	if errors.As(err, &s) && s.Speak() != "" {
		if isNoTokens(err) {
			return intent.Reply{Text: s.Speak() + " " + SayLocalStill}, nil
		}
		return intent.Reply{Text: s.Speak()}, nil
	}
	return intent.Reply{}, fmt.Errorf("skills: %s: %w", op, err)
}

// FormatTokens writes base units (10^-18) as a short spoken amount:
// "12.5 tokens", "1 token", "0.003 tokens", "less than 0.001 tokens".
func FormatTokens(v *big.Int) string {
	if v == nil {
		v = new(big.Int)
	}
	r := new(big.Rat).SetFrac(v, new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil))
	neg := r.Sign() < 0
	abs := new(big.Rat).Abs(r)
	if abs.Sign() > 0 && abs.Cmp(big.NewRat(1, 1000)) < 0 {
		return "less than 0.001 tokens"
	}
	digits := 2
	if abs.Cmp(big.NewRat(1, 1)) < 0 {
		digits = 3
	}
	s := abs.FloatString(digits)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if neg {
		s = "minus " + s
	}
	if s == "1" {
		return "1 token"
	}
	return s + " tokens"
}

// FormatMYC writes base units as the spoken balance: thousands grouped,
// the cents that matter ("9,998.75 MYC", "10,000 MYC", "0.004 MYC"; below
// one MYC three decimals, "less than 0.001 MYC" below that).
func FormatMYC(v *big.Int) string {
	if v == nil {
		v = new(big.Int)
	}
	r := new(big.Rat).SetFrac(v, new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil))
	abs := new(big.Rat).Abs(r)
	if abs.Sign() > 0 && abs.Cmp(big.NewRat(1, 1000)) < 0 {
		return "less than 0.001 MYC"
	}
	digits := 2
	if abs.Cmp(big.NewRat(1, 1)) < 0 {
		digits = 3
	}
	s := abs.FloatString(digits)
	whole, frac, _ := strings.Cut(s, ".")
	frac = strings.TrimRight(frac, "0")
	var b strings.Builder
	if r.Sign() < 0 {
		b.WriteString("minus ")
	}
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteString("." + frac)
	}
	return b.String() + " MYC"
}
