// examples/worker as its README has people run it: bundled by the wrangler its
// package.json pins (`wrangler deploy --dry-run`) and served by that wrangler's workerd
// (`wrangler dev`) on 127.0.0.1. Commerce Layer is a local mock server that records what
// reaches it, so the forwarding is checked without the internet.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { EXAMPLE, ROOT, WRANGLER, WRANGLER_PKG, freePort, nodeForWrangler, run, startDev as startWrangler, stop, wranglerEnv } from "./support/wrangler.mjs";

// A fresh token per run, so finding it anywhere in a response can only mean a leak.
const TOKEN = `test-token-${randomBytes(12).toString("hex")}`;
const JSON_API = "application/vnd.api+json";

// The flat input the Worker takes, and the document Commerce Layer must receive for it.
const INPUT = { frequency: "monthly", starts_at: "2018-01-01T12:00:00.000Z", source_order: "QWERtyUpBa" };
const DOCUMENT = {
  data: {
    type: "order_subscriptions",
    attributes: { frequency: "monthly", starts_at: "2018-01-01T12:00:00.000Z" },
    relationships: { source_order: { data: { type: "orders", id: "QWERtyUpBa" } } },
  },
};
const CREATED = {
  data: {
    id: "xYZkjABcde",
    type: "order_subscriptions",
    attributes: { status: "draft", frequency: "monthly", starts_at: "2018-01-01T12:00:00.000Z" },
  },
};

let work, mock, worker, unconfigured, unreachable;
const received = [];
// What the mock answers next; a test may change it.
let answer = { status: 201, body: CREATED };
// Every response the Worker gave, headers and body as text, for the token check.
const seen = [];

// `wrangler dev` on a free 127.0.0.1 port, with CL_BASE_URL at baseUrl and the secrets
// read from envFile (never examples/worker/.dev.vars, which may hold a real token).
function startDev(name, baseUrl, envFile, nodeDir) {
  return startWrangler({
    name, cwd: EXAMPLE, work, nodeDir,
    args: ["--var", `CL_BASE_URL:${baseUrl}`, "--env-file", envFile],
  });
}

async function post(base, body, headers = { "content-type": "application/json" }) {
  return record(await fetch(base, { method: "POST", headers, body }));
}

async function record(res) {
  const text = await res.text();
  seen.push(`${res.status}\n${[...res.headers].map(([k, v]) => `${k}: ${v}`).join("\n")}\n\n${text}`);
  return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) };
}

before(async () => {
  assert.ok(existsSync(WRANGLER), `${WRANGLER} is missing: run scripts/setup.sh --test (it installs examples/worker's lockfile)`);
  assert.ok(existsSync(join(ROOT, "pkg/dist/subkit_bg.wasm")), "pkg/dist is missing: run scripts/build-pkg.sh");
  work = mkdtempSync(join(tmpdir(), "subkit-worker-"));
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

test("package.json pins wrangler exactly, and that version is the one installed", () => {
  const pkg = JSON.parse(readFileSync(join(EXAMPLE, "package.json"), "utf8"));
  const pinned = pkg.devDependencies?.wrangler;
  assert.match(pinned, /^\d+\.\d+\.\d+$/, "wrangler must be pinned to one exact version");
  assert.equal(JSON.parse(readFileSync(WRANGLER_PKG, "utf8")).version, pinned);
  // Inside this repository the example runs the package built from it.
  assert.equal(pkg.dependencies?.subkit, "file:../../pkg");
});

test("compatibility_date is one the workerd bundled with that wrangler supports", async () => {
  const toml = readFileSync(join(EXAMPLE, "wrangler.toml"), "utf8");
  const date = /^compatibility_date\s*=\s*"(\d{4}-\d{2}-\d{2})"/m.exec(toml)?.[1];
  assert.ok(date, "wrangler.toml has no compatibility_date");
  // The binary itself is the authority: it refuses a date newer than its build supports
  // ("the newest date supported by this server binary is ..."). `workerd test` on a
  // one-test Worker with that date exits 0 only if the date is accepted.
  const miniflare = createRequire(WRANGLER_PKG).resolve("miniflare/package.json");
  const binary = createRequire(miniflare)("workerd").default;
  writeFileSync(join(work, "probe.js"), "export const accepted = { test() {} };\n");
  writeFileSync(join(work, "probe.capnp"), [
    'using Workerd = import "/workerd/workerd.capnp";',
    "const config :Workerd.Config = (services = [(name = \"probe\", worker = (",
    '  modules = [(name = "probe.js", esModule = embed "probe.js")],',
    `  compatibilityDate = "${date}"))]);`,
    "",
  ].join("\n"));
  const { code, output } = await run(binary, ["test", join(work, "probe.capnp")], { cwd: work }, 30_000);
  assert.equal(code, 0, `the pinned wrangler's workerd refuses compatibility_date ${date}: bump wrangler and the date together\n${output}`);
});

test("wrangler deploy --dry-run bundles the Worker with subkit's wasm as a module", async () => {
  const outdir = join(work, "bundle");
  const { code, output } = await run(WRANGLER, ["deploy", "--dry-run", "--outdir", outdir],
    { cwd: EXAMPLE, env: wranglerEnv(nodeForWrangler(), work) }, 120_000);
  assert.equal(code, 0, output);
  const files = readdirSync(outdir);
  assert.ok(files.includes("index.js"), `no index.js in ${files}`);
  const wasm = files.filter((f) => f.endsWith(".wasm"));
  assert.equal(wasm.length, 1, `expected one .wasm module, got ${files}`);
  assert.deepEqual(readFileSync(join(outdir, wasm[0])), readFileSync(join(ROOT, "pkg/dist/subkit_bg.wasm")));
  assert.ok(readFileSync(join(outdir, "index.js"), "utf8").includes(wasm[0]), "index.js does not import the wasm module");
});

// The Worker served by `wrangler dev`, answering real HTTP requests.
describe("the Worker in wrangler dev", () => {
  before(async () => {
    mock = createServer((req, res) => {
      let body = "";
      req.setEncoding("utf8");
      req.on("data", (chunk) => { body += chunk; });
      req.on("end", () => {
        received.push({ method: req.method, url: req.url, headers: req.headers, body });
        res.writeHead(answer.status, { "content-type": JSON_API, "x-request-id": "mock-1" });
        res.end(JSON.stringify(answer.body));
      });
    });
    await new Promise((resolve) => mock.listen(0, "127.0.0.1", resolve));

    const nodeDir = nodeForWrangler();
    const mockUrl = `http://127.0.0.1:${mock.address().port}`;
    // A port that was free a moment ago and has nothing listening: Commerce Layer down.
    const deadUrl = `http://127.0.0.1:${await freePort()}`;
    writeFileSync(join(work, "secrets.env"), `CL_ACCESS_TOKEN=${TOKEN}\n`);
    writeFileSync(join(work, "empty.env"), "");
    // Three Workers at once: the configured one, one whose secret was never set, and one
    // whose upstream is down. allSettled, so that none is left running if another fails.
    const started = await Promise.allSettled([
      startDev("configured", mockUrl, join(work, "secrets.env"), nodeDir),
      startDev("unconfigured", mockUrl, join(work, "empty.env"), nodeDir),
      startDev("unreachable", deadUrl, join(work, "secrets.env"), nodeDir),
    ]);
    [worker, unconfigured, unreachable] = started.map((s) => s.value);
    const failed = started.find((s) => s.status === "rejected");
    if (failed) throw failed.reason;
  });

  after(async () => {
    await Promise.all([worker, unconfigured, unreachable].map((dev) => stop(dev?.child)));
    if (mock) await new Promise((resolve) => mock.close(resolve));
  });

  test("the Workers listen on 127.0.0.1 only", () => {
    for (const dev of [worker, unconfigured, unreachable]) assert.equal(new URL(dev.url).hostname, "127.0.0.1");
  });

  test("a valid input is forwarded to Commerce Layer with the token, and its answer relayed", async () => {
    received.length = 0;
    const res = await post(worker.url, JSON.stringify(INPUT));
    assert.equal(res.status, 201, res.text);
    assert.equal(res.headers.get("content-type"), JSON_API);
    assert.deepEqual(res.json(), CREATED);
    // Only the content type is relayed, not the upstream's other headers.
    assert.equal(res.headers.get("x-request-id"), null);

    assert.equal(received.length, 1);
    const [got] = received;
    assert.equal(got.method, "POST");
    assert.equal(got.url, "/api/order_subscriptions");
    assert.equal(got.headers.accept, JSON_API);
    assert.equal(got.headers["content-type"], JSON_API);
    assert.equal(got.headers.authorization, `Bearer ${TOKEN}`);
    assert.deepEqual(JSON.parse(got.body), DOCUMENT);
  });

  test("Commerce Layer's own errors are relayed with its status", async () => {
    received.length = 0;
    const upstreamError = { errors: [{ title: "Invalid token", detail: "The access token you provided is invalid.", code: "INVALID_TOKEN", status: "401" }] };
    answer = { status: 401, body: upstreamError };
    try {
      const res = await post(worker.url, JSON.stringify(INPUT));
      assert.equal(res.status, 401);
      assert.deepEqual(res.json(), upstreamError);
      assert.equal(received.length, 1);
    } finally {
      answer = { status: 201, body: CREATED };
    }
  });

  test("an invalid input gets Commerce Layer's own 422 answer, and nothing reaches Commerce Layer", async () => {
    received.length = 0;
    const res = await post(worker.url, JSON.stringify({ ...INPUT, frequency: "*/5 * * * *", activate_by_source_order: false, starts_at: undefined }));
    assert.equal(res.status, 422);
    assert.equal(res.headers.get("content-type"), JSON_API);
    const { errors } = res.json();
    assert.deepEqual(errors.map((e) => [e.status, e.code, e.source.pointer]), [
      ["422", "VALIDATION_ERROR", "/data/attributes/frequency"],
      ["422", "VALIDATION_ERROR", "/data/attributes/starts_at"],
    ]);
    // Only the members Commerce Layer's errors have: nothing subkit adds for forms.
    for (const e of errors) assert.deepEqual(Object.keys(e), ["title", "detail", "code", "source", "status", "meta"]);
    assert.deepEqual(errors.map((e) => e.meta), [{ error: "invalid" }, { error: "blank" }]);
    assert.equal(received.length, 0);
  });

  test("the README's sample 422 is the Worker's answer to the README's request, byte for byte", async () => {
    const readme = readFileSync(join(EXAMPLE, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("A `422` for the example above"));
    const request = section.match(/-d '([^']+)'/)[1];
    const shown = section.match(/```json\n(.*)\n```/)[1];
    const res = await post(worker.url, request);
    assert.equal(res.status, 422);
    assert.equal(res.text, shown, "examples/worker/README.md: put the Worker's answer in the sample");
  });

  test("a JSON:API document sent as application/vnd.api+json is forwarded as it came", async () => {
    received.length = 0;
    // Spacing of its own, which a rebuilt document would lose.
    const text = JSON.stringify(DOCUMENT, null, 1);
    const res = await post(worker.url, text, { "content-type": JSON_API });
    assert.equal(res.status, 201, res.text);
    assert.equal(received.length, 1);
    assert.equal(received[0].body, text);
    assert.equal(received[0].headers.authorization, `Bearer ${TOKEN}`);
  });

  test("an invalid JSON:API document gets Commerce Layer's answer, and nothing is sent", async () => {
    received.length = 0;
    const bad = { data: { ...DOCUMENT.data, attributes: { ...DOCUMENT.data.attributes, foo: 1 } } };
    const res = await post(worker.url, JSON.stringify(bad), { "content-type": JSON_API });
    assert.equal(res.status, 400);
    assert.deepEqual(res.json(), { errors: [{ title: "Param not allowed", detail: "foo is not allowed.", code: "PARAM_NOT_ALLOWED",
      source: { pointer: "/data/attributes/foo" }, status: "400" }] });
    assert.equal(received.length, 0);
  });

  test("a body that is not JSON gets 400, and nothing reaches Commerce Layer", async () => {
    received.length = 0;
    const res = await post(worker.url, "{not json");
    assert.equal(res.status, 400);
    const { errors } = res.json();
    assert.equal(errors[0].code, "BAD_REQUEST");
    assert.equal(errors[0].source.pointer, "");
    assert.equal(received.length, 0);
  });

  test("a JSON:API document sent as the flat input (application/json) gets 400", async () => {
    received.length = 0;
    const res = await post(worker.url, JSON.stringify(DOCUMENT));
    assert.equal(res.status, 400);
    assert.ok(res.json().errors.length > 0);
    assert.equal(received.length, 0);
  });

  test("a GET gets 405 with Allow: POST", async () => {
    received.length = 0;
    const res = await record(await fetch(worker.url));
    assert.equal(res.status, 405);
    assert.equal(res.headers.get("allow"), "POST");
    assert.equal(res.json().errors[0].code, "METHOD_NOT_ALLOWED");
    assert.equal(received.length, 0);
  });

  test("a form post gets 415", async () => {
    received.length = 0;
    const res = await post(worker.url, "frequency=monthly", { "content-type": "application/x-www-form-urlencoded" });
    assert.equal(res.status, 415);
    assert.equal(res.json().errors[0].code, "UNSUPPORTED_MEDIA_TYPE");
    assert.equal(received.length, 0);
  });

  test("without the CL_ACCESS_TOKEN secret a valid input gets 500, and nothing is sent", async () => {
    received.length = 0;
    const res = await post(unconfigured.url, JSON.stringify(INPUT));
    assert.equal(res.status, 500);
    assert.equal(res.json().errors[0].code, "INTERNAL_SERVER_ERROR");
    assert.equal(received.length, 0);
    // The operator learns which setting is missing from the Worker's log.
    const deadline = Date.now() + 5_000;
    while (!unconfigured.output.includes("/options/accessToken") && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.match(unconfigured.output, /subkit-worker misconfigured:.*\/options\/accessToken/);
  });

  test("when Commerce Layer cannot be reached a valid input gets 502", async () => {
    const res = await post(unreachable.url, JSON.stringify(INPUT));
    assert.equal(res.status, 502);
    assert.equal(res.json().errors[0].code, "BAD_GATEWAY");
  });

  test("the token appears in no response, and wrangler printed it nowhere", () => {
    assert.ok(seen.length >= 12, `only ${seen.length} responses were recorded`);
    for (const text of seen) assert.ok(!text.includes(TOKEN), `a response carries the token:\n${text}`);
    for (const dev of [worker, unreachable]) assert.ok(!dev.output.includes(TOKEN), "wrangler dev printed the token");
  });
});
