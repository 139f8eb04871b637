// Writes a frequency's description in a language from its `phrase`, the member of
// describeFrequency's and parseFrequency's results that says what the description
// says without words, in a compact line of names and numbers ("at 9 0 weekdays range
// 1 5"; the grammar is in src/schedule/phrase.rs). The wasm holds English only; each
// language is a small table of templates (pkg/locales/frequency/<code>.js), and the
// engine's Intl supplies the rest: plural and ordinal rules, lists, month and weekday
// names, and clock times in the locale's 12- or 24-hour style.
//
// Templates: "{name}" is a value the renderer fills in. A plural entry is an object
// chosen by a number: an exact key ("1") first, then the Intl.PluralRules category,
// then "other". A name entry is a template where "#" is the name Intl gives on its
// own ("März") and "@" the one it gives inside a date ("marca" in Polish), or an
// array of the whole words, for languages whose grammar Intl does not know.

const UTC = "UTC";
// 2023-01-01 was a Sunday: weekday v is January 1 + v.
const WEEKDAY_EPOCH = Date.UTC(2023, 0, 1);
const DAY_MS = 86_400_000;

/**
 * @param {string} phrase the `phrase` of a describeFrequency or parseFrequency result
 * @param {{ locale: string, frequency: object }} locale the BCP 47 tag and its table
 * @param {{ hourCycle?: "h12" | "h23" }} [options] 12- or 24-hour times; by default
 *   the locale's own, as Intl.DateTimeFormat reports it
 * @returns {string}
 */
export function renderDescription(phrase, locale, options = {}) {
  const f = locale?.frequency;
  const tag = locale?.locale;
  if (typeof tag !== "string" || typeof f !== "object" || f === null) {
    throw new TypeError("renderDescription: locale must be { locale: string, frequency: object }");
  }
  const cycle = options?.hourCycle;
  if (cycle !== undefined && cycle !== "h12" && cycle !== "h23") {
    throw new TypeError('renderDescription: hourCycle must be "h12" or "h23"');
  }
  const p = parsePhrase(phrase);
  if (!p) throw new TypeError("renderDescription: phrase must be the phrase of a frequency's description");
  const w = cached(f, tag, cycle);
  const text = p.preset ? w.preset(p.preset) : w.cron(p.cron);
  return text.charAt(0).toLocaleUpperCase(tag) + text.slice(1);
}

// The compact line read back into the shapes of src/schedule/phrase.rs: times as
// [hour, minute], a span as a number (one value), [first, last], [first, last, n] or
// { every: n }, names as a list of numbers or { from, to }. null when it is not one.
export function parsePhrase(phrase) {
  if (typeof phrase !== "string") return null;
  const parts = [];
  for (const token of phrase.split(" ")) {
    if (/^\d+$/.test(token) && parts.length > 0) parts.at(-1).nums.push(Number(token));
    else if (/^[a-z]+$/.test(token)) parts.push({ name: token, nums: [] });
    else return null;
  }
  let i = 0;
  const peek = () => parts[i]?.name;
  // The next part when it has this name and, if given, this many numbers.
  const take = (name, count) => {
    const p = parts[i];
    if (p?.name !== name || (count !== undefined && p.nums.length !== count)) return null;
    i++;
    return p;
  };
  const spans = () => {
    const out = [];
    for (let p; (p = take("range", 2) ?? take("steps", 3) ?? take("every", 1) ?? take("value")); ) {
      if (p.name === "value" && p.nums.length === 0) return null;
      if (p.name === "value") out.push(...p.nums);
      else if (p.name === "every") out.push({ every: p.nums[0] });
      else out.push(p.nums);
    }
    return out.length > 0 && !out.includes(undefined) ? out : null;
  };
  const names = (name) => {
    const p = take(name);
    if (!p) return null;
    const range = p.nums.length === 0 && take("range", 2);
    return range ? { from: range.nums[0], to: range.nums[1] } : p.nums.length > 0 ? p.nums : null;
  };
  if (take("preset", 0)) {
    const unit = ["hour", "day", "week", "month", "year"].includes(peek()) ? take(peek(), 1) : null;
    const s = take("start", 5)?.nums;
    const start = s && { hour: s[0], minute: s[1], weekday: s[2], day: s[3], month: s[4] };
    return unit && i === parts.length ? { preset: { every: unit.name, n: unit.nums[0], start } } : null;
  }
  const run = (p) => p && { n: p.nums[0], from: p.nums.slice(1, 3), to: p.nums.slice(3, 5) };
  let time;
  const at = take("at");
  if (at) {
    const pairs = at.nums.flatMap((v, k) => (k % 2 ? [] : [[v, at.nums[k + 1]]]));
    time = at.nums.length > 0 && at.nums.length % 2 === 0 && { at: pairs };
  } else if (peek() === "minutes" || peek() === "hours") {
    const name = peek();
    const p = run(take(name, 5));
    time = p && { [name]: p };
  } else if (peek() === "hourly") {
    const p = take("hourly", 2);
    time = p && { hourly: { n: p.nums[0], minute: p.nums[1] } };
  } else if (take("minute", 0)) {
    const minutes = spans();
    const hours = take("hour", 0) && spans();
    time = minutes && hours && { fields: { minutes, hours } };
  }
  if (!time) return null;
  let days;
  if (peek() === "date") {
    const p = take("date", 2);
    if (!p) return null;
    days = { date: { month: p.nums[0], day: p.nums[1] } };
  } else if (take("dates", 0)) {
    const dates = spans();
    if (!dates) return null;
    days = { dates };
  } else if (peek() === "weekdays") {
    const weekdays = names("weekdays");
    if (!weekdays) return null;
    days = { weekdays };
  } else if (peek() === "either" || peek() === "both") {
    const rule = parts[i++].name;
    const dates = take("dates", 0) && spans();
    const weekdays = names("weekdays");
    if (!dates || !weekdays) return null;
    days = { [rule]: { dates, weekdays } };
  }
  const months = peek() === "months" ? names("months") : undefined;
  if (months === null || i !== parts.length) return null;
  return { cron: { time, days, months } };
}

// A writer builds nine Intl objects; one per table, tag and clock is kept, so a list
// of descriptions builds them once.
const writers = new WeakMap();
function cached(f, tag, cycle) {
  let byTag = writers.get(f);
  if (!byTag) writers.set(f, (byTag = new Map()));
  const key = `${tag} ${cycle}`;
  let w = byTag.get(key);
  if (!w) byTag.set(key, (w = writer(f, tag, cycle)));
  return w;
}

function writer(f, tag, cycle) {
  // h11 and h24 (used by few locales) read as their nearest of the two.
  const own = new Intl.DateTimeFormat(tag, { hour: "numeric" }).resolvedOptions().hourCycle;
  const h12 = (cycle ?? own) === "h12" || (cycle ?? own) === "h11";
  // A 24-hour clock pads the hour (09:00); a 12-hour one does not (9:00 AM).
  const clock = new Intl.DateTimeFormat(tag, {
    hour: h12 ? "numeric" : "2-digit",
    minute: "2-digit",
    hourCycle: h12 ? "h12" : "h23",
    timeZone: UTC,
  });
  const cardinal = new Intl.PluralRules(tag);
  const ordinal = new Intl.PluralRules(tag, { type: "ordinal" });
  const lists = f.lists ?? tag;
  const and = new Intl.ListFormat(lists, { type: "conjunction" });
  const or = new Intl.ListFormat(lists, { type: "disjunction" });
  const weekdayName = new Intl.DateTimeFormat(tag, { weekday: "long", timeZone: UTC });
  const monthName = new Intl.DateTimeFormat(tag, { month: "long", timeZone: UTC });
  const monthInDate = new Intl.DateTimeFormat(tag, { month: "long", day: "numeric", timeZone: UTC });

  const pick = (entry, n, rules = cardinal) =>
    typeof entry === "string" ? entry : (entry?.[n] ?? entry?.[rules.select(n)] ?? entry?.other);
  const fill = (template, values) =>
    String(template).replace(/\{(\w+)\}/g, (all, key) => (key in values ? String(values[key]) : all));
  const num = (entry, n) => pick(entry, n, ordinal).replace("#", String(n));

  // A clock time in a role ("at", "from", "to"); the role may depend on the hour as
  // written (Spanish "a la 1:00", "a las 2:00").
  const time = (role, [h, m]) => {
    const shown = h12 ? h % 12 || 12 : h;
    return pick(f.clock[role], shown).replace("#", clock.format(Date.UTC(2000, 0, 1, h, m)));
  };

  const names = {
    weekdays: {
      own: (v) => weekdayName.format(WEEKDAY_EPOCH + v * DAY_MS),
      // Intl has no weekday inside a date of its own: "@" is the same word as "#".
      inDate: (v) => weekdayName.format(WEEKDAY_EPOCH + v * DAY_MS),
      index: (v) => v,
    },
    months: {
      own: (v) => monthName.format(Date.UTC(2001, v - 1, 1)),
      inDate: (v) =>
        monthInDate.formatToParts(Date.UTC(2001, v - 1, 1)).find((p) => p.type === "month")?.value ?? "",
      index: (v) => v - 1,
    },
  };
  const name = (kind, role, v) => {
    const spec = f[kind][role];
    const n = names[kind];
    if (Array.isArray(spec)) return spec[n.index(v)] ?? "";
    return spec.replace("#", () => n.own(v)).replace("@", () => n.inDate(v));
  };
  // Names: a range, or a list in the role of its items ("each" joined with "and",
  // "on" with "or", months "in").
  const namesText = (kind, role, value, list) =>
    Array.isArray(value)
      ? fill(f[kind][`${role}List`], { list: list.format(value.map((v) => name(kind, role, v))) })
      : fill(f[kind].range, { from: name(kind, "from", value.from), to: name(kind, "to", value.to) });

  const date = (month, day) => fill(f.date, { month: name("months", "date", month), day: num(f.dateDay, day) });

  return {
    preset({ every, n, start }) {
      if (!start) return fill(pick(f.preset[every], n), { n });
      const values = {
        n,
        minute: start.minute,
        time: time("at", [start.hour, start.minute]),
        weekday: name("weekdays", "on", start.weekday),
        day: num(f.dayNumber, start.day),
        date: date(start.month, start.day),
      };
      let text = fill(pick(f.presetAt[every], n), values);
      if (every === "month" && start.day >= 29) text += f.monthEnd;
      if (every === "year" && start.month === 2 && start.day === 29) text += f.leapDay;
      return text;
    },

    cron({ time: t, days, months }) {
      let text = this.time(t);
      if (days) text = fill(f.withDays, { text, days: this.days(days) });
      if (months) text = fill(f.withMonths, { text, months: namesText("months", "in", months, and) });
      return text;
    },

    time(t) {
      if (t.at) return fill(f.at, { times: and.format(t.at.map((c) => time("at", c))) });
      const range = (k, { n, from, to }) => fill(pick(f[k], n), { n, from: time("from", from), to: time("to", to) });
      if (t.minutes) return range("minutes", t.minutes);
      if (t.hours) return range("hours", t.hours);
      if (t.hourly) {
        const { n, minute } = t.hourly;
        return fill(pick(minute === 0 ? f.onTheHour : f.hourly, n), { n, minute });
      }
      const { minutes, hours } = t.fields;
      const minuteValues = values(minutes);
      let text;
      if (minuteValues) {
        text = fill(pick(f.minuteValues, minuteValues.length), { list: and.format(minuteValues.map(String)) });
      } else if (isEvery(minutes)) {
        text = f.everyMinute;
      } else {
        text = and.format(minutes.map((s) => this.span(s, "minute", (v) => String(v), (v) => String(v))));
      }
      if (isEvery(hours)) return minuteValues ? fill(f.ofEveryHour, { minutes: text }) : text;
      const from = (h) => time("from", [h, 0]);
      const to = (h) => time("to", [h, 59]);
      const list = and.format(hours.map((s) => this.span(s, "hour", from, to)));
      return fill(values(hours) ? f.hourValues : f.hourItems, { minutes: text, hours: list });
    },

    // One item of a field: "every 15 minutes", "from 09:00 through 17:59", "day 4".
    span(s, unit, from, to) {
      if (typeof s === "number") {
        // An hour on its own is the hour through its last minute.
        return unit === "hour"
          ? fill(f.hourRange, { from: from(s), to: to(s) })
          : fill(f[`${unit}Value`], { value: from(s) });
      }
      if (Array.isArray(s) && s.length === 2) return fill(f[`${unit}Range`], { from: from(s[0]), to: to(s[1]) });
      if (Array.isArray(s)) return fill(pick(f[`${unit}Steps`], s[2]), { n: s[2], from: from(s[0]), to: to(s[1]) });
      const n = s.every;
      const first = [0, 1, 2].map((k) => num(f.dayNumber, k * n + 1)).join(", ");
      return fill(pick(f[`${unit}Every`], n), { n, nth: num(f.ordinal, n), first });
    },

    days(d) {
      if (d.date) return fill(f.onDate, { date: date(d.date.month, d.date.day) });
      if (d.weekdays) return fill(f.onWeekdays, { weekdays: namesText("weekdays", "each", d.weekdays, and) });
      const spec = d.dates ? { dates: d.dates } : (d.either ?? d.both);
      const day = (v) => num(f.dayNumber, v);
      const dayValues = values(spec.dates);
      const list = dayValues
        ? fill(pick(f.dayValues, dayValues.length), { list: and.format(dayValues.map(day)) })
        : and.format(spec.dates.map((s) => this.span(s, "day", day, day)));
      // A list that opens with "every …" says "of the month" itself.
      const first = spec.dates[0];
      const opensWithEvery = typeof first === "object" && (!Array.isArray(first) || first.length === 3);
      const dates = fill(opensWithEvery ? f.onDatesEvery : f.onDates, { dates: list });
      if (d.dates) return dates;
      if (d.either) return fill(f.either, { dates, weekdays: namesText("weekdays", "each", d.either.weekdays, and) });
      return fill(f.both, { dates, weekdays: namesText("weekdays", "on", d.both.weekdays, or) });
    },
  };
}

const isEvery = (spans) => spans.length === 1 && spans[0]?.every === 1;
const values = (spans) => (spans.every((s) => typeof s === "number") ? spans : null);
