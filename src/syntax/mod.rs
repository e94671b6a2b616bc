//! The syntax layer: the tree-sitter grammar (compiled from `grammar/src` by
//! `build.rs`), parsing, and syntax errors as diagnostics.

use tree_sitter::{Language, Parser, Tree};
use tree_sitter_language::LanguageFn;

use crate::diag::{Diagnostic, Message};

unsafe extern "C" {
    fn tree_sitter_zan() -> *const ();
}

/// The zan grammar.
pub const LANGUAGE: LanguageFn = unsafe { LanguageFn::from_raw(tree_sitter_zan) };

/// The grammar's highlight query, shared with editors and the server.
pub const HIGHLIGHTS_QUERY: &str = include_str!("../../grammar/queries/highlights.scm");

pub fn language() -> Language {
    Language::new(LANGUAGE)
}

/// A new parser for zan.
pub fn parser() -> Parser {
    let mut parser = Parser::new();
    // The generated parser and the runtime come from the same tree-sitter
    // release (checked in CI), so the ABI always matches.
    parser.set_language(&language()).expect("grammar ABI matches the tree-sitter runtime");
    parser
}

/// Parses a whole text, reusing `old` (already edited) when given.
pub fn parse(parser: &mut Parser, text: &str, old: Option<&Tree>) -> Tree {
    parser
        .parse(text, old)
        .or_else(|| parser.parse("", None))
        .expect("a parser with a language and no cancellation flag always returns a tree")
}

/// Whether the tree has a syntax error: an ERROR or MISSING node, or a
/// block closed by the next act or amendment instead of its `}`.
pub fn broken(tree: &Tree) -> bool {
    let root = tree.root_node();
    let mut cursor = root.walk();
    root.has_error() || root.children(&mut cursor).any(|top| innermost_unclosed(top).is_some())
}

/// Every ERROR and MISSING node, outermost first, as diagnostics.
pub fn errors(tree: &Tree, text: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // An explicit stack, not recursion: broken input can nest without bound.
    let root = tree.root_node();
    let mut stack = if root.has_error() { vec![root] } else { Vec::new() };
    while let Some(node) = stack.pop() {
        if node.is_missing() {
            let expected = node.kind().to_string();
            let at = node.start_byte();
            out.push(Diagnostic::new(Message::SyntaxMissing { expected }, at..at));
        } else if node.is_error() && text[node.byte_range()].trim_end().ends_with("->") {
            // `"old" ->` and nothing after: the new words are what is missing.
            let at = node.start_byte() + text[node.byte_range()].trim_end().len();
            out.push(Diagnostic::new(Message::SyntaxMissing { expected: "\"…\"".into() }, at..at));
        } else if node.is_error() {
            let range = node.byte_range();
            let found = found(text, range.clone());
            let message = match keyword_like(&found) {
                Some(keyword) => Message::SyntaxKeyword { found, keyword },
                None => Message::SyntaxUnexpected { found },
            };
            out.push(Diagnostic::new(message, range));
        } else {
            let mut cursor = node.walk();
            let start = stack.len();
            stack.extend(node.children(&mut cursor).filter(|c| c.has_error() || c.is_missing()));
            stack[start..].reverse();
        }
    }
    // A block closed by the next act or amendment (`unclosed`, which the
    // parser takes as a token, not an error): its `{` is the error.
    let mut cursor = root.walk();
    for top in root.children(&mut cursor) {
        if let Some(open) = innermost_unclosed(top) {
            out.push(Diagnostic::new(Message::SyntaxUnclosed, open..open + 1));
        }
    }
    // A brace never closed: the parser gives up at the start of the block
    // it was in, so the error is the innermost unclosed `{`, and what the
    // parser reported up to the end of the file follows from it.
    if let Some(&open) = unclosed(text).last() {
        let end = text.trim_end().len();
        let before = out.len();
        out.retain(|d| {
            let vague = matches!(d.message, Message::SyntaxUnexpected { .. } | Message::SyntaxKeyword { .. });
            !(vague && d.range.start <= open && d.range.end >= end)
        });
        // Only in place of such an error: an unterminated string also
        // leaves a brace unclosed, and is the error to fix.
        if out.len() < before {
            out.push(Diagnostic::new(Message::SyntaxUnclosed, open..open + 1));
        }
    }
    out
}

/// The `{` of the innermost block in `node` that `unclosed` ends. A block
/// ends so only when its last item did (the `}` of the outer blocks comes
/// after the inner one's), so the chain of last items leads to it.
fn innermost_unclosed(node: tree_sitter::Node) -> Option<usize> {
    let body = node.child_by_field_name("body")?;
    let count = body.child_count();
    if body.child(count.checked_sub(1)?)?.kind() != "unclosed" {
        return None;
    }
    let inner = count.checked_sub(2).and_then(|i| body.child(i)).and_then(innermost_unclosed);
    inner.or(Some(body.start_byte()))
}

/// The `{` that no `}` closes, outside strings and comments, in order.
fn unclosed(text: &str) -> Vec<usize> {
    let mut open = Vec::new();
    let mut chars = text.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '#' => {
                chars.by_ref().find(|&(_, c)| c == '\n');
            }
            '"' => {
                // A string ends at its closing quote or at the end of its line.
                while let Some((_, c)) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' | '\n' => break,
                        _ => {}
                    }
                }
            }
            '{' => open.push(i),
            '}' => {
                open.pop();
            }
            _ => {}
        }
    }
    open
}

/// The keyword of the language a mistyped word most likely means
/// (`occurence` → `occurrence`): one at most two edits away, and fewer
/// than half its letters, for a word of four letters or more.
fn keyword_like(word: &str) -> Option<String> {
    // Short words (`en`, a language) are too close to too much.
    if word.len() < 4 || !word.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
        return None;
    }
    let language = language();
    let keywords = (0..language.node_kind_count() as u16)
        .filter(|&id| !language.node_kind_is_named(id) && language.node_kind_is_visible(id))
        .filter_map(|id| language.node_kind_for_id(id))
        .filter(|k| k.len() > 2 && k.chars().all(|c| c.is_ascii_lowercase() || c == '-'));
    keywords
        .filter(|k| *k != word)
        .map(|k| (crate::analysis::distance(word, k), k))
        .filter(|&(d, k)| d <= 2 && d * 2 < k.len())
        .min()
        .map(|(_, k)| k.to_string())
}

/// The first word of an error node, at most 40 characters, with control
/// characters (NUL and the like) escaped so they never reach a terminal raw.
fn found(text: &str, range: std::ops::Range<usize>) -> String {
    let word = text.get(range).unwrap_or("").split_whitespace().next().unwrap_or("");
    let mut out = String::new();
    for c in word.chars().take(40) {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}
