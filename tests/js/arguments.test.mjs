// How every function of the package reads its arguments: documents and inputs as
// objects, text or bytes of any view; objects JSON.stringify would misread refused by
// name; unknown option names refused with the known ones listed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  validateResource, buildResource, buildRequest, parseFrequency, describeFrequency, nextRuns,
  validateAdobeSubscription, buildAdobeSubscription,
} from "subkit";

// Seed 001's example request body, and the flat input it is built from.
const SEED_001_BODY = {
  data: {
    type: "customer_subscriptions",
    attributes: { customer_email: "john@example.com", reference: "ANY-EXTERNAL-REFEFERNCE" },
  },
};
const SEED_001_INPUT = SEED_001_BODY.data.attributes;
// Seed 004's example request, as the Adobe fixtures keep it.
const ADOBE = JSON.parse(readFileSync(new URL("../fixtures/adobe/validate.json", import.meta.url), "utf8"))
  .cases[0].request;
const ADOBE_INPUT = { customerId: ADOBE.customerId, ...ADOBE.body, today: ADOBE.today, anniversaryDate: ADOBE.anniversaryDate };
const ADOBE_OPTIONS = { accessToken: "t", apiKey: "k", correlationId: "c-1" };

/** The text as bytes in every form: an ArrayBuffer and each kind of view, each one a
 * window (byteOffset, byteLength) into a larger buffer with junk around it. */
function byteForms(text) {
  const bytes = new TextEncoder().encode(text);
  // Padded with spaces to whole 8-byte elements, so wide typed arrays fit exactly.
  const padded = new Uint8Array(Math.ceil(bytes.length / 8) * 8).fill(0x20);
  padded.set(bytes);
  const framed = new Uint8Array(padded.length + 16).fill(0x7b); // "{" junk on both sides
  framed.set(padded, 8);
  const buffer = framed.buffer;
  const forms = [
    ["ArrayBuffer", padded.slice().buffer],
    ["Uint8Array", new Uint8Array(buffer, 8, padded.length)],
    ["DataView", new DataView(buffer, 8, bytes.length)],
    ["Buffer", Buffer.from(buffer, 8, bytes.length)],
  ];
  for (const View of [Int8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
    Float32Array, Float64Array, BigInt64Array, BigUint64Array]) {
    forms.push([View.name, new View(buffer, 8, padded.length / View.BYTES_PER_ELEMENT)]);
  }
  return forms;
}

test("documents and inputs are read from an ArrayBuffer and from every view, window only", () => {
  for (const [kind, bytes] of byteForms(JSON.stringify(SEED_001_BODY))) {
    assert.equal(validateResource("customer_subscriptions", bytes).valid, true, kind);
  }
  for (const [kind, bytes] of byteForms(JSON.stringify(SEED_001_INPUT))) {
    assert.equal(buildResource("customer_subscriptions", bytes).valid, true, kind);
    assert.equal(buildRequest("customer_subscriptions", bytes, { organization: "yourdomain", accessToken: "t" }).valid,
      true, kind);
  }
  for (const [kind, bytes] of byteForms(JSON.stringify(ADOBE))) {
    assert.equal(validateAdobeSubscription(bytes).valid, true, kind);
  }
  for (const [kind, bytes] of byteForms(JSON.stringify(ADOBE_INPUT))) {
    assert.equal(buildAdobeSubscription(bytes, ADOBE_OPTIONS).valid, true, kind);
  }
});

test("bytes that are not UTF-8 JSON are a 400 at the root, not an exception", () => {
  for (const bytes of [new ArrayBuffer(0), new DataView(new ArrayBuffer(4)), new Float64Array([1.5])]) {
    const out = validateResource("customer_subscriptions", bytes);
    assert.equal(out.status, 400);
    assert.deepEqual(out.errors.map((e) => [e.source.pointer, e.meta.rule]), [["", "invalid_json"]]);
  }
});

test("a detached buffer is empty, not a crash", () => {
  const buffer = new ArrayBuffer(8);
  const view = new Uint8Array(buffer, 2, 4);
  structuredClone(buffer, { transfer: [buffer] });
  assert.equal(validateResource("customer_subscriptions", buffer).status, 400);
  assert.equal(validateResource("customer_subscriptions", view).status, 400);
});

class Subscription {
  constructor(attributes) { this.attributes = attributes; }
}
class Model {
  toJSON() { return SEED_001_BODY; }
}

test("objects JSON.stringify would misread are TypeErrors that name them and what is accepted", () => {
  const response = new Response(JSON.stringify(SEED_001_BODY));
  const cases = [
    [response, /got Response; read its body first/],
    [new Blob([JSON.stringify(SEED_001_BODY)]), /got Blob/],
    [new Map(Object.entries(SEED_001_BODY)), /got Map/],
    [new Set([1]), /got Set/],
    [new Date(0), /got Date/],
    [new Subscription(SEED_001_INPUT), /got Subscription/],
    [new URLSearchParams("a=1"), /got URLSearchParams/],
    [Object.create({ inherited: true }), /got an object whose prototype is not Object.prototype/],
  ];
  const accepted = /must be a plain object, an array, JSON text \(a string\) or UTF-8 bytes \(an ArrayBuffer, a typed array or a DataView\)/;
  for (const [value, named] of cases) {
    const calls = [
      [() => validateResource("customer_subscriptions", value), /^document /],
      [() => buildResource("customer_subscriptions", value), /^input /],
      [() => buildRequest("customer_subscriptions", value, { organization: "x", accessToken: "t" }), /^input /],
      [() => validateAdobeSubscription(value), /^request /],
      [() => buildAdobeSubscription(value, ADOBE_OPTIONS), /^input /],
    ];
    for (const [call, what] of calls) {
      assert.throws(call, (e) => e instanceof TypeError && named.test(e.message) && accepted.test(e.message) &&
        what.test(e.message), String(named));
    }
  }
});

test("null-prototype objects are plain; toJSON is read as JSON.stringify reads it", () => {
  const bare = Object.assign(Object.create(null), structuredClone(SEED_001_BODY));
  assert.equal(validateResource("customer_subscriptions", bare).valid, true);
  assert.equal(validateResource("customer_subscriptions", new Model()).valid, true);
  const input = Object.assign(Object.create(null), SEED_001_INPUT);
  assert.equal(buildResource("customer_subscriptions", input).valid, true);
  // An array is a JSON value too: the wrong one, reported as the server would.
  assert.equal(validateResource("customer_subscriptions", []).status, 400);
});

test("an unknown option name is a TypeError that names it and lists the known ones", () => {
  const cases = [
    [() => validateResource("customer_subscriptions", SEED_001_BODY, { withDefaults: true }),
      "withDefaults", ["subscriptionModelFrequencies"]],
    [() => buildResource("customer_subscriptions", SEED_001_INPUT, { withDefault: true }),
      "withDefault", ["subscriptionModelFrequencies", "withDefaults"]],
    [() => buildRequest("customer_subscriptions", SEED_001_INPUT, { organization: "x", accessToken: "t", token: "t" }),
      "token", ["subscriptionModelFrequencies", "withDefaults", "baseUrl", "organization", "accessToken"]],
    [() => parseFrequency("monthly", { timezone: "Europe/Rome" }), "timezone", ["startsAt"]],
    [() => describeFrequency("monthly", { language: "it" }), "language", ["startsAt"]],
    [() => nextRuns("monthly", { startsAt: "2018-01-01T12:00:00.000Z", limit: 3 }), "limit",
      ["startsAt", "after", "count", "expiresAt", "format"]],
    [() => validateAdobeSubscription(ADOBE, { licence: "team" }), "licence",
      ["consumable", "hasActiveSubscriptions", "licenseType"]],
    [() => buildAdobeSubscription(ADOBE_INPUT, { ...ADOBE_OPTIONS, sandbox: true }), "sandbox",
      ["environment", "accessToken", "apiKey", "correlationId", "generateCorrelationId", "requestId",
        "recommendationTrackerId", "context"]],
    [() => buildAdobeSubscription(ADOBE_INPUT, { ...ADOBE_OPTIONS, context: { licence: "team" } }), "licence",
      ["consumable", "hasActiveSubscriptions", "licenseType"]],
  ];
  // A call's own options also take the language options pkg/api.js reads; a nested
  // object (buildAdobeSubscription's options.context) does not.
  const language = ["locale", "messages", "hourCycle"];
  for (const [i, [call, name, known]] of cases.entries()) {
    const all = i === cases.length - 1 ? known : [...known, ...language];
    assert.throws(call, (e) => e instanceof TypeError &&
      e.message.includes(`unknown option "${name}"`) &&
      e.message.endsWith(`known options: ${all.join(", ")}`), name);
  }
});

test("known options pass, inherited ones are read, and a huge unknown name is cut", () => {
  assert.equal(nextRuns("monthly", { startsAt: "2018-01-01T12:00:00.000Z", count: 1 }).valid, true);
  const defaults = Object.create({ withDefaults: true });
  assert.equal(buildResource("order_subscriptions",
    { frequency: "monthly", source_order: "QWERtyUpBa" }, defaults).document.data.attributes.renewal_alert_period, 1);
  const long = "x".repeat(1_000_000);
  assert.throws(() => parseFrequency("monthly", { [long]: 1 }),
    (e) => e instanceof TypeError && e.message.length < 300);
  // Symbol keys are no option names; they are ignored like any non-enumerable member.
  assert.equal(parseFrequency("monthly", { [Symbol("x")]: 1 }).valid, true);
});

test("an unknown name is quoted as Rust's Debug quotes a string, as it always was", () => {
  // Rust's `{:?}` of a str: `"` and `\` escaped, \t \r \n and NUL as such, other
  // control characters as \u{…} in lowercase hex, the rest as it is.
  const cases = [
    ['a"b', '"a\\"b"'],
    ["a\\b", '"a\\\\b"'],
    ["t\tr\rn\nz\0", '"t\\tr\\rn\\nz\\0"'],
    ["bell\u0007del\u007fc1\u0085", '"bell\\u{7}del\\u{7f}c1\\u{85}"'],
    ["caffè €", '"caffè €"'],
  ];
  for (const [name, shown] of cases) {
    assert.throws(() => parseFrequency("monthly", { [name]: 1 }),
      (e) => e instanceof TypeError && e.message.startsWith(`parseFrequency: unknown option ${shown} in options;`), name);
  }
});
