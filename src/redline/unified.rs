//! Line-oriented unified diff, one line per paragraph.

use similar::{Algorithm, TextDiff};

use super::Redline;

const CONTEXT_LINES: usize = 3;

/// A `diff -u` style text with `---`/`+++` headers; an unchanged redline
/// gives an empty string.
pub fn render(redline: &Redline, old_label: &str, new_label: &str) -> String {
    // Every paragraph ends with a newline, so the last one is not reported as
    // "no newline at end of file".
    let lines = |paragraphs: Vec<String>| -> String { paragraphs.iter().map(|p| format!("{p}\n")).collect() };
    let (old, new) = (lines(redline.old_paragraphs()), lines(redline.new_paragraphs()));
    // TextDiffConfig has no deadline unless one is set, so output is stable.
    TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .diff_lines(&old, &new)
        .unified_diff()
        .context_radius(CONTEXT_LINES)
        .header(old_label, new_label)
        .to_string()
}
