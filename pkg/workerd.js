// Entry for Cloudflare Workers (workerd): the Workers build imports a .wasm file as a
// compiled WebAssembly.Module, which instantiates synchronously.
import wasmModule from "./dist/subkit_bg.wasm";
import { initSync } from "./dist/subkit.js";
import { markReady } from "./ready.js";

initSync({ module: wasmModule });
markReady();

/** Already initialised on import; kept so shared code can `await init()`. */
export async function init() {}
export * from "./api.js";
