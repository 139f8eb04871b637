// Two real form pages for order subscriptions, typed under strict TypeScript
// (tsconfig.forms.json, no casts) and run in Chromium (tests/runtimes/bundlers.test.mjs
// bundles this file with esbuild and fills the forms): TanStack Form and react-hook-form,
// each with subkit's schema, datetime-local inputs read in the form's zone, and empty
// optional fields. Lines under an expect-error directive must NOT compile.
import { useState } from "react";
import { createRoot } from "react-dom/client";
import { useForm } from "@tanstack/react-form";
import { useForm as useHookForm } from "react-hook-form";
import { standardSchemaResolver } from "@hookform/resolvers/standard-schema";
import { schema, updateSchema, adobeSchema } from "subkit";

// What the form's inputs hold: text, as <input> gives it ("" when empty).
const orderValues = { frequency: "", starts_at: "", expires_at: "", reference: "", source_order: "" };
type Field = keyof typeof orderValues;
const FIELDS: { name: Field; type: string }[] = [
  { name: "frequency", type: "text" },
  { name: "starts_at", type: "datetime-local" },
  { name: "expires_at", type: "datetime-local" },
  { name: "reference", type: "text" },
  { name: "source_order", type: "text" },
];
const ZONE = { timeZone: "Europe/Rome" };

export function TanStackOrder() {
  const [sent, setSent] = useState("");
  const form = useForm({
    defaultValues: orderValues,
    validators: { onChange: schema("order_subscriptions", ZONE), onSubmit: schema("order_subscriptions", ZONE) },
    onSubmit: ({ value }) => setSent(JSON.stringify(value)),
  });
  return (
    <form id="tanstack" onSubmit={(e) => { e.preventDefault(); void form.handleSubmit(); }}>
      {FIELDS.map(({ name, type }) => (
        <form.Field key={name} name={name}>
          {(field) => (
            <p>
              <input id={`tanstack-${name}`} type={type} value={field.state.value} onChange={(e) => field.handleChange(e.target.value)} />
              <span id={`tanstack-${name}-error`}>{field.state.meta.errors.map((issue) => issue?.message).join(" ")}</span>
            </p>
          )}
        </form.Field>
      ))}
      <button id="tanstack-submit" type="submit">Send</button>
      <pre id="tanstack-sent">{sent}</pre>
    </form>
  );
}

export function HookFormOrder() {
  const [sent, setSent] = useState("");
  const { register, handleSubmit, formState } = useHookForm({
    defaultValues: orderValues,
    resolver: standardSchemaResolver(schema("order_subscriptions", ZONE)),
  });
  const message: string | undefined = formState.errors.source_order?.message;
  void message;
  return (
    <form id="rhf" onSubmit={handleSubmit((value) => setSent(JSON.stringify(value)))}>
      {FIELDS.map(({ name, type }) => (
        <p key={name}>
          <input id={`rhf-${name}`} type={type} {...register(name)} />
          <span id={`rhf-${name}-error`}>{formState.errors[name]?.message}</span>
        </p>
      ))}
      <button id="rhf-submit" type="submit">Send</button>
      <pre id="rhf-sent">{sent}</pre>
    </form>
  );
}

// Typed only: an update form and Adobe's nested fields.
export function TanStackUpdate() {
  const form = useForm({
    defaultValues: { frequency: "", _deactivate: false },
    validators: { onSubmit: updateSchema("order_subscriptions", "BkMdJFGdjX") },
  });
  return <form.Field name="frequency">{(field) => <span>{field.state.meta.errors[0]?.message}</span>}</form.Field>;
}

export function HookFormAdobe() {
  const { formState } = useHookForm({
    defaultValues: { customerId: "", offerId: "", today: "", anniversaryDate: "", autoRenewal: { enabled: true, renewalQuantity: 1 } },
    resolver: standardSchemaResolver(adobeSchema()),
  });
  return <span>{formState.errors.autoRenewal?.renewalQuantity?.message}</span>;
}

// The form's own type still holds: a field it does not have is refused.
export function Misspelt() {
  const form = useForm({ defaultValues: orderValues, validators: { onChange: schema("order_subscriptions") } });
  const { register } = useHookForm({ defaultValues: orderValues, resolver: standardSchemaResolver(schema("order_subscriptions")) });
  // @ts-expect-error no such field in the form
  void register("sorce_order");
  // @ts-expect-error no such field in the form
  return <form.Field name="sorce_order">{() => null}</form.Field>;
}

// The schema's own results are the resource's input, typed.
const checked = schema("order_subscriptions").validate({});
if (checked.valid) {
  const order: string | { type: "orders"; id: string } = checked.value.source_order;
  void order;
}

const root = typeof document === "undefined" ? null : document.getElementById("root");
if (root) {
  createRoot(root).render(<><TanStackOrder /><HookFormOrder /></>);
  root.dataset.ready = "true";
}
