// The opt-in "subkit/web" entry: nothing loads at import; init() fetches the .wasm the
// bundler copied next to the code. A promise chain, not top-level await, which the
// default targets of Vite 5 and 6 reject.
import * as subkit from "subkit/web";
import { show } from "../answers.js";

try {
  subkit.validateResource("customer_subscriptions", {});
} catch (e) {
  globalThis.beforeInit = e.message;
}
subkit.init().then(() => show(subkit));
