// CommonJS entry for Node's require(): wasm-bindgen's nodejs glue reads the .wasm
// synchronously, so requiring is all the set-up. It reads dist/subkit_bg.wasm, the
// file every entry loads (scripts/build-pkg.sh points it there from dist/cjs/).
const glue = require("./dist/cjs/subkit.js");

// The glue also exports wasm-bindgen internals (`__wbg_…`) and the fast route's own (`_…`); only the API is public.
for (const [name, value] of Object.entries(glue)) {
  if (!name.startsWith("_") && typeof value === "function") exports[name] = value;
}

// validateResource takes the fast route of fast.js (its CommonJS copy).
exports.validateResource = require("./dist/cjs/fast.cjs").fastValidateResource(glue);

/** Already initialised on require; kept so shared code can `await init()`. */
exports.init = async function init() {};
