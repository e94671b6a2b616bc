//! Lowering: the tree-sitter tree to the typed model. Never fails: anything
//! malformed is skipped with a diagnostic (syntax errors come from `syntax::errors`).

use std::sync::LazyLock;

use tree_sitter::{Node, Tree};

use super::*;
use crate::diag::{Diagnostic, Message};

/// How deeply units may nest. Real acts nest fewer than ten levels (book,
/// section, chapter, article, part, point, subpoint); the bound keeps lowering,
/// the analysis and dropping the model off the end of the stack whatever the input.
pub const MAX_DEPTH: usize = 100;

/// Builds the model of one parsed file.
pub fn lower(tree: &Tree, text: &str) -> File {
    let mut cx = Cx { text, diagnostics: crate::syntax::errors(tree, text), depth: 0 };
    let mut file = File::default();
    for node in named(tree.root_node()) {
        match node.kind() {
            "act" => file.acts.extend(cx.act(node)),
            "amendment" => file.amendments.extend(cx.amendment(node)),
            "bill" => file.bills.extend(cx.bill(node)),
            _ => {}
        }
    }
    file.diagnostics = cx.diagnostics;
    file.diagnostics.sort_by_key(|d| (d.range.start, d.range.end));
    file
}

/// Lowers one `unit` node with `depth` units around it: the unit as `lower`
/// makes it, and the diagnostics lowering it reports (not syntax errors).
/// For the server, which re-lowers only the unit an edit falls in.
pub fn unit(node: Node, text: &str, depth: usize) -> (Option<Unit>, Vec<Diagnostic>) {
    let mut cx = Cx { text, diagnostics: Vec::new(), depth };
    let unit = cx.unit(node);
    (unit, cx.diagnostics)
}

struct Cx<'a> {
    text: &'a str,
    diagnostics: Vec<Diagnostic>,
    /// How many units enclose the one being lowered.
    depth: usize,
}

fn named<'t>(node: Node<'t>) -> impl Iterator<Item = Node<'t>> {
    let mut cursor = node.walk();
    let children: Vec<Node<'t>> = node.named_children(&mut cursor).collect();
    children.into_iter().filter(|n| !n.is_error() && !n.is_missing() && !n.is_extra())
}

/// The grammar's field ids, looked up once: `child_by_field_name` compares
/// the name with every field name of the grammar on each call.
macro_rules! fields {
    ($($name:ident),*) => {
        struct Fields { $($name: u16),* }
        static FIELDS: LazyLock<Fields> = LazyLock::new(|| {
            let language = crate::syntax::language();
            let id = |name: &str| language.field_id_for_name(name).map_or(0, |id| id.get());
            Fields { $($name: id(stringify!($name))),* }
        });

        #[cfg(test)]
        #[test]
        fn every_field_is_in_the_grammar() {
            $(assert_ne!(FIELDS.$name, 0, stringify!($name));)*
        }
    };
}

fields!(
    act, anchor, as_of, author, body, code, date, display, edge, fidelity, id, in_force, kind, lang, law,
    name, new, note, number, old, place, position, relation, side, source, status, target, text, title,
    update, value, version, which
);

fn field(node: Node<'_>, id: u16) -> Option<Node<'_>> {
    node.child_by_field_id(id).filter(|n| !n.is_missing() && !n.is_error())
}

/// Sets a once-only statement, reporting a repeat.
fn once<T>(slot: &mut Option<T>, value: Option<T>, statement: &'static str, node: Node, cx: &mut Cx) {
    let Some(value) = value else { return };
    if slot.is_some() {
        cx.diagnostics.push(Diagnostic::new(Message::DuplicateStatement { statement }, node.byte_range()));
    } else {
        *slot = Some(value);
    }
}

impl Cx<'_> {
    fn src(&self, node: Node) -> &str {
        self.text.get(node.byte_range()).unwrap_or("")
    }

    fn field_src(&self, node: Node, id: u16) -> Option<String> {
        field(node, id).map(|n| self.src(n).to_string())
    }

    fn date(&mut self, node: Option<Node>) -> Option<Date> {
        let node = node?;
        let s = self.src(node);
        let date = Date::parse(s);
        if date.is_none() {
            let message = Message::InvalidDate { date: s.to_string() };
            self.diagnostics.push(Diagnostic::new(message, node.byte_range()));
        }
        date
    }

    fn lang(&mut self, node: Node) -> String {
        let lang = self.src(node).to_string();
        if !crate::lang::is_iso639_1(&lang) {
            let message = Message::UnknownLanguage { lang: lang.clone() };
            self.diagnostics.push(Diagnostic::new(message, node.byte_range()));
        }
        lang
    }

    fn act(&mut self, node: Node) -> Option<Act> {
        let id_node = field(node, FIELDS.id)?;
        let mut act = Act {
            id: self.src(id_node).to_string(),
            id_span: id_node.byte_range(),
            version: None,
            jurisdiction: None,
            kind: None,
            number: None,
            adopted: None,
            in_force: None,
            languages: Vec::new(),
            titles: Vec::new(),
            source: None,
            units: Vec::new(),
            comparisons: Vec::new(),
            history: None,
            span: node.byte_range(),
        };
        act.version = self.date(field(node, FIELDS.version));
        let Some(body) = field(node, FIELDS.body) else { return Some(act) };
        for item in named(body) {
            match item.kind() {
                "jurisdiction" => {
                    let v = self.field_src(item, FIELDS.code);
                    once(&mut act.jurisdiction, v, "jurisdiction", item, self);
                }
                "act_kind" => {
                    let v = self.field_src(item, FIELDS.kind);
                    once(&mut act.kind, v, "kind", item, self);
                }
                "official_number" => {
                    let v = field(item, FIELDS.value).map(|n| self.rich(n).plain);
                    once(&mut act.number, v, "number", item, self);
                }
                "adopted" => {
                    let v = self.date(field(item, FIELDS.date));
                    once(&mut act.adopted, v, "adopted", item, self);
                }
                "in_force" => {
                    let v = self.date(field(item, FIELDS.date));
                    once(&mut act.in_force, v, "in-force", item, self);
                }
                "languages" => {
                    if !act.languages.is_empty() {
                        let message = Message::DuplicateStatement { statement: "languages" };
                        self.diagnostics.push(Diagnostic::new(message, item.byte_range()));
                        continue;
                    }
                    act.languages = named(item).map(|l| self.lang(l)).collect();
                }
                "source" => {
                    let v = field(item, FIELDS.value).map(|n| self.rich(n).plain);
                    once(&mut act.source, v, "source", item, self);
                }
                "title" => act.titles.extend(self.text(item)),
                "unit" => act.units.extend(self.unit(item)),
                "comparison" => act.comparisons.extend(self.comparison(item)),
                "history" => {
                    let v = self.history(item);
                    once(&mut act.history, v, "history", item, self);
                }
                _ => {}
            }
        }
        self.check_duplicate_langs(&act.titles);
        Some(act)
    }

    fn unit(&mut self, node: Node) -> Option<Unit> {
        if self.depth == MAX_DEPTH {
            let message = Message::TooDeep { limit: MAX_DEPTH };
            self.diagnostics.push(Diagnostic::new(message, node.byte_range()));
            return None;
        }
        let kind = UnitKind::from_keyword(self.src(field(node, FIELDS.kind)?))?;
        let number = field(node, FIELDS.number).map(|n| self.number(n));
        self.depth += 1;
        let content = field(node, FIELDS.body).map(|b| self.content(b)).unwrap_or_default();
        self.depth -= 1;
        Some(Unit { kind, number, content, span: node.byte_range() })
    }

    /// The items of a unit body; `justifications` collects those of
    /// `rewrite`/`add` bodies.
    fn content_with(&mut self, body: Node, mut justifications: Option<&mut Vec<Text>>) -> UnitContent {
        let mut content = UnitContent::default();
        for item in named(body) {
            match item.kind() {
                "title" => content.titles.extend(self.text(item)),
                "text" => content.texts.extend(self.text(item)),
                "unit" => content.children.extend(self.unit(item)),
                "comparison" => content.comparisons.extend(self.comparison(item)),
                "repealed" => {
                    let repealed =
                        Repealed { date: self.date(field(item, FIELDS.date)), span: item.byte_range() };
                    once(&mut content.repealed, Some(repealed), "repealed", item, self);
                }
                "history" => {
                    let v = self.history(item);
                    once(&mut content.history, v, "history", item, self);
                }
                "remark" => content.remarks.extend(self.remark(item)),
                "justification" => {
                    if let Some(out) = justifications.as_deref_mut() {
                        out.extend(self.text(item));
                    }
                }
                _ => {}
            }
        }
        self.check_duplicate_langs(&content.titles);
        self.check_duplicate_langs(&content.texts);
        content
    }

    /// `history { amended "180-VI" 2018-07-12 … ru official "Сноска. …" }`
    fn history(&mut self, node: Node) -> Option<History> {
        let body = field(node, FIELDS.body)?;
        let mut history = History { changes: Vec::new(), notes: Vec::new(), span: node.byte_range() };
        for item in named(body) {
            match item.kind() {
                "change" => {
                    let kind = field(item, FIELDS.kind).map(|k| self.src(k).to_string());
                    let kind = ChangeKind::ALL.into_iter().find(|c| Some(c.keyword()) == kind.as_deref());
                    let law = field(item, FIELDS.law).map(|n| self.rich(n).plain);
                    let date = self.date(field(item, FIELDS.date));
                    let in_force = self.date(field(item, FIELDS.in_force));
                    if let (Some(kind), Some(law), Some(date)) = (kind, law, date) {
                        history.changes.push(Change { kind, law, date, in_force, span: item.byte_range() });
                    }
                }
                "text" => history.notes.extend(self.text(item)),
                _ => {}
            }
        }
        Some(history)
    }

    /// `remark open "Author" 2025-03-01 { "text" reply "Other" 2025-03-02 "text" }`
    fn remark(&mut self, node: Node) -> Option<Remark> {
        let status_node = field(node, FIELDS.status)?;
        let status = match self.src(status_node) {
            "resolved" => RemarkStatus::Resolved,
            _ => RemarkStatus::Open,
        };
        let author = self.rich(field(node, FIELDS.author)?).plain;
        let date = self.date(field(node, FIELDS.date))?;
        let body = field(node, FIELDS.body)?;
        let text: Vec<String> =
            named(body).filter(|n| n.kind() == "string").map(|t| self.rich(t).plain).collect();
        let mut replies = Vec::new();
        for reply in named(body).filter(|n| n.kind() == "reply") {
            let author = field(reply, FIELDS.author).map(|n| self.rich(n).plain);
            let date = self.date(field(reply, FIELDS.date));
            let mut cursor = reply.walk();
            let text: Vec<String> = std::num::NonZeroU16::new(FIELDS.text)
                .map(|id| reply.children_by_field_id(id, &mut cursor).collect::<Vec<_>>())
                .unwrap_or_default()
                .into_iter()
                .filter(|n| !n.is_missing())
                .map(|t| self.rich(t).plain)
                .collect();
            if let (Some(author), Some(date)) = (author, date) {
                replies.push(Reply { author, date, text, span: reply.byte_range() });
            }
        }
        let status_span = status_node.byte_range();
        if status == RemarkStatus::Open {
            let message = Message::OpenRemark {
                author: author.clone(),
                date: date.to_string(),
                text: text.first().cloned().unwrap_or_default(),
                replies: replies.len(),
            };
            let header =
                node.start_byte()..field(node, FIELDS.date).map_or(status_span.end, |d| d.end_byte());
            self.diagnostics.push(Diagnostic::new(message, header));
        }
        Some(Remark { status, status_span, author, date, text, replies, span: node.byte_range() })
    }

    fn content(&mut self, body: Node) -> UnitContent {
        self.content_with(body, None)
    }

    fn check_duplicate_langs(&mut self, texts: &[Text]) {
        for (i, t) in texts.iter().enumerate() {
            if texts[..i].iter().any(|e| e.lang == t.lang) {
                let message = Message::DuplicateText { lang: t.lang.clone() };
                self.diagnostics.push(Diagnostic::new(message, t.span.clone()));
            }
        }
    }

    fn number(&self, node: Node) -> Number {
        let raw = self.src(node);
        let text = if node.kind() == "quoted_number" {
            raw.trim_start_matches('"').trim_end_matches('"').to_string()
        } else {
            raw.to_string()
        };
        Number { text, span: node.byte_range() }
    }

    /// `lang [fidelity] "…" [cite "…"]`, as in titles, texts and justifications.
    fn text(&mut self, node: Node) -> Option<Text> {
        let lang_node = field(node, FIELDS.lang)?;
        let value = self.rich(field(node, FIELDS.value)?);
        let lang = self.lang(lang_node);
        let fidelity = field(node, FIELDS.fidelity).map(|f| match self.src(f) {
            "official" => Fidelity::Official,
            _ => Fidelity::Summary,
        });
        let cite = field(node, FIELDS.source).map(|n| self.rich(n).plain);
        match fidelity {
            None => self.diagnostics.push(Diagnostic::new(Message::MissingFidelity, value.span.clone())),
            Some(Fidelity::Summary) if cite.is_none() => {
                self.diagnostics.push(Diagnostic::new(Message::SummaryWithoutCite, value.span.clone()))
            }
            _ => {}
        }
        Some(Text { lang, fidelity, value, cite, span: node.byte_range() })
    }

    /// A string node: plain text, inline references and the source map.
    fn rich(&mut self, node: Node) -> RichText {
        let mut text =
            RichText { plain: String::new(), refs: Vec::new(), pieces: Vec::new(), span: node.byte_range() };
        for child in named(node) {
            match child.kind() {
                "string_content" | "escape_sequence" => self.piece(child, &mut text),
                "reference" => {
                    let start = text.plain.len();
                    if let Some(display) = field(child, FIELDS.display) {
                        for part in named(display) {
                            self.piece(part, &mut text);
                        }
                    }
                    let Some(target) = field(child, FIELDS.target).map(|t| self.target(t)) else { continue };
                    let plain = start..text.plain.len();
                    text.refs.push(InlineRef { plain, target, span: child.byte_range() });
                }
                _ => {}
            }
        }
        text
    }

    fn piece(&self, node: Node, text: &mut RichText) {
        let src = self.src(node);
        let value = if node.kind() == "escape_sequence" { &src[1..] } else { src };
        let start = text.plain.len();
        text.plain.push_str(value);
        text.pieces.push(Piece { plain: start..text.plain.len(), source: node.byte_range() });
    }

    fn target(&mut self, node: Node) -> Target {
        let mut target =
            Target { act: None, version: None, path: Vec::new(), range_end: None, span: node.byte_range() };
        target.act = self.field_src(node, FIELDS.act);
        target.version = self.date(field(node, FIELDS.version));
        for child in named(node) {
            match child.kind() {
                "segment" => {
                    let kind = field(child, FIELDS.kind).and_then(|k| UnitKind::from_keyword(self.src(k)));
                    let number = field(child, FIELDS.number).map(|n| self.number(n));
                    if let Some(kind) = kind {
                        target.path.push(Segment { kind, number });
                    }
                }
                "range_end" => target.range_end = field(child, FIELDS.number).map(|n| self.number(n)),
                _ => {}
            }
        }
        target
    }

    fn comparison(&mut self, node: Node) -> Option<Comparison> {
        let relation = match self.src(field(node, FIELDS.relation)?) {
            "corresponds" => Relation::Corresponds,
            "stricter" => Relation::Stricter,
            "lenient" => Relation::Lenient,
            "broader" => Relation::Broader,
            "narrower" => Relation::Narrower,
            _ => Relation::Implements,
        };
        let target = self.target(field(node, FIELDS.target)?);
        let note = field(node, FIELDS.note).map(|n| self.rich(n));
        Some(Comparison { relation, target, note, span: node.byte_range() })
    }

    fn amendment(&mut self, node: Node) -> Option<Amendment> {
        let id_node = field(node, FIELDS.id)?;
        let mut a = Amendment {
            id: self.src(id_node).to_string(),
            id_span: id_node.byte_range(),
            act: None,
            base_version: None,
            as_of: None,
            target_span: id_node.byte_range(),
            status: None,
            author: None,
            in_force: None,
            titles: Vec::new(),
            justifications: Vec::new(),
            operations: Vec::new(),
            span: node.byte_range(),
        };
        let Some(body) = field(node, FIELDS.body) else { return Some(a) };
        for item in named(body) {
            match item.kind() {
                "amendment_target" => {
                    if a.act.is_some() {
                        let message = Message::DuplicateStatement { statement: "target" };
                        self.diagnostics.push(Diagnostic::new(message, item.byte_range()));
                        continue;
                    }
                    a.act = self.field_src(item, FIELDS.act);
                    a.base_version = self.date(field(item, FIELDS.version));
                    a.as_of = self.date(field(item, FIELDS.as_of));
                    a.target_span = item.byte_range();
                }
                "status" => {
                    let v = field(item, FIELDS.value).map(|v| match self.src(v) {
                        "draft" => Status::Draft,
                        "adopted" => Status::Adopted,
                        _ => Status::Proposed,
                    });
                    once(&mut a.status, v, "status", item, self);
                }
                "author" => {
                    let v = field(item, FIELDS.name).map(|n| self.rich(n).plain);
                    once(&mut a.author, v, "author", item, self);
                }
                "in_force" => {
                    let v = self.date(field(item, FIELDS.date));
                    once(&mut a.in_force, v, "in-force", item, self);
                }
                "title" => a.titles.extend(self.text(item)),
                "justification" => a.justifications.extend(self.text(item)),
                _ => a.operations.extend(self.operation(item)),
            }
        }
        self.check_duplicate_langs(&a.titles);
        self.check_duplicate_langs(&a.justifications);
        Some(a)
    }

    fn bill(&mut self, node: Node) -> Option<Bill> {
        let id_node = field(node, FIELDS.id)?;
        let mut b = Bill {
            id: self.src(id_node).to_string(),
            id_span: id_node.byte_range(),
            titles: Vec::new(),
            in_force: None,
            amends: Vec::new(),
            span: node.byte_range(),
        };
        let Some(body) = field(node, FIELDS.body) else { return Some(b) };
        for item in named(body) {
            match item.kind() {
                "title" => b.titles.extend(self.text(item)),
                "in_force" => {
                    let v = self.date(field(item, FIELDS.date));
                    once(&mut b.in_force, v, "in-force", item, self);
                }
                "amends" => {
                    let ids = named(item).map(|n| (self.src(n).to_string(), n.byte_range()));
                    b.amends.extend(ids);
                }
                _ => {}
            }
        }
        self.check_duplicate_langs(&b.titles);
        Some(b)
    }

    fn operation(&mut self, node: Node) -> Option<Operation> {
        let mut justifications = Vec::new();
        let mut comparisons = Vec::new();
        let target = field(node, FIELDS.target).map(|t| self.target(t));
        let body = field(node, FIELDS.body);
        // Notes (justification, compare) and the operation's own lines.
        let mut lines = Vec::new();
        if let Some(body) = body.filter(|b| b.kind() == "operation_body") {
            for item in named(body) {
                match item.kind() {
                    "justification" => justifications.extend(self.text(item)),
                    "comparison" => comparisons.extend(self.comparison(item)),
                    _ => lines.push(item),
                }
            }
        }
        let kind = match node.kind() {
            "replace_words" => {
                OperationKind::Replace { target: Some(target?), changes: self.changes(&lines) }
            }
            "replace_everywhere" => OperationKind::Replace { target: None, changes: self.changes(&lines) },
            "delete_words" => OperationKind::Delete { target: target?, changes: self.changes(&lines) },
            "insert_words" => {
                let insertions = lines.iter().filter_map(|&l| self.insertion(l)).collect();
                OperationKind::Insert { target: target?, insertions }
            }
            "rewrite_unit" => {
                let content = self.content_with(body?, Some(&mut justifications));
                OperationKind::Rewrite { target: target?, content }
            }
            "add_unit" => {
                let kind = UnitKind::from_keyword(self.src(field(node, FIELDS.kind)?))?;
                let number = field(node, FIELDS.number).map(|n| self.number(n));
                let place = match self.src(field(node, FIELDS.place)?) {
                    "to" => Place::To,
                    "after" => Place::After,
                    _ => Place::Before,
                };
                let content = self.content_with(body?, Some(&mut justifications));
                OperationKind::Add { kind, number, place, target: target?, content }
            }
            "repeal_unit" => OperationKind::Repeal { target: target? },
            "renumber_unit" => OperationKind::Renumber {
                target: target?,
                number: self.number(field(node, FIELDS.number)?),
                update_references: field(node, FIELDS.update).is_some(),
            },
            _ => return None,
        };
        Some(Operation { kind, justifications, comparisons, span: node.byte_range() })
    }

    /// `lang "old" -> "new"` and `lang "old"` (a deletion: `new` is empty).
    fn changes(&mut self, lines: &[Node]) -> Vec<WordChange> {
        let mut out = Vec::new();
        for &line in lines {
            let (Some(lang), Some(old)) = (field(line, FIELDS.lang), field(line, FIELDS.old)) else {
                continue;
            };
            let lang = self.lang(lang);
            let old = self.rich(old);
            let new = match field(line, FIELDS.new) {
                Some(n) => self.rich(n),
                None => {
                    let end = line.end_byte();
                    RichText { plain: String::new(), refs: Vec::new(), pieces: Vec::new(), span: end..end }
                }
            };
            let occurrence = self.occurrence(line);
            let title = field(line, FIELDS.title).is_some();
            out.push(WordChange { title, lang, old, new, occurrence, span: line.byte_range() });
        }
        out
    }

    fn occurrence(&mut self, parent: Node) -> Option<Occurrence> {
        let node = named(parent).find(|n| n.kind() == "occurrence")?;
        let which = field(node, FIELDS.which)?;
        if self.src(which) == "all" {
            return Some(Occurrence::All);
        }
        match self.src(which).parse::<u32>() {
            Ok(n) if n > 0 => Some(Occurrence::Nth(n)),
            _ => {
                self.diagnostics.push(Diagnostic::new(Message::ZeroOccurrence, which.byte_range()));
                None
            }
        }
    }

    fn insertion(&mut self, line: Node) -> Option<WordInsertion> {
        let lang = self.lang(field(line, FIELDS.lang)?);
        let new = self.rich(field(line, FIELDS.new)?);
        let pos = field(line, FIELDS.position)?;
        let position = if let Some(edge) = field(pos, FIELDS.edge) {
            if self.src(edge) == "start" { InsertPosition::Start } else { InsertPosition::End }
        } else {
            let anchor = self.rich(field(pos, FIELDS.anchor)?);
            let occurrence = self.occurrence(pos);
            match self.src(field(pos, FIELDS.side)?) {
                "before" => InsertPosition::Before { anchor, occurrence },
                _ => InsertPosition::After { anchor, occurrence },
            }
        };
        let title = field(line, FIELDS.title).is_some();
        Some(WordInsertion { title, lang, new, position, span: line.byte_range() })
    }
}
