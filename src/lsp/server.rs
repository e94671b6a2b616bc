//! The `LanguageServer` implementation: notifications mutate the state
//! synchronously (no `.await` before the mutation, so edits apply in arrival
//! order), requests compute on a snapshot on the blocking pool, and every
//! handler turns a panic into an error instead of a crash.

use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tower_lsp_server::jsonrpc::{self, Result};
use tower_lsp_server::ls_types::{self as lsp, *};
use tower_lsp_server::{Client, LanguageServer};

use super::convert::{self, offset};
use super::features;
use super::state::{SentTokens, Session, Snapshot, lock};
use super::views::{ViewOptions, ViewParams, ViewResult, Which};
use crate::document::Document;
use crate::ide::edit::{self, TextChange};
use crate::lang::Lang;
use crate::loader::Search;
use crate::text::Encoding;

/// How long a change without an edited document (files changed on disk)
/// waits for the next before the workspace is analysed.
const DEBOUNCE: Duration = Duration::from_millis(40);
/// How long the whole workspace waits after the edited document is checked.
const WORKSPACE_DELAY: Duration = Duration::from_millis(300);
/// How long a request that needs the whole workspace waits for the first
/// indexing before it is answered with an error saying so.
const INDEX_WAIT: Duration = Duration::from_secs(20);

pub struct Backend {
    client: Client,
    state: Arc<Mutex<Session>>,
    /// Set by `shutdown`: `exit` after it ends the process with success.
    shut_down: Arc<AtomicBool>,
    /// What semantic-token deltas are computed from.
    tokens: Arc<Mutex<SentTokens>>,
    /// False while the workspace is first read: an answer from part of it
    /// would be wrong (a definition not found, an act missing).
    indexed: Arc<tokio::sync::watch::Sender<bool>>,
}

impl Backend {
    pub fn new(client: Client, shut_down: Arc<AtomicBool>) -> Self {
        let indexed = Arc::new(tokio::sync::watch::Sender::new(true));
        Backend { client, state: Arc::default(), shut_down, tokens: Arc::default(), indexed }
    }

    /// Runs `f` on a snapshot of the whole workspace, on the blocking pool,
    /// once the workspace is indexed: a request sent during the first
    /// indexing waits for it (and is dropped if the client cancels it), or
    /// after `INDEX_WAIT` gets an error that says why. A panic becomes an
    /// internal error.
    async fn query<T: Send + 'static>(
        &self,
        uri: Option<&Uri>,
        f: impl FnOnce(&Snapshot, usize) -> T + Send + 'static,
    ) -> Result<T> {
        let mut indexed = self.indexed.subscribe();
        if tokio::time::timeout(INDEX_WAIT, indexed.wait_for(|done| *done)).await.is_err() {
            return Err(jsonrpc::Error {
                code: jsonrpc::ErrorCode::ServerError(SERVER_CANCELLED),
                message: "zan: the workspace is still being indexed; try again".into(),
                data: None,
            });
        }
        self.local(uri, f).await
    }

    /// Runs `f` on a snapshot without waiting for the index: for what only
    /// needs the document itself (symbols, folding, formatting, tokens).
    async fn local<T: Send + 'static>(
        &self,
        uri: Option<&Uri>,
        f: impl FnOnce(&Snapshot, usize) -> T + Send + 'static,
    ) -> Result<T> {
        let snap = lock(&self.state).snapshot();
        let file = match uri {
            Some(uri) => snap.file(uri)?,
            None => 0,
        };
        tokio::task::spawn_blocking(move || f(&snap, file)).await.map_err(|e| {
            let mut err = jsonrpc::Error::internal_error();
            err.message = format!("zan lsp: internal error: {e}").into();
            err
        })
    }

    /// Runs a notification's state change; a panic is logged, not fatal.
    fn mutate(&self, what: &str, f: impl FnOnce(&mut Session)) {
        let result = std::panic::catch_unwind(AssertUnwindSafe(|| f(&mut lock(&self.state))));
        if result.is_err() {
            log(&format!("{what} failed; the document may be out of date"));
        }
        self.schedule_diagnostics();
    }

    /// Analyses the workspace after a short pause and publishes what changed,
    /// unless another change came in meanwhile.
    fn schedule_diagnostics(&self) {
        let generation = {
            let mut s = lock(&self.state);
            s.generation += 1;
            s.generation
        };
        tokio::spawn(publish(self.client.clone(), self.state.clone(), generation));
    }
}

/// Diagnostics in two passes: first the last edited document's, from the
/// files that decide them (`ide::affected`: exact, and quicker on a large
/// workspace), then every file's from the whole workspace. Either pass is
/// dropped if a newer change came in meanwhile.
///
/// The first pass starts at once: it costs less than a debounce would wait.
/// Passes of the edited document run one at a time, so in a burst of
/// keystrokes those superseded while waiting never start.
async fn publish(client: Client, state: Arc<Mutex<Session>>, generation: u64) {
    let gate = lock(&state).gate.clone();
    let turn = gate.lock().await;
    let (snap, edited) = {
        let s = lock(&state);
        if s.generation != generation || s.indexing {
            return;
        }
        (s.snapshot(), s.last_edited.as_ref().and_then(|u| s.find(u)))
    };
    let snap = match edited {
        Some(file) => {
            if !publish_edited(&client, &state, generation, &snap, file).await {
                return;
            }
            drop(turn);
            // While typing goes on, only the edited document is re-checked. The
            // snapshot is let go meanwhile: the last holder of an old model frees it.
            drop_later(snap);
            tokio::time::sleep(WORKSPACE_DELAY).await;
            let s = lock(&state);
            if s.generation != generation {
                return;
            }
            s.snapshot()
        }
        None => {
            drop(turn);
            tokio::time::sleep(DEBOUNCE).await;
            if lock(&state).generation != generation {
                return;
            }
            snap
        }
    };
    publish_workspace(&client, &state, generation, snap).await;
}

/// The first pass: the edited document's diagnostics, from the files that
/// decide them. False when the pass failed or is stale.
async fn publish_edited(
    client: &Client,
    state: &Arc<Mutex<Session>>,
    generation: u64,
    snap: &Snapshot,
    file: usize,
) -> bool {
    let first = snap.clone();
    let computed = tokio::task::spawn_blocking(move || {
        let (diags, _) = crate::ide::affected::file_diagnostics(&first.world, file, &first.memo);
        convert_all(&first, diags).swap_remove(file)
    })
    .await;
    let diags = match computed {
        Ok(diags) => diags,
        Err(e) => {
            failed(&e);
            return false;
        }
    };
    let uri = &snap.uris[file];
    let send = record(state, generation, |s| {
        let version = snap.versions.get(uri).copied();
        let send = s.show(uri, version, diags.clone());
        send.then(|| vec![(uri.clone(), diags, version)])
    });
    deliver(client, snap.config.pull, send.into_iter().flatten().collect()).await;
    true
}

/// Publishes diagnostics, or, to a client that pulls them, asks it to pull
/// again (the results are kept in `Session::published` with their ids).
async fn deliver(client: &Client, pull: bool, sends: Vec<Publication>) {
    if pull {
        if !sends.is_empty() {
            let _ = client.workspace_diagnostic_refresh().await;
        }
        return;
    }
    for (uri, diags, version) in sends {
        client.publish_diagnostics(uri, diags, version).await;
    }
}

/// The second pass: every file's diagnostics from the whole workspace,
/// given up as soon as a newer change comes in (its pass will redo it).
async fn publish_workspace(client: &Client, state: &Arc<Mutex<Session>>, generation: u64, snap: Snapshot) {
    let whole = snap.clone();
    let stale = {
        let state = state.clone();
        move || lock(&state).generation != generation
    };
    let computed = tokio::task::spawn_blocking(move || {
        let diags = crate::ide::affected::workspace_diagnostics(&whole.world.files, &whole.memo, &stale)?;
        Some(convert_all(&whole, diags))
    })
    .await;
    let per_file = match computed {
        Ok(Some(per_file)) => per_file,
        Ok(None) => return,
        Err(e) => {
            failed(&e);
            return;
        }
    };
    let sends = record(state, generation, |s| {
        let mut sends = Vec::new();
        let mut fresh = std::collections::HashSet::new();
        for (uri, diags) in snap.uris.iter().zip(per_file) {
            let version = snap.versions.get(uri).copied();
            // Open documents get a result for every version; other files
            // only when their diagnostics change.
            let new = !s.published.contains_key(uri);
            let changed = s.show(uri, version, diags.clone());
            if changed && (!new || version.is_some() || !diags.is_empty()) {
                sends.push((uri.clone(), diags, version));
            }
            fresh.insert(uri.clone());
        }
        // Files that left the workspace: clear what was shown for them.
        let gone: Vec<Uri> = s.published.keys().filter(|u| !fresh.contains(*u)).cloned().collect();
        for uri in gone {
            s.forget(&uri);
            sends.push((uri, Vec::new(), None));
        }
        Some(sends)
    });
    deliver(client, snap.config.pull, sends.into_iter().flatten().collect()).await;
}

/// Says that an analysis panicked; one the runtime cancelled, as the
/// session ends, says nothing (stderr stays quiet on a clean exit).
fn failed(e: &tokio::task::JoinError) {
    if !e.is_cancelled() {
        log("the analysis failed; diagnostics not updated");
    }
}

type Publication = (Uri, Vec<lsp::Diagnostic>, Option<i32>);

/// Records what is about to be published, unless the result is stale.
fn record(
    state: &Mutex<Session>,
    generation: u64,
    f: impl FnOnce(&mut Session) -> Option<Vec<Publication>>,
) -> Option<Vec<Publication>> {
    let mut s = lock(state);
    if s.generation != generation {
        return None;
    }
    f(&mut s)
}

/// Protocol diagnostics per file of the snapshot, with the severities of
/// the `zan.toml` that holds each file, as `zan check` reports them.
fn convert_all(snap: &Snapshot, diags: Vec<crate::analysis::FileDiagnostic>) -> Vec<Vec<lsp::Diagnostic>> {
    let mut kept: Vec<Vec<crate::diag::Diagnostic>> = vec![Vec::new(); snap.uris.len()];
    for mut d in diags {
        if snap.config_of(d.file).level(&mut d.diagnostic) {
            kept[d.file].push(d.diagnostic);
        }
    }
    let (enc, ui) = (snap.config.encoding, snap.config.ui);
    kept.iter()
        .enumerate()
        .map(|(file, ds)| {
            let ds: Vec<&crate::diag::Diagnostic> = ds.iter().collect();
            convert::diagnostics(&snap.world.sources[file], &ds, enc, ui)
        })
        .collect()
}

/// Drops `value` on the blocking pool: freeing a large model or tree takes
/// milliseconds that a keystroke's diagnostics should not wait for.
fn drop_later<T: Send + 'static>(value: T) {
    tokio::task::spawn_blocking(move || drop(value));
}

/// LSP's `ServerCancelled`: the client may send the request again.
const SERVER_CANCELLED: i64 = -32802;

/// A line on stderr: stdout is the protocol channel.
pub fn log(message: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "zan lsp: {message}");
}

/// The workspace folders, else the root URI of older clients.
fn root_paths(params: &InitializeParams) -> Vec<PathBuf> {
    let folders: Vec<&Uri> = params.workspace_folders.iter().flatten().map(|f| &f.uri).collect();
    #[allow(deprecated)] // the fallback for clients without workspace folders
    let uris = if folders.is_empty() { params.root_uri.iter().collect() } else { folders };
    uris.into_iter().filter_map(|u| u.to_file_path()).map(|p| p.into_owned()).collect()
}

/// Reads every `.zan` file of the roots, as `zan check` run in each root
/// would (`loader::layout`: its `zan.toml`'s roots and ignores), reporting
/// progress. A root whose `zan.toml` cannot be used is not read, as `zan
/// check` refuses it; the error is shown on that file.
async fn index_workspace(client: Client, state: Arc<Mutex<Session>>, progress: bool) {
    let roots = lock(&state).roots.clone();
    let layouts = tokio::task::spawn_blocking(move || {
        let dirs = roots.dirs();
        dirs.iter()
            .map(|root| crate::loader::layout(std::slice::from_ref(root), Search::At(root)))
            .collect::<Vec<_>>()
    })
    .await
    .unwrap_or_default();
    let mut paths = Vec::new();
    let mut projects = Vec::new();
    for layout in layouts {
        match layout {
            Ok(layout) => {
                paths.extend(layout.files);
                if layout.config_file.is_some() {
                    projects.push(layout.config);
                }
            }
            Err(e) => {
                let (enc, ui) = {
                    let s = lock(&state);
                    (s.config.encoding, s.config.ui)
                };
                config_error(&client, e, enc, ui).await
            }
        }
    }
    paths.sort();
    paths.dedup();
    lock(&state).projects = Arc::new(projects);
    let token = NumberOrString::String("zan/index".into());
    let progress = if progress && client.create_work_done_progress(token.clone()).await.is_ok() {
        Some(client.progress(token, "zan: indexing").with_percentage(0).begin().await)
    } else {
        None
    };
    let total = paths.len().max(1);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let per_chunk = 64 * threads;
    for (i, chunk) in paths.chunks(per_chunk).enumerate() {
        let chunk = chunk.to_vec();
        let docs = tokio::task::spawn_blocking(move || read_all(&chunk)).await.unwrap_or_default();
        {
            let mut s = lock(&state);
            for (uri, doc) in docs {
                if !s.open.contains_key(&uri) {
                    s.upsert(uri, doc);
                }
            }
        }
        if let Some(p) = &progress {
            let done = ((i + 1) * per_chunk).min(total);
            p.report_with_message(format!("{done}/{total}"), (done * 100 / total) as u32).await;
        }
    }
    if let Some(p) = progress {
        p.finish().await;
    }
}

/// Shows why a `zan.toml` cannot be used, on that file and in the log.
async fn config_error(client: &Client, e: Box<crate::loader::ConfigError>, enc: Encoding, ui: Lang) {
    log(&format!("{}: {}", e.path.display(), e.diagnostic.message.render(Lang::En)));
    let Some(uri) = Uri::from_file_path(&e.path) else { return };
    let lines = crate::text::LineIndex::new(&e.text);
    let d = convert::diagnostic_in(&e.text, &lines, &e.diagnostic, enc, ui);
    client.publish_diagnostics(uri, vec![d], None).await;
}

/// Reads and parses files on every core, one parser per thread; the
/// documents come back in the order of `paths`.
fn read_all(paths: &[PathBuf]) -> Vec<(Uri, Document)> {
    let docs = crate::par::map(paths, crate::syntax::parser, |parser, path| {
        let text = crate::workspace::read(path).ok()?;
        let uri = Uri::from_file_path(path)?;
        Some((uri, Document::parse_with(parser, text, None)))
    });
    docs.into_iter().flatten().collect()
}

fn changes(params: &DidChangeTextDocumentParams) -> Vec<TextChange> {
    params
        .content_changes
        .iter()
        .map(|c| TextChange {
            range: c.range.map(|r| (convert::line_col(r.start), convert::line_col(r.end))),
            text: c.text.clone(),
        })
        .collect()
}

fn invalid(message: impl Into<String>) -> jsonrpc::Error {
    jsonrpc::Error::invalid_params(message.into())
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let offered = params.capabilities.general.as_ref().and_then(|g| g.position_encodings.as_ref());
        let utf8 = offered.is_some_and(|e| e.contains(&PositionEncodingKind::UTF8));
        let ui = params.locale.as_deref().and_then(Lang::parse).unwrap_or_default();
        let lang = params
            .initialization_options
            .as_ref()
            .and_then(|o| o.get("language"))
            .and_then(|l| l.as_str())
            .map(str::to_string)
            .unwrap_or_else(|| match ui {
                Lang::En => "en".into(),
                Lang::Kk => "kk".into(),
                Lang::Ru => "ru".into(),
            });
        {
            let mut s = lock(&self.state);
            s.config.encoding = if utf8 { Encoding::Utf8 } else { Encoding::Utf16 };
            s.config.ui = ui;
            s.config.lang = lang;
            let window = params.capabilities.window.as_ref();
            s.config.progress = window.and_then(|w| w.work_done_progress).unwrap_or(false);
            let watched =
                params.capabilities.workspace.as_ref().and_then(|w| w.did_change_watched_files.as_ref());
            s.config.watch = watched.and_then(|w| w.dynamic_registration).unwrap_or(false);
            let pulls =
                params.capabilities.text_document.as_ref().and_then(|t| t.diagnostic.as_ref()).is_some();
            let refresh = params.capabilities.workspace.as_ref().and_then(|w| w.diagnostics.as_ref());
            s.config.pull = pulls && refresh.and_then(|r| r.refresh_support).unwrap_or(false);
            s.roots = crate::workspace::Roots::new(root_paths(&params));
            s.indexing = !s.roots.is_empty();
            self.indexed.send_replace(!s.indexing);
        }
        let encoding = if utf8 { PositionEncodingKind::UTF8 } else { PositionEncodingKind::UTF16 };
        let pull = lock(&self.state).config.pull.then(|| {
            DiagnosticServerCapabilities::Options(DiagnosticOptions {
                identifier: Some("zan".into()),
                // A file's findings depend on the acts it cites.
                inter_file_dependencies: true,
                workspace_diagnostics: false,
                work_done_progress_options: Default::default(),
            })
        });
        Ok(InitializeResult {
            server_info: Some(ServerInfo {
                name: "zan".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
            capabilities: ServerCapabilities {
                position_encoding: Some(encoding),
                text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::INCREMENTAL)),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                definition_provider: Some(OneOf::Left(true)),
                references_provider: Some(OneOf::Left(true)),
                document_highlight_provider: Some(OneOf::Left(true)),
                document_symbol_provider: Some(OneOf::Left(true)),
                workspace_symbol_provider: Some(OneOf::Left(true)),
                completion_provider: Some(CompletionOptions {
                    trigger_characters: Some(vec![" ".into(), "\"".into()]),
                    ..Default::default()
                }),
                semantic_tokens_provider: Some(SemanticTokensServerCapabilities::SemanticTokensOptions(
                    SemanticTokensOptions {
                        legend: features::legend(),
                        full: Some(SemanticTokensFullOptions::Delta { delta: Some(true) }),
                        range: None,
                        ..Default::default()
                    },
                )),
                folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
                selection_range_provider: Some(SelectionRangeProviderCapability::Simple(true)),
                document_formatting_provider: Some(OneOf::Left(true)),
                rename_provider: Some(OneOf::Right(RenameOptions {
                    prepare_provider: Some(true),
                    work_done_progress_options: Default::default(),
                })),
                code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
                inlay_hint_provider: Some(OneOf::Left(true)),
                code_lens_provider: Some(CodeLensOptions { resolve_provider: Some(false) }),
                document_link_provider: Some(DocumentLinkOptions {
                    resolve_provider: Some(false),
                    work_done_progress_options: Default::default(),
                }),
                diagnostic_provider: pull,
                ..Default::default()
            },
            ..Default::default()
        })
    }

    /// A pull: what the file shows now, or that it is unchanged since the
    /// result the client names. Before the first pass there is nothing yet:
    /// an empty result, and a refresh follows when the pass is done.
    async fn diagnostic(&self, params: DocumentDiagnosticParams) -> Result<DocumentDiagnosticReportResult> {
        let s = lock(&self.state);
        let uri = &params.text_document.uri;
        let id = s.results.get(uri).cloned().unwrap_or_default();
        let report = if params.previous_result_id.as_ref() == Some(&id) {
            DocumentDiagnosticReport::Unchanged(RelatedUnchangedDocumentDiagnosticReport {
                related_documents: None,
                unchanged_document_diagnostic_report: UnchangedDocumentDiagnosticReport { result_id: id },
            })
        } else {
            let items = s.published.get(uri).map(|(_, d)| d.clone()).unwrap_or_default();
            DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
                related_documents: None,
                full_document_diagnostic_report: FullDocumentDiagnosticReport { result_id: Some(id), items },
            })
        };
        Ok(DocumentDiagnosticReportResult::Report(report))
    }

    async fn initialized(&self, _: InitializedParams) {
        // Never await a client request in a notification: index in a task.
        let (client, state) = (self.client.clone(), self.state.clone());
        let (progress, watch) = {
            let s = lock(&self.state);
            (s.config.progress, s.config.watch)
        };
        let backend_state = self.state.clone();
        let indexed = self.indexed.clone();
        tokio::spawn(async move {
            if watch {
                let registration = Registration {
                    id: "zan/watch".into(),
                    method: "workspace/didChangeWatchedFiles".into(),
                    register_options: Some(serde_json::json!({"watchers": [{"globPattern": "**/*.zan"}]})),
                };
                if client.register_capability(vec![registration]).await.is_err() {
                    log("the client refused the file watcher; files changed outside the editor go unseen");
                }
            }
            index_workspace(client.clone(), state, progress).await;
            let generation = {
                let mut s = lock(&backend_state);
                s.indexing = false;
                s.generation += 1;
                s.generation
            };
            indexed.send_replace(true);
            publish(client, backend_state, generation).await;
        });
    }

    async fn shutdown(&self) -> Result<()> {
        self.shut_down.store(true, Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let doc = params.text_document;
        self.mutate("didOpen", |s| {
            s.open.insert(doc.uri.clone(), doc.version);
            s.last_edited = Some(doc.uri.clone());
            s.upsert(doc.uri, Document::parse(doc.text));
        });
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let changes = changes(&params);
        let uri = params.text_document.uri;
        let version = params.text_document.version;
        self.mutate("didChange", |s| {
            let Some(i) = s.find(&uri) else { return };
            if !s.open.contains_key(&uri) {
                return;
            }
            let source = s.world.sources[i].clone();
            let enc = s.config.encoding;
            // Taken out, so that a model no snapshot holds is edited in place.
            let model = std::mem::take(&mut s.world.files[i]);
            let parser = &mut s.parser;
            let applied = std::panic::catch_unwind(AssertUnwindSafe(|| {
                edit::apply(parser, &source, model, &changes, enc)
            }));
            let (doc, step) = match applied {
                Ok(edited) => edited,
                Err(panic) => {
                    // The unchanged document back before the panic is reported.
                    s.world.files[i] = Arc::new(Document::parse(source.text.clone()).model);
                    std::panic::resume_unwind(panic);
                }
            };
            drop_later((source, s.world.edit(i, doc, step)));
            s.last_edited = Some(uri.clone());
            s.open.insert(uri, version);
        });
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        lock(&self.tokens).forget(&uri);
        self.mutate("didClose", |s| {
            s.open.remove(&uri);
            // Back to the disk's version if the file is part of the workspace.
            let on_disk =
                uri.to_file_path().filter(|p| s.roots.admit(p)).and_then(|p| crate::workspace::read(&p).ok());
            match on_disk {
                Some(text) => s.upsert(uri, Document::parse(text)),
                None => s.remove(&uri),
            }
        });
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        self.mutate("didChangeWatchedFiles", |s| {
            for change in params.changes {
                let uri = change.uri;
                // Only files the workspace holds: a client may name any path.
                let admitted = uri.to_file_path().filter(|p| s.roots.admit(p));
                let Some(path) = admitted else { continue };
                if s.open.contains_key(&uri) {
                    continue;
                }
                let text = crate::workspace::read(&path).ok();
                match (change.typ, text) {
                    (FileChangeType::DELETED, _) | (_, None) => s.remove(&uri),
                    (_, Some(text)) => s.upsert(uri, Document::parse(text)),
                }
            }
        });
    }

    /// A client's settings changed: VS Code sends its `zan` section
    /// (`{"zan": {"language": "kk"}}`), other clients may send the section
    /// itself. The language of hovers and hints follows `zan.language` at
    /// once, as the views do, without a restart.
    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        if let Some(lang) = super::state::language_setting(&params.settings) {
            lock(&self.state).config.lang = lang;
        }
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let p = params.text_document_position_params;
        self.query(Some(&p.text_document.uri), move |snap, file| features::hover(snap, file, p.position))
            .await
    }

    async fn goto_definition(&self, params: GotoDefinitionParams) -> Result<Option<GotoDefinitionResponse>> {
        let p = params.text_document_position_params;
        self.query(Some(&p.text_document.uri), move |snap, file| {
            features::definition(snap, file, p.position).map(GotoDefinitionResponse::Scalar)
        })
        .await
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<lsp::Location>>> {
        let p = params.text_document_position;
        let decl = params.context.include_declaration;
        self.query(Some(&p.text_document.uri), move |snap, file| {
            Some(features::references(snap, file, p.position, decl))
        })
        .await
    }

    async fn document_highlight(
        &self,
        params: DocumentHighlightParams,
    ) -> Result<Option<Vec<DocumentHighlight>>> {
        let p = params.text_document_position_params;
        self.query(Some(&p.text_document.uri), move |snap, file| {
            Some(features::highlights(snap, file, p.position))
        })
        .await
    }

    async fn document_symbol(&self, params: DocumentSymbolParams) -> Result<Option<DocumentSymbolResponse>> {
        self.local(Some(&params.text_document.uri), |snap, file| {
            Some(DocumentSymbolResponse::Nested(features::document_symbols(snap, file)))
        })
        .await
    }

    async fn symbol(&self, params: WorkspaceSymbolParams) -> Result<Option<WorkspaceSymbolResponse>> {
        self.query(None, move |snap, _| {
            Some(WorkspaceSymbolResponse::Nested(features::workspace_symbols(snap, &params.query)))
        })
        .await
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        let p = params.text_document_position;
        self.query(Some(&p.text_document.uri), move |snap, file| {
            Some(CompletionResponse::Array(features::completion(snap, file, p.position)))
        })
        .await
    }

    async fn semantic_tokens_full(
        &self,
        params: SemanticTokensParams,
    ) -> Result<Option<SemanticTokensResult>> {
        let (uri, sent) = (params.text_document.uri, self.tokens.clone());
        self.local(Some(&uri.clone()), move |snap, file| {
            let data = features::semantic_tokens(snap, file).data;
            let result_id = Some(lock(&sent).record(uri, data.clone()));
            Some(SemanticTokensResult::Tokens(SemanticTokens { result_id, data }))
        })
        .await
    }

    async fn semantic_tokens_full_delta(
        &self,
        params: SemanticTokensDeltaParams,
    ) -> Result<Option<SemanticTokensFullDeltaResult>> {
        let (uri, sent) = (params.text_document.uri, self.tokens.clone());
        let previous = params.previous_result_id;
        self.local(Some(&uri.clone()), move |snap, file| {
            let data = features::semantic_tokens(snap, file).data;
            let mut sent = lock(&sent);
            let before = sent.take(&uri, &previous);
            let result_id = Some(sent.record(uri, data.clone()));
            Some(match before {
                Some(before) => SemanticTokensFullDeltaResult::TokensDelta(SemanticTokensDelta {
                    result_id,
                    edits: features::token_edits(&before, &data),
                }),
                None => SemanticTokensFullDeltaResult::Tokens(SemanticTokens { result_id, data }),
            })
        })
        .await
    }

    async fn folding_range(&self, params: FoldingRangeParams) -> Result<Option<Vec<FoldingRange>>> {
        self.local(Some(&params.text_document.uri), |snap, file| Some(features::folding_ranges(snap, file)))
            .await
    }

    async fn selection_range(&self, params: SelectionRangeParams) -> Result<Option<Vec<SelectionRange>>> {
        self.local(Some(&params.text_document.uri), move |snap, file| {
            Some(features::selection_ranges(snap, file, &params.positions))
        })
        .await
    }

    async fn formatting(&self, params: DocumentFormattingParams) -> Result<Option<Vec<TextEdit>>> {
        self.local(Some(&params.text_document.uri), features::formatting).await?.map(Some).map_err(invalid)
    }

    async fn prepare_rename(
        &self,
        params: TextDocumentPositionParams,
    ) -> Result<Option<PrepareRenameResponse>> {
        self.query(Some(&params.text_document.uri), move |snap, file| {
            features::prepare_rename(snap, file, params.position)
        })
        .await
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        let p = params.text_document_position;
        let new = params.new_name;
        self.query(Some(&p.text_document.uri), move |snap, file| {
            features::rename(snap, file, p.position, &new)
        })
        .await?
        .map(Some)
        .map_err(invalid)
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        self.query(Some(&params.text_document.uri), move |snap, file| {
            let source = &snap.world.sources[file];
            let enc = snap.config.encoding;
            let span = offset(source, params.range.start, enc)..offset(source, params.range.end, enc);
            Some(features::code_actions(snap, file, span))
        })
        .await
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        self.query(Some(&params.text_document.uri), move |snap, file| {
            let source = &snap.world.sources[file];
            let enc = snap.config.encoding;
            let span = offset(source, params.range.start, enc)..offset(source, params.range.end, enc);
            Some(features::inlay_hints(snap, file, span))
        })
        .await
    }

    async fn code_lens(&self, params: CodeLensParams) -> Result<Option<Vec<CodeLens>>> {
        self.query(Some(&params.text_document.uri), |snap, file| Some(features::code_lenses(snap, file)))
            .await
    }

    async fn document_link(&self, params: DocumentLinkParams) -> Result<Option<Vec<DocumentLink>>> {
        self.query(Some(&params.text_document.uri), |snap, file| Some(features::document_links(snap, file)))
            .await
    }
}

impl Backend {
    /// Runs a view on a snapshot; what the engine refuses is an error whose
    /// message is the engine's (the same as the CLI's).
    async fn view(&self, params: ViewParams, which: Which) -> Result<ViewResult> {
        let as_of = match params.as_of.as_deref() {
            None => None,
            Some(s) => Some(crate::model::Date::parse(s).ok_or_else(|| {
                jsonrpc::Error::invalid_params(format!("asOf `{s}` is not a date (YYYY-MM-DD)"))
            })?),
        };
        let docx = match params.format.as_deref() {
            None | Some("html" | "markdown") => false,
            Some("docx") => true,
            Some(other) => {
                return Err(jsonrpc::Error::invalid_params(format!(
                    "format `{other}` is not one of html, markdown, docx"
                )));
            }
        };
        let lang = params.language;
        // A `format` asks for an export: the file, without the notes for the screen.
        let export = params.format.is_some();
        let result = self
            .query(Some(&params.text_document.uri), move |snap, file| {
                super::views::view(
                    snap,
                    file,
                    &lang,
                    which,
                    ViewOptions { as_of, docx, export, ui: snap.config.ui },
                )
            })
            .await?;
        result.map_err(|message| jsonrpc::Error {
            code: jsonrpc::ErrorCode::ServerError(-32001),
            message: message.into(),
            data: None,
        })
    }

    /// `zan/redline`: the redline of the document's amendment.
    pub async fn redline(&self, params: ViewParams) -> Result<ViewResult> {
        self.view(params, Which::Redline).await
    }

    /// `zan/table`: the comparative table of the document's amendment.
    pub async fn table(&self, params: ViewParams) -> Result<ViewResult> {
        self.view(params, Which::Table).await
    }

    /// `zan/bill`: the text of the amending law.
    pub async fn bill(&self, params: ViewParams) -> Result<ViewResult> {
        self.view(params, Which::Bill).await
    }

    /// `zan/consolidated`: the act as amended, or as of `asOf`.
    pub async fn consolidated(&self, params: ViewParams) -> Result<ViewResult> {
        self.view(params, Which::Consolidated).await
    }

    /// `zan/proposeChange`: an editable copy of the act version of the unit
    /// at the position (null outside a unit of an act).
    pub async fn propose_change(
        &self,
        params: super::drafting::ProposeParams,
    ) -> Result<Option<super::drafting::Proposal>> {
        let position = params.position;
        self.query(Some(&params.text_document.uri), move |snap, file| {
            super::drafting::propose(snap, file, position)
        })
        .await
    }

    /// `zan/import`: the official texts the client read, imported; a bad
    /// request (not base64, no id) is the error.
    pub async fn import(&self, params: super::import::ImportParams) -> Result<super::import::ImportResult> {
        let result = self.query(None, move |snap, _| super::import::import(snap, params)).await?;
        result.map_err(|message| jsonrpc::Error {
            code: jsonrpc::ErrorCode::ServerError(-32001),
            message: message.into(),
            data: None,
        })
    }

    /// `zan/updateAmendment`: the amendment derived from the edited copy,
    /// proved, as the new text of its file; what stops it is the error.
    pub async fn update_amendment(
        &self,
        params: super::drafting::UpdateParams,
    ) -> Result<super::drafting::Update> {
        let amendment = params.amendment;
        let result = self
            .query(Some(&params.text_document.uri), move |snap, file| {
                super::drafting::update(snap, file, &amendment)
            })
            .await?;
        result.map_err(|message| jsonrpc::Error {
            code: jsonrpc::ErrorCode::ServerError(-32001),
            message: message.into(),
            data: None,
        })
    }
}
