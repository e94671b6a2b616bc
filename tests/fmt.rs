//! `zan fmt`: canonical, idempotent, meaning-preserving, atomic.

use std::path::Path;

use proptest::prelude::*;
use zan::document::Document;

fn format(text: &str) -> String {
    Document::parse(text.to_string()).formatted().expect("no syntax errors")
}

/// Formatting twice changes nothing more, and the model is the same.
fn assert_stable(name: &str, text: &str) {
    let before = Document::parse(text.to_string());
    let once =
        before.formatted().unwrap_or_else(|| panic!("{name}: syntax errors {:?}", before.model.diagnostics));
    let after = Document::parse(once.clone());
    assert_eq!(after.formatted().as_deref(), Some(once.as_str()), "{name}: not idempotent");
    assert_eq!(after.model.meaning(), before.model.meaning(), "{name}: meaning changed");
}

#[test]
fn canonical_layout() {
    let messy = "# head\n\n\nact a.b {   # why\n\tkind code\n\n\n\n  article 1 {kk summary \"Мәтін  екі бос орын\"   cite \"x\"} # after\n  article 2 {}\n  compare corresponds c.d@2020-01-01 article 5 ..7\n}\namendment a.b.c { repeal article 1 renumber article 2 to 3 update-references { justification en summary \"j\" cite \"c\" } }\n";
    let expected = "# head\n\nact a.b {\n  # why\n  kind code\n\n  article 1 {\n    kk summary \"Мәтін  екі бос орын\" cite \"x\"\n  } # after\n  article 2 {}\n  compare corresponds c.d@2020-01-01 article 5..7\n}\namendment a.b.c {\n  repeal article 1\n  renumber article 2 to 3 update-references {\n    justification en summary \"j\" cite \"c\"\n  }\n}\n";
    assert_eq!(format(messy), expected);
    assert_stable("messy", messy);
}

#[test]
fn comment_inside_a_statement_keeps_the_rest_of_the_statement() {
    let text = "act a.b {\n  compare corresponds # a note\n    c.d article 1\n}\n";
    assert_eq!(format(text), text);
    assert_stable("comment", text);
}

#[test]
fn crlf_input_is_normalised_without_touching_text() {
    let text = "act a.b {\r\n  article 1 {\r\n    kk summary \"ә\" cite \"x\"\r\n  }\r\n}\r\n";
    assert_eq!(format(text), text.replace("\r\n", "\n"));
}

/// Every .zan file shipped in the repository.
#[test]
fn stable_on_every_shipped_file() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = zan::workspace::discover(&[root.join("corpus"), root.join("tests/fixtures")]);
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let doc = Document::parse(text.clone());
        if doc.model.diagnostics.iter().any(|d| d.code() == "syntax-error") {
            continue; // fixtures of syntax errors
        }
        assert_stable(&path.display().to_string(), &text);
    }
}

/// Every example in docs/language.md parses cleanly (fragments inside an act,
/// an article or an amendment) and is stable under formatting.
#[test]
fn language_reference_examples() {
    let doc = include_str!("../docs/language.md");
    let mut count = 0;
    for block in doc.split("```zan\n").skip(1) {
        let code = block.split("```").next().unwrap();
        let candidates = [
            code.to_string(),
            format!("act x.y {{\n{code}}}\n"),
            format!("act x.y {{\narticle 1 {{\n{code}}}\n}}\n"),
            format!("amendment x.y.z {{\n{code}}}\n"),
        ];
        let clean = candidates
            .iter()
            .find(|c| {
                !Document::parse(c.to_string()).model.diagnostics.iter().any(|d| d.code() == "syntax-error")
            })
            .unwrap_or_else(|| panic!("example does not parse:\n{code}"));
        assert_stable("docs/language.md", clean);
        count += 1;
    }
    assert!(count >= 6, "{count} examples");
}

// ---- generated inputs ----

const WORDS: &[&str] =
    &["бап", "жасқа", "толған", "статья", "лет", "第二百", "Straße", "🙂", "\\\"", "\\[1\\]", "a"];
const KINDS: &[&str] = &["chapter", "article", "part", "point", "subpoint", "indent", "note"];

/// Renders a random act with random whitespace and comments between tokens.
fn render(shape: &[u8], ws: &[u8]) -> String {
    let mut w = ws.iter().cycle();
    let mut sep = move || match w.next().unwrap() % 7 {
        0 => "\n".to_string(),
        1 => "  ".to_string(),
        2 => "\n\n\n".to_string(),
        3 => " # комментарий\n".to_string(),
        4 => "\t".to_string(),
        5 => "\r\n".to_string(),
        _ => " ".to_string(),
    };
    let mut out = format!("act a.b{}{{", sep());
    let mut depth = 0;
    for (i, &b) in shape.iter().enumerate() {
        match b % 5 {
            0 | 1 if depth < 4 => {
                out += &format!("{}{}{}{}{}{{", sep(), KINDS[b as usize % KINDS.len()], sep(), i, sep());
                depth += 1;
            }
            2 if depth > 0 => {
                let words: Vec<&str> =
                    (0..(b % 4 + 1)).map(|k| WORDS[(b as usize + k as usize) % WORDS.len()]).collect();
                out += &format!(
                    "{}kk{}summary{}\"{}\"{}cite{}\"S1\"",
                    sep(),
                    sep(),
                    sep(),
                    words.join(" "),
                    sep(),
                    sep()
                );
            }
            3 => {
                out += &format!("{}compare{}stricter{}c.d{}article{}{}", sep(), sep(), sep(), sep(), sep(), i)
            }
            _ if depth > 0 => {
                out += &format!("{}}}", sep());
                depth -= 1;
            }
            _ => {}
        }
    }
    for _ in 0..depth {
        out += &format!("{}}}", sep());
    }
    out + &sep() + "}\n"
}

proptest! {
    #[test]
    fn stable_on_generated_inputs(shape in prop::collection::vec(any::<u8>(), 0..40), ws in prop::collection::vec(any::<u8>(), 1..20)) {
        let text = render(&shape, &ws);
        let doc = Document::parse(text.clone());
        prop_assert!(doc.model.diagnostics.iter().all(|d| d.code() != "syntax-error"), "{text}\n{:?}", doc.model.diagnostics);
        assert_stable(&text, &text);
    }
}

// ---- the command ----

fn zan(args: &[&str], dir: &Path) -> std::process::Output {
    crate::zan_command().args(args).current_dir(dir).env("NO_COLOR", "1").output().unwrap()
}

#[test]
fn check_mode_lists_files_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ugly.zan"), "act a.b {kind code}\n").unwrap();
    std::fs::write(dir.path().join("fine.zan"), "act a.b {\n  kind code\n}\n").unwrap();
    let out = zan(&["fmt", "--check", "."], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "./ugly.zan\n");
    assert_eq!(std::fs::read_to_string(dir.path().join("ugly.zan")).unwrap(), "act a.b {kind code}\n");

    let out = zan(&["fmt", "."], dir.path());
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(dir.path().join("ugly.zan")).unwrap(), "act a.b {\n  kind code\n}\n");
    assert_eq!(zan(&["fmt", "--check", "."], dir.path()).status.code(), Some(0));
}

#[test]
fn syntax_errors_leave_the_file_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let broken = "act a.b {\n  article 1 { kk official \"бұзылған }\n}\n";
    std::fs::write(dir.path().join("broken.zan"), broken).unwrap();
    let out = zan(&["fmt", "broken.zan"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(dir.path().join("broken.zan")).unwrap(), broken);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("error[syntax-error]: syntax error: missing `\"`\n --> broken.zan:2:38\n"),
        "{stderr}"
    );
}

/// Found by the `fmt` fuzz target: a bill's `amends` ids moved by
/// reformatting counted as a change of meaning (their spans were kept).
#[test]
fn reformatting_a_bill_keeps_its_meaning() {
    let text = "# A law.\nbill kz.bill.multiact-test {\n #title kk summary026-01-01\n  amends kz.cpc.multiact-test kz.cc.multiact-test\n}\n";
    let doc = zan::document::Document::parse(text.to_string());
    let once = doc.formatted().expect("formats");
    let again = zan::document::Document::parse(once.clone());
    assert_eq!(again.model.meaning(), doc.model.meaning());
    assert_eq!(again.formatted().as_deref(), Some(once.as_str()));
}
