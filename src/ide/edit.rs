//! Applying an editor's text changes: each change is converted to bytes on
//! the text as it is after the previous change, the old tree is edited with
//! the matching `InputEdit`, and the result is reparsed incrementally.

use std::ops::Range;

use tree_sitter::{InputEdit, Parser, Point};

use super::Source;
use super::relower::{Splice, relower};
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
/// bytes. Never shown to users; only for `InputEdit`.
pub fn point(text: &str, offset: usize) -> Point {
    let before = &text.as_bytes()[..offset];
    let row = before.iter().filter(|&&b| b == b'\n').count();
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    Point { row, column: offset - line_start }
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
pub fn splice(text: &mut String, tree: &mut tree_sitter::Tree, range: Range<usize>, new: &str) {
    let start_position = point(text, range.start);
    let old_end_position = point(text, range.end);
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

/// The document after `changes`, applied in order. Positions out of range
/// are clamped (past the end of a line: its end; past the last line: the end
/// of the text; an end before the start: the start). `model` is the model of
/// `source`: after a single edit inside one unit, only that unit is lowered
/// again (`relower`).
pub fn apply(
    parser: &mut Parser,
    source: &Source,
    model: Arc<File>,
    changes: &[TextChange],
    enc: Encoding,
) -> Document {
    let mut text = source.text.clone();
    let mut tree = Some(source.tree.clone());
    let mut splices = Vec::new();
    // The source's line index holds until the first change.
    let mut lines = Some(source.lines.clone());
    for change in changes {
        match change.range {
            None => {
                text = change.text.clone();
                tree = None;
            }
            Some((from, to)) => {
                let index = lines.get_or_insert_with(|| LineIndex::new(&text));
                let start = index.offset(&text, from, enc);
                let end = index.offset(&text, to, enc).max(start);
                splices.push(Splice { old: start..end, new_len: change.text.len() });
                match tree.as_mut() {
                    Some(tree) => splice(&mut text, tree, start..end, &change.text),
                    None => text.replace_range(start..end, &change.text),
                }
            }
        }
        lines = None;
    }
    let (Some(edited), [one]) = (&tree, splices.as_slice()) else {
        return Document::parse_with(parser, text, tree.as_ref());
    };
    let new = crate::syntax::parse(parser, &text, Some(edited));
    let model = relower(model, edited, &new, &text, one).unwrap_or_else(|| crate::model::lower(&new, &text));
    let lines = LineIndex::new(&text);
    Document { text, tree: new, model, lines }
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
        let doc = apply(&mut parser, &src.0, Arc::new(src.1.clone()), &[change], Encoding::Utf16);
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
        let doc = apply(&mut parser, &src.0, Arc::new(src.1.clone()), &changes, Encoding::Utf16);
        assert_eq!(doc.text, "ab\nқ!\nвг\n#");
        let utf8 = [TextChange { range: Some((at(1, 2), at(1, 4))), text: "Г".into() }];
        assert_eq!(
            apply(&mut parser, &src.0, Arc::new(src.1.clone()), &utf8, Encoding::Utf8).text,
            "ab\nвГ\n"
        );
    }

    #[test]
    fn points_count_newlines_only() {
        let text = "a\r\nб\rc";
        assert_eq!(point(text, 3), Point { row: 1, column: 0 });
        assert_eq!(point(text, text.len()), Point { row: 1, column: 4 });
        assert_eq!(end_point(Point { row: 2, column: 5 }, "x\nйy"), Point { row: 3, column: 3 });
    }
}
