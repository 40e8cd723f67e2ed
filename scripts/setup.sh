#!/usr/bin/env bash
# Makes a fresh machine ready to build, serve and test PolicyLens, and does
# nothing where things are already there. Every step checks before it acts, so
# running it twice is cheap (a second run takes a few seconds).
#
# What it installs, and why each route was chosen, is in docs/toolchain.md.
# Usage: scripts/setup.sh [--no-browser]
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

want_browser=1
for arg in "$@"; do
  case "$arg" in
    --no-browser) want_browser=0 ;;
    *) echo "setup: unknown argument $arg" >&2; exit 2 ;;
  esac
done

# Each message says how long setup has run so far, so a slow step shows.
started=$(date +%s)
say() { printf '\033[1msetup:\033[0m [%4ss] %s\n' "$(($(date +%s) - started))" "$*"; }

sudo_if_needed() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_updated=0
apt_install() {
  # Installs the Debian packages that are missing, running `apt-get update`
  # at most once per run.
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ $apt_updated -eq 0 ]; then
    say "apt-get update"
    sudo_if_needed apt-get update -qq
    apt_updated=1
  fi
  say "apt-get install ${missing[*]}"
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# --- 1. A Rust toolchain that can build wasm32-unknown-unknown -------------
#
# The native toolchain (rustup's stable) builds the core, the CLI and runs
# clippy. For wasm we prefer rustup's own target; where its server cannot be
# reached we fall back to Debian's rustc-web plus a wasm32 sysroot built once
# from its source, linked into rustup as the toolchain `web`.
# The chosen toolchain name is written to target/.wasm-toolchain for the
# Makefile to read.
mkdir -p target
wasm_toolchain_file=target/.wasm-toolchain

has_wasm_target() {
  local tc=$1
  local sysroot
  sysroot=$(rustc +"$tc" --print sysroot 2>/dev/null) || return 1
  [ -n "$(ls "$sysroot"/lib/rustlib/wasm32-unknown-unknown/lib/libstd-*.rlib 2>/dev/null)" ]
}

build_web_sysroot() {
  # Builds std, panic_abort and test for wasm32 from Debian's rust-web-src and
  # installs the rlibs as a target of the `web` toolchain.
  local scratch
  scratch=$(mktemp -d)
  say "building the wasm32 standard library once (about a minute)"
  (
    cd "$scratch"
    cargo +web init --lib --name sysroot_probe -q
    RUSTC_BOOTSTRAP=1 cargo +web build -q --release --target wasm32-unknown-unknown \
      -Zbuild-std=std,panic_abort,test
  )
  local dest=/usr/lib/rustlib/wasm32-unknown-unknown/lib
  sudo_if_needed mkdir -p "$dest"
  find "$scratch/target/wasm32-unknown-unknown/release/deps" -name '*.rlib' ! -name 'libsysroot_probe-*' \
    -exec cp {} "$dest/" \;
  rm -rf "$scratch"
}

if has_wasm_target stable; then
  echo stable >"$wasm_toolchain_file"
elif has_wasm_target web; then
  echo web >"$wasm_toolchain_file"
else
  say "trying rustup target add wasm32-unknown-unknown (60 s at most)"
  if timeout 60 rustup target add --toolchain stable wasm32-unknown-unknown >/dev/null 2>&1 && has_wasm_target stable; then
    echo stable >"$wasm_toolchain_file"
  else
    say "rustup cannot download here; using Debian's rustc-web"
    apt_install rustc-web cargo-web rust-web-src rust-web-llvm lld-22
    rustup toolchain list | grep -q '^web' || rustup toolchain link web /usr
    has_wasm_target web || build_web_sysroot
    has_wasm_target web || { echo "setup: the wasm32 sysroot could not be built" >&2; exit 1; }
    echo web >"$wasm_toolchain_file"
  fi
fi
wasm_tc=$(cat "$wasm_toolchain_file")
say "wasm toolchain: $wasm_tc ($(rustc +"$wasm_tc" --version))"

rustup component list --toolchain stable --installed 2>/dev/null | grep -q '^clippy' ||
  rustup component add --toolchain stable clippy rustfmt

# --- 2. wasm-bindgen-cli at exactly the version in Cargo.lock ----------------
wb_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wb_version" ]; then
  say "installing wasm-bindgen-cli $wb_version (about 3 minutes)"
  # Not --locked: the registry mirror lacks one crate version that the
  # published lock file names.
  cargo +stable install -q --force wasm-bindgen-cli --version "=$wb_version"
fi

# --- 3. Trunk 0.21 -----------------------------------------------------------
if ! trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.'; then
  say "installing trunk 0.21 (about 10 minutes on 2 cores)"
  cargo +stable install -q --locked trunk --version '~0.21'
fi

# --- 4. npm packages: wasm-opt (binaryen), playwright-core, axe-core, tsc ---
# All are pinned by tests/e2e/package-lock.json. Debian's binaryen is too old
# for what rustc 1.96 emits. TypeScript type-checks a project that uses the
# npm package (make test-npm).
if [ ! -x tests/e2e/node_modules/.bin/wasm-opt ] || [ ! -d tests/e2e/node_modules/playwright-core ] || [ ! -d tests/e2e/node_modules/axe-core ] ||
  [ ! -x tests/e2e/node_modules/.bin/tsc ] ||
  [ tests/e2e/package-lock.json -nt tests/e2e/node_modules/.package-lock.json ]; then
  say "npm ci in tests/e2e"
  (cd tests/e2e && npm ci --no-audit --no-fund --silent)
fi

# --- 5. cargo-fuzz, for the bounded fuzz run of `make test` -------------------
command -v cargo-fuzz >/dev/null || { say "installing cargo-fuzz"; cargo +stable install -q cargo-fuzz; }

# --- 6. Chromium and chromedriver for the browser tests --------------------
if [ $want_browser -eq 1 ]; then
  # CJK fonts so that screenshots show Chinese text, not empty boxes.
  apt_install chromium chromium-driver fonts-noto-cjk
fi

# --- 7. A Python virtual environment for the Python package ----------------
# target/venv: maturin (builds the wheel), pytest, Dask, pyarrow and pandas at
# the versions of crates/python/requirements-dev.txt, from PyPI. Made again
# only when that file changes (a copy of it in the venv says what is there).
venv=target/venv
py_requirements=crates/python/requirements-dev.txt
if [ ! -x "$venv/bin/python" ] || ! cmp -s "$py_requirements" "$venv/.requirements"; then
  say "Python virtual environment $venv (pip install, about a minute)"
  command -v python3 >/dev/null || apt_install python3 python3-venv
  rm -rf "$venv"
  # Debian's own python3 has no ensurepip without python3-venv.
  python3 -m venv "$venv" 2>/dev/null || { apt_install python3-venv; rm -rf "$venv"; python3 -m venv "$venv"; }
  "$venv/bin/python" -m pip install -q --disable-pip-version-check -r "$py_requirements"
  cp "$py_requirements" "$venv/.requirements"
fi

say "ready (a second run takes a few seconds)"
