#!/bin/sh
# Peak memory of `mycroft demo --unattended`: every 200 ms, the sum of VmRSS
# over the demo's process tree (the demo with its in-process devnet, the
# agents and their pocketsphinx children); prints the maximum in kB.
#   scripts/demo-memory.sh [bin/mycroft]
set -eu
exe=${1:-bin/mycroft}
"$exe" demo --unattended >/dev/null 2>&1 &
root=$!
peak=0
tree() { # pids of $1 and its descendants
	echo "$1"
	for c in $(cat /proc/"$1"/task/*/children 2>/dev/null); do tree "$c"; done
}
while kill -0 "$root" 2>/dev/null; do
	sum=0
	for p in $(tree "$root"); do
		kb=$(awk '/^VmRSS:/ {print $2}' /proc/"$p"/status 2>/dev/null || true)
		sum=$((sum + ${kb:-0}))
	done
	[ "$sum" -gt "$peak" ] && peak=$sum
	sleep 0.2
done
wait "$root" || { echo "demo failed" >&2; exit 1; }
echo "demo peak memory: $peak kB ($((peak / 1024)) MiB)"
