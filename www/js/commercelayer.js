// Commerce Layer panel: a form and the JSON:API document, kept in sync. The form holds
// the flat input buildResource takes and is checked as a form library would check it,
// with the resource's Standard Schema: each issue's message goes to the field its path
// names, once that field is touched or the form is submitted. The document side is
// checked by validateResource, whose JSON:API error objects are shown for developers.
import { $, messagesFromIssues, renderFields, showFieldErrors, touchState, wireTouch } from "./dom.js";

const DEFAULT_TRUE = [["", "(default: true)"], ["true", "true"], ["false", "false"]];
const DEFAULT_FALSE = [["", "(default: false)"], ["true", "true"], ["false", "false"]];

// Form fields per resource: attributes, then relationships (`rel` = related type).
const FIELDS = {
  customer_subscriptions: [
    { name: "customer_email", kind: "email", note: "required" },
    { name: "reference", note: "required" },
    { name: "reference_origin" },
    { name: "metadata", kind: "json", note: "JSON object", placeholder: '{"foo": "bar"}' },
  ],
  order_subscriptions: [
    { name: "frequency", note: "required", placeholder: "monthly or 30 * * * *" },
    { name: "activate_by_source_order", kind: "choice", options: DEFAULT_TRUE },
    { name: "starts_at", note: "required when activate_by_source_order is false", placeholder: "2018-01-01T12:00:00.000Z" },
    { name: "expires_at", placeholder: "2019-01-01T12:00:00.000Z" },
    { name: "place_target_order", kind: "choice", options: DEFAULT_TRUE },
    { name: "renewal_alert_period", kind: "number", note: "hours, 1-720, default 1" },
    { name: "reference" },
    { name: "reference_origin" },
    { name: "metadata", kind: "json", note: "JSON object" },
    { name: "source_order", rel: "orders", note: "order id, required" },
    { name: "market", rel: "markets", note: "market id" },
    { name: "tags", rel: "tags", many: true, note: "tag ids, comma-separated" },
  ],
  subscription_models: [
    { name: "name", note: "required" },
    { name: "strategy", kind: "choice", options: [["", "(default: by_frequency)"], ["by_frequency", "by_frequency"], ["by_line_items", "by_line_items"]] },
    { name: "frequencies", kind: "lines", note: "one per line, required" },
    { name: "auto_activate", kind: "choice", options: DEFAULT_TRUE },
    { name: "auto_cancel", kind: "choice", options: DEFAULT_FALSE },
    { name: "reference" },
    { name: "reference_origin" },
    { name: "metadata", kind: "json", note: "JSON object" },
  ],
};

// The example requests of the API reference pages (seeds 001, 002, 003).
const SEEDS = {
  customer_subscriptions: { data: { type: "customer_subscriptions", attributes: { customer_email: "john@example.com", reference: "ANY-EXTERNAL-REFEFERNCE" } } },
  order_subscriptions: {
    data: {
      type: "order_subscriptions",
      attributes: { frequency: "monthly", starts_at: "2018-01-01T12:00:00.000Z" },
      relationships: { source_order: { data: { type: "orders", id: "QWERtyUpBa" } } },
    },
  },
  subscription_models: {
    data: { type: "subscription_models", attributes: { name: "EU Subscription Model", frequencies: ["hourly", "10 * * * *", "weekly", "monthly", "two-month"] } },
  },
};

export function startCommerceLayer({ schema, buildResource, validateResource }) {
  const select = $("cl-resource");
  const json = $("cl-json");
  let inputs = new Map();
  let fields = [];
  let formSchema = null;
  const state = touchState();

  /**
   * The flat input the form describes, as @commercelayer/sdk's create() takes it:
   * attributes as fields, relationships as ids. Empty fields are left out; values that
   * cannot be read (metadata that is not JSON) stay as text for the schema to report.
   */
  function values() {
    const input = {};
    for (const f of fields) {
      const el = inputs.get(f.name);
      const raw = el.value.trim();
      if (raw === "") continue;
      if (f.rel && f.many) input[f.name] = raw.split(",").map((id) => id.trim());
      else if (f.rel) input[f.name] = raw;
      else if (f.kind === "choice" && (raw === "true" || raw === "false")) input[f.name] = raw === "true";
      else if (f.kind === "number") input[f.name] = Number(raw);
      else if (f.kind === "lines") input[f.name] = raw.split("\n").map((l) => l.trim()).filter(Boolean);
      else if (f.kind === "json") {
        try {
          input[f.name] = JSON.parse(raw);
        } catch {
          input[f.name] = raw;
        }
      } else input[f.name] = el.value;
    }
    return input;
  }

  /**
   * The JSON:API document of the form's input: buildResource's, which it gives only for
   * a valid input; until then a draft laid out the same way, so that the document side
   * still shows (and can edit) what the form holds.
   */
  function documentOf(input) {
    const built = buildResource(select.value, input);
    if (built.document) return built.document;
    const attributes = {};
    const relationships = {};
    for (const f of fields) {
      if (!(f.name in input)) continue;
      const value = input[f.name];
      if (f.rel && f.many) relationships[f.name] = { data: value.map((id) => ({ type: f.rel, id })) };
      else if (f.rel) relationships[f.name] = { data: { type: f.rel, id: value } };
      else attributes[f.name] = value;
    }
    const data = { type: select.value, attributes };
    if (Object.keys(relationships).length) data.relationships = relationships;
    return { data };
  }

  /** Fills the form from a parsed document; members the form has no field for stay in the JSON. */
  function formFromDocument(doc) {
    const attrs = doc?.data?.attributes ?? {};
    const rels = doc?.data?.relationships ?? {};
    for (const f of fields) {
      const input = inputs.get(f.name);
      let value;
      if (f.rel) {
        const data = rels[f.name]?.data;
        value = Array.isArray(data) ? data.map((d) => d?.id).join(", ") : data?.id;
      } else {
        value = attrs[f.name];
        if (f.kind === "lines" && Array.isArray(value)) value = value.join("\n");
        else if (f.kind === "json" && value !== undefined) value = JSON.stringify(value);
      }
      input.value = value === undefined || value === null ? "" : String(value);
    }
  }

  /** The form field a document error is about: its path is ["data", "attributes" | "relationships", name, …]. */
  const fieldOfDocumentPath = (path) =>
    path[0] === "data" && (path[1] === "attributes" || path[1] === "relationships") ? String(path[2]) : null;

  function render() {
    // Form level, as a form library calls a Standard Schema: every issue, then each
    // shown at its field (path[0] in this flat input) if that field may show it.
    const checked = formSchema["~standard"].validate(values());
    const messages = messagesFromIssues(checked.issues, (path) => (inputs.has(String(path[0])) ? String(path[0]) : null), state.shows);
    showFieldErrors(inputs, messages);

    // The document as it would be sent, checked as the server would check it; faults
    // that no form field holds (a member the form has no field for, JSON that does not
    // parse) are shown under the document.
    const result = validateResource(select.value, json.value);
    const elsewhere = result.errors
      .filter((e) => !inputs.has(fieldOfDocumentPath(e.path)))
      .map((e) => `${e.pointer || "(document)"}: ${e.message}`);
    $("cl-json-error").textContent = elsewhere.join(" ");
    json.setAttribute("aria-invalid", elsewhere.length ? "true" : "false");
    $("cl-status").textContent = result.valid
      ? "Valid: Commerce Layer should accept this request."
      : `Not valid yet: the server would answer ${result.status} (${result.errors.length} ${result.errors.length === 1 ? "error" : "errors"}).`;
    $("cl-status").className = result.valid ? "status ok" : "status bad";
    $("cl-errors").textContent = JSON.stringify(result.errors, null, 2);
    $("cl-snippets").hidden = !result.valid;
    if (result.valid) renderSnippets(select.value, json.value);
  }

  function renderSnippets(resource, text) {
    const body = JSON.stringify(JSON.parse(text), null, 2);
    const url = `https://yourdomain.commercelayer.io/api/${resource}`;
    $("cl-fetch").textContent =
      `await fetch("${url}", {\n  method: "POST",\n  headers: {\n    Accept: "application/vnd.api+json",\n` +
      `    "Content-Type": "application/vnd.api+json",\n    Authorization: \`Bearer \${CL_ACCESS_TOKEN}\`,\n  },\n` +
      `  body: JSON.stringify(${body.replace(/\n/g, "\n  ")}),\n});`;
    $("cl-curl").textContent =
      `curl -g -X POST '${url}' \\\n  -H 'Accept: application/vnd.api+json' \\\n` +
      `  -H "Authorization: Bearer $CL_ACCESS_TOKEN" \\\n  -H 'Content-Type: application/vnd.api+json' \\\n` +
      `  -d '${body.replace(/'/g, "'\\''")}'`;
  }

  function setResource(resource, doc) {
    select.value = resource;
    fields = FIELDS[resource];
    formSchema = schema(resource);
    inputs = renderFields($("cl-form"), "cl", fields);
    state.reset();
    if (doc) {
      // A loaded example is a whole request: every field may show its errors.
      state.submit();
      formFromDocument(doc);
    }
    json.value = JSON.stringify(documentOf(values()), null, 2);
    render();
  }

  wireTouch($("cl-form"), state, render, () => inputs);
  $("cl-form").addEventListener("input", () => {
    json.value = JSON.stringify(documentOf(values()), null, 2);
    render();
  });
  json.addEventListener("input", () => {
    // The document was edited as a whole, so every field it fills counts as touched.
    state.submit();
    try {
      formFromDocument(JSON.parse(json.value));
    } catch {
      // Not JSON yet: the validator reports it; the form keeps its last values.
    }
    render();
  });
  select.addEventListener("change", () => setResource(select.value));
  $("cl-load-seed").addEventListener("click", () => setResource(select.value, SEEDS[select.value]));

  setResource("customer_subscriptions");
  return { render };
}
