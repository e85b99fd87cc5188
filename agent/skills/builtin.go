package skills

import (
	"context"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/mycroft-network/mycroft/voice/intent"
)

// Clock tells the time and the date.
type Clock struct {
	Now      func() time.Time
	Location *time.Location
}

func (*Clock) Name() string { return "clock" }

func (*Clock) Intents() []intent.Spec {
	return []intent.Spec{
		{Name: "time", Patterns: []string{
			"what time is it [now | right now]", "what is the time [now | right now]", "[tell me] the time", "[what is the] time please",
			"[do you know | tell me] what time it is [now]", "[do you know | tell me] what the time is [now]", "(have you | do you have | you have) [got] the time",
			"what is the current time", "current time", "time check", "[what is the] time now", "what time do you have",
			"how late is it",
		}},
		{Name: "date", Patterns: []string{
			"what (day | date) is it [today]", "what is [the] (date | day) [today]", "[tell me] the date", "what is today",
			"what is today date", "what is the date today", "[do you know | tell me] what (day | date) it is [today]",
			"which day is it [today]", "what day of the week is it [today]", "today date", "what month is it",
			"what is the day today", "what (day | date) is today", "what is the (day | date) today",
		}},
	}
}

func (c *Clock) Handle(_ context.Context, in intent.Intent) (intent.Reply, error) {
	now := c.Now().In(c.Location)
	if in.Name == "date" {
		return intent.Reply{Text: "Today is " + now.Format("Monday, January 2, 2006") + "."}, nil
	}
	return intent.Reply{Text: "It is " + SpokenTime(now) + "."}, nil
}

// SpokenTime is the time of day as said aloud: "noon", "midnight",
// "seven o'clock in the morning", "three fifteen in the afternoon", "nine oh
// five in the evening".
func SpokenTime(t time.Time) string {
	h, m := t.Hour(), t.Minute()
	switch {
	case h == 12 && m == 0:
		return "noon"
	case h == 0 && m == 0:
		return "midnight"
	}
	h12 := h % 12
	if h12 == 0 {
		h12 = 12
	}
	var part string
	switch {
	case h < 12:
		part = "in the morning"
	case h < 18:
		part = "in the afternoon"
	default:
		part = "in the evening"
	}
	switch {
	case m == 0:
		return fmt.Sprintf("%d o'clock %s", h12, part)
	case m < 10:
		return fmt.Sprintf("%d oh %d %s", h12, m, part)
	}
	return fmt.Sprintf("%d %d %s", h12, m, part)
}

// WeatherSkill reads the weather service.
type WeatherSkill struct{ Service Weather }

func (*WeatherSkill) Name() string { return "weather" }

func (*WeatherSkill) Intents() []intent.Spec {
	return []intent.Spec{{Name: "current", Patterns: []string{
		"what is the weather [like] [today | now | outside]",
		"how is the weather [today | outside]",
		"weather [report | forecast]", "[tell me] the weather [today | outside]",
		"what is the weather (going to be | gonna be) [like] [today]",
		"is it (cold | hot | warm | raining | sunny) [outside | today]",
		"what is the temperature [outside | today]",
	}}}
}

func (w *WeatherSkill) Handle(ctx context.Context, _ intent.Intent) (intent.Reply, error) {
	if w.Service == nil {
		return intent.Reply{Text: SayWalletOff}, nil
	}
	c, err := w.Service.Current(ctx)
	if err != nil {
		return fail("weather", err)
	}
	var b strings.Builder
	b.WriteString("It is ")
	fmt.Fprintf(&b, "%s degrees", roundTemp(c.TempC))
	if c.Summary != "" {
		b.WriteString(" with " + c.Summary)
	}
	if c.Place != "" {
		b.WriteString(" in " + c.Place)
	}
	b.WriteString(".")
	if c.HighC != 0 || c.LowC != 0 {
		fmt.Fprintf(&b, " Today's high is %s and the low %s.", roundTemp(c.HighC), roundTemp(c.LowC))
	}
	return intent.Reply{Text: b.String()}, nil
}

func roundTemp(c float64) string {
	v := int(math.Round(c))
	if v < 0 {
		return fmt.Sprintf("minus %d", -v)
	}
	return fmt.Sprint(v)
}

// KnowledgeSkill asks the knowledge service; it is also the router's
// fallback for anything no skill matched.
type KnowledgeSkill struct{ Service Knowledge }

func (*KnowledgeSkill) Name() string { return "knowledge" }

func (*KnowledgeSkill) Intents() []intent.Spec {
	return []intent.Spec{{Name: "ask", Patterns: []string{
		"(what | who) (is | was | are | were) {topic}",
		"tell me about {topic}",
	}}}
}

func (k *KnowledgeSkill) Handle(ctx context.Context, in intent.Intent) (intent.Reply, error) {
	return k.Answer(ctx, intent.Core(in.Text))
}

// Answer implements intent.Fallback.
func (k *KnowledgeSkill) Answer(ctx context.Context, question string) (intent.Reply, error) {
	if k.Service == nil {
		return intent.Reply{Text: SayWalletOff}, nil
	}
	a, err := k.Service.Answer(ctx, question)
	if err != nil {
		return fail("knowledge", err)
	}
	if strings.TrimSpace(a) == "" {
		return intent.Reply{Text: "Sorry, I don't know that."}, nil
	}
	return intent.Reply{Text: a}, nil
}

// WalletSkill reports the balance and today's spending.
type WalletSkill struct{ Service Wallet }

func (*WalletSkill) Name() string { return "wallet" }

func (*WalletSkill) Intents() []intent.Spec {
	return []intent.Spec{
		{Name: "balance", Patterns: []string{
			"what is my [wallet] balance", "how much money do i have [left]",
			"how many tokens do i have [left]", "[wallet] balance",
		}},
		{Name: "spent", Patterns: []string{
			"how much (did i spend | have i spent) today", "what did i spend today",
			"what have i spent today", "today spending", "my spending [today]",
		}},
	}
}

func (w *WalletSkill) Handle(ctx context.Context, in intent.Intent) (intent.Reply, error) {
	if in.Name == "spent" {
		v, err := w.Service.SpentToday(ctx)
		if err != nil {
			return fail("wallet", err)
		}
		if v == nil || v.Sign() == 0 {
			return intent.Reply{Text: "You have spent nothing today."}, nil
		}
		return intent.Reply{Text: "Today you have spent " + FormatTokens(v) + "."}, nil
	}
	v, err := w.Service.Balance(ctx)
	if err != nil {
		return fail("wallet", err)
	}
	text := "You have " + FormatMYC(v)
	if c, ok := w.Service.(ChannelBalance); ok {
		in, err := c.InChannels(ctx)
		if err != nil {
			return fail("wallet", err)
		}
		if in != nil && in.Sign() > 0 {
			text += ", plus " + FormatMYC(in) + " in payment channels"
		}
	}
	return intent.Reply{Text: text + "."}, nil
}

// MinerSkill reports and controls mining and its earnings.
type MinerSkill struct {
	Service  Miner
	Earnings Earnings
}

func (*MinerSkill) Name() string { return "miner" }

func (m *MinerSkill) Intents() []intent.Spec {
	var s []intent.Spec
	if m.Service != nil {
		s = append(s,
			intent.Spec{Name: "status", Patterns: []string{"[what is the] miner status", "is [the] (miner | mining) (on | running | working)", "are you mining"}},
			intent.Spec{Name: "enable", Patterns: []string{"(start | enable | resume | turn on) (the miner | mining)"}},
			intent.Spec{Name: "pause", Patterns: []string{"(stop | pause | disable | turn off) (the miner | mining)"}},
		)
	}
	if m.Earnings != nil {
		s = append(s, intent.Spec{Name: "earnings", Patterns: []string{
			"how much (did i | have i) (earn | earned) [today]", "what are my earnings [today]",
			"[my] earnings [today]", "how much did the miner earn [today]",
		}})
	}
	return s
}

func (m *MinerSkill) Handle(ctx context.Context, in intent.Intent) (intent.Reply, error) {
	switch in.Name {
	case "enable":
		if err := m.Service.Enable(ctx); err != nil {
			return fail("miner", err)
		}
		return intent.Reply{Text: "Mining is on. I will pause whenever you talk to me."}, nil
	case "pause":
		if err := m.Service.Pause(ctx); err != nil {
			return fail("miner", err)
		}
		return intent.Reply{Text: "Mining is paused."}, nil
	case "earnings":
		today, total, err := m.Earnings.Earnings(ctx)
		if err != nil {
			return fail("earnings", err)
		}
		return intent.Reply{Text: "Today you earned " + FormatTokens(today) + ", and " + FormatTokens(total) + " in total."}, nil
	}
	st, err := m.Service.MinerStatus(ctx)
	if err != nil {
		return fail("miner", err)
	}
	switch {
	case !st.Enabled:
		return intent.Reply{Text: "Mining is off."}, nil
	case st.Running:
		return intent.Reply{Text: "The miner is running."}, nil
	case st.Reason != "":
		return intent.Reply{Text: "Mining is on but paused: " + st.Reason + "."}, nil
	}
	return intent.Reply{Text: "Mining is on but paused."}, nil
}

// VolumeSkill sets the speaker volume.
type VolumeSkill struct {
	Service Volume
	before  int // the level before mute; 0 when not muted by voice
}

func (*VolumeSkill) Name() string { return "volume" }

func (*VolumeSkill) Intents() []intent.Spec {
	return []intent.Spec{
		{Name: "set", Patterns: []string{
			"(set | change | put | turn) [the] volume (to | at) {number} [percent]", "volume [to] {number} [percent]",
			"(set | change | put | turn) [the] volume [level] to level {number}", "volume level {number}",
		}},
		{Name: "up", Patterns: []string{
			"(turn | crank | bring) [the] volume up", "(turn | crank | bring) up the volume", "volume up",
			"(increase | raise) the volume", "turn it up", "[be | speak | talk] louder", "speak up",
			"make it louder", "a bit louder", "more volume", "i can not hear you", "i can barely hear you",
		}},
		{Name: "down", Patterns: []string{
			"(turn | bring) [the] volume down", "(turn | bring) down the volume", "volume down",
			"(decrease | lower | reduce) the volume", "turn it down", "[be | speak | talk] (quieter | softer)",
			"make it quieter", "a bit quieter", "less volume", "too loud",
		}},
		{Name: "max", Patterns: []string{"(max | maximum | full) volume", "turn [the] volume all the way up", "turn it all the way up"}},
		{Name: "mute", Patterns: []string{"mute [the volume | the sound | yourself | the speaker]", "(turn | switch) off the sound", "volume off"}},
		{Name: "unmute", Patterns: []string{"(turn | switch) (on | back on) the sound", "(turn | switch) the sound [back] on", "sound (on | back on)", "volume on", "stop being (muted | quiet)"}},
		{Name: "get", Patterns: []string{"what is the volume [level]", "how loud is it", "what volume is it [at]", "[what is the] current volume"}},
	}
}

func (v *VolumeSkill) Handle(_ context.Context, in intent.Intent) (intent.Reply, error) {
	cur, err := v.Service.Volume()
	if err != nil {
		return fail("volume", err)
	}
	next := cur
	switch in.Name {
	case "get":
		return intent.Reply{Text: fmt.Sprintf("The volume is %d percent.", cur)}, nil
	case "up":
		next = min(cur+10, 100)
	case "down":
		next = max(cur-10, 0)
	case "max":
		next = 100
	case "mute":
		if cur > 0 {
			v.before = cur
		}
		next = 0
	case "unmute":
		if cur > 0 {
			return intent.Reply{Text: fmt.Sprintf("The volume is %d percent.", cur)}, nil
		}
		next = v.before
		if next == 0 {
			next = 50
		}
	case "set":
		n, ok := in.Number("number")
		if !ok || n > 100 {
			return intent.Reply{Text: "The volume goes from 0 to 100."}, nil
		}
		next = n
	}
	if err := v.Service.SetVolume(next); err != nil {
		return fail("volume", err)
	}
	if in.Name == "mute" {
		return intent.Reply{Text: "Muted."}, nil
	}
	return intent.Reply{Text: fmt.Sprintf("Volume %d.", next)}, nil
}

// Help says what the owner can ask; with a Wallet that holds no tokens it
// also says that the paid skills need some.
type Help struct {
	Skills []intent.Skill
	Wallet Wallet
}

func (*Help) Name() string { return "help" }

func (*Help) Intents() []intent.Spec {
	return []intent.Spec{{Name: "help", Patterns: []string{
		"help [me]", "what can (you | i) (do | say | ask) [you]", "what do you do", "what (skills | commands) do you (have | know)",
		"what are your (skills | commands)", "what can you help [me] with", "how do i use you", "how do you work",
		"what are you able to do", "what (do you know | do you know how) to do",
	}}}
}

var examples = map[string]string{
	"clock":      "what time is it",
	"weather":    "what is the weather",
	"knowledge":  "tell me about the moon",
	"wallet":     "what is my balance",
	"miner":      "is the miner running",
	"governance": "list the open proposals",
	"volume":     "turn the volume up",
	"timer":      "set a timer for five minutes",
	"alarm":      "wake me up at seven thirty",
	"repeat":     "what did you say",
}

func (h *Help) Handle(ctx context.Context, _ intent.Intent) (intent.Reply, error) {
	rep, err := h.examples()
	if err == nil && emptyWallet(ctx, h.Wallet) {
		rep.Text += " " + SayNoTokensHelp
	}
	return rep, err
}

func (h *Help) examples() (intent.Reply, error) {
	var say []string
	for _, s := range h.Skills {
		if e, ok := examples[s.Name()]; ok {
			say = append(say, e)
		}
	}
	if len(say) == 0 {
		return intent.Reply{Text: "Press the button and ask me something."}, nil
	}
	if len(say) > 1 {
		say[len(say)-1] = "or " + say[len(say)-1]
	}
	return intent.Reply{Text: "You can ask: " + strings.Join(say, ", ") + "."}, nil
}
