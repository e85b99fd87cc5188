# mycroft: one binary for Mycroft Mark I / Mark II speakers.
# `make demo` and `make test` work on a fresh Debian/Ubuntu machine with Go.

GO       ?= go
BIN      := bin
PKG      := github.com/mycroft-network/mycroft
VERSION  ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo devel)
LDFLAGS  := -s -w -X $(PKG)/internal/buildinfo.Version=$(VERSION)
# Packages the demo and the tests need (Debian names).
SYSTEM_PACKAGES := flite espeak-ng sox libsox-fmt-all pocketsphinx pocketsphinx-en-us libpocketsphinx-dev libsphinxbase-dev portaudio19-dev pkg-config tmux iproute2 nftables device-tree-compiler shellcheck openssh-client chromium python3 python3-websockets
# openWakeWord's models (CC BY-NC-SA 4.0: non-commercial), fetched by deps
# with scripts/wakeword-models.sh; the tests, benchmarks and demo find them
# through MYCROFT_WAKEWORD_DIR. Always absolute (the tests run in their
# package's directory).
WAKEWORD_DIR ?= $(BIN)/wakeword
override WAKEWORD_DIR := $(abspath $(WAKEWORD_DIR))

.PHONY: all build test lint vet fmt-check bench fuzz demo deps contracts contracts-check arm64 armv7 device-pure deb ring-helper image image-test clean

all: build

build:
	@scripts/build-note.sh $(BIN)/mycroft
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN)/mycroft ./cmd/mycroft

# The whole test suite: formatting, vet, every test (with the fuzz seed
# corpora) and the check that committed contract artifacts are up to date.
# With pocketsphinx's library installed (make deps does) the tests run with
# the on-device recogniser (-tags pocketsphinx, voice/psx); vet checks both
# builds. Deferred (=): evaluated after deps has installed it.
TEST_TAGS = $(shell pkg-config --exists pocketsphinx 2>/dev/null && echo pocketsphinx)
test: deps fmt-check vet contracts-check
	@[ -z "$(TEST_TAGS)" ] || $(GO) vet -tags '$(TEST_TAGS)' ./voice/psx/ ./agent/
	MYCROFT_WAKEWORD_DIR='$(WAKEWORD_DIR)' $(GO) test -tags '$(TEST_TAGS)' -count=1 -timeout 30m ./...
	@GO=$(GO) MYCROFT_WAKEWORD_DIR='$(WAKEWORD_DIR)' scripts/wakeword-arm.sh

# gofmt, go vet and golangci-lint (a pinned version, through go run), with the
# same build tags as the tests (the cgo recogniser too; vet covers its stub).
GOLANGCI_LINT ?= github.com/golangci/golangci-lint/v2/cmd/golangci-lint@v2.15.0
lint: fmt-check vet
	$(GO) run $(GOLANGCI_LINT) run --build-tags '$(TEST_TAGS)' ./...

vet:
	$(GO) vet ./...

fmt-check:
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

# Every benchmark, one package at a time, each with a benchtime that fits it
# (the table is in scripts/bench.sh; about 14 minutes on 2 cores, as root for the lab benchmark). The wake
# word models are fetched first when missing (as deps does; without npm the
# wake word benchmarks have no models).
bench:
	@scripts/wakeword-models.sh '$(WAKEWORD_DIR)' || echo "make bench: no wake word models in $(WAKEWORD_DIR)"
	@GO=$(GO) TAGS='$(TEST_TAGS)' BIN='$(BIN)' MYCROFT_WAKEWORD_DIR='$(WAKEWORD_DIR)' scripts/bench.sh

# A short fuzzing pass over every fuzz target, FUZZTIME each (how, and the
# one Go fuzzing flake it tolerates, in scripts/fuzz.sh).
FUZZTIME ?= 20s
fuzz:
	@GO=$(GO) FUZZTIME=$(FUZZTIME) scripts/fuzz.sh

# System packages, installed only when missing (needs root or sudo). node and
# npm (for chain/gen.sh --check, which make test runs) come from Debian unless
# a node is already on the PATH. Then the wake word models into WAKEWORD_DIR,
# with npm (nothing done when they are there with the right sums).
deps:
	@scripts/deps.sh $(SYSTEM_PACKAGES) $$(command -v npm >/dev/null 2>&1 || echo nodejs npm)
	@scripts/wakeword-models.sh '$(WAKEWORD_DIR)'

# The demo's binary has portaudio (answers on the sound card, SPACE to talk)
# when cgo and the portaudio library (portaudio19-dev) are there; otherwise it
# is the pure build (typed questions, answers in a WAV file). Deferred (=):
# evaluated after deps has installed what it installs.
DEMO_TAGS = $(shell [ "$$($(GO) env CGO_ENABLED)" = 1 ] && pkg-config --exists portaudio-2.0 2>/dev/null && echo portaudio)
demo: deps
	@scripts/build-note.sh $(BIN)/mycroft
	$(GO) build -trimpath -tags '$(DEMO_TAGS)' -ldflags '$(LDFLAGS)' -o $(BIN)/mycroft ./cmd/mycroft
	MYCROFT_WAKEWORD_DIR='$(WAKEWORD_DIR)' $(BIN)/mycroft demo

contracts:
	chain/gen.sh

contracts-check:
	@if [ -x chain/gen.sh ]; then chain/gen.sh --check; fi

# Device builds: cgo with portaudio and pocketsphinx (local speech
# recognition and the wake word fallback), cross-compiled: they need
# Debian's multiarch portaudio19-dev, libpocketsphinx-dev and
# libsphinxbase-dev for the target (:arm64, :armhf). The device tag leaves
# the dev chain out of the binary. The wake word engine (voice/wakeword) is
# pure Go, with NEON kernels on arm64.
arm64:
	CGO_ENABLED=1 GOOS=linux GOARCH=arm64 CC=aarch64-linux-gnu-gcc \
	  PKG_CONFIG_PATH=/usr/lib/aarch64-linux-gnu/pkgconfig \
	  $(GO) build -trimpath -tags device,portaudio,pocketsphinx -ldflags '$(LDFLAGS)' -o $(BIN)/mycroft-arm64 ./cmd/mycroft

armv7:
	CGO_ENABLED=1 GOOS=linux GOARCH=arm GOARM=7 CC=arm-linux-gnueabihf-gcc \
	  PKG_CONFIG_PATH=/usr/lib/arm-linux-gnueabihf/pkgconfig \
	  $(GO) build -trimpath -tags device,portaudio,pocketsphinx -ldflags '$(LDFLAGS)' -o $(BIN)/mycroft-armv7 ./cmd/mycroft

# Device builds without cgo (no portaudio: the Mark I/II boards then need
# their audio another way); used by CI to run the ARM binaries under qemu.
device-pure:
	CGO_ENABLED=0 GOOS=linux GOARCH=arm64 $(GO) build -trimpath -tags device -ldflags '$(LDFLAGS)' -o $(BIN)/mycroft-arm64-pure ./cmd/mycroft
	CGO_ENABLED=0 GOOS=linux GOARCH=arm GOARM=7 $(GO) build -trimpath -tags device -ldflags '$(LDFLAGS)' -o $(BIN)/mycroft-armv7-pure ./cmd/mycroft

# Debian packages of the device builds: bin/mycroft_VERSION_{arm64,armhf}.deb,
# with the wake word models (from WAKEWORD_DIR, fetched there when missing).
deb: arm64 armv7 ring-helper
	WAKEWORD_DIR='$(WAKEWORD_DIR)' RING_HELPER=$(BIN)/mycroft-ring-arm64 scripts/deb.sh arm64 $(BIN)/mycroft-arm64 $(VERSION) $(BIN)
	WAKEWORD_DIR='$(WAKEWORD_DIR)' scripts/deb.sh armhf $(BIN)/mycroft-armv7 $(VERSION) $(BIN)

# The Mark II LED ring helper (cmd/mycroft-ring): pure Go, so that it can
# drop its capabilities on every thread once the registers are mapped.
ring-helper:
	CGO_ENABLED=0 GOOS=linux GOARCH=arm64 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN)/mycroft-ring-arm64 ./cmd/mycroft-ring

# An SD card image for BOARD (mark2 or mark1), from Debian packages
# (image/build.sh, docs/images.md): slow (an hour on a loaded 2-core x86
# machine, mostly qemu-user running the packages' scripts), as root,
# not part of make test. The agent is the cgo build (make arm64) when the
# arm64 cross compiler and libraries are installed, else the pure build
# (no portaudio: no microphone or speaker; said loudly). Then
# make image-test checks the image.
BOARD ?= mark2
IMAGE ?= $(BIN)/mycroft-$(BOARD).img
image: ring-helper
	@[ "$$(id -u)" -eq 0 ] || { echo "make image: run as root (docs/images.md)"; exit 1; }
	@if command -v aarch64-linux-gnu-gcc >/dev/null && PKG_CONFIG_PATH=/usr/lib/aarch64-linux-gnu/pkgconfig pkg-config --exists portaudio-2.0 pocketsphinx; then \
	  $(MAKE) arm64 && agent=$(BIN)/mycroft-arm64; \
	else \
	  echo "make image: no arm64 cgo toolchain: the image gets the pure build, WITHOUT AUDIO (docs/images.md)"; \
	  $(MAKE) device-pure && agent=$(BIN)/mycroft-arm64-pure; \
	fi && \
	deb=$$(WAKEWORD_DIR='$(WAKEWORD_DIR)' RING_HELPER=$(BIN)/mycroft-ring-arm64 scripts/deb.sh arm64 $$agent $(VERSION) $(BIN)/image-deb | tail -n 1) && \
	image/build.sh $(BOARD) $$deb $(IMAGE)

image-test:
	image/inspect.sh $(IMAGE) $(BOARD)

clean:
	rm -rf $(BIN)
