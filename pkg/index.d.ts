/** A Commerce Layer resource subkit builds create documents for. */
export type ResourceName =
  | "customer_subscriptions"
  | "order_subscriptions"
  | "subscription_models"
  | "order_subscription_items";

/** subkit's stable rule codes, found in every error's `rule`. */
export type RuleCode =
  | "invalid_json"
  | "too_large"
  | "type"
  | "required"
  | "format"
  | "resource_type"
  | "not_allowed"
  | "forbidden"
  | "enum"
  | "range"
  | "duplicate"
  | "after"
  | "frequency"
  | "not_offered"
  | "linkage"
  | "const"
  | "max_length"
  | "max_items"
  | "dependent_required"
  | "header_value"
  | "window"
  | "not_eligible"
  | "id_mismatch"
  | "transition";

/** A key of the caller's input: a member name, or an array index. */
export type PathKey = string | number;

/** The fields every error has, whichever function reported it. */
export interface ErrorFields {
  /**
   * The field of the caller's input: `["source_order"]` for buildResource's flat input,
   * `["autoRenewal", "renewalQuantity"]` for buildAdobeSubscription's, a document's own
   * path for validateResource; `[]` for the input as a whole.
   */
  path: PathKey[];
  /** RFC 6901 pointer into what is sent (`""` for all of it). */
  pointer: string;
  /** subkit's stable code. */
  rule: string;
  /** For the person filling the form, in the chosen language (see `setLocale`). */
  message: string;
}

/** The error codes Commerce Layer's API answers with for these faults. */
export type CommerceLayerErrorCode =
  | "VALIDATION_ERROR"
  | "PARAM_MISSING"
  | "PARAM_NOT_ALLOWED"
  | "INVALID_RESOURCE"
  | "INVALID_DATA_FORMAT"
  | "INVALID_LINKS_OBJECT"
  | "TYPE_MISMATCH"
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "KEY_NOT_INCLUDED_IN_URL"
  | "KEY_ORDER_MISMATCH";

/** A JSON:API error object in the shape of Commerce Layer's 400 and 422 answers, with the fields every error has. */
export interface JsonApiError extends ErrorFields {
  rule: RuleCode;
  /** For validation errors the Rails message, e.g. `"can't be blank"`. */
  title: string;
  /** For validation errors `"<attribute> - <title>"`. */
  detail: string;
  code: CommerceLayerErrorCode;
  /** RFC 6901 pointer into the request document (`""` for the whole document). */
  source: { pointer: string };
  /** The HTTP status, as a string as the API sends it. */
  status: "400" | "401" | "422";
  meta: {
    /** Rails error symbol (`"blank"`, `"invalid"`) for 422s; the rule code for 400s. */
    error: string;
    rule: RuleCode;
    /**
     * For a frequency fault (`rule: "frequency"`): why it is not one, the message
     * `parseFrequency` gives (e.g. "fires 12 times an hour; …"), where `title` is the
     * server's bare "is invalid".
     */
    message?: string;
    /** The rule's params, e.g. `expected` and `found` for `type`. */
    [param: string]: unknown;
  };
}

/** The result of a validation: discriminated on `valid`. */
export type Validation =
  | { valid: true; status: null; errors: [] }
  | {
      valid: false;
      /** What the server would answer: 401 for a credential fault, 400 if any fault is in the request's shape, else 422. */
      status: 400 | 401 | 422;
      errors: JsonApiError[];
    };

/**
 * A JSON object as a plain object: its prototype is `Object.prototype` or `null`. A `Map`,
 * `Response`, `Blob`, `Date` or class instance is none (it throws a `TypeError`), unless it
 * has a `toJSON` method, which is read as `JSON.stringify` reads it.
 */
export type PlainObject = { [member: string]: unknown };

/** UTF-8 bytes: an `ArrayBuffer`, or any view of one (a typed array, a `DataView`). */
export type Bytes = ArrayBuffer | ArrayBufferView;

/** A JSON:API create document: a plain object, an array, JSON text, or UTF-8 bytes. */
export type DocumentInput = PlainObject | readonly unknown[] | string | Bytes;

/** Flat input of `customer_subscriptions`, as `@commercelayer/sdk`'s `create()` takes it. */
export type CustomerSubscriptionInput = {
  /** Required. A plausible e-mail address. */
  customer_email: string;
  /** Required by the current API (older docs listed it as optional). */
  reference: string;
  reference_origin?: string | null;
  metadata?: Record<string, unknown> | null;
};

/** A relationship in flat input: an SDK-style `{ type, id }` object, or a bare id. */
export type RelationshipInput<Type extends string> = { type: Type; id: string } | string;

/** Flat input of `order_subscriptions`. */
export type OrderSubscriptionInput = {
  /** Required. A preset or crontab no finer than an hour. */
  frequency: Frequency;
  /** Default `true`: the placed source order is the first run. */
  activate_by_source_order?: boolean;
  /** Default `true`. */
  place_target_order?: boolean;
  /** Hours, 1 to 720. Default `1`. */
  renewal_alert_period?: number;
  /** ISO 8601 date-time. Required when `activate_by_source_order` is `false`. */
  starts_at?: string;
  /** ISO 8601 date-time after `starts_at`. */
  expires_at?: string;
  /** @deprecated by Commerce Layer, which still takes it. */
  options?: Record<string, unknown> | null;
  reference?: string | null;
  reference_origin?: string | null;
  metadata?: Record<string, unknown> | null;
  /** Required. */
  source_order: RelationshipInput<"orders">;
  market?: RelationshipInput<"markets"> | null;
  tags?: Array<RelationshipInput<"tags">>;
};

/** Flat input of `subscription_models`. */
export type SubscriptionModelInput = {
  /** Required. */
  name: string;
  /** Default `"by_frequency"`. */
  strategy?: "by_frequency" | "by_line_items";
  /** Required: a non-empty list of distinct Commerce Layer frequencies. */
  frequencies: Frequency[];
  /** Default `true`. */
  auto_activate?: boolean;
  /** Default `false`. */
  auto_cancel?: boolean;
  reference?: string | null;
  reference_origin?: string | null;
  metadata?: Record<string, unknown> | null;
};

/** Flat input of `order_subscription_items`. */
export type OrderSubscriptionItemInput = {
  sku_code?: string | null;
  bundle_code?: string | null;
  /** Required. A whole number, at least 1. */
  quantity: number;
  /** Cents; inherited from the item when left out. */
  unit_amount_cents?: number | null;
  reference?: string | null;
  reference_origin?: string | null;
  metadata?: Record<string, unknown> | null;
  /** Required. */
  order_subscription: RelationshipInput<"order_subscriptions">;
  /** Required and polymorphic: a `{ type, id }` object (a bare id cannot say its type). */
  item: { type: "skus" | "bundles" | "adjustments"; id: string };
  sku?: RelationshipInput<"skus"> | null;
  bundle?: RelationshipInput<"bundles"> | null;
  adjustment?: RelationshipInput<"adjustments"> | null;
};

/** The flat input of each resource. */
export interface ResourceInputs {
  customer_subscriptions: CustomerSubscriptionInput;
  order_subscriptions: OrderSubscriptionInput;
  subscription_models: SubscriptionModelInput;
  order_subscription_items: OrderSubscriptionItemInput;
}

/** Flat input of an `order_subscriptions` update: every member optional, `starts_at`, `source_order` and `market` gone. */
export type OrderSubscriptionUpdateInput = {
  /** When given, the id in the path. */
  id?: string;
  frequency?: Frequency;
  activate_by_source_order?: boolean;
  place_target_order?: boolean;
  renewal_alert_period?: number;
  /** ISO 8601 date-time after the subscription's `starts_at`. */
  expires_at?: string | null;
  /** ISO 8601 date-time. */
  next_run_at?: string | null;
  /** @deprecated by Commerce Layer, which still takes it. */
  options?: Record<string, unknown> | null;
  /** Triggers: `true` asks Commerce Layer to act. */
  _activate?: boolean;
  _deactivate?: boolean;
  _cancel?: boolean;
  _convert?: boolean;
  /** Comma-separated tag names. */
  _add_tags?: string;
  _remove_tags?: string;
  reference?: string | null;
  reference_origin?: string | null;
  metadata?: Record<string, unknown> | null;
  customer_payment_source?: RelationshipInput<"customer_payment_sources"> | null;
  tags?: Array<RelationshipInput<"tags">>;
};

/** The flat input of each resource's update. */
export interface UpdateInputs {
  customer_subscriptions: { id?: string } & Partial<Omit<CustomerSubscriptionInput, "customer_email">>;
  order_subscriptions: OrderSubscriptionUpdateInput;
  subscription_models: { id?: string } & Partial<SubscriptionModelInput>;
  order_subscription_items: { id?: string } & Partial<
    Omit<OrderSubscriptionItemInput, "order_subscription" | "item" | "sku" | "bundle" | "adjustment">
  >;
}

/** The documented defaults, as `resourceDefaults` returns them. */
export interface ResourceDefaults {
  customer_subscriptions: Record<string, never>;
  order_subscriptions: { activate_by_source_order: true; place_target_order: true; renewal_alert_period: 1 };
  subscription_models: { strategy: "by_frequency"; auto_activate: true; auto_cancel: false };
  order_subscription_items: Record<string, never>;
}

/** A relationship's linkage in a document. */
export interface Linkage<Type extends string> {
  data: { type: Type; id: string };
}

/** The create document of each resource. */
export interface ResourceDocuments {
  customer_subscriptions: {
    data: { type: "customer_subscriptions"; attributes: CustomerSubscriptionInput };
  };
  order_subscriptions: {
    data: {
      type: "order_subscriptions";
      attributes: Omit<OrderSubscriptionInput, "source_order" | "market" | "tags">;
      relationships: {
        source_order: Linkage<"orders">;
        market?: Linkage<"markets"> | { data: null };
        tags?: { data: Array<{ type: "tags"; id: string }> };
      };
    };
  };
  subscription_models: {
    data: { type: "subscription_models"; attributes: SubscriptionModelInput };
  };
  order_subscription_items: {
    data: {
      type: "order_subscription_items";
      attributes: Omit<OrderSubscriptionItemInput, "order_subscription" | "item" | "sku" | "bundle" | "adjustment">;
      relationships: {
        order_subscription: Linkage<"order_subscriptions">;
        item: Linkage<"skus" | "bundles" | "adjustments">;
        sku?: Linkage<"skus"> | { data: null };
        bundle?: Linkage<"bundles"> | { data: null };
        adjustment?: Linkage<"adjustments"> | { data: null };
      };
    };
  };
}

/** The update document of each resource: `data.id` is the id in the path. */
export type UpdateDocument<R extends ResourceName> = {
  data: {
    type: R;
    id: string;
    attributes?: { [member: string]: unknown };
    relationships?: { [member: string]: unknown };
  };
};

/** The result of a build: `document` is set only when `valid`. */
export type Built<Document> =
  | { valid: true; status: null; document: Document; errors: [] }
  | { valid: false; status: 400 | 401 | 422; document: null; errors: JsonApiError[] };

/** The language of one call, over what `setLocale` chose. */
export interface LanguageOptions {
  /** A locale (`import it from "subkit/locales/it"`) or the tag of a registered one; `it-CH` falls back to `it`, then English. */
  locale?: string | Locale;
  /** Messages by rule code, over the locale's: `{ required: "Please fill this in" }`. */
  messages?: Messages;
  /** 12- or 24-hour times in descriptions; by default as the locale writes them. */
  hourCycle?: "h12" | "h23";
}

/** Message templates by rule code, in ICU MessageFormat: `"Between {min} and {max}"`. */
export type Messages = { readonly [code: string]: string };

/** A language: the default export of `subkit/locales/<tag>`. */
export interface Locale {
  /** Its BCP 47 tag, e.g. `"it"`. */
  readonly locale: string;
  readonly messages: Messages;
  readonly frequency?: { readonly [key: string]: unknown };
}

/** What the caller knows beyond the document. */
export interface ValidateOptions extends LanguageOptions {
  /** The subscription model's frequencies: an order subscription's must be one of them. */
  subscriptionModelFrequencies?: string[];
}

export interface BuildOptions extends ValidateOptions {
  /** Write the documented defaults of attributes the input leaves out. */
  withDefaults?: boolean;
}

export interface RequestOptions extends BuildOptions {
  /**
   * An origin: `https://yourdomain.commercelayer.io` (or `http://` on localhost), with no
   * path (a lone trailing `/` is dropped), query or fragment. Or give `organization`.
   */
  baseUrl?: string;
  /** The organization slug, for `https://<organization>.commercelayer.io`. */
  organization?: string;
  /** Sent as `Authorization: Bearer …`; never echoed in errors. */
  accessToken: string;
}

/** What an update's rules need from the resource as it is now. */
export interface CurrentValues {
  /** An order subscription's status: a trigger the docs do not allow in it is a 422. */
  status?: "draft" | "inactive" | "active" | "running" | "cancelled";
  /** An order subscription's `starts_at`: `expires_at` must come after it. */
  starts_at?: string;
}

export interface UpdateOptions extends Omit<LanguageOptions, "hourCycle"> {
  current?: CurrentValues;
}

export interface UpdateRequestOptions extends UpdateOptions {
  /** As in `buildRequest`. */
  baseUrl?: string;
  organization?: string;
  accessToken: string;
}

/** A request for `fetch(request.url, request)`. */
export interface CommerceLayerRequest {
  method: "POST" | "PATCH";
  url: string;
  headers: {
    Accept: "application/vnd.api+json";
    "Content-Type": "application/vnd.api+json";
    Authorization: string;
  };
  /** The JSON:API document as JSON text. */
  body: string;
}

/**
 * Validates a create document. Never throws for a bad document (text that is not JSON,
 * over 4 MiB or over 100,000 values is an error at pointer `""`); throws `TypeError`
 * for an unknown resource name, an object that is not plain (a `Map`, `Response`,
 * `Blob`, `Date`, a class instance without `toJSON`: the message names it), a value that
 * cannot become JSON (cyclic, BigInt, undefined, a getter or Proxy trap that throws),
 * an unknown option name (the message lists the known ones), or an option that cannot
 * be read.
 */
export function validateResource(
  resource: ResourceName,
  document: DocumentInput,
  options?: ValidateOptions,
): Validation;

/**
 * Builds a create document from the flat input of `@commercelayer/sdk`'s `create()`
 * (attributes as fields, relationships as `{ type, id }` or bare ids), and validates it.
 */
export function buildResource<R extends ResourceName>(
  resource: R,
  input: ResourceInputs[R] | string | Bytes,
  options?: BuildOptions,
): Built<ResourceDocuments[R]>;

/**
 * Builds the document and wraps it in a ready-to-send request. Sends nothing. Options
 * are the only ones read: an unknown name (`withDefault`) throws a `TypeError`.
 */
export function buildRequest<R extends ResourceName>(
  resource: R,
  input: ResourceInputs[R] | string | Bytes,
  options: RequestOptions,
):
  | { valid: true; status: null; request: CommerceLayerRequest; errors: [] }
  | { valid: false; status: 400 | 401 | 422; request: null; errors: JsonApiError[] };

/**
 * Validates an update document for `PATCH /api/<resource>/<id>`: `data.id` must be `id`,
 * and only updatable attributes, triggers and relationships are taken. Reads and throws
 * as `validateResource` does; `id` must be a string.
 */
export function validateUpdate(
  resource: ResourceName,
  id: string,
  document: DocumentInput,
  options?: UpdateOptions,
): Validation;

/** Builds an update document from the flat input of `@commercelayer/sdk`'s `update()`, and validates it. */
export function buildUpdate<R extends ResourceName>(
  resource: R,
  id: string,
  input: UpdateInputs[R] | string | Bytes,
  options?: UpdateOptions,
): Built<UpdateDocument<R>>;

/** Builds the update document and wraps it in a ready-to-send `PATCH` request to `/api/<resource>/<id>`. */
export function buildUpdateRequest<R extends ResourceName>(
  resource: R,
  id: string,
  input: UpdateInputs[R] | string | Bytes,
  options: UpdateRequestOptions,
):
  | { valid: true; status: null; request: CommerceLayerRequest & { method: "PATCH" }; errors: [] }
  | { valid: false; status: 400 | 401 | 422; request: null; errors: JsonApiError[] };

/** What `documentRequest` reads: where to send, with which token, and the model's frequencies. */
export interface DocumentRequestOptions extends ValidateOptions {
  baseUrl?: string;
  organization?: string;
  accessToken: string;
}

/**
 * A create document as a request body brings it (an object, JSON text or UTF-8 bytes),
 * validated as `validateResource` validates it and wrapped in a ready-to-send `POST` whose
 * body is the text exactly as given: what a Worker that checks bodies forwards. Reads and
 * throws as `validateResource` does.
 */
export function documentRequest(
  resource: ResourceName,
  document: DocumentInput,
  options: DocumentRequestOptions,
):
  | { valid: true; status: null; request: CommerceLayerRequest & { method: "POST" }; errors: [] }
  | { valid: false; status: 400 | 401 | 422; request: null; errors: JsonApiError[] };

/** The same for an update document, validated as `validateUpdate` validates it, in a `PATCH` to `/api/<resource>/<id>`. */
export function documentUpdateRequest(
  resource: ResourceName,
  id: string,
  document: DocumentInput,
  options: UpdateRequestOptions,
):
  | { valid: true; status: null; request: CommerceLayerRequest & { method: "PATCH" }; errors: [] }
  | { valid: false; status: 400 | 401 | 422; request: null; errors: JsonApiError[] };

/** The documented defaults of a resource's attributes. */
export function resourceDefaults<R extends ResourceName>(resource: R): ResourceDefaults[R];

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
  | "too_long"
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
export interface FrequencyError extends ErrorFields {
  code: FrequencyErrorCode;
  rule: FrequencyErrorCode;
  field: CronField | null;
  span: [number, number];
  /** The facts the message is written from, e.g. `{ field: "minute", value: 61, min: 0, max: 59 }`. */
  params: { [param: string]: unknown };
  /** The engine's explanation in English, e.g. "minute 61 is out of range 0-59". */
  detail: string;
}

/** Why nextRuns cannot answer; `path` is the option at fault (`["count"]`). */
export interface RunsError extends ErrorFields {
  code: RunsErrorCode;
  rule: RunsErrorCode;
  params: { [param: string]: unknown };
  /** The engine's explanation in English. */
  detail: string;
}

/** An instant: ISO 8601 text (`2018-01-01T12:00:00.000Z`), a `Date`, or epoch milliseconds. */
export type Instant = string | Date | number;

export type FrequencyReport =
  | {
      valid: true;
      kind: "preset" | "cron";
      /** Canonical text: the preset name, the macro, or fields joined by single spaces. */
      normalized: string;
      /** In the call's language and clock, e.g. "At minute 10 of every hour". */
      description: string;
      /** Commerce Layer also refuses crontab that can fire more than once an hour. */
      commerceLayer: { valid: boolean; errors: FrequencyError[] };
      errors: [];
    }
  | {
      valid: false;
      /** Absent: the text is no frequency. */
      kind?: undefined;
      normalized?: undefined;
      description?: undefined;
      commerceLayer: { valid: false; errors: FrequencyError[] };
      errors: FrequencyError[];
    };

/** Parses a frequency. `startsAt` makes a preset's description concrete. */
export function parseFrequency(text: Frequency, options?: { startsAt?: Instant } & LanguageOptions): FrequencyReport;

/** A frequency in words, in the call's language (`locale`) and clock (`hourCycle`). */
export function describeFrequency(
  text: Frequency,
  options?: { startsAt?: Instant } & LanguageOptions,
): { valid: true; description: string; errors: [] } | { valid: false; description?: undefined; errors: FrequencyError[] };

export type RunsErrorCode = "invalid_instant" | "missing_start" | "count_out_of_range" | "horizon";

/**
 * How nextRuns writes its runs: `"iso"` (the default), an array of ISO 8601 strings in
 * Commerce Layer's form; `"epochMs"`, a `Float64Array` of milliseconds since
 * 1970-01-01T00:00:00Z (`Date` time values), for timelines and charts.
 */
export type RunsFormat = "iso" | "epochMs";

export interface RunsOptions extends LanguageOptions {
  /** The subscription's start. A preset's anchor and first run; crontab runs are at or after it. */
  startsAt?: Instant;
  /** Only runs strictly after this instant. */
  after?: Instant;
  /** How many runs: 1 to 1000, default 5. */
  count?: number;
  /** Only runs strictly before this instant. */
  expiresAt?: Instant;
  /** `"iso"` (default) or `"epochMs"`; any other value throws a TypeError. */
  format?: RunsFormat;
}

/** The runs of nextRuns for a format: `string[]` for `"iso"`, `Float64Array` for `"epochMs"`. */
export type Runs<F extends RunsFormat = "iso"> = F extends "epochMs" ? Float64Array : string[];

export type RunsResult<F extends RunsFormat = "iso"> =
  | { valid: true; runs: Runs<F>; errors: [] }
  | {
      valid: false;
      /** Empty: `[]`, or an empty `Float64Array` with `format: "epochMs"`. */
      runs: F extends "epochMs" ? Float64Array : [];
      errors: Array<FrequencyError | RunsError>;
    };

/**
 * The next runs, as UTC ISO strings in Commerce Layer's form (`2018-02-01T12:00:00.000Z`),
 * or with `format: "epochMs"` as a `Float64Array` of epoch milliseconds (a copy, which
 * later calls leave alone).
 */
export function nextRuns<F extends RunsFormat = "iso">(
  frequency: Frequency,
  options: RunsOptions & { format?: F },
): RunsResult<F>;

/** A `POST /v3/customers/{customer-id}/subscriptions` request, as validateAdobeSubscription takes it. */
export interface AdobeSubscriptionRequest {
  /** Adobe's account id: 4 to 40 ASCII letters, digits and hyphens. */
  customerId: string;
  body: AdobeSubscriptionBody;
  /**
   * Names are case-insensitive. A fetch `Headers` object is accepted too. Values must be
   * non-empty, with no space or tab at either end, and hold only tabs, spaces, visible
   * ASCII and U+0080 to U+00FF.
   */
  headers: Record<string, string> | Headers;
  /** Today's date, `YYYY-MM-DD`: subkit reads no clock. */
  today: string;
  /** The customer's anniversary date, `YYYY-MM-DD`. */
  anniversaryDate: string;
}

export type AdobeSubscriptionBody = {
  /** ASCII letters and digits, at most 40 characters (usually 15). */
  offerId: string;
  autoRenewal: {
    /** Only `true` on create; left out means `true` (the builder then writes it). */
    enabled?: true;
    /** 1 to 10,000 (Team) or 599,000 (Enterprise). */
    renewalQuantity: number;
    renewalCode?: "MOQ_100" | "MOQ_250" | "MOQ_500";
    /** At most one code, each at most 40 characters. */
    flexDiscountCodes?: [string] | [];
  };
  /** At most 40 characters. Needs `currencyCode`: a deployment is outside the customer's home country. */
  deploymentId?: string;
  /** An active ISO 4217 code, e.g. "JPY"; one other than AUD, EUR, GBP, JPY, USD is a warning. */
  currencyCode?: string;
};

/** What the caller knows that the request does not show. */
export interface AdobeContext {
  /** Consumables (Adobe Stock credit packs, Adobe Sign transactions) cannot be subscribed to. */
  consumable?: boolean;
  /** Adobe refuses customers with no active subscription. */
  hasActiveSubscriptions?: boolean;
  /** Sets the renewalQuantity limit (default: the Enterprise limit). */
  licenseType?: "team" | "enterprise";
}

/** Adobe's documented error codes that subkit maps to. */
export type AdobeErrorCode =
  | "1116" | "1117" | "1119" | "1121" | "1122" | "2147" | "3115" | "3116" | "3119" | "4115" | "4116" | "4117" | "4119" | "5124";

/** An error with Adobe's `code` and `additionalDetails`, and the fields every error has. */
export interface AdobeError extends ErrorFields {
  /** `null` where Adobe documents no code (the creation window, context rules). */
  code: AdobeErrorCode | null;
  additionalDetails: string[];
  /** RFC 6901 pointer into the request: `/body/autoRenewal/renewalQuantity`, `/headers/X-Correlation-Id`. */
  pointer: string;
  rule: RuleCode;
  status: 400 | 401 | 403 | 404;
  /** The rule's params, e.g. `{ min: 1, max: 10000, value: 0 }`. */
  params: { [param: string]: unknown };
  /** The error body Adobe answers with: its code, its English message, its details. */
  adobe: { code: AdobeErrorCode | null; message: string; additionalDetails: string[] };
}

export type AdobeValidation =
  | { valid: true; errors: []; warnings: AdobeError[] }
  | { valid: false; errors: AdobeError[]; warnings: AdobeError[] };

/** Checks body, headers, path and the creation window (30 to 3 days before the anniversary, both included). */
export function validateAdobeSubscription(
  request: AdobeSubscriptionRequest | string | Bytes,
  context?: AdobeContext & LanguageOptions,
): AdobeValidation;

export type AdobeBuildInput = AdobeSubscriptionBody & {
  customerId: string;
  today: string;
  anniversaryDate: string;
};

export interface AdobeBuildOptions extends LanguageOptions {
  /** Default "production" (https://partners.adobe.io); "sandbox" is https://partnersandbox-stage.adobe.io. */
  environment?: "production" | "sandbox";
  accessToken: string;
  apiKey: string;
  /** The idempotency key. Or set `generateCorrelationId: true` to get `crypto.randomUUID()`. */
  correlationId?: string;
  generateCorrelationId?: boolean;
  requestId?: string;
  recommendationTrackerId?: string;
  context?: AdobeContext;
}

export interface AdobeHttpRequest {
  method: "POST";
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Builds the request; nothing is sent. */
export function buildAdobeSubscription(
  input: AdobeBuildInput | string | Bytes,
  options: AdobeBuildOptions,
):
  | { valid: true; request: AdobeHttpRequest; errors: []; warnings: AdobeError[] }
  | { valid: false; request: null; errors: AdobeError[]; warnings: AdobeError[] };

/** The body of `PATCH /v3/customers/{customer-id}/subscriptions/{subscription-id}`. */
export type AdobeSubscriptionUpdateBody = {
  /** Required unless `resetFlexDiscountCodes` is true; members left out keep their current value. */
  autoRenewal?: {
    /** `false` disables auto-renewal; must be `true` (or already on) with `flexDiscountCodes`. */
    enabled?: boolean;
    /** 1 to 10,000 (Team) or 599,000 (Enterprise); at least the MOQ of `renewalCode`. Lower than the current quantity removes licenses at renewal. */
    renewalQuantity?: number;
    renewalCode?: "MOQ_100" | "MOQ_250" | "MOQ_500";
    /** At most one code, each at most 40 characters. */
    flexDiscountCodes?: [string] | [];
  };
};

/** An update request, as validateAdobeSubscriptionUpdate takes it. */
export interface AdobeSubscriptionUpdateRequest {
  /** Adobe's account id: 4 to 40 ASCII letters, digits and hyphens. */
  customerId: string;
  /** ASCII letters and digits, at most 40 characters. */
  subscriptionId: string;
  /** Sent as `?reset-flex-discount-codes=`: `true` removes the flexible discount; the body may then be left out. */
  resetFlexDiscountCodes?: boolean;
  /** Sent as `?reset-renewal-code=`: `true` removes the High Growth renewal code. */
  resetRenewalCode?: boolean;
  body?: AdobeSubscriptionUpdateBody;
  /** As for create: case-insensitive names, a fetch `Headers` object accepted. */
  headers: Record<string, string> | Headers;
}

/** What the caller knows about the subscription; every member is optional. */
export interface AdobeUpdateContext {
  /** The subscription's status code: only "1000" (active) and "1009" (scheduled) can be updated. */
  status?: string;
  /** Whether auto-renewal is on now: a flexible discount code needs it on. */
  autoRenewalEnabled?: boolean;
  /** Sets the renewalQuantity limit (default: the Enterprise limit). */
  licenseType?: "team" | "enterprise";
  /** Today, `YYYY-MM-DD`: with `anniversaryDate`, an update after AD−3 is a warning. */
  today?: string;
  /** The customer's anniversary (cotermDate), `YYYY-MM-DD`. */
  anniversaryDate?: string;
}

/** Checks path ids, query flags, body and headers of an update, with the update's Adobe codes. */
export function validateAdobeSubscriptionUpdate(
  request: AdobeSubscriptionUpdateRequest | string | Bytes,
  context?: AdobeUpdateContext & LanguageOptions,
): AdobeValidation;

export type AdobeUpdateInput = AdobeSubscriptionUpdateBody & {
  customerId: string;
  subscriptionId: string;
  resetFlexDiscountCodes?: boolean;
  resetRenewalCode?: boolean;
};

export interface AdobeUpdateOptions extends LanguageOptions {
  /** Default "production" (https://partners.adobe.io); "sandbox" is https://partnersandbox-stage.adobe.io. */
  environment?: "production" | "sandbox";
  accessToken: string;
  apiKey: string;
  /** The idempotency key. Or set `generateCorrelationId: true` to get `crypto.randomUUID()`. */
  correlationId?: string;
  generateCorrelationId?: boolean;
  requestId?: string;
  context?: AdobeUpdateContext;
}

export interface AdobeUpdateHttpRequest {
  method: "PATCH";
  /** With `?reset-flex-discount-codes=` and `reset-renewal-code=` when the input sets them. */
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Builds the update request; nothing is sent. */
export function buildAdobeSubscriptionUpdate(
  input: AdobeUpdateInput | string | Bytes,
  options: AdobeUpdateOptions,
):
  | { valid: true; request: AdobeUpdateHttpRequest; errors: []; warnings: AdobeError[] }
  | { valid: false; request: null; errors: AdobeError[]; warnings: AdobeError[] };

/**
 * A create request whose body arrives as it is sent (an object, JSON text or UTF-8 bytes):
 * checked with the path's customer id, the caller's dates and the options' headers as
 * `validateAdobeSubscription` checks it, and wrapped, exactly as it came, in a fetch-ready
 * `POST`: what a Worker that checks bodies forwards. The options are `buildAdobeSubscription`'s.
 */
export function adobeBodyRequest(
  request: { customerId: string; today: string; anniversaryDate: string; body: DocumentInput },
  options: AdobeBuildOptions,
):
  | { valid: true; request: AdobeHttpRequest; errors: []; warnings: AdobeError[] }
  | { valid: false; request: null; errors: AdobeError[]; warnings: AdobeError[] };

/** The same for an update's body, with the path's ids and the query's flags: a `PATCH`. */
export function adobeBodyUpdateRequest(
  request: { customerId: string; subscriptionId: string; resetFlexDiscountCodes?: boolean; resetRenewalCode?: boolean; body: DocumentInput },
  options: AdobeUpdateOptions,
):
  | { valid: true; request: AdobeUpdateHttpRequest; errors: []; warnings: AdobeError[] }
  | { valid: false; request: null; errors: AdobeError[]; warnings: AdobeError[] };

/** The first and last day (both included) on which Adobe allows creating a subscription: AD−30 to AD−3. */
export function adobeCreationWindow(
  anniversaryDate: string,
  options?: LanguageOptions,
): { valid: true; from: string; to: string; errors: [] } | { valid: false; errors: AdobeError[] };

/**
 * Where `init` finds the module, as wasm-bindgen's web glue takes it: the `.wasm`'s URL
 * (a `URL` or a string, fetched), a `Request` to fetch or a `Response`, the bytes, or a
 * compiled `WebAssembly.Module`.
 */
export type InitInput =
  | URL
  | string
  | Request
  | Response
  | BufferSource
  // lib.dom declares WebAssembly.Module as an empty interface, which a number or a
  // boolean satisfies too; `& object` keeps primitives out.
  | (WebAssembly.Module & object);

/**
 * Instantiates the module, once, and resolves when every function can be called. Importing
 * already does it (top-level await in browsers and in bundles that ship the `.wasm` next to
 * the code, synchronously in Node and Workers), so this is needed only where the `.wasm` is
 * elsewhere: with esbuild, `await init(new URL(wasmUrl, import.meta.url))`. Without
 * `source`, the `.wasm` next to the module. Node and Workers ignore `source`: their module
 * is already instantiated. Rejects if the module cannot be fetched or compiled; functions
 * called before it resolves throw an `Error` that says so.
 */
export function init(source?: InitInput | Promise<InitInput>): Promise<void>;

/** Chooses the language of every later call: a locale, or the tag of a registered one. */
export function setLocale(locale: string | Locale, options?: { messages?: Messages; hourCycle?: "h12" | "h23" }): void;

/** Makes locales available by tag, for `setLocale("it-CH")` and `{ locale: "it" }`. */
export function registerLocale(...locales: Locale[]): void;

/** A result's errors grouped as zod's `flatten()` does, by dotted path. */
export function flatten(result: { errors: ReadonlyArray<ErrorFields> } | ReadonlyArray<ErrorFields>): {
  formErrors: string[];
  fieldErrors: { [field: string]: string[] };
};

/** The answer a server gives, for `new Response(answer.body, answer)`. */
export interface ServerAnswer {
  status: number;
  headers: { "Content-Type": "application/vnd.api+json" | "application/json" };
  /** The error body as JSON text. */
  body: string;
}

/**
 * The answer the vendor's server would give to the request a result refused, `null` for a
 * valid result: Commerce Layer's JSON:API `{ errors }` with only its own members (`title`,
 * `detail`, `code`, `source`, `status`, and `meta.error` for a 422), or Adobe's first error
 * as `{ code, message, additionalDetails }`.
 */
export function serverError(
  result: { readonly status: number | null; readonly errors: ReadonlyArray<JsonApiError> } | { readonly errors: ReadonlyArray<AdobeError> },
): ServerAnswer | null;

/** The Standard Schema v1 interface (standardschema.dev), as form libraries read it. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly "~standard": {
    readonly version: 1;
    readonly vendor: "subkit";
    readonly validate: (
      value: unknown,
    ) =>
      | { readonly value: Output; readonly issues?: undefined }
      | { readonly issues: ReadonlyArray<{ readonly message: string; readonly path: ReadonlyArray<PathKey> }> };
    /**
     * Absent, as at run time: the schema reads any values a form holds, so it does not
     * fix the form's type; form libraries take that from their default values, and the
     * schema's own results (`validate`) are typed by `Input`.
     */
    readonly types?: undefined;
  };
}

/** The JSON Schema targets subkit writes; any other throws a TypeError. */
export type JsonSchemaTarget = "draft-2020-12" | "draft-07" | "openapi-3.0";

/**
 * A JSON Schema, as subkit writes it: a plain object, the caller's own copy. The keywords
 * subkit writes are typed; any other is `unknown`.
 */
export interface JsonSchemaObject {
  $schema?: string;
  title?: string;
  description?: string;
  type?: string | string[];
  properties?: { [name: string]: JsonSchemaObject };
  required?: string[];
  additionalProperties?: boolean | JsonSchemaObject;
  items?: JsonSchemaObject;
  anyOf?: JsonSchemaObject[];
  allOf?: JsonSchemaObject[];
  not?: JsonSchemaObject;
  if?: JsonSchemaObject;
  then?: JsonSchemaObject;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  dependentRequired?: { [name: string]: string[] };
  dependencies?: { [name: string]: string[] };
  /** openapi-3.0 only. */
  nullable?: boolean;
  /** The rules subkit checks here beyond this schema: keys of `jsonSchemaCoverage()`. */
  "x-subkit-rule"?: string[];
  [keyword: string]: unknown;
}

/**
 * The Standard JSON Schema v1 interface (standardschema.dev/json-schema), as tools that
 * read JSON Schema from a schema object call it: `input` is what a form may hand over,
 * `output` what `validate` answers with.
 */
export interface StandardJSONSchemaV1<Input = unknown, Output = Input> {
  readonly "~standard": {
    readonly version: 1;
    readonly vendor: "subkit";
    readonly types?: undefined;
    readonly jsonSchema: {
      readonly input: (options: { readonly target: JsonSchemaTarget | ({} & string); readonly libraryOptions?: Record<string, unknown> | undefined }) => JsonSchemaObject;
      readonly output: (options: { readonly target: JsonSchemaTarget | ({} & string); readonly libraryOptions?: Record<string, unknown> | undefined }) => JsonSchemaObject;
    };
  };
}

/**
 * A Standard Schema with subkit's own results (every error, and one field's), and a
 * Standard JSON Schema.
 */
export interface SubkitSchema<Input, E extends ErrorFields> extends StandardSchemaV1<Input>, StandardJSONSchemaV1<Input> {
  readonly "~standard": StandardSchemaV1<Input>["~standard"] & StandardJSONSchemaV1<Input>["~standard"];
  validate(values: unknown): { valid: true; errors: []; value: Input } | { valid: false; errors: E[] };
  /** The errors at one field (a path or a dotted name), the other fields read as context. */
  validateField(values: unknown, field: string | ReadonlyArray<PathKey>): { valid: boolean; errors: E[] };
}

/** What a form's schema reads beyond its builder's options. */
export interface FormOptions {
  /**
   * The IANA time zone the form's date-time fields are in (`"Europe/Rome"`, `"UTC"`): a
   * local time with no offset, as `<input type="datetime-local">` gives it
   * (`2025-01-01T12:00`), is read in that zone and becomes the UTC instant.
   */
  timeZone?: string;
}

/**
 * The values a form may hold for `Input`: any of its fields, each as the input's own value
 * or as text (what an `<input>` gives, `""` when empty; the schema reads it). A form
 * library infers its values' type from its default values; a schema typed with this is
 * assignable to its validators.
 */
export type FormValues<Input> = { [K in keyof Input]?: Input[K] | string | null };

/** How much of a rule a JSON Schema carries. */
export interface JsonSchemaCoverage {
  /** A rule code, or `format.<name>` for a format. */
  rule: string;
  carried: "fully" | "partly" | "not";
  /** How the schema carries it, or why it cannot. */
  how: string;
}

/**
 * The JSON Schema of a request body: a Commerce Layer resource's JSON:API document, or
 * `"adobe"`'s body; with `input: true`, the flat input the builders take. Default: the
 * create, draft 2020-12. A fresh copy each call.
 */
export function jsonSchema(
  subject: ResourceName | "adobe",
  options?: { operation?: "create" | "update"; target?: JsonSchemaTarget; input?: boolean },
): JsonSchemaObject;

/** Every rule and how much of it a JSON Schema carries: docs/json-schema.md. */
export function jsonSchemaCoverage(): JsonSchemaCoverage[];

/**
 * A Standard Schema of a resource's flat input, checked as buildResource checks it. Its
 * input type is the form's values (`Values`): inferred from where the schema is used
 * (TanStack Form's `validators`, react-hook-form's resolver), else the resource's input.
 */
export function schema<R extends ResourceName, Values extends FormValues<ResourceInputs[R]> = ResourceInputs[R]>(
  resource: R,
  options?: BuildOptions & FormOptions,
): SubkitSchema<Values, JsonApiError>;

/** A Standard Schema of an update's flat input, checked as buildUpdate checks it. */
export function updateSchema<R extends ResourceName, Values extends FormValues<UpdateInputs[R]> = UpdateInputs[R]>(
  resource: R,
  id: string,
  options?: UpdateOptions & FormOptions,
): SubkitSchema<Values, JsonApiError>;

/** A Standard Schema of buildAdobeSubscription's input, without the headers (added where the request is sent). */
export function adobeSchema(
  options?: { context?: AdobeContext } & Omit<LanguageOptions, "hourCycle">,
): SubkitSchema<AdobeBuildInput, AdobeError>;

/** A Standard Schema of buildAdobeSubscriptionUpdate's input, without the headers. */
export function adobeUpdateSchema(
  options?: { context?: AdobeUpdateContext } & Omit<LanguageOptions, "hourCycle">,
): SubkitSchema<AdobeUpdateInput, AdobeError>;
