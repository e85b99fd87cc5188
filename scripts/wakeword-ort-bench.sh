#!/bin/sh
# What the wake word pipeline costs with onnxruntime on one thread, printed as
# one Go benchmark line (BenchmarkWakeWordORT) to compare with the Go engine's
# BenchmarkWakeWord; make bench runs it right after voice/wakeword's benchmarks.
#
#   scripts/wakeword-ort-bench.sh [WAV [SECONDS]]
#
# WAV defaults to voice/wakeword/testdata/hey_mycroft_test.wav, looped to
# SECONDS (60) of audio. onnxruntime-node (pinned below) is installed with npm
# into $BIN/ort-node (bin/ort-node) the first time and reused; the models are
# those in $MYCROFT_WAKEWORD_DIR (default $BIN/wakeword), fetched with
# wakeword-models.sh when missing. Without node, npm, the registry or the
# models it prints "onnxruntime unavailable: why" and exits 0: a machine
# without npm still runs make bench.
set -eu
abs() { case $1 in /*) printf '%s\n' "$1" ;; *) printf '%s\n' "$PWD/$1" ;; esac; }
wav=$(abs "${1:-$(dirname "$0")/../voice/wakeword/testdata/hey_mycroft_test.wav}")
seconds=${2:-60}
cd "$(dirname "$0")/.."
BIN=$(abs "${BIN:-bin}")
ort_version=1.30.0
cache=$BIN/ort-node
models=$(abs "${MYCROFT_WAKEWORD_DIR:-$BIN/wakeword}")

unavailable() {
	echo "onnxruntime unavailable: $*"
	exit 0
}

[ -f "$wav" ] || { echo "wakeword-ort-bench: no such WAV: $wav" >&2; exit 2; }
command -v node >/dev/null 2>&1 || unavailable "node not found (make deps installs it)"

installed() {
	[ -f "$cache/node_modules/onnxruntime-node/package.json" ] &&
		[ "$(node -p 'require(process.argv[1]).version' "$cache/node_modules/onnxruntime-node/package.json" 2>/dev/null)" = "$ort_version" ]
}
if ! installed; then
	command -v npm >/dev/null 2>&1 || unavailable "npm not found (make deps installs it)"
	# Installed next to the cache, then renamed: never a half-installed cache.
	# --ignore-scripts: the postinstall would download CUDA libraries.
	mkdir -p "$BIN"
	tmp="$BIN/.ort-node.new.$$"
	trap 'rm -rf "$tmp"' EXIT
	trap 'exit 1' HUP INT TERM
	mkdir "$tmp"
	echo "wakeword-ort-bench: installing onnxruntime-node@$ort_version into $cache"
	if ! npm install --prefix "$tmp" --ignore-scripts --no-audit --no-fund --loglevel=error "onnxruntime-node@$ort_version" >"$tmp.log" 2>&1; then
		tail -n 5 "$tmp.log" >&2
		rm -f "$tmp.log"
		unavailable "npm install onnxruntime-node@$ort_version failed (is the npm registry reachable?)"
	fi
	rm -f "$tmp.log"
	rm -rf "$cache"
	mv "$tmp" "$cache"
fi
export NODE_PATH="$cache/node_modules"
node -e 'require("onnxruntime-node")' >/dev/null 2>&1 ||
	unavailable "onnxruntime-node@$ort_version has no native library for $(uname -s) $(uname -m) or does not load"

if ! scripts/wakeword-models.sh "$models" >/dev/null; then
	unavailable "wake word models not in $models and scripts/wakeword-models.sh could not fetch them"
fi
exec node scripts/wakeword-ort-bench.mjs "$models" "$wav" "$seconds"
