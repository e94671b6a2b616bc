//! Highlighting for semantic tokens, from the grammar's own `highlights.scm`:
//! captures become token kinds, and nested captures (a reference inside a
//! string) win over the captures around them, so the result never overlaps.

use std::ops::Range;
use std::sync::OnceLock;

use tree_sitter::{Query, QueryCursor, StreamingIterator, Tree};

/// Token kinds, in the order of the server's legend.
pub const KINDS: [&str; 10] = [
    "comment",
    "keyword",
    "type",
    "number",
    "string",
    "regexp",
    "enumMember",
    "function",
    "namespace",
    "operator",
];

/// The token kind of a capture name (an index into [`KINDS`]); `None` for
/// captures that are not highlighted as tokens (brackets, the link around a
/// reference), which also clear what encloses them.
fn kind_of(capture: &str) -> Option<u8> {
    let kind = match capture {
        "comment" => "comment",
        "keyword" => "keyword",
        "type" => "type",
        "number" => "number",
        "string" | "markup.link.label" => "string",
        "string.escape" => "regexp",
        "constant" | "constant.builtin" => "enumMember",
        "function" => "function",
        "label" => "namespace",
        "operator" => "operator",
        _ => return None,
    };
    KINDS.iter().position(|k| *k == kind).map(|i| i as u8)
}

fn query() -> &'static Query {
    static QUERY: OnceLock<Query> = OnceLock::new();
    QUERY.get_or_init(|| {
        Query::new(&crate::syntax::language(), crate::syntax::HIGHLIGHTS_QUERY)
            .expect("highlights.scm compiles against the grammar (checked by editors/check-queries.sh)")
    })
}

/// Byte ranges with their token kind, sorted and non-overlapping.
pub fn highlight(tree: &Tree, text: &str) -> Vec<(Range<usize>, u8)> {
    let query = query();
    let names = query.capture_names();
    let mut captures: Vec<(Range<usize>, Option<u8>)> = Vec::new();
    let mut cursor = QueryCursor::new();
    let mut matches = cursor.matches(query, tree.root_node(), text.as_bytes());
    while let Some(m) = matches.next() {
        for c in m.captures() {
            captures.push((c.node.byte_range(), kind_of(names[c.index as usize])));
        }
    }
    // Paint outer captures first so inner ones overwrite them.
    captures.sort_by_key(|(r, _)| (std::cmp::Reverse(r.len()), r.start));
    const NONE: u8 = u8::MAX;
    let mut paint = vec![NONE; text.len()];
    for (range, kind) in &captures {
        paint[range.clone()].fill(kind.unwrap_or(NONE));
    }
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=paint.len() {
        if i == paint.len() || paint[i] != paint[start] {
            if paint[start] != NONE {
                out.push((start..i, paint[start]));
            }
            start = i;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_reference_splits_the_string() {
        let text = "act a.b {\n  article 1 { en summary \"See [it](part 2).\" cite \"x\" }\n}\n";
        let doc = crate::document::Document::parse(text.to_string());
        let tokens: Vec<(&str, &str)> =
            highlight(&doc.tree, text).into_iter().map(|(r, k)| (&text[r], KINDS[k as usize])).collect();
        assert_eq!(
            tokens,
            [
                ("act", "keyword"),
                ("a.b", "function"),
                ("article", "type"),
                ("1", "number"),
                ("en", "enumMember"),
                ("summary", "enumMember"),
                ("\"See ", "string"),
                ("it", "string"),
                ("part", "type"),
                ("2", "number"),
                (".\"", "string"),
                ("cite", "keyword"),
                ("\"x\"", "string"),
            ]
        );
    }
}
