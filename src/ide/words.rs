//! The words of the editor's interface that are not diagnostics, in the
//! language of messages.

use crate::diag::UiLang;

/// `en` in the language of messages.
pub fn word(ui: UiLang, en: &'static str) -> &'static str {
    match (ui, en) {
        (UiLang::Kk, "repealed") => "алып тасталды",
        (UiLang::Ru, "repealed") => "исключена",
        (UiLang::Kk, "source") => "дереккөзі",
        (UiLang::Ru, "source") => "источник",
        (UiLang::Kk, "Redline") => "Өзгерістер",
        (UiLang::Ru, "Redline") => "Изменения",
        (UiLang::Kk, "Comparative table") => "Салыстырмалы кесте",
        (UiLang::Ru, "Comparative table") => "Сравнительная таблица",
        _ => en,
    }
}

/// "N comparative provisions", the noun agreeing with the number: English
/// singular and plural, Kazakh singular after any numeral, Russian one, few
/// and many.
pub fn provisions(n: usize, ui: UiLang) -> String {
    let noun = match ui {
        UiLang::En if n == 1 => "comparative provision",
        UiLang::En => "comparative provisions",
        UiLang::Kk => "салыстырмалы норма",
        UiLang::Ru => match (n % 10, n % 100) {
            (1, r) if r != 11 => "сравнительная норма",
            (2..=4, r) if !(12..=14).contains(&r) => "сравнительные нормы",
            _ => "сравнительных норм",
        },
    };
    format!("{n} {noun}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_count_of_provisions_agrees_with_its_number() {
        let en: Vec<String> = [1, 2].iter().map(|&n| provisions(n, UiLang::En)).collect();
        assert_eq!(en, ["1 comparative provision", "2 comparative provisions"]);
        let ru: Vec<String> = [1, 3, 5, 11, 21, 22, 112].iter().map(|&n| provisions(n, UiLang::Ru)).collect();
        assert_eq!(
            ru,
            [
                "1 сравнительная норма",
                "3 сравнительные нормы",
                "5 сравнительных норм",
                "11 сравнительных норм",
                "21 сравнительная норма",
                "22 сравнительные нормы",
                "112 сравнительных норм"
            ]
        );
        assert_eq!(provisions(3, UiLang::Kk), "3 салыстырмалы норма");
    }
}
