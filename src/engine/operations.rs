//! Each kind of operation applied to the working copy: word changes,
//! insertions, new wordings, additions, repeals and renumberings.

use super::*;

impl Cx<'_, '_> {
    pub(super) fn unit(&mut self, target: &Target, operation: &'static str) -> OpResult<Vec<usize>> {
        match self.locate(target)? {
            Located::Unit(pos) => Ok(pos),
            _ => Err((ErrorKind::WrongTargetKind { operation }, target.span.clone())),
        }
    }

    pub(super) fn live_unit(&mut self, target: &Target, operation: &'static str) -> OpResult<Vec<usize>> {
        let pos = self.unit(target, operation)?;
        if self.applied.result.at(&pos).unit.content.repealed.is_some() {
            let unit = crate::model::written::path(&self.applied.result.path(&pos));
            return Err((
                ErrorKind::Check(Message::OperationOnRepealed { target: unit }),
                target.span.clone(),
            ));
        }
        Ok(pos)
    }

    pub(super) fn operation(&mut self, op: &Operation) -> OpResult<Vec<Touched>> {
        // A unit written in some languages only would leave the others empty.
        if let Some(message) =
            crate::index::languages::unwritten(&op.kind, &self.applied.result.meta.languages)
                .into_iter()
                .next()
        {
            return Err((ErrorKind::Check(message), op.span.clone()));
        }
        match &op.kind {
            OperationKind::Replace { target: None, changes } => self.replace_all(changes),
            OperationKind::Replace { target: Some(target), changes }
            | OperationKind::Delete { target, changes } => {
                let pos = self.live_unit(target, "replace")?;
                self.touch(&pos, |cx, pos| {
                    for c in changes {
                        cx.words(pos, c.title, &c.lang, &c.old, c.occurrence, |text, range| {
                            seam(text, range, &c.new)
                        })?;
                    }
                    Ok(())
                })
            }
            OperationKind::Insert { target, insertions } => {
                let pos = self.live_unit(target, "insert")?;
                self.touch(&pos, |cx, pos| {
                    for i in insertions {
                        match &i.position {
                            InsertPosition::Before { anchor, occurrence } => {
                                cx.words(pos, i.title, &i.lang, anchor, *occurrence, |text, r| {
                                    seam(text, r.start..r.start, &i.new)
                                })?
                            }
                            InsertPosition::After { anchor, occurrence } => {
                                cx.words(pos, i.title, &i.lang, anchor, *occurrence, |text, r| {
                                    seam(text, r.end..r.end, &i.new)
                                })?
                            }
                            InsertPosition::Start | InsertPosition::End => cx.at_edge(pos, i)?,
                        }
                    }
                    Ok(())
                })
            }
            OperationKind::Rewrite { target, content } => {
                let pos = self.unit(target, "rewrite")?;
                self.touch(&pos, |cx, pos| {
                    let old = cx.state().at(pos).clone();
                    let unit = Unit {
                        kind: old.unit.kind,
                        number: old.unit.number.clone(),
                        content: content.clone(),
                        span: old.unit.span.clone(),
                    };
                    let node = cx.state().node(unit, Some(&old));
                    let file = cx.file;
                    cx.state().written(&node, file);
                    *cx.state().at_mut(pos) = node;
                    Ok(())
                })
            }
            OperationKind::Add { kind, number, place, target, content } => {
                self.add(*kind, number.as_ref(), *place, target, content, op.span.clone())
            }
            OperationKind::Repeal { target } => self.repeal(target),
            OperationKind::Renumber { target, number, update_references } => {
                self.renumber(target, number, *update_references)
            }
        }
    }

    /// Runs `f` on the unit at `pos` and records its subtree before and after.
    pub(super) fn touch(
        &mut self,
        pos: &[usize],
        f: impl FnOnce(&mut Self, &[usize]) -> OpResult<()>,
    ) -> OpResult<Vec<Touched>> {
        let before = self.state().at(pos).clone();
        let path = self.state().path(pos);
        f(self, pos)?;
        let after = self.state().at(pos).clone();
        Ok(vec![Touched { id: before.id, path, before: Some(before), after: Some(after) }])
    }

    /// Edits the occurrences of `words` that `occurrence` selects in the
    /// `lang` text (or title) of the unit at `pos`; `edit` gives the range to
    /// replace and the replacement for each.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn words(
        &mut self,
        pos: &[usize],
        title: bool,
        lang: &str,
        words: &RichText,
        occurrence: Option<Occurrence>,
        edit: impl Fn(&str, std::ops::Range<usize>) -> (std::ops::Range<usize>, RichText),
    ) -> OpResult<()> {
        let unit_name = crate::model::written::path(&self.applied.result.path(pos));
        let not_found =
            |text: Option<&str>| crate::index::not_found(&words.plain, lang, unit_name.clone(), title, text);
        let node = self.applied.result.at_mut(pos);
        let content = &mut node.unit_mut().content;
        let texts = if title { &mut content.titles } else { &mut content.texts };
        let Some(text) = texts.iter_mut().find(|t| t.lang == lang) else {
            return Err((ErrorKind::Check(not_found(None)), words.span.clone()));
        };
        let ranges = select(&text.value.plain, &words.plain, occurrence).map_err(|count| {
            let message = if count > 1 {
                Message::AmbiguousWords { words: words.plain.clone(), lang: lang.to_string(), count, title }
            } else {
                not_found(Some(&text.value.plain))
            };
            (ErrorKind::Check(message), words.span.clone())
        })?;
        let mut dropped = Vec::new();
        for range in ranges.into_iter().rev() {
            let (range, new) = edit(&text.value.plain, range);
            let before = text.value.plain.clone();
            dropped.extend(
                splice(&mut text.value, range, &new)
                    .into_iter()
                    .map(|r| (before[r.plain.clone()].to_string(), r)),
            );
        }
        self.drop_refs(&unit_name, lang, dropped);
        Ok(())
    }

    pub(super) fn drop_refs(&mut self, unit: &str, lang: &str, dropped: Vec<(String, InlineRef)>) {
        for (words, r) in dropped {
            self.applied.dropped.push(DroppedReference {
                unit: unit.to_string(),
                lang: lang.to_string(),
                words,
                target: crate::model::written::target(&r.target),
            });
        }
    }

    pub(super) fn at_edge(&mut self, pos: &[usize], i: &crate::model::WordInsertion) -> OpResult<()> {
        let unit = crate::model::written::path(&self.applied.result.path(pos));
        let node = self.applied.result.at_mut(pos);
        let content = &mut node.unit_mut().content;
        let texts = if i.title { &mut content.titles } else { &mut content.texts };
        let Some(text) = texts.iter_mut().find(|t| t.lang == i.lang) else {
            let message =
                Message::WordsNotFound { words: String::new(), lang: i.lang.clone(), unit, title: i.title };
            return Err((ErrorKind::Check(message), i.span.clone()));
        };
        let at = if i.position == InsertPosition::Start { 0 } else { text.value.plain.len() };
        let (range, new) = seam(&text.value.plain, at..at, &i.new);
        let before = text.value.plain.clone();
        let dropped: Vec<_> = splice(&mut text.value, range, &new)
            .into_iter()
            .map(|r| (before[r.plain.clone()].to_string(), r))
            .collect();
        self.drop_refs(&unit, &i.lang, dropped);
        Ok(())
    }

    pub(super) fn replace_all(&mut self, changes: &[crate::model::WordChange]) -> OpResult<Vec<Touched>> {
        // With the position of each unit touched: positions compare in reading order.
        let mut touched: Vec<(Vec<usize>, Touched)> = Vec::new();
        let mut seen: HashMap<u32, usize> = HashMap::new();
        for c in changes {
            if c.occurrence.is_some() {
                return Err((ErrorKind::Check(Message::OccurrenceThroughout), c.span.clone()));
            }
            // The words are looked for in every text of the act: one searcher for all.
            let finder = memchr::memmem::Finder::new(c.old.plain.as_bytes());
            let fields_of = |node: &Tracked| -> Vec<bool> {
                let content = &node.unit.content;
                c.throughout()
                    .iter()
                    .copied()
                    .filter(|&title| {
                        let texts = if title { &content.titles } else { &content.texts };
                        !c.old.plain.is_empty()
                            && texts
                                .iter()
                                .any(|t| t.lang == c.lang && finder.find(t.value.plain.as_bytes()).is_some())
                    })
                    .collect()
            };
            let mut found = Vec::new();
            positions_where(&self.applied.result.roots, &mut Vec::new(), &mut |node, pos| {
                let fields = fields_of(node);
                if !fields.is_empty() {
                    found.push((pos.to_vec(), fields));
                }
            });
            if found.is_empty() {
                let message = Message::WordsNotFound {
                    words: c.old.plain.clone(),
                    lang: c.lang.clone(),
                    unit: self.applied.result.meta.id.clone(),
                    title: c.title,
                };
                return Err((ErrorKind::Check(message), c.old.span.clone()));
            }
            for (pos, fields) in found {
                let path = self.applied.result.path(&pos);
                let before = self.state().at(&pos).clone();
                for title in fields {
                    self.words(&pos, title, &c.lang, &c.old, Some(Occurrence::All), |text, r| {
                        seam(text, r, &c.new)
                    })?;
                }
                let after = self.state().at(&pos).clone();
                match seen.get(&before.id) {
                    Some(&at) => touched[at].1.after = Some(after),
                    None => {
                        seen.insert(before.id, touched.len());
                        let t = Touched { id: before.id, path, before: Some(before), after: Some(after) };
                        touched.push((pos, t));
                    }
                }
            }
        }
        // Reading order, whatever the order of the changes.
        touched.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(touched.into_iter().map(|(_, t)| t).collect())
    }

    pub(super) fn add(
        &mut self,
        kind: UnitKind,
        number: Option<&Number>,
        place: Place,
        target: &Target,
        content: &UnitContent,
        span: Span,
    ) -> OpResult<Vec<Touched>> {
        let (parent, at) = match (place, self.locate(target)?) {
            (Place::To, Located::Act) => (Vec::new(), self.applied.result.roots.len()),
            (Place::To, Located::Unit(pos)) => {
                let len = self.applied.result.at(&pos).children.len();
                (pos, len)
            }
            (Place::After | Place::Before, Located::Unit(mut pos)) => {
                let last = pos.pop().unwrap_or(0);
                (pos, if place == Place::After { last + 1 } else { last })
            }
            _ => return Err((ErrorKind::WrongTargetKind { operation: "add" }, target.span.clone())),
        };
        if !parent.is_empty() && self.applied.result.at(&parent).unit.content.repealed.is_some() {
            let unit = crate::model::written::path(&self.applied.result.path(&parent));
            return Err((
                ErrorKind::Check(Message::OperationOnRepealed { target: unit }),
                target.span.clone(),
            ));
        }
        let unit = Unit { kind, number: number.cloned(), content: content.clone(), span };
        let mut path = if parent.is_empty() { Vec::new() } else { self.applied.result.path(&parent) };
        if !parent.is_empty() && self.applied.result.at(&parent).unit.kind.is_grouping() {
            path.pop();
        }
        if let Some(n) = number {
            path.push(Segment { kind, number: Some(Number { text: n.text.clone(), span: 0..0 }) });
            self.free(&path, n.span.clone())?;
        } else {
            path.extend(segment(&unit));
        }
        // A part added to a unit whose text is not divided into parts would
        // leave that text without a number: the bill could not say which.
        if kind == UnitKind::Part && !parent.is_empty() {
            let p = self.applied.result.at(&parent);
            if !p.unit.content.texts.is_empty() && !p.children.iter().any(|c| c.unit.kind == UnitKind::Part) {
                let unit = crate::model::written::path(&self.applied.result.path(&parent));
                return Err((
                    ErrorKind::Check(Message::UndividedText {
                        unit,
                        part: crate::model::written::path(&path),
                    }),
                    target.span.clone(),
                ));
            }
        }
        let node = self.state().node(unit, None);
        let file = self.file;
        self.state().written(&node, file);
        let id = node.id;
        self.state().siblings_mut(&parent).insert(at, node.clone());
        if let Some(n) = number {
            self.in_order(&parent, at).map_err(|m| (ErrorKind::Check(m), n.span.clone()))?;
        }
        Ok(vec![Touched { id, path, before: None, after: Some(node) }])
    }

    pub(super) fn repeal(&mut self, target: &Target) -> OpResult<Vec<Touched>> {
        let positions: Vec<Vec<usize>> = match self.locate(target)? {
            Located::Unit(pos) => vec![pos],
            Located::Range(start, last) => {
                let (parent, first) = start.split_at(start.len() - 1);
                (first[0]..=last).map(|p| [parent, &[p]].concat()).collect()
            }
            Located::Act => {
                return Err((ErrorKind::WrongTargetKind { operation: "repeal" }, target.span.clone()));
            }
        };
        let date = self.amendment.in_force;
        let mut touched = Vec::new();
        for pos in positions {
            if self.applied.result.at(&pos).unit.content.repealed.is_some() {
                let unit = crate::model::written::path(&self.applied.result.path(&pos));
                return Err((
                    ErrorKind::Check(Message::OperationOnRepealed { target: unit }),
                    target.span.clone(),
                ));
            }
            let refs = self.references_to(&pos);
            let path = crate::model::written::path(&self.applied.result.path(&pos));
            let change = self.applied.changes.len();
            for r in refs {
                self.applied.stale.push(r.stale(&path, None, change));
            }
            let span = target.span.clone();
            touched.extend(self.touch(&pos, |cx, pos| {
                let node = cx.state().at_mut(pos);
                node.children_mut().clear();
                node.unit_mut().content =
                    UnitContent { repealed: Some(Repealed { date, span }), ..UnitContent::default() };
                Ok(())
            })?);
        }
        Ok(touched)
    }

    pub(super) fn renumber(
        &mut self,
        target: &Target,
        number: &Number,
        update: bool,
    ) -> OpResult<Vec<Touched>> {
        let pos = self.live_unit(target, "renumber")?;
        let old_path = self.applied.result.path(&pos);
        let mut new_path = old_path.clone();
        if let Some(last) = new_path.last_mut() {
            last.number = Some(Number { text: number.text.clone(), span: 0..0 });
        }
        self.free(&new_path, number.span.clone())?;
        let refs = self.references_to(&pos);
        let (old_text, new_text) =
            (crate::model::written::path(&old_path), crate::model::written::path(&new_path));
        let old_number = self.applied.result.at(&pos).unit.number.clone().map(|n| n.text).unwrap_or_default();
        let touched = self.touch(&pos, |cx, pos| {
            cx.state().at_mut(pos).unit_mut().number =
                Some(Number { text: number.text.clone(), span: number.span.clone() });
            Ok(())
        })?;
        let (parent, at) = pos.split_at(pos.len() - 1);
        self.in_order(parent, at[0]).map_err(|m| (ErrorKind::Check(m), number.span.clone()))?;
        // A relative reference below the unit does not name it and stays right.
        let refs =
            refs.into_iter().filter(|r| !matches!(r.edit, Some(RefEdit { segment: Named::Below, .. })));
        let mut unrewritable = Vec::new();
        let change = self.applied.changes.len();
        for mut r in refs {
            match (update, &r.site, r.edit.take()) {
                (true, CitedAt::InAct { unit }, Some(edit)) => {
                    let unit = unit.clone();
                    let r = self.ref_mut(&edit);
                    let seg = match edit.segment {
                        Named::Segment(i) => r.path.get_mut(i).and_then(|s| s.number.as_mut()),
                        Named::RangeEnd => r.range_end.as_mut(),
                        Named::Below => None,
                    };
                    if let Some(n) = seg.filter(|n| n.text == old_number) {
                        n.text = number.text.clone();
                    }
                    if let Some(words) = self.display_words(&edit, &unit, &old_number, &number.text) {
                        unrewritable.push(format!("{} {unit} «{words}»", self.applied.result.meta.id));
                    }
                }
                _ => self.applied.stale.push(r.stale(&old_text, Some(new_text.clone()), change)),
            }
        }
        if !unrewritable.is_empty() {
            let message =
                Message::UnrewritableCitations { unit: old_text, to: new_text, places: unrewritable };
            return Err((ErrorKind::Check(message), target.span.clone()));
        }
        self.applied.renumbered.push((old_text, new_text));
        Ok(touched)
    }

    /// The numbered unit at `at` among the children of `parent` keeps the
    /// numbers of its kind going up (numbers compared as `zan check` does).
    pub(super) fn in_order(&self, parent: &[usize], at: usize) -> Result<(), Message> {
        let state = &self.applied.result;
        let siblings = if parent.is_empty() { &state.roots } else { &state.at(parent).children };
        let me = &siblings[at].unit;
        let Some(mine) = me.number.as_ref().and_then(|n| crate::index::numbers::key(&n.text)) else {
            return Ok(());
        };
        let keyed = |n: &Tracked| {
            let k = crate::index::numbers::key(&n.unit.number.as_ref()?.text)?;
            (n.unit.kind == me.kind).then_some(k)
        };
        let name = |i: usize| {
            let mut pos = parent.to_vec();
            pos.push(i);
            crate::model::written::path(&state.path(&pos))
        };
        let unit = name(at);
        if let Some((i, k)) = siblings[..at].iter().enumerate().rev().find_map(|(i, n)| Some((i, keyed(n)?)))
            && k >= mine
        {
            return Err(Message::AmendedOrder { unit, neighbour: name(i), before: false });
        }
        if let Some((i, k)) = siblings.iter().enumerate().skip(at + 1).find_map(|(i, n)| Some((i, keyed(n)?)))
            && k <= mine
        {
            return Err(Message::AmendedOrder { unit, neighbour: name(i), before: true });
        }
        Ok(())
    }
}

/// Calls `f` with every node under `nodes` and its position, in reading
/// order, without allocating a position per node.
fn positions_where(nodes: &[Tracked], prefix: &mut Vec<usize>, f: &mut impl FnMut(&Tracked, &[usize])) {
    for (i, n) in nodes.iter().enumerate() {
        prefix.push(i);
        f(n, prefix);
        positions_where(&n.children, prefix, f);
        prefix.pop();
    }
}
