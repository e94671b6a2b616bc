//! Editorial notes of the official database: «Сноска. Статья 204 с
//! изменением, внесенным Законом РК от 12.07.2018 № 180-VI (вводится в
//! действие …).» / «Ескерту. 204-бапқа өзгеріс енгізілді - ҚР 12.07.2018 №
//! 180-VI (…) Заңымен.», read as the changes they record: the kind of
//! change, the amending law's number and date, and its entry into force
//! when the note gives a date.

use crate::lang::Lang;
pub use crate::model::ChangeKind;
use crate::model::Date;

/// A change as the note records it (`model::Change` without a place in a file).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Change {
    pub kind: ChangeKind,
    pub law: String,
    pub date: Date,
    pub in_force: Option<Date>,
}

/// Whether a line is an editorial note: «Сноска.», or a Kazakh «Ескерту.»
/// that names an amending act («… Заңымен.», «ҚР 12.07.2018 № …»), as
/// opposed to the note of an article.
pub fn is_editorial(line: &str, lang: Lang) -> bool {
    match lang {
        Lang::Kk => {
            line.starts_with("Ескерту.")
                && (line.contains("Заңымен") || line.contains("Кодексімен") || line.contains("ҚР "))
        }
        _ => line.starts_with("Сноска."),
    }
}

/// The changes a note records, in its order; empty when it names no law
/// by date and number.
pub fn changes(note: &str, lang: Lang) -> Vec<Change> {
    let kind = kind(note, lang);
    let mut out = Vec::new();
    // Each law is written «<date> № <number>» (after «от» in Russian, «ҚР»
    // in Kazakh), its entry into force in the parentheses that follow.
    let mut rest = note;
    while let Some(at) = rest.find('№') {
        let before = &rest[..at];
        let after = rest[at + '№'.len_utf8()..].trim_start();
        let law: String = after.chars().take_while(|c| !c.is_whitespace() && !"(),;.".contains(*c)).collect();
        let next = after[law.len()..].find('№').map_or(after.len(), |n| law.len() + n);
        let tail = &after[law.len()..next];
        if let (Some(date), false) = (last_date(before), law.is_empty()) {
            let in_force = tail.trim_start().starts_with('(').then(|| in_force(tail, lang)).flatten();
            out.push(Change { kind, law: law.clone(), date, in_force });
        }
        rest = &after[law.len()..];
    }
    out
}

fn kind(note: &str, lang: Lang) -> ChangeKind {
    let note = note.to_lowercase();
    let has = |w: &[&str]| w.iter().any(|w| note.contains(w));
    match lang {
        Lang::Kk if has(&["редакцияда"]) => ChangeKind::Rewritten,
        Lang::Kk if has(&["алып тасталды"]) => ChangeKind::Repealed,
        Lang::Kk if has(&["толықтырылды"]) && !has(&["өзгеріс"]) => ChangeKind::Added,
        Lang::Kk => ChangeKind::Amended,
        _ if has(&["в редакции"]) => ChangeKind::Rewritten,
        _ if has(&["исключен"]) => ChangeKind::Repealed,
        _ if has(&["дополнен"]) && !has(&["изменени"]) => ChangeKind::Added,
        _ => ChangeKind::Amended,
    }
}

/// A date written `12.07.2018` or `2018.07.12`.
fn date(word: &str) -> Option<Date> {
    let parts: Vec<&str> = word.split('.').collect();
    let [a, b, c] = parts.as_slice() else { return None };
    let ok = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if ok(a, 2) && ok(b, 2) && ok(c, 4) {
        Date::parse(&format!("{c}-{b}-{a}"))
    } else if ok(a, 4) && ok(b, 2) && ok(c, 2) {
        Date::parse(&format!("{a}-{b}-{c}"))
    } else {
        None
    }
}

fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| c.is_whitespace() || "(),;".contains(c))
        .map(|w| w.trim_end_matches('.').trim_end_matches(|c: char| !c.is_ascii_digit()))
        .filter(|w| !w.is_empty())
}

fn last_date(s: &str) -> Option<Date> {
    words(s).filter_map(date).last()
}

/// The date in the parenthesis that opens `tail`: «(вводится в действие с
/// 01.01.2019)», «(01.01.2019 бастап қолданысқа енгізіледі)».
fn in_force(tail: &str, lang: Lang) -> Option<Date> {
    let open = tail.find('(')?;
    let close = tail[open..].find(')').map_or(tail.len(), |c| open + c);
    let inside = &tail[open + 1..close];
    let said = match lang {
        Lang::Kk => inside.contains("бастап"),
        _ => inside.contains("вводится в действие с") || inside.contains("введено в действие с"),
    };
    said.then(|| words(inside).find_map(date)).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn reads_ru_and_kk_notes() {
        let ru = "Сноска. Статья 8 с изменениями, внесенными законами РК от 02.03.2016 № 11-VI (вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования); от 05.06.2019 № 22-VI (вводится в действие с 01.01.2020).";
        assert!(is_editorial(ru, Lang::Ru));
        assert_eq!(
            changes(ru, Lang::Ru),
            [
                Change {
                    kind: ChangeKind::Amended,
                    law: "11-VI".into(),
                    date: d("2016-03-02"),
                    in_force: None
                },
                Change {
                    kind: ChangeKind::Amended,
                    law: "22-VI".into(),
                    date: d("2019-06-05"),
                    in_force: Some(d("2020-01-01"))
                },
            ]
        );
        let kk = "Ескерту. 8-бап жаңа редакцияда - ҚР 05.06.2019 № 22-VI (01.01.2020 бастап қолданысқа енгізіледі) Заңымен.";
        assert!(is_editorial(kk, Lang::Kk));
        assert!(!is_editorial("Ескерту. Осы баптың мағынасында …", Lang::Kk));
        assert_eq!(
            changes(kk, Lang::Kk),
            [Change {
                kind: ChangeKind::Rewritten,
                law: "22-VI".into(),
                date: d("2019-06-05"),
                in_force: Some(d("2020-01-01"))
            }]
        );
        let old = "Ескерту. 9-бап алып тасталды - ҚР 2011.11.09 N 490-IV Заңымен.";
        assert_eq!(changes(old, Lang::Kk), []);
    }
}
