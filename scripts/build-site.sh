#!/usr/bin/env bash
# Builds the release wasm with wasm-pack and lays out the site in dist/:
#   dist/index.html        the article with the explainer written in (its stylesheets inline)
#   dist/embed/<story>.html   an iframe child per story, its explainer written in
#   dist/pkg/              the wasm with the developer API, and its ES-module glue (README)
#   dist/pkg-embed/        the wasm the embeds and pages load (its glue is in their bundles)
#   dist/stories/          story files
#   dist/round-explainer.html   the article and explainer in one file that opens from disk
#   dist/round-explainer.js, embed.html, embed-loader(.min).js   the embeds
#   dist/main.js           the article page's script, bundled with the glue and the element
set -euo pipefail
cd "$(dirname "$0")/.."

wasm-pack --log-level error build --release --target web --out-dir pkg --no-pack
test -s pkg/round_explainer_bg.wasm || { echo "wasm-pack did not produce pkg/round_explainer_bg.wasm" >&2; exit 1; }
# wasm-pack's own wasm-opt step is off (Cargo.toml): npm's binaryen is current, Debian's is not.
node_modules/.bin/wasm-opt -Oz --converge --strip-producers pkg/round_explainer_bg.wasm -o pkg/round_explainer_bg.wasm

# The wasm the embeds and pages load: the same crate without the developer API (Cargo.toml),
# which they never call. pkg/ above keeps it, for developers (README).
cargo build --quiet --lib --release --target wasm32-unknown-unknown --no-default-features
wasm-bindgen --target web --no-typescript --out-dir pkg-embed \
  target/wasm32-unknown-unknown/release/round_explainer.wasm
# The same wasm with classic-script glue, for the one-file build that opens from file://.
wasm-bindgen --target no-modules --no-typescript --out-dir pkg-nomodules \
  target/wasm32-unknown-unknown/release/round_explainer.wasm
# Only the glue differs between the two, so the wasm is optimised once.
cmp -s pkg-embed/round_explainer_bg.wasm pkg-nomodules/round_explainer_bg.wasm ||
  { echo "wasm-bindgen gave the two embed targets different wasm" >&2; exit 1; }
node_modules/.bin/wasm-opt -Oz --converge --strip-producers pkg-embed/round_explainer_bg.wasm -o pkg-embed/round_explainer_bg.wasm
cp pkg-embed/round_explainer_bg.wasm pkg-nomodules/round_explainer_bg.wasm

# The native command that writes the explainer into the pages (scripts/prerender.mjs): the same
# description the wasm draws.
cargo build --quiet --bin round-explainer
binary=target/debug/round-explainer

rm -rf dist
mkdir -p dist/pkg dist/pkg-embed
cp -r www/. dist/
cp pkg/round_explainer.js pkg/round_explainer_bg.wasm pkg/round_explainer.d.ts dist/pkg/
cp pkg-embed/round_explainer.js pkg-embed/round_explainer_bg.wasm dist/pkg-embed/
# Stylesheets without their comments (the sources in www/ keep them), then the article page's inline.
for sheet in dist/*.css; do
  node_modules/.bin/esbuild "$sheet" --minify --log-level=warning --allow-overwrite --outfile="$sheet"
done
node scripts/prerender.mjs "$binary"
node scripts/inline-styles.mjs dist/index.html
node_modules/.bin/terser www/embed-loader.js --compress --mangle --output dist/embed-loader.min.js
# What readers download is minified; the sources in www/ and the glue in pkg/ stay readable.
# The element module and the article page's script are each bundled into one file with the
# embeds' glue (pkg-embed/) and element.js: one request instead of three or four, which on a
# cold load is worth more than the bytes two copies of the glue cost the rare page that loads
# both.
# Each bundle starts with V8's compile hint (Chrome 136+; a comment elsewhere): nearly all of
# it runs while the explainer mounts, so compiling it all on a background thread as it streams
# in beats compiling each function on the main thread at its first call (8-9 ms sooner in
# interleaved A/B runs of 25 cold loads).
# main.js first: it imports round-explainer.js, which must still be the source, not a bundle.
for entry in main.js round-explainer.js; do
  node_modules/.bin/esbuild "dist/$entry" --bundle --format=esm --minify --log-level=warning \
    --banner:js="//# allFunctionsCalledOnLoad" --allow-overwrite --outfile="dist/$entry"
done
# The developer module (README): the glue alone.
node_modules/.bin/terser dist/pkg/round_explainer.js --module --compress --mangle \
  --output dist/pkg/round_explainer.js
rm dist/element.js dist/pkg-embed/round_explainer.js
node scripts/build-standalone.mjs pkg-nomodules dist/round-explainer.html "$binary"

wasm_bytes=$(wc -c < dist/pkg-embed/round_explainer_bg.wasm)
wasm_gzip=$(gzip -9c dist/pkg-embed/round_explainer_bg.wasm | wc -c)
echo "built dist/ (wasm: $wasm_bytes bytes, $wasm_gzip gzip)"
