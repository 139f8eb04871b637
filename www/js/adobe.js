// Adobe panel: the create-subscription input and headers, checked as you type, and the
// creation window drawn as a strip of days with today marked. The form's fields are
// checked with adobeSchema() as a form library would (each issue at the field its dotted
// path names, once touched or submitted); the whole request, headers included, with
// validateAdobeSubscription, whose error objects are shown for developers.
import { $, messagesFromIssues, renderFields, showFieldErrors, touchState, wireTouch } from "./dom.js";

// `path` is the field's place in buildAdobeSubscription's input, as adobeSchema's issues
// name it; the headers have `header` instead: adobeSchema leaves them out (the request
// gets them where it is sent), so validateAdobeSubscription checks them.
const FIELDS = [
  { name: "customerId", path: "customerId", label: "Customer id (path)", note: "required" },
  { name: "offerId", path: "offerId", label: "offerId", note: "required" },
  { name: "enabled", path: "autoRenewal.enabled", label: "autoRenewal.enabled", kind: "check" },
  { name: "renewalQuantity", path: "autoRenewal.renewalQuantity", label: "autoRenewal.renewalQuantity", kind: "number", note: "required" },
  { name: "renewalCode", path: "autoRenewal.renewalCode", label: "autoRenewal.renewalCode", kind: "choice", options: [["", "(none)"], ["MOQ_100", "MOQ_100"], ["MOQ_250", "MOQ_250"], ["MOQ_500", "MOQ_500"]] },
  { name: "flexDiscountCode", path: "autoRenewal.flexDiscountCodes.0", label: "autoRenewal.flexDiscountCodes[0]" },
  { name: "deploymentId", path: "deploymentId", label: "deploymentId" },
  { name: "currencyCode", path: "currencyCode", label: "currencyCode", placeholder: "JPY" },
  { name: "correlationId", header: "X-Correlation-Id", label: "X-Correlation-Id header", note: "required" },
  { name: "token", header: "Authorization", label: "Authorization: Bearer token", kind: "password", note: "required" },
  { name: "apiKey", header: "X-Api-Key", label: "X-Api-Key header", kind: "password", note: "required" },
  { name: "today", path: "today", label: "Today", kind: "date" },
  { name: "anniversaryDate", path: "anniversaryDate", label: "Anniversary date", kind: "date" },
];

// Input field by the dotted path of an issue, and by a header's pointer.
const BY_PATH = new Map(FIELDS.filter((f) => f.path).map((f) => [f.path, f.name]));
const BY_HEADER = new Map(FIELDS.filter((f) => f.header).map((f) => [`/headers/${f.header}`, f.name]));

const isoDate = (d) => d.toISOString().slice(0, 10);
const addDays = (iso, n) => isoDate(new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000));

/** Today's date in the browser's time zone, as YYYY-MM-DD. */
function browserToday() {
  const now = new Date();
  return isoDate(new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())));
}

export function startAdobe({ adobeSchema, validateAdobeSubscription, adobeCreationWindow }) {
  const inputs = renderFields($("adobe-form"), "adobe", FIELDS);
  const v = (name) => inputs.get(name).value;
  const formSchema = adobeSchema();
  const state = touchState();
  inputs.get("enabled").checked = true;
  inputs.get("today").value = browserToday();

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
    const headers = { Accept: "application/json", "Content-Type": "application/json" };
    if (v("correlationId")) headers["X-Correlation-Id"] = v("correlationId");
    if (v("token")) headers.Authorization = `Bearer ${v("token")}`;
    if (v("apiKey")) headers["X-Api-Key"] = v("apiKey");
    return { customerId, body, headers, today, anniversaryDate };
  }

  function render() {
    const input = values();
    const checked = formSchema["~standard"].validate(input);
    const messages = messagesFromIssues(checked.issues, (path) => BY_PATH.get(path.join(".")), state.shows);
    const result = validateAdobeSubscription(request(input));
    // The headers' own errors, which the schema does not check.
    for (const e of result.errors) {
      const name = BY_HEADER.get(e.pointer);
      if (name && state.shows(name) && !messages.has(name)) messages.set(name, e.message);
    }
    showFieldErrors(inputs, messages);
    const status = $("adobe-status");
    // The status line is for developers: Adobe's code and Adobe's own words.
    status.textContent = result.valid
      ? `Valid${result.warnings.length ? ` (note: ${result.warnings[0].message})` : ""}.`
      : `Not valid: ${result.errors.map((e) => (e.code ? `${e.code} ${e.adobe.message}` : e.adobe.message)).join("; ")}`;
    status.className = result.valid ? "status ok" : "status bad";
    $("adobe-errors").textContent = JSON.stringify(result.errors, null, 2);
    drawCalendar();
  }

  function drawCalendar() {
    const strip = $("adobe-calendar");
    strip.replaceChildren();
    const ad = v("anniversaryDate");
    const win = ad ? adobeCreationWindow(ad) : null;
    if (!win?.valid) {
      $("adobe-window").textContent = "Pick the anniversary date to see the creation window.";
      return;
    }
    const today = v("today");
    const inside = today >= win.from && today <= win.to;
    $("adobe-window").textContent =
      `Creation is allowed from ${win.from} to ${win.to} (both included). ` +
      (today ? `Today, ${today}, is ${inside ? "inside" : "outside"} the window.` : "");
    strip.setAttribute("aria-label", $("adobe-window").textContent);
    for (let i = -35; i <= 0; i++) {
      const day = addDays(ad, i);
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
  render();
  return { render };
}
