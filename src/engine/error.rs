//! What stops the engine: plain data with the file and byte range it is about.

use crate::diag::Message;
use crate::lang::Lang;
use crate::model::Span;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EngineError {
    pub kind: ErrorKind,
    /// The workspace file (index into the files given to the engine) and the
    /// bytes the error is about; `None` for a command-line argument.
    pub at: Option<(usize, Span)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorKind {
    /// A finding that `zan check` reports with the same message: unknown act or
    /// version, unresolved target, words not found, ambiguous words.
    Check(Message),
    /// No act or amendment with this id in the workspace.
    NoSuchId { id: String },
    /// `--as-of` a date before the act's first version.
    NotInForce { act: String, date: String, first: String },
    /// An amendment without `target`.
    NoTarget { amendment: String },
    /// Only `repeal` takes a range, and no operation but `add … to` and
    /// `replace-all` works on a whole act.
    WrongTargetKind { operation: &'static str },
    /// Two amendments in force on the same day change the same unit, so
    /// their order decides the result.
    Conflict { unit: String, first: String, second: String },
    /// The consolidated act could not be printed as a `.zan` file that parses
    /// (a bug in the printer, reported rather than hidden).
    Unprintable,
}

impl EngineError {
    pub fn new(kind: ErrorKind, file: usize, span: Span) -> Self {
        EngineError { kind, at: Some((file, span)) }
    }

    pub fn code(&self) -> &'static str {
        match &self.kind {
            ErrorKind::Check(m) => m.code(),
            ErrorKind::NoSuchId { .. } => "unknown-id",
            ErrorKind::NotInForce { .. } => "not-in-force",
            ErrorKind::NoTarget { .. } => "amendment-without-target",
            ErrorKind::WrongTargetKind { .. } => "wrong-target-kind",
            ErrorKind::Conflict { .. } => "conflicting-amendments",
            ErrorKind::Unprintable => "unprintable",
        }
    }

    pub fn render(&self, lang: Lang) -> String {
        use Lang::*;
        match (&self.kind, lang) {
            (ErrorKind::Check(m), _) => m.render(lang),
            (ErrorKind::NoSuchId { id }, En) => format!("no act or amendment `{id}` in the workspace"),
            (ErrorKind::NoSuchId { id }, Kk) => format!("жұмыс кеңістігінде `{id}` актісі не түзетуі жоқ"),
            (ErrorKind::NoSuchId { id }, Ru) => format!("в рабочей области нет акта или поправки `{id}`"),
            (ErrorKind::NotInForce { act, date, first }, En) => {
                format!("no version of `{act}` is in force on {date}: its first version is of {first}")
            }
            (ErrorKind::NotInForce { act, date, first }, Kk) => {
                format!(
                    "{date} күні `{act}` актісінің ешбір редакциясы күшінде емес: алғашқы редакциясы {first}"
                )
            }
            (ErrorKind::NotInForce { act, date, first }, Ru) => {
                format!("на {date} ни одна редакция `{act}` не действует: первая редакция от {first}")
            }
            (ErrorKind::NoTarget { amendment }, En) => format!("`{amendment}` has no `target`"),
            (ErrorKind::NoTarget { amendment }, Kk) => format!("`{amendment}` түзетуінде `target` жоқ"),
            (ErrorKind::NoTarget { amendment }, Ru) => format!("у `{amendment}` нет `target`"),
            (ErrorKind::WrongTargetKind { operation }, En) => {
                format!("`{operation}` needs one unit as its target")
            }
            (ErrorKind::WrongTargetKind { operation }, Kk) => {
                format!("`{operation}` нысанасы бір бірлік болуы тиіс")
            }
            (ErrorKind::WrongTargetKind { operation }, Ru) => {
                format!("целью `{operation}` должна быть одна единица")
            }

            (ErrorKind::Conflict { unit, first, second }, En) => {
                format!("`{first}` and `{second}` come into force on the same day and both change `{unit}`")
            }
            (ErrorKind::Conflict { unit, first, second }, Kk) => {
                format!("`{first}` пен `{second}` бір күнде күшіне енеді және екеуі де `{unit}` өзгертеді")
            }
            (ErrorKind::Conflict { unit, first, second }, Ru) => {
                format!("`{first}` и `{second}` вступают в силу в один день и обе изменяют `{unit}`")
            }
            (ErrorKind::Unprintable, En) => "the consolidated act could not be printed as .zan".into(),
            (ErrorKind::Unprintable, Kk) => {
                "шоғырландырылған актіні .zan ретінде басып шығару мүмкін емес".into()
            }
            (ErrorKind::Unprintable, Ru) => "сводный акт не удалось вывести как .zan".into(),
        }
    }
}
