//! `--format sarif`: SARIF 2.1.0 for code scanning. Columns count UTF-16 code
//! units (SARIF's default, stated explicitly in `columnKind`); rules carry the
//! text of their section of docs/diagnostics.md.

use std::collections::BTreeSet;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde_sarif::sarif;

use super::{Report, Source};
use crate::diag::Severity;
use crate::lang::Lang;
use crate::text::Encoding;

const DOCS: &str = include_str!("../../../docs/diagnostics.md");
const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Everything but RFC 3986's unreserved characters and `/` is percent-encoded.
const PATH: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~').remove(b'/');

/// The section of docs/diagnostics.md under `### code`, without the heading.
fn help(code: &str) -> Option<String> {
    let heading = format!("### {code}\n");
    let start = DOCS.find(&heading)? + heading.len();
    let rest = &DOCS[start..];
    let end = rest.find("\n#").map_or(rest.len(), |i| i + 1);
    Some(rest[..end].trim().to_string())
}

fn help_uri(code: &str) -> String {
    format!("{}/blob/main/docs/diagnostics.md#{code}", env!("CARGO_PKG_REPOSITORY"))
}

fn uri(source: &Source) -> String {
    let encoded = utf8_percent_encode(&source.display, PATH).to_string();
    if source.display.starts_with('/') { format!("file://{encoded}") } else { encoded }
}

fn region(source: &Source, range: &std::ops::Range<usize>) -> sarif::Region {
    let (start_line, start_column) = source.position(range.start, Encoding::Utf16);
    let (end_line, end_column) = source.position(range.end, Encoding::Utf16);
    sarif::Region::builder()
        .start_line(start_line as i64)
        .start_column(start_column as i64)
        .end_line(end_line as i64)
        .end_column(end_column as i64)
        .build()
}

fn level(severity: Severity) -> sarif::ResultLevel {
    match severity {
        Severity::Error => sarif::ResultLevel::Error,
        Severity::Warning => sarif::ResultLevel::Warning,
        Severity::Info => sarif::ResultLevel::Note,
    }
}

pub fn render(report: &Report, lang: Lang) -> String {
    let codes: BTreeSet<&str> = report.diagnostics.iter().map(|fd| fd.diagnostic.code()).collect();
    let codes: Vec<&str> = codes.into_iter().collect();
    let rules: Vec<sarif::ReportingDescriptor> = codes
        .iter()
        .map(|&code| {
            let text = help(code).unwrap_or_else(|| code.to_string());
            let summary = text.split("\n\n").next().unwrap_or(code).replace('\n', " ");
            sarif::ReportingDescriptor::builder()
                .id(code)
                .short_description(sarif::MultiformatMessageString::builder().text(summary).build())
                .help(sarif::MultiformatMessageString::builder().text(text.clone()).markdown(text).build())
                .help_uri(help_uri(code))
                .build()
        })
        .collect();
    let results: Vec<sarif::Result> = report
        .diagnostics
        .iter()
        .map(|fd| {
            let d = &fd.diagnostic;
            let source = &report.sources[fd.file];
            let artifact = || sarif::ArtifactLocation::builder().uri(uri(source)).build();
            let location = sarif::Location::builder()
                .physical_location(
                    sarif::PhysicalLocation::builder()
                        .artifact_location(artifact())
                        .region(region(source, &d.range))
                        .build(),
                )
                .build();
            let fixes: Vec<sarif::Fix> = d
                .fix
                .iter()
                .map(|f| {
                    let replacements: Vec<sarif::Replacement> = f
                        .edits
                        .iter()
                        .map(|e| {
                            sarif::Replacement::builder()
                                .deleted_region(region(source, &e.range))
                                .inserted_content(
                                    sarif::ArtifactContent::builder().text(e.replacement.clone()).build(),
                                )
                                .build()
                        })
                        .collect();
                    sarif::Fix::builder()
                        .description(sarif::Message::builder().text(f.title.render(lang)).build())
                        .artifact_changes(vec![
                            sarif::ArtifactChange::builder()
                                .artifact_location(artifact())
                                .replacements(replacements)
                                .build(),
                        ])
                        .build()
                })
                .collect();
            let builder = sarif::Result::builder()
                .rule_id(d.code())
                .rule_index(codes.binary_search(&d.code()).unwrap_or_default() as i64)
                .level(level(d.severity))
                .message(sarif::Message::builder().text(d.message.render(lang)).build())
                .locations(vec![location]);
            if fixes.is_empty() { builder.build() } else { builder.fixes(fixes).build() }
        })
        .collect();
    let driver = sarif::ToolComponent::builder()
        .name("zan")
        .version(env!("CARGO_PKG_VERSION"))
        .information_uri(env!("CARGO_PKG_REPOSITORY"))
        .rules(rules)
        .build();
    let run = sarif::Run::builder()
        .tool(sarif::Tool::builder().driver(driver).build())
        .column_kind(serde_json::json!("utf16CodeUnits"))
        .results(results)
        .build();
    let log =
        sarif::Sarif::builder().schema(SCHEMA).version(serde_json::json!("2.1.0")).runs(vec![run]).build();
    let mut out = serde_json::to_string_pretty(&log).expect("plain data serialises");
    out.push('\n');
    out
}
