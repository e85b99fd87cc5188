package portaudio

// Defaults says which default devices portaudio offers and whether they
// take the formats OpenMic and OpenSpeaker ask for. Devices fills it
// without opening a stream.
type Defaults struct {
	// Input: a default input device that takes 16 kHz mono 16-bit, or the
	// device format OpenMic falls back to (DeviceRate, 32-bit, stereo).
	Input bool `json:"input"`
	// Output: a default output device that takes 16 kHz mono 16-bit.
	Output bool `json:"output"`
	// InputName and OutputName are the devices' names ("" when absent).
	InputName  string `json:"inputName,omitempty"`
	OutputName string `json:"outputName,omitempty"`
	// Notes say why a device is missing or refused (for logs).
	Notes []string `json:"notes,omitempty"`
}
