//! `zan derive` on hand-written edits of the corpus (Article 15 and Chapter
//! 7, the flagship change included): the derived amendment, its bill in kk
//! and ru and its table, against golden files in tests/golden/derive/
//! (regenerate with `UPDATE_EXPECT=1 cargo test --test it derive_cli::`
//! and read the diff); updating an amendment in place; and bad input, each
//! a clear error with its place and nothing written.

use std::path::{Path, PathBuf};
use std::process::Output;

use expect_test::expect_file;

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

fn zan(dir: &Path, args: &[&str]) -> Output {
    crate::zan_command().args(args).current_dir(dir).env("NO_COLOR", "1").env("LANG", "C").output().unwrap()
}

fn stdout(out: &Output) -> String {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let path = entry.path();
        if path.is_dir() {
            copy(&path, &to.join(entry.file_name()));
        } else {
            std::fs::copy(&path, to.join(entry.file_name())).unwrap();
        }
    }
}

/// A copy of the corpus as workspace `ws/`, and `drafts/` beside it.
struct Bench {
    _dir: tempfile::TempDir,
    ws: PathBuf,
    drafts: PathBuf,
}

fn bench() -> Bench {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    copy(&corpus(), &ws);
    let drafts = dir.path().join("drafts");
    std::fs::create_dir_all(&drafts).unwrap();
    Bench { _dir: dir, ws, drafts }
}

impl Bench {
    /// The base version as `zan consolidate` prints it, with each `(old,
    /// new)` edit made once (each `old` must occur exactly once).
    fn edited(&self, name: &str, edits: &[(&str, &str)]) -> PathBuf {
        let mut text = stdout(&zan(&self.ws, &["consolidate", "kz.cc", "--as-of", "2024-01-01"]));
        for (old, new) in edits {
            assert_eq!(text.matches(old).count(), 1, "{old}");
            text = text.replace(old, new);
        }
        let path = self.drafts.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    fn derive(&self, edited: &Path, id: &str, out: &str) -> Output {
        let out = self.ws.join(out);
        zan(&self.ws, &["derive", edited.to_str().unwrap(), "--id", id, "-o", out.to_str().unwrap()])
    }

    fn read(&self, path: &str) -> String {
        std::fs::read_to_string(self.ws.join(path)).unwrap()
    }
}

const ARTICLE_15: &[(&str, &str)] = &[
    // Part 1: the age, in every language.
    ("он алты жасқа толған есі дұрыс", "он төрт жасқа толған есі дұрыс"),
    (
        "совершения уголовного правонарушения шестнадцатилетнего",
        "совершения уголовного правонарушения четырнадцатилетнего",
    ),
    (
        "reached the age of sixteen by the time the criminal",
        "reached the age of fourteen by the time the criminal",
    ),
    // Part 2: a word inserted.
    ("осы бөлікте тізбеленген қылмыстар", "осы бөлікте тізбеленген ауыр қылмыстар"),
    (
        "за преступления, перечисленные в настоящей части",
        "за тяжкие преступления, перечисленные в настоящей части",
    ),
    ("for the crimes listed in this part", "for the grave crimes listed in this part"),
    // Part 3: words deleted.
    ("әрекетінің (әрекетсіздігінің) нақты", "әрекетінің нақты"),
    ("своих действий (бездействия) либо", "своих действий либо"),
    ("his or her acts (or omissions) or control", "his or her acts or control"),
];

#[test]
fn article_15_words() {
    let b = bench();
    let edited = b.edited("article-15.zan", ARTICLE_15);
    let out = b.derive(&edited, "kz.cc.derived-15", "amendments/derived-15.zan");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "derived 3 operations of `kz.cc.derived-15` on kz.cc version 2024-01-01: applied to it, they give {} exactly\n",
            edited.display()
        )
    );
    expect_file!["golden/derive/article-15.zan"].assert_eq(&b.read("amendments/derived-15.zan"));
    let bill = |lang| stdout(&zan(&b.ws, &["bill", "kz.cc.derived-15", "--lang", lang]));
    expect_file!["golden/derive/article-15.bill.kk.txt"].assert_eq(&bill("kk"));
    expect_file!["golden/derive/article-15.bill.ru.txt"].assert_eq(&bill("ru"));
    let table = stdout(&zan(&b.ws, &["table", "kz.cc.derived-15", "--lang", "ru", "--format", "markdown"]));
    expect_file!["golden/derive/article-15.table.ru.md"].assert_eq(&table);
}

/// A heading, a term throughout the English text, an article added, one
/// repealed, a new wording, and a change in Kazakh alone.
#[test]
fn chapter_7_structure() {
    let b = bench();
    let mut edits: Vec<(&str, &str)> = vec![
        (
            "title kk summary \"Ақпаратты құқыққа сыйымсыз жою немесе түрлендіру\"",
            "title kk summary \"Электрондық ақпаратты құқыққа сыйымсыз жою немесе түрлендіру\"",
        ),
        (
            "title ru summary \"Неправомерные уничтожение или модификация информации\"",
            "title ru summary \"Неправомерные уничтожение или модификация электронной информации\"",
        ),
        (
            "title en summary \"Unlawful destruction or modification of information\"",
            "title en summary \"Unlawful destruction or modification of electronic information\"",
        ),
        // A new wording: most words of the text of article 207 change.
        (
            "kk summary \"Бап ақпараттық жүйенің немесе телекоммуникациялар желісінің жұмысын бұзу үшін қылмыстық жауаптылықты белгілейді.\"",
            "kk summary \"Ақпараттық жүйенің жұмысын бұзған адам қылмыстық жауаптылыққа тартылады.\"",
        ),
        (
            "ru summary \"Статья устанавливает уголовную ответственность за нарушение работы информационной системы или сети телекоммуникаций.\"",
            "ru summary \"Лицо, нарушившее работу информационной системы, подлежит уголовной ответственности.\"",
        ),
        (
            "en summary \"The article establishes criminal liability for disrupting the operation of an information system or a telecommunications network.\"",
            "en summary \"Whoever disrupts an information system is criminally liable.\"",
        ),
    ];
    let base = stdout(&zan(&b.ws, &["consolidate", "kz.cc", "--as-of", "2024-01-01"]));
    // Article 212 goes; article 213-1 comes after 213.
    let a212 = &base[base.find("    article 212 {").unwrap()..];
    let a212 = &a212[..a212.find("\n    }\n").unwrap() + 7];
    edits.push((a212, ""));
    let a213 = &base[base.find("    article 213 {").unwrap()..];
    let a213 = &a213[..a213.find("\n    }\n").unwrap() + 7];
    let added = format!(
        "{a213}    article 213-1 {{\n      kk summary \"Жаңа бап.\" cite \"test fixture\"\n      ru summary \"Новая статья.\" cite \"test fixture\"\n      en summary \"A new article.\" cite \"test fixture\"\n    }}\n"
    );
    edits.push((a213, &added));
    let edited = b.edited("chapter-7.zan", &edits);
    // The English term throughout.
    let text = std::fs::read_to_string(&edited)
        .unwrap()
        .replace("telecommunications network", "telecommunication network");
    std::fs::write(&edited, text).unwrap();
    let out = b.derive(&edited, "kz.cc.derived-7", "amendments/derived-7.zan");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    expect_file!["golden/derive/chapter-7.zan"].assert_eq(&b.read("amendments/derived-7.zan"));
    let bill = |lang| stdout(&zan(&b.ws, &["bill", "kz.cc.derived-7", "--lang", lang]));
    expect_file!["golden/derive/chapter-7.bill.kk.txt"].assert_eq(&bill("kk"));
    expect_file!["golden/derive/chapter-7.bill.ru.txt"].assert_eq(&bill("ru"));
    let table = stdout(&zan(&b.ws, &["table", "kz.cc.derived-7", "--lang", "kk", "--format", "markdown"]));
    expect_file!["golden/derive/chapter-7.table.kk.md"].assert_eq(&table);
}

/// The flagship: the consolidated text of kz.cc.age-14 as the edited copy
/// updates the hand-written amendment in place: every justification, link
/// and comment stays; the derived fragments are the shortest that are unique.
#[test]
fn flagship_updated_in_place() {
    let b = bench();
    let consolidated = stdout(&zan(&b.ws, &["consolidate", "kz.cc.age-14"]));
    let edited = b.drafts.join("age-14.zan");
    std::fs::write(&edited, consolidated.replacen("version 2026-01-01", "version 2024-01-01", 1)).unwrap();
    let before = b.read("amendments/age-14.zan");
    let out = zan(&b.ws, &["derive", edited.to_str().unwrap(), "--id", "kz.cc.age-14"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let expected = before
        .replace(
            "ru \"части первой или второй\" -> \"части первой, второй или 2-1\"",
            "ru \"первой или второй\" -> \"первой, второй или 2-1\"",
        )
        .replace("en \"Part 1 or 2\" -> \"Part 1, 2 or 2-1\"", "en \"1 or 2\" -> \"1, 2 or 2-1\"");
    assert_ne!(expected, before);
    assert_eq!(b.read("amendments/age-14.zan"), expected);
    // Derived again: nothing moves.
    let out = zan(&b.ws, &["derive", edited.to_str().unwrap(), "--id", "kz.cc.age-14"]);
    assert!(out.status.success());
    assert_eq!(b.read("amendments/age-14.zan"), expected);
}

#[test]
fn a_change_in_one_authentic_language_is_reported_with_both_places() {
    let b = bench();
    let edited =
        b.edited("kk-only.zan", &[("он алты жасқа толған есі дұрыс", "он төрт жасқа толған есі дұрыс")]);
    let out = b.derive(&edited, "kz.cc.kk-only", "amendments/kk-only.zan");
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    let e = edited.display();
    assert!(
        stderr.starts_with(&format!(
            "warning[derive-language-mismatch]: the `kk` text of article 15 part 1 changed and the `ru` one did not\n --> {e}:25:7 (changed)\n --> {e}:26:7 (unchanged)\n"
        )),
        "{stderr}"
    );
}

/// Each bad input: its code, its place, and no file written or changed.
#[test]
fn bad_input_is_refused_with_its_place() {
    let b = bench();
    let age = b.read("amendments/age-14.zan");
    let case = |name: &str, text: &str, id: &str| {
        let path = b.drafts.join(name);
        std::fs::write(&path, text).unwrap();
        let out = zan(&b.ws, &["derive", path.to_str().unwrap(), "--id", id, "-o", "amendments/new.zan"]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        assert!(!b.ws.join("amendments/new.zan").exists(), "{name}");
        assert_eq!(b.read("amendments/age-14.zan"), age);
        (String::from_utf8_lossy(&out.stderr).into_owned(), path.display().to_string())
    };
    let base = stdout(&zan(&b.ws, &["consolidate", "kz.cc", "--as-of", "2024-01-01"]));

    let (err, p) =
        case("version.zan", &base.replacen("version 2024-01-01", "version 2025-01-01", 1), "kz.cc.x");
    assert_eq!(
        err,
        format!(
            "error[unknown-version]: `kz.cc` has no version of 2025-01-01 (versions: 2024-01-01)\n --> {p}:1:5\n  | act kz.cc version 2025-01-01 {{\n"
        )
    );
    let (err, p) = case("id.zan", &base.replacen("act kz.cc ", "act kz.ck ", 1), "kz.cc.x");
    assert!(err.starts_with("error[unknown-act]: ") && err.contains(&format!(" --> {p}:1:5\n")), "{err}");
    let (err, p) = case("syntax.zan", &base.replacen("  article 15 {", "  article 15 {{", 1), "kz.cc.x");
    assert!(err.starts_with("error[syntax-error]") && err.contains(&p), "{err}");
    // The existing amendment targets kz.cc of 2024-01-01; an edited copy of
    // another act cannot update it.
    let other = "act kz.other version 2024-01-01 {\n  languages en\n  article 1 {\n    en summary \"x\" cite \"y\"\n  }\n}\n";
    std::fs::write(b.ws.join("kz/other.zan"), other).unwrap();
    let path = b.drafts.join("other.zan");
    std::fs::write(&path, other.replace("\"x\"", "\"z\"")).unwrap();
    let out = zan(&b.ws, &["derive", path.to_str().unwrap(), "--id", "kz.cc.age-14"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("error[derive-other-target]: `kz.cc.age-14` targets kz.cc version 2024-01-01, but the edited copy is of kz.other version 2024-01-01: the edit changed the act id or version\n --> ")
            && err.contains("amendments/age-14.zan:14:3"),
        "{err}"
    );
    assert_eq!(b.read("amendments/age-14.zan"), age);
    let (err, _) = case("same.zan", &base, "kz.cc.x");
    assert!(err.starts_with("error[derive-no-change]: the edited copy does not differ from kz.cc version 2024-01-01; nothing written"), "{err}");
    let (err, _) = case("meta.zan", &base.replacen("number \"226-V\"", "number \"227-V\"", 1), "kz.cc.x");
    assert!(err.starts_with("error[derive-metadata]: `number` of the act was edited"), "{err}");
}

/// `[derive] new-wording-above` in `zan.toml`: at 0 any changed text is a
/// new wording; a share outside 0..1 is refused where it is written.
#[test]
fn the_threshold_of_a_new_wording_is_configurable() {
    let b = bench();
    let toml = b.read("zan.toml");
    std::fs::write(b.ws.join("zan.toml"), format!("{toml}\n[derive]\nnew-wording-above = 0.0\n")).unwrap();
    let edited = b.edited("article-15.zan", ARTICLE_15);
    let out = b.derive(&edited, "kz.cc.derived-15", "amendments/derived-15.zan");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let written = b.read("amendments/derived-15.zan");
    let heads: Vec<&str> = written
        .lines()
        .filter(|l| l.starts_with("  ") && l.ends_with('{') && !l.starts_with("   "))
        .collect();
    assert_eq!(
        heads,
        ["  rewrite article 15 part 1 {", "  rewrite article 15 part 2 {", "  rewrite article 15 part 3 {"]
    );
    std::fs::write(b.ws.join("zan.toml"), format!("{toml}\n[derive]\nnew-wording-above = 2\n")).unwrap();
    let out = b.derive(&edited, "kz.cc.other", "amendments/other.zan");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("error[invalid-config]: invalid zan.toml: `new-wording-above` is a share of words, from 0 to 1, not 2") && err.contains("zan.toml:10:1"), "{err}");
    assert!(!b.ws.join("amendments/other.zan").exists());
}
