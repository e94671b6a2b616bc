//! Outlines: symbols of a file and of the workspace, folding and selection
//! ranges.

use std::borrow::Borrow;
use std::ops::Range;

use crate::model::{File, OperationKind, Span, Text, Unit, citation};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SymbolKind {
    Act,
    Unit,
    Amendment,
    Operation,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Symbol {
    pub name: String,
    pub detail: Option<String>,
    pub kind: SymbolKind,
    pub span: Span,
    /// What to select when the symbol is picked: its id or number.
    pub selection: Span,
    pub children: Vec<Symbol>,
}

/// The text of `lang` if there is one, else the first.
pub fn pick<'t>(texts: &'t [Text], lang: &str) -> Option<&'t Text> {
    texts.iter().find(|t| t.lang == lang).or_else(|| texts.first())
}

fn unit_symbol(unit: &Unit, lang: &str) -> Symbol {
    let number = unit.number.as_ref();
    // Written as a target is, so the outline's name can be typed as one.
    let segment = crate::model::Segment { kind: unit.kind, number: number.cloned() };
    let name = crate::model::written::path(std::slice::from_ref(&segment));
    Symbol {
        name,
        detail: pick(&unit.content.titles, lang).map(|t| t.value.plain.clone()),
        kind: SymbolKind::Unit,
        span: unit.span.clone(),
        selection: number.map_or(unit.span.start..unit.span.start, |n| n.span.clone()),
        children: unit.content.children.iter().map(|u| unit_symbol(u, lang)).collect(),
    }
}

/// The operation's name as written: `replace article 15 part 1`.
pub fn operation_name(kind: &OperationKind) -> String {
    let (word, target) = match kind {
        OperationKind::Replace { target: None, .. } => return "replace-all".into(),
        OperationKind::Replace { target: Some(t), .. } => ("replace", t),
        OperationKind::Delete { target, .. } => ("delete", target),
        OperationKind::Insert { target, .. } => ("insert", target),
        OperationKind::Rewrite { target, .. } => ("rewrite", target),
        OperationKind::Add { kind, number, place, target, .. } => {
            let number = number.as_ref().map_or(String::new(), |n| format!(" {}", n.text));
            let place = format!("{place:?}").to_lowercase();
            return format!("add {}{number} {place} {}", kind.keyword(), citation(target, "en"));
        }
        OperationKind::Repeal { target } => ("repeal", target),
        OperationKind::Renumber { target, number, .. } => {
            return format!("renumber {} to {}", citation(target, "en"), number.text);
        }
    };
    format!("{word} {}", citation(target, "en"))
}

/// The outline of one file: acts with their units, amendments with their
/// operations.
pub fn document_symbols(file: &File, lang: &str) -> Vec<Symbol> {
    let acts = file.acts.iter().map(|act| Symbol {
        name: act.id.clone(),
        detail: pick(&act.titles, lang).map(|t| t.value.plain.clone()),
        kind: SymbolKind::Act,
        span: act.span.clone(),
        selection: act.id_span.clone(),
        children: act.units.iter().map(|u| unit_symbol(u, lang)).collect(),
    });
    let amendments = file.amendments.iter().map(|am| Symbol {
        name: am.id.clone(),
        detail: pick(&am.titles, lang).map(|t| t.value.plain.clone()),
        kind: SymbolKind::Amendment,
        span: am.span.clone(),
        selection: am.id_span.clone(),
        children: am
            .operations
            .iter()
            .map(|op| Symbol {
                name: operation_name(&op.kind),
                detail: None,
                kind: SymbolKind::Operation,
                span: op.span.clone(),
                selection: op.target().map_or(op.span.start..op.span.start, |t| t.span.clone()),
                children: Vec::new(),
            })
            .collect(),
    });
    let mut out: Vec<Symbol> = acts.chain(amendments).collect();
    out.sort_by_key(|s| s.span.start);
    out
}

/// A symbol of the workspace, found by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkspaceSymbol {
    pub file: usize,
    /// The citation with the title: `kz.cc Article 205 — Unlawful access…`.
    pub name: String,
    pub kind: SymbolKind,
    pub span: Span,
}

/// Whether every character of `query` occurs in `name` in order, ignoring case.
pub fn fuzzy(query: &str, name: &str) -> bool {
    let mut chars = name.chars().flat_map(char::to_lowercase);
    query.chars().flat_map(char::to_lowercase).filter(|c| !c.is_whitespace()).all(|q| chars.any(|c| c == q))
}

/// Acts, units and amendments of the workspace whose citation or title
/// matches `query` fuzzily; at most `limit`.
pub fn workspace_symbols<F: Borrow<File>>(
    files: &[F],
    query: &str,
    lang: &str,
    limit: usize,
) -> Vec<WorkspaceSymbol> {
    let mut out = Vec::new();
    let mut push = |file, name: String, kind, span: &Span| {
        if out.len() < limit && fuzzy(query, &name) {
            out.push(WorkspaceSymbol { file, name, kind, span: span.clone() });
        }
    };
    for (file, f) in files.iter().map(Borrow::borrow).enumerate() {
        for act in &f.acts {
            let title = pick(&act.titles, lang).map_or(String::new(), |t| format!(" — {}", t.value.plain));
            push(file, format!("{}{title}", act.id), SymbolKind::Act, &act.span);
            let mut stack: Vec<(Vec<crate::model::Segment>, &Unit)> =
                act.units.iter().rev().map(|u| (Vec::new(), u)).collect();
            while let Some((mut path, unit)) = stack.pop() {
                if let Some(number) = &unit.number
                    && !unit.kind.is_grouping()
                {
                    path.push(crate::model::Segment { kind: unit.kind, number: Some(number.clone()) });
                }
                let target = crate::model::Target {
                    act: None,
                    version: None,
                    path: path.clone(),
                    range_end: None,
                    span: 0..0,
                };
                let cited = if unit.kind.is_grouping() || path.is_empty() {
                    let number = unit.number.as_ref().map_or(String::new(), |n| format!(" {}", n.text));
                    format!("{}{number}", unit.kind.keyword())
                } else {
                    citation(&target, lang)
                };
                let title = pick(&unit.content.titles, lang)
                    .map_or(String::new(), |t| format!(" — {}", t.value.plain));
                push(file, format!("{} {cited}{title}", act.id), SymbolKind::Unit, &unit.span);
                stack.extend(unit.content.children.iter().rev().map(|c| (path.clone(), c)));
            }
        }
        for am in &f.amendments {
            let title = pick(&am.titles, lang).map_or(String::new(), |t| format!(" — {}", t.value.plain));
            push(file, format!("{}{title}", am.id), SymbolKind::Amendment, &am.span);
        }
    }
    out
}

/// Nodes whose braces enclose a body: each folds from its first line to the
/// line before its closing brace.
pub fn folds(tree: &tree_sitter::Tree) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut cursor = tree.walk();
    let mut stack = vec![tree.root_node()];
    while let Some(node) = stack.pop() {
        if node.kind().ends_with("_body") {
            out.push(node.byte_range());
        }
        for child in node.named_children(&mut cursor) {
            stack.push(child);
        }
    }
    out.sort_by_key(|r| r.start);
    out
}

/// The ranges around `offset`, innermost first: each named node from the
/// smallest that holds the offset up to the whole file.
pub fn selection(tree: &tree_sitter::Tree, offset: usize) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut node = tree.root_node().named_descendant_for_byte_range(offset, offset);
    while let Some(n) = node {
        if out.last() != Some(&n.byte_range()) {
            out.push(n.byte_range());
        }
        node = n.parent();
    }
    out
}
