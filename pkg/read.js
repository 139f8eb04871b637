// Reads the caller's values in JS, where a throw costs nothing, before anything crosses
// into wasm. A getter, a Proxy trap, a toJSON, a BigInt or a cycle that throws inside
// one of the module's imports keeps a slot of the wasm's externref table for good
// (wasm-bindgen's glue stores the thrown value and never frees the slot of the result
// it did not get): a few million such calls and the table cannot grow any more, and
// every later call traps. So what crosses is only text, bytes and plain copies:
//
// - documents and inputs become JSON text here (`documentArg`), refused with the
//   TypeErrors docs/limits.md lists; an object nested deeper than the engine's stack
//   allows becomes the same text JSON.stringify would give, so it gets the answer the
//   text gets, in every runtime;
// - options become plain copies (`optionsArg`) whose members are primitives, fresh
//   Dates, arrays of strings or, one level down, plain copies again. A member that
//   could not be read is a marker that args.js turns into the documented TypeError, at
//   the point where it reads that option, so which error wins is as before.
//
// args.js then reads these into the plain values the module takes.
//
// This file has no imports, like fast.js: the CommonJS entry bundles it.

/** The markers of what could not be read (args.js reads them). */
const UNREADABLE = Symbol.for("subkit.unreadable");
const UNREADABLE_KEYS = Symbol.for("subkit.unreadable-keys");
const REFUSED = Symbol.for("subkit.refused");
const TOO_LARGE = Symbol.for("subkit.too-large");

/**
 * A marker: `{ [symbol]: message }` with no prototype, so that nothing but the module's
 * reading of `symbol` can take it for anything (fast.js tells it from an options copy).
 */
function marker(symbol, message) {
  const m = Object.create(null);
  m[symbol] = message;
  return m;
}

/** The longest message quoted from a thrown value, in UTF-16 units. */
const MAX_MESSAGE_UNITS = 1024;

/**
 * The message of a thrown value, for the TypeError that wraps it: its `message` when
 * that reads as a string (cut to a bounded length), else "". Reading it may run a
 * getter that throws again; that is swallowed here.
 */
export function messageOf(e) {
  try {
    const m = e !== null && (typeof e === "object" || typeof e === "function") ? e.message : undefined;
    return typeof m === "string" ? m.slice(0, MAX_MESSAGE_UNITS) : "";
  } catch {
    return "";
  }
}

/** Whether `value` is a revoked Proxy: the one value Array.isArray throws for. */
export function isRevoked(value) {
  if (value === null || (typeof value !== "object" && typeof value !== "function")) return false;
  try {
    Array.isArray(value);
    return false;
  } catch {
    return true;
  }
}

/**
 * Why reading `values` threw `e`, for a TypeError: a revoked Proxy is named as such
 * (each engine words its own error for it differently), anything else by the thrown
 * value's message.
 */
export function reasonOf(e, ...values) {
  return values.some(isRevoked) ? "it is a revoked Proxy" : messageOf(e);
}

// ---- bytes ----

// The built-in getters, taken once: called on a value they check its internal slots
// and run no user code, where `value.byteLength` would find an own property or a
// getter planted on its prototype chain.
const getter = (proto, name) => Object.getOwnPropertyDescriptor(proto, name).get;
const TYPED = Object.getPrototypeOf(Uint8Array.prototype);
const typedLength = getter(TYPED, "byteLength");
const typedOffset = getter(TYPED, "byteOffset");
const typedBuffer = getter(TYPED, "buffer");
const viewLength = getter(DataView.prototype, "byteLength");
const viewOffset = getter(DataView.prototype, "byteOffset");
const viewBuffer = getter(DataView.prototype, "buffer");
const bufferLength = getter(ArrayBuffer.prototype, "byteLength");
const dateTime = Date.prototype.getTime;
const objectToString = Object.prototype.toString;
const call = Function.prototype.call.bind(Function.prototype.call);

/**
 * The bytes of an ArrayBuffer or of any ArrayBufferView (typed arrays of every element
 * type, DataView) as a new Uint8Array over the same memory, from the view's byteOffset
 * for byteLength bytes; undefined for anything else. A detached buffer reads as no bytes.
 */
function bytesOf(value, what) {
  try {
    if (ArrayBuffer.isView(value)) {
      let buffer, offset, length;
      try {
        length = call(typedLength, value);
        buffer = call(typedBuffer, value);
        offset = call(typedOffset, value);
      } catch {
        length = call(viewLength, value);
        buffer = call(viewBuffer, value);
        offset = call(viewOffset, value);
      }
      return length === 0 ? new Uint8Array(0) : new Uint8Array(buffer, offset, length);
    }
  } catch (e) {
    throw new TypeError(`${what} could not be read as bytes: ${messageOf(e)}`);
  }
  // The tag only spares the brand check, which throws (and a throw costs microseconds)
  // for every other object; a tag can lie, the brand check cannot.
  if (tagOf(value) !== "[object ArrayBuffer]") return undefined;
  let length;
  try {
    length = call(bufferLength, value);
  } catch {
    return undefined; // not an ArrayBuffer: the brand check refused it
  }
  return length === 0 ? new Uint8Array(0) : new Uint8Array(value, 0, length);
}

// Object.prototype.toString's tag, or "" where reading it throws (a Proxy's trap).
function tagOf(value) {
  try {
    return call(objectToString, value);
  } catch {
    return "";
  }
}

function isDate(value) {
  if (tagOf(value) !== "[object Date]") return false;
  try {
    call(dateTime, value);
    return true;
  } catch {
    return false;
  }
}

// ---- objects JSON.stringify would misread ----

/** What a document or input may be, as the TypeError that refuses anything else says. */
const DOCUMENT_KINDS =
  "a plain object, an array, JSON text (a string) or UTF-8 bytes (an ArrayBuffer, a typed array or a DataView)";

/** The longest constructor name or tag quoted in a TypeError, in characters. */
const MAX_NAME_CHARS = 64;

/**
 * Refuses an object that JSON.stringify would misread. Accepted: arrays, objects with a
 * toJSON method (read as JSON.stringify reads them, so a model class can say what it
 * sends), and plain objects: those whose prototype is null or an Object.prototype (one
 * whose own prototype is null, so objects of another realm count too). A Date is
 * refused although it has toJSON: it becomes a string, never a document.
 */
function checkReadable(value, what) {
  try {
    if (Array.isArray(value)) return;
  } catch (e) {
    throw new TypeError(`${what} could not be read: ${reasonOf(e, value)}`);
  }
  if (isDate(value)) throw refused(value, what);
  try {
    if (typeof value.toJSON === "function") return;
    const proto = Object.getPrototypeOf(value);
    if (proto === null || Object.getPrototypeOf(proto) === null) return;
  } catch (e) {
    throw new TypeError(`${what} could not be read: ${reasonOf(e, value)}`);
  }
  throw refused(value, what);
}

/** The TypeError for an object of a kind subkit does not read, naming what was passed. */
function refused(value, what) {
  let hasBody = false;
  try {
    // A Response, Request or Blob holds the document in a body that has to be awaited.
    hasBody = typeof value.arrayBuffer === "function";
  } catch {
    hasBody = false;
  }
  const hint = hasBody ? "; read its body first, e.g. new Uint8Array(await response.arrayBuffer())" : "";
  return new TypeError(`${what} must be ${DOCUMENT_KINDS}; got ${objectName(value)}${hint}`);
}

/**
 * `value.constructor.name` where it is a non-empty string, else the tag of
 * Object.prototype.toString (`Blob` from `[object Blob]`), else a phrase.
 */
function objectName(value) {
  let name;
  try {
    const ctor = value.constructor;
    const n = typeof ctor === "function" ? ctor.name : undefined;
    if (typeof n === "string" && n !== "") name = n;
  } catch {
    name = undefined;
  }
  if (name === undefined) {
    try {
      const tag = /^\[object (.*)\]$/s.exec(Object.prototype.toString.call(value))?.[1];
      if (tag !== undefined && tag !== "") name = tag;
    } catch {
      name = undefined;
    }
  }
  // Object.create(proto) inherits Object as its constructor: the name would not say
  // what is wrong with it.
  if (name === "Object") return "an object whose prototype is not Object.prototype";
  return name === undefined ? "an object" : Array.from(name.slice(0, 4 * MAX_NAME_CHARS)).slice(0, MAX_NAME_CHARS).join("");
}

// ---- JSON text ----

/** What JSON.stringify writes nothing for: left out of an object, `null` in an array. */
const unwritten = (v) => v === undefined || typeof v === "function" || typeof v === "symbol";

/**
 * The length (in UTF-16 units) of the text JSON.stringify would write for `root`, found
 * without writing it, or undefined where that text depends on code (a toJSON, a wrapper
 * object, raw JSON), cannot be written (a cycle, a BigInt) or `root` cannot be read.
 * Each object is measured once however often it is referred to, so a value whose
 * members share objects (`b = { x: a, y: a }`, nested twenty times) is measured in time
 * linear in its objects where its text, and JSON.stringify's time, grow exponentially.
 * The walk is on a heap stack, so no depth overflows it.
 */
function textLength(root) {
  try {
    const lengths = new Map(); // object -> the length of its text, once measured
    const open = new Set(); // the objects being measured: meeting one again is a cycle
    const frames = [];
    // A frame per object being measured: its members' names (null for an array), the
    // next one to read, the length so far and how many members it has written.
    const enter = (o) => {
      if (typeof o.toJSON === "function" || isRawJSON(o)) return false;
      const tag = call(objectToString, o);
      if (tag === "[object Number]" || tag === "[object String]" || tag === "[object Boolean]" || tag === "[object BigInt]") return false;
      if (open.has(o)) return false;
      open.add(o);
      const array = Array.isArray(o);
      frames.push({ o, keys: array ? null : Object.keys(o), length: array ? Number(o.length) || 0 : 0, i: 0, text: 2, written: 0 });
      return true;
    };
    if (!enter(root)) return undefined;
    let done;
    while (frames.length > 0) {
      const f = frames[frames.length - 1];
      const count = f.keys === null ? f.length : f.keys.length;
      if (done === undefined && f.i >= count) {
        frames.pop();
        open.delete(f.o);
        const total = f.text + Math.max(0, f.written - 1); // the commas
        lengths.set(f.o, total);
        done = total;
        continue;
      }
      // `done`: the length of the member just measured, whose frame has ended.
      let member = done;
      done = undefined;
      const key = f.keys === null ? f.i : f.keys[f.i];
      if (member === undefined) {
        const v = f.o[key];
        if (v !== null && typeof v === "object") {
          member = lengths.get(v);
          if (member === undefined) {
            if (!enter(v)) return undefined;
            continue; // measured by its own frame; this member is taken up again after
          }
        } else if (unwritten(v)) {
          // Left out of an object; `null` in an array.
          member = f.keys === null ? 4 : -1;
        } else if (typeof v === "bigint") {
          return undefined;
        } else {
          member = JSON.stringify(v).length;
        }
      }
      f.i++;
      if (member < 0) continue;
      f.written++;
      f.text += f.keys === null ? member : JSON.stringify(key).length + 1 + member;
    }
    return done;
  } catch {
    return undefined; // JSON.stringify reads it again, and says why
  }
}

/**
 * Nesting past which JSON.stringify is not asked: the module's reader refuses 128
 * levels (json::reader::MAX_DEPTH), so a value this deep gets `invalid_json` whatever
 * its text, and JSON.stringify would only cost more with depth (V8 checks for cycles
 * along the whole path: 4 ms at 4,000 levels) and then overflow the engine's stack.
 */
const NATIVE_DEPTH = 128;

/**
 * The most objects `shape` walks before it stops: a document has tens. A value with
 * more is measured (`textLength`) before it is written, as its members may be shared
 * objects.
 */
const MAX_WALK = 10_000;
const SHALLOW = 0;
const DEEP = 1;
const LARGE = 2;

/**
 * DEEP when `value`'s own members nest deeper than NATIVE_DEPTH (or cannot be read),
 * LARGE when they hold more than `cap` objects first, else SHALLOW. An object referred
 * to twice is walked twice, as JSON.stringify writes it twice: the cap keeps a value of
 * shared objects from making the walk as long as its text.
 */
function shape(value, cap) {
  try {
    const stack = [value, 1];
    let walked = 0;
    while (stack.length > 0) {
      const depth = stack.pop();
      const o = stack.pop();
      if (depth > NATIVE_DEPTH) return DEEP;
      if (++walked > cap) return LARGE;
      const keys = Object.keys(o);
      for (let i = 0; i < keys.length; i++) {
        const v = o[keys[i]];
        if (v !== null && typeof v === "object") stack.push(v, depth + 1);
      }
    }
    return SHALLOW;
  } catch {
    return DEEP; // serialize reads it again and says why
  }
}

/**
 * The JSON text of `value`, as JSON.stringify writes it, or undefined where it writes
 * nothing (a function, a Symbol). A value nested deeper than the reader reads is
 * written by `serialize` on a heap stack, so every engine writes the same text however
 * small its stack; and where JSON.stringify throws for any reason (a toJSON that
 * builds something deeper, a caller already deep in its own stack, a cycle, a BigInt,
 * a getter), `serialize` walks the value again and throws the one TypeError this file
 * words for it, whatever the engine's own message would be. `deep`: whether the value
 * nests deeper than NATIVE_DEPTH (`shape`).
 */
function jsonText(value, what, deep) {
  if (deep) return serialize(value, what);
  try {
    return JSON.stringify(value);
  } catch {
    return serialize(value, what);
  }
}

const numberValue = Number.prototype.valueOf;
const stringValue = String.prototype.valueOf;
const booleanValue = Boolean.prototype.valueOf;
const bigintValue = typeof BigInt === "function" ? BigInt.prototype.valueOf : undefined;
const isRawJSON = typeof JSON.isRawJSON === "function" ? JSON.isRawJSON : () => false;

function branded(method, value) {
  if (method === undefined) return false;
  try {
    call(method, value);
    return true;
  } catch {
    return false;
  }
}

/**
 * JSON.stringify (ECMA-262 25.5.2, without replacer or indent) on a heap stack, so
 * that no depth overflows it. It writes the whole text, as JSON.stringify would: the
 * module's `too_large` answer gives the text's size.
 */
function serialize(root, what) {
  const fail = (reason) => new TypeError(`${what} cannot be converted to JSON: ${reason}`);
  let out = "";
  const write = (s) => {
    out += s;
  };
  // Member names repeat (every level of a deep value has the same one): each is quoted once.
  const quoted = new Map();
  const member = (key) => {
    let q = quoted.get(key);
    if (q === undefined) quoted.set(key, (q = `${JSON.stringify(key)}:`));
    return q;
  };
  // The value of holder[key] after toJSON and unwrapping, as SerializeJSONProperty
  // takes it: a primitive, an object to walk, or undefined for nothing.
  const prepare = (value, key) => {
    if (isRevoked(value)) throw fail("it holds a revoked Proxy");
    if ((value !== null && typeof value === "object") || typeof value === "bigint") {
      const toJSON = value.toJSON;
      if (typeof toJSON === "function") value = call(toJSON, value, key);
    }
    if (value !== null && typeof value === "object") {
      // A wrapper's tag comes from its internal slot; the brand checks, which throw for
      // anything else, run only for objects tagged so (a thrown error costs microseconds,
      // which a deep value would pay at every level).
      switch (call(objectToString, value)) {
        case "[object Number]":
          if (branded(numberValue, value)) value = Number(value);
          break;
        case "[object String]":
          if (branded(stringValue, value)) value = String(value);
          break;
        case "[object Boolean]":
          if (branded(booleanValue, value)) value = call(booleanValue, value);
          break;
        case "[object BigInt]":
          if (branded(bigintValue, value)) value = call(bigintValue, value);
          break;
      }
    }
    return value;
  };
  // Writes a primitive; returns false for an object to walk, true when done.
  const scalar = (value) => {
    if (value === null) write("null");
    else if (typeof value === "boolean" || typeof value === "string" || typeof value === "number") write(JSON.stringify(value));
    else if (typeof value === "bigint") throw fail("a BigInt has no JSON form");
    else if (typeof value === "object" && isRawJSON(value)) write(value.rawJSON);
    else return false;
    return true;
  };
  const open = new Set(); // the objects being written, for the cycle check
  const stack = [];
  const enter = (value) => {
    if (open.has(value)) throw fail("it refers to itself (a cyclic structure)");
    open.add(value);
    if (Array.isArray(value)) {
      stack.push({ value, array: true, keys: null, length: Number(value.length) || 0, i: 0, first: true });
      write("[");
    } else {
      stack.push({ value, array: false, keys: Object.keys(value), i: 0, first: true });
      write("{");
    }
  };
  try {
    const top = prepare(root, "");
    if (unwritten(top)) return undefined;
    if (!scalar(top)) enter(top);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      if (frame.array ? frame.i >= frame.length : frame.i >= frame.keys.length) {
        write(frame.array ? "]" : "}");
        open.delete(frame.value);
        stack.pop();
        continue;
      }
      const key = frame.array ? String(frame.i) : frame.keys[frame.i];
      frame.i++;
      const value = prepare(frame.value[key], key);
      const nothing = unwritten(value);
      if (frame.array) {
        if (!frame.first) write(",");
        frame.first = false;
        if (nothing) write("null");
        else if (!scalar(value)) enter(value);
      } else if (!nothing) {
        if (!frame.first) write(",");
        frame.first = false;
        write(member(key));
        if (!scalar(value)) enter(value);
      }
    }
  } catch (e) {
    if (e instanceof TypeError && e.message.startsWith(`${what} cannot be converted to JSON: `)) throw e;
    throw fail(messageOf(e));
  }
  return out;
}

const encoder = new TextEncoder();

/**
 * Text as the module takes it. Text whose UTF-8 may be over `limit` bytes (the most
 * the module reads) is encoded here, in JS memory, so that the module sizes the bytes
 * before it copies them and never holds more than `limit` bytes of input. Text over
 * `limit` UTF-16 units is refused by its length alone, and text with a lone surrogate
 * is refused as such (encoding would turn it into U+FFFD): both stay text.
 */
function boundedText(text, limit) {
  if (text.length * 3 <= limit || text.length > limit || !isWellFormed(text)) return text;
  return encoder.encode(text);
}

const wellFormed = String.prototype.isWellFormed;
function isWellFormed(text) {
  // Engines before 2023 lack isWellFormed; args.js's own check then answers.
  return wellFormed === undefined || call(wellFormed, text);
}

function readDocument(value, what, limit) {
  if (typeof value === "string") return boundedText(value, limit);
  if (value === undefined) return value;
  let form = SHALLOW;
  if (value !== null && typeof value === "object") {
    const bytes = bytesOf(value, what);
    if (bytes !== undefined) return bytes;
    checkReadable(value, what);
    // A deep value, or one with many objects, may share its objects, and its text grow
    // exponentially with its depth: text the module would refuse for its size is then
    // not written, and the marker carries the size it would have had, which the module
    // reports as too_large.
    form = shape(value, MAX_WALK);
    if (form !== SHALLOW) {
      const length = textLength(value);
      if (length !== undefined && length > limit) return marker(TOO_LARGE, length);
      // Within the limit, the text bounds a walk of every object. (A value whose text
      // depends on code, a toJSON, is walked as JSON.stringify will write it.)
      if (form === LARGE) form = shape(value, Infinity);
    }
  }
  const text = jsonText(value, what, form === DEEP);
  if (typeof text !== "string") throw new TypeError(`${what} must be a JSON value`);
  return boundedText(text, limit);
}

/**
 * A document or input as args.js takes it: a string (JSON text), a Uint8Array (UTF-8
 * bytes), undefined (which args.js refuses as missing), or, for a value that cannot
 * be read, the marker `{ [REFUSED]: message }`, which args.js throws as a TypeError
 * with that message when it reads that argument (after the arguments before it, as
 * always). Objects and other JSON values are written as JSON text here. `limit` is the
 * most bytes of JSON the module reads.
 */
export function documentArg(value, what, limit) {
  try {
    return readDocument(value, what, limit);
  } catch (e) {
    return marker(REFUSED, messageOf(e));
  }
}

/**
 * An Adobe request object as the module takes it: `documentArg`, and a fetch Headers
 * object (or any iterable of pairs) in `request.headers` read as its entries, where
 * JSON.stringify would write `{}`.
 */
export function adobeRequestArg(request, limit) {
  try {
    const text = readDocument(request, "request", limit);
    if (request === null || typeof request !== "object" || typeof text !== "string") return text;
    let entries;
    try {
      const headers = request.headers;
      if (headers === null || typeof headers !== "object" || !(Symbol.iterator in headers)) return text;
      entries = Object.fromEntries(headers);
    } catch {
      throw new TypeError("headers must be an object or an iterable of [name, value] pairs");
    }
    const headersText = readDocument(entries, "request.headers", limit);
    if (typeof headersText !== "string") return headersText; // bytes: too large, the module says so
    const parsed = JSON.parse(text);
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return text;
    // Defined, not assigned: JSON.parse makes "__proto__" an own member, and so does this.
    Object.defineProperty(parsed, "headers", { value: JSON.parse(headersText), enumerable: true, writable: true, configurable: true });
    return boundedText(JSON.stringify(parsed), limit);
  } catch (e) {
    return marker(REFUSED, messageOf(e));
  }
}

// ---- options ----

/** The most entries copied from a list option; a longer list is refused by args.js. */
const MAX_LIST_ITEMS = 1000;

/**
 * A plain copy of an options object for the module: the own enumerable string keys
 * (args.js checks them against the function's names), and, one object further down
 * on the copy's own prototype, the inherited values of the names any function reads
 * (`names`, args.js's OPTION_NAMES), so that inherited options are read as before. Values
 * are copied by `optionValue`. What could not be read is a marker: `UNREADABLE_KEYS`
 * on the copy when its keys could not be listed, `{ [UNREADABLE]: message }` as the
 * value of a member whose getter threw.
 */
export function optionsArg(options, names, depth = 0) {
  if (options === undefined || options === null) return options;
  if (typeof options === "function") return function options() {};
  if (typeof options !== "object") return options;
  let keys;
  try {
    keys = Object.keys(options);
  } catch (e) {
    return marker(UNREADABLE_KEYS, reasonOf(e, options));
  }
  const inherited = Object.create(null);
  const copy = Object.create(inherited);
  const read = (target, name) => {
    let value;
    try {
      value = options[name];
    } catch (e) {
      value = marker(UNREADABLE, reasonOf(e, options));
      Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
      return;
    }
    if (value === undefined && target === inherited) return;
    Object.defineProperty(target, name, { value: optionValue(value, names, depth), enumerable: true, writable: true, configurable: true });
  };
  for (const key of keys) read(copy, key);
  for (const name of names) if (!Object.hasOwn(copy, name)) read(inherited, name);
  return copy;
}

/**
 * A copy of one option's value: a primitive as it is, a Date as a new Date of the same
 * time, a list as an array of its strings (anything else in it becomes null, which the
 * args.js refuses as a list that is not of strings), a nested options object (`current`,
 * `context`) as its own copy, and anything deeper as an empty stand-in of the same
 * `typeof`, which args.js refuses by type as it would the value.
 */
function optionValue(value, names, depth) {
  if (typeof value === "function") return function value() {};
  if (value === null || typeof value !== "object") return value;
  if (isDate(value)) return new Date(call(dateTime, value));
  let array;
  try {
    array = Array.isArray(value);
  } catch (e) {
    return marker(UNREADABLE, reasonOf(e, value));
  }
  if (array) {
    if (depth > 0) return [];
    try {
      const length = Number(value.length);
      const list = [];
      if (!(length <= MAX_LIST_ITEMS)) {
        list.length = Math.min(Math.max(0, Math.trunc(length)) || MAX_LIST_ITEMS + 1, 2 ** 32 - 1);
        return list;
      }
      for (let i = 0; i < length; i++) {
        const item = value[i];
        list.push(typeof item === "string" ? item : null);
      }
      return list;
    } catch (e) {
      return marker(UNREADABLE, messageOf(e));
    }
  }
  return depth > 0 ? {} : optionsArg(value, names, depth + 1);
}
