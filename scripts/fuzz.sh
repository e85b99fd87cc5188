#!/bin/sh
# A short fuzzing pass over every fuzz target, FUZZTIME each (make fuzz).
# Each package with fuzz targets is built once, instrumented; each target then
# runs from the package's directory (its testdata/fuzz seeds are read there,
# and a crasher is written there) and shares go test's fuzz cache.
#
# Go 1.26's fuzz coordinator can fail a target with a bare "context deadline
# exceeded" when -fuzztime ends while a worker is still busy (go.dev/issue/75804,
# fixed in Go 1.27): nothing is found and no crasher is written. Such a run is
# repeated once; a target fails when it writes a crasher, fails any other way,
# or hits the deadline race twice.
set -eu
GO=${GO:-go}
FUZZTIME=${FUZZTIME:-20s}
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
cache=$($GO env GOCACHE)/fuzz
n=0
for line in $($GO list -f '{{.ImportPath}}={{.Dir}}' ./...); do
	pkg=${line%%=*}
	dir=${line#*=}
	targets=$(cat "$dir"/*_test.go 2>/dev/null | sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*/\1/p')
	[ -n "$targets" ] || continue
	$GO test -c -fuzz . -o "$bin/fuzz.test" "$pkg"
	for f in $targets; do
		n=$((n + 1))
		for try in 1 2; do
			echo "== $pkg $f"
			before=$(ls "$dir/testdata/fuzz/$f" 2>/dev/null | wc -l)
			if (cd "$dir" && "$bin/fuzz.test" -test.run '^$' -test.fuzz "^$f\$" \
				-test.fuzztime "$FUZZTIME" -test.fuzzcachedir "$cache/$pkg") >"$bin/out" 2>&1; then
				cat "$bin/out"
				break
			fi
			cat "$bin/out"
			after=$(ls "$dir/testdata/fuzz/$f" 2>/dev/null | wc -l)
			if [ "$try" = 1 ] && [ "$before" = "$after" ] &&
				grep -q '^    context deadline exceeded$' "$bin/out" &&
				! grep -q -e 'Failing input written' -e '^panic' "$bin/out"; then
				echo "fuzz: $f hit Go's fuzztime deadline race with nothing found; running it again"
				continue
			fi
			echo "fuzz: $pkg $f failed"
			exit 1
		done
	done
done
echo "fuzz: $n targets, $FUZZTIME each"
