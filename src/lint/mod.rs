//! Lints over one paragraph of plain legal text (a `&str` without inline
//! references), independent of the act model: the checker wraps the findings
//! into diagnostics and maps the byte ranges onto the string literal.
//!
//! Every byte range returned here lies on `char` boundaries of the input.

pub mod citations;
pub mod hygiene;

/// `char::is_alphabetic` with fast answers for the scripts of our texts:
/// the general Unicode table search dominated the hygiene lints' time.
pub fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\0'..='\u{7f}' => false,
        // Cyrillic and its supplement; U+0482..U+0489 are a sign and combining marks.
        '\u{0400}'..='\u{0481}' | '\u{048A}'..='\u{052F}' => true,
        '\u{0482}'..='\u{0489}' => false,
        _ => c.is_alphabetic(),
    }
}

/// `char::is_alphanumeric`, with the same fast answers.
pub fn is_letter_or_digit(c: char) -> bool {
    c.is_ascii_digit() || is_letter(c) || (!c.is_ascii() && c.is_numeric())
}

#[cfg(test)]
mod tests {
    #[test]
    fn fast_letters_agree_with_unicode() {
        for c in (0u32..0x3000).filter_map(char::from_u32) {
            assert_eq!(super::is_letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(super::is_letter_or_digit(c), c.is_alphanumeric(), "{c:?}");
        }
    }
}
