//! The `zan/proposeChange` and `zan/updateAmendment` requests: drafting by
//! editing, asked of `ide::Analysis` and put in the protocol's shape.

use tower_lsp_server::ls_types::{Position, TextDocumentIdentifier, Uri};

use super::state::Snapshot;
use crate::ide::Analysis;
use crate::text::LineIndex;

#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProposeParams {
    pub text_document: TextDocumentIdentifier,
    pub position: Position,
}

/// The editable copy, for the client to open as a scratch document at `position`.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct Proposal {
    pub text: String,
    pub unit: String,
    pub position: Position,
}

#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateParams {
    /// The edited copy (open in the client, e.g. as an untitled document).
    pub text_document: TextDocumentIdentifier,
    pub amendment: String,
}

/// The amendment file's new text: the client writes it to `uri` (the
/// workspace file holding the amendment; absent for a new one).
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct Update {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uri: Option<Uri>,
    pub text: String,
    pub operations: usize,
    pub warnings: Vec<String>,
}

fn analysis(snap: &Snapshot) -> Analysis<'_> {
    Analysis::new(&snap.world, &snap.nav, &snap.config.lang, snap.config.ui)
}

pub fn propose(snap: &Snapshot, file: usize, position: Position) -> Option<Proposal> {
    let at = super::convert::offset(&snap.world.sources[file], position, snap.config.encoding);
    let p = analysis(snap).propose_change(file, at)?;
    let lines = LineIndex::new(&p.text);
    let lc = lines.position(&p.text, p.offset, snap.config.encoding);
    Some(Proposal { text: p.text, unit: p.unit, position: Position { line: lc.line, character: lc.col } })
}

pub fn update(snap: &Snapshot, edited: usize, amendment: &str) -> Result<Update, String> {
    let a = analysis(snap);
    let config = snap.config_of(a.act_file(edited).unwrap_or(edited));
    let u = a.update_amendment(edited, &snap.scratch(), amendment, &config)?;
    Ok(Update {
        uri: u.file.map(|f| snap.uris[f].clone()),
        text: u.text,
        operations: u.operations,
        warnings: u.warnings,
    })
}
