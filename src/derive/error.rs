//! What stops `zan derive`: plain data with the file and bytes it is about.
//! Nothing is written when one is returned.

use crate::diag::Message;
use crate::lang::Lang;
use crate::model::Span;

/// The file an error is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    /// The edited copy of the act.
    Edited,
    /// The amendment file being written or updated.
    Amendment,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DeriveError {
    pub kind: ErrorKind,
    pub at: Option<(Which, Span)>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ErrorKind {
    /// `unknown-act`, `unknown-version`: the edited act version is not in the workspace.
    Check(Message),
    /// The edited file does not hold exactly one act (with a version) and nothing else.
    NotOneAct { acts: usize, amendments: usize },
    /// The act has no `version`: it could not name the version it edits.
    NoVersion { act: String },
    /// The amendment being updated targets another act or version than the edited copy.
    OtherTarget { amendment: String, target: String, edited: String },
    /// A statement of the act itself (its title, dates, languages …) was
    /// edited: no operation changes it.
    Metadata { statement: &'static str },
    /// The edited copy is the base version.
    NoChange { act: String },
    /// The proof: the derived amendment applied to the base is not the
    /// edited act at this unit (a bug of `derive`, never written out).
    Differs { unit: String },
    /// The proof: `zan check` or the engine refused the derived amendment.
    Refused { reason: String },
    /// The amendment could not be printed as a `.zan` file that parses.
    Unprintable,
}

impl DeriveError {
    pub fn new(kind: ErrorKind, which: Which, span: Span) -> Self {
        DeriveError { kind, at: Some((which, span)) }
    }

    pub fn code(&self) -> &'static str {
        match &self.kind {
            ErrorKind::Check(m) => m.code(),
            ErrorKind::NotOneAct { .. } => "derive-not-one-act",
            ErrorKind::NoVersion { .. } => "derive-no-version",
            ErrorKind::OtherTarget { .. } => "derive-other-target",
            ErrorKind::Metadata { .. } => "derive-metadata",
            ErrorKind::NoChange { .. } => "derive-no-change",
            ErrorKind::Differs { .. } | ErrorKind::Refused { .. } => "derive-unproved",
            ErrorKind::Unprintable => "unprintable",
        }
    }

    pub fn render(&self, lang: Lang) -> String {
        use Lang::*;
        match (&self.kind, lang) {
            (ErrorKind::Check(m), _) => m.render(lang),
            (ErrorKind::NotOneAct { acts, amendments }, En) => format!(
                "an edited copy holds one act and nothing else; this file holds {acts} act(s) and {amendments} amendment(s)"
            ),
            (ErrorKind::NotOneAct { acts, amendments }, Kk) => format!(
                "өңделген көшірмеде бір ғана акт болуы тиіс; бұл файлда {acts} акт және {amendments} түзету бар"
            ),
            (ErrorKind::NotOneAct { acts, amendments }, Ru) => format!(
                "в редактируемой копии должен быть один акт и ничего больше; в этом файле актов: {acts}, поправок: {amendments}"
            ),
            (ErrorKind::NoVersion { act }, En) => {
                format!("`{act}` has no `version`: an edited copy names the version it edits")
            }
            (ErrorKind::NoVersion { act }, Kk) => {
                format!(
                    "`{act}` актісінде `version` жоқ: өңделген көшірме қай редакцияны өңдейтінін көрсетуі тиіс"
                )
            }
            (ErrorKind::NoVersion { act }, Ru) => {
                format!("у `{act}` нет `version`: редактируемая копия называет редакцию, которую правит")
            }
            (ErrorKind::OtherTarget { amendment, target, edited }, En) => format!(
                "`{amendment}` targets {target}, but the edited copy is of {edited}: the edit changed the act id or version"
            ),
            (ErrorKind::OtherTarget { amendment, target, edited }, Kk) => format!(
                "`{amendment}` түзетуінің нысанасы {target}, ал өңделген көшірме {edited}: өңдеу актінің идентификаторын не редакциясын өзгертті"
            ),
            (ErrorKind::OtherTarget { amendment, target, edited }, Ru) => format!(
                "поправка `{amendment}` относится к {target}, а редактируемая копия — к {edited}: правка изменила идентификатор или редакцию акта"
            ),
            (ErrorKind::Metadata { statement }, En) => {
                format!(
                    "`{statement}` of the act was edited: an amendment changes units, not the act's own statements"
                )
            }
            (ErrorKind::Metadata { statement }, Kk) => {
                format!(
                    "актінің `{statement}` мәлімдемесі өзгертілген: түзету актінің өзін емес, бірліктерін өзгертеді"
                )
            }
            (ErrorKind::Metadata { statement }, Ru) => {
                format!(
                    "изменено `{statement}` самого акта: поправка меняет структурные единицы, а не сведения об акте"
                )
            }
            (ErrorKind::NoChange { act }, En) => {
                format!("the edited copy does not differ from {act}; nothing written")
            }
            (ErrorKind::NoChange { act }, Kk) => {
                format!("өңделген көшірме {act} мәтінінен өзгеше емес; ештеңе жазылмады")
            }
            (ErrorKind::NoChange { act }, Ru) => {
                format!("редактируемая копия не отличается от {act}; ничего не записано")
            }
            (ErrorKind::Differs { unit }, En) => format!(
                "the derived operations applied to the base do not give the edited text of {unit}; nothing written (a bug of zan derive: please report it)"
            ),
            (ErrorKind::Differs { unit }, Kk) => format!(
                "шығарылған операциялар негізгі редакцияға қолданылғанда {unit} өңделген мәтінін бермейді; ештеңе жазылмады (zan derive қатесі)"
            ),
            (ErrorKind::Differs { unit }, Ru) => format!(
                "выведенные операции, применённые к исходной редакции, не дают отредактированный текст {unit}; ничего не записано (ошибка zan derive)"
            ),
            (ErrorKind::Refused { reason }, En) => {
                format!(
                    "the derived amendment does not apply: {reason}; nothing written (a bug of zan derive)"
                )
            }
            (ErrorKind::Refused { reason }, Kk) => {
                format!("шығарылған түзету қолданылмайды: {reason}; ештеңе жазылмады (zan derive қатесі)")
            }
            (ErrorKind::Refused { reason }, Ru) => {
                format!(
                    "выведенная поправка не применяется: {reason}; ничего не записано (ошибка zan derive)"
                )
            }
            (ErrorKind::Unprintable, En) => {
                "the amendment could not be printed as .zan; nothing written".into()
            }
            (ErrorKind::Unprintable, Kk) => {
                "түзетуді .zan ретінде жазу мүмкін болмады; ештеңе жазылмады".into()
            }
            (ErrorKind::Unprintable, Ru) => {
                "поправку не удалось записать как .zan; ничего не записано".into()
            }
        }
    }
}
