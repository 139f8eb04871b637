// ICU MessageFormat as the catalogs in locales/messages/ use it, plus {n, month} and
// {d, date}, rendered as read. A missing or unusable param shows as {name} and a broken
// template comes back as written: visible to tests, never an exception in a form.
// Apostrophes are literal but for ''. Intl objects are cached: they are slow to build.
// A template with no argument and no '' is its own text: most messages, and the
// errors of a form answer each keystroke, so that costs no parse.
const C = new Map(), T = new Map(), W = /\s*([^\s,{}]*)\s*/y;
export function formatMessage(template, params, locale) {
  const t = "" + (template ?? ""), p = Object(params), no = () => { throw no; };
  if (!t.includes("{") && !t.includes("''")) return t;
  let i = 0, l = T.get(locale);
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
  const word = (w) => (W.lastIndex = i, w = W.exec(t)[1], i = W.lastIndex, w);
  // Up to the "}" closing the enclosing argument, left unread; "#" is n, the innermost plural's number.
  const msg = (d, n) => {
    let s = "", c;
    while ((c = t[i++]) != "}" || !d)
      if (c == null) return d ? no() : s;
      else if (c == "{") s += arg(d + 1, n);
      else s += c == "#" && n != null ? num(n) : c, c == "'" && t[i] == "'" && i++;
    i--;
    return s;
  };
  const arg = (d, n) => {
    if (d > 8) no();
    // A null-prototype object, so that a param value "constructor" finds no case.
    const name = word(), v = Object.hasOwn(p, name) ? p[name] : null, cases = Object.create(null);
    let y = "", k;
    if (t[i] == ",") i++, y = word();
    // "key {message}" cases; a bare word is a style (integer, …), and the default serves.
    if (t[i] == ",") for (i++; k = word();) t[i] == "{" && (i++, cases[k] = msg(d, y == "select" ? n : +v), i++);
    if (t[i++] != "}") no();
    try {
      if (v == null) no();
      if (y == "select") return cases[v] ?? cases.other ?? no();
      if (y == "plural" || y == "selectordinal") return Number.isFinite(v)
        ? cases["=" + v] ?? cases[intl(y, "PluralRules", { type: y == "plural" ? "cardinal" : "ordinal" }).select(v)] ?? cases.other ?? no()
        : no();
      return Array.isArray(v) ? intl("l", "ListFormat", { type: "conjunction" }).format(v.map((x) => one(y, x))) : one(y, v);
    } catch {
      return `{${name}}`;
    }
  };
  try { return msg(0); } catch { return t; }
}
