//! The amending law as a whole law: heading, title, «Статья 1. Внести в …
//! следующие …:» with the items numbered in the order of the act's
//! structure (changes to one article gathered under it, «1) в статье 15:»),
//! the article on entry into force and the signature block, in the
//! formulae of Kazakh and Russian drafting; English mirrors the structure.
//!
//! Case forms of unit names and ordinal words are in `render::phrase` and
//! `render::ordinal`; docs/engine.md lists every formula with its source.

use super::phrase::{Case, Phrase};
use super::summary::{self, Footnotes};
use super::text::quoted_block;
use super::{Entry, Lang, dates, entries_in, text_in};
use crate::engine::Applied;
use crate::model::{
    Date, InsertPosition, Occurrence, OperationKind, Place, RichText, Segment, Target, UnitKind,
};

/// One line of the bill: the unit it is about, the instruction, and the
/// quoted new wording of an added or rewritten unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub unit: Option<Target>,
    pub text: String,
    pub block: Option<Vec<String>>,
    /// The markers of summaries in `block`, shown after its closing quote.
    pub marks: String,
}

/// A numbered item: one line, or the lines about one article under it.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub article: Option<Segment>,
    pub lines: Vec<Line>,
}

/// One act's items in Article 1, under its heading when the law amends
/// several acts.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    pub heading: Option<String>,
    pub items: Vec<Item>,
}

pub struct Bill {
    pub lang: Lang,
    /// «ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН».
    pub heading: String,
    pub title: String,
    /// «Статья 1. Внести в … следующие …:».
    pub intro: String,
    /// The items of each act: one part without a heading for a law that
    /// amends one act, else «1. В Уголовный кодекс … года:» over each.
    pub parts: Vec<Part>,
    /// «Статья 2. Настоящий Закон вводится в действие …».
    pub in_force: String,
    pub signature: String,
    /// What makes the bill unfit to print (an addition without a number).
    pub errors: Vec<String>,
    /// At the top when the bill quotes words of a summary (`render::summary`).
    pub warning: Option<&'static str>,
    pub footnotes: Vec<String>,
}

/// How many items change existing wording and how many add to it: the
/// nouns of the title and of Article 1 agree with them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub changes: usize,
    pub additions: usize,
}

impl Counts {
    pub fn of(entries: &[Entry]) -> Counts {
        let mut c = Counts::default();
        for e in entries {
            match e.operation.kind {
                OperationKind::Add { .. } | OperationKind::Insert { .. } => c.additions += 1,
                _ => c.changes += 1,
            }
        }
        c
    }

    /// «изменения и дополнения» (genitive, for the title) or «изменение и
    /// дополнение» (accusative, for Article 1).
    fn ru(self, genitive: bool) -> String {
        let noun = |n: usize, [sg_gen, pl_gen, sg_acc, pl_acc]: [&'static str; 4]| match (n, genitive) {
            (0, _) => None,
            (1, true) => Some(sg_gen),
            (_, true) => Some(pl_gen),
            (1, false) => Some(sg_acc),
            (_, false) => Some(pl_acc),
        };
        let change = noun(self.changes, ["изменения", "изменений", "изменение", "изменения"]);
        let addition = noun(self.additions, ["дополнения", "дополнений", "дополнение", "дополнения"]);
        join(change, addition, " и ")
            .unwrap_or_else(|| if genitive { "изменений" } else { "изменения" }.into())
    }

    /// «өзгеріс пен толықтыру», «өзгерістер мен толықтырулар».
    fn kk(self) -> String {
        let change = match self.changes {
            0 => None,
            1 => Some("өзгеріс"),
            _ => Some("өзгерістер"),
        };
        let addition = match self.additions {
            0 => None,
            1 => Some("толықтыру"),
            _ => Some("толықтырулар"),
        };
        // The conjunction follows the last sound: «өзгеріс пен», «өзгерістер мен».
        let conj = if self.changes == 1 { " пен " } else { " мен " };
        join(change, addition, conj).unwrap_or_else(|| "өзгерістер".into())
    }

    fn en(self) -> String {
        let change = match self.changes {
            0 => None,
            1 => Some("an amendment"),
            _ => Some("amendments"),
        };
        let addition = match self.additions {
            0 => None,
            1 => Some("an addition"),
            _ => Some("additions"),
        };
        join(change, addition, " and ").unwrap_or_else(|| "amendments".into())
    }

    fn total(self) -> usize {
        self.changes + self.additions
    }
}

fn join(a: Option<&str>, b: Option<&str>, conj: &str) -> Option<String> {
    match (a, b) {
        (Some(a), Some(b)) => Some(format!("{a}{conj}{b}")),
        (Some(x), None) | (None, Some(x)) => Some(x.to_string()),
        (None, None) => None,
    }
}

/// The act's name in the bill's language, or its id.
fn act_name<'a>(applied: &'a Applied, lang: &str) -> &'a str {
    text_in(&applied.base.meta.titles, lang).unwrap_or(&applied.base.meta.id)
}

/// The topic of the bill: the amendments' titles, which are written to
/// follow «по вопросам» / to precede «мәселелері бойынша».
fn topic(applied: &Applied, lang: &str) -> Option<String> {
    let topics: Vec<&str> = applied.amendments.iter().filter_map(|(_, a)| text_in(&a.titles, lang)).collect();
    (!topics.is_empty()).then(|| topics.join("; "))
}

/// The dative of an act's name: "…кодексі" → "…кодексіне", "…Заңы" → "…Заңына".
fn kk_dative(name: &str) -> String {
    match name.chars().last() {
        Some('і') => format!("{name}не"),
        Some('ы') => format!("{name}на"),
        _ => format!("{name} актісіне"),
    }
}

/// The title of the law: «О внесении изменения и дополнения в Уголовный
/// кодекс Республики Казахстан по вопросам …» / «Қазақстан Республикасының
/// Қылмыстық кодексіне … мәселелері бойынша өзгеріс пен толықтыру енгізу
/// туралы». The comparative table is titled after it.
pub fn law_title(applied: &Applied, lang: &str) -> String {
    // What the law does: an operation that does not apply (in a view) does nothing.
    let mut entries = entries_in(applied, lang);
    entries.retain(|e| applied.failed.iter().all(|f| f.operation != e.change.operation));
    let counts = Counts::of(&entries);
    let act = act_name(applied, lang);
    let topic = topic(applied, lang);
    match Lang::of(lang) {
        Lang::Kk => {
            let topic = topic.map(|t| format!("{t} мәселелері бойынша ")).unwrap_or_default();
            format!("{} {topic}{} енгізу туралы", kk_dative(act), counts.kk())
        }
        Lang::Ru => {
            let topic = topic.map(|t| format!(" по вопросам {t}")).unwrap_or_default();
            format!("О внесении {} в {act}{topic}", counts.ru(true))
        }
        Lang::En => {
            let topic = topic.map(|t| format!(" concerning {t}")).unwrap_or_default();
            format!("On introducing {} to the {act}{topic}", counts.en())
        }
    }
}

/// "Статья 1." / "1-бап." / "Article 1.".
fn article_label(n: usize, l: Lang) -> String {
    match l {
        Lang::Kk => format!("{n}-бап."),
        Lang::Ru => format!("Статья {n}."),
        Lang::En => format!("Article {n}."),
    }
}

/// The act's official publications in the bill's language, in the older
/// form that follows its name: the entry of `source` that starts with the
/// Parliament's gazette and the entries that continue it («№ 21, ст. 122»).
pub fn publications(source: &str, l: Lang) -> Option<String> {
    let gazette = match l {
        Lang::Kk => "Қазақстан Республикасы Парламентінің Жаршысы",
        Lang::Ru => "Ведомости Парламента Республики Казахстан",
        Lang::En => return None,
    };
    let parts: Vec<&str> = source.split(';').map(str::trim).collect();
    let start = parts.iter().position(|p| p.starts_with(gazette))?;
    let list: Vec<&str> = std::iter::once(parts[start])
        .chain(
            parts[start + 1..]
                .iter()
                .copied()
                .take_while(|p| p.starts_with(|c: char| c == '№' || c.is_ascii_digit())),
        )
        .collect();
    Some(format!("({})", list.join("; ")))
}

/// Article 1's enacting words, the act named with its adoption date (and
/// its publications when asked for).
fn intro(applied: &Applied, lang: &str, counts: Counts, with_publications: bool) -> String {
    let l = Lang::of(lang);
    let act = act_name(applied, lang);
    let date = applied.base.meta.adopted.map(|d| dates::of_act(d, l));
    let label = article_label(1, l);
    let published = match (with_publications, &applied.base.meta.source) {
        (true, Some(source)) => publications(source, l).map(|p| format!(" {p}")).unwrap_or_default(),
        _ => String::new(),
    };
    match l {
        Lang::Kk => {
            let date = date.map(|d| format!("{d} ")).unwrap_or_default();
            format!("{label} {date}{}{published} мынадай {} енгізілсін:", kk_dative(act), counts.kk())
        }
        Lang::Ru => {
            let date = date.map(|d| format!(" от {d}")).unwrap_or_default();
            let which = if counts.total() == 1 { "следующее" } else { "следующие" };
            format!("{label} Внести в {act}{date}{published} {which} {}:", counts.ru(false))
        }
        Lang::En => {
            let date = date.map(|d| format!(" of {d}")).unwrap_or_default();
            let nouns = counts.en();
            let nouns = nouns.strip_prefix("an ").unwrap_or(&nouns).replace(" an ", " ");
            format!("{label} The following {nouns} shall be made to the {act}{date}:")
        }
    }
}

/// The order of the acts in a law's Article 1, as a sort key: codes before
/// laws, each by its adoption date (undated last), then by id.
pub fn act_order(a: &Applied) -> (bool, bool, Option<Date>, String) {
    let m = &a.base.meta;
    (m.kind.as_deref() != Some("code"), m.adopted.is_none(), m.adopted, m.id.clone())
}

/// The acts a law amends: one by its name; several named together when they are all codes of the
/// Republic named alike: ru accusative «Уголовный и Уголовно-процессуальный
/// кодексы Республики Казахстан», kk dative «Қазақстан Республикасының
/// Қылмыстық және Қылмыстық-процестік кодекстеріне»; else «некоторые
/// законодательные акты Республики Казахстан» / «Қазақстан Республикасының
/// кейбір заңнамалық актілеріне».
pub fn acts_named(acts: &[&Applied], lang: &str) -> String {
    let l = Lang::of(lang);
    let (head, tail, many, conj) = match l {
        Lang::Kk => ("Қазақстан Республикасының ", " кодексі", "кодекстеріне", " және "),
        Lang::Ru => ("", " кодекс Республики Казахстан", "кодексы Республики Казахстан", " и "),
        Lang::En => {
            ("", " Code of the Republic of Kazakhstan", "Codes of the Republic of Kazakhstan", " and ")
        }
    };
    let names: Option<Vec<&str>> = acts
        .iter()
        .map(|a| {
            let name = act_name(a, lang);
            // A Kazakh code's name keeps its capital after the Republic's.
            name.strip_prefix(head).and_then(|n| n.strip_suffix(tail)).filter(|n| !n.contains(' '))
        })
        .collect();
    match (names, acts) {
        (_, [one]) => match l {
            Lang::Kk => kk_dative(act_name(one, lang)),
            Lang::Ru => act_name(one, lang).to_string(),
            Lang::En => format!("the {}", act_name(one, lang)),
        },
        (Some(names), _) => {
            let (last, rest) = names.split_last().expect("two or more");
            let list = format!("{}{conj}{last}", rest.join(", "));
            match l {
                Lang::Kk => format!("{head}{list} {many}"),
                Lang::Ru => format!("{list} {many}"),
                Lang::En => format!("the {list} {many}"),
            }
        }
        _ => l
            .pick(
                "Қазақстан Республикасының кейбір заңнамалық актілеріне",
                "некоторые законодательные акты Республики Казахстан",
                "certain legislative acts of the Republic of Kazakhstan",
            )
            .to_string(),
    }
}

/// The title of a law that amends several acts: the acts named together
/// (`acts_named`), the topic of the `bill` block (else of its amendments),
/// the nouns agreeing with all the items.
pub fn title_of(acts: &[&Applied], law: &crate::model::Bill, lang: &str) -> String {
    let mut counts = Counts::default();
    for applied in acts {
        let mut entries = entries_in(applied, lang);
        entries.retain(|e| applied.failed.iter().all(|f| f.operation != e.change.operation));
        let c = Counts::of(&entries);
        counts = Counts { changes: counts.changes + c.changes, additions: counts.additions + c.additions };
    }
    let topic = text_in(&law.titles, lang).map(str::to_string).or_else(|| {
        let all: Vec<String> = acts.iter().filter_map(|a| topic(a, lang)).collect();
        (!all.is_empty()).then(|| all.join("; "))
    });
    let acts = acts_named(acts, lang);
    match Lang::of(lang) {
        Lang::Kk => {
            let topic = topic.map(|t| format!("{t} мәселелері бойынша ")).unwrap_or_default();
            format!("{acts} {topic}{} енгізу туралы", counts.kk())
        }
        Lang::Ru => {
            let topic = topic.map(|t| format!(" по вопросам {t}")).unwrap_or_default();
            format!("О внесении {} в {acts}{topic}", counts.ru(true))
        }
        Lang::En => {
            let topic = topic.map(|t| format!(" concerning {t}")).unwrap_or_default();
            format!("On introducing {} to {acts}{topic}", counts.en())
        }
    }
}

/// Article 1 of a law that amends several acts: «Статья 1. Внести
/// изменения и дополнения в следующие законодательные акты Республики
/// Казахстан:» / «1-бап. Қазақстан Республикасының мына заңнамалық
/// актілеріне өзгерістер мен толықтырулар енгізілсін:».
pub fn acts_intro(l: Lang, counts: Counts) -> String {
    let label = article_label(1, l);
    match l {
        Lang::Kk => format!(
            "{label} Қазақстан Республикасының мына заңнамалық актілеріне {} енгізілсін:",
            counts.kk()
        ),
        Lang::Ru => {
            format!(
                "{label} Внести {} в следующие законодательные акты Республики Казахстан:",
                counts.ru(false)
            )
        }
        Lang::En => {
            let nouns = counts.en().replace("an ", "");
            format!(
                "{label} {} shall be made to the following legislative acts of the Republic of Kazakhstan:",
                super::capitalise(&nouns)
            )
        }
    }
}

/// The heading of one act's items: «1. В Уголовный кодекс Республики
/// Казахстан от 3 июля 2014 года:» / «1. 2014 жылғы 3 шілдедегі Қазақстан
/// Республикасының Қылмыстық кодексіне:».
fn act_heading(applied: &Applied, n: usize, l: Lang, with_publications: bool) -> String {
    let act = act_name(applied, l.code());
    let date = applied.base.meta.adopted.map(|d| dates::of_act(d, l));
    let published = match (with_publications, &applied.base.meta.source) {
        (true, Some(source)) => publications(source, l).map(|p| format!(" {p}")).unwrap_or_default(),
        _ => String::new(),
    };
    match l {
        Lang::Kk => {
            let date = date.map(|d| format!("{d} ")).unwrap_or_default();
            format!("{n}. {date}{}{published}:", kk_dative(act))
        }
        Lang::Ru => {
            let date = date.map(|d| format!(" от {d}")).unwrap_or_default();
            format!("{n}. В {act}{date}{published}:")
        }
        Lang::En => {
            let date = date.map(|d| format!(" of {d}")).unwrap_or_default();
            format!("{n}. In the {act}{date}:")
        }
    }
}

/// Article 2: from the amendment's `in-force`, or, without one, ten
/// calendar days after the first official publication.
fn in_force(date: Option<Date>, l: Lang) -> String {
    let label = article_label(2, l);
    match (l, date) {
        (Lang::Kk, Some(d)) => format!("{label} Осы Заң {} қолданысқа енгізіледі.", dates::from(d, l)),
        (Lang::Kk, None) => {
            format!(
                "{label} Осы Заң алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі."
            )
        }
        (Lang::Ru, Some(d)) => format!("{label} Настоящий Закон вводится в действие {}.", dates::from(d, l)),
        (Lang::Ru, None) => format!(
            "{label} Настоящий Закон вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования."
        ),
        (Lang::En, Some(d)) => format!("{label} This Law shall enter into force {}.", dates::from(d, l)),
        (Lang::En, None) => format!(
            "{label} This Law shall enter into force upon the expiry of ten calendar days after the day of its first official publication."
        ),
    }
}

/// The article an entry is gathered under: one inside the article, or a
/// change of the article's own words. Adding, restating, repealing or
/// renumbering a whole article is an item of its own.
fn article_of(e: &Entry) -> Option<Segment> {
    let t = e.unit.as_ref()?;
    let first = t.path.first()?;
    let words = matches!(
        e.operation.kind,
        OperationKind::Replace { .. } | OperationKind::Delete { .. } | OperationKind::Insert { .. }
    );
    (first.kind == UnitKind::Article && t.range_end.is_none() && (t.path.len() > 1 || words))
        .then(|| first.clone())
}

pub fn bill(applied: &Applied, lang: &str) -> Bill {
    bill_with(applied, lang, false)
}

/// The bill, with the act's official publications after its name in
/// Article 1 when `publications` is set.
pub fn bill_with(applied: &Applied, lang: &str, publications: bool) -> Bill {
    let l = Lang::of(lang);
    let entries = entries_in(applied, lang);
    let mut errors = Vec::new();
    let mut notes = Footnotes::new(l);
    let items = items(&entries, lang, &mut errors, &mut notes);
    let counts = Counts::of(&entries);
    let date = applied.amendments.first().and_then(|(_, a)| a.in_force);
    Bill {
        title: law_title(applied, lang),
        intro: intro(applied, lang, counts, publications),
        parts: vec![Part { heading: None, items }],
        ..frame(l, date, errors, quotes_summary(&entries, lang), notes)
    }
}

/// A law that amends several acts (a `bill` block): Article 1 lists the
/// acts in the order of `act_order`, each with its items numbered from 1);
/// the title, the nouns and Article 2 are the law's.
pub fn bill_of(acts: &[&Applied], law: &crate::model::Bill, lang: &str, publications: bool) -> Bill {
    let l = Lang::of(lang);
    let mut errors = Vec::new();
    let mut notes = Footnotes::new(l);
    let mut counts = Counts::default();
    let mut quotes = false;
    let mut parts = Vec::new();
    for (n, applied) in acts.iter().enumerate() {
        let entries = entries_in(applied, lang);
        let c = Counts::of(&entries);
        counts = Counts { changes: counts.changes + c.changes, additions: counts.additions + c.additions };
        quotes |= quotes_summary(&entries, lang);
        let items = items(&entries, lang, &mut errors, &mut notes);
        // One act is named in Article 1 itself, as in a law of one act.
        let heading = (acts.len() > 1).then(|| act_heading(applied, n + 1, l, publications));
        parts.push(Part { heading, items });
    }
    let intro = match acts {
        [one] => intro(one, lang, counts, publications),
        _ => acts_intro(l, counts),
    };
    Bill { title: title_of(acts, law, lang), intro, parts, ..frame(l, law.in_force, errors, quotes, notes) }
}

/// What every bill has: heading, Article 2, signature, warning, footnotes.
fn frame(l: Lang, in_force_on: Option<Date>, errors: Vec<String>, quotes: bool, notes: Footnotes) -> Bill {
    Bill {
        lang: l,
        heading: l
            .pick(
                "ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ ЗАҢЫ",
                "ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН",
                "LAW OF THE REPUBLIC OF KAZAKHSTAN",
            )
            .to_string(),
        title: String::new(),
        intro: String::new(),
        parts: Vec::new(),
        in_force: in_force(in_force_on, l),
        signature: l
            .pick(
                "Қазақстан Республикасының\nПрезиденті",
                "Президент\nРеспублики Казахстан",
                "President\nof the Republic of Kazakhstan",
            )
            .to_string(),
        errors,
        warning: quotes.then(|| summary::quoted_words_warning(l)),
        footnotes: notes.lines(),
    }
}

fn quotes_summary(entries: &[Entry], lang: &str) -> bool {
    entries.iter().any(|e| !summary::quoted(e, lang).is_empty())
}

/// The numbered items of one act's entries, in the act's order.
fn items(entries: &[Entry], lang: &str, errors: &mut Vec<String>, notes: &mut Footnotes) -> Vec<Item> {
    let l = Lang::of(lang);
    let mut items: Vec<Item> = Vec::new();
    let mut i = 0;
    while i < entries.len() {
        let article = article_of(&entries[i]);
        let mut j = i + 1;
        while article.is_some() && j < entries.len() && article_of(&entries[j]) == article {
            j += 1;
        }
        let grouped = j - i > 1;
        let article_path: Vec<Segment> = article.iter().filter(|_| grouped).cloned().collect();
        let group = &entries[i..j];
        let mut lines = Vec::new();
        for (k, e) in group.iter().enumerate() {
            // Several word changes of one unit in a row get its header once.
            let unit = word_unit(e, &article_path);
            let with_prev = k > 0 && unit.is_some() && word_unit(&group[k - 1], &article_path) == unit;
            let with_next =
                group.get(k + 1).is_some_and(|n| unit.is_some() && word_unit(n, &article_path) == unit);
            let prefix = match (&unit, with_prev || with_next) {
                (Some(_), true) => e.unit.as_ref().map(|t| t.path.clone()).unwrap_or_default(),
                _ => article_path.clone(),
            };
            let mut line = line(e, lang, l, &prefix, errors, notes);
            if let (Some(u), false, true) = (&unit, with_prev, with_next) {
                line.text = format!("{}\n{}", header(l, Phrase::legal(u)), line.text);
            }
            lines.push(line);
        }
        items.push(Item { article: if grouped { article } else { None }, lines });
        i = j;
    }
    items
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

fn words_of(r: &RichText) -> &str {
    r.plain.trim()
}

/// Quoted words with their noun: «…» деген сөз(дер), слово/слова «…».
/// `form` picks the case: kk [nominative, instrumental, ablative,
/// genitive], ru [nominative/accusative, instrumental, genitive].
fn kk_words(words: &str, form: usize) -> String {
    let nouns = if plural(words) {
        ["сөздер", "сөздермен", "сөздерден", "сөздердің"]
    } else {
        ["сөз", "сөзбен", "сөзден", "сөздің"]
    };
    format!("{} деген {}", quote(Lang::Kk, words), nouns[form])
}

fn ru_words(words: &str, form: usize) -> String {
    let nouns = if plural(words) {
        ["слова", "словами", "слов"]
    } else {
        ["слово", "словом", "слова"]
    };
    format!("{} {}", nouns[form], quote(Lang::Ru, words))
}

/// «во втором случае» / «екінші жағдайда» / "where it second occurs":
/// which occurrence, when the words occur more than once. `all` adds
/// nothing inside one unit: the formula then applies wherever they occur.
fn occurrence(l: Lang, o: Option<Occurrence>) -> String {
    let Some(Occurrence::Nth(n)) = o else { return String::new() };
    let n = n.to_string();
    match l {
        Lang::Kk => super::ordinal::kk(&n).map(|w| format!(" {w} жағдайда")).unwrap_or_default(),
        Lang::Ru => {
            super::ordinal::ru(&n, super::ordinal::Gender::Masculine, super::ordinal::RuCase::Prepositional)
                .map(|w| format!(" {} {w} случае", if w.starts_with("втор") { "во" } else { "в" }))
                .unwrap_or_default()
        }
        Lang::En => format!(" (occurrence {n})"),
    }
}

/// The unit phrase of a formula, followed by a space, or nothing.
fn unit(l: Lang, p: Phrase, case: Case) -> String {
    if p.path.is_empty() && !p.heading {
        return String::new();
    }
    match (l, case) {
        (Lang::Kk, _) => format!("{} ", p.kk(case)),
        (Lang::Ru, Case::Loc | Case::Attr) => format!("в {} ", p.ru(case)),
        (Lang::Ru, _) => format!("{} ", p.ru(case)),
        (Lang::En, _) => {
            let name = super::citation(p.path, "en");
            match (p.heading, name.is_empty()) {
                (true, true) => "in the heading, ".to_string(),
                (true, false) => format!("in the heading of {name}, "),
                (false, _) => format!("in {name}, "),
            }
        }
    }
}

/// The header over several changes of one unit: «үшінші бөлікте:» /
/// «в части третьей:» / "in Article 15(3)—".
fn header(l: Lang, p: Phrase) -> String {
    match l {
        Lang::Kk => format!("{}:", p.kk(Case::Loc)),
        Lang::Ru => format!("в {}:", p.ru(Case::Loc)),
        Lang::En => format!("in {}—", super::citation(p.path, "en")),
    }
}

fn replace_formula(l: Lang, u: &str, old: &str, new: &str, occ: &str) -> String {
    match l {
        Lang::Kk => format!("{u}{}{occ} {} ауыстырылсын", kk_words(old, 0), kk_words(new, 1)),
        Lang::Ru => format!("{u}{}{occ} заменить {}", ru_words(old, 0), ru_words(new, 1)),
        Lang::En => format!("{u}for {}{occ} substitute {}", quote(l, old), quote(l, new)),
    }
}

fn delete_formula(l: Lang, u: &str, old: &str, occ: &str) -> String {
    match l {
        Lang::Kk => format!("{u}{}{occ} алып тасталсын", kk_words(old, 0)),
        Lang::Ru => format!("{u}{}{occ} исключить", ru_words(old, 0)),
        Lang::En => format!("{u}omit {}{occ}", quote(l, old)),
    }
}

/// Does the inserted text read as a sentence of its own?
fn sentence(words: &str) -> bool {
    words.starts_with(char::is_uppercase) && words.ends_with(['.', '!', '?'])
}

/// An insertion after or before quoted words, or at the end; the unit is
/// the subject (kk nominative, ru accusative). The start has no formula
/// and is written as a new wording of the unit by the caller.
fn insert_formula(l: Lang, u: &str, new: &str, position: &InsertPosition) -> String {
    let q = quote(l, new);
    match (l, position) {
        (Lang::Kk, InsertPosition::After { anchor, occurrence: o }) => {
            let occ = occurrence(l, *o);
            format!("{u}{}{occ} кейін {} толықтырылсын", kk_words(words_of(anchor), 2), kk_words(new, 1))
        }
        (Lang::Kk, InsertPosition::Before { anchor, occurrence: o }) => {
            let occ = occurrence(l, *o);
            format!("{u}{}{occ} алдынан {} толықтырылсын", kk_words(words_of(anchor), 3), kk_words(new, 1))
        }
        (Lang::Kk, _) if sentence(new) => format!("{u}мынадай мазмұндағы сөйлеммен толықтырылсын: {q}"),
        (Lang::Kk, _) => format!("{u}{} толықтырылсын", kk_words(new, 1)),
        (Lang::Ru, InsertPosition::After { anchor, occurrence: o }) => {
            let occ = occurrence(l, *o);
            format!("{u}после {}{occ} дополнить {}", ru_words(words_of(anchor), 2), ru_words(new, 1))
        }
        (Lang::Ru, InsertPosition::Before { anchor, occurrence: o }) => {
            let occ = occurrence(l, *o);
            format!("{u}перед {}{occ} дополнить {}", ru_words(words_of(anchor), 1), ru_words(new, 1))
        }
        (Lang::Ru, _) if sentence(new) => format!("{u}дополнить предложением следующего содержания: {q}"),
        (Lang::Ru, _) => format!("{u}дополнить {}", ru_words(new, 1)),
        (Lang::En, InsertPosition::After { anchor, .. }) => {
            format!("{u}after {} insert {q}", quote(l, words_of(anchor)))
        }
        (Lang::En, InsertPosition::Before { anchor, .. }) => {
            format!("{u}before {} insert {q}", quote(l, words_of(anchor)))
        }
        (Lang::En, InsertPosition::Start) => format!("{u}at the beginning insert {q}"),
        (Lang::En, InsertPosition::End) => format!("{u}at the end insert {q}"),
    }
}

/// The path below the units a header already named (the whole path when
/// there is no header).
fn relative<'p>(path: &'p [Segment], prefix: &[Segment]) -> &'p [Segment] {
    let same = |a: &Segment, b: &Segment| a.kind == b.kind && a.number_text() == b.number_text();
    if prefix.len() <= path.len() && path.iter().zip(prefix).all(|(a, b)| same(a, b)) {
        &path[prefix.len()..]
    } else {
        path
    }
}

/// «текст на казахском языке изменяется, текст на русском языке не
/// изменяется»: a change made only in the other authentic language.
fn other_language(l: Lang, u: &str, others: &[&str]) -> String {
    let name = |code: &str| match (l, code) {
        (Lang::Kk, "kk") => "қазақ",
        (Lang::Kk, "ru") => "орыс",
        (Lang::Ru, "kk") => "казахском",
        (Lang::Ru, "ru") => "русском",
        (Lang::En, "kk") => "Kazakh",
        (Lang::En, "ru") => "Russian",
        _ => "?",
    };
    let changed: Vec<&str> = others.iter().map(|c| name(c)).collect();
    match l {
        Lang::Kk => format!(
            "{u}{} тіліндегі мәтін өзгереді, қазақ тіліндегі мәтін өзгермейді",
            changed.join(" және ")
        ),
        Lang::Ru => format!(
            "{u}текст на {} языке изменяется, текст на русском языке не изменяется",
            changed.join(" и ")
        ),
        Lang::En => {
            format!("{u}the {} text is amended; the English text is unchanged", changed.join(" and "))
        }
    }
}

/// The unit below the gathering article whose words an entry changes, for
/// gathering several changes of one unit under its header.
fn word_unit(e: &Entry, prefix: &[Segment]) -> Option<Vec<Segment>> {
    let words = match &e.operation.kind {
        OperationKind::Replace { target: Some(_), .. } | OperationKind::Delete { .. } => true,
        OperationKind::Insert { insertions, .. } => {
            !insertions.iter().any(|i| i.position == InsertPosition::Start)
        }
        _ => false,
    };
    let path = relative(&e.unit.as_ref()?.path, prefix);
    (words && !path.is_empty()).then(|| path.to_vec())
}

fn line(
    e: &Entry,
    lang: &str,
    l: Lang,
    prefix: &[Segment],
    errors: &mut Vec<String>,
    notes: &mut Footnotes,
) -> Line {
    let full = e.unit.as_ref().map(|t| t.path.clone()).unwrap_or_default();
    let path = relative(&full, prefix);
    let here = Phrase::legal(path);
    let mut block = false;
    let text = match &e.operation.kind {
        OperationKind::Replace { target: None, changes } => {
            let head = l.pick("бүкіл мәтін бойынша", "по всему тексту", "throughout,");
            let mine: Vec<_> = changes.iter().filter(|c| c.lang == lang).collect();
            match mine.as_slice() {
                [] => other_language(l, &format!("{head} "), &other_langs(e, lang)),
                _ => {
                    let parts: Vec<String> = mine
                        .iter()
                        .map(|c| replace_formula(l, "", words_of(&c.old), words_of(&c.new), ""))
                        .collect();
                    format!("{head} {}", parts.join(", "))
                }
            }
        }
        OperationKind::Replace { changes, .. } | OperationKind::Delete { changes, .. } => {
            let delete = matches!(e.operation.kind, OperationKind::Delete { .. });
            let formula = |c: &crate::model::WordChange, u: &str| {
                let occ = occurrence(l, c.occurrence);
                if delete {
                    delete_formula(l, u, words_of(&c.old), &occ)
                } else {
                    replace_formula(l, u, words_of(&c.old), words_of(&c.new), &occ)
                }
            };
            let mine: Vec<_> = changes.iter().filter(|c| c.lang == lang).collect();
            match mine.as_slice() {
                [] => other_language(l, &unit(l, here, Case::Loc), &other_langs(e, lang)),
                [one] => formula(one, &unit(l, here.heading(one.title), Case::Attr)),
                many => several(
                    l,
                    here,
                    many.iter()
                        .map(|c| formula(c, &unit(l, Phrase::legal(&[]).heading(c.title), Case::Attr))),
                ),
            }
        }
        OperationKind::Insert { insertions, .. } => {
            let mine: Vec<_> = insertions.iter().filter(|i| i.lang == lang).collect();
            if mine.iter().any(|i| i.position == InsertPosition::Start) && l != Lang::En {
                // No formula adds words at the start: the unit gets a new wording.
                block = true;
                rewrite_formula(l, here)
            } else {
                let formula = |i: &crate::model::WordInsertion, p: Phrase| {
                    insert_formula(l, &unit(l, p.heading(i.title), Case::Acc), words_of(&i.new), &i.position)
                };
                match mine.as_slice() {
                    [] => other_language(l, &unit(l, here, Case::Loc), &other_langs(e, lang)),
                    [one] => formula(one, here),
                    many => several(l, here, many.iter().map(|i| formula(i, Phrase::legal(&[])))),
                }
            }
        }
        OperationKind::Rewrite { .. } => {
            block = true;
            rewrite_formula(l, here)
        }
        OperationKind::Add { place, target, .. } => {
            block = true;
            if let Some(kind) = e.operation.unnumbered_addition() {
                let why = crate::diag::Message::UnnumberedAddition { kind: kind.keyword() };
                errors.push(format!(
                    "{}: {}",
                    crate::model::written::path(&full),
                    why.render(crate::lang::Lang::En)
                ));
            }
            let (parent, new) = path.split_at(path.len().saturating_sub(1));
            // A unit added to an article's level is written against its parent.
            let parent = if *place == Place::To || !parent.is_empty() { parent } else { &[] };
            let new = Phrase::legal(new).new_last();
            match l {
                Lang::Kk => {
                    format!(
                        "{}мынадай мазмұндағы {} толықтырылсын",
                        unit(l, Phrase::legal(parent), Case::Nom),
                        new.kk(Case::Instr)
                    )
                }
                Lang::Ru => {
                    format!(
                        "{}дополнить {} следующего содержания",
                        unit(l, Phrase::legal(parent), Case::Acc),
                        new.ru(Case::Instr)
                    )
                }
                Lang::En => {
                    let anchor = relative(&target.path, prefix);
                    let anchor = relative(anchor, &parent[..parent.len().min(1)]).to_vec();
                    let rest = match place {
                        Place::To => "at the end insert".to_string(),
                        Place::After => format!("after {} insert", super::citation(&anchor, "en")),
                        Place::Before => format!("before {} insert", super::citation(&anchor, "en")),
                    };
                    format!("{}{rest}", unit(l, Phrase::legal(parent), Case::Loc))
                }
            }
        }
        OperationKind::Repeal { .. } => {
            let range = e
                .unit
                .as_ref()
                .filter(|t| t.range_end.is_some())
                .map(|t| Target { path: path.to_vec(), ..t.clone() });
            match (l, range) {
                (Lang::Kk, Some(t)) => format!("{} алып тасталсын", crate::model::citation(&t, "kk")),
                (Lang::Ru, Some(t)) => format!("{} исключить", crate::model::citation(&t, "ru")),
                (Lang::En, Some(t)) => format!("omit {}", crate::model::citation(&t, "en")),
                (Lang::Kk, None) => format!("{}алып тасталсын", unit(l, here, Case::Nom)),
                (Lang::Ru, None) => format!("{}исключить", unit(l, here, Case::Acc)),
                (Lang::En, None) => format!("omit {}", super::citation(path, "en")),
            }
        }
        OperationKind::Renumber { number, .. } => {
            let mut new = path.to_vec();
            if let Some(last) = new.last_mut() {
                last.number = Some(number.clone());
            }
            let new = Phrase::digits(&new);
            match l {
                Lang::Kk => format!("{}{} деп нөмірленсін", unit(l, here, Case::Nom), new.kk(Case::Nom)),
                Lang::Ru => format!("{}считать {}", unit(l, here, Case::Acc), new.ru(Case::Instr)),
                Lang::En => {
                    format!("renumber {} as {}", super::citation(path, "en"), super::citation(new.path, "en"))
                }
            }
        }
    };
    // Quoted words of a summary carry its marker.
    let mut text = text;
    for t in summary::quoted(e, lang) {
        text.push_str(&notes.mark(t));
    }
    let (block, marks) = match block.then(|| after_block(e, lang, notes)).flatten() {
        Some((b, m)) => (Some(b), m),
        None => (None, String::new()),
    };
    Line { unit: e.unit.clone(), text, block, marks }
}

/// Several changes of one unit: its header, then one line each.
fn several(l: Lang, here: Phrase, lines: impl Iterator<Item = String>) -> String {
    let lines: Vec<String> = lines.collect();
    if here.path.is_empty() {
        lines.join(";\n")
    } else {
        format!("{}\n{}", header(l, here), lines.join(";\n"))
    }
}

fn rewrite_formula(l: Lang, here: Phrase) -> String {
    match l {
        Lang::Kk => format!("{}мынадай редакцияда жазылсын", unit(l, here, Case::Nom)),
        Lang::Ru => format!("{}изложить в следующей редакции", unit(l, here, Case::Acc)),
        Lang::En if here.path.is_empty() => "substitute".to_string(),
        Lang::En => format!("for {} substitute", super::citation(here.path, "en")),
    }
}

/// The other authentic languages an operation changes words in.
fn other_langs<'a>(e: &Entry<'a>, lang: &str) -> Vec<&'a str> {
    let mut out: Vec<&str> = super::word_langs(e.operation)
        .unwrap_or_default()
        .into_iter()
        .filter(|x| *x != lang && super::AUTHENTIC.contains(x))
        .collect();
    out.dedup();
    out
}

/// The new wording of the unit an operation added or rewrote.
fn after_block(e: &Entry, lang: &str, notes: &mut Footnotes) -> Option<(Vec<String>, String)> {
    let node = e.change.touched.first()?.after.as_ref()?;
    Some(quoted_block(&node.to_unit(), lang, notes))
}

/// What a line of the bill is, for the layouts that set them apart (DOCX,
/// PDF: centred heading and title, bold article labels, indented paragraphs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The summary warning at the top.
    Warning,
    /// «ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН».
    Heading,
    Title,
    /// An article: «Статья 1. …» (the label before the first ". ").
    Article,
    /// An act's heading, an item, an instruction.
    Body,
    /// A line of a quoted new wording.
    Quote,
    Signature,
    /// The line above the footnotes.
    Rule,
    Footnote,
    /// An empty line between blocks.
    Blank,
}

/// An article's line as its label with the full stop («Статья 1.»,
/// «1-бап.»), which the printed layouts set in bold, and the rest.
pub fn split_article_label(line: &str) -> Option<(&str, &str)> {
    let (label, rest) = line.split_once(". ")?;
    Some((&line[..label.len() + 1], rest))
}

impl Bill {
    /// The text: heading, title, Article 1 with the numbered items (each
    /// ends with ";", the last with "."), Article 2, the signature.
    pub fn text(&self) -> String {
        self.lines().into_iter().map(|(_, line)| line + "\n").collect()
    }

    /// The bill line by line, each with its role: what `text` prints and
    /// the DOCX lays out.
    pub fn lines(&self) -> Vec<(Role, String)> {
        let l = self.lang;
        let mut out = Vec::new();
        let mut push = |role: Role, line: String| out.push((role, line));
        if let Some(w) = self.warning {
            push(Role::Warning, w.to_string());
            push(Role::Blank, String::new());
        }
        push(Role::Heading, self.heading.clone());
        push(Role::Blank, String::new());
        push(Role::Title, self.title.clone());
        push(Role::Blank, String::new());
        push(Role::Article, self.intro.clone());
        for part in &self.parts {
            if let Some(h) = &part.heading {
                push(Role::Body, h.clone());
            }
            // Each act's items end with «.», the others with «;».
            let count: usize = part.items.iter().map(|i| i.lines.len()).sum();
            let mut done = 0;
            for (n, item) in part.items.iter().enumerate() {
                let number = n + 1;
                let mut prefix = format!("{number}) ");
                if let Some(a) = &item.article {
                    push(
                        Role::Body,
                        format!("{prefix}{}", header(l, Phrase::legal(std::slice::from_ref(a)))),
                    );
                    prefix = String::new();
                }
                for line in &item.lines {
                    done += 1;
                    let end = if done == count { "." } else { ";" };
                    let text = format!("{prefix}{}", line.text);
                    match &line.block {
                        Some(block) if !block.is_empty() => {
                            push(Role::Body, text + if l == Lang::En { "—" } else { ":" });
                            let (open, close) = if l == Lang::En { ("“", "”") } else { ("«", "»") };
                            for (k, b) in block.iter().enumerate() {
                                let mut q = if k == 0 { open.to_string() } else { String::new() };
                                q.push_str(b);
                                if k + 1 == block.len() {
                                    q.push_str(close);
                                    q.push_str(&line.marks);
                                    q.push_str(end);
                                }
                                push(Role::Quote, q);
                            }
                        }
                        _ => push(Role::Body, text + end),
                    }
                    prefix = String::new();
                }
            }
        }
        push(Role::Blank, String::new());
        push(Role::Article, self.in_force.clone());
        push(Role::Blank, String::new());
        push(Role::Signature, self.signature.clone());
        if !self.footnotes.is_empty() {
            push(Role::Blank, String::new());
            push(Role::Rule, "______".into());
            for f in &self.footnotes {
                push(Role::Footnote, f.clone());
            }
        }
        out
    }
}
