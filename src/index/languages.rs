//! Every unit has its text in every language of its act. In an act this is
//! a warning (a corpus is often transcribed one language at a time); in an
//! amendment it is an error, because the bill and the consolidated text of
//! the missing language would otherwise say nothing where the law changes.

use crate::diag::Message;
use crate::model::{OperationKind, Place, Segment, Text, UnitContent};

/// The act's languages that `texts` (a unit's titles, or its texts) lack;
/// none when the unit has no such texts at all.
pub fn lacking<'l>(texts: &[Text], languages: &'l [String]) -> Vec<&'l String> {
    if texts.is_empty() {
        return Vec::new();
    }
    languages.iter().filter(|lang| !texts.iter().any(|t| &t.lang == *lang)).collect()
}

/// The unit an `add` or `rewrite` writes: its path (as the operation names
/// it) and its new content.
pub fn written(kind: &OperationKind) -> Option<(Vec<Segment>, &UnitContent)> {
    match kind {
        OperationKind::Rewrite { target, content } => Some((target.path.clone(), content)),
        OperationKind::Add { kind, number, place, target, content } => {
            let mut path = target.path.clone();
            if *place != Place::To {
                path.pop();
            }
            let number = number.as_ref().map(|n| crate::model::Number { text: n.text.clone(), span: 0..0 });
            path.push(Segment { kind: *kind, number });
            Some((path, content))
        }
        _ => None,
    }
}

/// Each language of `languages` that a unit an `add` or `rewrite` writes
/// lacks, unit by unit in reading order: titles as in an act (one title
/// asks for all), texts also for a unit with no text and no children, since
/// such a unit would read as an empty paragraph in every language.
pub fn unwritten(kind: &OperationKind, languages: &[String]) -> Vec<Message> {
    let Some((path, content)) = written(kind) else { return Vec::new() };
    let mut out = Vec::new();
    walk(&path, content, languages, &mut out);
    out
}

fn walk(path: &[Segment], content: &UnitContent, languages: &[String], out: &mut Vec<Message>) {
    if content.repealed.is_some() {
        return;
    }
    let unit = crate::model::written::path(path);
    for lang in lacking(&content.titles, languages) {
        out.push(Message::UnwrittenLanguage { unit: unit.clone(), lang: lang.clone(), title: true });
    }
    let texts: Vec<&String> = if content.texts.is_empty() && content.children.is_empty() {
        languages.iter().collect()
    } else {
        lacking(&content.texts, languages)
    };
    for lang in texts {
        out.push(Message::UnwrittenLanguage { unit: unit.clone(), lang: lang.clone(), title: false });
    }
    for child in &content.children {
        let mut below = path.to_vec();
        let number = child.number.as_ref().map(|n| crate::model::Number { text: n.text.clone(), span: 0..0 });
        below.push(Segment { kind: child.kind, number });
        walk(&below, &child.content, languages, out);
    }
}
