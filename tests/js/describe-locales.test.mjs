// Descriptions in eight languages from the phrase the wasm returns (pkg/describe.js):
// English written in JS must equal the English the Rust core writes natively, for
// every frequency of the fixtures and for generated crontab expressions; each language
// is checked against sentences written by hand.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import "subkit";
// The module's own answers, with the phrase that the package's functions turn into the
// description in the call's language. The package instantiated
// this same module on import.
import * as glue from "../../pkg/dist/subkit.js";
import { renderDescription, parsePhrase } from "../../pkg/describe.js";
import en from "../../pkg/locales/frequency/en.js";
import it from "../../pkg/locales/frequency/it.js";
import de from "../../pkg/locales/frequency/de.js";
import fr from "../../pkg/locales/frequency/fr.js";
import es from "../../pkg/locales/frequency/es.js";
import nl from "../../pkg/locales/frequency/nl.js";
import pt from "../../pkg/locales/frequency/pt.js";
import pl from "../../pkg/locales/frequency/pl.js";

const tables = { en, it, de, fr, es, nl, pt, pl };
const locales = Object.fromEntries(Object.entries(tables).map(([code, frequency]) => [code, { locale: code, frequency }]));
// Newer ICU data writes a narrow no-break space before AM/PM; the expected strings
// below use a plain space.
const say = (text, code, options = {}) => {
  const { phrase } = glue._frequency("describeFrequency", text, options.startsAt);
  return renderDescription(phrase, locales[code], options).replace(/\u202f/g, " ");
};

// The Rust core's own answers, written natively by `cargo run --example describe` (the
// module carries no English: the package writes every description in JS).
function rustDescriptions(pairs) {
  const run = spawnSync("cargo", ["run", "--quiet", "--example", "describe"], {
    cwd: fileURLToPath(new URL("../../", import.meta.url)),
    input: JSON.stringify(pairs),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout);
}

// Rust writes English times as 09:00, so the comparison asks for the 24-hour clock.
// The module's phrase must be the native one, and the English written from it the
// native description.
function sameAsRust(pairs) {
  const rust = rustDescriptions(pairs);
  let valid = 0;
  pairs.forEach(([text, startsAt], i) => {
    const r = glue._frequency("describeFrequency", text, startsAt || undefined);
    assert.equal(r.valid, rust[i].valid, text);
    if (!r.valid) return;
    valid++;
    assert.equal(r.phrase, rust[i].phrase, text);
    assert.equal(renderDescription(r.phrase, locales.en, { hourCycle: "h23" }), rust[i].description, `${text} (${r.phrase})`);
  });
  return valid;
}

test("English from JS equals the Rust description for every fixture frequency", () => {
  const dir = new URL("../fixtures/frequency/", import.meta.url);
  const pairs = [];
  for (const file of readdirSync(dir)) {
    for (const c of JSON.parse(readFileSync(new URL(file, dir), "utf8")).cases) {
      const text = c.text ?? c.frequency ?? c.expression;
      if (typeof text !== "string") continue;
      pairs.push([text, c.startsAt ?? null], [text, "2024-02-29T07:05:00Z"]);
    }
  }
  assert.ok(pairs.length > 200, `${pairs.length} fixtures`);
  assert.ok(sameAsRust(pairs) > 200);
});

// A small seeded generator (mulberry32), so a failure names an expression that
// fails again on the next run.
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function expression(next) {
  const int = (a, b) => a + Math.floor(next() * (b - a + 1));
  const item = (min, max) => {
    const a = int(min, max);
    const b = int(a, max);
    switch (int(0, 7)) {
      case 0: return "*";
      case 1: return `*/${int(1, max > 30 ? 30 : max)}`;
      case 2: return `${a}-${b}`;
      case 3: return `${a}-${b}/${int(1, 12)}`;
      case 4: return `${a}/${int(1, 20)}`;
      default: return `${a}`;
    }
  };
  const field = (min, max) => {
    const n = next() < 0.7 ? 1 : int(2, 4);
    return Array.from({ length: n }, () => item(min, max)).join(",");
  };
  const plain = () => (next() < 0.5 ? "*" : null);
  return [
    field(0, 59),
    next() < 0.3 ? "*" : field(0, 23),
    plain() ?? field(1, 31),
    plain() ?? field(1, 12),
    plain() ?? field(0, 7),
  ].join(" ");
}

test("English from JS equals the Rust description for 5000 generated crontab expressions", () => {
  const next = random(20240229);
  const texts = Array.from({ length: 5000 }, () => expression(next));
  const seen = new Set();
  for (const text of texts) {
    const r = glue._frequency("parseFrequency", text);
    if (r.valid) for (const name of r.phrase.match(/[a-z]+/g)) seen.add(name);
  }
  const valid = sameAsRust(texts.map((text) => [text, null]));
  assert.ok(valid > 3000, `${valid} valid`);
  // Every part of a crontab phrase came up.
  const parts = ["at", "minutes", "hours", "hourly", "minute", "hour", "date", "dates", "weekdays", "either", "both"];
  for (const name of [...parts, "months", "value", "range", "steps", "every"]) assert.ok(seen.has(name), name);
});

// Sentences as a native speaker would write them, with the choices of each table:
// 24-hour times where the language writes them, the article or preposition each
// weekday and month takes, and the plural each number takes.
const cases = {
  en: [
    ["0 9 * * 1-5", "At 9:00 AM on Monday through Friday"],
    ["0 9 * * 1-5", "At 09:00 on Monday through Friday", { hourCycle: "h23" }],
    ["30 8,17 * * *", "At 8:30 AM and 5:30 PM"],
    ["0 0 * * *", "At 12:00 AM"],
    ["*/15 9-17 * * MON-FRI", "Every 15 minutes, from 9:00 AM through 5:59 PM on Monday through Friday"],
    ["0 */6 * * *", "Every 6 hours, on the hour"],
    ["0 * * * *", "Every hour, on the hour"],
    ["* * * * *", "Every minute"],
    ["0 0 */2 * *", "At 12:00 AM on every 2nd day of the month (1, 3, 5, …)"],
    ["0 0 */3 * *", "At 12:00 AM on every 3rd day of the month (1, 4, 7, …)"],
    ["0 0 1,15 * *", "At 12:00 AM on days 1 and 15 of the month"],
    ["0 12 * 1-3 *", "At 12:00 PM in January through March"],
    ["0 0 * * 0,3", "At 12:00 AM on Sunday and Wednesday"],
    ["monthly", "Every month on the day of the start date"],
    ["two-month", "Every 2 months on day 31 at 12:00 PM (or the month's last day when it is shorter)", { startsAt: "2018-01-31T12:00:00Z" }],
    ["yearly", "Every year on February 29 at 7:05 AM (February 28 in common years)", { startsAt: "2024-02-29T07:05:00Z" }],
  ],
  it: [
    ["0 9 * * 1-5", "Alle 09:00, dal lunedì al venerdì"],
    ["0 9 * * 1-5", "Alle 9:00 AM, dal lunedì al venerdì", { hourCycle: "h12" }],
    ["0 1 * * 5-7", "All'01:00, dal venerdì alla domenica"],
    ["30 8,17 * * *", "Alle 08:30 e alle 17:30"],
    ["*/15 9-17 * * MON-FRI", "Ogni 15 minuti, dalle 09:00 alle 17:59, dal lunedì al venerdì"],
    ["0 */2 * * *", "Ogni 2 ore in punto"],
    ["0 * * * *", "Ogni ora in punto"],
    ["10 * * * *", "Al minuto 10 di ogni ora"],
    ["0 0 1,15 * *", "Alle 00:00, i giorni 1 e 15 del mese"],
    ["0 0 1 1 *", "Alle 00:00, il 1º gennaio"],
    ["0 0 8 3 *", "Alle 00:00, l'8 marzo"],
    ["0 12 * 4-8 *", "Alle 12:00, da aprile ad agosto"],
    ["0 0 * * 0,2,4", "Alle 00:00, ogni domenica, martedì e giovedì"],
    ["weekly", "Ogni settimana di mercoledì alle 12:00", { startsAt: "2018-01-31T12:00:00Z" }],
    ["monthly", "Ogni mese nel giorno della data di inizio"],
    ["six-month", "Ogni 6 mesi il giorno 31 alle 12:00 (o l'ultimo giorno del mese, se il mese è più corto)", { startsAt: "2018-01-31T12:00:00Z" }],
  ],
  de: [
    ["0 9 * * 1-5", "Um 09:00, Montag bis Freitag"],
    ["0 9 * * 1-5", "Um 9:00 AM, Montag bis Freitag", { hourCycle: "h12" }],
    ["30 8,17 * * *", "Um 08:30 und um 17:30"],
    ["*/15 9-17 * * MON-FRI", "Alle 15 Minuten, von 09:00 bis 17:59, Montag bis Freitag"],
    ["* 9 * * *", "Jede Minute von 09:00 bis 09:59"],
    ["0 */2 * * *", "Alle 2 Stunden zur vollen Stunde"],
    ["0 * * * *", "Jede volle Stunde"],
    ["0 0 1,15 * *", "Um 00:00, am 1. und 15. des Monats"],
    ["0 0 */2 * *", "Um 00:00, jeden 2. Tag des Monats (1., 3., 5., …)"],
    ["0 0 29 2 *", "Um 00:00, am 29. Februar"],
    ["0 0 13 * 5", "Um 00:00, am 13. des Monats oder jeden Freitag"],
    ["0 0 1 */3 *", "Um 00:00, am 1. des Monats, im Januar, April, Juli und Oktober"],
    ["monthly", "Jeden Monat am 31. um 12:00 (oder am letzten Tag des Monats, wenn er kürzer ist)", { startsAt: "2018-01-31T12:00:00Z" }],
    ["daily", "Jeden Tag zur Uhrzeit des Startdatums"],
  ],
  fr: [
    ["0 9 * * 1-5", "À 09:00, du lundi au vendredi"],
    ["0 9 * * 1-5", "À 9:00 AM, du lundi au vendredi", { hourCycle: "h12" }],
    ["*/15 9-17 * * MON-FRI", "Toutes les 15 minutes, de 09:00 à 17:59, du lundi au vendredi"],
    ["0 */2 * * *", "Toutes les 2 heures pile"],
    ["0 0 1 * *", "À 00:00, le 1er du mois"],
    ["0 0 1,15 * *", "À 00:00, les 1er et 15 du mois"],
    ["0 0 1 1 *", "À 00:00, le 1er janvier"],
    ["0 0 1-5 * *", "À 00:00, du 1er au 5 du mois"],
    ["0 12 * 4-6 *", "À 12:00, d'avril à juin"],
    ["0 0 * * 1,3,5", "À 00:00, le lundi, le mercredi et le vendredi"],
    ["0 0 1 * */2", "À 00:00, le 1er du mois, s'il tombe un dimanche, mardi, jeudi ou samedi"],
    ["monthly", "Tous les mois le 1er à 08:30", { startsAt: "2024-03-01T08:30:00Z" }],
    ["yearly", "Tous les ans le 29 février à 07:05 (le 28 février les années non bissextiles)", { startsAt: "2024-02-29T07:05:00Z" }],
    ["hourly", "Toutes les heures à partir de l'heure de début"],
  ],
  es: [
    ["0 9 * * 1-5", "A las 09:00, de lunes a viernes"],
    ["0 9 * * 1-5", "A las 9:00 a. m., de lunes a viernes", { hourCycle: "h12" }],
    ["0 13 * * *", "A la 1:00 p. m.", { hourCycle: "h12" }],
    ["0 1,13 * * *", "A la 01:00 y a las 13:00"],
    ["*/15 9-17 * * MON-FRI", "Cada 15 minutos, de 09:00 a 17:59, de lunes a viernes"],
    ["0 */2 * * *", "Cada 2 horas en punto"],
    ["0 0 1,15 * *", "A las 00:00, los días 1 y 15 de cada mes"],
    ["0 0 29 2 *", "A las 00:00, el 29 de febrero"],
    ["0 0 * * 6,0", "A las 00:00, los domingos y los sábados"],
    ["0 12 * 1-3 *", "A las 12:00, de enero a marzo"],
    ["weekly", "Cada semana el miércoles a las 12:00", { startsAt: "2018-01-31T12:00:00Z" }],
    ["two-month", "Cada 2 meses el mismo día que la fecha de inicio"],
  ],
  nl: [
    ["0 9 * * 1-5", "Om 09:00, maandag tot en met vrijdag"],
    ["0 9 * * 1-5", "Om 9:00 a.m., maandag tot en met vrijdag", { hourCycle: "h12" }],
    ["*/15 9-17 * * MON-FRI", "Elke 15 minuten, van 09:00 tot en met 17:59, maandag tot en met vrijdag"],
    ["0 */2 * * *", "Elke 2 uur, op het hele uur"],
    ["0 0 1,15 * *", "Om 00:00, op de 1e en 15e van de maand"],
    ["0 0 */2 * *", "Om 00:00, elke 2e dag van de maand (1e, 3e, 5e, …)"],
    ["0 0 29 2 *", "Om 00:00, op 29 februari"],
    ["0 0 * * 1,3,5", "Om 00:00, elke maandag, woensdag en vrijdag"],
    ["0 12 * 1,7 *", "Om 12:00, in januari en juli"],
    ["monthly", "Elke maand op de 31e om 12:00 (of op de laatste dag van de maand als die korter is)", { startsAt: "2018-01-31T12:00:00Z" }],
  ],
  pt: [
    ["0 9 * * 1-5", "Às 09:00, de segunda-feira a sexta-feira"],
    ["0 9 * * 1-5", "Às 9:00 AM, de segunda-feira a sexta-feira", { hourCycle: "h12" }],
    ["0 1 * * *", "À 01:00"],
    ["*/15 9-17 * * MON-FRI", "A cada 15 minutos, das 09:00 às 17:59, de segunda-feira a sexta-feira"],
    ["0 */2 * * *", "A cada 2 horas, em ponto"],
    ["0 0 1,15 * *", "Às 00:00, nos dias 1 e 15 de cada mês"],
    ["0 0 1 1 *", "Às 00:00, em 1º de janeiro"],
    ["0 0 * * 0,6", "Às 00:00, aos domingos e aos sábados"],
    ["0 0 13 * 5", "Às 00:00, no dia 13 de cada mês ou às sextas-feiras"],
    ["weekly", "Toda semana na quarta-feira às 12:00", { startsAt: "2018-01-31T12:00:00Z" }],
    ["yearly", "Todo ano na data de início"],
  ],
  pl: [
    ["0 9 * * 1-5", "O 09:00, od poniedziałku do piątku"],
    ["0 9 * * 1-5", "O 9:00 AM, od poniedziałku do piątku", { hourCycle: "h12" }],
    ["* * * * *", "Co minutę"],
    ["*/2 * * * *", "Co 2 minuty"],
    ["*/5 * * * *", "Co 5 minut"],
    ["*/22 * * * *", "Co 22 minuty od minuty 0 do 44"],
    ["0 * * * *", "Co godzinę, o pełnej godzinie"],
    ["0 */2 * * *", "Co 2 godziny, o pełnej godzinie"],
    ["0 9-19/5 * * *", "Co 5 godzin od 09:00 do 19:00"],
    ["0 0 1,15 * *", "O 00:00, 1. i 15. dnia miesiąca"],
    ["0 0 29 2 *", "O 00:00, 29 lutego"],
    ["0 0 * * 0,2,3", "O 00:00, co niedzielę, wtorek i środę"],
    // Both day fields restricted: a day runs when either matches (Vixie cron).
    ["0 0 1 * 2,5", "O 00:00, 1. dnia miesiąca lub co wtorek i piątek"],
    // A day field written with "*": a day runs when both match.
    ["0 0 */2 * 2,5", "O 00:00, co 2. dzień miesiąca (1., 3., 5., …), jeśli wypada we wtorek lub w piątek"],
    ["0 12 * 9,10 *", "O 12:00, we wrześniu i w październiku"],
    ["0 12 * 1-3 *", "O 12:00, od stycznia do marca"],
    ["weekly", "Co tydzień we wtorek o 12:00", { startsAt: "2018-01-30T12:00:00Z" }],
    ["three-month", "Co 3 miesiące w dniu z daty rozpoczęcia"],
    ["six-month", "Co 6 miesięcy 31. dnia o 12:00 (lub ostatniego dnia miesiąca, jeśli miesiąc jest krótszy)", { startsAt: "2018-01-31T12:00:00Z" }],
  ],
};

for (const [code, list] of Object.entries(cases)) {
  test(`${code}: hand-written descriptions`, () => {
    for (const [text, expected, options] of list) assert.equal(say(text, code, options), expected, text);
  });
}

// Numbers crontab never reaches in these places, written as phrases by hand, for the
// plural and ordinal rules themselves.
test("plural and ordinal rules beyond what crontab reaches", () => {
  const render = (phrase, code) => renderDescription(phrase, locales[code], { hourCycle: "h23" });
  assert.equal(render("hours 22 0 0 22 0", "pl"), "Co 22 godziny od 00:00 do 22:00");
  assert.equal(render("hours 12 0 0 12 0", "pl"), "Co 12 godzin od 00:00 do 12:00");
  assert.equal(render("at 0 0 dates every 11", "en"), "At 00:00 on every 11th day of the month (1, 12, 23, …)");
  assert.equal(render("at 0 0 dates every 21", "en"), "At 00:00 on every 21st day of the month (1, 22, 43, …)");
  assert.equal(render("at 0 0 dates every 22", "en"), "At 00:00 on every 22nd day of the month (1, 23, 45, …)");
  assert.equal(render("at 0 0 dates every 13", "en"), "At 00:00 on every 13th day of the month (1, 14, 27, …)");
  assert.equal(render("at 0 0 dates every 8", "nl"), "Om 00:00, elke 8e dag van de maand (1e, 9e, 17e, …)");
});

// Keys a table may leave out: `lists` picks the locale whose Intl lists it uses.
const OPTIONAL = new Set(["lists"]);
// Groups of keys (clock, weekdays, months, preset, presetAt), as opposed to entries.
const isGroup = (v) => typeof v === "object" && !Array.isArray(v) && !("other" in v);

test("every table has every key of the English one, in a shape the renderer reads", () => {
  const walk = (ref, table, path, code) => {
    for (const [key, value] of Object.entries(ref)) {
      if (OPTIONAL.has(key)) continue;
      const here = `${code}.${path}${key}`;
      assert.ok(key in table, `${here} is missing`);
      const mine = table[key];
      if (isGroup(value)) {
        assert.ok(isGroup(mine), `${here} is not a group of keys`);
        walk(value, mine, `${path}${key}.`, code);
      } else if (Array.isArray(mine)) {
        // Whole words for each weekday or each month.
        assert.equal(mine.length, path === "months." ? 12 : 7, here);
        assert.ok(mine.every((w) => typeof w === "string" && w.length > 0), here);
      } else if (typeof mine === "object") {
        assert.equal(typeof mine.other, "string", `${here} has no "other"`);
      } else {
        assert.equal(typeof mine, "string", here);
      }
    }
    for (const key of Object.keys(table)) {
      assert.ok(key in ref || OPTIONAL.has(key), `${code}.${path}${key} is not a key of the English table`);
    }
  };
  for (const [code, table] of Object.entries(tables)) walk(en, table, "", code);
});

// One phrase of every kind the grammar has (src/schedule/phrase.rs), from crontab and
// presets, and written by hand where crontab needs more than one expression for it.
const everyKind = [
  ...["hour", "day", "week", "month", "year"].flatMap((unit) => [
    `preset ${unit} 1`,
    `preset ${unit} 1 start 13 5 6 29 2`,
    `preset ${unit} 2 start 0 0 0 31 1`,
  ]),
  "preset month 6",
  "at 9 0 13 30",
  "minutes 1 9 5 9 40",
  "minutes 7 9 5 9 40",
  "hours 1 9 15 17 15",
  "hours 2 9 15 17 15",
  "hourly 1 0",
  "hourly 1 10",
  "hourly 6 0",
  "hourly 6 10",
  "minute value 0 30 hour every 1",
  "minute every 1 hour value 9 17",
  "minute every 15 range 40 50 hour range 9 17 steps 18 22 2 every 3",
  "minute value 5 range 10 20 steps 30 50 10 hour value 1 13",
  "minute steps 0 56 7 hour every 1",
  "at 0 0 date 1 1",
  "at 0 0 date 2 29",
  "at 0 0 dates value 1",
  "at 0 0 dates value 1 15",
  "at 0 0 dates value 4 range 10 20 steps 21 31 5 every 2",
  "at 0 0 dates every 3 value 4",
  "at 0 0 dates steps 2 20 3",
  "at 0 0 weekdays 3",
  "at 0 0 weekdays 0 2 4 6",
  "at 0 0 weekdays range 1 5",
  "at 0 0 weekdays range 5 0",
  "at 0 0 either dates value 13 weekdays 5",
  "at 0 0 either dates range 1 7 weekdays range 1 5",
  "at 0 0 both dates value 1 weekdays 0 2 4 6",
  "at 0 0 both dates every 2 weekdays range 1 5",
  "at 12 0 months 2",
  "at 12 0 months 1 4 7 10",
  "at 12 0 months range 1 3",
  "at 12 0 months range 4 8",
  "at 12 0 dates value 1 months range 9 12",
];

test("every phrase kind in every language leaves no placeholder and nothing undefined", () => {
  for (const phrase of everyKind) assert.ok(parsePhrase(phrase), phrase);
  for (const [code, locale] of Object.entries(locales)) {
    for (const hourCycle of ["h12", "h23"]) {
      for (const phrase of everyKind) {
        const text = renderDescription(phrase, locale, { hourCycle });
        assert.doesNotMatch(text, /[{}#@]|undefined|null|NaN|\s\s|^\s|\s$/, `${code} ${hourCycle} ${phrase}: ${text}`);
        assert.equal(text.charAt(0), text.charAt(0).toLocaleUpperCase(code), `${code} ${phrase}: ${text}`);
      }
    }
  }
});

test("the locale's own clock by default, the option's when given", () => {
  assert.equal(say("30 14 * * *", "en"), "At 2:30 PM");
  assert.equal(say("30 14 * * *", "en", { hourCycle: "h23" }), "At 14:30");
  assert.equal(say("30 14 * * *", "de"), "Um 14:30");
  assert.equal(say("30 14 * * *", "de", { hourCycle: "h12" }), "Um 2:30 PM");
  assert.throws(() => say("30 14 * * *", "de", { hourCycle: "h24" }), TypeError);
});

test("what is not a phrase or a locale is a TypeError", () => {
  for (const bad of [undefined, null, 42, {}, "", "at", "9 0", "at 9 0 nonsense", "at nine", "preset", "minute every 1"]) {
    assert.throws(() => renderDescription(bad, locales.en), TypeError, String(bad));
  }
  assert.throws(() => renderDescription("at 9 0", { locale: "en" }), TypeError);
  assert.throws(() => renderDescription("at 9 0", en), TypeError);
});
