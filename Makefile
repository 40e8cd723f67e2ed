# The two commands a newcomer needs (see README.md):
#   make serve   build what is missing and serve the app at http://127.0.0.1:8080
#   make test    run every test: fmt, clippy, native tests, browser tests, e2e
# Both first run scripts/setup.sh, which installs what is missing and skips
# what is there.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
export PATH := $(CURDIR)/tests/e2e/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
export CARGO_TERM_COLOR ?= never

# The toolchain that builds wasm32 (written by scripts/setup.sh).
WASM_TC = $$(cat target/.wasm-toolchain)

.PHONY: serve test setup fmt-check clippy test-native test-browser dist test-e2e fuzz-smoke bench fuzz clean

setup:
	@bash scripts/setup.sh

serve: setup
	@echo "PolicyLens will be served at http://127.0.0.1:8080"
	RUSTUP_TOOLCHAIN=$(WASM_TC) trunk serve --release --address 127.0.0.1 --port 8080

test: setup fmt-check clippy test-native fuzz-smoke test-browser dist test-e2e
	@echo "make test: all checks passed"

fmt-check:
	cargo +stable fmt --all -- --check

clippy:
	cargo +stable clippy --workspace --all-targets -- -D warnings

test-native:
	cargo +stable test --workspace --all-targets
	cargo +stable test --workspace --doc

# Component tests of the app, in headless Chromium via wasm-bindgen-test.
test-browser:
	RUSTUP_TOOLCHAIN=$(WASM_TC) cargo test -p policylens-web --target wasm32-unknown-unknown

# The release bundle, with its size.
dist:
	RUSTUP_TOOLCHAIN=$(WASM_TC) trunk build --release
	@bash scripts/bundle-size.sh dist

# End-to-end tests of the release bundle served on 127.0.0.1.
test-e2e: dist
	cd tests/e2e && node --test --test-concurrency=1 ./*.test.mjs

bench:
	cargo +stable bench -p policylens-core

# Fuzzing: a short bounded run in `make test`, a longer one by hand
# (`make fuzz FUZZ_SECONDS=600`).
FUZZ_SECONDS ?= 60
fuzz-smoke:
	bash scripts/fuzz.sh 20

fuzz:
	bash scripts/fuzz.sh $(FUZZ_SECONDS) $$(nproc)

clean:
	cargo clean
	rm -rf dist tests/e2e/artifacts
