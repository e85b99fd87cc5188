#!/bin/sh
# Finish the root filesystem at ROOTFS for BOARD, once every package is in
# (mmdebstrap's customize hook; run on the build host as root):
#
#   image/customize.sh ROOTFS mark2|mark1
#
# Label boot, the console, the agent's configuration for the board, no
# shared secrets (SSH host keys, machine id), the units enabled, the boot
# partition written by raspi-firmware with our overlays and the folder the
# installer drops files into.
set -eu
[ $# -eq 2 ] || { echo "usage: $0 ROOTFS mark2|mark1" >&2; exit 2; }
r=$1 board=$2
here="$(cd "$(dirname "$0")" && pwd)"
chr() { chroot "$r" "$@"; }

# Boot by label (the image's partitions are RASPIFIRM and RASPIROOT, as in
# Debian's own Raspberry Pi images).
cat > "$r/etc/fstab" <<'FSTAB'
LABEL=RASPIROOT / ext4 rw,noatime,errors=remount-ro 0 1
LABEL=RASPIFIRM /boot/firmware vfat rw,noatime,fmask=0022,dmask=0022 0 2
FSTAB
set_default() { # KEY VALUE in /etc/default/raspi-firmware
	f="$r/etc/default/raspi-firmware"
	sed -i "/^#*[[:space:]]*$1=/d" "$f"
	echo "$1=$2" >> "$f"
}
set_default ROOTPART LABEL=RASPIROOT
# raspi-firmware adapts config.txt and cmdline.txt to the board it runs on;
# the build machine is none, so the board's choices are written down:
case "$board" in
mark2)
	# The Pi 4 does not boot with cma=64M (raspi-firmware's default for
	# other boards); the serial console on GPIO 14/15 (the mini UART,
	# ttyS1), which the SJ201 leaves free.
	set_default CMA 0
	set_default CONSOLES '"tty0 ttyS1,115200"'
	;;
mark1)
	# The Mark I's PL011 serial port belongs to the faceplate: no console
	# on any serial port.
	set_default CONSOLES '"tty0"'
	;;
esac

echo mycroft > "$r/etc/hostname"
printf '127.0.0.1\tlocalhost\n127.0.1.1\tmycroft\n::1\t\tlocalhost ip6-localhost ip6-loopback\n' > "$r/etc/hosts"

# The agent's configuration: the board, and the XMOS firmware where the
# owner puts it (Mark II; we do not ship it).
conf="$r/etc/mycroft/agent.toml"
sed -i "s|^# kind = \"auto\".*|kind = \"$board\"          # set by the image (auto also works)|" "$conf"
if [ "$board" = mark1 ]; then
	sed -i 's|^# mixer_card = .*|mixer_card = "mark1"    # the card our overlay makes (set by the image)|' "$conf"
fi
if [ "$board" = mark2 ]; then
	sed -i 's|^# xmos_firmware = "".*|xmos_firmware = "/boot/firmware/mycroft/xvf3510.bin"  # put it there: docs/images.md|' "$conf"
fi

# Nothing that must differ between devices is baked in.
rm -f "$r"/etc/ssh/ssh_host_*
: > "$r/etc/machine-id"
rm -f "$r/var/lib/dbus/machine-id"
# Console login as root with no password (as Debian's images); SSH takes
# keys only (authorized_keys on the boot partition).
chr passwd -d root >/dev/null

chr systemctl enable mycroft-firstboot.service mycroft-keys-console.service \
	systemd-networkd.service systemd-resolved.service systemd-timesyncd.service ssh.service mycroft.service >/dev/null 2>&1
# The Mark II ring helper's socket (the helper starts when the agent of an
# R10 connects; nothing runs on an R6).
if [ "$board" = mark2 ] && [ -f "$r/lib/systemd/system/mycroft-ring.socket" ]; then
	chr systemctl enable mycroft-ring.socket >/dev/null 2>&1
fi

# The boot partition: raspi-firmware's hook writes the firmware, kernel,
# initramfs, device trees, config.txt (with our lines) and cmdline.txt.
kver=$(basename "$(find "$r/lib/modules" -mindepth 1 -maxdepth 1 | sort -V | tail -n 1)")
chr env DEB_MAINT_PARAMS=configure /etc/kernel/postinst.d/z50-raspi-firmware "$kver" "/boot/vmlinuz-$kver"
chr /usr/lib/mycroft/install-overlays
mkdir -p "$r/boot/firmware/mycroft"
install -m 0644 "$here/firstboot/boot-README.txt" "$r/boot/firmware/mycroft/README.txt"

rm -f "$r/tmp/mycroft.deb"
chr apt-get clean
