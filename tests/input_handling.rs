//! How every command takes its input and gives its output: a file's own
//! workspace, a file's path for an id, a broken file that is not needed,
//! the repository's own `zan.toml`, write failures, read-only files, binary
//! output and languages an act lacks.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const ACT: &str =
    "act t.a version 2024-01-01 {\n  languages en\n  article 1 {\n    en official \"A cat.\"\n  }\n}\n";
const AMENDMENT: &str = "amendment t.a.x {\n  target t.a version 2024-01-01\n  replace article 1 {\n    en \"cat\" -> \"dog\"\n  }\n}\n";

fn zan(dir: &Path, args: &[&str]) -> Output {
    crate::zan_command().args(args).current_dir(dir).env("NO_COLOR", "1").env("LANG", "C").output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

fn workspace(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

fn repository() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `zan check FILE` reads the rest of the file's workspace, so its
/// references resolve, and reports on that file alone.
#[test]
fn check_of_one_file_reads_its_workspace() {
    let broken_elsewhere = "act t.b {\n  article 1 {\n";
    let dir = workspace(&[
        ("zan.toml", "roots = [\"law\"]\n"),
        ("law/act.zan", ACT),
        ("law/amendments/x.zan", AMENDMENT),
        ("law/other.zan", broken_elsewhere),
    ]);
    let out = zan(&dir.path().join("law/amendments"), &["check", "x.zan"]);
    assert_eq!(text(&out.stderr), "files checked: 1; errors: 0, warnings: 0, notes: 0\n");
    assert_eq!((out.status.code(), text(&out.stdout)), (Some(0), String::new()));
    // Named twice, checked once.
    let out = zan(&dir.path().join("law/amendments"), &["check", "x.zan", "x.zan"]);
    assert_eq!(text(&out.stderr), "files checked: 1; errors: 0, warnings: 0, notes: 0\n");
    // Without a zan.toml, the file's folder is its workspace.
    let dir = workspace(&[("act.zan", ACT), ("x.zan", AMENDMENT)]);
    let out = zan(dir.path(), &["check", "x.zan"]);
    assert_eq!(text(&out.stderr), "files checked: 1; errors: 0, warnings: 0, notes: 0\n");
}

/// `diff`, `table`, `bill` and `consolidate` take the path of the file that
/// holds an amendment as well as its id, in the file's own workspace.
#[test]
fn engine_commands_take_a_file_for_an_id() {
    let dir = workspace(&[("law/zan.toml", ""), ("law/act.zan", ACT), ("law/x.zan", AMENDMENT)]);
    let by_id = zan(&dir.path().join("law"), &["diff", "t.a.x", "--format", "unified"]);
    let by_path = zan(dir.path(), &["diff", "law/x.zan", "--format", "unified"]);
    assert_eq!(
        text(&by_path.stdout),
        "--- a/Article 1\n+++ b/Article 1\n@@ -1,2 +1,2 @@\n Article 1.\n-A cat.\n+A dog.\n"
    );
    assert_eq!(by_id.stdout, by_path.stdout);
    for args in [
        &["table", "law/x.zan", "--lang", "en", "--format", "markdown"][..],
        &["bill", "law/x.zan", "--lang", "en"],
        &["consolidate", "law/x.zan", "--format", "text"],
    ] {
        let out = zan(dir.path(), args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", text(&out.stderr));
    }
    let dir = workspace(&[("empty.zan", "# nothing here\n")]);
    let out = zan(dir.path(), &["bill", "empty.zan", "--lang", "en"]);
    assert_eq!(
        (out.status.code(), text(&out.stderr)),
        (Some(2), "error: empty.zan defines no act or amendment\n".into())
    );
}

/// A syntax error in a file the command does not need is a warning and the
/// file is left out; in a file that defines the act, it stops the command.
#[test]
fn a_broken_file_that_is_not_needed_does_not_stop_a_command() {
    let dir =
        workspace(&[("act.zan", ACT), ("x.zan", AMENDMENT), ("fixture.zan", "act t.b {\n  article 1 {\n")]);
    let out = zan(dir.path(), &["bill", "t.a.x", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        text(&out.stderr),
        "warning: ./fixture.zan:2:13: a syntax error; the file is left out, as it defines nothing `t.a.x` needs\n"
    );
    std::fs::write(dir.path().join("fixture.zan"), "act t.a version 2030-01-01 {\n  article 1 {\n").unwrap();
    let out = zan(dir.path(), &["bill", "t.a.x", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).starts_with("error[syntax-error]: syntax error: this `{` is never closed"),
        "{}",
        text(&out.stderr)
    );
}

/// From the root of a clone, commands see the shipped corpus (the
/// repository's zan.toml), not the test fixtures.
#[test]
fn the_repository_root_is_the_corpus_workspace() {
    let out = zan(&repository(), &["diff", "kz.cc.age-14", "--lang", "en", "--format", "unified"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "");
    let out =
        zan(&repository(), &["diff", "corpus/amendments/age-14.zan", "--lang", "en", "--format", "unified"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = zan(&repository(), &["check", "--deny", "warnings"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stderr).starts_with("files checked: 19;"), "{}", text(&out.stderr));
}

/// A write that fails is exit 2 with a clear error, never a panic or a
/// partial file.
#[test]
fn write_failures_are_errors_with_exit_2() {
    let dir = workspace(&[("act.zan", ACT), ("x.zan", AMENDMENT)]);
    let bin = env!("CARGO_BIN_EXE_zan");
    // A full disk.
    let full = std::fs::File::create("/dev/full").unwrap();
    for args in [
        &["bill", "t.a.x", "--lang", "en"][..],
        &["table", "t.a.x", "--lang", "en"],
        &["diff", "t.a.x"],
        &["consolidate", "t.a.x"],
        &["check", "--format", "json"],
    ] {
        let out = Command::new(bin)
            .args(args)
            .current_dir(dir.path())
            .env("LANG", "C")
            .stdout(full.try_clone().unwrap())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            text(&out.stderr)
                .ends_with("error: cannot write standard output: No space left on device (os error 28)\n")
                || text(&out.stderr)
                    .contains("error: cannot write standard output: No space left on device (os error 28)\n"),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
    // A closed pipe: the reader is gone before zan writes.
    let mut child = Command::new(bin)
        .args(["consolidate", "t.a.x", "--format", "text"])
        .current_dir(dir.path())
        .env("LANG", "C")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(text(&out.stderr), "error: cannot write standard output: Broken pipe (os error 32)\n");
    // A read-only target: refused, and left as it was.
    let target = dir.path().join("table.html");
    std::fs::write(&target, "old").unwrap();
    let mut permissions = std::fs::metadata(&target).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&target, permissions).unwrap();
    let out = zan(dir.path(), &["table", "t.a.x", "--lang", "en", "-o", "table.html"]);
    assert_eq!(
        (out.status.code(), text(&out.stderr)),
        (Some(2), "error: cannot write table.html: the file is read-only\n".into())
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "old");
    // A target in a folder that does not exist: nothing is written.
    let out = zan(dir.path(), &["bill", "t.a.x", "--lang", "en", "-o", "missing/bill.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).starts_with("error: cannot write missing/bill.txt: "), "{}", text(&out.stderr));
    assert!(!dir.path().join("missing").exists());
    // `-o` writes what standard output would have shown.
    let out = zan(dir.path(), &["bill", "t.a.x", "--lang", "en", "-o", "bill.txt"]);
    assert_eq!((out.status.code(), out.stdout.len()), (Some(0), 0));
    let printed = zan(dir.path(), &["bill", "t.a.x", "--lang", "en"]).stdout;
    assert_eq!(std::fs::read(dir.path().join("bill.txt")).unwrap(), printed);
}

/// A file or site zan makes has the mode any program's would (the umask
/// narrows 0666 and 0777), not the private mode of its temporary.
#[cfg(unix)]
#[test]
fn new_outputs_are_made_as_any_file_is() {
    use std::os::unix::fs::PermissionsExt;
    let dir = workspace(&[("act.zan", ACT), ("x.zan", AMENDMENT)]);
    let out = Command::new("sh")
        .args([
            "-c",
            "umask 022 && \"$0\" bill t.a.x --lang en -o bill.txt && \"$0\" review t.a.x --out site",
        ])
        .arg(env!("CARGO_BIN_EXE_zan"))
        .current_dir(dir.path())
        .env("LANG", "C")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let mode = |p: &str| std::fs::metadata(dir.path().join(p)).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode("bill.txt"), 0o644);
    assert_eq!(mode("site"), 0o755);
    assert_eq!(mode("site/index.html"), 0o644);
}

/// `fmt` never replaces a read-only file (nor changes its mode).
#[test]
fn fmt_refuses_a_read_only_file() {
    let dir = workspace(&[("a.zan", "act t.a {\narticle 1 {\nen official \"A cat.\"\n}\n}\n")]);
    let path = dir.path().join("a.zan");
    let mut permissions = std::fs::metadata(&path).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&path, permissions).unwrap();
    let out = zan(dir.path(), &["fmt", "a.zan"]);
    assert_eq!(
        (out.status.code(), text(&out.stderr)),
        (Some(2), "error: cannot write a.zan: the file is read-only\n".into())
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "act t.a {\narticle 1 {\nen official \"A cat.\"\n}\n}\n"
    );
    assert!(std::fs::metadata(&path).unwrap().permissions().readonly());
}

/// A Word document is not printed to a terminal (`script` gives zan one).
#[test]
fn docx_is_not_printed_to_a_terminal() {
    let dir = workspace(&[("act.zan", ACT), ("x.zan", AMENDMENT)]);
    for what in ["table", "bill", "diff"] {
        let command = format!("{} {what} t.a.x --lang en --format docx", env!("CARGO_BIN_EXE_zan"));
        let out = Command::new("script")
            .args(["-qec", &command, "/dev/null"])
            .current_dir(dir.path())
            .env("LANG", "C")
            .output()
            .expect("`script` (util-linux) runs zan with a terminal");
        assert_eq!(out.status.code(), Some(2), "{what}");
        assert_eq!(
            text(&out.stdout).replace('\r', ""),
            "error: a DOCX file is not printed to a terminal: write it with -o FILE\n",
            "{what}"
        );
        let out = zan(dir.path(), &[what, "t.a.x", "--lang", "en", "--format", "docx", "-o", "t.docx"]);
        assert_eq!(out.status.code(), Some(0), "{what}");
        assert!(std::fs::read(dir.path().join("t.docx")).unwrap().starts_with(b"PK"));
        std::fs::remove_file(dir.path().join("t.docx")).unwrap();
    }
}

/// `--lang` naming a language the act has no text in is an error, not an
/// empty document.
#[test]
fn a_language_the_act_lacks_is_refused() {
    let dir = workspace(&[("act.zan", ACT), ("x.zan", AMENDMENT)]);
    for args in [
        &["bill", "t.a.x", "--lang", "kk"][..],
        &["table", "t.a.x", "--lang", "ru"],
        &["diff", "t.a.x", "--lang", "de"],
        &["consolidate", "t.a.x", "--lang", "kk"],
    ] {
        let out = zan(dir.path(), args);
        let lang = args[3];
        assert_eq!(
            (out.status.code(), text(&out.stderr), out.stdout.len()),
            (Some(2), format!("error: `t.a` has no text in `{lang}` (its languages: en)\n"), 0),
            "{args:?}"
        );
    }
}
