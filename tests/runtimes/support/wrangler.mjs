// Starting and stopping examples/worker's pinned wrangler, shared by the tests that run a
// Worker in workerd (tests/runtimes/worker.test.mjs, tests/runtimes/load.test.mjs).
// Everything stays on 127.0.0.1: no telemetry, no update check, no Request.cf fetch,
// and wrangler's config, logs and state go to the calling test's scratch folder.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const EXAMPLE = join(ROOT, "examples/worker");
// The one wrangler the repository installs (scripts/setup.sh, from examples/worker's
// lockfile); test-only Workers run with it too, so they see the same workerd.
export const WRANGLER = join(EXAMPLE, "node_modules/.bin/wrangler");
export const WRANGLER_PKG = join(EXAMPLE, "node_modules/wrangler/package.json");
// Where scripts/setup.sh puts a Node.js new enough for that wrangler when the machine's
// own is older (wrangler refuses to start below its engines field).
const FALLBACK_NODE = join(EXAMPLE, "node_modules/.subkit-node/bin/node");
const START_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 10_000;

function versionAtLeast(version, minimum) {
  const a = version.split(".").map(Number);
  const b = minimum.split(".").map(Number);
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return true;
}

/**
 * The directory of a Node.js that the pinned wrangler accepts, to put first on its PATH
 * (its bin script runs `env node`).
 */
export function nodeForWrangler() {
  const engines = JSON.parse(readFileSync(WRANGLER_PKG, "utf8")).engines?.node ?? "";
  const minimum = /^>=\s*(\d+\.\d+\.\d+)$/.exec(engines)?.[1];
  assert.ok(minimum, `wrangler's engines.node is not of the form ">=X.Y.Z": ${JSON.stringify(engines)}`);
  if (versionAtLeast(process.versions.node, minimum)) return dirname(process.execPath);
  assert.ok(existsSync(FALLBACK_NODE),
    `wrangler needs Node.js ${minimum}, this is ${process.versions.node}, and ${FALLBACK_NODE} is missing: run scripts/setup.sh --test`);
  return dirname(FALLBACK_NODE);
}

/** A 127.0.0.1 port that was free a moment ago. */
export async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** wrangler's environment: `nodeDir` first on PATH, its files under `work`. */
export function wranglerEnv(nodeDir, work) {
  return {
    ...process.env,
    PATH: `${nodeDir}${delimiter}${process.env.PATH}`,
    // No telemetry, no error reports, no update check (the banner runs it), no fetch of
    // the Request.cf object: the only network these tests use is 127.0.0.1.
    CI: "true",
    WRANGLER_SEND_METRICS: "false",
    WRANGLER_SEND_ERROR_REPORTS: "false",
    WRANGLER_HIDE_BANNER: "true",
    CLOUDFLARE_CF_FETCH_ENABLED: "false",
    // wrangler's config, logs and dev registry go to this run's folder, not $HOME.
    XDG_CONFIG_HOME: join(work, "config"),
    WRANGLER_LOG_PATH: join(work, "logs"),
  };
}

/** Runs a command to completion with a deadline; resolves with its exit code and output. */
export function run(command, args, options, timeoutMs) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => { output += d; });
    child.stderr.on("data", (d) => { output += d; });
    const timer = setTimeout(() => {
      kill(child, "SIGKILL");
      reject(new Error(`${command} ${args.join(" ")} did not finish in ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.on("error", (err) => { clearTimeout(timer); reject(err); });
    child.on("exit", (code) => { clearTimeout(timer); resolve({ code, output }); });
  });
}

function kill(child, signal) {
  // wrangler runs workerd as its own child: the whole process group goes.
  try { process.kill(-child.pid, signal); } catch { /* already gone */ }
}

/** Stops a child started by run() or startDev(), and the workerd under it. */
export async function stop(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  kill(child, "SIGTERM");
  const timer = setTimeout(() => kill(child, "SIGKILL"), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

/**
 * `wrangler dev` for the Worker whose wrangler.toml is in `cwd`, on a free 127.0.0.1
 * port, with its state under `work`; `args` are added to wrangler's own. Resolves with
 * `{ child, url, output }` once wrangler says it is ready; `output` keeps growing with
 * what wrangler prints, up to `keepOutput` characters (the latest ones), so that a
 * Worker taking tens of thousands of requests does not fill the test's memory with
 * wrangler's request log.
 */
export async function startDev({ name, cwd, work, nodeDir, args = [], keepOutput = Infinity, logLevel = "info" }) {
  const port = await freePort();
  const inspectorPort = await freePort();
  const all = [
    "dev", "--ip", "127.0.0.1", "--port", String(port),
    "--inspector-ip", "127.0.0.1", "--inspector-port", String(inspectorPort),
    ...args,
    "--persist-to", join(work, `state-${name}`),
    "--show-interactive-dev-session=false",
    "--log-level", logLevel,
  ];
  const child = spawn(WRANGLER, all, { cwd, env: wranglerEnv(nodeDir, work), detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const dev = { child, url: `http://127.0.0.1:${port}`, output: "" };
  const ready = `Ready on http://127.0.0.1:${port}`;
  let isReady = false;
  const started = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`wrangler dev (${name}) not ready in ${START_TIMEOUT_MS} ms:\n${dev.output}`)), START_TIMEOUT_MS);
    const onData = (d) => {
      dev.output += d;
      if (dev.output.length > keepOutput) dev.output = dev.output.slice(-keepOutput);
      if (isReady) return;
      if (dev.output.includes(ready)) { isReady = true; clearTimeout(timer); resolve(); }
      // wrangler stays up when workerd refuses the config (a compatibility date too new,
      // say); waiting out the timeout would only hide the reason.
      if (dev.output.includes("The Workers runtime failed to start")) {
        clearTimeout(timer);
        reject(new Error(`workerd did not start for wrangler dev (${name}):\n${dev.output}`));
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("error", (err) => { clearTimeout(timer); reject(err); });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`wrangler dev (${name}) exited (${code ?? signal}) before it was ready:\n${dev.output}`));
    });
  });
  try {
    await started;
  } catch (err) {
    // A wrangler that never got ready is stopped here: the caller's after() only knows
    // the ones that did.
    await stop(child);
    throw err;
  }
  return dev;
}
