#!/bin/sh
# Says what a first build is about to do, so that minutes of silence are not
# mistaken for a hang: the first build downloads the Go modules and compiles
# go-ethereum and the rest (about 3-8 minutes on 2 cores); later
# builds reuse Go's build cache and take seconds. Quiet when the binary named
# as the argument already exists (the cache is then warm).
[ -e "${1:-}" ] && exit 0
cat <<'MSG'
== building mycroft for the first time: the Go modules are downloaded, then
   go-ethereum and the rest are compiled. Expect about 3-8 minutes on 2 cores
   (nothing is printed meanwhile); later builds take seconds.
MSG
