//! The engine's commands on the shipped corpus, against golden files in
//! tests/golden/ (regenerate with `UPDATE_EXPECT=1 cargo test --test it engine_cli::`
//! and read the diff), plus errors, escaping, DOCX and git integration.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use expect_test::expect_file;

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

fn zan_in(dir: &Path, args: &[&str]) -> Output {
    crate::zan_command()
        .args(args)
        .arg("--workspace")
        .arg(dir)
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .output()
        .unwrap()
}

/// Runs a command on the corpus; it must succeed.
fn zan(args: &[&str]) -> String {
    let out = zan_in(&corpus(), args);
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn consolidate_flagship() {
    expect_file!["golden/age-14.consolidate.kk.txt"].assert_eq(&zan(&[
        "consolidate",
        "kz.cc.age-14",
        "--format",
        "text",
        "--lang",
        "kk",
    ]));
    expect_file!["golden/age-14.consolidate.ru.txt"].assert_eq(&zan(&[
        "consolidate",
        "kz.cc.age-14",
        "--format",
        "text",
        "--lang",
        "ru",
    ]));
    expect_file!["golden/age-14.consolidate.en.txt"].assert_eq(&zan(&[
        "consolidate",
        "kz.cc.age-14",
        "--format",
        "text",
        "--lang",
        "en",
    ]));
    expect_file!["golden/age-14.consolidate.zan"].assert_eq(&zan(&["consolidate", "kz.cc.age-14"]));
}

#[test]
fn consolidate_demo() {
    expect_file!["golden/demo.consolidate.en.txt"].assert_eq(&zan(&[
        "consolidate",
        "kz.cc.demo-operations",
        "--format",
        "text",
        "--lang",
        "en",
    ]));
}

#[test]
fn diff_formats() {
    expect_file!["golden/age-14.diff.kk.txt"].assert_eq(&zan(&["diff", "kz.cc.age-14", "--lang", "kk"]));
    expect_file!["golden/age-14.diff.ru.md"].assert_eq(&zan(&[
        "diff",
        "kz.cc.age-14",
        "--lang",
        "ru",
        "--format",
        "markdown",
    ]));
    expect_file!["golden/age-14.diff.en.html"].assert_eq(&zan(&[
        "diff",
        "kz.cc.age-14",
        "--lang",
        "en",
        "--format",
        "html",
    ]));
    expect_file!["golden/age-14.diff.en.unified"].assert_eq(&zan(&[
        "diff",
        "kz.cc.age-14",
        "--lang",
        "en",
        "--format",
        "unified",
    ]));
    expect_file!["golden/demo.diff.en.txt"].assert_eq(&zan(&[
        "diff",
        "kz.cc.demo-operations",
        "--lang",
        "en",
    ]));
}

#[test]
fn tables() {
    expect_file!["golden/age-14.table.kk.html"].assert_eq(&zan(&["table", "kz.cc.age-14", "--lang", "kk"]));
    expect_file!["golden/age-14.table.kk.md"].assert_eq(&zan(&[
        "table",
        "kz.cc.age-14",
        "--lang",
        "kk",
        "--format",
        "markdown",
    ]));
    expect_file!["golden/age-14.table.ru.md"].assert_eq(&zan(&[
        "table",
        "kz.cc.age-14",
        "--lang",
        "ru",
        "--format",
        "markdown",
    ]));
    expect_file!["golden/age-14.table.en.compare.md"].assert_eq(&zan(&[
        "table",
        "kz.cc.age-14",
        "--lang",
        "en",
        "--format",
        "markdown",
        "--compare",
    ]));
    expect_file!["golden/demo.table.kk.md"].assert_eq(&zan(&[
        "table",
        "kz.cc.demo-operations",
        "--lang",
        "kk",
        "--format",
        "markdown",
    ]));
}

/// The text of every cell of every table, runs marked `**bold**` and `~~struck~~`.
/// Every `"text"` string of a serialised docx-rs element, in order.
fn json_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Object(m) => m
            .iter()
            .map(|(k, v)| match (k.as_str(), v) {
                ("text", serde_json::Value::String(s)) => s.clone(),
                _ => json_text(v),
            })
            .collect(),
        serde_json::Value::Array(a) => a.iter().map(json_text).collect(),
        _ => String::new(),
    }
}

fn docx_cells(bytes: &[u8]) -> String {
    use docx_rs::{DocumentChild, ParagraphChild, RunChild, TableCellContent, TableChild, TableRowChild};
    let doc = docx_rs::read_docx(bytes).expect("a readable DOCX");
    let mut out = String::new();
    let run_text = |r: &docx_rs::Run| -> String {
        let text: String = r
            .children
            .iter()
            .filter_map(|c| match c {
                RunChild::Text(t) => Some(t.text.as_str()),
                _ => None,
            })
            .collect();
        match (r.run_property.bold.is_some(), r.run_property.strike.is_some()) {
            (true, _) => format!("**{text}**"),
            (_, true) => format!("~~{text}~~"),
            _ => text,
        }
    };
    let para_text = |p: &docx_rs::Paragraph| -> String {
        p.children
            .iter()
            .filter_map(|c| match c {
                ParagraphChild::Run(r) => Some(run_text(r)),
                // Tracked changes: docx-rs keeps deleted text private, but serialises it.
                ParagraphChild::Insert(i) => {
                    Some(format!("{{+{}+}}", json_text(&serde_json::to_value(i).unwrap())))
                }
                ParagraphChild::Delete(d) => {
                    Some(format!("[-{}-]", json_text(&serde_json::to_value(d).unwrap())))
                }
                _ => None,
            })
            .collect()
    };
    for child in &doc.document.children {
        // The paragraphs around the table: title, warning, footnotes.
        if let DocumentChild::Paragraph(p) = child {
            out.push_str(&para_text(p));
            out.push('\n');
        }
        let DocumentChild::Table(table) = child else { continue };
        for TableChild::TableRow(row) in &table.rows {
            let cells: Vec<String> = row
                .cells
                .iter()
                .map(|TableRowChild::TableCell(cell)| {
                    let paragraphs: Vec<String> = cell
                        .children
                        .iter()
                        .filter_map(|c| match c {
                            TableCellContent::Paragraph(p) => Some(p),
                            _ => None,
                        })
                        .map(|p| para_text(p))
                        .collect();
                    paragraphs.join(" / ")
                })
                .collect();
            out.push_str(&cells.join(" | "));
            out.push('\n');
        }
    }
    out
}

#[test]
fn docx_table_is_a_real_table() {
    let out = zan_in(&corpus(), &["table", "kz.cc.age-14", "--lang", "kk", "--format", "docx"]);
    assert!(out.status.success());
    assert!(out.stdout.starts_with(b"PK"), "a zip container");
    expect_file!["golden/age-14.table.kk.docx.txt"].assert_eq(&docx_cells(&out.stdout));
}

/// The bill as DOCX: the text bill's lines, one paragraph each, the
/// heading, title, article labels and signature bold (`**…**`).
#[test]
fn docx_bill_in_the_layout_of_a_law() {
    for lang in ["kk", "ru"] {
        let out = zan_in(&corpus(), &["bill", "kz.cc.age-14", "--lang", lang, "--format", "docx"]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert!(out.stdout.starts_with(b"PK"), "a zip container");
        let cells = docx_cells(&out.stdout);
        match lang {
            "kk" => expect_file!["golden/age-14.bill.kk.docx.txt"].assert_eq(&cells),
            _ => expect_file!["golden/age-14.bill.ru.docx.txt"].assert_eq(&cells),
        }
    }
}

#[test]
fn bills() {
    for lang in ["kk", "ru", "en"] {
        let age = zan(&["bill", "kz.cc.age-14", "--lang", lang]);
        let demo = zan(&["bill", "kz.cc.demo-operations", "--lang", lang]);
        match lang {
            "kk" => {
                expect_file!["golden/age-14.bill.kk.txt"].assert_eq(&age);
                expect_file!["golden/demo.bill.kk.txt"].assert_eq(&demo);
            }
            "ru" => {
                expect_file!["golden/age-14.bill.ru.txt"].assert_eq(&age);
                expect_file!["golden/demo.bill.ru.txt"].assert_eq(&demo);
            }
            _ => {
                expect_file!["golden/age-14.bill.en.txt"].assert_eq(&age);
                expect_file!["golden/demo.bill.en.txt"].assert_eq(&demo);
            }
        }
    }
}

/// The aggravating circumstance (kz.cc.itn-aggravating): a bill with one
/// addition, and the table naming the French and Swedish provisions by
/// title, their English notes marked in a Kazakh table.
#[test]
fn the_aggravating_circumstance_bill_and_table() {
    for lang in ["kk", "ru"] {
        let bill = zan(&["bill", "kz.cc.itn-aggravating", "--lang", lang]);
        let table =
            zan(&["table", "kz.cc.itn-aggravating", "--lang", lang, "--format", "markdown", "--compare"]);
        if lang == "kk" {
            expect_file!["golden/itn-aggravating.bill.kk.txt"].assert_eq(&bill);
            expect_file!["golden/itn-aggravating.table.kk.compare.md"].assert_eq(&table);
        } else {
            expect_file!["golden/itn-aggravating.bill.ru.txt"].assert_eq(&bill);
            expect_file!["golden/itn-aggravating.table.ru.compare.md"].assert_eq(&table);
        }
    }
}

#[test]
fn compare_view() {
    expect_file!["golden/compare.article-15.en.md"]
        .assert_eq(&zan(&["compare", "kz.cc", "article", "15", "--lang", "en", "--format", "markdown"]));
    expect_file!["golden/compare.article-205.kk.txt"]
        .assert_eq(&zan(&["compare", "kz.cc", "article", "205"]));
}

/// A workspace in a temporary directory.
fn workspace(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

const ACT: &str = "act t.a version 2024-01-01 {\n  languages en\n  article 1 {\n    en official \"A cat and a cat.\"\n  }\n}\n";

/// The same diagnostics, in the same form, as `zan check`.
#[test]
fn errors_block_every_command_with_file_line_col() {
    let amendment = "amendment t.a.x {\n  target t.a version 2024-01-01\n  replace article 1 {\n    en \"cat\" -> \"dog\"\n  }\n}\n";
    let dir = workspace(&[("act.zan", ACT), ("x.zan", amendment)]);
    for args in [
        &["diff", "t.a.x"][..],
        &["table", "t.a.x", "--lang", "en"],
        &["bill", "t.a.x", "--lang", "en"],
        &["consolidate", "t.a.x"],
    ] {
        let out = zan_in(dir.path(), args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(out.stdout.is_empty());
        let stderr = String::from_utf8(out.stderr).unwrap();
        let expected = format!(
            "error[ambiguous-words]: «cat» occurs 2 times in the `en` text: say which with `occurrence`\n --> {}:4:8\n  |\n4 |     en \"cat\" -> \"dog\"\n  |        ^^^^^\n\n",
            dir.path().join("x.zan").display()
        );
        assert_eq!(stderr, expected, "{args:?}");
    }
    let out = zan_in(dir.path(), &["bill", "t.a.nope", "--lang", "en"]);
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error[unknown-id]: no act or amendment `t.a.nope` in the workspace\n"
    );
}

#[test]
fn every_renderer_escapes_text() {
    let act = "act t.a version 2024-01-01 {\n  languages en\n  article 1 {\n    en official \"x <script>alert(1)</script> a|b *c* _d_ \\[e\\] `f`\"\n  }\n}\n";
    let amendment = "amendment t.a.x {\n  target t.a version 2024-01-01\n  replace article 1 {\n    en \"a|b\" -> \"<b>|</b>\"\n    justification en summary \"why | <i>\" cite \"t\"\n  }\n}\n";
    let dir = workspace(&[("act.zan", act), ("x.zan", amendment)]);
    let run = |args: &[&str]| String::from_utf8(zan_in(dir.path(), args).stdout).unwrap();
    for html in [
        run(&["table", "t.a.x", "--lang", "en"]),
        run(&["diff", "t.a.x", "--format", "html"]),
        run(&["compare", "t.a", "article", "1", "--format", "html", "--lang", "en"]),
    ] {
        assert!(!html.contains("<script>") && !html.contains("<b>") && !html.contains("<i>"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{html}");
    }
    let md = run(&["table", "t.a.x", "--lang", "en", "--format", "markdown"]);
    let row = md.lines().find(|l| l.starts_with("| 1 |")).unwrap();
    assert_eq!(row.matches(" | ").count(), 4, "exactly five cells: {row}");
    assert!(row.contains(r"x \<script\>alert(1)\</script\> ~~a\|b~~ \*c\* \_d\_ \[e\] \`f\`"), "{row}");
    assert!(row.contains(r"why \| \<i\>"), "{row}");
    let md = run(&["diff", "t.a.x", "--format", "markdown"]);
    assert!(md.contains(r"~~a\|~~<strong>\<b\>\|\</</strong>b<strong>\></strong>"), "{md}");
    let md = run(&["compare", "t.a", "article", "1", "--format", "markdown", "--lang", "en"]);
    assert!(md.contains("\n\nArticle 1.\n\nx \\<script\\>alert(1)\\</script\\> a\\|b"), "{md}");
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=t", "-c", "user.email=t@example.invalid", "-c", "commit.gpgsign=false"])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn git_revisions_and_textconv() {
    let dir = workspace(&[("act.zan", ACT)]);
    let d = dir.path();
    git(d, &["init", "-q"]);
    git(d, &["add", "."]);
    git(d, &["commit", "-qm", "one"]);
    // The same text, reformatted and with a changed word: one unit changed.
    std::fs::write(
        d.join("act.zan"),
        "act t.a version 2024-01-01 {\n languages en\n article 1 {\n en official \"A dog and a cat.\"\n }\n article 2 {\n  en official \"New.\"\n }\n}\n",
    )
    .unwrap();
    let worktree = zan_in(d, &["diff", "--rev", "HEAD.."]);
    assert!(worktree.status.success(), "{}", String::from_utf8_lossy(&worktree.stderr));
    let expected = "t.a: Article 1\nArticle 1.\nA [-cat-]{+dog+} and a cat.\n\nt.a: Article 2\n{+Article 2.+}\n{+New.+}\n\n";
    assert_eq!(String::from_utf8(worktree.stdout).unwrap(), expected);
    git(d, &["commit", "-qam", "two"]);
    let revs = zan_in(d, &["diff", "--rev", "HEAD~1..HEAD"]);
    assert_eq!(String::from_utf8(revs.stdout).unwrap(), expected);
    // git's textconv driver: one `.gitattributes` line and one `git config`.
    std::fs::write(d.join(".gitattributes"), "*.zan diff=zan\n").unwrap();
    let textconv = format!("{} diff --textconv", env!("CARGO_BIN_EXE_zan"));
    git(d, &["config", "diff.zan.textconv", &textconv]);
    let out = Command::new("git")
        .current_dir(d)
        .args(["diff", "--no-color", "HEAD~1", "HEAD", "--", "act.zan"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let body: Vec<&str> = text.lines().skip_while(|l| !l.starts_with("@@")).skip(1).collect();
    assert_eq!(
        body,
        [
            "-t.a article 1 [en] A cat and a cat.",
            "+t.a article 1 [en] A dog and a cat.",
            "+t.a article 2 [en] New."
        ]
    );
}

/// Two proposals that change the same unit: `zan check` reports the
/// conflict on both, each proposal's own diff, table and bill still show it
/// alone, and consolidating both names the conflict.
#[test]
fn a_conflict_between_proposals_is_reported_on_both_and_blocks_neither() {
    let act = "act t.a version 2024-01-01 {\n  languages en\n  article 1 {\n    en official \"A cat sat.\"\n  }\n}\n";
    let a = "amendment t.a.x {\n  target t.a version 2024-01-01\n  status proposed\n  in-force 2025-01-01\n  replace article 1 {\n    en \"cat\" -> \"dog\"\n  }\n}\n";
    let b = "amendment t.a.y {\n  target t.a version 2024-01-01\n  status proposed\n  in-force 2025-01-01\n  replace article 1 {\n    en \"cat sat\" -> \"cow lay\"\n  }\n}\n";
    let dir = workspace(&[("act.zan", act), ("x.zan", a), ("y.zan", b)]);
    let out = crate::zan_command().arg("check").arg(dir.path()).env("NO_COLOR", "1").output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.matches("error[conflict]").count(), 2, "{stdout}");
    assert!(stdout.contains("conflicts with an operation of `t.a.y`\n"), "{stdout}");
    assert!(stdout.contains("conflicts with an operation of `t.a.x`\n"), "{stdout}");
    for id in ["t.a.x", "t.a.y"] {
        for args in [&["diff", id][..], &["table", id, "--lang", "en"], &["bill", id, "--lang", "en"]] {
            let out = zan_in(dir.path(), args);
            assert_eq!(out.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        }
    }
    let out = zan_in(dir.path(), &["consolidate", "t.a", "--as-of", "2025-01-01", "--include", "proposed"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with(
            "error[conflicting-amendments]: `t.a.x` and `t.a.y` come into force on the same day and both change `article 1`\n"
        ),
        "{stderr}"
    );
}

/// The README shows the flagship amendment's table and bill exactly as the
/// golden files (and so the commands) give them.
#[test]
fn readme_shows_the_flagship_outputs() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    for golden in ["age-14.table.kk.md", "age-14.table.ru.md", "age-14.bill.kk.txt", "age-14.bill.ru.txt"] {
        let text = std::fs::read_to_string(root.join("tests/golden").join(golden)).unwrap();
        assert!(readme.contains(&text), "README.md does not show tests/golden/{golden} as it is");
    }
}

/// `zan table` reads the workspace as `zan check` does: a broken file that
/// `zan.toml` ignores does not stop it, and a broken file that it does not
/// ignore does.
#[test]
fn engine_commands_skip_what_zan_toml_ignores() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let status = Command::new("cp").arg("-r").arg(corpus()).arg(dir.join("corpus")).status().unwrap();
    assert!(status.success());
    std::fs::create_dir(dir.join("drafts")).unwrap();
    std::fs::write(dir.join("drafts/half.zan"), "amendment x {\n  target\n").unwrap();
    let args = ["table", "kz.cc.age-14", "--lang", "ru", "--format", "markdown"];
    // A broken draft the table does not need is left out, with a warning…
    let broken = zan_in(dir, &args);
    assert_eq!(broken.status.code(), Some(0));
    let warning = String::from_utf8_lossy(&broken.stderr).into_owned();
    assert!(warning.contains("drafts/half.zan:1:13: a syntax error; the file is left out"), "{warning}");
    // …and one that zan.toml ignores is not read at all.
    std::fs::write(dir.join("zan.toml"), "ignore = [\"drafts/**\"]\n").unwrap();
    let out = zan_in(dir, &args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("half.zan"));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), zan(&args));
}

/// A justification written only in another language leaves the cell empty
/// and says so on stderr; English never stands in for Russian.
#[test]
fn a_missing_justification_is_an_empty_cell_and_a_warning() {
    let act = "act t.a version 2024-01-01 {\n  languages ru en\n  article 1 {\n    ru official \"старый текст\"\n    en official \"old text\"\n  }\n}\n";
    let amendment = "amendment t.a.x {\n  target t.a version 2024-01-01\n  replace article 1 {\n    ru \"старый\" -> \"новый\"\n    justification en summary \"why\" cite \"t\"\n  }\n}\n";
    let dir = workspace(&[("act.zan", act), ("x.zan", amendment)]);
    let out = zan_in(dir.path(), &["table", "t.a.x", "--lang", "ru", "--format", "markdown"]);
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "warning[missing-justification]: row 1 (Статья 1) has no justification in `ru`\n"
    );
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(
        md.contains("| 1 | Статья 1 | Статья 1.<br>~~старый~~ текст | Статья 1.<br>**новый** текст |  |\n"),
        "{md}"
    );
}

#[test]
fn a_bill_with_the_publications_of_the_act() {
    let ru = zan(&["bill", "kz.cc.age-14", "--lang", "ru", "--publications"]);
    assert!(
        ru.contains("\nСтатья 1. Внести в Уголовный кодекс Республики Казахстан от 3 июля 2014 года (Ведомости Парламента Республики Казахстан, 2014 г., № 13-I, 13-II, ст. 83) следующие изменение и дополнение:\n"),
        "{ru}"
    );
}

/// A part rewritten in Russian only is refused by every command, through
/// `zan check` for one amendment and through the engine for an act as of a
/// date, so no Kazakh bill or text shows an empty part 2.
#[test]
fn a_unit_written_in_one_language_blocks_every_command() {
    let act = "act t.a version 2024-01-01 {\n  languages kk ru\n  article 1 {\n    part 1 {\n      kk official \"бір\"\n      ru official \"один\"\n    }\n    part 2 {\n      kk official \"екі\"\n      ru official \"два\"\n    }\n  }\n}\n";
    let a = "amendment t.a.x {\n  target t.a version 2024-01-01\n  status adopted\n  in-force 2025-01-01\n  rewrite article 1 part 2 {\n    ru official \"2.\"\n  }\n}\n";
    let dir = workspace(&[("act.zan", act), ("x.zan", a)]);
    let expected = format!(
        "error[missing-language]: `article 1 part 2` as amended has no text in `kk`, a language of the act\n --> {}:5:3\n  |\n5 |   rewrite article 1 part 2 {{\n  |   ^^^^^^^^^^^^^^^^^^^^^^^^^^\n\n",
        dir.path().join("x.zan").display()
    );
    for args in [
        &["diff", "t.a.x"][..],
        &["table", "t.a.x", "--lang", "kk"],
        &["bill", "t.a.x", "--lang", "kk"],
        &["consolidate", "t.a.x"],
        &["consolidate", "t.a", "--as-of", "2025-01-01", "--format", "text", "--lang", "kk"],
    ] {
        let out = zan_in(dir.path(), args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert_eq!(String::from_utf8(out.stderr).unwrap(), expected, "{args:?}");
    }
}

/// A reference left pointing at a repealed unit is reported once per
/// language, with its file:line:col, language and words.
#[test]
fn stale_references_name_their_place_and_language() {
    let act = "act t.a version 2024-01-01 {\n  languages kk ru\n  article 1 {\n    kk official \"[2-бапта](article 2) көзделген.\"\n    ru official \"Предусмотренные [статьей 2](article 2).\"\n  }\n  article 2 {\n    kk official \"Екі.\"\n    ru official \"Два.\"\n  }\n}\n";
    let a =
        "amendment t.a.x {\n  target t.a version 2024-01-01\n  in-force 2025-01-01\n  repeal article 2\n}\n";
    let dir = workspace(&[("act.zan", act), ("x.zan", a)]);
    let out = zan_in(dir.path(), &["consolidate", "t.a.x", "--format", "text", "--lang", "kk"]);
    assert_eq!(out.status.code(), Some(0));
    let path = dir.path().join("act.zan");
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!(
            "warning[stale-reference]: {0}:4:28: t.a article 1 [kk] «2-бапта»: `article 2` points at `article 2`, which is repealed\nwarning[stale-reference]: {0}:5:46: t.a article 1 [ru] «статьей 2»: `article 2` points at `article 2`, which is repealed\n",
            path.display()
        )
    );
}

/// `--as-of` before the first version says so; an act's consolidation says
/// how many amendments in force it left out for their status.
#[test]
fn consolidation_says_what_it_did_not_apply() {
    let act = "act t.a version 2024-01-01 {\n  languages en\n  article 1 {\n    en official \"A cat sat.\"\n  }\n}\n";
    let a = "amendment t.a.x {\n  target t.a version 2024-01-01\n  status proposed\n  in-force 2025-01-01\n  replace article 1 {\n    en \"cat\" -> \"dog\"\n  }\n}\n";
    let b = "amendment t.a.y {\n  target t.a version 2024-01-01\n  status draft\n  in-force 2025-02-01\n  replace article 1 {\n    en \"sat\" -> \"lay\"\n  }\n}\n";
    let dir = workspace(&[("act.zan", act), ("x.zan", a), ("y.zan", b)]);
    let out = zan_in(dir.path(), &["consolidate", "t.a", "--as-of", "2023-12-31"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error[not-in-force]: no version of `t.a` is in force on 2023-12-31: its first version is of 2024-01-01\n"
    );
    let stderr = |args: &[&str]| {
        let out = zan_in(dir.path(), args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        String::from_utf8(out.stderr).unwrap()
    };
    assert_eq!(
        stderr(&["consolidate", "t.a"]),
        "note: 2 proposed or draft amendments of `t.a` in force by then not applied (see `--include`)\n"
    );
    assert_eq!(stderr(&["consolidate", "t.a", "--as-of", "2025-01-15", "--include", "proposed"]), "");
    assert_eq!(
        stderr(&["consolidate", "t.a", "--include", "proposed"]),
        "note: 1 draft amendment of `t.a` in force by then not applied (see `--include`)\n"
    );
    assert_eq!(stderr(&["consolidate", "t.a", "--include", "draft"]), "");
}

/// A renumbering with `update-references` itemises, in the bill and the
/// table, the citations whose words it rewrote (what the bill says, the
/// consolidated text does).
#[test]
fn a_renumbering_itemises_the_citations_it_rewords() {
    let act = "act t.a version 2024-01-01 {\n  title kk official \"Кодекс\"\n  title ru official \"Кодекс\"\n  languages kk ru\n  article 15 {\n    kk official \"Осы Кодекстің [209-2-бабында](article 209-2) көзделген әрекет.\"\n    ru official \"Деяние, предусмотренное [статьей 209-2](article 209-2) настоящего Кодекса.\"\n  }\n  article 209 {\n    kk official \"А.\"\n    ru official \"А.\"\n  }\n  article 209-2 {\n    kk official \"Б.\"\n    ru official \"Б.\"\n  }\n}\n";
    let amendment = "amendment t.a.x {\n  target t.a version 2024-01-01\n  renumber article 209-2 to 209-1 update-references {\n    justification kk official \"Нөмірлеу ретке келтіріледі.\"\n    justification ru official \"Нумерация упорядочивается.\"\n  }\n}\n";
    let dir = workspace(&[("act.zan", act), ("x.zan", amendment)]);
    let out = |args: &[&str]| String::from_utf8(zan_in(dir.path(), args).stdout).unwrap();
    let ru = out(&["bill", "t.a.x", "--lang", "ru"]);
    assert!(ru.contains("Статья 1. Внести в Кодекс следующие изменения:\n1) в статье 15 слова «статьей 209-2» заменить словами «статьей 209-1»;\n2) статью 209-2 считать статьей 209-1.\n"), "{ru}");
    let kk = out(&["bill", "t.a.x", "--lang", "kk"]);
    assert!(kk.contains("1) 15-баптағы «209-2-бабында» деген сөз «209-1-бабында» деген сөзбен ауыстырылсын;\n2) 209-2-бап 209-1-бап деп нөмірленсін.\n"), "{kk}");
    let table = out(&["table", "t.a.x", "--lang", "ru", "--format", "markdown"]);
    assert!(table.contains("| 1 | Статья 15 | Статья 15.<br>Деяние, предусмотренное ~~статьей 209-2~~ настоящего Кодекса. | Статья 15.<br>Деяние, предусмотренное **статьей 209-1** настоящего Кодекса. | Нумерация упорядочивается. |\n| 2 | Статья 209-2 |"), "{table}");
    let consolidated = out(&["consolidate", "t.a.x", "--format", "text", "--lang", "ru"]);
    assert!(
        consolidated.contains("Деяние, предусмотренное статьей 209-1 настоящего Кодекса."),
        "{consolidated}"
    );
}

/// `target ACT as-of DATE`: a later amendment changes what an earlier
/// adopted one added, without a consolidated copy saved by hand; before the
/// earlier one is in force, the unit does not exist yet.
#[test]
fn an_amendment_targets_the_act_as_of_a_date() {
    let act =
        "act t.a version 2024-01-01 {\n  languages en\n  article 1 {\n    en official \"One.\"\n  }\n}\n";
    let first = "amendment t.a.first {\n  target t.a version 2024-01-01\n  status adopted\n  in-force 2025-01-01\n  add article 1-1 after article 1 {\n    en official \"Added first.\"\n  }\n}\n";
    let later = "amendment t.a.later {\n  target t.a as-of 2025-06-01\n  in-force 2026-01-01\n  replace article 1-1 {\n    en \"first\" -> \"by the first law\"\n  }\n}\n";
    let dir = workspace(&[("act.zan", act), ("first.zan", first), ("later.zan", later)]);
    let diff = zan_in(dir.path(), &["diff", "t.a.later", "--format", "unified"]);
    assert_eq!(
        String::from_utf8(diff.stdout).unwrap(),
        "--- a/Article 1-1\n+++ b/Article 1-1\n@@ -1,2 +1,2 @@\n Article 1-1.\n-Added first.\n+Added by the first law.\n"
    );
    let bill = String::from_utf8(zan_in(dir.path(), &["bill", "t.a.later", "--lang", "en"]).stdout).unwrap();
    assert!(bill.contains("1) in Article 1-1, for “first” substitute “by the first law”.\n"), "{bill}");
    let check = crate::zan_command().arg("check").arg(dir.path()).env("NO_COLOR", "1").output().unwrap();
    assert_eq!(check.status.code(), Some(0), "{}", String::from_utf8_lossy(&check.stdout));
    std::fs::write(dir.path().join("later.zan"), later.replace("as-of 2025-06-01", "as-of 2024-06-01"))
        .unwrap();
    let check = crate::zan_command().arg("check").arg(dir.path()).env("NO_COLOR", "1").output().unwrap();
    assert_eq!(check.status.code(), Some(1));
    let stdout = String::from_utf8(check.stdout).unwrap();
    assert!(
        stdout.starts_with(
            "error[unresolved-reference]: `article 1-1` does not exist in `t.a`; did you mean `article 1`?\n"
        ),
        "{stdout}"
    );
    assert!(stdout.contains("later.zan:4:11\n"), "{stdout}");
}

/// `compare` tells a unit's history in the language of the view.
#[test]
fn compare_shows_history() {
    let act = "act t.h version 2024-01-01 {\n  languages kk ru\n  article 1 {\n    kk official \"Мәтін.\"\n    ru official \"Текст.\"\n    history {\n      amended \"50-VII\" 2021-07-12\n      rewritten \"90-VII\" 2022-01-05 in-force 2022-03-01\n      ru official \"Сноска. Статья 1 с изменениями.\"\n    }\n  }\n}\n";
    let dir = workspace(&[("act.zan", act)]);
    let run = |args: &[&str]| String::from_utf8(zan_in(dir.path(), args).stdout).unwrap();
    assert_eq!(
        run(&["compare", "t.h", "article", "1", "--lang", "kk"]),
        "t.h: 1-бап\n  1-бап.\n  Мәтін.\n\nТарихы:\n  - Өзгеріс: 2021 жылғы 12 шілдедегі № 50-VII Заң\n  - Жаңа редакция: 2022 жылғы 5 қаңтардағы № 90-VII Заң, 2022 жылғы 1 наурыздан бастап қолданысқа енгізіледі\n"
    );
    assert_eq!(
        run(&["compare", "t.h", "article", "1", "--lang", "ru"]),
        "t.h: статья 1\n  Статья 1.\n  Текст.\n\nИстория:\n  - Изменение: Закон от 12 июля 2021 года № 50-VII\n  - Новая редакция: Закон от 5 января 2022 года № 90-VII, вводится в действие с 1 марта 2022 года\n"
    );
    assert_eq!(
        run(&["compare", "t.h", "article", "1", "--lang", "en", "--format", "markdown"]),
        "# t.h: Article 1\n\nArticle 1.\n\n## History\n\n- Amended: law No. 50-VII of 12 July 2021\n- Rewritten: law No. 90-VII of 5 January 2022, in force on 1 March 2022\n\n| Jurisdiction | Provision | Relation | Text |\n|---|---|---|---|\n"
    );
}
