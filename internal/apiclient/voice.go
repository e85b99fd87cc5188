package apiclient

import (
	"context"
	"strconv"
	"time"
)

// VoiceAskRequest is the body of POST /v1/voice/ask.
type VoiceAskRequest struct {
	Text string `json:"text"`
}

// VoiceAskReply is its answer: everything the device said.
type VoiceAskReply struct {
	Reply string `json:"reply"`
}

// VoiceHearRequest is the body of POST /v1/voice/hear (simulated board
// only): an absolute path, on the agent's machine, of a 16 kHz mono WAV to
// play into the microphone after a press of the action button.
type VoiceHearRequest struct {
	Path string `json:"path"`
}

// VoiceHearReply is its answer. After is the ID of the last interaction
// before this one: the file's interaction is the first with a greater ID.
type VoiceHearReply struct {
	After uint64 `json:"after"`
}

// VoiceInteraction is the answer of GET /v1/voice/last: the interaction in
// progress or the last one that ended (ID 0: none yet).
type VoiceInteraction struct {
	ID         uint64    `json:"id"`
	Trigger    string    `json:"trigger"` // "button", "wake" or "text"
	Transcript string    `json:"transcript"`
	Reply      string    `json:"reply"`
	Error      string    `json:"error,omitempty"`
	Start      time.Time `json:"start,omitzero"`
	End        time.Time `json:"end,omitzero"`
	// Faces are the faceplate states shown from the trigger to the end:
	// "listening", "thinking", "speaking", "idle", "error", ...
	Faces []string `json:"faces"`
	Done  bool     `json:"done"`
}

// VoiceFace is one faceplate state shown, numbered from 1 since the agent
// started.
type VoiceFace struct {
	Seq   uint64    `json:"seq"`
	State string    `json:"state"`
	At    time.Time `json:"at"`
}

// FaceStates is the sequence of states shown, a state repeated in a row
// counted once.
func FaceStates(faces []VoiceFace) []string {
	var out []string
	for _, f := range faces {
		if len(out) == 0 || out[len(out)-1] != f.State {
			out = append(out, f.State)
		}
	}
	return out
}

// VoiceFaces is the answer of GET /v1/voice/faces?since=N: the states
// numbered above N still remembered (the last 512), and the number the
// next one will get (pass Next-1 as since to get only newer ones).
type VoiceFaces struct {
	Faces []VoiceFace `json:"faces"`
	Next  uint64      `json:"next"`
}

// VoiceStatus is the answer of GET /v1/voice/status and the "voice" part of
// GET /v1/status.
type VoiceStatus struct {
	Enabled        bool      `json:"enabled"`
	State          string    `json:"state"` // a face state, or "off"
	Muted          bool      `json:"muted"`
	Mining         bool      `json:"mining"`
	Microphone     bool      `json:"microphone"`
	Speaker        bool      `json:"speaker"`
	Frames         uint64    `json:"frames"`
	Dropped        uint64    `json:"dropped"`
	MutedReads     uint64    `json:"muted_reads"`
	ReadErrors     uint64    `json:"read_errors"`
	Utterances     uint64    `json:"utterances"`
	Asked          uint64    `json:"asked"`
	NoSpeech       uint64    `json:"no_speech"`
	Errors         uint64    `json:"errors"`
	Gated          uint64    `json:"gated"`
	WakeConnected  bool      `json:"wake_connected"`
	WakeDetections uint64    `json:"wake_detections"`
	WakeIgnored    uint64    `json:"wake_ignored"`
	WakeDropped    uint64    `json:"wake_dropped"`
	KeepVoice      string    `json:"keep_voice,omitempty"`
	LastUtterance  time.Time `json:"last_utterance,omitzero"`
	LastError      string    `json:"last_error,omitempty"`
	// Note says what is left out: "no microphone: only typed questions
	// (mycroft ask) are answered", no speech-to-text, no speaker.
	Note string `json:"note,omitempty"`
	// STT is the speech-to-text used ("local", "paid", "local, then paid
	// under the threshold", ...); STTNote says why local is not used.
	STT     string `json:"stt,omitempty"`
	STTNote string `json:"stt_note,omitempty"`
	// Wake is the wake word engine listening ("openwakeword
	// hey_mycroft_v0.1", "pocketsphinx \"hey mycroft\"", "wyoming
	// tcp://...", "off"); WakeNote says why it is not the one configured.
	Wake     string `json:"wake,omitempty"`
	WakeNote string `json:"wake_note,omitempty"`
}

// VoiceAsk asks a typed question and returns the reply.
func (c *Client) VoiceAsk(ctx context.Context, text string) (string, error) {
	var out VoiceAskReply
	err := c.Post(ctx, "/voice/ask", VoiceAskRequest{Text: text}, &out)
	return out.Reply, err
}

// VoiceHear plays a WAV into the simulated board's microphone.
func (c *Client) VoiceHear(ctx context.Context, path string) (VoiceHearReply, error) {
	var out VoiceHearReply
	err := c.Post(ctx, "/voice/hear", VoiceHearRequest{Path: path}, &out)
	return out, err
}

// VoiceLast returns the interaction in progress or the last one.
func (c *Client) VoiceLast(ctx context.Context) (VoiceInteraction, error) {
	var out VoiceInteraction
	err := c.Get(ctx, "/voice/last", &out)
	return out, err
}

// VoiceFaces returns the faceplate states numbered above since.
func (c *Client) VoiceFaces(ctx context.Context, since uint64) (VoiceFaces, error) {
	var out VoiceFaces
	err := c.Get(ctx, "/voice/faces?since="+strconv.FormatUint(since, 10), &out)
	return out, err
}

// VoiceStatus returns the voice pipeline's state and counters.
func (c *Client) VoiceStatus(ctx context.Context) (VoiceStatus, error) {
	var out VoiceStatus
	err := c.Get(ctx, "/voice/status", &out)
	return out, err
}

// VoiceSettings are the voice settings the owner changes while the agent
// runs (the owner's page, mycroft voice set).
type VoiceSettings struct {
	// Wake: the wake word is listened for. WakeEngine is what listens
	// ("off" when no engine is loaded: voice.wake_engine in agent.toml).
	Wake       bool   `json:"wake"`
	WakeEngine string `json:"wake_engine"`
	// STT is local, local-first or paid-first.
	STT string `json:"stt"`
	// KeepVoice is how long recordings are kept ("0s": never).
	KeepVoice string `json:"keep_voice"`
	// Owner: the owner has changed them (they are stored and win over
	// agent.toml's [voice]); false: agent.toml's.
	Owner bool `json:"owner"`
}

// VoiceSettingsRequest changes the fields it sets; Reset goes back to
// agent.toml's values first.
type VoiceSettingsRequest struct {
	Wake      *bool  `json:"wake,omitempty"`
	STT       string `json:"stt,omitempty"`
	KeepVoice string `json:"keep_voice,omitempty"`
	Reset     bool   `json:"reset,omitempty"`
}

// VoiceSettings returns the voice settings in force.
func (c *Client) VoiceSettings(ctx context.Context) (VoiceSettings, error) {
	var out VoiceSettings
	err := c.Get(ctx, "/voice/settings", &out)
	return out, err
}

// SetVoiceSettings changes them, at once and for good.
func (c *Client) SetVoiceSettings(ctx context.Context, req VoiceSettingsRequest) (VoiceSettings, error) {
	var out VoiceSettings
	err := c.Post(ctx, "/voice/settings", req, &out)
	return out, err
}
