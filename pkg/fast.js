// The fast route of validateResource, for the calls a checkout form and a Worker make
// over and over: a resource name, a document as JSON text or UTF-8 bytes (api.js has
// already written an object as text, read.js), and no options or the subscription
// model's frequencies. The document's UTF-8 goes straight into a buffer in wasm memory
// (TextEncoder.encodeInto, or one copy of the bytes), and a valid document's answer is
// built here without crossing back. Every other call, and any input this route is not
// sure of, takes the ordinary export, which reads and refuses arguments exactly as
// documented; so the two routes answer alike.
import { onRenew } from "./ready.js";

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
    if (text.length * 3 > limit || !text.isWellFormed?.()) return undefined;
    const target = buffer(text.length * 3);
    if (target === null) return undefined;
    const { read, written } = encoder.encodeInto(text, target);
    if (read !== text.length) return undefined;
    return answer(glue._validateInput(index, written, offered));
  }

  function answer(result) {
    return result === undefined ? { valid: true, status: null, errors: [] } : render(JSON.parse(result));
  }

  // The options this route reads: none, or read.js's copy of an object whose only
  // member is subscriptionModelFrequencies holding null or an array of strings (at
  // most 1000 of at most 65,536 characters each, as the ordinary route allows), with
  // nothing inherited. The list goes to the module as JSON text (null: no list);
  // anything else is undefined here and left to the ordinary route, which throws the
  // documented TypeError.
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
    if (!Array.isArray(list) || list.length > 1000) return undefined;
    for (let i = 0; i < list.length; i++) {
      if (typeof list[i] !== "string" || list[i].length > 65536) return undefined;
    }
    return JSON.stringify(list);
  }

  return function validateResource(resource, document, options) {
    const offered = modelFrequencies(options);
    const index = offered !== undefined && typeof resource === "string" ? resourceIndex(resource) : undefined;
    if (index !== undefined) {
      let result;
      if (typeof document === "string") {
        result = validText(index, document, offered);
      } else if (document instanceof Uint8Array && document.length <= limit) {
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
    return glue.validateResource(resource, document, options);
  };
}

// Commerce Layer's error objects from the module's compact records ([rule, pointer,
// params, message?]), as src/commercelayer/jsonapi_errors.rs builds them for every
// other route: same members, same order, same words. tests/js/fast-route.test.mjs
// holds the two to each other over every fixture and thousands of variations.

// The answer's status: 401 over 400 over 422, as the server checks in that order.
const RANK = { 401: 2, 400: 1, 422: 0 };

function render(records) {
  let status = null;
  const errors = records.map(([rule, pointer, params, message]) => {
    const error = errorObject(rule, pointer, params, message);
    const s = Number(error.status);
    if (status === null || RANK[s] > RANK[status]) status = s;
    return error;
  });
  return { valid: false, status, errors };
}

// RFC 6901: ~1 is "/", ~0 is "~".
const unescape = (token) => (token.includes("~") ? token.replaceAll("~1", "/").replaceAll("~0", "~") : token);

// The attribute or relationship a pointer is inside.
function fieldName(pointer) {
  const rest = pointer.startsWith("/data/attributes/")
    ? pointer.slice("/data/attributes/".length)
    : pointer.startsWith("/data/relationships/")
      ? pointer.slice("/data/relationships/".length)
      : undefined;
  if (rest === undefined) return undefined;
  const slash = rest.indexOf("/");
  return unescape(slash < 0 ? rest : rest.slice(0, slash));
}

function statusAndCode(rule, pointer, field) {
  if (pointer === "/options/accessToken") return [401, "UNAUTHORIZED"];
  if (pointer.startsWith("/options/")) return [400, "BAD_REQUEST"];
  switch (rule) {
    case "invalid_json":
    case "too_large":
      return [400, "BAD_REQUEST"];
    case "not_allowed":
    case "forbidden":
      return [400, "PARAM_NOT_ALLOWED"];
    case "linkage":
      return [400, "INVALID_LINKS_OBJECT"];
    case "resource_type":
      return pointer.startsWith("/data/relationships/") ? [400, "TYPE_MISMATCH"] : [400, "INVALID_RESOURCE"];
  }
  if (field) return [422, "VALIDATION_ERROR"];
  if (rule === "required") return [400, "PARAM_MISSING"];
  if (pointer === "") return [400, "BAD_REQUEST"];
  return [400, "INVALID_DATA_FORMAT"];
}

// Rails' message and error symbol for a model validation.
function validationTitle(rule, p) {
  switch (rule) {
    case "required":
      return ["can't be blank", "blank"];
    case "range":
      return p.value < p.min
        ? [`must be greater than or equal to ${p.min}`, "greater_than_or_equal_to"]
        : [`must be less than or equal to ${p.max}`, "less_than_or_equal_to"];
    case "type":
      if (p.expected === "integer") {
        return p.found === "number" ? ["must be an integer", "not_an_integer"] : ["is not a number", "not_a_number"];
      }
      break;
    case "enum":
    case "not_offered":
      return ["is not included in the list", "inclusion"];
    case "after":
      return [`must be after ${p.other}`, "invalid"];
  }
  return ["is invalid", "invalid"];
}

// The member a pointer names: its last token, unless that is an array index.
function memberOf(pointer) {
  const slash = pointer.lastIndexOf("/");
  if (slash < 0) return undefined;
  const last = pointer.slice(slash + 1);
  if (last !== "" && /^[0-9]+$/.test(last)) return undefined;
  return unescape(last);
}

// The rule's message where a shape fault's detail quotes it (src/error.rs words it).
function ruleMessage(rule, p) {
  switch (rule) {
    case "invalid_json":
      return p.line === 0 ? `invalid JSON: ${p.reason}` : `invalid JSON at line ${p.line}, column ${p.column}: ${p.reason}`;
    case "too_large":
      return `is larger than the ${p.limit} ${p.unit} subkit reads`;
    case "type":
      return `expected ${p.expected}, found ${p.found}`;
  }
  return rule;
}

// Titles and details of request-shape faults, as JSONAPI::Resources words them.
function shapeFaultText(rule, pointer, p, member) {
  switch (rule) {
    case "invalid_json":
      return ["Bad Request", ruleMessage(rule, p)];
    case "too_large":
      return ["Bad Request", `Request body ${ruleMessage(rule, p)}`];
    case "not_allowed":
    case "forbidden":
      return ["Param not allowed", `${p.member} is not allowed.`];
    case "linkage":
      return ["Invalid Links Object", "Data is not a valid Links Object."];
    case "resource_type":
      return pointer.startsWith("/data/relationships/")
        ? ["Type Mismatch", `${p.found} is not a valid type for this operation.`]
        : ["Invalid resource", `${p.found} is not a valid resource.`];
    case "required":
      return ["Missing Parameter", `The required parameter, ${member}, is missing.`];
  }
  if (pointer === "") return ["Bad Request", `Request must be a hash; ${ruleMessage(rule, p)}.`];
  // Capitalised as ASCII only, as the Rust adapter does.
  return ["Invalid data format", `${member.replace(/^[a-z]/, (c) => c.toUpperCase())} must be a hash.`];
}

function errorObject(rule, pointer, params, message) {
  const field = fieldName(pointer);
  const [status, code] = statusAndCode(rule, pointer, field);
  let title, detail, error;
  if (code === "VALIDATION_ERROR") {
    [title, error] = validationTitle(rule, params);
    detail = `${field} - ${title}`;
  } else {
    [title, detail] = shapeFaultText(rule, pointer, params, memberOf(pointer) ?? "request");
    error = rule;
  }
  const meta = { error, rule, ...params };
  if (message !== undefined && message !== null) meta.message = message;
  return { title, detail, code, source: { pointer }, status: String(status), meta };
}

