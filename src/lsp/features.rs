//! Requests: asked of the core's `ide::Analysis` (or `ide::outline` and
//! `ide::tokens` for what the document alone decides), with positions and
//! results converted to protocol types here, and nothing else.

use std::collections::HashMap;

use tower_lsp_server::ls_types::{self as lsp, Position, Uri};

use super::convert::{offset, range};
use super::state::Snapshot;
use crate::analysis::Location;
use crate::ide::Analysis;
use crate::ide::completion::ItemKind;
use crate::ide::drafting::Action;
use crate::ide::lenses::Command;
use crate::ide::outline::{self, SymbolKind};
use crate::ide::tokens;

fn location(snap: &Snapshot, loc: &Location) -> lsp::Location {
    let source = &snap.world.sources[loc.file];
    lsp::Location { uri: snap.uris[loc.file].clone(), range: range(source, &loc.span, snap.config.encoding) }
}

fn at(snap: &Snapshot, file: usize, pos: Position) -> usize {
    offset(&snap.world.sources[file], pos, snap.config.encoding)
}

/// The analysis of a snapshot: the one door to the core's answers.
fn analysis(snap: &Snapshot) -> Analysis<'_> {
    Analysis::new(&snap.world, &snap.nav, &snap.config.lang, snap.config.ui)
}

pub fn hover(snap: &Snapshot, file: usize, pos: Position) -> Option<lsp::Hover> {
    let hover = analysis(snap).hover(file, at(snap, file, pos))?;
    Some(lsp::Hover {
        contents: lsp::HoverContents::Markup(lsp::MarkupContent {
            kind: lsp::MarkupKind::Markdown,
            value: hover.markdown,
        }),
        range: Some(range(&snap.world.sources[file], &hover.span, snap.config.encoding)),
    })
}

pub fn definition(snap: &Snapshot, file: usize, pos: Position) -> Option<lsp::Location> {
    analysis(snap).definition(file, at(snap, file, pos)).map(|l| location(snap, &l))
}

pub fn references(snap: &Snapshot, file: usize, pos: Position, declaration: bool) -> Vec<lsp::Location> {
    let found = analysis(snap).references(file, at(snap, file, pos), declaration);
    found.iter().map(|l| location(snap, l)).collect()
}

pub fn highlights(snap: &Snapshot, file: usize, pos: Position) -> Vec<lsp::DocumentHighlight> {
    let source = &snap.world.sources[file];
    let enc = snap.config.encoding;
    analysis(snap)
        .highlights(file, at(snap, file, pos))
        .into_iter()
        .map(|h| lsp::DocumentHighlight {
            range: range(source, &h.span, enc),
            kind: Some(if h.write {
                lsp::DocumentHighlightKind::WRITE
            } else {
                lsp::DocumentHighlightKind::READ
            }),
        })
        .collect()
}

fn symbol_kind(kind: SymbolKind) -> lsp::SymbolKind {
    match kind {
        SymbolKind::Act => lsp::SymbolKind::MODULE,
        SymbolKind::Unit => lsp::SymbolKind::STRUCT,
        SymbolKind::Amendment => lsp::SymbolKind::EVENT,
        SymbolKind::Operation => lsp::SymbolKind::METHOD,
    }
}

#[allow(deprecated)] // `deprecated` is a required field of the protocol type
fn document_symbol(snap: &Snapshot, file: usize, s: outline::Symbol) -> lsp::DocumentSymbol {
    let source = &snap.world.sources[file];
    let enc = snap.config.encoding;
    lsp::DocumentSymbol {
        name: s.name,
        detail: s.detail,
        kind: symbol_kind(s.kind),
        tags: None,
        deprecated: None,
        range: range(source, &s.span, enc),
        selection_range: range(source, &s.selection, enc),
        children: Some(s.children.into_iter().map(|c| document_symbol(snap, file, c)).collect()),
    }
}

pub fn document_symbols(snap: &Snapshot, file: usize) -> Vec<lsp::DocumentSymbol> {
    outline::document_symbols(&snap.world.files[file], &snap.config.lang)
        .into_iter()
        .map(|s| document_symbol(snap, file, s))
        .collect()
}

pub fn workspace_symbols(snap: &Snapshot, query: &str) -> Vec<lsp::WorkspaceSymbol> {
    outline::workspace_symbols(&snap.world.files, query, &snap.config.lang, 500)
        .into_iter()
        .map(|s| lsp::WorkspaceSymbol {
            name: s.name,
            kind: symbol_kind(s.kind),
            tags: None,
            container_name: None,
            location: lsp::OneOf::Left(location(snap, &Location { file: s.file, span: s.span })),
            data: None,
        })
        .collect()
}

pub fn legend() -> lsp::SemanticTokensLegend {
    lsp::SemanticTokensLegend {
        token_types: tokens::KINDS.iter().map(|k| lsp::SemanticTokenType::new(k)).collect(),
        token_modifiers: Vec::new(),
    }
}

/// Tokens in the negotiated encoding, split at line ends.
pub fn semantic_tokens(snap: &Snapshot, file: usize) -> lsp::SemanticTokens {
    let source = &snap.world.sources[file];
    let enc = snap.config.encoding;
    let mut data = Vec::new();
    let (mut prev_line, mut prev_col) = (0, 0);
    for (span, kind) in tokens::highlight(&source.tree, &source.text) {
        let mut start = span.start;
        while start < span.end {
            let p = source.lines.position(&source.text, start, enc);
            let line_end = source.lines.line_range(&source.text, p.line as usize).end;
            let end = span.end.min(line_end);
            let len = source.lines.position(&source.text, end, enc).col - p.col;
            if len > 0 {
                let delta_start = if p.line == prev_line { p.col - prev_col } else { p.col };
                data.push(lsp::SemanticToken {
                    delta_line: p.line - prev_line,
                    delta_start,
                    length: len,
                    token_type: kind as u32,
                    token_modifiers_bitset: 0,
                });
                (prev_line, prev_col) = (p.line, p.col);
            }
            // Continue after the line terminator.
            start = match source.lines.line_range(&source.text, p.line as usize + 1) {
                next if p.line as usize + 1 < source.lines.line_count() => next.start.max(end + 1),
                _ => span.end,
            };
        }
    }
    lsp::SemanticTokens { result_id: None, data }
}

/// The edit that turns `before` into `after`: what lies between their
/// common start and common end (none when they are equal). Offsets count
/// integers, five per token, as the protocol does.
pub fn token_edits(
    before: &[lsp::SemanticToken],
    after: &[lsp::SemanticToken],
) -> Vec<lsp::SemanticTokensEdit> {
    let start = before.iter().zip(after).take_while(|(a, b)| a == b).count();
    let end =
        before[start..].iter().rev().zip(after[start..].iter().rev()).take_while(|(a, b)| a == b).count();
    let (removed, added) = (before.len() - start - end, &after[start..after.len() - end]);
    if removed == 0 && added.is_empty() {
        return Vec::new();
    }
    let ints = |tokens: usize| (tokens * 5) as u32;
    vec![lsp::SemanticTokensEdit {
        start: ints(start),
        delete_count: ints(removed),
        data: Some(added.to_vec()),
    }]
}

pub fn folding_ranges(snap: &Snapshot, file: usize) -> Vec<lsp::FoldingRange> {
    let source = &snap.world.sources[file];
    let enc = snap.config.encoding;
    outline::folds(&source.tree)
        .into_iter()
        .filter_map(|span| {
            let r = range(source, &span, enc);
            let end = r.end.line.checked_sub(1)?;
            (end > r.start.line).then_some(lsp::FoldingRange {
                start_line: r.start.line,
                end_line: end,
                kind: Some(lsp::FoldingRangeKind::Region),
                ..Default::default()
            })
        })
        .collect()
}

pub fn selection_ranges(snap: &Snapshot, file: usize, positions: &[Position]) -> Vec<lsp::SelectionRange> {
    let source = &snap.world.sources[file];
    let enc = snap.config.encoding;
    positions
        .iter()
        .map(|&p| {
            let spans = outline::selection(&source.tree, at(snap, file, p));
            let mut out: Option<lsp::SelectionRange> = None;
            for span in spans.iter().rev() {
                out =
                    Some(lsp::SelectionRange { range: range(source, span, enc), parent: out.map(Box::new) });
            }
            out.unwrap_or(lsp::SelectionRange { range: lsp::Range { start: p, end: p }, parent: None })
        })
        .collect()
}

/// The whole text replaced by its canonical form; nothing when already
/// formatted; an error saying why a file with syntax errors is not.
pub fn formatting(snap: &Snapshot, file: usize) -> Result<Vec<lsp::TextEdit>, String> {
    let source = &snap.world.sources[file];
    let Some(formatted) = analysis(snap).formatting(file)? else { return Ok(Vec::new()) };
    let whole = range(source, &(0..source.text.len()), snap.config.encoding);
    Ok(vec![lsp::TextEdit { range: whole, new_text: formatted }])
}

pub fn prepare_rename(snap: &Snapshot, file: usize, pos: Position) -> Option<lsp::PrepareRenameResponse> {
    let (span, placeholder) = analysis(snap).prepare_rename(file, at(snap, file, pos))?;
    Some(lsp::PrepareRenameResponse::RangeWithPlaceholder {
        range: range(&snap.world.sources[file], &span, snap.config.encoding),
        placeholder,
    })
}

pub fn rename(snap: &Snapshot, file: usize, pos: Position, new: &str) -> Result<lsp::WorkspaceEdit, String> {
    let mut changes: HashMap<Uri, Vec<lsp::TextEdit>> = HashMap::new();
    for (l, new_text) in analysis(snap).rename(file, at(snap, file, pos), new)? {
        let edit = lsp::TextEdit {
            range: range(&snap.world.sources[l.file], &l.span, snap.config.encoding),
            new_text,
        };
        changes.entry(snap.uris[l.file].clone()).or_default().push(edit);
    }
    Ok(lsp::WorkspaceEdit { changes: Some(changes), ..Default::default() })
}

/// Every fix of a diagnostic in `span` as a quick fix, "Resolve" for each
/// open remark there, then the drafting actions at its start as client
/// commands: `zan.proposeChange` with the document and the position,
/// `zan.updateAmendment` with the document and the ids of the amendments it
/// may update.
pub fn code_actions(
    snap: &Snapshot,
    file: usize,
    span: std::ops::Range<usize>,
) -> Vec<lsp::CodeActionOrCommand> {
    let source = &snap.world.sources[file];
    let (enc, ui) = (snap.config.encoding, snap.config.ui);
    let mut actions = quick_fixes(snap, file, span.clone());
    actions.extend(analysis(snap).resolve_remarks(file, span.clone()).into_iter().map(|(title, e)| {
        let edit = lsp::TextEdit { range: range(source, &e.range, enc), new_text: e.replacement };
        lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
            title,
            kind: Some(lsp::CodeActionKind::QUICKFIX),
            edit: Some(lsp::WorkspaceEdit {
                changes: Some(HashMap::from([(snap.uris[file].clone(), vec![edit])])),
                ..Default::default()
            }),
            ..Default::default()
        })
    }));
    let uri = serde_json::json!(snap.uris[file]);
    let copy = snap.scratch().contains(&file);
    for action in analysis(snap).drafting_actions(file, span.start, copy) {
        let (command, arguments) = match &action {
            Action::Propose { .. } => {
                let position = super::convert::position(source, span.start, enc);
                ("zan.proposeChange", vec![uri.clone(), serde_json::json!(position)])
            }
            Action::Update { amendments } => {
                ("zan.updateAmendment", vec![uri.clone(), serde_json::json!(amendments)])
            }
        };
        let title = action.title(ui).to_string();
        actions.push(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
            title: title.clone(),
            kind: Some(lsp::CodeActionKind::REFACTOR_REWRITE),
            command: Some(lsp::Command { title, command: command.into(), arguments: Some(arguments) }),
            ..Default::default()
        }));
    }
    actions
}

fn quick_fixes(snap: &Snapshot, file: usize, span: std::ops::Range<usize>) -> Vec<lsp::CodeActionOrCommand> {
    let source = &snap.world.sources[file];
    let (enc, ui) = (snap.config.encoding, snap.config.ui);
    analysis(snap)
        .fixes(file, span, &snap.config_of(file), &snap.memo)
        .into_iter()
        .filter_map(|d| {
            let fix = d.diagnostic.fix.as_ref()?;
            let edits = fix
                .edits
                .iter()
                .map(|e| lsp::TextEdit {
                    range: range(source, &e.range, enc),
                    new_text: e.replacement.clone(),
                })
                .collect();
            let uri = snap.uris[file].clone();
            Some(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                title: fix.title.render(ui),
                kind: Some(lsp::CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![super::convert::diagnostic(source, &d.diagnostic, enc, ui)]),
                edit: Some(lsp::WorkspaceEdit {
                    changes: Some(HashMap::from([(uri, edits)])),
                    ..Default::default()
                }),
                is_preferred: Some(true),
                ..Default::default()
            }))
        })
        .collect()
}

pub fn inlay_hints(snap: &Snapshot, file: usize, span: std::ops::Range<usize>) -> Vec<lsp::InlayHint> {
    let source = &snap.world.sources[file];
    analysis(snap)
        .inlay_hints(file, span)
        .into_iter()
        .map(|h| lsp::InlayHint {
            position: super::convert::position(source, h.offset, snap.config.encoding),
            label: lsp::InlayHintLabel::String(h.label),
            kind: None,
            text_edits: None,
            tooltip: None,
            padding_left: Some(true),
            padding_right: None,
            data: None,
        })
        .collect()
}

/// The lenses as client commands: `zan.showRedline` and `zan.showTable`
/// with the document, `zan.showComparisons` with the document, the lens's
/// place and where the provisions are.
pub fn code_lenses(snap: &Snapshot, file: usize) -> Vec<lsp::CodeLens> {
    if snap.world.files[file].amendments.is_empty() {
        return Vec::new();
    }
    let source = &snap.world.sources[file];
    let uri = serde_json::json!(snap.uris[file]);
    analysis(snap)
        .code_lenses(file)
        .into_iter()
        .map(|l| {
            let at = range(source, &(l.at..l.at), snap.config.encoding);
            let (command, arguments) = match l.command {
                Command::Redline => ("zan.showRedline", vec![uri.clone()]),
                Command::Table => ("zan.showTable", vec![uri.clone()]),
                Command::Comparisons(found) => {
                    let found: Vec<lsp::Location> = found.iter().map(|f| location(snap, f)).collect();
                    (
                        "zan.showComparisons",
                        vec![uri.clone(), serde_json::json!(at.start), serde_json::json!(found)],
                    )
                }
                Command::None => ("", Vec::new()),
            };
            lsp::CodeLens {
                range: at,
                command: Some(lsp::Command {
                    title: l.title,
                    command: command.into(),
                    arguments: Some(arguments),
                }),
                data: None,
            }
        })
        .collect()
}

/// Each resolved target links to the line of the unit it cites.
pub fn document_links(snap: &Snapshot, file: usize) -> Vec<lsp::DocumentLink> {
    let source = &snap.world.sources[file];
    analysis(snap)
        .document_links(file)
        .into_iter()
        .filter_map(|(span, to)| {
            let target = location(snap, &to);
            let line = target.range.start.line + 1;
            let uri: Uri = format!("{}#L{line}", target.uri.as_str()).parse().ok()?;
            Some(lsp::DocumentLink {
                range: range(source, &span, snap.config.encoding),
                target: Some(uri),
                tooltip: None,
                data: None,
            })
        })
        .collect()
}

pub fn completion(snap: &Snapshot, file: usize, pos: Position) -> Vec<lsp::CompletionItem> {
    analysis(snap)
        .completion(file, at(snap, file, pos))
        .into_iter()
        .map(|i| lsp::CompletionItem {
            label: i.label,
            kind: Some(match i.kind {
                ItemKind::Text => lsp::CompletionItemKind::TEXT,
                ItemKind::Act => lsp::CompletionItemKind::MODULE,
                ItemKind::Number => lsp::CompletionItemKind::VALUE,
                ItemKind::Language => lsp::CompletionItemKind::ENUM_MEMBER,
                ItemKind::Keyword => lsp::CompletionItemKind::KEYWORD,
                ItemKind::Operation => lsp::CompletionItemKind::OPERATOR,
                ItemKind::UnitKind => lsp::CompletionItemKind::STRUCT,
            }),
            detail: i.detail,
            sort_text: i.sort,
            ..Default::default()
        })
        .collect()
}
