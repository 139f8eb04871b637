// The fields every error carries, whichever function reported it: `path` (the field of
// the caller's input), `pointer` (into what is sent), `rule` (subkit's code) and
// `message` (for the person filling the form, in the chosen language). The vendor's own
// members stay next to them. Each `add…` takes the errors the module answered with and
// fills those fields in place; the module leaves them out, so that no language and no
// input shape is compiled into it.
import { message } from "./i18n.js";
import { isRevoked, messageOf, reasonOf } from "./read.js";
import { scheduleEnglish } from "./render.js";

// "/data/attributes/a~1b/0" -> ["data", "attributes", "a/b", 0]
function tokens(pointer) {
  if (pointer === "") return [];
  const out = pointer.slice(1).split("/");
  for (let i = 0; i < out.length; i++) {
    const t = out[i];
    if (INDEX.test(t)) out[i] = Number(t);
    else if (t.includes("~")) out[i] = t.replaceAll("~1", "/").replaceAll("~0", "~");
  }
  return out;
}
const INDEX = /^(?:0|[1-9][0-9]{0,8})$/;

/** The path of a JSON:API document's own pointer: its tokens. */
export const documentPath = tokens;

/**
 * The field of a flat Commerce Layer input (what @commercelayer/sdk's create() takes)
 * a document pointer comes from: an attribute and what is under it, a relationship by
 * its name (with the entry's index for a to-many one); the document's own members
 * (`/data`, `/data/type`) belong to no field.
 */
export function flatInputPath(pointer) {
  const t = tokens(pointer);
  if (t[0] !== "data" || t.length < 3) return [];
  if (t[1] === "attributes") return t.slice(2);
  if (t[1] === "relationships") return typeof t[4] === "number" ? [t[2], t[4]] : [t[2]];
  return [];
}

/**
 * The field of buildAdobeSubscription's flat input: the body's fields sit at its top;
 * the headers come from the options, not from the input.
 */
export function adobeInputPath(pointer) {
  const t = tokens(pointer);
  if (t[0] === "headers") return [];
  return t[0] === "body" ? t.slice(1) : t;
}

/** Commerce Layer's JSON:API error objects. */
export function addJsonapiFields(errors, pathOf, ctx) {
  for (const e of errors) {
    const pointer = e.source?.pointer ?? "";
    const rule = e.meta?.rule ?? "";
    // The rule's params are its meta's members (next to `error` and `rule`, which no
    // message names).
    const params = e.meta ?? {};
    e.path = pathOf(pointer);
    e.pointer = pointer;
    e.rule = rule;
    // A frequency's fault reads as the frequency engine's own message for it.
    const code = rule === "frequency" && typeof params.frequency_error === "string" ? params.frequency_error : rule;
    e.message = message(ctx, code, params);
  }
  return errors;
}

/**
 * Adobe's errors: Adobe's own `code`, `additionalDetails` and `status` stay, and the
 * error body Adobe answers with, `{ code, message, additionalDetails }`, is `adobe`;
 * `message` is the one for the person filling the form.
 */
export function addAdobeFields(errors, pathOf, ctx) {
  for (const e of errors) {
    e.adobe = { code: e.code, message: e.message, additionalDetails: e.additionalDetails };
    e.path = pathOf(e.pointer);
    e.message = message(ctx, e.rule, e.params);
  }
  return errors;
}

// The option a next-runs fault is about, as the field of the call's options.
function runsField(code, params) {
  if (code === "invalid_instant") return [params.option];
  if (code === "count_out_of_range") return ["count"];
  if (code === "missing_start") return ["startsAt"];
  return [];
}

/**
 * Frequency and next-runs errors: the frequency's text is the input (path `[]`) unless
 * the fault is in an option; the engine's English explanation, written here from the
 * words the module answers with in `message`, becomes `detail`.
 */
export function addFrequencyFields(errors, ctx) {
  for (const e of errors) {
    if (typeof e.rule === "string") continue; // already filled (an error listed twice)
    // Faults in the text have a span; a next-runs query's have none.
    const path = "span" in e ? [] : runsField(e.code, e.params ?? {});
    e.path = path;
    e.pointer = path.length === 0 ? "" : `/${path[0]}`;
    e.rule = e.code;
    e.detail = scheduleEnglish(e.message, e.params ?? {});
    e.message = message(ctx, e.code, e.params);
  }
  return errors;
}

/** Only the errors at `field` (a path array or a dotted name) or under it. */
export function errorsAt(errors, field) {
  const path = Array.isArray(field) ? field.map(String) : String(field).split(".");
  return errors.filter((e) => path.every((key, i) => String(e.path[i]) === key));
}

/**
 * Groups a result's errors as zod's flatten() does: `formErrors` holds the messages of
 * errors about the input as a whole, `fieldErrors` the others' by dotted path
 * (`autoRenewal.renewalQuantity`, the name form libraries give a nested field). Its
 * prototype is null, so an input member named `__proto__` is a key like any other.
 */
export function flatten(result) {
  // What a caller's getters or Proxies throw on the way is the documented TypeError,
  // in subkit's words: the engines word a revoked Proxy's error each their own way.
  let errors;
  try {
    errors = Array.isArray(result) ? result : result?.errors;
    if (!Array.isArray(errors)) throw new TypeError("flatten: pass a subkit result or its errors");
    const formErrors = [];
    const fieldErrors = Object.create(null);
    for (const e of errors) {
      if (!Array.isArray(e?.path) || e.path.length === 0) {
        formErrors.push(e?.message);
      } else {
        const key = e.path.join(".");
        (fieldErrors[key] ??= []).push(e.message);
      }
    }
    return { formErrors, fieldErrors };
  } catch (e) {
    if (e instanceof TypeError && e.message.startsWith("flatten: ")) throw e;
    throw new TypeError(`flatten: the result could not be read: ${reasonOf(e, result, errors)}`);
  }
}

// The answer `{ status, headers, body }` for `new Response(answer.body, answer)`.
const answer = (status, type, body) => ({ status, headers: { "Content-Type": type }, body: JSON.stringify(body) });

/**
 * The answer the vendor's server would give to the request a result refused, for a
 * Worker or a back end to send as it is: `{ status, headers, body }`, ready for
 * `new Response(answer.body, answer)`; `null` for a valid result. Commerce Layer's is
 * the JSON:API `{ errors }` with only the members its errors have (`title`, `detail`,
 * `code`, `source`, `status`, and for a 422 `meta.error`), as
 * `application/vnd.api+json`; Adobe's is the first error's `{ code, message,
 * additionalDetails }` (Adobe answers one), as `application/json`. Nothing the package
 * adds for forms (`path`, `pointer`, `rule`, `message`, the rule's params) is in it.
 */
export function serverError(result) {
  // Every member is read through `at`, which refuses what is not a result's in
  // subkit's words (each engine words its own errors for undefined and revoked Proxies).
  const notResult = () => new TypeError("serverError: pass a subkit result");
  const readable = (value) => {
    if (isRevoked(value)) throw new TypeError("serverError: the result could not be read: it is a revoked Proxy");
    return value;
  };
  const at = (object, key) => {
    if (object === null || typeof object !== "object") throw notResult();
    return readable(readable(object)[key]);
  };
  const list = (value) => {
    if (!Array.isArray(readable(value))) throw notResult();
    return value;
  };
  const text = (value) => {
    if (typeof value !== "string") throw notResult();
    return value;
  };
  try {
    const errors = list(at(result, "errors"));
    if (errors.length === 0) return null;
    const first = readable(errors[0]);
    const adobe = at(first, "adobe");
    if (adobe !== undefined) {
      const details = list(at(adobe, "additionalDetails"));
      const code = at(adobe, "code");
      const body = { code: code === null ? null : text(code), message: text(at(adobe, "message")), additionalDetails: details.map(text) };
      return answer(at(first, "status"), "application/json", body);
    }
    const objects = errors.map((item) => {
      const e = readable(item);
      const code = text(at(e, "code"));
      const object = { title: text(at(e, "title")), detail: text(at(e, "detail")), code,
        source: { pointer: text(at(at(e, "source"), "pointer")) }, status: text(at(e, "status")) };
      if (code === "VALIDATION_ERROR") object.meta = { error: text(at(at(e, "meta"), "error")) };
      return object;
    });
    return answer(at(result, "status"), "application/vnd.api+json", { errors: objects });
  } catch (e) {
    if (e instanceof TypeError && e.message.startsWith("serverError: ")) throw e;
    throw new TypeError(`serverError: the result could not be read: ${messageOf(e)}`);
  }
}
