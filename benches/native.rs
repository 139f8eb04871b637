//! Native benchmarks (criterion): validation of each Commerce Layer resource and the
//! Adobe request, error rendering, frequency parsing, and the next 1000 runs.
//! `scripts/bench.sh` runs them together with benches/js/bench.mjs, which compares
//! the same cases in wasm and against the JS peers.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

mod cases;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use std::hint::black_box;
use subkit::adobe::{validate_subscription_request, AdobeContext};
use subkit::commercelayer::jsonapi_errors::{error_objects, response_status};
use subkit::report::RunsReport;
use subkit::schedule::{instant, Frequency, RunsQuery};
use subkit::Resource;

fn validation(c: &mut Criterion) {
    let mut g = c.benchmark_group("validate");
    for (name, resource, doc) in cases::documents() {
        let resource: Resource = resource.parse().unwrap();
        let text = doc.to_string();
        g.bench_with_input(BenchmarkId::new("value", name), &doc, |b, doc| {
            b.iter(|| resource.validate(black_box(doc)))
        });
        // From JSON text to the rendered answer as JSON text: what the wasm binding
        // does between receiving a string and handing the result to JSON.parse.
        g.bench_with_input(BenchmarkId::new("text", name), &text, |b, text| {
            b.iter(|| {
                let violations = resource.validate_json(black_box(text));
                let status = response_status(&violations);
                serde_json::to_string(&(status, error_objects(&violations))).unwrap()
            })
        });
    }
    let adobe = cases::adobe_request();
    g.bench_function("adobe/valid", |b| {
        b.iter(|| validate_subscription_request(black_box(&adobe), &AdobeContext::default()))
    });
    g.finish();
}

fn rendering(c: &mut Criterion) {
    let (_, resource, doc) = cases::documents()
        .into_iter()
        .find(|(n, _, _)| *n == "order_subscriptions/invalid")
        .unwrap();
    let violations = resource.parse::<Resource>().unwrap().validate(&doc);
    c.bench_function("render/jsonapi-errors", |b| {
        b.iter(|| error_objects(black_box(&violations)))
    });
}

fn schedules(c: &mut Criterion) {
    let mut g = c.benchmark_group("schedule");
    let after = instant::parse_iso("2024-01-01T00:00:00Z").unwrap();
    for expr in cases::FREQUENCIES {
        g.bench_with_input(BenchmarkId::new("parse", expr), expr, |b, e| {
            b.iter(|| Frequency::parse(black_box(e)))
        });
        let query = RunsQuery {
            after: Some(after),
            starts_at: Some(after),
            count: 1000,
            expires_at: None,
        };
        // Parse, search, write the ISO strings into one text and serialise the rest of
        // the report: what the wasm binding does before handing the text to JS, which
        // splits it, and the rest to JSON.parse.
        g.bench_with_input(BenchmarkId::new("parse+1000-runs", expr), expr, |b, e| {
            b.iter(|| {
                let report = RunsReport::new(black_box(e), &query);
                let text = report.iso_text();
                let rest = RunsReport {
                    runs: Vec::new(),
                    ..report
                };
                (text, serde_json::to_string(&rest).unwrap())
            })
        });
        // `format: "epochMs"`: the runs as numbers, which the binding copies into a
        // Float64Array instead of writing text.
        g.bench_with_input(
            BenchmarkId::new("parse+1000-runs-epoch-ms", expr),
            expr,
            |b, e| b.iter(|| RunsReport::new(black_box(e), &query).epoch_millis()),
        );
    }
    g.finish();
}

criterion_group!(benches, validation, rendering, schedules);
criterion_main!(benches);
