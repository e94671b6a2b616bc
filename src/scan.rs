//! What a file declares, found without parsing it: the acts and amendments
//! at its top level, each amendment's target act and bytes, and where an act
//! id is mentioned. A command on one act or amendment reads every file but
//! parses only those this points at (`loader::needed`); a file whose braces
//! or strings do not close is `unclear` and always parsed, so that what the
//! parser would report about it is reported.

use std::ops::Range;

/// The top level of one file.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Heads {
    /// Every `act ID` block's id, in order (an id may repeat).
    pub acts: Vec<String>,
    pub amendments: Vec<AmendmentHead>,
    /// Braces or strings do not close, or a top-level keyword has no id:
    /// what the file declares is not known without parsing it.
    pub unclear: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AmendmentHead {
    pub id: String,
    /// The act of its `target` statement.
    pub target: Option<String>,
    /// From the keyword to the closing brace.
    pub span: Range<usize>,
}

/// A byte that can be part of an act id (`[a-z0-9_.-]`).
fn id_byte(b: u8) -> bool {
    b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'_' | b'-' | b'.')
}

/// Whether `word` has the shape of an act id (`kz.cc`, `de.stgb`).
fn is_act_id(word: &str) -> bool {
    let b = word.as_bytes();
    !b.is_empty()
        && b[0].is_ascii_lowercase()
        && b.iter().all(|&c| id_byte(c))
        && word.split('.').count() > 1
        && word.split('.').all(|part| !part.is_empty())
}

/// The top level of `text`.
pub fn heads(text: &str) -> Heads {
    let bytes = text.as_bytes();
    let mut heads = Heads::default();
    let (mut depth, mut i) = (0usize, 0usize);
    // The keyword whose id comes next, at the top level.
    let mut pending: Option<(&str, usize)> = None;
    // The amendment being read: its index in `heads.amendments`.
    let mut open: Option<usize> = None;
    let mut after_target = false;
    while i < bytes.len() {
        match bytes[i] {
            b' ' | b'\t' | b'\n' | b'\r' => i += 1,
            b'#' => i = memchr_newline(bytes, i),
            b'"' => {
                i += 1;
                loop {
                    match bytes.get(i) {
                        None | Some(b'\n') => {
                            heads.unclear = true;
                            break;
                        }
                        Some(b'\\') => i += 2,
                        Some(b'"') => {
                            i += 1;
                            break;
                        }
                        Some(_) => i += 1,
                    }
                }
                after_target = false;
            }
            b'{' => {
                if pending.is_some() {
                    heads.unclear = true;
                    pending = None;
                }
                depth += 1;
                i += 1;
            }
            b'}' => {
                if depth == 0 {
                    heads.unclear = true;
                } else {
                    depth -= 1;
                    if depth == 0
                        && let Some(a) = open.take()
                    {
                        heads.amendments[a].span.end = i + 1;
                    }
                }
                i += 1;
            }
            _ => {
                let start = i;
                while i < bytes.len()
                    && !matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r' | b'{' | b'}' | b'"' | b'#')
                {
                    i += 1;
                }
                let word = &text[start..i];
                if let Some((keyword, at)) = pending.take() {
                    if !is_act_id(word) {
                        heads.unclear = true;
                    } else if keyword == "act" {
                        heads.acts.push(word.to_string());
                    } else {
                        open = Some(heads.amendments.len());
                        heads.amendments.push(AmendmentHead {
                            id: word.to_string(),
                            target: None,
                            span: at..at,
                        });
                    }
                } else if depth == 0 && (word == "act" || word == "amendment") {
                    pending = Some((if word == "act" { "act" } else { "amendment" }, start));
                } else if after_target {
                    if let Some(a) = open {
                        let id = word.split('@').next().unwrap_or(word);
                        heads.amendments[a].target = is_act_id(id).then(|| id.to_string());
                    }
                } else if depth == 1 && open.is_some() && word == "target" {
                    after_target = true;
                    continue;
                }
                after_target = false;
            }
        }
    }
    if depth != 0 || pending.is_some() {
        heads.unclear = true;
    }
    heads
}

fn memchr_newline(bytes: &[u8], from: usize) -> usize {
    bytes[from..].iter().position(|&b| b == b'\n').map_or(bytes.len(), |p| from + p)
}

/// Every word of `text` shaped like an act id, each once: the acts a block
/// may cite (more than it does: words of strings and comments count too).
pub fn act_ids(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut out: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !id_byte(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && id_byte(bytes[i]) {
            i += 1;
        }
        let word = text[start..i].trim_end_matches('.');
        if is_act_id(word) && !out.contains(&word) {
            out.push(word);
        }
    }
    out
}

/// Where `text` mentions act `id` as a whole id (not `kz.cc` inside
/// `kz.cc.age-14`): the byte offset just after each mention.
pub fn mentions<'t>(text: &'t str, id: &'t str) -> impl Iterator<Item = usize> + 't {
    let bytes = text.as_bytes();
    text.match_indices(id).filter_map(move |(at, _)| {
        let end = at + id.len();
        let before = at.checked_sub(1).map(|p| bytes[p]);
        let after = bytes.get(end).copied();
        let continues = match after {
            Some(b'.') => bytes.get(end + 1).is_some_and(|&b| id_byte(b) && b != b'.'),
            Some(b) => id_byte(b),
            None => false,
        };
        (!before.is_some_and(id_byte) && !continues).then_some(end)
    })
}

/// The bytes after a mention of an act that can belong to the target it
/// starts: up to the end of a link (`)`), of the line, or of a block.
pub fn target_after(text: &str, from: usize) -> &str {
    let rest = &text[from..];
    let end = rest.find([')', ']', '{', '}', '\n', '\r']).unwrap_or(rest.len());
    &rest[..end]
}

/// Whether `text` writes the segment `keyword number` (`article 15`, not
/// `article 150` nor `article 15-1`), the words apart by any spaces.
pub fn names(text: &str, keyword: &str, number: &str) -> bool {
    let word = |c: char| c.is_alphanumeric() || matches!(c, '-' | ':' | '.' | '_');
    text.match_indices(keyword).any(|(at, _)| {
        if text[..at].chars().next_back().is_some_and(word) {
            return false;
        }
        let rest = &text[at + keyword.len()..];
        let after = rest.trim_start();
        if after.len() == rest.len() || !after.starts_with(number) {
            return false;
        }
        // `15.` ends a sentence; `15.2` is another number.
        let tail = &after[number.len()..];
        match tail.chars().next() {
            Some('.') => !tail[1..].chars().next().is_some_and(char::is_alphanumeric),
            Some(c) => !word(c),
            None => true,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_acts_amendments_and_targets() {
        let text = "# act x.y in a comment\nact kz.cc version 2024-01-01 {\n  title kk official \"act a.b { }\"\n  article 1 { text en \"}\" }\n}\namendment kz.cc.am1 {\n  target kz.cc version 2024-01-01\n  repeal article 1\n}\n";
        let h = heads(text);
        assert_eq!(h.acts, vec!["kz.cc"]);
        assert_eq!(h.amendments.len(), 1);
        assert_eq!(h.amendments[0].id, "kz.cc.am1");
        assert_eq!(h.amendments[0].target.as_deref(), Some("kz.cc"));
        assert_eq!(
            &text[h.amendments[0].span.clone()],
            "amendment kz.cc.am1 {\n  target kz.cc version 2024-01-01\n  repeal article 1\n}"
        );
        assert!(!h.unclear);
    }

    #[test]
    fn unclosed_is_unclear() {
        assert!(heads("act kz.cc {\n article 1 {\n").unclear);
        assert!(heads("act kz.cc { title en \"open\n }").unclear);
        assert!(heads("}").unclear);
        assert!(heads("act {").unclear);
        assert!(!heads("act kz.cc {}\n").unclear);
    }

    #[test]
    fn mentions_whole_ids_only() {
        let text = "kz.cc kz.cc.am1 xkz.cc (kz.cc article 5) kz.cc. kz.cc@2024-01-01";
        let at: Vec<usize> = mentions(text, "kz.cc").collect();
        assert_eq!(at, vec![5, 29, 46, 53]);
        assert_eq!(target_after(text, 29), " article 5");
        assert_eq!(act_ids("see [x](de.stgb § 202a) and kz.cc. or fr.cp"), vec!["de.stgb", "kz.cc", "fr.cp"]);
    }

    #[test]
    fn segments() {
        assert!(names(" article 15 part 2", "article", "15"));
        assert!(names(" article  15", "article", "15"));
        assert!(names(" article 15 part 2", "part", "2"));
        assert!(!names(" article 150", "article", "15"));
        assert!(!names(" article 15-1", "article", "15"));
        assert!(names(" article 15-1", "article", "15-1"));
        assert!(names(" article 15.", "article", "15"));
        assert!(!names(" article 15.2", "article", "15"));
        assert!(!names(" subpoint 15", "point", "15"));
        assert!(!names(" part 15", "article", "15"));
    }
}
