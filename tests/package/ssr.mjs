// What a framework rendering on the server does: import the package in Node, with no DOM. Prints
// what the import exported, where it resolved and which globals it added, as JSON, for
// tests/page/package.test.mjs (run with --conditions=browser too: the browser entry without a DOM).
const before = new Set(Reflect.ownKeys(globalThis));
const entry = await import("round-explainer");
const element = await import("round-explainer/element");
const added = Reflect.ownKeys(globalThis).filter((key) => !before.has(key)).map(String);
console.log(JSON.stringify({
  resolved: import.meta.resolve("round-explainer"),
  exports: [...Object.keys(entry), ...Object.keys(element)],
  added,
}));
