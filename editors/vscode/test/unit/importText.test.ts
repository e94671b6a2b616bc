import { strict as assert } from "node:assert";
import { test } from "node:test";
import { importMessage, importParams, languageOfName } from "../../src/importText";

test("the language is read from the file's name", () => {
  assert.equal(languageOfName("/tmp/act-kk.txt"), "kk");
  assert.equal(languageOfName("C:\\laws\\law_ru.docx"), "ru");
  assert.equal(languageOfName("code.rus.html"), "ru");
  assert.equal(languageOfName("kodeks.txt"), undefined);
});

test("the request sends names without folders and base64 bytes", () => {
  const bytes = new TextEncoder().encode("Статья 1.");
  assert.deepEqual(importParams("act", [{ path: "/a/b/act-ru.txt", lang: "ru", bytes }], "kz.law", "2026-12-04"), {
    kind: "act",
    files: [{ name: "act-ru.txt", lang: "ru", bytes: Buffer.from(bytes).toString("base64") }],
    id: "kz.law",
    retrieved: "2026-12-04",
  });
  assert.deepEqual(importParams("law", [], undefined, "2026-12-04"), { kind: "law", files: [] });
});

test("the drafter is told how many lines were kept as comments", () => {
  const r = { zan: "", findings: [], readAs: ["law.txt: read as windows-1251"], lost: 3 };
  assert.equal(
    importMessage(r),
    "Imported (law.txt: read as windows-1251): 3 lines not recognised, kept as comments (import-unrecognised).",
  );
  assert.equal(importMessage({ ...r, readAs: [], lost: 0 }), "Imported: every line is in the result.");
});
