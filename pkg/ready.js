// Whether the wasm module is instantiated, and its renewal: a call that traps, or that
// leaves the memory above its high-water mark, costs that call and no more, since the
// instance is then replaced by a new one made from the same compiled module. This
// lives apart from api.js so that the entry points' `export * from "./api.js"`
// re-exports the API functions and nothing else: the entry points import markReady
// from here, and the exports map of package.json does not expose this file.
import { __subkit_renew as renewInstance, _memory } from "./dist/subkit.js";

let ready = false;
let memory = null; // the instance's WebAssembly.Memory
const renewed = []; // callbacks that drop what they cached of the old instance

/**
 * Above this many bytes of wasm memory after a call, the instance is replaced, which
 * gives the memory back: a WebAssembly.Memory never shrinks. A new instance has about
 * 1.1 MiB; validating a document of the largest size the module reads (4 MiB,
 * json::MAX_INPUT_BYTES) as text or bytes takes about 5 MiB and stays under the mark,
 * so a Worker that validates large bodies does not pay for a new instance each time;
 * building from such an input (a tree of values, then the document) takes about
 * 32 MiB and is given back. docs/limits.md gives the figures.
 */
export const MEMORY_HIGH_WATER_BYTES = 16 * 1024 * 1024;

/** Called by an entry point once the module is instantiated. */
export function markReady() {
  ready = true;
  memory = _memory();
}

/** Read by api.js before every call. */
export function isReady() {
  return ready;
}

/** `callback()` runs whenever the instance is replaced (fast.js drops its views). */
export function onRenew(callback) {
  renewed.push(callback);
}

// A new instance from the compiled module the old one was made from: about 0.6 ms.
function renew() {
  renewInstance();
  memory = _memory();
  for (const callback of renewed) callback();
}

/** The bytes of wasm memory the instance has now. */
export function memoryBytes() {
  return memory.buffer.byteLength;
}

/**
 * `fn` as a public function: it throws a clear error until the module is ready, and
 * when a call traps (a WebAssembly.RuntimeError: a bug, or memory the engine would
 * not give) that call throws an Error saying so, with the trap as its `cause`, and the
 * next call runs on a new instance.
 */
export function guarded(fn) {
  return function subkit(...args) {
    if (!ready) {
      throw new Error(
        "subkit is not initialised yet: `await init()` first (or `await init(wasmUrlOrBytes)` " +
          "when your bundler does not ship subkit_bg.wasm next to the code)",
      );
    }
    let result;
    try {
      result = fn(...args);
    } catch (e) {
      if (e instanceof WebAssembly.RuntimeError) {
        renew();
        throw new Error(`subkit: the module failed in this call (${e.message}); it has been restarted, and the next call runs as usual`, { cause: e });
      }
      throw e;
    } finally {
      if (memory.buffer.byteLength > MEMORY_HIGH_WATER_BYTES) renew();
    }
    return result;
  };
}
