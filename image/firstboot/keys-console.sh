#!/bin/sh
# Mycroft image: on the first boot with a screen and keyboard, ask the owner
# on the local console (tty1) for a keyring passphrase, have the agent make
# the keys, and show the 24 backup words once. They go to the console only
# (never to the journal, never over the network), and the screen and its
# scrollback are cleared once the owner has written them down. Run by
# mycroft-keys-console.service while no keyring exists.
set -u
mycroft=${MYCROFT:-/usr/bin/mycroft}
clear_screen() { printf '\033[H\033[2J\033[3J'; }
clear_screen
echo "Mycroft: first start of $(hostname)"
echo
# The agent answers once its API listens (a minute at most).
i=0
until "$mycroft" keys status >/dev/null 2>&1; do
	i=$((i + 1))
	[ $i -le 60 ] || { echo "The agent is not answering: see 'journalctl -u mycroft'."; exit 1; }
	sleep 1
done
if "$mycroft" keys status | grep -q 'initialised:[[:space:]]*true'; then
	exit 0
fi
cat <<'INTRO'
This speaker has no keys yet. It will now make its wallet key and the keys
that encrypt everything it stores, protected by a passphrase you choose.
You will then see 24 backup words, once: write them on paper.

(To do this later instead, press Ctrl-C: then run 'mycroft keys init' on
this console or over SSH, or use the owner's page on the device itself.)

INTRO
if ! "$mycroft" keys init; then
	echo "The keys were not made. Log in and run 'mycroft keys init' to try again."
	exit 1
fi
echo
printf 'Press Enter once you have written the words down (the screen is then cleared). '
read -r _
clear_screen
echo "Keys made. Log in with the account you set up, or over SSH."
