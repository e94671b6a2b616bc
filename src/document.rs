//! One source file: its text, syntax tree and model, built together.

use tree_sitter::{Parser, Tree};

use crate::model::{self, File};
use crate::text::LineIndex;

pub struct Document {
    pub text: String,
    pub tree: Tree,
    pub model: File,
    pub lines: LineIndex,
}

impl Document {
    pub fn parse(text: String) -> Document {
        Document::parse_with(&mut crate::syntax::parser(), text, None)
    }

    /// Parses with a given parser, reusing an already edited old tree.
    pub fn parse_with(parser: &mut Parser, text: String, old: Option<&Tree>) -> Document {
        let tree = crate::syntax::parse(parser, &text, old);
        let model = model::lower(&tree, &text);
        let lines = LineIndex::new(&text);
        Document { text, tree, model, lines }
    }

    /// The canonically formatted text, or `None` when the file has syntax errors.
    pub fn formatted(&self) -> Option<String> {
        crate::fmt::format(&self.tree, &self.text)
    }
}
