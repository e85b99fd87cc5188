// Package wakeword runs openWakeWord's pre-trained ONNX models ("hey
// mycroft" first) in process, with hand-written kernels: no ONNX runtime,
// no service, no network.
//
// Three graphs run every 80 ms: melspectrogram.onnx (an STFT as strided
// convolutions, a mel filterbank, dB), embedding_model.onnx (a
// convolution stack over the last 76 mel frames) and a wake word model (a
// small dense network over the last 16 embeddings, ending in a sigmoid
// score). The package reads the graphs' weights from the .onnx files
// (onnx.go, a minimal protobuf reader), checks each graph has the
// structure its kernels implement and refuses any other with ErrModel.
// The embedding runs streaming: each layer keeps its activations and
// computes only the rows the new 8 frames change, which is 5.6 M of the
// whole window's 42 M multiply-adds. The dot products have AVX2/FMA
// (amd64) and NEON (arm64) versions; other architectures (armv7) use
// plain Go. Scores match onnxruntime's within 1e-4
// (testdata/reference.json, made with testdata/reference.mjs).
//
// Detector applies threshold, patience and a refractory period and runs as
// the voice pipeline's wake word engine. The models (CC BY-NC-SA 4.0) are
// not in the repository: scripts/wakeword-models.sh fetches them (make
// deps, the .deb). See docs/voice.md, "Wake word".
package wakeword
