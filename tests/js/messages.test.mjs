// The shopper-facing catalogs (pkg/locales/messages/) and their formatter (pkg/format.js).
// The codes, their params, and the values a select can meet (JSON types, formats,
// crontab fields and their ranges, the limits, the instant options, too_large's units,
// Adobe's constants) come from the manifest (docs/manifest.json, written from the Rust
// tables and checked as fresh by tests/docs_lists.rs), so a new code or value fails
// here until every locale has words for it; nothing here reads Rust source. Needs only
// Node: nothing here loads the wasm.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { formatMessage } from "../../pkg/format.js";

const LOCALES = ["en", "it", "de", "fr", "es", "nl", "pt", "pl"];
const root = new URL("../../", import.meta.url);
const read = (path) => readFileSync(new URL(path, root), "utf8");
const catalogs = Object.fromEntries(
  await Promise.all(LOCALES.map(async (l) => [l, (await import(`../../pkg/locales/messages/${l}.js`)).default])),
);

const manifest = JSON.parse(read("docs/manifest.json"));
const RULES = manifest.rules;
const FREQUENCY = manifest.frequency.codes;
const RUNS = manifest.frequency.runsCodes;
const JSON_TYPES = manifest.jsonTypes;
const FORMATS = manifest.formats;
const FIELDS = manifest.frequency.fields.map((f) => f.name);
// The values a select may name, as the Rust tables list them.
const OPTIONS = manifest.values.option;
const UNITS = manifest.values.unit;
const CONSTS = manifest.values.const;
const MAX_COUNT = manifest.frequency.maxCount;
const MAX_FREQUENCY_BYTES = manifest.frequency.maxBytes;
const bounds = Object.fromEntries(manifest.frequency.fields.map((f) => [f.name, [f.min, f.max]]));

test("the lists read as expected", () => {
  assert.equal(manifest.version, 1);
  assert.ok(RULES.length >= 24, `${RULES}`);
  assert.equal(FREQUENCY.length, 10);
  assert.deepEqual(RUNS, ["invalid_instant", "missing_start", "count_out_of_range", "horizon"]);
  assert.deepEqual(JSON_TYPES, ["null", "boolean", "number", "integer", "string", "array", "object"]);
  assert.equal(FORMATS.length, 12);
  assert.deepEqual(FIELDS, ["minute", "hour", "day-of-month", "month", "day-of-week"]);
  assert.deepEqual(Object.keys(bounds), FIELDS);
  assert.deepEqual(OPTIONS, ["startsAt", "after", "expiresAt"]);
  assert.deepEqual(UNITS, ["bytes", "values"]);
  assert.ok(CONSTS.includes("true"), `${CONSTS}`);
});

const CODES = [...RULES, ...FREQUENCY, ...RUNS];

test("every code has a message in every locale, and no locale has a code the source lacks", () => {
  assert.equal(new Set(CODES).size, CODES.length, "rule, frequency and runs codes are distinct");
  for (const l of LOCALES) {
    assert.deepEqual(Object.keys(catalogs[l]).sort(), [...CODES].sort(), l);
    for (const [code, text] of Object.entries(catalogs[l])) assert.ok(typeof text == "string" && text.trim(), `${l}.${code}`);
  }
});

// The params each code carries (Code::params, FrequencyError::PARAMS and
// RunsError::PARAMS, which Rust tests hold to what each kind carries), from the manifest.
const PARAMS = manifest.params;

test("the manifest lists the params of every code, and only of those", () => {
  assert.deepEqual(Object.keys(PARAMS).sort(), [...CODES].sort());
  assert.deepEqual(PARAMS.out_of_range, ["field", "value", "min", "max"]);
  assert.deepEqual(PARAMS.count_out_of_range, ["count", "max"]);
});

// Realistic params, several sets a code: every value the source can give a select,
// and plural boundaries (Polish 1 one, 2 few, 5 many, 22 few; 12 many).
const NUMBERS = [1, 2, 5, 12, 22, 25, 101];
const field = (f, more) => ({ field: f, ...more });
const SAMPLES = {
  invalid_json: [{ line: 0, column: 0, reason: "EOF" }, { line: 3, column: 14, reason: "expected `,`" }],
  too_large: UNITS.map((unit) => ({ size: 5e6, limit: unit == "bytes" ? 4194304 : 100000, unit })),
  type: JSON_TYPES.flatMap((expected) => JSON_TYPES.filter((f) => f != "integer").map((found) => ({ expected, found }))),
  required: [{}],
  format: FORMATS.map((format) => ({ format })),
  resource_type: [{ expected: "orders", found: "skus" }],
  not_allowed: [{ member: "foo" }],
  forbidden: [{ member: "included", reason: "a create request carries only the primary resource" }],
  enum: [{ allowed: ["by_frequency", "by_date"] }, { allowed: ["MOQ_10", "MOQ_50", "MOQ_100"] }],
  range: [{ min: 1, max: 720, value: 0 }, { min: 1, max: 10000, value: 10001 }],
  duplicate: [{ first: 0 }],
  after: [{ other: "starts_at" }],
  frequency: [...FREQUENCY.map((frequency_error) => ({ frequency_error, field: null, span: [0, 3] })),
    ...FIELDS.map((f) => ({ frequency_error: "out_of_range", field: f, span: [0, 2] }))],
  not_offered: [{ offered: ["monthly"] }, { offered: ["weekly", "monthly", "two-month"] }],
  linkage: [{ reason: "a relationship needs a data member" }],
  const: CONSTS.map((expected) => ({ expected })),
  max_length: NUMBERS.map((max) => ({ max })),
  max_items: NUMBERS.map((max) => ({ max })),
  dependent_required: [{ because: "deploymentId" }],
  header_value: [{}],
  window: [{ from: "2025-03-26", to: "2025-04-22", relative_to: "30 to 3 days before the anniversary date 2025-04-25" }],
  not_eligible: [{ reason: "a customer with no active subscription cannot create one" }],
  id_mismatch: [{ expected: "BkMdJFGdjX", found: "xYZkjABcde" }],
  transition: [{ trigger: "_deactivate", status: "draft" }],
  empty: [{}],
  too_long: [{ limit: MAX_FREQUENCY_BYTES }],
  unknown_frequency: [{ text: "fortnightly" }],
  field_count: [1, 4, 6].map((found) => ({ found })),
  out_of_range: FIELDS.map((f) => field(f, { value: bounds[f][1] + 1, min: bounds[f][0], max: bounds[f][1] })),
  invalid_value: FIELDS.map((f) => field(f, { text: "x" })),
  invalid_step: FIELDS.map((f) => field(f, { text: "0" })),
  invalid_range: FIELDS.map((f) => field(f, { start: 5, end: 2 })),
  never_fires: [
    { reason: "days_not_in_months", days: [30, 31], months: [2] },
    { reason: "days_not_in_months", days: [31], months: [2, 4, 6, 9, 11] },
  ],
  sub_hourly: NUMBERS.filter((n) => n > 1 && n <= 60).map((per_hour) => ({ per_hour })),
  invalid_instant: OPTIONS.map((option) => ({ option })),
  missing_start: [{ preset: true }, { preset: false }],
  count_out_of_range: [0, 1001].map((count) => ({ count, max: MAX_COUNT })),
  horizon: [{}],
};

/** Every param a template names, at any depth: a scanner, since `key {text}` cases look like arguments. */
function named(t) {
  const out = [];
  let i = 0;
  const message = () => {
    while (i < t.length && t[i] != "}") t[i] == "{" ? argument() : i++;
  };
  const argument = () => {
    const head = /\{\s*(\w*)\s*(?:,\s*\w+\s*)?/y;
    head.lastIndex = i;
    const [all, name] = head.exec(t);
    out.push(name);
    i += all.length;
    if (t[i] == ",") {
      i++;
      for (let key = /\s*[^\s{}]+\s*/y, m; (key.lastIndex = i), (m = key.exec(t)); ) {
        i += m[0].length;
        if (t[i] == "{") i++, message(), i++;
      }
    }
    while (/\s/.test(t[i])) i++;
    i++;
  };
  message();
  return out;
}

test("every message, rendered with realistic params, fills every placeholder", () => {
  assert.deepEqual(Object.keys(SAMPLES).sort(), [...CODES].sort());
  for (const l of LOCALES) {
    for (const code of CODES) {
      const template = catalogs[l][code];
      for (const name of named(template)) assert.ok(PARAMS[code].includes(name), `${l}.${code} names ${name}`);
      for (const params of SAMPLES[code]) {
        const out = formatMessage(template, params, l);
        const where = `${l}.${code} ${JSON.stringify(params)}: ${out}`;
        assert.doesNotMatch(out, /[{}#]|undefined|NaN|null|\[object/, where);
        assert.match(out, /^\p{Lu}|^[«„“‘]/u, `${where}: starts a sentence`);
        assert.match(out, /[.)]$/, `${where}: ends like one`);
        assert.doesNotMatch(out, /  | [.,;:]|\s$/, `${where}: spacing`);
        // French sets a no-break space before a colon and a narrow one before a semicolon.
        // A colon between digits is a time's (12:00:00), not punctuation.
        if (l == "fr") assert.doesNotMatch(out, /[^\u00a0\d]:(?!\/\/)|[^\u202f];|«[^\u00a0]|[^\u00a0]»/, `${where}: French spacing`);
        else assert.doesNotMatch(out, /[\u00a0\u202f][:;]/, where);
      }
    }
  }
});

test("every select names only values the source can give, and keeps an other", () => {
  const values = {
    expected: [...JSON_TYPES, ...CONSTS], format: FORMATS, field: FIELDS, option: OPTIONS, unit: UNITS,
    preset: ["true", "false"], other: ["starts_at"], frequency_error: FREQUENCY,
  };
  for (const l of LOCALES) {
    for (const [code, template] of Object.entries(catalogs[l])) {
      for (const [, name, cases] of template.matchAll(/\{(\w+), select, ((?:[\w-]+ \{[^{}]*(?:\{[^{}]*\}[^{}]*)*\} ?)+)\}/g)) {
        const keys = [...cases.matchAll(/([\w-]+) \{/g)].map((m) => m[1]);
        assert.ok(keys.includes("other"), `${l}.${code}: ${name} has no other`);
        for (const k of keys) assert.ok(k == "other" || values[name]?.includes(k), `${l}.${code}: ${name} ${k}`);
      }
    }
  }
});

test("a message's wording per locale", () => {
  const say = (l, code, params) => formatMessage(catalogs[l][code], params, l);
  const range = { min: 1, max: 720, value: 0 };
  assert.equal(say("en", "range", range), "Enter a number from 1 to 720.");
  assert.equal(say("it", "range", range), "Inserisci un numero da 1 a 720.");
  assert.equal(say("de", "range", range), "Bitte geben Sie eine Zahl von 1 bis 720 ein.");
  assert.equal(say("fr", "range", range), "Saisissez un nombre entre 1 et 720.");
  assert.equal(say("es", "range", range), "Introduce un número entre 1 y 720.");
  assert.equal(say("nl", "range", range), "Vul een getal van 1 tot en met 720 in.");
  assert.equal(say("pt", "range", range), "Informe um número entre 1 e 720.");
  assert.equal(say("pl", "range", range), "Wpisz liczbę od 1 do 720.");

  assert.equal(say("en", "required", {}), "This field is required.");
  assert.equal(say("it", "required", {}), "Questo campo è obbligatorio.");
  assert.equal(say("de", "required", {}), "Bitte füllen Sie dieses Feld aus.");
  assert.equal(say("fr", "required", {}), "Ce champ est obligatoire.");
  assert.equal(say("es", "required", {}), "Este campo es obligatorio.");
  assert.equal(say("nl", "required", {}), "Dit veld is verplicht.");
  assert.equal(say("pt", "required", {}), "Este campo é obrigatório.");
  assert.equal(say("pl", "required", {}), "To pole jest wymagane.");

  const email = { format: "email" };
  assert.equal(say("en", "format", email), "Enter a valid email address.");
  assert.equal(say("it", "format", email), "Inserisci un indirizzo email valido.");
  assert.equal(say("de", "format", email), "Bitte geben Sie eine gültige E-Mail-Adresse ein.");
  assert.equal(say("fr", "format", email), "Saisissez une adresse e-mail valide.");
  assert.equal(say("es", "format", email), "Introduce un correo electrónico válido.");
  assert.equal(say("nl", "format", email), "Vul een geldig e-mailadres in.");
  assert.equal(say("pt", "format", email), "Informe um e-mail válido.");
  assert.equal(say("pl", "format", email), "Wpisz prawidłowy adres e-mail.");

  // Polish max_length: 1 znak, 2–4 znaki, 5–21 znaków, 22–24 znaki again.
  assert.equal(say("pl", "max_length", { max: 1 }), "Wpisz najwyżej 1 znak.");
  assert.equal(say("pl", "max_length", { max: 4 }), "Wpisz najwyżej 4 znaki.");
  assert.equal(say("pl", "max_length", { max: 40 }), "Wpisz najwyżej 40 znaków.");
  assert.equal(say("pl", "max_length", { max: 22 }), "Wpisz najwyżej 22 znaki.");
  assert.equal(say("en", "max_length", { max: 1 }), "Use at most 1 character.");
  assert.equal(say("de", "max_items", { max: 1 }), "Bitte wählen Sie höchstens 1 Eintrag.");
  assert.equal(say("fr", "max_length", { max: 40 }), "Utilisez au maximum 40 caractères.");

  const window = { from: "2025-03-26", to: "2025-04-22", relative_to: "" };
  assert.equal(say("en", "window", window), "This is only possible from March 26, 2025 to April 22, 2025.");
  assert.equal(say("de", "window", window), "Dies ist nur vom 26. März 2025 bis zum 22. April 2025 möglich.");
  assert.equal(say("es", "window", window), "Solo es posible del 26 de marzo de 2025 al 22 de abril de 2025.");
  assert.equal(say("pl", "window", window), "Jest to możliwe tylko od 26 marca 2025 do 22 kwietnia 2025.");
  assert.equal(say("it", "window", window), "Possibile solo nel periodo 26 marzo 2025 – 22 aprile 2025.");

  const never = { reason: "days_not_in_months", days: [31], months: [4, 6, 9, 11] };
  assert.equal(say("en", "never_fires", never), "This schedule never runs: there is no day 31 in April, June, September, and November.");
  assert.equal(say("fr", "never_fires", never), "Cette planification ne s’exécute jamais\u00a0: le jour 31 n’existe pas en avril, juin, septembre et novembre.");
  assert.equal(say("nl", "never_fires", { ...never, days: [30, 31], months: [2] }), "Dit schema wordt nooit uitgevoerd: dag 30 en 31 bestaat niet in februari.");

  assert.equal(say("it", "out_of_range", { field: "minute", value: 61, min: 0, max: 59 }), "Minuto: 61 non è compreso tra 0 e 59.");
  assert.equal(say("de", "out_of_range", { field: "day-of-month", value: 32, min: 1, max: 31 }), "Tag des Monats: 32 liegt nicht zwischen 1 und 31.");
  assert.equal(say("pl", "sub_hourly", { per_hour: 12 }), "Uruchamia się 12 razy na godzinę; wybierz najwyżej raz na godzinę.");
  assert.equal(say("pt", "const", { expected: "true" }), "Esta opção deve estar ativada.");
  assert.equal(say("es", "not_allowed", { member: "foo" }), "«foo» no está permitido aquí.");
  assert.equal(say("de", "not_allowed", { member: "foo" }), "„foo“ ist hier nicht erlaubt.");
  assert.equal(say("nl", "enum", { allowed: ["a", "b", "c"] }), "Toegestane waarden: a, b en c.");
  assert.equal(say("en", "missing_start", { preset: false }), "Enter a start date or a date to search from.");
});

test("formatMessage: plural categories from CLDR", () => {
  const files = "{n, plural, one {# plik} few {# pliki} many {# plików} other {# pliku}}";
  const pl = (n) => formatMessage(files, { n }, "pl");
  // Polish: one is 1; few ends in 2–4 but not 12–14; many is the other integers.
  assert.deepEqual([1, 2, 4, 5, 12, 14, 21, 22, 25, 104, 112].map(pl),
    ["1 plik", "2 pliki", "4 pliki", "5 plików", "12 plików", "14 plików", "21 plików", "22 pliki", "25 plików", "104 pliki", "112 plików"]);
  assert.equal(pl(1.5), "1,5 pliku");
  const en = "{n, plural, =0 {none} one {# item} other {# items}}";
  assert.deepEqual([0, 1, 2, 1000].map((n) => formatMessage(en, { n }, "en")), ["none", "1 item", "2 items", "1,000 items"]);
  // French one covers 0 and 1.
  assert.equal(formatMessage("{n, plural, one {# fois} other {# fois!}}", { n: 0 }, "fr"), "0 fois");
  // A category the template lacks falls back to other: Italian 1,000,000 is many.
  assert.equal(formatMessage("{n, plural, one {# volta} other {# volte}}", { n: 1e6 }, "it"), "1.000.000 volte");
});

test("formatMessage: selectordinal, select, number, lists, months and dates", () => {
  const ord = "{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}";
  assert.deepEqual([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map((n) => formatMessage(ord, { n }, "en")),
    ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "101st", "111th"]);
  const sel = "{x, select, a {A} other {?}}";
  assert.equal(formatMessage(sel, { x: "a" }, "en"), "A");
  assert.equal(formatMessage(sel, { x: "b" }, "en"), "?");
  assert.equal(formatMessage(sel, { x: "constructor" }, "en"), "?");
  assert.equal(formatMessage("{b, select, true {yes} other {no}}", { b: true }, "en"), "yes");
  assert.equal(formatMessage("{n, number}", { n: 1234567.5 }, "de"), "1.234.567,5");
  assert.equal(formatMessage("{n, number, integer}", { n: 4194304 }, "en"), "4,194,304");
  assert.equal(formatMessage("{n}", { n: 4194304 }, "fr"), "4\u202f194\u202f304");
  assert.equal(formatMessage("{a}", { a: ["x", "y", "z"] }, "en"), "x, y, and z");
  assert.equal(formatMessage("{a}", { a: ["x", "y", "z"] }, "pl"), "x, y i z");
  assert.equal(formatMessage("{m, month}", { m: [2, 4, 6] }, "fr"), "février, avril et juin");
  assert.equal(formatMessage("{m, month}", { m: 2 }, "pl"), "luty");
  assert.equal(formatMessage("{m, month}", { m: 12 }, "de"), "Dezember");
  assert.equal(formatMessage("{d, date}", { d: "2025-01-01" }, "fr"), "1 janvier 2025");
  // UTC throughout: the calendar day of the instant, whatever the machine's zone.
  assert.equal(formatMessage("{d, date}", { d: "2024-12-31T23:30:00.000Z" }, "en"), "December 31, 2024");
  assert.equal(formatMessage("{d, date}", { d: "2024-12-31T23:30:00-02:00" }, "nl"), "1 januari 2025");
  // "#" is the innermost plural's number, also inside a select within it.
  assert.equal(formatMessage("{a, plural, other {{b, select, x {# x} other {#}}}}", { a: 3, b: "x" }, "en"), "3 x");
  assert.equal(formatMessage("# {a}", { a: 1 }, "en"), "# 1");
  assert.equal(formatMessage("it''s {a}", { a: "ok" }, "en"), "it's ok");
});

test("formatMessage: a missing or unusable param leaves a marker, a broken template comes back as written", () => {
  const f = formatMessage;
  assert.equal(f("Hi {name}.", {}, "en"), "Hi {name}.");
  assert.equal(f("Hi {name}.", undefined, "en"), "Hi {name}.");
  assert.equal(f("Hi {name}.", { name: null }, "en"), "Hi {name}.");
  assert.equal(f("{n, plural, one {#} other {#}}", { n: "5" }, "en"), "{n}");
  assert.equal(f("{n, plural, one {#}}", { n: 2 }, "en"), "{n}");
  assert.equal(f("{n}", { n: NaN }, "en"), "{n}");
  assert.equal(f("{n}", { n: { a: 1 } }, "en"), "{n}");
  assert.equal(f("{m, month}", { m: 13 }, "en"), "{m}");
  assert.equal(f("{m, month}", { m: [1, 0] }, "en"), "{m}");
  assert.equal(f("{d, date}", { d: "soon" }, "en"), "{d}");
  assert.equal(f("{x, select, a {A}}", { x: "b" }, "en"), "{x}");
  assert.equal(f("{x, spellout}", { x: 1 }, "en"), "1");
  assert.equal(f("{x, spellout}", { x: "a" }, "en"), "{x}");
  assert.equal(f("{toString}", {}, "en"), "{toString}");
  // Case text without braces reads as style words: no case, so a marker.
  assert.equal(f("{n, plural, one # x}", { n: 1 }, "en"), "{n}");
  for (const broken of ["Hi {name", "{n, plural, one {# x} other {# y}", "{a, select, x {a} {b}}"]) {
    assert.equal(f(broken, { name: "x", n: 1, a: "x" }, "en"), broken);
  }
  assert.equal(f("a } b", {}, "en"), "a } b");
  assert.equal(f(undefined, {}, "en"), "");
  assert.equal(f("{a}", { a: 1.5 }, "not a locale!"), "1.5");
  // Nesting is capped at 8 arguments deep: no recursion the template does not bound.
  const nest = (n) => "{a, select, other {".repeat(n) + "x" + "}}".repeat(n);
  assert.equal(f(nest(8), { a: 1 }, "en"), "x");
  assert.equal(f(nest(9), { a: 1 }, "en"), nest(9));
  assert.equal(f(nest(10000), { a: 1 }, "en"), nest(10000));
  assert.equal(f("{".repeat(100000), {}, "en"), "{".repeat(100000));
});

// What ships once a bundler has minified it: comment lines and indentation out, then
// gzip at level 9. The file as written is reported too.
function gzipped(path) {
  const text = read(path);
  const min = text.replace(/^\s*\/\/.*\n/gm, "").replace(/^\s+/gm, "");
  return { raw: gzipSync(text, { level: 9 }).length, min: gzipSync(min, { level: 9 }).length };
}

// The formatter's budget holds its fast path for templates with no argument, its cache
// of locale tags, which halve the time a form's errors take to write, and its compiled
// templates (about 200 bytes), so that no error parses its template again. The
// catalogs' was 1536 bytes before the update messages (id_mismatch, transition), and
// 1600 before the date-time message gained its example (2025-01-01T12:00:00Z).
const FORMATTER_BUDGET = 1280;
const CATALOG_BUDGET = 1632;

test(`sizes: each catalog at most ${CATALOG_BUDGET} bytes and the formatter at most ${FORMATTER_BUDGET}, gzipped`, (t) => {
  for (const l of LOCALES) {
    const size = gzipped(`pkg/locales/messages/${l}.js`);
    t.diagnostic(`${l}.js: ${size.raw} B gzipped`);
    assert.ok(size.raw <= CATALOG_BUDGET, `${l}.js: ${size.raw}`);
  }
  const size = gzipped("pkg/format.js");
  t.diagnostic(`format.js: ${size.min} B gzipped minified-ish, ${size.raw} B as written`);
  assert.ok(size.min <= FORMATTER_BUDGET, `format.js: ${size.min}`);
});
