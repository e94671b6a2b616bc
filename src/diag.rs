//! Diagnostics: plain data with byte ranges, rendered in English, Kazakh or Russian.

use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

/// The language of messages (not of legal text).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum UiLang {
    #[default]
    En,
    Kk,
    Ru,
}

impl UiLang {
    pub fn parse(tag: &str) -> Option<UiLang> {
        match tag.get(..2)?.to_ascii_lowercase().as_str() {
            "en" => Some(UiLang::En),
            "kk" => Some(UiLang::Kk),
            "ru" => Some(UiLang::Ru),
            _ => None,
        }
    }
}

/// One replacement in one file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Edit {
    pub range: Range<usize>,
    pub replacement: String,
}

/// A machine-applicable fix: every edit applies to the diagnostic's file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<Edit>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
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

    pub fn with_fix(mut self, title: impl Into<String>, edits: Vec<Edit>) -> Self {
        self.fix = Some(Fix { title: title.into(), edits });
        self
    }

    pub fn code(&self) -> &'static str {
        self.message.code()
    }
}

/// Every message zan reports. The variant decides the stable code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    SyntaxUnexpected { found: String },
    SyntaxMissing { expected: String },
    DuplicateStatement { statement: &'static str },
    DuplicateText { lang: String },
    InvalidDate { date: String },
    UnknownLanguage { lang: String },
    MissingFidelity,
    SummaryWithoutCite,
    ZeroOccurrence,
    NotUtf8 { offset: usize },
    Unreadable { error: String },
}

impl Message {
    pub fn code(&self) -> &'static str {
        match self {
            Message::SyntaxUnexpected { .. } | Message::SyntaxMissing { .. } => "syntax-error",
            Message::DuplicateStatement { .. } => "duplicate-statement",
            Message::DuplicateText { .. } => "duplicate-text",
            Message::InvalidDate { .. } => "invalid-date",
            Message::UnknownLanguage { .. } => "unknown-language",
            Message::MissingFidelity => "missing-fidelity",
            Message::SummaryWithoutCite => "summary-without-cite",
            Message::ZeroOccurrence => "invalid-occurrence",
            Message::NotUtf8 { .. } => "not-utf8",
            Message::Unreadable { .. } => "unreadable-file",
        }
    }

    pub fn default_severity(&self) -> Severity {
        match self {
            Message::UnknownLanguage { .. } | Message::MissingFidelity | Message::SummaryWithoutCite => {
                Severity::Warning
            }
            _ => Severity::Error,
        }
    }

    pub fn render(&self, lang: UiLang) -> String {
        use UiLang::*;
        match (self, lang) {
            (Message::SyntaxUnexpected { found }, En) => format!("syntax error: unexpected `{found}`"),
            (Message::SyntaxUnexpected { found }, Kk) => format!("синтаксис қатесі: күтпеген `{found}`"),
            (Message::SyntaxUnexpected { found }, Ru) => {
                format!("синтаксическая ошибка: неожиданное `{found}`")
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
            (Message::NotUtf8 { offset }, En) => {
                format!("the file is not UTF-8: invalid byte at offset {offset}")
            }
            (Message::NotUtf8 { offset }, Kk) => {
                format!("файл UTF-8 емес: {offset} ығысуындағы байт жарамсыз")
            }
            (Message::NotUtf8 { offset }, Ru) => {
                format!("файл не в UTF-8: недопустимый байт по смещению {offset}")
            }
            (Message::Unreadable { error }, En) => format!("cannot read the file: {error}"),
            (Message::Unreadable { error }, Kk) => format!("файлды оқу мүмкін емес: {error}"),
            (Message::Unreadable { error }, Ru) => format!("не удалось прочитать файл: {error}"),
        }
    }
}
