// Writes the fuzz targets' seed corpora from the test fixtures: every document,
// request and frequency the fixtures hold, into <dir>/<target>/ (default fuzz/corpus).
// Run by scripts/fuzz.sh before fuzzing; the committed corpus is these seeds plus what
// the fuzzer found, minimised with `cargo fuzz cmin`.
//   node scripts/fuzz-seeds.mjs [dir]
import { readFileSync, writeFileSync, mkdirSync, readdirSync } from "node:fs";
import { createHash } from "node:crypto";

const root = new URL("../", import.meta.url);
const read = (p) => JSON.parse(readFileSync(new URL(p, root), "utf8"));

const out = process.argv[2] ? new URL(`file://${process.argv[2].replace(/\/?$/, "/")}`) : new URL("fuzz/corpus/", root);

function put(target, content) {
  const dir = new URL(`${target}/`, out);
  mkdirSync(dir, { recursive: true });
  const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content);
  const name = createHash("sha1").update(bytes).digest("hex");
  writeFileSync(new URL(name, dir), bytes);
}

// Commerce Layer: documents (validate fixtures) and flat inputs (build fixtures).
for (const file of readdirSync(new URL("tests/fixtures/commercelayer/", root))) {
  const resource = file.replace(/_(validate|build)\.json$/, "");
  for (const c of read(`tests/fixtures/commercelayer/${file}`).cases) {
    const doc = c.document ?? c.input;
    if (doc === undefined) continue;
    const text = typeof doc === "string" ? doc : JSON.stringify(doc);
    put(resource, text);
    put("json", text);
    put("reader", text);
  }
}

// Adobe: the first byte is the context flags (0: none given).
for (const file of ["validate.json", "build.json"]) {
  for (const c of read(`tests/fixtures/adobe/${file}`).cases) {
    const request = c.request ?? c.input;
    if (request === undefined) continue;
    put("adobe", Buffer.concat([Buffer.from([0]), Buffer.from(JSON.stringify(request))]));
  }
}

// Frequencies: the parse fixtures, and runs with a start in 2024.
const frequencies = new Set();
for (const c of read("tests/fixtures/frequency/parse.json").cases) frequencies.add(c.frequency ?? c.text);
for (const file of ["runs.json", "cron_runs.json"]) {
  for (const c of read(`tests/fixtures/frequency/${file}`).cases) frequencies.add(c.frequency ?? c.expression);
}
const head = Buffer.alloc(26);
head.writeBigInt64LE(1_704_067_200_000n, 0); // startsAt 2024-01-01
head.writeBigInt64LE(1_706_745_600_000n, 8); // after 2024-02-01
head.writeBigInt64LE(1_767_225_600_000n, 16); // expiresAt 2026-01-01
head[24] = 3; // use both
head[25] = 10; // 41 runs
for (const f of frequencies) {
  if (typeof f !== "string") continue;
  put("frequency", f);
  put("next_runs", Buffer.concat([head, Buffer.from(f)]));
}
console.log(`wrote seed corpora to ${out.pathname}`);
