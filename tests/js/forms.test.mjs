// subkit's Standard Schemas in the form libraries that read them, used as those
// libraries use a validator: TanStack Form's FormApi and FieldApi (form-level
// validators, fields mapped by the issues' paths), and react-hook-form's
// standardSchemaResolver called with the arguments react-hook-form passes it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { FormApi, FieldApi } from "@tanstack/form-core";
import { standardSchemaResolver } from "@hookform/resolvers/standard-schema";
import { schema, updateSchema, adobeSchema, buildResource, buildAdobeSubscription, flatten } from "subkit";
import it from "subkit/locales/it";
import de from "subkit/locales/de";

const ORDER = { frequency: "monthly", starts_at: "2018-01-01T12:00:00.000Z", source_order: "QWERtyUpBa" };
const ADOBE = {
  customerId: "P1005053489",
  offerId: "65304470CA01012",
  autoRenewal: { enabled: true, renewalQuantity: 100 },
  today: "2025-04-04",
  anniversaryDate: "2025-04-25",
};

// What react-hook-form passes a resolver (useForm's defaults: no native validation,
// first error per field).
function resolverOptions(names) {
  return { fields: Object.fromEntries(names.map((n) => [n, { ref: { name: n }, name: n }])), shouldUseNativeValidation: false, criteriaMode: "firstError", names: undefined };
}

test("the schema object is Standard Schema v1", () => {
  for (const s of [schema("order_subscriptions"), schema("customer_subscriptions"), schema("subscription_models"), adobeSchema()]) {
    const std = s["~standard"];
    assert.equal(std.version, 1);
    assert.equal(std.vendor, "subkit");
    assert.equal(typeof std.validate, "function");
  }
});

test("a valid input is the schema's value; issues carry the form field's path and a message", () => {
  const s = schema("order_subscriptions");
  assert.deepEqual(s["~standard"].validate(ORDER), { value: ORDER });
  const { issues } = s["~standard"].validate({ frequency: "*/5 * * * *", starts_at: "2018-01-01T12:00:00.000Z" });
  assert.deepEqual(issues.map((i) => i.path), [["frequency"], ["source_order"]]);
  for (const issue of issues) assert.ok(issue.message.length > 0);
  // The same errors buildResource reports, in the same words.
  const built = buildResource("order_subscriptions", { frequency: "*/5 * * * *", starts_at: "2018-01-01T12:00:00.000Z" });
  assert.deepEqual(issues.map((i) => i.message), built.errors.map((e) => e.message));
});

test("react-hook-form's standardSchemaResolver: errors by field name, values on success", async () => {
  const resolver = standardSchemaResolver(schema("order_subscriptions", { locale: it }));
  const names = ["frequency", "starts_at", "source_order"];
  const bad = await resolver({ frequency: "monthly", activate_by_source_order: false }, undefined, resolverOptions(names));
  assert.deepEqual(bad.values, {});
  assert.deepEqual(Object.keys(bad.errors).sort(), ["source_order", "starts_at"]);
  assert.equal(bad.errors.source_order.message, "Questo campo è obbligatorio.");
  assert.equal(bad.errors.source_order.ref.name, "source_order");
  const good = await resolver(ORDER, undefined, resolverOptions(names));
  assert.deepEqual(good, { values: ORDER, errors: {} });
});

test("react-hook-form's resolver nests Adobe's errors as react-hook-form names nested fields", async () => {
  const resolver = standardSchemaResolver(adobeSchema({ locale: de }));
  const out = await resolver({ ...ADOBE, autoRenewal: { enabled: true, renewalQuantity: 0 } }, undefined, resolverOptions(["autoRenewal.renewalQuantity"]));
  assert.deepEqual(Object.keys(out.errors), ["autoRenewal"]);
  assert.equal(typeof out.errors.autoRenewal.renewalQuantity.message, "string");
  const direct = buildAdobeSubscription({ ...ADOBE, autoRenewal: { enabled: true, renewalQuantity: 0 } }, { locale: de, accessToken: "t", apiKey: "k", correlationId: "c" });
  assert.equal(out.errors.autoRenewal.renewalQuantity.message, direct.errors[0].message);
  assert.deepEqual(direct.errors[0].path, ["autoRenewal", "renewalQuantity"]);
});

test("TanStack Form: form-level schema, errors land on the fields their path names", async () => {
  let submitted = null;
  const form = new FormApi({
    defaultValues: { customer_email: "", reference: "" },
    validators: { onChange: schema("customer_subscriptions"), onSubmit: schema("customer_subscriptions") },
    onSubmit: ({ value }) => {
      submitted = value;
    },
  });
  form.mount();
  const email = new FieldApi({ form, name: "customer_email" });
  const reference = new FieldApi({ form, name: "reference" });
  email.mount();
  reference.mount();

  email.handleChange("john@");
  const emailErrors = form.state.fieldMeta.customer_email.errors;
  assert.equal(emailErrors.length, 1);
  assert.equal(emailErrors[0].path.join("."), "customer_email");
  assert.ok(emailErrors[0].message.length > 0);

  await form.handleSubmit();
  assert.equal(submitted, null);
  assert.equal(form.state.fieldMeta.reference.errors.length, 1);

  email.handleChange("john@example.com");
  reference.handleChange("R1");
  await form.handleSubmit();
  assert.deepEqual(submitted, { customer_email: "john@example.com", reference: "R1" });
  assert.deepEqual(form.state.fieldMeta.customer_email.errors, []);
});

test("TanStack Form: a field validated in the context of the others, reported only once touched", () => {
  const s = schema("order_subscriptions");
  const form = new FormApi({ defaultValues: { frequency: "", starts_at: "", source_order: "", activate_by_source_order: false } });
  form.mount();
  const fieldValidator = (name) => ({ onChange: ({ fieldApi }) => s.validateField(fieldApi.form.state.values, name).errors[0]?.message });
  const startsAt = new FieldApi({ form, name: "starts_at", validators: fieldValidator("starts_at") });
  const frequency = new FieldApi({ form, name: "frequency", validators: fieldValidator("frequency") });
  startsAt.mount();
  frequency.mount();
  frequency.handleChange("*/5 * * * *");
  // The frequency is wrong; starts_at, untouched, is not reported although it is missing.
  assert.equal(frequency.state.meta.errors.length, 1);
  assert.deepEqual(startsAt.state.meta.errors, []);
  assert.equal(startsAt.state.meta.isTouched, false);
  // starts_at is required because activate_by_source_order is false: the context.
  startsAt.handleChange("");
  assert.equal(startsAt.state.meta.errors.length, 1);
});

test("validateField and flatten", () => {
  const s = schema("order_subscriptions");
  const values = { frequency: "*/5 * * * *", activate_by_source_order: false, tags: ["t1", 5] };
  assert.deepEqual(s.validateField(values, "source_order").errors.map((e) => e.pointer), ["/data/relationships/source_order"]);
  assert.deepEqual(s.validateField(values, ["tags"]).errors.map((e) => e.path), [["tags", 1]]);
  assert.deepEqual(s.validateField({ ...values, frequency: "monthly" }, "frequency"), { valid: true, errors: [] });
  const { formErrors, fieldErrors } = flatten(s.validate(values));
  assert.deepEqual(formErrors, []);
  assert.deepEqual(Object.keys(fieldErrors).sort(), ["frequency", "source_order", "starts_at", "tags.1"]);
  assert.equal(Object.getPrototypeOf(fieldErrors), null);
});

test("values that are not an object of fields are one issue about the whole input, never a throw", () => {
  for (const s of [schema("customer_subscriptions", { locale: it }), adobeSchema({ locale: it })]) {
    for (const values of [undefined, null, 42, "text", [], new Map(), new Uint8Array(2), 10n]) {
      const { issues } = s["~standard"].validate(values);
      assert.equal(issues.length, 1, String(values));
      assert.deepEqual(issues[0].path, []);
      assert.equal(issues[0].message, "Inserisci un valore valido.");
    }
    const cyclic = {};
    cyclic.self = cyclic;
    assert.equal(s["~standard"].validate(cyclic).issues.length, 1);
  }
});

// Form libraries hand over "" for every empty text input (react-hook-form's register,
// TanStack Form's default values): the schemas read it as an absent field.
test("a form's empty or blank text field is absent: fine when optional, required when required", () => {
  const orders = schema("order_subscriptions");
  const filled = { frequency: "monthly", source_order: "QWERtyUpBa" };
  const empty = { ...filled, starts_at: "", expires_at: "  ", reference: "", reference_origin: "\t", market: "" };
  assert.deepEqual(orders["~standard"].validate(empty), { value: filled });
  assert.deepEqual(orders.validate(empty), { valid: true, errors: [], value: filled });
  // Required ones are "required", not "invalid".
  const blankRequired = orders["~standard"].validate({ frequency: "", source_order: " ", starts_at: "" });
  assert.deepEqual(blankRequired.issues, [
    { message: "This field is required.", path: ["frequency"] },
    { message: "This field is required.", path: ["source_order"] },
  ]);
  // starts_at is required when activate_by_source_order is false, empty or not.
  assert.deepEqual(orders.validate({ ...filled, activate_by_source_order: false, starts_at: "" }).errors.map((e) => [e.path, e.rule]),
    [[["starts_at"], "required"]]);
  assert.deepEqual(orders.validateField({ ...filled, starts_at: "" }, "starts_at"), { valid: true, errors: [] });
  // Nested fields too (Adobe's autoRenewal), and a key named __proto__ stays a member.
  const adobe = adobeSchema().validate({ customerId: "P1005053489", offerId: "65304470CA01012", today: "2025-04-04",
    anniversaryDate: "2025-04-25", autoRenewal: { enabled: true, renewalQuantity: 100, renewalCode: "" } });
  assert.equal(adobe.valid, true, JSON.stringify(adobe.errors));
  assert.deepEqual(adobe.value.autoRenewal, { enabled: true, renewalQuantity: 100 });
  const proto = JSON.parse('{"frequency":"monthly","source_order":"QWERtyUpBa","reference":"","__proto__":"x"}');
  assert.deepEqual(orders.validate(proto).errors.map((e) => e.path), [["__proto__"]]);
  // The document functions keep the server's reading: "" is a value there.
  assert.equal(buildResource("order_subscriptions", { ...filled, starts_at: "" }).errors[0].rule, "format");
});

// <input type="datetime-local"> gives a local time with no offset. With the zone the
// form is in, the schema reads it there: Rome is UTC+1 in January and UTC+2 in July (its
// summer time, from the last Sunday of March to the last Sunday of October), New York
// UTC-5 in January.
test("timeZone: a datetime-local value is read in the form's zone and becomes the UTC instant", () => {
  const base = { frequency: "monthly", source_order: "QWERtyUpBa" };
  const rome = schema("order_subscriptions", { timeZone: "Europe/Rome" });
  const at = (s, starts_at) => s.validate({ ...base, starts_at }).value?.starts_at;
  assert.equal(at(rome, "2025-01-01T12:00"), "2025-01-01T11:00:00.000Z");
  assert.equal(at(rome, "2025-07-01T12:00"), "2025-07-01T10:00:00.000Z");
  assert.equal(at(rome, "2025-07-01T12:00:30"), "2025-07-01T10:00:30.000Z");
  // Rome's clocks went from 02:00 to 03:00 on 30 March 2025 and back from 03:00 to 02:00
  // on 26 October: a skipped 02:30 moves by the change (03:30 CEST), a repeated one is the
  // second, in CET.
  assert.equal(at(rome, "2025-03-30T02:30"), "2025-03-30T01:30:00.000Z");
  assert.equal(at(rome, "2025-10-26T02:30"), "2025-10-26T01:30:00.000Z");
  assert.equal(at(schema("order_subscriptions", { timeZone: "America/New_York" }), "2025-01-01T12:00"), "2025-01-01T17:00:00.000Z");
  assert.equal(at(schema("order_subscriptions", { timeZone: "UTC" }), "2025-01-01T12:00"), "2025-01-01T12:00:00.000Z");
  // A value with its offset is taken as it is; one that is no date is left to the rule.
  assert.equal(at(rome, "2025-01-01T12:00:00+05:00"), "2025-01-01T12:00:00+05:00");
  assert.deepEqual(rome.validate({ ...base, starts_at: "2025-02-30T12:00" }).errors.map((e) => [e.path, e.rule]), [[["starts_at"], "format"]]);
  // Without a zone, a local time is no instant, and the message shows the form wanted.
  const plain = schema("order_subscriptions").validate({ ...base, starts_at: "2025-01-01T12:00" });
  assert.equal(plain.errors[0].message, "Enter a valid date and time, such as 2025-01-01T12:00:00Z.");
  // The update form too, and a zone that does not exist is misuse.
  assert.deepEqual(updateSchema("order_subscriptions", "x", { timeZone: "Europe/Rome" }).validate({ expires_at: "2025-12-31T23:59" }).value,
    { expires_at: "2025-12-31T22:59:00.000Z" });
  assert.throws(() => schema("order_subscriptions", { timeZone: "Mars/Olympus" }), /timeZone must be an IANA time zone name/);
  assert.throws(() => schema("order_subscriptions", { timeZone: "Europe/Rome", withDefault: true }), /unknown option "withDefault"/);
});
