// Commerce Layer panel: a form and the JSON:API document, kept in sync. The form holds
// the flat input buildResource takes and is checked as a form library would check it,
// with the resource's Standard Schema: each issue's message goes to the field its path
// names, once that field is touched or the form is submitted. The document side is
// checked by validateResource, whose JSON:API error objects are shown for developers.
//
// Update mode is the same for `PATCH /api/order_subscriptions/<id>`, the changes a "my
// subscriptions" page makes: updateSchema for the form, validateUpdate for the document,
// buildUpdateRequest for the request. The subscription's current status is context, not
// a member of the document: it decides which trigger may be sent.
import { $, messagesFromIssues, relabelFields, renderFields, requestSnippets, showFieldErrors, touchState, wireTouch } from "./dom.js";
import { ACTIONS, CREATE_FIELDS, STATUSES, UPDATE_MEMBERS } from "./fields.js";
import { t } from "./words.js";

// What the spec does not say and a form still shows: examples of the values, and
// the words for what a member means. Every field itself comes from the spec
// (fields.js, generated from the manifest), so a member the spec gains shows here.
// Made per call: the words are the current language's.
const hints = () => ({
  frequency: { placeholder: t("cl.placeholder.frequency") },
  starts_at: { note: t("cl.note.startsAt"), placeholder: "2018-01-01T12:00:00.000Z" },
  expires_at: { placeholder: "2019-01-01T12:00:00.000Z" },
  renewal_alert_period: { note: t("cl.note.hours") },
  metadata: { placeholder: '{"foo": "bar"}' },
  options: { placeholder: '{"gift": true}' },
  quantity: { placeholder: "4" },
});

// The largest range worth showing: an integer member bounded only by its 64-bit type
// has none a person needs to read.
const shownRange = (f) => Number.isSafeInteger(f.min) && Number.isSafeInteger(f.max) ? `${f.min}-${f.max}` : null;

/** The demo's field for one member of fields.js, with the words a person reads; in an update form an empty choice keeps the current value. */
function formField(spec, update = false) {
  const hint = hints()[spec.name] ?? {};
  const f = { name: spec.name, placeholder: hint.placeholder };
  const notes = [];
  if (hint.note) notes.push(hint.note);
  if (spec.rel) {
    f.rel = spec.rel;
    if (spec.many) f.many = true;
    notes.push(spec.many ? t("cl.note.ids", { type: spec.rel }) : t("cl.note.id", { type: spec.rel }));
  } else if (spec.kind === "choice") {
    f.kind = "choice";
    const none = update ? t("choice.unchanged") : spec.default === undefined ? t("choice.none") : t("cl.choice.default", { value: spec.default });
    f.options = [["", none], ...spec.choices.map((c) => [String(c), String(c)])];
  } else if (spec.kind === "number") {
    f.kind = "number";
    const range = shownRange(spec);
    if (range) notes.push(range);
    if (spec.default !== undefined && !update) notes.push(t("cl.note.default", { value: spec.default }));
  } else if (spec.kind === "json") {
    f.kind = "json";
    notes.push(t("cl.note.json"));
  } else if (spec.kind === "lines") {
    f.kind = "lines";
    notes.push(t("cl.note.lines"));
  } else if (spec.kind === "email") {
    f.kind = "email";
  }
  if (spec.required) notes.push(t("note.required"));
  if (notes.length > 0) f.note = notes.join(", ");
  return f;
}

// A resource's create form: every member its create takes, attributes then
// relationships (`rel` = related type).
const createFields = (resource) => CREATE_FIELDS[resource].map((spec) => formField(spec));

// A resource's update form, for `PATCH /api/<resource>/<id>`: the path's id and the resource's
// current status (`context`: what the page knows of it, not members of the document;
// the status decides which trigger may be sent), every member an update takes, and the
// triggers as actions. For order subscriptions these are the changes a "my
// subscriptions" page makes (the how-to "Updating the subscriptions"'s pause, resume and
// cancel).
function updateFields(resource) {
  const actionLabels = {
    _deactivate: t("cl.action.deactivate"), _activate: t("cl.action.activate"), _cancel: t("cl.action.cancel"), _convert: t("cl.action.convert"),
  };
  const fields = [{ name: "id", label: "id", context: true, note: t("cl.note.pathId") }];
  if (STATUSES[resource].length > 0) {
    fields.push({ name: "current_status", label: "current.status", context: true, kind: "choice", note: t("cl.note.status"),
      options: STATUSES[resource].map((s) => [s, s]) });
  }
  fields.push(...UPDATE_MEMBERS[resource].map((spec) => formField(spec, true)));
  if (ACTIONS[resource].length > 0) {
    fields.push({ name: "action", label: t("cl.field.change"), kind: "actions", note: t("cl.note.change"),
      options: ACTIONS[resource].map((trigger) => [trigger, actionLabels[trigger] ?? trigger]) });
  }
  return fields;
}

// The how-to "Updating the subscriptions"'s request: deactivate (pause) an active order
// subscription.
const UPDATE_SEEDS = {
  // The API reference's update examples (customer subscriptions: Commerce Layer's
  // Postman collection's body; subscription models: the update page's arguments with
  // the create example's values).
  customer_subscriptions: {
    document: { data: { type: "customer_subscriptions", id: "xYZkjABcde",
      attributes: { reference: "ANY-EXTERNAL-REFEFERNCE", reference_origin: "ANY-EXTERNAL-REFEFERNCE-ORIGIN", metadata: { foo: "bar" } } } },
  },
  subscription_models: {
    document: { data: { type: "subscription_models", id: "xYZkjABcde",
      attributes: { name: "EU Subscription Model", frequencies: ["hourly", "10 * * * *", "weekly", "monthly", "two-month"] } } },
  },
  order_subscription_items: {
    document: { data: { type: "order_subscription_items", id: "xYZkjABcde", attributes: { sku_code: "TSHIRTMM000000FFFFFFXLXX" } } },
  },
  order_subscriptions: {
    status: "active",
    document: { data: { type: "order_subscriptions", id: "BkMdJFGdjX", attributes: { _deactivate: true } } },
  },
};

// Never shown: the snippets write a variable in its place.
const SNIPPET_TOKEN = "CL_ACCESS_TOKEN";
const MASKED = { Authorization: ["`Bearer ${CL_ACCESS_TOKEN}`", "Bearer $CL_ACCESS_TOKEN"] };

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
  // Built from the API reference's create page (quantity, order_subscription and item are
  // required) with the values its update example shows (sku_code, quantity 4).
  order_subscription_items: {
    data: {
      type: "order_subscription_items",
      attributes: { sku_code: "TSHIRTMM000000FFFFFFXLXX", quantity: 4 },
      relationships: {
        order_subscription: { data: { type: "order_subscriptions", id: "XAyRWNUzyN" } },
        item: { data: { type: "skus", id: "SkUiDaBcDe" } },
      },
    },
  },
};

export function startCommerceLayer({ schema, buildResource, validateResource, updateSchema, buildUpdate, validateUpdate, buildUpdateRequest }) {
  const select = $("cl-resource");
  // One option for every resource the spec has.
  select.replaceChildren(...Object.keys(CREATE_FIELDS).map((name) => new Option(name, name)));
  const json = $("cl-json");
  let inputs = new Map();
  let fields = [];
  let formSchema = null;
  let mode = "create";
  const state = touchState();
  const updating = () => mode === "update";
  const fieldsOf = (resource) => (updating() ? updateFields(resource) : createFields(resource));

  /** The path's id and buildUpdate's `current`, from the context fields. */
  const updateTarget = () => {
    const status = inputs.get("current_status")?.value;
    return { id: inputs.get("id").value.trim(), options: status ? { current: { status } } : undefined };
  };
  const triggers = () => ACTIONS[select.value] ?? [];

  /** The form field an error's path names: a trigger's error goes to the change buttons. */
  const fieldOf = (name) => (updating() && triggers().includes(name) ? "action" : name);

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
      if (raw === "" || f.context) continue;
      if (f.kind === "actions") input[raw] = true;
      else if (f.rel && f.many) input[f.name] = raw.split(",").map((id) => id.trim());
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
    const target = updating() ? updateTarget() : null;
    const built = target ? buildUpdate(select.value, target.id, input, target.options) : buildResource(select.value, input);
    if (built.document) return built.document;
    const attributes = {};
    const relationships = {};
    for (const f of fields) {
      if (f.kind === "actions") {
        for (const trigger of triggers()) if (trigger in input) attributes[trigger] = input[trigger];
        continue;
      }
      if (!(f.name in input)) continue;
      const value = input[f.name];
      if (f.rel && f.many) relationships[f.name] = { data: value.map((id) => ({ type: f.rel, id })) };
      else if (f.rel) relationships[f.name] = { data: { type: f.rel, id: value } };
      else attributes[f.name] = value;
    }
    const data = target ? { type: select.value, id: target.id, attributes } : { type: select.value, attributes };
    if (Object.keys(relationships).length) data.relationships = relationships;
    return { data };
  }

  /** Where text that is not JSON breaks, as the validator found it: " (line 3, column 14: expected `,` or `}`)". */
  const where = (e) => e.rule === "invalid_json" && e.meta?.line > 0
    ? ` ${t("cl.jsonAt", { line: e.meta.line, column: e.meta.column, reason: e.meta.reason })}`
    : "";

  /** An update document as buildUpdateRequest's flat input: attributes, relationships as { type, id }, data.id. */
  function flatOf(doc) {
    const { id, attributes = {}, relationships = {} } = doc.data;
    const input = { id, ...attributes };
    for (const [name, { data }] of Object.entries(relationships)) input[name] = data;
    return input;
  }

  /** Fills the form from a parsed document; members the form has no field for stay in the JSON. */
  function formFromDocument(doc) {
    const attrs = doc?.data?.attributes ?? {};
    const rels = doc?.data?.relationships ?? {};
    for (const f of fields) {
      const input = inputs.get(f.name);
      let value;
      // The path's id and the status are the page's to know: an edited data.id that
      // differs from the path's is the document's fault, and is reported as one.
      if (f.context) continue;
      if (f.kind === "actions") value = triggers().find((t) => attrs[t] === true);
      else if (f.rel) {
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
    const target = updating() ? updateTarget() : null;
    // The update's schema depends on the path's id and the current status, which the
    // form holds: made again for each check, as a form library re-reads its resolver.
    if (target) formSchema = updateSchema(select.value, target.id, target.options);
    // Form level, as a form library calls a Standard Schema: every issue, then each
    // shown at its field (path[0] in this flat input) if that field may show it. The
    // path's id is no member of the input: its errors point at /path/id.
    const issues = target
      ? formSchema.validate(values()).errors.map((e) => ({ message: e.message, path: e.pointer === "/path/id" ? ["id"] : e.path }))
      : formSchema["~standard"].validate(values()).issues;
    const nameOf = (path) => {
      const name = fieldOf(String(path[0]));
      return inputs.has(name) ? name : null;
    };
    const messages = messagesFromIssues(issues, nameOf, state.shows);
    showFieldErrors(inputs, messages);

    // The document as it would be sent, checked as the server would check it; faults
    // that no form field holds (a member the form has no field for, JSON that does not
    // parse) are shown under the document.
    const result = target
      ? validateUpdate(select.value, target.id, json.value, target.options)
      : validateResource(select.value, json.value);
    const elsewhere = result.errors
      .filter((e) => !inputs.has(fieldOf(fieldOfDocumentPath(e.path))) && !(target && e.pointer === "/path/id"))
      .map((e) => `${e.pointer || t("cl.documentPointer")}: ${e.message}${where(e)}`);
    $("cl-json-error").textContent = elsewhere.join(" ");
    json.setAttribute("aria-invalid", elsewhere.length ? "true" : "false");
    $("cl-status").textContent = result.valid
      ? t("cl.status.valid")
      : t("cl.status.invalid", { status: result.status, count: result.errors.length });
    $("cl-status").className = result.valid ? "status ok" : "status bad";
    $("cl-errors").textContent = JSON.stringify(result.errors, null, 2);
    // The form's rules as JSON Schema (Standard JSON Schema's output: the flat input the
    // form answers with), for tools that read one.
    $("cl-schema").textContent = JSON.stringify(formSchema["~standard"].jsonSchema.output({ target: "draft-2020-12" }), null, 2);
    const request = result.valid ? requestOf(target) : null;
    $("cl-snippets").hidden = !request;
    if (request) {
      const text = requestSnippets(request, MASKED);
      $("cl-fetch").textContent = text.fetch;
      $("cl-curl").textContent = text.curl;
    }
  }

  /**
   * The request of the valid document: on create, a POST of the document as written;
   * on update, buildUpdateRequest's PATCH of the document's members, so the URL and
   * the body come from the library, as an app would send them.
   */
  function requestOf(target) {
    if (!target) {
      return {
        method: "POST",
        url: `https://yourdomain.commercelayer.io/api/${select.value}`,
        // Authorization's value is never written: the snippet puts the variable there.
        headers: { Accept: "application/vnd.api+json", "Content-Type": "application/vnd.api+json", Authorization: "" },
        body: json.value,
      };
    }
    const built = buildUpdateRequest(select.value, target.id, flatOf(JSON.parse(json.value)),
      { ...target.options, organization: "yourdomain", accessToken: SNIPPET_TOKEN });
    return built.valid ? built.request : null;
  }

  function setResource(resource, seed) {
    select.value = resource;
    fields = fieldsOf(resource);
    formSchema = updating() ? null : schema(resource);
    inputs = renderFields($("cl-form"), "cl", fields);
    state.reset();
    if (updating()) {
      const status = inputs.get("current_status");
      if (status) status.value = seed?.status ?? "active";
      inputs.get("id").value = seed?.document.data.id ?? "";
    }
    if (seed) {
      // A loaded example is a whole request: every field may show its errors.
      state.submit();
      formFromDocument(seed.document);
    }
    json.value = JSON.stringify(documentOf(values()), null, 2);
    render();
  }

  /** Create or Update: each resource has both forms. */
  function setMode(next) {
    mode = next;
    writeModeHint();
    setResource(select.value);
  }

  function writeModeHint() {
    $("cl-mode-hint").textContent = updating()
      ? t("cl.mode.update", { path: "PATCH /api/{resource}/{id}" })
      : t("cl.mode.create", { path: "POST /api/{resource}" });
  }

  /** The page's words in the language just chosen; the form keeps its values and state. */
  function relabel() {
    fields = fieldsOf(select.value);
    relabelFields("cl", fields);
    writeModeHint();
  }

  wireTouch($("cl-form"), state, render, () => inputs);
  $("cl-form").addEventListener("input", () => {
    json.value = JSON.stringify(documentOf(values()), null, 2);
    render();
  });
  json.addEventListener("input", () => {
    try {
      formFromDocument(JSON.parse(json.value));
      // The document was edited as a whole, so every field it fills counts as touched.
      state.submit();
    } catch {
      // Not JSON yet: the validator says where it breaks; the form keeps its last
      // values and what it showed.
    }
    render();
  });
  select.addEventListener("change", () => setResource(select.value));
  $("cl-load-seed").addEventListener("click", () =>
    setResource(select.value, updating() ? UPDATE_SEEDS[select.value] : { document: SEEDS[select.value] }));
  for (const radio of document.querySelectorAll("input[name=cl-mode]")) {
    radio.addEventListener("change", () => radio.checked && setMode(radio.value));
  }

  // The browser may restore the checked radio on reload, as the language picker's value.
  select.value = "customer_subscriptions";
  setMode(document.querySelector("input[name=cl-mode]:checked")?.value ?? "create");
  return { render, relabel };
}
