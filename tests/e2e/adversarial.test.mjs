// The adversarial corpus (tests/adversarial/corpus.mjs) through the built package in
// headless Chromium, on the demo's origin and under its Content-Security-Policy.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/serve.mjs";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
  "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const CORPUS = readFileSync(new URL("../adversarial/corpus.mjs", import.meta.url), "utf8");

let server, browser;

before(async () => {
  server = await startServer({ port: 0 });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("the adversarial corpus passes through the package in Chromium", { timeout: 120_000 }, async () => {
  const page = await browser.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(String(e)));
  // The corpus is served from the page's own origin, so the CSP allows importing it.
  await page.route("**/www/adversarial-corpus.mjs", (route) =>
    route.fulfill({ body: CORPUS, contentType: "text/javascript; charset=utf-8" }));
  await page.goto(server.url);
  await page.waitForSelector("body[data-ready=true]", { timeout: 15000 });
  const outcomes = await page.evaluate(async () => {
    const api = await import("/www/vendor/subkit/index.js");
    const { initSync } = await import("/www/vendor/subkit/dist/subkit.js");
    const { runCorpus } = await import("/www/adversarial-corpus.mjs");
    return runCorpus(api, () => initSync().memory.buffer.byteLength);
  });
  const failed = outcomes.filter((o) => !o.ok);
  assert.deepEqual(failed, [], JSON.stringify(failed, null, 2));
  assert.ok(outcomes.length >= 40);
  assert.deepEqual(problems, []);
});
