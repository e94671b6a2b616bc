//! The `zan/*` view requests: `ide::views` asked with the snapshot's
//! document, `zan.toml` and language, and its answer put in the protocol's
//! shape (the Word document base64-encoded).

use base64::Engine;

use super::state::Snapshot;
use crate::ide::views::{self, Ask, View};
use tower_lsp_server::ls_types::TextDocumentIdentifier;

/// Parameters of the `zan/*` view requests (see docs/lsp.md).
#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ViewParams {
    pub text_document: TextDocumentIdentifier,
    pub language: String,
    /// `zan/consolidated` only: the date to consolidate at, `YYYY-MM-DD`.
    #[serde(default)]
    pub as_of: Option<String>,
    /// `zan/table` only: `"docx"` adds the Word document.
    #[serde(default)]
    pub format: Option<String>,
}

#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct ViewResult {
    pub html: String,
    pub markdown: String,
    /// The Word document, base64-encoded, when `format` asked for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub docx: Option<String>,
}

/// What a view is asked for, beyond the document and language.
#[derive(Debug, Clone, Copy)]
pub struct ViewOptions {
    pub as_of: Option<crate::model::Date>,
    pub docx: bool,
    /// An export (`format` given): no notes for the screen.
    pub export: bool,
    pub ui: crate::lang::Lang,
}

/// Which view.
#[derive(Debug, Clone, Copy)]
pub enum Which {
    Redline,
    Table,
    Bill,
    Consolidated,
}

pub fn view(
    snap: &Snapshot,
    file: usize,
    lang: &str,
    which: Which,
    o: ViewOptions,
) -> Result<ViewResult, String> {
    let config = snap.config_of(file);
    let name = |f: usize| {
        let uri = &snap.uris[f];
        uri.to_file_path().map_or_else(|| uri.as_str().to_string(), |p| p.display().to_string())
    };
    let ask = Ask { world: &snap.world, file, config: &config, name: &name, lang, ui: o.ui };
    let view: View = match which {
        Which::Redline => views::redline(&ask),
        Which::Table => views::table(&ask, o.docx, !o.export),
        Which::Bill => views::bill(&ask),
        Which::Consolidated => views::consolidated(&ask, o.as_of),
    }?;
    Ok(ViewResult {
        html: view.html,
        markdown: view.markdown,
        docx: view.docx.map(|d| base64::engine::general_purpose::STANDARD.encode(d)),
    })
}
