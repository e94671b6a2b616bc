//! Amendment checks: targets, quoted words, operations on repealed units,
//! conflicts between operations, and references left dangling by a repeal or
//! renumbering.
//!
//! Operations are checked against their base version. An operation may target
//! a unit that an earlier operation of the same amendment adds or renumbers.

use std::borrow::Borrow;
use std::ops::Range;

use super::{Citer, Cx, FileDiagnostic, Resolved, Scope};
use crate::diag::{Diagnostic, Message, Severity};
use crate::model::{
    Amendment, File, InsertPosition, Occurrence, Operation, OperationKind, Place, RichText, Target, Text,
    Unit, UnitContent, UnitKind,
};

pub(crate) type Path = Vec<(UnitKind, String)>;

pub(crate) fn segments(t: &Target) -> Path {
    t.path.iter().map(|s| (s.kind, s.number_text().to_string())).collect()
}

/// The unit whose scope the references of a new wording (`add`, `rewrite`)
/// resolve in: they see the base and what the amendment creates, from the
/// unit that holds the new one. `node` is what the operation's target
/// resolved to.
pub(crate) fn new_wording_parent(
    index: &super::Index,
    kind: &OperationKind,
    node: Option<usize>,
) -> Option<usize> {
    match kind {
        OperationKind::Add { place: Place::To, .. } => node,
        _ => node.and_then(|n| index.nodes[n].parent),
    }
}

/// The path of the unit an `add` or `renumber` brings into being.
pub(crate) fn creates(kind: &OperationKind) -> Option<Path> {
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

/// Every path an operation brings into being or gives new content, as a
/// later operation of the same amendment would name it: the unit an `add`
/// or `rewrite` writes and every unit inside it, the renumbered unit and
/// every unit inside it (`n` is its node in the base, when it has one).
fn brings(index: &super::Index, kind: &OperationKind, n: Option<usize>) -> Vec<Path> {
    fn inside(path: &Path, content: &UnitContent, out: &mut Vec<Path>) {
        for c in &content.children {
            let mut p = path.clone();
            p.push((c.kind, c.number.as_ref().map_or(String::new(), |n| n.text.clone())));
            out.push(p.clone());
            inside(&p, &c.content, out);
        }
    }
    fn below(index: &super::Index, path: &Path, n: usize, out: &mut Vec<Path>) {
        for &c in &index.nodes[n].children {
            let unit = index.nodes[c].unit;
            let mut p = path.clone();
            p.push((unit.kind, unit.number.as_ref().map_or(String::new(), |n| n.text.clone())));
            out.push(p.clone());
            below(index, &p, c, out);
        }
    }
    let mut out = Vec::new();
    if let Some((path, content)) = crate::index::languages::written(kind) {
        let path: Path = path.iter().map(|s| (s.kind, s.number_text().to_string())).collect();
        out.push(path.clone());
        inside(&path, content, &mut out);
    } else if let (Some(path), Some(n)) = (creates(kind), n) {
        out.push(path.clone());
        below(index, &path, n, &mut out);
    } else {
        out.extend(creates(kind));
    }
    out
}

/// What an operation touches in its base version.
#[derive(Debug, Clone)]
enum Touch {
    /// The whole unit: rewrite, repeal, renumber.
    Unit,
    /// Byte ranges of one language's text of the unit.
    Words { lang: String, ranges: Vec<Range<usize>> },
}

/// One operation's touch on one unit, for conflict detection.
#[derive(Debug, Clone)]
struct Mark {
    amendment: usize,
    op: usize,
    file: usize,
    span: Range<usize>,
    node: usize,
    touch: Touch,
}

impl<'m> Cx<'_, 'm> {
    pub(super) fn amendments<F: Borrow<File>>(&mut self, files: &'m [F]) {
        let mut marks = Vec::new();
        let mut ids = Vec::new();
        let models: Vec<&'m File> = files.iter().map(Borrow::borrow).collect();
        let mut checked = Vec::new();
        for (file, f) in models.iter().enumerate() {
            for a in &f.amendments {
                ids.push(a.id.clone());
                let before = self.out.len();
                let shifts = self.amendment(file, a, ids.len() - 1, &mut marks);
                let clean = self.out[before..].iter().all(|d| d.diagnostic.severity != Severity::Error);
                checked.push((file, a, shifts, clean));
            }
        }
        let torn = self.conflicts(&marks, &ids);
        // The amendments of one act start from one base, made once.
        let mut bases = crate::engine::Bases::default();
        for (number, (file, a, shifts, clean)) in checked.into_iter().enumerate() {
            // A conflict with another proposal does not stop this one alone.
            if !clean || torn.contains(&number) || !self.applies(&models, &mut bases, file, a) {
                // Not applied: what the base version says.
                for (op, n, renumber, updated) in shifts {
                    self.shift(file, op, n, renumber, updated);
                }
            }
        }
    }

    /// What `zan check` accepts, the engine applies: an amendment in which
    /// the checks above found no error is applied, and what stops the engine
    /// is reported here too. This covers what those checks cannot see from
    /// the base version alone: words quoted from a unit an earlier operation
    /// added, rewrote or changed.
    /// Returns whether the engine applied it; then the references it leaves
    /// behind, once every operation is applied, are the `reference-shift`
    /// warnings (a consequential change in the same amendment clears them).
    fn applies(
        &mut self,
        files: &[&'m File],
        bases: &mut crate::engine::Bases,
        file: usize,
        a: &'m Amendment,
    ) -> bool {
        let applied = match crate::engine::apply_shared(files, self.index, bases, file, a) {
            Ok(applied) => applied,
            Err(e) => {
                if let (crate::engine::ErrorKind::Check(message), Some((at, span))) = (e.kind, e.at) {
                    self.push(at, message, span);
                }
                return false;
            }
        };
        // One warning per operation and unit, listing every citing place.
        let mut shifts: Vec<(usize, &str, bool, Vec<String>)> = Vec::new();
        for s in &applied.stale {
            let operation = applied.changes[s.change].operation;
            match shifts.iter_mut().find(|(o, unit, ..)| *o == operation && *unit == s.unit) {
                Some((.., places)) => places.push(s.citer.clone()),
                None => shifts.push((operation, &s.unit, s.renumbered_to.is_some(), vec![s.citer.clone()])),
            }
        }
        for (operation, unit, renumber, mut places) in shifts {
            places.sort();
            places.dedup();
            let op = &a.operations[operation];
            let span = op.target().map_or(op.span.clone(), |t| t.span.clone());
            let message = Message::ReferenceShift { target: unit.to_string(), renumber, cited_by: places };
            self.push(file, message, span);
        }
        true
    }

    /// The checks of one amendment's operations against its base version;
    /// returns the repeals and renumberings whose citing places are to be
    /// reported (`shift`) if the engine cannot say what it leaves behind.
    fn amendment(
        &mut self,
        file: usize,
        a: &'m Amendment,
        number: usize,
        marks: &mut Vec<Mark>,
    ) -> Vec<(&'m Operation, usize, bool, bool)> {
        let mut shifts = Vec::new();
        let index = self.index;
        let Some(act_id) = &a.act else { return shifts };
        // The act as of a date exists only once the engine has consolidated
        // it: `applies` checks such an amendment by applying it.
        if a.as_of.is_some() {
            return shifts;
        }
        let base = match index.base(act_id, a.base_version) {
            Ok(base) => base,
            Err(message) => {
                self.push(file, message, a.target_span.clone());
                return shifts;
            }
        };
        self.justifications(file, a, &index.acts[base].meta().languages);
        let scope = Scope { act: base, unit: None };
        let mut created: Vec<Path> = Vec::new();
        let mut repealed: Vec<usize> = Vec::new();
        // Units whose words an earlier operation changed: words quoted there
        // but not in the base may be words that operation wrote, and the
        // engine, which applies the operations in order, decides.
        let mut changed: Vec<usize> = Vec::new();
        for (op_no, op) in a.operations.iter().enumerate() {
            for c in &op.comparisons {
                self.target(file, &c.target, Some(scope));
            }
            let node = match op.target() {
                Some(t) if created.contains(&segments(t)) => None,
                Some(t) => match self.target(file, t, Some(scope)) {
                    Some(Resolved::Unit(n)) => Some(n),
                    _ => None,
                },
                None => None,
            };
            if let (Some(kind), Some(t)) = (op.unnumbered_addition(), op.target()) {
                // The operation's head, «add point to article 3».
                let message = Message::UnnumberedAddition { kind: kind.keyword() };
                self.push(file, message, op.span.start..t.span.end);
            }
            let new_path = creates(&op.kind);
            if let Some(path) = &new_path
                && created.contains(path)
            {
                self.exists(file, &op.kind, path);
            }
            created.extend(brings(index, &op.kind, node));
            if let OperationKind::Rewrite { content, .. } | OperationKind::Add { content, .. } = &op.kind {
                let unit = new_wording_parent(index, &op.kind, node);
                self.new_content(file, content, Scope { act: base, unit }, &created);
                for message in super::unwritten(&op.kind, &index.acts[base].meta().languages) {
                    self.push(file, message, op.span.clone());
                }
            }
            let mark =
                |node, touch| Mark { amendment: number, op: op_no, file, span: op.span.clone(), node, touch };
            if let OperationKind::Replace { target: None, changes } = &op.kind {
                for c in changes {
                    if c.occurrence.is_some() {
                        self.push(file, Message::OccurrenceThroughout, c.span.clone());
                    }
                    let before = self.out.len();
                    let found = self.everywhere(file, base, c);
                    if !changed.is_empty() {
                        self.out.truncate(before);
                    }
                    changed.extend(found.iter().map(|(n, ..)| *n));
                    marks.extend(
                        found.into_iter().map(|(n, lang, r)| mark(n, Touch::Words { lang, ranges: r })),
                    );
                }
                continue;
            }
            let Some(n) = node else { continue };
            let target_span = op.target().map_or(op.span.clone(), |t| t.span.clone());
            let already = index.nodes[n].unit.content.repealed.is_some()
                || repealed.iter().any(|&r| index.within(n, r));
            if already && !matches!(op.kind, OperationKind::Add { .. }) {
                self.push(file, Message::OperationOnRepealed { target: index.path(n) }, target_span);
                continue;
            }
            match &op.kind {
                OperationKind::Repeal { .. } => {
                    repealed.push(n);
                    shifts.push((op, n, false, false));
                    marks.push(mark(n, Touch::Unit));
                }
                OperationKind::Renumber { number, update_references, .. } => {
                    let unit = index.nodes[n].unit;
                    let parent = index.nodes[n].parent;
                    if !index.find_child(base, parent, unit.kind, Some(&number.text)).is_empty() {
                        self.exists(file, &op.kind, &creates(&op.kind).unwrap_or_default());
                    }
                    shifts.push((op, n, true, *update_references));
                    marks.push(mark(n, Touch::Unit));
                }
                OperationKind::Rewrite { .. } => marks.push(mark(n, Touch::Unit)),
                OperationKind::Add { kind, number: Some(number), place, .. } => {
                    let parent = if *place == Place::To { Some(n) } else { index.nodes[n].parent };
                    if !index.find_child(base, parent, *kind, Some(&number.text)).is_empty() {
                        self.exists(file, &op.kind, &creates(&op.kind).unwrap_or_default());
                    }
                }
                OperationKind::Add { .. } => {}
                _ => {
                    let before = self.out.len();
                    let found = self.words(file, &op.kind, n);
                    if changed.contains(&n) {
                        self.out.truncate(before);
                    }
                    changed.push(n);
                    for (lang, ranges) in found {
                        marks.push(mark(n, Touch::Words { lang, ranges }));
                    }
                }
            }
        }
        shifts
    }

    /// References, comparative links and text hygiene of the units a
    /// `rewrite` or `add` writes.
    fn new_content(&mut self, file: usize, content: &'m UnitContent, scope: Scope, created: &[Path]) {
        let mut stack = vec![content];
        while let Some(c) = stack.pop() {
            for text in c.titles.iter().chain(&c.texts) {
                for r in &text.value.refs {
                    if r.target.act.is_some() || !created.contains(&segments(&r.target)) {
                        self.target(file, &r.target, Some(scope));
                    }
                }
                self.lint_later(file, &text.value, &text.lang);
            }
            for cmp in &c.comparisons {
                self.target(file, &cmp.target, Some(scope));
            }
            stack.extend(c.children.iter().map(|u| &u.content));
        }
    }

    /// An `add` or `renumber` whose new number is taken.
    fn exists(&mut self, file: usize, kind: &OperationKind, path: &Path) {
        let span = match kind {
            OperationKind::Add { number: Some(n), .. } | OperationKind::Renumber { number: n, .. } => {
                n.span.clone()
            }
            _ => return,
        };
        let unit = path.iter().map(|(k, n)| format!("{} {n}", k.keyword())).collect::<Vec<_>>().join(" ");
        self.push(file, Message::UnitExists { unit }, span);
    }

    /// Checks the quoted words of a word operation on unit `n`; returns the
    /// ranges each language's text is touched at.
    fn words(&mut self, file: usize, kind: &OperationKind, n: usize) -> Vec<(String, Vec<Range<usize>>)> {
        let mut out = Vec::new();
        match kind {
            OperationKind::Replace { changes, .. } | OperationKind::Delete { changes, .. } => {
                for c in changes {
                    out.extend(self.find(file, n, c.title, &c.lang, &c.old, c.occurrence));
                }
            }
            OperationKind::Insert { insertions, .. } => {
                for i in insertions {
                    match &i.position {
                        InsertPosition::Before { anchor, occurrence }
                        | InsertPosition::After { anchor, occurrence } => {
                            out.extend(self.find(file, n, i.title, &i.lang, anchor, *occurrence));
                        }
                        edge => {
                            let texts = texts_of(self.index.nodes[n].unit, i.title);
                            let Some(text) = texts.iter().find(|t| t.lang == i.lang) else {
                                let unit = self.index.path(n);
                                let message = Message::WordsNotFound {
                                    words: String::new(),
                                    lang: i.lang.clone(),
                                    unit,
                                    title: i.title,
                                };
                                self.push(file, message, i.span.clone());
                                continue;
                            };
                            let at = if matches!(edge, InsertPosition::Start) {
                                0
                            } else {
                                text.value.plain.len()
                            };
                            out.push((touched(i.title, &i.lang), std::iter::once(at..at).collect()));
                        }
                    }
                }
            }
            _ => {}
        }
        out
    }

    /// The chosen occurrences of `words` in the `lang` text of unit `n`, or a
    /// diagnostic on the quoted words.
    fn find(
        &mut self,
        file: usize,
        n: usize,
        title: bool,
        lang: &str,
        words: &RichText,
        which: Option<Occurrence>,
    ) -> Option<(String, Vec<Range<usize>>)> {
        let texts = texts_of(self.index.nodes[n].unit, title);
        let found = texts.iter().find(|t| t.lang == lang);
        let text = found.map_or("", |t| t.value.plain.as_str());
        match crate::engine::select(text, &words.plain, which) {
            Ok(ranges) => {
                let index = self.index;
                self.words_from_summary(file, found, words, || index.path(n), title);
                Some((touched(title, lang), ranges))
            }
            Err(count) => {
                let message = if count > 1 {
                    Message::AmbiguousWords {
                        words: words.plain.clone(),
                        lang: lang.to_string(),
                        count,
                        title,
                    }
                } else {
                    super::not_found(
                        &words.plain,
                        lang,
                        self.index.path(n),
                        title,
                        found.map(|t| t.value.plain.as_str()),
                    )
                };
                self.push(file, message, words.span.clone());
                None
            }
        }
    }

    /// Every occurrence of a `replace-all` line's words in the act, by unit
    /// and field (`WordChange::throughout`).
    fn everywhere(
        &mut self,
        file: usize,
        act: usize,
        c: &crate::model::WordChange,
    ) -> Vec<(usize, String, Vec<Range<usize>>)> {
        let index = self.index;
        let words = &c.old;
        let mut texts = Vec::new();
        let mut found: Vec<(usize, String, Vec<Range<usize>>)> = Vec::new();
        // One searcher for every text of the act: most hold no occurrence.
        let finder = memchr::memmem::Finder::new(words.plain.as_bytes());
        for (n, node) in index.nodes.iter().enumerate().filter(|(_, node)| node.act == act) {
            for &title in c.throughout() {
                let Some(text) = texts_of(node.unit, title).iter().find(|t| t.lang == c.lang) else {
                    continue;
                };
                if finder.find(text.value.plain.as_bytes()).is_none() {
                    continue;
                }
                let all = crate::engine::select(&text.value.plain, &words.plain, Some(Occurrence::All));
                let Ok(ranges) = all else { continue };
                texts.push(text);
                found.push((n, touched(title, &c.lang), ranges));
            }
        }
        self.words_from_summary(file, texts, words, || index.acts[act].id.clone(), false);
        if found.is_empty() && !words.plain.is_empty() {
            let message = Message::WordsNotFound {
                words: words.plain.clone(),
                lang: c.lang.clone(),
                unit: index.acts[act].id.clone(),
                title: c.title,
            };
            self.push(file, message, words.span.clone());
        }
        found
    }

    /// A repealed or renumbered unit that is still cited: every citing place.
    /// With `update-references`, citations inside the act are updated and only
    /// those from other acts remain.
    fn shift(&mut self, file: usize, op: &Operation, n: usize, renumber: bool, updated: bool) {
        let index = self.index;
        let act = index.nodes[n].act;
        let mut places: Vec<String> = Vec::new();
        for (&cited, citers) in &self.cited_by {
            if !index.within(cited, n) {
                continue;
            }
            for c in citers {
                let inside = c.node.is_some_and(|x| index.within(x, n));
                if inside || (updated && c.act == act) {
                    continue;
                }
                places.push(describe(self, *c));
            }
        }
        if places.is_empty() {
            return;
        }
        places.sort();
        places.dedup();
        let span = op.target().map_or(op.span.clone(), |t| t.span.clone());
        let message = Message::ReferenceShift { target: index.path(n), renumber, cited_by: places };
        self.push(file, message, span);
    }

    /// Two operations touching the same unit (one of them as a whole) or the
    /// same words of the same text. Within one amendment the later one is
    /// reported; between two amendments, both.
    /// Returns the amendments with a conflict between their own operations.
    fn conflicts(&mut self, marks: &[Mark], ids: &[String]) -> Vec<usize> {
        let index = self.index;
        let mut torn = Vec::new();
        for (j, later) in marks.iter().enumerate() {
            let clash = marks[..j].iter().find(|earlier| {
                if (earlier.amendment, earlier.op) == (later.amendment, later.op) {
                    return false;
                }
                match (&earlier.touch, &later.touch) {
                    (Touch::Words { lang: a, ranges: ra }, Touch::Words { lang: b, ranges: rb }) => {
                        earlier.node == later.node
                            && a == b
                            && ra.iter().any(|x| rb.iter().any(|y| overlap(x, y)))
                    }
                    // Words of a unit's own text or title are not inside
                    // its parts: only a whole operation on the unit or
                    // around it touches them.
                    (Touch::Words { .. }, Touch::Unit) => index.within(earlier.node, later.node),
                    (Touch::Unit, Touch::Words { .. }) => index.within(later.node, earlier.node),
                    _ => index.within(later.node, earlier.node) || index.within(earlier.node, later.node),
                }
            });
            let Some(earlier) = clash else { continue };
            let target = index.path(later.node);
            if earlier.amendment == later.amendment {
                torn.push(later.amendment);
                let other = format!("operation {} of this amendment", earlier.op + 1);
                let message = Message::Conflict { target, other };
                self.out.push(FileDiagnostic {
                    file: later.file,
                    diagnostic: Diagnostic::new(message, later.span.clone()),
                });
                continue;
            }
            // Two proposals: each is told of the other.
            for (here, there) in [(later, earlier), (earlier, later)] {
                let message = Message::ProposalConflict {
                    target: target.clone(),
                    amendment: ids[there.amendment].clone(),
                };
                self.out.push(FileDiagnostic {
                    file: here.file,
                    diagnostic: Diagnostic::new(message, here.span.clone()),
                });
            }
        }
        torn
    }
}

/// The unit's titles or its texts.
fn texts_of(unit: &Unit, title: bool) -> &[Text] {
    if title { &unit.content.titles } else { &unit.content.texts }
}

/// What a word operation touches: one language of the title or of the text.
fn touched(title: bool, lang: &str) -> String {
    if title { format!("title {lang}") } else { lang.to_string() }
}

/// Ranges overlap, or are the same insertion point.
fn overlap(a: &Range<usize>, b: &Range<usize>) -> bool {
    (a.start < b.end && b.start < a.end) || (a.is_empty() && a == b)
}

fn describe(cx: &Cx, c: Citer) -> String {
    let id = &cx.index.acts[c.act].id;
    match c.node {
        Some(n) => format!("{id} {}", cx.index.path(n)),
        None => id.clone(),
    }
}
