#!/bin/sh
# Mycroft image: setup at boot, run as root by mycroft-firstboot.service
# before the network, SSH and the agent start. Every step is idempotent, so
# it runs on every boot and picks up files the installer drops later on the
# FAT boot partition (/boot/firmware/mycroft/, readable from any computer):
#
#   1. SSH host keys, made here (the image ships none, so no two devices
#      share them).
#   2. Hostname mycroft-XXXXXX from the last six hex digits of the board
#      serial number, unless the owner has changed it from "mycroft".
#   3. The root partition and filesystem grown to the whole card, once.
#   4. authorized_keys: public SSH keys for root, added (renamed to
#      authorized_keys.added once done).
#   5. wpa_supplicant.conf: Wi-Fi, installed for wlan0 and then deleted
#      from the FAT partition (it holds the network's passphrase).
#
# The owner's keys are not made here: the agent makes them when the owner
# asks, on the local console (mycroft-keys-console.service) or the owner's
# page over loopback; the backup words never cross the network.
set -u
boot=${MYCROFT_BOOT:-/boot/firmware}
drop="$boot/mycroft"
root=${MYCROFT_ROOT:-}
state="$root/var/lib/mycroft-image"
log() { echo "mycroft-firstboot: $*"; }
mkdir -p "$state"

# 1. SSH host keys.
if command -v ssh-keygen >/dev/null && ! ls "$root"/etc/ssh/ssh_host_*_key >/dev/null 2>&1; then
	ssh-keygen -A -f "${root:-/}" >/dev/null && log "made the SSH host keys"
fi

# 2. Hostname.
serial_host() {
	sn=$(tr -d '\000' < "${MYCROFT_SERIAL:-/sys/firmware/devicetree/base/serial-number}" 2>/dev/null | tr -cd '0-9a-fA-F' | tr 'A-F' 'a-f')
	[ ${#sn} -ge 6 ] || return 1
	echo "mycroft-$(printf %s "$sn" | tail -c 6)"
}
if [ "$(cat "$root/etc/hostname" 2>/dev/null)" = mycroft ] && name=$(serial_host); then
	echo "$name" > "$root/etc/hostname"
	sed -i "s/^127\.0\.1\.1[[:space:]].*/127.0.1.1\t$name/" "$root/etc/hosts"
	[ -n "$root" ] || hostname "$name"
	log "hostname $name"
fi

# 3. Grow the root partition to the card, then its filesystem (online).
if [ -z "$root" ] && [ ! -e "$state/grown" ]; then
	dev=$(findmnt -n -o SOURCE /)
	part=$(cat "/sys/class/block/${dev#/dev/}/partition" 2>/dev/null)
	disk=/dev/$(basename "$(readlink -f "/sys/class/block/${dev#/dev/}/..")")
	# The partition's end moves to the end of the card (sfdisk on the disk
	# in use, without re-reading it), the kernel learns the new size
	# (partx), and ext4 grows online.
	if [ -n "$part" ] &&
		echo ", +" | sfdisk -q --no-reread --no-tell-kernel -N "$part" "$disk" >/dev/null 2>&1 &&
		partx -u --nr "$part" "$disk" && resize2fs "$dev" >/dev/null 2>&1; then
		touch "$state/grown"
		log "root filesystem grown: $(df -h / | awk 'NR==2 {print $2}')"
	else
		log "could not grow $dev on $disk; will try again next boot"
	fi
fi

# 4. SSH keys for root from the boot partition.
if [ -f "$drop/authorized_keys" ]; then
	ssh="$root/root/.ssh"
	mkdir -p "$ssh" && chmod 0700 "$ssh"
	touch "$ssh/authorized_keys" && chmod 0600 "$ssh/authorized_keys"
	added=0
	while IFS= read -r line || [ -n "$line" ]; do
		case "$line" in ''|'#'*) continue ;; esac
		if ! printf '%s\n' "$line" | ssh-keygen -l -f - >/dev/null 2>&1; then
			log "authorized_keys: skipped a line that is not a public key"
			continue
		fi
		grep -qxF "$line" "$ssh/authorized_keys" || { printf '%s\n' "$line" >> "$ssh/authorized_keys"; added=$((added + 1)); }
	done < "$drop/authorized_keys"
	mv -f "$drop/authorized_keys" "$drop/authorized_keys.added"
	log "added $added SSH key(s) for root"
fi

# 5. Wi-Fi.
if [ -f "$drop/wpa_supplicant.conf" ]; then
	conf="$root/etc/wpa_supplicant/wpa_supplicant-wlan0.conf"
	mkdir -p "$(dirname "$conf")"
	(umask 077 && cp "$drop/wpa_supplicant.conf" "$conf.new") && mv -f "$conf.new" "$conf"
	rm -f "$drop/wpa_supplicant.conf"
	sync
	if [ -z "$root" ]; then
		systemctl enable wpa_supplicant@wlan0.service >/dev/null 2>&1
		systemctl --no-block restart wpa_supplicant@wlan0.service
	fi
	log "Wi-Fi configured for wlan0 (the file was removed from the boot partition)"
fi
exit 0
