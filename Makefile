# round-explainer: `make demo` to see it, `make test` to check it. Both install what is missing
# (scripts/install-tools.sh) and are quick when everything is already there.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)
PORT ?= 8000

.PHONY: help tools build package demo bench test fmt clippy test-native test-chrome test-firefox test-page clean

help:
	@echo "make demo   build the site into dist/ and serve it on http://127.0.0.1:$(PORT)/"
	@echo "make build  build the site into dist/ without serving it"
	@echo "make package  the npm package into pkg-npm/ (README: Use it from your build)"
	@echo "make bench  payload, start-up, interaction, memory and model figures into BENCHMARKS.md"
	@echo "make test   fmt, clippy, native tests, browser tests in headless Chrome and Firefox, page tests"

tools:
	@scripts/install-tools.sh

build: tools
	@scripts/build-site.sh

# Not part of build: its wasm-pack build and wasm-opt add about 25 s when the Rust has changed.
package: tools
	@scripts/build-package.sh

demo: build
	@echo "Serving dist/ at http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)"
	@python3 -m http.server $(PORT) --bind 127.0.0.1 --directory dist

test: tools fmt clippy test-native test-chrome test-firefox test-page
	@echo "All checks passed: fmt, clippy, native, Chrome, Firefox, pages."

fmt:
	@echo "== cargo fmt --check"
	@cargo fmt --all -- --check
	@cargo fmt --manifest-path benches/model-floor/Cargo.toml -- --check

clippy:
	@echo "== cargo clippy (native, wasm32, the embeds' wasm32 without the developer API, make bench's model floor)"
	@cargo clippy --quiet --all-targets -- -D warnings
	@cargo clippy --quiet --all-targets --target wasm32-unknown-unknown -- -D warnings
	@cargo clippy --quiet --lib --target wasm32-unknown-unknown --no-default-features -- -D warnings
	@cargo clippy --quiet --target wasm32-unknown-unknown --target-dir target \
	  --manifest-path benches/model-floor/Cargo.toml -- -D warnings

test-native:
	@echo "== native tests"
	@cargo test --quiet

# Each browser run gets only its own driver variable: with both set, both runs use Firefox.
test-chrome:
	@echo "== browser tests in headless Chrome (Debian's chromium)"
	@env -u GECKODRIVER CHROMEDRIVER=/usr/bin/chromedriver \
	  wasm-pack --log-level warn test --headless --chrome -- --test web

test-firefox:
	@echo "== browser tests in headless Firefox (Debian's firefox-esr)"
	@env -u CHROMEDRIVER GECKODRIVER=$(HOME)/.cargo/bin/geckodriver \
	  wasm-pack --log-level warn test --headless --firefox -- --test web

# Figures against budgets (payload, start-up, interaction, memory, model), into BENCHMARKS.md.
bench: build
	@echo "== native model timings (cargo bench)"
	@cargo bench --quiet --bench model | tee target/bench-model.txt
	@command -v twiggy >/dev/null || cargo install -q twiggy --version 0.8.0
	@# The shipped wasm has no names; this copy is optimised the same way but keeps them, for twiggy.
	@# The build leaves the embeds' wasm (without the developer API) in target/: the one readers load.
	@wasm-bindgen --target web --keep-debug --no-typescript --out-dir target/bench-named \
	  target/wasm32-unknown-unknown/release/round_explainer.wasm
	@node_modules/.bin/wasm-opt -Oz --converge -g target/bench-named/round_explainer_bg.wasm \
	  -o target/bench-named/named.wasm
	@twiggy top -n 100000 target/bench-named/named.wasm > target/twiggy-top.txt
	@# The payload floor: the crate's model and story reader without the view (benches/model-floor).
	@cargo build --quiet --release --target wasm32-unknown-unknown --target-dir target \
	  --manifest-path benches/model-floor/Cargo.toml
	@wasm-bindgen --target web --no-typescript --out-dir target/model-floor \
	  target/wasm32-unknown-unknown/release/model_floor.wasm
	@node_modules/.bin/wasm-opt -Oz --converge --strip-producers target/model-floor/model_floor_bg.wasm \
	  -o target/model-floor/model_floor_bg.wasm
	@echo "== browser figures (headless Chromium)"
	@node scripts/bench.mjs target/bench-model.txt target/twiggy-top.txt target/model-floor

# The built site (release wasm after wasm-opt): pages, embeds, the one-file build, the axe audit
# and a keyboard pass in headless Chromium (playwright-core); the one-file build in Firefox ESR;
# the npm package installed into tests/package/, bundled and imported on a server.
test-page: build package
	@echo "== page tests: dist/ in headless Chromium (playwright-core) and Firefox ESR (geckodriver)"
	@node --test tests/page/

clean:
	rm -rf dist pkg pkg-embed pkg-nomodules pkg-npm tests/package/node_modules tests/package/out target
