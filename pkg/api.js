// The public functions, listed once: every export of this file is public API, since
// the entry points re-export all of it. Each entry point initialises the wasm module
// its own way, then calls markReady() (ready.js); until then every function throws a
// clear error instead of failing deep inside the glue.
import * as glue from "./dist/subkit.js";
import { fastValidateResource } from "./fast.js";
import { isReady } from "./ready.js";

function guard(fn) {
  return function subkit(...args) {
    if (!isReady()) {
      throw new Error(
        "subkit is not initialised yet: `await init()` first (or `await init(wasmUrlOrBytes)` " +
          "when your bundler does not ship subkit_bg.wasm next to the code)",
      );
    }
    return fn(...args);
  };
}

export const validateResource = /* @__PURE__ */ guard(/* @__PURE__ */ fastValidateResource(glue));
export const buildResource = /* @__PURE__ */ guard(glue.buildResource);
export const buildRequest = /* @__PURE__ */ guard(glue.buildRequest);
export const resourceDefaults = /* @__PURE__ */ guard(glue.resourceDefaults);
export const parseFrequency = /* @__PURE__ */ guard(glue.parseFrequency);
export const describeFrequency = /* @__PURE__ */ guard(glue.describeFrequency);
export const nextRuns = /* @__PURE__ */ guard(glue.nextRuns);
export const validateAdobeSubscription = /* @__PURE__ */ guard(glue.validateAdobeSubscription);
export const buildAdobeSubscription = /* @__PURE__ */ guard(glue.buildAdobeSubscription);
export const adobeCreationWindow = /* @__PURE__ */ guard(glue.adobeCreationWindow);
