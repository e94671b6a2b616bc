//! GitHub Actions workflow commands: one annotation per diagnostic.
//! Columns count characters; `endColumn` is the column after the last one.

use crate::diag::Severity;
use crate::lang::Lang;

use super::Report;
use crate::text::Encoding;

pub fn render(report: &Report, lang: Lang) -> String {
    let mut out = String::new();
    for fd in &report.diagnostics {
        let d = &fd.diagnostic;
        let source = &report.sources[fd.file];
        let (line, col) = source.position(d.range.start, Encoding::Chars);
        let (end_line, end_col) = source.position(d.range.end, Encoding::Chars);
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        out += &format!(
            "::{command} file={},line={line},col={col},endLine={end_line},endColumn={end_col},title={}::{}\n",
            property(&source.display),
            property(d.code()),
            data(&d.message.render(lang)),
        );
    }
    out
}

/// Escapes the message of a workflow command.
fn data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a property value, which also ends at `,` and `:`.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes() {
        assert_eq!(super::data("50%\r\nx: a, b"), "50%25%0D%0Ax: a, b");
        assert_eq!(super::property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
