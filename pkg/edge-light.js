// Entry for Next.js's edge runtime (the "edge-light" condition), which forbids compiling
// wasm from bytes at run time: its bundler turns an import of a .wasm with the ?module
// suffix into a compiled WebAssembly.Module. Next.js compiles that module outside the
// sandbox the route runs in, so it fails the glue's `instanceof WebAssembly.Module` and
// initSync would take it for bytes; WebAssembly.instantiate accepts a module from any
// realm. Next.js bundles edge code with top-level await, which its ?module import
// already needs.
import wasmModule from "./dist/subkit_bg.wasm?module";
import wasmInit from "./dist/subkit.js";
import { markReady } from "./ready.js";

await wasmInit({ module_or_path: wasmModule });
markReady();

/** Already initialised on import; kept so shared code can `await init()`. */
export async function init() {}
export * from "./api.js";
