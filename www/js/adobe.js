// Adobe panel: the create-subscription input and headers, checked as you type, and the
// creation window drawn as a strip of days with today marked. The form's fields are
// checked with adobeSchema() as a form library would (each issue at the field its dotted
// path names, once touched or submitted); the whole request, headers included, with
// validateAdobeSubscription, whose error objects are shown for developers.
//
// Update mode is `PATCH …/subscriptions/{subscription-id}`, the auto-renewal preferences:
// adobeUpdateSchema at the fields, validateAdobeSubscriptionUpdate for the whole request,
// and buildAdobeSubscriptionUpdate for the request shown once it is valid. What the
// page knows of the subscription (its status, whether auto-renewal is on now, the dates)
// is the update's context, not part of the request.
import { $, messagesFromIssues, relabelFields, renderFields, requestSnippets, showFieldErrors, touchState, wireTouch } from "./dom.js";
import { t } from "./words.js";

// The field tables are made per call, in the current language; a label that is the
// API's own name (offerId, autoRenewal.enabled) stays as the API spells it.

// The headers: adobeSchema leaves them out (the request gets them where it is sent), so
// validateAdobeSubscription checks them.
const headerFields = () => [
  { name: "correlationId", header: "X-Correlation-Id", label: t("adobe.field.correlationId"), note: t("note.required") },
  { name: "token", header: "Authorization", label: t("adobe.field.token"), kind: "password", note: t("note.required") },
  { name: "apiKey", header: "X-Api-Key", label: t("adobe.field.apiKey"), kind: "password", note: t("note.required") },
];

const renewalCodes = () => [["", t("choice.none")], ["MOQ_100", "MOQ_100"], ["MOQ_250", "MOQ_250"], ["MOQ_500", "MOQ_500"]];

// `path` is the field's place in buildAdobeSubscription's input, as adobeSchema's issues
// name it; the headers have `header` instead.
const createFields = () => [
  { name: "customerId", path: "customerId", label: t("adobe.field.customerId"), note: t("note.required") },
  { name: "offerId", path: "offerId", label: "offerId", note: t("note.required") },
  { name: "enabled", path: "autoRenewal.enabled", label: "autoRenewal.enabled", kind: "check" },
  { name: "renewalQuantity", path: "autoRenewal.renewalQuantity", label: "autoRenewal.renewalQuantity", kind: "number", note: t("note.required") },
  { name: "renewalCode", path: "autoRenewal.renewalCode", label: "autoRenewal.renewalCode", kind: "choice", options: renewalCodes() },
  { name: "flexDiscountCode", path: "autoRenewal.flexDiscountCodes.0", label: "autoRenewal.flexDiscountCodes[0]" },
  { name: "deploymentId", path: "deploymentId", label: "deploymentId" },
  { name: "currencyCode", path: "currencyCode", label: "currencyCode", placeholder: "JPY" },
  ...headerFields(),
  { name: "today", path: "today", label: t("adobe.field.today"), kind: "date" },
  { name: "anniversaryDate", path: "anniversaryDate", label: t("adobe.field.anniversaryDate"), kind: "date" },
];

// The update's fields: the path's ids, the body's autoRenewal members (each left out
// keeps its current value, so enabled has three states), the two query flags, the
// headers, then the context (`context` names its member). The status codes are the
// update page's: 1000 active and 1009 scheduled can be updated, 1002 pending and 1004
// inactive cannot.
const updateFields = () => [
  { name: "customerId", path: "customerId", label: t("adobe.field.customerId"), note: t("note.required") },
  { name: "subscriptionId", path: "subscriptionId", label: t("adobe.field.subscriptionId"), note: t("note.required") },
  { name: "enabled", path: "autoRenewal.enabled", label: "autoRenewal.enabled", kind: "choice", options: [["", t("choice.unchanged")], ["true", "true"], ["false", "false"]] },
  { name: "renewalQuantity", path: "autoRenewal.renewalQuantity", label: "autoRenewal.renewalQuantity", kind: "number", note: t("adobe.note.unchangedIfEmpty") },
  { name: "renewalCode", path: "autoRenewal.renewalCode", label: "autoRenewal.renewalCode", kind: "choice", options: renewalCodes() },
  { name: "flexDiscountCode", path: "autoRenewal.flexDiscountCodes.0", label: "autoRenewal.flexDiscountCodes[0]" },
  { name: "resetFlexDiscountCodes", path: "resetFlexDiscountCodes", label: "?reset-flex-discount-codes=true", kind: "check" },
  { name: "resetRenewalCode", path: "resetRenewalCode", label: "?reset-renewal-code=true", kind: "check" },
  ...headerFields(),
  { name: "environment", label: t("adobe.field.environment"), kind: "choice", options: [["production", "production (partners.adobe.io)"], ["sandbox", "sandbox (partnersandbox-stage.adobe.io)"]] },
  { name: "currentStatus", context: "status", label: t("adobe.field.currentStatus"), kind: "choice",
    options: [["", t("adobe.choice.unknown")], ["1000", "1000 active"], ["1009", "1009 scheduled"], ["1002", "1002 pending"], ["1004", "1004 inactive"]] },
  { name: "autoRenewalEnabled", context: "autoRenewalEnabled", label: t("adobe.field.autoRenewalEnabled"), kind: "choice",
    options: [["", t("adobe.choice.unknown")], ["true", t("adobe.choice.on")], ["false", t("adobe.choice.off")]] },
  { name: "licenseType", context: "licenseType", label: t("adobe.field.licenseType"), kind: "choice",
    options: [["", t("adobe.choice.unknownLicense")], ["team", "team"], ["enterprise", "enterprise"]] },
  { name: "today", context: "today", label: t("adobe.field.todayContext"), kind: "date" },
  { name: "anniversaryDate", context: "anniversaryDate", label: t("adobe.field.anniversaryContext"), kind: "date" },
];

// Input field by the dotted path of an issue, and by a header's pointer; the update's
// context fields. Names and paths are the same in every language.
const byPath = (fields) => new Map(fields.filter((f) => f.path).map((f) => [f.path, f.name]));
const BY_HEADER = new Map(headerFields().map((f) => [`/headers/${f.header}`, f.name]));
const CONTEXT_FIELDS = updateFields().filter((f) => f.context);
const MODES = {
  create: { fields: createFields, byPath: byPath(createFields()) },
  update: { fields: updateFields, byPath: byPath(updateFields()) },
};

// Never written into the page: the snippets put variables in their place.
const MASKED = {
  Authorization: ["`Bearer ${ADOBE_ACCESS_TOKEN}`", "Bearer $ADOBE_ACCESS_TOKEN"],
  "X-Api-Key": ["ADOBE_API_KEY", "$ADOBE_API_KEY"],
};

const isoDate = (d) => d.toISOString().slice(0, 10);
const addDays = (iso, n) => isoDate(new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000));

/** Today's date in the browser's time zone, as YYYY-MM-DD. */
function browserToday() {
  const now = new Date();
  return isoDate(new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())));
}

export function startAdobe({ adobeSchema, validateAdobeSubscription, adobeCreationWindow, adobeUpdateSchema, validateAdobeSubscriptionUpdate, buildAdobeSubscriptionUpdate }) {
  let mode = "create";
  let inputs = new Map();
  const v = (name) => inputs.get(name).value;
  const createSchema = adobeSchema();
  const state = touchState();
  const updating = () => mode === "update";

  /** The update's context from its fields; those left empty are not known, so not sent. */
  function context() {
    const known = {};
    for (const f of CONTEXT_FIELDS) {
      if (v(f.name) === "") continue;
      known[f.context] = f.name === "autoRenewalEnabled" ? v(f.name) === "true" : v(f.name);
    }
    return known;
  }

  /** buildAdobeSubscriptionUpdate's input as the form holds it; empty fields are left out. */
  function updateValues() {
    const autoRenewal = {};
    if (v("enabled")) autoRenewal.enabled = v("enabled") === "true";
    if (v("renewalQuantity") !== "") autoRenewal.renewalQuantity = Number(v("renewalQuantity"));
    if (v("renewalCode")) autoRenewal.renewalCode = v("renewalCode");
    if (v("flexDiscountCode")) autoRenewal.flexDiscountCodes = [v("flexDiscountCode")];
    const input = { customerId: v("customerId"), subscriptionId: v("subscriptionId") };
    // Nothing to change is no autoRenewal at all: the rules then ask for one, unless
    // the request only resets the flexible discount.
    if (Object.keys(autoRenewal).length) input.autoRenewal = autoRenewal;
    if (inputs.get("resetFlexDiscountCodes").checked) input.resetFlexDiscountCodes = true;
    if (inputs.get("resetRenewalCode").checked) input.resetRenewalCode = true;
    return input;
  }

  /** The update request as validateAdobeSubscriptionUpdate takes it: the body apart from the ids and flags. */
  function updateRequest(input) {
    const { customerId, subscriptionId, resetFlexDiscountCodes, resetRenewalCode, autoRenewal } = input;
    const request = { customerId, subscriptionId, headers: headers() };
    if (resetFlexDiscountCodes) request.resetFlexDiscountCodes = true;
    if (resetRenewalCode) request.resetRenewalCode = true;
    if (autoRenewal) request.body = { autoRenewal };
    return request;
  }

  /** The headers the form holds, as for create; empty ones are left out for the rules to report. */
  function headers() {
    const headers = { Accept: "application/json", "Content-Type": "application/json" };
    if (v("correlationId")) headers["X-Correlation-Id"] = v("correlationId");
    if (v("token")) headers.Authorization = `Bearer ${v("token")}`;
    if (v("apiKey")) headers["X-Api-Key"] = v("apiKey");
    return headers;
  }

  /**
   * Create or Update: the form is drawn again for the mode; the fields both have (the
   * customer id, the headers, today, the quantity…) keep what was typed.
   */
  function setMode(next) {
    const kept = new Map();
    for (const [name, input] of inputs) kept.set(name, input.type === "checkbox" ? null : input.value);
    mode = next;
    const fields = MODES[mode].fields();
    inputs = renderFields($("adobe-form"), "adobe", fields);
    for (const f of fields) {
      if (kept.get(f.name) != null && f.kind !== "check" && f.name !== "enabled") inputs.get(f.name).value = kept.get(f.name);
    }
    if (!updating()) inputs.get("enabled").checked = true;
    if (!inputs.get("today").value) inputs.get("today").value = browserToday();
    state.reset();
    writeModeWords();
    $("adobe-calendar").hidden = updating();
    $("adobe-window").hidden = updating();
    render();
  }

  function writeModeWords() {
    $("adobe-form").setAttribute("aria-label", updating() ? t("adobe.form.update") : t("adobe.form.create"));
    $("adobe-mode-hint").textContent = updating()
      ? t("adobe.mode.update", { path: "PATCH /v3/customers/{customer-id}/subscriptions/{subscription-id}" })
      : t("adobe.mode.create", { path: "POST /v3/customers/{customer-id}/subscriptions" });
  }

  /** The page's words in the language just chosen; the form keeps its values and state. */
  function relabel() {
    relabelFields("adobe", MODES[mode].fields());
    writeModeWords();
    // In either mode, so that the strip's label is never left in the last language.
    drawCalendar();
  }

  /** buildAdobeSubscription's input as the form holds it; empty optional fields are left out. */
  function values() {
    const autoRenewal = { enabled: inputs.get("enabled").checked };
    if (v("renewalQuantity") !== "") autoRenewal.renewalQuantity = Number(v("renewalQuantity"));
    if (v("renewalCode")) autoRenewal.renewalCode = v("renewalCode");
    if (v("flexDiscountCode")) autoRenewal.flexDiscountCodes = [v("flexDiscountCode")];
    const input = { customerId: v("customerId"), offerId: v("offerId"), autoRenewal };
    if (v("deploymentId")) input.deploymentId = v("deploymentId");
    if (v("currencyCode")) input.currencyCode = v("currencyCode");
    input.today = v("today");
    input.anniversaryDate = v("anniversaryDate");
    return input;
  }

  /** The request as it would be sent: the input's body fields under `body`, and the headers. */
  function request(input) {
    const { customerId, today, anniversaryDate, ...body } = input;
    return { customerId, body, headers: headers(), today, anniversaryDate };
  }

  /** The form field an error's pointer names: a header, or a member of the body or the path. */
  const fieldOfPointer = (pointer) => BY_HEADER.get(pointer) ??
    MODES[mode].byPath.get(pointer.split("/").slice(1).filter((t, i) => i > 0 || t !== "body").join("."));

  function render() {
    const known = updating() ? context() : null;
    const input = updating() ? updateValues() : values();
    // The update's schema reads the context (status, current setting, limits), which
    // the form holds: made again for each check.
    const formSchema = updating() ? adobeUpdateSchema({ context: known }) : createSchema;
    const checked = formSchema["~standard"].validate(input);
    $("adobe-schema").textContent = JSON.stringify(formSchema["~standard"].jsonSchema.output({ target: "draft-2020-12" }), null, 2);
    const fieldByPath = MODES[mode].byPath;
    const messages = messagesFromIssues(checked.issues, (path) => fieldByPath.get(path.join(".")), state.shows);
    const result = updating() ? validateAdobeSubscriptionUpdate(updateRequest(input), known) : validateAdobeSubscription(request(input));
    // The headers' own errors, which the schema does not check.
    for (const e of result.errors) {
      const name = BY_HEADER.get(e.pointer);
      if (name && state.shows(name) && !messages.has(name)) messages.set(name, e.message);
    }
    showFieldErrors(inputs, messages);
    const status = $("adobe-status");
    // The status line is for developers: Adobe's code and Adobe's own words, for the
    // errors of the fields that show theirs (as the form's hint says), named by field.
    const shown = result.errors.filter((e) => state.shows(fieldOfPointer(e.pointer)));
    status.textContent = result.valid
      ? result.warnings.length ? t("adobe.status.validNote", { note: result.warnings[0].message }) : t("adobe.status.valid")
      : shown.length === 0
        ? state.any() ? t("adobe.status.quiet") : t("adobe.status.unchecked")
        : t("adobe.status.invalid", {
          errors: shown.map((e) => `${e.code ? `${e.code} ` : ""}${e.adobe.additionalDetails[0] ?? e.adobe.message}`).join("; "),
        });
    status.className = result.valid ? "status ok" : shown.length === 0 ? "status" : "status bad";
    $("adobe-errors").textContent = JSON.stringify(result.errors, null, 2);
    renderRequest(result.valid && updating() ? input : null, known);
    if (!updating()) drawCalendar();
  }

  /** The built update request, with the token and the API key masked; hidden until the request is valid. */
  function renderRequest(input, known) {
    const built = input && buildAdobeSubscriptionUpdate(input, {
      environment: v("environment"), accessToken: v("token"), apiKey: v("apiKey"), correlationId: v("correlationId"), context: known,
    });
    $("adobe-snippets").hidden = !built?.valid;
    if (!built?.valid) return;
    const text = requestSnippets(built.request, MASKED);
    $("adobe-fetch").textContent = text.fetch;
    $("adobe-curl").textContent = text.curl;
  }

  function drawCalendar() {
    const strip = $("adobe-calendar");
    strip.replaceChildren();
    const ad = v("anniversaryDate");
    const win = ad ? adobeCreationWindow(ad) : null;
    if (!win?.valid) {
      $("adobe-window").textContent = t("adobe.window.pick");
      strip.setAttribute("aria-label", t("adobe.calendar"));
      return;
    }
    const today = v("today");
    const inside = today >= win.from && today <= win.to;
    const where = !today ? "" : inside ? t("adobe.window.inside", { today }) : t("adobe.window.outside", { today });
    $("adobe-window").textContent = [t("adobe.window.range", { from: win.from, to: win.to }), where].filter(Boolean).join(" ");
    strip.setAttribute("aria-label", $("adobe-window").textContent);
    // Each month's name where its days start, in the page's language.
    const monthName = new Intl.DateTimeFormat(document.documentElement.lang || "en", { month: "long", timeZone: "UTC" });
    for (let i = -35; i <= 0; i++) {
      const day = addDays(ad, i);
      if (i === -35 || day.endsWith("-01")) {
        const month = document.createElement("span");
        month.className = "month";
        month.textContent = monthName.format(Date.parse(`${day}T00:00:00Z`));
        strip.append(month);
      }
      const cell = document.createElement("span");
      cell.className = "day";
      if (day >= win.from && day <= win.to) cell.classList.add("allowed");
      if (i === 0) cell.classList.add("anniversary");
      if (day === today) cell.classList.add("today", inside ? "inside" : "outside");
      cell.title = day;
      cell.dataset.date = day;
      cell.textContent = day.slice(8);
      strip.append(cell);
    }
  }

  function loadSeed() {
    return updating() ? loadUpdateSeed() : loadCreateSeed();
  }

  function loadUpdateSeed() {
    // docs/adobe.md's update example: the subscription id of Adobe's update page, a
    // flexible discount code with auto-renewal on, and the docs' headers.
    const values = {
      customerId: "P1005053489", subscriptionId: "cc8efgh8bc4354a4b38006c87804ceNA", enabled: "true", renewalQuantity: "7",
      renewalCode: "", flexDiscountCode: "ABCD-XV54-HG34-78YT", correlationId: "3d0c6a52-8f1e-4b7a-9c2d-5e6f7a8b9c0d",
      token: "your-ims-access-token", apiKey: "your-api-key", environment: "production",
      currentStatus: "", autoRenewalEnabled: "", licenseType: "", today: browserToday(), anniversaryDate: "",
    };
    for (const [name, value] of Object.entries(values)) inputs.get(name).value = value;
    inputs.get("resetFlexDiscountCodes").checked = false;
    inputs.get("resetRenewalCode").checked = false;
    state.submit();
    render();
  }

  function loadCreateSeed() {
    // Seed 004's example body and headers, with the anniversary 21 days from today.
    const values = {
      customerId: "P1005053489", offerId: "65304470CA01012", renewalQuantity: "100", renewalCode: "MOQ_100",
      flexDiscountCode: "", deploymentId: "", currencyCode: "", correlationId: "9f5cb46f-59e0-44f2",
      token: "your-access-token", apiKey: "your-api-key", today: browserToday(), anniversaryDate: addDays(browserToday(), 21),
    };
    for (const [name, value] of Object.entries(values)) inputs.get(name).value = value;
    inputs.get("enabled").checked = true;
    // A loaded example is a whole request: every field may show its errors.
    state.submit();
    render();
  }

  wireTouch($("adobe-form"), state, render, () => inputs);
  $("adobe-form").addEventListener("input", render);
  $("adobe-load-seed").addEventListener("click", loadSeed);
  for (const radio of document.querySelectorAll("input[name=adobe-mode]")) {
    radio.addEventListener("change", () => radio.checked && setMode(radio.value));
  }
  // The browser may restore the checked radio on reload, as the language picker's value.
  setMode(document.querySelector("input[name=adobe-mode]:checked")?.value ?? "create");
  return { render, relabel };
}
