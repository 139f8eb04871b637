// The demo page in headless Chromium, used the way a person uses it. Screenshots go
// to test-artifacts/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/serve.mjs";

const ARTIFACTS = new URL("../../test-artifacts/", import.meta.url);
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// Without the background-networking flags Chromium keeps dialling out, which this
// closed network refuses.
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
  "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

let server, browser, page;
const problems = [];

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer({ port: 0 });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") problems.push(m.text()); });
  page.on("pageerror", (e) => problems.push(String(e)));
  await page.goto(server.url);
  await page.waitForSelector("body[data-ready=true]", { timeout: 15000 });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const errorText = (field) => page.textContent(`#${field}-error`);

test("an invalid e-mail shows its error beside the field, and fixing it clears it", async () => {
  await page.fill("#reference", "ANY-EXTERNAL-REFEFERNCE");
  await page.click("#customer_email");
  await page.keyboard.type("john@");
  assert.equal(await errorText("customer_email"), "is invalid");
  assert.equal(await page.getAttribute("#customer_email", "aria-invalid"), "true");
  assert.match(await page.textContent("#cs-status"), /422/);
  assert.match(await page.textContent("#cs-errors"), /"pointer": "\/data\/attributes\/customer_email"/);
  await page.screenshot({ path: new URL("demo-invalid-email.png", ARTIFACTS).pathname, fullPage: true });

  await page.keyboard.type("example.com");
  assert.equal(await errorText("customer_email"), "");
  assert.equal(await page.getAttribute("#customer_email", "aria-invalid"), "false");
  assert.match(await page.textContent("#cs-status"), /^Valid/);
  const doc = JSON.parse(await page.textContent("#cs-document"));
  assert.deepEqual(doc, { data: { type: "customer_subscriptions",
    attributes: { customer_email: "john@example.com", reference: "ANY-EXTERNAL-REFEFERNCE" } } });
});

test("clearing a required field says it can't be blank", async () => {
  await page.fill("#reference", "");
  assert.equal(await errorText("reference"), "can't be blank");
});

test("metadata that is not a JSON object is flagged at the field", async () => {
  await page.fill("#metadata", "[1]");
  assert.equal(await errorText("metadata"), "is invalid");
  await page.fill("#metadata", "{nope");
  assert.match(await errorText("metadata"), /not valid JSON/);
  await page.fill("#metadata", '{"foo": "bar"}');
  assert.equal(await errorText("metadata"), "");
});

test("the API docs' example loads valid", async () => {
  await page.click("#load-seed");
  assert.match(await page.textContent("#cs-status"), /^Valid/);
  for (const f of ["customer_email", "reference", "reference_origin", "metadata"]) {
    assert.equal(await errorText(f), "", f);
  }
  await page.screenshot({ path: new URL("demo-desktop.png", ARTIFACTS).pathname, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: new URL("demo-phone.png", ARTIFACTS).pathname, fullPage: true });
});

test("no console errors or warnings", () => {
  assert.deepEqual(problems, []);
});
