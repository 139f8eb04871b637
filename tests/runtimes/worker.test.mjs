// examples/worker run in workerd (through miniflare) on 127.0.0.1, bundled the way
// wrangler bundles it: esbuild with the "workerd" condition and the .wasm kept as a
// compiled module. Real HTTP requests go to it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, copyFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { Miniflare } from "miniflare";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
let work, mf, url;

before(async () => {
  work = mkdtempSync(join(tmpdir(), "subkit-worker-"));
  await esbuild.build({
    entryPoints: [join(ROOT, "examples/worker/src/index.js")],
    bundle: true, format: "esm", platform: "neutral", outfile: join(work, "worker.js"),
    conditions: ["workerd", "worker", "browser"], mainFields: ["module", "main"],
    external: ["*.wasm"], logLevel: "silent",
  });
  // The bundle imports the wasm as "./dist/subkit_bg.wasm", relative to itself.
  mkdirSync(join(work, "dist"));
  copyFileSync(join(ROOT, "pkg/dist/subkit_bg.wasm"), join(work, "dist/subkit_bg.wasm"));
  mf = new Miniflare({
    host: "127.0.0.1",
    port: 0,
    compatibilityDate: "2026-07-30",
    modulesRoot: work,
    modules: [
      { type: "ESModule", path: join(work, "worker.js") },
      { type: "CompiledWasm", path: join(work, "dist/subkit_bg.wasm") },
    ],
    bindings: { CL_BASE_URL: "https://yourdomain.commercelayer.io" },
  });
  url = await mf.ready;
});

after(async () => {
  await mf?.dispose();
  rmSync(work, { recursive: true, force: true });
});

const SEED_002 = {
  data: {
    type: "order_subscriptions",
    attributes: { frequency: "monthly", starts_at: "2018-01-01T12:00:00.000Z" },
    relationships: { source_order: { data: { type: "orders", id: "QWERtyUpBa" } } },
  },
};

test("the worker listens on 127.0.0.1", () => {
  assert.equal(url.hostname, "127.0.0.1");
});

test("a bad order subscription gets 422 with JSON:API errors", async () => {
  const bad = structuredClone(SEED_002);
  bad.data.attributes = { frequency: "*/5 * * * *", activate_by_source_order: false };
  const res = await fetch(url, { method: "POST", body: JSON.stringify(bad) });
  assert.equal(res.status, 422);
  assert.equal(res.headers.get("content-type"), "application/vnd.api+json");
  const { errors } = await res.json();
  assert.deepEqual(errors.map((e) => [e.status, e.code, e.source.pointer]), [
    ["422", "VALIDATION_ERROR", "/data/attributes/frequency"],
    ["422", "VALIDATION_ERROR", "/data/attributes/starts_at"],
  ]);
});

test("a document of the wrong shape gets 400", async () => {
  const res = await fetch(url, { method: "POST", body: "{not json" });
  assert.equal(res.status, 400);
  assert.equal((await res.json()).errors[0].code, "BAD_REQUEST");
});

test("a good one comes back as the request the worker would forward", async () => {
  const res = await fetch(url, { method: "POST", body: JSON.stringify(SEED_002) });
  assert.equal(res.status, 200);
  const { forward } = await res.json();
  assert.equal(forward.url, "https://yourdomain.commercelayer.io/api/order_subscriptions");
  assert.equal(forward.headers["Content-Type"], "application/vnd.api+json");
  assert.deepEqual(forward.body, SEED_002);
});
