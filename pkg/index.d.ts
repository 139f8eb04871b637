/** A Commerce Layer resource subkit builds create documents for. */
export type ResourceName = "customer_subscriptions";

/** subkit's stable rule codes, found in `error.meta.rule`. */
export type RuleCode =
  | "invalid_json"
  | "type"
  | "required"
  | "format"
  | "resource_type"
  | "not_allowed"
  | "forbidden";

/** The error codes Commerce Layer's API answers with for these faults. */
export type CommerceLayerErrorCode =
  | "VALIDATION_ERROR"
  | "PARAM_MISSING"
  | "PARAM_NOT_ALLOWED"
  | "INVALID_RESOURCE"
  | "INVALID_DATA_FORMAT"
  | "BAD_REQUEST";

/** A JSON:API error object in the shape of Commerce Layer's 400 and 422 answers. */
export interface JsonApiError {
  /** For validation errors the Rails message, e.g. `"can't be blank"`. */
  title: string;
  /** For validation errors `"<attribute> - <title>"`. */
  detail: string;
  code: CommerceLayerErrorCode;
  /** RFC 6901 pointer into the request document (`""` for the whole document). */
  source: { pointer: string };
  /** The HTTP status, as a string as the API sends it. */
  status: "400" | "422";
  meta: {
    /** Rails error symbol (`"blank"`, `"invalid"`) for 422s; the rule code for 400s. */
    error: string;
    rule: RuleCode;
    /** The rule's params, e.g. `expected` and `found` for `type`. */
    [param: string]: unknown;
  };
}

/** The result of a validation: discriminated on `valid`. */
export type Validation =
  | { valid: true; status: null; errors: [] }
  | {
      valid: false;
      /** What the server would answer: 400 if any fault is in the request's shape, else 422. */
      status: 400 | 422;
      errors: JsonApiError[];
    };

/** A JSON:API create document as a plain object, JSON text, or UTF-8 bytes. */
export type DocumentInput = object | string | Uint8Array;

/** Flat input of `customer_subscriptions`, as `@commercelayer/sdk`'s `create()` takes it. */
export interface CustomerSubscriptionInput {
  /** Required. A plausible e-mail address. */
  customer_email: string;
  /** Required by the current API (older docs listed it as optional). */
  reference: string;
  reference_origin?: string | null;
  metadata?: Record<string, unknown> | null;
}

/** A create document for `customer_subscriptions`. */
export interface CustomerSubscriptionDocument {
  data: {
    type: "customer_subscriptions";
    attributes: CustomerSubscriptionInput;
  };
}

/** The result of a build: `document` is set only when `valid`. */
export type Built<Document> =
  | { valid: true; status: null; document: Document; errors: [] }
  | { valid: false; status: 400 | 422; document: null; errors: JsonApiError[] };

/**
 * Validates a create document. Never throws for a bad document (text that is not JSON
 * is an error at pointer `""`); throws `TypeError` for an unknown resource name or a
 * value that cannot become JSON (cyclic, BigInt, undefined).
 */
export function validateResource(resource: ResourceName, document: DocumentInput): Validation;

/** Builds a create document from flat attributes, and validates it. */
export function buildResource(
  resource: "customer_subscriptions",
  input: CustomerSubscriptionInput | DocumentInput,
): Built<CustomerSubscriptionDocument>;

/** Commerce Layer's named frequencies. */
export type FrequencyPreset =
  | "hourly"
  | "daily"
  | "weekly"
  | "monthly"
  | "two-month"
  | "three-month"
  | "four-month"
  | "six-month"
  | "yearly";

/** A preset, or a 5-field crontab expression / `@` macro such as `"10 * * * *"`. */
export type Frequency = FrequencyPreset | (string & {});

/** Codes of frequency errors. `sub_hourly` is Commerce Layer's own rule. */
export type FrequencyErrorCode =
  | "empty"
  | "unknown_frequency"
  | "field_count"
  | "out_of_range"
  | "invalid_value"
  | "invalid_step"
  | "invalid_range"
  | "never_fires"
  | "sub_hourly";

export type CronField = "minute" | "hour" | "day-of-month" | "month" | "day-of-week";

/** A problem in a frequency's text, with the byte span `[start, end)` it is about. */
export interface FrequencyError {
  code: FrequencyErrorCode;
  field: CronField | null;
  span: [number, number];
  message: string;
}

/** An instant: ISO 8601 text (`2018-01-01T12:00:00.000Z`), a `Date`, or epoch milliseconds. */
export type Instant = string | Date | number;

export type FrequencyReport =
  | {
      valid: true;
      kind: "preset" | "cron";
      /** Canonical text: the preset name, the macro, or fields joined by single spaces. */
      normalized: string;
      /** English, e.g. "At minute 10 of every hour". */
      description: string;
      /** Commerce Layer also refuses crontab that can fire more than once an hour. */
      commerceLayer: { valid: boolean; errors: FrequencyError[] };
      errors: [];
    }
  | {
      valid: false;
      commerceLayer: { valid: false; errors: FrequencyError[] };
      errors: FrequencyError[];
    };

/** Parses a frequency. `startsAt` makes a preset's description concrete. */
export function parseFrequency(text: Frequency, options?: { startsAt?: Instant }): FrequencyReport;

/** A frequency in English. */
export function describeFrequency(
  text: Frequency,
  options?: { startsAt?: Instant },
): { valid: true; description: string; errors: [] } | { valid: false; errors: FrequencyError[] };

export type RunsErrorCode = "invalid_instant" | "missing_start" | "count_out_of_range" | "horizon";

export interface RunsOptions {
  /** The subscription's start. A preset's anchor and first run; crontab runs are at or after it. */
  startsAt?: Instant;
  /** Only runs strictly after this instant. */
  after?: Instant;
  /** How many runs: 1 to 1000, default 5. */
  count?: number;
  /** Only runs strictly before this instant. */
  expiresAt?: Instant;
}

export type RunsResult =
  | { ok: true; runs: string[]; errors: [] }
  | {
      ok: false;
      runs: [];
      errors: Array<FrequencyError | { code: RunsErrorCode; message: string }>;
    };

/** The next runs, as UTC ISO strings in Commerce Layer's form (`2018-02-01T12:00:00.000Z`). */
export function nextRuns(frequency: Frequency, options: RunsOptions): RunsResult;

/**
 * Resolves when the module is ready. Importing already waits for it (top-level await
 * in browsers, synchronous in Node), so calling this is optional.
 */
export function init(): Promise<unknown>;
