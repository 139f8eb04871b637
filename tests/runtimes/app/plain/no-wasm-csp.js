// Loaded under a CSP without 'wasm-unsafe-eval', where no wasm can compile: the import
// still succeeds, calls say subkit is not initialised, and init() gives the reason.
import * as subkit from "/node_modules/subkit/index.js";

const out = {};
try {
  subkit.nextRuns("monthly", { count: 1 });
} catch (e) {
  out.call = e.message;
}
out.init = await subkit.init().then(() => "resolved", (e) => `${e.name}: ${e.message}`);
document.getElementById("out").textContent = JSON.stringify(out);
