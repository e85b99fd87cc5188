#!/bin/sh
# Install or remove the mycroft agent on a device (Raspberry Pi OS / Debian).
#
#   scripts/install.sh [BINARY]      install (idempotent): user, groups,
#                                    binary, systemd unit, default config
#   scripts/install.sh --uninstall   remove binary and unit; keep the state
#                                    (keyring, database) and the config
#   scripts/install.sh --purge       also delete /var/lib/mycroft and
#                                    /etc/mycroft (the wallet key goes with it)
#   scripts/install.sh --accounts    only create the user and groups
#
# ROOT=dir installs under dir instead of / (for images and tests); then no
# user is created and systemctl is not called. RING_HELPER=path (make
# ring-helper) also installs the Mark II R10 LED ring helper and its units
# (docs/images.md, "Privileges").
set -eu

ROOT="${ROOT:-}"
here="$(cd "$(dirname "$0")" && pwd)"
bin_dst="$ROOT/usr/local/bin/mycroft"
unit_dst="$ROOT/etc/systemd/system/mycroft.service"
conf_dir="$ROOT/etc/mycroft"
state_dir="$ROOT/var/lib/mycroft"
ring_dst="$ROOT/usr/local/libexec/mycroft/mycroft-ring"
ring_units="$ROOT/etc/systemd/system/mycroft-ring.socket $ROOT/etc/systemd/system/mycroft-ring.service"

systemctl_() { [ -z "$ROOT" ] && command -v systemctl >/dev/null 2>&1 && systemctl "$@" || true; }

# copy_if_changed SRC DST MODE: skip writes that change nothing (SD cards wear).
copy_if_changed() {
  if [ -f "$2" ] && cmp -s "$1" "$2"; then return 0; fi
  mkdir -p "$(dirname "$2")"
  install -m "$3" "$1" "$2.new"
  mv -f "$2.new" "$2"
  echo "installed $2"
}

# accounts: the service user and the hardware groups (also run by the .deb's
# postinst).
accounts() {
  getent group mycroft >/dev/null || groupadd --system mycroft
  id mycroft >/dev/null 2>&1 || useradd --system --gid mycroft --home-dir /var/lib/mycroft --no-create-home --shell /usr/sbin/nologin mycroft
  for g in gpio i2c spi audio dialout; do
    getent group "$g" >/dev/null || groupadd --system "$g"
    id -nG mycroft | tr ' ' '\n' | grep -qx "$g" || usermod -aG "$g" mycroft
  done
}

case "${1:-}" in
--accounts)
  [ -z "$ROOT" ] && accounts
  exit 0
  ;;
--uninstall|--purge)
  systemctl_ disable --now mycroft.service mycroft-ring.socket mycroft-ring.service
  # shellcheck disable=SC2086 # two paths
  rm -f "$bin_dst" "$unit_dst" "$ring_dst" $ring_units
  systemctl_ daemon-reload
  if [ "$1" = "--purge" ]; then
    rm -rf "$state_dir" "$conf_dir"
    echo "removed $state_dir and $conf_dir"
  else
    echo "kept $state_dir (keyring, database) and $conf_dir; use --purge to delete them"
  fi
  exit 0
  ;;
-h|--help)
  sed -n '2,15p' "$0"; exit 0
  ;;
esac

binary="${1:-$here/../bin/mycroft}"
[ -x "$binary" ] || { echo "install.sh: no binary at $binary (run make build or pass its path)" >&2; exit 1; }

if [ -z "$ROOT" ]; then
  [ "$(id -u)" -eq 0 ] || { echo "install.sh: run as root" >&2; exit 1; }
  accounts
fi

copy_if_changed "$binary" "$bin_dst" 0755
copy_if_changed "$here/mycroft.service" "$unit_dst" 0644
if [ -n "${RING_HELPER:-}" ]; then
  copy_if_changed "$RING_HELPER" "$ring_dst" 0755
  sed "s|/usr/libexec/mycroft/mycroft-ring|/usr/local/libexec/mycroft/mycroft-ring|" "$here/mycroft-ring.service" > "$unit_dst.ring"
  copy_if_changed "$unit_dst.ring" "$ROOT/etc/systemd/system/mycroft-ring.service" 0644
  rm -f "$unit_dst.ring"
  copy_if_changed "$here/mycroft-ring.socket" "$ROOT/etc/systemd/system/mycroft-ring.socket" 0644
fi
mkdir -p "$conf_dir"
[ -f "$conf_dir/agent.toml" ] || { install -m 0644 "$here/agent.toml" "$conf_dir/agent.toml"; echo "installed $conf_dir/agent.toml"; }
mkdir -p "$state_dir" && chmod 0700 "$state_dir"
[ -z "$ROOT" ] && chown mycroft:mycroft "$state_dir"

systemctl_ daemon-reload
[ -z "${RING_HELPER:-}" ] || systemctl_ enable --now mycroft-ring.socket
systemctl_ enable --now mycroft.service
echo "mycroft installed"
