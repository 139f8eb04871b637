// Small DOM helpers shared by the panels: building labelled fields, showing errors
// beside them, and copying text.
import { t } from "./words.js";

export const $ = (id) => document.getElementById(id);

/** Writes a field's label (a `<label>` or a `<legend>`) and its note, "(required)" and the like. */
function writeLabel(element, f) {
  element.replaceChildren(f.label ?? f.name);
  if (f.note) {
    const note = document.createElement("span");
    note.className = "req";
    note.textContent = ` (${f.note})`;
    element.append(note);
  }
}

/**
 * Renders labelled inputs into `form` from a field table and returns a map of name ->
 * input element. Field: { name, label, kind: text|email|number|json|list|lines|choice|check|date|password|actions, options?, hint? }.
 */
export function renderFields(form, prefix, fields) {
  form.replaceChildren();
  const inputs = new Map();
  for (const f of fields) {
    const id = `${prefix}-${f.name}`;
    if (f.kind === "actions") {
      const group = renderActions(id, f);
      form.append(group);
      inputs.set(f.name, group);
      continue;
    }
    const wrap = document.createElement("div");
    wrap.className = "field";
    const label = document.createElement("label");
    label.htmlFor = id;
    writeLabel(label, f);
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

/**
 * Writes the words of fields `renderFields` drew from the same table (the same names,
 * kinds and options, in another language): labels, notes, option texts, the action
 * buttons and placeholders. The inputs stay as they are, with what was typed or chosen
 * and the errors they show.
 */
export function relabelFields(prefix, fields) {
  for (const f of fields) {
    const id = `${prefix}-${f.name}`;
    const input = document.getElementById(id);
    if (f.kind === "actions") {
      writeLabel(input.querySelector("legend"), f);
      for (const [value, text] of f.options) document.getElementById(`${id}-${value.replace(/^_/, "")}`).textContent = text;
      continue;
    }
    writeLabel(input.labels[0], f);
    if (f.kind === "choice") f.options.forEach(([, text], i) => { input.options[i].text = text; });
    if (f.placeholder) input.placeholder = f.placeholder;
  }
}

/**
 * A row of toggle buttons of which at most one is pressed, for a choice that is an act
 * (pause, resume, cancel) rather than a value to type. The fieldset stands in for an
 * input: `value` is the pressed button's value ("" for none), setting it presses that
 * button, and pressing one fires `input` on the fieldset, so the form's listeners and
 * the touch state treat it as any other field.
 */
function renderActions(id, f) {
  const group = document.createElement("fieldset");
  group.className = "field actions";
  group.id = id;
  group.name = f.name;
  // Focusable from script only, so that "Check all fields" can move the focus to it.
  group.tabIndex = -1;
  const legend = document.createElement("legend");
  writeLabel(legend, f);
  const row = document.createElement("div");
  row.className = "row";
  const buttons = f.options.map(([value, text]) => {
    const button = document.createElement("button");
    button.type = "button";
    button.id = `${id}-${value.replace(/^_/, "")}`;
    button.name = f.name;
    button.value = value;
    button.textContent = text;
    button.setAttribute("aria-pressed", "false");
    return button;
  });
  let current = "";
  Object.defineProperty(group, "value", {
    get: () => current,
    set(value) {
      current = buttons.some((b) => b.value === value) ? value : "";
      for (const b of buttons) b.setAttribute("aria-pressed", String(b.value === current));
    },
  });
  for (const button of buttons) {
    button.addEventListener("click", () => {
      // Pressing the pressed button again takes the request back.
      group.value = group.value === button.value ? "" : button.value;
      group.dispatchEvent(new Event("input", { bubbles: true }));
    });
  }
  row.append(...buttons);
  const error = document.createElement("p");
  error.className = "field-error";
  error.id = `${id}-error`;
  error.setAttribute("aria-live", "polite");
  group.setAttribute("aria-describedby", error.id);
  group.append(legend, row, error);
  return group;
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
    /** Whether any field was touched, or the form submitted. */
    any: () => submitted || touched.size > 0,
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

/**
 * Copy buttons: `data-copy` names the element whose text is copied. What the button
 * says afterwards is its `data-text`, so a language switch writes it again.
 */
export function wireCopyButtons(root = document) {
  for (const button of root.querySelectorAll("[data-copy]")) {
    button.addEventListener("click", async () => {
      const text = document.getElementById(button.dataset.copy).textContent;
      try {
        await navigator.clipboard.writeText(text);
        button.dataset.text = "copy.copied";
        button.textContent = t("copy.copied");
      } catch {
        button.dataset.text = "copy.manual";
        button.textContent = t("copy.manual");
      }
    });
  }
}

/**
 * fetch and curl snippets of a request `{ method, url, headers, body }` (body: JSON
 * text). `secrets` maps a header name to what is written in place of its value, as a
 * JS expression and as shell text, so a token never reaches the page's text.
 */
export function requestSnippets({ method, url, headers, body }, secrets) {
  const json = JSON.stringify(JSON.parse(body), null, 2);
  const entries = Object.entries(headers);
  const jsKey = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));
  const quote = (text) => `'${text.replace(/'/g, "'\\''")}'`;
  const fetchText =
    `await fetch(${JSON.stringify(url)}, {\n  method: "${method}",\n  headers: {\n` +
    entries.map(([name, value]) => `    ${jsKey(name)}: ${secrets[name]?.[0] ?? JSON.stringify(value)},\n`).join("") +
    `  },\n  body: JSON.stringify(${json.replace(/\n/g, "\n  ")}),\n});`;
  // Double quotes where a secret is, so the shell expands its variable.
  const curlText =
    `curl -g -X ${method} ${quote(url)} \\\n` +
    entries.map(([name, value]) => (secrets[name] ? `  -H "${name}: ${secrets[name][1]}" \\\n` : `  -H ${quote(`${name}: ${value}`)} \\\n`)).join("") +
    `  -d ${quote(json)}`;
  return { fetch: fetchText, curl: curlText };
}
