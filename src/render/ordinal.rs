//! Ordinal words, for citing existing parts and paragraphs the way Kazakh
//! and Russian drafting does («часть третья», «в абзаце втором»,
//! «үшінші бөлік») and for occurrences («во втором случае», «екінші
//! жағдайда»). New or inserted units keep their digits («часть 2-1»), so
//! only a plain number from 1 to 99 has a word.

/// Russian grammatical gender of the noun an ordinal agrees with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Masculine,
    Feminine,
}

/// The Russian cases the formulae need.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuCase {
    Nominative,
    Genitive,
    Dative,
    Accusative,
    Instrumental,
    Prepositional,
}

/// A plain number from 1 to 99: "3" yes, "2-1", "03" and "0" no.
fn plain(number: &str) -> Option<u32> {
    let n: u32 = number.parse().ok()?;
    (number.starts_with(|c: char| c != '0') && (1..=99).contains(&n)).then_some(n)
}

/// Russian ordinal stems without the ending, and whether the masculine
/// nominative ends in a stressed «-ой» («второй») rather than «-ый».
/// «третий» is soft and has its own endings.
fn ru_unit(n: u32) -> (&'static str, bool) {
    match n {
        1 => ("перв", false),
        2 => ("втор", true),
        3 => ("трет", false),
        4 => ("четверт", false),
        5 => ("пят", false),
        6 => ("шест", true),
        7 => ("седьм", true),
        8 => ("восьм", true),
        9 => ("девят", false),
        10 => ("десят", false),
        11 => ("одиннадцат", false),
        12 => ("двенадцат", false),
        13 => ("тринадцат", false),
        14 => ("четырнадцат", false),
        15 => ("пятнадцат", false),
        16 => ("шестнадцат", false),
        17 => ("семнадцат", false),
        18 => ("восемнадцат", false),
        _ => ("девятнадцат", false),
    }
}

/// The stem of a round ten's ordinal and the cardinal that starts a
/// compound («двадцать первый»).
fn ru_tens(t: u32) -> (&'static str, bool, &'static str) {
    match t {
        2 => ("двадцат", false, "двадцать"),
        3 => ("тридцат", false, "тридцать"),
        4 => ("сороков", true, "сорок"),
        5 => ("пятидесят", false, "пятьдесят"),
        6 => ("шестидесят", false, "шестьдесят"),
        7 => ("семидесят", false, "семьдесят"),
        8 => ("восьмидесят", false, "восемьдесят"),
        _ => ("девяност", false, "девяносто"),
    }
}

fn ru_ending(stem: &str, stressed: bool, gender: Gender, case: RuCase) -> String {
    use RuCase::*;
    // «третий» declines as a soft possessive adjective.
    if stem == "трет" {
        let end = match (gender, case) {
            (Gender::Masculine, Nominative | Accusative) => "ий",
            (Gender::Masculine, Genitive) => "ьего",
            (Gender::Masculine, Dative) => "ьему",
            (Gender::Masculine, Instrumental) => "ьим",
            (Gender::Masculine, Prepositional) => "ьем",
            (Gender::Feminine, Nominative) => "ья",
            (Gender::Feminine, Accusative) => "ью",
            (Gender::Feminine, _) => "ьей",
        };
        return format!("{stem}{end}");
    }
    let end = match (gender, case) {
        // Inanimate nouns: the accusative is the nominative.
        (Gender::Masculine, Nominative | Accusative) if stressed => "ой",
        (Gender::Masculine, Nominative | Accusative) => "ый",
        (Gender::Masculine, Genitive) => "ого",
        (Gender::Masculine, Dative) => "ому",
        (Gender::Masculine, Instrumental) => "ым",
        (Gender::Masculine, Prepositional) => "ом",
        (Gender::Feminine, Nominative) => "ая",
        (Gender::Feminine, Accusative) => "ую",
        (Gender::Feminine, _) => "ой",
    };
    format!("{stem}{end}")
}

/// The Russian ordinal of `number` in `gender` and `case`: «третьей»,
/// «двадцать первом»; `None` when the number has no word (a new unit
/// «2-1», or past 99).
pub fn ru(number: &str, gender: Gender, case: RuCase) -> Option<String> {
    let n = plain(number)?;
    let (tens, units) = (n / 10, n % 10);
    Some(match (tens, units) {
        (0 | 1, _) => {
            let (stem, stressed) = ru_unit(n);
            ru_ending(stem, stressed, gender, case)
        }
        (t, 0) => {
            let (stem, stressed, _) = ru_tens(t);
            ru_ending(stem, stressed, gender, case)
        }
        (t, u) => {
            let (stem, stressed) = ru_unit(u);
            format!("{} {}", ru_tens(t).2, ru_ending(stem, stressed, gender, case))
        }
    })
}

/// The Kazakh ordinal of `number`: «үшінші», «жиырма бірінші». Kazakh
/// ordinals do not decline; the noun after them does.
pub fn kk(number: &str) -> Option<String> {
    const UNITS: [&str; 9] = [
        "бірінші",
        "екінші",
        "үшінші",
        "төртінші",
        "бесінші",
        "алтыншы",
        "жетінші",
        "сегізінші",
        "тоғызыншы",
    ];
    // Ordinal and cardinal of each ten.
    const TENS: [(&str, &str); 9] = [
        ("оныншы", "он"),
        ("жиырмасыншы", "жиырма"),
        ("отызыншы", "отыз"),
        ("қырқыншы", "қырық"),
        ("елуінші", "елу"),
        ("алпысыншы", "алпыс"),
        ("жетпісінші", "жетпіс"),
        ("сексенінші", "сексен"),
        ("тоқсаныншы", "тоқсан"),
    ];
    let n = plain(number)? as usize;
    let (tens, units) = (n / 10, n % 10);
    Some(match (tens, units) {
        (0, u) => UNITS[u - 1].to_string(),
        (t, 0) => TENS[t - 1].0.to_string(),
        (t, u) => format!("{} {}", TENS[t - 1].1, UNITS[u - 1]),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ru_all(n: u32, gender: Gender) -> Vec<String> {
        use RuCase::*;
        [Nominative, Genitive, Dative, Accusative, Instrumental, Prepositional]
            .into_iter()
            .map(|c| ru(&n.to_string(), gender, c).unwrap())
            .collect()
    }

    #[test]
    fn russian_ordinals_one_to_thirty_in_the_nominative() {
        let fem: Vec<String> =
            (1..=30).map(|n| ru(&n.to_string(), Gender::Feminine, RuCase::Nominative).unwrap()).collect();
        assert_eq!(
            fem.join(", "),
            "первая, вторая, третья, четвертая, пятая, шестая, седьмая, восьмая, девятая, десятая, \
             одиннадцатая, двенадцатая, тринадцатая, четырнадцатая, пятнадцатая, шестнадцатая, \
             семнадцатая, восемнадцатая, девятнадцатая, двадцатая, двадцать первая, двадцать вторая, \
             двадцать третья, двадцать четвертая, двадцать пятая, двадцать шестая, двадцать седьмая, \
             двадцать восьмая, двадцать девятая, тридцатая"
        );
        let masc: Vec<String> =
            (1..=30).map(|n| ru(&n.to_string(), Gender::Masculine, RuCase::Nominative).unwrap()).collect();
        assert_eq!(
            masc.join(", "),
            "первый, второй, третий, четвертый, пятый, шестой, седьмой, восьмой, девятый, десятый, \
             одиннадцатый, двенадцатый, тринадцатый, четырнадцатый, пятнадцатый, шестнадцатый, \
             семнадцатый, восемнадцатый, девятнадцатый, двадцатый, двадцать первый, двадцать второй, \
             двадцать третий, двадцать четвертый, двадцать пятый, двадцать шестой, двадцать седьмой, \
             двадцать восьмой, двадцать девятый, тридцатый"
        );
    }

    #[test]
    fn russian_case_forms() {
        // Nominative, genitive, dative, accusative, instrumental, prepositional.
        assert_eq!(
            ru_all(3, Gender::Feminine),
            ["третья", "третьей", "третьей", "третью", "третьей", "третьей"]
        );
        assert_eq!(
            ru_all(3, Gender::Masculine),
            ["третий", "третьего", "третьему", "третий", "третьим", "третьем"]
        );
        assert_eq!(
            ru_all(2, Gender::Masculine),
            ["второй", "второго", "второму", "второй", "вторым", "втором"]
        );
        assert_eq!(ru_all(1, Gender::Feminine), ["первая", "первой", "первой", "первую", "первой", "первой"]);
        assert_eq!(
            ru_all(21, Gender::Masculine),
            [
                "двадцать первый",
                "двадцать первого",
                "двадцать первому",
                "двадцать первый",
                "двадцать первым",
                "двадцать первом"
            ]
        );
        assert_eq!(ru_all(40, Gender::Feminine)[0], "сороковая");
        assert_eq!(ru_all(40, Gender::Masculine)[0], "сороковой");
        assert_eq!(ru_all(99, Gender::Feminine)[5], "девяносто девятой");
    }

    #[test]
    fn kazakh_ordinals_one_to_thirty() {
        let all: Vec<String> = (1..=30).map(|n| kk(&n.to_string()).unwrap()).collect();
        assert_eq!(
            all.join(", "),
            "бірінші, екінші, үшінші, төртінші, бесінші, алтыншы, жетінші, сегізінші, тоғызыншы, оныншы, \
             он бірінші, он екінші, он үшінші, он төртінші, он бесінші, он алтыншы, он жетінші, он сегізінші, \
             он тоғызыншы, жиырмасыншы, жиырма бірінші, жиырма екінші, жиырма үшінші, жиырма төртінші, \
             жиырма бесінші, жиырма алтыншы, жиырма жетінші, жиырма сегізінші, жиырма тоғызыншы, отызыншы"
        );
        assert_eq!(kk("40").as_deref(), Some("қырқыншы"));
        assert_eq!(kk("55").as_deref(), Some("елу бесінші"));
    }

    #[test]
    fn numbers_without_a_word_keep_their_digits() {
        for n in ["2-1", "0", "03", "100", "9a", ""] {
            assert_eq!(kk(n), None, "{n}");
            assert_eq!(ru(n, Gender::Feminine, RuCase::Nominative), None, "{n}");
        }
    }
}
