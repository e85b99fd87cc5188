#!/bin/sh
# Inspect a built SD image (make image-test; slow, needs root for the
# chroot, and qemu-user for an arm64 root on another machine):
#
#   image/inspect.sh IMAGE mark2|mark1
#
# Without mounting anything: the partition table (sfdisk), the FAT boot
# partition (mtools: firmware, kernel, device trees, config.txt with the
# board's overlays, which fdtoverlay applies to the board's real device
# tree), the root file system extracted with debugfs (units enabled, no
# SSH host keys or machine id baked in, the agent's configuration), and
# the agent's binary run in a chroot: mycroft version.
set -eu
[ $# -eq 2 ] || { echo "usage: $0 IMAGE mark2|mark1" >&2; exit 2; }
img=$1 board=$2
[ -f "$img" ] || { echo "inspect.sh: no image $img (make image BOARD=$board)" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/var/tmp}/mycroft-inspect.XXXXXX")
trap 'rm -rf "$work"' EXIT
fails=0
ok() { echo "ok   $*"; }
bad() { echo "FAIL $*"; fails=$((fails + 1)); }
check() { # DESCRIPTION COMMAND...
	d=$1; shift
	if "$@" >/dev/null 2>&1; then ok "$d"; else bad "$d"; fi
}

# Partitions: msdos label, FAT32 (LBA) boot partition at 4 MiB, bootable;
# Linux root after it.
sfdisk -d "$img" > "$work/table"
check "msdos partition table" grep -q '^label: dos' "$work/table"
check "p1: FAT32 at 4 MiB, bootable" grep -Eq '^[^ ]+1 : start= *8192, size= *[0-9]+, type=c, bootable' "$work/table"
check "p2: Linux" grep -Eq '^[^ ]+2 : start= *[0-9]+, size= *[0-9]+, type=83' "$work/table"
[ "$(grep -c ' : start=' "$work/table")" -eq 2 ] && ok "two partitions" || bad "two partitions"
field() { sed -n "s/^[^ ]*$1 : start= *\([0-9]*\), size= *\([0-9]*\).*/\\$2/p" "$work/table"; }
boot_start=$(field 1 1) boot_size=$(field 1 2)
root_start=$(field 2 1) root_size=$(field 2 2)
dd if="$img" of="$work/boot.img" bs=512 skip="$boot_start" count="$boot_size" status=none
dd if="$img" of="$work/root.img" bs=512 skip="$root_start" count="$root_size" status=none

# The boot partition.
export MTOOLS_SKIP_CHECK=1
mdir -b -i "$work/boot.img" :: > "$work/bootfiles" 2>/dev/null || true
mdir -b -i "$work/boot.img" ::/overlays > "$work/overlays" 2>/dev/null || true
case "$board" in
mark2) dtb=bcm2711-rpi-4-b.dtb start_elf=start4.elf ;;
mark1) dtb=bcm2837-rpi-3-b.dtb start_elf=start.elf ;;
*) echo "inspect.sh: board must be mark2 or mark1" >&2; exit 2 ;;
esac
for f in config.txt cmdline.txt "$dtb" "$start_elf"; do
	check "boot partition has $f" grep -q "/$f\$" "$work/bootfiles"
done
check "boot partition has a kernel" grep -q '/vmlinuz-' "$work/bootfiles"
check "boot partition has an initramfs" grep -q '/initrd.img-' "$work/bootfiles"
mtype -i "$work/boot.img" ::config.txt > "$work/config.txt" 2>/dev/null || true
mtype -i "$work/boot.img" ::cmdline.txt > "$work/cmdline.txt" 2>/dev/null || true
check "config.txt: upstream_kernel=1" grep -q '^upstream_kernel=1' "$work/config.txt"
check "cmdline.txt: root by label" grep -q 'root=LABEL=RASPIROOT' "$work/cmdline.txt"
if [ "$board" = mark2 ]; then
	check "cmdline.txt: iomem=relaxed (the ring helper's /dev/mem)" grep -q 'iomem=relaxed' "$work/cmdline.txt"
	check "cmdline.txt: no cma= (a Pi 4 does not boot with it)" sh -c "! grep -q 'cma=' '$work/cmdline.txt'"
fi
if [ "$board" = mark1 ]; then
	check "cmdline.txt: no serial console (the faceplate's port)" sh -c "! grep -q 'console=ttyAMA0\|console=serial0' '$work/cmdline.txt'"
fi
for o in $(sed -n 's/^dtoverlay=//p' "$(dirname "$0")/boot/$board.txt"); do
	check "config.txt: dtoverlay=$o" grep -qx "dtoverlay=$o" "$work/config.txt"
	check "overlays/$o.dtbo on the boot partition" grep -q "/$o.dtbo\$" "$work/overlays"
	mcopy -n -i "$work/boot.img" "::overlays/$o.dtbo" "$work/$o.dtbo" 2>/dev/null || true
done
check "mycroft/README.txt for the installer" mtype -i "$work/boot.img" ::mycroft/README.txt
# The overlays apply to this board's real device tree (every label they
# refer to is in its __symbols__).
mcopy -n -i "$work/boot.img" "::$dtb" "$work/base.dtb" 2>/dev/null || true
if command -v fdtoverlay >/dev/null && [ -f "$work/base.dtb" ]; then
	set --
	for o in $(sed -n 's/^dtoverlay=//p' "$(dirname "$0")/boot/$board.txt"); do set -- "$@" "$work/$o.dtbo"; done
	if fdtoverlay -i "$work/base.dtb" -o "$work/applied.dtb" "$@" 2> "$work/fdtoverlay.err"; then
		ok "overlays apply to $dtb (fdtoverlay)"
		if [ "$board" = mark2 ]; then
			check "applied tree: /sj201-fan is pwm-fan" sh -c "fdtget '$work/applied.dtb' /sj201-fan compatible | grep -qx pwm-fan"
			check "applied tree: /sj201-sound is a sound card" sh -c "fdtget '$work/applied.dtb' /sj201-sound compatible | grep -qx simple-audio-card"
		fi
	else
		bad "overlays apply to $dtb (fdtoverlay: $(cat "$work/fdtoverlay.err"))"
	fi
else
	bad "fdtoverlay (device-tree-compiler) or $dtb missing"
fi

# The root file system, extracted without mounting it.
mkdir "$work/root"
debugfs -R "rdump / $work/root" "$work/root.img" >/dev/null 2>&1 || true
r="$work/root"
check "ext4 label RASPIROOT" sh -c "[ \"\$(e2label '$work/root.img')\" = RASPIROOT ]"
check "/usr/bin/mycroft" test -x "$r/usr/bin/mycroft"
check "wake word models" test -f "$r/usr/share/mycroft/wakeword/hey_mycroft_v0.1.onnx"
for u in mycroft.service mycroft-firstboot.service mycroft-keys-console.service ssh.service systemd-networkd.service systemd-resolved.service; do
	check "$u enabled" sh -c "chroot '$r' systemctl is-enabled $u | grep -qx enabled"
done
if [ "$board" = mark2 ]; then
	check "mycroft-ring.socket enabled" sh -c "chroot '$r' systemctl is-enabled mycroft-ring.socket | grep -qx enabled"
	check "the ring helper" test -x "$r/usr/libexec/mycroft/mycroft-ring"
	check "agent.toml: the XMOS firmware on the boot partition" grep -q '^xmos_firmware = "/boot/firmware/mycroft/xvf3510.bin"' "$r/etc/mycroft/agent.toml"
fi
case "$board" in mark2) card=sj201 ;; mark1) card=mark1 ;; esac
check "asound.conf: the $card card is the default device" grep -q "^	card $card\$" "$r/etc/asound.conf"
if [ "$board" = mark1 ]; then
	check "agent.toml: the volume is the $card card's mixer" grep -q "^mixer_card = \"$card\"" "$r/etc/mycroft/agent.toml"
fi
check "agent.toml: board $board" grep -q "^kind = \"$board\"" "$r/etc/mycroft/agent.toml"
check "no SSH host keys baked in" sh -c "! ls '$r'/etc/ssh/ssh_host_* 2>/dev/null"
check "empty machine id (first boot)" test ! -s "$r/etc/machine-id"
check "no XMOS firmware shipped" sh -c "! find '$r' '$work' -name '*xvf3510*.bin' | grep -q ."
check "raspi-firmware keeps our overlays" sh -c "[ \"\$(readlink '$r/etc/kernel/postinst.d/z60-mycroft-overlays')\" = /usr/lib/mycroft/install-overlays ] && [ -x '$r/usr/lib/mycroft/install-overlays' ]"
check "resolv.conf is systemd-resolved's (not the build machine's)" sh -c "[ \"\$(readlink '$r/etc/resolv.conf')\" = ../run/systemd/resolve/stub-resolv.conf ]"
# Debian's kernel has the drivers the overlays bind (built in or modules).
kconf=$(ls "$r"/boot/config-* 2>/dev/null | tail -n 1)
case "$board" in
mark2) need="I2C_BCM2835 SPI_BCM2835 SPI_SPIDEV SND_BCM2835_SOC_I2S SND_SIMPLE_CARD SND_SOC_SPDIF PWM_BCM2835 SENSORS_PWM_FAN" gap="" ;;
mark1) need="I2C_BCM2835 SND_BCM2835_SOC_I2S SND_SIMPLE_CARD" gap="SND_SOC_WM8731_I2C" ;;
esac
for k in $need; do
	check "kernel: CONFIG_$k" grep -Eq "^CONFIG_$k=(y|m)" "$kconf"
done
# Known gaps, documented (docs/images.md): reported, not counted.
for k in $gap; do
	if grep -Eq "^CONFIG_$k=(y|m)" "$kconf"; then ok "kernel: CONFIG_$k"; else echo "GAP  kernel: CONFIG_$k is not set in Debian's kernel (docs/images.md)"; fi
done
out=$(chroot "$r" /usr/bin/mycroft version 2>&1) && ok "mycroft version in a chroot: $out" || bad "mycroft version in a chroot: $out"

echo "inspect.sh: $fails failure(s)"
[ "$fails" -eq 0 ]
