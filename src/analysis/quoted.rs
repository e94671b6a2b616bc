//! Quoted words that cannot be verified against the law. A replacement,
//! deletion or insertion next to an anchor quotes words of the current
//! text; when that text is a `summary`, the words were found in a
//! paraphrase, and the bill would cite them as if they were the law's
//! (`render::summary` marks the bill and table the same way).

use super::Cx;
use crate::diag::Message;
use crate::model::{Fidelity, RichText, Text};

impl Cx<'_, '_> {
    /// A warning on `words` when any of `found`, the texts they were found
    /// in, is a summary. `unit` names where (a unit, or the act for
    /// `replace-all`).
    pub(super) fn words_from_summary<'t>(
        &mut self,
        file: usize,
        found: impl IntoIterator<Item = &'t Text>,
        words: &RichText,
        unit: impl FnOnce() -> String,
        title: bool,
    ) {
        let Some(text) = found.into_iter().find(|t| t.fidelity == Some(Fidelity::Summary)) else { return };
        let message = Message::WordsFromSummary {
            words: words.plain.clone(),
            lang: text.lang.clone(),
            unit: unit(),
            title,
        };
        self.push(file, message, words.span.clone());
    }
}
