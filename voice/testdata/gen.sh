#!/bin/sh
# gen.sh regenerates the speech fixtures of package voice. It needs flite and
# sox. The WAV files it writes are committed, so tests never depend on the
# exact versions of the speech engines; fixtures.json records where speech
# begins and ends in each file (sample offsets at 16 kHz), which is the
# reference the endpointer tests compare against.
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# speak TEXT OUT: TTS, 16 kHz mono s16, peak normalised to -3 dBFS, leading and
# trailing quiet (below 0.5 % of full scale) trimmed.
speak() {
	flite -voice slt -t "$1" -o "$tmp/raw.wav"
	sox "$tmp/raw.wav" -r 16000 -c 1 -b 16 "$2" gain -n -3 \
		silence 1 0.005 0.5% reverse silence 1 0.005 0.5% reverse
}

# pad IN OUT BEFORE AFTER: digital silence around IN.
pad() { sox "$1" "$2" pad "$3" "$4"; }

# noisy IN OUT VOL: IN mixed with white noise of amplitude VOL (fixed seed).
noisy() {
	len=$(soxi -D "$1")
	sox -R -n -r 16000 -c 1 -b 16 "$tmp/noise.wav" synth "$len" whitenoise vol "$3"
	sox -m -v 1 "$1" -v 1 "$tmp/noise.wav" -b 16 "$2"
}

json="{"
sep=""
# record NAME START END: one entry of fixtures.json.
record() {
	json="$json$sep
  \"$1\": {\"speechStart\": $2, \"speechEnd\": $3}"
	sep=","
}

before=0.5
after=1.5
bs=8000 # 0.5 s at 16 kHz

speak "what time is it" "$tmp/time.wav"
n=$(soxi -s "$tmp/time.wav")
pad "$tmp/time.wav" time.wav $before $after
record time.wav $bs $((bs + n))
for v in 0.003 0.01 0.03; do
	name="time_noise_${v#0.}.wav"
	noisy time.wav "$name" "$v"
	record "$name" $bs $((bs + n))
done

# A pause of 0.4 s inside the sentence, shorter than the 0.7 s end silence:
# the endpointer must not split it.
speak "what is" "$tmp/a.wav"
speak "the weather" "$tmp/b.wav"
sox -n -r 16000 -c 1 -b 16 "$tmp/gap.wav" trim 0 0.4
sox "$tmp/a.wav" "$tmp/gap.wav" "$tmp/b.wav" "$tmp/pause.wav"
n=$(soxi -s "$tmp/pause.wav")
pad "$tmp/pause.wav" pause.wav $before $after
record pause.wav $bs $((bs + n))

speak "how much money do i have" "$tmp/money.wav"
n=$(soxi -s "$tmp/money.wav")
pad "$tmp/money.wav" money.wav $before $after
record money.wav $bs $((bs + n))

# Only silence, and only noise: no speech at all.
sox -n -r 16000 -c 1 -b 16 silence.wav trim 0 6
record silence.wav 0 0
sox -R -n -r 16000 -c 1 -b 16 noise.wav synth 6 whitenoise vol 0.01
record noise.wav 0 0

printf '%s\n}\n' "$json" > fixtures.json
