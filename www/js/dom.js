// Small DOM helpers shared by the panels: building labelled fields, showing errors
// beside them, and copying text.

export const $ = (id) => document.getElementById(id);

/**
 * Renders labelled inputs into `form` from a field table and returns a map of name ->
 * input element. Field: { name, label, kind: text|email|number|json|list|lines|choice|check|date|password, options?, hint? }.
 */
export function renderFields(form, prefix, fields) {
  form.replaceChildren();
  const inputs = new Map();
  for (const f of fields) {
    const id = `${prefix}-${f.name}`;
    const wrap = document.createElement("div");
    wrap.className = "field";
    const label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = f.label ?? f.name;
    if (f.note) {
      const note = document.createElement("span");
      note.className = "req";
      note.textContent = ` (${f.note})`;
      label.append(note);
    }
    let input;
    if (f.kind === "choice") {
      input = document.createElement("select");
      for (const [value, text] of f.options) input.append(new Option(text, value));
    } else if (f.kind === "json" || f.kind === "lines") {
      input = document.createElement("textarea");
      input.rows = f.kind === "lines" ? 4 : 2;
      input.spellcheck = false;
    } else {
      input = document.createElement("input");
      input.type = { email: "email", number: "number", check: "checkbox", date: "date", password: "password" }[f.kind] ?? "text";
      if (f.kind === "password") input.autocomplete = "off";
    }
    input.id = id;
    input.name = f.name;
    if (f.placeholder) input.placeholder = f.placeholder;
    const error = document.createElement("p");
    error.className = "field-error";
    error.id = `${id}-error`;
    error.setAttribute("aria-live", "polite");
    input.setAttribute("aria-describedby", error.id);
    wrap.append(label, input, error);
    form.append(wrap);
    inputs.set(f.name, input);
  }
  return inputs;
}

/** Shows `messages` (name -> text) beside the inputs and clears the others. */
export function showFieldErrors(inputs, messages) {
  for (const [name, input] of inputs) {
    const text = messages.get(name) ?? "";
    document.getElementById(input.getAttribute("aria-describedby")).textContent = text;
    input.setAttribute("aria-invalid", text ? "true" : "false");
  }
}

/** Unescapes one RFC 6901 reference token. */
export const unescapeToken = (t) => t.replace(/~1/g, "/").replace(/~0/g, "~");

/** Copy buttons: `data-copy` names the element whose text is copied. */
export function wireCopyButtons(root = document) {
  for (const button of root.querySelectorAll("[data-copy]")) {
    button.addEventListener("click", async () => {
      const text = document.getElementById(button.dataset.copy).textContent;
      try {
        await navigator.clipboard.writeText(text);
        button.textContent = "Copied";
      } catch {
        button.textContent = "Select and copy";
      }
    });
  }
}
