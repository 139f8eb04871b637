// The hostile classes of issue "hostile input must not wear subkit down": for every
// export of the package and every class, calls that put a value of that class in each
// argument or option the export reads. Used by the leak tests (tests/js/leak.test.mjs
// in Node, tests/runtimes/load.test.mjs in workerd), which call each of them many
// times and check that the wasm's externref table and memory stay flat.
//
// No Node or DOM API is used here, so the same file runs in Node, workerd, Bun and Deno.

/** The hostile classes, each a maker of a fresh value. */
export const CLASSES = {
  // A member whose getter throws.
  "throwing getter": () => ({ get reference() { throw new Error("getter"); } }),
  // Proxies whose traps throw: ownKeys (Object.keys), get, getPrototypeOf.
  "throwing trap": () => new Proxy({}, {
    ownKeys() { throw new Error("ownKeys"); },
    get() { throw new Error("get"); },
    getPrototypeOf() { throw new Error("getPrototypeOf"); },
  }),
  // A toJSON that throws.
  "throwing toJSON": () => ({ toJSON() { throw new Error("toJSON"); } }),
  // A getter that throws a value whose own message getter throws too.
  "thrown value whose message throws": () => ({
    get reference() {
      throw { get message() { throw new Error("message"); } };
    },
  }),
  "revoked Proxy": () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  },
  BigInt: () => ({ n: 1n }),
  cyclic: () => {
    const o = { a: 1 };
    o.self = o;
    return o;
  },
  // An array where an object belongs; ["ab"] in an Adobe request's headers is the
  // reproduction reachable from a JSON body (Object.fromEntries throws on "ab").
  "array where an object belongs": () => ["ab"],
  // Nested past every limit, as JSON.parse makes it from a body.
  "nested past every limit": () => JSON.parse(`${'{"a":'.repeat(5000)}1${"}".repeat(5000)}`),
};

const CS = "customer_subscriptions";
const OS = "order_subscriptions";
const doc = (attributes) => ({ data: { type: CS, attributes } });
const ADOBE_HEADERS = { "X-Api-Key": "k", Authorization: "Bearer t", "X-Request-Id": "r", "X-Correlation-Id": "c" };

/**
 * For export name -> a list of functions (api, hostile) => call, each putting `hostile`
 * in one place the export reads. Together they cover every argument and option of
 * every export.
 */
export const PLACES = {
  validateResource: [
    (api, h) => api.validateResource(CS, h),
    (api, h) => api.validateResource(CS, doc(h)),
    (api, h) => api.validateResource(CS, doc({ customer_email: "a@b.co", reference: "R", metadata: h })),
    (api, h) => api.validateResource(h, doc({})),
    (api, h) => api.validateResource(CS, doc({}), h),
    (api, h) => api.validateResource(OS, doc({}), { subscriptionModelFrequencies: h }),
    (api, h) => api.validateResource(CS, doc({}), { locale: h }),
  ],
  buildResource: [
    (api, h) => api.buildResource(CS, h),
    (api, h) => api.buildResource(CS, { customer_email: "a@b.co", reference: "R", metadata: h }),
    (api, h) => api.buildResource(CS, {}, h),
    (api, h) => api.buildResource(CS, {}, { withDefaults: h }),
    (api, h) => api.buildResource(CS, {}, { messages: h }),
  ],
  buildRequest: [
    (api, h) => api.buildRequest(CS, h, { organization: "x", accessToken: "t" }),
    (api, h) => api.buildRequest(CS, {}, h),
    (api, h) => api.buildRequest(CS, {}, { organization: h, accessToken: "t" }),
    (api, h) => api.buildRequest(OS, {}, { organization: "x", accessToken: "t", subscriptionModelFrequencies: h }),
  ],
  documentRequest: [
    (api, h) => api.documentRequest(CS, h, { organization: "x", accessToken: "t" }),
    (api, h) => api.documentRequest(CS, doc({}), h),
    (api, h) => api.documentRequest(OS, doc({}), { organization: "x", accessToken: h }),
  ],
  documentUpdateRequest: [
    (api, h) => api.documentUpdateRequest(OS, "x", h, { organization: "x", accessToken: "t" }),
    (api, h) => api.documentUpdateRequest(OS, h, { data: { type: OS, id: "x" } }, { organization: "x", accessToken: "t" }),
    (api, h) => api.documentUpdateRequest(OS, "x", {}, { organization: "x", accessToken: "t", current: h }),
  ],
  resourceDefaults: [(api, h) => api.resourceDefaults(h)],
  jsonSchema: [
    (api, h) => api.jsonSchema(h),
    (api, h) => api.jsonSchema(OS, h),
    (api, h) => api.jsonSchema(OS, { target: h }),
    (api, h) => api.jsonSchema(OS, { operation: h }),
    (api, h) => api.jsonSchema("adobe", { input: h }),
    (api, h) => api.schema(OS)["~standard"].jsonSchema.input(h),
    (api, h) => api.adobeSchema()["~standard"].jsonSchema.output({ target: h }),
  ],
  // Takes nothing: whatever is passed is not read.
  jsonSchemaCoverage: [(api, h) => api.jsonSchemaCoverage(h)],
  validateUpdate: [
    (api, h) => api.validateUpdate(OS, "x", h),
    (api, h) => api.validateUpdate(OS, h, { data: { type: OS, id: "x" } }),
    (api, h) => api.validateUpdate(OS, "x", { data: { type: OS, id: "x" } }, h),
    (api, h) => api.validateUpdate(OS, "x", { data: { type: OS, id: "x" } }, { current: h }),
  ],
  buildUpdate: [
    (api, h) => api.buildUpdate(OS, "x", h),
    (api, h) => api.buildUpdate(OS, "x", {}, h),
    (api, h) => api.buildUpdate(OS, "x", {}, { current: h }),
  ],
  buildUpdateRequest: [
    (api, h) => api.buildUpdateRequest(OS, "x", h, { organization: "x", accessToken: "t" }),
    (api, h) => api.buildUpdateRequest(OS, "x", {}, h),
    (api, h) => api.buildUpdateRequest(OS, "x", {}, { organization: "x", accessToken: "t", current: h }),
  ],
  parseFrequency: [
    (api, h) => api.parseFrequency(h),
    (api, h) => api.parseFrequency("monthly", h),
    (api, h) => api.parseFrequency("monthly", { startsAt: h }),
  ],
  describeFrequency: [
    (api, h) => api.describeFrequency(h),
    (api, h) => api.describeFrequency("0 9 * * 1-5", h),
    (api, h) => api.describeFrequency("0 9 * * 1-5", { startsAt: h }),
    (api, h) => api.describeFrequency("0 9 * * 1-5", { hourCycle: h }),
  ],
  nextRuns: [
    (api, h) => api.nextRuns(h, { startsAt: "2024-01-01T00:00:00Z" }),
    (api, h) => api.nextRuns("monthly", h),
    (api, h) => api.nextRuns("monthly", { startsAt: h }),
    (api, h) => api.nextRuns("monthly", { startsAt: "2024-01-01T00:00:00Z", count: h }),
    (api, h) => api.nextRuns("monthly", { startsAt: "2024-01-01T00:00:00Z", format: h }),
  ],
  validateAdobeSubscription: [
    (api, h) => api.validateAdobeSubscription(h),
    (api, h) => api.validateAdobeSubscription({ customerId: "P1005053489", headers: h }),
    (api, h) => api.validateAdobeSubscription({ customerId: "P1005053489", body: h, headers: ADOBE_HEADERS }),
    (api, h) => api.validateAdobeSubscription({ customerId: "P1005053489", body: {}, headers: ADOBE_HEADERS }, h),
  ],
  buildAdobeSubscription: [
    (api, h) => api.buildAdobeSubscription(h, { accessToken: "t", apiKey: "k", correlationId: "c" }),
    (api, h) => api.buildAdobeSubscription({ customerId: "P1005053489" }, h),
    (api, h) => api.buildAdobeSubscription({ customerId: "P1005053489" }, { accessToken: "t", context: h }),
  ],
  validateAdobeSubscriptionUpdate: [
    (api, h) => api.validateAdobeSubscriptionUpdate(h),
    (api, h) => api.validateAdobeSubscriptionUpdate({ customerId: "P1", subscriptionId: "s", headers: h }),
    (api, h) => api.validateAdobeSubscriptionUpdate({ customerId: "P1", subscriptionId: "s", headers: ADOBE_HEADERS }, h),
  ],
  buildAdobeSubscriptionUpdate: [
    (api, h) => api.buildAdobeSubscriptionUpdate(h, { accessToken: "t", apiKey: "k", correlationId: "c" }),
    (api, h) => api.buildAdobeSubscriptionUpdate({ customerId: "P1", subscriptionId: "s" }, h),
    (api, h) => api.buildAdobeSubscriptionUpdate({ customerId: "P1", subscriptionId: "s" }, { accessToken: "t", context: h }),
  ],
  adobeBodyRequest: [
    (api, h) => api.adobeBodyRequest(h, { accessToken: "t", apiKey: "k", correlationId: "c" }),
    (api, h) => api.adobeBodyRequest({ customerId: "P1005053489", body: h }, { accessToken: "t", apiKey: "k", correlationId: "c" }),
    (api, h) => api.adobeBodyRequest({ customerId: "P1005053489", body: {} }, h),
  ],
  adobeBodyUpdateRequest: [
    (api, h) => api.adobeBodyUpdateRequest(h, { accessToken: "t", apiKey: "k", correlationId: "c" }),
    (api, h) => api.adobeBodyUpdateRequest({ customerId: "P1", subscriptionId: "s", body: h }, { accessToken: "t", apiKey: "k", correlationId: "c" }),
    (api, h) => api.adobeBodyUpdateRequest({ customerId: "P1", subscriptionId: "s", body: {} }, { accessToken: "t", context: h }),
  ],
  adobeCreationWindow: [(api, h) => api.adobeCreationWindow(h)],
  schema: [
    (api, h) => api.schema(CS).validate(h),
    (api, h) => api.schema(CS).validate({ customer_email: "a@b.co", reference: "R", metadata: h }),
    (api, h) => api.schema(CS, h),
  ],
  updateSchema: [
    (api, h) => api.updateSchema(OS, "x").validate(h),
    (api, h) => api.updateSchema(OS, "x", h),
  ],
  adobeSchema: [
    (api, h) => api.adobeSchema().validate(h),
    (api, h) => api.adobeSchema(h),
  ],
  adobeUpdateSchema: [
    (api, h) => api.adobeUpdateSchema().validate(h),
    (api, h) => api.adobeUpdateSchema(h),
  ],
  flatten: [(api, h) => api.flatten(h), (api, h) => api.flatten({ errors: h })],
  serverError: [(api, h) => api.serverError(h), (api, h) => api.serverError({ status: 422, errors: [h] })],
};

/**
 * Calls `place(api, hostile)` for every place of `name`, over and over, `n` calls in
 * all, each with a fresh hostile value of class `kind` (made once per place and reused:
 * making a 5,000-deep object 10^4 times would measure JSON.parse). Every outcome
 * (a result or a thrown error) is accepted: the leak tests look at what is left behind.
 */
export function hammer(api, name, kind, n) {
  const places = PLACES[name];
  const values = places.map(() => CLASSES[kind]());
  let thrown = 0;
  for (let i = 0; i < n; i++) {
    const p = i % places.length;
    try {
      places[p](api, values[p]);
    } catch {
      thrown++;
    }
  }
  return thrown;
}
