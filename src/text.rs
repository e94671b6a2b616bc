//! Positions: byte offsets inside, lines and columns only for display and protocols.
//!
//! Lines end at `\n`, `\r\n` or a lone `\r` (the LSP rules), so line numbers agree
//! with every editor, whatever tree-sitter's own rows say.

/// Line starts of one text, for converting byte offsets to positions and back:
/// a plain list for text that is only read, a rope (`cr_lines`: the same
/// line breaks) for a document being edited, so an edit costs O(log n)
/// instead of a scan of the whole text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex(Repr);

#[derive(Debug, Clone, PartialEq, Eq)]
enum Repr {
    Starts { starts: Vec<usize>, len: usize },
    Rope(Box<ropey::Rope>),
}

/// How a column is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
    /// Unicode scalar values: what a person counts, used in human output.
    Chars,
}

/// A zero-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: u32,
    pub col: u32,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                    starts.push(i + 2);
                    i += 1;
                }
                b'\r' => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        LineIndex(Repr::Starts { starts, len: text.len() })
    }

    /// Records that `old` bytes of `before` became `new`. The first edit turns
    /// the index into a rope.
    pub fn edit(&mut self, before: &str, old: std::ops::Range<usize>, new: &str) {
        if let Repr::Starts { .. } = self.0 {
            self.0 = Repr::Rope(Box::new(ropey::Rope::from_str(before)));
        }
        let Repr::Rope(rope) = &mut self.0 else { unreachable!("just made a rope") };
        let start = rope.byte_to_char(old.start);
        rope.remove(start..rope.byte_to_char(old.end));
        rope.insert(start, new);
    }

    pub fn line_count(&self) -> usize {
        match &self.0 {
            Repr::Starts { starts, .. } => starts.len(),
            Repr::Rope(rope) => rope.len_lines(),
        }
    }

    fn len(&self) -> usize {
        match &self.0 {
            Repr::Starts { len, .. } => *len,
            Repr::Rope(rope) => rope.len_bytes(),
        }
    }

    /// Where line `line` starts (a line past the last: the end).
    fn start(&self, line: usize) -> usize {
        match &self.0 {
            Repr::Starts { starts, len } => starts.get(line).copied().unwrap_or(*len),
            Repr::Rope(rope) if line < rope.len_lines() => rope.line_to_byte(line),
            Repr::Rope(rope) => rope.len_bytes(),
        }
    }

    /// The line an offset (at most the length) is on.
    fn line_of(&self, offset: usize) -> usize {
        match &self.0 {
            Repr::Starts { starts, .. } => starts.partition_point(|&s| s <= offset) - 1,
            Repr::Rope(rope) => rope.byte_to_line(offset),
        }
    }

    /// Byte range of a line's content, without its terminator.
    pub fn line_range(&self, text: &str, line: usize) -> std::ops::Range<usize> {
        let start = self.start(line.min(self.line_count() - 1));
        let mut end = self.start(line + 1);
        let bytes = text.as_bytes();
        while end > start && matches!(bytes[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        start..end
    }

    /// The position of a byte offset; offsets past the end or inside a
    /// character are moved back to the nearest boundary.
    pub fn position(&self, text: &str, offset: usize, enc: Encoding) -> LineCol {
        let mut offset = offset.min(self.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        let range = self.line_range(text, line);
        let end = offset.min(range.end);
        let col = measure(&text[range.start..end], enc);
        LineCol { line: line as u32, col: col as u32 }
    }

    /// The positions of many offsets, as [`LineIndex::position`] gives each:
    /// counted in order, from the previous offset on the same line, so that
    /// many positions on one long line cost the line once, not once each.
    pub fn positions(&self, text: &str, offsets: &[usize], enc: Encoding) -> Vec<LineCol> {
        let mut order: Vec<usize> = (0..offsets.len()).collect();
        order.sort_by_key(|&i| offsets[i]);
        let mut out = vec![LineCol { line: 0, col: 0 }; offsets.len()];
        // The line last counted, where counting stopped, and the column there.
        let mut last: Option<(usize, std::ops::Range<usize>, usize, usize)> = None;
        for i in order {
            let mut offset = offsets[i].min(self.len());
            while !text.is_char_boundary(offset) {
                offset -= 1;
            }
            let line = self.line_of(offset);
            let (range, from, col) = match last.take() {
                Some((l, range, from, col)) if l == line => (range, from, col),
                _ => {
                    let range = self.line_range(text, line);
                    let start = range.start;
                    (range, start, 0)
                }
            };
            let end = offset.min(range.end).max(from);
            let col = col + measure(&text[from..end], enc);
            out[i] = LineCol { line: line as u32, col: col as u32 };
            last = Some((line, range, end, col));
        }
        out
    }

    /// The byte offset of a position. Columns past the end of the line clamp to
    /// its end; a column inside a surrogate pair clamps to the character's start;
    /// lines past the end clamp to the end of the text.
    pub fn offset(&self, text: &str, pos: LineCol, enc: Encoding) -> usize {
        let line = pos.line as usize;
        if line >= self.line_count() {
            return self.len();
        }
        let range = self.line_range(text, line);
        let mut remaining = pos.col as usize;
        for (i, ch) in text[range.clone()].char_indices() {
            let width = match enc {
                Encoding::Utf8 => ch.len_utf8(),
                Encoding::Utf16 => ch.len_utf16(),
                Encoding::Chars => 1,
            };
            if remaining < width {
                return range.start + i;
            }
            remaining -= width;
        }
        range.end
    }
}

fn measure(s: &str, enc: Encoding) -> usize {
    match enc {
        Encoding::Utf8 => s.len(),
        Encoding::Utf16 => s.encode_utf16().count(),
        Encoding::Chars => s.chars().count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(text: &str, enc: Encoding) {
        let index = LineIndex::new(text);
        for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let pos = index.position(text, offset, enc);
            let back = index.offset(text, pos, enc);
            // Offsets on a line terminator map to the line's end.
            let line_end = index.line_range(text, pos.line as usize).end;
            assert_eq!(back, offset.min(line_end), "{text:?} at {offset}");
        }
    }

    #[test]
    fn many_positions_equal_one_by_one() {
        let text = "а\r\nқазақ 中文 😀 x\ry\n\nend";
        let offsets: Vec<usize> = (0..=text.len() + 2).rev().chain([3, 3, 0]).collect();
        let lines = LineIndex::new(text);
        for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Chars] {
            let one: Vec<LineCol> = offsets.iter().map(|&o| lines.position(text, o, enc)).collect();
            assert_eq!(lines.positions(text, &offsets, enc), one, "{enc:?}");
        }
    }

    #[test]
    fn kazakh_russian_chinese_emoji() {
        let text = "бап 205\nстатья 205 🙂 x\n第二百八十五条\n";
        let index = LineIndex::new(text);
        let emoji = text.find('🙂').unwrap();
        assert_eq!(index.position(text, emoji, Encoding::Utf16), LineCol { line: 1, col: 11 });
        assert_eq!(index.position(text, emoji + 4, Encoding::Utf16), LineCol { line: 1, col: 13 });
        assert_eq!(index.position(text, emoji + 4, Encoding::Chars), LineCol { line: 1, col: 12 });
        assert_eq!(index.position(text, emoji + 4, Encoding::Utf8), LineCol { line: 1, col: 21 });
        let cjk = text.find('八').unwrap();
        assert_eq!(index.position(text, cjk, Encoding::Utf16), LineCol { line: 2, col: 3 });
        // Inside the surrogate pair: back to the emoji's start.
        assert_eq!(index.offset(text, LineCol { line: 1, col: 12 }, Encoding::Utf16), emoji);
        for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Chars] {
            roundtrip(text, enc);
        }
    }

    #[test]
    fn crlf_and_lone_cr() {
        let text = "ә\r\nқ\rң\nү";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 4);
        assert_eq!(
            index.position(text, text.find('қ').unwrap(), Encoding::Utf16),
            LineCol { line: 1, col: 0 }
        );
        assert_eq!(
            index.position(text, text.find('ң').unwrap(), Encoding::Utf16),
            LineCol { line: 2, col: 0 }
        );
        assert_eq!(
            index.position(text, text.find('ү').unwrap(), Encoding::Utf16),
            LineCol { line: 3, col: 0 }
        );
        // Between \r and \n: the end of line 0.
        assert_eq!(index.position(text, 3, Encoding::Utf16), LineCol { line: 0, col: 1 });
        assert_eq!(index.line_range(text, 0), 0..2);
        for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Chars] {
            roundtrip(text, enc);
        }
    }

    #[test]
    fn out_of_range_positions_clamp() {
        let text = "ab\nвг";
        let index = LineIndex::new(text);
        assert_eq!(index.offset(text, LineCol { line: 0, col: 99 }, Encoding::Utf16), 2);
        assert_eq!(index.offset(text, LineCol { line: 7, col: 0 }, Encoding::Utf16), text.len());
        assert_eq!(index.position(text, 999, Encoding::Utf16), LineCol { line: 1, col: 2 });
        // Inside a two-byte letter: back to its start.
        assert_eq!(index.position(text, 4, Encoding::Utf8), LineCol { line: 1, col: 0 });
    }

    fn same_positions(edited: &LineIndex, text: &str) {
        let fresh = LineIndex::new(text);
        assert_eq!(edited.line_count(), fresh.line_count(), "{text:?}");
        for line in 0..fresh.line_count() + 1 {
            assert_eq!(edited.line_range(text, line), fresh.line_range(text, line), "{text:?} line {line}");
        }
        for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Chars] {
            for offset in 0..=text.len() + 1 {
                let pos = fresh.position(text, offset, enc);
                assert_eq!(edited.position(text, offset, enc), pos, "{text:?} at {offset}");
                for col in [pos.col, pos.col + 1, 99] {
                    let at = LineCol { line: pos.line, col };
                    assert_eq!(
                        edited.offset(text, at, enc),
                        fresh.offset(text, at, enc),
                        "{text:?} at {at:?}"
                    );
                }
            }
        }
    }

    proptest::proptest! {
        /// An index kept up to date edit by edit (a rope) places every offset
        /// and position as one built afresh, whatever the line breaks.
        #[test]
        fn edited_index_equals_a_fresh_one(
            text in "[aж八🙂\r\n ]{0,24}",
            edits in proptest::collection::vec((0usize..40, 0usize..4, "[bқ🙂\r\n]{0,3}"), 1..6),
        ) {
            let mut text = text;
            let mut index = LineIndex::new(&text);
            for (at, len, new) in edits {
                let boundary = |mut i: usize| { i = i.min(text.len()); while !text.is_char_boundary(i) { i -= 1 } i };
                let start = boundary(at);
                let end = boundary(start + len).max(start);
                index.edit(&text, start..end, &new);
                text.replace_range(start..end, &new);
                same_positions(&index, &text);
            }
        }
    }
}
