#!/bin/sh
# Build a Debian package of the agent: scripts/deb.sh ARCH BINARY VERSION OUTDIR
# ARCH is a Debian architecture (arm64, armhf, amd64). The package holds the
# binary, the systemd unit, the default configuration (a conffile) and a
# postinst that creates the service user and groups with install.sh.
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
install -D -m 0644 "$here/agent.toml" "$root/etc/mycroft/agent.toml"
install -D -m 0755 "$here/install.sh" "$root/usr/share/mycroft/install.sh"
mkdir -p "$root/DEBIAN"
cat > "$root/DEBIAN/control" <<CONTROL
Package: mycroft
Version: $version
Architecture: $arch
Maintainer: mycroft maintainers <maintainers@mycroft.invalid>
Depends: libportaudio2, flite | espeak-ng
Recommends: pocketsphinx, pocketsphinx-en-us
Section: sound
Priority: optional
Description: decentralised agent for Mycroft Mark I and Mark II speakers
 One binary that drives the speaker's microphone, speaker, faceplate and
 buttons, keeps the owner's keys and data encrypted on the device, pays for
 speech-to-text, weather and knowledge calls over payment channels, and
 can earn tokens by serving other devices.
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
    systemctl restart mycroft.service || true
  fi
fi
POSTINST
cat > "$root/DEBIAN/prerm" <<'PRERM'
#!/bin/sh
set -e
if [ -d /run/systemd/system ] && [ "$1" = remove ]; then
  systemctl disable --now mycroft.service || true
fi
PRERM
chmod 0755 "$root/DEBIAN/postinst" "$root/DEBIAN/prerm"
mkdir -p "$out"
dpkg-deb --root-owner-group --build "$root" "$out/mycroft_${version}_${arch}.deb" >/dev/null
echo "$out/mycroft_${version}_${arch}.deb"
