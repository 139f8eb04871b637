// Frequency panel: the description, Commerce Layer's verdict, the next runs as a list and
// a timeline, and the faulty span of a bad expression underlined; the description, the
// messages, the run dates and the page's verdicts in the language chosen in the header.
import { $ } from "./dom.js";
import { t } from "./words.js";

const PRESETS = ["hourly", "daily", "weekly", "monthly", "two-month", "three-month", "four-month", "six-month", "yearly"];
const SVG = "http://www.w3.org/2000/svg";

/** `datetime-local` value (UTC by this page's convention) to ISO 8601. */
const toIso = (local) => (local ? `${local}:00.000Z` : undefined);

/** Byte offset in UTF-8 to an index in the JS string. */
function byteToIndex(text, byte) {
  const encoder = new TextEncoder();
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    if (bytes >= byte) return i;
    const cp = text.codePointAt(i);
    bytes += encoder.encode(String.fromCodePoint(cp)).length;
    if (cp > 0xffff) i++;
  }
  return text.length;
}

/**
 * `language()` is the locale chosen in the header (a subkit/locales module). Run dates
 * are written in its language; the page's times are UTC, so they are shown in UTC.
 */
export function startFrequencies({ parseFrequency, describeFrequency, nextRuns }, language) {
  const input = $("freq-input");
  // Made again only when the language changes, not on every keystroke.
  let format = null;
  const formatsFor = (tag) => {
    if (format?.tag !== tag) {
      format = {
        tag,
        run: new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }),
        day: new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeZone: "UTC" }),
      };
    }
  };
  $("freq-presets").append(...PRESETS.map((p) => new Option(p, p)));

  // Marks the span of every error that names one, in text order (spans that overlap
  // an earlier one are left to it).
  function underline(text, errors) {
    const mirror = $("freq-mirror");
    mirror.replaceChildren();
    const spans = errors.filter((e) => Array.isArray(e?.span))
      .map((e) => e.span.map((b) => byteToIndex(text, b)))
      .sort((a, b) => a[0] - b[0]);
    let at = 0;
    for (const [start, end] of spans) {
      if (start < at) continue;
      const mark = document.createElement("mark");
      // An empty span (a missing item) still gets a visible marker.
      mark.textContent = text.slice(start, end) || "\u2038";
      mirror.append(text.slice(at, start), mark);
      at = end;
    }
    if (spans.length > 0) mirror.append(text.slice(at));
  }

  function render() {
    const locale = language();
    formatsFor(locale.locale);
    const text = input.value;
    const startsAt = toIso($("freq-start").value);
    const expiresAt = toIso($("freq-expires").value);
    const count = Math.min(50, Math.max(1, Number($("freq-count").value) || 6));
    const parsed = parseFrequency(text, startsAt ? { startsAt } : undefined);
    const verdict = $("freq-verdict");
    if (!parsed.valid) {
      underline(text, parsed.errors);
      // Each message is a sentence of its own.
      $("freq-error").textContent = parsed.errors.map((e) => e.message).join(" ");
      input.setAttribute("aria-invalid", "true");
      $("freq-description").textContent = "";
      verdict.textContent = t("freq.invalid");
      verdict.className = "status bad";
      drawRuns(new Float64Array(0));
      return;
    }
    input.setAttribute("aria-invalid", "false");
    $("freq-error").textContent = "";
    const clError = parsed.commerceLayer.errors[0];
    underline(text, parsed.commerceLayer.errors);
    // Passed explicitly: the description follows the locale given per call.
    $("freq-description").textContent = describeFrequency(text, { startsAt, locale }).description;
    verdict.textContent = clError ? t("freq.notForCl", { message: clError.message }) : t("freq.accepted");
    verdict.className = clError ? "status bad" : "status ok";
    // Epoch milliseconds, which the timeline places without parsing a string per run;
    // the list writes them as toISOString does, the same text as subkit's ISO runs.
    const found = nextRuns(text, { startsAt, expiresAt, count, format: "epochMs" });
    drawRuns(found.valid ? found.runs : new Float64Array(0), found.valid ? null : found.errors[0].message);
  }

  function drawRuns(times, problem) {
    const runs = Array.from(times, (t) => new Date(t).toISOString());
    const list = $("freq-runs");
    list.replaceChildren(...runs.map((r, i) => {
      const li = document.createElement("li");
      const time = document.createElement("time");
      time.dateTime = r;
      time.textContent = `${format.run.format(times[i])} UTC`;
      li.append(time);
      return li;
    }));
    if (problem) {
      const li = document.createElement("li");
      li.textContent = problem;
      list.append(li);
    }
    const svg = $("freq-timeline");
    svg.replaceChildren();
    if (runs.length === 0) return;
    const [first, last] = [times[0], times[times.length - 1]];
    const x = (t) => (last === first ? 300 : 20 + ((t - first) / (last - first)) * 560);
    const el = (name, attrs) => {
      const node = document.createElementNS(SVG, name);
      for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
      svg.append(node);
      return node;
    };
    el("line", { x1: 20, y1: 25, x2: 580, y2: 25, class: "axis" });
    times.forEach((t, i) => {
      el("circle", { cx: x(t), cy: 25, r: 6, class: "run" }).append(
        Object.assign(document.createElementNS(SVG, "title"), { textContent: `${format.run.format(t)} UTC` }),
      );
    });
    el("text", { x: 20, y: 52, class: "label" }).textContent = format.day.format(first);
    if (runs.length > 1) el("text", { x: 580, y: 52, class: "label end" }).textContent = format.day.format(last);
  }

  for (const id of ["freq-input", "freq-start", "freq-expires", "freq-count"]) $(id).addEventListener("input", render);
  for (const button of document.querySelectorAll("[data-freq]")) {
    button.addEventListener("click", () => {
      input.value = button.dataset.freq;
      render();
    });
  }
  render();
  return { render };
}
