// The calls the load test sends to the load Worker, and where each takes the body among
// its arguments: one table for the Worker (worker.js), which makes the call, and for
// tests/runtimes/load.test.mjs, which makes the same call in Node to compare.
export const BODY_AT = {
  validateResource: 1,
  buildRequest: 1,
  validateUpdate: 2,
  validateAdobeSubscription: 0,
  buildAdobeSubscription: 0,
  validateAdobeSubscriptionUpdate: 0,
};
