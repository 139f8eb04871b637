// The adversarial corpus: hostile input for every entry point of the package, run the
// same way in Node (tests/js/adversarial.test.mjs) and in Chromium
// (tests/e2e/adversarial.test.mjs). No Node or DOM API is used here.
//
// Each case must end in a structured result or a TypeError (as docs/limits.md
// documents), within TIME_LIMIT_MS, and afterwards:
// - a valid document still validates (the module is usable);
// - Object.prototype and Array.prototype have gained nothing (no pollution);
// - the wasm memory has not grown past MEMORY_LIMIT_BYTES.

export const TIME_LIMIT_MS = 10_000;
export const MEMORY_LIMIT_BYTES = 64 * 1024 * 1024;

const CS = "customer_subscriptions";
const OS = "order_subscriptions";
const valid = () => ({ data: { type: CS, attributes: { customer_email: "john@example.com", reference: "R1" } } });
const withAttributes = (extra) => {
  const doc = valid();
  Object.assign(doc.data.attributes, extra);
  return doc;
};
const order = (attributes) => ({ data: { type: OS, attributes: { frequency: "monthly", ...attributes },
  relationships: { source_order: { data: { type: "orders", id: "QWERtyUpBa" } } } } });
const deep = (levels) => {
  let v = {};
  for (let i = 0; i < levels; i++) v = { a: v };
  return v;
};
const shared = (levels) => {
  let v = { k: "vé", n: 1.5 };
  for (let i = 0; i < levels; i++) v = { x: v, y: [v, null, undefined, () => 1] };
  return v;
};
const deepText = (levels) => `{"data":${"[".repeat(levels)}${"]".repeat(levels)}}`;
const MB64 = 64 * 1024 * 1024;
const rules = (result) => (result.errors ?? []).map((e) => e.meta?.rule ?? e.code);

/**
 * The cases. `run(api)` calls the package; `expect` is "result" (a returned object
 * whose `check(result)` holds), "TypeError" (thrown), or a list of both where the
 * answer depends on the engine.
 */
export function cases() {
  const getterThrows = withAttributes({});
  Object.defineProperty(getterThrows.data.attributes, "reference", { enumerable: true, get() { throw new Error("boom"); } });
  const cyclic = valid();
  cyclic.data.attributes.metadata = { self: cyclic };
  const trapThrows = new Proxy({}, { ownKeys() { throw new Error("trap"); } });
  const benignProxy = new Proxy(valid(), {});
  const lone = "\uD800";
  const big = "x".repeat(MB64);
  const bigEmail = `${"a".repeat(MB64)}@example.com`;
  const hugeArray = new Array(2_000_000).fill(0);

  return [
    // ---- prototype keys ----
    { name: "__proto__ member in JSON text is refused, not applied", expect: "result",
      run: (api) => api.validateResource(CS, `{"data":{"type":"${CS}","attributes":{"__proto__":{"polluted":true},"customer_email":"john@example.com","reference":"R1"}}}`),
      check: (r) => !r.valid && r.errors.some((e) => e.source.pointer === "/data/attributes/__proto__" && e.code === "PARAM_NOT_ALLOWED") },
    { name: "own __proto__ property of an object (from JSON.parse) is refused", expect: "result",
      run: (api) => api.validateResource(CS, JSON.parse(`{"data":{"type":"${CS}","attributes":{"__proto__":{"polluted":true},"customer_email":"john@example.com","reference":"R1"}}}`)),
      check: (r) => !r.valid && r.errors.some((e) => e.source.pointer === "/data/attributes/__proto__") },
    { name: "constructor and prototype members are refused", expect: "result",
      run: (api) => api.validateResource(CS, withAttributes({ constructor: { prototype: { polluted: true } }, prototype: 1 })),
      check: (r) => !r.valid && ["constructor", "prototype"].every((m) => r.errors.some((e) => e.source.pointer === `/data/attributes/${m}`)) },
    { name: "__proto__ inside metadata is data, returned as an own property", expect: "result",
      run: (api) => api.buildResource(CS, JSON.parse('{"customer_email":"john@example.com","reference":"R1","metadata":{"__proto__":{"polluted":true}}}')),
      check: (r) => r.valid && Object.hasOwn(r.document.data.attributes.metadata, "__proto__")
        && Object.getPrototypeOf(r.document.data.attributes.metadata) === Object.prototype },
    { name: "__proto__ as a resource name is a TypeError", expect: "TypeError",
      run: (api) => api.validateResource("__proto__", valid()) },

    // ---- numbers and non-JSON values ----
    { name: "NaN, Infinity and -Infinity become null, as JSON.stringify sends them", expect: "result",
      run: (api) => api.validateResource(OS, order({ renewal_alert_period: NaN, metadata: { a: Infinity, b: -Infinity } })),
      check: (r) => r.valid === true },
    { name: "-0 is 0", expect: "result",
      run: (api) => api.validateResource(OS, order({ renewal_alert_period: -0 })),
      check: (r) => !r.valid && rules(r).includes("range") },
    { name: "BigInt throws TypeError", expect: "TypeError",
      run: (api) => api.validateResource(CS, withAttributes({ metadata: { n: 10n } })) },
    { name: "BigInt as count throws TypeError", expect: "TypeError",
      run: (api) => api.nextRuns("monthly", { startsAt: "2024-01-01T00:00:00Z", count: 5n }) },
    { name: "Symbols are dropped like JSON.stringify drops them", expect: "result",
      run: (api) => api.validateResource(CS, withAttributes({ reference: Symbol("r"), [Symbol("k")]: 1 })),
      check: (r) => !r.valid && r.errors.some((e) => e.source.pointer === "/data/attributes/reference") },
    { name: "a Symbol document throws TypeError", expect: "TypeError",
      run: (api) => api.validateResource(CS, Symbol("doc")) },
    { name: "functions are dropped", expect: "result",
      run: (api) => api.validateResource(CS, withAttributes({ reference: () => "R1" })),
      check: (r) => !r.valid && r.errors.some((e) => e.source.pointer === "/data/attributes/reference") },
    { name: "a function as the document throws TypeError", expect: "TypeError",
      run: (api) => api.validateResource(CS, () => valid()) },

    // ---- objects that fight back ----
    { name: "a getter that throws becomes a TypeError", expect: "TypeError",
      run: (api) => api.validateResource(CS, getterThrows) },
    { name: "an options getter that throws becomes a TypeError", expect: "TypeError",
      run: (api) => api.nextRuns("monthly", { get startsAt() { throw new Error("boom"); } }) },
    { name: "a format getter that throws becomes a TypeError", expect: "TypeError",
      run: (api) => api.nextRuns("monthly", { startsAt: "2024-01-01T00:00:00Z", get format() { throw new Error("boom"); } }) },
    { name: "a megabyte format string throws TypeError without being copied", expect: "TypeError",
      run: (api) => api.nextRuns("monthly", { startsAt: "2024-01-01T00:00:00Z", format: "epochMs".repeat(150_000) }) },
    { name: "epoch ms ignore a runs setter planted on Object.prototype", expect: "result",
      run: (api) => {
        const planted = Object.getOwnPropertyDescriptor(Object.prototype, "runs");
        Object.defineProperty(Object.prototype, "runs", { set() { throw new Error("planted"); }, configurable: true });
        try {
          return api.nextRuns("monthly", { startsAt: "2024-01-01T00:00:00Z", count: 2, format: "epochMs" });
        } finally {
          if (planted) Object.defineProperty(Object.prototype, "runs", planted);
          else delete Object.prototype.runs;
        }
      },
      check: (r) => r.valid && r.runs instanceof Float64Array && r.runs.length === 2 && r.runs[0] === Date.UTC(2024, 0, 1) },
    { name: "a cyclic object throws TypeError", expect: "TypeError",
      run: (api) => api.validateResource(CS, cyclic) },
    { name: "a Proxy whose trap throws becomes a TypeError", expect: "TypeError",
      run: (api) => api.validateResource(CS, trapThrows) },
    { name: "a Proxy whose trap throws, as options, becomes a TypeError", expect: "TypeError",
      run: (api) => api.buildRequest(CS, valid().data.attributes, new Proxy({}, { get() { throw new Error("trap"); } })) },
    { name: "a well-behaved Proxy is read like its target", expect: "result",
      run: (api) => api.validateResource(CS, benignProxy), check: (r) => r.valid === true },
    { name: "a Proxy whose getPrototypeOf trap throws becomes a TypeError", expect: "TypeError",
      run: (api) => api.validateResource(CS, new Proxy({}, { getPrototypeOf() { throw new Error("trap"); } })) },
    { name: "a Proxy whose toJSON getter throws becomes a TypeError", expect: "TypeError",
      run: (api) => api.validateResource(CS, new Proxy({}, { get() { throw new Error("trap"); } })) },
    { name: "a Proxy whose ownKeys trap throws, as options, becomes a TypeError", expect: "TypeError",
      run: (api) => api.parseFrequency("monthly", trapThrows) },
    { name: "a revoked Proxy as the document becomes a TypeError", expect: "TypeError",
      run: (api) => { const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); return api.validateResource(CS, proxy); } },
    { name: "a view whose byteOffset and byteLength are planted lies is read by its real window", expect: "result",
      run: (api) => {
        const text = new TextEncoder().encode(JSON.stringify(valid()));
        const framed = new Uint8Array(text.length + 2).fill(0x7b);
        framed.set(text, 1);
        const view = new Uint8Array(framed.buffer, 1, text.length);
        Object.defineProperty(view, "byteOffset", { get() { throw new Error("planted"); } });
        Object.defineProperty(view, "byteLength", { value: 1 });
        Object.setPrototypeOf(view, new Proxy({}, { get() { throw new Error("planted"); } }));
        return api.validateResource(CS, view);
      },
      check: (r) => r.valid === true },
    { name: "an ArrayBuffer-tagged impostor is an object, refused by name", expect: "TypeError",
      run: (api) => api.validateResource(CS, Object.create(Object.create(Object.prototype, { [Symbol.toStringTag]: { value: "ArrayBuffer" } }))) },
    { name: "a Response as the document is a TypeError, not {}", expect: "TypeError",
      run: (api) => api.validateResource(CS, new Response(JSON.stringify(valid()))) },
    { name: "a misspelt option is a TypeError, not ignored", expect: "TypeError",
      run: (api) => api.buildResource(CS, valid().data.attributes, { withDefault: true }) },
    { name: "10^5 unknown option names stop at the first", expect: "TypeError",
      run: (api) => api.nextRuns("monthly", Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i]))) },
    { name: "Adobe headers as an iterable that throws become a TypeError", expect: "TypeError",
      run: (api) => api.validateAdobeSubscription({ customerId: "P1", body: {}, headers: { [Symbol.iterator]() { throw new Error("iter"); } } }) },
    { name: "Adobe update headers as an iterable that throws become a TypeError", expect: "TypeError",
      run: (api) => api.validateAdobeSubscriptionUpdate({ customerId: "P1", subscriptionId: "1", headers: { [Symbol.iterator]() { throw new Error("iter"); } } }) },
    { name: "an Adobe update subscription id with a path and a query is an error, not a URL", expect: "result",
      run: (api) => api.buildAdobeSubscriptionUpdate({ customerId: "P1005053489", subscriptionId: "1/../../v3/resellers?x=", autoRenewal: { enabled: true } },
        { accessToken: "t", apiKey: "k", correlationId: "c" }),
      check: (r) => r.valid === false && r.request === null && r.errors[0].pointer === "/subscriptionId" },
    { name: "an Adobe update context date that is no calendar day is a TypeError", expect: "TypeError",
      run: (api) => api.validateAdobeSubscriptionUpdate({}, { today: "2025-02-30", anniversaryDate: "2025-04-25" }) },
    { name: "an Adobe update with a __proto__ body member is refused, not merged", expect: "result",
      run: (api) => api.validateAdobeSubscriptionUpdate(JSON.parse('{"customerId":"P1005053489","subscriptionId":"1","body":{"__proto__":{"enabled":false}},"headers":{}}')),
      check: (r) => r.valid === false && r.errors.some((e) => e.pointer === "/body/__proto__" && e.code === "1121") },
    { name: "a Commerce Layer update id with a path and a query is an error, not a URL", expect: "result",
      run: (api) => api.buildUpdateRequest(OS, "x/../../customers?filter=", { _cancel: true }, { organization: "yourdomain", accessToken: "t" }),
      check: (r) => r.valid === false && r.request === null && r.errors.some((e) => e.pointer === "/path/id") },
    { name: "a Commerce Layer update with __proto__ attributes is refused, not merged", expect: "result",
      run: (api) => api.validateUpdate(OS, "x1", JSON.parse('{"data":{"type":"order_subscriptions","id":"x1","attributes":{"__proto__":{"_cancel":true}}}}')),
      check: (r) => r.valid === false && r.errors.some((e) => e.pointer === "/data/attributes/__proto__") },
    { name: "a Commerce Layer update id of 10^6 characters is a TypeError, as any string argument over 65,536", expect: "TypeError",
      run: (api) => api.validateUpdate(OS, "a".repeat(1_000_000), { data: { type: OS, id: "a", attributes: { _cancel: true } } }) },
    { name: "a current status that is no status is a bounded answer", expect: ["result", "TypeError"],
      run: (api) => api.buildUpdate(OS, "x1", { _activate: true }, { current: { status: "x".repeat(100_000) } }) },

    // ---- depth ----
    // Whether JSON.stringify's stack holds 10^5 levels depends on the engine (Node's
    // does not, Chromium's does); either answer is bounded and documented.
    { name: "an object nested 10^5 deep is too_large, or a TypeError where JSON.stringify overflows", expect: ["result", "TypeError"],
      run: (api) => api.validateResource(CS, { data: deep(100_000) }),
      check: (r) => !r.valid && rules(r).includes("too_large") },
    { name: "JSON text nested 10^5 deep is too_large (more than 10^5 values)", expect: "result",
      run: (api) => api.validateResource(CS, deepText(100_000)),
      check: (r) => !r.valid && rules(r).includes("too_large") && r.errors[0].source.pointer === "" },
    { name: "JSON text nested 10^4 deep is invalid_json (depth limit 128)", expect: "result",
      run: (api) => api.validateResource(CS, deepText(10_000)),
      check: (r) => !r.valid && rules(r).includes("invalid_json") && r.errors[0].source.pointer === "" },
    { name: "metadata nested 200 deep is invalid_json (depth limit 128)", expect: "result",
      run: (api) => api.validateResource(CS, withAttributes({ metadata: deep(200) })),
      check: (r) => !r.valid && rules(r).includes("invalid_json") },
    // Each level refers twice to the one below: a few dozen objects whose text doubles a
    // level. The size is measured, not written, so it is the same in every engine: at
    // 24 levels it is past V8's longest string and within JavaScriptCore's. The bottom's
    // text, {"k":"vé","n":1.5}, is 18 units; a level's, {"x":…,"y":[…,null,null,null]},
    // is twice the one below plus 28, so level n's is 46·2^n − 28; {"data":…} adds 9.
    { name: "an object sharing its members 24 levels deep is too_large with its text's size", expect: "result",
      run: (api) => api.validateResource(CS, { data: shared(24) }),
      check: (r) => rules(r).join() === "too_large" && r.errors[0].meta.size === 46 * 2 ** 24 - 28 + 9 },
    { name: "an object sharing its members 1,000 levels deep is too_large, not out of memory", expect: "result",
      run: (api) => api.validateResource(CS, { data: shared(1_000) }),
      check: (r) => rules(r).join() === "too_large" && r.errors[0].meta.unit === "bytes" },

    // ---- size ----
    { name: "64 MB of JSON text is too_large, refused before the copy", expect: "result",
      run: (api) => api.validateResource(CS, big),
      check: (r) => !r.valid && rules(r).includes("too_large") },
    { name: "a 64 MB e-mail inside an object is too_large", expect: "result",
      run: (api) => api.validateResource(CS, withAttributes({ customer_email: bigEmail })),
      check: (r) => !r.valid && rules(r).includes("too_large") },
    { name: "64 MB of bytes is too_large", expect: "result",
      run: (api) => api.validateResource(CS, new Uint8Array(MB64)),
      check: (r) => !r.valid && rules(r).includes("too_large") },
    { name: "a 64 MB ArrayBuffer and a DataView of it are too_large, refused before the copy", expect: "result",
      run: (api) => {
        const buffer = new ArrayBuffer(MB64);
        return [api.validateResource(CS, buffer), api.validateResource(CS, new DataView(buffer, 1))];
      },
      check: (rs) => rs.every((r) => !r.valid && rules(r).includes("too_large")) },
    { name: "a 64 MB frequency is too_long", expect: "result",
      run: (api) => api.parseFrequency(big),
      check: (r) => !r.valid && r.errors.some((e) => e.code === "too_long") },
    { name: "a 64 MB frequency asked for runs is too_long", expect: "result",
      run: (api) => api.nextRuns(big, { startsAt: "2024-01-01T00:00:00Z" }),
      check: (r) => !r.valid && r.errors.some((e) => e.code === "too_long") },
    { name: "a 64 MB access token throws TypeError before it is copied", expect: "TypeError",
      run: (api) => api.buildRequest(CS, valid().data.attributes, { organization: "acme", accessToken: big }) },
    { name: "a 64 MB resource name throws TypeError", expect: "TypeError",
      run: (api) => api.validateResource(big, valid()) },
    { name: "a 2·10^6-element array in metadata is too_large", expect: "result",
      run: (api) => api.validateResource(CS, withAttributes({ metadata: { list: hugeArray } })),
      check: (r) => !r.valid && rules(r).includes("too_large") },
    { name: "10^6 model frequencies throw TypeError", expect: "TypeError",
      run: (api) => api.validateResource(OS, order({}), { subscriptionModelFrequencies: new Array(1_000_000).fill("monthly") }) },

    // ---- text encodings ----
    { name: "a lone surrogate in JSON text is invalid_json, not silently replaced", expect: "result",
      run: (api) => api.validateResource(CS, `{"data":{"type":"${CS}","attributes":{"customer_email":"john@example.com","reference":"R${lone}"}}}`),
      check: (r) => !r.valid && rules(r).includes("invalid_json") },
    { name: "a lone surrogate in an object is invalid_json (JSON.stringify escapes it)", expect: "result",
      run: (api) => api.validateResource(CS, withAttributes({ reference: `R${lone}` })),
      check: (r) => !r.valid && rules(r).includes("invalid_json") },
    { name: "a lone surrogate in a frequency is an error", expect: "result",
      run: (api) => api.parseFrequency(`0 9 * * 1${lone}`), check: (r) => !r.valid },
    { name: "non-UTF-8 bytes are invalid_json", expect: "result",
      run: (api) => api.validateResource(CS, new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])),
      check: (r) => !r.valid && rules(r).includes("invalid_json") },
    { name: "a NUL byte in a member name is reported, not truncated", expect: "result",
      run: (api) => api.validateResource(CS, withAttributes({ "a\u0000b": 1 })),
      check: (r) => !r.valid && r.errors.some((e) => e.source.pointer === "/data/attributes/a\u0000b") },

    // ---- dates and counts ----
    { name: "startsAt past year 9999 is an error", expect: "result",
      run: (api) => api.nextRuns("monthly", { startsAt: new Date(8.64e15) }),
      check: (r) => !r.valid && r.errors.length > 0 },
    { name: "an invalid Date is an error", expect: "result",
      run: (api) => api.nextRuns("monthly", { startsAt: new Date(NaN) }),
      check: (r) => !r.valid && r.errors.length > 0 },
    { name: "epoch milliseconds of -Infinity are an error", expect: "result",
      run: (api) => api.nextRuns("0 9 * * 1", { startsAt: -Infinity }),
      check: (r) => !r.valid && r.errors.length > 0 },
    { name: "a six-digit year is an error", expect: "result",
      run: (api) => api.nextRuns("monthly", { startsAt: "+275760-09-13T00:00:00Z" }),
      check: (r) => !r.valid && r.errors.length > 0 },
    { name: "runs near year 9999 stop at the horizon", expect: "result",
      run: (api) => api.nextRuns("0 0 29 2 *", { startsAt: "9996-03-01T00:00:00Z", count: 5 }),
      check: (r) => !r.valid && r.errors.some((e) => e.code === "horizon") },
    { name: "count 1e308 is out of range", expect: "result",
      run: (api) => api.nextRuns("monthly", { startsAt: "2024-01-01T00:00:00Z", count: 1e308 }),
      check: (r) => !r.valid && r.errors.length > 0 },
    { name: "count NaN throws TypeError", expect: "TypeError",
      run: (api) => api.nextRuns("monthly", { startsAt: "2024-01-01T00:00:00Z", count: NaN }) },
    { name: "an Adobe today far in the future is an error, not a hang", expect: "result",
      run: (api) => api.validateAdobeSubscription({ customerId: "P1", body: {}, headers: {}, today: "9999-12-31", anniversaryDate: "0001-01-01" }),
      check: (r) => !r.valid },
    { name: "adobeCreationWindow of a 64 MB string throws TypeError", expect: "TypeError",
      run: (api) => api.adobeCreationWindow(big) },
  ];
}

/** Own property names of the built-in prototypes, to detect pollution. */
function prototypeKeys() {
  return [Object.prototype, Array.prototype, Function.prototype]
    .map((p) => Reflect.ownKeys(p).map(String).sort().join(","))
    .join("|");
}

/**
 * Runs every case against `api` (the package's exports). `memoryBytes()` reads the
 * wasm memory size. Returns one outcome per case; `ok` says whether it met its
 * expectation and every invariant held.
 */
export function runCorpus(api, memoryBytes) {
  const before = prototypeKeys();
  const outcomes = [];
  for (const c of cases()) {
    const expected = [c.expect].flat();
    const start = performance.now();
    let got;
    let detail = "";
    try {
      const result = c.run(api);
      got = "result";
      if (expected.includes("result") && !c.check(result)) {
        detail = `check failed: ${JSON.stringify(result).slice(0, 400)}`;
      }
    } catch (e) {
      got = e instanceof TypeError ? "TypeError" : `throws ${e?.constructor?.name}`;
      detail = String(e?.message ?? e).slice(0, 200);
      if (expected.includes(got)) detail = "";
    }
    const ms = performance.now() - start;
    const problems = [];
    if (!expected.includes(got)) problems.push(`expected ${expected.join(" or ")}, got ${got}: ${detail}`);
    else if (detail) problems.push(detail);
    if (ms > TIME_LIMIT_MS) problems.push(`took ${Math.round(ms)} ms`);
    if (prototypeKeys() !== before) problems.push("a built-in prototype changed");
    if ({}.polluted !== undefined || [].polluted !== undefined) problems.push("prototype polluted");
    let usable = false;
    try {
      usable = api.validateResource(CS, valid()).valid === true;
    } catch {
      usable = false;
    }
    if (!usable) problems.push("the module is unusable afterwards");
    const memory = memoryBytes();
    if (memory > MEMORY_LIMIT_BYTES) problems.push(`wasm memory grew to ${memory} bytes`);
    outcomes.push({ name: c.name, ok: problems.length === 0, got, ms: Math.round(ms), memory, problems });
  }
  return outcomes;
}
