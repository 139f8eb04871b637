// The fast route of validateResource, for the calls a checkout form and a Worker make
// over and over: a resource name, a document as JSON text or UTF-8 bytes (api.js has
// already written an object as text, read.js), and no options or the subscription
// model's frequencies. The document's UTF-8 goes straight into a buffer in wasm memory
// (TextEncoder.encodeInto, or one copy of the bytes), and a valid document's answer is
// built here without crossing back. Every other call, and any input this route is not
// sure of, takes the ordinary route, which reads and refuses arguments exactly as
// documented (args.js); so the two routes answer alike.
import { onRenew } from "./ready.js";
import { renderJsonapi } from "./render.js";
import { stringListText } from "./args.js";

// `known` is api.js's view of what the module knows (its limit, its resource names),
// `ordinary` the ordinary route.
export function fastValidateResource(glue, known, ordinary) {
  const encoder = new TextEncoder();
  let names = null; // resource name -> index, read from the module once
  let memory = null;
  let view = null; // a Uint8Array over the input buffer
  let address = 0;

  function resourceIndex(resource) {
    if (names === null) {
      names = new Map(known.resources().map((name, i) => [name, i]));
    }
    return names.get(resource);
  }

  // A view of at least `capacity` bytes of the input buffer, or null when the module
  // will not hold that much. The view is remade when the buffer moves or the memory
  // grows (growing detaches the old ArrayBuffer), and when the instance is renewed.
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
  onRenew(() => {
    memory = null;
    view = null;
  });

  function validText(index, text, offered) {
    // Lone surrogates would become U+FFFD; the ordinary route reports them. Text whose
    // UTF-8 may be over the limit comes as bytes (read.js), so the buffer never needs
    // more than the limit: encodeInto reads all of text below.
    if (text.length * 3 > known.limit() || !text.isWellFormed?.()) return undefined;
    const target = buffer(text.length * 3);
    if (target === null) return undefined;
    const { read, written } = encoder.encodeInto(text, target);
    if (read !== text.length) return undefined;
    return answer(glue._validateInput(index, written, offered));
  }

  function answer(result) {
    return result === undefined ? { valid: true, status: null, errors: [] } : renderJsonapi({ errors: JSON.parse(result) });
  }

  // The options this route reads: none, or read.js's copy of an object whose only
  // member is subscriptionModelFrequencies holding null or a list the ordinary route
  // takes (args.js stringListText), with nothing inherited. The list goes to the module
  // as JSON text (null: no list); anything else is undefined here and left to the
  // ordinary route, which throws the documented TypeError.
  function modelFrequencies(options) {
    if (options === undefined || options === null) return null;
    if (typeof options !== "object") return undefined;
    // read.js's copies have a prototype (the inherited values); its marker for options
    // whose keys could not be read has none, and goes the ordinary route.
    const inherited = Object.getPrototypeOf(options);
    if (inherited === null || Object.keys(inherited).length > 0) return undefined;
    const names = Object.keys(options);
    if (names.length === 0) return null;
    if (names.length !== 1 || names[0] !== "subscriptionModelFrequencies") return undefined;
    const list = options.subscriptionModelFrequencies;
    if (list === undefined || list === null) return null;
    return stringListText(list, known.limit());
  }

  return function validateResource(resource, document, options) {
    const offered = modelFrequencies(options);
    const index = offered !== undefined && typeof resource === "string" ? resourceIndex(resource) : undefined;
    if (index !== undefined) {
      let result;
      if (typeof document === "string") {
        result = validText(index, document, offered);
      } else if (document instanceof Uint8Array && document.length <= known.limit()) {
        // read.js's own Uint8Array: its length and contents are what they say.
        const target = buffer(document.length);
        if (target !== null) {
          // A detached buffer has length 0 and cannot be read: nothing to copy.
          if (document.length > 0) target.set(document);
          result = answer(glue._validateInput(index, document.length, offered));
        }
      }
      if (result !== undefined) return result;
    }
    return ordinary(resource, document, options);
  };
}
