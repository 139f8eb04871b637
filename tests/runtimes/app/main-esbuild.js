// The same app for esbuild, which does not copy the .wasm that `new URL(…,
// import.meta.url)` points at: the file loader gives its URL, and init() takes it.
import wasmUrl from "subkit/subkit_bg.wasm";
import { init } from "subkit";

await init(new URL(wasmUrl, import.meta.url));
await import("./main.js");
