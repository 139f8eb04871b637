// The public functions, listed once; the entry points initialise the module and
// re-export these.
export {
  validateResource,
  buildResource,
  buildRequest,
  resourceDefaults,
  parseFrequency,
  describeFrequency,
  nextRuns,
} from "./dist/subkit.js";
