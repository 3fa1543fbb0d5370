// What a server (Node, Deno, Bun) or a worker gets for `import "round-explainer"` (the "node" and
// "worker" conditions in package.json): nothing. Frameworks that render on the server import the
// page's modules there, and the element only exists in a browser, where it draws itself once the
// page has loaded. To have the figures in the server's HTML, write them with the native command
// (`round-explainer snippet --prerendered`, README); the element takes them over in the browser.
export {};
