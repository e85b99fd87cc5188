// Package wav reads and writes WAV files of 16-bit signed PCM, one channel,
// at any sample rate: the only audio file format the agent, the simulated
// board and the tests use. It does no resampling and no format conversion.
// Everything else (stereo, 8/24/32-bit, float, WAVE_FORMAT_EXTENSIBLE,
// compressed data) is rejected with ErrUnsupported; a file that is not RIFF
// WAVE, or whose header is inconsistent, is rejected with ErrFormat.
//
// Readers never trust the sizes in the header for allocation: a lying header
// costs an error, never a huge allocation. Writers keep the header right: a
// Writer patches the sizes on every Flush and on Close, so a file is a valid
// WAV up to the last flush even if the process stops.
//
// Any package of this module may import wav (board/sim, voice, tests).
package wav
