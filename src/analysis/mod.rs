//! Workspace analysis: resolution of every reference, comparative link and
//! amendment target, and the checks that need more than one file.

mod index;
mod resolve;

pub use index::{Index, Location};
pub use resolve::{Resolved, Scope, resolve};

use crate::diag::{Diagnostic, Edit, Message};
use crate::model::{File, Occurrence, OperationKind, Place, RichText, Target, Text, UnitContent, UnitKind};

/// A diagnostic and the file (index into the workspace's files) it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileDiagnostic {
    pub file: usize,
    pub diagnostic: Diagnostic,
}

fn segments(t: &Target) -> Vec<(UnitKind, String)> {
    t.path.iter().map(|s| (s.kind, s.number.text.clone())).collect()
}

/// The path of the unit an `add` or `renumber` brings into being.
fn creates(kind: &OperationKind) -> Option<Vec<(UnitKind, String)>> {
    match kind {
        OperationKind::Add { kind, number: Some(number), place, target, .. } => {
            let mut path = segments(target);
            if *place != Place::To {
                path.pop();
            }
            path.push((*kind, number.text.clone()));
            Some(path)
        }
        OperationKind::Renumber { target, number, .. } => {
            let mut path = segments(target);
            path.last_mut()?.1 = number.text.clone();
            Some(path)
        }
        _ => None,
    }
}

/// Every diagnostic of the workspace: those of each file, then the
/// workspace checks, sorted by file and position.
pub fn analyze(files: &[File]) -> Vec<FileDiagnostic> {
    let index = Index::build(files);
    let mut out: Vec<FileDiagnostic> = files
        .iter()
        .enumerate()
        .flat_map(|(file, f)| {
            f.diagnostics.iter().map(move |d| FileDiagnostic { file, diagnostic: d.clone() })
        })
        .collect();
    let mut cx = Cx { index: &index, out: &mut out };
    cx.acts();
    cx.amendments(files);
    out.sort_by(|a, b| {
        (a.file, a.diagnostic.range.start, a.diagnostic.code()).cmp(&(
            b.file,
            b.diagnostic.range.start,
            b.diagnostic.code(),
        ))
    });
    out.dedup();
    out
}

struct Cx<'a, 'm> {
    index: &'a Index<'m>,
    out: &'a mut Vec<FileDiagnostic>,
}

impl Cx<'_, '_> {
    fn push(&mut self, file: usize, message: Message, range: std::ops::Range<usize>) {
        self.out.push(FileDiagnostic { file, diagnostic: Diagnostic::new(message, range) });
    }

    /// Checks a target and reports what is wrong with it.
    fn target(&mut self, file: usize, target: &Target, scope: Option<Scope>) -> Option<Resolved> {
        match resolve(self.index, target, scope) {
            Ok(r) => {
                if let Resolved::Unit(n) = r
                    && self.index.nodes[n].unit.content.repealed.is_some()
                {
                    let path = self.index.path(n);
                    self.push(file, Message::RepealedTarget { target: path }, target.span.clone());
                }
                Some(r)
            }
            Err(message) => {
                self.push(file, message, target.span.clone());
                None
            }
        }
    }

    fn acts(&mut self) {
        let index = self.index;
        for (a, act) in index.acts.iter().enumerate() {
            let languages = &act.meta().languages;
            for &(file, block) in &act.parts {
                for c in &block.comparisons {
                    self.target(file, &c.target, Some(Scope { act: a, unit: None }));
                }
            }
            for (n, node) in index.nodes.iter().enumerate().filter(|(_, node)| node.act == a) {
                let scope = Some(Scope { act: a, unit: Some(n) });
                let content = &node.unit.content;
                for text in content.titles.iter().chain(&content.texts) {
                    for r in &text.value.refs {
                        self.target(node.file, &r.target, scope);
                    }
                    self.lint(node.file, &text.value, &text.lang);
                }
                for c in &content.comparisons {
                    self.target(node.file, &c.target, scope);
                }
                self.languages(node.file, content, languages);
                self.duplicates(n);
            }
        }
    }

    /// Text hygiene and unlinked citations of one string, with fixes where the
    /// finding's words are written verbatim in the source.
    fn lint(&mut self, file: usize, text: &RichText, lang: &str) {
        let source_range = |r: &std::ops::Range<usize>| {
            let (start, end) = (text.source_offset(r.start), text.source_offset(r.end));
            let in_ref = text.refs.iter().any(|x| x.plain.start < r.end && r.start < x.plain.end);
            (end - start == r.len() && !in_ref).then_some(start..end)
        };
        for f in crate::lint::hygiene::check(&text.plain) {
            if f.code == crate::lint::hygiene::SPACE_BEFORE_PUNCTUATION && !matches!(lang, "kk" | "ru" | "en")
            {
                continue;
            }
            let exact = source_range(&f.range);
            let range = exact.clone().unwrap_or_else(|| text.span.clone());
            let mut d = Diagnostic::new(Message::Hygiene { code: f.code, message: f.message }, range);
            if let (Some(range), Some(fix)) = (exact, f.fix) {
                d = d.with_fix(format!("replace with «{fix}»"), vec![Edit { range, replacement: fix }]);
            }
            self.out.push(FileDiagnostic { file, diagnostic: d });
        }
        for c in crate::lint::citations::find(&text.plain) {
            if c.lang.code() != lang {
                continue;
            }
            let Some(range) = source_range(&c.range) else { continue };
            let words = text.plain[c.range.clone()].to_string();
            let replacement = crate::lint::citations::suggestion(&text.plain, &c);
            let title = format!("link it: {replacement}");
            let message = Message::UnlinkedCitation { words, target: c.target };
            let d =
                Diagnostic::new(message, range.clone()).with_fix(title, vec![Edit { range, replacement }]);
            self.out.push(FileDiagnostic { file, diagnostic: d });
        }
    }

    /// A unit that has text (or a title) in one language has it in every
    /// language of the act.
    fn languages(&mut self, file: usize, content: &UnitContent, languages: &[String]) {
        if content.repealed.is_some() {
            return;
        }
        for texts in [&content.titles, &content.texts] {
            if texts.is_empty() {
                continue;
            }
            for lang in languages {
                if !texts.iter().any(|t| &t.lang == lang) {
                    self.push(file, Message::MissingLanguage { lang: lang.clone() }, texts[0].span.clone());
                }
            }
        }
    }

    fn duplicates(&mut self, n: usize) {
        let index = self.index;
        let node = &index.nodes[n];
        let Some(number) = &node.unit.number else { return };
        let siblings = index.children(node.parent, node.act);
        let first = siblings.iter().find(|&&s| {
            let u = index.nodes[s].unit;
            u.kind == node.unit.kind && u.number.as_ref().is_some_and(|x| x.text == number.text)
        });
        if first.is_some_and(|&f| f != n) {
            self.push(node.file, Message::DuplicateUnit { unit: index.path(n) }, number.span.clone());
        }
    }

    fn amendments(&mut self, files: &[File]) {
        let index = self.index;
        for (file, f) in files.iter().enumerate() {
            for a in &f.amendments {
                let Some(act_id) = &a.act else { continue };
                let versions = index.versions(act_id);
                let base = versions
                    .iter()
                    .copied()
                    .find(|&v| a.base_version.is_none_or(|b| index.acts[v].version == Some(b)));
                let Some(base) = base else {
                    let message = if versions.is_empty() {
                        Message::UnknownAct { act: act_id.clone() }
                    } else {
                        let existing = versions
                            .iter()
                            .filter_map(|&v| index.acts[v].version)
                            .map(|d| d.to_string())
                            .collect();
                        let version = a.base_version.map(|d| d.to_string()).unwrap_or_default();
                        Message::UnknownVersion { act: act_id.clone(), version, existing }
                    };
                    self.push(file, message, a.id_span.clone());
                    continue;
                };
                let scope = Scope { act: base, unit: None };
                // Units that earlier operations add or renumber: later ones may target them.
                let mut created: Vec<Vec<(UnitKind, String)>> = Vec::new();
                for op in &a.operations {
                    for c in &op.comparisons {
                        self.target(file, &c.target, Some(scope));
                    }
                    let resolved = match op.target() {
                        Some(t) if created.contains(&segments(t)) => None,
                        Some(t) => self.target(file, t, Some(scope)),
                        None => None,
                    };
                    created.extend(creates(&op.kind));
                    let unit = match resolved {
                        Some(Resolved::Unit(n)) => Some(n),
                        _ => None,
                    };
                    self.words(file, &op.kind, unit, base);
                }
            }
        }
    }

    /// Quoted words must be found in the target text, once unless an
    /// occurrence is given.
    fn words(&mut self, file: usize, kind: &OperationKind, unit: Option<usize>, act: usize) {
        let index = self.index;
        let unit_texts = |n: usize| &index.nodes[n].unit.content.texts;
        let check = |this: &mut Self,
                     lang: &str,
                     words: &RichText,
                     occurrence: Option<Occurrence>,
                     texts: &[&Text],
                     unit_name: String| {
            let count: usize = texts
                .iter()
                .filter(|t| t.lang == lang)
                .map(|t| t.value.plain.matches(words.plain.as_str()).count())
                .sum();
            let message = match occurrence {
                _ if words.plain.is_empty() => return,
                _ if count == 0 => Message::WordsNotFound {
                    words: words.plain.clone(),
                    lang: lang.to_string(),
                    unit: unit_name,
                },
                Some(Occurrence::Nth(k)) if k as usize > count => Message::WordsNotFound {
                    words: words.plain.clone(),
                    lang: lang.to_string(),
                    unit: unit_name,
                },
                None if count > 1 => {
                    Message::AmbiguousWords { words: words.plain.clone(), lang: lang.to_string(), count }
                }
                _ => return,
            };
            this.push(file, message, words.span.clone());
        };
        match kind {
            OperationKind::Replace { target: None, changes } => {
                let texts: Vec<&Text> =
                    index.nodes.iter().filter(|n| n.act == act).flat_map(|n| &n.unit.content.texts).collect();
                for c in changes {
                    check(self, &c.lang, &c.old, Some(Occurrence::All), &texts, index.acts[act].id.clone());
                }
            }
            OperationKind::Replace { changes, .. } | OperationKind::Delete { changes, .. } => {
                let Some(n) = unit else { return };
                let texts: Vec<&Text> = unit_texts(n).iter().collect();
                for c in changes {
                    check(self, &c.lang, &c.old, c.occurrence, &texts, index.path(n));
                }
            }
            OperationKind::Insert { insertions, .. } => {
                let Some(n) = unit else { return };
                let texts: Vec<&Text> = unit_texts(n).iter().collect();
                for i in insertions {
                    match &i.position {
                        crate::model::InsertPosition::Before { anchor, occurrence }
                        | crate::model::InsertPosition::After { anchor, occurrence } => {
                            check(self, &i.lang, anchor, *occurrence, &texts, index.path(n))
                        }
                        _ if !texts.iter().any(|t| t.lang == i.lang) => {
                            let message = Message::WordsNotFound {
                                words: String::new(),
                                lang: i.lang.clone(),
                                unit: index.path(n),
                            };
                            self.push(file, message, i.span.clone());
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
}
