#!/bin/sh
# The wake word kernels of the ARM builds, checked under qemu-user: the
# arm64 NEON dot products and the armv7 plain-Go ones must give
# onnxruntime's scores (voice/wakeword's TestDot4 and
# TestMatchesOnnxruntime), as on x86. Skips, saying why, without
# qemu-user-static or the models.
set -eu
cd "$(dirname "$0")/.."
GO=${GO:-go}
if [ -z "${MYCROFT_WAKEWORD_DIR:-}" ] || [ ! -d "$MYCROFT_WAKEWORD_DIR" ]; then
	echo "wakeword-arm: skipped: no models (MYCROFT_WAKEWORD_DIR; make deps installs them)"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for arch in arm64 arm; do
	qemu=qemu-aarch64-static
	[ "$arch" = arm ] && qemu=qemu-arm-static
	if ! command -v "$qemu" >/dev/null 2>&1; then
		echo "wakeword-arm: $arch skipped: $qemu not installed (Debian: qemu-user-static)"
		continue
	fi
	CGO_ENABLED=0 GOOS=linux GOARCH=$arch GOARM=7 "$GO" test -c -o "$tmp/wakeword-$arch.test" ./voice/wakeword/
	(cd voice/wakeword && "$qemu" "$tmp/wakeword-$arch.test" -test.count=1 -test.run '^(TestDot4|TestDot4ShortWeights|TestMatchesOnnxruntime)$')
	echo "wakeword-arm: $arch kernels match onnxruntime's scores"
done
