//! The imported act before it is written: units with their texts in each
//! language, the lines kept as comments, and where each came from.

use super::history::Change;
use crate::model::UnitKind;

/// A place in an input file, for messages: `ru.txt:40`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct At {
    pub file: String,
    pub line: usize,
}

impl std::fmt::Display for At {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    pub kind: UnitKind,
    pub number: Option<String>,
    /// `(lang, words)`, one per language.
    pub titles: Vec<(String, String)>,
    pub texts: Vec<(String, String)>,
    pub items: Vec<Item>,
    pub changes: Vec<Change>,
    /// The editorial notes as written, `(lang, words)`.
    pub notes: Vec<(String, String)>,
    pub repealed: bool,
    /// Where the unit starts, per language.
    pub at: Vec<(String, At)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    Unit(Node),
    /// A line kept as a comment: `import-unrecognised ru.txt:12: …`.
    Comment(String),
}

impl Node {
    pub fn new(kind: UnitKind, number: Option<String>, lang: &str, at: At) -> Node {
        Node {
            kind,
            number,
            titles: Vec::new(),
            texts: Vec::new(),
            items: Vec::new(),
            changes: Vec::new(),
            notes: Vec::new(),
            repealed: false,
            at: vec![(lang.to_string(), at)],
        }
    }

    pub fn units(&self) -> impl Iterator<Item = &Node> {
        self.items.iter().filter_map(|i| match i {
            Item::Unit(n) => Some(n),
            Item::Comment(_) => None,
        })
    }

    /// `article 205 part 2`, for messages (groupings left out, as in a target).
    pub fn name(&self) -> String {
        match &self.number {
            Some(n) => format!("{} {n}", self.kind.keyword()),
            None => self.kind.keyword().to_string(),
        }
    }

    pub fn at(&self, lang: &str) -> Option<&At> {
        self.at.iter().find(|(l, _)| l == lang).map(|(_, a)| a)
    }
}
