//! Unit numbers as something comparable, for numbering order and sorting.

/// A unit number as something comparable: `213-1` → [(213, ""), (1, "")],
/// `202a` → [(202, "a")], `XII` → [(12, "")]. `None` when it is not a number
/// of that shape (`"9 c"`, `4:9c`).
pub fn key(number: &str) -> Option<Vec<(u32, String)>> {
    number.split('-').map(part).collect()
}

fn part(s: &str) -> Option<(u32, String)> {
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() {
        return roman(s).map(|n| (n, String::new()));
    }
    let suffix = &s[digits.len()..];
    let letters = suffix.chars().count() <= 2 && suffix.chars().all(char::is_alphabetic);
    letters.then(|| (digits.parse().ok(), suffix.to_lowercase())).and_then(|(n, s)| Some((n?, s)))
}

/// Roman numerals, in Latin letters or their Cyrillic look-alikes (І, Х, С, М).
fn roman(s: &str) -> Option<u32> {
    let value = |c: char| match c {
        'I' | 'І' => Some(1),
        'V' => Some(5),
        'X' | 'Х' => Some(10),
        'L' => Some(50),
        'C' | 'С' => Some(100),
        'D' => Some(500),
        'M' | 'М' => Some(1000),
        _ => None,
    };
    let values: Option<Vec<u32>> = s.chars().map(value).collect();
    let values = values.filter(|v| !v.is_empty())?;
    let mut total = 0;
    for (i, &v) in values.iter().enumerate() {
        if values.get(i + 1).is_some_and(|&next| next > v) { total -= v as i64 } else { total += v as i64 }
    }
    u32::try_from(total).ok().filter(|&t| t > 0)
}
