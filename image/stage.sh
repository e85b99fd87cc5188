#!/bin/sh
# Stage what the image adds to Debian's root filesystem, for one board:
#
#   image/stage.sh mark2|mark1 DIR
#
# DIR receives a tree synced into the root filesystem before the packages
# are installed: the overlays compiled with dtc (/usr/lib/mycroft/overlays),
# the board's boot configuration (/etc/default/raspi-firmware-custom, the
# lines raspi-firmware appends to config.txt, and raspi-extra-cmdline, its
# words for the kernel command line), the first-boot units and
# scripts, udev rules giving the hardware groups their devices, and the
# network defaults. Nothing here needs root; image_test.go runs it.
set -eu
[ $# -eq 2 ] || { echo "usage: $0 mark2|mark1 DIR" >&2; exit 2; }
board=$1 dir=$2
here="$(cd "$(dirname "$0")" && pwd)"
case "$board" in mark2|mark1) ;; *) echo "stage.sh: BOARD must be mark2 or mark1, not '$board'" >&2; exit 2 ;; esac
command -v dtc >/dev/null || { echo "stage.sh: dtc missing: apt-get install device-tree-compiler" >&2; exit 1; }

lib="$dir/usr/lib/mycroft"
mkdir -p "$lib/overlays" "$dir/etc/default" "$dir/etc/systemd/system" \
	"$dir/etc/udev/rules.d" "$dir/etc/modules-load.d" "$dir/etc/systemd/network" \
	"$dir/etc/kernel/postinst.d" "$dir/etc/initramfs/post-update.d"

# The overlays of this board, compiled (-@: their references to the base
# tree's labels are resolved by the firmware when it applies them).
for src in "$here/overlays/$board"-*.dts; do
	name=$(basename "$src" .dts)
	dtc -q -@ -I dts -O dtb -o "$lib/overlays/mycroft-$name.dtbo" "$src"
done
install -m 0644 "$here/boot/$board.txt" "$dir/etc/default/raspi-firmware-custom"
# The board's sound card as ALSA's default device (image/alsa/BOARD.conf
# says why each is as it is).
install -m 0644 "$here/alsa/$board.conf" "$dir/etc/asound.conf"
# Words raspi-firmware appends to the kernel command line (cmdline.txt).
if [ -f "$here/boot/$board.cmdline" ]; then
	install -m 0644 "$here/boot/$board.cmdline" "$dir/etc/default/raspi-extra-cmdline"
fi
echo "$board" > "$lib/board"

# Copies the overlays to the boot partition now and whenever raspi-firmware
# rewrites it (after a kernel or initramfs update).
install -m 0755 "$here/firstboot/install-overlays" "$lib/install-overlays"
ln -sf /usr/lib/mycroft/install-overlays "$dir/etc/kernel/postinst.d/z60-mycroft-overlays"
ln -sf /usr/lib/mycroft/install-overlays "$dir/etc/initramfs/post-update.d/z60-mycroft-overlays"

for f in firstboot.sh keys-console.sh; do install -m 0755 "$here/firstboot/$f" "$lib/$f"; done
for u in mycroft-firstboot.service mycroft-keys-console.service; do
	install -m 0644 "$here/firstboot/$u" "$dir/etc/systemd/system/$u"
done
install -m 0644 "$here/firstboot/60-mycroft.rules" "$dir/etc/udev/rules.d/60-mycroft.rules"
install -m 0644 "$here/firstboot/modules-load.conf" "$dir/etc/modules-load.d/mycroft.conf"
install -m 0644 "$here/firstboot/wired.network" "$dir/etc/systemd/network/20-wired.network"
install -m 0644 "$here/firstboot/wireless.network" "$dir/etc/systemd/network/25-wireless.network"
install -D -m 0644 "$here/firstboot/wait-online.conf" "$dir/etc/systemd/system/systemd-networkd-wait-online.service.d/mycroft.conf"
