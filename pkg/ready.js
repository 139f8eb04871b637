// Whether the wasm module is instantiated. This lives apart from api.js so that the
// entry points' `export * from "./api.js"` re-exports the API functions and nothing
// else: the entry points import markReady from here, and the exports map of
// package.json does not expose this file.
let ready = false;

/** Called by an entry point once the module is instantiated. */
export function markReady() {
  ready = true;
}

/** Read by api.js before every call. */
export function isReady() {
  return ready;
}
