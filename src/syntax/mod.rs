//! The syntax layer: the tree-sitter grammar (compiled from `grammar/src` by
//! `build.rs`), parsing, and syntax errors as diagnostics.

use tree_sitter::{Language, Node, Parser, Tree};
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
    if tree.root_node().has_error() {
        collect_errors(tree.root_node(), text, &mut out);
    }
    out
}

fn collect_errors(node: Node, text: &str, out: &mut Vec<Diagnostic>) {
    if node.is_missing() {
        let expected = node.kind().to_string();
        let at = node.start_byte();
        out.push(Diagnostic::new(Message::SyntaxMissing { expected }, at..at));
        return;
    }
    if node.is_error() {
        let range = node.byte_range();
        let found = text.get(range.clone()).unwrap_or("").split_whitespace().next().unwrap_or("");
        let found: String = found.chars().take(40).collect();
        out.push(Diagnostic::new(Message::SyntaxUnexpected { found }, range));
        return;
    }
    let mut cursor = node.walk();
    for child in node.children(&mut cursor) {
        if child.has_error() || child.is_missing() {
            collect_errors(child, text, out);
        }
    }
}
