//! Language tags of legal texts (ISO 639-1), and the three languages zan
//! writes its own words in.

/// The three languages zan writes its own words in: of labels and
/// formulae (Kazakh, Russian, or English for every other language), and of
/// messages (`--message-lang`, the editor's locale).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    Kk,
    Ru,
    #[default]
    En,
}

impl Lang {
    /// A locale or language tag (`ru`, `kk-KZ`, `en_US.UTF-8`), if it names
    /// one of the three.
    pub fn parse(tag: &str) -> Option<Lang> {
        match tag.get(..2)?.to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "kk" => Some(Lang::Kk),
            "ru" => Some(Lang::Ru),
            _ => None,
        }
    }

    pub fn of(code: &str) -> Lang {
        match code {
            "kk" => Lang::Kk,
            "ru" => Lang::Ru,
            _ => Lang::En,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Kk => "kk",
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }

    /// Picks the label of this language.
    pub fn pick<'a>(self, kk: &'a str, ru: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Kk => kk,
            Lang::Ru => ru,
            Lang::En => en,
        }
    }
}

/// The languages whose texts of a Kazakhstan law are authentic: only their
/// changes go into a Kazakh or Russian bill or table, and only they justify
/// an operation there.
pub const AUTHENTIC: [&str; 2] = ["kk", "ru"];

/// Every ISO 639-1 code.
const ISO_639_1: &str = "aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy \
da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii \
ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr \
ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl \
sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu";

pub fn is_iso639_1(tag: &str) -> bool {
    // Called for every text of a workspace: the list is sorted, three bytes a code.
    let (codes, tag) = (ISO_639_1.as_bytes(), tag.as_bytes());
    if tag.len() != 2 {
        return false;
    }
    let (mut lo, mut hi) = (0, codes.len().div_ceil(3));
    while lo < hi {
        let mid = (lo + hi) / 2;
        match codes[mid * 3..mid * 3 + 2].cmp(tag) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    #[test]
    fn known_and_unknown() {
        for tag in ["kk", "ru", "en", "de", "fr", "lv", "da", "zh", "sv"] {
            assert!(super::is_iso639_1(tag), "{tag}");
        }
        // The binary search finds every code only while the list stays sorted.
        assert!(super::ISO_639_1.split(' ').all(super::is_iso639_1));
        assert!(!super::is_iso639_1("qq"));
        assert!(!super::is_iso639_1("kaz"));
    }
}
