#!/bin/sh
# Build an SD card image for a Mycroft Mark II (Raspberry Pi 4) or Mark I
# (Raspberry Pi 3) from Debian packages only:
#
#   image/build.sh BOARD DEB OUT.img      (make image BOARD=mark2|mark1)
#
# BOARD is mark2 or mark1; DEB is our arm64 package (scripts/deb.sh). The root
# filesystem is made by mmdebstrap (arm64, $SUITE, with linux-image-arm64 and
# raspi-firmware, as Debian's own Raspberry Pi images), then the image by
# sfdisk, mkfs.vfat + mcopy and mkfs.ext4 -d: no loop device and no mount, so
# it also runs in a container. It must run as root (mmdebstrap's root mode:
# files in the image keep their owners) and needs binfmt_misc with
# qemu-aarch64 on a non-arm64 host (registered here when missing).
#
# Environment: SUITE (trixie), MIRROR (mmdebstrap's default when empty),
# BOOT_MB (256), ROOT_SLACK_MB (300: free space in the root filesystem
# before it grows to the card on first boot), SOURCE_DATE_EPOCH
# (reproducible timestamps; the last commit's time by default).
set -eu
[ $# -eq 3 ] || { echo "usage: $0 mark2|mark1 DEB OUT.img" >&2; exit 2; }
board=$1 deb=$2 out=$3
here="$(cd "$(dirname "$0")" && pwd)"
suite=${SUITE:-trixie}
boot_mb=${BOOT_MB:-256}
slack_mb=${ROOT_SLACK_MB:-300}
case "$board" in mark2|mark1) ;; *) echo "build.sh: BOARD must be mark2 or mark1, not '$board'" >&2; exit 2 ;; esac
[ -f "$deb" ] || { echo "build.sh: no package at $deb (make deb, or make image builds one)" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || { echo "build.sh: run as root (mmdebstrap keeps file owners only as root)" >&2; exit 1; }
for t in mmdebstrap dtc sfdisk mkfs.vfat mcopy mkfs.ext4; do
	command -v "$t" >/dev/null || { echo "build.sh: $t missing: apt-get install mmdebstrap device-tree-compiler fdisk dosfstools mtools e2fsprogs qemu-user-static" >&2; exit 1; }
done
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git -C "$here" log -1 --format=%ct 2>/dev/null || date +%s)}"

# An arm64 chroot on another architecture runs through qemu-user.
if [ "$(dpkg --print-architecture)" != arm64 ] && [ ! -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ]; then
	[ -e /proc/sys/fs/binfmt_misc/register ] || mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
	# Debian's registration names a wrapper some releases do not ship:
	# register the static emulator itself, opened now (F) so it also runs
	# inside the chroot.
	conf=/usr/lib/binfmt.d/qemu-aarch64.conf
	[ -f "$conf" ] && [ -x /usr/bin/qemu-aarch64-static ] || { echo "build.sh: no qemu-aarch64-static: apt-get install qemu-user-static" >&2; exit 1; }
	grep -v '^#' "$conf" | sed 's|:[^:]*:[A-Z]*$|:/usr/bin/qemu-aarch64-static:OPF|' > /proc/sys/fs/binfmt_misc/register
fi

work=$(mktemp -d "${TMPDIR:-/var/tmp}/mycroft-image.XXXXXX")
trap 'rm -rf "$work"' EXIT
start=$(date +%s)
say() { echo "build.sh: $(( $(date +%s) - start ))s: $*"; }

# What we add to Debian's root filesystem, as a tree synced in by a hook.
tree="$work/tree"
"$here/stage.sh" "$board" "$tree"
cp "$deb" "$work/mycroft.deb"

# The packages: a minimal Debian with systemd, the kernel and Pi firmware,
# Wi-Fi and Bluetooth firmware, SSH, what first boot needs to grow the root
# partition, and what the agent's package depends on.
pkgs=systemd-sysv,udev,kmod,dbus,iproute2,iputils-ping,ifupdown,isc-dhcp-client,wpasupplicant,iw
pkgs=$pkgs,systemd-timesyncd,openssh-server,ca-certificates,less,nano
pkgs=$pkgs,linux-image-arm64,raspi-firmware,firmware-brcm80211,bluez-firmware
pkgs=$pkgs,fdisk,e2fsprogs,dosfstools,alsa-utils,systemd-resolved
# The agent's on-device speech recognition (the package recommends them).
pkgs=$pkgs,pocketsphinx,pocketsphinx-en-us
say "rootfs: mmdebstrap $suite arm64 for $board"
# shellcheck disable=SC2016 # the hooks' $1 is expanded by mmdebstrap
mmdebstrap --architectures=arm64 --variant=minbase \
	--components=main,non-free-firmware \
	--include="$pkgs" \
	--setup-hook='mkdir -p "$1/boot/firmware"' \
	--essential-hook="sync-in $tree /" \
	--customize-hook="copy-in $work/mycroft.deb /tmp" \
	--customize-hook='chroot "$1" apt-get install -y --no-install-recommends /tmp/mycroft.deb' \
	--customize-hook="$here/customize.sh \"\$1\" $board" \
	"$suite" "$work/rootfs" ${MIRROR:+"$MIRROR"}

# Name resolution through systemd-resolved (networkd writes no
# resolv.conf), not the build machine's resolv.conf that the chroot used.
ln -sf ../run/systemd/resolve/stub-resolv.conf "$work/rootfs/etc/resolv.conf"

# The FAT boot partition: what raspi-firmware put in /boot/firmware.
say "boot partition (${boot_mb} MiB FAT32, RASPIFIRM)"
bootimg="$work/boot.img"
rm -f "$bootimg"
mkfs.vfat -F 32 -n RASPIFIRM -C "$bootimg" $((boot_mb * 1024)) >/dev/null
MTOOLS_SKIP_CHECK=1 mcopy -s -p -m -i "$bootimg" "$work/rootfs/boot/firmware/"* ::
rm -rf "$work/rootfs/boot/firmware" && mkdir -m 0755 "$work/rootfs/boot/firmware"

# The root partition: the used size plus the slack, grown on first boot.
used_mb=$(du -sm "$work/rootfs" | cut -f1)
root_mb=$(( used_mb + used_mb / 10 + slack_mb ))
say "root partition (${root_mb} MiB ext4, RASPIROOT; ${used_mb} MiB used)"
rootimg="$work/root.img"
mkfs.ext4 -q -F -L RASPIROOT -d "$work/rootfs" -E root_owner=0:0 "$rootimg" "${root_mb}M"

# The image: msdos label (the Pi firmware reads it), boot at 4 MiB.
say "image $out"
total_mb=$(( 4 + boot_mb + root_mb ))
rm -f "$out"
truncate -s "${total_mb}M" "$out"
sfdisk -q "$out" <<SFDISK
label: dos
unit: sectors
start=8192, size=$((boot_mb * 2048)), type=c, bootable
start=$(( (4 + boot_mb) * 2048 )), type=83
SFDISK
dd if="$bootimg" of="$out" bs=1M seek=4 conv=notrunc,sparse status=none
dd if="$rootimg" of="$out" bs=1M seek=$((4 + boot_mb)) conv=notrunc,sparse status=none
if command -v bmaptool >/dev/null; then bmaptool create -o "$out.bmap" "$out"; fi
say "done: $out, $(du -m --apparent-size "$out" | cut -f1) MiB ($(du -m "$out" | cut -f1) MiB used)"
