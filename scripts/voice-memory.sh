#!/bin/sh
# Memory of the agent with its ears loaded: `mycroft agent` on the simulated
# board (its microphone paced in real time, hearing silence), run as a child
# process with voice on (the openWakeWord engine, models from
# MYCROFT_WAKEWORD_DIR or /usr/share/mycroft/wakeword, and the local
# recogniser, pocketsphinx in process) and, for comparison, with voice off.
# After SECONDS idle (default 10) it prints VmRSS and VmHWM of the process
# and what `mycroft status` says listens (wake) and recognises (stt).
#   scripts/voice-memory.sh [bin/mycroft built with -tags pocketsphinx] [SECONDS]
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
exe=${1:-}
if [ -z "$exe" ]; then
	go build -tags pocketsphinx -o "$tmp/mycroft" ./cmd/mycroft
	exe=$tmp/mycroft
fi
idle=${2:-10}

measure() { # name, voice.enabled
	dir=$tmp/$1
	mkdir -p "$dir"
	cat >"$dir/agent.toml" <<EOF
[agent]
state_dir = "$dir/state"
socket = "$dir/agent.sock"
socket_group = ""
log_level = "warn"

[board]
kind = "sim"

[voice]
enabled = $2
EOF
	"$exe" agent -config "$dir/agent.toml" 2>"$dir/log" &
	pid=$!
	sleep "$idle"
	if ! kill -0 "$pid" 2>/dev/null; then
		cat "$dir/log" >&2
		echo "the agent stopped" >&2
		exit 1
	fi
	rss=$(awk '/^VmRSS:/ {print $2}' /proc/"$pid"/status)
	hwm=$(awk '/^VmHWM:/ {print $2}' /proc/"$pid"/status)
	kids=$(cat /proc/"$pid"/task/*/children 2>/dev/null | wc -w)
	listen=$("$exe" -socket "$dir/agent.sock" status --json 2>/dev/null | grep -Eo '"(wake|stt)": *"[^"]*"' | tr '\n' ' ' || true)
	kill "$pid"
	wait "$pid" || true
	echo "$1: VmRSS $rss kB ($((rss / 1024)) MiB), VmHWM $hwm kB ($((hwm / 1024)) MiB), $kids child processes; $listen"
}

measure voice-off false
measure voice-on true
