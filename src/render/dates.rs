//! Dates as Kazakh and Russian laws write them: «от 3 июля 2014 года»,
//! «2014 жылғы 3 шілдедегі», «с 1 января 2026 года», «2026 жылғы
//! 1 қаңтардан бастап».

use crate::lang::Lang;
use crate::model::Date;

/// Russian month names in the genitive.
const RU_MONTHS: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// Kazakh month names with the attributive locative («шілдедегі») and the
/// ablative («қаңтардан»): the suffixes follow each name's last sound, so
/// they are written out rather than derived.
const KK_MONTHS: [(&str, &str); 12] = [
    ("қаңтардағы", "қаңтардан"),
    ("ақпандағы", "ақпаннан"),
    ("наурыздағы", "наурыздан"),
    ("сәуірдегі", "сәуірден"),
    ("мамырдағы", "мамырдан"),
    ("маусымдағы", "маусымнан"),
    ("шілдедегі", "шілдеден"),
    ("тамыздағы", "тамыздан"),
    ("қыркүйектегі", "қыркүйектен"),
    ("қазандағы", "қазаннан"),
    ("қарашадағы", "қарашадан"),
    ("желтоқсандағы", "желтоқсаннан"),
];

const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month(d: Date) -> usize {
    usize::from(d.month.clamp(1, 12)) - 1
}

/// The date of an act as its name is followed or preceded by it:
/// «3 июля 2014 года», «2014 жылғы 3 шілдедегі», "3 July 2014".
pub fn of_act(d: Date, lang: Lang) -> String {
    match lang {
        Lang::Kk => format!("{} жылғы {} {}", d.year, d.day, KK_MONTHS[month(d)].0),
        Lang::Ru => format!("{} {} {} года", d.day, RU_MONTHS[month(d)], d.year),
        Lang::En => format!("{} {} {}", d.day, EN_MONTHS[month(d)], d.year),
    }
}

/// The date from which something applies: «с 1 января 2026 года»,
/// «2026 жылғы 1 қаңтардан бастап», "on 1 January 2026".
pub fn from(d: Date, lang: Lang) -> String {
    match lang {
        Lang::Kk => format!("{} жылғы {} {} бастап", d.year, d.day, KK_MONTHS[month(d)].1),
        Lang::Ru => format!("с {} {} {} года", d.day, RU_MONTHS[month(d)], d.year),
        Lang::En => format!("on {} {} {}", d.day, EN_MONTHS[month(d)], d.year),
    }
}

/// The first date written in `words` as `of_act` writes it («3 июля 2014
/// года», «2014 жылғы 3 шілдедегі»): the inverse `zan import` reads an
/// act's header with.
pub fn find_of_act(words: &str, lang: Lang) -> Option<Date> {
    find(words, lang, |m| m.0)
}

/// The first date written in `words` as `from` writes it («с 1 января
/// 2026 года», «2026 жылғы 1 қаңтардан бастап»): a law's entry into force.
pub fn find_from(words: &str, lang: Lang) -> Option<Date> {
    find(words, lang, |m| m.1)
}

fn find(words: &str, lang: Lang, kk_form: fn(&(&'static str, &'static str)) -> &'static str) -> Option<Date> {
    let w: Vec<&str> = words.split_whitespace().collect();
    let num = |s: &str| s.trim_matches(|c: char| !c.is_ascii_digit()).parse::<u16>().ok();
    let date =
        |year: u16, month: usize, day: u16| Date::parse(&format!("{year:04}-{:02}-{day:02}", month + 1));
    match lang {
        Lang::Kk => w.windows(4).find_map(|x| {
            let month = KK_MONTHS.iter().position(|m| x[3] == kk_form(m))?;
            (x[1] == "жылғы").then_some(())?;
            date(num(x[0])?, month, num(x[2])?)
        }),
        _ => w.windows(3).find_map(|x| {
            let month = RU_MONTHS.iter().position(|m| x[1] == *m)?;
            date(num(x[2])?, month, num(x[0])?)
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(year: u16, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    #[test]
    fn act_dates() {
        assert_eq!(of_act(d(2014, 7, 3), Lang::Ru), "3 июля 2014 года");
        assert_eq!(of_act(d(2014, 7, 3), Lang::Kk), "2014 жылғы 3 шілдедегі");
        assert_eq!(of_act(d(2023, 1, 3), Lang::Kk), "2023 жылғы 3 қаңтардағы");
        assert_eq!(of_act(d(2018, 7, 12), Lang::En), "12 July 2018");
    }

    #[test]
    fn dates_of_entry_into_force() {
        assert_eq!(from(d(2026, 1, 1), Lang::Ru), "с 1 января 2026 года");
        assert_eq!(from(d(2026, 1, 1), Lang::Kk), "2026 жылғы 1 қаңтардан бастап");
        assert_eq!(from(d(2026, 9, 15), Lang::Kk), "2026 жылғы 15 қыркүйектен бастап");
        assert_eq!(from(d(2026, 3, 1), Lang::En), "on 1 March 2026");
    }
}
