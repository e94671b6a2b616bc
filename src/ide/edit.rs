//! Applying an editor's text changes: each change is converted to bytes on
//! the text as it is after the previous change, the old tree is edited with
//! the matching `InputEdit`, and the result is reparsed incrementally.

use std::ops::Range;

use tree_sitter::{InputEdit, Parser, Point, Tree};

use super::Source;
use super::relower::{Splice, Step, relower};
use crate::document::Document;
use crate::model::File;
use crate::text::{Encoding, LineCol, LineIndex};
use std::sync::Arc;

/// One change as an editor sends it: a range in line/column positions (none:
/// the whole text) and the new text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextChange {
    pub range: Option<(LineCol, LineCol)>,
    pub text: String,
}

/// The tree-sitter point of a byte offset: rows count `\n` only, columns are
/// bytes. Never shown to users; only for `InputEdit`. Counted from the
/// smallest node around the offset, whose point the tree knows, so only the
/// text between its start and the offset is scanned.
pub fn point(tree: &Tree, text: &str, offset: usize) -> Point {
    let node = tree.root_node().descendant_for_byte_range(offset, offset);
    let (from, base) = match node {
        Some(n) if n.start_byte() <= offset => (n.start_byte(), n.start_position()),
        _ => (0, Point { row: 0, column: 0 }),
    };
    let between = &text.as_bytes()[from..offset];
    match between.iter().rposition(|&b| b == b'\n') {
        Some(last) => Point {
            row: base.row + between.iter().filter(|&&b| b == b'\n').count(),
            column: between.len() - last - 1,
        },
        None => Point { row: base.row, column: base.column + between.len() },
    }
}

/// The point after inserting `inserted` at `start`.
fn end_point(start: Point, inserted: &str) -> Point {
    match inserted.rfind('\n') {
        Some(last) => Point {
            row: start.row + inserted.bytes().filter(|&b| b == b'\n').count(),
            column: inserted.len() - last - 1,
        },
        None => Point { row: start.row, column: start.column + inserted.len() },
    }
}

/// Replaces `range` of `text` and records the edit on `tree`.
pub fn splice(text: &mut String, tree: &mut Tree, range: Range<usize>, new: &str) {
    let start_position = point(tree, text, range.start);
    let old_end_position = point(tree, text, range.end);
    tree.edit(&InputEdit {
        start_byte: range.start,
        old_end_byte: range.end,
        new_end_byte: range.start + new.len(),
        start_position,
        old_end_position,
        new_end_position: end_point(start_position, new),
    });
    text.replace_range(range, new);
}

/// The document after `changes`, applied in order, and how its model came
/// from `model` when only one unit was lowered again. Positions out of
/// range are clamped (past the end of a line: its end; past the last line:
/// the end of the text; an end before the start: the start). `model` is the
/// model of `source`: after a single edit inside one unit, only that unit is
/// lowered again (`relower`).
pub fn apply(
    parser: &mut Parser,
    source: &Source,
    model: Arc<File>,
    changes: &[TextChange],
    enc: Encoding,
) -> (Document, Option<Step>) {
    let mut text = source.text.clone();
    let mut tree = Some(source.tree.clone());
    let mut splices = Vec::new();
    // Kept up to date edit by edit: a rope after the first.
    let mut lines = source.lines.clone();
    for change in changes {
        match change.range {
            None => {
                text = change.text.clone();
                tree = None;
                lines = LineIndex::new(&text);
            }
            Some((from, to)) => {
                let start = lines.offset(&text, from, enc);
                let end = lines.offset(&text, to, enc).max(start);
                splices.push(Splice { old: start..end, new_len: change.text.len() });
                lines.edit(&text, start..end, &change.text);
                match tree.as_mut() {
                    Some(tree) => splice(&mut text, tree, start..end, &change.text),
                    None => text.replace_range(start..end, &change.text),
                }
            }
        }
    }
    let (Some(edited), [one]) = (&tree, splices.as_slice()) else {
        let new = crate::syntax::parse(parser, &text, tree.as_ref());
        let model = crate::model::lower(&new, &text);
        return (Document { text, tree: new, model, lines }, None);
    };
    let new = crate::syntax::parse(parser, &text, Some(edited));
    let (model, step) = match relower(model, edited, &new, &text, one) {
        Some((model, unit)) => (model, Some(Step { from: source.revision, splice: one.clone(), unit })),
        None => (crate::model::lower(&new, &text), None),
    };
    (Document { text, tree: new, model, lines }, step)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ide::World;

    fn source(text: &str) -> (Source, File) {
        World::split(Document::parse(text.to_string()))
    }

    fn at(line: u32, col: u32) -> LineCol {
        LineCol { line, col }
    }

    #[test]
    fn utf16_changes_on_cyrillic_emoji_and_crlf() {
        let before = "act a.b {\r\n  article 1 { kk official \"🙂 бап\" }\r}\n";
        let src = source(before);
        let mut parser = crate::syntax::parser();
        // Line 1: `  article 1 { kk official "` is 27 units, the emoji 2 more, then a space.
        let change = TextChange { range: Some((at(1, 30), at(1, 33))), text: "бөлік".into() };
        let (doc, step) = apply(&mut parser, &src.0, Arc::new(src.1.clone()), &[change], Encoding::Utf16);
        assert_eq!(step.map(|s| (s.splice.old, s.splice.new_len, s.unit)), Some((43..49, 10, 13..52)));
        assert_eq!(doc.text, "act a.b {\r\n  article 1 { kk official \"🙂 бөлік\" }\r}\n");
        let full = Document::parse(doc.text.clone());
        assert_eq!(doc.tree.root_node().to_sexp(), full.tree.root_node().to_sexp());
        assert_eq!(doc.model, full.model);
    }

    #[test]
    fn sequential_changes_see_the_previous_ones_and_clamp() {
        let src = source("ab\nвг\n");
        let mut parser = crate::syntax::parser();
        let changes = [
            TextChange { range: Some((at(0, 2), at(0, 2))), text: "\nқ".into() },
            // Line 1 is now `қ`: column 99 clamps to its end.
            TextChange { range: Some((at(1, 99), at(1, 99))), text: "!".into() },
            // Past the last line: the end of the text; an end before the start.
            TextChange { range: Some((at(9, 0), at(0, 0))), text: "#".into() },
        ];
        let (doc, step) = apply(&mut parser, &src.0, Arc::new(src.1.clone()), &changes, Encoding::Utf16);
        assert!(step.is_none(), "three edits: lowered whole");
        assert_eq!(doc.text, "ab\nқ!\nвг\n#");
        let utf8 = [TextChange { range: Some((at(1, 2), at(1, 4))), text: "Г".into() }];
        assert_eq!(
            apply(&mut parser, &src.0, Arc::new(src.1.clone()), &utf8, Encoding::Utf8).0.text,
            "ab\nвГ\n"
        );
    }

    /// The point of every offset, found from the tree, equals a count over
    /// the whole text: in a corpus file, and in text with lone CRs.
    #[test]
    fn points_count_newlines_only() {
        let naive = |text: &str, offset: usize| {
            let before = &text.as_bytes()[..offset];
            let row = before.iter().filter(|&&b| b == b'\n').count();
            let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            Point { row, column: offset - line_start }
        };
        let corpus = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/corpus/kz/criminal-code/chapter-07.zan"
        ));
        for text in [corpus.unwrap(), "a\r\nб\rc".to_string(), "\n\n  act x.y {\r\n}\n".to_string()] {
            let tree = Document::parse(text.clone()).tree;
            for offset in (0..=text.len()).filter(|&o| text.is_char_boundary(o)) {
                assert_eq!(point(&tree, &text, offset), naive(&text, offset), "{offset}");
            }
        }
        assert_eq!(end_point(Point { row: 2, column: 5 }, "x\nйy"), Point { row: 3, column: 3 });
    }
}
