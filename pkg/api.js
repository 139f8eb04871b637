// The public functions, listed once; the entry points initialise the module and
// re-export these. Only conversions live here: the rules are in the wasm core.
import {
  validateAdobeSubscription as validateAdobe,
  buildAdobeSubscription as buildAdobe,
} from "./dist/subkit.js";

export {
  validateResource,
  buildResource,
  buildRequest,
  resourceDefaults,
  parseFrequency,
  describeFrequency,
  nextRuns,
} from "./dist/subkit.js";

/** A fetch `Headers` object becomes a plain object (JSON.stringify would drop it). */
function plainHeaders(request) {
  if (typeof Headers !== "undefined" && request?.headers instanceof Headers) {
    return { ...request, headers: Object.fromEntries(request.headers) };
  }
  return request;
}

export function validateAdobeSubscription(request, context) {
  return validateAdobe(plainHeaders(request), context);
}

export function buildAdobeSubscription(input, options) {
  // The core has no randomness: a generated correlation id comes from here.
  if (options?.generateCorrelationId === true && options.correlationId == null) {
    options = { ...options, correlationId: globalThis.crypto.randomUUID() };
  }
  return buildAdobe(input, options);
}
