// The built npm package, imported by name as a user imports it, against the shared
// fixtures and the seeds' examples.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import {
  validateResource, buildResource, buildRequest, resourceDefaults,
  validateUpdate, buildUpdate, buildUpdateRequest,
} from "subkit";
import { createServer } from "node:http";
import { contains } from "./contains.mjs";
import { sameAsRustJsonapi } from "./rust-answers.mjs";

const fixturesDir = new URL("../fixtures/", import.meta.url);
const SEED_001_BODY = {
  data: {
    type: "customer_subscriptions",
    attributes: { customer_email: "john@example.com", reference: "ANY-EXTERNAL-REFEFERNCE" },
  },
};

for (const domain of readdirSync(fixturesDir)) {
  for (const file of readdirSync(new URL(`${domain}/`, fixturesDir))) {
    const fixture = JSON.parse(readFileSync(new URL(`${domain}/${file}`, fixturesDir), "utf8"));
    if (!fixture.resource) continue; // frequency fixtures: tests/js/frequency.test.mjs
    if (fixture.operation === "update") {
      fixture.cases.forEach((c, index) => test(`${domain}/${file}: ${c.description}`, () => {
        sameAsRustJsonapi(`${domain}/${file}#${index}`, updateCase(fixture, c), "input" in c);
      }));
      continue;
    }
    fixture.cases.forEach((c, index) => {
      test(`${domain}/${file}: ${c.description}`, () => {
        // A JS string is read as JSON text, so a scalar input travels as JSON text.
        const input = typeof c.input === "object" && c.input !== null ? c.input : JSON.stringify(c.input);
        // validateResource knows only the context's option; the build options
        // (withDefaults) are buildResource's, and an unknown name would throw.
        const out = "input" in c
          ? buildResource(fixture.resource, input, { ...c.options, ...c.context })
          : validateResource(fixture.resource, "text" in c ? c.text : c.document, c.context);
        if (out.valid && "input" in c) {
          // Round trip: the built document validates and keeps the caller's values.
          assert.equal(validateResource(fixture.resource, out.document, c.context).valid, true);
          for (const [key, value] of Object.entries(c.input)) {
            const attr = out.document.data.attributes[key];
            const linkage = out.document.data.relationships?.[key]?.data;
            const kept = JSON.stringify(attr) === JSON.stringify(value) ||
              (typeof value === "string" && linkage?.id === value) ||
              JSON.stringify(linkage) === JSON.stringify(value) ||
              (Array.isArray(value) && value.every((v, i) =>
                (typeof v === "string" ? linkage[i].id === v : JSON.stringify(linkage[i]) === JSON.stringify(v))));
            assert.ok(kept, `input ${key} kept`);
          }
        }
        assert.equal(out.status, c.expected.status);
        assert.equal(out.valid, c.expected.errors.length === 0);
        assert.equal(out.errors.length, c.expected.errors.length, JSON.stringify(out.errors));
        c.expected.errors.forEach((want, i) =>
          assert.ok(contains(out.errors[i], want), `error ${i}: ${JSON.stringify(out.errors[i])}`));
        if ("document" in c.expected) assert.deepEqual(out.document, c.expected.document);
        sameAsRustJsonapi(`${domain}/${file}#${index}`, out, "input" in c);
      });
    });
  }
}

// An update case: the path's id, the resource's current values, a document to validate
// or flat input to build (whose document validates again).
function updateCase(fixture, c) {
  const options = c.current ? { current: c.current } : undefined;
  const out = "input" in c
    ? buildUpdate(fixture.resource, c.id, c.input, options)
    : validateUpdate(fixture.resource, c.id, c.document, options);
  if (out.valid && "input" in c) {
    assert.equal(validateUpdate(fixture.resource, c.id, out.document, options).valid, true);
  }
  assert.equal(out.status, c.expected.status);
  assert.equal(out.valid, c.expected.errors.length === 0);
  assert.equal(out.errors.length, c.expected.errors.length, JSON.stringify(out.errors));
  c.expected.errors.forEach((want, i) =>
    assert.ok(contains(out.errors[i], want), `error ${i}: ${JSON.stringify(out.errors[i])}`));
  for (const e of out.errors) {
    for (const field of ["path", "pointer", "rule", "message"]) assert.ok(field in e, `${field} in ${JSON.stringify(e)}`);
  }
  if ("document" in c.expected) assert.deepEqual(out.document, c.expected.document);
  return out;
}

test("buildUpdateRequest: a PATCH to /api/<resource>/<id> with the create's headers, the token kept out of errors", () => {
  const ok = buildUpdateRequest("order_subscriptions", "BkMdJFGdjX", { _deactivate: true },
    { organization: "yourdomain", accessToken: "your-access-token" });
  assert.equal(ok.valid, true);
  assert.equal(ok.request.method, "PATCH");
  // The how-to's request: PATCH https://yourdomain.commercelayer.io/api/order_subscriptions/BkMdJFGdjX
  assert.equal(ok.request.url, "https://yourdomain.commercelayer.io/api/order_subscriptions/BkMdJFGdjX");
  assert.equal(ok.request.headers["Content-Type"], "application/vnd.api+json");
  assert.equal(ok.request.headers.Authorization, "Bearer your-access-token");
  assert.deepEqual(JSON.parse(ok.request.body),
    { data: { type: "order_subscriptions", id: "BkMdJFGdjX", attributes: { _deactivate: true } } });
  const bad = buildUpdateRequest("order_subscriptions", "a/b", { _cancel: "x" },
    { organization: "yourdomain", accessToken: "secret token" });
  assert.equal(bad.valid, false);
  assert.deepEqual(bad.errors.map((e) => e.pointer),
    ["/options/accessToken", "/path/id", "/data/attributes/_cancel"]);
  assert.ok(!JSON.stringify(bad).includes("secret"));
});

test("the update functions throw for misuse: an id that is not a string, an unknown option", () => {
  assert.throws(() => validateUpdate("order_subscriptions", 5, {}), TypeError);
  assert.throws(() => buildUpdate("order_subscriptions", "x", {}, { curent: {} }), /unknown option "curent"/);
  assert.throws(() => buildUpdate("order_subscriptions", "x", {}, { current: { state: "draft" } }), /unknown option "state"/);
});

test("seed 001 example body is valid", () => {
  assert.deepEqual(validateResource("customer_subscriptions", SEED_001_BODY),
    { valid: true, status: null, errors: [] });
});

test("without customer_email, or with customer_email: 42, a 422 at the attribute", () => {
  const missing = structuredClone(SEED_001_BODY);
  delete missing.data.attributes.customer_email;
  const number = structuredClone(SEED_001_BODY);
  number.data.attributes.customer_email = 42;
  for (const doc of [missing, number]) {
    const out = validateResource("customer_subscriptions", doc);
    assert.equal(out.valid, false);
    assert.equal(out.errors.length, 1);
    assert.equal(out.errors[0].status, "422");
    assert.equal(out.errors[0].code, "VALIDATION_ERROR");
    assert.equal(out.errors[0].source.pointer, "/data/attributes/customer_email");
  }
});

test("the same document as an object, JSON text and UTF-8 bytes gives the same answer", () => {
  const text = JSON.stringify(SEED_001_BODY);
  const bytes = new TextEncoder().encode(text);
  for (const input of [SEED_001_BODY, text, bytes]) {
    assert.equal(validateResource("customer_subscriptions", input).valid, true);
  }
});

test("results are plain objects and arrays, nothing to free", () => {
  const out = validateResource("customer_subscriptions", { data: {} });
  assert.equal(Object.getPrototypeOf(out), Object.prototype);
  assert.ok(Array.isArray(out.errors));
  for (const e of out.errors) {
    assert.equal(Object.getPrototypeOf(e), Object.prototype);
    assert.equal(Object.getPrototypeOf(e.meta), Object.prototype);
  }
  assert.equal(typeof out.free, "undefined");
});

test("invalid JSON text is a violation at the root, not an exception", () => {
  const out = validateResource("customer_subscriptions", '{"data": ');
  assert.equal(out.valid, false);
  assert.equal(out.errors[0].source.pointer, "");
  assert.equal(out.errors[0].status, "400");
  assert.equal(out.errors[0].meta.rule, "invalid_json");
});

// The module names these sentences by their index in REASONS (src/words.rs); the
// package's answers say them, in the params and in the messages built from them.
test("the reasons in the answers are their sentences, in meta and in detail", () => {
  const input = { customer_email: "john@example.com", reference: "R" };
  const reasons = [
    [validateResource("customer_subscriptions", '{"data": '),
      "invalid JSON at line 1, column 10: EOF while parsing a value", "EOF while parsing a value"],
    [validateResource("customer_subscriptions", '{"data": {},}'),
      "invalid JSON at line 1, column 13: trailing comma", "trailing comma"],
    [validateResource("customer_subscriptions", '{"data": "\ud800"}'),
      "invalid JSON: the text has a lone surrogate (it is not valid UTF-16)",
      "the text has a lone surrogate (it is not valid UTF-16)"],
    [validateResource("customer_subscriptions", { data: { type: "customer_subscriptions", attributes: input }, included: [] }),
      "included is not allowed.", "a create request carries only the primary resource"],
    [buildRequest("customer_subscriptions", input, { baseUrl: "https://x.commercelayer.io", organization: "x", accessToken: "t" }),
      "organization is forbidden: give baseUrl or organization, not both", "give baseUrl or organization, not both"],
    [validateResource("order_subscriptions", { data: { type: "order_subscriptions", attributes: { frequency: "monthly" },
      relationships: { market: 1, source_order: { data: { type: "orders", id: "1" } } } } }),
      "Data is not a valid Links Object.", "a relationship is an object with a data member"],
  ];
  for (const [out, detail, reason] of reasons) {
    assert.equal(out.errors.length, 1, detail);
    assert.equal(out.errors[0].detail, detail);
    assert.equal(out.errors[0].meta.reason, reason);
  }
});

test("an unknown resource name throws a TypeError listing the known ones", () => {
  assert.throws(() => validateResource("customer_subscription", SEED_001_BODY),
    (e) => e instanceof TypeError && e.message.includes("customer_subscriptions"));
  assert.throws(() => buildResource(42, {}), TypeError);
});

test("values that cannot become JSON throw TypeError and leave the module usable", () => {
  const cyclic = { data: {} };
  cyclic.data.self = cyclic;
  assert.throws(() => validateResource("customer_subscriptions", cyclic), TypeError);
  assert.throws(() => validateResource("customer_subscriptions", { n: 1n }), TypeError);
  assert.throws(() => validateResource("customer_subscriptions", undefined), TypeError);
  assert.equal(validateResource("customer_subscriptions", SEED_001_BODY).valid, true);
});

test("a __proto__ key is an attribute the server refuses, and pollutes nothing", () => {
  const doc = JSON.parse('{"data":{"type":"customer_subscriptions","attributes":' +
    '{"customer_email":"john@example.com","reference":"R","__proto__":{"polluted":true}}}}');
  const out = validateResource("customer_subscriptions", doc);
  assert.equal(out.errors.length, 1);
  assert.equal(out.errors[0].code, "PARAM_NOT_ALLOWED");
  assert.equal(out.errors[0].source.pointer, "/data/attributes/__proto__");
  assert.equal(({}).polluted, undefined);
  const built = buildResource("customer_subscriptions", JSON.parse('{"__proto__":{"polluted":true}}'));
  assert.equal(built.document, null);
  assert.equal(({}).polluted, undefined);
});

// Ruby's URI::MailTo::EMAIL_REGEXP (lib/uri/mailto.rb), the validator a Rails server
// reaches for, written as a JS RegExp: an independent oracle for the e-mail check.
const RUBY_EMAIL_REGEXP =
  /^(?!\.)[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+(?<!\.)@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

function emailAccepted(address) {
  const doc = { data: { type: "customer_subscriptions",
    attributes: { customer_email: address, reference: "R" } } };
  return validateResource("customer_subscriptions", doc).valid;
}

test("e-mail check agrees with Ruby's URI::MailTo::EMAIL_REGEXP on hand-picked cases", () => {
  const cases = ["john@example.com", "a@b", "x.y+z@sub.example.co", ".a@b.c", "a.@b.c",
    "a..b@c.d", "a@-b.c", "a@b-.c", `a@${"b".repeat(63)}.c`, `a@${"b".repeat(64)}.c`,
    "a@b..c", "a b@c.d", "a@b_c.d", "ä@b.c", "a@b.c\n", "@b.c", "a@", "a@@b.c", "a@b.c.",
    "!#$%&'*+/=?^_`{|}~-@x.y"];
  for (const c of cases) assert.equal(emailAccepted(c), RUBY_EMAIL_REGEXP.test(c), c);
});

test("e-mail check agrees with Ruby's regexp on 3000 generated strings", () => {
  // Deterministic generator (xorshift32) over the characters the grammar cares about.
  let seed = 0x5eed1234;
  const next = () => ((seed ^= seed << 13, seed ^= seed >>> 17, seed ^= seed << 5) >>> 0);
  const alphabet = "ab9.-_+@@..--Z~ \u00e9";
  for (let i = 0; i < 3000; i++) {
    let s = "";
    const len = 1 + (next() % 12);
    for (let j = 0; j < len; j++) s += alphabet[next() % alphabet.length];
    if (s.trim() === "") continue; // blank is `required`, not a format question
    assert.equal(emailAccepted(s), RUBY_EMAIL_REGEXP.test(s), JSON.stringify(s));
  }
});

const SEED_002_INPUT = { frequency: "monthly", starts_at: "2018-01-01T12:00:00.000Z", source_order: "QWERtyUpBa" };
const SEED_002_BODY = {
  data: {
    type: "order_subscriptions",
    attributes: { frequency: "monthly", starts_at: "2018-01-01T12:00:00.000Z" },
    relationships: { source_order: { data: { type: "orders", id: "QWERtyUpBa" } } },
  },
};

test("seed 002: valid; with activate_by_source_order false and no starts_at, invalid at starts_at", () => {
  assert.equal(validateResource("order_subscriptions", SEED_002_BODY).valid, true);
  const doc = structuredClone(SEED_002_BODY);
  doc.data.attributes = { frequency: "monthly", activate_by_source_order: false };
  const out = validateResource("order_subscriptions", doc);
  assert.deepEqual(out.errors.map((e) => e.source.pointer), ["/data/attributes/starts_at"]);
});

test("subscription model frequencies [hourly, */5 * * * *, 3]: errors at indexes 1 and 2", () => {
  const out = validateResource("subscription_models", {
    data: { type: "subscription_models", attributes: { name: "EU", frequencies: ["hourly", "*/5 * * * *", 3] } },
  });
  assert.deepEqual(out.errors.map((e) => e.source.pointer),
    ["/data/attributes/frequencies/1", "/data/attributes/frequencies/2"]);
});

test("resourceDefaults lists the documented defaults", () => {
  assert.deepEqual(resourceDefaults("order_subscriptions"),
    { activate_by_source_order: true, place_target_order: true, renewal_alert_period: 1 });
  assert.deepEqual(resourceDefaults("subscription_models"),
    { strategy: "by_frequency", auto_activate: true, auto_cancel: false });
  assert.deepEqual(resourceDefaults("customer_subscriptions"), {});
});

test("buildRequest, sent with fetch to a local server, arrives exactly as built", async () => {
  const received = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => { body += chunk; });
    req.on("end", () => {
      received.push({ method: req.method, url: req.url, headers: req.headers, body });
      res.writeHead(201, { "content-type": "application/vnd.api+json" });
      res.end("{}");
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const baseUrl = `http://127.0.0.1:${server.address().port}`;
    const out = buildRequest("order_subscriptions", SEED_002_INPUT, { baseUrl, accessToken: "your-access-token" });
    assert.equal(out.valid, true);
    const response = await fetch(out.request.url, out.request);
    assert.equal(response.status, 201);
    assert.equal(received.length, 1);
    const [got] = received;
    assert.equal(got.method, "POST");
    assert.equal(got.url, "/api/order_subscriptions");
    assert.equal(got.headers.accept, "application/vnd.api+json");
    assert.equal(got.headers["content-type"], "application/vnd.api+json");
    assert.equal(got.headers.authorization, "Bearer your-access-token");
    assert.deepEqual(JSON.parse(got.body), SEED_002_BODY);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

test("buildRequest reports a bad base URL and a missing token, never echoing the token", () => {
  const out = buildRequest("customer_subscriptions", { customer_email: "john@example.com", reference: "R" },
    { baseUrl: "http://example.com", accessToken: "" });
  assert.equal(out.valid, false);
  assert.equal(out.request, null);
  assert.deepEqual(out.errors.map((e) => [e.source.pointer, e.status]),
    [["/options/baseUrl", "400"], ["/options/accessToken", "401"]]);
  assert.equal(out.status, 401);
  const secret = "s3cr3t\r\nX-Evil: 1";
  const bad = buildRequest("customer_subscriptions", {}, { organization: "Bad Org", accessToken: secret });
  assert.ok(!JSON.stringify(bad).includes("s3cr3t"));
  assert.deepEqual(bad.errors.slice(0, 2).map((e) => e.source.pointer), ["/options/organization", "/options/accessToken"]);
});

test("organization gives the Commerce Layer host", () => {
  const out = buildRequest("subscription_models", { name: "EU", frequencies: ["monthly"] },
    { organization: "yourdomain", accessToken: "t" });
  assert.equal(out.request.url, "https://yourdomain.commercelayer.io/api/subscription_models");
});

// The SDK's generated schema (commercelayer-sdk gen/resources.json, v7.9.16) lists
// order_subscription.options as creatable and deprecated; seed 002 shows its value.
test("order_subscriptions takes the deprecated options attribute, as the SDK schema lists it", () => {
  const doc = structuredClone(SEED_002_BODY);
  doc.data.attributes.options = { place_target_order: false };
  assert.deepEqual(validateResource("order_subscriptions", doc), { valid: true, status: null, errors: [] });
});

// Seed 000: the request goes to https://yourdomain.commercelayer.io/api/customer_subscriptions,
// so the base URL is the origin and subkit adds /api/<resource>.
test("a base URL with a path, query or fragment is a 400 at /options/baseUrl that says so", () => {
  const input = { customer_email: "john@example.com", reference: "R" };
  for (const [baseUrl, says] of [
    ["https://x.commercelayer.io/api", "path"],
    ["https://x.commercelayer.io/?q=1", "query"],
    ["https://x.commercelayer.io#f", "fragment"],
  ]) {
    const out = buildRequest("customer_subscriptions", input, { baseUrl, accessToken: "t" });
    assert.equal(out.status, 400, baseUrl);
    assert.deepEqual(out.errors.map((e) => [e.source.pointer, e.status, e.code]),
      [["/options/baseUrl", "400", "BAD_REQUEST"]]);
    assert.ok(out.errors[0].detail.includes("origin") && out.errors[0].detail.includes(says),
      out.errors[0].detail);
  }
  const slash = buildRequest("customer_subscriptions", input,
    { baseUrl: "https://yourdomain.commercelayer.io/", accessToken: "t" });
  assert.equal(slash.request.url, "https://yourdomain.commercelayer.io/api/customer_subscriptions");
});

test("a frequency error keeps the server's title and carries parseFrequency's message in meta", async () => {
  const { parseFrequency } = await import("subkit");
  const doc = structuredClone(SEED_002_BODY);
  doc.data.attributes.frequency = "*/5 * * * *";
  const [error] = validateResource("order_subscriptions", doc).errors;
  assert.equal(error.title, "is invalid");
  assert.equal(error.meta.frequency_error, "sub_hourly");
  assert.equal(error.meta.message, parseFrequency("*/5 * * * *").commerceLayer.errors[0].detail);
  // The form's message is the frequency engine's for the same fault.
  assert.equal(error.message, parseFrequency("*/5 * * * *").commerceLayer.errors[0].message);
  const [unknown] = validateResource("subscription_models", { data: { type: "subscription_models",
    attributes: { name: "EU", frequencies: ["montly"] } } }).errors;
  assert.equal(unknown.meta.message, parseFrequency("montly").errors[0].detail);
  assert.equal(unknown.message, parseFrequency("montly").errors[0].message);
});

// Seeds 000 to 002 and every datetime example of the SDK schema v7.9.16 write
// 2018-01-01T12:00:00.000Z: hours, minutes and seconds, T, and Z.
test("date-times need seconds and T; t, z and +0200 are refused too", () => {
  const at = (starts_at) => {
    const doc = structuredClone(SEED_002_BODY);
    doc.data.attributes.starts_at = starts_at;
    return validateResource("order_subscriptions", doc).errors.map((e) => [e.source.pointer, e.meta.format]);
  };
  for (const bad of ["2018-01-01T12:00Z", "2018-01-01 12:00:00Z", "2018-01-01t12:00:00Z",
    "2018-01-01T12:00:00z", "2018-01-01T12:00:00+0200"]) {
    assert.deepEqual(at(bad), [["/data/attributes/starts_at", "date-time"]], bad);
  }
  for (const ok of ["2018-01-01T12:00:00.000Z", "2018-01-01T12:00:00Z", "2018-01-01T14:00:00.000+02:00"]) {
    assert.deepEqual(at(ok), [], ok);
  }
});
