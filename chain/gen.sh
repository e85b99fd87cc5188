#!/usr/bin/env bash
# Regenerates the contract artifacts (chain/artifacts) and the Go bindings
# (chain/bindings/<contract>.go) from chain/contracts with the pinned solc and
# OpenZeppelin Contracts (chain/contracts/package-lock.json) and the pinned
# go-ethereum abigen (go.mod).
#
#   chain/gen.sh          regenerate in place
#   chain/gen.sh --check  regenerate into a temporary directory and fail if
#                         the committed artifacts or bindings differ
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
check=0
case "${1:-}" in
--check) check=1 ;;
"") ;;
*)
	echo "usage: $0 [--check]" >&2
	exit 2
	;;
esac

for tool in node npm go; do
	command -v "$tool" >/dev/null || {
		echo "chain/gen.sh: $tool not found" >&2
		exit 1
	}
done

(cd "$here/contracts" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >&2)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

node "$here/contracts/compile.js" "$tmp/artifacts"
# One file per contract. abigen v2 names multi-value return structs after
# the method only (e.g. Eip712DomainOutput), which collides when several
# contracts share a package, so each file's <Method>Output types are renamed
# <Contract><Method>Output.
mkdir -p "$tmp/bindings"
for name in Token Channels Registry MycroftGovernor Timelock Grants Releases; do
	file=$(echo "$name" | tr '[:upper:]' '[:lower:]')
	(cd "$root" && go run github.com/ethereum/go-ethereum/cmd/abigen --v2 \
		--abi "$tmp/artifacts/$name.abi" --bin "$tmp/artifacts/$name.bin" \
		--type "$name" --pkg bindings --out "$tmp/bindings/$file.go")
	sed -E -i "s/\\b([A-Z][A-Za-z0-9_]*)Output\\b/${name}\\1Output/g" "$tmp/bindings/$file.go"
done

if [ "$check" = 1 ]; then
	status=0
	diff -rq -x '*.go' "$tmp/artifacts" "$here/artifacts" >&2 || status=1
	for f in "$tmp/bindings/"*.go; do
		cmp -s "$f" "$here/bindings/$(basename "$f")" || {
			echo "differs: chain/bindings/$(basename "$f")" >&2
			status=1
		}
	done
	if [ "$status" != 0 ]; then
		echo "chain/gen.sh: committed artifacts or bindings are out of date; run chain/gen.sh" >&2
		exit 1
	fi
	echo "chain/gen.sh: artifacts and bindings are up to date" >&2
	exit 0
fi

# The artifacts directory also holds the Go package that embeds them: only
# the generated files are replaced.
mkdir -p "$here/artifacts" "$here/bindings"
rm -f "$here/artifacts/"*.abi "$here/artifacts/"*.bin "$here/artifacts/"*.runtime.json
cp "$tmp/artifacts/"* "$here/artifacts/"
cp "$tmp/bindings/"*.go "$here/bindings/"
echo "chain/gen.sh: wrote chain/artifacts and chain/bindings" >&2
