//! Workspace analysis: resolution of every reference, comparative link and
//! amendment target, and the checks that need more than one file.

mod amend;
mod index;
mod order;
mod resolve;

pub use index::{Index, Location};
pub use resolve::{Resolved, Scope, resolve};

use crate::diag::{Diagnostic, Edit, FixTitle, Message};
use std::collections::HashMap;

use crate::model::{File, RichText, Target, UnitContent};

/// A diagnostic and the file (index into the workspace's files) it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileDiagnostic {
    pub file: usize,
    pub diagnostic: Diagnostic,
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
    // The lints depend on one string each: they run on every core while this
    // thread resolves, fed in batches as the walk finds the strings.
    let (send, receive) = std::sync::mpsc::channel::<(usize, Vec<Lintable>)>();
    let receive = std::sync::Mutex::new(receive);
    let linted = std::thread::scope(|scope| {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                let receive = &receive;
                scope.spawn(move || {
                    let mut done = Vec::new();
                    loop {
                        let batch = receive.lock().unwrap_or_else(|e| e.into_inner()).recv();
                        let Ok((number, texts)) = batch else { return done };
                        let mut out = Vec::new();
                        for (file, text, lang) in texts {
                            lint(&mut out, file, text, lang);
                        }
                        done.push((number, out));
                    }
                })
            })
            .collect();
        let mut cx = Cx {
            index: &index,
            out: &mut out,
            cited_by: HashMap::new(),
            texts: Vec::new(),
            lints: send,
            batches: 0,
        };
        cx.acts();
        cx.amendments(files);
        cx.flush();
        drop(cx);
        let mut batches: Vec<_> =
            workers.into_iter().flat_map(|w| w.join().expect("lints never panic")).collect();
        // In the order the walk found the strings, whichever worker took them.
        batches.sort_by_key(|(number, _)| *number);
        batches.into_iter().flat_map(|(_, out)| out).collect::<Vec<_>>()
    });
    out.extend(linted);
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

/// A string to lint: its file, the text and its language.
type Lintable<'m> = (usize, &'m RichText, &'m str);

/// How many strings go to a lint worker at once.
const LINT_BATCH: usize = 2048;

struct Cx<'a, 'm> {
    index: &'a Index<'m>,
    out: &'a mut Vec<FileDiagnostic>,
    /// Who cites each unit: the citing act and unit (`None`: the act itself).
    cited_by: HashMap<usize, Vec<Citer>>,
    /// Strings waiting to be sent to the lint workers.
    texts: Vec<Lintable<'m>>,
    lints: std::sync::mpsc::Sender<(usize, Vec<Lintable<'m>>)>,
    /// Batches sent so far.
    batches: usize,
}

/// A place that cites a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Citer {
    act: usize,
    node: Option<usize>,
}

impl<'m> Cx<'_, 'm> {
    /// Queues a string for the lint workers.
    fn lint_later(&mut self, file: usize, text: &'m RichText, lang: &'m str) {
        self.texts.push((file, text, lang));
        if self.texts.len() == LINT_BATCH {
            self.flush();
        }
    }

    fn flush(&mut self) {
        if !self.texts.is_empty() {
            // Fails only if a worker panicked, and lints never panic.
            let _ = self.lints.send((self.batches, std::mem::take(&mut self.texts)));
            self.batches += 1;
        }
    }

    fn push(&mut self, file: usize, message: Message, range: std::ops::Range<usize>) {
        self.out.push(FileDiagnostic { file, diagnostic: Diagnostic::new(message, range) });
    }

    /// Checks a reference or comparative link written at `scope` and records
    /// who it cites.
    fn cite(&mut self, file: usize, target: &Target, scope: Scope) {
        let Some(r) = self.target(file, target, Some(scope)) else { return };
        if let Resolved::Unit(n) = r
            && self.index.nodes[n].unit.content.repealed.is_some()
        {
            let path = self.index.path(n);
            self.push(file, Message::RepealedTarget { target: path }, target.span.clone());
        }
        let citer = Citer { act: scope.act, node: scope.unit };
        let cited = match r {
            Resolved::Act(_) => Vec::new(),
            Resolved::Unit(n) => vec![n],
            Resolved::Range(a, b) => self.index.range(a, b),
        };
        for n in cited {
            self.cited_by.entry(n).or_default().push(citer);
        }
    }

    /// Resolves a target, reporting why when it cannot.
    fn target(&mut self, file: usize, target: &Target, scope: Option<Scope>) -> Option<Resolved> {
        match resolve(self.index, target, scope) {
            Ok(r) => Some(r),
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
            // An act that says which jurisdiction it belongs to is real law and
            // must say where it is published.
            let declared = act.parts.iter().any(|(_, block)| block.jurisdiction.is_some());
            if declared && act.parts.iter().all(|(_, block)| block.source.is_none()) {
                let (file, block) = act.parts[0];
                self.push(file, Message::MissingSource { act: act.id.clone() }, block.id_span.clone());
            }
            for &(file, block) in &act.parts {
                for c in &block.comparisons {
                    self.cite(file, &c.target, Scope { act: a, unit: None });
                }
            }
            for (n, node) in index.nodes.iter().enumerate().filter(|(_, node)| node.act == a) {
                let scope = Scope { act: a, unit: Some(n) };
                let content = &node.unit.content;
                for text in content.titles.iter().chain(&content.texts) {
                    for r in &text.value.refs {
                        self.cite(node.file, &r.target, scope);
                    }
                    self.lint_later(node.file, &text.value, &text.lang);
                }
                for c in &content.comparisons {
                    self.cite(node.file, &c.target, scope);
                }
                self.languages(node.file, content, languages);
                self.duplicates(n);
                self.numbering(n);
            }
        }
    }
}

/// Text hygiene and unlinked citations of one string, with fixes where the
/// finding's words are written verbatim in the source.
fn lint(out: &mut Vec<FileDiagnostic>, file: usize, text: &RichText, lang: &str) {
    // Display words of references are written verbatim too; an escape is not.
    let source_range = |r: &std::ops::Range<usize>| {
        let (start, end) = (text.source_offset(r.start), text.source_offset(r.end));
        (end - start == r.len()).then_some(start..end)
    };
    let in_ref =
        |r: &std::ops::Range<usize>| text.refs.iter().any(|x| x.plain.start < r.end && r.start < x.plain.end);
    for f in crate::lint::hygiene::check(&text.plain) {
        if f.code == crate::lint::hygiene::SPACE_BEFORE_PUNCTUATION && !matches!(lang, "kk" | "ru" | "en") {
            continue;
        }
        let exact = source_range(&f.range);
        let range = exact.clone().unwrap_or_else(|| text.span.clone());
        let mut d = Diagnostic::new(Message::Hygiene { code: f.code, note: f.message }, range);
        if let (Some(range), Some(fix)) = (exact, f.fix) {
            d = d.with_fix(FixTitle::Replace(fix.clone()), vec![Edit { range, replacement: fix }]);
        }
        out.push(FileDiagnostic { file, diagnostic: d });
    }
    for c in crate::lint::citations::find(&text.plain) {
        if c.lang.code() != lang {
            continue;
        }
        if in_ref(&c.range) {
            continue;
        }
        let Some(range) = source_range(&c.range) else { continue };
        let words = text.plain[c.range.clone()].to_string();
        let replacement = crate::lint::citations::suggestion(&text.plain, &c);
        let title = FixTitle::Link(replacement.clone());
        let message = Message::UnlinkedCitation { words, target: c.target };
        let d = Diagnostic::new(message, range.clone()).with_fix(title, vec![Edit { range, replacement }]);
        out.push(FileDiagnostic { file, diagnostic: d });
    }
}

impl Cx<'_, '_> {
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
}
