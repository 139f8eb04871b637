// esbuild, Vite and webpack 5 each bundle a tiny app that imports subkit; each bundle
// runs in headless Chromium under a strict Content-Security-Policy (no 'unsafe-eval')
// and must give the right answers.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { mkdtempSync, readFileSync, writeFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, extname, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import * as esbuild from "esbuild";
import { build as viteBuild } from "vite";
import webpack from "webpack";
import { CSP } from "../../scripts/serve.mjs";

const APP = fileURLToPath(new URL("./app/", import.meta.url));
const EXPECTED = {
  valid: true,
  pointer: "/data/attributes/customer_email",
  runs: ["2018-01-31T12:00:00.000Z", "2018-02-28T12:00:00.000Z", "2018-03-31T12:00:00.000Z"],
  hourRule: "sub_hourly",
};
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm" };

let work, browser;
before(async () => {
  work = mkdtempSync(join(tmpdir(), "subkit-bundlers-"));
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ARGS });
});
after(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Serves `dir` with the strict CSP, opens it in Chromium, and returns the app's answers. */
async function runInChromium(dir) {
  const server = createServer((req, res) => {
    const path = normalize(join(dir, decodeURIComponent(new URL(req.url, "http://x").pathname)));
    const file = path.endsWith(sep) ? join(path, "index.html") : path;
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "content-security-policy": CSP });
    res.end(readFileSync(file));
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  try {
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => document.getElementById("out")?.textContent, null, { timeout: 15000 });
    const beforeInit = await page.evaluate(() => globalThis.beforeInit ?? null);
    return { answers: JSON.parse(await page.textContent("#out")), errors, beforeInit };
  } finally {
    await page.close();
    await new Promise((r) => server.close(r));
  }
}

function html(script, type = "module") {
  return readFileSync(join(APP, "index.html"), "utf8").replace('type="module" src="./main.js"', `type="${type}" src="${script}"`);
}

test("esbuild bundle runs in Chromium", async () => {
  const out = join(work, "esbuild") + sep;
  await esbuild.build({
    entryPoints: [join(APP, "main-esbuild.js")], bundle: true, format: "esm", splitting: true,
    outdir: out, platform: "browser", loader: { ".wasm": "file" }, logLevel: "silent",
  });
  writeFileSync(join(out, "index.html"), html("./main-esbuild.js"));
  const { answers, errors, beforeInit } = await runInChromium(out);
  assert.deepEqual(answers, EXPECTED);
  assert.match(beforeInit, /not initialised yet: `await init\(\)` first/);
  // The first, automatic init finds no .wasm next to the bundle; that 404 is expected.
  assert.deepEqual(errors.filter((e) => !e.includes("404")), []);
});

test("Vite bundle runs in Chromium", async () => {
  const out = join(work, "vite") + sep;
  await viteBuild({ root: APP, logLevel: "silent", build: { outDir: out, emptyOutDir: true }, configFile: false });
  const { answers, errors } = await runInChromium(out);
  assert.deepEqual(answers, EXPECTED);
  assert.deepEqual(errors, []);
});

test("webpack 5 bundle runs in Chromium", async () => {
  const out = join(work, "webpack") + sep;
  const stats = await new Promise((resolve, reject) => webpack({
    mode: "production", entry: join(APP, "main.js"), output: { path: out, filename: "main.js" },
    experiments: { topLevelAwait: true }, devtool: false,
  }, (err, s) => (err ? reject(err) : resolve(s))));
  assert.ok(!stats.hasErrors(), stats.toString("errors-only"));
  writeFileSync(join(out, "index.html"), html("./main.js", "text/javascript"));
  const { answers, errors } = await runInChromium(out);
  assert.deepEqual(answers, EXPECTED);
  assert.deepEqual(errors, []);
});
