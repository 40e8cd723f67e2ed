# The two commands a newcomer needs (see README.md):
#   make serve   build what is missing and serve the app at http://127.0.0.1:8080
#   make test    run every test: fmt, clippy, native tests, Python, browser tests, e2e
# Both first run scripts/setup.sh, which installs what is missing and skips
# what is there.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
export PATH := $(CURDIR)/tests/e2e/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
export CARGO_TERM_COLOR ?= never

# The toolchain that builds wasm32 (written by scripts/setup.sh).
WASM_TC = $$(cat target/.wasm-toolchain)

.PHONY: serve test setup fmt-check clippy test-native test-python test-browser dist test-npm test-e2e fuzz-smoke bench fuzz clean

setup:
	@bash scripts/setup.sh

serve: setup
	@echo "PolicyLens will be served at http://127.0.0.1:8080"
	RUSTUP_TOOLCHAIN=$(WASM_TC) trunk serve --release --address 127.0.0.1 --port 8080

test: setup fmt-check clippy test-native test-python fuzz-smoke test-browser dist test-npm test-e2e
	@echo "make test: all checks passed"

fmt-check:
	cargo +stable fmt --all -- --check

clippy:
	cargo +stable clippy --workspace --all-targets -- -D warnings
	cargo +stable clippy -p policylens-core --features ts --all-targets -- -D warnings

test-native:
	cargo +stable test --workspace --all-targets
	cargo +stable test --workspace --doc

# The Python package (crates/python): the wheel built by maturin, installed
# into the virtual environment of scripts/setup.sh, and its pytest suite
# (the Dask test starts a local cluster of two worker processes). Then the
# wheel alone, in a new empty environment, prints mijian.txt's first SDK.
VENV := $(CURDIR)/target/venv
WHEELS := $(CURDIR)/target/wheels
test-python:
	@test -x $(VENV)/bin/maturin || { echo "make test-python: no $(VENV); run make setup" >&2; exit 1; }
	rm -rf $(WHEELS)
	$(VENV)/bin/maturin build --quiet -m crates/python/Cargo.toml --out $(WHEELS)
	$(VENV)/bin/python -m pip install --quiet --force-reinstall --no-deps $(WHEELS)/policylens-*.whl
	cd crates/python && $(VENV)/bin/python -m pytest -p no:cacheprovider
	rm -rf target/venv-bare && python3 -m venv target/venv-bare
	target/venv-bare/bin/python -m pip install --quiet --disable-pip-version-check $(WHEELS)/policylens-*.whl
	target/venv-bare/bin/python -c "import policylens; print(policylens.analyze(open('tests/corpus/policies/mijian.txt', encoding='utf-8').read())['sdks'][0]['name'])"

# Component tests of the app, in headless Chromium via wasm-bindgen-test.
test-browser:
	RUSTUP_TOOLCHAIN=$(WASM_TC) cargo test -p policylens-web --target wasm32-unknown-unknown

# The release bundle, with its size.
dist:
	RUSTUP_TOOLCHAIN=$(WASM_TC) trunk build --release
	@bash scripts/bundle-size.sh dist

# The npm package (packages/npm): its report types against what ts-rs
# generates from the Rust types, the package packed from the release bundle
# into target/npm/policylens-<version>.tgz, then installed into an empty
# project, type-checked with tsc and run in headless Chromium.
test-npm: dist
	cargo +stable test -q -p policylens-core --features ts --test typescript
	bash scripts/npm-pack.sh
	cd tests/e2e && node --test --test-concurrency=1 ./npm-package.test.mjs

# End-to-end tests of the release bundle served on 127.0.0.1 (the npm
# package's are test-npm's).
E2E_TESTS := $(filter-out npm-package.test.mjs,$(notdir $(wildcard tests/e2e/*.test.mjs)))
test-e2e: dist
	cd tests/e2e && node --test --test-concurrency=1 $(addprefix ./,$(E2E_TESTS))

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
