// Demo page logic: reads the form, builds the document with subkit, and shows each
// error beside the field its JSON Pointer names.
import { buildResource } from "../pkg/index.js";

const RESOURCE = "customer_subscriptions";
const FIELDS = ["customer_email", "reference", "reference_origin", "metadata"];
// The example request of Commerce Layer's "Create a customer subscription" page.
const SEED_EXAMPLE = { customer_email: "john@example.com", reference: "ANY-EXTERNAL-REFEFERNCE" };

const $ = (id) => document.getElementById(id);
const form = $("cs-form");

/** Flat input from the form: empty optional fields are left out. */
function readForm() {
  const input = {};
  const local = {};
  for (const name of FIELDS) {
    const raw = $(name).value;
    if (name === "metadata") {
      if (raw.trim() === "") continue;
      try {
        input.metadata = JSON.parse(raw);
      } catch (e) {
        local.metadata = `not valid JSON: ${e.message}`;
      }
    } else if (raw !== "" || name === "customer_email" || name === "reference") {
      input[name] = raw;
    }
  }
  return { input, local };
}

/** `/data/attributes/customer_email` -> `customer_email` (RFC 6901 unescaped). */
function fieldOf(pointer) {
  const m = /^\/data\/attributes\/([^/]*)$/.exec(pointer);
  return m ? m[1].replace(/~1/g, "/").replace(/~0/g, "~") : null;
}

function render() {
  const { input, local } = readForm();
  const result = buildResource(RESOURCE, input);
  const messages = Object.fromEntries(FIELDS.map((f) => [f, local[f] ?? ""]));
  for (const error of result.errors) {
    const field = fieldOf(error.source.pointer);
    if (field in messages && !messages[field]) messages[field] = error.title;
  }
  for (const field of FIELDS) {
    const el = $(field);
    const show = messages[field] && (el.dataset.touched === "true" || form.dataset.submitted === "true");
    $(`${field}-error`).textContent = show ? messages[field] : "";
    el.setAttribute("aria-invalid", show ? "true" : "false");
  }
  const ok = result.valid && Object.keys(local).length === 0;
  $("cs-status").textContent = ok
    ? "Valid: Commerce Layer should accept this request."
    : `Not valid yet: the server would answer ${result.status ?? 400}.`;
  $("cs-status").className = ok ? "status ok" : "status bad";
  $("cs-document").textContent = result.document ? JSON.stringify(result.document, null, 2) : "—";
  $("cs-errors").textContent = result.errors.length ? JSON.stringify(result.errors, null, 2) : "[]";
}

form.addEventListener("input", (event) => {
  if (event.target.name) event.target.dataset.touched = "true";
  render();
});
form.addEventListener("reset", () => {
  setTimeout(() => {
    for (const f of FIELDS) delete $(f).dataset.touched;
    delete form.dataset.submitted;
    render();
  });
});
$("load-seed").addEventListener("click", () => {
  for (const f of FIELDS) $(f).value = SEED_EXAMPLE[f] ?? "";
  form.dataset.submitted = "true";
  render();
});

render();
document.body.dataset.ready = "true";
