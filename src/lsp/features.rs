//! Requests, computed on a snapshot with the core's `ide` queries and
//! converted to protocol types here.

use std::collections::HashMap;

use tower_lsp_server::ls_types::{self as lsp, Position, Uri};

use super::convert::{offset, range};
use super::state::Snapshot;
use crate::analysis::{Index, Location, Resolved};
use crate::diag::UiLang;
use crate::ide::nav::{self, Site, SiteKind};
use crate::ide::outline::{self, SymbolKind, pick};
use crate::ide::tokens;

fn location(snap: &Snapshot, loc: &Location) -> lsp::Location {
    let source = &snap.world.sources[loc.file];
    lsp::Location { uri: snap.uris[loc.file].clone(), range: range(source, &loc.span, snap.config.encoding) }
}

fn at(snap: &Snapshot, file: usize, pos: Position) -> usize {
    offset(&snap.world.sources[file], pos, snap.config.encoding)
}

/// The words of the user interface that are not diagnostics.
fn word(ui: UiLang, en: &'static str) -> &'static str {
    match (ui, en) {
        (UiLang::Kk, "repealed") => "алып тасталды",
        (UiLang::Ru, "repealed") => "исключена",
        (UiLang::Kk, "source") => "дереккөзі",
        (UiLang::Ru, "source") => "источник",
        (UiLang::Kk, "Redline") => "Өзгерістер",
        (UiLang::Ru, "Redline") => "Изменения",
        (UiLang::Kk, "Comparative table") => "Салыстырмалы кесте",
        (UiLang::Ru, "Comparative table") => "Сравнительная таблица",
        _ => en,
    }
}

/// "N comparative provisions", the noun agreeing with the number: English
/// singular and plural, Kazakh singular after any numeral, Russian one, few
/// and many.
fn provisions(n: usize, ui: UiLang) -> String {
    let noun = match ui {
        UiLang::En if n == 1 => "comparative provision",
        UiLang::En => "comparative provisions",
        UiLang::Kk => "салыстырмалы норма",
        UiLang::Ru => match (n % 10, n % 100) {
            (1, r) if r != 11 => "сравнительная норма",
            (2..=4, r) if !(12..=14).contains(&r) => "сравнительные нормы",
            _ => "сравнительных норм",
        },
    };
    format!("{n} {noun}")
}

/// Hover on a target: the cited unit in the document's language; on an
/// operation, also the redline it makes.
pub fn hover(snap: &Snapshot, file: usize, pos: Position) -> Option<lsp::Hover> {
    let files = &snap.world.files;
    let index = Index::build(files);
    let sites = nav::sites(&index, files);
    let offset = at(snap, file, pos);
    let lang = snap.config.lang.as_str();
    let ui = snap.config.ui;
    let site = nav::site_at(&sites, file, offset)?;
    let mut md = format!("**{}**", crate::model::citation(site.target, lang));
    let resolved = site.resolve(&index)?;
    let act = resolved.act(&index);
    // A citation that names no act: say which act it found.
    if site.target.act.is_none() {
        md.push_str(&format!(" — `{}`", index.acts[act].id));
    }
    if let Resolved::Unit(n) = resolved {
        let unit = index.nodes[n].unit;
        if let Some(title) = pick(&unit.content.titles, lang) {
            md.push_str(&format!("\n\n*{}*", title.value.plain));
        }
        let texts: Vec<_> = unit.content.texts.iter().filter(|t| t.lang == lang).collect();
        let texts = if texts.is_empty() {
            let first = unit.content.texts.first().map(|t| t.lang.clone());
            unit.content.texts.iter().filter(|t| Some(&t.lang) == first.as_ref()).collect()
        } else {
            texts
        };
        for t in texts {
            md.push_str(&format!("\n\n{}", t.value.plain));
        }
        if let Some(r) = &unit.content.repealed {
            let date = r.date.map_or(String::new(), |d| format!(" {d}"));
            md.push_str(&format!("\n\n_{}{date}_", word(ui, "repealed")));
        }
        if let SiteKind::Operation(a, o) = site.kind {
            let op = &files[file].amendments[a].operations[o];
            if let Some(redline) = crate::ide::redline::operation_redline(unit, &op.kind, lang) {
                md.push_str(&format!("\n\n---\n\n{}", crate::redline::markdown::render(&redline).trim_end()));
            }
        }
    }
    if let Some(source) = &index.acts[act].meta().source {
        md.push_str(&format!("\n\n{}: {source}", word(ui, "source")));
    }
    Some(lsp::Hover {
        contents: lsp::HoverContents::Markup(lsp::MarkupContent {
            kind: lsp::MarkupKind::Markdown,
            value: md,
        }),
        range: Some(range(&snap.world.sources[file], &site.target.span, snap.config.encoding)),
    })
}

pub fn definition(snap: &Snapshot, file: usize, pos: Position) -> Option<lsp::Location> {
    let index = Index::build(&snap.world.files);
    let sites = nav::sites(&index, &snap.world.files);
    nav::definition(&index, &sites, file, at(snap, file, pos)).map(|l| location(snap, &l))
}

fn meant(snap: &Snapshot, file: usize, pos: Position) -> (Index<'_>, Vec<Site<'_>>, Option<usize>) {
    let index = Index::build(&snap.world.files);
    let sites = nav::sites(&index, &snap.world.files);
    let n = nav::unit_meant(&index, &sites, file, at(snap, file, pos));
    (index, sites, n)
}

pub fn references(snap: &Snapshot, file: usize, pos: Position, declaration: bool) -> Vec<lsp::Location> {
    let (index, sites, n) = meant(snap, file, pos);
    let Some(n) = n else { return Vec::new() };
    let mut out = Vec::new();
    if declaration {
        out.push(location(snap, &index.location(n)));
    }
    out.extend(nav::references(&index, &sites, n).iter().map(|l| location(snap, l)));
    out
}

pub fn highlights(snap: &Snapshot, file: usize, pos: Position) -> Vec<lsp::DocumentHighlight> {
    let (index, sites, n) = meant(snap, file, pos);
    let Some(n) = n else { return Vec::new() };
    let source = &snap.world.sources[file];
    let enc = snap.config.encoding;
    let mut out = Vec::new();
    if let Some(number) = index.nodes[n].unit.number.as_ref().filter(|_| index.nodes[n].file == file) {
        out.push(lsp::DocumentHighlight {
            range: range(source, &number.span, enc),
            kind: Some(lsp::DocumentHighlightKind::WRITE),
        });
    }
    for l in nav::references(&index, &sites, n).into_iter().filter(|l| l.file == file) {
        out.push(lsp::DocumentHighlight {
            range: range(source, &l.span, enc),
            kind: Some(lsp::DocumentHighlightKind::READ),
        });
    }
    out
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

/// The whole text replaced by its canonical form; nothing for a file with
/// syntax errors or already formatted.
pub fn formatting(snap: &Snapshot, file: usize) -> Option<Vec<lsp::TextEdit>> {
    let source = &snap.world.sources[file];
    let formatted = crate::fmt::format(&source.tree, &source.text)?;
    if formatted == source.text {
        return Some(Vec::new());
    }
    let whole = range(source, &(0..source.text.len()), snap.config.encoding);
    Some(vec![lsp::TextEdit { range: whole, new_text: formatted }])
}

pub fn prepare_rename(snap: &Snapshot, file: usize, pos: Position) -> Option<lsp::PrepareRenameResponse> {
    let index = Index::build(&snap.world.files);
    let sites = nav::sites(&index, &snap.world.files);
    let offset = at(snap, file, pos);
    let number = nav::number_at(&index, &sites, file, offset)?;
    nav::unit_meant(&index, &sites, file, offset)?;
    Some(lsp::PrepareRenameResponse::RangeWithPlaceholder {
        range: range(&snap.world.sources[file], &number.span, snap.config.encoding),
        placeholder: number.text.clone(),
    })
}

/// Renumbering: the unit's number and every target that names it.
pub fn rename(snap: &Snapshot, file: usize, pos: Position, new: &str) -> Result<lsp::WorkspaceEdit, String> {
    if !nav::is_plain_number(new) {
        return Err(format!("`{new}` is not a unit number (letters and digits joined by - or :)"));
    }
    let index = Index::build(&snap.world.files);
    let sites = nav::sites(&index, &snap.world.files);
    let offset = at(snap, file, pos);
    if nav::number_at(&index, &sites, file, offset).is_none() {
        return Err("only unit numbers can be renamed".into());
    }
    let n = nav::unit_meant(&index, &sites, file, offset).ok_or("this number names no unit")?;
    let mut changes: HashMap<Uri, Vec<lsp::TextEdit>> = HashMap::new();
    for l in nav::number_sites(&index, &sites, n) {
        let edit = lsp::TextEdit {
            range: range(&snap.world.sources[l.file], &l.span, snap.config.encoding),
            new_text: new.to_string(),
        };
        changes.entry(snap.uris[l.file].clone()).or_default().push(edit);
    }
    Ok(lsp::WorkspaceEdit { changes: Some(changes), ..Default::default() })
}

/// Every fix of a diagnostic in `span` as a quick fix.
pub fn code_actions(
    snap: &Snapshot,
    file: usize,
    span: std::ops::Range<usize>,
) -> Vec<lsp::CodeActionOrCommand> {
    let source = &snap.world.sources[file];
    let enc = snap.config.encoding;
    crate::analysis::analyze(&snap.world.files)
        .into_iter()
        .filter(|d| {
            d.file == file && d.diagnostic.range.start <= span.end && span.start <= d.diagnostic.range.end
        })
        .filter_map(|d| {
            let fix = d.diagnostic.fix.clone()?;
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
                title: fix.title.render(snap.config.ui),
                kind: Some(lsp::CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![super::convert::diagnostic(
                    source,
                    &d.diagnostic,
                    enc,
                    snap.config.ui,
                )]),
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

/// After each inline reference and comparison target: the cited unit's title.
pub fn inlay_hints(snap: &Snapshot, file: usize, span: std::ops::Range<usize>) -> Vec<lsp::InlayHint> {
    let index = Index::build(&snap.world.files);
    let source = &snap.world.sources[file];
    let lang = &snap.config.lang;
    nav::sites(&index, &snap.world.files)
        .into_iter()
        .filter(|s| s.file == file && s.target.span.start >= span.start && s.target.span.end <= span.end)
        .filter_map(|s| {
            let Resolved::Unit(n) = s.resolve(&index)? else { return None };
            let title = pick(&index.nodes[n].unit.content.titles, lang)?;
            let short: String = title.value.plain.chars().take(40).collect();
            let short = if short.len() < title.value.plain.len() { format!("{short}…") } else { short };
            Some(lsp::InlayHint {
                position: super::convert::position(source, s.target.span.end, snap.config.encoding),
                label: lsp::InlayHintLabel::String(short),
                kind: None,
                text_edits: None,
                tooltip: None,
                padding_left: Some(true),
                padding_right: None,
                data: None,
            })
        })
        .collect()
}

/// On every amendment and operation: its redline and comparative table
/// (the editor's `zan.showRedline` and `zan.showTable`, which show the
/// document's amendment), and the comparative provisions it cites
/// (`zan.showComparisons` with the document, the lens's place and where
/// they are; a count alone when there are none).
pub fn code_lenses(snap: &Snapshot, file: usize) -> Vec<lsp::CodeLens> {
    let f = &snap.world.files[file];
    if f.amendments.is_empty() {
        return Vec::new();
    }
    let index = Index::build(&snap.world.files);
    let source = &snap.world.sources[file];
    let enc = snap.config.encoding;
    let ui = snap.config.ui;
    let uri = serde_json::json!(snap.uris[file]);
    let lens =
        |at: lsp::Range, title: String, command: &str, arguments: Vec<serde_json::Value>| lsp::CodeLens {
            range: at,
            command: Some(lsp::Command { title, command: command.into(), arguments: Some(arguments) }),
            data: None,
        };
    let lenses = |span: &std::ops::Range<usize>, comparisons: Vec<&crate::model::Comparison>| {
        let at = range(source, &(span.start..span.start), enc);
        let found: Vec<lsp::Location> = comparisons
            .iter()
            .filter_map(|c| match crate::analysis::resolve(&index, &c.target, None).ok()? {
                Resolved::Unit(n) | Resolved::Range(n, _) => Some(location(snap, &index.location(n))),
                Resolved::Act(_) => None,
            })
            .collect();
        let count = provisions(comparisons.len(), ui);
        let show = match found.is_empty() {
            true => lens(at, count, "", Vec::new()),
            false => {
                let args = vec![uri.clone(), serde_json::json!(at.start), serde_json::json!(found)];
                lens(at, count, "zan.showComparisons", args)
            }
        };
        let mut out = vec![
            lens(at, word(ui, "Redline").into(), "zan.showRedline", vec![uri.clone()]),
            lens(at, word(ui, "Comparative table").into(), "zan.showTable", vec![uri.clone()]),
        ];
        // Nothing to say about no comparative provisions.
        out.extend((!comparisons.is_empty()).then_some(show));
        out
    };
    let mut out = Vec::new();
    for am in &f.amendments {
        out.extend(lenses(&am.span, am.operations.iter().flat_map(|o| o.all_comparisons()).collect()));
        for op in &am.operations {
            out.extend(lenses(&op.span, op.all_comparisons().collect()));
        }
    }
    out
}

/// Each resolved target links to the file of the unit it cites.
pub fn document_links(snap: &Snapshot, file: usize) -> Vec<lsp::DocumentLink> {
    let index = Index::build(&snap.world.files);
    let source = &snap.world.sources[file];
    let mut sites = nav::sites(&index, &snap.world.files);
    sites.retain(|s| s.file == file);
    sites.sort_by_key(|s| s.target.span.start);
    sites
        .into_iter()
        .filter_map(|s| {
            let loc = match s.resolve(&index)? {
                Resolved::Unit(n) | Resolved::Range(n, _) => index.location(n),
                Resolved::Act(_) => return None,
            };
            let target = location(snap, &loc);
            let line = target.range.start.line + 1;
            let uri: Uri = format!("{}#L{line}", target.uri.as_str()).parse().ok()?;
            Some(lsp::DocumentLink {
                range: range(source, &s.target.span, snap.config.encoding),
                target: Some(uri),
                tooltip: None,
                data: None,
            })
        })
        .collect()
}

/// Completion items for the text before the cursor.
pub fn completion(snap: &Snapshot, file: usize, pos: Position) -> Vec<lsp::CompletionItem> {
    use crate::ide::completion::{ItemKind, complete};
    let source = &snap.world.sources[file];
    let offset = at(snap, file, pos);
    let line = source.lines.line_range(&source.text, pos.line as usize);
    let index = Index::build(&snap.world.files);
    let items =
        complete(&index, &snap.world.files, &source.text, file, line.start, offset, &snap.config.lang);
    items
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_count_of_provisions_agrees_with_its_number() {
        let en: Vec<String> = [1, 2].iter().map(|&n| provisions(n, UiLang::En)).collect();
        assert_eq!(en, ["1 comparative provision", "2 comparative provisions"]);
        let ru: Vec<String> = [1, 3, 5, 11, 21, 22, 112].iter().map(|&n| provisions(n, UiLang::Ru)).collect();
        assert_eq!(
            ru,
            [
                "1 сравнительная норма",
                "3 сравнительные нормы",
                "5 сравнительных норм",
                "11 сравнительных норм",
                "21 сравнительная норма",
                "22 сравнительные нормы",
                "112 сравнительных норм"
            ]
        );
        assert_eq!(provisions(3, UiLang::Kk), "3 салыстырмалы норма");
    }
}
