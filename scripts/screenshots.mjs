// Screenshots of the built article page for a look: phone (375 px) and desktop (1280 px), light
// and dark. Usage: node scripts/screenshots.mjs [out-dir] (default: screenshots/, git-ignored).
import { mkdir } from "node:fs/promises";
import { serveDist, launchChromium, watchErrors } from "../tests/page/harness.mjs";

const out = process.argv[2] ?? "screenshots";
await mkdir(out, { recursive: true });
const server = await serveDist();
const browser = await launchChromium();
try {
  for (const [name, width] of [["phone", 375], ["desktop", 1280]]) {
    for (const scheme of ["light", "dark"]) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
      const errors = watchErrors(page);
      await page.goto(server.url);
      await page.waitForSelector("#explainer[data-ready]");
      const file = `${out}/${name}-${scheme}.png`;
      await page.screenshot({ path: file });
      // The explainer in slices of 1000 px, small enough to read.
      const box = await (await page.$("#explainer")).boundingBox();
      const scroll = await page.evaluate(() => window.scrollY);
      for (let top = 0, slice = 1; top < box.height; top += 1000, slice++) {
        const clip = { x: box.x, y: box.y + scroll + top, width: box.width, height: Math.min(1000, box.height - top) };
        await page.screenshot({ path: `${out}/${name}-${scheme}-explainer-${slice}.png`, fullPage: true, clip });
      }
      console.log(file, errors.length ? `console errors: ${errors.join(" | ")}` : "no console errors");
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
