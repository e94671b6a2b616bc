// The client side of zan's document views: request names, parameters and the
// HTML shell around what the server renders. Free of the vscode module so it
// can be unit-tested with node:test.

export type ViewKind = "redline" | "table" | "bill" | "consolidated";
export type Language = "en" | "kk" | "ru";
export type ExportFormat = "docx" | "html";

export const VIEWS: Record<ViewKind, { method: string; title: string }> = {
  redline: { method: "zan/redline", title: "Redline" },
  table: { method: "zan/table", title: "Comparative table" },
  bill: { method: "zan/bill", title: "Bill" },
  consolidated: { method: "zan/consolidated", title: "Consolidated" },
};

/** Parameters of every zan/* view request. */
export interface ViewParams {
  textDocument: { uri: string };
  language: Language;
  /** Only for zan/consolidated: the date the text is consolidated as of. */
  asOf?: string;
  /** Only for exports of zan/table. */
  format?: ExportFormat;
}

/** What the server answers; `docx` (base64) only when `format` was "docx". */
export interface ViewResult {
  html: string;
  markdown: string;
  docx?: string;
}

/** What a view shows, kept across window reloads to restore it. */
export interface SavedView {
  kind: ViewKind;
  uri: string;
  asOf?: string;
}

/** The webview type of a view kind, `zan.redline` etc. (registered in package.json's activation events). */
export function viewType(kind: ViewKind): string {
  return `zan.${kind}`;
}

/**
 * The key a view is remembered under: its webview type and tab title, the
 * two things VS Code gives back when it revives a panel after a reload (the
 * views run no script, so they keep no webview state of their own).
 */
export function savedViewKey(type: string, title: string): string {
  return `${type}\n${title}`;
}

/** A remembered view, if it is one (workspace state may be older or edited). */
export function parseSavedView(value: unknown): SavedView | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.kind !== "string" || !Object.prototype.hasOwnProperty.call(VIEWS, v.kind) || typeof v.uri !== "string") return undefined;
  if (v.asOf !== undefined && (typeof v.asOf !== "string" || !isIsoDate(v.asOf))) return undefined;
  const saved: SavedView = { kind: v.kind as ViewKind, uri: v.uri };
  if (v.asOf !== undefined) saved.asOf = v.asOf as string;
  return saved;
}

export function normalizeLanguage(value: unknown): Language {
  return value === "kk" || value === "ru" ? value : "en";
}

const LANGUAGE_NAMES: Record<Language, string> = { kk: "Kazakh (қазақ тілі)", ru: "Russian (русский язык)", en: "English" };

/**
 * The languages a table can be exported in, the view's language (the
 * `zan.language` setting) first: a drafter often exports the Kazakh and the
 * Russian table of the same amendment.
 */
export function exportLanguages(current: Language): { label: string; description: string; language: Language }[] {
  const order: Language[] = [current, ...(["kk", "ru", "en"] as Language[]).filter((l) => l !== current)];
  return order.map((language) => ({
    label: language,
    description: language === current ? `${LANGUAGE_NAMES[language]}, as the views` : LANGUAGE_NAMES[language],
    language,
  }));
}

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function viewParams(uri: string, language: Language, asOf?: string, format?: ExportFormat): ViewParams {
  const params: ViewParams = { textDocument: { uri }, language };
  if (asOf !== undefined) params.asOf = asOf;
  if (format !== undefined) params.format = format;
  return params;
}

export function viewTitle(kind: ViewKind, fileName: string, asOf?: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const when = kind === "consolidated" && asOf ? ` as of ${asOf}` : "";
  return `${VIEWS[kind].title}${when}: ${base}`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
body { font-family: var(--vscode-font-family, sans-serif); color: var(--vscode-foreground, #1f1f1f); line-height: 1.5; padding: 0 1em; overflow-wrap: break-word; }
h1 { font-size: 1.4em; }
h2 { font-size: 1.15em; }
/* A fixed layout keeps the table as wide as its panel (the side panel is narrow): cells wrap, and
   break a word only if it alone is wider than its column; the number and unit columns stay narrow. */
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th:first-child { width: 2.5em; }
th:nth-child(2) { width: 14%; }
th, td { border: 1px solid var(--vscode-panel-border, #bbb); padding: .4em .6em; vertical-align: top; text-align: left; overflow-wrap: break-word; }
pre { white-space: pre-wrap; overflow-wrap: break-word; font-family: var(--vscode-editor-font-family, monospace); }
/* Changes are struck or underlined, not only tinted, so they read in light and dark themes and in
   print; inserted words are bold in the redline as in the table (the Kazakh form's bold); a deleted
   word never touches the inserted one that replaces it. */
ins, .zan-ins { font-weight: 600; text-decoration: underline 2px var(--vscode-gitDecoration-addedResourceForeground, #2ea043); text-underline-offset: 3px; background: var(--vscode-diffEditor-insertedTextBackground, rgba(46, 160, 67, .2)); }
del, .zan-del { text-decoration: line-through 2px var(--vscode-gitDecoration-deletedResourceForeground, #f85149); background: var(--vscode-diffEditor-removedTextBackground, rgba(248, 81, 73, .2)); }
del + ins, .zan-del + .zan-ins { margin-left: .35em; }
.zan-note { border-left: 3px solid var(--vscode-textLink-foreground, #3794ff); padding-left: .6em; }
.zan-error { color: var(--vscode-errorForeground, #c00); white-space: pre-wrap; }
/* An operation that does not apply, in place among those that do: a word and a bar, not only a colour. */
.zan-failed { color: var(--vscode-errorForeground, #c00); border-left: 3px solid var(--vscode-errorForeground, #c00); padding-left: .6em; }`;

/**
 * A full page around server-rendered HTML. Scripts are never allowed: the
 * Content-Security-Policy admits only inline styles and images from the
 * webview itself (`cspSource`) or data: URLs.
 */
export function renderPage(title: string, body: string, cspSource?: string): string {
  const sources = cspSource ? ` ${cspSource}` : "";
  const csp = `default-src 'none'; style-src 'unsafe-inline'${sources}; img-src data:${sources}`;
  return [
    "<!DOCTYPE html>",
    '<html><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    `</head><body>${body}</body></html>`,
  ].join("\n");
}

/**
 * What goes inside the view's page. The server answers the redline and the
 * table as complete pages styled for print (black borders, serif type), the
 * bill and the consolidated text as fragments: keep the body only, so the
 * view takes the editor theme's colours.
 */
export function pageBody(html: string): string {
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html);
  return body ? body[1] : html;
}

function isPage(html: string): boolean {
  return /^\s*(<!DOCTYPE html|<html[\s>])/i.test(html);
}

export function renderError(message: string): string {
  return `<p class="zan-error">${escapeHtml(message)}</p>`;
}

/** The bytes of an exported comparative table: the server's page as it is (its print styles included). */
export function exportBytes(result: ViewResult, format: ExportFormat, title: string): Uint8Array {
  if (format === "html") {
    return new TextEncoder().encode(isPage(result.html) ? result.html : renderPage(title, result.html));
  }
  if (typeof result.docx !== "string" || result.docx === "") {
    throw new Error("The zan server returned no DOCX document for zan/table (expected a base64 `docx` field).");
  }
  return Buffer.from(result.docx, "base64");
}

/**
 * What the language client writes to the output channel while the extension
 * stops a server on purpose (a restart), and is not an error: the client
 * logs every exit of the server process as one ("[Error - 3:25:59 PM] Server
 * process exited with code 0."), and a request the editor made while the
 * server was stopping fails ("[Error - …] Request textDocument/documentHighlight
 * failed." and its reason on the next line), to be asked again of the new
 * server. `keep` says which lines to write.
 */
export class StopLogFilter {
  private skipNext = false;

  keep(line: string, stopping: boolean): boolean {
    if (this.skipNext) {
      this.skipNext = false;
      return false;
    }
    if (!stopping) return true;
    if (/^\[Error +- [^\]]*\] Server process exited with code 0\.$/.test(line)) return false;
    if (/^\[Error +- [^\]]*\] Request [\w/$]+ failed\.$/.test(line)) {
      this.skipNext = true;
      return false;
    }
    return true;
  }
}

export type ServerState = "starting" | "running" | "stopped" | "missing";

export function statusText(state: ServerState): { text: string; tooltip: string } {
  switch (state) {
    case "starting":
      return { text: "$(sync~spin) zan", tooltip: "zan language server: starting" };
    case "running":
      return { text: "$(check) zan", tooltip: "zan language server: running" };
    case "stopped":
      return { text: "$(error) zan", tooltip: "zan language server: stopped (click to restart)" };
    case "missing":
      return { text: "$(warning) zan", tooltip: "zan language server: not found (click to restart after fixing zan.server.path)" };
  }
}
