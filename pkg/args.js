// What each public function hands the module: its arguments and options read into
// plain values (numbers, booleans, strings, bytes), with every misuse thrown here as
// the TypeError docs/limits.md and docs/errors.md list. read.js has already made the
// caller's values safe to read (documents as text or bytes, options as plain copies
// with markers where a getter threw); this file gives them their meaning, one
// function's options at a time, in the order the module always read them, so the
// TypeError that wins is the one it always was. The module itself reads no JS value
// and holds none of these words.
//
// A document crosses as JSON text (a string), UTF-8 bytes (a Uint8Array), or a number
// for what the module reports without reading it: the size of a text over the limit,
// or LONE_SURROGATE for text that is not valid UTF-16, which copying would silently
// turn into U+FFFD.
//
// This file has no imports, like fast.js and read.js: the CommonJS entry bundles it.

/** The document number the module reports as text with a lone surrogate. */
const LONE_SURROGATE = -1;

/** The longest string read from an option or a non-document argument, in UTF-16 units. */
const MAX_ARG_UNITS = 64 * 1024;
/** The most entries read from a list option. */
const MAX_LIST_ITEMS = 1000;
/** The longest option name quoted in a TypeError, in UTF-16 units. */
const MAX_NAME_UNITS = 64;
/** The options every call's last argument may have that api.js reads (i18n.js). */
const LANGUAGE_OPTIONS = "locale, messages, hourCycle";

// read.js's markers (see there).
const UNREADABLE = Symbol.for("subkit.unreadable");
const UNREADABLE_KEYS = Symbol.for("subkit.unreadable-keys");
const REFUSED = Symbol.for("subkit.refused");
const TOO_LARGE = Symbol.for("subkit.too-large");

// The option names of each function. Each one throws for a name it does not know, so a
// misspelt option (`withDefault`, `timezone`) is caught rather than ignored.
const TARGET = ["baseUrl", "organization", "accessToken"];
const VALIDATE = ["subscriptionModelFrequencies"];
const BUILD = ["subscriptionModelFrequencies", "withDefaults"];
const REQUEST = [...BUILD, ...TARGET];
const DOCUMENT_REQUEST = [...VALIDATE, ...TARGET];
const UPDATE = ["current"];
const UPDATE_REQUEST = [...UPDATE, ...TARGET];
const CURRENT = ["status", "starts_at"];
const FREQUENCY = ["startsAt"];
const RUNS = ["startsAt", "after", "count", "expiresAt", "format"];
const ADOBE_CONTEXT = ["consumable", "hasActiveSubscriptions", "licenseType"];
const ADOBE_UPDATE_CONTEXT = ["status", "autoRenewalEnabled", "licenseType", "today", "anniversaryDate"];
// The update takes create's options but the tracker header, which Adobe asks for on
// Create Subscription only.
const ADOBE_UPDATE = ["environment", "accessToken", "apiKey", "correlationId", "generateCorrelationId", "requestId", "context"];
const ADOBE_BUILD = [...ADOBE_UPDATE.slice(0, -1), "recommendationTrackerId", "context"];
/** The request options an Adobe builder reads, in the order the module takes them. */
const ADOBE_STRINGS = ["accessToken", "apiKey", "correlationId", "requestId", "recommendationTrackerId"];

/** Every option name a function reads: read.js copies the inherited values of these. */
export const OPTION_NAMES = [
  ...new Set([...REQUEST, ...DOCUMENT_REQUEST, ...UPDATE_REQUEST, ...CURRENT, ...RUNS, ...ADOBE_CONTEXT, ...ADOBE_UPDATE_CONTEXT, ...ADOBE_BUILD]),
];

const misuse = (message) => new TypeError(message);
const absent = (value) => value === undefined || value === null;
const isObject = (value) => value !== null && typeof value === "object";

const wellFormed = String.prototype.isWellFormed;
const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Whether `text` is valid UTF-16 (engines before 2023 lack isWellFormed). */
function isWellFormed(text) {
  return wellFormed === undefined ? !LONE.test(text) : wellFormed.call(text);
}

/**
 * A string as Rust's `{:?}` writes it, the way the module always quoted names: in
 * double quotes, with `"` and `\` escaped, tab, CR, LF and NUL as `\t`, `\r`, `\n`,
 * `\0`, other control characters as `\u{…}`, and a lone surrogate as U+FFFD.
 */
function quote(text) {
  let out = '"';
  for (const c of text.toWellFormed?.() ?? text) {
    const n = c.codePointAt(0);
    if (c === '"' || c === "\\") out += `\\${c}`;
    else if (c === "\t") out += "\\t";
    else if (c === "\r") out += "\\r";
    else if (c === "\n") out += "\\n";
    else if (c === "\0") out += "\\0";
    else if (n < 0x20 || (n >= 0x7f && n < 0xa0)) out += `\\u{${n.toString(16)}}`;
    else out += c;
  }
  return `${out}"`;
}

/** A name quoted for a message, cut to MAX_NAME_UNITS UTF-16 units. */
const quoted = (name) => quote(name.slice(0, MAX_NAME_UNITS)) + (name.length > MAX_NAME_UNITS ? "…" : "");

/** The message under read.js's marker `key` on `value`, if it has one. */
function marked(value, key) {
  if (!isObject(value)) return undefined;
  const message = value[key];
  return typeof message === "string" ? message : undefined;
}

/** A string argument or option, refused when it is over MAX_ARG_UNITS; else undefined. */
function bounded(value, what) {
  if (typeof value !== "string") return undefined;
  if (value.length > MAX_ARG_UNITS) throw misuse(`${what} is longer than ${MAX_ARG_UNITS} characters`);
  return value;
}

function stringArg(value, what) {
  const text = bounded(value, what);
  if (text === undefined) throw misuse(`${what} must be a string`);
  return text;
}

/**
 * Throws for the first own name of `options` that is not in `known`, listing the known
 * ones (with the language options for a call's own options or context). Absent options
 * pass. `fn` and `what` name the call and the argument in the message.
 */
function knownOptions(options, fn, what, known) {
  if (absent(options)) return;
  if (!isObject(options)) throw misuse(`${fn}: ${what} must be an object`);
  const unreadable = marked(options, UNREADABLE_KEYS);
  if (unreadable !== undefined) throw misuse(`${fn}: ${what} could not be read: ${unreadable}`);
  for (const name of Object.keys(options)) {
    if (!known.includes(name)) {
      const language = what === "options" || what === "context" ? `, ${LANGUAGE_OPTIONS}` : "";
      throw misuse(`${fn}: unknown option ${quoted(name)} in ${what}; known options: ${known.join(", ")}${language}`);
    }
  }
}

/** `options[name]`, where `options` may be absent; a member read.js could not read throws. */
function option(options, name) {
  if (absent(options)) return undefined;
  if (!isObject(options)) throw misuse("options must be an object");
  const value = options[name];
  const unreadable = marked(value, UNREADABLE);
  if (unreadable !== undefined) throw misuse(`options.${name} could not be read: ${unreadable}`);
  return value;
}

/** `options[name]` as a string; absent is undefined, another type throws. */
function stringOption(options, name) {
  const value = option(options, name);
  if (absent(value)) return undefined;
  return stringArg(value, name);
}

/** `options[name]` as a boolean; absent is undefined, another type throws. */
function booleanOption(options, name) {
  const value = option(options, name);
  if (absent(value)) return undefined;
  if (typeof value !== "boolean") throw misuse(`${name} must be a boolean`);
  return value;
}

/**
 * JSON text of `value` as the module takes a list of strings, or undefined when it is
 * not one: an array of at most MAX_LIST_ITEMS strings whose text is within `limit` (in
 * UTF-16 units, then in UTF-8 bytes, which the module counts) and valid UTF-16, as a
 * document's text is read. fast.js asks it too, so both routes take the same lists.
 */
export function stringListText(value, limit) {
  if (!Array.isArray(value) || !(value.length <= MAX_LIST_ITEMS)) return undefined;
  for (let i = 0; i < value.length; i++) if (typeof value[i] !== "string") return undefined;
  const text = JSON.stringify(value);
  if (text.length > limit || !isWellFormed(text)) return undefined;
  if (text.length * 3 > limit && new TextEncoder().encode(text).length > limit) return undefined;
  return text;
}

/** `options[name]` as JSON text of an array of strings for the module; absent is undefined. */
function stringListOption(options, name, limit) {
  const value = option(options, name);
  if (absent(value)) return undefined;
  if (Array.isArray(value) && !(value.length <= MAX_LIST_ITEMS)) throw misuse(`${name} has more than ${MAX_LIST_ITEMS} entries`);
  const text = stringListText(value, limit);
  if (text === undefined) throw misuse(`${name} must be an array of strings`);
  return text;
}

/**
 * A document or input as read.js gave it (text, bytes, undefined, or a marker), as the
 * module takes it: text, bytes, or a number it reports (see the top of this file).
 */
function documentValue(value, what, limit) {
  if (typeof value === "string") {
    if (value.length > limit) return value.length;
    return isWellFormed(value) ? value : LONE_SURROGATE;
  }
  if (value instanceof Uint8Array) return value.length > limit ? value.length : value;
  if (value === undefined) throw misuse(`${what} is required`);
  const message = marked(value, REFUSED);
  if (message !== undefined) throw misuse(message);
  const size = isObject(value) ? value[TOO_LARGE] : undefined;
  if (typeof size === "number") return size;
  throw misuse(`${what} must be a JSON value`);
}

/** A resource name as the module numbers it (`names`: the module's names in order). */
function resourceIndex(value, names) {
  const name = bounded(value, "resource");
  if (name === undefined) throw misuse('resource must be a string, such as "customer_subscriptions"');
  const index = names.indexOf(name);
  if (index < 0) throw misuse(`unknown resource ${quote(name)}; known resources: ${names.join(", ")}`);
  return index;
}

/** An update's `options.current`: `{ status, startsAt }`, strings or undefined. */
function current(options, fn) {
  const value = option(options, "current");
  knownOptions(value, fn, "options.current", CURRENT);
  const status = stringOption(value, "status");
  return { status, startsAt: stringOption(value, "starts_at") };
}

/** Where a Commerce Layer request goes and with which token. */
function target(options) {
  const [baseUrl, organization, accessToken] = TARGET.map((name) => stringOption(options, name));
  return { baseUrl, organization, accessToken };
}

function withDefaults(options) {
  return booleanOption(options, "withDefaults") === true;
}

/** `licenseType`: 0 absent, 1 team, 2 enterprise. */
function licenseType(context) {
  const value = stringOption(context, "licenseType");
  if (value === undefined) return 0;
  if (value === "team") return 1;
  if (value === "enterprise") return 2;
  throw misuse('licenseType must be "team" or "enterprise"');
}

/** Adobe's create context: `{ consumable, hasActiveSubscriptions, licenseType }`. */
function adobeContext(context, fn, what) {
  knownOptions(context, fn, what, ADOBE_CONTEXT);
  const license = licenseType(context);
  const consumable = booleanOption(context, "consumable");
  return { consumable, hasActiveSubscriptions: booleanOption(context, "hasActiveSubscriptions"), licenseType: license };
}

/**
 * Adobe's update context: `{ status, autoRenewalEnabled, licenseType, today,
 * anniversaryDate }`, the dates checked by the module's date rule (`isDate`).
 */
function adobeUpdateContext(context, fn, what, isDate) {
  knownOptions(context, fn, what, ADOBE_UPDATE_CONTEXT);
  const autoRenewalEnabled = booleanOption(context, "autoRenewalEnabled");
  const license = licenseType(context);
  const status = stringOption(context, "status");
  const date = (name) => {
    const text = stringOption(context, name);
    if (text !== undefined && !isDate(text)) throw misuse(`${name} must be a YYYY-MM-DD date`);
    return text;
  };
  const today = date("today");
  return { status, autoRenewalEnabled, licenseType: license, today, anniversaryDate: date("anniversaryDate") };
}

/**
 * An Adobe request's options: `{ sandbox, accessToken, apiKey, correlationId,
 * requestId, recommendationTrackerId }`, with `generateCorrelationId: true` asking
 * `crypto.randomUUID()` for a missing correlationId (the module has no randomness).
 */
function adobeRequestOptions(options) {
  const environment = stringOption(options, "environment");
  if (environment !== undefined && environment !== "production" && environment !== "sandbox") {
    throw misuse('environment must be "production" or "sandbox"');
  }
  const out = { sandbox: environment === "sandbox" };
  for (const name of ADOBE_STRINGS) out[name] = stringOption(options, name);
  if (option(options, "generateCorrelationId") === true && out.correlationId === undefined) out.correlationId = randomUUID();
  return out;
}

function randomUUID() {
  const unavailable = () => misuse("generateCorrelationId needs crypto.randomUUID(), which this runtime lacks");
  const crypto = globalThis.crypto;
  if (!isObject(crypto) || typeof crypto.randomUUID !== "function") throw unavailable();
  const id = crypto.randomUUID();
  if (typeof id !== "string") throw unavailable();
  return id;
}

/** A frequency's text: text over the module's limit is cut just past it. */
function frequencyText(value, limit) {
  if (typeof value !== "string") throw misuse("frequency must be a string");
  return value.length > limit ? value.slice(0, limit + 1) : value;
}

/**
 * `options[name]` as an instant for the module: an ISO 8601 string as it is, a Date or
 * epoch milliseconds as a number; absent is undefined, any other type throws.
 */
function instantOption(options, name) {
  const value = option(options, name);
  if (absent(value)) return undefined;
  const text = bounded(value, name);
  if (text !== undefined) return text;
  if (value instanceof Date) return value.getTime();
  if (typeof value === "number") return value;
  throw misuse(`${name} must be an ISO 8601 string, a Date or epoch milliseconds`);
}

/** `nextRuns`' `format`: false for ISO strings (the default), true for epoch ms. */
function runsFormat(options) {
  const value = option(options, "format");
  if (absent(value)) return false;
  if (value === "iso") return false;
  if (value === "epochMs") return true;
  const shown = typeof value === "string" ? quoted(value) : `a value of type ${typeof value}`;
  throw misuse(`nextRuns: options.format must be one of "iso", "epochMs"; got ${shown}`);
}

/** `count`: a whole number (a negative one is 0), or undefined for the default. */
function countOption(options) {
  const value = option(options, "count");
  if (absent(value)) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value)) throw misuse("count must be a whole number");
  return Math.max(0, value);
}

/**
 * Each function's reading, `(module, ...args) => fields`: the values the module's
 * export of its family takes (see FAMILIES), by name. `module` gives what the module
 * knows: `limit` (the most bytes of JSON it reads), `frequencyLimit`, `resources` (its
 * names, in its order) and `isDate` (its date rule).
 */
export const READ = {
  validateResource(m, resource, document, options) {
    return create(m, "validateResource", VALIDATE, resource, document, "document", options);
  },
  buildResource(m, resource, input, options) {
    return create(m, "buildResource", BUILD, resource, input, "input", options);
  },
  buildRequest(m, resource, input, options) {
    return create(m, "buildRequest", REQUEST, resource, input, "input", options);
  },
  documentRequest(m, resource, document, options) {
    return create(m, "documentRequest", DOCUMENT_REQUEST, resource, document, "document", options);
  },
  documentUpdateRequest(m, resource, id, document, options) {
    return update(m, "documentUpdateRequest", UPDATE_REQUEST, resource, id, document, "document", options);
  },
  validateUpdate(m, resource, id, document, options) {
    return update(m, "validateUpdate", UPDATE, resource, id, document, "document", options);
  },
  buildUpdate(m, resource, id, input, options) {
    return update(m, "buildUpdate", UPDATE, resource, id, input, "input", options);
  },
  buildUpdateRequest(m, resource, id, input, options) {
    return update(m, "buildUpdateRequest", UPDATE_REQUEST, resource, id, input, "input", options);
  },
  resourceDefaults(m, resource) {
    return { resource: resourceIndex(resource, m.resources()) };
  },
  validateAdobeSubscription(m, request, context) {
    const ctx = adobeContext(context, "validateAdobeSubscription", "context");
    return { ...ctx, document: documentValue(request, "request", m.limit()) };
  },
  validateAdobeSubscriptionUpdate(m, request, context) {
    const ctx = adobeUpdateContext(context, "validateAdobeSubscriptionUpdate", "context", m.isDate);
    return { ...ctx, document: documentValue(request, "request", m.limit()) };
  },
  buildAdobeSubscription(m, input, options) {
    return { ...adobeOptions(m, "buildAdobeSubscription", options, false), document: documentValue(input, "input", m.limit()) };
  },
  buildAdobeSubscriptionUpdate(m, input, options) {
    return { ...adobeOptions(m, "buildAdobeSubscriptionUpdate", options, true), document: documentValue(input, "input", m.limit()) };
  },
  adobeBodyRequest(m, body, request, options) {
    return { ...adobeOptions(m, "adobeBodyRequest", options, false), ...forwarded(m, body, request) };
  },
  adobeBodyUpdateRequest(m, body, request, options) {
    return { ...adobeOptions(m, "adobeBodyUpdateRequest", options, true), ...forwarded(m, body, request) };
  },
  adobeCreationWindow(m, anniversaryDate) {
    return { anniversaryDate: stringArg(anniversaryDate, "anniversaryDate") };
  },
  parseFrequency(m, text, options) {
    return frequency(m, "parseFrequency", text, options);
  },
  describeFrequency(m, text, options) {
    return frequency(m, "describeFrequency", text, options);
  },
  nextRuns(m, text, options) {
    const frequency = frequencyText(text, m.frequencyLimit());
    knownOptions(options, "nextRuns", "options", RUNS);
    const epochMs = runsFormat(options);
    const [startsAt, after, expiresAt] = ["startsAt", "after", "expiresAt"].map((name) => instantOption(options, name));
    return { frequency, startsAt, after, expiresAt, count: countOption(options), epochMs };
  },
};

/**
 * The module's exports, one a family of functions, and the values each takes after the
 * function's name, in order: a function's fields fill them by name, and a field it has
 * not is undefined (absent, false or 0 for the module).
 */
export const FAMILIES = {
  _commerceLayer: {
    functions: ["validateResource", "buildResource", "buildRequest", "documentRequest", "documentUpdateRequest", "validateUpdate",
      "buildUpdate", "buildUpdateRequest", "resourceDefaults"],
    fields: ["resource", "id", "document", "offered", "withDefaults", "status", "startsAt", "baseUrl", "organization", "accessToken"],
  },
  _adobe: {
    functions: ["validateAdobeSubscription", "validateAdobeSubscriptionUpdate", "buildAdobeSubscription", "buildAdobeSubscriptionUpdate",
      "adobeBodyRequest", "adobeBodyUpdateRequest", "adobeCreationWindow"],
    fields: ["document", "request", "consumable", "hasActiveSubscriptions", "licenseType", "status", "autoRenewalEnabled", "today",
      "anniversaryDate", "sandbox", "accessToken", "apiKey", "correlationId", "requestId", "recommendationTrackerId"],
  },
  _frequency: {
    functions: ["parseFrequency", "describeFrequency", "nextRuns"],
    fields: ["frequency", "startsAt", "after", "expiresAt", "count", "epochMs"],
  },
};

// A create document's or input's function.
function create(m, fn, known, resource, document, what, options) {
  const index = resourceIndex(resource, m.resources());
  knownOptions(options, fn, "options", known);
  const offered = stringListOption(options, "subscriptionModelFrequencies", m.limit());
  const defaults = known.includes("withDefaults") ? withDefaults(options) : false;
  const to = known.includes("accessToken") ? target(options) : {};
  return { resource: index, offered, withDefaults: defaults, ...to, document: documentValue(document, what, m.limit()) };
}

// An update document's or input's function.
function update(m, fn, known, resource, id, document, what, options) {
  const index = resourceIndex(resource, m.resources());
  const text = stringArg(id, "id");
  knownOptions(options, fn, "options", known);
  const now = current(options, fn);
  const to = known.includes("accessToken") ? target(options) : {};
  return { resource: index, id: text, ...now, ...to, document: documentValue(document, what, m.limit()) };
}

// An Adobe builder's options: its context and its request options.
function adobeOptions(m, fn, options, isUpdate) {
  knownOptions(options, fn, "options", isUpdate ? ADOBE_UPDATE : ADOBE_BUILD);
  const context = option(options, "context");
  const ctx = isUpdate ? adobeUpdateContext(context, fn, "options.context", m.isDate) : adobeContext(context, fn, "options.context");
  const request = adobeRequestOptions(options);
  // The update sends no tracker header: Adobe asks for it on create only.
  if (isUpdate) request.recommendationTrackerId = undefined;
  return { ...ctx, ...request };
}

// A forwarded body and its request object. A body the module reports without reading
// it stops the call there: the request object is then not read.
function forwarded(m, body, request) {
  const document = documentValue(body, "body", m.limit());
  return { document, request: typeof document === "number" ? "" : documentValue(request, "request", m.limit()) };
}

function frequency(m, fn, text, options) {
  const frequency = frequencyText(text, m.frequencyLimit());
  knownOptions(options, fn, "options", FREQUENCY);
  return { frequency, startsAt: instantOption(options, "startsAt") };
}
