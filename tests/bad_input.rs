//! Bad input never stops a run and never panics: the built `zan` on files that
//! are not UTF-8, unreadable, huge, looping, deeply nested or full of NULs, and
//! the library on arbitrary and mutated text (proptest).

use std::path::Path;
use std::process::{Command, Stdio};

use proptest::prelude::*;
use zan::document::Document;

struct Out {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs `zan ARGS` in `dir`, with English messages and no colour.
fn zan(dir: &Path, args: &[&str]) -> Out {
    let out = crate::zan_command()
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("LC_ALL", "C")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    Out {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn write(dir: &Path, name: &str, contents: impl AsRef<[u8]>) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, contents).unwrap();
}

/// `zan fmt` on `name` fails with exit 2 and leaves its bytes as they were.
fn fmt_refuses(dir: &Path, name: &str) -> String {
    let before = std::fs::read(dir.join(name)).unwrap();
    let out = zan(dir, &["fmt", name]);
    assert_eq!(out.code, Some(2), "{}", out.stderr);
    assert!(std::fs::read(dir.join(name)).unwrap() == before, "{name} was changed");
    out.stderr
}

/// A diagnostic of a file that could not be read: no source line to show.
fn file_level(head: &str, path: &str) -> String {
    format!("{head}\n --> {path}:1:1\n  |\n1 | \n  | ^\n\n")
}

const UNKNOWN_LANGUAGE: &str = "warning[unknown-language]: `xx` is not an ISO 639-1 language code\n --> z-good.zan:2:13\n  |\n2 |   languages xx\n  |             ^^\n\n";

#[cfg(unix)]
#[test]
fn files_that_cannot_be_read_are_reported_and_the_rest_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "not-utf8.zan", b"act a.b {\n  title kk official \"\xd2\xb0\xff\"\n}\n");
    std::os::unix::fs::symlink("missing.zan", d.join("dangling.zan")).unwrap();
    std::os::unix::fs::symlink("loop.zan", d.join("loop.zan")).unwrap();
    let fifo = Command::new("mkfifo").arg(d.join("pipe.zan")).status().unwrap();
    assert!(fifo.success());
    write(d, "z-good.zan", "act a.b {\n  languages xx\n}\n");

    let out = zan(d, &["check", "."]);
    let expected = [
        file_level(
            "error[unreadable-file]: cannot read the file: No such file or directory (os error 2)",
            "dangling.zan",
        ),
        file_level(
            "error[unreadable-file]: cannot read the file: Too many levels of symbolic links (os error 40)",
            "loop.zan",
        ),
        file_level("error[not-utf8]: the file is not UTF-8: invalid byte at offset 33", "not-utf8.zan"),
        file_level("error[unreadable-file]: cannot read the file: not a regular file", "pipe.zan"),
        UNKNOWN_LANGUAGE.to_string(),
    ]
    .concat();
    assert_eq!(out.stdout, expected);
    assert_eq!(out.stderr, "files checked: 5; errors: 4, warnings: 1, notes: 0\n");
    assert_eq!(out.code, Some(2));

    let stderr = fmt_refuses(d, "not-utf8.zan");
    assert!(
        stderr.starts_with(
            "error[not-utf8]: the file is not UTF-8: invalid byte at offset 33\n --> not-utf8.zan:1:1\n"
        ),
        "{stderr}"
    );
    // Not `fmt_refuses`: reading the FIFO to compare would block this test.
    let out = zan(d, &["fmt", "pipe.zan"]);
    assert_eq!(out.code, Some(2));
    assert!(
        out.stderr.starts_with("error[unreadable-file]: cannot read the file: not a regular file\n"),
        "{}",
        out.stderr
    );
}

/// Permissions cannot hide a file from root, so this runs only for other users.
#[cfg(unix)]
#[test]
fn file_without_read_permission() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "secret.zan", "act a.b {}\n");
    let path = dir.path().join("secret.zan");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_ok() {
        println!("skipped: this user (root?) can read a file with mode 000");
        return;
    }
    let out = zan(dir.path(), &["check", "."]);
    let head = "error[unreadable-file]: cannot read the file: Permission denied (os error 13)";
    assert_eq!(out.stdout, file_level(head, "secret.zan"));
    assert_eq!(out.code, Some(1));
}

#[cfg(unix)]
#[test]
fn directory_loops_are_walked_once_and_links_out_of_the_workspace_are_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let (ws, outside) = (dir.path().join("ws"), dir.path().join("outside"));
    write(&outside, "secret.zan", "act a.b { languages yy }\n");
    write(&ws, "a/z-good.zan", "act a.b {\n  languages xx\n}\n");
    std::os::unix::fs::symlink("..", ws.join("a/up")).unwrap();
    std::os::unix::fs::symlink(".", ws.join("a/self")).unwrap();
    std::os::unix::fs::symlink("../outside", ws.join("out")).unwrap();
    std::os::unix::fs::symlink("../outside/secret.zan", ws.join("secret.zan")).unwrap();
    // A directory named like a file is a directory: walked, not read.
    write(&ws, "dir.zan/inner.zan", "");

    let out = zan(&ws, &["check", "."]);
    assert_eq!(out.stdout, UNKNOWN_LANGUAGE.replace("z-good.zan", "a/z-good.zan"));
    assert_eq!(out.code, Some(0));
}

#[test]
fn empty_and_comment_only_files() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "empty.zan", "");
    write(d, "comments.zan", "# only\n\n# comments\n");
    write(d, "messy-comments.zan", "   # only\n\n\n\n\t# comments");
    let out = zan(d, &["check", "."]);
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (Some(0), "", "files checked: 3; errors: 0, warnings: 0, notes: 0\n")
    );

    let out = zan(d, &["fmt", "--check", "."]);
    assert_eq!((out.code, out.stdout.as_str()), (Some(1), "./messy-comments.zan\n"));
    assert_eq!(zan(d, &["fmt", "."]).code, Some(0));
    assert_eq!(std::fs::read_to_string(d.join("empty.zan")).unwrap(), "");
    assert_eq!(std::fs::read_to_string(d.join("messy-comments.zan")).unwrap(), "# only\n\n# comments\n");
}

#[test]
fn nul_bytes_are_a_syntax_error_shown_escaped() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "nul.zan", "act a.b {\n\0\0 article 1 {}\n}\n");
    let out = zan(dir.path(), &["check", "."]);
    let expected = "error[syntax-error]: syntax error: unexpected `\\u{0}\\u{0}`\n --> nul.zan:2:1\n  |\n2 | \0\0 article 1 {}\n  | ^^\n\n";
    assert_eq!(out.stdout, expected);
    assert_eq!(out.code, Some(1));
    assert!(fmt_refuses(dir.path(), "nul.zan").starts_with(expected.lines().next().unwrap()));
}

const TOO_DEEP: &str = "error[too-deep]: units nest more than 100 levels deep; this unit and those inside it are ignored\n   --> deep.zan:102:1\n    |\n102 | article 1 {\n    | ^^^^^^^^^^^\n\n";

#[test]
fn ten_thousand_nested_articles_do_not_overflow_the_stack() {
    let dir = tempfile::tempdir().unwrap();
    let n = 10_000;
    let deep = format!("act a.b {{\n{}{}}}\n", "article 1 {\n".repeat(n), "}\n".repeat(n));
    write(dir.path(), "deep.zan", &deep);
    let out = zan(dir.path(), &["check", "."]);
    assert_eq!(out.stdout, TOO_DEEP);
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (Some(1), "files checked: 1; errors: 1, warnings: 0, notes: 0\n")
    );
    assert_eq!(fmt_refuses(dir.path(), "deep.zan"), TOO_DEEP.replace("./deep.zan", "deep.zan"));

    // Unclosed: one syntax error, at the innermost unclosed brace, and no
    // recursion through the error nodes.
    write(dir.path(), "deep.zan", format!("act a.b {{\n{}", "article 1 {\n".repeat(n)));
    let out = zan(dir.path(), &["check", "."]);
    assert!(
        out.stdout.starts_with(
            "error[syntax-error]: syntax error: this `{` is never closed: a `}` is missing\n     --> deep.zan:10001:11\n"
        ),
        "{}",
        out.stdout
    );
    assert_eq!(out.code, Some(1));
    fmt_refuses(dir.path(), "deep.zan");
}

#[test]
fn nesting_up_to_the_limit_is_modelled_and_formatted() {
    let n = zan::model::MAX_DEPTH;
    let text = format!("act a.b {{\n{}{}}}\n", "article 1 {\n".repeat(n), "}\n".repeat(n));
    let doc = Document::parse(text);
    assert_eq!(doc.model.diagnostics, []);
    let mut depth = 0;
    let mut units = &doc.model.acts[0].units;
    while let Some(unit) = units.first() {
        depth += 1;
        units = &unit.content.children;
    }
    assert_eq!(depth, n);
    let formatted = doc.formatted().unwrap();
    assert!(formatted.contains(&format!("\n{}article 1 {{}}\n", "  ".repeat(n))), "{formatted}");
}

#[test]
fn a_ten_megabyte_line_is_checked_and_reported_briefly() {
    let dir = tempfile::tempdir().unwrap();
    let long = "ә".repeat(5_000_000);
    write(dir.path(), "line.zan", format!("act a.b {{ article 1 {{ kk official \"{long}\" }} oops }}"));
    let out = zan(dir.path(), &["check", "."]);
    let tail = format!("{}\" }} oops }}", "ә".repeat(98));
    let expected = format!(
        "error[syntax-error]: syntax error: unexpected `oops`\n --> line.zan:1:5000040\n  |\n1 | …{tail}\n  | {}^^^^\n\n",
        " ".repeat(1 + 98 + 4)
    );
    assert_eq!(out.stdout, expected);
    assert_eq!(out.code, Some(1));
    fmt_refuses(dir.path(), "line.zan");

    // Without the error, the line is formatted and the text kept byte for byte.
    write(dir.path(), "line.zan", format!("act a.b {{ article 1 {{ kk official \"{long}\" }} }}"));
    assert_eq!(zan(dir.path(), &["fmt", "line.zan"]).code, Some(0));
    let formatted = std::fs::read_to_string(dir.path().join("line.zan")).unwrap();
    assert_eq!(formatted, format!("act a.b {{\n  article 1 {{\n    kk official \"{long}\"\n  }}\n}}\n"));
}

#[test]
fn a_fifty_megabyte_file_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("act kz.big {\n  languages kk\n");
    let mut n = 0;
    while text.len() < 50_000_000 {
        n += 1;
        let words = "Осы Кодекс қылмыстық заңнаманың міндеттерін белгілейді".repeat(8);
        text.push_str(&format!("  article {n} {{\n    kk official \"{words}\"\n  }}\n"));
    }
    let lines = text.lines().count() + 1;
    text.push_str("  article oops\n}\n");
    write(dir.path(), "big.zan", &text);
    let out = zan(dir.path(), &["check", "."]);
    let expected =
        format!("error[syntax-error]: syntax error: unexpected `article`\n      --> big.zan:{lines}:3\n");
    assert!(out.stdout.starts_with(&expected), "{}", &out.stdout[..out.stdout.len().min(2000)]);
    assert_eq!(out.code, Some(1));
    fmt_refuses(dir.path(), "big.zan");
}

/// Unmounts on drop, so a failing test leaves no mount behind.
struct Mount<'a>(&'a Path);

impl Drop for Mount<'_> {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.0).status();
    }
}

#[test]
fn full_disk_fails_fmt_and_keeps_the_original() {
    let dir = tempfile::tempdir().unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
        .arg(dir.path())
        .stderr(Stdio::null())
        .status();
    if !mounted.is_ok_and(|s| s.success()) {
        println!("skipped: cannot mount a 64 KiB tmpfs here (needs root or CAP_SYS_ADMIN)");
        return;
    }
    let _mount = Mount(dir.path());
    // About 36 KB on one line; formatted, about 47 KB: both do not fit in 64 KiB.
    let articles: String = (1..=1200).map(|i| format!("article {i} {{kk official \"x\"}} ")).collect();
    let text = format!("act a.b {{{articles}}}\n");
    write(dir.path(), "grows.zan", &text);

    let out = zan(dir.path(), &["fmt", "grows.zan"]);
    assert_eq!(out.code, Some(2));
    assert_eq!(out.stderr, "error: cannot write grows.zan: No space left on device (os error 28)\n");
    assert_eq!(std::fs::read_to_string(dir.path().join("grows.zan")).unwrap(), text);
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, ["grows.zan"], "a temporary file was left behind");
}

// ---- the library on arbitrary and mutated input ----

/// Every shipped .zan file, in `discover` order.
fn corpus() -> &'static [String] {
    static CORPUS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    CORPUS.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let files = zan::workspace::discover(&[root.join("corpus"), root.join("tests/fixtures")]);
        files.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect()
    })
}

/// Parses, analyses (in place of corpus file `with_corpus`, if given),
/// renders every diagnostic and formats `text`; whatever is formatted formats
/// to itself and keeps its meaning.
fn survives(text: String, with_corpus: Option<usize>) {
    let doc = Document::parse(text);
    let mut models: Vec<_> = match with_corpus {
        Some(_) => corpus().iter().map(|t| Document::parse(t.clone()).model).collect(),
        None => vec![doc.model.clone()],
    };
    let at = with_corpus.unwrap_or(0);
    models[at] = doc.model.clone();
    let style = zan::report::Style { color: false, lang: zan::lang::Lang::Kk };
    for fd in zan::analysis::analyze(&models).iter().filter(|fd| fd.file == at) {
        zan::report::render(&fd.diagnostic, "f.zan", &doc.text, &doc.lines, &style);
    }
    for d in &doc.model.diagnostics {
        zan::report::render(d, "f.zan", &doc.text, &doc.lines, &style);
    }
    if let Some(once) = doc.formatted() {
        let again = Document::parse(once.clone());
        assert_eq!(again.formatted().as_deref(), Some(once.as_str()), "not idempotent");
        assert_eq!(again.model.meaning(), doc.model.meaning(), "formatting changed the meaning");
    }
}

#[derive(Debug, Clone)]
enum Mutation {
    Delete { at: usize, len: usize },
    Insert { at: usize, from: usize, len: usize },
    Duplicate { at: usize, len: usize },
}

/// Applies mutations at positions taken modulo the current length, on bytes;
/// a split character becomes U+FFFD, as a lossy reader would see it.
fn mutate(text: &str, mutations: &[Mutation]) -> String {
    let mut b = text.as_bytes().to_vec();
    let span = |at: usize, len: usize, n: usize| {
        let start = if n == 0 { 0 } else { at % (n + 1) };
        start..(start + len).min(n)
    };
    for m in mutations {
        let n = b.len();
        match *m {
            Mutation::Delete { at, len } => {
                b.drain(span(at, len, n));
            }
            Mutation::Insert { at, from, len } => {
                let piece = b[span(from, len, n)].to_vec();
                let at = span(at, 0, n).start;
                b.splice(at..at, piece);
            }
            Mutation::Duplicate { at, len } => {
                let r = span(at, len, n);
                let piece = b[r.clone()].to_vec();
                b.splice(r.end..r.end, piece);
            }
        }
    }
    String::from_utf8_lossy(&b).into_owned()
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let len = prop_oneof![0..4usize, 0..40usize, 0..400usize];
    prop_oneof![
        (any::<usize>(), len.clone()).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<usize>(), any::<usize>(), len.clone()).prop_map(|(at, from, len)| Mutation::Insert {
            at,
            from,
            len
        }),
        (any::<usize>(), len).prop_map(|(at, len)| Mutation::Duplicate { at, len }),
    ]
}

const TOKENS: &[&str] = &[
    "act",
    "amendment",
    "a.b",
    "kz.cc",
    "@2020-01-01",
    "version",
    "2020-13-45",
    "{",
    "}",
    "{}",
    "article",
    "chapter",
    "part",
    "point",
    "1",
    "2-1",
    "\"9 c\"",
    "kk",
    "ru",
    "en",
    "xx",
    "official",
    "summary",
    "cite",
    "\"",
    "\"мәтін [бап](article 1) \\\" \\[\"",
    "\"[",
    "](",
    ")",
    "..",
    "part 2",
    "compare",
    "corresponds",
    "replace",
    "delete",
    "insert",
    "before",
    "after",
    "at",
    "start",
    "end",
    "->",
    "occurrence",
    "0",
    "all",
    "rewrite",
    "add",
    "to",
    "repeal",
    "renumber",
    "update-references",
    "repealed",
    "justification",
    "languages",
    "title",
    "target",
    "status",
    "draft",
    "# c\n",
    "\n",
    " ",
    "\r\n",
    "\r",
    "\t",
    "\0",
    "ә",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        survives(String::from_utf8_lossy(&bytes).into_owned(), None);
    }

    #[test]
    fn arbitrary_strings_never_panic(text in any::<String>()) {
        survives(text, None);
    }

    #[test]
    fn token_soup_never_panics(tokens in prop::collection::vec(prop::sample::select(TOKENS), 0..300), ws in prop::collection::vec(any::<bool>(), 0..300)) {
        let text: String = tokens.iter().zip(ws.iter().chain(std::iter::repeat(&true)))
            .map(|(t, &space)| if space { format!("{t} ") } else { t.to_string() })
            .collect();
        survives(text, None);
    }

    #[test]
    fn mutated_corpus_files_never_panic(file in any::<prop::sample::Index>(), mutations in prop::collection::vec(mutation(), 1..6)) {
        let files = corpus();
        let at = file.index(files.len());
        survives(mutate(&files[at], &mutations), Some(at));
    }
}
