// Installs the built package (pkg-npm/, `make package`) into this fixture site and bundles the
// site with esbuild into out/, as a newsroom's build would: `node tests/package/build.mjs`.
// The install is a copy (--install-links), so it holds only the package's "files", as one from
// the registry would; it needs nothing from the registry.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = fileURLToPath(new URL(".", import.meta.url));
const out = `${here}out/`;
if (!existsSync(`${here}../../pkg-npm/package.json`)) throw new Error("no pkg-npm/: run `make package` first");

rmSync(`${here}node_modules`, { recursive: true, force: true });
execFileSync("npm", ["install", "--install-links", "--offline", "--no-audit", "--no-fund", "--no-package-lock", "--silent"], {
  cwd: here,
  stdio: "inherit",
});

rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: [`${here}index.js`],
  outfile: `${out}app.js`,
  bundle: true,
  format: "esm",
  platform: "browser",
  minify: true,
  logLevel: "warning",
});
// esbuild does not follow `new URL("./file", import.meta.url)`: the element looks for the wasm and
// its stylesheet next to the bundle, so they go there, found through the package's exports.
cpSync(fileURLToPath(import.meta.resolve("round-explainer/wasm")), `${out}round_explainer_bg.wasm`);
cpSync(fileURLToPath(import.meta.resolve("round-explainer/explainer.css")), `${out}explainer.css`);
cpSync(`${here}index.html`, `${out}index.html`);
mkdirSync(`${out}stories`);
cpSync(`${here}../../www/stories/openai-2026.json`, `${out}stories/openai-2026.json`);
