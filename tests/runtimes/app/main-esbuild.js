// The same app for esbuild, which does not copy the .wasm that `new URL(…,
// import.meta.url)` points at: the file loader gives its URL, and init() takes it.
import wasmUrl from "subkit/subkit_bg.wasm";
import { init, validateResource } from "subkit";

// Before init the automatic set-up has found no .wasm: calls say what to do.
try {
  validateResource("customer_subscriptions", {});
} catch (e) {
  globalThis.beforeInit = e.message;
}
await init(new URL(wasmUrl, import.meta.url));
await import("./main.js");
