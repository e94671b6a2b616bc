//! The on-disk cache of parsed files (`zan::cache`): a warm run prints
//! exactly what a cold one prints (stdout, stderr, exit code), on the
//! shipped corpus and on generated workspaces, after edits too; an entry
//! that is corrupt, truncated or from another build is never used; a cache
//! that cannot be written, or that two processes write at once, changes
//! nothing a command prints.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::gen_corpus::generator;
use crate::lsp_check::copy_dir;
use zan::cache::{Cache, DIR};

type Run = (String, String, Option<i32>);

fn zan(dir: &Path, args: &[&str], cache: bool) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_zan"));
    command.args(args).current_dir(dir).env("NO_COLOR", "1").env("LANG", "C").env_remove("ZAN_NO_CACHE");
    if !cache {
        command.arg("--no-cache");
    }
    let out = command.output().unwrap();
    let text = |b: Vec<u8>| String::from_utf8_lossy(&b).into_owned();
    (text(out.stdout), text(out.stderr), out.status.code())
}

/// The commands the cache serves: `check` in two formats, and each command
/// on one amendment.
fn commands(amendment: &str, lang: &str) -> Vec<Vec<String>> {
    let words =
        |s: &str| s.replace("ID", amendment).replace("LANG", lang).split(' ').map(str::to_string).collect();
    [
        "check",
        "check --format json",
        "diff ID --format unified",
        "table ID --lang LANG --format markdown",
        "bill ID --lang LANG",
        "consolidate ID --format text",
    ]
    .iter()
    .map(|c| words(c))
    .collect()
}

/// The cache's entries (not its `.gitignore`), with their modification times.
fn entries(dir: &Path) -> Vec<(PathBuf, std::time::SystemTime)> {
    let Ok(read) = std::fs::read_dir(dir.join(DIR)) else { return Vec::new() };
    let mut out: Vec<_> = read
        .map(|e| e.unwrap().path())
        .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with('.'))
        .map(|p| {
            let time = std::fs::metadata(&p).unwrap().modified().unwrap();
            (p, time)
        })
        .collect();
    out.sort();
    out
}

/// Every command cold (`--no-cache`), filling the cache, and warm: the
/// three give the same output; the warm run reads every entry and rewrites
/// none. Returns the cold outputs.
fn warm_is_cold(dir: &Path, commands: &[Vec<String>]) -> Vec<Run> {
    std::fs::remove_dir_all(dir.join(DIR)).ok();
    let mut colds = Vec::new();
    for args in commands {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let cold = zan(dir, &args, false);
        let filling = zan(dir, &args, true);
        let before = entries(dir);
        let warm = zan(dir, &args, true);
        assert_eq!(filling, cold, "zan {} filling the cache", args.join(" "));
        assert_eq!(warm, cold, "zan {} warm", args.join(" "));
        assert_eq!(entries(dir), before, "zan {}: the warm run rewrote an entry", args.join(" "));
        colds.push(cold);
    }
    let files = zan::workspace::discover(&[dir.to_path_buf()]).len();
    assert_eq!(entries(dir).len(), files, "one entry per file");
    colds
}

fn corpus() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus"), tmp.path());
    tmp
}

fn generated(cfg: &generator::Config) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    generator::generate(cfg, |path, text| {
        let path = tmp.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap())?;
        std::fs::write(path, text)
    })
    .unwrap();
    tmp
}

fn small_generated(seed: u64) -> tempfile::TempDir {
    let mut cfg = generator::Config::new(120, 3, 6, seed);
    cfg.file_bytes = 60_000;
    generated(&cfg)
}

/// Appends `words` inside the first string of `path`'s text.
fn edit(path: &Path, words: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    let at = text.find(" official \"").expect("a string") + " official \"".len();
    std::fs::write(path, format!("{}{words}{}", &text[..at], &text[at..])).unwrap();
}

#[test]
fn warm_runs_match_cold_on_the_corpus() {
    let tmp = corpus();
    let colds = warm_is_cold(tmp.path(), &commands("kz.cc.age-14", "kk"));
    assert!(colds[0].1.starts_with("files checked: "), "{:?}", colds[0]);
    assert_eq!(std::fs::read_to_string(tmp.path().join(DIR).join(".gitignore")).unwrap(), "*\n");
    // An edited file: its entry is replaced, the others are read.
    edit(&tmp.path().join("kz/criminal-code/chapter-07.zan"), "doubled  space ");
    let before = entries(tmp.path());
    let cold = zan(tmp.path(), &["check"], false);
    assert_eq!(zan(tmp.path(), &["check"], true), cold);
    assert_ne!(cold, colds[0], "the edit is reported");
    let after = entries(tmp.path());
    assert_eq!(after.len(), before.len());
    assert_eq!(before.iter().zip(&after).filter(|(b, a)| b != a).count(), 1, "only the edited file's entry");
    assert_eq!(zan(tmp.path(), &["check"], true), cold);
}

#[test]
fn warm_runs_match_cold_on_generated_workspaces() {
    let tmp = small_generated(7);
    warm_is_cold(tmp.path(), &commands("kz.act1.am1", "ru"));
    let mut cfg = generator::Config::new(100, 8, 4, 5);
    cfg.file_bytes = 60_000;
    cfg.short = true;
    cfg.acts_per_file = 4;
    let tmp = generated(&cfg);
    warm_is_cold(tmp.path(), &commands("kz.act2.am1", "kk"));
    // Edits: a syntax error (its diagnostics come from the cache too), then
    // a renamed act.
    let files = zan::workspace::discover(&[tmp.path().to_path_buf()]);
    std::fs::write(&files[1], std::fs::read_to_string(&files[1]).unwrap().replacen('}', "} }", 1)).unwrap();
    warm_is_cold(tmp.path(), &commands("kz.act2.am1", "kk"));
    let text = std::fs::read_to_string(&files[0]).unwrap();
    std::fs::write(&files[0], text.replacen("kz.act", "kz.renamed", 1)).unwrap();
    warm_is_cold(tmp.path(), &commands("kz.act2.am1", "kk"));
}

/// Every shipped file and fixture, whole and cut in half (syntax errors),
/// through the cache and back: the same model, diagnostics included.
#[test]
fn entries_round_trip_every_shipped_file() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    let cache = Cache::open(tmp.path()).unwrap();
    let files = zan::workspace::discover(&[root.join("corpus"), root.join("tests/fixtures")]);
    let mut with_diagnostics = 0;
    for (path, text) in files.iter().flat_map(|path| {
        let text = std::fs::read_to_string(path).unwrap();
        let mut half = text.len() / 2;
        while !text.is_char_boundary(half) {
            half += 1;
        }
        [(path.clone(), text.clone()), (path.with_extension("half.zan"), text[..half].to_string())]
    }) {
        let path = &path;
        let cold = zan::document::Document::parse(text.clone()).model;
        with_diagnostics += usize::from(!cold.diagnostics.is_empty());
        let hash = blake3::hash(text.as_bytes());
        cache.put(path, &hash, &cold);
        assert_eq!(cache.get(path, &hash).as_ref(), Some(&cold), "{}", path.display());
        let mut parser = zan::syntax::parser();
        assert_eq!(zan::cache::model(Some(&cache), &mut parser, path, &text), cold);
        // Another text of the same path: not this entry.
        assert_eq!(cache.get(path, &blake3::hash(b"other")), None);
    }
    assert!(with_diagnostics > files.len() / 2, "{with_diagnostics} of {}", files.len());
}

/// Diagnostics that lowering does not make, with the `&'static str` fields
/// the cache interns and a message inside another, are stored whole.
#[test]
fn every_kind_of_diagnostic_round_trips() {
    use zan::diag::{Diagnostic, FixTitle, Message};
    let tmp = tempfile::tempdir().unwrap();
    let cache = Cache::open(tmp.path()).unwrap();
    let near =
        Message::WordsNotFound { words: "a".into(), lang: "kk".into(), unit: "x".into(), title: false };
    let file = zan::model::File {
        diagnostics: vec![
            Diagnostic::new(Message::DuplicateStatement { statement: "languages" }, 1..2),
            Diagnostic::new(
                Message::Hygiene {
                    code: "mixed-script",
                    note: zan::lint::hygiene::Note::MixedScript {
                        word: "Kаз".into(),
                        fix: Some("Каз".into()),
                    },
                },
                3..9,
            )
            .with_fix(
                FixTitle::Replace("Каз".into()),
                vec![zan::fixes::Edit { range: 3..9, replacement: "Каз".into() }],
            ),
            Diagnostic::new(Message::WordsNotFoundNear(Box::new((near, "b".into(), "c".into()))), 0..0),
            Diagnostic::new(Message::UnnumberedAddition { kind: "article" }, 5..6),
        ],
        ..Default::default()
    };
    let hash = blake3::hash(b"text");
    cache.put(Path::new("f.zan"), &hash, &file);
    assert_eq!(cache.get(Path::new("f.zan"), &hash), Some(file));
}

/// The one entry of a one-file workspace, after a run filled it.
fn one_entry(dir: &Path) -> PathBuf {
    let e = entries(dir);
    assert_eq!(e.len(), 1);
    e[0].0.clone()
}

const ACT: &str = "act kz.a version 2020-01-01 {\n  languages en\n  languages en\n  article 1 { en official \"One  two.\" }\n  article 1 { en official \"Again.\" }\n}\n";

/// Every byte of an entry changed in turn, and the entry cut at every
/// length: never used (the library says so), and the model is the cold one
/// (then stored again). A sample of them through the command line.
#[test]
fn corrupt_and_truncated_entries_are_ignored() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("a.zan");
    std::fs::write(&path, ACT).unwrap();
    let cold = zan(tmp.path(), &["check"], false);
    assert_eq!(cold.2, Some(1), "{cold:?}");
    assert_eq!(zan(tmp.path(), &["check"], true), cold);
    let entry = one_entry(tmp.path());
    // The command line's own entries (this test is another build: its
    // entries are not the command line's), a sample of positions.
    let cli = std::fs::read(&entry).unwrap();
    for i in (0..cli.len()).step_by(cli.len() / 12) {
        let mut bad = cli.clone();
        bad[i] ^= 0x55;
        std::fs::write(&entry, &bad).unwrap();
        assert_eq!(zan(tmp.path(), &["check"], true), cold, "byte {i}");
        assert_eq!(std::fs::read(&entry).unwrap(), cli, "byte {i}: the entry is written again");
        std::fs::write(&entry, &cli[..i]).unwrap();
        assert_eq!(zan(tmp.path(), &["check"], true), cold, "cut at {i}");
        assert_eq!(std::fs::read(&entry).unwrap(), cli, "cut at {i}: the entry is written again");
    }
    // Every byte, in the library.
    let cache = Cache::open(tmp.path()).unwrap();
    let hash = blake3::hash(ACT.as_bytes());
    let model = zan::document::Document::parse(ACT.to_string()).model;
    assert!(!model.diagnostics.is_empty());
    cache.put(&path, &hash, &model);
    let good = std::fs::read(&entry).unwrap();
    assert_eq!(cache.get(&path, &hash).as_ref(), Some(&model));
    let mut parser = zan::syntax::parser();
    for i in 0..good.len() {
        for flip in [0x01u8, 0x80, 0xff] {
            let mut bad = good.clone();
            bad[i] ^= flip;
            std::fs::write(&entry, &bad).unwrap();
            assert_eq!(cache.get(&path, &hash), None, "byte {i} ^ {flip:#x} was trusted");
            assert_eq!(zan::cache::model(Some(&cache), &mut parser, &path, ACT), model, "byte {i}");
            assert_eq!(std::fs::read(&entry).unwrap(), good, "byte {i}: the entry is written again");
        }
    }
    for len in 0..good.len() {
        std::fs::write(&entry, &good[..len]).unwrap();
        assert_eq!(cache.get(&path, &hash), None, "cut at {len}");
    }
    let mut longer = good.clone();
    longer.push(0);
    std::fs::write(&entry, &longer).unwrap();
    assert_eq!(cache.get(&path, &hash), None, "a byte more");
}

/// An entry another build wrote (another executable, version or format):
/// its header differs, and the entry is not used but replaced.
#[test]
fn entries_of_another_build_are_ignored() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("a.zan");
    std::fs::write(&path, ACT).unwrap();
    let cold = zan(tmp.path(), &["check"], false);
    // The command line's binary and this test's are two builds: each
    // ignores and replaces the other's entry.
    assert_eq!(zan(tmp.path(), &["check"], true), cold);
    let entry = one_entry(tmp.path());
    let cli = std::fs::read(&entry).unwrap();
    let cache = Cache::open(tmp.path()).unwrap();
    let hash = blake3::hash(ACT.as_bytes());
    let model = zan::document::Document::parse(ACT.to_string()).model;
    cache.put(&path, &hash, &model);
    let ours = std::fs::read(&entry).unwrap();
    assert_ne!(ours, cli);
    assert_eq!(zan(tmp.path(), &["check"], true), cold);
    assert_eq!(std::fs::read(&entry).unwrap(), cli, "the command line replaced the test's entry");
    // Another version of zan: the version in the header differs.
    let version = env!("CARGO_PKG_VERSION").as_bytes();
    let at = cli.windows(version.len()).position(|w| w == version).unwrap();
    let mut other = cli.clone();
    other[at] = b'9';
    std::fs::write(&entry, &other).unwrap();
    assert_eq!(zan(tmp.path(), &["check"], true), cold);
    assert_eq!(std::fs::read(&entry).unwrap(), cli);
}

/// A cache that cannot be written changes nothing: its folder is a file, an
/// entry's place is a folder, the folder is on a file system where nothing
/// can be created (a symlink into /proc), or the disk is full (a tiny
/// tmpfs, when this machine lets the test mount one).
#[test]
fn a_cache_that_cannot_be_written_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("a.zan"), ACT).unwrap();
    let cold = zan(tmp.path(), &["check"], false);
    let cache = tmp.path().join(DIR);
    std::fs::write(&cache, "not a folder").unwrap();
    assert_eq!(zan(tmp.path(), &["check"], true), cold);
    std::fs::remove_file(&cache).unwrap();
    assert_eq!(zan(tmp.path(), &["check"], true), cold);
    let entry = one_entry(tmp.path());
    std::fs::remove_file(&entry).unwrap();
    std::fs::create_dir_all(entry.join("x")).unwrap();
    assert_eq!(zan(tmp.path(), &["check"], true), cold);
    std::fs::remove_dir_all(&cache).unwrap();
    std::os::unix::fs::symlink("/proc/self/fdinfo", &cache).unwrap();
    assert_eq!(zan(tmp.path(), &["check"], true), cold);
    std::fs::remove_file(&cache).unwrap();

    let disk = tempfile::tempdir().unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
        .arg(disk.path())
        .output()
        .is_ok_and(|o| o.status.success());
    if !mounted {
        eprintln!("note: no tmpfs could be mounted: the full disk is not tested");
        return;
    }
    let result = std::panic::catch_unwind(|| {
        let ws = disk.path();
        std::fs::write(ws.join("a.zan"), ACT).unwrap();
        std::fs::create_dir(ws.join(DIR)).unwrap();
        std::fs::write(ws.join(DIR).join(".gitignore"), "*\n").unwrap();
        // Fill the disk.
        let mut filler = std::fs::File::create(ws.join("filler")).unwrap();
        let block = vec![0u8; 1024];
        while std::io::Write::write_all(&mut filler, &block).is_ok() {}
        drop(filler);
        let cold = zan(ws, &["check"], false);
        assert_eq!(cold.2, Some(1), "{cold:?}");
        assert_eq!(zan(ws, &["check"], true), cold);
        assert!(entries(ws).is_empty());
    });
    let _ = Command::new("umount").arg(disk.path()).status();
    if let Err(e) = result {
        std::panic::resume_unwind(e);
    }
}

/// Processes that fill and read one cache at the same time: each prints
/// the cold output, and the entries left are whole.
#[test]
fn two_writers_at_once() {
    let tmp = small_generated(11);
    let dir = tmp.path();
    let cold = zan(dir, &["check"], false);
    for round in 0..3 {
        std::fs::remove_dir_all(dir.join(DIR)).ok();
        let runs: Vec<Run> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..4).map(|_| s.spawn(|| zan(dir, &["check"], true))).collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        for run in runs {
            assert_eq!(run, cold, "round {round}");
        }
        let before = entries(dir);
        assert_eq!(zan(dir, &["check"], true), cold);
        assert_eq!(entries(dir), before, "round {round}: an entry was not whole");
        let leftovers = std::fs::read_dir(dir.join(DIR))
            .unwrap()
            .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().starts_with(".tmp"))
            .count();
        assert_eq!(leftovers, 0);
    }
}

/// `--no-cache` and `ZAN_NO_CACHE` neither read nor write it.
#[test]
fn no_cache_neither_reads_nor_writes() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("a.zan"), ACT).unwrap();
    zan(tmp.path(), &["check"], false);
    assert!(!tmp.path().join(DIR).exists());
    let out = Command::new(env!("CARGO_BIN_EXE_zan"))
        .arg("check")
        .current_dir(tmp.path())
        .env("ZAN_NO_CACHE", "1")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!tmp.path().join(DIR).exists());
    // With zan.toml, the cache is beside it, whatever folder is checked.
    std::fs::create_dir(tmp.path().join("sub")).unwrap();
    std::fs::rename(tmp.path().join("a.zan"), tmp.path().join("sub/a.zan")).unwrap();
    std::fs::write(tmp.path().join("zan.toml"), "").unwrap();
    zan(&tmp.path().join("sub"), &["check", "."], true);
    assert!(tmp.path().join(DIR).is_dir());
    assert!(!tmp.path().join("sub").join(DIR).exists());
}
