//! A paraphrase never passes for the law. In every document in the official
//! layout (the consolidated text, the bill, the comparative table, the
//! compare view), a text whose fidelity is `summary` is followed by a
//! marker ("[1]"), and the document ends with the footnote the marker
//! points to: that the text is a paraphrase, not the official wording, and
//! where it comes from. One source is one footnote, numbered in the order
//! the document first cites it.

use super::Entry;
use crate::lang::Lang;
use crate::model::{Fidelity, InsertPosition, OperationKind, Text};

#[derive(Debug, Clone)]
pub struct Footnotes {
    lang: Lang,
    /// The source of each footnote, in the order of first use.
    sources: Vec<String>,
}

impl Footnotes {
    pub fn new(lang: Lang) -> Self {
        Footnotes { lang, sources: Vec::new() }
    }

    /// " [1]" after a summary, nothing after official wording.
    pub fn mark(&mut self, text: &Text) -> String {
        if text.fidelity != Some(Fidelity::Summary) {
            return String::new();
        }
        let source = text.cite.clone().unwrap_or_default();
        let n = match self.sources.iter().position(|s| *s == source) {
            Some(i) => i + 1,
            None => {
                self.sources.push(source);
                self.sources.len()
            }
        };
        format!(" {}", marker(n))
    }

    pub fn is_empty(&self) -> bool {
        self.sources.is_empty()
    }

    /// One line per footnote: "[1] Пересказ, не официальный текст: S1:L280."
    pub fn lines(&self) -> Vec<String> {
        let l = self.lang;
        self.sources
            .iter()
            .enumerate()
            .map(|(i, source)| {
                let source = match source.as_str() {
                    "" => l.pick("дереккөзі көрсетілмеген", "источник не указан", "source not given"),
                    s => s,
                };
                let what = l.pick(
                    "Ресми мәтін емес, мазмұндама",
                    "Пересказ, не официальный текст",
                    "A summary, not the official text",
                );
                format!("{} {what}: {source}.", marker(i + 1))
            })
            .collect()
    }
}

fn marker(n: usize) -> String {
    format!("[{n}]")
}

/// The warning at the top of a bill or table that quotes words from a
/// summary: they could not be checked against the law.
pub fn quoted_words_warning(lang: Lang) -> &'static str {
    lang.pick(
        "Назар аударыңыз: жоба келтіретін қолданыстағы мәтіннің сөздері ресми мәтіннен емес, мазмұндамадан алынған; оларды ресми мәтінмен салыстырып тексеру керек.",
        "Внимание: слова действующего текста, которые цитирует проект, взяты не из официального текста, а из пересказа; их нужно сверить с официальным текстом.",
        "Warning: the words of the current text that this draft quotes come from a summary, not from the official text; they must be checked against the official text.",
    )
}

/// The summaries whose words an operation quotes in `lang`: the text (or
/// heading) of each unit it changes, as it was before, when the operation
/// names existing words (a replacement, a deletion, an insertion next to
/// an anchor).
pub fn quoted<'e>(e: &Entry<'e>, lang: &str) -> Vec<&'e Text> {
    let titles: Vec<bool> = match &e.operation.kind {
        OperationKind::Replace { changes, .. } | OperationKind::Delete { changes, .. } => {
            changes.iter().filter(|c| c.lang == lang).map(|c| c.title).collect()
        }
        OperationKind::Insert { insertions, .. } => insertions
            .iter()
            .filter(|i| {
                i.lang == lang
                    && matches!(i.position, InsertPosition::After { .. } | InsertPosition::Before { .. })
            })
            .map(|i| i.title)
            .collect(),
        _ => Vec::new(),
    };
    let mut out: Vec<&Text> = Vec::new();
    for t in &e.change.touched {
        let Some(before) = &t.before else { continue };
        for &title in &titles {
            let texts = if title { &before.unit.content.titles } else { &before.unit.content.texts };
            if let Some(x) = texts.iter().find(|x| x.lang == lang && x.fidelity == Some(Fidelity::Summary))
                && !out.iter().any(|o| std::ptr::eq(*o, x))
            {
                out.push(x);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::RichText;

    fn text(fidelity: Fidelity, cite: Option<&str>) -> Text {
        Text {
            lang: "ru".into(),
            fidelity: Some(fidelity),
            value: RichText { plain: "x".into(), refs: Vec::new(), pieces: Vec::new(), span: 0..0 },
            cite: cite.map(str::to_string),
            span: 0..0,
        }
    }

    #[test]
    fn one_footnote_per_source_in_order_of_use() {
        let mut f = Footnotes::new(Lang::Ru);
        assert_eq!(f.mark(&text(Fidelity::Official, None)), "");
        assert_eq!(f.mark(&text(Fidelity::Summary, Some("S1:L280"))), " [1]");
        assert_eq!(f.mark(&text(Fidelity::Summary, None)), " [2]");
        assert_eq!(f.mark(&text(Fidelity::Summary, Some("S1:L280"))), " [1]");
        assert_eq!(
            f.lines(),
            [
                "[1] Пересказ, не официальный текст: S1:L280.",
                "[2] Пересказ, не официальный текст: источник не указан."
            ]
        );
    }
}
