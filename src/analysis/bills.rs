//! The checks of `bill` blocks: each amendment it enacts exists, one per
//! act, and no amendment is enacted by two bills. They read the files'
//! amendments only, not the index.

use std::borrow::Borrow;
use std::collections::HashMap;

use crate::diag::{Diagnostic, FileDiagnostic, Message};
use crate::model::File;

/// The findings about every bill of `files`, on the bills' files.
pub fn check<F: Borrow<File>>(files: &[F]) -> Vec<FileDiagnostic> {
    let acts: HashMap<&str, Option<&str>> = files
        .iter()
        .flat_map(|f| &f.borrow().amendments)
        .map(|a| (a.id.as_str(), a.act.as_deref()))
        .collect();
    let mut out = Vec::new();
    // The first bill that enacts each amendment.
    let mut enacted: HashMap<&str, &str> = HashMap::new();
    for (file, f) in files.iter().enumerate() {
        for bill in &f.borrow().bills {
            let mut seen: HashMap<&str, &str> = HashMap::new();
            for (id, span) in &bill.amends {
                let mut report = |message| {
                    out.push(FileDiagnostic { file, diagnostic: Diagnostic::new(message, span.clone()) })
                };
                let Some(act) = acts.get(id.as_str()) else {
                    report(Message::UnknownAmendment { amendment: id.clone() });
                    continue;
                };
                if let Some(other) = enacted.get(id.as_str()).filter(|b| **b != bill.id) {
                    report(Message::AmendmentInTwoBills { amendment: id.clone(), bill: other.to_string() });
                    continue;
                }
                enacted.insert(id, &bill.id);
                if let Some(act) = act {
                    match seen.get(act) {
                        Some(first) => {
                            report(Message::SameActInBill { act: act.to_string(), first: first.to_string() })
                        }
                        None => {
                            seen.insert(act, id);
                        }
                    }
                }
            }
        }
    }
    out
}
