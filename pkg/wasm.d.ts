/**
 * The `subkit/subkit_bg.wasm` export, as a bundler's file loader hands it over (esbuild's
 * `--loader:.wasm=file`, webpack's `type: "asset/resource"`): the URL of the copied `.wasm`,
 * as a string relative to the bundle or absolute. `init` takes it:
 *
 * ```js
 * import wasmUrl from "subkit/subkit_bg.wasm";
 * import { init } from "subkit";
 * await init(new URL(wasmUrl, import.meta.url));
 * ```
 *
 * Other set-ups give other values for this import (wrangler a `WebAssembly.Module`); the
 * package's own entries already cover those runtimes without it.
 */
declare const wasmUrl: string;
export default wasmUrl;
