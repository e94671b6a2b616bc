//! The words of the editor's interface that are not diagnostics, in the
//! language of messages.

use crate::lang::Lang;

/// `en` in the language of messages.
pub fn word(ui: Lang, en: &'static str) -> &'static str {
    match (ui, en) {
        (Lang::Kk, "repealed") => "алып тасталды",
        (Lang::Ru, "repealed") => "исключена",
        (Lang::Kk, "source") => "дереккөзі",
        (Lang::Ru, "source") => "источник",
        (Lang::Kk, "Redline") => "Өзгерістер",
        (Lang::Ru, "Redline") => "Изменения",
        (Lang::Kk, "Comparative table") => "Салыстырмалы кесте",
        (Lang::Ru, "Comparative table") => "Сравнительная таблица",
        _ => en,
    }
}

/// "N comparative provisions", the noun agreeing with the number: English
/// singular and plural, Kazakh singular after any numeral, Russian one, few
/// and many.
pub fn provisions(n: usize, ui: Lang) -> String {
    let noun = match ui {
        Lang::En if n == 1 => "comparative provision",
        Lang::En => "comparative provisions",
        Lang::Kk => "салыстырмалы норма",
        Lang::Ru => match (n % 10, n % 100) {
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
        let en: Vec<String> = [1, 2].iter().map(|&n| provisions(n, Lang::En)).collect();
        assert_eq!(en, ["1 comparative provision", "2 comparative provisions"]);
        let ru: Vec<String> = [1, 3, 5, 11, 21, 22, 112].iter().map(|&n| provisions(n, Lang::Ru)).collect();
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
        assert_eq!(provisions(3, Lang::Kk), "3 салыстырмалы норма");
    }
}
