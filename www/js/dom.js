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

/**
 * Which fields may show their errors, the way form libraries decide it: a field once it
 * has been touched (first change, or left after a visit), and every field once the form
 * has been submitted. A shopper who is typing the first field should not yet read that
 * the last one is missing.
 */
export function touchState() {
  const touched = new Set();
  let submitted = false;
  return {
    shows: (name) => submitted || touched.has(name),
    /** Marks `name` touched; true when it was not before. */
    touch(name) {
      if (!name || touched.has(name)) return false;
      touched.add(name);
      return true;
    },
    submit() {
      submitted = true;
    },
    reset() {
      touched.clear();
      submitted = false;
    },
  };
}

/**
 * The first message of each field, from Standard Schema issues (`{ message, path }`):
 * `nameOf(path)` names the input an issue belongs to, and only the fields `shows`
 * allows get theirs.
 */
export function messagesFromIssues(issues, nameOf, shows) {
  const messages = new Map();
  for (const issue of issues ?? []) {
    const name = nameOf(issue.path ?? []);
    if (name && shows(name) && !messages.has(name)) messages.set(name, issue.message);
  }
  return messages;
}

/**
 * Wires a form's events to `state`: typing touches the field, leaving it touches it too
 * (so a required field that was skipped says so), and submitting shows every error and
 * moves the focus to the first field that has one. `render` redraws the errors.
 */
export function wireTouch(form, state, render, inputs) {
  form.addEventListener("input", (event) => state.touch(event.target.name));
  form.addEventListener("focusout", (event) => {
    if (state.touch(event.target.name)) render();
  });
  form.addEventListener("submit", (event) => {
    // Nothing is sent from this page (its CSP says form-action 'none'): submitting only checks.
    event.preventDefault();
    state.submit();
    render();
    const first = [...inputs()].find(([, input]) => input.getAttribute("aria-invalid") === "true");
    first?.[1].focus();
  });
}

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
