// Package wakecorpus makes the audio sets the wake word accuracy
// benchmarks measure (voice/wakeword's and voice/psx's
// BenchmarkWakeAccuracy): one deterministic recipe, so both engines hear
// the same audio. It runs espeak-ng, flite and sox (os/exec) and is for
// benchmarks only: nothing outside _test.go files may import it.
//
// The sets (16 kHz mono):
//   - Prose: prose.txt (ordinary sentences, some with "hey", "my",
//     "craft", "croft", "microsoft", "minecraft", "mike") read round-robin
//     by nine voice/speed pairs (ProseVoices), clean and with white or pink
//     noise at 20, 10 and 5 dB SNR.
//   - NearMiss: NearMissPhrases said by every voice of ProseVoices.
//   - Positive: the real recording of "hey mycroft" augmented with sox
//     (gain, tempo, pitch, reverb) and noise; "hey mycroft" in espeak-ng
//     voices from its phoneme input (the text says "MICK-roft") and in
//     flite voices with a lexicon entry; and espeak-ng's text reading as a
//     control.
//
// Utterances in NearMiss and Positive sets stand alone: 1 s of silence
// before, 2 s after (more than a detector's refractory period), with the
// noise over the whole piece.
package wakecorpus
