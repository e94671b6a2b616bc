//! `zan check` as a user runs it: the built binary on temporary workspaces.

use std::path::{Path, PathBuf};
use std::process::Command;

use expect_test::{expect, expect_file};

const BASIC: &str = include_str!("fixtures/check/basic.zan");

struct Run {
    stdout: String,
    stderr: String,
    code: i32,
}

fn zan(dir: &Path, args: &[&str]) -> Run {
    let out = crate::zan_command()
        .args(args)
        .current_dir(dir)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    Run {
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
        code: out.status.code().unwrap(),
    }
}

/// A temporary workspace with `files` (path, text).
fn workspace(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

/// Version and repository change with releases, not with the format.
fn stable(s: &str) -> String {
    s.replace(env!("CARGO_PKG_VERSION"), "VERSION").replace(env!("CARGO_PKG_REPOSITORY"), "REPO")
}

const SUMMARY: &str = "files checked: 1; errors: 1, warnings: 1, notes: 0\n";

#[test]
fn human_output_with_kazakh_chinese_and_emoji_columns() {
    let ws = workspace(&[("acts/basic.zan", BASIC)]);
    let run = zan(ws.path(), &["check"]);
    expect_file!["fixtures/check/basic.txt"].assert_eq(&run.stdout);
    assert_eq!(run.stderr, SUMMARY);
    assert_eq!(run.code, 1);
}

#[test]
fn json_output() {
    let ws = workspace(&[("acts/basic.zan", BASIC)]);
    let run = zan(ws.path(), &["check", "--format", "json"]);
    expect_file!["fixtures/check/basic.json"].assert_eq(&run.stdout);
    assert_eq!(run.stderr, SUMMARY);
    assert_eq!(run.code, 1);
}

#[test]
fn github_output() {
    let ws = workspace(&[("acts/basic.zan", BASIC)]);
    let run = zan(ws.path(), &["check", "--format", "github"]);
    expect![[r#"
        ::warning file=acts/basic.zan,line=4,col=21,endLine=4,endColumn=23,title=double-space::several whitespace characters in a row; write one space
        ::error file=acts/basic.zan,line=5,col=30,endLine=5,endColumn=39,title=unresolved-reference::`article 2` does not exist in `kz.test`; did you mean `article 1`?
    "#]]
    .assert_eq(&run.stdout);
    assert_eq!(run.code, 1);
}

#[test]
fn github_output_escapes_properties_and_messages() {
    let ws = workspace(&[(
        "a,b:c.zan",
        "act kz.test {\n  article 1 {\n    kk official \"100%  дұрыс\"\n  }\n}\n",
    )]);
    let run = zan(ws.path(), &["check", "--format", "github"]);
    expect![[r#"
        ::warning file=a%2Cb%3Ac.zan,line=3,col=22,endLine=3,endColumn=24,title=double-space::several whitespace characters in a row; write one space
    "#]]
    .assert_eq(&run.stdout);
}

#[test]
fn sarif_output() {
    let ws = workspace(&[("acts/basic.zan", BASIC)]);
    let run = zan(ws.path(), &["check", "--format", "sarif"]);
    // Columns count UTF-16 code units: the emoji before the reference counts
    // two, so the reference starts one column later than in characters.
    expect_file!["fixtures/check/basic.sarif"].assert_eq(&stable(&run.stdout));
    assert_eq!(run.code, 1);
}

/// The official SARIF 2.1.0 schema, committed verbatim as the serde-sarif
/// 0.8.0 crate ships it (its src/schema.json, whose `$id` is the OASIS
/// sarif-spec Schemata/sarif-schema-2.1.0.json). Its `language` patterns have
/// a stray `]` that no Rust regex engine compiles (ECMAScript reads it as a
/// literal); they are given their evident meaning, BCP 47 `ll` or `ll-CC`,
/// before compiling. Formats (`uri`, `uri-reference`) are validated too.
fn validator(schema: &serde_json::Value) -> jsonschema::Validator {
    fn repair(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(map) => {
                if let Some(p) = map.get_mut("pattern")
                    && p == "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$"
                {
                    *p = "^[a-zA-Z]{2}(-[a-zA-Z]{2})?$".into();
                }
                map.values_mut().for_each(repair);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(repair),
            _ => {}
        }
    }
    let mut schema = schema.clone();
    repair(&mut schema);
    jsonschema::options().should_validate_formats(true).build(&schema).unwrap()
}

fn assert_valid_sarif(text: &str) {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/sarif-schema-2.1.0.json")).unwrap();
    let validator = validator(&schema);
    let instance: serde_json::Value = serde_json::from_str(text).unwrap();
    let errors: Vec<String> =
        validator.iter_errors(&instance).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn sarif_output_is_valid_against_the_official_schema() {
    let ws = workspace(&[
        ("acts/basic.zan", BASIC),
        ("acts/with space.zan", "act kz.other {\n  article 1 {\n    kk \"мәтін\"\n  }\n}\n"),
        ("acts/bad.zan", "act kz.bad { article 1 { x } }\n"),
    ]);
    let run = zan(ws.path(), &["check", "--format", "sarif"]);
    assert_valid_sarif(&run.stdout);
    assert!(run.stdout.contains(r#""uri": "acts/with%20space.zan""#), "{}", run.stdout);
    // The schema is not a formality: a wrong level is refused.
    let broken = run.stdout.replacen(r#""level": "error""#, r#""level": "fatal""#, 1);
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/sarif-schema-2.1.0.json")).unwrap();
    assert!(!validator(&schema).is_valid(&serde_json::from_str(&broken).unwrap()));
}

#[test]
fn messages_and_summary_are_localised() {
    let ws = workspace(&[("basic.zan", BASIC)]);
    let kk = zan(ws.path(), &["check", "--message-lang", "kk", "--format", "github"]);
    assert!(
        kk.stdout.contains("::`kz.test` ішінде `article 2` жоқ; мүмкін, `article 1`?\n"),
        "{}",
        kk.stdout
    );
    assert_eq!(kk.stderr, "тексерілген файлдар: 1; қателер: 1, ескертулер: 1, ақпарат: 0\n");
    let ru = zan(ws.path(), &["check", "--message-lang", "ru", "--format", "json"]);
    assert_eq!(ru.stderr, "проверено файлов: 1; ошибок: 1, предупреждений: 1, примечаний: 0\n");
}

/// (code, message, fix title) of each diagnostic of `zan check --format json`.
fn findings(run: &Run) -> Vec<(String, String, String)> {
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let text = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_string();
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (text(&d["code"]), text(&d["message"]), text(&d["fix"]["title"])))
        .collect()
}

#[test]
fn hygiene_messages_and_fix_titles_are_localised() {
    let text = "act kz.test {\n  article 1 {\n    kk official \"Бұл  мәтін ӛзгерді, 205-бап.\"\n  }\n}\n";
    let ws = workspace(&[("a.zan", text)]);
    let row =
        |code: &str, message: &str, title: &str| (code.to_string(), message.to_string(), title.to_string());
    assert_eq!(
        findings(&zan(ws.path(), &["check", "--message-lang", "kk", "--format", "json"])),
        [
            row("double-space", "қатарынан бірнеше бос орын; бір бос орын жазыңыз", "« » деп ауыстыру"),
            row(
                "mis-encoded-letter",
                "«ӛ» — PDF-тен көшірілген мәтіннің ақауы; «ө» деп жазыңыз",
                "«ө» деп ауыстыру"
            ),
            row(
                "unlinked-citation",
                "«205-бап» `article 205` бірлігіне сілтемесіз сілтейді",
                "сілтеме жасау: [205-бап](article 205)"
            ),
        ]
    );
    assert_eq!(
        findings(&zan(ws.path(), &["check", "--message-lang", "ru", "--format", "json"]))[..2],
        [
            row("double-space", "несколько пробелов подряд; оставьте один пробел", "заменить на « »"),
            row(
                "mis-encoded-letter",
                "«ӛ» — артефакт извлечения текста из PDF; пишите «ө»",
                "заменить на «ө»"
            ),
        ]
    );
}

const CLEAN: &str = "act kz.test {\n  article 1 {\n    kk official \"мәтін\"\n  }\n}\n";
const WARNS: &str = "act kz.test {\n  article 1 {\n    kk official \"Бұл  мәтін\"\n  }\n}\n";

#[test]
fn exit_codes() {
    let ws = workspace(&[("clean.zan", CLEAN)]);
    assert_eq!(zan(ws.path(), &["check"]).code, 0);
    assert_eq!(zan(ws.path(), &["check", "--deny", "warnings"]).code, 0);
    assert_eq!(zan(ws.path(), &["check", "--format", "xml"]).code, 2);
    let ws = workspace(&[("warns.zan", WARNS)]);
    assert_eq!(zan(ws.path(), &["check"]).code, 0);
    assert_eq!(zan(ws.path(), &["check", "--deny", "warnings"]).code, 1);
    assert_eq!(zan(ws.path(), &["check", "--deny", "errors"]).code, 2);
}

#[test]
fn an_unreadable_path_exits_2_and_the_other_files_are_still_reported() {
    let ws = workspace(&[("warns.zan", WARNS)]);
    let run = zan(ws.path(), &["check", "--format", "github", "missing.zan", "warns.zan"]);
    expect![[r#"
        ::error file=missing.zan,line=1,col=1,endLine=1,endColumn=1,title=unreadable-file::cannot read the file: No such file or directory (os error 2)
        ::warning file=warns.zan,line=3,col=21,endLine=3,endColumn=23,title=double-space::several whitespace characters in a row; write one space
    "#]]
    .assert_eq(&run.stdout);
    assert_eq!(run.stderr, "files checked: 2; errors: 1, warnings: 1, notes: 0\n");
    assert_eq!(run.code, 2);
}

/// The fixes of the double space and of the doubled word overlap: the second
/// waits for the next round, on the text the first produced.
const FIXABLE: &str =
    "act kz.test {\n  article 1 {\n    kk official \"құқық және  және кӛрсетілген\"\n  }\n}\n";

#[test]
fn fix_applies_every_fix_writes_atomically_and_rechecks_clean() {
    let ws = workspace(&[("a.zan", FIXABLE), ("b.zan", &CLEAN.replace("kz.test", "kz.b"))]);
    let run = zan(ws.path(), &["check", "--fix", "--format", "json"]);
    assert_eq!(
        std::fs::read_to_string(ws.path().join("a.zan")).unwrap(),
        "act kz.test {\n  article 1 {\n    kk official \"құқық және көрсетілген\"\n  }\n}\n"
    );
    expect![[r#"
        fixed a.zan:3:28 [double-space]: replace with « »
        fixed a.zan:3:36 [mis-encoded-letter]: replace with «ө»
        fixed a.zan:3:28 [doubled-word]: replace with «»
        fixes applied: 3
        files checked: 2; errors: 0, warnings: 0, notes: 0
    "#]]
    .assert_eq(&run.stderr);
    assert!(run.stdout.contains("\"diagnostics\": []"), "{}", run.stdout);
    assert_eq!(run.code, 0);
    let mut names: Vec<_> = std::fs::read_dir(ws.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    names.sort();
    assert_eq!(names, ["a.zan", "b.zan"], "no temporary file is left");
    // Nothing left to fix: nothing is written.
    let again = zan(ws.path(), &["check", "--fix"]);
    assert_eq!(again.stderr, "fixes applied: 0\nfiles checked: 2; errors: 0, warnings: 0, notes: 0\n");
}

#[test]
fn fix_reports_what_remains() {
    let ws = workspace(&[("basic.zan", BASIC)]);
    let run = zan(ws.path(), &["check", "--fix", "--format", "github"]);
    expect![[r#"
        ::error file=basic.zan,line=5,col=30,endLine=5,endColumn=39,title=unresolved-reference::`article 2` does not exist in `kz.test`; did you mean `article 1`?
    "#]]
    .assert_eq(&run.stdout);
    assert_eq!(run.code, 1);
}

/// A directory nothing can be written to, not even by root (who ignores the
/// mode): `chattr +i` where the file system allows it.
struct ReadOnlyDir(PathBuf);

impl ReadOnlyDir {
    fn new(path: &Path) -> Option<ReadOnlyDir> {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o555)).unwrap();
        let dir = ReadOnlyDir(path.to_path_buf());
        let probe = path.join(".probe");
        if std::fs::write(&probe, "").is_ok() {
            let _ = std::fs::remove_file(&probe);
            let _ = Command::new("chattr").arg("+i").arg(path).status();
            if std::fs::write(&probe, "").is_ok() {
                let _ = std::fs::remove_file(&probe);
                return None;
            }
        }
        Some(dir)
    }
}

impl Drop for ReadOnlyDir {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        let _ = Command::new("chattr").arg("-i").arg(&self.0).stderr(std::process::Stdio::null()).status();
        let _ = std::fs::set_permissions(&self.0, std::fs::Permissions::from_mode(0o755));
    }
}

#[test]
fn fix_in_a_read_only_directory_fails_with_2_and_leaves_the_original() {
    let ws = workspace(&[("ro/a.zan", WARNS)]);
    let Some(_guard) = ReadOnlyDir::new(&ws.path().join("ro")) else {
        eprintln!("skipped: this file system cannot make a directory read-only for this user");
        return;
    };
    let run = zan(ws.path(), &["check", "--fix", "--format", "github"]);
    assert_eq!(std::fs::read_to_string(ws.path().join("ro/a.zan")).unwrap(), WARNS);
    assert!(run.stderr.starts_with("fixed ro/a.zan:3:21 [double-space]: replace with « »\nfixes applied: 1\nerror: cannot write ro/a.zan: "), "{}", run.stderr);
    // The re-check reports the file as it still is.
    assert!(run.stdout.contains("title=double-space"), "{}", run.stdout);
    assert_eq!(run.code, 2);
}

#[test]
fn zan_toml_severity_overrides() {
    let toml = "[lints]\ndouble-space = \"error\"\nunresolved-reference = \"allow\"\n";
    let ws = workspace(&[("zan.toml", toml), ("acts/basic.zan", BASIC)]);
    let run = zan(ws.path(), &["check", "--format", "github"]);
    expect![[r#"
        ::error file=acts/basic.zan,line=4,col=21,endLine=4,endColumn=23,title=double-space::several whitespace characters in a row; write one space
    "#]]
    .assert_eq(&run.stdout);
    assert_eq!(run.code, 1);
    // Found from a subdirectory too, and `info` is not an error.
    let ws = workspace(&[
        ("zan.toml", "[lints]\nunresolved-reference = \"info\"\ndouble-space = \"allow\"\n"),
        ("acts/basic.zan", BASIC),
    ]);
    let run = zan(&ws.path().join("acts"), &["check", "--format", "github", "basic.zan"]);
    assert!(run.stdout.starts_with("::notice file=basic.zan,line=5,"), "{}", run.stdout);
    assert_eq!(run.code, 0);
}

#[test]
fn zan_toml_ignore_roots_and_default_languages() {
    let toml = "roots = [\"acts\", \"../outside\"]\nlanguages = [\"kk\", \"ru\"]\nignore = [\"acts/drafts/**\", \"../*.zan\"]\n";
    let ws = workspace(&[
        ("zan.toml", toml),
        ("acts/a.zan", CLEAN),
        ("acts/drafts/d.zan", "act kz.draft { x }\n"),
        ("other/o.zan", "act kz.other { x }\n"),
    ]);
    let run = zan(ws.path(), &["check", "--format", "github"]);
    expect![[r#"
        ::warning file=acts/a.zan,line=3,col=5,endLine=3,endColumn=24,title=missing-language::no text in `ru`, a language of the act
        ::warning file=zan.toml,line=1,col=18,endLine=1,endColumn=30,title=outside-root::`../outside` is outside the workspace root: ignored
        ::warning file=zan.toml,line=3,col=29,endLine=3,endColumn=39,title=outside-root::`../*.zan` is outside the workspace root: ignored
    "#]]
    .assert_eq(&run.stdout);
    assert_eq!(run.stderr, "files checked: 1; errors: 0, warnings: 3, notes: 0\n");
    // A file named on the command line is checked even when ignored.
    let run = zan(ws.path(), &["check", "--format", "github", "acts/drafts/d.zan"]);
    assert!(run.stdout.starts_with("::error file=acts/drafts/d.zan,"), "{}", run.stdout);
}

#[test]
fn paths_outside_the_root_are_not_read() {
    let ws = workspace(&[("w/zan.toml", ""), ("w/a.zan", CLEAN), ("elsewhere/b.zan", "act kz.b { x }\n")]);
    let run = zan(&ws.path().join("w"), &["check", "--format", "github", "a.zan", "../elsewhere"]);
    expect![[r#"
        ::warning file=../elsewhere/b.zan,line=1,col=1,endLine=1,endColumn=1,title=outside-root::`../elsewhere/b.zan` is outside the workspace root: ignored
    "#]]
    .assert_eq(&run.stdout);
    assert_eq!(run.code, 0);
}

#[test]
fn a_bad_zan_toml_is_an_error_at_its_line() {
    let ws = workspace(&[
        ("zan.toml", "roots = [\"acts\"]\n\n[lints]\ndouble-space = \"loud\"\n"),
        ("a.zan", CLEAN),
    ]);
    let run = zan(ws.path(), &["check"]);
    expect![[r#"
        error[invalid-config]: invalid zan.toml: unknown variant `loud`, expected one of `error`, `warning`, `info`, `allow`
         --> zan.toml:4:16
          |
        4 | double-space = "loud"
          |                ^^^^^^

    "#]]
    .assert_eq(&run.stdout);
    assert_eq!(run.code, 2);
    let ws = workspace(&[("zan.toml", "roots = [\"acts\"\nlanguage = 1\n"), ("a.zan", CLEAN)]);
    let run = zan(ws.path(), &["check", "--format", "github"]);
    assert!(run.stdout.starts_with("::error file=zan.toml,line=2,"), "{}", run.stdout);
    assert_eq!(run.code, 2);
}

/// Every code the source can produce has a section in docs/diagnostics.md, and
/// every `zan` example there produces exactly its section's code.
#[test]
fn every_code_is_documented_with_a_working_example() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(root.join("docs/diagnostics.md")).unwrap();
    let codes_part = doc.split_once("\n## Codes\n").expect("a Codes chapter").1;
    let sections: Vec<(&str, &str)> = codes_part
        .split("\n### ")
        .skip(1)
        .map(|s| s.split_once('\n').unwrap())
        .map(|(heading, body)| (heading.trim(), body))
        .collect();
    let documented: Vec<&str> = sections.iter().map(|(h, _)| *h).collect();

    // The codes of `Message::code()`: every string literal after `=>` in it.
    let diag = std::fs::read_to_string(root.join("src/diag.rs")).unwrap();
    let body = diag.split_once("pub fn code(&self) -> &'static str {\n        match self").unwrap().1;
    let body = &body[..body.find("\n    }\n").unwrap()];
    let mut codes: Vec<&str> = body
        .lines()
        .filter_map(|l| l.split_once("=> \"").map(|(_, rest)| rest.split('"').next().unwrap()))
        .collect();
    assert!(codes.len() >= 20 && codes.contains(&"syntax-error"), "parsed {codes:?}");
    codes.extend(zan::lint::hygiene::CODES);
    let missing: Vec<&&str> = codes.iter().filter(|c| !documented.contains(c)).collect();
    assert!(missing.is_empty(), "codes missing from docs/diagnostics.md: {missing:?}");

    let style = zan::report::Style { color: false, lang: zan::lang::Lang::En };
    // Every example of a section, each followed by its report.
    let examples =
        sections.iter().flat_map(|&(code, body)| body.split("```zan\n").skip(1).map(move |r| (code, r)));
    for (code, rest) in examples {
        let example = &rest[..rest.find("```").unwrap()];
        let doc = zan::document::Document::parse(example.to_string());
        let found = zan::analysis::analyze(std::slice::from_ref(&doc.model));
        let codes: Vec<&str> = found.iter().map(|d| d.diagnostic.code()).collect();
        assert_eq!(codes, [code], "the example of {code}");
        // The exact report (message and span) is shown under the example.
        let d = &found[0].diagnostic;
        let shown = rest.split_once("```text\n").map(|(_, t)| &t[..t.find("```").unwrap()]);
        let rendered = zan::report::render(d, "example.zan", &doc.text, &doc.lines, &style);
        assert_eq!(
            shown,
            Some(rendered.trim_end_matches('\n').to_string() + "\n").as_deref(),
            "the report of {code}"
        );
        // A fix, where there is one, leaves the example clean.
        if let Some(fix) = &d.fix {
            let (text, taken) = zan::fixes::apply(&doc.text, &[fix.edits.as_slice()]);
            assert_eq!(taken, [0], "{code}: its fix applies");
            let fixed = zan::document::Document::parse(text.clone());
            let left = zan::analysis::analyze(std::slice::from_ref(&fixed.model));
            assert!(left.is_empty(), "{code} after its fix:\n{text}\n{left:?}");
        }
    }
}

/// docs/ci.md shows the workflow files exactly as tests/all.sh lints them.
#[test]
fn docs_ci_embeds_the_linted_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(root.join("docs/ci.md")).unwrap();
    for file in ["docs/ci/zan.yml", "docs/ci/gitlab-ci.yml"] {
        let text = std::fs::read_to_string(root.join(file)).unwrap();
        assert!(doc.contains(&format!("```yaml\n{text}```\n")), "docs/ci.md does not show {file} as it is");
    }
}

/// `--message-lang` names the language of messages on every command; the
/// old `--lang` of `check` still works for now, and says what to write.
#[test]
fn message_language_is_its_own_flag() {
    let ws = workspace(&[("a.zan", "act a.b {\n  languages qq\n}\n")]);
    let new = zan(ws.path(), &["check", "--message-lang", "ru"]);
    assert!(new.stdout.contains("`qq` не является кодом языка ISO 639-1"), "{}", new.stdout);
    assert!(!new.stderr.contains("warning: `zan check --lang"), "{}", new.stderr);
    let old = zan(ws.path(), &["check", "--lang", "ru"]);
    assert_eq!(old.stdout, new.stdout);
    assert!(
        old.stderr.starts_with("warning: `zan check --lang ru` sets the language of messages; write `--message-lang ru` (`--lang` will name the language of legal text, as in the other commands)\n"),
        "{}",
        old.stderr
    );
    // An engine command: its error in the language asked for.
    let out = crate::zan_command()
        .args(["table", "no.such.id", "--message-lang", "ru", "--workspace"])
        .arg(ws.path())
        .env("LANG", "C")
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr, "ошибка[unknown-id]: в рабочей области нет акта или поправки `no.such.id`\n");
}
