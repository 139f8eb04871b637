// Typed usage of the package, checked by `tsc --noEmit`. Lines under an
// expect-error directive must NOT compile: if they ever do, tsc fails the test.
import {
  validateResource,
  buildResource,
  buildRequest,
  resourceDefaults,
  parseFrequency,
  describeFrequency,
  nextRuns,
  validateAdobeSubscription,
  buildAdobeSubscription,
  init,
  documentRequest,
  documentUpdateRequest,
  serverError,
  type ServerAnswer,
  type JsonApiError,
  type FrequencyPreset,
  type RunsFormat,
  type RuleCode,
} from "subkit";
// @ts-expect-error markReady is internal to the entry points
import { markReady } from "subkit";
void markReady;

await init();
await init(new URL("./subkit_bg.wasm", import.meta.url));
// @ts-expect-error a number is no source of a module
await init(42);

// Results are discriminated on `valid`.
const v = validateResource("customer_subscriptions", { data: {} });
if (v.valid) {
  const none: [] = v.errors;
  const nothing: null = v.status;
  void none, nothing;
} else {
  const first: JsonApiError | undefined = v.errors[0];
  const status: 400 | 401 | 422 = v.status;
  const code: "VALIDATION_ERROR" | "PARAM_MISSING" | "PARAM_NOT_ALLOWED" | "INVALID_RESOURCE" | "INVALID_DATA_FORMAT" | "INVALID_LINKS_OBJECT" | "TYPE_MISMATCH" | "BAD_REQUEST" | "UNAUTHORIZED" | "KEY_NOT_INCLUDED_IN_URL" | "KEY_ORDER_MISMATCH" | undefined = first?.code;
  const rule: RuleCode | undefined = first?.meta.rule;
  void status, code, rule;
}
// @ts-expect-error an unknown resource name
validateResource("orders", {});
// @ts-expect-error a number is not a document
validateResource("customer_subscriptions", 42);

// Inputs are typed per resource.
const built = buildResource("order_subscriptions", { frequency: "monthly", source_order: "QWERtyUpBa" }, { withDefaults: true });
if (built.valid) {
  const id: string = built.document.data.relationships.source_order.data.id;
  void id;
} else {
  // @ts-expect-error no document when invalid
  built.document.data;
}
// @ts-expect-error source_order is required
buildResource("order_subscriptions", { frequency: "monthly" });
// @ts-expect-error strategy is one of two values
buildResource("subscription_models", { name: "M", frequencies: ["monthly"], strategy: "by_customer" });
buildResource("subscription_models", { name: "M", frequencies: ["monthly", "10 * * * *"] });
// @ts-expect-error customer_email is required
buildResource("customer_subscriptions", { reference: "R" });

const defaults = resourceDefaults("order_subscriptions");
const period: 1 = defaults.renewal_alert_period;
void period;

const request = buildRequest("customer_subscriptions", { customer_email: "john@example.com", reference: "R" }, { organization: "yourdomain", accessToken: "t" });
if (request.valid) {
  const accept: "application/vnd.api+json" = request.request.headers.Accept;
  void accept;
}
// @ts-expect-error accessToken is required
buildRequest("customer_subscriptions", { customer_email: "a@b.c", reference: "R" }, { organization: "x" });

// Frequencies: presets are a literal union, and any cron string is accepted too.
const preset: FrequencyPreset = "two-month";
// @ts-expect-error not a preset
const notPreset: FrequencyPreset = "fortnightly";
void notPreset;
parseFrequency(preset);
parseFrequency("*/15 9-17 * * MON-FRI");
const parsed = parseFrequency("monthly", { startsAt: new Date() });
if (parsed.valid) {
  const kind: "preset" | "cron" = parsed.kind;
  void kind;
}
const runs = nextRuns("monthly", { startsAt: "2018-01-01T12:00:00.000Z", count: 3, expiresAt: Date.now() });
if (runs.valid) {
  const iso: string | undefined = runs.runs[0];
  void iso;
}
// @ts-expect-error count is a number
nextRuns("monthly", { startsAt: "2018-01-01", count: "3" });
// The format option picks the type of `runs`: ISO strings by default, a Float64Array
// of epoch milliseconds with "epochMs", either when the format is only known at run time.
const isoRuns: string[] = nextRuns("daily", { startsAt: "2018-01-01", format: "iso" }).runs;
const epochRuns: Float64Array = nextRuns("daily", { startsAt: "2018-01-01", format: "epochMs" }).runs;
void isoRuns;
void epochRuns;
const chosen: RunsFormat = Math.random() < 0.5 ? "iso" : "epochMs";
const eitherRuns: string[] | Float64Array = nextRuns("daily", { startsAt: "2018-01-01", format: chosen }).runs;
void eitherRuns;
// @ts-expect-error the default format gives strings, not numbers
const notNumbers: Float64Array = nextRuns("daily", { startsAt: "2018-01-01" }).runs;
void notNumbers;
// @ts-expect-error epochMs gives numbers, not strings
const notStrings: string[] = nextRuns("daily", { startsAt: "2018-01-01", format: "epochMs" }).runs;
void notStrings;
// @ts-expect-error a format subkit does not know
nextRuns("daily", { startsAt: "2018-01-01", format: "epochms" });
const described = describeFrequency("0 9 * * 1-5");
if (described.valid) void described.description.length;

// Adobe.
const adobe = validateAdobeSubscription(
  {
    customerId: "P1005053489",
    body: { offerId: "65304470CA01012", autoRenewal: { enabled: true, renewalQuantity: 100, renewalCode: "MOQ_100" } },
    headers: new Headers({ "X-Correlation-Id": "c" }),
    today: "2025-04-04",
    anniversaryDate: "2025-04-25",
  },
  { licenseType: "team" },
);
const adobeCode: string | null | undefined = adobe.errors[0]?.code;
void adobeCode;
buildAdobeSubscription(
  {
    customerId: "P1005053489",
    offerId: "65304470CA01012",
    // @ts-expect-error enabled may only be true on create
    autoRenewal: { enabled: false, renewalQuantity: 1 },
    today: "2025-04-04",
    anniversaryDate: "2025-04-25",
  },
  { accessToken: "t", apiKey: "k", generateCorrelationId: true },
);
// @ts-expect-error renewalCode is one of the documented codes
const badCode: Parameters<typeof validateAdobeSubscription>[0]["body"]["autoRenewal"]["renewalCode"] = "MOQ_200";
void badCode;

// Every error has the same core fields; schemas are Standard Schema v1; locales are modules.
import { schema, adobeSchema, flatten, setLocale, registerLocale } from "subkit";
import it from "subkit/locales/it";
const orderSchema = schema("order_subscriptions", { locale: it });
const std = orderSchema["~standard"].validate({});
if (std.issues) {
  const firstPath: ReadonlyArray<string | number> = std.issues[0].path;
  void firstPath;
}
const checked = orderSchema.validate({ frequency: "monthly" });
if (!checked.valid) {
  const { path, pointer, rule, message } = checked.errors[0];
  void [path, pointer, rule, message];
}
const { fieldErrors } = flatten(adobeSchema().validateField({}, "autoRenewal.renewalQuantity"));
void fieldErrors;
registerLocale(it);
setLocale("it-CH", { messages: { required: "Obbligatorio" } });
// @ts-expect-error hourCycle is "h12" or "h23"
setLocale("it", { hourCycle: "h24" });
const adobeErrors = buildAdobeSubscription({ customerId: "P1", offerId: "1", autoRenewal: { renewalQuantity: 1 }, today: "", anniversaryDate: "" },
  { accessToken: "t", apiKey: "k", locale: "de" }).errors;
const adobeOwn: string | undefined = adobeErrors[0]?.adobe.message;
void adobeOwn;

// Adobe's update: the id in the path, the same error fields, a schema for the form.
import { validateAdobeSubscriptionUpdate, buildAdobeSubscriptionUpdate, adobeUpdateSchema } from "subkit";
const update = buildAdobeSubscriptionUpdate(
  { customerId: "P1005053489", subscriptionId: "a5be9b5eb34a4cb8a8c1bd2b3e4d3fNA", autoRenewal: { enabled: false } },
  { accessToken: "t", apiKey: "k", correlationId: "c", locale: "it" },
);
if (update.valid) {
  const method: "PATCH" = update.request.method;
  void method;
} else {
  const { path, pointer, rule, message } = update.errors[0];
  void [path, pointer, rule, message];
}
const checkedUpdate = validateAdobeSubscriptionUpdate({ customerId: "P1", subscriptionId: "S1", body: {}, headers: {} });
void checkedUpdate.warnings;
void adobeUpdateSchema()["~standard"].validate({});

// Commerce Layer updates: only updatable members and triggers type-check.
import { validateUpdate, buildUpdate, buildUpdateRequest, updateSchema } from "subkit";
const pause = buildUpdate("order_subscriptions", "BkMdJFGdjX", { _deactivate: true }, { current: { status: "active" } });
if (pause.valid) {
  const id: string = pause.document.data.id;
  void id;
}
// @ts-expect-error starts_at is creatable only
buildUpdate("order_subscriptions", "BkMdJFGdjX", { starts_at: "2018-01-01T12:00:00.000Z" });
// @ts-expect-error a status the schema does not list
buildUpdate("order_subscriptions", "BkMdJFGdjX", { _cancel: true }, { current: { status: "paused" } });
const patch = buildUpdateRequest("order_subscription_items", "x1", { quantity: 2 }, { organization: "yourdomain", accessToken: "t" });
if (patch.valid) {
  const method: "PATCH" = patch.request.method;
  void method;
}
void validateUpdate("customer_subscriptions", "x1", "{}").valid;
void updateSchema("subscription_models", "x1")["~standard"].validate({});

// A Worker: a body forwarded in one call, or the server's own answer.
declare const body: Uint8Array;
const forwarded = documentRequest("order_subscriptions", body, { baseUrl: "https://x.commercelayer.io", accessToken: "t" });
if (forwarded.valid) {
  const method: "POST" = forwarded.request.method;
  void method;
} else {
  const refused: ServerAnswer | null = serverError(forwarded);
  if (refused !== null) {
    const init: ResponseInit = refused;
    void new Response(refused.body, init);
  }
}
const patched = documentUpdateRequest("order_subscriptions", "BkMdJFGdjX", "{}", { organization: "x", accessToken: "t" });
if (patched.valid) {
  const method: "PATCH" = patched.request.method;
  void method;
}
serverError(validateAdobeSubscription("{}"));
// @ts-expect-error accessToken is required to forward
documentRequest("order_subscriptions", "{}", { organization: "x" });
// @ts-expect-error serverError reads a result, not its text
serverError("{}");

// A form whose date-time fields are datetime-local inputs, in the shopper's zone.
import { schema as formSchema } from "subkit";
formSchema("order_subscriptions", { timeZone: "Europe/Rome", withDefaults: true });
// @ts-expect-error a time zone is its name
formSchema("order_subscriptions", { timeZone: 60 });

// Every schema object is a Standard JSON Schema as the spec's own types define it, and
// a Standard Schema too.
import type { StandardJSONSchemaV1 as SpecJsonSchema, StandardSchemaV1 as SpecSchema } from "@standard-schema/spec";
import { jsonSchema, jsonSchemaCoverage } from "subkit";
const jsonSchemas: SpecJsonSchema[] = [
  schema("order_subscriptions"),
  updateSchema("order_subscriptions", "BkMdJFGdjX"),
  adobeSchema(),
  adobeUpdateSchema(),
];
const standardSchemas: SpecSchema[] = [schema("order_subscription_items"), adobeSchema()];
const draft07: Record<string, unknown> = jsonSchemas[0]["~standard"].jsonSchema.input({ target: "draft-07" });
void schema("subscription_models")["~standard"].jsonSchema.output({ target: "openapi-3.0" });
void [standardSchemas, draft07];
const adobeBodySchema: Record<string, unknown> = jsonSchema("adobe", { operation: "update", target: "draft-2020-12" });
void [adobeBodySchema, jsonSchema("order_subscriptions", { input: true })];
const carried: "fully" | "partly" | "not" = jsonSchemaCoverage()[0].carried;
void carried;
// @ts-expect-error a subject is a resource name or "adobe"
jsonSchema("orders");
// @ts-expect-error the operations are create and update
jsonSchema("adobe", { operation: "delete" });
// @ts-expect-error a target is text
schema("order_subscriptions")["~standard"].jsonSchema.input({ target: 7 });
