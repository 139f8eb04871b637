// The rules as JSON Schema for JS: jsonSchema() and the schema objects'
// `~standard.jsonSchema` (Standard JSON Schema v1). The schemas are the ones
// subkit::json_schema writes in Rust (draft 2020-12, held in the generated
// json-schemas.js); this module only converts them to the target asked for, and writes
// a form's input from its output (a form hands over "" for an empty field).
import { INPUTS, BODIES, COVERAGE } from "./json-schemas.js";

const TARGETS = ["draft-2020-12", "draft-07", "openapi-3.0"];
const SUBJECTS = ["customer_subscriptions", "order_subscriptions", "subscription_models", "order_subscription_items", "adobe"];
const OPTIONS = ["operation", "target", "input"];

const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * What a form hands over for a date-time with no offset (`<input type="datetime-local">`),
 * its parts captured: the form layer reads it with this pattern, and the form input's
 * JSON Schema takes it with the same.
 */
export const LOCAL_TIME = "^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\\.([0-9]{1,3}))?)?$";
const BLANK = { type: "string", pattern: "^\\s*$" };

/**
 * The values a form may hand over for `schema`'s output: an optional member, at any
 * depth, may be blank text (left out, as the form layer reads it), and with a time zone
 * a date-time may be a local time.
 */
function formInput(schema, localTimes) {
  if (Array.isArray(schema)) return schema.map((s) => formInput(s, localTimes));
  if (!isObject(schema)) return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    // `properties` maps member names to schemas: each member, not each name, is read.
    out[key] = key === "properties" ? mapValues(value, (s) => formInput(s, localTimes)) : formInput(value, localTimes);
  }
  if (isObject(out.properties)) {
    const required = new Set(schema.required ?? []);
    for (const [name, member] of Object.entries(out.properties)) {
      let s = member;
      if (localTimes && schema.properties[name].format === "date-time") s = { anyOf: [s, { type: "string", pattern: LOCAL_TIME }] };
      if (!required.has(name)) s = { anyOf: [s, BLANK] };
      out.properties[name] = s;
    }
  }
  return out;
}

// draft-07: `dependentRequired` is `dependencies`; the rest of what subkit writes is
// the same in both drafts.
function toDraft07(schema) {
  if (Array.isArray(schema)) return schema.map(toDraft07);
  if (!isObject(schema)) return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === "$schema") out.$schema = "http://json-schema.org/draft-07/schema#";
    else if (key === "dependentRequired") out.dependencies = value;
    else out[key] = key === "properties" ? mapValues(value, toDraft07) : toDraft07(value);
  }
  return out;
}

const mapValues = (o, f) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));

// OpenAPI 3.0 (a superset of draft-04): no `$schema`, `const`, type lists, `null` type,
// `if`/`then` or `dependentRequired`. `const` becomes a one-value `enum`, a type list
// with "null" `nullable`, and the two conditions their equivalent in `anyOf`/`not`, so
// that the schema says the same.
function toOpenApi30(schema) {
  if (Array.isArray(schema)) return schema.map(toOpenApi30);
  if (!isObject(schema)) return schema;
  const out = {};
  const all = [];
  for (const [key, value] of Object.entries(schema)) {
    if (key === "$schema") continue;
    if (key === "const") out.enum = [value];
    else if (key === "examples") out.example = value[0];
    else if (key === "type" && Array.isArray(value)) {
      const types = value.filter((t) => t !== "null");
      out.type = types[0];
      if (types.length < value.length) out.nullable = true;
    } else if (key === "anyOf" && value.some((s) => s?.type === "null")) {
      const rest = value.filter((s) => s?.type !== "null").map(toOpenApi30);
      if (rest.length === 1) Object.assign(out, rest[0]);
      else out.anyOf = rest;
      out.nullable = true;
    } else if (key === "if") {
      all.push({ anyOf: [{ not: toOpenApi30(value) }, toOpenApi30(schema.then ?? {})] });
    } else if (key === "then") {
      continue;
    } else if (key === "dependentRequired") {
      for (const [name, needs] of Object.entries(value)) all.push({ anyOf: [{ not: { required: [name] } }, { required: needs }] });
    } else out[key] = key === "properties" ? mapValues(value, toOpenApi30) : toOpenApi30(value);
  }
  if (all.length > 0) out.allOf = [...(out.allOf ?? []), ...all];
  return out;
}

/** `schema` (draft 2020-12) in `target`; a copy the caller may change. */
function convert(schema, target, where) {
  switch (target) {
    case "draft-2020-12": return structuredClone(schema);
    case "draft-07": return toDraft07(schema);
    case "openapi-3.0": return toOpenApi30(schema);
    default:
      throw new TypeError(`${where}: target must be one of ${TARGETS.map((t) => `"${t}"`).join(", ")}; got ${typeof target === "string" ? `"${target.slice(0, 40)}"` : typeof target}`);
  }
}

// The target a converter's options ask for (the Standard JSON Schema options object).
function targetOf(options) {
  try {
    return isObject(options) ? options.target : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The `~standard.jsonSchema` converter of a form schema over the flat input `name`
 * (`order_subscriptions.create.input`, `adobe.update.input`): `output` is the flat
 * input the schema answers with, `input` what a form may hand it.
 */
export function converter(name, localTimes) {
  const output = INPUTS[name];
  return {
    input: (options) => convert(formInput(output, localTimes), targetOf(options), "jsonSchema.input"),
    output: (options) => convert(output, targetOf(options), "jsonSchema.output"),
  };
}

/**
 * The JSON Schema of a request body: `subject` is a Commerce Layer resource (the
 * JSON:API document) or `"adobe"` (Adobe's body); `options.operation` is `"create"`
 * (default) or `"update"`, `options.target` `"draft-2020-12"` (default), `"draft-07"`
 * or `"openapi-3.0"`, and `options.input: true` gives the flat input the builders take
 * instead.
 */
export function jsonSchema(subject, options = {}) {
  if (!SUBJECTS.includes(subject)) {
    throw new TypeError(`jsonSchema: the subject must be one of ${SUBJECTS.map((s) => `"${s}"`).join(", ")}`);
  }
  let keys, operation, target, input;
  try {
    if (!isObject(options)) throw new TypeError();
    keys = Object.keys(options);
    ({ operation = "create", target = "draft-2020-12", input = false } = options);
  } catch {
    // The engine's own words (a Proxy's trap, a getter) are not repeated: they differ
    // between engines, and may name what the caller did not mean to show.
    throw new TypeError("jsonSchema: options must be an object whose members can be read");
  }
  const unknown = keys.find((key) => !OPTIONS.includes(key));
  if (unknown !== undefined) throw new TypeError(`jsonSchema: unknown option "${unknown.slice(0, 40)}"`);
  if (operation !== "create" && operation !== "update") throw new TypeError('jsonSchema: operation must be "create" or "update"');
  if (typeof input !== "boolean") throw new TypeError("jsonSchema: input must be true or false");
  const name = `${subject}.${operation}`;
  return convert(input ? INPUTS[`${name}.input`] : BODIES[name], target, "jsonSchema");
}

/**
 * Every rule, and how much of it a JSON Schema carries: `{ rule, carried: "fully" |
 * "partly" | "not", how }`, rule being a rule code or `format.<name>`.
 */
export function jsonSchemaCoverage() {
  return COVERAGE.map(([rule, carried, how]) => ({ rule, carried, how }));
}
