//! Diagnostics: plain data with byte ranges, rendered in English, Kazakh or Russian.

use crate::lang::Lang;
use std::ops::Range;

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    rkyv::Archive,
    rkyv::Serialize,
    rkyv::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

pub use crate::fixes::Edit;

/// A diagnostic and the file (index into the workspace's files) it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileDiagnostic {
    pub file: usize,
    pub diagnostic: Diagnostic,
}

/// A machine-applicable fix: every edit applies to the diagnostic's file.
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
pub struct Fix {
    pub title: FixTitle,
    pub edits: Vec<Edit>,
}

/// What a fix does, worded in the language of messages by [`FixTitle::render`].
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
pub enum FixTitle {
    /// Replace the span with this text.
    Replace(String),
    /// Mark the citation as this reference.
    Link(String),
}

impl FixTitle {
    pub fn render(&self, lang: Lang) -> String {
        match (self, lang) {
            (FixTitle::Replace(s), Lang::En) => format!("replace with «{s}»"),
            (FixTitle::Replace(s), Lang::Kk) => format!("«{s}» деп ауыстыру"),
            (FixTitle::Replace(s), Lang::Ru) => format!("заменить на «{s}»"),
            (FixTitle::Link(r), Lang::En) => format!("link it: {r}"),
            (FixTitle::Link(r), Lang::Kk) => format!("сілтеме жасау: {r}"),
            (FixTitle::Link(r), Lang::Ru) => format!("сделать ссылкой: {r}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct Diagnostic {
    pub message: Message,
    pub severity: Severity,
    pub range: Range<usize>,
    pub fix: Option<Fix>,
}

impl Diagnostic {
    pub fn new(message: Message, range: Range<usize>) -> Self {
        Diagnostic { severity: message.default_severity(), message, range, fix: None }
    }

    pub fn with_fix(mut self, title: FixTitle, edits: Vec<Edit>) -> Self {
        self.fix = Some(Fix { title, edits });
        self
    }

    pub fn code(&self) -> &'static str {
        self.message.code()
    }
}

/// Every message zan reports. The variant decides the stable code.
#[derive(Debug, Clone, PartialEq, Eq, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
// A message may hold another (`WordsNotFoundNear`): the bounds of that
// field are given here (rkyv's way for recursive types).
#[rkyv(serialize_bounds(__S: rkyv::ser::Writer + rkyv::ser::Allocator, __S::Error: rkyv::rancor::Source))]
#[rkyv(deserialize_bounds(__D::Error: rkyv::rancor::Source))]
#[rkyv(bytecheck(bounds(__C: rkyv::validation::ArchiveContext, __C::Error: rkyv::rancor::Source)))]
pub enum Message {
    SyntaxUnexpected {
        found: String,
    },
    SyntaxMissing {
        expected: String,
    },
    /// A `{` that nothing closes.
    SyntaxUnclosed,
    /// An unexpected word close to a keyword of the language.
    SyntaxKeyword {
        found: String,
        keyword: String,
    },
    DuplicateStatement {
        #[rkyv(with = crate::cache::Interned)]
        statement: &'static str,
    },
    DuplicateText {
        lang: String,
    },
    InvalidDate {
        date: String,
    },
    UnknownLanguage {
        lang: String,
    },
    MissingFidelity,
    SummaryWithoutCite,
    ZeroOccurrence,
    /// `occurrence` on a `replace-all` line, which replaces every one.
    OccurrenceThroughout,
    NotUtf8 {
        offset: usize,
    },
    UnknownAct {
        act: String,
    },
    UnknownVersion {
        act: String,
        version: String,
        existing: Vec<String>,
    },
    Unresolved {
        target: String,
        act: String,
        suggestions: Vec<String>,
    },
    RepealedTarget {
        target: String,
    },
    DuplicateUnit {
        unit: String,
    },
    MissingLanguage {
        lang: String,
    },
    /// A unit an amendment adds or rewrites lacks a language of the act.
    UnwrittenLanguage {
        unit: String,
        lang: String,
        title: bool,
    },
    WordsNotFound {
        words: String,
        lang: String,
        unit: String,
        /// In the unit's title rather than its text.
        title: bool,
    },
    /// `WordsNotFound` (boxed: the first field) with the closest words of
    /// the text and their context.
    WordsNotFoundNear(#[rkyv(omit_bounds)] Box<(Message, String, String)>),
    AmbiguousWords {
        words: String,
        lang: String,
        count: usize,
        title: bool,
    },
    /// A text-hygiene finding of `lint::hygiene`.
    Hygiene {
        #[rkyv(with = crate::cache::Interned)]
        code: &'static str,
        note: crate::lint::hygiene::Note,
    },
    UnlinkedCitation {
        words: String,
        target: String,
    },
    /// A renumbering with `update-references` cannot rewrite the number in
    /// the display words of these references.
    UnrewritableCitations {
        unit: String,
        to: String,
        places: Vec<String>,
    },
    /// The display words of a reference cite another unit than its target.
    CitationWordsMismatch {
        words: String,
        cites: String,
        target: String,
    },
    Unreadable {
        error: String,
    },
    NumberingOrder {
        unit: String,
        previous: String,
    },
    OperationOnRepealed {
        target: String,
    },
    /// An amendment would put a number out of order among its siblings.
    AmendedOrder {
        unit: String,
        neighbour: String,
        /// The neighbour comes after the unit.
        before: bool,
    },
    /// `add part` to a unit whose own text is not divided into parts.
    UndividedText {
        unit: String,
        part: String,
    },
    /// An act with a jurisdiction whose blocks never say where it is officially published.
    MissingSource {
        act: String,
    },
    /// `add` or `renumber` would give a unit a number its parent already uses.
    UnitExists {
        unit: String,
    },
    Conflict {
        target: String,
        other: String,
    },
    /// An operation that conflicts with one of another amendment: reported
    /// on both, and no obstacle to applying either alone.
    ProposalConflict {
        target: String,
        amendment: String,
    },
    ReferenceShift {
        target: String,
        renumber: bool,
        cited_by: Vec<String>,
    },
    /// `zan.toml` cannot be used: bad TOML, an unknown key or value, a bad glob.
    InvalidConfig {
        error: String,
    },
    /// A path, root or ignore pattern that leads outside the workspace root.
    OutsideRoot {
        path: String,
    },
    /// Units nested deeper than the model keeps (`model::MAX_DEPTH`).
    TooDeep {
        limit: usize,
    },
    /// A justification written, but not in an authentic language of the act:
    /// that language's bill and table would show an empty cell.
    MissingJustification {
        lang: String,
    },
    /// Quoted words found in a `summary` text: the bill would quote a
    /// paraphrase as the law, and nobody has checked them against it.
    WordsFromSummary {
        words: String,
        lang: String,
        /// The unit (or, for `replace-all`, the act) whose text it is.
        unit: String,
        title: bool,
    },
    /// An `add` without a number that a bill must cite by one
    /// (`model::Operation::unnumbered_addition`).
    UnnumberedAddition {
        #[rkyv(with = crate::cache::Interned)]
        kind: &'static str,
    },
    /// A reviewer's `remark open …` not yet resolved: its author, date and
    /// first paragraph, and how many replies it has.
    OpenRemark {
        author: String,
        date: String,
        text: String,
        replies: usize,
    },
    /// A bill's `amends` names no amendment of the workspace.
    UnknownAmendment {
        amendment: String,
    },
    /// A bill enacts a second amendment of one act: one act, one list of items.
    SameActInBill {
        act: String,
        first: String,
    },
    /// An amendment is enacted by two bills.
    AmendmentInTwoBills {
        amendment: String,
        bill: String,
    },
}

impl Message {
    pub fn code(&self) -> &'static str {
        match self {
            Message::SyntaxUnexpected { .. }
            | Message::SyntaxMissing { .. }
            | Message::SyntaxKeyword { .. }
            | Message::SyntaxUnclosed => "syntax-error",
            Message::DuplicateStatement { .. } => "duplicate-statement",
            Message::DuplicateText { .. } => "duplicate-text",
            Message::InvalidDate { .. } => "invalid-date",
            Message::UnknownLanguage { .. } => "unknown-language",
            Message::MissingFidelity => "missing-fidelity",
            Message::SummaryWithoutCite => "summary-without-cite",
            Message::ZeroOccurrence | Message::OccurrenceThroughout => "invalid-occurrence",
            Message::NotUtf8 { .. } => "not-utf8",
            Message::UnknownAct { .. } => "unknown-act",
            Message::UnknownVersion { .. } => "unknown-version",
            Message::Unresolved { .. } => "unresolved-reference",
            Message::RepealedTarget { .. } => "reference-to-repealed",
            Message::DuplicateUnit { .. } => "duplicate-unit",
            Message::MissingLanguage { .. } | Message::UnwrittenLanguage { .. } => "missing-language",
            Message::WordsNotFound { .. } | Message::WordsNotFoundNear(_) => "words-not-found",
            Message::AmbiguousWords { .. } => "ambiguous-words",
            Message::Hygiene { code, .. } => code,
            Message::UnlinkedCitation { .. } => "unlinked-citation",
            Message::CitationWordsMismatch { .. } => "citation-words-mismatch",
            Message::UnrewritableCitations { .. } => "unrewritable-citation",
            Message::NumberingOrder { .. } | Message::AmendedOrder { .. } => "numbering-order",
            Message::UndividedText { .. } => "undivided-text",
            Message::OperationOnRepealed { .. } => "operation-on-repealed",
            Message::UnitExists { .. } => "unit-exists",
            Message::MissingSource { .. } => "missing-source",
            Message::Conflict { .. } | Message::ProposalConflict { .. } => "conflict",
            Message::ReferenceShift { .. } => "reference-shift",
            Message::Unreadable { .. } => "unreadable-file",
            Message::InvalidConfig { .. } => "invalid-config",
            Message::OutsideRoot { .. } => "outside-root",
            Message::TooDeep { .. } => "too-deep",
            Message::MissingJustification { .. } => "missing-justification",
            Message::WordsFromSummary { .. } => "words-from-summary",
            Message::UnnumberedAddition { .. } => "unnumbered-addition",
            Message::OpenRemark { .. } => "open-remark",
            Message::UnknownAmendment { .. } => "unknown-amendment",
            Message::SameActInBill { .. } => "same-act-in-bill",
            Message::AmendmentInTwoBills { .. } => "amendment-in-two-bills",
        }
    }

    pub fn default_severity(&self) -> Severity {
        match self {
            Message::UnknownLanguage { .. }
            | Message::MissingFidelity
            | Message::SummaryWithoutCite
            | Message::RepealedTarget { .. }
            | Message::MissingLanguage { .. }
            | Message::Hygiene { .. }
            | Message::UnlinkedCitation { .. }
            | Message::CitationWordsMismatch { .. }
            | Message::NumberingOrder { .. }
            | Message::MissingSource { .. }
            | Message::ReferenceShift { .. }
            | Message::OutsideRoot { .. }
            | Message::MissingJustification { .. }
            | Message::WordsFromSummary { .. }
            | Message::UnnumberedAddition { .. } => Severity::Warning,
            Message::OpenRemark { .. } => Severity::Info,
            _ => Severity::Error,
        }
    }

    pub fn render(&self, lang: Lang) -> String {
        use Lang::*;
        match (self, lang) {
            (Message::SyntaxUnexpected { found }, En) => format!("syntax error: unexpected `{found}`"),
            (Message::SyntaxUnexpected { found }, Kk) => format!("синтаксис қатесі: күтпеген `{found}`"),
            (Message::SyntaxUnexpected { found }, Ru) => {
                format!("синтаксическая ошибка: неожиданное `{found}`")
            }
            (Message::SyntaxUnclosed, En) => "syntax error: this `{` is never closed: a `}` is missing".into(),
            (Message::SyntaxUnclosed, Kk) => "синтаксис қатесі: бұл `{` жабылмаған: `}` жетіспейді".into(),
            (Message::SyntaxUnclosed, Ru) => "синтаксическая ошибка: эта `{` не закрыта: не хватает `}`".into(),
            (Message::SyntaxKeyword { found, keyword }, En) => {
                format!("syntax error: unexpected `{found}`; did you mean `{keyword}`?")
            }
            (Message::SyntaxKeyword { found, keyword }, Kk) => {
                format!("синтаксис қатесі: күтпеген `{found}`; мүмкін, `{keyword}`?")
            }
            (Message::SyntaxKeyword { found, keyword }, Ru) => {
                format!("синтаксическая ошибка: неожиданное `{found}`; возможно, `{keyword}`?")
            }
            (Message::SyntaxMissing { expected }, En) => format!("syntax error: missing `{expected}`"),
            (Message::SyntaxMissing { expected }, Kk) => format!("синтаксис қатесі: `{expected}` жетіспейді"),
            (Message::SyntaxMissing { expected }, Ru) => {
                format!("синтаксическая ошибка: пропущено `{expected}`")
            }
            (Message::DuplicateStatement { statement }, En) => {
                format!("`{statement}` is given more than once")
            }
            (Message::DuplicateStatement { statement }, Kk) => format!("`{statement}` бірнеше рет берілген"),
            (Message::DuplicateStatement { statement }, Ru) => {
                format!("`{statement}` указано более одного раза")
            }
            (Message::DuplicateText { lang }, En) => format!("a second text in `{lang}` for the same unit"),
            (Message::DuplicateText { lang }, Kk) => format!("бір бірлікке `{lang}` тіліндегі екінші мәтін"),
            (Message::DuplicateText { lang }, Ru) => format!("второй текст на `{lang}` для той же единицы"),
            (Message::InvalidDate { date }, En) => format!("`{date}` is not a valid date"),
            (Message::InvalidDate { date }, Kk) => format!("`{date}` жарамды күн емес"),
            (Message::InvalidDate { date }, Ru) => format!("`{date}` не является допустимой датой"),
            (Message::UnknownLanguage { lang }, En) => format!("`{lang}` is not an ISO 639-1 language code"),
            (Message::UnknownLanguage { lang }, Kk) => format!("`{lang}` ISO 639-1 тіл коды емес"),
            (Message::UnknownLanguage { lang }, Ru) => format!("`{lang}` не является кодом языка ISO 639-1"),
            (Message::MissingFidelity, En) => {
                "text without a fidelity marker (`official` or `summary`)".into()
            }
            (Message::MissingFidelity, Kk) => {
                "мәтінде дәлдік белгісі жоқ (`official` немесе `summary`)".into()
            }
            (Message::MissingFidelity, Ru) => "текст без отметки точности (`official` или `summary`)".into(),
            (Message::SummaryWithoutCite, En) => {
                "a `summary` text must say what it summarises with `cite`".into()
            }
            (Message::SummaryWithoutCite, Kk) => {
                "`summary` мәтіні дереккөзін `cite` арқылы көрсетуі тиіс".into()
            }
            (Message::SummaryWithoutCite, Ru) => {
                "текст `summary` должен указывать источник через `cite`".into()
            }
            (Message::ZeroOccurrence, En) => "occurrences are counted from 1".into(),
            (Message::ZeroOccurrence, Kk) => "кездесулер 1-ден бастап саналады".into(),
            (Message::ZeroOccurrence, Ru) => "вхождения считаются с 1".into(),
            (Message::OccurrenceThroughout, En) => {
                "`replace-all` replaces every occurrence: drop `occurrence`, or replace in one unit".into()
            }
            (Message::OccurrenceThroughout, Kk) => {
                "`replace-all` барлық кездесуді ауыстырады: `occurrence` алып тастаңыз немесе бір бірлікте ауыстырыңыз".into()
            }
            (Message::OccurrenceThroughout, Ru) => {
                "`replace-all` заменяет все вхождения: уберите `occurrence` или замените в одной единице".into()
            }
            (Message::NotUtf8 { offset }, En) => {
                format!("the file is not UTF-8: invalid byte at offset {offset}")
            }
            (Message::NotUtf8 { offset }, Kk) => {
                format!("файл UTF-8 емес: {offset} ығысуындағы байт жарамсыз")
            }
            (Message::NotUtf8 { offset }, Ru) => {
                format!("файл не в UTF-8: недопустимый байт по смещению {offset}")
            }
            (Message::UnknownAct { act }, En) => format!("no act `{act}` in the workspace"),
            (Message::UnknownAct { act }, Kk) => format!("жұмыс кеңістігінде `{act}` актісі жоқ"),
            (Message::UnknownAct { act }, Ru) => format!("в рабочей области нет акта `{act}`"),
            (Message::UnknownVersion { act, version, existing }, En) => {
                format!("`{act}` has no version of {version} (versions: {})", existing.join(", "))
            }
            (Message::UnknownVersion { act, version, existing }, Kk) => {
                format!("`{act}` актісінің {version} редакциясы жоқ (редакциялар: {})", existing.join(", "))
            }
            (Message::UnknownVersion { act, version, existing }, Ru) => {
                format!("у `{act}` нет редакции от {version} (редакции: {})", existing.join(", "))
            }
            (Message::Unresolved { target, act, suggestions }, lang) => {
                let base = match lang {
                    En => format!("`{target}` does not exist in `{act}`"),
                    Kk => format!("`{act}` ішінде `{target}` жоқ"),
                    Ru => format!("в `{act}` нет `{target}`"),
                };
                match (suggestions.is_empty(), lang) {
                    (true, _) => base,
                    (false, En) => format!("{base}; did you mean `{}`?", suggestions.join("`, `")),
                    (false, Kk) => format!("{base}; мүмкін, `{}`?", suggestions.join("`, `")),
                    (false, Ru) => format!("{base}; возможно, `{}`?", suggestions.join("`, `")),
                }
            }
            (Message::RepealedTarget { target }, En) => format!("`{target}` is repealed"),
            (Message::RepealedTarget { target }, Kk) => format!("`{target}` алып тасталған"),
            (Message::RepealedTarget { target }, Ru) => format!("`{target}` исключена"),
            (Message::DuplicateUnit { unit }, En) => format!("`{unit}` is defined more than once"),
            (Message::DuplicateUnit { unit }, Kk) => format!("`{unit}` бірнеше рет анықталған"),
            (Message::DuplicateUnit { unit }, Ru) => format!("`{unit}` определена более одного раза"),
            (Message::MissingLanguage { lang }, En) => format!("no text in `{lang}`, a language of the act"),
            (Message::MissingLanguage { lang }, Kk) => format!("актінің `{lang}` тіліндегі мәтіні жоқ"),
            (Message::MissingLanguage { lang }, Ru) => format!("нет текста на `{lang}`, языке акта"),
            (Message::UnwrittenLanguage { unit, lang, title }, En) => {
                let what = if *title { "title" } else { "text" };
                format!("`{unit}` as amended has no {what} in `{lang}`, a language of the act")
            }
            (Message::UnwrittenLanguage { unit, lang, title }, Kk) => {
                let what = if *title { "тақырыбы" } else { "мәтіні" };
                format!("түзетілген `{unit}` бірлігінің актінің `{lang}` тіліндегі {what} жоқ")
            }
            (Message::UnwrittenLanguage { unit, lang, title }, Ru) => {
                let what = if *title { "заголовка" } else { "текста" };
                format!("у `{unit}` в новой редакции нет {what} на `{lang}`, языке акта")
            }
            (Message::WordsNotFound { words, lang, unit, title }, En) => {
                let what = if *title { "title" } else { "text" };
                format!("«{words}» is not in the `{lang}` {what} of `{unit}`")
            }
            (Message::WordsNotFound { words, lang, unit, title }, Kk) => {
                let what = if *title { "тақырыбында" } else { "мәтінінде" };
                format!("«{words}» `{unit}` бірлігінің `{lang}` {what} жоқ")
            }
            (Message::WordsNotFound { words, lang, unit, title }, Ru) => {
                let what = if *title { "заголовке" } else { "тексте" };
                format!("«{words}» нет в {what} `{lang}` единицы `{unit}`")
            }
            (Message::WordsNotFoundNear(near), lang) => {
                let (base, closest, context) = near.as_ref();
                let base = base.render(lang);
                match lang {
                    En => format!("{base}; did you mean «{closest}»? The text reads «{context}»"),
                    Kk => format!("{base}; мүмкін, «{closest}»? Мәтін: «{context}»"),
                    Ru => format!("{base}; возможно, «{closest}»? Текст: «{context}»"),
                }
            }
            (Message::AmbiguousWords { words, lang, count, title }, En) => {
                let what = if *title { "title" } else { "text" };
                format!("«{words}» occurs {count} times in the `{lang}` {what}: say which with `occurrence`")
            }
            (Message::AmbiguousWords { words, lang, count, title }, Kk) => {
                let what = if *title { "тақырыбында" } else { "мәтінінде" };
                format!("«{words}» `{lang}` {what} {count} рет кездеседі: `occurrence` арқылы көрсетіңіз")
            }
            (Message::AmbiguousWords { words, lang, count, title }, Ru) => {
                let what = if *title { "заголовке" } else { "тексте" };
                format!("«{words}» встречается в {what} `{lang}` {count} раз: укажите `occurrence`")
            }
            (Message::Hygiene { note, .. }, lang) => hygiene(note, lang),
            (Message::UnlinkedCitation { words, target }, En) => {
                format!("«{words}» cites `{target}` without a reference")
            }
            (Message::UnlinkedCitation { words, target }, Kk) => {
                format!("«{words}» `{target}` бірлігіне сілтемесіз сілтейді")
            }
            (Message::UnlinkedCitation { words, target }, Ru) => {
                format!("«{words}» ссылается на `{target}` без ссылки")
            }
            (Message::UnrewritableCitations { unit, to, places }, lang) => {
                let places = places.join(", ");
                match lang {
                    En => format!(
                        "`{unit}` becomes `{to}`, but the words of these references cannot be rewritten to cite it: {places}; reword them in this amendment"
                    ),
                    Kk => format!(
                        "`{unit}` `{to}` болады, бірақ мына сілтемелердің сөздерін оған сәйкес қайта жазу мүмкін емес: {places}; оларды осы түзетуде өзгертіңіз"
                    ),
                    Ru => format!(
                        "`{unit}` становится `{to}`, но слова этих ссылок нельзя переписать под новый номер: {places}; измените их в этой поправке"
                    ),
                }
            }
            (Message::CitationWordsMismatch { words, cites, target }, En) => {
                format!("«{words}» cites `{cites}`, but the reference points at `{target}`")
            }
            (Message::CitationWordsMismatch { words, cites, target }, Kk) => {
                format!("«{words}» `{cites}` бірлігін атайды, ал сілтеме `{target}` бірлігіне бағытталған")
            }
            (Message::CitationWordsMismatch { words, cites, target }, Ru) => {
                format!("«{words}» называет `{cites}`, а ссылка ведёт на `{target}`")
            }
            (Message::NumberingOrder { unit, previous }, En) => {
                format!("`{unit}` comes after `{previous}`: numbers must go up")
            }
            (Message::NumberingOrder { unit, previous }, Kk) => {
                format!("`{unit}` `{previous}` бірлігінен кейін тұр: нөмірлер өсуі тиіс")
            }
            (Message::NumberingOrder { unit, previous }, Ru) => {
                format!("`{unit}` стоит после `{previous}`: номера должны возрастать")
            }
            (Message::AmendedOrder { unit, neighbour, before }, lang) => {
                let (first, second) = if *before { (unit, neighbour) } else { (neighbour, unit) };
                match lang {
                    En => format!("`{unit}` would stand where numbers go down: `{first}` before `{second}`"),
                    Kk => format!("`{unit}` нөмірлер кемитін орында тұрар еді: `{first}` `{second}` алдында"),
                    Ru => format!("`{unit}` нарушит порядок номеров: `{first}` перед `{second}`"),
                }
            }
            (Message::UndividedText { unit, part }, En) => format!(
                "`{unit}` has a text not divided into parts: adding `{part}` would leave that text without a number; rewrite `{unit}` with its parts"
            ),
            (Message::UndividedText { unit, part }, Kk) => format!(
                "`{unit}` мәтіні бөліктерге бөлінбеген: `{part}` қосу ол мәтінді нөмірсіз қалдырады; `{unit}` бөліктерімен жаңа редакцияда жазылсын"
            ),
            (Message::UndividedText { unit, part }, Ru) => format!(
                "текст `{unit}` не разделён на части: добавление `{part}` оставит его без номера; изложите `{unit}` с частями"
            ),
            (Message::OperationOnRepealed { target }, En) => format!("`{target}` is already repealed"),
            (Message::OperationOnRepealed { target }, Kk) => format!("`{target}` бұрын алып тасталған"),
            (Message::OperationOnRepealed { target }, Ru) => format!("`{target}` уже исключена"),
            (Message::MissingSource { act }, En) => {
                format!("`{act}` does not say where it is officially published: add `source \"…\"`")
            }
            (Message::MissingSource { act }, Kk) => {
                format!("`{act}` ресми жарияланған жерін көрсетпейді: `source \"…\"` қосыңыз")
            }
            (Message::MissingSource { act }, Ru) => {
                format!("`{act}` не указывает официальную публикацию: добавьте `source \"…\"`")
            }
            (Message::UnitExists { unit }, En) => format!("`{unit}` already exists"),
            (Message::UnitExists { unit }, Kk) => format!("`{unit}` бұрыннан бар"),
            (Message::UnitExists { unit }, Ru) => format!("`{unit}` уже существует"),
            (Message::Conflict { target, other }, En) => {
                format!("this operation on `{target}` conflicts with {other}")
            }
            (Message::Conflict { target, other }, Kk) => {
                format!("`{target}` бойынша бұл амал мынамен қайшы келеді: {other}")
            }
            (Message::Conflict { target, other }, Ru) => {
                format!("эта операция над `{target}` конфликтует с {other}")
            }
            (Message::ProposalConflict { target, amendment }, lang) => Message::Conflict {
                target: target.clone(),
                other: match lang {
                    En => format!("an operation of `{amendment}`"),
                    Kk => format!("`{amendment}` түзетуінің амалы"),
                    Ru => format!("операцией `{amendment}`"),
                },
            }
            .render(lang),
            (Message::ReferenceShift { target, renumber, cited_by }, lang) => {
                let places = cited_by.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", ");
                match (lang, renumber) {
                    (En, false) => format!("`{target}` is repealed but still cited by {places}"),
                    (En, true) => format!("`{target}` is renumbered but still cited by {places}"),
                    (Kk, false) => format!("`{target}` алып тасталады, бірақ оған әлі де сілтейді: {places}"),
                    (Kk, true) => {
                        format!("`{target}` қайта нөмірленеді, бірақ оған әлі де сілтейді: {places}")
                    }
                    (Ru, false) => format!("`{target}` исключается, но на неё ещё ссылаются: {places}"),
                    (Ru, true) => format!("`{target}` перенумеровывается, но на неё ещё ссылаются: {places}"),
                }
            }
            (Message::Unreadable { error }, En) => format!("cannot read the file: {error}"),
            (Message::Unreadable { error }, Kk) => format!("файлды оқу мүмкін емес: {error}"),
            (Message::Unreadable { error }, Ru) => format!("не удалось прочитать файл: {error}"),
            (Message::InvalidConfig { error }, En) => format!("invalid zan.toml: {error}"),
            (Message::InvalidConfig { error }, Kk) => format!("zan.toml жарамсыз: {error}"),
            (Message::InvalidConfig { error }, Ru) => format!("недопустимый zan.toml: {error}"),
            (Message::OutsideRoot { path }, En) => {
                format!("`{path}` is outside the workspace root: ignored")
            }
            (Message::OutsideRoot { path }, Kk) => {
                format!("`{path}` жұмыс кеңістігінің түбірінен тыс: еленбейді")
            }
            (Message::OutsideRoot { path }, Ru) => format!("`{path}` вне корня рабочей области: пропущено"),
            (Message::TooDeep { limit }, En) => {
                format!("units nest more than {limit} levels deep; this unit and those inside it are ignored")
            }
            (Message::TooDeep { limit }, Kk) => {
                format!(
                    "бірліктер {limit} деңгейден тереңірек енгізілген; бұл бірлік пен оның ішіндегілер ескерілмейді"
                )
            }
            (Message::TooDeep { limit }, Ru) => {
                format!(
                    "единицы вложены глубже {limit} уровней; эта единица и вложенные в неё не учитываются"
                )
            }
            (Message::MissingJustification { lang }, En) => {
                format!("no justification in `{lang}`: its comparative table would show an empty cell")
            }
            (Message::MissingJustification { lang }, Kk) => {
                format!("`{lang}` тіліндегі негіздеме жоқ: салыстырмалы кестеде ұяшық бос қалады")
            }
            (Message::MissingJustification { lang }, Ru) => {
                format!("нет обоснования на языке `{lang}`: в сравнительной таблице ячейка останется пустой")
            }
            (Message::WordsFromSummary { words, lang, unit, title }, En) => {
                let what = if *title { "title" } else { "text" };
                format!(
                    "«{words}» is quoted from the `summary` {what} of `{unit}` in `{lang}`: the words cannot be verified against the law"
                )
            }
            (Message::WordsFromSummary { words, lang, unit, title }, Kk) => {
                let what = if *title { "тақырыбынан" } else { "мәтінінен" };
                format!(
                    "«{words}» `{unit}` бірлігінің `{lang}` тіліндегі `summary` {what} алынған: сөздерді заңмен салыстырып тексеру мүмкін емес"
                )
            }
            (Message::WordsFromSummary { words, lang, unit, title }, Ru) => {
                let what = if *title { "заголовка" } else { "текста" };
                format!(
                    "«{words}» взяты из {what} `summary` единицы `{unit}` на языке `{lang}`: эти слова нельзя сверить с законом"
                )
            }
            (Message::UnnumberedAddition { kind }, En) => {
                format!("an added {kind} has no number; a bill cites every new unit by its number")
            }
            (Message::UnnumberedAddition { kind }, Kk) => {
                format!(
                    "қосылатын `{kind}` бірлігінің нөмірі жоқ; заң жобасы әрбір жаңа бірлікті нөмірімен атайды"
                )
            }
            (Message::UnnumberedAddition { kind }, Ru) => {
                format!(
                    "у добавляемой единицы `{kind}` нет номера; законопроект называет каждую новую единицу по номеру"
                )
            }
            (Message::OpenRemark { author, date, text, replies }, En) => {
                format!("open remark by {author} ({date}): «{text}»; replies: {replies}")
            }
            (Message::OpenRemark { author, date, text, replies }, Kk) => {
                format!("{author} ескертпесі ашық ({date}): «{text}»; жауаптар: {replies}")
            }
            (Message::OpenRemark { author, date, text, replies }, Ru) => {
                format!("открытое замечание {author} ({date}): «{text}»; ответов: {replies}")
            }
            (Message::UnknownAmendment { amendment }, En) => {
                format!("no amendment `{amendment}` in the workspace")
            }
            (Message::UnknownAmendment { amendment }, Kk) => {
                format!("жұмыс кеңістігінде `{amendment}` түзетуі жоқ")
            }
            (Message::UnknownAmendment { amendment }, Ru) => {
                format!("в рабочей области нет поправки `{amendment}`")
            }
            (Message::SameActInBill { act, first }, En) => {
                format!("a second amendment of `{act}` in this bill (`{first}` amends it); merge them into one")
            }
            (Message::SameActInBill { act, first }, Kk) => {
                format!("бұл заң жобасында `{act}` актісінің екінші түзетуі (`{first}` оны түзетеді); оларды біріктіріңіз")
            }
            (Message::SameActInBill { act, first }, Ru) => {
                format!("второе изменение акта `{act}` в этом законопроекте (его изменяет `{first}`); объедините их")
            }
            (Message::AmendmentInTwoBills { amendment, bill }, En) => {
                format!("`{amendment}` is already enacted by the bill `{bill}`")
            }
            (Message::AmendmentInTwoBills { amendment, bill }, Kk) => {
                format!("`{amendment}` түзетуі `{bill}` заң жобасына енгізілген")
            }
            (Message::AmendmentInTwoBills { amendment, bill }, Ru) => {
                format!("поправка `{amendment}` уже входит в законопроект `{bill}`")
            }
        }
    }
}

/// A hygiene finding in the language of messages.
fn hygiene(note: &crate::lint::hygiene::Note, lang: Lang) -> String {
    use crate::lint::hygiene::Note::*;
    use Lang::{En, Kk, Ru};
    match (note, lang) {
        (MixedScript { word, fix: Some(f) }, En) => {
            format!("«{word}» mixes Latin and Cyrillic letters; write «{f}»")
        }
        (MixedScript { word, fix: Some(f) }, Kk) => {
            format!("«{word}» сөзінде латын және кирилл әріптері аралас; «{f}» деп жазыңыз")
        }
        (MixedScript { word, fix: Some(f) }, Ru) => {
            format!("в «{word}» смешаны латинские и кириллические буквы; пишите «{f}»")
        }
        (MixedScript { word, fix: None }, En) => format!("«{word}» mixes Latin and Cyrillic letters"),
        (MixedScript { word, fix: None }, Kk) => {
            format!("«{word}» сөзінде латын және кирилл әріптері аралас")
        }
        (MixedScript { word, fix: None }, Ru) => {
            format!("в «{word}» смешаны латинские и кириллические буквы")
        }
        (CyrillicSuffix { word, fixed }, En) => {
            format!("the letter suffix of «{word}» is Cyrillic; write «{fixed}»")
        }
        (CyrillicSuffix { word, fixed }, Kk) => {
            format!("«{word}» нөміріндегі әріп кириллицамен жазылған; «{fixed}» деп жазыңыз")
        }
        (CyrillicSuffix { word, fixed }, Ru) => {
            format!("буквенный индекс в «{word}» написан кириллицей; пишите «{fixed}»")
        }
        (MisEncoded { letter, fix: Some(f) }, En) => {
            format!("«{letter}» is a PDF-extraction artifact; write «{f}»")
        }
        (MisEncoded { letter, fix: Some(f) }, Kk) => {
            format!("«{letter}» — PDF-тен көшірілген мәтіннің ақауы; «{f}» деп жазыңыз")
        }
        (MisEncoded { letter, fix: Some(f) }, Ru) => {
            format!("«{letter}» — артефакт извлечения текста из PDF; пишите «{f}»")
        }
        (MisEncoded { letter, fix: None }, En) => {
            format!("«{letter}» is a PDF-extraction artifact for «ү» or «ұ»")
        }
        (MisEncoded { letter, fix: None }, Kk) => {
            format!("«{letter}» — PDF-тен көшірілген мәтіннің ақауы, «ү» немесе «ұ» орнына")
        }
        (MisEncoded { letter, fix: None }, Ru) => {
            format!("«{letter}» — артефакт извлечения текста из PDF вместо «ү» или «ұ»")
        }
        (DashInCompound { dash }, En) => {
            format!("«{dash}» (U+{:04X}) inside a compound; write a hyphen-minus «-»", *dash as u32)
        }
        (DashInCompound { dash }, Kk) => {
            format!("күрделі сөздің ішінде «{dash}» (U+{:04X}); «-» дефисін жазыңыз", *dash as u32)
        }
        (DashInCompound { dash }, Ru) => {
            format!("«{dash}» (U+{:04X}) внутри сложного слова; пишите дефис «-»", *dash as u32)
        }
        (OneSidedDash { dash }, En) => format!(
            "«{dash}» has a space on one side only; write a compound without spaces or a dash with spaces on both sides"
        ),
        (OneSidedDash { dash }, Kk) => format!(
            "«{dash}» белгісінің бір жағында ғана бос орын бар; күрделі сөзді бос орынсыз, сызықшаны екі жағынан бос орынмен жазыңыз"
        ),
        (OneSidedDash { dash }, Ru) => format!(
            "у «{dash}» пробел только с одной стороны; пишите сложное слово без пробелов, а тире — с пробелами с обеих сторон"
        ),
        (SpacedDash { dash, target }, En) => {
            format!("spaced «{dash}» used as a dash; write «{target}» like the text's other dashes")
        }
        (SpacedDash { dash, target }, Kk) => {
            format!(
                "сызықша орнына бос орынмен «{dash}» жазылған; мәтіннің басқа сызықшалары сияқты «{target}» жазыңыз"
            )
        }
        (SpacedDash { dash, target }, Ru) => {
            format!("«{dash}» с пробелами стоит вместо тире; пишите «{target}», как другие тире текста")
        }
        (LeadingWhitespace, En) => "leading whitespace".into(),
        (LeadingWhitespace, Kk) => "мәтін басында бос орын".into(),
        (LeadingWhitespace, Ru) => "пробел в начале текста".into(),
        (TrailingWhitespace, En) => "trailing whitespace".into(),
        (TrailingWhitespace, Kk) => "мәтін соңында бос орын".into(),
        (TrailingWhitespace, Ru) => "пробел в конце текста".into(),
        (RepeatedWhitespace, En) => "several whitespace characters in a row; write one space".into(),
        (RepeatedWhitespace, Kk) => "қатарынан бірнеше бос орын; бір бос орын жазыңыз".into(),
        (RepeatedWhitespace, Ru) => "несколько пробелов подряд; оставьте один пробел".into(),
        (SpaceBefore { punctuation }, En) => format!("whitespace before «{punctuation}»"),
        (SpaceBefore { punctuation }, Kk) => format!("«{punctuation}» алдында бос орын"),
        (SpaceBefore { punctuation }, Ru) => format!("пробел перед «{punctuation}»"),
        (Doubled { word }, En) => format!("«{word}» is doubled"),
        (Doubled { word }, Kk) => format!("«{word}» сөзі қайталанған"),
        (Doubled { word }, Ru) => format!("«{word}» повторяется дважды"),
        (MissingSpace { after }, En) => format!("missing space after «{after}»"),
        (MissingSpace { after }, Kk) => format!("«{after}» белгісінен кейін бос орын жоқ"),
        (MissingSpace { after }, Ru) => format!("нет пробела после «{after}»"),
    }
}
