// The demo page's own words (www/js/words.js): every language has exactly the English
// keys, each text takes the same params as its English, plural texts have the forms
// their language needs, and every key the page names (index.html's data-* attributes,
// the t("…") calls of www/js/) is in the table and every key of the table is named
// somewhere. index.html's English, which shows before the scripts run, is the table's.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { WORDS, textIn } from "../../www/js/words.js";

const www = new URL("../../www/", import.meta.url);
const html = readFileSync(new URL("index.html", www), "utf8");
const scripts = readdirSync(new URL("js/", www))
  .filter((name) => name.endsWith(".js"))
  .map((name) => [name, readFileSync(new URL(`js/${name}`, www), "utf8")]);
const en = WORDS.en;
const LANGUAGES = Object.keys(WORDS);

const forms = (entry) => (typeof entry === "string" ? [entry] : Object.values(entry));
const paramsOf = (text) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
/** The params of an entry, the same in each of its forms (checked below). */
const entryParams = (entry) => paramsOf(forms(entry)[0]);

// Plural categories a count of errors can reach (0 to 1000), and "other", the fallback.
function neededCategories(tag) {
  const rules = new Intl.PluralRules(tag);
  const needed = new Set(["other"]);
  for (let n = 0; n <= 1000; n++) needed.add(rules.select(n));
  return needed;
}

test("the picker offers exactly the languages that have words, in the table's order", () => {
  const options = [...html.matchAll(/<option value="(\w+)" lang="\1">/g)].map((m) => m[1]);
  assert.deepEqual(options, LANGUAGES);
  assert.equal(LANGUAGES[0], "en");
});

test("every language has exactly the English keys, with the English params", () => {
  for (const tag of LANGUAGES) {
    assert.deepEqual(Object.keys(WORDS[tag]).sort(), Object.keys(en).sort(), tag);
    for (const [key, english] of Object.entries(en)) {
      const entry = WORDS[tag][key];
      assert.equal(typeof entry, typeof english, `${tag} ${key}: a plural entry in one language is one in all`);
      for (const form of forms(entry)) {
        assert.equal(typeof form, "string", `${tag} ${key}`);
        assert.ok(form.length > 0 && form.trim() === form, `${tag} ${key}: empty, or blank at an end`);
        assert.deepEqual(paramsOf(form), entryParams(english), `${tag} ${key}: «${form}»`);
      }
    }
  }
});

test("each plural text has every form its language needs, and none it has not", () => {
  for (const tag of LANGUAGES) {
    const known = new Intl.PluralRules(tag).resolvedOptions().pluralCategories;
    for (const [key, entry] of Object.entries(WORDS[tag])) {
      if (typeof entry === "string") continue;
      for (const category of Object.keys(entry)) assert.ok(known.includes(category), `${tag} ${key}: ${category}`);
      for (const category of neededCategories(tag)) assert.ok(category in entry, `${tag} ${key} lacks ${category}`);
    }
  }
  // The forms are chosen by count: Polish has three for whole numbers.
  const pl = (count) => textIn("pl", "cl.status.invalid", { status: 422, count });
  assert.match(pl(1), /\(1 błąd\)\.$/);
  assert.match(pl(3), /\(3 błędy\)\.$/);
  assert.match(pl(5), /\(5 błędów\)\.$/);
  assert.match(textIn("en", "cl.status.invalid", { status: 422, count: 1 }), /\(1 error\)\.$/);
  assert.match(textIn("en", "cl.status.invalid", { status: 422, count: 2 }), /\(2 errors\)\.$/);
});

test("a param's value is never read as a param, and braces that are not params stay", () => {
  assert.equal(textIn("it", "cl.mode.update", { path: "PATCH /api/{resource}/{id}" }).startsWith("PATCH /api/{resource}/{id}: "), true);
  assert.equal(textIn("en", "freq.notForCl"), "Valid crontab, but not for Commerce Layer: {message}");
});

// The elements of index.html that name a key: [key, attributes, inner HTML] for
// data-text, [key, English attribute value] for data-aria-label and the like.
const decode = (text) => text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
const textElements = [...html.matchAll(/<(\w+)\b([^>]*)\bdata-text="([^"]+)"([^>]*)>([\s\S]*?)<\/\1>/g)]
  .map(([, , before, key, after, inner]) => ({ key, attributes: before + after, inner }));
const attributeElements = [...html.matchAll(/<\w+\b[^>]*>/g)].flatMap(([tag]) =>
  [...tag.matchAll(/\bdata-(aria-label|placeholder|title)="([^"]+)"/g)].map(([, attribute, key]) => ({
    key, attribute, english: decode(tag.match(new RegExp(`\\s${attribute}="([^"]*)"`))?.[1] ?? ""),
  })));

test("index.html: every key it names is in the table, and its English is the table's", () => {
  assert.equal(textElements.length, (html.match(/\bdata-text="/g) ?? []).length, "a data-text element the reader missed");
  assert.ok(textElements.some((e) => e.key === "page.title"), "the <title> follows the language");
  for (const { key, inner } of textElements) {
    assert.ok(key in en, `index.html names ${key}, which the table lacks`);
    const slots = [...inner.matchAll(/<(\w+)\b[^>]*\bdata-slot="(\w+)"[^>]*>[\s\S]*?<\/\1>/g)].map((m) => m[2]).sort();
    const english = decode(inner.replace(/<(\w+)\b[^>]*\bdata-slot="(\w+)"[^>]*>[\s\S]*?<\/\1>/g, "{$2}").replace(/<[^>]+>/g, ""))
      .replace(/\s+/g, " ").trim();
    assert.equal(english, en[key], key);
    assert.deepEqual(slots, entryParams(en[key]), `${key}: each param is a data-slot child, and each slot a param`);
  }
  for (const { key, attribute, english } of attributeElements) {
    assert.ok(key in en, `index.html names ${key}, which the table lacks`);
    assert.equal(english, en[key], `${attribute} of ${key}`);
    assert.deepEqual(entryParams(en[key]), [], key);
  }
});

// The keys the scripts name: t("key"…) and `dataset.text = "key"`, with the params a
// call passes (the top-level names of its object literal), or null for none.
function calls(source) {
  const found = [];
  for (const m of source.matchAll(/\bt\("([^"]+)"\s*(,\s*\{)?/g)) {
    if (!m[2]) {
      found.push({ key: m[1], params: [] });
      continue;
    }
    // The object literal's top level: names before ":" or shorthand names.
    let depth = 1;
    let top = "";
    for (let i = m.index + m[0].length; i < source.length && depth > 0; i++) {
      const c = source[i];
      if ("{([".includes(c)) depth++;
      else if ("})]".includes(c)) depth--;
      else if (depth === 1) top += c;
    }
    const params = [...top.matchAll(/(?:^|,)\s*(\w+)\s*(?=:|,|$)/g)].map((p) => p[1]);
    found.push({ key: m[1], params: [...new Set(params)].sort() });
  }
  for (const m of source.matchAll(/\bdataset\.text = "([^"]+)"/g)) found.push({ key: m[1], params: [] });
  return found;
}

test("www/js: every key a script names is in the table, called with the params its text takes", () => {
  let count = 0;
  for (const [name, source] of scripts) {
    for (const { key, params } of calls(source)) {
      count++;
      assert.ok(key in en, `${name} names ${key}, which the table lacks`);
      assert.deepEqual(params, entryParams(en[key]), `${name}: t("${key}", …)`);
    }
  }
  assert.ok(count > 50, `only ${count} calls found: the reader no longer sees them`);
});

test("every key of the table is named by the page or a script", () => {
  const named = new Set([
    ...textElements.map((e) => e.key),
    ...attributeElements.map((e) => e.key),
    ...scripts.flatMap(([, source]) => calls(source).map((c) => c.key)),
  ]);
  assert.deepEqual(Object.keys(en).filter((key) => !named.has(key)), []);
});

test("a language's words differ from English where the words are not names", () => {
  // Words that read the same in a language (French "(document)", Dutch "Resource") are
  // allowed, but a table that is mostly English is a table left untranslated.
  for (const tag of LANGUAGES.filter((l) => l !== "en")) {
    const same = Object.keys(en).filter((key) => JSON.stringify(WORDS[tag][key]) === JSON.stringify(en[key]));
    assert.ok(same.length <= 2, `${tag}: ${same.join(", ")}`);
  }
});
