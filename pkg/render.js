// The one writer of every error the module reports. The module answers with compact
// records, [rule, pointer, params, english, code, text, frequency] (src/wasm/results.rs):
// the rule, where, its params (a reason as its index in REASONS), and indices into the
// tables of tables.js (generated from the Rust tables), which hold every word. Here
// they become Commerce Layer's JSON:API error objects and Adobe's errors, filled in as
// src/words.rs fills them for Rust users; tests/js/rendered.test.mjs holds the two
// writers to each other over every fixture. The schedule engine's errors carry their
// words the same way (`message` of parseFrequency's and nextRuns' errors, a record's
// `frequency`): scheduleEnglish.
import { ADOBE_CODES, ENGLISH, JSONAPI_CODES, JSONAPI_TEXTS, REASON_PARAMS, REASONS, SCHEDULE } from "./tables.js";

// A param as the templates show it: text as it is, a list joined by ", ", the rest as
// JSON writes it.
function shown(value) {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(shown).join(", ");
  return JSON.stringify(value);
}

// A param in the form {name|word} or {name|word|first|second|…}: its entries (a single
// value is one) joined by ", " and by `word` before the last ("30 or 31"), each as it
// is shown or, given names, as the name at its place counting from 1 (2 is "second";
// an entry with no name there is left out).
function listed(value, form) {
  const [word, ...names] = form.split("|");
  const entries = [];
  for (const entry of Array.isArray(value) ? value : [value]) {
    if (names.length === 0) entries.push(shown(entry));
    else if (Number.isInteger(entry) && entry >= 1 && entry <= names.length) entries.push(names[entry - 1]);
  }
  return entries.length < 2 ? entries.join("") : `${entries.slice(0, -1).join(", ")} ${word} ${entries.at(-1)}`;
}

/**
 * `template` with `{name}` as params[name] (`{name|word…}` as a list) and `{@name}` as
 * extras[name]; a name with no value stays as written (src/words.rs `fill`, the same
 * syntax).
 */
export function fill(template, params, extras) {
  let out = "";
  let at = 0;
  for (;;) {
    const open = template.indexOf("{", at);
    if (open < 0) break;
    out += template.slice(at, open);
    const close = template.indexOf("}", open);
    if (close < 0) return out + template.slice(open);
    const name = template.slice(open + 1, close);
    const whole = template.slice(open, close + 1);
    if (name.startsWith("@")) {
      const value = extras[name.slice(1)];
      out += value ?? whole;
    } else {
      const bar = name.indexOf("|");
      const key = bar < 0 ? name : name.slice(0, bar);
      if (!Object.hasOwn(params, key)) out += whole;
      else out += bar < 0 ? shown(params[key]) : listed(params[key], name.slice(bar + 1));
    }
    at = close + 1;
  }
  return out + template.slice(at);
}

/**
 * A schedule engine's message, from its words (src/words.rs `Words`): the index of its
 * template in SCHEDULE, or [index, reason, text?], where `text` is both templates'
 * `{text}` and the template `reason` (unless null), filled the same way, is the
 * message's `{@reason}`.
 */
export function scheduleEnglish(words, params) {
  if (typeof words === "number") return fill(SCHEDULE[words] ?? "", params, {});
  const [index, reason, text] = words;
  const own = text === undefined ? params : { ...params, text };
  const extras = reason === null ? {} : { reason: fill(SCHEDULE[reason] ?? "", own, {}) };
  return fill(SCHEDULE[index] ?? "", own, extras);
}

// RFC 6901: ~1 is "/", ~0 is "~".
const unescape = (token) => (token.includes("~") ? token.replaceAll("~1", "/").replaceAll("~0", "~") : token);
const DIGITS = /^[0-9]+$/;

// A sentence of REASONS as a record carries it: its index, or [index, date] for one that
// names its {date} (src/words.rs `Reason`, `DatedReason`).
function sentence(value) {
  if (typeof value === "number") return REASONS[value] ?? "";
  if (Array.isArray(value)) return fill(REASONS[value[0]] ?? "", { date: value[1] }, {});
  return value;
}

// A record's params as the rule's: the param that says a reason (REASON_PARAMS) as its
// sentence, in its place; the other params as they are.
function paramsOf(record) {
  const [rule, , params] = record;
  const name = Object.hasOwn(REASON_PARAMS, rule) ? REASON_PARAMS[rule] : undefined;
  if (name === undefined || !Object.hasOwn(params, name)) return params;
  return { ...params, [name]: sentence(params[name]) };
}

// The schedule engine's message a frequency fault's record carries, if any.
const frequencyOf = (record, params) => (record[6] === null || record[6] === undefined ? undefined : scheduleEnglish(record[6], params));

// The rule's English: its template filled with its params.
function english(record, params) {
  return fill(ENGLISH[record[3]] ?? "", params, { frequency: frequencyOf(record, params) });
}

// The attribute or relationship a pointer is inside.
function fieldName(pointer) {
  for (const prefix of ["/data/attributes/", "/data/relationships/"]) {
    if (pointer.startsWith(prefix)) return unescape(pointer.slice(prefix.length).split("/")[0]);
  }
  return undefined;
}

// The member a pointer names: its last token, unless that is an array index.
function memberOf(pointer) {
  const slash = pointer.lastIndexOf("/");
  if (slash < 0) return undefined;
  const last = pointer.slice(slash + 1);
  return last !== "" && DIGITS.test(last) ? undefined : unescape(last);
}

// The answer's status: 401 over 400 over 422, as the server checks in that order.
const RANK = { 401: 2, 400: 1, 422: 0 };

/** One Commerce Layer error object. */
function jsonapiError(record) {
  const [rule, pointer, , , code, text] = record;
  const params = paramsOf(record);
  const frequency = frequencyOf(record, params);
  const [name, status] = JSONAPI_CODES[code];
  const [titleTemplate, detailTemplate, symbol] = JSONAPI_TEXTS[text];
  const title = fill(titleTemplate, params, {});
  const member = memberOf(pointer) ?? "request";
  // Capitalised as ASCII only, as the Rust adapter does.
  const Member = member.replace(/^[a-z]/, (c) => c.toUpperCase());
  const extras = { field: fieldName(pointer) ?? "", member, Member, message: english(record, params), title };
  const meta = { error: symbol ?? rule, rule, ...params };
  if (frequency !== undefined) meta.message = frequency;
  return { title, detail: fill(detailTemplate, params, extras), code: name, source: { pointer }, status: String(status), meta };
}

/**
 * A Commerce Layer answer, `{ valid, status, errors }`, with the module's `document` or
 * `request` when it made one.
 */
export function renderJsonapi(answer) {
  let status = null;
  const errors = answer.errors.map((record) => {
    const error = jsonapiError(record);
    const s = JSONAPI_CODES[record[4]][1];
    if (status === null || RANK[s] > RANK[status]) status = s;
    return error;
  });
  const result = { valid: errors.length === 0, status, errors };
  if ("document" in answer) result.document = answer.document;
  if ("request" in answer) result.request = answer.request;
  return result;
}

// `/body/autoRenewal/flexDiscountCodes/0` as Adobe writes fields:
// `autoRenewal.flexDiscountCodes[0]`; headers keep their name.
function dotted(pointer) {
  if (pointer === "/body" || pointer === "/headers") return pointer.slice(1);
  let tokens = pointer.split("/").slice(1).map(unescape);
  if (tokens[0] === "body" || tokens[0] === "headers") tokens = tokens.slice(1);
  let out = "";
  for (const t of tokens) {
    if (t !== "" && DIGITS.test(t)) out += `[${t}]`;
    else out += (out === "" ? "" : ".") + t;
  }
  return out === "" ? "request" : out;
}

/** One Adobe error: Adobe's code and message where its table has one, else subkit's. */
export function adobeError(record) {
  const [rule, pointer, , , code] = record;
  const params = paramsOf(record);
  const field = dotted(pointer);
  const known = code === null ? undefined : ADOBE_CODES[code];
  const text = english(record, params);
  return {
    code: known ? known[0] : null,
    message: known ? known[1] : `${field} ${text}`,
    additionalDetails: [`${field}: ${text}`],
    pointer,
    rule,
    status: known ? known[2] : 400,
    params,
  };
}

/** An Adobe answer, `{ valid, request?, errors, warnings }`. */
export function renderAdobe(answer) {
  const result = { valid: answer.errors.length === 0 };
  if ("request" in answer) result.request = answer.request;
  result.errors = answer.errors.map(adobeError);
  result.warnings = answer.warnings.map(adobeError);
  return result;
}
