// A tiny storefront script: imports subkit the way an app does and shows answers.
import { validateResource, nextRuns, parseFrequency } from "subkit";

export function answers() {
  return {
    valid: validateResource("customer_subscriptions", {
      data: { type: "customer_subscriptions", attributes: { customer_email: "john@example.com", reference: "R1" } },
    }).valid,
    pointer: validateResource("customer_subscriptions", { data: { type: "customer_subscriptions", attributes: { reference: "R1" } } })
      .errors[0].source.pointer,
    runs: nextRuns("monthly", { startsAt: "2018-01-31T12:00:00.000Z", count: 3 }).runs,
    hourRule: parseFrequency("*/5 * * * *").commerceLayer.errors[0].code,
  };
}

document.getElementById("out").textContent = JSON.stringify(answers());
