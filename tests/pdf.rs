//! `zan table` and `zan bill` with `--format pdf`: typst in-process lays
//! them out with Libertinus Serif embedded. The text poppler's `pdftotext`
//! extracts is the law's word for word (Kazakh and Russian, and characters
//! typst markup would read as commands); the header row is repeated on a
//! table's later pages; the same input gives the same bytes; a PDF is never
//! printed to a terminal.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn zan(dir: &Path, args: &[&str]) -> Output {
    crate::zan_command().args(args).current_dir(dir).env("NO_COLOR", "1").env("LANG", "C").output().unwrap()
}

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

#[cfg(feature = "pdf")]
fn workspace(files: &[(&str, String)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

/// The PDF `zan` writes with `args` and `-o`, after checking it succeeded.
#[cfg(feature = "pdf")]
fn pdf(dir: &Path, args: &[&str]) -> Vec<u8> {
    let out_file = dir.join("out.pdf");
    let mut all = args.to_vec();
    all.extend(["--format", "pdf", "-o", out_file.to_str().unwrap()]);
    let out = zan(dir, &all);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    let bytes = std::fs::read(&out_file).unwrap();
    assert!(bytes.starts_with(b"%PDF-"), "{args:?}");
    bytes
}

/// The text of `pages` (first, last) of a PDF as `pdftotext` reads it, lines
/// joined with spaces (a line ending in a hyphen it joins to the next, so
/// the phrases checked stay within a line); `None` (and a note) when poppler is not installed:
/// tests/pdf-poppler.sh installs it and checks the corpus again.
#[cfg(feature = "pdf")]
fn pdftotext(bytes: &[u8], pages: Option<(u32, u32)>) -> Option<String> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("x.pdf");
    std::fs::write(&file, bytes).unwrap();
    let mut cmd = Command::new("pdftotext");
    if let Some((first, last)) = pages {
        cmd.args(["-f", &first.to_string(), "-l", &last.to_string()]);
    }
    let out = match cmd.arg(&file).arg("-").output() {
        Ok(out) => out,
        Err(_) => {
            eprintln!("note: pdftotext (poppler-utils) is not installed; the PDF's text is not checked here");
            return None;
        }
    };
    assert!(out.status.success(), "pdftotext: {}", String::from_utf8_lossy(&out.stderr));
    Some(String::from_utf8(out.stdout).unwrap().split_whitespace().collect::<Vec<_>>().join(" "))
}

#[cfg(feature = "pdf")]
fn assert_has(text: &str, words: &[&str]) {
    let missing: Vec<&&str> = words.iter().filter(|w| !text.contains(**w)).collect();
    assert!(missing.is_empty(), "missing {missing:?} in:\n{text}");
}

#[cfg(feature = "pdf")]
#[test]
fn the_corpus_table_and_bill_in_kazakh_and_russian_carry_their_words() {
    let dir = tempfile::tempdir().unwrap();
    let ws = corpus();
    let ws = ws.to_str().unwrap();
    let cases: [(&str, &str, &[&str]); 4] = [
        (
            "table",
            "kk",
            &[
                "Құрылымдық элемент",
                "Қолданыстағы редакция",
                "Ұсынылып отырған редакция",
                "Негіздеме",
                "2014 жылғы 3 шілдедегі Қазақстан Республикасының Қылмыстық кодексі",
                "15-баптың 2-1-бөлігі",
                "Жоқ.",
                "бірінші немесе екінші бөлігінде",
                "3. Осы баптың бірінші, екінші немесе",
                "Ілеспе өзгеріс: психикалық дамуы",
                "[1] Ресми мәтін емес, мазмұндама:",
            ],
        ),
        (
            "table",
            "ru",
            &[
                "Действующая редакция",
                "Предлагаемая редакция",
                "Обоснование",
                "части первой или второй",
                "части первой, второй или 2-1",
                "четырнадцатилетнего возраста",
            ],
        ),
        (
            "bill",
            "kk",
            &["ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ ЗАҢЫ", "1-бап.", "мынадай мазмұндағы 2-1-бөлікпен толықтырылсын:"],
        ),
        (
            "bill",
            "ru",
            &[
                "ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН",
                "Статья 1. Внести в Уголовный кодекс Республики Казахстан от 3 июля 2014 года",
                "дополнить частью 2-1 следующего содержания:",
                "в части третьей слова «части первой или второй» заменить словами «части первой, второй или 2-1» [2].",
                "Президент Республики Казахстан",
                "[1] Пересказ, не официальный текст:",
            ],
        ),
    ];
    for (what, lang, words) in cases {
        let bytes = pdf(dir.path(), &[what, "kz.cc.age-14", "--lang", lang, "--workspace", ws]);
        if let Some(text) = pdftotext(&bytes, None) {
            assert_has(&text, words);
        }
    }
}

/// Characters typst markup reads as commands (#, $, *, _, @, <, \, `, ~,
/// quotes) are printed as written, in the table and in the bill.
#[cfg(feature = "pdf")]
#[test]
fn law_text_with_typst_markup_characters_comes_out_verbatim() {
    let wording = r#"A #cat $5 *b* _i_ @ref <tag> «q» \\ `c` ~ 'x' \"y\" end."#;
    let printed = r#"A #dog $5 *b* _i_ @ref <tag> «q» \ `c` ~ 'x' "y" end."#;
    let act = format!(
        "act t.a version 2024-01-01 {{\n  languages en\n  article 1 {{\n    en official \"{wording}\"\n  }}\n}}\n"
    );
    let amendment = "amendment t.a.x {\n  target t.a version 2024-01-01\n  replace article 1 {\n    en \"#cat\" -> \"#dog\"\n  }\n}\n";
    let dir = workspace(&[("act.zan", act), ("x.zan", amendment.to_string())]);
    let table = pdf(dir.path(), &["table", "t.a.x", "--lang", "en"]);
    if let Some(text) = pdftotext(&table, None) {
        assert_has(&text, &[printed, &printed.replace("#dog", "#cat")]);
    }
    let bill = pdf(dir.path(), &["bill", "t.a.x", "--lang", "en"]);
    if let Some(text) = pdftotext(&bill, None) {
        assert_has(&text, &["1) in Article 1, for “#cat” substitute “#dog”."]);
    }
}

/// A table of many rows runs over pages, each starting with the header row;
/// and the same input gives the same bytes (no date, no random id).
#[cfg(feature = "pdf")]
#[test]
fn a_long_table_repeats_its_header_and_the_same_input_gives_the_same_bytes() {
    let articles: String = (1..=40)
        .map(|n| {
            format!(
                "  article {n} {{\n    en official \"Article {n} speaks of a cat and of its owner.\"\n  }}\n"
            )
        })
        .collect();
    let act = format!("act t.a version 2024-01-01 {{\n  languages en\n{articles}}}\n");
    let ops: String =
        (1..=40).map(|n| format!("  replace article {n} {{\n    en \"cat\" -> \"dog\"\n  }}\n")).collect();
    let amendment = format!("amendment t.a.x {{\n  target t.a version 2024-01-01\n{ops}}}\n");
    let dir = workspace(&[("act.zan", act), ("x.zan", amendment)]);
    let first = pdf(dir.path(), &["table", "t.a.x", "--lang", "en"]);
    assert!(first == pdf(dir.path(), &["table", "t.a.x", "--lang", "en"]), "two runs, two PDFs");
    if let Some(page2) = pdftotext(&first, Some((2, 2))) {
        assert!(page2.starts_with("No. "), "{page2}");
        for heading in ["Structural unit", "Current wording", "Proposed wording", "Justification"] {
            assert_eq!(page2.matches(heading).count(), 1, "{heading}: {page2}");
        }
        assert_has(&page2, &["of a dog and of its owner."]);
    }
}

/// A PDF to a terminal is refused as a DOCX is (one rule, `cli::emit`).
#[cfg(feature = "pdf")]
#[test]
fn pdf_is_not_printed_to_a_terminal() {
    let dir = workspace(&[
        (
            "act.zan",
            "act t.a version 2024-01-01 {\n  languages en\n  article 1 {\n    en official \"A cat.\"\n  }\n}\n"
                .into(),
        ),
        (
            "x.zan",
            "amendment t.a.x {\n  target t.a version 2024-01-01\n  replace article 1 {\n    en \"cat\" -> \"dog\"\n  }\n}\n"
                .into(),
        ),
    ]);
    for what in ["table", "bill"] {
        let command = format!("{} {what} t.a.x --lang en --format pdf", env!("CARGO_BIN_EXE_zan"));
        let out = Command::new("script")
            .args(["-qec", &command, "/dev/null"])
            .current_dir(dir.path())
            .env("LANG", "C")
            .output()
            .expect("`script` (util-linux) runs zan with a terminal");
        assert_eq!(out.status.code(), Some(2), "{what}");
        assert_eq!(
            String::from_utf8_lossy(&out.stdout).replace('\r', ""),
            "error: a PDF file is not printed to a terminal: write it with -o FILE\n",
            "{what}"
        );
    }
}

/// Built without the `pdf` feature (as the fuzz targets are), `--format pdf`
/// is an error saying so: `cargo test --no-default-features --test it pdf`.
#[cfg(not(feature = "pdf"))]
#[test]
fn without_the_feature_pdf_is_an_error_that_says_so() {
    let out = zan(&corpus(), &["bill", "kz.cc.age-14", "--lang", "ru", "--format", "pdf", "-o", "/dev/null"]);
    assert_eq!(
        (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned()),
        (
            Some(1),
            "error: this build of zan has no PDF output: it was built without the `pdf` feature\n".into()
        )
    );
}

/// A character the embedded font lacks is an error naming it, never an
/// empty box or another font's glyph; nothing is written.
#[cfg(feature = "pdf")]
#[test]
fn a_character_the_font_lacks_is_an_error_naming_it() {
    let act = "act t.a version 2024-01-01 {\n  languages en\n  article 1 {\n    en official \"A cat 法.\"\n  }\n}\n";
    let amendment = "amendment t.a.x {\n  target t.a version 2024-01-01\n  replace article 1 {\n    en \"cat\" -> \"dog\"\n  }\n}\n";
    let dir = workspace(&[("act.zan", act.into()), ("x.zan", amendment.into())]);
    let out = zan(dir.path(), &["table", "t.a.x", "--lang", "en", "--format", "pdf", "-o", "t.pdf"]);
    assert_eq!(
        (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned()),
        (
            Some(1),
            "error: PDF: the font Libertinus Serif has no glyph for «法» (U+6CD5), used in the text\n".into()
        )
    );
    assert!(!dir.path().join("t.pdf").exists());
}
