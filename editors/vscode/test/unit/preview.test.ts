import { strict as assert } from "node:assert";
import { test } from "node:test";
import {
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
} from "../../src/preview";

test("dates must be real YYYY-MM-DD dates", () => {
  assert.equal(isIsoDate("2026-01-01"), true);
  assert.equal(isIsoDate("2024-02-29"), true);
  assert.equal(isIsoDate("2023-02-29"), false);
  assert.equal(isIsoDate("2026-13-01"), false);
  assert.equal(isIsoDate("2026-1-01"), false);
  assert.equal(isIsoDate(" 2026-01-01"), false);
});

test("unknown language settings fall back to English", () => {
  assert.equal(normalizeLanguage("kk"), "kk");
  assert.equal(normalizeLanguage("ru"), "ru");
  assert.equal(normalizeLanguage("de"), "en");
  assert.equal(normalizeLanguage(undefined), "en");
});

test("request parameters carry only what is set", () => {
  assert.deepEqual(viewParams("file:///a.zan", "kk"), { textDocument: { uri: "file:///a.zan" }, language: "kk" });
  assert.deepEqual(viewParams("file:///a.zan", "ru", "2026-01-01", "docx"), {
    textDocument: { uri: "file:///a.zan" },
    language: "ru",
    asOf: "2026-01-01",
    format: "docx",
  });
});

test("titles name the view and the file", () => {
  assert.equal(viewTitle("redline", "/w/kz/cc.zan"), "Redline: cc.zan");
  assert.equal(viewTitle("consolidated", "C:\\w\\cc.zan", "2026-01-01"), "Consolidated as of 2026-01-01: cc.zan");
});

test("the page forbids scripts and escapes the title", () => {
  const page = renderPage("<b>", "<p>body</p>", "vscode-webview://x");
  assert.match(page, /content="default-src 'none'; style-src 'unsafe-inline' vscode-webview:\/\/x; img-src data: vscode-webview:\/\/x"/);
  assert.match(page, /<title>&#60;b&#62;<\/title>/);
  assert.match(page, /<body><p>body<\/p><\/body>/);
  assert.doesNotMatch(page, /script-src/);
  assert.equal(renderError('a < "b"'), '<p class="zan-error">a &#60; &#34;b&#34;</p>');
});

test("a complete page from the server is reduced to its body, a fragment is kept", () => {
  const page = '<!DOCTYPE html>\n<html lang="en">\n<head>\n<style>\nbody { font-family: serif; }\n</style>\n</head>\n<body>\n<h1>kz.cc.age-14</h1>\n</body>\n</html>\n';
  assert.equal(pageBody(page), "\n<h1>kz.cc.age-14</h1>\n");
  assert.equal(pageBody("<h1>t</h1>\n<pre>x</pre>\n"), "<h1>t</h1>\n<pre>x</pre>\n");
});

test("exports: HTML is a standalone page, DOCX is decoded from base64", () => {
  const html = new TextDecoder().decode(exportBytes({ html: "<table></table>", markdown: "" }, "html", "T"));
  assert.match(html, /^<!DOCTYPE html>/);
  assert.match(html, /<body><table><\/table><\/body>/);
  const page = "<!DOCTYPE html>\n<html><head><style>@page { size: A4 landscape; }</style></head><body><table></table></body></html>\n";
  assert.equal(new TextDecoder().decode(exportBytes({ html: page, markdown: "" }, "html", "T")), page);
  const docx = exportBytes({ html: "", markdown: "", docx: Buffer.from("PK\u0003\u0004").toString("base64") }, "docx", "T");
  assert.deepEqual([...docx], [0x50, 0x4b, 3, 4]);
  assert.throws(() => exportBytes({ html: "", markdown: "" }, "docx", "T"), /no DOCX document for zan\/table/);
});

test("status bar texts", () => {
  assert.deepEqual(statusText("running"), { text: "$(check) zan", tooltip: "zan language server: running" });
  assert.equal(statusText("stopped").text, "$(error) zan");
});

test("views are remembered by webview type and title, and only well-formed ones come back", () => {
  assert.equal(viewType("consolidated"), "zan.consolidated");
  assert.equal(
    savedViewKey("zan.consolidated", "Consolidated as of 2025-06-01: age-14.zan"),
    "zan.consolidated\nConsolidated as of 2025-06-01: age-14.zan",
  );
  assert.deepEqual(parseSavedView({ kind: "redline", uri: "file:///a.zan" }), { kind: "redline", uri: "file:///a.zan" });
  assert.deepEqual(parseSavedView({ kind: "consolidated", uri: "file:///a.zan", asOf: "2025-06-01" }), {
    kind: "consolidated",
    uri: "file:///a.zan",
    asOf: "2025-06-01",
  });
  assert.equal(parseSavedView({ kind: "toString", uri: "file:///a.zan" }), undefined);
  assert.equal(parseSavedView({ kind: "pdf", uri: "file:///a.zan" }), undefined);
  assert.equal(parseSavedView({ kind: "table" }), undefined);
  assert.equal(parseSavedView({ kind: "consolidated", uri: "file:///a.zan", asOf: "soon" }), undefined);
  assert.equal(parseSavedView(null), undefined);
});

test("a deliberate stop logs no errors; other errors stay", () => {
  const f = new StopLogFilter();
  assert.equal(f.keep("[Error - 3:25:59 PM] Server process exited with code 0.", true), false);
  assert.equal(f.keep("[Error - 3:25:59 PM] Server process exited with code 0.", false), true);
  assert.equal(f.keep("[Error - 3:25:59 PM] Server process exited with code 1.", true), true);
  assert.equal(f.keep("[Error - 3:25:59 PM] Server process exited with signal SIGSEGV.", true), true);
  assert.equal(f.keep("[Error - 3:33:51 PM] Request textDocument/documentHighlight failed.", true), false);
  assert.equal(f.keep("Error: Starting server failed", true), false);
  assert.equal(f.keep("Starting /x/zan lsp (found via bundled)", true), true);
  assert.equal(f.keep("[Error - 3:33:51 PM] Request textDocument/hover failed.", false), true);
});

test("the export offers every language, the views' first", () => {
  assert.deepEqual(
    exportLanguages("ru").map((l) => `${l.label}: ${l.description}`),
    ["ru: Russian (русский язык), as the views", "kk: Kazakh (қазақ тілі)", "en: English"],
  );
  assert.deepEqual(
    exportLanguages("en").map((l) => l.language),
    ["en", "kk", "ru"],
  );
});
