//! The text of the amending law: one item per operation, operations on the
//! same article gathered under it ("1) 15-бапта:"), in the official
//! formulae of Kazakh and Russian drafting and in UK style for English.
//!
//! Kazakh needs the case forms of unit names (locative "бабында",
//! "бөлігінде", instrumental "бөлікпен"); they are here, next to the only
//! renderer that uses them.

use super::text::block_lines;
use super::{Entry, Lang, text_in};
use crate::engine::Applied;
use crate::model::{InsertPosition, OperationKind, Place, RichText, Segment, Target, UnitKind, WordChange};

/// Kazakh forms: nominative, genitive, possessive, possessive genitive,
/// locative, possessive locative, instrumental.
fn kk_forms(kind: UnitKind) -> [&'static str; 7] {
    match kind {
        UnitKind::Book => ["кітап", "кітаптың", "кітабы", "кітабының", "кітапта", "кітабында", "кітаппен"],
        UnitKind::Division | UnitKind::Section => {
            ["бөлім", "бөлімнің", "бөлімі", "бөлімінің", "бөлімде", "бөлімінде", "бөліммен"]
        }
        UnitKind::Subsection => [
            "кіші бөлім",
            "кіші бөлімнің",
            "кіші бөлімі",
            "кіші бөлімінің",
            "кіші бөлімде",
            "кіші бөлімінде",
            "кіші бөліммен",
        ],
        UnitKind::Chapter => ["тарау", "тараудың", "тарауы", "тарауының", "тарауда", "тарауында", "тараумен"],
        UnitKind::Subchapter => [
            "параграф",
            "параграфтың",
            "параграфы",
            "параграфының",
            "параграфта",
            "параграфында",
            "параграфпен",
        ],
        UnitKind::Article => ["бап", "баптың", "бабы", "бабының", "бапта", "бабында", "баппен"],
        // The paragraph sign is not inflected.
        UnitKind::Paragraph => ["§", "§", "§", "§", "§", "§", "§"],
        UnitKind::Part => ["бөлік", "бөліктің", "бөлігі", "бөлігінің", "бөлікте", "бөлігінде", "бөлікпен"],
        UnitKind::Point => {
            ["тармақ", "тармақтың", "тармағы", "тармағының", "тармақта", "тармағында", "тармақпен"]
        }
        UnitKind::Subpoint => [
            "тармақша",
            "тармақшаның",
            "тармақшасы",
            "тармақшасының",
            "тармақшада",
            "тармақшасында",
            "тармақшамен",
        ],
        UnitKind::Indent => ["абзац", "абзацтың", "абзацы", "абзацының", "абзацта", "абзацында", "абзацпен"],
        UnitKind::Note => {
            ["ескерту", "ескертудің", "ескертуі", "ескертуінің", "ескертуде", "ескертуінде", "ескертумен"]
        }
    }
}

/// Russian forms: nominative, genitive, accusative, prepositional, instrumental.
fn ru_forms(kind: UnitKind) -> [&'static str; 5] {
    match kind {
        UnitKind::Book => ["книга", "книги", "книгу", "книге", "книгой"],
        UnitKind::Division | UnitKind::Section => ["раздел", "раздела", "раздел", "разделе", "разделом"],
        UnitKind::Subsection => ["подраздел", "подраздела", "подраздел", "подразделе", "подразделом"],
        UnitKind::Chapter => ["глава", "главы", "главу", "главе", "главой"],
        UnitKind::Subchapter => ["параграф", "параграфа", "параграф", "параграфе", "параграфом"],
        UnitKind::Article => ["статья", "статьи", "статью", "статье", "статьей"],
        UnitKind::Paragraph => ["§", "§", "§", "§", "§"],
        UnitKind::Part => ["часть", "части", "часть", "части", "частью"],
        UnitKind::Point => ["пункт", "пункта", "пункт", "пункте", "пунктом"],
        UnitKind::Subpoint => ["подпункт", "подпункта", "подпункт", "подпункте", "подпунктом"],
        UnitKind::Indent => ["абзац", "абзаца", "абзац", "абзаце", "абзацем"],
        UnitKind::Note => ["примечание", "примечания", "примечание", "примечании", "примечанием"],
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Case {
    Nom,
    Loc,
    Acc,
    Instr,
}

fn point_like(kind: UnitKind) -> bool {
    matches!(kind, UnitKind::Point | UnitKind::Subpoint)
}

/// "15-баптың 3-бөлігінде": intermediate units in the genitive, the last in
/// `case` (possessive when it follows another unit).
fn kk_phrase(path: &[Segment], case: Case) -> String {
    let n = path.len();
    let parts: Vec<String> = path
        .iter()
        .enumerate()
        .map(|(i, seg)| {
            let f = kk_forms(seg.kind);
            let last = i + 1 == n;
            let word = match (last, i == 0, case) {
                (false, true, _) => f[1],
                (false, false, _) => f[3],
                (true, true, Case::Loc) => f[4],
                (true, true, Case::Instr) => f[6],
                (true, true, _) => f[0],
                (true, false, Case::Loc) => f[5],
                (true, false, _) => f[2],
            };
            match (seg.number_text(), point_like(seg.kind)) {
                ("", _) => word.to_string(),
                (num, true) => format!("{num}) {word}"),
                (num, false) => format!("{num}-{word}"),
            }
        })
        .collect();
    parts.join(" ")
}

/// "части 3 статьи 15": the last unit first, in `case`, the others in the genitive.
fn ru_phrase(path: &[Segment], case: Case) -> String {
    let parts: Vec<String> = path
        .iter()
        .rev()
        .enumerate()
        .map(|(i, seg)| {
            let f = ru_forms(seg.kind);
            let word = match (i, case) {
                (0, Case::Nom) => f[0],
                (0, Case::Acc) => f[2],
                (0, Case::Loc) => f[3],
                (0, Case::Instr) => f[4],
                _ => f[1],
            };
            match (seg.number_text(), point_like(seg.kind)) {
                ("", _) => word.to_string(),
                (num, true) => format!("{word} {num})"),
                (num, false) => format!("{word} {num}"),
            }
        })
        .collect();
    parts.join(" ")
}

fn en_phrase(path: &[Segment]) -> String {
    super::citation(path, "en")
}

/// The Kazakh citation of a path, unnumbered units included.
pub fn kk_citation(path: &[Segment]) -> String {
    kk_phrase(path, Case::Nom)
}

/// The Russian citation of a path, unnumbered units included.
pub fn ru_citation(path: &[Segment]) -> String {
    ru_phrase(path, Case::Nom)
}

/// One line of the bill: the unit it is about, the instruction, and the
/// quoted new wording of an added or rewritten unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub unit: Option<Target>,
    pub text: String,
    pub block: Option<Vec<String>>,
}

/// A numbered item: one line, or the lines about one article under it.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub article: Option<Segment>,
    pub lines: Vec<Line>,
}

pub struct Bill {
    pub lang: Lang,
    pub title: String,
    pub intro: String,
    pub items: Vec<Item>,
}

/// The article an entry belongs to, for gathering.
fn article_of(e: &Entry) -> Option<Segment> {
    let first = e.unit.as_ref()?.path.first()?;
    (first.kind == UnitKind::Article && e.unit.as_ref()?.range_end.is_none()).then(|| first.clone())
}

pub fn bill(applied: &Applied, lang: &str) -> Bill {
    let l = Lang::of(lang);
    let entries = super::entries(applied);
    let mut items: Vec<Item> = Vec::new();
    let mut i = 0;
    while i < entries.len() {
        let article = article_of(&entries[i]);
        let mut j = i + 1;
        while article.is_some() && j < entries.len() && article_of(&entries[j]) == article {
            j += 1;
        }
        let grouped = j - i > 1;
        let lines = entries[i..j]
            .iter()
            .map(|e| line(e, lang, l, if grouped { article.as_ref() } else { None }))
            .collect();
        items.push(Item { article: if grouped { article } else { None }, lines });
        i = j;
    }
    let title = applied
        .amendments
        .iter()
        .map(|(_, a)| text_in(&a.titles, lang).unwrap_or(&a.id).to_string())
        .collect::<Vec<_>>()
        .join("; ");
    let act = text_in(&applied.base.meta.titles, lang).unwrap_or(&applied.base.meta.id).to_string();
    let intro = match l {
        Lang::Kk => format!("{} мынадай өзгерістер мен толықтырулар енгізілсін:", kk_dative(&act)),
        Lang::Ru => format!("Внести в {act} следующие изменения и дополнения:"),
        Lang::En => format!("The {act} is amended as follows."),
    };
    Bill { lang: l, title, intro, items }
}

/// The dative of an act's name: "…кодексі" → "…кодексіне", "…Заңы" → "…Заңына".
fn kk_dative(name: &str) -> String {
    match name.chars().last() {
        Some('і') => format!("{name}не"),
        Some('ы') => format!("{name}на"),
        _ => format!("{name} актісіне"),
    }
}

fn quote(l: Lang, s: &str) -> String {
    match l {
        Lang::En => format!("“{s}”"),
        _ => format!("«{s}»"),
    }
}

fn plural(words: &str) -> bool {
    words.trim().contains(char::is_whitespace)
}

/// The language a change is written in, when it differs from the bill's:
/// "in the English text".
fn in_text(l: Lang, code: &str) -> String {
    let name = |kk: &str, ru: &str, en: &str| l.pick(kk, ru, en).to_string();
    let lang = match code {
        "kk" => name("қазақ", "казахском", "Kazakh"),
        "ru" => name("орыс", "русском", "Russian"),
        "en" => name("ағылшын", "английском", "English"),
        other => other.to_string(),
    };
    match l {
        Lang::Kk => format!("{lang} тіліндегі мәтінде "),
        Lang::Ru => format!("в тексте на {lang} языке "),
        Lang::En => format!("in the {lang} text, "),
    }
}

/// The changes of an operation in the bill's language, or, when it has none,
/// all of them with the language named.
fn in_lang<'a, T>(items: &'a [T], lang: &str, of: impl Fn(&T) -> &str) -> Vec<(Option<&'a str>, &'a T)> {
    let own: Vec<_> = items.iter().filter(|x| of(x) == lang).map(|x| (None, x)).collect();
    if !own.is_empty() {
        return own;
    }
    items.iter().map(|x| (Some(of(x)), x)).collect()
}

fn words_of(r: &RichText) -> &str {
    r.plain.trim()
}

fn replace_formula(l: Lang, old: &str, new: &str) -> String {
    let (q_old, q_new) = (quote(l, old), quote(l, new));
    match l {
        Lang::Kk => {
            let a = if plural(old) { "сөздер" } else { "сөз" };
            let b = if plural(new) { "сөздермен" } else { "сөзбен" };
            format!("{q_old} деген {a} {q_new} деген {b} ауыстырылсын")
        }
        Lang::Ru => {
            let a = if plural(old) { "слова" } else { "слово" };
            let b = if plural(new) { "словами" } else { "словом" };
            format!("{a} {q_old} заменить {b} {q_new}")
        }
        Lang::En => format!("for {q_old} substitute {q_new}"),
    }
}

fn delete_formula(l: Lang, old: &str) -> String {
    let q = quote(l, old);
    match l {
        Lang::Kk => format!("{q} деген {} алып тасталсын", if plural(old) { "сөздер" } else { "сөз" }),
        Lang::Ru => format!("{} {q} исключить", if plural(old) { "слова" } else { "слово" }),
        Lang::En => format!("omit {q}"),
    }
}

fn insert_formula(l: Lang, new: &str, position: &InsertPosition) -> String {
    let q = quote(l, new);
    let with = match l {
        Lang::Kk => format!("{q} деген {} толықтырылсын", if plural(new) { "сөздермен" } else { "сөзбен" }),
        Lang::Ru => format!("дополнить {} {q}", if plural(new) { "словами" } else { "словом" }),
        Lang::En => format!("insert {q}"),
    };
    match position {
        InsertPosition::After { anchor, .. } | InsertPosition::Before { anchor, .. } => {
            let a = words_of(anchor);
            let qa = quote(l, a);
            let after = matches!(position, InsertPosition::After { .. });
            match (l, after) {
                (Lang::Kk, true) => {
                    format!("{qa} деген {} кейін {with}", if plural(a) { "сөздерден" } else { "сөзден" })
                }
                (Lang::Kk, false) => {
                    format!("{qa} деген {} алдынан {with}", if plural(a) { "сөздердің" } else { "сөздің" })
                }
                (Lang::Ru, true) => format!("после {} {qa} {with}", if plural(a) { "слов" } else { "слова" }),
                (Lang::Ru, false) => {
                    format!("перед {} {qa} {with}", if plural(a) { "словами" } else { "словом" })
                }
                (Lang::En, true) => format!("after {qa} {with}"),
                (Lang::En, false) => format!("before {qa} {with}"),
            }
        }
        InsertPosition::Start => match l {
            Lang::Kk => format!("мәтіннің басы {with}"),
            Lang::Ru => format!("в начале {with}"),
            Lang::En => format!("at the beginning {with}"),
        },
        InsertPosition::End => match l {
            Lang::En => format!("at the end {with}"),
            _ => with,
        },
    }
}

/// The path below the gathering article (the whole path when not gathered).
fn relative<'p>(path: &'p [Segment], article: Option<&Segment>) -> &'p [Segment] {
    match (article, path.first()) {
        (Some(a), Some(f)) if f.kind == a.kind && f.number_text() == a.number_text() => &path[1..],
        _ => path,
    }
}

/// "15-баптың 3-бөлігінде «…»": a unit phrase in `case` joined to the rest.
fn with_unit(l: Lang, path: &[Segment], case: Case, rest: &str) -> String {
    if path.is_empty() {
        return rest.to_string();
    }
    match l {
        Lang::Kk => format!("{} {rest}", kk_phrase(path, case)),
        Lang::Ru if case == Case::Loc => format!("в {} {rest}", ru_phrase(path, case)),
        Lang::Ru => format!("{} {rest}", ru_phrase(path, case)),
        Lang::En => format!("in {}, {rest}", en_phrase(path)),
    }
}

fn line(e: &Entry, lang: &str, l: Lang, article: Option<&Segment>) -> Line {
    let full = e.unit.as_ref().map(|t| t.path.clone()).unwrap_or_default();
    let path = relative(&full, article);
    let mut block = None;
    let text = match &e.operation.kind {
        OperationKind::Replace { target: None, changes } => {
            let head = l.pick("бүкіл мәтін бойынша", "по всему тексту", "throughout,");
            let parts =
                changes_text(l, lang, changes, |c| replace_formula(l, words_of(&c.old), words_of(&c.new)));
            format!("{head} {parts}")
        }
        OperationKind::Replace { changes, .. } => {
            let parts =
                changes_text(l, lang, changes, |c| replace_formula(l, words_of(&c.old), words_of(&c.new)));
            with_unit(l, path, Case::Loc, &parts)
        }
        OperationKind::Delete { changes, .. } => {
            let parts = changes_text(l, lang, changes, |c| delete_formula(l, words_of(&c.old)));
            with_unit(l, path, Case::Loc, &parts)
        }
        OperationKind::Insert { insertions, .. } => {
            let parts: Vec<String> = in_lang(insertions, lang, |i| &i.lang)
                .into_iter()
                .map(|(other, i)| {
                    let f = insert_formula(l, words_of(&i.new), &i.position);
                    other.map_or(f.clone(), |o| format!("{}{f}", in_text(l, o)))
                })
                .collect();
            with_unit(l, path, Case::Loc, &parts.join(", "))
        }
        OperationKind::Rewrite { .. } => {
            block = after_block(e, lang);
            match l {
                Lang::Kk => with_unit(l, path, Case::Nom, "мынадай редакцияда жазылсын"),
                Lang::Ru => with_unit(l, path, Case::Acc, "изложить в следующей редакции"),
                Lang::En if path.is_empty() => "substitute".to_string(),
                Lang::En => format!("for {} substitute", en_phrase(path)),
            }
        }
        OperationKind::Add { place, target, .. } => {
            block = after_block(e, lang);
            let (parent, new) = path.split_at(path.len().saturating_sub(1));
            // A unit added to an article's level is written against its parent.
            let parent = if *place == Place::To || !parent.is_empty() { parent } else { &[] };
            match l {
                Lang::Kk => {
                    let rest = format!("мынадай мазмұндағы {} толықтырылсын", kk_phrase(new, Case::Instr));
                    with_unit(l, parent, Case::Nom, &rest)
                }
                Lang::Ru => {
                    let rest = format!("дополнить {} следующего содержания", ru_phrase(new, Case::Instr));
                    if parent.is_empty() { rest } else { format!("{} {rest}", ru_phrase(parent, Case::Acc)) }
                }
                Lang::En => {
                    let anchor = relative(&target.path, article);
                    let anchor = relative(anchor, parent.first()).to_vec();
                    let rest = match place {
                        Place::To => "at the end insert".to_string(),
                        Place::After => format!("after {} insert", en_phrase(&anchor)),
                        Place::Before => format!("before {} insert", en_phrase(&anchor)),
                    };
                    with_unit(l, parent, Case::Loc, &rest)
                }
            }
        }
        OperationKind::Repeal { .. } => {
            let unit = e.unit.as_ref().map(|t| Target { path: path.to_vec(), ..t.clone() });
            match (l, unit) {
                (Lang::Kk, Some(t)) if t.range_end.is_some() => {
                    format!("{} алып тасталсын", crate::model::citation(&t, "kk"))
                }
                (Lang::Ru, Some(t)) if t.range_end.is_some() => {
                    format!("{} исключить", crate::model::citation(&t, "ru"))
                }
                (Lang::En, Some(t)) if t.range_end.is_some() => {
                    format!("omit {}", crate::model::citation(&t, "en"))
                }
                (Lang::Kk, _) => with_unit(l, path, Case::Nom, "алып тасталсын"),
                (Lang::Ru, _) => with_unit(l, path, Case::Acc, "исключить"),
                (Lang::En, _) => format!("omit {}", en_phrase(path)),
            }
        }
        OperationKind::Renumber { number, .. } => {
            let mut new = path.to_vec();
            if let Some(last) = new.last_mut() {
                last.number = Some(number.clone());
            }
            match l {
                Lang::Kk => {
                    with_unit(l, path, Case::Nom, &format!("{} деп нөмірленсін", kk_phrase(&new, Case::Nom)))
                }
                Lang::Ru => {
                    with_unit(l, path, Case::Acc, &format!("считать {}", ru_phrase(&new, Case::Instr)))
                }
                Lang::En => format!("renumber {} as {}", en_phrase(path), en_phrase(&new)),
            }
        }
    };
    Line { unit: e.unit.clone(), text, block }
}

fn changes_text(l: Lang, lang: &str, changes: &[WordChange], f: impl Fn(&WordChange) -> String) -> String {
    let parts: Vec<String> = in_lang(changes, lang, |c| &c.lang)
        .into_iter()
        .map(|(other, c)| other.map_or(f(c), |o| format!("{}{}", in_text(l, o), f(c))))
        .collect();
    parts.join(", ")
}

/// The new wording of the unit an operation added or rewrote.
fn after_block(e: &Entry, lang: &str) -> Option<Vec<String>> {
    let node = e.change.touched.first()?.after.as_ref()?;
    Some(block_lines(&node.to_unit(), lang))
}

impl Bill {
    /// The text: title, the enacting line, then the numbered items; each
    /// line ends with ";" and the last with ".".
    pub fn text(&self) -> String {
        let l = self.lang;
        let mut out = format!("{}\n\n{}\n", self.title, self.intro);
        let count: usize = self.items.iter().map(|i| i.lines.len()).sum();
        let mut done = 0;
        for (n, item) in self.items.iter().enumerate() {
            let number = n + 1;
            let mut prefix = format!("{number}) ");
            if let Some(a) = &item.article {
                let head = match l {
                    Lang::Kk => format!("{}:", kk_phrase(std::slice::from_ref(a), Case::Loc)),
                    Lang::Ru => format!("в {}:", ru_phrase(std::slice::from_ref(a), Case::Loc)),
                    Lang::En => format!("in {}—", en_phrase(std::slice::from_ref(a))),
                };
                out.push_str(&format!("{prefix}{head}\n"));
                prefix = String::new();
            }
            for line in &item.lines {
                done += 1;
                let end = if done == count { "." } else { ";" };
                out.push_str(&prefix);
                out.push_str(&line.text);
                match &line.block {
                    Some(block) if !block.is_empty() => {
                        out.push_str(if l == Lang::En { "—\n" } else { ":\n" });
                        let (open, close) = if l == Lang::En { ("“", "”") } else { ("«", "»") };
                        for (k, b) in block.iter().enumerate() {
                            if k == 0 {
                                out.push_str(open);
                            }
                            out.push_str(b);
                            if k + 1 == block.len() {
                                out.push_str(close);
                                out.push_str(end);
                            }
                            out.push('\n');
                        }
                    }
                    _ => {
                        out.push_str(end);
                        out.push('\n');
                    }
                }
                prefix = String::new();
            }
        }
        out
    }
}
