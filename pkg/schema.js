// Standard Schema v1 (standardschema.dev) for the inputs forms collect: a Commerce
// Layer resource's flat input, and the input of buildAdobeSubscription. Form libraries
// (TanStack Form, react-hook-form's standardSchemaResolver, Conform, …) call
// `schema["~standard"].validate(values)` and show each issue's `message` at its `path`.
// The checks are the library's own: a schema runs the builder and keeps its errors. It is
// also a Standard JSON Schema (standardschema.dev/json-schema): `~standard.jsonSchema`
// gives its input and output as JSON Schema, for tools that read one.
import { errorsAt } from "./errors.js";

const VENDOR = "subkit";

function issues(errors) {
  return errors.map((e) => ({ message: e.message, path: e.path }));
}

/**
 * A schema over `check(values)`, which answers `{ errors, value? }` with errors that have
 * `path` and `message`, and the values as read (the form's empty fields left out).
 * `jsonSchema` is its Standard JSON Schema converter (`input` and `output`).
 */
export function standardSchema(check, jsonSchema) {
  function validate(values) {
    const { errors, value = values } = check(values);
    return errors.length === 0 ? { valid: true, errors, value } : { valid: false, errors };
  }
  return {
    "~standard": {
      version: 1,
      vendor: VENDOR,
      jsonSchema,
      validate(values) {
        const result = validate(values);
        return result.valid ? { value: result.value } : { issues: issues(result.errors) };
      },
    },
    /** `{ valid, errors, value? }`: every error, with `path`, `pointer`, `rule` and `message`. */
    validate,
    /**
     * The errors at one field (a path or a dotted name) with the others as context, so
     * a form can report a field once it is touched and the rest only on submit.
     */
    validateField(values, field) {
      const errors = errorsAt(check(values).errors, field);
      return { valid: errors.length === 0, errors };
    },
  };
}
