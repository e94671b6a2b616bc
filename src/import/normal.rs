//! The one form every imported line is brought to, so that importing the
//! same law twice, or from another copy of it, yields no spurious change
//! (docs/import.md, «Normalisation»):
//!
//! - every kind of space (no-break, thin, figure, tab) is one space; runs of
//!   spaces are one; a line has no leading or trailing space; zero-width
//!   spaces and soft hyphens are dropped;
//! - double quotes of every style (`"`, `“ ”`, `„ “`) are guillemets `« »`,
//!   opening after a space, an opening bracket or at the start of the line;
//! - a dash between spaces, or spaced on the side of a word at the end or
//!   start of a line, of every kind (`-`, `–`, `—`, `−`), is the en dash `–`;
//!   a hyphen inside a word stays;
//! - a Latin look-alike inside a Cyrillic word and a letter of a broken PDF
//!   font (`ӛ` for `ө`) are corrected as the hygiene lint corrects them.

use crate::lint::hygiene;

const DASHES: [char; 4] = ['-', '–', '—', '−'];

/// A line of an official text in the normal form.
pub fn line(raw: &str) -> String {
    let mut spaced = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            '\u{200b}' | '\u{ad}' | '\u{feff}' => {}
            c if c.is_whitespace() => {
                if !spaced.ends_with(' ') {
                    spaced.push(' ');
                }
            }
            c => spaced.push(c),
        }
    }
    let chars: Vec<char> = spaced.trim().chars().collect();
    let mut out = String::with_capacity(spaced.len());
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).map(|j| chars[j]);
        let after = chars.get(i + 1).copied();
        match c {
            '"' | '“' | '”' | '„' => {
                let opens = before.is_none_or(|b| b == ' ' || "([{«/".contains(b));
                out.push(if opens { '«' } else { '»' });
            }
            c if DASHES.contains(&c) => {
                let space_before = before.is_none_or(|b| b == ' ');
                let space_after = after.is_none_or(|a| a == ' ');
                out.push(if space_before && space_after { '–' } else { c });
            }
            c => out.push(c),
        }
    }
    let findings: Vec<hygiene::Finding> = hygiene::check(&out)
        .into_iter()
        .filter(|f| matches!(f.code, hygiene::MIXED_SCRIPT | hygiene::MIS_ENCODED_LETTER))
        .collect();
    if findings.iter().any(|f| f.fix.is_some()) { hygiene::apply_fixes(&out, &findings) } else { out }
}

#[cfg(test)]
mod tests {
    use super::line;

    #[test]
    fn spaces_quotes_dashes_lookalikes() {
        assert_eq!(line("\u{a0} Статья\t205.  Title  "), "Статья 205. Title");
        assert_eq!(line("слова \"ақпарат\" и „данные“ и “x”"), "слова «ақпарат» и «данные» и «x»");
        assert_eq!(line("деяние - наказывается — штраф −"), "деяние – наказывается – штраф –");
        assert_eq!(line("213-1 және ҚР-ның"), "213-1 және ҚР-ның");
        assert_eq!(line("ақпаратқа"), "ақпаратқа");
        // Latin «a» and «o» inside Cyrillic words.
        assert_eq!(line("инфоpмaция"), "информация");
        assert_eq!(line(&line("«x» – y")), "«x» – y");
    }
}
