#!/usr/bin/env bash
# Installs what the build and the tests need on a fresh Debian machine with Rust, and nothing
# that is already there. Only crates.io, Debian's packages and the npm registry are reachable,
# so every tool comes from one of them; no tool may download a browser or a binary itself.
set -euo pipefail

WASM_BINDGEN_VERSION=0.2.130   # must equal the `wasm-bindgen` pin in Cargo.toml exactly
WASM_PACK_VERSION=0.15.1
GECKODRIVER_VERSION=0.37.1
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"

log() { printf '[install-tools] %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

missing_debs=()
[ -x /usr/bin/chromium ] || missing_debs+=(chromium)
[ -x /usr/bin/chromedriver ] || missing_debs+=(chromium-driver)
command -v firefox-esr >/dev/null || command -v firefox >/dev/null || missing_debs+=(firefox-esr)
if [ ${#missing_debs[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing_debs[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing_debs[@]}" >/dev/null
fi

# `cargo install` skips a crate that is already at the asked version, but still takes a few
# seconds to say so; checking the binary first keeps a warm run quick.
installed_version() { "$CARGO_BIN/$1" --version 2>/dev/null | head -n 1 | awk '{print $2}' | sed 's/^v//'; }

if [ "$(installed_version wasm-bindgen)" != "$WASM_BINDGEN_VERSION" ]; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes)"
  # Not --locked: the CLI's own lock file does not build with this toolchain.
  cargo install -q wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi
if [ "$(installed_version wasm-pack)" != "$WASM_PACK_VERSION" ]; then
  log "installing wasm-pack $WASM_PACK_VERSION (a few minutes)"
  cargo install -q wasm-pack --version "$WASM_PACK_VERSION" --force
fi
if [ "$(installed_version geckodriver)" != "$GECKODRIVER_VERSION" ]; then
  log "installing geckodriver $GECKODRIVER_VERSION (a few minutes)"
  cargo install -q geckodriver --version "$GECKODRIVER_VERSION" --force
fi

# npm packages (package-lock.json): a current wasm-opt (binaryen 132; Debian's 108 corrupts
# wasm-bindgen's externref table) and, for page tests, playwright-core.
if ! npm ls --silent >/dev/null 2>&1; then
  log "installing npm packages (npm ci)"
  npm ci --silent --no-audit --no-fund
fi
