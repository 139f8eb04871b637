// Typed usage from an ES module under `"module": "node16"` (tsconfig.node16.json): the
// "node" + "import" condition, whose types are index.d.ts.
// Lines under an expect-error directive must NOT compile.
import { init, validateResource, buildResource, nextRuns } from "subkit";
import * as subkit from "subkit";
// @ts-expect-error markReady is internal to the entry points
import { markReady } from "subkit";
void markReady;

await init();
// @ts-expect-error a number is no source of a module
await init(42);

// @ts-expect-error an unknown resource name
validateResource("orders", {});

const built = buildResource("order_subscriptions", { frequency: "monthly", source_order: "QWERtyUpBa" });
// @ts-expect-error document is null unless valid
built.document.data.relationships.source_order;
if (built.valid) {
  const id: string = built.document.data.relationships.source_order.data.id;
  void id;
}

const runs = subkit.nextRuns === nextRuns ? nextRuns("monthly", { startsAt: "2018-01-31T12:00:00.000Z" }) : null;
if (runs?.valid) {
  const first: string | undefined = runs.runs[0];
  void first;
}
