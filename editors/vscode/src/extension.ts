import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  Location,
  Position,
  ServerOptions,
  State,
} from "vscode-languageclient/node";
import {
  ExportFormat,
  SavedView,
  ServerState,
  VIEWS,
  ViewKind,
  ViewResult,
  exportBytes,
  exportLanguages,
  StopLogFilter,
  isIsoDate,
  normalizeLanguage,
  pageBody,
  parseSavedView,
  renderError,
  renderPage,
  savedViewKey,
  statusText,
  viewParams,
  viewTitle,
  viewType,
} from "./preview";
import { AmendmentUpdate, Proposal, amendmentChoices, updateMessage } from "./drafting";
import { ImportKind, ImportResult, importMessage, importParams, languageOfName } from "./importText";
import { ensureExecutable, resolveServer, serverExecutable } from "./serverPath";

let client: LanguageClient | undefined;
let statusItem: vscode.StatusBarItem;
let output: vscode.OutputChannel;
const views = new Map<string, View>();
let refreshTimer: NodeJS.Timeout | undefined;
let workspaceState: vscode.Memento;
/** The workspace state key of the views to restore after a window reload. */
const SAVED_VIEWS = "zan.views";

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("zan");
  statusItem = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 0);
  statusItem.command = "zan.restartServer";
  context.subscriptions.push(output, statusItem);
  workspaceState = context.workspaceState;
  // Registered before the server starts: VS Code revives the views of the
  // last session as soon as the extension is active.
  for (const kind of Object.keys(VIEWS) as ViewKind[]) {
    context.subscriptions.push(
      vscode.window.registerWebviewPanelSerializer(viewType(kind), {
        deserializeWebviewPanel: (panel) => reviveView(panel),
      }),
    );
  }

  const reg = (id: string, fn: (...args: never[]) => unknown) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, fn));
  reg("zan.showRedline", () => openView("redline"));
  reg("zan.showTable", () => openView("table"));
  reg("zan.showBill", () => openView("bill"));
  reg("zan.showConsolidated", () => openConsolidated());
  reg("zan.exportTable", () => exportTable());
  // The server's code lens on an amendment or operation: peek at the comparative provisions it cites.
  reg("zan.showComparisons", (uri: string, position: Position, locations: Location[]) =>
    showComparisons(uri, position, locations),
  );
  reg("zan.restartServer", () => restart(context));
  reg("zan.importOfficialText", () => importOfficialText());
  // Drafting by editing: the server's code actions name these with their
  // arguments; from the palette they act on the active editor.
  reg("zan.proposeChange", (uri?: string, position?: Position) => proposeChange(uri, position));
  reg("zan.updateAmendment", (uri?: string, amendments?: string[]) => updateAmendment(uri, amendments));

  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration("zan.server.path")) void restart(context);
      // The client sends the `zan` section to the server itself
      // (synchronize.configurationSection), so hovers follow too.
      else if (e.affectsConfiguration("zan.language")) refreshAll();
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      // An act's views depend on its amendments in other files: refresh them all.
      if (e.document.languageId === "zan" && e.contentChanges.length > 0) scheduleRefresh();
    }),
  );

  await start(context);
}

export async function deactivate(): Promise<void> {
  const old = client;
  client = undefined;
  await stopClient(old);
}

function setStatus(state: ServerState): void {
  const { text, tooltip } = statusText(state);
  statusItem.text = text;
  statusItem.tooltip = tooltip;
  statusItem.show();
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const config = vscode.workspace.getConfiguration("zan");
  const resolution = resolveServer({
    configured: config.get<string>("server.path", ""),
    extensionPath: context.extensionPath,
    workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
    env: process.env,
    platform: process.platform,
  });
  if (!resolution.ok) {
    setStatus("missing");
    output.appendLine(resolution.message);
    const choice = await vscode.window.showErrorMessage(resolution.message, "Open Settings");
    if (choice) void vscode.commands.executeCommand("workbench.action.openSettings", "zan.server.path");
    return;
  }
  if (resolution.source === "bundled") ensureExecutable(resolution.command);
  output.appendLine(`Starting ${resolution.command} lsp (found via ${resolution.source})`);

  const serverOptions: ServerOptions = serverExecutable(resolution.command);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: "zan" }],
    outputChannel: clientChannel(),
    initializationOptions: { language: normalizeLanguage(config.get("language")) },
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher("**/*.zan"),
      // workspace/didChangeConfiguration with `{ zan: { language, … } }`:
      // the server's hovers and hints follow `zan.language` without a restart.
      configurationSection: "zan",
    },
    middleware: {
      // The hover's redline marks changes with <strong> and <del> where
      // Markdown's own marks cannot open or close (next to punctuation:
      // «Part 1<strong>, 2</strong>»); VS Code drops HTML from a hover unless
      // allowed. Only its safe subset of tags is rendered; no scripts.
      provideHover: async (document, position, token, next) => {
        const hover = await next(document, position, token);
        for (const content of hover?.contents ?? []) {
          if (content instanceof vscode.MarkdownString) content.supportHtml = true;
        }
        return hover;
      },
    },
  };
  // The id "zan" makes the client read the `zan.trace.server` setting.
  client = new LanguageClient("zan", "zan language server", serverOptions, clientOptions);
  client.onDidChangeState((e) => {
    setStatus(e.newState === State.Running ? "running" : e.newState === State.Starting ? "starting" : "stopped");
  });
  setStatus("starting");
  try {
    await client.start();
    refreshAll();
  } catch (err) {
    setStatus("stopped");
    void vscode.window.showErrorMessage(`zan language server failed to start: ${String(err)}`);
  }
}

/** Set while the extension stops a server itself (restart, deactivation). */
let stopping = false;

/**
 * The "zan" output channel as one client sees it: the same channel, without
 * the errors the client logs for a stop the extension made (StopLogFilter).
 * The client never disposes a channel it was given.
 */
function clientChannel(): vscode.OutputChannel {
  const filter = new StopLogFilter();
  return {
    name: output.name,
    append: (value) => output.append(value),
    appendLine: (value) => {
      if (filter.keep(value, stopping)) output.appendLine(value);
    },
    replace: (value) => output.replace(value),
    clear: () => output.clear(),
    show: (...args: unknown[]) => (output.show as (...a: unknown[]) => void).apply(output, args),
    hide: () => output.hide(),
    dispose: () => undefined,
  } as vscode.OutputChannel;
}

async function stopClient(old: LanguageClient | undefined): Promise<void> {
  if (!old) return;
  stopping = true;
  try {
    await old.stop().catch(() => undefined);
    output.appendLine("The zan language server stopped.");
    // The process's exit is reported after stop() resolves: wait for it briefly.
    await new Promise((resolve) => setTimeout(resolve, 500));
  } finally {
    stopping = false;
  }
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  const old = client;
  client = undefined;
  await stopClient(old);
  await start(context);
}

function activeZanDocument(): vscode.TextDocument | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  if (doc?.languageId === "zan") return doc;
  void vscode.window.showWarningMessage("Open a .zan file first.");
  return undefined;
}

function language() {
  return normalizeLanguage(vscode.workspace.getConfiguration("zan").get("language"));
}

/** One webview showing one view of one document; it re-requests on every refresh. */
class View {
  private generation = 0;

  constructor(
    readonly key: string,
    private readonly kind: ViewKind,
    private readonly doc: vscode.TextDocument,
    private readonly panel: vscode.WebviewPanel,
    private readonly asOf?: string,
  ) {
    panel.onDidDispose(() => views.delete(key));
    void rememberView(viewTitle(kind, doc.fileName, asOf), { kind, uri: doc.uri.toString(), asOf });
  }

  reveal(): void {
    this.panel.reveal(undefined, true);
  }

  async refresh(): Promise<void> {
    const generation = ++this.generation;
    const title = viewTitle(this.kind, this.doc.fileName, this.asOf);
    let body: string;
    if (!client || !client.isRunning()) {
      body = renderError("The zan language server is not running.");
    } else {
      try {
        const params = viewParams(this.doc.uri.toString(), language(), this.asOf);
        const result = await client.sendRequest<ViewResult>(VIEWS[this.kind].method, params);
        body = pageBody(result.html);
      } catch (err) {
        body = renderError(err instanceof Error ? err.message : String(err));
      }
    }
    // A newer refresh started while this one waited: its answer wins.
    if (generation !== this.generation) return;
    this.panel.title = title;
    this.panel.webview.html = renderPage(title, body, this.panel.webview.cspSource);
  }
}

async function openView(kind: ViewKind, asOf?: string): Promise<void> {
  const doc = activeZanDocument();
  if (!doc) return;
  const key = viewKey(kind, doc.uri, asOf);
  let view = views.get(key);
  if (view) {
    view.reveal();
  } else {
    const panel = vscode.window.createWebviewPanel(
      viewType(kind),
      viewTitle(kind, doc.fileName, asOf),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: false, localResourceRoots: [] },
    );
    view = new View(key, kind, doc, panel, asOf);
    views.set(key, view);
  }
  await view.refresh();
}

function viewKey(kind: ViewKind, uri: vscode.Uri, asOf?: string): string {
  return `${kind} ${asOf ?? ""} ${uri.toString()}`;
}

/**
 * Remembers what a view shows under its webview type and title, so that it
 * can be restored after "Developer: Reload Window". Entries are never
 * removed when a view closes (a reload closes them too); the newest 50 are kept.
 */
async function rememberView(title: string, saved: SavedView): Promise<void> {
  const all = { ...workspaceState.get<Record<string, unknown>>(SAVED_VIEWS, {}) };
  const key = savedViewKey(viewType(saved.kind), title);
  delete all[key]; // re-inserted last: the newest
  all[key] = saved;
  const keys = Object.keys(all);
  for (const old of keys.slice(0, Math.max(0, keys.length - 50))) delete all[old];
  await workspaceState.update(SAVED_VIEWS, all);
}

/** A view of the last session that VS Code revives after a reload. */
async function reviveView(panel: vscode.WebviewPanel): Promise<void> {
  const saved = parseSavedView(
    workspaceState.get<Record<string, unknown>>(SAVED_VIEWS, {})[savedViewKey(panel.viewType, panel.title)],
  );
  panel.webview.options = { enableScripts: false, localResourceRoots: [] };
  if (!saved) {
    panel.webview.html = renderPage(panel.title, renderError("This view cannot be restored: open it again from its .zan file."));
    return;
  }
  let doc: vscode.TextDocument;
  try {
    doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(saved.uri));
  } catch (err) {
    panel.webview.html = renderPage(panel.title, renderError(`Cannot open ${saved.uri}: ${String(err)}`));
    return;
  }
  const key = viewKey(saved.kind, doc.uri, saved.asOf);
  const view = new View(key, saved.kind, doc, panel, saved.asOf);
  views.set(key, view);
  // Before the server runs, the view says so; start() refreshes every view once it does.
  await view.refresh();
}

async function showComparisons(uri: string, position: Position, locations: Location[]): Promise<void> {
  if (!client) return;
  const convert = client.protocol2CodeConverter;
  const found = locations.map((l) => convert.asLocation(l));
  await vscode.commands.executeCommand(
    "editor.action.peekLocations",
    convert.asUri(uri),
    convert.asPosition(position),
    found,
    "peek",
  );
}

async function openConsolidated(): Promise<void> {
  if (!activeZanDocument()) return;
  const asOf = await vscode.window.showInputBox({
    title: "zan: consolidated text as of",
    prompt: "Date (YYYY-MM-DD)",
    value: new Date().toISOString().slice(0, 10),
    validateInput: (value) => (isIsoDate(value) ? undefined : "Write a date as YYYY-MM-DD, e.g. 2026-01-01"),
  });
  if (asOf !== undefined) await openView("consolidated", asOf);
}

function scheduleRefresh(): void {
  if (refreshTimer) clearTimeout(refreshTimer);
  refreshTimer = setTimeout(refreshAll, 400);
}

function refreshAll(): void {
  for (const view of views.values()) void view.refresh();
}

async function exportTable(): Promise<void> {
  const doc = activeZanDocument();
  if (!doc) return;
  if (!client || !client.isRunning()) {
    void vscode.window.showErrorMessage("The zan language server is not running.");
    return;
  }
  const pick = await vscode.window.showQuickPick(
    [
      { label: "DOCX", description: "Word document", format: "docx" as ExportFormat },
      { label: "HTML", description: "Web page", format: "html" as ExportFormat },
    ],
    { title: "zan: export comparative table" },
  );
  if (!pick) return;
  const lang = await vscode.window.showQuickPick(exportLanguages(language()), {
    title: "zan: language of the comparative table",
  });
  if (!lang) return;
  const target = await vscode.window.showSaveDialog({
    defaultUri: doc.uri.with({ path: doc.uri.path.replace(/\.zan$/, "") + `.table.${lang.language}.${pick.format}` }),
    filters: pick.format === "docx" ? { "Word document": ["docx"] } : { "Web page": ["html"] },
  });
  if (!target) return;
  try {
    const params = viewParams(doc.uri.toString(), lang.language, undefined, pick.format);
    const result = await client.sendRequest<ViewResult>(VIEWS.table.method, params);
    await vscode.workspace.fs.writeFile(target, exportBytes(result, pick.format, viewTitle("table", doc.fileName)));
    const open = await vscode.window.showInformationMessage(`Comparative table written to ${target.fsPath}`, "Open");
    if (open) void vscode.env.openExternal(target);
  } catch (err) {
    void vscode.window.showErrorMessage(`Export failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** The amendment each edited copy last updated, offered first next time. */
const lastAmendment = new Map<string, string>();

function runningClient(): LanguageClient | undefined {
  if (client && client.isRunning()) return client;
  void vscode.window.showErrorMessage("The zan language server is not running.");
  return undefined;
}

/** "Propose a change to this unit": the act version's editable copy, as an untitled document at the unit. */
async function proposeChange(uri?: string, position?: Position): Promise<void> {
  const c = runningClient();
  if (!c) return;
  if (uri === undefined || position === undefined) {
    const editor = vscode.window.activeTextEditor;
    if (!activeZanDocument() || !editor) return;
    uri = editor.document.uri.toString();
    position = c.code2ProtocolConverter.asPosition(editor.selection.active);
  }
  let proposal: Proposal | null;
  try {
    proposal = await c.sendRequest<Proposal | null>("zan/proposeChange", { textDocument: { uri }, position });
  } catch (err) {
    void vscode.window.showErrorMessage(`zan: ${err instanceof Error ? err.message : String(err)}`);
    return;
  }
  if (!proposal) {
    void vscode.window.showWarningMessage("zan: put the cursor in a unit of an act to propose a change to it.");
    return;
  }
  const copy = await vscode.workspace.openTextDocument({ language: "zan", content: proposal.text });
  const at = c.protocol2CodeConverter.asPosition(proposal.position);
  await vscode.window.showTextDocument(copy, {
    selection: new vscode.Range(at, at),
    preview: false,
  });
  void vscode.window.setStatusBarMessage(
    `zan: editable copy at ${proposal.unit}; edit it, then run "zan: Update the amendment from the edited copy"`,
    10000,
  );
}

/** The amendment to update from a copy: one of `known`, or a new id typed in. */
function pickAmendment(copy: string, known: string[]): Promise<string | undefined> {
  const last = lastAmendment.get(copy);
  const pick = vscode.window.createQuickPick<vscode.QuickPickItem>();
  pick.title = "zan: update which amendment?";
  pick.placeholder = "An amendment of this act version, or the id of a new one";
  pick.items = amendmentChoices(known, last, "");
  pick.onDidChangeValue((typed) => (pick.items = amendmentChoices(known, last, typed)));
  return new Promise((resolve) => {
    pick.onDidAccept(() => {
      resolve(pick.selectedItems[0]?.label);
      pick.hide();
    });
    pick.onDidHide(() => {
      resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}

/** The ids the server's code action offers for the copy (from the palette, which has no arguments). */
async function knownAmendments(doc: vscode.TextDocument): Promise<string[]> {
  const start = new vscode.Range(0, 0, 0, 0);
  const actions =
    (await vscode.commands.executeCommand<vscode.CodeAction[]>("vscode.executeCodeActionProvider", doc.uri, start)) ??
    [];
  const update = actions.find((a) => a.command?.command === "zan.updateAmendment");
  return (update?.command?.arguments?.[1] as string[] | undefined) ?? [];
}

/**
 * "Update the amendment from the edited copy": derived and proved by the
 * server, written into the amendment's file as one edit (undoable) and
 * saved; then the open views refresh.
 */
async function updateAmendment(uri?: string, amendments?: string[]): Promise<void> {
  const c = runningClient();
  if (!c) return;
  let doc: vscode.TextDocument | undefined;
  if (uri === undefined) {
    doc = activeZanDocument();
    if (!doc) return;
    uri = doc.uri.toString();
  } else {
    doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
  }
  const known = amendments ?? (doc ? await knownAmendments(doc) : []);
  const id = await pickAmendment(uri, known);
  if (!id) return;
  let update: AmendmentUpdate;
  try {
    update = await c.sendRequest<AmendmentUpdate>("zan/updateAmendment", { textDocument: { uri }, amendment: id });
  } catch (err) {
    void vscode.window.showErrorMessage(`zan: ${err instanceof Error ? err.message : String(err)}`);
    return;
  }
  let target: vscode.Uri;
  const edit = new vscode.WorkspaceEdit();
  if (update.uri) {
    target = c.protocol2CodeConverter.asUri(update.uri);
    const old = await vscode.workspace.openTextDocument(target);
    edit.replace(target, new vscode.Range(0, 0, old.lineCount, 0), update.text);
  } else {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const chosen = await vscode.window.showSaveDialog({
      title: `zan: where the new amendment ${id} goes`,
      defaultUri: folder ? vscode.Uri.joinPath(folder, `${id}.zan`) : undefined,
      filters: { zan: ["zan"] },
    });
    if (!chosen) return;
    target = chosen;
    edit.createFile(target, { overwrite: false, ignoreIfExists: false });
    edit.insert(target, new vscode.Position(0, 0), update.text);
  }
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(`zan: could not write ${target.fsPath}`);
    return;
  }
  const written = await vscode.workspace.openTextDocument(target);
  await written.save();
  lastAmendment.set(uri, id);
  refreshAll();
  for (const warning of update.warnings) void vscode.window.showWarningMessage(`zan: ${warning}`);
  void vscode.window.showInformationMessage(updateMessage(id, update, vscode.workspace.asRelativePath(target)));
}

/**
 * "Import official text…": the drafter picks the kind and the files (one per
 * language); the client reads them and sends their bytes to zan/import (the
 * server reads nothing outside the workspace roots) and opens the result in
 * a new untitled zan editor, or saves it where the drafter picks.
 */
async function importOfficialText(): Promise<void> {
  if (!client) {
    void vscode.window.showErrorMessage("zan: the language server is not running.");
    return;
  }
  const kind = await vscode.window.showQuickPick(
    [
      { label: "act", description: "an act as the official database publishes it" },
      { label: "law", description: "an amending law" },
    ],
    { title: "Import official text: what is it?" },
  );
  if (!kind) return;
  const uris = await vscode.window.showOpenDialog({
    canSelectMany: true,
    title: "Official text, one file per language",
    filters: { "Official text": ["txt", "docx", "html", "htm"], "All files": ["*"] },
  });
  if (!uris || uris.length === 0) return;
  const files: { path: string; lang: string; bytes: Uint8Array }[] = [];
  for (const uri of uris) {
    const lang =
      languageOfName(uri.fsPath) ??
      (await vscode.window.showQuickPick(["kk", "ru"], { title: `Language of ${uri.fsPath}` }));
    if (!lang) return;
    files.push({ path: uri.fsPath, lang, bytes: await vscode.workspace.fs.readFile(uri) });
  }
  let id: string | undefined;
  if (kind.label === "act") {
    id = await vscode.window.showInputBox({ title: "The act's id", placeHolder: "kz.cc" });
    if (!id) return;
  }
  const today = new Date().toISOString().slice(0, 10);
  let result: ImportResult;
  try {
    result = await client.sendRequest<ImportResult>(
      "zan/import",
      importParams(kind.label as ImportKind, files, id, today),
    );
  } catch (e) {
    void vscode.window.showErrorMessage(`zan import: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  for (const f of result.findings) output.appendLine(`${f.file}:${f.line}: warning[${f.code}]: ${f.message}`);
  const choice = await vscode.window.showInformationMessage(importMessage(result), "Open", "Save As…");
  if (choice === "Save As…") {
    const target = await vscode.window.showSaveDialog({ filters: { zan: ["zan"] } });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.zan));
    await vscode.window.showTextDocument(target);
    return;
  }
  const doc = await vscode.workspace.openTextDocument({ language: "zan", content: result.zan });
  await vscode.window.showTextDocument(doc);
}
