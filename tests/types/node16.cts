// Typed usage from a CommonJS module under `"module": "node16"` (tsconfig.node16.json):
// the "node" + "require" condition, whose types are index.d.cts. With index.d.ts (an ES
// module in this "type": "module" package) both imports below fail: TS1479 and TS1471.
// Lines under an expect-error directive must NOT compile.
import { init, validateResource, buildResource, parseFrequency } from "subkit";
import subkit = require("subkit");
// @ts-expect-error markReady is internal to the entry points
import { markReady } from "subkit";
void markReady;

async function main(): Promise<void> {
  // Already instantiated on require; init resolves at once.
  const ready: Promise<void> = subkit.init();
  await ready;
  await init();
  // @ts-expect-error a number is no source of a module
  await init(42);
}
void main;

const v = subkit.validateResource("customer_subscriptions", { data: {} });
if (!v.valid) {
  const status: 400 | 401 | 422 = v.status;
  void status;
}
// @ts-expect-error an unknown resource name
validateResource("orders", {});
// @ts-expect-error the flat input of another resource
buildResource("customer_subscriptions", { frequency: "monthly", source_order: "QWERtyUpBa" });

const built = buildResource("subscription_models", { name: "M", frequencies: ["monthly"] });
// @ts-expect-error document is null unless valid
built.document.data.attributes.name;
if (built.valid) {
  const name: string = built.document.data.attributes.name;
  void name;
}

const parsed = parseFrequency("10 * * * *");
if (parsed.valid) {
  const normalized: string = parsed.normalized;
  void normalized;
}
