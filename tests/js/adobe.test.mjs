// Adobe VIP Marketplace requests through the built package: the shared fixtures,
// then what only JS has (Headers objects, generated correlation ids, sending).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import {
  validateAdobeSubscription,
  buildAdobeSubscription,
  validateAdobeSubscriptionUpdate,
  buildAdobeSubscriptionUpdate,
  adobeUpdateSchema,
} from "subkit";
import { contains } from "./contains.mjs";
import { sameAsRustAdobe } from "./rust-answers.mjs";

const load = (name) => JSON.parse(readFileSync(new URL(`../fixtures/adobe/${name}`, import.meta.url), "utf8"));

// The fixtures, shared with the Rust tests, hold Adobe's own messages: in JS those are
// `adobe.message`, and `message` is the one for the person filling the form.
const adobeShaped = (errors) => errors.map((e) => ({ ...e, message: e.adobe.message }));

for (const file of ["validate.json", "build.json", "update.json", "update_build.json"]) {
  const fixture = load(file);
  const [validate, build] = fixture.endpoint === "update"
    ? [validateAdobeSubscriptionUpdate, buildAdobeSubscriptionUpdate]
    : [validateAdobeSubscription, buildAdobeSubscription];
  fixture.cases.forEach((c, index) => {
    test(`adobe/${file}: ${c.description}`, () => {
      const out = "input" in c
        ? build(c.input, { ...c.options, context: c.context })
        : validate(c.request, c.context);
      assert.ok(!JSON.stringify([out.errors, out.warnings]).includes("SECRET"), "a secret leaked");
      assert.equal(out.valid, c.expected.valid, JSON.stringify(out.errors));
      assert.ok(contains(adobeShaped(out.errors), c.expected.errors), JSON.stringify(out.errors));
      if (c.expected.warnings) assert.ok(contains(adobeShaped(out.warnings), c.expected.warnings), JSON.stringify(out.warnings));
      if ("request" in c.expected) {
        const got = out.request && { ...out.request, body: JSON.parse(out.request.body) };
        assert.deepEqual(got, c.expected.request);
      }
      sameAsRustAdobe(`adobe/${file}#${index}`, out);
    });
  });
}

const SEED = load("validate.json").cases[0].request;

test("a fetch Headers object is read like a plain one", () => {
  const headers = new Headers(SEED.headers);
  assert.equal(validateAdobeSubscription({ ...SEED, headers }).valid, true);
  headers.delete("X-Correlation-Id");
  const out = validateAdobeSubscription({ ...SEED, headers });
  assert.deepEqual(out.errors.map((e) => [e.pointer, e.code]), [["/headers/X-Correlation-Id", "4119"]]);
});

test("two days before the anniversary the message names the allowed dates", () => {
  const out = validateAdobeSubscription({ ...SEED, today: "2025-04-23" });
  assert.match(out.errors[0].adobe.message, /from 2025-03-26 to 2025-04-22/);
  // What the window is measured from, a sentence of the Rust table REASONS with the date.
  assert.equal(out.errors[0].params.relative_to, "30 to 3 days before the anniversary date 2025-04-25");
  assert.deepEqual(out.errors[0].additionalDetails, ["today: is outside the allowed window: from 2025-03-26 "
    + "to 2025-04-22, both included (30 to 3 days before the anniversary date 2025-04-25)"]);
  // The form's message names them as the shopper's language writes dates.
  assert.equal(out.errors[0].message, "This is only possible from March 26, 2025 to April 22, 2025.");
});

const INPUT = { customerId: SEED.customerId, ...SEED.body, today: SEED.today, anniversaryDate: SEED.anniversaryDate };

test("generateCorrelationId asks crypto.randomUUID for a fresh id each time", () => {
  const options = { accessToken: "t", apiKey: "k", generateCorrelationId: true };
  const a = buildAdobeSubscription(INPUT, options).request.headers["X-Correlation-Id"];
  const b = buildAdobeSubscription(INPUT, options).request.headers["X-Correlation-Id"];
  assert.match(a, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.notEqual(a, b);
  assert.equal(buildAdobeSubscription(INPUT, { ...options, correlationId: "mine" }).request.headers["X-Correlation-Id"], "mine");
});

test("the built request, sent with fetch, arrives with its method, path, headers and body", async () => {
  const built = buildAdobeSubscription(INPUT, { accessToken: "tok", apiKey: "key", correlationId: "corr-1" });
  assert.equal(built.valid, true);
  const received = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => { body += c; });
    req.on("end", () => { received.push({ method: req.method, url: req.url, headers: req.headers, body }); res.end("{}"); });
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  try {
    // Same request, pointed at the local server instead of partners.adobe.io.
    const url = new URL(built.request.url);
    const local = `http://127.0.0.1:${server.address().port}${url.pathname}`;
    await fetch(local, built.request);
    const [got] = received;
    assert.equal(got.method, "POST");
    assert.equal(got.url, "/v3/customers/P1005053489/subscriptions");
    assert.equal(got.headers["x-api-key"], "key");
    assert.equal(got.headers.authorization, "Bearer tok");
    assert.equal(got.headers["x-correlation-id"], "corr-1");
    assert.equal(got.headers.accept, "application/json");
    assert.equal(got.headers["content-type"], "application/json");
    assert.deepEqual(JSON.parse(got.body), SEED.body);
  } finally {
    await new Promise((r) => server.close(r));
  }
});

test("misuse throws TypeError", () => {
  assert.throws(() => buildAdobeSubscription(INPUT, { environment: "staging" }), TypeError);
  assert.throws(() => validateAdobeSubscription(SEED, { licenseType: "pro" }), TypeError);
});

test("adobeCreationWindow names the first and last allowed day", async () => {
  const { adobeCreationWindow } = await import("subkit");
  assert.deepEqual(adobeCreationWindow("2025-04-25"), { valid: true, from: "2025-03-26", to: "2025-04-22", errors: [] });
  assert.deepEqual(adobeCreationWindow("2024-03-15"), { valid: true, from: "2024-02-14", to: "2024-03-12", errors: [] });
  assert.equal(adobeCreationWindow("2025-02-29").valid, false);
});

const UPDATE = load("update.json").cases[0].request;
const UPDATE_INPUT = { customerId: UPDATE.customerId, subscriptionId: UPDATE.subscriptionId, ...UPDATE.body };

test("the update's errors name the flat input's fields", () => {
  const out = buildAdobeSubscriptionUpdate(
    { ...UPDATE_INPUT, autoRenewal: { renewalQuantity: 100, renewalCode: "MOQ_250" } },
    { accessToken: "t", apiKey: "k", correlationId: "c" },
  );
  assert.deepEqual(out.errors.map((e) => [e.path, e.code]), [[["autoRenewal", "renewalQuantity"], "5124"]]);
  assert.deepEqual(out.errors[0].adobe.code, "5124");
});

test("the update, sent with fetch, arrives as a PATCH on the subscription's path", async () => {
  const built = buildAdobeSubscriptionUpdate(UPDATE_INPUT, { accessToken: "tok", apiKey: "key", correlationId: "corr-2" });
  assert.equal(built.valid, true);
  const received = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => { body += c; });
    req.on("end", () => { received.push({ method: req.method, url: req.url, headers: req.headers, body }); res.end("{}"); });
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  try {
    const url = new URL(built.request.url);
    await fetch(`http://127.0.0.1:${server.address().port}${url.pathname}${url.search}`, built.request);
    const [got] = received;
    assert.equal(got.method, "PATCH");
    assert.equal(got.url, `/v3/customers/${UPDATE.customerId}/subscriptions/${UPDATE.subscriptionId}`);
    assert.equal(got.headers["x-correlation-id"], "corr-2");
    assert.deepEqual(JSON.parse(got.body), UPDATE.body);
  } finally {
    await new Promise((r) => server.close(r));
  }
});

test("adobeUpdateSchema checks the update's input without the headers", async () => {
  const schema = adobeUpdateSchema({ context: { status: "1004" } });
  const out = await schema["~standard"].validate(UPDATE_INPUT);
  assert.deepEqual(out.issues.map((i) => i.path), [["subscriptionId"]]);
  const ok = await adobeUpdateSchema()["~standard"].validate(UPDATE_INPUT);
  assert.deepEqual(ok.issues, undefined);
});

test("update misuse throws TypeError", () => {
  assert.throws(() => validateAdobeSubscriptionUpdate(UPDATE, { today: "23 April" }), TypeError);
  assert.throws(() => validateAdobeSubscriptionUpdate(UPDATE, { consumable: true }), TypeError);
  assert.throws(() => buildAdobeSubscriptionUpdate(UPDATE_INPUT, { recommendationTrackerId: "x" }), TypeError);
  assert.throws(() => adobeUpdateSchema({ context: { autoRenewalEnabled: "no" } }), TypeError);
});

// A Worker in front of Adobe forwards the body it received, checked as Adobe would
// check the request, exactly as it came: text, bytes or an object.
test("adobeBodyRequest and adobeBodyUpdateRequest check a body and forward it as it came", async () => {
  const { adobeBodyRequest, adobeBodyUpdateRequest, serverError } = await import("subkit");
  const options = { accessToken: "tok", apiKey: "key", correlationId: "corr-1" };
  const text = JSON.stringify(SEED.body, null, 1); // spacing of its own, which a rebuilt body would lose
  const where = { customerId: SEED.customerId, today: SEED.today, anniversaryDate: SEED.anniversaryDate };
  for (const body of [text, new TextEncoder().encode(text)]) {
    const sent = adobeBodyRequest({ ...where, body }, options);
    assert.equal(sent.valid, true, JSON.stringify(sent.errors));
    assert.equal(sent.request.body, text);
    assert.equal(sent.request.url, `https://partners.adobe.io/v3/customers/${SEED.customerId}/subscriptions`);
    assert.equal(sent.request.headers["X-Correlation-Id"], "corr-1");
  }
  assert.equal(adobeBodyRequest({ ...where, body: SEED.body }, options).request.body, JSON.stringify(SEED.body));
  // The same faults as the validator finds in the same request.
  const bad = { ...SEED.body, autoRenewal: { ...SEED.body.autoRenewal, renewalQuantity: 0 }, extra: 1 };
  const refused = adobeBodyRequest({ ...where, body: JSON.stringify(bad) }, options);
  const validated = validateAdobeSubscription({ ...where, body: bad, headers: { ...SEED.headers, Authorization: "Bearer tok", "X-Api-Key": "key", "X-Correlation-Id": "corr-1" } });
  assert.deepEqual(refused.errors.map((e) => [e.pointer, e.code]), validated.errors.map((e) => [e.pointer, e.code]));
  assert.equal(refused.request, null);
  assert.equal(serverError(refused).status, 400);
  // A body that is not JSON is a fault in the body.
  const broken = adobeBodyRequest({ ...where, body: "{" }, options);
  assert.deepEqual(broken.errors.map((e) => [e.pointer, e.rule, e.code]), [["/body", "invalid_json", "1117"]]);
  // The update: the path's ids and the query's flags, the body as it came.
  const update = adobeBodyUpdateRequest({ customerId: "P1005053489", subscriptionId: "8675309", resetRenewalCode: true,
    body: '{"autoRenewal": {"renewalQuantity": 5}}' }, options);
  assert.equal(update.valid, true, JSON.stringify(update.errors));
  assert.equal(update.request.method, "PATCH");
  assert.equal(update.request.url, "https://partners.adobe.io/v3/customers/P1005053489/subscriptions/8675309?reset-renewal-code=true");
  assert.equal(update.request.body, '{"autoRenewal": {"renewalQuantity": 5}}');
  assert.throws(() => adobeBodyRequest(null, options), /adobeBodyRequest: request is an object/);
  assert.throws(() => adobeBodyRequest({ ...where }, options), TypeError);
});
