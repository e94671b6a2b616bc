//! A unit's `history` as a reader is told it (hover, `zan compare`): one
//! line per change, naming the amending law by its number and date and the
//! day it came into force, in the language of the view.

use super::dates;
use crate::lang::Lang;
use crate::model::{ChangeKind, History};

/// The heading of the history: «Тарихы», «История», "History".
pub fn heading(lang: Lang) -> &'static str {
    lang.pick("Тарихы", "История", "History")
}

/// One line per change: «Изменение: Закон от 12 июля 2021 года № 50-VII,
/// вводится в действие с 1 марта 2022 года». A history whose notes name
/// no law the import could read (old notes) is told by its notes in
/// `text_lang`, else in the first language it has.
pub fn lines(h: &History, lang: Lang, text_lang: &str) -> Vec<String> {
    if h.changes.is_empty() {
        let first = h.notes.first().map(|n| n.lang.as_str());
        let pick = if h.notes.iter().any(|n| n.lang == text_lang) { Some(text_lang) } else { first };
        return h
            .notes
            .iter()
            .filter(|n| Some(n.lang.as_str()) == pick)
            .map(|n| n.value.plain.clone())
            .collect();
    }
    h.changes
        .iter()
        .map(|c| {
            let kind = match c.kind {
                ChangeKind::Amended => lang.pick("Өзгеріс", "Изменение", "Amended"),
                ChangeKind::Added => lang.pick("Толықтыру", "Дополнение", "Added"),
                ChangeKind::Rewritten => lang.pick("Жаңа редакция", "Новая редакция", "Rewritten"),
                ChangeKind::Repealed => lang.pick("Алып тастау", "Исключение", "Repealed"),
            };
            let law = match lang {
                Lang::Kk => format!("{} № {} Заң", dates::of_act(c.date, lang), c.law),
                Lang::Ru => format!("Закон от {} № {}", dates::of_act(c.date, lang), c.law),
                Lang::En => format!("law No. {} of {}", c.law, dates::of_act(c.date, lang)),
            };
            let in_force = c.in_force.map_or(String::new(), |d| {
                let from = dates::from(d, lang);
                match lang {
                    Lang::Kk => format!(", {from} қолданысқа енгізіледі"),
                    Lang::Ru => format!(", вводится в действие {from}"),
                    Lang::En => format!(", in force {from}"),
                }
            });
            format!("{kind}: {law}{in_force}")
        })
        .collect()
}
