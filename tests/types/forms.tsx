// Real form libraries' inference against subkit's schemas, under strict TypeScript
// (tsconfig.forms.json): TanStack Form's and react-hook-form's useForm for
// order_subscriptions, whose relationships take an id or { type, id } and whose fields a
// form holds as text. No casts. Lines under an expect-error directive must NOT compile.
import { useForm } from "@tanstack/react-form";
import { useForm as useHookForm } from "react-hook-form";
import { standardSchemaResolver } from "@hookform/resolvers/standard-schema";
import { schema, updateSchema, adobeSchema } from "subkit";

// What the form's inputs hold: text, as <input> gives it ("" when empty).
const orderValues = { frequency: "", starts_at: "", expires_at: "", reference: "", source_order: "", market: "" };

export function TanStackOrder() {
  const form = useForm({
    defaultValues: orderValues,
    validators: { onChange: schema("order_subscriptions", { timeZone: "Europe/Rome" }) },
  });
  return (
    <form.Field name="starts_at">
      {(field) => (
        <p>
          {field.state.value}
          {field.state.meta.errors.map((issue) => issue?.message).join(" ")}
        </p>
      )}
    </form.Field>
  );
}

export function TanStackUpdate() {
  const form = useForm({
    defaultValues: { frequency: "", _deactivate: false },
    validators: { onSubmit: updateSchema("order_subscriptions", "BkMdJFGdjX") },
  });
  return <form.Field name="frequency">{(field) => <span>{field.state.meta.errors[0]?.message}</span>}</form.Field>;
}

export function HookFormOrder() {
  const { register, formState } = useHookForm({
    defaultValues: orderValues,
    resolver: standardSchemaResolver(schema("order_subscriptions")),
  });
  const message: string | undefined = formState.errors.source_order?.message;
  // @ts-expect-error the form has no such field
  void formState.errors.sorce_order;
  return <input {...register("starts_at")} title={message} />;
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
