// Entry for browsers and bundlers. Top-level await instantiates the module from the
// .wasm next to this file, so with Vite, webpack or a plain <script type="module">
// every export is ready when the import resolves. Where the .wasm is not served
// there (esbuild does not copy it), the import still succeeds and `init(url)` with
// the .wasm's URL or bytes finishes the job.
import wasmInit from "./dist/subkit.js";
import { markReady } from "./ready.js";

const defaultUrl = () => new URL("./dist/subkit_bg.wasm", import.meta.url);

/**
 * Instantiates the module (once). `source` is anything wasm-bindgen's web glue takes as
 * `module_or_path` (index.d.ts lists them as InitInput): the .wasm's URL (a URL or a
 * string), a Request or Response, its bytes, a WebAssembly.Module, or a promise of one;
 * by default the file next to this module.
 */
export async function init(source) {
  await wasmInit({ module_or_path: source ?? defaultUrl() });
  markReady();
}

try {
  await init();
} catch {
  // Not fatal: the functions say to call init(url) when used before it succeeds.
}

export * from "./api.js";
