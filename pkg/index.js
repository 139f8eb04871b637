// Entry for browsers and bundlers. Top-level await instantiates the module once, so
// every export is ready when the import resolves; `init()` is kept for callers who
// want to await it explicitly (it resolves at once after the first time).
import init from "./dist/subkit.js";

await init({ module_or_path: new URL("./dist/subkit_bg.wasm", import.meta.url) });

export { init };
export * from "./api.js";
