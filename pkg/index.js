// Entry for browsers, bundlers, and any runtime the exports map has no entry of its own
// for. The module's bytes ship inside a JS file (dist/subkit_inline.js, a string of one
// character per byte) and are compiled synchronously here, so bundlers see plain JS: no
// top-level await (which the default targets of Vite 5 and 6 reject), no asset URL
// (which esbuild and Rollup do not copy, and which a page then fetches to a 404), no
// fetch. Every export is ready when the import resolves. Chromium allows large
// synchronous compiles on the main thread since version 114; Firefox and Safari always
// did. Who prefers the .wasm as a file of its own imports "subkit/web" (web.js).
import wasmInit, { initSync } from "./dist/subkit.js";
import text, { byteLength } from "./dist/subkit_inline.js";
import { isReady, markReady } from "./ready.js";

function decode() {
  // A classic <script> takes the page's charset; read as anything but UTF-8, the
  // string has more characters than the module has bytes.
  if (text.length !== byteLength) {
    throw new Error("subkit: its bundle was decoded in a charset other than UTF-8; serve it with charset=utf-8");
  }
  const bytes = new Uint8Array(byteLength);
  for (let i = 0; i < byteLength; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

// Kept rather than thrown at import: a page whose CSP lacks 'wasm-unsafe-eval', or an
// edge runtime that forbids compiling bytes, can still import the module; its functions
// then throw api.js's "not initialised" error, and init() says why.
let failure;
try {
  initSync({ module: decode() });
  markReady();
} catch (error) {
  failure = error;
}

/**
 * Already done on import where the runtime allows compiling wasm. If that failed,
 * `init(source)` tries again from another source (anything wasm-bindgen's web glue takes
 * as `module_or_path`: a URL, a Request or Response, bytes, a WebAssembly.Module), and
 * `init()` rejects with the reason the import-time compile failed.
 */
export async function init(source) {
  if (isReady()) return;
  if (source === undefined) throw failure;
  await wasmInit({ module_or_path: source });
  markReady();
}

export * from "./api.js";
