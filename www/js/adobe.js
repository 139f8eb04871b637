// Adobe panel: the create-subscription body and headers, checked as you type, and the
// creation window drawn as a strip of days with today marked.
import { $, renderFields, showFieldErrors } from "./dom.js";

const FIELDS = [
  { name: "customerId", label: "Customer id (path)", note: "required" },
  { name: "offerId", label: "offerId", note: "required" },
  { name: "enabled", label: "autoRenewal.enabled", kind: "check" },
  { name: "renewalQuantity", label: "autoRenewal.renewalQuantity", kind: "number", note: "required" },
  { name: "renewalCode", label: "autoRenewal.renewalCode", kind: "choice", options: [["", "(none)"], ["MOQ_100", "MOQ_100"], ["MOQ_250", "MOQ_250"], ["MOQ_500", "MOQ_500"]] },
  { name: "flexDiscountCode", label: "autoRenewal.flexDiscountCodes[0]" },
  { name: "deploymentId", label: "deploymentId" },
  { name: "currencyCode", label: "currencyCode", placeholder: "JPY" },
  { name: "correlationId", label: "X-Correlation-Id header", note: "required" },
  { name: "token", label: "Authorization: Bearer token", kind: "password", note: "required" },
  { name: "apiKey", label: "X-Api-Key header", kind: "password", note: "required" },
  { name: "today", label: "Today", kind: "date" },
  { name: "anniversaryDate", label: "Anniversary date", kind: "date" },
];

// Where each pointer of the request object is shown.
const POINTERS = {
  "/customerId": "customerId",
  "/body/offerId": "offerId",
  "/body/autoRenewal/enabled": "enabled",
  "/body/autoRenewal/renewalQuantity": "renewalQuantity",
  "/body/autoRenewal/renewalCode": "renewalCode",
  "/body/autoRenewal/flexDiscountCodes/0": "flexDiscountCode",
  "/body/deploymentId": "deploymentId",
  "/body/currencyCode": "currencyCode",
  "/headers/X-Correlation-Id": "correlationId",
  "/headers/Authorization": "token",
  "/headers/X-Api-Key": "apiKey",
  "/today": "today",
  "/anniversaryDate": "anniversaryDate",
};

const isoDate = (d) => d.toISOString().slice(0, 10);
const addDays = (iso, n) => isoDate(new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000));

/** Today's date in the browser's time zone, as YYYY-MM-DD. */
function browserToday() {
  const now = new Date();
  return isoDate(new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())));
}

export function startAdobe({ validateAdobeSubscription, adobeCreationWindow }) {
  const inputs = renderFields($("adobe-form"), "adobe", FIELDS);
  const v = (name) => inputs.get(name).value;
  inputs.get("enabled").checked = true;
  inputs.get("today").value = browserToday();

  function request() {
    const autoRenewal = { enabled: inputs.get("enabled").checked };
    if (v("renewalQuantity") !== "") autoRenewal.renewalQuantity = Number(v("renewalQuantity"));
    if (v("renewalCode")) autoRenewal.renewalCode = v("renewalCode");
    if (v("flexDiscountCode")) autoRenewal.flexDiscountCodes = [v("flexDiscountCode")];
    const body = { offerId: v("offerId"), autoRenewal };
    if (v("deploymentId")) body.deploymentId = v("deploymentId");
    if (v("currencyCode")) body.currencyCode = v("currencyCode");
    const headers = { Accept: "application/json", "Content-Type": "application/json" };
    if (v("correlationId")) headers["X-Correlation-Id"] = v("correlationId");
    if (v("token")) headers.Authorization = `Bearer ${v("token")}`;
    if (v("apiKey")) headers["X-Api-Key"] = v("apiKey");
    return { customerId: v("customerId"), body, headers, today: v("today"), anniversaryDate: v("anniversaryDate") };
  }

  function render() {
    const result = validateAdobeSubscription(request());
    const messages = new Map();
    for (const e of result.errors) {
      const field = POINTERS[e.pointer];
      if (field && !messages.has(field)) messages.set(field, e.additionalDetails[0].replace(/^[^:]*: /, ""));
    }
    showFieldErrors(inputs, messages);
    const status = $("adobe-status");
    status.textContent = result.valid
      ? `Valid${result.warnings.length ? ` (note: ${result.warnings[0].additionalDetails[0]})` : ""}.`
      : `Not valid: ${result.errors.map((e) => (e.code ? `${e.code} ${e.message}` : e.message)).join("; ")}`;
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
    render();
  }

  $("adobe-form").addEventListener("input", render);
  $("adobe-load-seed").addEventListener("click", loadSeed);
  render();
}
