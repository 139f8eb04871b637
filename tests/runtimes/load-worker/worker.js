// A test-only Worker (tests/runtimes/load.test.mjs): it passes a request's body to
// subkit the ways a Worker would, answers with subkit's result, and reports the state
// of the wasm instance, so that the test can load it with many requests and with the
// hostile calls of tests/adversarial/hostile.mjs and check that nothing is left behind.
//
//   POST /call/text | /call/bytes | /call/object   the body as `await request.text()`,
//        `new Uint8Array(await request.arrayBuffer())` or `JSON.parse` of the text; the
//        header x-subkit-call is JSON { fn, args }: the call's other arguments in order,
//        the body going in at BODY_AT[fn]. Answers 200 with the result as JSON, or
//        { threw, message } when subkit throws; 400 for a request the test got wrong.
//   GET  /state                                    the instance's table and memory
//   POST /hammer   { name, kind, n, warmUp }        hostile.mjs's hammer() on subkit,
//        with the state before and after
import * as subkit from "subkit";
// The glue the package's workerd entry initialised, by the name wrangler.toml aliases to
// pkg/dist/subkit.js (the package's exports map does not expose it). esbuild resolves
// that and the entry's own "./dist/subkit.js" to the one file, so the bundle holds one
// copy. A second copy would be uninitialised, and initSync() with no module would throw
// on the first /state: what /state reports can only be the instance subkit calls.
import { initSync } from "subkit-load-glue";
import { hammer } from "../../adversarial/hostile.mjs";
import { BODY_AT } from "./calls.mjs";


// An id per instance the glue has had: the package may replace its instance (after a
// trap, or above its memory high-water mark), and a table or memory compared across two
// instances would say nothing.
const instances = new WeakMap();
let instanceCount = 0;

/**
 * The externref table's length, its occupied slots and the memory's size. A slot the
 * allocator gives back is set to null (wasm-bindgen's __externref_table_dealloc), so
 * the slots that are not null are the live ones, plus the fixed ones that hold a value
 * (undefined at 0 and 1024, true and false at 1026 and 1027): counted without asking
 * the allocator for slots until it has to grow the table, which would grow what is
 * measured. A live slot holding null would be missed; the hostile values and what
 * they throw are never null.
 */
function state() {
  const wasm = initSync();
  if (!instances.has(wasm)) instances.set(wasm, ++instanceCount);
  const table = wasm.__wbindgen_externrefs;
  let occupied = 0;
  for (let i = 0; i < table.length; i++) if (table.get(i) !== null) occupied++;
  return { instance: instances.get(wasm), table: table.length, occupied, memory: wasm.memory.buffer.byteLength };
}

const json = (value, status = 200) =>
  new Response(JSON.stringify(value), { status, headers: { "content-type": "application/json" } });

// subkit's answer as the test compares it: the result, or what was thrown.
function answer(fn, args) {
  let result;
  try {
    result = subkit[fn](...args);
  } catch (e) {
    return json({ threw: e?.name ?? typeof e, message: String(e?.message ?? e) });
  }
  return json(result);
}

async function call(request, form) {
  let spec;
  try {
    spec = JSON.parse(request.headers.get("x-subkit-call") ?? "");
  } catch {
    return json({ error: "x-subkit-call is not JSON" }, 400);
  }
  const at = BODY_AT[spec?.fn];
  if (at === undefined || !Array.isArray(spec.args)) return json({ error: "unknown call" }, 400);
  let body;
  if (form === "text") body = await request.text();
  else if (form === "bytes") body = new Uint8Array(await request.arrayBuffer());
  else if (form === "object") {
    try {
      body = JSON.parse(await request.text());
    } catch {
      return json({ error: "the body is not JSON" }, 400);
    }
  } else return json({ error: "unknown form" }, 400);
  const args = [...spec.args];
  args.splice(at, 0, body);
  return answer(spec.fn, args);
}

export default {
  async fetch(request) {
    const { pathname } = new URL(request.url);
    if (request.method === "POST" && pathname.startsWith("/call/")) return call(request, pathname.slice(6));
    if (request.method === "GET" && pathname === "/state") return json(state());
    if (request.method === "POST" && pathname === "/hammer") {
      const { name, kind, n, warmUp } = await request.json();
      hammer(subkit, name, kind, warmUp); // buffers and caches reach their size
      const before = state();
      const thrown = hammer(subkit, name, kind, n);
      return json({ before, after: state(), thrown });
    }
    return json({ error: "not found" }, 404);
  },
};
