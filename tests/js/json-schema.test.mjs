// The JSON Schemas subkit ships and returns, held to real consumers: Ajv compiles every
// one in strict mode (draft 2020-12 and draft-07), and for every vendor fixture Ajv's
// verdict agrees with subkit's wherever the rules involved are fully carried. Each
// disagreement is listed by rule, and must be one the coverage table (pkg/schemas.js's
// COVERAGE, written from subkit::json_schema::COVERAGE) says a schema does not fully carry.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import Ajv07 from "ajv";
import addFormats from "ajv-formats";
import {
  validateResource, buildResource, validateUpdate, buildUpdate,
  validateAdobeSubscription, buildAdobeSubscription,
  validateAdobeSubscriptionUpdate, buildAdobeSubscriptionUpdate,
  jsonSchema, jsonSchemaCoverage, schema, updateSchema, adobeSchema, adobeUpdateSchema,
} from "subkit";

const SCHEMAS = new URL("../../pkg/schemas/", import.meta.url);
const FIXTURES = new URL("../fixtures/", import.meta.url);
const file = (name) => JSON.parse(readFileSync(new URL(`${name}.json`, SCHEMAS), "utf8"));
const names = readdirSync(SCHEMAS).map((f) => f.replace(/\.json$/, ""));

// Ajv as a user sets it up: strict, the standard formats, subkit's annotation keyword.
function ajv(Ajv) {
  const a = new Ajv({ strict: true, allErrors: true });
  addFormats(a);
  a.addKeyword("x-subkit-rule");
  return a;
}
const ajv2020 = ajv(Ajv2020.default ?? Ajv2020);
const ajv07 = ajv(Ajv07.default ?? Ajv07);

const FULLY = new Set(jsonSchemaCoverage().filter((c) => c.carried === "fully").map((c) => c.rule));
// An error's key in the coverage table: its rule, or `format.<name>`.
const ruleOf = (e) => (e.rule === "format" ? `format.${e.params.format}` : e.rule);

test("Ajv compiles every shipped schema (draft 2020-12) in strict mode", () => {
  assert.ok(names.length >= 20);
  for (const name of names) ajv2020.compile(file(name));
});

test("jsonSchema returns each schema for each target, and Ajv compiles the draft-07 ones in strict mode", () => {
  for (const name of names) {
    const [subject, operation, input] = name.split(".");
    const options = { operation, input: input === "input" };
    const latest = jsonSchema(subject, { ...options, target: "draft-2020-12" });
    assert.deepEqual(latest, file(name), name);
    const draft07 = jsonSchema(subject, { ...options, target: "draft-07" });
    assert.equal(draft07.$schema, "http://json-schema.org/draft-07/schema#");
    ajv07.compile(draft07);
    const openapi = jsonSchema(subject, { ...options, target: "openapi-3.0" });
    assert.equal(openapi.$schema, undefined);
    assert.ok(!JSON.stringify(openapi).includes('"const":'), `${name}: openapi-3.0 has no const`);
  }
  assert.throws(() => jsonSchema("order_subscriptions", { target: "draft-04" }), /target/);
});

const DRAFT07 = {};

// Ajv's verdict and subkit's on one value; a disagreement is returned with subkit's rules.
function compare(label, schemaName, value, all, disagreements) {
  // Errors in the call's options (`/options/current/status`) are not the value's.
  const errors = all.filter((e) => !e.pointer.startsWith("/options/"));
  const validate = ajv2020.getSchema(schemaName) ?? (ajv2020.addSchema(file(schemaName), schemaName), ajv2020.getSchema(schemaName));
  const ajvValid = validate(value);
  // The draft-07 form of the same schema gives the same verdict.
  const [subject, operation, input] = schemaName.split(".");
  const v07 = (DRAFT07[schemaName] ??= ajv07.compile(jsonSchema(subject, { operation, input: input === "input", target: "draft-07" })));
  assert.equal(v07(value), ajvValid, `${label}: draft-07 and draft 2020-12 disagree`);
  const subkitValid = errors.length === 0;
  if (ajvValid === subkitValid) return;
  const rules = [...new Set(errors.map(ruleOf))];
  disagreements.push({ label, ajvValid, rules, ajvErrors: validate.errors });
}

test("for every fixture, Ajv agrees with subkit except on rules the schemas do not fully carry", () => {
  const disagreements = [];
  let compared = 0;
  for (const domain of ["commercelayer", "adobe"]) {
    for (const name of readdirSync(new URL(`${domain}/`, FIXTURES))) {
      const fixture = JSON.parse(readFileSync(new URL(`${domain}/${name}`, FIXTURES), "utf8"));
      fixture.cases.forEach((c, i) => {
        const label = `${domain}/${name}#${i}: ${c.description}`;
        if ("text" in c) return; // JSON text that does not parse: no value for a schema
        compared++;
        if (domain === "commercelayer") {
          const update = fixture.operation === "update";
          const op = update ? "update" : "create";
          const options = update ? (c.current ? { current: c.current } : undefined) : c.context;
          if ("input" in c) {
            const out = update
              ? buildUpdate(fixture.resource, c.id, c.input, options)
              : buildResource(fixture.resource, c.input, { ...c.options, ...c.context });
            compare(label, `${fixture.resource}.${op}.input`, c.input, out.errors, disagreements);
          } else {
            const out = update
              ? validateUpdate(fixture.resource, c.id, c.document, options)
              : validateResource(fixture.resource, c.document, options);
            compare(label, `${fixture.resource}.${op}`, c.document, out.errors, disagreements);
          }
        } else {
          const update = fixture.endpoint === "update";
          const op = update ? "update" : "create";
          if ("input" in c) {
            const build = update ? buildAdobeSubscriptionUpdate : buildAdobeSubscription;
            const out = build(c.input, { ...c.options, context: c.context });
            compare(label, `adobe.${op}.input`, c.input, out.errors, disagreements);
          } else {
            const validate = update ? validateAdobeSubscriptionUpdate : validateAdobeSubscription;
            const out = validate(c.request, c.context);
            // The body's schema sees the body: subkit's errors elsewhere are not its.
            const errors = out.errors.filter((e) => e.pointer === "/body" || e.pointer.startsWith("/body/"));
            if (c.request?.body === undefined || c.request.body === null) return;
            compare(label, `adobe.${op}`, c.request.body, errors, disagreements);
          }
        }
      });
    }
  }
  const byRule = {};
  for (const d of disagreements) for (const r of d.rules.length ? d.rules : ["(subkit valid)"]) (byRule[r] ??= []).push(d.label);
  console.log(`# ${compared} fixture values compared; ${disagreements.length} disagreements, by rule:`);
  for (const [rule, labels] of Object.entries(byRule)) console.log(`#   ${rule}: ${labels.length}`);
  for (const d of disagreements) {
    assert.equal(d.ajvValid, true, `${d.label}: the schema refuses what subkit takes: ${JSON.stringify(d.ajvErrors)}`);
    const carried = d.rules.filter((r) => FULLY.has(r));
    assert.deepEqual(carried, [], `${d.label}: subkit refuses for ${d.rules.join(", ")}; the schema takes it, and these are fully carried`);
  }
  assert.ok(compared > 200, `${compared} compared`);
});

// The flat input schemas, as a form library or tool reads them through Standard JSON
// Schema: Ajv compiles input and output for each target it reads, a form's blank
// optional field is taken by `input` (the form layer drops it) and refused by `output`.
test("~standard.jsonSchema: input and output of every schema object, in each target", () => {
  const objects = {
    "order_subscriptions.create.input": schema("order_subscriptions"),
    "order_subscriptions.update.input": updateSchema("order_subscriptions", "BkMdJFGdjX"),
    "adobe.create.input": adobeSchema(),
    "adobe.update.input": adobeUpdateSchema(),
  };
  for (const [name, object] of Object.entries(objects)) {
    const { jsonSchema: converter } = object["~standard"];
    assert.deepEqual(converter.output({ target: "draft-2020-12" }), file(name), name);
    for (const [target, a] of [["draft-2020-12", ajv2020], ["draft-07", ajv07]]) {
      a.compile(converter.input({ target }));
      a.compile(converter.output({ target }));
    }
    assert.equal(converter.input({ target: "openapi-3.0" }).$schema, undefined);
    assert.throws(() => converter.input({ target: "draft-04" }), TypeError);
    assert.throws(() => converter.output({}), TypeError);
  }
  const form = { frequency: "monthly", source_order: "QWERtyUpBa", reference: "", starts_at: " " };
  const converter = objects["order_subscriptions.create.input"]["~standard"].jsonSchema;
  assert.equal(ajv2020.validate(converter.input({ target: "draft-2020-12" }), form), true);
  assert.equal(ajv2020.validate(converter.output({ target: "draft-2020-12" }), form), false);
  assert.equal(objects["order_subscriptions.create.input"].validate(form).valid, true);
  // With a time zone, a local date-time is an input; the output is the UTC instant.
  const local = schema("order_subscriptions", { timeZone: "Europe/Rome" });
  const localForm = { frequency: "monthly", source_order: "QWERtyUpBa", starts_at: "2025-01-01T12:00" };
  assert.equal(ajv2020.validate(local["~standard"].jsonSchema.input({ target: "draft-2020-12" }), localForm), true);
  assert.equal(ajv2020.validate(converter.input({ target: "draft-2020-12" }), localForm), false);
  const { value } = local.validate(localForm);
  assert.equal(ajv2020.validate(local["~standard"].jsonSchema.output({ target: "draft-2020-12" }), value), true);
});

// Each call gives the caller a copy of its own: changing one changes no later answer.
test("jsonSchema and the converters answer with fresh copies", () => {
  const a = jsonSchema("order_subscriptions");
  a.properties.data = null;
  assert.notEqual(jsonSchema("order_subscriptions").properties.data, null);
  const out = schema("customer_subscriptions")["~standard"].jsonSchema.output({ target: "draft-07" });
  out.required.push("x");
  assert.deepEqual(schema("customer_subscriptions")["~standard"].jsonSchema.output({ target: "draft-07" }).required, ["customer_email", "reference"]);
  assert.throws(() => jsonSchema("orders"), TypeError);
  assert.throws(() => jsonSchema("adobe", { operation: "delete" }), TypeError);
  assert.throws(() => jsonSchema("adobe", { targte: "draft-07" }), /unknown option "targte"/);
});

// A real consumer of Standard JSON Schema: the AI SDK reads a tool's input schema from
// `~standard.jsonSchema` (draft-07) and validates the model's arguments with
// `~standard.validate`.
test("the AI SDK's asSchema takes a subkit schema as a tool's input schema", async () => {
  const { asSchema } = await import("@ai-sdk/provider-utils");
  const tool = asSchema(schema("order_subscriptions"));
  const sent = tool.jsonSchema;
  assert.equal(sent.$schema, "http://json-schema.org/draft-07/schema#");
  assert.deepEqual(sent.required, ["frequency", "source_order"]);
  ajv07.compile(sent);
  const ok = await tool.validate({ frequency: "monthly", source_order: "QWERtyUpBa" });
  assert.equal(ok.success, true);
  const bad = await tool.validate({ frequency: "*/5 * * * *", source_order: "QWERtyUpBa" });
  assert.equal(bad.success, false);
});

// A real consumer of OpenAPI: swagger-parser validates the shipped document against the
// OpenAPI 3.1 schema and resolves every $ref.
test("swagger-parser validates the shipped OpenAPI 3.1 document", async () => {
  const { default: SwaggerParser } = await import("@apidevtools/swagger-parser");
  const api = await SwaggerParser.validate(new URL("../../pkg/openapi.json", import.meta.url).pathname);
  assert.equal(api.openapi, "3.1.0");
  const operations = Object.values(api.paths).flatMap((p) => Object.keys(p));
  assert.equal(operations.length, 10);
  const schemaOf = (path, method) => api.paths[path][method].requestBody.content;
  assert.deepEqual(schemaOf("/api/order_subscriptions", "post")["application/vnd.api+json"].schema.properties.data.properties.type,
    { const: "order_subscriptions" });
  assert.ok(schemaOf("/v3/customers/{customer-id}/subscriptions", "post")["application/json"].schema.properties.offerId);
});

// A schema is never stricter than subkit: every value subkit takes for a frequency or a
// format, the schema's pattern takes too. Checked over the frequency fixtures and over
// random strings near each format, against what the library itself answers.
test("the frequency and format patterns take every value subkit takes", () => {
  const attributes = (name) => file(`${name}.create`).properties.data.properties.attributes.properties;
  const frequency = ajv2020.compile(attributes("order_subscriptions").frequency);
  const parse = JSON.parse(readFileSync(new URL("frequency/parse.json", FIXTURES), "utf8"));
  let taken = 0;
  for (const c of parse.cases.filter((c) => c.commerceLayer)) {
    assert.equal(frequency(c.text), true, c.text);
    taken++;
  }
  assert.ok(taken > 10);
  // Random text from an alphabet near each format, judged by subkit in a document.
  const email = ajv2020.compile(attributes("customer_subscriptions").customer_email);
  const dateTime = ajv2020.compile({ ...attributes("order_subscriptions").starts_at, type: "string" });
  let seed = 7;
  const random = (n) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
  const text = (alphabet, max) => Array.from({ length: 1 + random(max) }, () => alphabet[random(alphabet.length)]).join("");
  const emailValid = (s) => validateResource("customer_subscriptions",
    { data: { type: "customer_subscriptions", attributes: { customer_email: s, reference: "r" } } }).valid;
  const dateTimeValid = (s) => validateResource("order_subscriptions", { data: { type: "order_subscriptions",
    attributes: { frequency: "monthly", starts_at: s }, relationships: { source_order: { data: { type: "orders", id: "x" } } } } }).valid;
  // Mostly well-formed values, each with a fair chance of one fault.
  const pad = (n, width) => String(n).padStart(width, "0");
  const pick = (list) => list[random(list.length)];
  const emailOf = () => {
    const local = text([..."abZ9._+-"], 6);
    const labels = Array.from({ length: 1 + random(3) }, () => text([..."ab9-"], 5));
    const address = `${local}@${labels.join(".")}`;
    if (random(4) > 0) return address;
    const at = random(address.length + 1);
    return address.slice(0, at) + pick([" ", "@", "é", ".", "..", "-", ""]) + address.slice(at);
  };
  const dateTimeOf = () => {
    const [y, mo, d, h, mi, se] = [random(3000), 1 + random(13), 1 + random(31), random(25), random(61), random(61)];
    const fraction = pick(["", ".5", ".123", ".", ".1234567"]);
    const zone = pick(["Z", "Z", "+01:00", "-05:30", "+14:00", "z", "+0100", ""]);
    const sep = pick(["T", "T", "T", " ", "t"]);
    return `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}${sep}${pad(h, 2)}:${pad(mi, 2)}:${pad(se, 2)}${fraction}${zone}`;
  };
  // Both verdicts must occur often enough for the comparison to mean something.
  const seen = { email: 0, dateTime: 0 };
  for (let i = 0; i < 3000; i++) {
    const e = emailOf();
    assert.equal(email(e), emailValid(e), `e-mail ${JSON.stringify(e)}: the pattern is the rule`);
    if (emailValid(e)) seen.email++;
    const d = dateTimeOf();
    // Never stricter: what subkit takes, the schema takes (it may take more: the calendar).
    if (dateTimeValid(d)) {
      assert.equal(dateTime(d), true, `date-time ${JSON.stringify(d)}: subkit takes it`);
      seen.dateTime++;
    }
  }
  console.log(`# e-mail and date-time values subkit takes, of 3,000 each: ${JSON.stringify(seen)}`);
  assert.ok(seen.email > 100 && seen.email < 2900, JSON.stringify(seen));
  assert.ok(seen.dateTime > 100 && seen.dateTime < 2900, JSON.stringify(seen));
});

// The openapi-3.0 target is valid OpenAPI 3.0: every schema, as components of one 3.0
// document, passes swagger-parser's validation.
test("the openapi-3.0 schemas make a valid OpenAPI 3.0 document", async () => {
  const { default: SwaggerParser } = await import("@apidevtools/swagger-parser");
  const schemas = {};
  for (const name of names) {
    const [subject, operation, input] = name.split(".");
    schemas[name.replaceAll(".", "_")] = jsonSchema(subject, { operation, input: input === "input", target: "openapi-3.0" });
  }
  const api = { openapi: "3.0.3", info: { title: "subkit", version: "0" }, paths: {}, components: { schemas } };
  await SwaggerParser.validate(api);
});
