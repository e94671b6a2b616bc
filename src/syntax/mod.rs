//! The tree-sitter grammar, compiled from `grammar/src` by `build.rs`.

use tree_sitter::Language;
use tree_sitter_language::LanguageFn;

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
