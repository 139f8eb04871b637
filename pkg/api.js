// The public functions, listed once; each entry point initialises the module its own
// way and re-exports these.
export {
  validateResource,
  buildResource,
  buildRequest,
  resourceDefaults,
  parseFrequency,
  describeFrequency,
  nextRuns,
  validateAdobeSubscription,
  buildAdobeSubscription,
} from "./dist/subkit.js";
