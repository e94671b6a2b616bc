//! The lints of the analysis: every string of the workspace through the
//! text-hygiene and citation lints (`src/lint/`), on every core, cached per
//! string for the server, and placed on the string's source bytes; and the
//! check that a reference's display words cite its target.

use std::collections::HashMap;
use std::sync::mpsc::Receiver;
use std::sync::{Arc, Mutex};

use super::{Cx, FileDiagnostic};
use crate::diag::{Diagnostic, Edit, FixTitle, Message};
use crate::model::RichText;

/// A lint worker: lints the batches it receives until the sender is gone,
/// returning each batch's findings with the batch's number.
pub(super) fn lint_batches(
    receive: &Mutex<Receiver<(usize, Vec<Lintable>)>>,
) -> Vec<(usize, Vec<FileDiagnostic>)> {
    let mut done = Vec::new();
    loop {
        // A statement of its own, so the lock is released before linting.
        let batch = crate::par::lock(receive).recv();
        let Ok((number, texts)) = batch else { return done };
        let mut out = Vec::new();
        for (file, text, lang) in texts {
            place(&mut out, file, text, lang, &PlainLints::of(&text.plain));
        }
        done.push((number, out));
    }
}

/// A string to lint: its file, the text and its language.
pub(super) type Lintable<'m> = (usize, &'m RichText, &'m str);

/// How many strings go to a lint worker at once.
pub(super) const LINT_BATCH: usize = 2048;

impl<'m> Cx<'_, 'm> {
    /// Queues a string for the lints.
    pub(super) fn lint_later(&mut self, file: usize, text: &'m RichText, lang: &'m str) {
        self.texts.push((file, text, lang));
        if self.texts.len() == LINT_BATCH {
            self.flush();
        }
    }

    /// Sends the queued strings to the lint workers, if they run.
    pub(super) fn flush(&mut self) {
        if let Some(lints) = &self.lints
            && !self.texts.is_empty()
        {
            // Fails only if a worker panicked, and lints never panic.
            let _ = lints.send((self.batches, std::mem::take(&mut self.texts)));
            self.batches += 1;
        }
    }
}

/// The lints of every string, on every core: they depend on nothing else.
/// With a cache, only strings whose words it does not hold are linted.
pub(super) fn lint_all(texts: &[(usize, &RichText, &str)], cache: Option<&LintCache>) -> Vec<FileDiagnostic> {
    let Some(cache) = cache else {
        return parallel(texts, |out, &(file, text, lang)| {
            place(out, file, text, lang, &PlainLints::of(&text.plain));
        });
    };
    let mut known = cache.lock();
    let mut found: Vec<Option<Arc<PlainLints>>> = texts.iter().map(|t| known.get(&t.1.plain)).collect();
    drop(known);
    let missing: Vec<usize> = (0..texts.len()).filter(|&i| found[i].is_none()).collect();
    let fresh = parallel(&missing, |out, &i| out.push((i, Arc::new(PlainLints::of(&texts[i].1.plain)))));
    known = cache.lock();
    for (i, lints) in fresh {
        known.insert(&texts[i].1.plain, lints.clone());
        found[i] = Some(lints);
    }
    known.rotate();
    drop(known);
    let mut out = Vec::new();
    for (&(file, text, lang), lints) in texts.iter().zip(found) {
        place(&mut out, file, text, lang, &lints.expect("every text is linted"));
    }
    out
}

/// `f` over `items` on every core, the outputs in the order of the items.
fn parallel<I: Sync, T: Send>(items: &[I], f: impl Fn(&mut Vec<T>, &I) + Sync) -> Vec<T> {
    let outs = crate::par::map(
        items,
        || (),
        |_, item| {
            let mut out = Vec::new();
            f(&mut out, item);
            out
        },
    );
    outs.into_iter().flatten().collect()
}

/// What the lints find in a string's plain words, before they are placed
/// in the source: a function of the words alone.
#[derive(Debug)]
pub struct PlainLints {
    hygiene: Vec<crate::lint::hygiene::Finding>,
    citations: Vec<crate::lint::citations::Citation>,
}

impl PlainLints {
    fn of(plain: &str) -> PlainLints {
        PlainLints {
            hygiene: crate::lint::hygiene::check(plain),
            citations: crate::lint::citations::find(plain),
        }
    }
}

/// The lints of strings by their words, kept across runs of
/// a [`Plan`] with `only`, so a keystroke re-lints only the string it changed.
/// Words not seen in the last two runs are forgotten.
#[derive(Debug, Default)]
pub struct LintCache(Mutex<Generations>);

#[derive(Debug, Default)]
struct Generations {
    /// The lints of each string, and the last run that used them.
    kept: HashMap<String, (Arc<PlainLints>, u64), foldhash::fast::RandomState>,
    run: u64,
}

impl LintCache {
    fn lock(&self) -> std::sync::MutexGuard<'_, Generations> {
        crate::par::lock(&self.0)
    }
}

impl Generations {
    fn get(&mut self, plain: &str) -> Option<Arc<PlainLints>> {
        let (lints, used) = self.kept.get_mut(plain)?;
        *used = self.run;
        Some(lints.clone())
    }

    fn insert(&mut self, plain: &str, lints: Arc<PlainLints>) {
        self.kept.insert(plain.to_string(), (lints, self.run));
    }

    /// Ends a run: what neither it nor the one before used is dropped.
    fn rotate(&mut self) {
        let run = self.run;
        self.kept.retain(|_, (_, used)| *used + 1 >= run);
        self.run += 1;
    }
}

/// Text hygiene and unlinked citations of one string, with fixes where the
/// finding's words are written verbatim in the source.
fn place(out: &mut Vec<FileDiagnostic>, file: usize, text: &RichText, lang: &str, lints: &PlainLints) {
    // Display words of references are written verbatim too; an escape is not.
    let source_range = |r: &std::ops::Range<usize>| {
        let (start, end) = (text.source_offset(r.start), text.source_offset(r.end));
        (end - start == r.len()).then_some(start..end)
    };
    let in_ref =
        |r: &std::ops::Range<usize>| text.refs.iter().any(|x| x.plain.start < r.end && r.start < x.plain.end);
    for f in &lints.hygiene {
        if f.code == crate::lint::hygiene::SPACE_BEFORE_PUNCTUATION && !matches!(lang, "kk" | "ru" | "en") {
            continue;
        }
        let exact = source_range(&f.range);
        let range = exact.clone().unwrap_or_else(|| text.span.clone());
        let mut d = Diagnostic::new(Message::Hygiene { code: f.code, note: f.message.clone() }, range);
        if let (Some(range), Some(fix)) = (exact, f.fix.clone()) {
            d = d.with_fix(FixTitle::Replace(fix.clone()), vec![Edit { range, replacement: fix }]);
        }
        out.push(FileDiagnostic { file, diagnostic: d });
    }
    for c in &lints.citations {
        if c.lang.code() != lang {
            continue;
        }
        if in_ref(&c.range) {
            continue;
        }
        let Some(range) = source_range(&c.range) else { continue };
        let words = text.plain[c.range.clone()].to_string();
        let replacement = crate::lint::citations::suggestion(&text.plain, c);
        let title = FixTitle::Link(replacement.clone());
        let message = Message::UnlinkedCitation { words, target: c.target.clone() };
        let d = Diagnostic::new(message, range.clone()).with_fix(title, vec![Edit { range, replacement }]);
        out.push(FileDiagnostic { file, diagnostic: d });
    }
    // Display words that cite another number than the reference's target.
    for r in &text.refs {
        if r.target.path.iter().any(|s| s.number.is_none()) {
            continue;
        }
        let words = &text.plain[r.plain.clone()];
        let path: Vec<(&str, &str)> =
            r.target.path.iter().map(|s| (s.kind.keyword(), s.number_text())).collect();
        let end = r.target.range_end.as_ref().map(|n| n.text.as_str());
        let Some((cites, fixed)) = crate::lint::citations::mismatch(words, lang, &path, end) else {
            continue;
        };
        let target = crate::model::written::target(&crate::model::Target {
            act: None,
            version: None,
            ..r.target.clone()
        });
        let message = Message::CitationWordsMismatch { words: words.to_string(), cites, target };
        // The end of the display words is where the link's bracket starts,
        // so it is found from their last character.
        let last = words.chars().next_back().map_or(0, char::len_utf8);
        let start = text.source_offset(r.plain.start);
        let end = text.source_offset(r.plain.end - last) + last;
        let exact = (end - start == r.plain.len()).then_some(start..end);
        let mut d = Diagnostic::new(message, exact.clone().unwrap_or_else(|| r.span.clone()));
        if let (Some(range), Some(fixed)) = (exact, fixed) {
            d = d.with_fix(FixTitle::Replace(fixed.clone()), vec![Edit { range, replacement: fixed }]);
        }
        out.push(FileDiagnostic { file, diagnostic: d });
    }
}
