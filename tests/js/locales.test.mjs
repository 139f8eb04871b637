// Choosing a language: per call or once, tags falling back from the most specific,
// messages overridden by rule code, and each locale module within its size budget as
// a bundler ships it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { gzipSync } from "node:zlib";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { buildResource, nextRuns, parseFrequency, validateAdobeSubscription, setLocale, registerLocale } from "subkit";
import it from "subkit/locales/it";
import de from "subkit/locales/de";
import pl from "subkit/locales/pl";

const REQUIRED = { reference: "R1" }; // customer_email missing: rule "required"
const first = (options) => buildResource("customer_subscriptions", REQUIRED, options).errors[0].message;

// The gzipped size of each `subkit/locales/<tag>` module as a bundler ships it (minified).
const LOCALE_BUDGET_BYTES = 3072;

test("English by default; a locale per call; the call's options reach the module untouched", () => {
  assert.equal(first(), "This field is required.");
  assert.equal(first({ locale: it }), "Questo campo è obbligatorio.");
  assert.equal(first({ locale: de }), "Bitte füllen Sie dieses Feld aus.");
  // withDefaults still reaches the module next to the language options.
  const built = buildResource("order_subscriptions", { frequency: "monthly", source_order: "o1" }, { withDefaults: true, locale: it });
  assert.equal(built.document.data.attributes.renewal_alert_period, 1);
});

test("setLocale once; a tag falls back it-CH → it → English among registered locales", () => {
  try {
    setLocale(it);
    assert.equal(first(), "Questo campo è obbligatorio.");
    assert.equal(first({ locale: "en" }), "This field is required.");
    registerLocale(de);
    setLocale("de-CH");
    assert.equal(first(), "Bitte füllen Sie dieses Feld aus.");
    setLocale("fr-CA"); // not registered: English
    assert.equal(first(), "This field is required.");
    assert.throws(() => setLocale("not a tag!"), TypeError);
    assert.throws(() => setLocale({ messages: {} }), TypeError);
  } finally {
    setLocale("en");
  }
});

test("a message overridden by its code, per call and once, in ICU MessageFormat", () => {
  const messages = { required: "Fill this in, please", range: "{min}–{max}, please" };
  assert.equal(first({ locale: it, messages }), "Fill this in, please");
  const range = buildResource("order_subscriptions", { frequency: "monthly", source_order: "o1", renewal_alert_period: 0 }, { messages });
  assert.equal(range.errors[0].message, "1–720, please");
  try {
    setLocale(pl, { messages: { required: "Wymagane" } });
    assert.equal(first(), "Wymagane");
    // Codes not overridden come from the locale.
    const range = buildResource("order_subscriptions", { frequency: "monthly", source_order: "o1", renewal_alert_period: 0 }).errors[0];
    assert.equal(range.rule, "range");
    assert.equal(range.message, "Wpisz liczbę od 1 do 720.");
  } finally {
    setLocale("en");
  }
});

test("frequency, next-runs and Adobe messages follow the language too", () => {
  assert.equal(parseFrequency("", { locale: it }).errors[0].message.length > 0, true);
  assert.notEqual(parseFrequency("61 * * * *", { locale: de }).errors[0].message, parseFrequency("61 * * * *").errors[0].message);
  const runs = nextRuns("monthly", { count: 1, locale: it });
  assert.deepEqual(runs.errors[0].path, ["startsAt"]);
  assert.notEqual(runs.errors[0].message, nextRuns("monthly", { count: 1 }).errors[0].message);
  const adobe = validateAdobeSubscription({}, { locale: de });
  assert.ok(adobe.errors.every((e) => typeof e.message === "string" && e.adobe !== undefined));
});

test(`each locale module is at most ${LOCALE_BUDGET_BYTES} bytes gzipped, bundled and minified`, async () => {
  const dir = fileURLToPath(new URL("../../pkg/locales/", import.meta.url));
  const tags = readdirSync(dir).filter((f) => f.endsWith(".js")).map((f) => f.slice(0, -3));
  assert.ok(tags.length >= 8, tags.join());
  for (const tag of tags) {
    const out = await esbuild.build({ entryPoints: [`${dir}${tag}.js`], bundle: true, minify: true, format: "esm", write: false });
    const size = gzipSync(out.outputFiles[0].contents, { level: 9 }).length;
    assert.ok(size <= LOCALE_BUDGET_BYTES, `${tag}: ${size} bytes gzipped`);
  }
});

test("numbers and dates follow the language the words come from", () => {
  const range = (locale) => buildResource("order_subscriptions",
    { frequency: "monthly", source_order: "o1", renewal_alert_period: 0 }, { locale }).errors[0].message;
  const adobe = (locale) => validateAdobeSubscription({ customerId: "P1005053489", today: "2025-04-23", anniversaryDate: "2025-04-25",
    body: { offerId: "65304470CA01012", autoRenewal: { renewalQuantity: 5000 } }, headers: {} }, { locale, licenseType: "team" })
    .errors.find((e) => e.rule === "window")?.message;
  try {
    registerLocale(de);
    // de-CH is German words with Swiss numbers; fr-CA, with no French registered, is English throughout.
    assert.equal(adobe("fr-CA"), adobe("en"));
    assert.match(adobe("de-CH"), /26\. März 2025/);
    assert.equal(range("fr-CA"), "Enter a number from 1 to 720.");
  } finally {
    setLocale("en");
  }
});
