//! Text hygiene: artifacts of PDF extraction, copy-paste and typing that can be
//! detected mechanically in one paragraph of Kazakh, Russian or English text.
//!
//! Each finding carries a stable code (see [`CODES`]), an exact byte range and,
//! when the correction is unambiguous, the replacement text for that range.
//! The rules are tuned for kk, ru and en; French typography (a space before
//! `;` `:` `!` `?`) would trip `space-before-punctuation`.

use crate::fixes::Edit;
use std::ops::Range;

/// A Latin look-alike inside a Cyrillic word, or a Cyrillic one inside a Latin
/// word, a Latin section number (`§ 263а`) or a Roman numeral.
pub const MIXED_SCRIPT: &str = "mixed-script";
/// A letter produced by a broken PDF font mapping (`ӛ` for `ө`).
pub const MIS_ENCODED_LETTER: &str = "mis-encoded-letter";
/// A dash of the wrong kind: not a hyphen-minus inside a compound, a spaced
/// dash unlike the text's other spaced dashes, or a dash spaced on one side.
pub const MIXED_DASH: &str = "mixed-dash";
/// Several whitespace characters in a row, or leading/trailing whitespace.
pub const DOUBLE_SPACE: &str = "double-space";
/// The same word twice in a row (`және және`).
pub const DOUBLED_WORD: &str = "doubled-word";
/// No space after `,` `;` `.` or `)` between two words (`бар.Мобильді`).
pub const MISSING_SPACE: &str = "missing-space";
/// Whitespace before closing punctuation (`(§ 274) ;`).
pub const SPACE_BEFORE_PUNCTUATION: &str = "space-before-punctuation";

/// Every code [`check`] can report.
pub const CODES: [&str; 7] = [
    MIXED_SCRIPT,
    MIS_ENCODED_LETTER,
    MIXED_DASH,
    DOUBLE_SPACE,
    DOUBLED_WORD,
    MISSING_SPACE,
    SPACE_BEFORE_PUNCTUATION,
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub code: &'static str,
    /// Byte range in the checked text, always on `char` boundaries.
    pub range: Range<usize>,
    pub message: Note,
    /// Replacement for `range`, when the correction is unambiguous.
    pub fix: Option<String>,
}

/// What a finding says, as data: `diag` words it in English, Kazakh or
/// Russian.
#[derive(Debug, Clone, PartialEq, Eq, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub enum Note {
    /// A word of Latin and Cyrillic letters, and its one-script spelling.
    MixedScript {
        word: String,
        fix: Option<String>,
    },
    /// A number whose letter suffix is Cyrillic (`263а`).
    CyrillicSuffix {
        word: String,
        fixed: String,
    },
    /// A PDF-extraction artifact and the letter meant (`None`: ү or ұ).
    MisEncoded {
        letter: char,
        fix: Option<char>,
    },
    DashInCompound {
        dash: char,
    },
    OneSidedDash {
        dash: char,
    },
    SpacedDash {
        dash: char,
        target: char,
    },
    LeadingWhitespace,
    TrailingWhitespace,
    RepeatedWhitespace,
    SpaceBefore {
        punctuation: char,
    },
    Doubled {
        word: String,
    },
    MissingSpace {
        after: char,
    },
}

/// All findings in `text`, ordered by range start, then range end, then code.
pub fn check(text: &str) -> Vec<Finding> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let words = word_ranges(text);
    let mut out = Vec::new();
    mixed_script(text, &words, &mut out);
    mis_encoded(text, &words, &mut out);
    mixed_dash(text, &chars, &mut out);
    spacing(text, &chars, &mut out);
    doubled_word(text, &words, &mut out);
    missing_space(&chars, &mut out);
    out.sort_by(|a, b| (a.range.start, a.range.end, a.code).cmp(&(b.range.start, b.range.end, b.code)));
    out
}

/// Applies the fixes of `findings` to `text` in one pass. Where fixes overlap,
/// the one starting first wins and the others are skipped; run [`check`] again
/// (or use [`fix_all`]) to pick them up.
pub fn apply_fixes(text: &str, findings: &[Finding]) -> String {
    let mut edits: Vec<Edit> = findings
        .iter()
        .filter_map(|f| Some(Edit { range: f.range.clone(), replacement: f.fix.clone()? }))
        .collect();
    edits.sort_by_key(|e| (e.range.start, e.range.end));
    let fixes: Vec<&[Edit]> = edits.iter().map(std::slice::from_ref).collect();
    crate::fixes::apply(text, &fixes).0
}

/// Applies fixes until no finding with a fix remains. One fix can expose
/// another (fixing `the thе` yields a doubled word) and overlapping fixes wait
/// for the next pass, hence the loop. Overlaps nest only a few levels deep;
/// the cap keeps an editor responsive should a rule ever fail to converge.
pub fn fix_all(text: &str) -> String {
    const MAX_PASSES: usize = 16;
    let mut text = text.to_owned();
    for _ in 0..MAX_PASSES {
        let findings = check(&text);
        if findings.iter().all(|f| f.fix.is_none()) {
            break;
        }
        text = apply_fixes(&text, &findings);
    }
    text
}

// ------------------------------------------------------------- mixed-script

#[derive(Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Cyrillic,
    Other,
}

fn script(c: char) -> Script {
    match c {
        'a'..='z' | 'A'..='Z' | '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' => Script::Latin,
        '\u{0400}'..='\u{052F}' | '\u{1C80}'..='\u{1C8F}' | '\u{A640}'..='\u{A69F}' => Script::Cyrillic,
        _ => Script::Other,
    }
}

/// Latin letters that are drawn like a Cyrillic letter used in kk or ru
/// (`i` like Kazakh `і`, `h` like `һ`). `Y` is left out: it looks like both
/// `У` and `Ү`.
const LATIN_TO_CYRILLIC: [(char, char); 21] = [
    ('a', 'а'),
    ('c', 'с'),
    ('e', 'е'),
    ('h', 'һ'),
    ('i', 'і'),
    ('o', 'о'),
    ('p', 'р'),
    ('x', 'х'),
    ('y', 'у'),
    ('A', 'А'),
    ('B', 'В'),
    ('C', 'С'),
    ('E', 'Е'),
    ('H', 'Н'),
    ('I', 'І'),
    ('K', 'К'),
    ('M', 'М'),
    ('O', 'О'),
    ('P', 'Р'),
    ('T', 'Т'),
    ('X', 'Х'),
];

fn to_cyrillic(c: char) -> Option<char> {
    LATIN_TO_CYRILLIC.iter().find(|p| p.0 == c).map(|p| p.1)
}

fn to_latin(c: char) -> Option<char> {
    match c {
        'Ү' | 'У' => Some('Y'),
        _ => LATIN_TO_CYRILLIC.iter().find(|p| p.1 == c).map(|p| p.0),
    }
}

fn is_word_char(c: char) -> bool {
    super::is_letter_or_digit(c) || matches!(c, '\u{0300}'..='\u{036F}' | '\u{0483}'..='\u{0489}')
}

/// Byte ranges of maximal runs of letters, digits and combining marks.
fn word_ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    out
}

fn is_roman_letter(c: char) -> bool {
    matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M' | 'І' | 'Х' | 'С' | 'М')
}

/// The rule, per word (a run of letters, digits and combining marks):
/// - Only words made of Latin and Cyrillic letters (and digits) are looked at;
///   a word with any other letter is left alone.
/// - A word with letters of both scripts is reported. Its fix rewrites it in
///   one script: the only script into which all its foreign letters can be
///   converted by look-alike (`ОЕСD` → `OECD`, since `D` has no Cyrillic
///   twin); when both can, the script of the majority of its letters; on a
///   tie, Latin for a Roman numeral (`ХI` → `XI`) and no fix otherwise.
/// - A word that can be written in neither script (`Жd`) is legitimately
///   mixed (a transliteration example, a brand) and is not reported.
/// - A number whose letter suffix is Cyrillic look-alikes (`263а`) is reported
///   when it follows `§` or a Latin word (`Article 202а`): such suffixes are
///   Latin (German, Danish, US paragraphs). Elsewhere a Cyrillic suffix is
///   plausible and is left alone.
fn mixed_script(text: &str, words: &[Range<usize>], out: &mut Vec<Finding>) {
    // Most texts are in one script: without both (or `§`), no word is reported.
    let latin = |b: u8| b.is_ascii_alphabetic() || (0xC3..=0xC9).contains(&b) || b == 0xE1;
    let cyrillic = |b: u8| (0xD0..=0xD4).contains(&b) || b == 0xE1 || b == 0xEA;
    let bytes = text.as_bytes();
    if !bytes.iter().any(|&b| cyrillic(b)) || (!bytes.iter().any(|&b| latin(b)) && !text.contains('§')) {
        return;
    }
    let mut latin_context = false;
    for range in words.iter().cloned() {
        let word = &text[range.clone()];
        let (mut latin, mut cyrillic, mut other) = (0, 0, 0);
        for c in word.chars().filter(|&c| super::is_letter(c)) {
            match script(c) {
                Script::Latin => latin += 1,
                Script::Cyrillic => cyrillic += 1,
                Script::Other => other += 1,
            }
        }
        let after_section_sign = text[..range.start].trim_end().ends_with('§');
        if other == 0 && latin > 0 && cyrillic > 0 {
            report_mixed_word(word, range.clone(), latin, cyrillic, out);
        } else if other == 0
            && latin == 0
            && cyrillic > 0
            && (after_section_sign || latin_context)
            && word.starts_with(|c: char| c.is_ascii_digit())
        {
            report_number_suffix(word, range.clone(), out);
        }
        if latin + cyrillic + other > 0 {
            latin_context = latin > 0 && cyrillic == 0 && other == 0;
        }
    }
}

fn report_mixed_word(word: &str, range: Range<usize>, latin: usize, cyrillic: usize, out: &mut Vec<Finding>) {
    let convert = |f: fn(char) -> Option<char>, from: Script| -> Option<String> {
        word.chars().map(|c| if script(c) == from { f(c) } else { Some(c) }).collect()
    };
    let as_cyrillic = convert(to_cyrillic, Script::Latin);
    let as_latin = convert(to_latin, Script::Cyrillic);
    let roman = word.chars().all(is_roman_letter);
    let fix = match (as_cyrillic, as_latin) {
        (None, None) => return,
        (Some(c), None) => Some(c),
        (None, Some(l)) => Some(l),
        (Some(c), Some(l)) => match cyrillic.cmp(&latin) {
            std::cmp::Ordering::Greater => Some(c),
            std::cmp::Ordering::Less => Some(l),
            std::cmp::Ordering::Equal => roman.then_some(l),
        },
    };
    let message = Note::MixedScript { word: word.to_owned(), fix: fix.clone() };
    out.push(Finding { code: MIXED_SCRIPT, range, message, fix });
}

fn report_number_suffix(word: &str, range: Range<usize>, out: &mut Vec<Finding>) {
    let digits = word.chars().take_while(char::is_ascii_digit).count();
    let suffix: Option<String> = word[digits..].chars().map(to_latin).collect();
    if let Some(suffix) = suffix {
        let fixed = format!("{}{suffix}", &word[..digits]);
        out.push(Finding {
            code: MIXED_SCRIPT,
            range,
            message: Note::CyrillicSuffix { word: word.to_owned(), fixed: fixed.clone() },
            fix: Some(fixed),
        });
    }
}

// ------------------------------------------------------- mis-encoded-letter

/// Letters that a broken font mapping substitutes for Kazakh letters when
/// text is extracted from a PDF. `ӛ` for `ө` is what the seed essay shows
/// (20 times, never a correct `ө`). `ҥ` and `ҧ` stand for the rounded close
/// vowels `ү`/`ұ`; which one is meant is read from the word's vowel harmony,
/// so the fix holds whichever of the two a given font swapped.
fn mis_encoded(text: &str, words: &[Range<usize>], out: &mut Vec<Finding>) {
    if !text.contains(['ӛ', 'Ӛ', 'ҥ', 'ҧ', 'Ҥ', 'Ҧ']) {
        return;
    }
    for range in words.iter().cloned() {
        let word = &text[range.clone()];
        for (i, c) in word.char_indices() {
            let fix = match c {
                'ӛ' => Some('ө'),
                'Ӛ' => Some('Ө'),
                'ҥ' | 'ҧ' | 'Ҥ' | 'Ҧ' => rounded_vowel(word, c.is_uppercase()),
                _ => continue,
            };
            let start = range.start + i;
            let message = Note::MisEncoded { letter: c, fix };
            out.push(Finding {
                code: MIS_ENCODED_LETTER,
                range: start..start + c.len_utf8(),
                message,
                fix: fix.map(String::from),
            });
        }
    }
}

/// `ү` in a front-vowel word, `ұ` in a back-vowel word; vowels decide, and
/// without vowels the velars (қ ғ back, к г front) do.
fn rounded_vowel(word: &str, upper: bool) -> Option<char> {
    let lower = word.to_lowercase();
    let has = |set: &str| lower.chars().any(|c| set.contains(c));
    let front = match (has("әеөӛүі"), has("аоұы")) {
        (true, false) => true,
        (false, true) => false,
        (true, true) => return None,
        (false, false) => match (has("кг"), has("қғ")) {
            (true, false) => true,
            (false, true) => false,
            _ => return None,
        },
    };
    Some(match (front, upper) {
        (true, false) => 'ү',
        (true, true) => 'Ү',
        (false, false) => 'ұ',
        (false, true) => 'Ұ',
    })
}

// --------------------------------------------------------------- mixed-dash

const EN_DASH: char = '–';
const EM_DASH: char = '—';

/// The rule:
/// - Between two letters or digits with no space (`интернет–ресурс`), a
///   dash is a hyphen-minus `-`: a hyphen (U+2010), a
///   non-breaking hyphen (U+2011), a figure dash (U+2012) or an en dash is
///   fixed to `-`. An unspaced em dash is English punctuation and is left
///   alone, and so is an en dash between digits: a range (`205–213`).
/// - A dash with whitespace on both sides is punctuation and must be the same
///   dash throughout the text: the majority of the text's spaced en and em
///   dashes, en dash on a tie or when there are none. Spaced hyphens and the
///   minority dash are fixed to it. The minus sign (U+2212) is not a dash.
/// - An en or em dash glued to a word on one side only (`Ақпараттық– теле…`)
///   is reported without a fix: it is either a compound or a dash. So is a
///   hyphen glued on its left before a space, unless a conjunction follows
///   (a suspended hyphen: `pre- and post-war`, `двух- и трёхэтажный`).
fn mixed_dash(text: &str, chars: &[(usize, char)], out: &mut Vec<Finding>) {
    let mut spaced = Vec::new();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if !matches!(c, '-' | '\u{2010}'..='\u{2015}') {
            continue;
        }
        let prev = k.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(k + 1).map(|n| n.1);
        let word = |x: Option<char>| x.is_some_and(super::is_letter_or_digit);
        let space = |x: Option<char>| x.is_some_and(char::is_whitespace);
        let range = i..i + c.len_utf8();
        // An en dash between digits is a range (`205–213`), not a compound.
        let range_of_numbers = c == EN_DASH
            && prev.is_some_and(|p| p.is_ascii_digit())
            && next.is_some_and(|n| n.is_ascii_digit());
        if word(prev) && word(next) {
            if c != '-' && c != EM_DASH && c != '\u{2015}' && !range_of_numbers {
                out.push(Finding {
                    code: MIXED_DASH,
                    range,
                    message: Note::DashInCompound { dash: c },
                    fix: Some("-".into()),
                });
            }
        } else if space(prev) && space(next) {
            spaced.push((range, c));
        } else if (matches!(c, '\u{2012}'..='\u{2015}') && (word(prev) || word(next)))
            || (matches!(c, '-' | '\u{2010}' | '\u{2011}')
                && word(prev)
                && space(next)
                && !before_conjunction(&text[i + c.len_utf8()..]))
        {
            out.push(Finding { code: MIXED_DASH, range, message: Note::OneSidedDash { dash: c }, fix: None });
        }
    }
    let count = |d: char| spaced.iter().filter(|(_, c)| *c == d).count();
    let target = if count(EM_DASH) > count(EN_DASH) { EM_DASH } else { EN_DASH };
    for (range, c) in spaced {
        if c != target {
            out.push(Finding {
                code: MIXED_DASH,
                range,
                message: Note::SpacedDash { dash: c, target },
                fix: Some(target.to_string()),
            });
        }
    }
}

fn before_conjunction(rest: &str) -> bool {
    let next = rest.split_whitespace().next().unwrap_or("");
    let next = next.trim_end_matches(|c: char| !super::is_letter_or_digit(c)).to_lowercase();
    matches!(
        next.as_str(),
        "and"
            | "or"
            | "to"
            | "и"
            | "или"
            | "а"
            | "және"
            | "немесе"
            | "мен"
            | "бен"
            | "пен"
            | "не"
            // German and French suspended hyphens: "Post- oder Fernmeldegeheimnis".
            | "oder"
            | "und"
            | "bzw"
            | "ou"
            | "et"
    )
}

// ------------------------------------------------------------- double-space

fn spacing(text: &str, chars: &[(usize, char)], out: &mut Vec<Finding>) {
    let mut k = 0;
    while k < chars.len() {
        if !chars[k].1.is_whitespace() {
            k += 1;
            continue;
        }
        let first = k;
        while k < chars.len() && chars[k].1.is_whitespace() {
            k += 1;
        }
        let range = chars[first].0..chars.get(k).map_or(text.len(), |c| c.0);
        let mut push = |code, message: Note, fix: &str| {
            out.push(Finding { code, range: range.clone(), message, fix: Some(fix.into()) })
        };
        if range.start == 0 {
            push(DOUBLE_SPACE, Note::LeadingWhitespace, "");
        } else if range.end == text.len() {
            push(DOUBLE_SPACE, Note::TrailingWhitespace, "");
        } else {
            if k - first >= 2 {
                push(DOUBLE_SPACE, Note::RepeatedWhitespace, " ");
            }
            if let Some(p) = closing_punctuation(&text[range.end..]) {
                push(SPACE_BEFORE_PUNCTUATION, Note::SpaceBefore { punctuation: p }, "");
            }
        }
    }
}

/// The closing punctuation `rest` starts with; `.` counts only when it ends a
/// sentence (not ` .NET`, ` ...`).
fn closing_punctuation(rest: &str) -> Option<char> {
    let mut chars = rest.chars();
    let p = chars.next()?;
    match p {
        ',' | ';' | ':' | '!' | '?' | ')' | ']' | '»' => Some(p),
        '.' if chars.next().is_none_or(char::is_whitespace) => Some(p),
        _ => None,
    }
}

// ------------------------------------------------------------- doubled-word

/// Words joined by inner hyphens or apostrophes (`сондай-ақ` is one word),
/// so that reduplication written with a hyphen (`тез-тез`) is not reported.
fn compound_words(text: &str, words: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for r in words.iter().cloned() {
        if let Some(last) = out.last_mut() {
            let between = &text[last.end..r.start];
            if matches!(between, "-" | "'" | "’") {
                last.end = r.end;
                continue;
            }
        }
        out.push(r);
    }
    out
}

/// Two equal words (ignoring case) separated by whitespace only; words made
/// of digits are not words here, and English `had had`, `that that` are
/// grammatical.
fn doubled_word(text: &str, words: &[Range<usize>], out: &mut Vec<Finding>) {
    let words = compound_words(text, words);
    for pair in words.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let between = &text[a.end..b.start];
        let (wa, wb) = (&text[a.clone()], &text[b.clone()]);
        // Cheap tests first: most neighbouring words differ in length.
        if between.is_empty() || wa.len() != wb.len() || !between.chars().all(char::is_whitespace) {
            continue;
        }
        let same = |x: char, y: char| x == y || x.to_lowercase().eq(y.to_lowercase());
        if !wa.chars().zip(wb.chars()).all(|(x, y)| same(x, y)) {
            continue;
        }
        let first = wa.to_lowercase();
        if first.chars().all(|c| c.is_ascii_digit()) || matches!(first.as_str(), "had" | "that") {
            continue;
        }
        out.push(Finding {
            code: DOUBLED_WORD,
            range: a.end..b.end,
            message: Note::Doubled { word: text[b.clone()].to_owned() },
            fix: Some(String::new()),
        });
    }
}

// ------------------------------------------------------------ missing-space

/// A space is missing:
/// - after `,` or `;` between two letters (`қауіпсіздік,халықаралық`; digits
///   are excluded: `1,5`);
/// - after `.` between a lower-case word of two or more letters and a
///   capitalised word (`бар.Мобильді`; not initials `Д.В.`, domains
///   `zakon.kz` or abbreviations `e.g.`);
/// - after `)` followed by a letter, when the parentheses hold one word of
///   four or more letters (`(немесе)өзге`; not `(s)he`, `(re)enter`).
fn missing_space(chars: &[(usize, char)], out: &mut Vec<Finding>) {
    let letter = |k: usize| chars.get(k).is_some_and(|c| super::is_letter(c.1));
    for (k, &(i, c)) in chars.iter().enumerate() {
        if k == 0 {
            continue;
        }
        let missing = match c {
            ',' | ';' => letter(k - 1) && letter(k + 1),
            '.' => sentence_glued(chars, k),
            ')' => letter(k + 1) && parenthesised_word(chars, k),
            _ => false,
        };
        if missing {
            out.push(Finding {
                code: MISSING_SPACE,
                range: i..i + 1,
                message: Note::MissingSpace { after: c },
                fix: Some(format!("{c} ")),
            });
        }
    }
}

fn sentence_glued(chars: &[(usize, char)], dot: usize) -> bool {
    let before = chars[..dot].iter().rev().take_while(|c| super::is_letter(c.1)).count();
    let preceded_by_dot = dot > before && chars[dot - before - 1].1 == '.';
    let next = |k: usize| chars.get(dot + k).map(|c| c.1);
    before >= 2
        && !preceded_by_dot
        && chars[dot - 1].1.is_lowercase()
        && next(1).is_some_and(char::is_uppercase)
        && next(2).is_some_and(char::is_lowercase)
}

fn parenthesised_word(chars: &[(usize, char)], close: usize) -> bool {
    let inner = chars[..close].iter().rev().take_while(|c| super::is_letter(c.1)).count();
    let open = close - inner;
    inner >= 4 && open > 0 && chars[open - 1].1 == '('
}
