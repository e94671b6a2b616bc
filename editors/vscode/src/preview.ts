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

export function normalizeLanguage(value: unknown): Language {
  return value === "kk" || value === "ru" ? value : "en";
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
body { font-family: var(--vscode-font-family, sans-serif); color: var(--vscode-foreground, #1f1f1f); line-height: 1.5; padding: 0 1em; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--vscode-panel-border, #bbb); padding: .4em .6em; vertical-align: top; text-align: left; }
ins { background: rgba(46, 160, 67, .25); text-decoration: none; }
del { background: rgba(248, 81, 73, .25); }
.zan-error { color: var(--vscode-errorForeground, #c00); white-space: pre-wrap; }`;

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
