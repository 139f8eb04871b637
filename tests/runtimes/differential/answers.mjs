// The answers script of the runtime differential test (tests/runtimes/differential.test.mjs):
// run by Node, Bun and Deno alike, it makes the same calls of the package and prints one
// JSON document of what each call gave. The test requires every engine's document to
// equal the one of the Node running the test, so any engine-dependent answer shows up.
//
//   node tests/runtimes/differential/examples.mjs      (once, by the host's Node)
//   <node or bun> tests/runtimes/differential/answers.mjs
//   deno run --allow-read --allow-env tests/runtimes/differential/answers.mjs
//
// The documentation's examples are evaluated too, from the instrumented blocks that
// examples.mjs writes, so that every engine runs the same code.
//
// Only node: modules that Bun and Deno also provide are used (fs, module, url).
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
// By file path: every engine here would pick the package's "node" export condition,
// which is this file, and going by path keeps module resolution (node_modules,
// package.json lookups) out of what is compared.
import * as api from "../../../pkg/node.js";
import { cases } from "../../adversarial/corpus.mjs";
import { CLASSES, PLACES } from "../../adversarial/hostile.mjs";

const ROOT = new URL("../../../", import.meta.url);
const FIXTURES = new URL("tests/fixtures/", ROOT);
// Where examples.mjs writes the instrumented blocks and their manifest.
const EXAMPLES = new URL("test-artifacts/differential/examples/", ROOT);
const MANIFEST = new URL("manifest.json", EXAMPLES);
if (!existsSync(MANIFEST)) {
  throw new Error(`answers.mjs: ${fileURLToPath(MANIFEST)} is missing: run \`node tests/runtimes/differential/examples.mjs\` first`);
}

// ---------------------------------------------------------------------------------
// Serialisation: a JSON tree that keeps what JSON.stringify would lose or merge
// (undefined, NaN, -0, BigInt, typed arrays, class instances, cycles), so that two
// answers serialise alike only when they are alike. Object members keep their order:
// the order is part of what a caller sees (JSON.stringify, Object.keys), and it is
// deterministic in every engine for the objects the package builds.
// ---------------------------------------------------------------------------------

/** `value` as a JSON-safe tree; tags are objects whose one key starts with "$". */
export function encode(value, seen = new Set()) {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      if (Number.isNaN(value)) return { $number: "NaN" };
      if (!Number.isFinite(value)) return { $number: String(value) };
      if (Object.is(value, -0)) return { $number: "-0" };
      return value;
    case "undefined":
      return { $undefined: true };
    case "bigint":
      return { $bigint: String(value) };
    case "symbol":
      return { $symbol: String(value.description) };
    case "function":
      return { $function: value.name };
    default:
      break;
  }
  if (value === null) return null;
  if (seen.has(value)) return { $cycle: true };
  seen.add(value);
  try {
    return encodeObject(value, seen);
  } finally {
    seen.delete(value);
  }
}

function encodeObject(value, seen) {
  if (Array.isArray(value)) {
    // Holes stay holes: Array.from would turn them into undefined.
    const items = [];
    for (let i = 0; i < value.length; i++) items.push(i in value ? encode(value[i], seen) : { $hole: true });
    return items;
  }
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return { $typed: value.constructor.name, values: Array.from(value, (v) => encode(v, seen)) };
  }
  if (value instanceof DataView) return { $typed: "DataView", byteLength: value.byteLength };
  if (value instanceof ArrayBuffer) return { $typed: "ArrayBuffer", byteLength: value.byteLength };
  if (value instanceof Date) return { $date: Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString() };
  if (value instanceof Error) return { $error: value.constructor.name, message: String(value.message) };
  if (value instanceof Map) return { $map: [...value].map(([k, v]) => [encode(k, seen), encode(v, seen)]) };
  if (value instanceof Set) return { $set: [...value].map((v) => encode(v, seen)) };
  const out = {};
  // A class instance says so; plain objects (the package's answers) do not.
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) out.$class = proto?.constructor?.name ?? "?";
  else if (proto === null) out.$class = null;
  for (const key of Object.keys(value)) {
    // Data members named like a tag are escaped with one more "$". Defined, not
    // assigned: assigning "__proto__" would set the prototype and lose the member.
    Object.defineProperty(out, key.startsWith("$") ? `$${key}` : key,
      { value: encode(value[key], seen), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** What a thrown value says: the constructor's name and the message. */
function thrown(error) {
  // A hostile value may be thrown back as it is, with getters that throw in turn.
  const read = (get) => {
    try {
      return get();
    } catch {
      return "(reading it threw)";
    }
  };
  return {
    threw: read(() => error?.constructor?.name ?? typeof error),
    message: read(() => String(error?.message)),
  };
}

// ---------------------------------------------------------------------------------
// The answers, by name. A name is given once; a second use is a bug of this script.
// ---------------------------------------------------------------------------------

const answers = {};

function put(name, value) {
  if (Object.hasOwn(answers, name)) throw new Error(`answers.mjs: the name ${JSON.stringify(name)} is used twice`);
  answers[name] = value;
}

/** Records what `call()` returns, or what it throws. */
function answer(name, call) {
  let value;
  try {
    value = encode(call());
  } catch (error) {
    value = thrown(error);
  }
  put(name, value);
}

const readJson = (url) => JSON.parse(readFileSync(url, "utf8"));
// Every language the package ships (pkg/locales/<tag>.js), for the descriptions below.
const LOCALES = await Promise.all(readdirSync(new URL("pkg/locales/", ROOT)).filter((f) => f.endsWith(".js")).sort()
  .map(async (f) => (await import(new URL(`pkg/locales/${f}`, ROOT).href)).default));
const utf8 = (text) => new TextEncoder().encode(text);

// ---- 1. the fixtures, fed as tests/js/*.test.mjs feed them ----

function commerceLayerFixture(file, fixture) {
  fixture.cases.forEach((c, i) => {
    const name = `fixture ${file} #${i} ${c.description}`;
    const update = fixture.operation === "update";
    if ("input" in c) {
      // tests/js/commercelayer.test.mjs: a scalar input travels as JSON text (a JS
      // string is read as JSON text); the options and the context are one object.
      if (update) {
        answer(name, () => api.buildUpdate(fixture.resource, c.id, c.input, c.current ? { current: c.current } : undefined));
      } else {
        const input = typeof c.input === "object" && c.input !== null ? c.input : JSON.stringify(c.input);
        answer(name, () => api.buildResource(fixture.resource, input, { ...c.options, ...c.context }));
      }
      return;
    }
    const validate = update
      ? (document) => api.validateUpdate(fixture.resource, c.id, document, c.current ? { current: c.current } : undefined)
      : (document) => api.validateResource(fixture.resource, document, c.context);
    // The document as the fixture gives it, then as JSON text and as UTF-8 bytes, the
    // other two forms every Commerce Layer validator takes.
    const given = "text" in c ? c.text : c.document;
    const text = "text" in c ? c.text : JSON.stringify(c.document);
    answer(`${name} [as given]`, () => validate(given));
    if (!("text" in c)) answer(`${name} [as JSON text]`, () => validate(text));
    answer(`${name} [as UTF-8 bytes]`, () => validate(utf8(text)));
  });
}

function adobeFixture(file, fixture) {
  const [validate, build] = fixture.endpoint === "update"
    ? [api.validateAdobeSubscriptionUpdate, api.buildAdobeSubscriptionUpdate]
    : [api.validateAdobeSubscription, api.buildAdobeSubscription];
  fixture.cases.forEach((c, i) => {
    answer(`fixture ${file} #${i} ${c.description}`, () =>
      "input" in c ? build(c.input, { ...c.options, context: c.context }) : validate(c.request, c.context));
  });
}

function frequencyFixture(file, fixture) {
  fixture.cases.forEach((c, i) => {
    const name = `fixture ${file} #${i} ${c.text ?? c.description ?? `${c.expression} after ${c.after}`}`;
    if ("text" in c) {
      // tests/js/frequency.test.mjs asks for the 24-hour clock the fixtures are written
      // in. The language's own clock, and every language's words, come from the
      // engine's Intl (describe.js), so they are asked too: ICU data differs by engine.
      answer(`${name} [hourCycle h23]`, () => api.parseFrequency(c.text, { startsAt: c.startsAt, hourCycle: "h23" }));
      answer(`${name} [default clock]`, () => api.parseFrequency(c.text, { startsAt: c.startsAt }));
      for (const locale of LOCALES) {
        answer(`${name} [describeFrequency in ${locale.locale}]`, () => api.describeFrequency(c.text, { startsAt: c.startsAt, locale }));
      }
      return;
    }
    const { startsAt, after, expiresAt } = c;
    const count = c.count ?? c.runs?.length;
    answer(name, () => api.nextRuns(c.frequency ?? c.expression, { startsAt, after, expiresAt, count }));
  });
}

for (const domain of readdirSync(FIXTURES).sort()) {
  for (const file of readdirSync(new URL(`${domain}/`, FIXTURES)).sort()) {
    const fixture = readJson(new URL(`${domain}/${file}`, FIXTURES));
    const path = `${domain}/${file}`;
    if (domain === "commercelayer") commerceLayerFixture(path, fixture);
    else if (domain === "adobe") adobeFixture(path, fixture);
    else if (domain === "frequency") frequencyFixture(path, fixture);
    else throw new Error(`answers.mjs: tests/fixtures/${domain}/ is new; say which function its files feed`);
  }
}

// ---- 2. the adversarial corpus and the hostile classes ----

for (const c of cases()) answer(`corpus: ${c.name}`, () => c.run(api));

for (const [exportName, places] of Object.entries(PLACES)) {
  for (const kind of Object.keys(CLASSES)) {
    // A fresh hostile value per call: a revoked Proxy or a cyclic object must not be
    // changed by an earlier call.
    places.forEach((place, i) => answer(`hostile: ${exportName} place ${i} with ${kind}`, () => place(api, CLASSES[kind]())));
  }
}

// ---- 3. depth: the same nesting as an object (from JSON.parse) and as text ----

const DEPTHS = [100, 127, 128, 129, 1000, 4100, 4450, 5000, 10000, 100000];
const NESTINGS = {
  // {"data":{"a":{"a":…1…}}}: `levels` objects inside data.
  object: (levels) => `{"data":${'{"a":'.repeat(levels)}1${"}".repeat(levels)}}`,
  // {"data":[[…]]}: `levels` arrays inside data.
  array: (levels) => `{"data":${"[".repeat(levels)}${"]".repeat(levels)}}`,
};
for (const [nesting, make] of Object.entries(NESTINGS)) {
  for (const levels of DEPTHS) {
    const text = make(levels);
    const name = `depth: ${nesting} nested ${levels} deep`;
    // JSON.parse's own limit is the engine's; where it throws, that is the answer for
    // the parsed form, and the text form is still asked.
    let parsed;
    let parseError;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      parseError = thrown(error);
    }
    if (parseError) put(`${name} [JSON.parse(text)]`, { jsonParse: parseError });
    else answer(`${name} [JSON.parse(text)]`, () => api.validateResource("customer_subscriptions", parsed));
    answer(`${name} [text]`, () => api.validateResource("customer_subscriptions", text));
  }
}

// ---- 4. the documentation's examples ----
// Last, since an example may change the module's state (setLocale) for what follows.

const manifest = readJson(MANIFEST);
const requireHere = createRequire(import.meta.url);

// fetch becomes a recorder, as tests/docs/harness.cjs makes it: the request must be one
// the engine's own Request accepts, and what would be sent is part of the answer.
let sent = [];
globalThis.fetch = async function fetch(input, init) {
  const request = new Request(input, init);
  if (!/^https:\/\//.test(request.url)) throw new TypeError(`examples send only to https URLs, not ${request.url}`);
  sent.push({ method: request.method, url: request.url, body: await request.text() });
  return new Response(null, { status: 204 });
};

for (const block of manifest.blocks) {
  const shown = [];
  sent = [];
  // Each shown value under the line of the document it is shown at.
  globalThis.__differentialShow = (line, actual) => shown.push([block.line + line - 1, encode(actual)]);
  let outcome = "ran";
  try {
    if (block.kind === "cjs") requireHere(block.file);
    else await import(pathToFileURL(block.file).href);
  } catch (error) {
    outcome = thrown(error);
  }
  put(`example ${block.name}`, { outcome, shown, sent });
}
delete globalThis.__differentialShow;

// ---- the document ----

const engine = globalThis.Deno
  ? { name: "deno", version: globalThis.Deno.version.deno }
  : globalThis.Bun
    ? { name: "bun", version: globalThis.Bun.version }
    : { name: "node", version: globalThis.process.versions.node };
console.log(JSON.stringify({ engine, answers }));
