// What every app shows: answers computed by subkit, which the test compares with known
// facts. `subkit` is the module namespace the app imported.
export function answers(subkit) {
  const { validateResource, nextRuns, parseFrequency } = subkit;
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

export function show(subkit) {
  document.getElementById("out").textContent = JSON.stringify(answers(subkit));
}
