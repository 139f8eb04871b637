// The opt-in "subkit/web" entry with esbuild, which does not copy the .wasm that
// `new URL(…, import.meta.url)` points at: the file loader gives its URL, and init() takes it.
import wasmUrl from "subkit/subkit_bg.wasm";
import * as subkit from "subkit/web";
import { show } from "../answers.js";

try {
  subkit.validateResource("customer_subscriptions", {});
} catch (e) {
  globalThis.beforeInit = e.message;
}
await subkit.init(new URL(wasmUrl, import.meta.url));
show(subkit);
