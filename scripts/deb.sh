#!/bin/sh
# Build a Debian package of the agent: scripts/deb.sh ARCH BINARY VERSION OUTDIR
# ARCH is a Debian architecture (arm64, armhf, amd64). The package holds the
# binary, the systemd unit, the default configuration (a conffile), a
# postinst that creates the service user and groups with install.sh, and
# openWakeWord's wake word models in /usr/share/mycroft/wakeword (fetched now
# with wakeword-models.sh, or copied from $WAKEWORD_DIR when set, and checked
# against its sums either way; CC BY-NC-SA 4.0, non-commercial use only, said
# in the package's copyright file). With RING_HELPER set to the Mark II
# LED ring helper's binary (cmd/mycroft-ring), the package also carries it
# in /usr/libexec/mycroft with its socket and service units (the socket is
# enabled: the helper only starts when the agent of an R10 connects).
set -eu
[ $# -eq 4 ] || { echo "usage: $0 ARCH BINARY VERSION OUTDIR" >&2; exit 2; }
arch=$1 bin=$2 version=$3 out=$4
here="$(cd "$(dirname "$0")" && pwd)"
# Debian versions must start with a digit.
case "$version" in [0-9]*) ;; v[0-9]*) version=${version#v} ;; *) version="0.0.0+$version" ;; esac
version=$(printf %s "$version" | tr -c 'A-Za-z0-9.+~\n-' '+')
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
install -D -m 0755 "$bin" "$root/usr/bin/mycroft"
install -D -m 0644 "$here/mycroft.service" "$root/lib/systemd/system/mycroft.service"
sed -i 's|/usr/local/bin/mycroft|/usr/bin/mycroft|' "$root/lib/systemd/system/mycroft.service"
if [ -n "${RING_HELPER:-}" ]; then
	install -D -m 0755 "$RING_HELPER" "$root/usr/libexec/mycroft/mycroft-ring"
	install -D -m 0644 "$here/mycroft-ring.socket" "$root/lib/systemd/system/mycroft-ring.socket"
	install -D -m 0644 "$here/mycroft-ring.service" "$root/lib/systemd/system/mycroft-ring.service"
fi
install -D -m 0644 "$here/agent.toml" "$root/etc/mycroft/agent.toml"
install -D -m 0755 "$here/install.sh" "$root/usr/share/mycroft/install.sh"
models="$root/usr/share/mycroft/wakeword"
if [ -n "${WAKEWORD_DIR:-}" ]; then
	"$here/wakeword-models.sh" "$WAKEWORD_DIR" >/dev/null
	cp -R "$WAKEWORD_DIR" "$models"
fi
"$here/wakeword-models.sh" "$models" >/dev/null # fetches, or checks the copy
mkdir -p "$root/usr/share/doc/mycroft"
{
	cat <<'COPYRIGHT'
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: mycroft
Comment: The wake word models in /usr/share/mycroft/wakeword are openWakeWord's,
 under their own licence (below): non-commercial use only.

Files: usr/share/mycroft/wakeword/*
Copyright: David Scripka (openWakeWord, https://github.com/dscripka/openWakeWord)
License: CC-BY-NC-SA-4.0
Comment: NON-COMMERCIAL: these models may be used, shared and adapted only for
 non-commercial purposes, with attribution, and adaptations shared under the
 same licence. A device or service sold or run for commercial advantage needs
 other wake word models (or the author's permission). openWakeWord's code is
 Apache-2.0; its pre-trained models are CC BY-NC-SA 4.0. The files, their
 source and their sha256 sums (from /usr/share/mycroft/wakeword/LICENSE.txt):
COPYRIGHT
	sed -e 's/^$/./' -e 's/^/ /' "$models/LICENSE.txt"
	cat <<'COPYRIGHT'

License: CC-BY-NC-SA-4.0
 Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International
 Public License. You are free to share (copy and redistribute in any medium or
 format) and adapt (remix, transform and build upon) the material under these
 terms: Attribution (give appropriate credit, provide a link to the licence
 and indicate if changes were made); NonCommercial (not for commercial
 purposes); ShareAlike (distribute your contributions under the same
 licence); no additional restrictions.
 .
 This is a summary, not the licence. The full legal code is at
 https://creativecommons.org/licenses/by-nc-sa/4.0/legalcode
COPYRIGHT
} >"$root/usr/share/doc/mycroft/copyright"
chmod 0644 "$root/usr/share/doc/mycroft/copyright"
mkdir -p "$root/DEBIAN"
# The cgo build links pocketsphinx (on-device recognition): then the package
# cannot start without it, so it is a dependency, not a recommendation.
depends="libportaudio2, flite | espeak-ng" recommends="pocketsphinx, pocketsphinx-en-us"
if grep -q 'libpocketsphinx\.so' "$bin"; then
	depends="$depends, pocketsphinx" recommends="pocketsphinx-en-us"
fi
cat > "$root/DEBIAN/control" <<CONTROL
Package: mycroft
Version: $version
Architecture: $arch
Maintainer: mycroft maintainers <maintainers@mycroft.invalid>
Depends: $depends
Recommends: $recommends
Section: sound
Priority: optional
Description: decentralised agent for Mycroft Mark I and Mark II speakers
 One binary that drives the speaker's microphone, speaker, faceplate and
 buttons, keeps the owner's keys and data encrypted on the device, pays for
 speech-to-text, weather and knowledge calls over payment channels, and
 can earn tokens by serving other devices.
 .
 Includes openWakeWord's "hey mycroft" wake word models, licensed CC BY-NC-SA
 4.0: non-commercial use only (see /usr/share/doc/mycroft/copyright).
CONTROL
echo /etc/mycroft/agent.toml > "$root/DEBIAN/conffiles"
cat > "$root/DEBIAN/postinst" <<'POSTINST'
#!/bin/sh
set -e
if [ "$1" = configure ]; then
  /usr/share/mycroft/install.sh --accounts
  install -d -m 0700 -o mycroft -g mycroft /var/lib/mycroft
  if [ -d /run/systemd/system ]; then
    systemctl daemon-reload
    systemctl enable mycroft.service >/dev/null
    if [ -f /lib/systemd/system/mycroft-ring.socket ]; then
      systemctl enable --now mycroft-ring.socket >/dev/null || true
    fi
    systemctl restart mycroft.service || true
  fi
fi
POSTINST
cat > "$root/DEBIAN/prerm" <<'PRERM'
#!/bin/sh
set -e
if [ -d /run/systemd/system ] && [ "$1" = remove ]; then
  systemctl disable --now mycroft.service || true
  if [ -f /lib/systemd/system/mycroft-ring.socket ]; then
    systemctl disable --now mycroft-ring.socket mycroft-ring.service || true
  fi
fi
PRERM
chmod 0755 "$root/DEBIAN/postinst" "$root/DEBIAN/prerm"
mkdir -p "$out"
dpkg-deb --root-owner-group --build "$root" "$out/mycroft_${version}_${arch}.deb" >/dev/null
echo "$out/mycroft_${version}_${arch}.deb"
