// Caps and TypeErrors of what is read in JS (pkg/read.js, pkg/i18n.js): every string
// option has a length cap, every documented TypeError is a TypeError whatever the
// caller's getter or Proxy throws, and the words of a TypeError are subkit's own, the
// same in every engine (a revoked Proxy, a cycle, a BigInt are named by subkit, not by
// the engine's message).
import { test } from "node:test";
import assert from "node:assert/strict";
import * as subkit from "subkit";

const CS = "customer_subscriptions";
const revoked = () => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
};
const throwsBoom = () => ({ get message() { throw new Error("message"); } });
const typeError = (pattern) => (e) => e instanceof TypeError && pattern.test(e.message);

test("the locale option and setLocale's tag have a length cap, as every string option does", () => {
  const long = "x".repeat(1_000_000);
  assert.throws(() => subkit.nextRuns("monthly", { locale: long }), typeError(/at most 256 characters/));
  assert.throws(() => subkit.setLocale(long), typeError(/at most 256 characters/));
  assert.throws(() => subkit.registerLocale({ locale: long, messages: {} }), typeError(/at most 256 characters/));
  assert.throws(() => subkit.validateResource(CS, {}, { messages: { required: "x".repeat(70_000) } }),
    typeError(/longer than 65536 characters/));
  assert.throws(() => subkit.buildRequest(CS, {}, { organization: long }), typeError(/longer than 65536 characters/));
});

test("setLocale, registerLocale and the language options throw a TypeError whatever a getter throws", () => {
  const getter = { get messages() { throw throwsBoom(); } };
  assert.throws(() => subkit.setLocale("it", getter), typeError(/^setLocale: options could not be read: $/));
  assert.throws(() => subkit.registerLocale({ get locale() { throw new Error("boom"); } }), typeError(/^registerLocale: the locale could not be read: boom$/));
  assert.throws(() => subkit.registerLocale(revoked()), typeError(/it is a revoked Proxy/));
  assert.throws(() => subkit.parseFrequency("monthly", { messages: { get required() { throw 1; } } }), typeError(/^parseFrequency: messages could not be read/));
  assert.throws(() => subkit.nextRuns("monthly", revoked()), typeError(/^nextRuns: options could not be read: it is a revoked Proxy$/));
  // A getter of another option, next to a language option, is reported by its name.
  assert.throws(() => subkit.nextRuns("monthly", { locale: "it", get startsAt() { throw new Error("boom"); } }),
    typeError(/^options\.startsAt could not be read: boom$/));
  subkit.setLocale("en");
});

test("subkit words what JSON cannot hold, in every engine alike", () => {
  const cyclic = { a: 1 };
  cyclic.self = cyclic;
  const cases = [
    [{ n: 1n }, /^document cannot be converted to JSON: a BigInt has no JSON form$/],
    [cyclic, /^document cannot be converted to JSON: it refers to itself \(a cyclic structure\)$/],
    [revoked(), /^document could not be read: it is a revoked Proxy$/],
    [{ data: revoked() }, /^document cannot be converted to JSON: it holds a revoked Proxy$/],
    [{ get data() { throw throwsBoom(); } }, /^document cannot be converted to JSON: $/],
  ];
  for (const [document, pattern] of cases) assert.throws(() => subkit.validateResource(CS, document), typeError(pattern));
});

test("an object nested past the reader's limit gets the answer its text gets, however deep", () => {
  for (const depth of [127, 128, 4_100, 5_000, 100_000]) {
    const text = `{"data":${'{"a":'.repeat(depth)}1${"}".repeat(depth)}}`;
    const asText = subkit.validateResource(CS, text);
    assert.deepEqual(subkit.validateResource(CS, JSON.parse(text)), asText, `depth ${depth}`);
    // With "data", 128 levels and more are past the reader's limit; 10^5 levels are
    // also more than the 100,000 values a text may hold, counted before reading.
    assert.equal(asText.errors[0].meta.rule, depth === 100_000 ? "too_large" : "invalid_json", `depth ${depth}`);
  }
});

test("an object whose members share objects gets the answer its text would get, without the text", () => {
  // Each level refers to the one below twice: the objects grow by two a level, their
  // text doubles. 2^20 copies of the bottom are written by JSON.stringify in seconds;
  // 40 levels would take hours and 1,000 more memory than there is.
  const shared = (levels) => {
    let a = { k: "vé", n: 1.5 };
    for (let i = 0; i < levels; i++) a = { x: a, y: [a, null, undefined, () => 1] };
    return { data: a };
  };
  for (const levels of [8, 16, 20]) {
    const value = shared(levels);
    const text = JSON.stringify(value);
    const asText = subkit.validateResource(CS, text);
    assert.deepEqual(subkit.validateResource(CS, value), asText, `${levels} levels`);
    if (text.length > 4 * 1024 * 1024) {
      // The size is the text's, which JSON.stringify has just written.
      assert.deepEqual([asText.errors[0].meta.unit, asText.errors[0].meta.size], ["bytes", text.length]);
    }
  }
  for (const levels of [40, 1_000, 100_000]) {
    const answer = subkit.validateResource(CS, shared(levels));
    assert.deepEqual([answer.errors.length, answer.errors[0].meta.rule, answer.errors[0].meta.unit], [1, "too_large", "bytes"], `${levels} levels`);
    // Past what the module counts in (2^32 - 1 on wasm32), the size is that count.
    assert.equal(answer.errors[0].meta.size, 4_294_967_295);
  }
  // The same for an Adobe request and a build's input.
  assert.equal(subkit.validateAdobeSubscription({ customerId: "P1", body: shared(30) }).errors[0].rule, "too_large");
  assert.equal(subkit.buildResource(CS, shared(30).data).errors[0].rule, "too_large");
});

test("a form schema answers a revoked Proxy or a throwing trap with one issue, never a throw", () => {
  const trap = new Proxy({}, { getPrototypeOf() { throw new Error("trap"); } });
  for (const values of [revoked(), trap]) {
    const result = subkit.schema(CS).validate(values);
    assert.deepEqual(result.errors.map((e) => [e.path, e.rule]), [[[], "type"]]);
  }
});

test("options whose keys cannot be read are a TypeError on validateResource's fast route too", () => {
  const trap = new Proxy({}, { ownKeys() { throw new Error("trap"); } });
  const text = '{"data":{"type":"customer_subscriptions","attributes":{"customer_email":"john@example.com","reference":"R1"}}}';
  for (const document of [text, new TextEncoder().encode(text), JSON.parse(text)]) {
    assert.throws(() => subkit.validateResource(CS, document, trap), typeError(/^validateResource: options could not be read: trap$/));
  }
  assert.throws(() => subkit.validateResource(CS, text, revoked()), typeError(/could not be read: it is a revoked Proxy$/));
});
