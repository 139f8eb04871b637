// The fast route of validateResource, for the calls a checkout form and a Worker make
// over and over: a resource name, a document as JSON text, a plain object or UTF-8
// bytes in a Uint8Array, and no options. The document's UTF-8 goes straight into a
// buffer in wasm memory (TextEncoder.encodeInto, or one copy of the bytes), and a
// valid document's answer is built here without crossing back. Every other call, and
// any input this route is not sure of, takes the ordinary export, which reads and
// refuses arguments exactly as documented; so the two routes answer alike.
//
// This file has no imports: scripts/build-pkg.sh writes its CommonJS copy
// (dist/cjs/fast.cjs) for require("subkit") by rewriting the one `export` line.

export function fastValidateResource(glue) {
  const encoder = new TextEncoder();
  let limit = -1; // the most bytes a document may have, read from the module once
  let names = null; // resource name -> index, read from the module once
  let memory = null;
  let view = null; // a Uint8Array over the input buffer
  let address = 0;

  function resourceIndex(resource) {
    if (names === null) {
      names = new Map(glue._resourceNames().map((name, i) => [name, i]));
      limit = glue._inputLimit();
    }
    return names.get(resource);
  }

  // A view of at least `capacity` bytes of the input buffer, or null when the module
  // will not hold that much. The view is remade when the buffer moves or the memory
  // grows (growing detaches the old ArrayBuffer).
  function buffer(capacity) {
    if (memory === null) memory = glue._memory();
    if (view === null || view.length < capacity || view.buffer !== memory.buffer) {
      address = glue._inputBuffer(capacity);
      if (address === 0) return null;
      // The buffer only grows: it holds at least the larger of the two.
      view = new Uint8Array(memory.buffer, address, Math.max(capacity, view?.length ?? 0));
    }
    return view;
  }

  function validText(index, text) {
    // Lone surrogates would become U+FFFD; the ordinary route reports them.
    if (text.length > limit || !text.isWellFormed?.()) return undefined;
    const target = buffer(text.length * 3);
    if (target === null) return undefined;
    const { read, written } = encoder.encodeInto(text, target);
    if (read !== text.length) return undefined;
    return answer(glue._validateInput(index, written));
  }

  function answer(result) {
    return result === undefined ? { valid: true, status: null, errors: [] } : result;
  }

  // A plain object this route may stringify as the ordinary route would: its
  // prototype is Object.prototype, and nothing on the way runs user code that could
  // throw here (a Proxy's traps would; the ordinary route turns those into TypeErrors).
  function plainObject(value) {
    try {
      return Object.getPrototypeOf(value) === Object.prototype && typeof value.toJSON !== "function";
    } catch {
      return false;
    }
  }

  return function validateResource(resource, document, options) {
    const index = options === undefined && typeof resource === "string" ? resourceIndex(resource) : undefined;
    if (index !== undefined) {
      let result;
      if (typeof document === "string") {
        result = validText(index, document);
      } else if (ArrayBuffer.isView(document) && Object.getPrototypeOf(document) === Uint8Array.prototype) {
        // isView looks at internal slots only (a Proxy is not a view), so nothing
        // user-defined runs before the prototype is known to be Uint8Array's.
        if (document.length <= limit) {
          const target = buffer(document.length);
          if (target !== null) {
            // A detached buffer has length 0 and cannot be read: nothing to copy.
            if (document.length > 0) target.set(document);
            result = answer(glue._validateInput(index, document.length));
          }
        }
      } else if (document !== null && typeof document === "object" && plainObject(document)) {
        let text;
        try {
          text = JSON.stringify(document);
        } catch {
          text = undefined; // the ordinary route says why
        }
        // Text this route declines (too long) goes on as text: the object's getters
        // and toJSON methods run once.
        if (typeof text === "string") result = validText(index, text) ?? glue.validateResource(resource, text);
      }
      if (result !== undefined) return result;
    }
    return glue.validateResource(resource, document, options);
  };
}
