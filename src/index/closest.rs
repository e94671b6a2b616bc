//! Quoted words that are not in a unit's text: the closest words the text
//! has, to suggest, and the stretch of the text around them, to show.

use crate::diag::Message;

/// `words-not-found` for `words` in `text` (the unit's text in that
/// language, if it has one): with the closest words of the text and their
/// context when some are close enough to be a typo of the quoted ones.
pub fn not_found(words: &str, lang: &str, unit: String, title: bool, text: Option<&str>) -> Message {
    // Words that are there, only fewer times than `occurrence` asks, need
    // no suggestion.
    let message = Message::WordsNotFound { words: words.to_string(), lang: lang.to_string(), unit, title };
    match text.filter(|t| !t.contains(words)).and_then(|t| closest(t, words)) {
        Some((closest, context)) => Message::WordsNotFoundNear(Box::new((message, closest, context))),
        None => message,
    }
}

/// How far the context reaches on each side of the closest words, in characters.
const CONTEXT: usize = 30;

/// The run of whole words of `text` nearest to `words` (as many words, or
/// one more or fewer), when at most a third of its letters differ; and the
/// text around it, cut at `CONTEXT` characters with «…».
fn closest(text: &str, words: &str) -> Option<(String, String)> {
    let spans: Vec<(usize, usize)> = text
        .split_whitespace()
        .map(|w| {
            let start = w.as_ptr() as usize - text.as_ptr() as usize;
            (start, start + w.len())
        })
        .collect();
    let n = words.split_whitespace().count().max(1);
    let limit = (words.chars().count() / 3).max(1);
    let mut best: Option<(usize, usize, usize)> = None;
    for size in n.saturating_sub(1).max(1)..=n + 1 {
        for run in spans.windows(size) {
            let (start, end) = (run[0].0, run[size - 1].1);
            let d = super::distance(&text[start..end], words);
            if d > 0 && d <= limit && best.is_none_or(|(b, ..)| d < b) {
                best = Some((d, start, end));
            }
        }
    }
    let (_, start, end) = best?;
    let before: String =
        text[..start].chars().rev().take(CONTEXT).collect::<Vec<_>>().into_iter().rev().collect();
    let after: String = text[end..].chars().take(CONTEXT).collect();
    let lead = if before.len() < start { "…" } else { "" };
    let tail = if after.len() < text.len() - end { "…" } else { "" };
    let context = format!("{lead}{before}{}{after}{tail}", &text[start..end]);
    Some((text[start..end].to_string(), context))
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn the_closest_words_and_their_context() {
        assert_eq!(
            closest("он алты жасқа толған", "он алтв"),
            Some(("он алты".to_string(), "он алты жасқа толған".to_string()))
        );
        assert_eq!(closest("он алты жасқа толған", "мүлде басқа"), None);
        let long = "a ".repeat(40) + "sixteen years " + &"b ".repeat(40);
        let (words, context) = closest(&long, "sixten years").unwrap();
        assert_eq!(words, "sixteen years");
        assert_eq!(context, format!("…{}sixteen years {}…", "a ".repeat(15), "b ".repeat(14) + "b"));
    }
}
