#!/bin/sh
# Memory of the agent with its ears loaded: `mycroft agent` on the simulated
# board (its microphone paced in real time, hearing silence), run as a child
# process with voice on (the openWakeWord engine, models from
# MYCROFT_WAKEWORD_DIR or /usr/share/mycroft/wakeword, and the local
# recogniser, pocketsphinx in process) and, for comparison, with voice off.
# With "p2p" as the third argument it measures instead the agent with voice
# off, p2p off and on (issue 15's idle target; the binary is then built with
# -tags device when none is given): a keyring is made first and unlocked at
# boot from keys.passphrase_file in both runs, since the host's identity is
# the wallet key; the host listens on loopback and has no peers.
# After SECONDS idle (default 10) it prints VmRSS with its anonymous and
# file-backed parts (RssAnon, RssFile: pages of the binary, which the kernel
# can drop), VmHWM, and what `mycroft status` says listens (wake) and
# recognises (stt), or the p2p host's peer id.
#   scripts/voice-memory.sh [EXE] [SECONDS] [voice|p2p]
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
exe=${1:-}
idle=${2:-10}
set=${3:-voice}
case $set in
voice) tags=pocketsphinx ;;
p2p) tags=device ;;
*)
	echo "voice-memory.sh: the set is voice or p2p, not $set" >&2
	exit 2
	;;
esac
if [ -z "$exe" ]; then
	go build -tags "$tags" -o "$tmp/mycroft" ./cmd/mycroft
	exe=$tmp/mycroft
fi

config() { # dir, voice.enabled, p2p.enabled, passphrase file or ""
	cat >"$1/agent.toml" <<EOF
[agent]
state_dir = "$1/state"
socket = "$1/agent.sock"
socket_group = ""
log_level = "warn"

[board]
kind = "sim"

[voice]
enabled = $2

[keys]
passphrase_file = "$4"

[p2p]
enabled = $3
listen_addrs = ["/ip4/127.0.0.1/tcp/0", "/ip4/127.0.0.1/udp/0/quic-v1"]
EOF
}

waitsock() { # socket, pid
	i=0
	while [ ! -S "$1" ]; do
		kill -0 "$2" 2>/dev/null || return 1
		i=$((i + 1))
		[ "$i" -lt 300 ] || return 1
		sleep 0.1
	done
}

# keyring DIR: a keyring in DIR/state, made through a first agent run, and
# its passphrase in DIR/pass (mode 0600).
keyring() {
	config "$1" false false ""
	(umask 077 && echo "memory-probe passphrase" >"$1/pass")
	"$exe" agent -config "$1/agent.toml" 2>"$1/log" &
	pid=$!
	if ! waitsock "$1/agent.sock" "$pid"; then
		cat "$1/log" >&2
		echo "the agent did not start" >&2
		exit 1
	fi
	"$exe" -socket "$1/agent.sock" keys init --passphrase-file "$1/pass" --words-file "$1/words" >/dev/null
	kill "$pid"
	wait "$pid" || true
	rm -f "$1/agent.sock"
}

measure() { # name, voice.enabled, p2p.enabled, passphrase file or ""
	dir=$tmp/$1
	mkdir -p "$dir"
	if [ -n "$4" ]; then
		keyring "$dir"
	fi
	config "$dir" "$2" "$3" "${4:+$dir/pass}"
	"$exe" agent -config "$dir/agent.toml" 2>"$dir/log" &
	pid=$!
	sleep "$idle"
	if ! kill -0 "$pid" 2>/dev/null; then
		cat "$dir/log" >&2
		echo "the agent stopped" >&2
		exit 1
	fi
	st=/proc/$pid/status
	rss=$(awk '/^VmRSS:/ {print $2}' "$st")
	anon=$(awk '/^RssAnon:/ {print $2}' "$st")
	file=$(awk '/^RssFile:/ {print $2}' "$st")
	hwm=$(awk '/^VmHWM:/ {print $2}' "$st")
	kids=$(cat /proc/"$pid"/task/*/children 2>/dev/null | wc -w)
	what=$("$exe" -socket "$dir/agent.sock" status --json 2>/dev/null | grep -Eo '"(wake|stt|peer)": *"[^"]*"' | tr '\n' ' ' || true)
	kill "$pid"
	wait "$pid" || true
	echo "$1: VmRSS $rss kB ($((rss / 1024)) MiB; anon $anon kB, file $file kB), VmHWM $hwm kB ($((hwm / 1024)) MiB), $kids child processes; $what"
}

case $set in
voice)
	measure voice-off false false ""
	measure voice-on true false ""
	;;
p2p)
	measure p2p-off false false yes
	measure p2p-on false true yes
	;;
esac
