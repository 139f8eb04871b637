// Entry for Next.js's edge runtime (the "edge-light" condition), which forbids compiling
// wasm from bytes at run time: its bundler turns an import of a .wasm with the ?module
// suffix into a compiled WebAssembly.Module, which instantiates synchronously.
import wasmModule from "./dist/subkit_bg.wasm?module";
import { initSync } from "./dist/subkit.js";
import { markReady } from "./ready.js";

initSync({ module: wasmModule });
markReady();

/** Already initialised on import; kept so shared code can `await init()`. */
export async function init() {}
export * from "./api.js";
