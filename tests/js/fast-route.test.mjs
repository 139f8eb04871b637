// validateResource has two routes: the fast one of pkg/fast.js (JSON text, a
// Uint8Array or a plain object, no options), which writes the document into wasm
// memory, and the ordinary export, taken whenever options are passed. They must
// answer alike. Every fixture document, and a few thousand random variations of
// them, goes through both, as text, as bytes and as an object.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { validateResource } from "subkit";

const dir = new URL("../fixtures/commercelayer/", import.meta.url);
const cases = readdirSync(dir)
  .filter((f) => f.endsWith("_validate.json"))
  .flatMap((f) => {
    const fixture = JSON.parse(readFileSync(new URL(f, dir), "utf8"));
    return fixture.cases.map((c) => ({ resource: fixture.resource, c }));
  });

// Both routes, for one input: the fast one (no options, or a plain options object)
// and the ordinary one, which an options object with a null prototype forces (the
// fast route reads plain objects only; the ordinary one reads both alike).
const ordinary = (options) => Object.assign(Object.create(null), options);
function both(resource, input, options) {
  return [validateResource(resource, input, options), validateResource(resource, input, ordinary(options))];
}

function agree(resource, text, label, options) {
  const [fastText, slowText] = both(resource, text, options);
  assert.deepEqual(fastText, slowText, `${label} (text)`);
  const [fastBytes, slowBytes] = both(resource, new TextEncoder().encode(text), options);
  assert.deepEqual(fastBytes, slowBytes, `${label} (bytes)`);
  assert.deepEqual(fastBytes, fastText, `${label} (bytes against text)`);
  let object;
  try {
    object = JSON.parse(text);
  } catch {
    return;
  }
  if (object === null || typeof object !== "object" || Array.isArray(object)) return;
  const [fastObject, slowObject] = both(resource, object, options);
  assert.deepEqual(fastObject, slowObject, `${label} (object)`);
}

test("the fast route and the ordinary export agree on every fixture", () => {
  assert.ok(cases.length > 50, `${cases.length} fixture cases`);
  const rules = new Set();
  for (const { resource, c } of cases) {
    const text = "text" in c ? c.text : JSON.stringify(c.document);
    for (const e of validateResource(resource, text, c.context).errors) rules.add(e.meta.rule);
    for (const name of ["customer_subscriptions", "order_subscriptions", "subscription_models"]) {
      agree(name, text, `${resource}: ${c.description} as ${name}`, c.context);
    }
  }
  // Every rule a document can break without options is among those rendered here.
  for (const rule of ["invalid_json", "type", "required", "format", "resource_type", "not_allowed",
    "forbidden", "range", "duplicate", "after", "frequency", "linkage", "not_offered"]) {
    assert.ok(rules.has(rule), `the fixtures exercise ${rule}`);
  }
});

// A small deterministic generator (no Math.random: a failure must replay).
function* random(seed) {
  let x = seed >>> 0;
  for (;;) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    yield (x >>> 0) / 2 ** 32;
  }
}

const VALUES = [null, true, false, 0, -1, 1.5, 721, 1e400, "", " ", "monthly", "*/5 * * * *",
  "2018-01-01T12:00:00.000Z", "john@example.com", "orders", "x\u00e9\ud83d\ude00", [], {}, ["monthly"],
  { data: null }, { data: { type: "orders", id: "a" } }, { data: [{ type: "tags", id: "t" }] }];

// Replaces, removes or adds one member somewhere in a copy of `doc`.
function mutate(doc, next) {
  const copy = structuredClone(doc);
  const objects = [];
  (function walk(v) {
    if (v && typeof v === "object") {
      if (!Array.isArray(v)) objects.push(v);
      for (const child of Object.values(v)) walk(child);
    }
  })(copy);
  const target = objects[Math.floor(next() * objects.length)];
  const keys = Object.keys(target);
  const pick = () => VALUES[Math.floor(next() * VALUES.length)];
  const r = next();
  if (r < 0.4 && keys.length) target[keys[Math.floor(next() * keys.length)]] = structuredClone(pick());
  else if (r < 0.6 && keys.length) delete target[keys[Math.floor(next() * keys.length)]];
  else target[["foo", "id", "type", "data", "meta", "frequency", "starts_at", "tags"][Math.floor(next() * 8)]] = structuredClone(pick());
  return copy;
}

test("the two routes agree on the edges: limits, bad bytes, deep nesting, odd numbers", () => {
  const texts = [
    "[".repeat(100_001), // more values than subkit reads: too_large
    `{"data":${"[".repeat(200)}${"]".repeat(200)}}`, // deeper than the reader goes
    "", "  ", "nul", "[1,]", '{"data":{"type":"customer_subscriptions"}} x',
    '{"data":{"type":"order_subscriptions","attributes":{"frequency":"monthly","renewal_alert_period":1e400}}}',
    '{"data":{"type":"order_subscriptions","attributes":{"frequency":"monthly","renewal_alert_period":7.2e2}}}',
    '{"data":{"type":"order_subscriptions","attributes":{"frequency":"monthly","renewal_alert_period":2.5}}}',
    '{"a~b/c":1,"data":{"attributes":{"x~1/y":1},"relationships":{"~0":{"data":{"type":"t","id":"i"}}}}}',
  ];
  for (const text of texts) {
    for (const name of ["customer_subscriptions", "order_subscriptions", "subscription_models"]) {
      agree(name, text, `${name}: ${text.slice(0, 60)}`);
    }
  }
  const bytes = new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]); // {"\xff":1}
  assert.deepEqual(...both("customer_subscriptions", bytes));
});

test("the two routes agree on random variations of the fixtures", () => {
  const rng = random(20261201);
  const next = () => rng.next().value;
  const documents = cases.filter(({ c }) => c.document && typeof c.document === "object" && !Array.isArray(c.document)).map(({ resource, c }) => ({ resource, doc: c.document }));
  for (let i = 0; i < 3000; i++) {
    const { resource, doc } = documents[i % documents.length];
    let varied = doc;
    for (let k = 0; k < 1 + Math.floor(next() * 3); k++) varied = mutate(varied, next);
    let text = JSON.stringify(varied);
    // Sometimes a repeated member, which only text can carry.
    if (next() < 0.2) text = text.replace(/^\{"data":\{/, '{"data":{"type":"x",');
    agree(resource, text, `variation ${i} of ${resource}: ${text}`);
  }
});

test("options the fast route does not read take the ordinary route, which refuses them alike", () => {
  const doc = '{"data":{"type":"order_subscriptions","attributes":{"frequency":"monthly"}}}';
  const getter = { get subscriptionModelFrequencies() { return ["monthly"]; } };
  assert.deepEqual(
    validateResource("order_subscriptions", doc, getter),
    validateResource("order_subscriptions", doc, { subscriptionModelFrequencies: ["monthly"] }),
  );
  for (const options of [{ subscriptionModelFrequencie: [] }, { subscriptionModelFrequencies: "monthly" },
    { subscriptionModelFrequencies: [1] }, { subscriptionModelFrequencies: new Array(1001).fill("x") }, 7,
    // 1.5 million UTF-16 units, under the 4 MiB input limit as units, over it as the
    // 4.5 MB of UTF-8 the module would read: no list either route takes.
    { subscriptionModelFrequencies: new Array(1000).fill("語".repeat(1500)) }]) {
    // The same TypeError both ways, in the documented words.
    let message;
    assert.throws(() => validateResource("order_subscriptions", doc, options), (e) => {
      message = e.message;
      return e instanceof TypeError;
    });
    assert.match(message, /^validateResource: |^options |^subscriptionModelFrequencies /);
    if (typeof options === "object") {
      assert.throws(() => validateResource("order_subscriptions", doc, ordinary(options)), { name: "TypeError", message });
    }
  }
  assert.deepEqual(
    validateResource("order_subscriptions", doc, { subscriptionModelFrequencies: null }),
    validateResource("order_subscriptions", doc),
  );
  const offered = { subscriptionModelFrequencies: ["weekly", "Monthly "] };
  assert.deepEqual(...both("order_subscriptions", doc, offered));
  const notOffered = validateResource("order_subscriptions", doc, { subscriptionModelFrequencies: ["weekly"] });
  assert.equal(notOffered.errors.find((e) => e.meta.rule === "not_offered")?.source.pointer, "/data/attributes/frequency");
});
