// Every error from every function has the same core fields: path, pointer, rule and
// message. Swept over every invalid case of the shared fixtures and over each
// function's own faults, in English and in every other language.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import {
  validateResource, buildResource, buildRequest, parseFrequency, describeFrequency, nextRuns,
  validateAdobeSubscription, buildAdobeSubscription, adobeCreationWindow, schema, adobeSchema,
  validateUpdate, buildUpdate, buildUpdateRequest, updateSchema,
  validateAdobeSubscriptionUpdate, buildAdobeSubscriptionUpdate, adobeUpdateSchema,
} from "subkit";

const dir = new URL("../fixtures/", import.meta.url);
const load = (path) => JSON.parse(readFileSync(new URL(path, dir), "utf8"));
const LOCALES = await Promise.all(["en", "it", "de", "fr", "es", "nl", "pt", "pl"].map(async (tag) => (await import(`subkit/locales/${tag}`)).default));

/** Every error and warning of a result, wherever the result keeps them. */
function errorsOf(result) {
  return [...(result.errors ?? []), ...(result.warnings ?? []), ...(result.commerceLayer?.errors ?? [])];
}

function check(errors, label, rules) {
  for (const e of errors) {
    rules.add(e.rule);
    const where = `${label}: ${JSON.stringify(e).slice(0, 300)}`;
    assert.ok(Array.isArray(e.path) && e.path.every((k) => typeof k === "string" || Number.isInteger(k)), where);
    assert.equal(typeof e.pointer, "string", where);
    assert.ok(e.pointer === "" || e.pointer.startsWith("/"), where);
    assert.ok(typeof e.rule === "string" && /^[a-z_]+$/.test(e.rule), where);
    assert.ok(typeof e.message === "string" && e.message.length > 0, where);
    assert.doesNotMatch(e.message, /[{}]|undefined|NaN|\[object/, where);
  }
  return errors.length;
}

/** Each function's failing calls, with the options a language goes into. */
function calls(locale) {
  const out = [];
  const push = (label, fn) => out.push([label, fn]);
  for (const file of readdirSync(new URL("commercelayer/", dir))) {
    const { resource, cases } = load(`commercelayer/${file}`);
    for (const c of cases) {
      const options = { ...c.options, ...c.context, locale };
      if (file.endsWith("_update.json")) {
        const update = { current: c.current, locale };
        if ("input" in c) {
          push(`${file} update: ${c.description}`, () => buildUpdate(resource, c.id, c.input, update));
          push(`${file} updateSchema: ${c.description}`, () => updateSchema(resource, c.id, update).validate(c.input));
          push(`${file} update request: ${c.description}`, () => buildUpdateRequest(resource, c.id, c.input, { ...update, organization: "Not A Slug" }));
        } else {
          push(`${file} validateUpdate: ${c.description}`, () => validateUpdate(resource, c.id, c.document, update));
        }
      } else if (file.endsWith("_build.json")) {
        push(`${file} build: ${c.description}`, () => buildResource(resource, c.input, options));
        push(`${file} schema: ${c.description}`, () => schema(resource, options).validate(c.input));
        push(`${file} request: ${c.description}`, () => buildRequest(resource, c.input, { ...options, organization: "Not A Slug" }));
      } else {
        push(`${file} validate: ${c.description}`, () => validateResource(resource, "text" in c ? c.text : c.document, options));
      }
    }
  }
  for (const c of load("adobe/update.json").cases) {
    push(`adobe/update.json: ${c.description}`, () => validateAdobeSubscriptionUpdate(c.request, { ...c.context, locale }));
  }
  for (const c of load("adobe/update_build.json").cases) {
    push(`adobe/update_build.json: ${c.description}`, () => buildAdobeSubscriptionUpdate(c.input, { ...c.options, context: c.context, locale }));
    push(`adobeUpdateSchema: ${c.description}`, () => adobeUpdateSchema({ context: c.context, locale }).validate(c.input));
  }
  for (const file of ["validate.json", "build.json"]) {
    for (const c of load(`adobe/${file}`).cases) {
      push(`adobe/${file}: ${c.description}`, () => "input" in c
        ? buildAdobeSubscription(c.input, { ...c.options, context: c.context, locale })
        : validateAdobeSubscription(c.request, { ...c.context, locale }));
      if ("input" in c) push(`adobeSchema: ${c.description}`, () => adobeSchema({ context: c.context, locale }).validate(c.input));
    }
  }
  for (const c of load("frequency/parse.json").cases) {
    push(`parse ${c.text}`, () => parseFrequency(c.text, { locale }));
    push(`describe ${c.text}`, () => describeFrequency(c.text, { locale }));
    push(`runs ${c.text}`, () => nextRuns(c.text, { locale }));
  }
  for (const [label, options] of [
    ["no start", {}], ["count 0", { startsAt: "2024-01-01", count: 0 }], ["count 1001", { startsAt: "2024-01-01", count: 1001 }],
    ["bad startsAt", { startsAt: "2024-13-01" }], ["bad after", { after: "x" }], ["bad expiresAt", { startsAt: "2024-01-01", expiresAt: "soon" }],
  ]) {
    push(`runs ${label}`, () => nextRuns("monthly", { ...options, locale }));
  }
  push("runs horizon", () => nextRuns("0 0 29 2 1", { startsAt: "9999-03-01T00:00:00Z", locale }));
  for (const date of ["", "2025-02-30", "x", "2025-04-25T00:00:00Z"]) push(`window ${date}`, () => adobeCreationWindow(date, { locale }));
  for (const text of ["{", "[]", "1", JSON.stringify({ data: { type: "orders" } }), "x".repeat(10)]) {
    push(`validate text ${text.slice(0, 20)}`, () => validateResource("order_subscriptions", text, { locale }));
  }
  push("too large", () => validateResource("customer_subscriptions", `[${"0,".repeat(100_001)}0]`, { locale }));
  push("too long", () => parseFrequency("* ".repeat(600), { locale }));
  push("validate bytes", () => validateResource("customer_subscriptions", new Uint8Array([0xff, 0xfe]), { locale }));
  push("adobe text", () => validateAdobeSubscription("{", { locale }));
  return out;
}

for (const locale of LOCALES) {
  test(`every error of every function has path, pointer, rule and message (${locale.locale})`, () => {
    let errors = 0;
    const rules = new Set();
    for (const [label, call] of calls(locale)) errors += check(errorsOf(call()), label, rules);
    assert.ok(errors > 300, `${errors} errors checked`);
    // Every code came up (the English catalog lists them all: tests/js/messages.test.mjs
    // holds it to the Rust source).
    assert.deepEqual([...rules].sort(), Object.keys(LOCALES[0].messages).sort());
  });
}
