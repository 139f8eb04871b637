// Opt-in entry ("subkit/web") for those who prefer the .wasm as a file of its own: it is
// cached apart from the code and compiled while it downloads, and no base64 copy ships
// in the bundle. Nothing happens at import (no top-level await, which Vite's default
// targets reject); `await init()` loads dist/subkit_bg.wasm next to this module, which
// Vite, webpack 5 and Parcel copy as an asset, and `await init(url)` takes the URL a
// bundler that copies nothing by itself gives (esbuild's file loader).
import wasmInit from "./dist/subkit.js";
import { markReady } from "./ready.js";

/**
 * Instantiates the module (once). `source` is anything wasm-bindgen's web glue takes as
 * `module_or_path` (index.d.ts lists them as InitInput): the .wasm's URL (a URL or a
 * string), a Request or Response, its bytes, a WebAssembly.Module, or a promise of one;
 * by default the file next to this module.
 */
export async function init(source) {
  await wasmInit({ module_or_path: source ?? new URL("./dist/subkit_bg.wasm", import.meta.url) });
  markReady();
}

export * from "./api.js";
