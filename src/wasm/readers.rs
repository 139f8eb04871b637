//! Reading JS arguments and options without trusting them: strings bounded before
//! they are copied into wasm memory, bytes read through the built-in getters, objects
//! refused where `JSON.stringify` would misread them, and option names checked
//! against each function's list. Misuse throws a `TypeError`; a bad value that a
//! result can report is returned as one.

use js_sys::{Array, Function, JsString, Reflect, Uint8Array, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::adobe;
use crate::commercelayer::{BuildOptions, Context, Current, Resource};
use crate::error::Violation;
use crate::schedule::{instant, DEFAULT_COUNT};

/// The JSON text of an Adobe request. pkg/read.js has already read a fetch `Headers`
/// object (or any iterable of pairs) in `request.headers` as its entries and written
/// the request as JSON text, since `JSON.stringify` would turn such headers into `{}`.
pub(super) fn adobe_request_arg(request: &JsValue) -> Result<Result<Vec<u8>, Violation>, JsValue> {
    document_text(request, "request")
}

/// `crypto.randomUUID()` of the JS host: the core has no randomness of its own.
pub(super) fn random_uuid() -> Result<String, JsValue> {
    let unavailable =
        || type_error("generateCorrelationId needs crypto.randomUUID(), which this runtime lacks");
    let crypto = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("crypto"))?;
    if !crypto.is_object() {
        return Err(unavailable());
    }
    let f = js_sys::Reflect::get(&crypto, &JsValue::from_str("randomUUID"))?;
    let f = f.dyn_ref::<js_sys::Function>().ok_or_else(unavailable)?;
    f.call0(&crypto)?.as_string().ok_or_else(unavailable)
}

/// `{ consumable?, hasActiveSubscriptions?, licenseType? }`, all optional. `function`
/// and `what` name the caller and the argument for the TypeError of an unknown name.
pub(super) fn adobe_context(
    context: &JsValue,
    function: &str,
    what: &str,
) -> Result<adobe::AdobeContext, JsValue> {
    known_options(context, function, what, ADOBE_CONTEXT_OPTIONS)?;
    let flag = |name: &str| -> Result<Option<bool>, JsValue> {
        let v = option(context, name)?;
        match (v.is_undefined() || v.is_null(), v.as_bool()) {
            (true, _) => Ok(None),
            (false, Some(b)) => Ok(Some(b)),
            (false, None) => Err(type_error(&format!("{name} must be a boolean"))),
        }
    };
    let license_type = license_type(context)?;
    Ok(adobe::AdobeContext {
        consumable: flag("consumable")?,
        has_active_subscriptions: flag("hasActiveSubscriptions")?,
        license_type,
    })
}

/// `licenseType`: `"team"`, `"enterprise"` or absent.
fn license_type(context: &JsValue) -> Result<Option<adobe::LicenseType>, JsValue> {
    match string_option(context, "licenseType")?.as_deref() {
        None => Ok(None),
        Some("team") => Ok(Some(adobe::LicenseType::Team)),
        Some("enterprise") => Ok(Some(adobe::LicenseType::Enterprise)),
        Some(_) => Err(type_error("licenseType must be \"team\" or \"enterprise\"")),
    }
}

/// The update's context, read from JS: `{ status?, autoRenewalEnabled?, licenseType?,
/// today?, anniversaryDate? }`, the dates `YYYY-MM-DD`. Owned, since the core's context
/// borrows its status.
pub(super) struct UpdateContext {
    status: Option<String>,
    auto_renewal_enabled: Option<bool>,
    license_type: Option<adobe::LicenseType>,
    today: Option<chrono::NaiveDate>,
    anniversary_date: Option<chrono::NaiveDate>,
}

impl UpdateContext {
    pub(super) fn borrow(&self) -> adobe::AdobeUpdateContext<'_> {
        adobe::AdobeUpdateContext {
            status: self.status.as_deref(),
            auto_renewal_enabled: self.auto_renewal_enabled,
            license_type: self.license_type,
            today: self.today,
            anniversary_date: self.anniversary_date,
        }
    }
}

/// Reads the update's context; a wrong type or a date that is not `YYYY-MM-DD` is
/// misuse (a TypeError), as for the create context.
pub(super) fn adobe_update_context(
    context: &JsValue,
    function: &str,
    what: &str,
) -> Result<UpdateContext, JsValue> {
    known_options(context, function, what, ADOBE_UPDATE_CONTEXT_OPTIONS)?;
    let enabled = option(context, "autoRenewalEnabled")?;
    let auto_renewal_enabled = match (
        enabled.is_undefined() || enabled.is_null(),
        enabled.as_bool(),
    ) {
        (true, _) => None,
        (false, Some(b)) => Some(b),
        (false, None) => return Err(type_error("autoRenewalEnabled must be a boolean")),
    };
    let date = |name: &str| -> Result<Option<chrono::NaiveDate>, JsValue> {
        let Some(text) = string_option(context, name)? else {
            return Ok(None);
        };
        crate::check::format::parse_date(&text)
            .map(Some)
            .ok_or_else(|| type_error(&format!("{name} must be a YYYY-MM-DD date")))
    };
    let license_type = license_type(context)?;
    Ok(UpdateContext {
        status: string_option(context, "status")?,
        auto_renewal_enabled,
        license_type,
        today: date("today")?,
        anniversary_date: date("anniversaryDate")?,
    })
}

/// The credentials and ids of an Adobe request, owned while the call runs.
pub(super) struct RequestOptions {
    environment: adobe::Environment,
    strings: Vec<Option<String>>,
}

impl RequestOptions {
    pub(super) fn borrow(&self) -> adobe::AdobeRequestOptions<'_> {
        let s = |i: usize| self.strings.get(i).and_then(|v| v.as_deref());
        adobe::AdobeRequestOptions {
            environment: self.environment,
            access_token: s(0),
            api_key: s(1),
            correlation_id: s(2),
            request_id: s(3),
            recommendation_tracker_id: s(4),
        }
    }
}

/// `environment`, `accessToken`, `apiKey`, `correlationId` (or `generateCorrelationId:
/// true`, which asks `crypto.randomUUID()`), `requestId`, `recommendationTrackerId`.
pub(super) fn adobe_request_options(options: &JsValue) -> Result<RequestOptions, JsValue> {
    let environment = match string_option(options, "environment")?.as_deref() {
        None | Some("production") => adobe::Environment::Production,
        Some("sandbox") => adobe::Environment::Sandbox,
        Some(_) => {
            return Err(type_error(
                "environment must be \"production\" or \"sandbox\"",
            ))
        }
    };
    let mut strings: Vec<Option<String>> = [
        "accessToken",
        "apiKey",
        "correlationId",
        "requestId",
        "recommendationTrackerId",
    ]
    .iter()
    .map(|name| string_option(options, name))
    .collect::<Result<_, _>>()?;
    if let (Some(true), Some(id @ None)) = (
        option(options, "generateCorrelationId")?.as_bool(),
        strings.get_mut(2),
    ) {
        *id = Some(random_uuid()?);
    }
    Ok(RequestOptions {
        environment,
        strings,
    })
}

/// How `nextRuns` writes its runs: the `format` option.
#[derive(Clone, Copy)]
pub(super) enum RunsFormat {
    /// `"iso"`, the default: an array of ISO 8601 strings.
    Iso,
    /// `"epochMs"`: a `Float64Array` of epoch milliseconds, for timelines and charts
    /// that would otherwise parse every string back into a number.
    EpochMs,
}

/// The values of `nextRuns`' `format` option, as its TypeError lists them.
const RUNS_FORMATS: &[(&str, RunsFormat)] =
    &[("iso", RunsFormat::Iso), ("epochMs", RunsFormat::EpochMs)];

/// Reads `options.format`: absent is [`RunsFormat::Iso`]; a value that is not one of
/// [`RUNS_FORMATS`] throws, since a misspelt `"epochms"` silently giving strings would
/// break a chart far from the call.
pub(super) fn runs_format(options: &JsValue) -> Result<RunsFormat, JsValue> {
    let value = option(options, "format")?;
    if value.is_undefined() || value.is_null() {
        return Ok(RunsFormat::Iso);
    }
    let text = value.dyn_ref::<JsString>();
    let name = text.and_then(|t| known_name(t, RUNS_FORMATS.iter().map(|(k, _)| *k)));
    if let Some(&(_, format)) = RUNS_FORMATS.iter().find(|(k, _)| Some(*k) == name) {
        return Ok(format);
    }
    let shown = match text {
        Some(t) => quoted(t),
        None => format!(
            "a value of type {}",
            value.js_typeof().as_string().unwrap_or_default()
        ),
    };
    let known: Vec<String> = RUNS_FORMATS.iter().map(|(k, _)| format!("{k:?}")).collect();
    Err(type_error(&format!(
        "nextRuns: options.format must be one of {}; got {shown}",
        known.join(", ")
    )))
}

pub(super) fn resource_arg(value: &JsValue) -> Result<Resource, JsValue> {
    let name = bounded_string(value, "resource")?.ok_or_else(|| {
        type_error("resource must be a string, such as \"customer_subscriptions\"")
    })?;
    name.parse::<Resource>()
        .map_err(|unknown| type_error(&unknown.to_string()))
}

/// What a document or input may be, as the TypeError that refuses anything else says.
const DOCUMENT_KINDS: &str = "a plain object, an array, JSON text (a string) or UTF-8 bytes \
     (an ArrayBuffer, a typed array or a DataView)";

/// The UTF-8 JSON text of a document argument, which the core reads: a string as it
/// is, bytes as they are. Plain objects, arrays, objects with a `toJSON` method and
/// primitives go through `JSON.stringify`, which applies `toJSON`, drops `undefined`
/// and functions, and turns NaN and infinities into `null`, as `fetch` would when
/// sending them. Any other object (a `Response`, `Blob`, `Map`, `Date`, a class
/// instance) throws: `JSON.stringify` would read it as `{}` or as a string and the
/// caller would get a misleading answer about a document they never meant. What cannot
/// become JSON at all throws too. Text too large to read is a violation.
pub(super) fn document_text(
    value: &JsValue,
    what: &str,
) -> Result<Result<Vec<u8>, Violation>, JsValue> {
    if let Some(text) = value.dyn_ref::<JsString>() {
        return Ok(text_bytes(text));
    }
    if let Some(message) = unreadable(value, REFUSED) {
        return Err(type_error(&message));
    }
    if let Some(size) = marked_size(value) {
        // pkg/read.js sends it only for a size over the limit, which check_size refuses.
        return Ok(crate::json::check_size(size).map(|()| Vec::new()));
    }
    if let Some(view) = byte_view(value, what)? {
        // Sized before the copy into wasm memory, which never shrinks.
        let size = usize::try_from(view.byte_length()).unwrap_or(usize::MAX);
        if let Err(v) = crate::json::check_size(size) {
            return Ok(Err(v));
        }
        return Ok(Ok(view.to_vec()));
    }
    if value.is_undefined() {
        return Err(type_error(&format!("{what} is required")));
    }
    if value.is_object() {
        readable_object(value, what)?;
    }
    let text = JSON::stringify(value).map_err(|e| {
        type_error(&format!(
            "{what} cannot be converted to JSON: {}",
            error_message(&e)
        ))
    })?;
    match text.dyn_ref::<JsString>() {
        Some(text) => Ok(text_bytes(text)),
        None => Err(type_error(&format!("{what} must be a JSON value"))),
    }
}

/// The bytes of an `ArrayBuffer` or of any `ArrayBufferView` (typed arrays of every
/// element type, `DataView`) as a `Uint8Array` over the same memory, from the view's
/// `byteOffset` for `byteLength` bytes; `None` for anything else.
///
/// The buffer, offset and length are read with the built-in getters called on the
/// value (`%TypedArray%.prototype.byteLength.call(value)`): they check the value's
/// internal slots and never run user code, where `value.byteLength` would find an own
/// property or a getter someone planted on its prototype chain.
fn byte_view(value: &JsValue, what: &str) -> Result<Option<Uint8Array>, JsValue> {
    if !value.is_object() {
        return Ok(None);
    }
    let unreadable = |e: JsValue| {
        type_error(&format!(
            "{what} could not be read as bytes: {}",
            error_message(&e)
        ))
    };
    // The brand checks read numbers: a failed check then costs nothing, where an
    // import returning an object that throws keeps a slot of the externref table.
    let (buffer, offset, length) = if js_sys::ArrayBuffer::is_view(value) {
        // A view is a typed array or a DataView; which one, the brand check tells.
        let typed = prototype_of(&builtin_prototype("Uint8Array").map_err(unreadable)?)
            .map_err(unreadable)?;
        let proto = match builtin_number(&typed, "byteLength", value) {
            Ok(_) => typed,
            Err(_) => builtin_prototype("DataView").map_err(unreadable)?,
        };
        (
            builtin_get(&proto, "buffer", value).map_err(unreadable)?,
            builtin_number(&proto, "byteOffset", value).map_err(unreadable)?,
            builtin_number(&proto, "byteLength", value).map_err(unreadable)?,
        )
    } else {
        let array_buffer = builtin_prototype("ArrayBuffer").map_err(unreadable)?;
        match builtin_number(&array_buffer, "byteLength", value) {
            Ok(length) => (value.clone(), 0.0, length),
            // Not an ArrayBuffer: the brand check refused it.
            Err(_) => return Ok(None),
        }
    };
    if length == 0.0 {
        // A detached buffer reports length 0, and a view over it cannot be made.
        return Ok(Some(Uint8Array::new_with_length(0)));
    }
    let ctor = Reflect::get(&js_sys::global(), &JsValue::from_str("Uint8Array"))?;
    let args = Array::of3(&buffer, &JsValue::from(offset), &JsValue::from(length));
    let view = construct(&ctor, &args).map_err(unreadable)?;
    Ok(Some(view.unchecked_into()))
}

/// `globalThis[name].prototype`.
fn builtin_prototype(name: &str) -> Result<JsValue, JsValue> {
    let ctor = Reflect::get(&js_sys::global(), &JsValue::from_str(name))?;
    Reflect::get(&ctor, &JsValue::from_str("prototype"))
}

/// The built-in getter `proto[name]`.
fn builtin_getter(proto: &JsValue, name: &str) -> Result<Function, JsValue> {
    let descriptor = own_property_descriptor(proto, name)?;
    Reflect::get(&descriptor, &JsValue::from_str("get"))?
        .dyn_into::<Function>()
        .map_err(|_| type_error(&format!("{name} is not a getter")))
}

/// Calls the built-in getter `proto[name]` on `this`; it throws (caught here) when
/// `this` lacks the internal slot the getter reads.
fn builtin_get(proto: &JsValue, name: &str, this: &JsValue) -> Result<JsValue, JsValue> {
    builtin_getter(proto, name)?.call0(this)
}

/// Like [`builtin_get`], for a getter that gives a number.
fn builtin_number(proto: &JsValue, name: &str, this: &JsValue) -> Result<f64, JsValue> {
    call_for_number(&builtin_getter(proto, name)?, this)
}

/// Refuses an object that `JSON.stringify` would misread. Accepted: arrays, objects with
/// a `toJSON` method (read as `JSON.stringify` reads them, so a model class can say what
/// it sends), and plain objects: those whose prototype is `null` or an
/// `Object.prototype` (one whose own prototype is `null`, so objects from another realm,
/// such as a `vm` context or an iframe, count too). A `Date` is refused although it has
/// `toJSON`: it becomes a string, never a document.
fn readable_object(value: &JsValue, what: &str) -> Result<(), JsValue> {
    let unreadable =
        |e: JsValue| type_error(&format!("{what} could not be read: {}", error_message(&e)));
    if is_array(value).map_err(unreadable)? {
        return Ok(());
    }
    if date_time(value).is_ok() {
        return Err(refused(value, what));
    }
    let to_json = Reflect::get(value, &JsValue::from_str("toJSON")).map_err(unreadable)?;
    if to_json.is_function() {
        return Ok(());
    }
    let proto = prototype_of(value).map_err(unreadable)?;
    if proto.is_null() || prototype_of(&proto).map_err(unreadable)?.is_null() {
        return Ok(());
    }
    Err(refused(value, what))
}

/// The TypeError for an object of a kind subkit does not read: it names what was
/// passed (the constructor's name, else the `Symbol.toStringTag`) and what is accepted.
fn refused(value: &JsValue, what: &str) -> JsValue {
    let name = object_name(value);
    // A Response, Request or Blob holds the document in a body that has to be awaited.
    let has_body =
        Reflect::get(value, &JsValue::from_str("arrayBuffer")).is_ok_and(|f| f.is_function());
    let hint = if has_body {
        "; read its body first, e.g. new Uint8Array(await response.arrayBuffer())"
    } else {
        ""
    };
    type_error(&format!(
        "{what} must be {DOCUMENT_KINDS}; got {name}{hint}"
    ))
}

/// The longest constructor name or tag quoted in a TypeError, in characters.
const MAX_NAME_CHARS: usize = 64;

/// `value.constructor.name` where it is a non-empty string other than `Object`, else
/// the tag of `Object.prototype.toString` (`Blob` from `[object Blob]`), else a phrase.
fn object_name(value: &JsValue) -> String {
    let read = |v: &JsValue| bounded_string(v, "name").ok().flatten();
    let constructor = Reflect::get(value, &JsValue::from_str("constructor"))
        .ok()
        .filter(JsValue::is_function)
        .and_then(|c| Reflect::get(&c, &JsValue::from_str("name")).ok())
        .and_then(|n| read(&n))
        .filter(|n| !n.is_empty());
    let tag = || {
        object_tag(value).ok().and_then(|t| read(&t)).and_then(|t| {
            t.strip_prefix("[object ")
                .and_then(|t| t.strip_suffix(']'))
                .map(str::to_owned)
        })
    };
    match constructor.or_else(tag) {
        // Object.create(proto) inherits Object as its constructor: the name would not
        // say what is wrong with it.
        Some(name) if name == "Object" => {
            "an object whose prototype is not Object.prototype".to_owned()
        }
        Some(name) => name.chars().take(MAX_NAME_CHARS).collect(),
        None => "an object".to_owned(),
    }
}

/// Parses JSON text given as a JS string. Its size is checked before it is copied
/// into wasm memory (each UTF-16 unit is at least one byte of UTF-8), and a lone
/// surrogate is an `invalid_json` fault: copying would silently turn it into U+FFFD.
fn text_bytes(text: &JsString) -> Result<Vec<u8>, Violation> {
    crate::json::check_size(usize::try_from(text.length()).unwrap_or(usize::MAX))?;
    if !well_formed(text) {
        return Err(crate::json::lone_surrogate());
    }
    Ok(String::from(text).into_bytes())
}

#[wasm_bindgen]
extern "C" {
    /// A JS string seen through `String.prototype.isWellFormed`, called with `catch`
    /// for engines that lack it.
    type WellFormed;
    #[wasm_bindgen(method, catch, js_name = isWellFormed)]
    fn is_well_formed(this: &WellFormed) -> Result<bool, JsValue>;
}

fn well_formed(text: &JsString) -> bool {
    // Engines before 2023 lack isWellFormed; the slow walk gives the same answer.
    text.unchecked_ref::<WellFormed>()
        .is_well_formed()
        .unwrap_or_else(|_| text.is_valid_utf16())
}

/// The longest string read from an option or a non-document argument, in UTF-16
/// units. Longer ones throw before they are copied into wasm memory.
const MAX_ARG_UNITS: u32 = 64 * 1024;

/// The most entries read from a list option.
const MAX_LIST_ITEMS: u32 = 1000;

/// A string argument or option, refused before the copy when it is over
/// [`MAX_ARG_UNITS`].
fn bounded_string(value: &JsValue, what: &str) -> Result<Option<String>, JsValue> {
    let Some(text) = value.dyn_ref::<JsString>() else {
        return Ok(None);
    };
    if text.length() > MAX_ARG_UNITS {
        return Err(type_error(&format!(
            "{what} is longer than {MAX_ARG_UNITS} characters"
        )));
    }
    Ok(Some(String::from(text)))
}

/// A frequency's text. Text over the core's limit is cut just past it before the
/// copy, so the core still answers `too_long` without reading megabytes.
pub(super) fn frequency_arg(value: &JsValue) -> Result<String, JsValue> {
    let limit = u32::try_from(crate::schedule::MAX_FREQUENCY_BYTES).unwrap_or(u32::MAX);
    match value.dyn_ref::<JsString>() {
        Some(text) if text.length() > limit => {
            Ok(String::from(text.slice(0, limit.saturating_add(1))))
        }
        Some(text) => Ok(String::from(text)),
        None => Err(type_error("frequency must be a string")),
    }
}

pub(super) fn string_arg(value: &JsValue, what: &str) -> Result<String, JsValue> {
    bounded_string(value, what)?.ok_or_else(|| type_error(&format!("{what} must be a string")))
}

/// Reads `options[name]`: absent (`undefined` or `null`) is `None`; an ISO string, a
/// `Date` or epoch milliseconds is read (a bad value is the inner `Err`, reported as a
/// result); any other type is misuse and throws.
pub(super) fn instant_option(
    options: &JsValue,
    name: &str,
) -> Result<Option<Result<chrono::DateTime<chrono::Utc>, instant::InstantError>>, JsValue> {
    let value = option(options, name)?;
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    if let Some(text) = bounded_string(&value, name)? {
        return Ok(Some(instant::parse_iso(&text)));
    }
    if let Ok(ms) = date_time(&value) {
        return Ok(Some(instant::from_epoch_millis(ms)));
    }
    if let Some(ms) = value.as_f64() {
        return Ok(Some(instant::from_epoch_millis(ms)));
    }
    Err(type_error(&format!(
        "{name} must be an ISO 8601 string, a Date or epoch milliseconds"
    )))
}

/// The option names of each function. Each one throws for a name it does not know, so
/// a misspelt option (`withDefault`, `timezone`) is caught rather than ignored.
pub(super) const VALIDATE_OPTIONS: &[&str] = &["subscriptionModelFrequencies"];
pub(super) const BUILD_OPTIONS: &[&str] = &["subscriptionModelFrequencies", "withDefaults"];
pub(super) const REQUEST_OPTIONS: &[&str] = &[
    "subscriptionModelFrequencies",
    "withDefaults",
    "baseUrl",
    "organization",
    "accessToken",
];
pub(super) const DOCUMENT_REQUEST_OPTIONS: &[&str] = &[
    "subscriptionModelFrequencies",
    "baseUrl",
    "organization",
    "accessToken",
];
pub(super) const UPDATE_OPTIONS: &[&str] = &["current"];
pub(super) const UPDATE_REQUEST_OPTIONS: &[&str] =
    &["current", "baseUrl", "organization", "accessToken"];
const CURRENT_OPTIONS: &[&str] = &["status", "starts_at"];
pub(super) const FREQUENCY_OPTIONS: &[&str] = &["startsAt"];
pub(super) const RUNS_OPTIONS: &[&str] = &["startsAt", "after", "count", "expiresAt", "format"];
const ADOBE_CONTEXT_OPTIONS: &[&str] = &["consumable", "hasActiveSubscriptions", "licenseType"];
const ADOBE_UPDATE_CONTEXT_OPTIONS: &[&str] = &[
    "status",
    "autoRenewalEnabled",
    "licenseType",
    "today",
    "anniversaryDate",
];
/// The update takes create's options but the tracker header, which Adobe asks for on
/// Create Subscription only (recommendations page).
pub(super) const ADOBE_UPDATE_OPTIONS: &[&str] = &[
    "environment",
    "accessToken",
    "apiKey",
    "correlationId",
    "generateCorrelationId",
    "requestId",
    "context",
];
pub(super) const ADOBE_BUILD_OPTIONS: &[&str] = &[
    "environment",
    "accessToken",
    "apiKey",
    "correlationId",
    "generateCorrelationId",
    "requestId",
    "recommendationTrackerId",
    "context",
];

/// The options of every call's last argument that pkg/api.js reads and takes out before
/// the call reaches the module: the language of messages and descriptions.
const LANGUAGE_OPTIONS: &str = "locale, messages, hourCycle";

/// Throws a TypeError naming the first own enumerable name of `options` that is not in
/// `known`, and listing the known ones (with [`LANGUAGE_OPTIONS`] for a call's own
/// options argument, `what` being `options` or `context`). Absent options (`undefined`,
/// `null`) pass. `function` and `what` name the call and the argument in the message.
pub(super) fn known_options(
    options: &JsValue,
    function: &str,
    what: &str,
    known: &[&str],
) -> Result<(), JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(());
    }
    if !options.is_object() {
        return Err(type_error(&format!("{function}: {what} must be an object")));
    }
    if let Some(message) = unreadable(options, UNREADABLE_KEYS) {
        return Err(type_error(&format!(
            "{function}: {what} could not be read: {message}"
        )));
    }
    let names = own_keys(options).map_err(|e| {
        type_error(&format!(
            "{function}: {what} could not be read: {}",
            error_message(&e)
        ))
    })?;
    for name in names.iter() {
        let Some(name) = name.dyn_ref::<JsString>() else {
            continue;
        };
        if known_name(name, known.iter().copied()).is_none() {
            let language = match what {
                "options" | "context" => format!(", {LANGUAGE_OPTIONS}"),
                _ => String::new(),
            };
            return Err(type_error(&format!(
                "{function}: unknown option {} in {what}; known options: {}{language}",
                quoted(name),
                known.join(", ")
            )));
        }
    }
    Ok(())
}

/// `name` when it is one of `known`. Only a string as short as the longest known name
/// is copied out of JS in full: a longer one is unknown whatever it says.
fn known_name<'a>(
    name: &JsString,
    mut known: impl Iterator<Item = &'a str> + Clone,
) -> Option<&'a str> {
    let longest = known.clone().map(str::len).max().unwrap_or(0);
    if !usize::try_from(name.length()).is_ok_and(|n| n <= longest) {
        return None;
    }
    let name = String::from(name);
    known.find(|k| *k == name)
}

/// `name` quoted for a message, cut to [`MAX_NAME_CHARS`] UTF-16 units.
fn quoted(name: &JsString) -> String {
    let limit = u32::try_from(MAX_NAME_CHARS).unwrap_or(u32::MAX);
    let cut = if name.length() > limit { "…" } else { "" };
    format!("{:?}{cut}", String::from(name.slice(0, limit)))
}

/// An update's `options.current`: `{ status?, starts_at? }`, as strings.
pub(super) fn current_option(
    options: &JsValue,
    function: &str,
) -> Result<[Option<String>; 2], JsValue> {
    let current = option(options, "current")?;
    known_options(&current, function, "options.current", CURRENT_OPTIONS)?;
    Ok([
        string_option(&current, "status")?,
        string_option(&current, "starts_at")?,
    ])
}

/// The [`Context`] of an update from what [`current_option`] read.
pub(super) fn update_context(current: &[Option<String>; 2]) -> Context<'_> {
    let [status, starts_at] = current;
    Context {
        current: Current {
            status: status.as_deref(),
            starts_at: starts_at.as_deref(),
        },
        ..Default::default()
    }
}

pub(super) fn build_options<'a>(
    options: &JsValue,
    offered: Option<&'a [String]>,
) -> Result<BuildOptions<'a>, JsValue> {
    let with_defaults = option(options, "withDefaults")?;
    if !(with_defaults.is_undefined()
        || with_defaults.is_null()
        || with_defaults.as_bool().is_some())
    {
        return Err(type_error("withDefaults must be a boolean"));
    }
    Ok(BuildOptions {
        with_defaults: with_defaults.as_bool() == Some(true),
        context: Context {
            model_frequencies: offered,
            ..Default::default()
        },
    })
}

/// `options[name]` as a string; absent is `None`, another type throws.
pub(super) fn string_option(options: &JsValue, name: &str) -> Result<Option<String>, JsValue> {
    let value = option(options, name)?;
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    bounded_string(&value, name)?
        .map(Some)
        .ok_or_else(|| type_error(&format!("{name} must be a string")))
}

/// `options[name]` as an array of strings; absent is `None`, anything else throws.
pub(super) fn string_list_option(
    options: &JsValue,
    name: &str,
) -> Result<Option<Vec<String>>, JsValue> {
    let value = option(options, name)?;
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    let misuse = || type_error(&format!("{name} must be an array of strings"));
    if !is_array(&value).map_err(|_| misuse())? {
        return Err(misuse());
    }
    // The length is read first, so a huge list is refused before it is copied.
    let length = js_sys::Reflect::get(&value, &JsValue::from_str("length"))
        .map_err(|_| misuse())?
        .as_f64()
        .unwrap_or(f64::INFINITY);
    if length > f64::from(MAX_LIST_ITEMS) {
        return Err(type_error(&format!(
            "{name} has more than {MAX_LIST_ITEMS} entries"
        )));
    }
    // Read through JSON.stringify, like documents: getters and proxies run on the JS
    // side, where their exceptions are caught, rather than inside wasm frames.
    match document_text(&value, name)? {
        Ok(text) => crate::json::string_list(&text).map(Some).ok_or_else(misuse),
        Err(_) => Err(misuse()),
    }
}

pub(super) fn count_option(options: &JsValue) -> Result<u64, JsValue> {
    let value = option(options, "count")?;
    if value.is_undefined() || value.is_null() {
        return Ok(DEFAULT_COUNT);
    }
    match value.as_f64() {
        // Out-of-range whole numbers are reported by the core with the documented cap.
        Some(n) if n.fract() == 0.0 && n >= 0.0 => {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // whole, >= 0
            Ok(if n > u64::MAX as f64 {
                u64::MAX
            } else {
                n as u64
            })
        }
        Some(n) if n.fract() == 0.0 => Ok(0),
        _ => Err(type_error("count must be a whole number")),
    }
}

/// `options[name]`, where `options` may be absent; a getter that throws is rethrown.
pub(super) fn option(options: &JsValue, name: &str) -> Result<JsValue, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(JsValue::UNDEFINED);
    }
    if !options.is_object() {
        return Err(type_error("options must be an object"));
    }
    let value = js_sys::Reflect::get(options, &JsValue::from_str(name)).map_err(|e| {
        type_error(&format!(
            "options.{name} could not be read: {}",
            error_message(&e)
        ))
    })?;
    match unreadable(&value, UNREADABLE) {
        Some(message) => Err(type_error(&format!(
            "options.{name} could not be read: {message}"
        ))),
        None => Ok(value),
    }
}

/// The markers pkg/read.js leaves in its plain copies of options where the caller's
/// value could not be read: `{ [UNREADABLE]: message }` for a member whose getter threw,
/// `UNREADABLE_KEYS` on an object whose keys could not be listed. JS reads the caller's
/// values, where a throw costs nothing; the module reports the fault where it reads
/// the option, so the TypeError that wins is the one it always was.
const UNREADABLE: &str = "subkit.unreadable";
const UNREADABLE_KEYS: &str = "subkit.unreadable-keys";
/// pkg/read.js's marker for a document it refused: `{ [REFUSED]: message }` is thrown
/// as a TypeError with that message when the document is read, after the arguments
/// before it, so a bad resource name still wins over a bad document.
const REFUSED: &str = "subkit.refused";
/// pkg/read.js's marker for an object whose JSON text would be over the input limit:
/// `{ [TOO_LARGE]: size }`, the text's size, which it measured without writing it.
const TOO_LARGE: &str = "subkit.too-large";

/// The size under the [`TOO_LARGE`] marker of `value`, if it is one (a plain copy made
/// by pkg/read.js: reading it runs no user code).
fn marked_size(value: &JsValue) -> Option<usize> {
    if !value.is_object() {
        return None;
    }
    let size = js_sys::Reflect::get(value, &js_sys::Symbol::for_(TOO_LARGE))
        .ok()?
        .as_f64()?;
    // A size past usize is still over the limit; the cast saturates.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    Some(size as usize)
}

/// The message under the marker `key` (a registered Symbol) of `value`, if it has one.
/// `value` is one of pkg/read.js's plain copies, so reading it runs no user code.
fn unreadable(value: &JsValue, key: &str) -> Option<String> {
    if !value.is_object() {
        return None;
    }
    let marker = js_sys::Reflect::get(value, &js_sys::Symbol::for_(key)).ok()?;
    bounded_string(&marker, "message").ok().flatten()
}

/// `_optionNames()`: every option name a function reads, for pkg/read.js, which copies
/// the inherited values of these names (and every own member) into its plain copies.
#[wasm_bindgen(js_name = _optionNames, skip_typescript)]
pub fn option_names() -> Array {
    let lists: [&[&str]; 13] = [
        VALIDATE_OPTIONS,
        DOCUMENT_REQUEST_OPTIONS,
        BUILD_OPTIONS,
        REQUEST_OPTIONS,
        UPDATE_OPTIONS,
        UPDATE_REQUEST_OPTIONS,
        CURRENT_OPTIONS,
        FREQUENCY_OPTIONS,
        RUNS_OPTIONS,
        ADOBE_CONTEXT_OPTIONS,
        ADOBE_UPDATE_CONTEXT_OPTIONS,
        ADOBE_BUILD_OPTIONS,
        ADOBE_UPDATE_OPTIONS,
    ];
    let names = Array::new();
    for name in lists.iter().flat_map(|list| list.iter()) {
        let name = JsValue::from_str(name);
        if !names.includes(&name, 0) {
            names.push(&name);
        }
    }
    names
}

/// The message of a thrown value, for a TypeError that wraps it: its `message` when
/// that reads as a short string (read with `catch`, as it may be a getter).
fn error_message(e: &JsValue) -> String {
    js_sys::Reflect::get(e, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| bounded_string(&m, "message").ok().flatten())
        .unwrap_or_default()
}

// Every call into JS that can run user code (getters, Proxy traps) is imported with
// `catch`: an exception thrown through wasm frames would skip their epilogues and
// leave the module's stack pointer behind.
#[wasm_bindgen]
extern "C" {
    /// `Array.isArray`, which throws for a revoked Proxy.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;
    /// `Date.prototype.getTime.call(value)`: the time of a real Date, and a TypeError
    /// for anything else, Proxies included, without running user code.
    #[wasm_bindgen(catch, js_namespace = ["Date", "prototype", "getTime"], js_name = call)]
    fn date_time(value: &JsValue) -> Result<f64, JsValue>;
    /// `Object.keys`, which runs a Proxy's `ownKeys` and descriptor traps.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn own_keys(value: &JsValue) -> Result<Array, JsValue>;
    /// `Object.getPrototypeOf`, which runs a Proxy's `getPrototypeOf` trap.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = getPrototypeOf)]
    fn prototype_of(value: &JsValue) -> Result<JsValue, JsValue>;
    /// `Object.getOwnPropertyDescriptor`, used on built-in prototypes only.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = getOwnPropertyDescriptor)]
    fn own_property_descriptor(target: &JsValue, name: &str) -> Result<JsValue, JsValue>;
    /// `Object.prototype.toString.call(value)`, which reads `Symbol.toStringTag`.
    #[wasm_bindgen(catch, js_namespace = ["Object", "prototype", "toString"], js_name = call)]
    fn object_tag(value: &JsValue) -> Result<JsValue, JsValue>;
    /// `getter.call(this)` for a getter that gives a number.
    #[wasm_bindgen(catch, js_namespace = ["Function", "prototype", "call"], js_name = call)]
    fn call_for_number(getter: &Function, this: &JsValue) -> Result<f64, JsValue>;
    /// `Reflect.construct`, whose constructor may throw (a detached buffer).
    #[wasm_bindgen(catch, js_namespace = Reflect, js_name = construct)]
    fn construct(target: &JsValue, args: &Array) -> Result<JsValue, JsValue>;
}

pub(super) fn type_error(message: &str) -> JsValue {
    js_sys::TypeError::new(message).into()
}
