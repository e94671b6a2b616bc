//! `zan import act`: official texts in kk and ru into `.zan`, with the
//! fixtures of tests/import/ (written for zan in the official layout).

use std::path::Path;
use std::process::Output;

fn zan(args: &[&str], dir: &Path) -> Output {
    crate::zan_command().args(args).current_dir(dir).output().unwrap()
}

fn fixtures() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/import")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const SAMPLE: &[&str] = &[
    "import",
    "act",
    "act-kk.txt",
    "act-ru.txt",
    "--lang",
    "kk,ru",
    "--id",
    "kz.sample",
    "--version",
    "2022-03-01",
    "--retrieved",
    "2024-05-01",
];

#[test]
fn act_in_two_languages_is_the_golden_act() {
    let out = zan(SAMPLE, &fixtures());
    assert_eq!(
        stderr(&out),
        "act-kk.txt:40: warning[import-numbering-gap]: article 5 follows article 3 (at act-kk.txt:31): no article 4\n\
         act-kk.txt:44: warning[import-one-language]: article 6 is in kk only, not in ru (chapter 2 is at act-ru.txt:29)\n\
         act-ru.txt:40: warning[import-numbering-gap]: article 5 follows article 3 (at act-ru.txt:31): no article 4\n"
    );
    assert_eq!(out.status.code(), Some(0));
    let golden = std::fs::read_to_string(fixtures().join("act.zan")).unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), golden);
    // Importing the same texts again gives the same bytes.
    assert_eq!(zan(SAMPLE, &fixtures()).stdout, golden.as_bytes());
}

#[test]
fn imported_act_formats_checks_and_consolidates_to_its_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut args: Vec<String> = SAMPLE.iter().map(|s| s.to_string()).collect();
    for f in [2, 3] {
        args[f] = fixtures().join(&args[f]).display().to_string();
    }
    args.extend(["-o".into(), "act.zan".into()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    assert_eq!(zan(&args, dir.path()).status.code(), Some(0));
    assert_eq!(zan(&["fmt", "--check", "."], dir.path()).status.code(), Some(0));
    let check = zan(&["check", "."], dir.path());
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    // The warnings are the source's own: citations of another act, and the
    // article in one language only.
    let text = String::from_utf8_lossy(&check.stdout).into_owned() + &stderr(&check);
    assert!(text.contains("errors: 0, warnings: 4"), "{text}");
    for lang in ["kk", "ru"] {
        let out = zan(&["consolidate", "kz.sample", "--format", "text", "--lang", lang], dir.path());
        let golden =
            std::fs::read_to_string(fixtures().join(format!("act-{lang}.consolidated.txt"))).unwrap();
        assert_eq!(String::from_utf8(out.stdout).unwrap(), golden, "{lang}");
    }
}

#[test]
fn cp1251_and_utf16_inputs_are_converted_and_said() {
    let dir = tempfile::tempdir().unwrap();
    let ru = std::fs::read_to_string(fixtures().join("act-ru.txt")).unwrap();
    let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode(&ru);
    std::fs::write(dir.path().join("ru-1251.txt"), &cp1251).unwrap();
    let utf16: Vec<u8> =
        [0xFF, 0xFE].into_iter().chain(ru.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    std::fs::write(dir.path().join("ru-16.txt"), &utf16).unwrap();
    let utf8 = zan(
        &[
            "import",
            "act",
            &fixtures().join("act-ru.txt").display().to_string(),
            "--lang",
            "ru",
            "--id",
            "kz.sample",
            "--source",
            "s",
            "--retrieved",
            "2024-05-01",
        ],
        dir.path(),
    );
    for (file, said) in [("ru-1251.txt", "windows-1251"), ("ru-16.txt", "UTF-16LE")] {
        let out = zan(
            &[
                "import",
                "act",
                file,
                "--lang",
                "ru",
                "--id",
                "kz.sample",
                "--source",
                "s",
                "--retrieved",
                "2024-05-01",
            ],
            dir.path(),
        );
        assert_eq!(
            stderr(&out),
            format!(
                "note: {file}: read as {said}\n{file}:40: warning[import-numbering-gap]: article 5 follows article 3 (at {file}:31): no article 4\n"
            )
        );
        assert_eq!(out.stdout, utf8.stdout);
    }
}

#[test]
fn html_and_docx_inputs() {
    let out = zan(
        &["import", "act", "act-ru.html", "--lang", "ru", "--id", "kz.law", "--retrieved", "2024-05-01"],
        &fixtures(),
    );
    assert_eq!(stderr(&out), "note: act-ru.html: read as HTML\n");
    assert_eq!(
        String::from_utf8(out.stdout.clone()).unwrap(),
        r#"act kz.law {
  languages ru
  title ru official "ОБРАЗЦОВЫЙ ЗАКОН"
  source "act-ru.html (retrieved 2024-05-01)"
  article 1 {
    title ru official "Предмет"
    part 1 {
      ru official "Настоящий Закон применяется к «учебным» текстам."
    }
    part 2 {
      ru official "Положения [части первой настоящей статьи](part 1) – общие."
    }
  }
}
"#
    );
    let dir = tempfile::tempdir().unwrap();
    let mut docx = docx_rs::Docx::new();
    for p in [
        "ОБРАЗЦОВЫЙ ЗАКОН",
        "Статья 1. Предмет",
        "1. Настоящий Закон применяется к «учебным» текстам.",
        "2. Положения части первой настоящей статьи – общие.",
    ] {
        docx = docx.add_paragraph(docx_rs::Paragraph::new().add_run(docx_rs::Run::new().add_text(p)));
    }
    let file = std::fs::File::create(dir.path().join("act.docx")).unwrap();
    docx.build().pack(file).unwrap();
    let from_docx = zan(
        &[
            "import",
            "act",
            "act.docx",
            "--lang",
            "ru",
            "--id",
            "kz.law",
            "--source",
            "act-ru.html",
            "--retrieved",
            "2024-05-01",
        ],
        dir.path(),
    );
    assert_eq!(stderr(&from_docx), "note: act.docx: read as DOCX\n");
    assert_eq!(from_docx.stdout, out.stdout);
}

#[test]
fn bad_input_is_kept_as_comments_and_exits_1() {
    let out = zan(
        &["import", "act", "bad-ru.txt", "--lang", "ru", "--id", "kz.bad", "--retrieved", "2024-05-01"],
        &fixtures(),
    );
    assert_eq!(
        stderr(&out),
        "bad-ru.txt:3: warning[import-unrecognised]: line not recognised (text before the first unit that is neither the title nor the act's date and number); kept as a comment
bad-ru.txt:9: warning[import-duplicate]: article 1 again (first at bad-ru.txt:5); this one is kept as comments
bad-ru.txt:13: warning[import-empty]: article 2 has a heading and no text (a truncated copy?)
bad-ru.txt:17: warning[import-unrecognised]: line not recognised (text outside an article); kept as a comment
error: 3 lines not imported as units, kept as comments
"
    );
    assert_eq!(out.status.code(), Some(1));
    let zan_text = String::from_utf8(out.stdout).unwrap();
    for kept in [
        "# import-unrecognised bad-ru.txt:3: Оглавление",
        "# import-duplicate bad-ru.txt:9: Статья 1. Первая еще раз",
        "# import-duplicate bad-ru.txt:11: Текст, который повторяет номер.",
        "# import-unrecognised bad-ru.txt:17: Текст в главе без статьи.",
    ] {
        assert!(zan_text.contains(kept), "{kept} in\n{zan_text}");
    }
}

#[test]
fn bad_options_are_refused() {
    let out = zan(&["import", "act", "act-ru.txt", "--lang", "ru", "--id", "Sample"], &fixtures());
    assert_eq!(
        stderr(&out),
        "error: `Sample` is not an act id (lower-case words joined by dots, such as `kz.cc`)\n"
    );
    assert_eq!(out.status.code(), Some(2));
    let out =
        zan(&["import", "act", "act-ru.txt", "act-kk.txt", "--lang", "ru", "--id", "kz.x"], &fixtures());
    assert_eq!(stderr(&out), "error: 2 files and 1 languages: give one `--lang` per file, in order\n");
    let out = zan(&["import", "act", "missing.txt", "--lang", "ru", "--id", "kz.x"], &fixtures());
    assert!(stderr(&out).starts_with("error: missing.txt: cannot read: "), "{}", stderr(&out));
}

/// The Kazakh counterpart of bad-ru.txt: the same faults, reported at their
/// lines in the same words, kept as comments, exit 1 with the count.
#[test]
fn bad_kazakh_input_is_kept_as_comments_and_exits_1() {
    let out = zan(
        &["import", "act", "bad-kk.txt", "--lang", "kk", "--id", "kz.bad", "--retrieved", "2024-05-01"],
        &fixtures(),
    );
    assert_eq!(
        stderr(&out),
        "bad-kk.txt:3: warning[import-unrecognised]: line not recognised (text before the first unit that is neither the title nor the act's date and number); kept as a comment
bad-kk.txt:9: warning[import-duplicate]: article 1 again (first at bad-kk.txt:5); this one is kept as comments
bad-kk.txt:13: warning[import-empty]: article 2 has a heading and no text (a truncated copy?)
bad-kk.txt:17: warning[import-unrecognised]: line not recognised (text outside an article); kept as a comment
error: 3 lines not imported as units, kept as comments
"
    );
    assert_eq!(out.status.code(), Some(1));
    let zan_text = String::from_utf8(out.stdout).unwrap();
    for kept in [
        "  # import-unrecognised bad-kk.txt:3: Мазмұны\n  article 1 {",
        "  # import-duplicate bad-kk.txt:9: 1-бап. Тағы бірінші\n  # import-duplicate bad-kk.txt:11: Нөмірді қайталайтын мәтін.\n  article 2 {",
        "    # import-unrecognised bad-kk.txt:17: Тараудағы баптан тыс мәтін.\n    article 3 {",
    ] {
        assert!(zan_text.contains(kept), "{kept} in\n{zan_text}");
    }
}

/// tests/import/act-kk.docx, written by tests/import/make-docx.py from
/// act-kk.txt (one paragraph per line), imports to the same bytes.
#[test]
fn committed_docx_imports_as_its_text() {
    let args = |f: &'static str| {
        ["import", "act", f, "--lang", "kk", "--id", "kz.law", "--retrieved", "2024-05-01", "--source", "s"]
    };
    let docx = zan(&args("act-kk.docx"), &fixtures());
    let text = zan(&args("act-kk.txt"), &fixtures());
    assert!(stderr(&docx).starts_with("note: act-kk.docx: read as DOCX\n"), "{}", stderr(&docx));
    assert_eq!(docx.status.code(), text.status.code());
    assert!(!text.stdout.is_empty());
    assert_eq!(String::from_utf8(docx.stdout).unwrap(), String::from_utf8(text.stdout).unwrap());
}

/// act-ru-1251.html is act-ru.html saved in windows-1251 with its meta
/// charset: the same act, the encoding said.
#[test]
fn html_in_cp1251_is_read_by_its_meta_charset() {
    let args = |f: &'static str| {
        ["import", "act", f, "--lang", "ru", "--id", "kz.law", "--retrieved", "2024-05-01", "--source", "s"]
    };
    let cp = zan(&args("act-ru-1251.html"), &fixtures());
    let utf8 = zan(&args("act-ru.html"), &fixtures());
    assert_eq!(stderr(&cp), "note: act-ru-1251.html: read as HTML in windows-1251\n");
    assert_eq!(cp.status.code(), Some(0));
    assert_eq!(String::from_utf8(cp.stdout).unwrap(), String::from_utf8(utf8.stdout).unwrap());
}

/// Every unit of an act as `kind number` paths, in order, with the
/// fidelity and source of its kk and ru texts: what an import must give back.
fn units(act: &zan::model::Act) -> Vec<String> {
    fn go(units: &[zan::model::Unit], at: &str, out: &mut Vec<String>) {
        for u in units {
            let here = match &u.number {
                Some(n) => format!("{at} {} {}", u.kind.keyword(), n.text),
                None => format!("{at} {}", u.kind.keyword()),
            };
            let marks: Vec<String> = (u.content.titles.iter().chain(&u.content.texts))
                .filter(|t| t.lang != "en")
                .map(|t| format!("{} {:?} {:?}", t.lang, t.fidelity, t.cite))
                .collect();
            out.push(format!("{here}: {}", marks.join(", ")));
            go(&u.content.children, &here, out);
        }
    }
    let mut out = Vec::new();
    go(&act.units, "", &mut out);
    out
}

/// The generator's act printed by `zan consolidate --format text` in kk and
/// ru (subpoints lettered «а)», summaries marked «[n]» and footnoted)
/// imports with no finding to the same units, its summaries still
/// summaries of the same sources, and prints back to the same texts.
#[test]
fn generated_act_round_trips_through_its_consolidated_text() {
    use super::gen_corpus::generator::{Config, generate};
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    generate(&Config::new(120, 1, 0, 3), |path, text| {
        let p = ws.join(path);
        std::fs::create_dir_all(p.parent().unwrap())?;
        std::fs::write(p, text)
    })
    .unwrap();
    let consolidated = |dir: &Path, format: &str, lang: &str| {
        let out = zan(&["consolidate", "kz.act1", "--format", format, "--lang", lang], dir);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        String::from_utf8(out.stdout).unwrap()
    };
    for lang in ["kk", "ru"] {
        std::fs::write(dir.path().join(format!("{lang}.txt")), consolidated(&ws, "text", lang)).unwrap();
    }
    let text = std::fs::read_to_string(dir.path().join("kk.txt")).unwrap();
    assert!(text.contains("\nа) ") && text.contains("\nә) ") && text.contains("\n______\n"), "{text}");
    let imported = dir.path().join("imported");
    std::fs::create_dir(&imported).unwrap();
    let args =
        ["import", "act", "kk.txt", "ru.txt", "--lang", "kk,ru", "--id", "kz.act1", "-o", "imported/act.zan"];
    let out = zan(&args, dir.path());
    assert_eq!(stderr(&out), "");
    assert_eq!(out.status.code(), Some(0));
    let act = |dir: &Path| {
        let doc = zan::document::Document::parse(consolidated(dir, "zan", "kk"));
        units(&doc.model.acts[0])
    };
    assert_eq!(act(&imported), act(&ws));
    for lang in ["kk", "ru"] {
        let text = std::fs::read_to_string(dir.path().join(format!("{lang}.txt"))).unwrap();
        assert_eq!(consolidated(&imported, "text", lang), text, "{lang}");
    }
}
