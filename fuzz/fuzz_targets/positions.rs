//! `LineIndex` on arbitrary text (CRLF, lone CR, astral characters): every
//! position round-trips to its offset, and out-of-range input clamps.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use zan::text::{Encoding, LineCol, LineIndex};

#[derive(Arbitrary, Debug)]
struct Input<'a> {
    text: &'a str,
    /// Arbitrary probes: byte offsets and positions, in or out of range.
    offsets: Vec<usize>,
    positions: Vec<(u32, u32)>,
}

const ENCODINGS: [Encoding; 3] = [Encoding::Utf8, Encoding::Utf16, Encoding::Chars];

fuzz_target!(|input: Input| {
    let text = input.text;
    let index = LineIndex::new(text);
    let lines = index.line_count();
    assert_eq!(
        lines,
        1 + text.matches('\n').count() + text.matches('\r').count() - text.matches("\r\n").count()
    );
    for enc in ENCODINGS {
        // Every character boundary round-trips; offsets on a terminator map
        // to the end of their line.
        for offset in text.char_indices().map(|(i, _)| i).chain([text.len()]) {
            let pos = index.position(text, offset, enc);
            let line_end = index.line_range(text, pos.line as usize).end;
            assert_eq!(index.offset(text, pos, enc), offset.min(line_end), "{enc:?} at {offset}");
        }
        for &offset in &input.offsets {
            let pos = index.position(text, offset, enc);
            assert!((pos.line as usize) < lines);
            let back = index.offset(text, pos, enc);
            assert!(back <= offset.min(text.len()) && text.is_char_boundary(back), "{enc:?} at {offset}");
        }
        for &(line, col) in &input.positions {
            let at = index.offset(text, LineCol { line, col }, enc);
            assert!(text.is_char_boundary(at), "{enc:?} at {line}:{col}");
            // Clamped to a real position, which maps back to itself.
            let pos = index.position(text, at, enc);
            assert_eq!(index.offset(text, pos, enc), at);
            assert!(pos <= LineCol { line, col } || line as usize >= lines);
        }
    }
    for line in 0..lines {
        let range = index.line_range(text, line);
        assert!(!text[range].contains(['\n', '\r']));
    }
});
