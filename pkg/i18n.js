// The language errors and descriptions are written in: a locale chosen once with
// setLocale() or per call with the `locale` option, looked up among the registered
// locales from the most to the least specific tag (it-CH, then it, then English, which
// is always there), plus the caller's own messages by rule code, which win over every
// locale. A locale is data ({ locale, messages, frequency }); a page imports only the
// ones it offers (subkit/locales/it, …), so the module grows with none of them.
import en from "./locales/en.js";
import { formatMessage } from "./format.js";
import { reasonOf } from "./read.js";

/** The longest language tag read, in UTF-16 units: a tag is a few subtags of at most 8. */
const MAX_TAG_UNITS = 256;
/** The longest message template read, in UTF-16 units, as for the module's string options. */
const MAX_TEMPLATE_UNITS = 65_536;

// `read()`, where anything the caller's getters or Proxy traps throw is a TypeError
// that says where, as every misuse is.
function reading(where, what, value, read) {
  try {
    return read();
  } catch (e) {
    if (e instanceof TypeError && e.message.startsWith(`${where}: `)) throw e;
    throw new TypeError(`${where}: ${what} could not be read: ${reasonOf(e, value)}`);
  }
}

const registered = new Map([["en", en]]);
let chosen = context(undefined, undefined, undefined);

// The locale's tag, once it is known to be a locale object.
function checkLocale(locale, where) {
  return reading(where, "the locale", locale, () => {
    const tag = locale?.locale;
    const messages = locale?.messages;
    if (locale === null || typeof locale !== "object" || typeof tag !== "string" || messages === null || typeof messages !== "object") {
      throw new TypeError(`${where}: a locale is an object { locale, messages, frequency }, such as the default export of subkit/locales/it`);
    }
    if (tag.length > MAX_TAG_UNITS) throw new TypeError(`${where}: a language tag has at most ${MAX_TAG_UNITS} characters`);
    return tag;
  });
}

/** Makes locales available by their tag, for `setLocale("it-CH")` or `{ locale: "it" }`. */
export function registerLocale(...locales) {
  for (const locale of locales) registered.set(checkLocale(locale, "registerLocale").toLowerCase(), locale);
}

// A copy of the caller's messages: their own string templates by rule code, read once
// here, so that writing an error later runs none of the caller's getters.
function copyMessages(messages, where) {
  return reading(where, "messages", messages, () => {
    const copy = Object.create(null);
    for (const code of Object.keys(messages)) {
      const text = messages[code];
      if (typeof text !== "string") continue;
      if (text.length > MAX_TEMPLATE_UNITS) throw new TypeError(`${where}: the message for ${code.slice(0, 64)} is longer than ${MAX_TEMPLATE_UNITS} characters`);
      copy[code] = text;
    }
    return copy;
  });
}

// The locales a tag falls back through: it-CH, it, then English. Tags have few parts,
// and at most 8 are looked at.
function chainOf(tag, first) {
  const chain = first ? [first] : [];
  const parts = tag.toLowerCase().split("-").slice(0, 8);
  for (let n = parts.length; n > 0; n--) {
    const locale = registered.get(parts.slice(0, n).join("-"));
    if (locale !== undefined && !chain.includes(locale)) chain.push(locale);
  }
  if (!chain.includes(en)) chain.push(en);
  return chain;
}

function context(locale, messages, hourCycle, where = "setLocale") {
  if (messages !== undefined && (messages === null || typeof messages !== "object")) {
    throw new TypeError(`${where}: messages is an object of message templates by rule code`);
  }
  if (hourCycle !== undefined && hourCycle !== "h12" && hourCycle !== "h23") {
    throw new TypeError(`${where}: hourCycle is "h12" or "h23"`);
  }
  if (messages !== undefined) messages = copyMessages(messages, where);
  let tag = "en";
  let chain = [en];
  if (typeof locale === "string") {
    if (locale.length > MAX_TAG_UNITS) throw new TypeError(`${where}: a language tag has at most ${MAX_TAG_UNITS} characters`);
    // Intl's canonical form, which also refuses what is not a language tag.
    try {
      tag = Intl.getCanonicalLocales(locale)[0];
    } catch {
      throw new TypeError(`${where}: "${locale.slice(0, 40)}" is not a BCP 47 language tag`);
    }
    chain = chainOf(tag);
  } else if (locale !== undefined) {
    tag = checkLocale(locale, where);
    chain = chainOf(tag, locale);
  }
  // Intl writes numbers, dates and times for the tag asked for (it-CH) when its language
  // is the one the words come from; a tag that fell back to another language (fr-CA,
  // with no French registered) is written as that language writes them.
  const language = (t) => t.toLowerCase().split("-")[0];
  if (language(chain[0].locale) !== language(tag)) tag = chain[0].locale;
  return { tag, chain, messages, hourCycle };
}

/**
 * Chooses the language of every later call: a locale object (subkit/locales/…) or the
 * tag of a registered one; `options.messages` overrides single messages by rule code,
 * `options.hourCycle` the locale's 12- or 24-hour clock.
 */
export function setLocale(locale, options) {
  const [messages, hourCycle] = reading("setLocale", "options", options, () => [options?.messages, options?.hourCycle]);
  if (locale !== undefined && typeof locale !== "string") registerLocale(locale);
  chosen = context(locale, messages, hourCycle);
}

/** The options that are read here and not by the module. */
export const LANGUAGE_OPTIONS = ["locale", "messages", "hourCycle"];

/**
 * The language of one call: its options' `locale`, `messages` and `hourCycle` (read as
 * the module reads options, inherited ones too) over the chosen ones. Returns the
 * context, and the options for the module: without those three as own members, and
 * with the same prototype, so that inherited options still reach it.
 */
export function languageOf(options, where) {
  if (options === null || typeof options !== "object") return [chosen, options];
  const [locale, messages, hourCycle, own] = reading(where, "options", options, () => [
    options.locale,
    options.messages,
    options.hourCycle,
    LANGUAGE_OPTIONS.some((name) => Object.hasOwn(options, name)),
  ]);
  if (!own && locale === undefined && messages === undefined && hourCycle === undefined) return [chosen, options];
  const ctx = locale === undefined ? { ...chosen } : context(locale, undefined, undefined, where);
  if (messages !== undefined) ctx.messages = context(undefined, messages, undefined, where).messages;
  else if (locale === undefined) ctx.messages = chosen.messages;
  if (hourCycle !== undefined) ctx.hourCycle = context(undefined, undefined, hourCycle, where).hourCycle;
  else ctx.hourCycle ??= chosen.hourCycle;
  let rest = options;
  if (own) {
    // The other members are passed on as getters of the caller's: read.js reads them,
    // where what a getter throws is reported against its option's name.
    rest = reading(where, "options", options, () => {
      const copy = Object.create(Object.getPrototypeOf(options));
      for (const name of Object.keys(options)) {
        // Defined, not assigned: a member named __proto__ stays a member.
        if (!LANGUAGE_OPTIONS.includes(name)) Object.defineProperty(copy, name, { get: () => options[name], enumerable: true, configurable: true });
      }
      return copy;
    });
  }
  return [ctx, rest];
}

/** The caller's message for `rule`, or the first locale of the chain that has one. */
export function template(ctx, rule) {
  const own = ctx.messages?.[rule];
  if (typeof own === "string") return own;
  for (const locale of ctx.chain) {
    const text = locale.messages[rule];
    if (typeof text === "string") return text;
  }
  return undefined;
}

/**
 * The words of frequency descriptions: the first locale of the chain that has them,
 * as describe.js takes them (with the call's tag, for Intl's names and clock).
 */
export function frequencyWords(ctx) {
  const locale = ctx.chain.find((l) => l.frequency !== null && typeof l.frequency === "object") ?? en;
  return { locale: ctx.tag, frequency: locale.frequency };
}

/** The message for `rule` with its params, in the context's language. */
export function message(ctx, rule, params) {
  const text = template(ctx, rule);
  return text === undefined ? rule : formatMessage(text, params ?? {}, ctx.tag);
}
