//! The server's state: every file of the workspace (open documents override
//! the disk), the negotiated settings, and what was last published.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use tower_lsp_server::jsonrpc;
use tower_lsp_server::ls_types::{self as lsp, Uri};
use tree_sitter::Parser;

use crate::document::Document;
use crate::ide::World;
use crate::ide::affected::Memo;
use crate::lang::Lang;
use crate::text::Encoding;

/// Files are kept in the order `zan check` reads them: by path, then the
/// documents that have no path (untitled buffers).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Key {
    File(PathBuf),
    Other(String),
}

pub fn key(uri: &Uri) -> Key {
    match uri.to_file_path() {
        Some(p) => Key::File(p.into_owned()),
        None => Key::Other(uri.as_str().to_string()),
    }
}

#[derive(Debug, Clone)]
pub struct Config {
    pub encoding: Encoding,
    /// The language of messages.
    pub ui: Lang,
    /// The preferred language of legal text in hovers and hints.
    pub lang: String,
    /// Whether the client shows `$/progress`.
    pub progress: bool,
    /// Whether the client lets the server register a file watcher.
    pub watch: bool,
    /// Whether the client pulls diagnostics (`textDocument/diagnostic`) and
    /// can be told to pull again: then none are pushed.
    pub pull: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            encoding: Encoding::Utf16,
            ui: Lang::En,
            lang: "en".into(),
            progress: false,
            watch: false,
            pull: false,
        }
    }
}

/// The legal-text language in a `workspace/didChangeConfiguration`'s
/// settings: `zan.language` (nested under `zan`, or the section itself),
/// when it is one of the languages zan writes law in.
pub fn language_setting(settings: &serde_json::Value) -> Option<String> {
    let section = settings.get("zan").unwrap_or(settings);
    let lang = section.get("language")?.as_str()?;
    ["en", "kk", "ru"].contains(&lang).then(|| lang.to_string())
}

pub struct Session {
    pub world: World,
    pub uris: Arc<Vec<Uri>>,
    keys: Arc<Vec<Key>>,
    /// Open documents and their versions.
    pub open: HashMap<Uri, i32>,
    pub parser: Parser,
    pub config: Config,
    /// What the server may read from disk (`workspace::Roots::admit`).
    pub roots: crate::workspace::Roots,
    /// The `zan.toml` of each root that has one.
    pub projects: Arc<Vec<crate::config::Config>>,
    /// The index and reference sites of the latest state a request asked
    /// about, shared by the requests on that state.
    pub nav: Arc<crate::ide::NavCache>,
    /// Set while the workspace is first read: no diagnostics until it is, so
    /// a file opened early never shows acts of other files as missing.
    pub indexing: bool,
    /// The document changed last: its diagnostics are computed first.
    pub last_edited: Option<Uri>,
    /// Bumped by every change; an analysis started at an older generation is stale.
    pub generation: u64,
    /// What was last published per file, with the document version.
    pub published: HashMap<Uri, (Option<i32>, Vec<lsp::Diagnostic>)>,
    /// The result id of what each file shows, for pulls: a new one whenever
    /// it changes, so an unchanged result is not sent again.
    pub results: HashMap<Uri, String>,
    next_result: u64,
    /// What checking the edited document keeps between keystrokes.
    pub memo: Arc<Memo>,
    /// Held by the pass that checks the edited document.
    pub gate: Arc<tokio::sync::Mutex<()>>,
}

/// What a request computes on: a consistent copy of the workspace.
#[derive(Clone)]
pub struct Snapshot {
    pub world: World,
    pub uris: Arc<Vec<Uri>>,
    keys: Arc<Vec<Key>>,
    pub config: Config,
    pub versions: HashMap<Uri, i32>,
    pub memo: Arc<Memo>,
    pub projects: Arc<Vec<crate::config::Config>>,
    pub nav: Arc<crate::ide::NavCache>,
    pub roots: crate::workspace::Roots,
}

impl Snapshot {
    /// The `zan.toml` settings of the root that holds file `file`, or the
    /// defaults: what `zan check` run in that root uses.
    pub fn config_of(&self, file: usize) -> std::borrow::Cow<'_, crate::config::Config> {
        let held = match &self.keys[file] {
            Key::File(path) => crate::config::holding(&self.projects, path),
            Key::Other(_) => None,
        };
        match held {
            Some(config) => std::borrow::Cow::Borrowed(config),
            None => std::borrow::Cow::Owned(crate::config::Config::empty(PathBuf::from("."))),
        }
    }

    /// The open documents that are no file of the workspace (untitled
    /// buffers, scratch copies, files outside the roots or that `zan.toml`
    /// ignores, such as a drafts folder).
    pub fn scratch(&self) -> Vec<usize> {
        let outside = |k: &Key| match k {
            Key::File(path) => {
                !self.roots.admit(path)
                    || crate::config::holding(&self.projects, path).is_some_and(|c| c.is_ignored(path))
            }
            Key::Other(_) => true,
        };
        (0..self.keys.len()).filter(|&f| outside(&self.keys[f])).collect()
    }

    pub fn file(&self, uri: &Uri) -> jsonrpc::Result<usize> {
        self.keys.binary_search(&key(uri)).map_err(|_| {
            jsonrpc::Error::invalid_params(format!("unknown document {}: open it first", uri.as_str()))
        })
    }
}

impl Default for Session {
    fn default() -> Self {
        Session {
            world: World::default(),
            uris: Arc::default(),
            keys: Arc::default(),
            open: HashMap::new(),
            parser: crate::syntax::parser(),
            config: Config::default(),
            roots: Default::default(),
            projects: Arc::default(),
            nav: Arc::default(),
            indexing: false,
            last_edited: None,
            generation: 0,
            published: HashMap::new(),
            results: HashMap::new(),
            next_result: 0,
            memo: Arc::default(),
            gate: Arc::default(),
        }
    }
}

impl Session {
    /// Records what `uri` shows now; whether that changed.
    pub fn show(&mut self, uri: &Uri, version: Option<i32>, diags: Vec<lsp::Diagnostic>) -> bool {
        let shown = (version, diags);
        if self.published.get(uri) == Some(&shown) {
            return false;
        }
        self.next_result += 1;
        self.results.insert(uri.clone(), self.next_result.to_string());
        self.published.insert(uri.clone(), shown);
        true
    }

    /// Forgets what `uri` showed (it left the workspace).
    pub fn forget(&mut self, uri: &Uri) {
        self.published.remove(uri);
        self.results.remove(uri);
    }

    pub fn find(&self, uri: &Uri) -> Option<usize> {
        self.keys.binary_search(&key(uri)).ok()
    }

    /// Adds a file, or replaces the one with the same path.
    pub fn upsert(&mut self, uri: Uri, doc: Document) {
        let k = key(&uri);
        match self.keys.binary_search(&k) {
            Ok(i) => drop(self.world.replace(i, doc)),
            Err(i) => {
                self.world.insert(i, doc);
                Arc::make_mut(&mut self.uris).insert(i, uri);
                Arc::make_mut(&mut self.keys).insert(i, k);
            }
        }
    }

    pub fn remove(&mut self, uri: &Uri) {
        if let Some(i) = self.find(uri) {
            self.world.remove(i);
            Arc::make_mut(&mut self.uris).remove(i);
            Arc::make_mut(&mut self.keys).remove(i);
        }
    }

    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            world: self.world.clone(),
            uris: self.uris.clone(),
            keys: self.keys.clone(),
            config: self.config.clone(),
            versions: self.open.clone(),
            memo: self.memo.clone(),
            projects: self.projects.clone(),
            nav: self.nav.clone(),
            roots: self.roots.clone(),
        }
    }
}

/// The semantic tokens last sent for each open document, so a delta
/// request is answered with what changed since.
#[derive(Default)]
pub struct SentTokens {
    next: u64,
    by_uri: HashMap<Uri, (String, Vec<lsp::SemanticToken>)>,
}

impl SentTokens {
    /// Remembers what is sent for `uri`, under a new result id.
    pub fn record(&mut self, uri: Uri, data: Vec<lsp::SemanticToken>) -> String {
        self.next += 1;
        let id = self.next.to_string();
        self.by_uri.insert(uri, (id.clone(), data));
        id
    }

    /// What was sent for `uri` under `id`, if that was the last.
    pub fn take(&mut self, uri: &Uri, id: &str) -> Option<Vec<lsp::SemanticToken>> {
        match self.by_uri.remove(uri) {
            Some((last, data)) if last == id => Some(data),
            _ => None,
        }
    }

    pub fn forget(&mut self, uri: &Uri) {
        self.by_uri.remove(uri);
    }
}

pub use crate::par::lock;
