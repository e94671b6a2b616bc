//! Justifications in the authentic languages. A comparative table in Kazakh
//! or Russian shows an operation's justification in its own language, else
//! the amendment's, and never one in another language; so a justification
//! written, but not in an authentic language of the act, leaves that
//! table's cell empty, and `zan check` says so where it was written. An
//! amendment without any justification is a draft, not an omission.

use super::Cx;
use crate::diag::Message;
use crate::model::{Amendment, Text};

impl Cx<'_, '_> {
    /// One warning per authentic language of the act (`act_langs`) in which
    /// the amendment, or one of its operations, is justified only in others.
    pub(super) fn justifications(&mut self, file: usize, a: &Amendment, act_langs: &[String]) {
        for lang in crate::lang::AUTHENTIC.iter().filter(|l| act_langs.iter().any(|x| x == *l)) {
            let has = |texts: &[Text]| texts.iter().any(|t| t.lang == *lang);
            if has(&a.justifications) {
                continue;
            }
            let mut spans = Vec::new();
            // The amendment's justification stands in for operations without one.
            if let Some(first) = a.justifications.first()
                && a.operations.iter().any(|op| op.justifications.is_empty())
            {
                spans.push(first.span.clone());
            }
            for op in &a.operations {
                if let Some(first) = op.justifications.first().filter(|_| !has(&op.justifications)) {
                    spans.push(first.span.clone());
                }
            }
            for span in spans {
                self.push(file, Message::MissingJustification { lang: lang.to_string() }, span);
            }
        }
    }
}
