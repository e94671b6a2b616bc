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
    out
}

/// The keyword of the language a mistyped word most likely means
/// (`occurence` → `occurrence`): one at most two edits away, and fewer
/// than half its letters.
fn keyword_like(word: &str) -> Option<String> {
    if word.is_empty() || !word.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
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
