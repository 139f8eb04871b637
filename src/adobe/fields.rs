//! Adobe's field table: every member of a create or update request, the rule its value
//! is held to, and the code of Adobe's error table each of its faults gets.
//!
//! Entry points: the tables ([`REQUEST`], [`UPDATE_REQUEST`], their bodies
//! [`CREATE_BODY`] and [`UPDATE_BODY`], `autoRenewal`'s [`RENEWAL`] and
//! [`UPDATE_RENEWAL`], and [`HEADERS`]), which the validators walk a request with and
//! the JSON Schemas (`crate::json_schema`) are written from; and [`code_of`], which
//! gives a violation the code its member's entry names. A member's [`Codes`] say what
//! each kind of fault ([`Fault`]) of it answers: missing, of a wrong value, or a fault
//! with a code of its own (more than one flexible discount code is 2147 wherever the
//! codes are).
//!
//! ```
//! use subkit::adobe::fields::{code_of, REQUEST, UPDATE_REQUEST};
//! use subkit::adobe::errors::CODES;
//! use subkit::error::{Kind, Violation};
//! let missing = Violation::new("/headers/Authorization", Kind::Required);
//! let code = code_of(&REQUEST, &missing).and_then(|i| CODES.get(i));
//! assert_eq!(code.map(|c| c.0), Some("4117"));
//! // The update answers an unusable customer id with its own code.
//! let bad = Violation::new("/customerId", Kind::MaxLength { max: 40 });
//! let codes = [&REQUEST, &UPDATE_REQUEST].map(|t| code_of(t, &bad).and_then(|i| CODES.get(i)).map(|c| c.0));
//! assert_eq!(codes, [Some("1116"), Some("3115")]);
//! ```

use crate::error::{Format, Kind, Violation};
use crate::prelude::*;

/// A code of Adobe's error table (`"1122"`, one of [`errors::CODES`](super::errors::CODES)),
/// or `None` where Adobe documents none.
pub type AdobeCode = Option<&'static str>;

/// What a member's value is held to; the validators apply it, the JSON Schemas write it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// An id that goes into the URL path unencoded (the customer's, the
    /// subscription's): a non-empty string of at most
    /// [`MAX_ID_LENGTH`](super::body::MAX_ID_LENGTH) characters, of `format`.
    PathId(Format),
    /// A `YYYY-MM-DD` date (`today`, `anniversaryDate`).
    Date,
    /// A query flag: a boolean, or `null` for none.
    Flag,
    /// An object whose members are the table's.
    Object(&'static Table),
    /// The request headers: names in any case, values as [`Header`] rules say.
    Headers,
    /// A request header's value.
    Header(Header),
    /// The offer id: an id of ASCII letters and digits; one that is not the usual 15
    /// characters is a warning, and a consumable offer (context) is refused.
    OfferId,
    /// A non-empty id of at most [`MAX_ID_LENGTH`](super::body::MAX_ID_LENGTH)
    /// characters, in a format when there is one.
    Id(Option<Format>),
    /// An active ISO 4217 code; one Adobe's price lists do not name is a warning.
    Currency,
    /// `autoRenewal.enabled`: create takes only `true`, update either.
    Enabled,
    /// `renewalQuantity`: 1 to the license type's limit.
    Quantity,
    /// `renewalCode`: one of [`RENEWAL_CODES`](super::body::RENEWAL_CODES).
    RenewalCode,
    /// `flexDiscountCodes`: at most one code, each a non-blank id of at most
    /// [`MAX_ID_LENGTH`](super::body::MAX_ID_LENGTH) characters.
    FlexCodes,
    /// A member of the subscription resource an update cannot change (`offerId`,
    /// `currentQuantity`, …): refused as `not_allowed`, with a code of its own.
    ReadOnly,
}

impl Field {
    /// The table of the members inside a value of this field, if it is an object of
    /// listed members.
    pub fn table(self) -> Option<&'static Table> {
        match self {
            Field::Object(table) => Some(table),
            Field::Headers => Some(&HEADERS),
            _ => None,
        }
    }
}

/// How a request header's value is checked (every one first as a value HTTP can carry,
/// [`is_sendable`](super::headers::is_sendable)).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Header {
    /// Any value HTTP can carry.
    Value,
    /// `application/json`, with parameters allowed.
    MediaType,
    /// `Bearer <token>`, the token visible ASCII.
    Bearer,
    /// A visible-ASCII key.
    Key,
}

/// A kind of fault, as Adobe's error table tells them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// The member is missing, `null` or blank: `required`, `dependent_required`.
    Missing,
    /// The member may not be sent: `not_allowed`.
    Unexpected,
    /// A rule of the caller's context refuses it: `not_eligible`.
    Ineligible,
    /// Too many items: `max_items`.
    TooMany,
    /// A number outside its range from 1: `range` with `min` 1.
    OutOfRange,
    /// A number below a minimum of more than 1 (a renewal code's minimum order
    /// quantity): `range` with a larger `min`.
    BelowMinimum,
    /// Any other fault of the value.
    Invalid,
}

impl Fault {
    /// The kind of fault `kind` is; `None` for the advice about the day of the request
    /// (`window`), which no member's code covers: Adobe documents none.
    pub fn of(kind: &Kind) -> Option<Fault> {
        Some(match kind {
            Kind::Window { .. } => return None,
            Kind::Required | Kind::DependentRequired { .. } => Fault::Missing,
            Kind::NotAllowed { .. } => Fault::Unexpected,
            Kind::NotEligible { .. } => Fault::Ineligible,
            Kind::MaxItems { .. } => Fault::TooMany,
            Kind::Range { min, .. } if *min > 1 => Fault::BelowMinimum,
            Kind::Range { .. } => Fault::OutOfRange,
            _ => Fault::Invalid,
        })
    }
}

/// The codes a member's faults get.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Codes {
    /// When the member is missing ([`Fault::Missing`]).
    pub missing: AdobeCode,
    /// Any other fault, but a context rule's ([`Fault::Ineligible`]: Adobe documents
    /// no code for what its eligibility checks find), one that refuses the member
    /// ([`Fault::Unexpected`]: its table's [`Table::unlisted`]) and those of
    /// [`Codes::own`].
    pub invalid: AdobeCode,
    /// Faults with a code of their own, looked at first.
    pub own: &'static [(Fault, AdobeCode)],
}

/// A member of a request object: its name, whether the request requires it, its rule
/// and its faults' codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Member {
    /// The name, as Adobe spells it (headers match it in any case).
    pub name: &'static str,
    /// Whether the request must carry it.
    pub required: bool,
    /// What its value is held to.
    pub field: Field,
    /// The codes of its faults.
    pub codes: Codes,
}

/// The members an object takes, and the code of a member it does not list.
#[derive(Debug, PartialEq, Eq)]
pub struct Table {
    /// In the order Adobe's docs list them: the order `required` faults come in.
    pub members: &'static [Member],
    /// The code of `not_allowed` for a member not in [`Table::members`].
    pub unlisted: AdobeCode,
}

impl Table {
    /// Every Adobe code the table names, its nested tables' included, in table order
    /// (repeats kept).
    pub fn codes(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        out.extend(self.unlisted);
        for m in self.members {
            out.extend(m.codes.missing);
            out.extend(m.codes.invalid);
            out.extend(m.codes.own.iter().filter_map(|(_, c)| *c));
            if let Some(t) = m.field.table() {
                out.extend(t.codes());
            }
        }
        out
    }

    /// The slot of member `name`.
    pub fn slot(&self, name: &str) -> Option<usize> {
        self.members.iter().position(|m| m.name == name)
    }

    /// The member in `slot`.
    pub fn member(&self, slot: usize) -> Option<&'static Member> {
        self.members.get(slot)
    }
}

/// The most members a table lists: the validators keep what each member reported in
/// arrays of this size.
pub const MAX_MEMBERS: usize = 12;

// Checked when compiling: a table longer than the arrays would lose members.
const _: () = {
    let tables = [
        &REQUEST,
        &UPDATE_REQUEST,
        &CREATE_BODY,
        &UPDATE_BODY,
        &RENEWAL,
        &UPDATE_RENEWAL,
        &HEADERS,
    ];
    let mut i = 0;
    while i < tables.len() {
        // `tables` has 7 entries and `i` stays below that.
        #[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
        {
            assert!(tables[i].members.len() <= MAX_MEMBERS);
            i += 1;
        }
    }
};

/// The codes of a member that Adobe answers as it answers most body fields: 1122
/// "Request is missing required fields" when missing, 1117 "Some fields are invalid"
/// for a wrong value.
const FIELD: Codes = Codes {
    missing: Some("1122"),
    invalid: Some("1117"),
    own: &[],
};

/// `flexDiscountCodes`: as [`FIELD`], and 2147 "Only one Flexible Discount code is
/// allowed per line item." for more than one.
const FLEX: Codes = Codes {
    own: &[(Fault::TooMany, Some("2147"))],
    ..FIELD
};

/// Members whose faults Adobe documents no code for (the day of the request).
const UNCODED: Codes = Codes {
    missing: None,
    invalid: None,
    own: &[],
};

/// A request's headers object: 1122 when missing, 1117 when it is no object.
const HEADERS_MEMBER: Member = Member {
    name: "headers",
    required: true,
    field: Field::Headers,
    codes: FIELD,
};

/// A create request object `{ customerId, body, headers, today, anniversaryDate }`,
/// in the order its faults are reported (the creation window's after these).
pub const REQUEST: Table = Table {
    members: &[
        // Adobe's account id (validations page, `ACCOUNT_ID_REGEX`); one that cannot
        // be a customer is 1116 "Invalid Customer".
        Member {
            name: "customerId",
            required: true,
            field: Field::PathId(Format::AccountId),
            codes: Codes {
                missing: Some("1122"),
                invalid: Some("1116"),
                own: &[],
            },
        },
        Member {
            name: "body",
            required: true,
            field: Field::Object(&CREATE_BODY),
            codes: FIELD,
        },
        HEADERS_MEMBER,
        Member {
            name: "today",
            required: true,
            field: Field::Date,
            codes: UNCODED,
        },
        Member {
            name: "anniversaryDate",
            required: true,
            field: Field::Date,
            codes: UNCODED,
        },
    ],
    // Not part of Adobe's request: nothing Adobe would answer.
    unlisted: None,
};

/// An update request object `{ customerId, subscriptionId, resetFlexDiscountCodes?,
/// resetRenewalCode?, body, headers }`: the path's two ids, the two query parameters,
/// the body and the headers, in the order their faults are reported.
pub const UPDATE_REQUEST: Table = Table {
    members: &[
        // The update's own 3115 "Invalid Customer or Subscription ID" for an unusable id.
        Member {
            name: "customerId",
            required: true,
            field: Field::PathId(Format::AccountId),
            codes: PATH_ID,
        },
        // Every id the docs show is alphanumeric; 3119 "Inactive Subscription is not
        // Editable" when the context's status is not an editable one.
        Member {
            name: "subscriptionId",
            required: true,
            field: Field::PathId(Format::Alphanumeric),
            codes: Codes {
                own: &[(Fault::Ineligible, Some("3119"))],
                ..PATH_ID
            },
        },
        Member {
            name: "resetFlexDiscountCodes",
            required: false,
            field: Field::Flag,
            codes: FLAG,
        },
        Member {
            name: "resetRenewalCode",
            required: false,
            field: Field::Flag,
            codes: FLAG,
        },
        // Required unless the request resets the flexible discount (update.rs).
        Member {
            name: "body",
            required: true,
            field: Field::Object(&UPDATE_BODY),
            codes: FIELD,
        },
        HEADERS_MEMBER,
    ],
    unlisted: None,
};

/// The update's ids: 1122 when missing, 3115 "Invalid Customer or Subscription ID"
/// when unusable.
const PATH_ID: Codes = Codes {
    missing: Some("1122"),
    invalid: Some("3115"),
    own: &[],
};

/// A query flag: 1117 for a value that is not a boolean (`null` is none).
const FLAG: Codes = Codes {
    missing: Some("1117"),
    invalid: Some("1117"),
    own: &[],
};

/// The create body's members, in the order the create page lists them. Any other
/// member is refused, as Adobe refuses it: 1121 "Request contains additional
/// unexpected fields."
pub const CREATE_BODY: Table = Table {
    members: &[
        Member {
            name: "offerId",
            required: true,
            field: Field::OfferId,
            codes: FIELD,
        },
        Member {
            name: "autoRenewal",
            required: true,
            field: Field::Object(&RENEWAL),
            codes: FIELD,
        },
        // Adobe limits deployment ids to 40 characters and documents nothing else
        // (resources page: "Max: 40 characters"); they are JSON strings, not paths.
        Member {
            name: "deploymentId",
            required: false,
            field: Field::Id(None),
            codes: FIELD,
        },
        // Missing while `deploymentId` is there is a missing field (1122).
        Member {
            name: "currencyCode",
            required: false,
            field: Field::Currency,
            codes: FIELD,
        },
    ],
    unlisted: Some("1121"),
};

/// `autoRenewal.enabled`, in a create and in an update.
const ENABLED: Member = Member {
    name: "enabled",
    required: false,
    field: Field::Enabled,
    codes: FIELD,
};

/// `autoRenewal.renewalCode`, in a create and in an update.
const RENEWAL_CODE: Member = Member {
    name: "renewalCode",
    required: false,
    field: Field::RenewalCode,
    codes: FIELD,
};

/// `autoRenewal.flexDiscountCodes`, in a create and in an update.
const FLEX_DISCOUNT_CODES: Member = Member {
    name: "flexDiscountCodes",
    required: false,
    field: Field::FlexCodes,
    codes: FLEX,
};

/// `autoRenewal`'s members in a create, and which it requires: `enabled` may be left
/// out (the High Growth page's create request omits it and its response shows
/// `"enabled": true`).
pub const RENEWAL: Table = Table {
    members: &[
        ENABLED,
        Member {
            name: "renewalQuantity",
            required: true,
            field: Field::Quantity,
            codes: FIELD,
        },
        RENEWAL_CODE,
        FLEX_DISCOUNT_CODES,
    ],
    unlisted: Some("1121"),
};

/// The update body's members: `autoRenewal` (required unless the request resets the
/// flexible discount, update.rs), and the subscription resource's other members
/// (resources page), which an update cannot change: 1119 "Some fields are not
/// editable". Any other member is unexpected (1121).
pub const UPDATE_BODY: Table = Table {
    members: &[
        Member {
            name: "autoRenewal",
            required: true,
            field: Field::Object(&UPDATE_RENEWAL),
            codes: FIELD,
        },
        read_only("subscriptionId"),
        read_only("currentQuantity"),
        read_only("usedQuantity"),
        read_only("offerId"),
        read_only("creationDate"),
        read_only("renewalDate"),
        read_only("status"),
        read_only("deploymentId"),
        read_only("currencyCode"),
        read_only("links"),
    ],
    unlisted: Some("1121"),
};

/// A member of the subscription resource that an update cannot change (1119).
const fn read_only(name: &'static str) -> Member {
    Member {
        name,
        required: false,
        field: Field::ReadOnly,
        codes: Codes {
            own: &[(Fault::Unexpected, Some("1119"))],
            ..FIELD
        },
    }
}

/// `autoRenewal`'s members in an update, none required ("Enabled without explicit
/// renewal quantity" renews every active license). A quantity outside 1 to the
/// product's maximum is the update's 3116 "renewalQuantity out of range", one below
/// the renewal code's minimum order quantity 5124 "Invalid Renewal Quantity for
/// Discount Code".
pub const UPDATE_RENEWAL: Table = Table {
    members: &[
        ENABLED,
        Member {
            name: "renewalQuantity",
            required: false,
            field: Field::Quantity,
            codes: Codes {
                own: &[
                    (Fault::OutOfRange, Some("3116")),
                    (Fault::BelowMinimum, Some("5124")),
                ],
                ..FIELD
            },
        },
        RENEWAL_CODE,
        FLEX_DISCOUNT_CODES,
    ],
    unlisted: Some("1121"),
};

/// The tracker header Adobe asks partners to send back on Create Subscription.
pub const RECOMMENDATION_TRACKER: &str = "x-recommendation-tracker-id";

/// The headers subkit checks, in the documented spelling and the order their faults
/// are reported; create and update answer them alike. Other headers are left alone
/// (clients and proxies add their own).
pub const HEADERS: Table = Table {
    members: &[
        header("X-Request-Id", false, Header::Value, FIELD),
        // 4119 "Correlation ID is Invalid or Missing".
        header("X-Correlation-Id", true, Header::Value, same("4119")),
        header("Accept", true, Header::MediaType, FIELD),
        header("Content-Type", true, Header::MediaType, FIELD),
        // 4117 "Authorization token is missing", 4116 "Authorization token is invalid".
        header(
            "Authorization",
            true,
            Header::Bearer,
            Codes {
                missing: Some("4117"),
                invalid: Some("4116"),
                own: &[],
            },
        ),
        // 4115 "API key is invalid or missing".
        header("X-Api-Key", true, Header::Key, same("4115")),
        header(RECOMMENDATION_TRACKER, false, Header::Value, FIELD),
    ],
    unlisted: None,
};

const fn header(name: &'static str, required: bool, rule: Header, codes: Codes) -> Member {
    Member {
        name,
        required,
        field: Field::Header(rule),
        codes,
    }
}

/// One code for a missing and a wrong value.
const fn same(code: &'static str) -> Codes {
    Codes {
        missing: Some(code),
        invalid: Some(code),
        own: &[],
    }
}

/// The code of Adobe's error table a violation of a request of `root` ([`REQUEST`] or
/// [`UPDATE_REQUEST`]) gets, as its place in [`CODES`](super::errors::CODES): the
/// codes of the member its pointer names. A member that may not be sent at all
/// (`not_allowed`) takes its object's [`Table::unlisted`] code unless it has one of
/// its own; any other fault at a name its object does not list takes the parent
/// member's codes, and an element its array's. `None` where Adobe documents no code,
/// and for the whole request (`""`).
pub fn code_of(root: &Table, v: &Violation) -> Option<usize> {
    let fault = Fault::of(&v.kind)?;
    // The member at fault and the table that lists it.
    let mut at: Option<(&Member, &Table)> = None;
    let mut table = Some(root);
    // No name of the tables holds `~` or `/`, so a token is compared as it is written:
    // one with an escape is a name no table lists.
    let mut tokens = v
        .pointer
        .strip_prefix('/')
        .map(|p| p.split('/'))
        .into_iter()
        .flatten()
        .peekable();
    while let Some(token) = tokens.next() {
        // Inside a member without a table (an array's elements): its codes.
        let Some(t) = table else { break };
        match t.slot(token).and_then(|s| t.member(s)) {
            Some(m) => {
                at = Some((m, t));
                table = m.field.table();
            }
            None if tokens.peek().is_none() && fault == Fault::Unexpected => {
                return super::errors::code_index(t.unlisted?);
            }
            None => break,
        }
    }
    let (member, listed_in) = at?;
    let codes = &member.codes;
    let code = match codes.own.iter().find(|(f, _)| *f == fault) {
        Some((_, code)) => *code,
        None => match fault {
            Fault::Missing => codes.missing,
            Fault::Unexpected => listed_in.unlisted,
            Fault::Ineligible => None,
            _ => codes.invalid,
        },
    };
    super::errors::code_index(code?)
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    /// Every code of every table, in Adobe's error table.
    #[test]
    fn every_code_is_adobes() {
        for code in REQUEST.codes().into_iter().chain(UPDATE_REQUEST.codes()) {
            assert!(
                super::super::errors::code_index(code).is_some(),
                "{code} is not in CODES"
            );
        }
    }
}
