// Demo page entry: loads subkit (its own copy under vendor/, so the folder works as
// plain static files) and its eight languages, and starts the three panels. The
// language chosen in the header is set once with setLocale, so every later call speaks
// it, and for the page's own words (words.js); switching rewrites the page's words and
// redraws each panel, since messages are written when a call answers.
import * as subkit from "../vendor/subkit/index.js";
import en from "../vendor/subkit/locales/en.js";
import it from "../vendor/subkit/locales/it.js";
import de from "../vendor/subkit/locales/de.js";
import fr from "../vendor/subkit/locales/fr.js";
import es from "../vendor/subkit/locales/es.js";
import nl from "../vendor/subkit/locales/nl.js";
import pt from "../vendor/subkit/locales/pt.js";
import pl from "../vendor/subkit/locales/pl.js";
import { startCommerceLayer } from "./commercelayer.js";
import { startFrequencies } from "./frequencies.js";
import { startAdobe } from "./adobe.js";
import { $, wireCopyButtons } from "./dom.js";
import { applyWords, setLanguage } from "./words.js";

const LOCALES = new Map([en, it, de, fr, es, nl, pt, pl].map((locale) => [locale.locale, locale]));
const picker = $("language");
let current = en;

function choose(tag) {
  current = LOCALES.get(tag) ?? en;
  subkit.setLocale(current);
  setLanguage(current.locale);
  document.documentElement.lang = current.locale;
  applyWords();
}

// The browser may restore the picker's last value on reload or back, without a change
// event: start in the language it shows.
choose(picker.value);

const panels = [
  startCommerceLayer(subkit),
  startFrequencies(subkit, () => current),
  startAdobe(subkit),
];

picker.addEventListener("change", () => {
  choose(picker.value);
  for (const panel of panels) {
    panel.relabel?.();
    panel.render();
  }
});

wireCopyButtons();
document.body.dataset.ready = "true";
