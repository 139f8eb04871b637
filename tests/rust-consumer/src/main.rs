//! A first program against subkit with no other dependency: it validates a document from
//! text, builds a request from text, and lists next runs, with serde_json and chrono
//! taken from subkit's re-exports. It exits non-zero if an answer is not the expected one.

use subkit::chrono::{TimeZone, Utc};
use subkit::commercelayer::request::{build_request_bytes, RequestOptions};
use subkit::schedule::{Frequency, RunsQuery};
use subkit::serde_json::{self, Value};
use subkit::{Code, Resource};

fn main() {
    let body = r#"{"data": {"type": "customer_subscriptions", "attributes": {"customer_email": "john@", "reference": "R1"}}}"#;
    let errors = Resource::CustomerSubscriptions.validate_json(body);
    let codes: Vec<(String, Code)> = errors
        .iter()
        .map(|e| (e.pointer.clone(), e.code()))
        .collect();
    check(
        codes == [("/data/attributes/customer_email".to_owned(), Code::Format)],
        &format!("{codes:?}"),
    );

    let input = br#"{"customer_email": "john@example.com", "reference": "R1"}"#;
    let options = RequestOptions {
        organization: Some("yourdomain"),
        access_token: Some("your-access-token"),
        ..Default::default()
    };
    match build_request_bytes(
        Resource::CustomerSubscriptions,
        input,
        &options,
        &Default::default(),
    ) {
        Ok(request) => {
            let body: Value = serde_json::from_str(&request.body).unwrap_or(Value::Null);
            check(
                body["data"]["attributes"]["reference"] == "R1",
                &request.body,
            );
        }
        Err(errors) => check(false, &format!("{errors:?}")),
    }

    let query = RunsQuery {
        starts_at: Utc.with_ymd_and_hms(2018, 1, 31, 12, 0, 0).single(),
        count: 2,
        ..RunsQuery::default()
    };
    match Frequency::parse("monthly").map(|f| f.runs(&query)) {
        Ok(Ok(runs)) => check(
            runs.iter().map(|r| r.to_rfc3339()).collect::<Vec<_>>()
                == ["2018-01-31T12:00:00+00:00", "2018-02-28T12:00:00+00:00"],
            &format!("{runs:?}"),
        ),
        other => check(false, &format!("{other:?}")),
    }
    println!("ok");
}

fn check(ok: bool, what: &str) {
    if !ok {
        eprintln!("unexpected: {what}");
        std::process::exit(1);
    }
}
