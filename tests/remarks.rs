//! Comments that come back: a reviewer's Word comment (and its reply)
//! written into the DOCX of `zan table` as Word writes them, brought into
//! the source by `zan review import`, reported by `check` and the server,
//! resolved by the server's code action.

use std::io::{Read, Write};
use std::path::Path;

use serde_json::json;

use super::lsp_support::Client;

fn zan(ws: &Path, args: &[&str]) -> (String, String, i32) {
    let out = crate::zan_command()
        .args(args)
        .arg("--workspace")
        .arg(ws)
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .output()
        .unwrap();
    let s = |b: Vec<u8>| String::from_utf8(b).unwrap();
    (s(out.stdout), s(out.stderr), out.status.code().unwrap())
}

/// A copy of the shipped corpus in a temporary directory.
fn corpus() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("corpus");
    copy(&Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"), &ws);
    (dir, ws)
}

/// The comparative table of `kz.cc.age-14` in `lang` as DOCX, at `out`.
fn table_docx(ws: &Path, lang: &str, out: &Path) {
    let (_, err, code) =
        zan(ws, &["table", "kz.cc.age-14", "--lang", lang, "--format", "docx", "-o", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        let target = to.join(p.file_name().unwrap());
        if p.is_dir() { copy(&p, &target) } else { std::fs::copy(&p, &target).map(drop).unwrap() }
    }
}

/// The DOCX with a reviewer's comment on the row of `unit` and a reply to
/// it, as Word writes them: the range in document.xml, the comments with
/// `w14:paraId`s, and the reply's parent in commentsExtended.xml.
fn commented(docx: &[u8], unit: &str) -> Vec<u8> {
    commented_done(docx, unit, false)
}

fn commented_done(docx: &[u8], unit: &str, done: bool) -> Vec<u8> {
    with_comments(
        docx,
        unit,
        "<w:comment w:id=\"7\" w:author=\"Әсел Нұрова\" w:date=\"2025-03-01T09:30:00Z\" w:initials=\"ӘН\"><w:p w14:paraId=\"0A000001\"><w:r><w:t xml:space=\"preserve\">Жас шегін [14] негіздеу керек &amp; «дәлел»</w:t></w:r></w:p></w:comment>\
         <w:comment w:id=\"8\" w:author=\"Bolat\" w:date=\"2025-03-02T10:00:00Z\" w:initials=\"B\"><w:p w14:paraId=\"0A000002\"><w:r><w:t>Согласен, нужна статистика.</w:t></w:r></w:p></w:comment>",
        done,
    )
}

/// The DOCX with comments 7 and 8 (`comments`, Word's XML) on the row of
/// `unit`, 8 a reply to 7 (paragraph ids 0A000001 and 0A000002), the thread
/// marked done in Word when `done`.
fn with_comments(docx: &[u8], unit: &str, comments: &str, done: bool) -> Vec<u8> {
    let done = if done { "1" } else { "0" };
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().to_string();
        let mut text = String::new();
        f.read_to_string(&mut text).unwrap();
        match name.as_str() {
            "word/document.xml" => {
                let mark = format!("w:name=\"zan_{unit}\" />");
                let at = text.find(&mark).expect("the unit's bookmark") + mark.len();
                text.insert_str(
                    at,
                    "<w:commentRangeStart w:id=\"7\"/><w:commentRangeStart w:id=\"8\"/><w:commentRangeEnd w:id=\"7\"/><w:commentRangeEnd w:id=\"8\"/><w:r><w:commentReference w:id=\"7\"/></w:r><w:r><w:commentReference w:id=\"8\"/></w:r>",
                );
            }
            "word/comments.xml" => {
                let at = text.rfind("</w:comments>").unwrap();
                text.insert_str(at, comments);
            }
            "word/commentsExtended.xml" => {
                let at = text.rfind("</w15:commentsEx>").unwrap();
                text.insert_str(
                    at,
                    &format!("<w15:commentEx w15:paraId=\"0A000001\" w15:done=\"{done}\"/><w15:commentEx w15:paraId=\"0A000002\" w15:paraIdParent=\"0A000001\" w15:done=\"{done}\"/>"),
                );
            }
            _ => {}
        }
        out.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        out.write_all(text.as_bytes()).unwrap();
    }
    out.finish().unwrap().into_inner()
}

const BLOCK: &str = "      remark open \"Әсел Нұрова\" 2025-03-01 {\n        \"Жас шегін \\[14\\] негіздеу керек & «дәлел»\"\n        reply \"Bolat\" 2025-03-02 \"Согласен, нужна статистика.\"\n      }\n";

#[tokio::test(flavor = "multi_thread")]
async fn word_comments_come_back_as_remarks_and_resolve() {
    let (dir, ws) = corpus();
    let docx = dir.path().join("t.docx");
    table_docx(&ws, "ru", &docx);
    std::fs::write(&docx, commented(&std::fs::read(&docx).unwrap(), "art_15__para_3")).unwrap();

    let (_, err, code) = zan(&ws, &["review", "import", docx.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(err.ends_with(&format!("imported 1 remark from {} into 1 file\n", docx.display())), "{err}");
    let path = ws.join("kz/criminal-code/act.zan");
    let source = std::fs::read_to_string(&path).unwrap();
    assert!(source.contains(BLOCK), "{source}");
    let fmt = crate::zan_command().args(["fmt", "--check"]).arg(&path).output().unwrap();
    assert!(fmt.status.success(), "the imported remark is already formatted: {fmt:?}");

    // Importing again adds nothing.
    let (_, err, code) = zan(&ws, &["review", "import", docx.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(err.contains("imported 0 remarks") && err.contains("(1 already there)"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), source);

    let check = crate::zan_command().arg("check").arg(&path).env("NO_COLOR", "1").output().unwrap();
    let out = String::from_utf8(check.stdout).unwrap();
    assert!(
        out.contains("note[open-remark]: open remark by Әсел Нұрова (2025-03-01): «Жас шегін [14] негіздеу керек & «дәлел»»; replies: 1\n"),
        "{out}"
    );

    // The server: the note, the thread on hover, and Resolve.
    let mut c = Client::start();
    c.initialize(json!({"capabilities": {}})).await;
    c.open("untitled:r", &source);
    let diags = c.diagnostics("untitled:r", Some(1)).await;
    let note: Vec<_> = diags.iter().filter(|d| d["code"] == "open-remark").collect();
    assert_eq!(note.len(), 1, "{diags:?}");
    assert_eq!(note[0]["severity"], 3);
    let line = source[..source.find("remark open").unwrap()].lines().count() - 1;
    let at = json!({"line": line, "character": 8});
    let hover =
        c.request("textDocument/hover", json!({"textDocument": {"uri": "untitled:r"}, "position": at})).await;
    assert_eq!(
        hover["contents"]["value"],
        "**Әсел Нұрова** · 2025-03-01 · _open_\n\nЖас шегін [14] негіздеу керек & «дәлел»\n\n---\n\n**Bolat** · 2025-03-02\n\nСогласен, нужна статистика."
    );
    let actions = c
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": "untitled:r"}, "range": note[0]["range"], "context": {"diagnostics": diags}}),
        )
        .await;
    let resolve: Vec<_> =
        actions.as_array().unwrap().iter().filter(|a| a["title"] == "Resolve the remark").collect();
    assert_eq!(resolve.len(), 1, "{actions}");
    assert_eq!(
        resolve[0]["edit"]["changes"]["untitled:r"],
        json!([{"range": {"start": {"line": line, "character": 13}, "end": {"line": line, "character": 17}}, "newText": "resolved"}])
    );
    // Applied, the note is gone.
    let resolved = source.replacen("remark open", "remark resolved", 1);
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": "untitled:r", "version": 2}, "contentChanges": [{"text": resolved}]}),
    );
    let diags = c.diagnostics("untitled:r", Some(2)).await;
    assert!(diags.iter().all(|d| d["code"] != "open-remark"), "{diags:?}");
}

/// `zan diff --format docx` carries the same unit bookmarks and act as the
/// table's DOCX: a Word comment on a unit's heading comes back to that unit.
#[test]
fn word_comments_on_the_diff_docx_come_back() {
    let (dir, ws) = corpus();
    let docx = dir.path().join("d.docx");
    let (_, err, code) =
        zan(&ws, &["diff", "kz.cc.age-14", "--lang", "kk", "--format", "docx", "-o", docx.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    std::fs::write(&docx, commented(&std::fs::read(&docx).unwrap(), "art_15__para_3")).unwrap();
    let (_, err, code) = zan(&ws, &["review", "import", docx.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(err.ends_with(&format!("imported 1 remark from {} into 1 file\n", docx.display())), "{err}");
    let source = std::fs::read_to_string(ws.join("kz/criminal-code/act.zan")).unwrap();
    assert!(source.contains(BLOCK), "{source}");
}

/// Word writes each paragraph of a comment as a `w:p` (a blank line as an
/// empty one, the last paragraph holding the `w14:paraId`): a remark's and
/// a reply's paragraphs come back as strings of their own, formatted, and
/// shown so by `check`'s note and the hover.
#[tokio::test(flavor = "multi_thread")]
async fn comments_of_several_paragraphs_keep_them() {
    let (dir, ws) = corpus();
    let docx = dir.path().join("t.docx");
    let (_, err, code) =
        zan(&ws, &["table", "kz.cc.age-14", "--format", "docx", "-o", docx.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let p = |t: &str| format!("<w:p><w:r><w:t>{t}</w:t></w:r></w:p>");
    let comments = format!(
        "<w:comment w:id=\"7\" w:author=\"Әсел\" w:date=\"2025-03-01T09:30:00Z\">{}<w:p/>{}<w:p w14:paraId=\"0A000001\"><w:r><w:t>Үшінші.</w:t></w:r></w:p></w:comment>\
         <w:comment w:id=\"8\" w:author=\"Bolat\" w:date=\"2025-03-02T10:00:00Z\">{}<w:p w14:paraId=\"0A000002\"><w:r><w:t>Второй абзац ответа.</w:t></w:r></w:p></w:comment>",
        p("Бірінші абзац."),
        p("Екінші абзац."),
        p("Первый абзац ответа."),
    );
    std::fs::write(&docx, with_comments(&std::fs::read(&docx).unwrap(), "art_15__para_3", &comments, false))
        .unwrap();
    let (_, err, code) = zan(&ws, &["review", "import", docx.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let path = ws.join("kz/criminal-code/act.zan");
    let source = std::fs::read_to_string(&path).unwrap();
    let block = "      remark open \"Әсел\" 2025-03-01 {\n        \"Бірінші абзац.\"\n        \"Екінші абзац.\"\n        \"Үшінші.\"\n        reply \"Bolat\" 2025-03-02 \"Первый абзац ответа.\" \"Второй абзац ответа.\"\n      }\n";
    assert!(source.contains(block), "{source}");
    let fmt = crate::zan_command().args(["fmt", "--check"]).arg(&path).output().unwrap();
    assert!(fmt.status.success(), "the imported remark is already formatted: {fmt:?}");
    let check = crate::zan_command().arg("check").arg(&path).env("NO_COLOR", "1").output().unwrap();
    let out = String::from_utf8(check.stdout).unwrap();
    assert!(out.contains("open remark by Әсел (2025-03-01): «Бірінші абзац.»; replies: 1\n"), "{out}");

    let mut c = Client::start();
    c.initialize(json!({"capabilities": {}})).await;
    c.open("untitled:m", &source);
    let line = source[..source.find("remark open").unwrap()].lines().count() - 1;
    let at = json!({"line": line, "character": 8});
    let hover =
        c.request("textDocument/hover", json!({"textDocument": {"uri": "untitled:m"}, "position": at})).await;
    assert_eq!(
        hover["contents"]["value"],
        "**Әсел** · 2025-03-01 · _open_\n\nБірінші абзац.\n\nЕкінші абзац.\n\nҮшінші.\n\n---\n\n**Bolat** · 2025-03-02\n\nПервый абзац ответа.\n\nВторой абзац ответа."
    );

    // The site's export: a reply's text as one string or as paragraphs.
    let json = dir.path().join("remarks.json");
    std::fs::write(
        &json,
        r#"{"act": "kz.cc@2024-01-01", "remarks": [{"unit": "art_15__para_3", "author": "B", "date": "2025-03-05", "text": ["a", "b"], "replies": [{"author": "C", "date": "2025-03-06", "text": "c"}, {"author": "D", "date": "2025-03-07", "text": ["d", "e"]}]}]}"#,
    )
    .unwrap();
    let (_, err, code) = zan(&ws, &["review", "import", json.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let source = std::fs::read_to_string(&path).unwrap();
    assert!(
        source.contains("      remark open \"B\" 2025-03-05 {\n        \"a\"\n        \"b\"\n        reply \"C\" 2025-03-06 \"c\"\n        reply \"D\" 2025-03-07 \"d\" \"e\"\n      }\n"),
        "{source}"
    );
}

/// The byte offset of an LSP position (UTF-16 columns).
fn offset(text: &str, position: &serde_json::Value) -> usize {
    let line = position["line"].as_u64().unwrap() as usize;
    let character = position["character"].as_u64().unwrap() as usize;
    let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units >= character {
            return start + i;
        }
        units += c.len_utf16();
    }
    text.len()
}

/// The whole round trip on the files of a workspace: the Word comment
/// imported, the server (rooted at the workspace, the file opened by its
/// path) offers Resolve, its edit applied and saved as an editor does; then
/// `zan check` has no open remark left, importing the DOCX again adds
/// nothing, and a thread marked done in Word comes in resolved.
#[tokio::test(flavor = "multi_thread")]
async fn the_resolve_action_saved_ends_the_note_and_a_done_thread_comes_resolved() {
    let (dir, ws) = corpus();
    let table = dir.path().join("t.docx");
    table_docx(&ws, "ru", &table);
    let plain = std::fs::read(&table).unwrap();
    let docx = dir.path().join("c.docx");
    std::fs::write(&docx, commented(&plain, "art_15__para_3")).unwrap();
    let (_, err, code) = zan(&ws, &["review", "import", docx.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let path = ws.join("kz/criminal-code/act.zan");
    let source = std::fs::read_to_string(&path).unwrap();

    let uri = super::lsp_support::file_uri(&path);
    let mut c = Client::start();
    c.initialize(json!({"capabilities": {}, "rootUri": super::lsp_support::file_uri(&ws), "locale": "en"}))
        .await;
    c.open(&uri, &source);
    let diags = c.diagnostics(&uri, Some(1)).await;
    let note: Vec<_> = diags.iter().filter(|d| d["code"] == "open-remark").collect();
    assert_eq!(note.len(), 1, "{diags:?}");
    assert_eq!(
        note[0]["message"],
        "open remark by Әсел Нұрова (2025-03-01): «Жас шегін [14] негіздеу керек & «дәлел»»; replies: 1"
    );
    let actions = c
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": note[0]["range"], "context": {"diagnostics": diags}}),
        )
        .await;
    let resolve =
        actions.as_array().unwrap().iter().find(|a| a["title"] == "Resolve the remark").expect("Resolve");
    let mut edits = resolve["edit"]["changes"][&uri].as_array().unwrap().clone();
    edits.sort_by_key(|e| std::cmp::Reverse(offset(&source, &e["range"]["start"])));
    let mut saved = source.clone();
    for e in &edits {
        let (from, to) = (offset(&saved, &e["range"]["start"]), offset(&saved, &e["range"]["end"]));
        saved.replace_range(from..to, e["newText"].as_str().unwrap());
    }
    assert_eq!(saved, source.replacen("remark open \"Әсел Нұрова\"", "remark resolved \"Әсел Нұрова\"", 1));
    std::fs::write(&path, &saved).unwrap();
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": saved}]}),
    );
    let diags = c.diagnostics(&uri, Some(2)).await;
    assert!(diags.iter().all(|d| d["code"] != "open-remark"), "{diags:?}");

    let check =
        crate::zan_command().arg("check").arg(&path).env("NO_COLOR", "1").env("LANG", "C").output().unwrap();
    let out = String::from_utf8(check.stdout).unwrap();
    assert!(!out.contains("open-remark"), "{out}");
    let (_, err, code) = zan(&ws, &["review", "import", docx.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(err.contains("imported 0 remarks") && err.contains("(1 already there)"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), saved);

    // Marked done in Word: it comes in resolved, and no note.
    let fresh = dir.path().join("fresh");
    copy(&Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"), &fresh);
    std::fs::write(&docx, commented_done(&plain, "art_15__para_3", true)).unwrap();
    let (_, err, code) = zan(&fresh, &["review", "import", docx.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let path = fresh.join("kz/criminal-code/act.zan");
    let after = std::fs::read_to_string(&path).unwrap();
    let part3 = &after[after.find("    part 3 {").unwrap()..];
    let part3 = &part3[..part3.find("\n    }\n").unwrap()];
    assert!(part3.contains("      remark resolved \"Әсел Нұрова\" 2025-03-01 {\n"), "{part3}");
    let check = crate::zan_command().arg("check").arg(&path).env("NO_COLOR", "1").output().unwrap();
    assert!(!String::from_utf8(check.stdout).unwrap().contains("open-remark"));
}

#[test]
fn a_review_export_names_its_unit_or_is_refused() {
    let (dir, ws) = corpus();
    let json = dir.path().join("remarks.json");
    std::fs::write(
        &json,
        r#"{"act": "kz.cc@2024-01-01", "remarks": [{"unit": "art_15__para_9", "author": "A", "date": "2025-03-01", "text": ["x"]}]}"#,
    )
    .unwrap();
    let before = std::fs::read_to_string(ws.join("kz/criminal-code/act.zan")).unwrap();
    let (_, err, code) = zan(&ws, &["review", "import", json.to_str().unwrap()]);
    assert_eq!(
        err,
        format!(
            "error: {0}: remark by A on `art_15__para_9`: no such unit in `kz.cc@2024-01-01`, nor one its amendments add; not imported\n\
             error: 1 remark of {0} not imported (above)\n",
            json.display()
        )
    );
    assert_eq!(code, 1);
    assert_eq!(std::fs::read_to_string(ws.join("kz/criminal-code/act.zan")).unwrap(), before);
    std::fs::write(
        &json,
        r#"{"act": "kz.cc@2024-01-01", "remarks": [{"unit": "art_15__para_3", "author": "A", "date": "2025-03-01", "text": ["x"], "resolved": true}]}"#,
    )
    .unwrap();
    let (_, err, code) = zan(&ws, &["review", "import", json.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let after = std::fs::read_to_string(ws.join("kz/criminal-code/act.zan")).unwrap();
    assert!(after.contains("      remark resolved \"A\" 2025-03-01 {\n        \"x\"\n      }\n"), "{after}");
}

/// A remark with no place does not hold back the others: they are
/// imported, it is named, and the command fails.
#[test]
fn a_remark_with_no_place_is_named_and_the_others_come_in() {
    let (dir, ws) = corpus();
    let json = dir.path().join("remarks.json");
    std::fs::write(
        &json,
        r#"{"act": "kz.cc@2024-01-01", "remarks": [{"unit": "art_999", "author": "A", "date": "2025-03-01", "text": ["x"]}, {"unit": "art_15__para_1", "author": "B", "date": "2025-03-02", "text": ["y"]}]}"#,
    )
    .unwrap();
    let (_, err, code) = zan(&ws, &["review", "import", json.to_str().unwrap()]);
    assert_eq!(
        err,
        format!(
            "error: {0}: remark by A on `art_999`: no such unit in `kz.cc@2024-01-01`, nor one its amendments add; not imported\n\
             imported 1 remark from {0} into 1 file\n\
             error: 1 remark of {0} not imported (above)\n",
            json.display()
        )
    );
    assert_eq!(code, 1);
    let after = std::fs::read_to_string(ws.join("kz/criminal-code/act.zan")).unwrap();
    assert!(after.contains("      remark open \"B\" 2025-03-02 {\n        \"y\"\n      }\n"), "{after}");
    assert!(!after.contains("\"A\" 2025-03-01"), "{after}");
}

/// A comment on a unit the amendment adds (the new part 2-1 of article 15,
/// as the review site's anchor or the table's bookmark names it) goes into
/// the `add` that brings the part in: `check` notes it at that place, the
/// site shows it beside the new part, and importing again adds nothing.
#[test]
fn a_comment_on_a_new_unit_goes_into_its_add() {
    let (dir, ws) = corpus();
    let json = dir.path().join("remarks.json");
    std::fs::write(
        &json,
        r#"{"act": "kz.cc@2024-01-01", "remarks": [{"unit": "art_15__para_2-1", "author": "Әсел", "date": "2025-03-01", "text": ["Жаңа бөлік туралы."]}, {"unit": "art_15__para_2-1", "author": "Bolat", "date": "2025-03-02", "text": ["Второе."]}]}"#,
    )
    .unwrap();
    let act_before = std::fs::read_to_string(ws.join("kz/criminal-code/act.zan")).unwrap();
    let (_, err, code) = zan(&ws, &["review", "import", json.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(err, format!("imported 2 remarks from {} into 1 file\n", json.display()));
    assert_eq!(std::fs::read_to_string(ws.join("kz/criminal-code/act.zan")).unwrap(), act_before);
    let path = ws.join("amendments/age-14.zan");
    let source = std::fs::read_to_string(&path).unwrap();
    let added = "limited to listed grave crimes, the same technique of an exception list (S1:L288-289)\"\n\
                 \x20   remark open \"Әсел\" 2025-03-01 {\n      \"Жаңа бөлік туралы.\"\n    }\n\
                 \x20   remark open \"Bolat\" 2025-03-02 {\n      \"Второе.\"\n    }\n  }\n";
    assert!(source.contains(added), "{source}");
    let line = source[..source.find("remark open \"Әсел\"").unwrap()].lines().count();

    let check = crate::zan_command()
        .args(["check", path.to_str().unwrap()])
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .output()
        .unwrap();
    let out = String::from_utf8(check.stdout).unwrap();
    assert!(
        out.contains(&format!(
            "note[open-remark]: open remark by Әсел (2025-03-01): «Жаңа бөлік туралы.»; replies: 0\n  --> {}:{line}:5\n",
            path.display()
        )),
        "{out}"
    );

    let (_, err, code) = zan(&ws, &["review", "import", json.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(err, format!("imported 0 remarks from {} into 0 files (2 already there)\n", json.display()));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), source);

    // The table's DOCX marks the new part's row with its bookmark: a Word
    // comment there comes to the same place.
    let table = dir.path().join("t.docx");
    table_docx(&ws, "kk", &table);
    std::fs::write(&table, commented(&std::fs::read(&table).unwrap(), "art_15__para_2-1")).unwrap();
    let (_, err, code) = zan(&ws, &["review", "import", table.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let source = std::fs::read_to_string(&path).unwrap();
    assert!(
        source.contains(&format!(
            "      \"Второе.\"\n    }}\n{}  }}\n",
            &BLOCK[2..].replace("\n      ", "\n    ")
        )),
        "{source}"
    );

    let site = dir.path().join("site");
    let (_, err, code) = zan(&ws, &["review", "kz.cc.age-14", "--out", site.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let page = std::fs::read_to_string(site.join("kk/kz.cc.age-14/index.html")).unwrap();
    let part =
        &page[page.find("id=\"art_15__para_2-1\"").unwrap()..page.find("id=\"art_15__para_3\"").unwrap()];
    assert!(part.contains("<strong>Әсел</strong> · <time datetime=\"2025-03-01\">2025-03-01</time></p>\n<p>Жаңа бөлік туралы.</p>"), "{part}");
    assert!(part.contains("class=\"zan-comment\""), "{part}");
}
