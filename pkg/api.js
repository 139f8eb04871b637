// The public functions, listed once: every export of this file is public API, since
// the entry points re-export all of it. Each entry point initialises the wasm module
// its own way, then calls markReady() (ready.js); until then every function throws a
// clear error instead of failing deep inside the glue, and afterwards a call that
// traps costs that call only (ready.js's `guarded`).
//
// The caller's values are read here: read.js makes them text, bytes and plain copies,
// args.js reads those into the plain values each function takes (throwing every
// TypeError of misuse), and only those reach the module. The module answers with compact records, which render.js writes
// out as the vendors' errors from the generated tables; then each error gets the
// fields every error has (errors.js) in the call's language (i18n.js), and the options
// read here (`locale`, `messages`, `hourCycle`) are taken out before the module sees
// the rest.
import * as glue from "./dist/subkit.js";
import { fastValidateResource } from "./fast.js";
import { guarded as guard } from "./ready.js";
import { adobeRequestArg, documentArg, optionsArg, reasonOf } from "./read.js";
import { FAMILIES, OPTION_NAMES, READ } from "./args.js";
import { frequencyWords, languageOf, message } from "./i18n.js";
import { renderDescription } from "./describe.js";
import {
  addAdobeFields,
  addFrequencyFields,
  addJsonapiFields,
  adobeInputPath,
  documentPath,
  flatInputPath,
} from "./errors.js";
import { standardSchema } from "./schema.js";
import { LOCAL_TIME, converter } from "./json-schema.js";
import { adobeError, renderAdobe, renderJsonapi } from "./render.js";
import { DATE_TIMES } from "./tables.js";

export { setLocale, registerLocale } from "./i18n.js";
export { flatten, serverError } from "./errors.js";
export { jsonSchema, jsonSchemaCoverage } from "./json-schema.js";

// What the module knows that args.js checks against, read once it is ready: the most
// bytes of JSON it reads, the longest frequency, its resource names, its date rule.
let inputLimit, frequencyLimit, resourceNames;
const known = {
  limit: () => (inputLimit ??= glue._inputLimit()),
  frequencyLimit: () => (frequencyLimit ??= glue._frequencyLimit()),
  resources: () => (resourceNames ??= glue._resourceNames()),
  isDate: (text) => glue._isDate(text),
};

// How each argument is read before the call: names and frequencies are strings that
// args.js checks by type alone, so they go as they are.
const asIs = (value) => value;
const doc = (what) => (value) => documentArg(value, what, known.limit());
const adobeRequest = (value) => adobeRequestArg(value, known.limit());
const opts = (value) => optionsArg(value, OPTION_NAMES);

// `fn` called with each argument read by the reader in its place.
function reading(fn, ...readers) {
  return function (...args) {
    return fn(...readers.map((read, i) => read(args[i])));
  };
}

// The function `name`, called with the values args.js reads from the caller's
// arguments (READ[name]), through its family's export of the module (FAMILIES), its
// answer written out by `render` (render.js).
function call(name, render = asIs) {
  const read = READ[name];
  const [family, { fields }] = Object.entries(FAMILIES).find(([, f]) => f.functions.includes(name));
  return function (...args) {
    const values = read(known, ...args);
    return render(glue[family](name, ...fields.map((field) => values[field])));
  };
}

// `fn(body, request, options)` called as `(request, options)`, with `request.body` apart:
// the body goes on as it came (text, bytes or an object), the rest as the request object.
function bodyFirst(name, fn) {
  return function (request, options) {
    let body, rest;
    try {
      if (request === null || typeof request !== "object") throw new TypeError(`${name}: request is an object { customerId, …, body }`);
      ({ body, ...rest } = request);
    } catch (e) {
      if (e instanceof TypeError && e.message.startsWith(`${name}: `)) throw e;
      throw new TypeError(`${name}: request could not be read: ${reasonOf(e, request)}`);
    }
    return fn(body, rest, options);
  };
}
const windowErrors = (answer) => {
  answer.errors = answer.errors.map(adobeError);
  return answer;
};

// `fn` with the language options of its argument `at` read here, and `fill(result, ctx)`
// run on its answer (each filler looks only at what the answer has: errors, a phrase).
function shaped(fn, at, name, fill) {
  return function (...args) {
    const [ctx, options] = languageOf(args[at], name);
    if (options !== args[at]) args[at] = options;
    const result = fn(...args);
    fill(result, ctx);
    return result;
  };
}

const jsonapi = (pathOf) => (r, ctx) => {
  if (r.errors.length > 0) addJsonapiFields(r.errors, pathOf, ctx);
};
const adobe = (pathOf) => (r, ctx) => {
  if (r.errors.length > 0) addAdobeFields(r.errors, pathOf, ctx);
  if (r.warnings?.length > 0) addAdobeFields(r.warnings, pathOf, ctx);
};
// The module describes a frequency as a phrase (names and numbers, no words), written
// here in the call's language and clock; the phrase is not part of the answer.
const frequency = (r, ctx) => {
  if (r.errors.length > 0) addFrequencyFields(r.errors, ctx);
  if (r.commerceLayer?.errors.length > 0) addFrequencyFields(r.commerceLayer.errors, ctx);
  if (typeof r.phrase === "string") {
    r.description = renderDescription(r.phrase, frequencyWords(ctx), { hourCycle: ctx.hourCycle });
    delete r.phrase;
  }
};

const validateFast = /* @__PURE__ */ fastValidateResource(glue, known, /* @__PURE__ */ call("validateResource", renderJsonapi));

export const validateResource = /* @__PURE__ */ guard(/* @__PURE__ */ shaped(/* @__PURE__ */ reading(validateFast, asIs, doc("document"), opts), 2, "validateResource", jsonapi(documentPath)));
export const buildResource = /* @__PURE__ */ guard(/* @__PURE__ */ shaped(/* @__PURE__ */ reading(/* @__PURE__ */ call("buildResource", renderJsonapi), asIs, doc("input"), opts), 2, "buildResource", jsonapi(flatInputPath)));
export const buildRequest = /* @__PURE__ */ guard(/* @__PURE__ */ shaped(/* @__PURE__ */ reading(/* @__PURE__ */ call("buildRequest", renderJsonapi), asIs, doc("input"), opts), 2, "buildRequest", jsonapi(flatInputPath)));
export const documentRequest = /* @__PURE__ */ guard(/* @__PURE__ */ shaped(/* @__PURE__ */ reading(/* @__PURE__ */ call("documentRequest", renderJsonapi), asIs, doc("document"), opts), 2, "documentRequest", jsonapi(documentPath)));
export const documentUpdateRequest = /* @__PURE__ */ guard(/* @__PURE__ */ shaped(/* @__PURE__ */ reading(/* @__PURE__ */ call("documentUpdateRequest", renderJsonapi), asIs, asIs, doc("document"), opts), 3, "documentUpdateRequest", jsonapi(documentPath)));
export const resourceDefaults = /* @__PURE__ */ guard(/* @__PURE__ */ reading(/* @__PURE__ */ call("resourceDefaults"), asIs));
export const validateUpdate = /* @__PURE__ */ guard(/* @__PURE__ */ shaped(/* @__PURE__ */ reading(/* @__PURE__ */ call("validateUpdate", renderJsonapi), asIs, asIs, doc("document"), opts), 3, "validateUpdate", jsonapi(documentPath)));
export const buildUpdate = /* @__PURE__ */ guard(/* @__PURE__ */ shaped(/* @__PURE__ */ reading(/* @__PURE__ */ call("buildUpdate", renderJsonapi), asIs, asIs, doc("input"), opts), 3, "buildUpdate", jsonapi(flatInputPath)));
export const buildUpdateRequest = /* @__PURE__ */ guard(/* @__PURE__ */ shaped(/* @__PURE__ */ reading(/* @__PURE__ */ call("buildUpdateRequest", renderJsonapi), asIs, asIs, doc("input"), opts), 3, "buildUpdateRequest", jsonapi(flatInputPath)));
export const parseFrequency = /* @__PURE__ */ guard(/* @__PURE__ */ shaped(/* @__PURE__ */ reading(/* @__PURE__ */ call("parseFrequency"), asIs, opts), 1, "parseFrequency", frequency));
export const describeFrequency = /* @__PURE__ */ guard(/* @__PURE__ */ shaped(/* @__PURE__ */ reading(/* @__PURE__ */ call("describeFrequency"), asIs, opts), 1, "describeFrequency", frequency));
export const nextRuns = /* @__PURE__ */ guard(/* @__PURE__ */ shaped(/* @__PURE__ */ reading(/* @__PURE__ */ call("nextRuns"), asIs, opts), 1, "nextRuns", frequency));
export const validateAdobeSubscription = /* @__PURE__ */ guard(/* @__PURE__ */ shaped(/* @__PURE__ */ reading(/* @__PURE__ */ call("validateAdobeSubscription", renderAdobe), adobeRequest, opts), 1, "validateAdobeSubscription", adobe(documentPath)));
export const buildAdobeSubscription = /* @__PURE__ */ guard(/* @__PURE__ */ shaped(/* @__PURE__ */ reading(/* @__PURE__ */ call("buildAdobeSubscription", renderAdobe), doc("input"), opts), 1, "buildAdobeSubscription", adobe(adobeInputPath)));
export const validateAdobeSubscriptionUpdate = /* @__PURE__ */ guard(/* @__PURE__ */ shaped(/* @__PURE__ */ reading(/* @__PURE__ */ call("validateAdobeSubscriptionUpdate", renderAdobe), adobeRequest, opts), 1, "validateAdobeSubscriptionUpdate", adobe(documentPath)));
export const buildAdobeSubscriptionUpdate = /* @__PURE__ */ guard(/* @__PURE__ */ shaped(/* @__PURE__ */ reading(/* @__PURE__ */ call("buildAdobeSubscriptionUpdate", renderAdobe), doc("input"), opts), 1, "buildAdobeSubscriptionUpdate", adobe(adobeInputPath)));
export const adobeBodyRequest = /* @__PURE__ */ guard(/* @__PURE__ */ shaped(/* @__PURE__ */ bodyFirst("adobeBodyRequest", /* @__PURE__ */ reading(/* @__PURE__ */ call("adobeBodyRequest", renderAdobe), doc("body"), doc("request"), opts)), 1, "adobeBodyRequest", adobe(documentPath)));
export const adobeBodyUpdateRequest = /* @__PURE__ */ guard(/* @__PURE__ */ shaped(/* @__PURE__ */ bodyFirst("adobeBodyUpdateRequest", /* @__PURE__ */ reading(/* @__PURE__ */ call("adobeBodyUpdateRequest", renderAdobe), doc("body"), doc("request"), opts)), 1, "adobeBodyUpdateRequest", adobe(documentPath)));
export const adobeCreationWindow = /* @__PURE__ */ guard(/* @__PURE__ */ shaped(/* @__PURE__ */ reading(/* @__PURE__ */ call("adobeCreationWindow", windowErrors), asIs), 1, "adobeCreationWindow", adobe(documentPath)));

// Array.isArray, which throws only for a revoked Proxy: not an array of fields either.
function isArray(value) {
  try {
    return Array.isArray(value);
  } catch {
    return false;
  }
}

// JSON's name for what a value is, as the module's `type` errors give `found`.
function jsonType(value) {
  if (value === null) return "null";
  if (isArray(value)) return "array";
  return typeof value === "bigint" ? "number" : typeof value;
}

// A form's empty text field is an absent field: form libraries hand over "" for every
// text input left empty, and a shopper who clears an optional field means "none", so a
// member holding "" or only whitespace is left out, at any depth of plain objects (an
// empty required field is then "required", as a missing one is). The document
// functions keep the server's reading, where "" is a value. A value whose members cannot
// be read goes on as it is, for read.js to refuse in its words.
function withoutBlanks(values) {
  try {
    return stripBlanks(values, 0);
  } catch {
    return values;
  }
}

function stripBlanks(value, depth) {
  if (depth > 8 || value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const keys = Object.keys(value);
  let out = null;
  for (let i = 0; i < keys.length; i++) {
    const v = value[keys[i]];
    const blank = typeof v === "string" && v.trim() === "";
    const next = blank ? v : stripBlanks(v, depth + 1);
    if (out === null && (blank || next !== v)) {
      out = proto === null ? Object.create(null) : {};
      for (let j = 0; j < i; j++) define(out, keys[j], value[keys[j]]);
    }
    if (out !== null && !blank) define(out, keys[i], next);
  }
  return out ?? value;
}

// An own data member, whatever its name ("__proto__" included).
const define = (o, key, value) => Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });

// A form's values are an object of fields. Anything else (undefined, text, a Map, a
// cyclic object) is an answer for the form, not misuse: one error about the whole
// input, where the builders, which also take JSON text and bytes, would read it or
// throw a TypeError.
function formValues(check, options, where, prepare = withoutBlanks) {
  return (values) => {
    let plain;
    try {
      plain = values !== null && typeof values === "object" && !Array.isArray(values) &&
        !ArrayBuffer.isView(values) && !(values instanceof ArrayBuffer);
    } catch {
      plain = false; // a Proxy whose traps throw: not an object of fields either
    }
    if (plain) {
      const value = prepare(values);
      try {
        return { ...check(value), value };
      } catch (e) {
        if (!(e instanceof TypeError)) throw e;
      }
    }
    const [ctx] = languageOf(options, where);
    const params = { expected: "object", found: jsonType(values) };
    return { errors: [{ path: [], pointer: "", rule: "type", params, message: message(ctx, "type", params) }] };
  };
}

/**
 * A Standard Schema of a Commerce Layer resource's flat input (what buildResource
 * takes), with buildResource's options (`withDefaults`, `subscriptionModelFrequencies`,
 * `locale`, `messages`).
 */
export function schema(resource, options) {
  const [settings, local] = formOptions(options, "schema", resource);
  buildResource(resource, {}, settings); // misuse (a resource or option name) throws now
  const json = converter(`${resource}.create.input`, local !== withoutBlanks);
  return standardSchema(formValues((values) => buildResource(resource, values, settings), settings, "schema", local), json);
}

// A form's options: the builder's, and `timeZone`, the form's own: the zone its
// date-time fields are in. With it, what `<input type="datetime-local">` gives
// (`2025-01-01T12:00`, no offset) is read as that zone's local time and becomes the
// UTC instant (`2025-01-01T11:00:00.000Z` in Europe/Rome), with Intl's time zone data
// and no clock. Returns the builder's options and the form's reading of its values.
function formOptions(options, where, resource) {
  let timeZone, rest;
  try {
    if (options === null || typeof options !== "object" || !("timeZone" in options)) return [options, withoutBlanks];
    ({ timeZone, ...rest } = options);
  } catch (e) {
    throw new TypeError(`${where}: options could not be read: ${reasonOf(e, options)}`);
  }
  if (timeZone === undefined) return [rest, withoutBlanks];
  let format;
  try {
    if (typeof timeZone !== "string" || timeZone.length > 64) throw new RangeError();
    format = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric",
      day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
  } catch {
    throw new TypeError(`${where}: timeZone must be an IANA time zone name, such as "Europe/Rome" or "UTC"`);
  }
  const members = typeof resource === "string" && Object.hasOwn(DATE_TIMES, resource) ? DATE_TIMES[resource] : [];
  return [rest, (values) => localTimes(withoutBlanks(values), members, format)];
}

const LOCAL = new RegExp(LOCAL_TIME);

// The UTC instant of a wall time in the zone `format` is in: the offset at the wall
// time read as UTC, checked again at the instant found (a time the zone skips, at a
// change of offset, moves by the change; a repeated one takes the later offset).
function utcOf(format, wall) {
  const offset = (utc) => {
    const part = Object.fromEntries(format.formatToParts(utc).map((p) => [p.type, p.value]));
    const shown = new Date(0);
    shown.setUTCFullYear(Number(part.year), Number(part.month) - 1, Number(part.day));
    shown.setUTCHours(Number(part.hour) % 24, Number(part.minute), Number(part.second), 0);
    return shown.getTime() - (utc - (((utc % 1000) + 1000) % 1000));
  };
  const first = wall - offset(wall);
  return wall - offset(first);
}

// `values` with each date-time member that is a local time (no offset) made an instant.
function localTimes(values, members, format) {
  let out = values;
  for (const name of members) {
    let text;
    try {
      text = Object.hasOwn(values, name) ? values[name] : undefined;
    } catch {
      continue;
    }
    const m = typeof text === "string" ? LOCAL.exec(text) : null;
    if (!m) continue;
    const [, y, mo, d, h, mi, s = "0", f = "0"] = m;
    const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number);
    const wall = new Date(0);
    wall.setUTCFullYear(year, month - 1, day);
    wall.setUTCHours(hour, minute, second, Number(f.padEnd(3, "0")));
    // A date or time that does not exist (2025-02-30, 24:00) is left for the format rule.
    if (wall.getUTCMonth() !== month - 1 || wall.getUTCDate() !== day || wall.getUTCHours() !== hour || minute > 59 || second > 59) continue;
    const utc = utcOf(format, wall.getTime());
    if (!Number.isFinite(utc)) continue;
    if (out === values) out = Object.assign(Object.getPrototypeOf(values) === null ? Object.create(null) : {}, values);
    define(out, name, new Date(utc).toISOString());
  }
  return out;
}

/**
 * A Standard Schema of a Commerce Layer update's flat input (what buildUpdate takes for
 * the resource `id`), with buildUpdate's options (`current`, `locale`, `messages`).
 */
export function updateSchema(resource, id, options) {
  const [settings, local] = formOptions(options, "updateSchema", resource);
  buildUpdate(resource, id, {}, settings); // misuse throws now
  const json = converter(`${resource}.update.input`, local !== withoutBlanks);
  return standardSchema(formValues((values) => buildUpdate(resource, id, values, settings), settings, "updateSchema", local), json);
}

/**
 * A Standard Schema of buildAdobeSubscription's input as a form collects it; the
 * headers, which the request gets from buildAdobeSubscription's options where it is
 * sent, are not the form's to check. `options`: `context`, `locale`, `messages`.
 */
export function adobeSchema(options) {
  return adobeFormSchema(buildAdobeSubscription, options, "adobeSchema", "adobe.create.input");
}

/**
 * The same for buildAdobeSubscriptionUpdate's input (`customerId`, `subscriptionId`,
 * `autoRenewal`, the reset flags). `options`: `context`, `locale`, `messages`.
 */
export function adobeUpdateSchema(options) {
  return adobeFormSchema(buildAdobeSubscriptionUpdate, options, "adobeUpdateSchema", "adobe.update.input");
}

// A builder's input as a form collects it, without the headers' errors.
function adobeFormSchema(build, options, name, jsonName) {
  let context, locale, messages;
  try {
    ({ context, locale, messages } = options ?? {});
  } catch (e) {
    throw new TypeError(`${name}: options could not be read: ${reasonOf(e, options)}`);
  }
  const settings = { context, locale, messages };
  build({}, settings); // misuse (a context name or value) throws now
  const check = (values) => {
    const result = build(values, settings);
    return { errors: result.errors.filter((e) => !e.pointer.startsWith("/headers")) };
  };
  return standardSchema(formValues(check, settings, name), converter(jsonName, false));
}
