// The demo page in headless Chromium, used the way a person uses it: typing, clicking,
// and the keyboard. Screenshots (desktop and phone width) go to test-artifacts/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/serve.mjs";
import { WORDS, textIn } from "../../www/js/words.js";

const ARTIFACTS = new URL("../../test-artifacts/", import.meta.url);
const shot = (name) => new URL(name, ARTIFACTS).pathname;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// Without the background-networking flags Chromium keeps dialling out, which this
// closed network refuses.
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
  "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

let server, browser, context, page;
const problems = [];

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer({ port: 0 });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  // Offline after load: the page needs nothing from the network but its own files.
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") problems.push(m.text()); });
  page.on("pageerror", (e) => problems.push(String(e)));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto(server.url);
  await page.waitForSelector("body[data-ready=true]", { timeout: 15000 });
  await context.setOffline(true);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const text = (selector) => page.textContent(selector);

// A fresh page: nothing touched, nothing submitted. The network is back on only while
// the page's own files load, as in before().
async function reload() {
  await context.setOffline(false);
  await page.reload();
  await page.waitForSelector("body[data-ready=true]", { timeout: 15000 });
  await context.setOffline(true);
}

// What the library itself answers in the page for `fn(...args)`: the same module the
// page imported, so the test holds the page to the library's words without copying them.
const inPage = (fn, ...args) =>
  page.evaluate(async ([fn, args]) => (await import("./vendor/subkit/index.js"))[fn](...args), [fn, args]);

test("Commerce Layer: an invalid e-mail shows its error at the field, and fixing it clears it", async () => {
  await page.fill("#cl-reference", "ANY-EXTERNAL-REFEFERNCE");
  await page.click("#cl-customer_email");
  await page.keyboard.type("john@");
  assert.equal(await text("#cl-customer_email-error"), "Enter a valid email address.");
  assert.equal(await page.getAttribute("#cl-customer_email", "aria-invalid"), "true");
  assert.match(await text("#cl-status"), /422/);
  assert.match(await text("#cl-errors"), /"pointer": "\/data\/attributes\/customer_email"/);
  await page.screenshot({ path: shot("demo-invalid-email.png"), fullPage: true });
  await page.keyboard.type("example.com");
  assert.equal(await text("#cl-customer_email-error"), "");
  assert.equal(await page.getAttribute("#cl-customer_email", "aria-invalid"), "false");
  assert.match(await text("#cl-status"), /^Valid/);
});

test("Commerce Layer: the form and the JSON document stay in sync both ways", async () => {
  const doc = JSON.parse(await page.inputValue("#cl-json"));
  assert.deepEqual(doc.data.attributes, { customer_email: "john@example.com", reference: "ANY-EXTERNAL-REFEFERNCE" });
  doc.data.attributes.reference_origin = "shop";
  await page.fill("#cl-json", JSON.stringify(doc));
  assert.equal(await page.inputValue("#cl-reference_origin"), "shop");
});

test("Commerce Layer: a valid document shows fetch and curl snippets with the token masked", async () => {
  assert.equal(await page.isVisible("#cl-snippets"), true);
  const curl = await text("#cl-curl");
  assert.match(curl, /curl -g -X POST 'https:\/\/yourdomain\.commercelayer\.io\/api\/customer_subscriptions'/);
  assert.match(curl, /Bearer \$CL_ACCESS_TOKEN/);
  assert.match(await text("#cl-fetch"), /Authorization: `Bearer \$\{CL_ACCESS_TOKEN\}`/);
});

test("Commerce Layer: each resource's docs example loads valid", async () => {
  // Every resource of the spec has its option and its form.
  assert.deepEqual(await page.$$eval("#cl-resource option", (os) => os.map((o) => o.value)),
    ["customer_subscriptions", "order_subscriptions", "subscription_models", "order_subscription_items"]);
  for (const resource of ["customer_subscriptions", "order_subscriptions", "subscription_models", "order_subscription_items"]) {
    await page.selectOption("#cl-resource", resource);
    await page.click("#cl-load-seed");
    assert.match(await text("#cl-status"), /^Valid/, resource);
  }
  // A create form's empty choice is the documented default.
  await page.selectOption("#cl-resource", "subscription_models");
  assert.equal(await page.$eval("#cl-strategy option", (o) => o.textContent), "(default: by_frequency)");
  await page.selectOption("#cl-resource", "subscription_models");
  await page.click("#cl-load-seed");
  assert.equal(await page.inputValue("#cl-frequencies"), "hourly\n10 * * * *\nweekly\nmonthly\ntwo-month");
  await page.fill("#cl-frequencies", "hourly\n*/5 * * * *");
  assert.equal(await text("#cl-frequencies-error"), "This runs 12 times an hour; choose at most once an hour.");
  // The developers' view keeps the server's own words next to the shopper's message.
  assert.match(await text("#cl-errors"), /"title": "is invalid"/);
});

test("each panel shows the JSON Schema of its current form, as the library writes it", async () => {
  await reload();
  const schemaOf = (make, args) => page.evaluate(async ([make, args]) => {
    const subkit = await import("./vendor/subkit/index.js");
    return subkit[make](...args)["~standard"].jsonSchema.output({ target: "draft-2020-12" });
  }, [make, args]);
  for (const resource of ["customer_subscriptions", "order_subscription_items"]) {
    await page.selectOption("#cl-resource", resource);
    await page.click("#cl-schema-box summary");
    assert.deepEqual(JSON.parse(await text("#cl-schema")), await schemaOf("schema", [resource]), resource);
    await page.click("#cl-schema-box summary");
  }
  assert.deepEqual(JSON.parse(await text("#adobe-schema")), await schemaOf("adobeSchema", []));
  await page.check("#adobe-mode-update");
  assert.deepEqual(JSON.parse(await text("#adobe-schema")), await schemaOf("adobeUpdateSchema", []));
  await reload();
});

test("Frequencies: */5 * * * * shows Commerce Layer's hour rule, underlined", async () => {
  await page.fill("#freq-input", "*/5 * * * *");
  assert.equal(await text("#freq-description"), "Every 5 minutes");
  assert.match(await text("#freq-verdict"), /runs 12 times an hour; choose at most once an hour/);
  assert.equal(await text("#freq-mirror mark"), "*/5");
});

test("Frequencies: a bad expression is underlined at the span the error names", async () => {
  await page.fill("#freq-input", "0 61 * * *");
  assert.equal(await text("#freq-mirror mark"), "61");
  assert.match(await text("#freq-error"), /Hour: 61 is not between 0 and 23/);
  assert.equal(await page.getAttribute("#freq-input", "aria-invalid"), "true");
});

test("Frequencies: monthly from 2018-01-31 lists Feb 28 and Mar 31, and the expiry cuts runs off", async () => {
  await page.fill("#freq-input", "monthly");
  await page.fill("#freq-start", "2018-01-31T12:00");
  const runs = await page.$$eval("#freq-runs time", (els) => els.map((e) => e.dateTime));
  assert.deepEqual(runs.slice(0, 3), ["2018-01-31T12:00:00.000Z", "2018-02-28T12:00:00.000Z", "2018-03-31T12:00:00.000Z"]);
  assert.equal(await page.$$eval("#freq-timeline circle", (c) => c.length), runs.length);
  await page.fill("#freq-expires", "2018-03-31T12:00");
  const cut = await page.$$eval("#freq-runs time", (els) => els.map((e) => e.dateTime));
  assert.deepEqual(cut, ["2018-01-31T12:00:00.000Z", "2018-02-28T12:00:00.000Z"]);
  assert.match(await text("#freq-description"), /day 31 at 12:00/);
});

test("Adobe: the docs example loads valid, and an out-of-window date is marked", async () => {
  await page.click("#adobe-load-seed");
  assert.match(await text("#adobe-status"), /^Valid/);
  assert.equal(await page.$$eval(".day.today.inside", (d) => d.length), 1);
  // The strip names the months its days are in, where each starts.
  const months = await page.$$eval("#adobe-calendar .month", (m) => m.map((e) => e.textContent));
  assert.ok(months.length >= 2 && months.every((m) => /^[A-Z][a-z]+$/.test(m)), JSON.stringify(months));
  const anniversary = await page.inputValue("#adobe-anniversaryDate");
  const twoDaysBefore = new Date(Date.parse(`${anniversary}T00:00:00Z`) - 2 * 86_400_000).toISOString().slice(0, 10);
  await page.fill("#adobe-today", twoDaysBefore);
  assert.equal(await page.$$eval(".day.today.outside", (d) => d.length), 1);
  assert.match(await text("#adobe-window"), /is outside the window/);
  assert.match(await text("#adobe-today-error"), /^This is only possible from \w+ \d+, \d{4} to \w+ \d+, \d{4}\.$/);
  assert.match(await text("#adobe-status"), /^Not valid/);
  await page.screenshot({ path: shot("demo-adobe-window.png"), fullPage: true });
});

test("Adobe: without the correlation id the header field reports Adobe's rule", async () => {
  await page.fill("#adobe-today", await page.inputValue("#adobe-anniversaryDate").then((a) =>
    new Date(Date.parse(`${a}T00:00:00Z`) - 10 * 86_400_000).toISOString().slice(0, 10)));
  await page.fill("#adobe-correlationId", "");
  assert.equal(await text("#adobe-correlationId-error"), "This field is required.");
  assert.match(await text("#adobe-status"), /4119/);
});

test("touched only: a bad value shows its own error, not the other fields'; Check shows them all", async () => {
  await reload();
  // Commerce Layer, order_subscriptions: frequency and source_order are required.
  await page.selectOption("#cl-resource", "order_subscriptions");
  await page.click("#cl-frequency");
  await page.keyboard.type("*/5 * * * *");
  assert.equal(await text("#cl-frequency-error"), "This runs 12 times an hour; choose at most once an hour.");
  assert.equal(await page.getAttribute("#cl-frequency", "aria-invalid"), "true");
  for (const untouched of ["source_order", "starts_at", "reference"]) {
    assert.equal(await text(`#cl-${untouched}-error`), "", untouched);
    assert.equal(await page.getAttribute(`#cl-${untouched}`, "aria-invalid"), "false", untouched);
  }
  // The document view and the server's answer still list every fault.
  assert.match(await text("#cl-errors"), /"pointer": "\/data\/relationships\/source_order"/);

  // Adobe: a bad quantity; customerId and offerId stay quiet until left or submitted.
  await page.click("#adobe-renewalQuantity");
  await page.keyboard.type("0");
  assert.equal(await text("#adobe-renewalQuantity-error"), "Enter a number from 1 to 599,000.");
  for (const untouched of ["customerId", "offerId", "correlationId"]) {
    assert.equal(await text(`#adobe-${untouched}-error`), "", untouched);
  }
  await page.screenshot({ path: shot("demo-touched-only.png"), fullPage: true });

  // Leaving an empty required field touches it, as form libraries' onBlur does.
  await page.click("#adobe-offerId");
  await page.keyboard.press("Tab");
  assert.equal(await text("#adobe-offerId-error"), "This field is required.");
  assert.equal(await text("#adobe-customerId-error"), "");

  await page.click("#cl-check");
  assert.equal(await text("#cl-source_order-error"), "This field is required.");
  assert.equal(await text("#cl-frequency-error"), "This runs 12 times an hour; choose at most once an hour.");
  // Optional fields and starts_at (required only when activate_by_source_order is false) stay clear.
  assert.equal(await text("#cl-starts_at-error"), "");
  assert.equal(await text("#cl-reference-error"), "");
  // The focus goes to the first field with an error, as form libraries do on submit.
  assert.equal(await page.evaluate(() => document.activeElement.id), "cl-frequency");

  await page.click("#adobe-check");
  for (const required of ["customerId", "offerId", "correlationId", "token", "apiKey"]) {
    assert.equal(await text(`#adobe-${required}-error`), "This field is required.", required);
  }
  assert.equal(await text("#adobe-renewalQuantity-error"), "Enter a number from 1 to 599,000.");
  assert.equal(await page.evaluate(() => document.activeElement.id), "adobe-customerId");
  await page.screenshot({ path: shot("demo-check-all.png"), fullPage: true });
});

// The how-to "Updating the subscriptions" (docs/commercelayer.md, Updates): PATCH
// /api/order_subscriptions/BkMdJFGdjX with _deactivate: true pauses an active order
// subscription; docs/commercelayer.md's table refuses _deactivate while cancelled and
// _cancel while cancelled (422 VALIDATION_ERROR, rule transition), allows _cancel while inactive.
test("Commerce Layer update: pause an active order subscription; a status that refuses the trigger says so", async () => {
  await reload();
  await page.check("#cl-mode-update");
  await page.selectOption("#cl-resource", "order_subscriptions");
  // Every resource has its update form.
  assert.deepEqual(await page.$$eval("#cl-resource option:disabled", (os) => os.map((o) => o.value)), []);
  assert.match(await text("#cl-mode-hint"), /^PATCH \/api\/\{resource\}\/\{id\}/);

  await page.fill("#cl-id", "BkMdJFGdjX");
  await page.selectOption("#cl-current_status", "active");
  await page.click("#cl-action-deactivate");
  assert.equal(await page.getAttribute("#cl-action-deactivate", "aria-pressed"), "true");
  assert.deepEqual(JSON.parse(await page.inputValue("#cl-json")),
    { data: { type: "order_subscriptions", id: "BkMdJFGdjX", attributes: { _deactivate: true } } });
  assert.match(await text("#cl-status"), /^Valid/);
  const curl = await text("#cl-curl");
  assert.match(curl, /^curl -g -X PATCH 'https:\/\/yourdomain\.commercelayer\.io\/api\/order_subscriptions\/BkMdJFGdjX' /);
  assert.match(curl, /Bearer \$CL_ACCESS_TOKEN/);
  assert.match(await text("#cl-fetch"), /method: "PATCH"[\s\S]*Authorization: `Bearer \$\{CL_ACCESS_TOKEN\}`/);
  // Touched only: the frequency, not yet touched, shows nothing.
  assert.equal(await text("#cl-frequency-error"), "");

  // The new frequency goes into the same PATCH.
  await page.fill("#cl-frequency", "two-month");
  assert.deepEqual(JSON.parse(await page.inputValue("#cl-json")).data.attributes, { frequency: "two-month", _deactivate: true });
  assert.match(await text("#cl-curl"), /"frequency": "two-month"/);
  await page.fill("#cl-frequency", "*/5 * * * *");
  assert.equal(await text("#cl-frequency-error"), "This runs 12 times an hour; choose at most once an hour.");
  await page.fill("#cl-frequency", "two-month");

  // Cancelled: the pause is refused at the change buttons, and nothing is ready to send.
  await page.selectOption("#cl-current_status", "cancelled");
  const refused = (await inPage("buildUpdate", "order_subscriptions", "BkMdJFGdjX", { _deactivate: true },
    { current: { status: "cancelled" } })).errors[0];
  assert.equal(await text("#cl-action-error"), refused.message);
  assert.equal(await page.getAttribute("#cl-action", "aria-invalid"), "true");
  assert.match(await text("#cl-status"), /422/);
  const [error] = JSON.parse(await text("#cl-errors"));
  assert.deepEqual([error.status, error.code, error.pointer, error.meta.rule, error.meta.trigger, error.meta.status],
    ["422", "VALIDATION_ERROR", "/data/attributes/_deactivate", "transition", "_deactivate", "cancelled"]);
  assert.equal(await page.isVisible("#cl-snippets"), false);
  await page.screenshot({ path: shot("demo-cl-update.png"), fullPage: true });

  // Inactive (paused) may be cancelled: one trigger at a time, the pause is released.
  await page.selectOption("#cl-current_status", "inactive");
  await page.click("#cl-action-cancel");
  assert.equal(await page.getAttribute("#cl-action-deactivate", "aria-pressed"), "false");
  assert.equal(await text("#cl-action-error"), "");
  assert.deepEqual(JSON.parse(await page.inputValue("#cl-json")).data.attributes, { frequency: "two-month", _cancel: true });
  assert.match(await text("#cl-status"), /^Valid/);

  // The language switcher redraws the update's messages: cancelling a cancelled one, in Italian.
  await page.selectOption("#cl-current_status", "cancelled");
  await page.selectOption("#language", "it");
  const italian = (await inPage("buildUpdate", "order_subscriptions", "BkMdJFGdjX", { _cancel: true },
    { current: { status: "cancelled" }, locale: "it" })).errors[0].message;
  assert.equal(await text("#cl-action-error"), italian);
  assert.notEqual(italian, refused.message);
  await page.selectOption("#language", "en");
  assert.equal(await text("#cl-action-error"), refused.message);

  // A blank path id is a 400 at /path/id (docs/commercelayer.md): shown at the id field.
  await page.fill("#cl-id", "");
  const blank = (await inPage("validateUpdate", "order_subscriptions", "", { data: { type: "order_subscriptions", id: "" } })).errors
    .find((e) => e.pointer === "/path/id");
  assert.equal(await text("#cl-id-error"), blank.message);

  // The docs' example in update mode is the how-to's request, on an active subscription.
  await page.click("#cl-load-seed");
  assert.equal(await page.inputValue("#cl-id"), "BkMdJFGdjX");
  assert.equal(await page.inputValue("#cl-current_status"), "active");
  assert.deepEqual(JSON.parse(await page.inputValue("#cl-json")).data.attributes, { _deactivate: true });
  assert.match(await text("#cl-status"), /^Valid/);

  // A fresh update form is quiet until "Check all fields", which shows the blank id and focuses it.
  await page.check("#cl-mode-create");
  await page.check("#cl-mode-update");
  assert.equal(await text("#cl-id-error"), "");
  await page.click("#cl-check");
  assert.equal(await text("#cl-id-error"), blank.message);
  assert.equal(await page.evaluate(() => document.activeElement.id), "cl-id");

  // Back to create: every resource again.
  await page.check("#cl-mode-create");
  assert.deepEqual(await page.$$eval("#cl-resource option:disabled", (os) => os.length), 0);
  assert.equal(await page.isVisible("#cl-id"), false);
});

// docs/adobe.md, "Update a subscription": the update page's subscription id
// cc8efgh8bc4354a4b38006c87804ceNA of customer P1005053489, the docs' headers. A
// flexible discount code needs auto-renewal on (1117, rule const, at
// /body/autoRenewal/enabled); MOQ_250 renews at least 250 (5124); only status 1000 and
// 1009 can be updated (3119 at /subscriptionId).
const ADOBE_UPDATE_HEADERS = {
  "X-Correlation-Id": "3d0c6a52-8f1e-4b7a-9c2d-5e6f7a8b9c0d", "X-Api-Key": "your-api-key",
  Authorization: "Bearer your-ims-access-token", Accept: "application/json", "Content-Type": "application/json",
};
const ADOBE_URL = "https://partners.adobe.io/v3/customers/P1005053489/subscriptions/cc8efgh8bc4354a4b38006c87804ceNA";

test("Adobe update: auto-renewal off is a PATCH of the subscription; the documented refusals show at their fields", async () => {
  await reload();
  await page.check("#adobe-mode-update");
  assert.equal(await page.isVisible("#adobe-offerId"), false);
  // Touched only: a fresh form shows nothing at its fields.
  for (const field of ["customerId", "subscriptionId", "correlationId"]) assert.equal(await text(`#adobe-${field}-error`), "", field);

  await page.click("#adobe-load-seed");
  assert.equal(await page.inputValue("#adobe-subscriptionId"), "cc8efgh8bc4354a4b38006c87804ceNA");
  assert.match(await text("#adobe-status"), /^Valid/);

  // Off with the flexible discount code still there: refused.
  await page.selectOption("#adobe-enabled", "false");
  const refused = await inPage("validateAdobeSubscriptionUpdate", {
    customerId: "P1005053489", subscriptionId: "cc8efgh8bc4354a4b38006c87804ceNA", headers: ADOBE_UPDATE_HEADERS,
    body: { autoRenewal: { enabled: false, renewalQuantity: 7, flexDiscountCodes: ["ABCD-XV54-HG34-78YT"] } },
  });
  assert.equal(await text("#adobe-enabled-error"), refused.errors[0].message);
  assert.match(await text("#adobe-status"), /^Not valid: 1117 /);
  assert.deepEqual(JSON.parse(await text("#adobe-errors")).map((e) => [e.pointer, e.code, e.rule, e.status]),
    [["/body/autoRenewal/enabled", "1117", "const", 400]]);
  assert.equal(await page.isVisible("#adobe-snippets"), false);

  // Without the code: a PATCH to the subscription, auto-renewal off in the body.
  await page.fill("#adobe-flexDiscountCode", "");
  assert.match(await text("#adobe-status"), /^Valid/);
  const curl = await text("#adobe-curl");
  assert.ok(curl.startsWith(`curl -g -X PATCH '${ADOBE_URL}' `), curl);
  assert.deepEqual(JSON.parse(curl.match(/-d '([\s\S]*)'$/)[1]), { autoRenewal: { enabled: false, renewalQuantity: 7 } });
  assert.match(curl, /-H 'X-Correlation-Id: 3d0c6a52-8f1e-4b7a-9c2d-5e6f7a8b9c0d'/);
  assert.match(await text("#adobe-fetch"), /method: "PATCH"/);
  // The secrets never reach the page's text.
  for (const snippet of [curl, await text("#adobe-fetch")]) {
    assert.equal(snippet.includes("your-ims-access-token") || snippet.includes("your-api-key"), false);
  }
  assert.match(curl, /"Authorization: Bearer \$ADOBE_ACCESS_TOKEN"/);
  await page.selectOption("#adobe-environment", "sandbox");
  assert.match(await text("#adobe-curl"), /^curl -g -X PATCH 'https:\/\/partnersandbox-stage\.adobe\.io\/v3\/customers\/P1005053489\/subscriptions\/cc8efgh8bc4354a4b38006c87804ceNA' /);

  // MOQ_250 with 7 licenses: 5124 at the quantity; 250 is enough.
  await page.selectOption("#adobe-renewalCode", "MOQ_250");
  assert.match(await text("#adobe-status"), /5124/);
  const moq = await inPage("validateAdobeSubscriptionUpdate", {
    customerId: "P1005053489", subscriptionId: "cc8efgh8bc4354a4b38006c87804ceNA", headers: ADOBE_UPDATE_HEADERS,
    body: { autoRenewal: { enabled: false, renewalQuantity: 7, renewalCode: "MOQ_250" } },
  });
  assert.equal(await text("#adobe-renewalQuantity-error"), moq.errors[0].message);
  await page.fill("#adobe-renewalQuantity", "250");
  assert.match(await text("#adobe-status"), /^Valid/);

  // The context: an inactive subscription (1004) cannot be edited; a scheduled one (1009) can.
  await page.selectOption("#adobe-currentStatus", "1004");
  assert.match(await text("#adobe-status"), /3119/);
  assert.deepEqual(JSON.parse(await text("#adobe-errors")).map((e) => [e.pointer, e.code, e.status]),
    [["/subscriptionId", "3119", 400]]);
  assert.notEqual(await text("#adobe-subscriptionId-error"), "");
  await page.screenshot({ path: shot("demo-adobe-update.png"), fullPage: true });

  // The language switcher redraws the update's field messages.
  await page.fill("#adobe-renewalQuantity", "7");
  await page.selectOption("#language", "it");
  const italian = await inPage("validateAdobeSubscriptionUpdate", {
    customerId: "P1005053489", subscriptionId: "cc8efgh8bc4354a4b38006c87804ceNA", headers: ADOBE_UPDATE_HEADERS,
    body: { autoRenewal: { enabled: false, renewalQuantity: 7, renewalCode: "MOQ_250" } },
  }, { locale: "it" });
  const italianQuantity = italian.errors.find((e) => e.pointer === "/body/autoRenewal/renewalQuantity").message;
  assert.equal(await text("#adobe-renewalQuantity-error"), italianQuantity);
  assert.notEqual(italianQuantity, moq.errors[0].message);
  await page.selectOption("#language", "en");
  assert.equal(await text("#adobe-renewalQuantity-error"), moq.errors[0].message);
  await page.selectOption("#adobe-currentStatus", "1009");
  await page.fill("#adobe-renewalQuantity", "250");
  assert.match(await text("#adobe-status"), /^Valid/);

  // Two days before the anniversary the update is taken, with the docs' warning.
  const today = await page.inputValue("#adobe-today");
  await page.fill("#adobe-anniversaryDate", new Date(Date.parse(`${today}T00:00:00Z`) + 2 * 86_400_000).toISOString().slice(0, 10));
  assert.match(await text("#adobe-status"), /^Valid \(note: /);

  // Back to create: the customer id and the headers stay, the create fields return.
  await page.check("#adobe-mode-create");
  assert.equal(await page.inputValue("#adobe-customerId"), "P1005053489");
  assert.equal(await page.isVisible("#adobe-offerId"), true);
  assert.equal(await page.isVisible("#adobe-snippets"), false);
});

test("update modes: every input has a label, and nothing scrolls sideways at phone width", async () => {
  await page.check("#cl-mode-update");
  await page.check("#adobe-mode-update");
  const unlabelled = await page.$$eval("input, select, textarea", (els) =>
    els.filter((e) => !e.labels?.length && !e.getAttribute("aria-label")).map((e) => e.id));
  assert.deepEqual(unlabelled, []);
  await page.setViewportSize({ width: 390, height: 844 });
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth), false);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.check("#cl-mode-create");
  await page.check("#adobe-mode-create");
});

test("languages: Italian and German messages at the fields, the frequency and its runs; English again after", async () => {
  await reload();
  assert.equal(await page.inputValue("#language"), "en");
  await page.selectOption("#language", "it");
  assert.equal(await page.getAttribute("html", "lang"), "it");

  // Commerce Layer: the touched field, then every field after Check, in Italian.
  await page.click("#cl-customer_email");
  await page.keyboard.type("john@");
  assert.equal(await text("#cl-customer_email-error"), "Inserisci un indirizzo email valido.");
  assert.equal(await text("#cl-reference-error"), "");
  await page.click("#cl-check");
  assert.equal(await text("#cl-reference-error"), "Questo campo è obbligatorio.");
  // The JSON:API objects carry the Italian message; the server's own title stays English.
  const objects = JSON.parse(await text("#cl-errors"));
  const reference = objects.find((e) => e.pointer === "/data/attributes/reference");
  assert.equal(reference.message, "Questo campo è obbligatorio.");
  assert.equal(reference.title, "can't be blank");

  // Frequencies: Commerce Layer's hour rule, the description and the run dates.
  await page.fill("#freq-input", "*/5 * * * *");
  assert.match(await text("#freq-verdict"), /Si attiva 12 volte all’ora; scegli al massimo una volta all’ora\./);
  assert.equal(await text("#freq-description"),
    (await inPage("describeFrequency", "*/5 * * * *", { locale: "it" })).description);
  await page.fill("#freq-input", "monthly");
  await page.fill("#freq-start", "2018-01-31T12:00");
  assert.equal(await text("#freq-description"),
    (await inPage("describeFrequency", "monthly", { startsAt: "2018-01-31T12:00:00.000Z", locale: "it" })).description);
  const italianRuns = await page.$$eval("#freq-runs time", (els) => els.map((e) => e.textContent));
  // Italian month abbreviations (gen, feb, mar), 24-hour clock, in UTC.
  assert.match(italianRuns[0], /^31 gen 2018.*12:00 UTC$/);
  assert.match(italianRuns[1], /^28 feb 2018.*12:00 UTC$/);
  assert.match(italianRuns[2], /^31 mar 2018.*12:00 UTC$/);

  // Adobe: the creation window's message, with the dates in Italian.
  await page.click("#adobe-load-seed");
  const anniversary = await page.inputValue("#adobe-anniversaryDate");
  const twoDaysBefore = new Date(Date.parse(`${anniversary}T00:00:00Z`) - 2 * 86_400_000).toISOString().slice(0, 10);
  await page.fill("#adobe-today", twoDaysBefore);
  assert.match(await text("#adobe-today-error"), /^Possibile solo nel periodo \d+ \p{L}+ \d{4} – \d+ \p{L}+ \d{4}\.$/u);
  await page.screenshot({ path: shot("demo-italian.png"), fullPage: true });

  // German: every shown message switches without touching the form again.
  await page.selectOption("#language", "de");
  assert.equal(await page.getAttribute("html", "lang"), "de");
  assert.equal(await text("#cl-reference-error"), "Bitte füllen Sie dieses Feld aus.");
  assert.equal(await text("#cl-customer_email-error"), "Bitte geben Sie eine gültige E-Mail-Adresse ein.");
  assert.match(await text("#adobe-today-error"), /^Dies ist nur vom .+ bis zum .+ möglich\.$/);
  assert.match((await page.$$eval("#freq-runs time", (els) => els.map((e) => e.textContent)))[0], /^31\.01\.2018.*12:00 UTC$/);

  // Back to English: the same fields in English again.
  await page.selectOption("#language", "en");
  assert.equal(await page.getAttribute("html", "lang"), "en");
  assert.equal(await text("#cl-reference-error"), "This field is required.");
  assert.equal(await text("#cl-customer_email-error"), "Enter a valid email address.");
  assert.match(await text("#adobe-today-error"), /^This is only possible from /);
  assert.match((await page.$$eval("#freq-runs time", (els) => els.map((e) => e.textContent)))[0], /^Jan 31, 2018.*12:00\sPM UTC$/);
  assert.equal(JSON.parse(await text("#cl-errors")).find((e) => e.pointer === "/data/attributes/reference").message,
    "This field is required.");
});

// The page's own words, as www/js/words.js has them in `tag`: the test reads the table,
// so it holds the page to it without copying a sentence.
const TRANSLATED = ["it", "de"];
const wordsOf = (tag) => (key, params) => textIn(tag, key, params);
const labelWith = (label, note) => `${label} (${note})`;

/** Runs `check(tag, w)` in Italian, then German: the language a check meets is the picker's. */
async function inLanguages(check) {
  for (const tag of TRANSLATED) {
    await page.selectOption("#language", tag);
    await check(tag, wordsOf(tag));
  }
}

test("languages: the page's own words follow the picker: headings, hints, labels, buttons and status lines", async () => {
  await reload();
  // Typed in English before the switch: the value and its error state stay.
  await page.click("#cl-customer_email");
  await page.keyboard.type("john@");

  await inLanguages(async (tag, w) => {
    assert.equal(await page.title(), w("page.title"));
    for (const [selector, key] of [
      [".skip", "page.skip"], ["header p", "page.intro"], ["label[for=language]", "page.language"], ["nav a[href='#freq']", "freq.title"],
      ["#cl > .hint", "cl.hint"], ["#cl legend", "common.request"], ["label[for=cl-mode-create]", "cl.create"],
      ["label[for=cl-mode-update]", "cl.update"], ["label[for=cl-resource]", "cl.resource"], ["#cl-load-seed", "common.loadExample"],
      ["label[for=cl-json]", "cl.document"], ["#cl-check", "common.check"], ["#cl-errors-box summary", "cl.errorObjects"],
      ["#cl-snippets h3", "common.readyToSend"], ["[data-copy=cl-fetch]", "copy.fetch"], ["[data-copy=cl-curl]", "copy.curl"],
      ["#freq-title", "freq.title"], ["#freq > .hint", "freq.hint"], ["label[for=freq-input]", "freq.frequency"],
      ["label[for=freq-start]", "freq.startsAt"], ["label[for=freq-expires]", "freq.expiresAt"], ["label[for=freq-count]", "freq.count"],
      ["#freq [role=group] span", "freq.examplesLead"],
      ["#adobe > .hint", "adobe.hint"], ["#adobe legend", "common.request"], ["label[for=adobe-mode-create]", "adobe.create"],
      ["label[for=adobe-mode-update]", "adobe.update"], ["#adobe-check", "common.check"], ["#adobe-load-seed", "common.loadExample"],
      ["#adobe details summary", "adobe.errorObjects"], ["#adobe-snippets h3", "common.readyToSend"], ["footer p", "page.footer"],
    ]) assert.equal(await text(selector), w(key), `${tag}: ${selector}`);
    for (const [selector, key] of [
      ["nav", "page.panels"], ["#cl-form", "cl.form"], ["#freq [role=group]", "freq.examples"], ["#freq-runs", "freq.runs"],
      ["#freq-timeline", "freq.timeline"], ["#cl-fetch", "snippet.fetch"], ["#cl-curl", "snippet.curl"], ["#adobe-fetch", "snippet.fetch"],
      ["#adobe-form", "adobe.form.create"], ["#adobe-calendar", "adobe.calendar"],
    ]) assert.equal(await page.getAttribute(selector, "aria-label"), w(key), `${tag}: aria-label of ${selector}`);
    // A sentence that names a variable keeps the variable as code, where the language puts it.
    assert.equal(await text("#cl-snippets .hint"), w("cl.token", { variable: "CL_ACCESS_TOKEN" }));
    assert.equal(await text("#adobe-snippets .hint"), w("adobe.token", { token: "ADOBE_ACCESS_TOKEN", key: "ADOBE_API_KEY" }));
    assert.deepEqual(await page.$$eval("#adobe-snippets .hint code", (cs) => cs.map((c) => c.textContent)), ["ADOBE_ACCESS_TOKEN", "ADOBE_API_KEY"]);

    // The mode hints: the method and path stay as they are sent.
    assert.equal(await text("#cl-mode-hint"), w("cl.mode.create", { path: "POST /api/{resource}" }));
    assert.equal(await text("#adobe-mode-hint"), w("adobe.mode.create", { path: "POST /v3/customers/{customer-id}/subscriptions" }));

    // The form's labels are relabelled in place: the typed value and its error stay.
    assert.equal(await text("label[for=cl-customer_email]"), labelWith("customer_email", w("note.required")));
    assert.equal(await page.inputValue("#cl-customer_email"), "john@");
    assert.equal(await page.getAttribute("#cl-customer_email", "aria-invalid"), "true");
    assert.equal(await text("#cl-customer_email-error"),
      (await inPage("buildResource", "customer_subscriptions", { customer_email: "john@" }, { locale: tag })).errors
        .find((e) => e.pointer === "/data/attributes/customer_email").message);
    const result = await inPage("validateResource", "customer_subscriptions", await page.inputValue("#cl-json"));
    assert.equal(await text("#cl-status"), w("cl.status.invalid", { status: result.status, count: result.errors.length }));

    // Adobe: untouched, its status line and the window's prompt; its labels.
    assert.equal(await text("#adobe-status"), w("adobe.status.unchecked"));
    assert.equal(await text("#adobe-window"), w("adobe.window.pick"));
    assert.equal(await text("label[for=adobe-customerId]"), labelWith(w("adobe.field.customerId"), w("note.required")));
    assert.equal(await text("label[for=adobe-correlationId]"), labelWith(w("adobe.field.correlationId"), w("note.required")));
    assert.equal(await text("label[for=adobe-today]"), w("adobe.field.today"));
    assert.equal(await text("label[for=adobe-anniversaryDate]"), w("adobe.field.anniversaryDate"));
    assert.equal(await page.$eval("#adobe-renewalCode option", (o) => o.textContent), w("choice.none"));
    // API names stay as the API spells them.
    assert.equal(await text("label[for=adobe-offerId]"), labelWith("offerId", w("note.required")));
  });

  // Frequencies: each verdict, with the library's own message inside the page's sentence.
  await page.fill("#freq-input", "*/5 * * * *");
  await inLanguages(async (tag, w) => {
    const message = (await inPage("parseFrequency", "*/5 * * * *")).commerceLayer.errors[0].message;
    assert.equal(await text("#freq-verdict"), w("freq.notForCl", { message }));
  });
  assert.match(await text("#freq-verdict"), /^Gültiges crontab, aber nicht für Commerce Layer: /);
  await page.selectOption("#language", "it");
  assert.match(await text("#freq-verdict"), /^Crontab valido, ma non per Commerce Layer: Si attiva 12 volte all’ora/);
  await page.fill("#freq-input", "0 61 * * *");
  await inLanguages(async (tag, w) => assert.equal(await text("#freq-verdict"), w("freq.invalid")));
  await page.fill("#freq-input", "monthly");
  await inLanguages(async (tag, w) => assert.equal(await text("#freq-verdict"), w("freq.accepted")));

  // Adobe: a field changed without errors, then one with Adobe's code and words, after
  // the page's own "not valid".
  await page.fill("#adobe-customerId", "P1005053489");
  await page.press("#adobe-customerId", "Tab");
  await inLanguages(async (tag, w) => assert.equal(await text("#adobe-status"), w("adobe.status.quiet")));
  await page.fill("#adobe-renewalQuantity", "0");
  await page.press("#adobe-renewalQuantity", "Tab");
  await inLanguages(async (tag, w) => {
    const status = await text("#adobe-status");
    const lead = w("adobe.status.invalid", { errors: "" });
    assert.ok(status.startsWith(lead) && /1117 /.test(status.slice(lead.length)), status);
  });

  // The docs' example: valid, and the window's sentence with its dates and today.
  await page.click("#adobe-load-seed");
  await inLanguages(async (tag, w) => {
    assert.equal(await text("#adobe-status"), w("adobe.status.valid"));
    const today = await page.inputValue("#adobe-today");
    const win = await inPage("adobeCreationWindow", await page.inputValue("#adobe-anniversaryDate"));
    const sentence = `${w("adobe.window.range", { from: win.from, to: win.to })} ${w("adobe.window.inside", { today })}`;
    assert.equal(await text("#adobe-window"), sentence);
    assert.equal(await page.getAttribute("#adobe-calendar", "aria-label"), sentence);
  });
  await page.screenshot({ path: shot("demo-german.png"), fullPage: true });

  // Update modes, switched in one language and relabelled in the other.
  await page.check("#cl-mode-update");
  await page.selectOption("#cl-resource", "order_subscriptions");
  await page.fill("#cl-id", "BkMdJFGdjX");
  await page.selectOption("#cl-current_status", "active");
  await page.click("#cl-action-deactivate");
  await page.check("#adobe-mode-update");
  await page.selectOption("#adobe-autoRenewalEnabled", "true");
  await inLanguages(async (tag, w) => {
    assert.equal(await text("#cl-mode-hint"), w("cl.mode.update", { path: "PATCH /api/{resource}/{id}" }));
    assert.equal(await text("label[for=cl-id]"), labelWith("id", w("cl.note.pathId")));
    assert.equal(await text("label[for=cl-current_status]"), labelWith("current.status", w("cl.note.status")));
    assert.equal(await text("#cl-action legend"), labelWith(w("cl.field.change"), w("cl.note.change")));
    // Each trigger's button says what it does; the trigger itself stays as it is sent.
    const triggers = { _activate: "cl.action.activate", _deactivate: "cl.action.deactivate", _cancel: "cl.action.cancel", _convert: "cl.action.convert" };
    assert.deepEqual(await page.$$eval("#cl-action button", (bs) => bs.map((b) => [b.value, b.textContent])),
      Object.entries(triggers).map(([trigger, key]) => [trigger, w(key)]));
    assert.equal(await page.$eval("#cl-frequency", (i) => i.placeholder), w("cl.placeholder.frequency"));
    assert.equal(await page.getAttribute("#cl-action-deactivate", "aria-pressed"), "true");
    assert.equal(await page.inputValue("#cl-id"), "BkMdJFGdjX");
    assert.equal(await text("#cl-status"), w("cl.status.valid"));

    assert.equal(await text("#adobe-mode-hint"),
      w("adobe.mode.update", { path: "PATCH /v3/customers/{customer-id}/subscriptions/{subscription-id}" }));
    assert.equal(await page.getAttribute("#adobe-form", "aria-label"), w("adobe.form.update"));
    assert.equal(await text("label[for=adobe-subscriptionId]"), labelWith(w("adobe.field.subscriptionId"), w("note.required")));
    assert.equal(await text("label[for=adobe-renewalQuantity]"), labelWith("autoRenewal.renewalQuantity", w("adobe.note.unchangedIfEmpty")));
    for (const [name, key] of [["environment", "adobe.field.environment"], ["currentStatus", "adobe.field.currentStatus"],
      ["autoRenewalEnabled", "adobe.field.autoRenewalEnabled"], ["licenseType", "adobe.field.licenseType"],
      ["today", "adobe.field.todayContext"], ["anniversaryDate", "adobe.field.anniversaryContext"]]) {
      assert.equal(await text(`label[for=adobe-${name}]`), w(key), name);
    }
    assert.deepEqual(await page.$$eval("#adobe-autoRenewalEnabled option", (os) => os.map((o) => o.textContent)),
      [w("adobe.choice.unknown"), w("adobe.choice.on"), w("adobe.choice.off")]);
    assert.equal(await page.inputValue("#adobe-autoRenewalEnabled"), "true");
    assert.equal(await page.$eval("#adobe-enabled option", (o) => o.textContent), w("choice.unchanged"));
    assert.equal(await page.$eval("#adobe-licenseType option", (o) => o.textContent), w("adobe.choice.unknownLicense"));
    // Status values and environments are the API's: the same in every language.
    assert.deepEqual(await page.$$eval("#adobe-currentStatus option", (os) => os.slice(1).map((o) => o.textContent)),
      ["1000 active", "1009 scheduled", "1002 pending", "1004 inactive"]);
  });

  // A copy button's answer is written again in the next language.
  await page.click("[data-copy=cl-fetch]");
  // The clipboard answers later: copied, or refused in this headless browser.
  await page.waitForFunction((before) => document.querySelector("[data-copy=cl-fetch]").textContent !== before, textIn("de", "copy.fetch"));
  const answered = await text("[data-copy=cl-fetch]");
  const key = [textIn("de", "copy.copied"), textIn("de", "copy.manual")].indexOf(answered);
  assert.notEqual(key, -1, answered);
  await page.selectOption("#language", "it");
  assert.equal(await text("[data-copy=cl-fetch]"), textIn("it", ["copy.copied", "copy.manual"][key]));

  // English again: the page reads as its table.
  await page.selectOption("#language", "en");
  assert.equal(await page.title(), WORDS.en["page.title"]);
  assert.equal(await text("label[for=cl-resource]"), WORDS.en["cl.resource"]);
  assert.equal(await text("#adobe-mode-hint"),
    textIn("en", "adobe.mode.update", { path: "PATCH /v3/customers/{customer-id}/subscriptions/{subscription-id}" }));
  await page.check("#cl-mode-create");
  await page.check("#adobe-mode-create");
});

/**
 * English left on the page in language `tag`: for every English text of words.js that
 * the language writes otherwise, whether a text of the page equals it or begins with it
 * (as a whole word), or, for a text with params, holds one of its fixed parts. The
 * texts are what a person meets: visible text nodes (code, JSON and the document
 * editor apart), the options of visible selects, and the aria-labels and placeholders
 * of visible elements, and the title. Pieces between brackets and commas count on
 * their own, so a note "(required, hours)" is two texts.
 */
async function englishLeft(tag) {
  const theirs = new Set(Object.values(WORDS[tag]).flatMap((e) => (typeof e === "string" ? [e] : Object.values(e))));
  // A word the language itself writes (Spanish "error") is not English left over.
  const ownWords = new Set([...theirs].flatMap((text) => text.split(/[^\p{L}\p{N}_-]+/u)));
  const needles = [];
  for (const [key, english] of Object.entries(WORDS.en)) {
    for (const form of typeof english === "string" ? [english] : Object.values(english)) {
      if (theirs.has(form)) continue;
      const parts = form.split(/\{\w+\}/);
      if (parts.length === 1) needles.push({ key, whole: form });
      else {
        for (const part of parts.map((p) => p.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, ""))) {
          if (part.length >= 4 && !ownWords.has(part)) needles.push({ key, part });
        }
      }
    }
  }
  return page.evaluate((needles) => {
    const shown = (el) => el.getClientRects().length > 0;
    const texts = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (parent.closest("pre, textarea, code, script, style, option") || !shown(parent)) continue;
      texts.push(node.data);
    }
    for (const select of document.querySelectorAll("select")) if (shown(select)) texts.push(...[...select.options].map((o) => o.text));
    for (const el of document.querySelectorAll("[aria-label], [placeholder]")) {
      if (shown(el)) texts.push(el.getAttribute("aria-label") ?? "", el.getAttribute("placeholder") ?? "");
    }
    const pieces = texts.flatMap((t) => {
      const whole = t.replace(/\s+/g, " ").trim();
      return [whole, ...whole.split(/[(),;]/).map((p) => p.trim())].filter(Boolean);
    });
    const letter = /[\p{L}\p{N}]/u;
    const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const found = [];
    for (const needle of needles) {
      const hit = needle.whole !== undefined
        ? pieces.find((p) => p === needle.whole || (p.startsWith(needle.whole) && !letter.test(p[needle.whole.length])))
        : pieces.find((p) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(needle.part)}(?![\\p{L}\\p{N}])`, "u").test(p));
      if (hit !== undefined) found.push(`${needle.key}: ${hit}`);
    }
    return [...new Set(found)];
  }, needles);
}

test("languages: in every language, no word of the page's own is left in English, in either mode", async () => {
  await reload();
  // Something in every line the panels write: a valid request with its snippets, a
  // frequency Commerce Layer refuses, the Adobe example with its window.
  await page.click("#cl-load-seed");
  await page.fill("#freq-input", "*/5 * * * *");
  await page.click("#adobe-load-seed");
  // The check finds English where it is: the English page, read as if it were Italian.
  assert.ok((await englishLeft("it")).length > 40);
  for (const mode of ["create", "update"]) {
    await page.selectOption("#language", "en");
    await page.check(`#cl-mode-${mode}`);
    await page.check(`#adobe-mode-${mode}`);
    for (const tag of Object.keys(WORDS).filter((l) => l !== "en")) {
      await page.selectOption("#language", tag);
      assert.deepEqual(await englishLeft(tag), [], `${tag}, ${mode}`);
      // Longer words still fit a phone's width.
      await page.setViewportSize({ width: 390, height: 844 });
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth), false, `${tag} at 390 px`);
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  }
  await page.selectOption("#language", "en");
  await page.check("#cl-mode-create");
  await page.check("#adobe-mode-create");
});

test("keyboard: Tab reaches the panels' controls in order", async () => {
  await page.keyboard.press("Home");
  await page.focus("#cl-resource");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.id), "cl-load-seed");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.id.startsWith("cl-")), true);
});

test("every input has a label", async () => {
  const unlabelled = await page.$$eval("input, select, textarea", (els) =>
    els.filter((e) => !e.labels?.length && !e.getAttribute("aria-label")).map((e) => e.id));
  assert.deepEqual(unlabelled, []);
});

test("screenshots at desktop and phone width, in English and Italian; each radio stays beside its label", async () => {
  for (const language of ["en", "it"]) {
    await page.selectOption("#language", language);
    for (const [name, width, height] of [["desktop", 1280, 900], ["phone", 390, 844]]) {
      await page.setViewportSize({ width, height });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      assert.equal(overflow, false, `the page scrolls sideways at ${width} px`);
      // A radio's label sits on its row: their boxes overlap vertically.
      const apart = await page.$$eval("fieldset.mode input[type=radio]", (radios) => radios.filter((r) => {
        const a = r.getBoundingClientRect();
        const b = r.labels[0].getBoundingClientRect();
        return a.bottom <= b.top || b.bottom <= a.top;
      }).map((r) => r.id));
      assert.deepEqual(apart, [], `radios away from their labels at ${width} px`);
      await page.screenshot({ path: shot(`demo-${name}-${language}.png`), fullPage: true });
    }
  }
  await page.selectOption("#language", "en");
  await page.setViewportSize({ width: 1280, height: 900 });
});

test("no console errors, warnings or CSP violations", () => {
  assert.deepEqual(problems, []);
});

test("untouched, the Adobe panel is not red; a crontab with two bad fields marks both, in sentences", async () => {
  await reload();
  assert.equal(await text("#adobe-status"), "Not checked yet: a field shows its errors once it is changed, and Check shows them all.");
  assert.equal(await page.getAttribute("#adobe-status", "class"), "status");
  // A changed field's error in the status line names the field.
  await page.fill("#adobe-customerId", "P1005053489");
  await page.press("#adobe-customerId", "Tab");
  assert.equal(await text("#adobe-status"), "No errors in the fields changed so far; Check shows every field's.");
  await page.fill("#adobe-renewalQuantity", "0");
  await page.press("#adobe-renewalQuantity", "Tab");
  // offerId, left empty on the way (Tab passed through it), is touched too; each entry names its field.
  assert.equal(await text("#adobe-status"),
    "Not valid: 1122 offerId: is required; 1117 autoRenewal.renewalQuantity: 0 is out of range 1-599000");
  assert.doesNotMatch(await text("#adobe-status"), /4119/);

  await page.fill("#freq-input", "61 25 * * *");
  assert.deepEqual(await page.$$eval("#freq-mirror mark", (marks) => marks.map((m) => m.textContent)), ["61", "25"]);
  const error = await text("#freq-error");
  assert.match(error, /^Minute: 61 is not between 0 and 59\. Hour: 25 is not between 0 and 23\.$/);
});

test("Commerce Layer update: every resource's update example loads valid, with a field for every member an update takes", async () => {
  await reload();
  await page.check("#cl-mode-update");
  for (const resource of ["customer_subscriptions", "order_subscriptions", "subscription_models", "order_subscription_items"]) {
    await page.selectOption("#cl-resource", resource);
    await page.click("#cl-load-seed");
    assert.match(await text("#cl-status"), /^Valid/, resource);
    assert.match(await text("#cl-fetch"), new RegExp(`PATCH|${resource}`), resource);
  }
  // A member only a create takes has no field in the update form; an empty choice keeps the current value.
  await page.selectOption("#cl-resource", "subscription_models");
  assert.equal(await page.$eval("#cl-strategy option", (o) => o.textContent), "(unchanged)");
  await page.selectOption("#cl-resource", "order_subscription_items");
  assert.equal(await page.$("#cl-quantity") !== null, true);
  assert.equal(await page.$("#cl-item"), null);
});

test("broken JSON in the document says where it breaks, and the form keeps its fields", async () => {
  await reload();
  await page.selectOption("#cl-resource", "customer_subscriptions");
  await page.click("#cl-load-seed");
  const email = await page.inputValue("#cl-customer_email");
  assert.ok(email.length > 0);
  const doc = await page.inputValue("#cl-json");
  await page.fill("#cl-json", doc.replace(/,\s*"reference"/, ' "reference"'));
  assert.match(await text("#cl-json-error"), /^\(document\): The data could not be read\. \(line \d+, column \d+: .+\)$/);
  assert.equal(await page.inputValue("#cl-customer_email"), email);
  assert.equal(await text("#cl-customer_email-error"), "");
});
