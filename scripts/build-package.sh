#!/usr/bin/env bash
# Builds the npm package into pkg-npm/ (README, "Use it from your build"): wasm-pack's build of
# the crate (with the developer API, which the package exports), its glue and types, and around
# them the element (www/element.js), its stylesheet and the package's own files in npm/: the
# entry, the server entry, the element's types and the package.json fields wasm-pack does not
# write. tests/page/package.test.mjs installs it into the fixture site in tests/package/.
set -euo pipefail
cd "$(dirname "$0")/.."
out=pkg-npm

rm -rf "$out"
wasm-pack --log-level error build --release --target web --out-dir "$out"
test -s "$out/round_explainer_bg.wasm" || { echo "wasm-pack did not produce $out/round_explainer_bg.wasm" >&2; exit 1; }

# wasm-opt from npm's binaryen, as scripts/build-site.sh does (Cargo.toml turns wasm-pack's off).
# It takes most of this script's time, so its result is kept under the hash of its input: a
# rebuild of unchanged Rust does not run it again. Only the latest result is kept.
cache=target/package-wasm-opt
key=$(sha256sum "$out/round_explainer_bg.wasm" | cut -d' ' -f1)
if [ ! -s "$cache/$key.wasm" ]; then
  rm -rf "$cache" && mkdir -p "$cache"
  node_modules/.bin/wasm-opt -Oz --converge --strip-producers "$out/round_explainer_bg.wasm" -o "$cache/$key.tmp"
  mv "$cache/$key.tmp" "$cache/$key.wasm"
fi
cp "$cache/$key.wasm" "$out/round_explainer_bg.wasm"

# The sources as they are, readable: the site that installs the package minifies what it ships.
cp www/element.js www/explainer.css npm/round-explainer.js npm/round-explainer.d.ts npm/server.js "$out/"
# wasm-pack's package.json gives what comes from Cargo.toml (name, version, description, licence,
# repository); npm/package.json gives the rest, and replaces wasm-pack's main, types, files and
# sideEffects, which describe the glue alone.
node --input-type=module -e '
  import { readFileSync, writeFileSync } from "node:fs";
  const [out] = process.argv.slice(1);
  const { name, version, description, license, repository } = JSON.parse(readFileSync(`${out}/package.json`, "utf8"));
  const ours = JSON.parse(readFileSync("npm/package.json", "utf8"));
  writeFileSync(`${out}/package.json`, JSON.stringify({ name, version, description, license, repository, ...ours }, null, 2) + "\n");
' "$out"
echo "built $out/ (npm package $(node -p "require('./$out/package.json').version"))"
