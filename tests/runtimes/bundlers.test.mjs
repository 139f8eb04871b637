// Every bundler the docs name builds a tiny app that imports subkit with no set-up of
// its own (tests/runtimes/app/): Vite 5 to 8 (each built, and served by its dev server),
// webpack 5, Rollup 4, Parcel 2, esbuild, a page with no build step, and Next.js (a
// client component and route handlers on the Node and edge runtimes). subkit comes
// from the packed tarball, installed as a user gets it. Each page runs in headless
// Chromium under the strict Content-Security-Policy (no 'unsafe-eval') and must give
// the right answers with no error and no failed request in the console.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile, execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { promisify } from "node:util";
import { createServer } from "node:http";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, rmSync, existsSync, statSync } from "node:fs";
import { join, extname, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import * as esbuild from "esbuild";
import * as vite8 from "vite";
import * as vite5 from "vite5";
import * as vite6 from "vite6";
import * as vite7 from "vite7";
import webpack from "webpack";
import { rollup } from "rollup";
import { nodeResolve } from "@rollup/plugin-node-resolve";
import { wasm } from "@rollup/plugin-wasm";
import { Parcel } from "@parcel/core";
import { CSP } from "../../scripts/serve.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const PKG = join(ROOT, "pkg");
const EXPECTED = {
  valid: true,
  pointer: "/data/attributes/customer_email",
  runs: ["2018-01-31T12:00:00.000Z", "2018-02-28T12:00:00.000Z", "2018-03-31T12:00:00.000Z"],
  hourRule: "sub_hourly",
};
const NOT_READY = /not initialised yet: `await init\(\)` first/;
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm" };

// The scratch project lives inside the repository (target/ is git-ignored) so that the
// bundlers find their own dependencies in the root node_modules, while "subkit"
// resolves first to the tarball unpacked into the scratch project's node_modules.
let work, app, browser;
before(async () => {
  mkdirSync(join(ROOT, "target"), { recursive: true });
  work = mkdtempSync(join(ROOT, "target", "bundlers-"));
  const [{ filename }] = JSON.parse(execFileSync("npm", ["pack", PKG, "--pack-destination", work, "--json", "--silent"], { encoding: "utf8" }));
  mkdirSync(join(work, "node_modules/subkit"), { recursive: true });
  execFileSync("tar", ["-xzf", join(work, filename), "-C", join(work, "node_modules/subkit"), "--strip-components=1"]);
  app = join(work, "app");
  cpSync(fileURLToPath(new URL("./app/", import.meta.url)), app, { recursive: true });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ARGS });
});
after(async () => {
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Serves `dir` with `csp`; resolves to { url, close }. */
async function serve(dir, csp = CSP) {
  const server = createServer((req, res) => {
    const path = normalize(join(dir, decodeURIComponent(new URL(req.url, "http://x").pathname)));
    const file = path.endsWith(sep) ? join(path, "index.html") : path;
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "content-security-policy": csp });
    res.end(readFileSync(file));
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) };
}

/** Opens `url` in Chromium; returns what #out shows, what went wrong, and the pre-init error if any. */
async function openPage(url) {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("requestfailed", (r) => errors.push(`${r.url()}: ${r.failure()?.errorText}`));
  page.on("response", (r) => { if (r.status() >= 400) errors.push(`${r.url()}: HTTP ${r.status()}`); });
  try {
    const response = await page.goto(url);
    await page.waitForFunction(() => document.getElementById("out")?.textContent, null, { timeout: 30_000 });
    const beforeInit = await page.evaluate(() => globalThis.beforeInit ?? null);
    const csp = response.headers()["content-security-policy"];
    return { answers: JSON.parse(await page.textContent("#out")), errors, beforeInit, csp };
  } finally {
    await page.close();
  }
}

async function runInChromium(dir, { path = "", csp } = {}) {
  const server = await serve(dir, csp);
  try {
    return await openPage(server.url + path);
  } finally {
    await server.close();
  }
}

async function assertApp(dir, options) {
  const { answers, errors, beforeInit } = await runInChromium(dir, options);
  assert.deepEqual(errors, []);
  assert.deepEqual(answers, EXPECTED);
  return beforeInit;
}

function html(script, type = "module") {
  return readFileSync(join(app, "index.html"), "utf8").replace('type="module" src="./main.js"', `type="${type}" src="${script}"`);
}

test("esbuild bundle (bundle: true, nothing else) runs in Chromium", async () => {
  const out = join(work, "esbuild") + sep;
  await esbuild.build({ entryPoints: [join(app, "main.js")], bundle: true, outdir: out, logLevel: "silent" });
  writeFileSync(join(out, "index.html"), html("./main.js"));
  await assertApp(out);
});

test("esbuild with subkit/web and the file loader: init(url) loads the copied .wasm", async () => {
  const out = join(work, "esbuild-web") + sep;
  await esbuild.build({
    entryPoints: [join(app, "web/main-esbuild.js")], bundle: true, format: "esm", outdir: out,
    loader: { ".wasm": "file" }, logLevel: "silent",
  });
  writeFileSync(join(out, "index.html"), html("./main-esbuild.js"));
  assert.match(await assertApp(out), NOT_READY);
});

for (const [major, vite] of [[5, vite5], [6, vite6], [7, vite7], [8, vite8]]) {
  test(`Vite ${major}: the build runs in Chromium, and so does the dev server`, async () => {
    const out = join(work, `vite${major}`) + sep;
    await vite.build({ root: app, logLevel: "silent", configFile: false, build: { outDir: out, emptyOutDir: true } });
    await assertApp(out);
    // The dev server pre-bundles subkit with its own esbuild settings, unlike the build.
    const server = await vite.createServer({
      root: app, logLevel: "silent", configFile: false, cacheDir: join(work, `vite${major}-cache`),
      server: { host: "127.0.0.1", port: 0, strictPort: false, headers: { "content-security-policy": CSP } },
    });
    await server.listen();
    try {
      const { answers, errors } = await openPage(server.resolvedUrls.local[0]);
      assert.deepEqual(errors, []);
      assert.deepEqual(answers, EXPECTED);
    } finally {
      await server.close();
    }
  });
}

test("Vite 8 with subkit/web: init() loads the .wasm Vite copied", async () => {
  const out = join(work, "vite-web") + sep;
  await vite8.build({ root: join(app, "web"), logLevel: "silent", configFile: false, build: { outDir: out, emptyOutDir: true } });
  assert.match(await assertApp(out), NOT_READY);
});

function runWebpack(entry, out) {
  return new Promise((resolve, reject) => webpack({
    mode: "production", entry, output: { path: out, filename: "main.js" },
  }, (err, stats) => (err ? reject(err) : resolve(stats))));
}

test("webpack 5 bundle (production mode, no experiments) runs in Chromium", async () => {
  const out = join(work, "webpack") + sep;
  const stats = await runWebpack(join(app, "main.js"), out);
  assert.ok(!stats.hasErrors(), stats.toString("errors-only"));
  writeFileSync(join(out, "index.html"), html("./main.js", "text/javascript"));
  await assertApp(out);
});

test("webpack 5 with subkit/web: init() loads the .wasm webpack copied", async () => {
  const out = join(work, "webpack-web") + sep;
  const stats = await runWebpack(join(app, "web/main.js"), out);
  assert.ok(!stats.hasErrors(), stats.toString("errors-only"));
  writeFileSync(join(out, "index.html"), html("./main.js", "text/javascript"));
  assert.match(await assertApp(out), NOT_READY);
});

test("Rollup 4 bundle runs in Chromium, with node-resolve alone and with @rollup/plugin-wasm", async () => {
  for (const [name, plugins] of [["rollup", [nodeResolve()]], ["rollup-wasm", [nodeResolve(), wasm()]]]) {
    const out = join(work, name) + sep;
    const bundle = await rollup({ input: join(app, "main.js"), plugins, onwarn() {} });
    await bundle.write({ dir: out, format: "es" });
    await bundle.close();
    writeFileSync(join(out, "index.html"), html("./main.js"));
    await assertApp(out);
  }
});

test("Parcel 2 bundle (default config, no .parcelrc) runs in Chromium", async () => {
  const out = join(work, "parcel") + sep;
  const parcel = new Parcel({
    entries: join(app, "index.html"), defaultConfig: "@parcel/config-default", mode: "production",
    // Parcel writes its cache folder at the project root even when told not to cache.
    shouldDisableCache: true, cacheDir: join(work, "parcel-cache"), shouldPatchConsole: false, logLevel: "error",
    defaultTargetOptions: { distDir: out },
  });
  await parcel.run();
  await assertApp(out);
});

test("a page with no build step imports the package's files from node_modules", async () => {
  writeFileSync(join(app, "plain/index.html"), html("./main.js"));
  writeFileSync(join(app, "plain/web.html"), html("./web.js"));
  await assertApp(work + sep, { path: "app/plain/" });
  await assertApp(work + sep, { path: "app/plain/web.html" });
});

test("under a CSP without 'wasm-unsafe-eval' the import succeeds, and calls and init() say why", async () => {
  writeFileSync(join(app, "plain/no-wasm.html"), html("./no-wasm-csp.js"));
  const server = await serve(work + sep, CSP.replace(" 'wasm-unsafe-eval'", ""));
  try {
    const { answers, errors } = await openPage(`${server.url}app/plain/no-wasm.html`);
    assert.match(answers.call, NOT_READY);
    assert.match(answers.init, /^CompileError: .*(Content Security Policy|wasm-unsafe-eval)/);
    // Chromium may report the blocked compile; nothing else may go wrong.
    assert.ok(errors.every((e) => /Content Security Policy|wasm-unsafe-eval|CompileError/.test(e)), errors.join("\n"));
  } finally {
    await server.close();
  }
});

/** A port nothing listens on right now. */
async function freePort() {
  const server = createServer();
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address();
  await new Promise((r) => server.close(r));
  return port;
}

test("Next.js: a client component page, and route handlers on the Node and edge runtimes", { timeout: 600_000 }, async () => {
  const dir = join(work, "next");
  cpSync(fileURLToPath(new URL("./next/", import.meta.url)), dir, { recursive: true });
  cpSync(join(app, "answers.js"), join(dir, "app/answers.js"));
  const next = join(ROOT, "node_modules/.bin/next");
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  await promisify(execFile)(next, ["build"], { cwd: dir, env, maxBuffer: 16 << 20 }).catch((e) => {
    throw new Error(`next build failed:\n${e.stdout}\n${e.stderr}`);
  });
  const port = await freePort();
  const server = spawn(next, ["start", "-H", "127.0.0.1", "-p", String(port)], { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  server.stdout.on("data", (d) => { log += d; });
  server.stderr.on("data", (d) => { log += d; });
  try {
    const url = `http://127.0.0.1:${port}/`;
    for (let start = Date.now(); !/Ready in/.test(log); await new Promise((r) => setTimeout(r, 200))) {
      assert.ok(server.exitCode === null && Date.now() - start < 60_000, `next start did not get ready:\n${log}`);
    }
    for (const route of ["api/node", "api/edge"]) {
      const response = await fetch(url + route);
      assert.equal(response.status, 200, `${route}: ${await response.clone().text()}\n${log}`);
      assert.deepEqual(await response.json(), EXPECTED, route);
    }
    const { answers, errors, csp } = await openPage(url);
    assert.deepEqual(errors, [], log);
    assert.deepEqual(answers, EXPECTED);
    // The strict CSP of the other apps, plus the per-request nonce Next.js needs.
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce, csp);
    assert.equal(csp, CSP.replace("script-src 'self'", `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`)
      .replace("style-src 'self'", `style-src 'self' 'nonce-${nonce}'`));
  } finally {
    server.kill();
    if (server.exitCode === null) await once(server, "exit");
  }
});

// tests/types/forms.tsx, typed under strict TypeScript by the test command, as a page:
// TanStack Form and react-hook-form for order subscriptions, with datetime-local inputs
// read in the form's zone (Europe/Rome, UTC+1 in January, UTC+2 in July) and empty
// optional fields, bundled by esbuild with React and run in Chromium.
test("the typed form pages run in Chromium: each error at its field, local times read in the form's zone", async () => {
  const out = join(work, "forms") + sep;
  cpSync(join(ROOT, "tests/types/forms.tsx"), join(app, "forms.tsx"));
  await esbuild.build({
    entryPoints: [join(app, "forms.tsx")], bundle: true, format: "esm", outdir: out, jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"' }, logLevel: "silent",
  });
  writeFileSync(join(out, "index.html"), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>forms</title>' +
    '<link rel="icon" href="data:,"></head><body><div id="root"></div><script type="module" src="./forms.js"></script></body></html>');
  const server = await serve(out);
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  const text = (selector) => page.textContent(selector);
  const filled = (selector) => page.waitForFunction((s) => document.querySelector(s).textContent !== "", selector);
  try {
    await page.goto(server.url);
    await page.waitForSelector("#root[data-ready] #tanstack");
    // TanStack Form: the schema runs on change, and each issue lands at its field.
    await page.fill("#tanstack-frequency", "*/5 * * * *");
    await filled("#tanstack-frequency-error");
    assert.equal(await text("#tanstack-frequency-error"), "This runs 12 times an hour; choose at most once an hour.");
    await page.fill("#tanstack-frequency", "monthly");
    await page.fill("#tanstack-starts_at", "2025-01-01T12:00");
    await page.click("#tanstack-submit");
    await filled("#tanstack-source_order-error");
    assert.equal(await text("#tanstack-source_order-error"), "This field is required.");
    // The empty optional field and the local time are fine.
    assert.equal(await text("#tanstack-expires_at-error"), "");
    assert.equal(await text("#tanstack-starts_at-error"), "");
    assert.equal(await text("#tanstack-frequency-error"), "");
    await page.fill("#tanstack-source_order", "QWERtyUpBa");
    await page.click("#tanstack-submit");
    await filled("#tanstack-sent");
    assert.equal(JSON.parse(await text("#tanstack-sent")).starts_at, "2025-01-01T12:00");

    // react-hook-form: the resolver's errors at their fields, and the schema's value sent:
    // the local time as the UTC instant, the empty fields left out.
    await page.fill("#rhf-frequency", "monthly");
    await page.fill("#rhf-starts_at", "2025-07-01T12:00");
    await page.click("#rhf-submit");
    await filled("#rhf-source_order-error");
    assert.equal(await text("#rhf-source_order-error"), "This field is required.");
    assert.equal(await text("#rhf-expires_at-error"), "");
    await page.fill("#rhf-source_order", "QWERtyUpBa");
    await page.click("#rhf-submit");
    await filled("#rhf-sent");
    assert.deepEqual(JSON.parse(await text("#rhf-sent")),
      { frequency: "monthly", starts_at: "2025-07-01T10:00:00.000Z", source_order: "QWERtyUpBa" });
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
    await server.close();
  }
});
