// ICU MessageFormat as the catalogs in locales/messages/ use it, plus {n, month} and
// {d, date}. A template is compiled once (parts: text, `#`, arguments with their cases)
// and kept, so writing an error parses nothing: a form answers each keystroke, and an
// invalid document's every error is written. A missing or unusable param shows as
// {name} and a broken template comes back as written: visible to tests, never an
// exception in a form. Apostrophes are literal but for ''. Intl objects are cached:
// they are slow to build.
const C = new Map(), T = new Map(), W = /\s*([^\s,{}]*)\s*/y, HASH = {}, BROKEN = {};
// Compiled templates, by text; the text may be the caller's own (`messages`): capped.
const compiled = new Map();

// The parts of `t`, or BROKEN: an unclosed argument, an argument nested more than 8 deep.
function compile(t) {
  let i = 0;
  const no = () => { throw no; };
  const word = (w) => (W.lastIndex = i, w = W.exec(t)[1], i = W.lastIndex, w);
  // Up to the "}" closing the enclosing argument, left unread.
  const msg = (d) => {
    const parts = [];
    let s = "", c;
    while ((c = t[i++]) != "}" || !d) {
      if (c == null) {
        if (d) no();
        break;
      }
      if (c == "{") {
        if (s) parts.push(s), s = "";
        parts.push(arg(d + 1));
      } else if (c == "#") {
        if (s) parts.push(s), s = "";
        parts.push(HASH);
      } else {
        s += c;
        if (c == "'" && t[i] == "'") i++;
      }
    }
    if (d) i--;
    if (s) parts.push(s);
    return parts;
  };
  const arg = (d) => {
    if (d > 8) no();
    // A null-prototype object, so that a param value "constructor" finds no case.
    const name = word(), cases = Object.create(null);
    let type = "", k;
    if (t[i] == ",") i++, type = word();
    // "key {message}" cases; a bare word is a style (integer, …), and the default serves.
    if (t[i] == ",") for (i++; k = word();) t[i] == "{" && (i++, cases[k] = msg(d), i++);
    if (t[i++] != "}") no();
    return { name, type, cases };
  };
  try { return msg(0); } catch { return BROKEN; }
}

export function formatMessage(template, params, locale) {
  const t = "" + (template ?? ""), p = Object(params), no = () => { throw no; };
  if (!t.includes("{") && !t.includes("''")) return t;
  let parts = compiled.get(t);
  if (parts === undefined) {
    compiled.size > 499 && compiled.clear(), compiled.set(t, parts = compile(t));
  }
  if (parts === BROKEN) return t;
  let l = T.get(locale);
  if (l === undefined) {
    try { Intl.getCanonicalLocales(l = locale); } catch { l = "en"; }
    T.size > 99 && T.clear(), T.set(locale, l);
  }
  const intl = (k, c, o) => {
    let v = C.get(k += l);
    // The locale may come from the page: a capped cache.
    if (!v) C.size > 99 && C.clear(), C.set(k, v = new Intl[c](l, { ...o, timeZone: "UTC" }));
    return v;
  };
  const num = (n) => intl("n", "NumberFormat").format(n);
  const one = (y, v, e) => y == "month"
    ? v === (v | 0) && v > 0 && v < 13 ? intl("m", "DateTimeFormat", { month: "long" }).format(Date.UTC(2e3, v - 1, 9)) : no()
    : y == "date"
    ? (e = Date.parse(v)) == e && typeof v == "string" ? intl("d", "DateTimeFormat", { dateStyle: "long" }).format(e) : no()
    : typeof v == "number" ? isFinite(v) ? num(v) : no()
    : y || typeof v != "string" && typeof v != "boolean" ? no() : "" + v;
  // `#` is n, the innermost plural's number.
  const write = (list, n) => {
    let s = "";
    for (const part of list) {
      s += typeof part == "string" ? part : part === HASH ? n != null ? num(n) : "#" : arg(part, n);
    }
    return s;
  };
  const arg = ({ name, type: y, cases }, n) => {
    const v = Object.hasOwn(p, name) ? p[name] : null;
    try {
      if (v == null) no();
      if (y == "select") return write(cases[v] ?? cases.other ?? no(), n);
      if (y == "plural" || y == "selectordinal") return Number.isFinite(v)
        ? write(cases["=" + v] ?? cases[intl(y, "PluralRules", { type: y == "plural" ? "cardinal" : "ordinal" }).select(v)] ?? cases.other ?? no(), +v)
        : no();
      return Array.isArray(v) ? intl("l", "ListFormat", { type: "conjunction" }).format(v.map((x) => one(y, x))) : one(y, v);
    } catch {
      return `{${name}}`;
    }
  };
  return write(parts);
}
