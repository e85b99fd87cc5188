package wyoming

// The events of a satellite's conversation with its pipeline server (Home
// Assistant): who it is (describe, info), when it may stream (run-satellite,
// pause-satellite), a pipeline run (run-pipeline, transcript, synthesize)
// and the end of an answer's playback (played).

// Event types of the satellite protocol.
const (
	TypeDescribe        = "describe"
	TypeInfo            = "info"
	TypeRunSatellite    = "run-satellite"
	TypePauseSatellite  = "pause-satellite"
	TypeRunPipeline     = "run-pipeline"
	TypeTranscribe      = "transcribe"
	TypeTranscript      = "transcript"
	TypeSynthesize      = "synthesize"
	TypePlayed          = "played"
	TypeVoiceStarted    = "voice-started"
	TypeVoiceStopped    = "voice-stopped"
	TypeStreamingStart  = "streaming-started"
	TypeStreamingStop   = "streaming-stopped"
	TypeSatelliteOnline = "satellite-connected"
)

// Pipeline stages of run-pipeline.
const (
	StageWake   = "wake"
	StageASR    = "asr"
	StageHandle = "handle"
	StageTTS    = "tts"
)

// RunPipeline is the data of run-pipeline.
type RunPipeline struct {
	StartStage   string `json:"start_stage"`
	EndStage     string `json:"end_stage"`
	WakeWordName string `json:"wake_word_name,omitempty"`
	RestartOnEnd bool   `json:"restart_on_end"`
}

// Transcript is the data of transcript.
type Transcript struct {
	Text     string `json:"text"`
	Language string `json:"language,omitempty"`
}

// Synthesize is the data of synthesize (the answer's text; the audio
// follows as audio-start, audio-chunk..., audio-stop).
type Synthesize struct {
	Text string `json:"text"`
}

// Ping is the data of ping and pong.
type Ping struct {
	Text string `json:"text,omitempty"`
}

// Attribution names who made a program or model.
type Attribution struct {
	Name string `json:"name"`
	URL  string `json:"url"`
}

// Artifact is what every program and model of info has.
type Artifact struct {
	Name        string      `json:"name"`
	Attribution Attribution `json:"attribution"`
	Installed   bool        `json:"installed"`
	Description string      `json:"description,omitempty"`
	Version     string      `json:"version,omitempty"`
}

// WakeModel is one wake word of a WakeProgram.
type WakeModel struct {
	Artifact
	Languages []string `json:"languages"`
	Phrase    string   `json:"phrase,omitempty"`
}

// WakeProgram is a wake word engine in info.
type WakeProgram struct {
	Artifact
	Models []WakeModel `json:"models"`
}

// AudioFormat is a mic or speaker format in info.
type AudioFormat struct {
	Rate     int `json:"rate"`
	Width    int `json:"width"`
	Channels int `json:"channels"`
}

// MicProgram is a microphone in info.
type MicProgram struct {
	Artifact
	MicFormat AudioFormat `json:"mic_format"`
}

// SndProgram is a speaker in info.
type SndProgram struct {
	Artifact
	SndFormat AudioFormat `json:"snd_format"`
}

// SatelliteInfo is the satellite part of info.
type SatelliteInfo struct {
	Artifact
	Area               string   `json:"area,omitempty"`
	HasVAD             bool     `json:"has_vad"`
	ActiveWakeWords    []string `json:"active_wake_words"`
	MaxActiveWakeWords int      `json:"max_active_wake_words"`
	SupportsTrigger    bool     `json:"supports_trigger"`
}

// Info is the data of info (a satellite's: no asr, tts, handle or intent
// programs of its own).
type Info struct {
	ASR       []any          `json:"asr"`
	TTS       []any          `json:"tts"`
	Handle    []any          `json:"handle"`
	Intent    []any          `json:"intent"`
	Wake      []WakeProgram  `json:"wake"`
	Mic       []MicProgram   `json:"mic,omitempty"`
	Snd       []SndProgram   `json:"snd,omitempty"`
	Satellite *SatelliteInfo `json:"satellite,omitempty"`
}
