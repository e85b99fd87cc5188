#!/bin/sh
# make bench: every benchmark, one package at a time (so they do not disturb
# each other), each with a benchtime that fits it: a benchmark whose untimed
# setup dominates runs a fixed count (Nx), a cheap one a short time. The
# commands match the ones docs/performance.md gives next to each figure.
# After voice/wakeword's benchmarks, scripts/wakeword-ort-bench.sh prints what
# onnxruntime takes for the same wake word pipeline (BenchmarkWakeWordORT).
#
#   scripts/bench.sh           run them all (about 14 minutes on 2 cores)
#   scripts/bench.sh --check   only check that every Benchmark function in the
#                              tree is run by a row of the table below
set -eu
cd "$(dirname "$0")/.."
GO=${GO:-go}
TAGS=${TAGS:-} # build tags (make bench passes the tests' tags: pocketsphinx)

# package | -bench pattern | -benchtime | environment (optional)
table='
./board/sim|.|1s|
./board/mark1|.|1s|
./board/mark2|.|1s|
./voice|.|3s|
./voice/tts|.|1s|
./voice/vad|.|1s|
./voice/wakeword|WakeWord|1s|
./voice/wakeword|WakeAccuracy|1x|
./voice/psx|Recognize|20x|
./voice/psx|Spotter|1x|
./voice/psx|OutOfDomain|1x|
./voice/psx|WakeAccuracy|1x|
./internal/eip712|.|1s|
./internal/wav|.|1s|
./chain|.|1s|
./keystore|AEAD|1s|
./keystore|^Benchmark(Seal|Open)|1s|
./keystore|^BenchmarkUnlock$|3x|
./keystore|CalibratedUnlock|3x|
./miner/provider|VoucherSignVerify|ParseVoucher|1s|
./miner/provider|HonestUnderAttack|2000x|
./miner/pause|PauseToQuiesced|3000x|
./miner/storage|AuditProof|VerifyProof|NodeAudit|5000x|
./miner/storage|TreeBuild1GiB|3x|
./miner/storage|OversizedCommit|20x|
./wallet|CallCrypto|3000x|
./wallet|PaidCall|300x|
./wallet|ChainPer1000Calls|1x|
./wallet|ProviderThroughput|20000x|MYCROFT_BENCH_PAYERS=128
./wallet|^BenchmarkThroughput$|20000x|MYCROFT_BENCH_PAYERS=128
./agent|LocalAnswer|5x|
./agent|IdleRPC|1x|MYCROFT_BENCH_IDLE=5m
./agent|FirstDay|1x|
./agent|WebStatusPage|200x|
./agent/web|.|1s|
./agent|MessagebusPython|100x|
./agent/messagebus|.|500x|
./agent/satellite|.|100x|
./p2p|Connect|RoundTrip|1s|
./p2p|NATPaths|10x|
./update|ReleaseRollout|1x|
'

# rows prints "package<TAB>pattern<TAB>benchtime<TAB>env" for each row; the
# pattern may itself contain '|', so the package is the first field and the
# benchtime and env the last two.
rows() {
	printf '%s\n' "$table" | awk -F'|' 'NF >= 4 {
		pat = $2; for (i = 3; i <= NF - 2; i++) pat = pat "|" $i
		printf "%s\t%s\t%s\t%s\n", $1, pat, $(NF-1), $NF }'
}

check() {
	missing=0
	for f in $(grep -rl --include='*_test.go' '^func Benchmark' .); do
		pkg=./$(dirname "${f#./}")
		for b in $(sed -n 's/^func \(Benchmark[A-Za-z0-9_]*\)(.*/\1/p' "$f"); do
			pats=$(rows | awk -F'\t' -v p="$pkg" '$1 == p { print $2 }')
			found=0
			for p in $pats; do
				if printf '%s\n' "$b" | grep -Eq -- "$p"; then found=1; fi
			done
			case "$pkg" in ./board/portaudio) found=1 ;; esac # needs a sound card and cgo
			if [ $found = 0 ]; then
				echo "scripts/bench.sh: $b in $pkg is in no row of the table" >&2
				missing=1
			fi
		done
	done
	return $missing
}

if [ "${1:-}" = --check ]; then
	check
	exit
fi
check
echo "make bench: $(rows | wc -l) runs, one package at a time; $(date -u +%Y-%m-%d), $(nproc) cores"
start=$(date +%s)
rows | while IFS="$(printf '\t')" read -r pkg pat bt env; do
	echo "== $pkg -bench '$pat' -benchtime $bt ${env:+($env)}"
	t0=$(date +%s)
	if ls "$pkg"/*.go >/dev/null 2>&1; then
		# shellcheck disable=SC2086 # env is one or more NAME=VALUE words
		env $env $GO test -tags "$TAGS" -count=1 -p 1 -run '^$' -bench "$pat" -benchtime "$bt" -benchmem "$pkg"
	else
		echo "   no Go files in $pkg yet"
	fi
	# onnxruntime running the same wake word pipeline, once, next to the Go
	# engine's figure (prints "onnxruntime unavailable: why" without npm).
	if [ "$pkg" = ./voice/wakeword ] && [ -z "${ort_done:-}" ]; then
		scripts/wakeword-ort-bench.sh
		ort_done=1
	fi
	echo "   ($(($(date +%s) - t0)) s)"
done
echo "make bench: done in $(($(date +%s) - start)) s"
