//! Commands on one act or amendment parse only the files they need
//! (`loader::needed`), and print exactly what they print when every file of
//! the workspace is parsed and checked (`--all-files`): the same stdout,
//! stderr and exit code, on the shipped corpus and on generated workspaces.

use std::path::{Path, PathBuf};

use crate::gen_corpus::generator;
use zan::document::Document;

fn zan(dir: &Path, args: &[&str]) -> (String, String, Option<i32>) {
    let out = crate::zan_command()
        .args(args)
        .arg("--workspace")
        .arg(dir)
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .output()
        .unwrap();
    let text = |b: Vec<u8>| String::from_utf8_lossy(&b).into_owned();
    (text(out.stdout), text(out.stderr), out.status.code())
}

/// The ids the workspace declares: (acts, amendments), each once.
fn ids(dir: &Path) -> (Vec<String>, Vec<String>) {
    let (mut acts, mut amendments) = (Vec::new(), Vec::new());
    for path in zan::workspace::discover(&[dir.to_path_buf()]) {
        let heads = zan::scan::heads(&std::fs::read_to_string(path).unwrap());
        acts.extend(heads.acts);
        amendments.extend(heads.amendments.into_iter().map(|a| a.id));
    }
    for v in [&mut acts, &mut amendments] {
        v.sort();
        v.dedup();
    }
    (acts, amendments)
}

/// Every command on every id, with and without `--all-files`.
fn same_as_whole(dir: &Path, as_of: &str) -> usize {
    let (acts, amendments) = ids(dir);
    let mut runs: Vec<Vec<String>> = Vec::new();
    let words = |s: &str| s.split(' ').map(str::to_string).collect::<Vec<_>>();
    for id in &amendments {
        for command in [
            "diff ID --format unified",
            "table ID --format markdown --compare",
            "table ID --lang ru --format html",
            "bill ID --lang kk",
            "bill ID --lang ru --publications",
            "consolidate ID --format text",
        ] {
            runs.push(words(&command.replace("ID", id)));
        }
    }
    for id in &acts {
        for command in
            ["consolidate ID", "consolidate ID --include draft --format text", "consolidate ID --as-of DATE"]
        {
            runs.push(words(&command.replace("ID", id).replace("DATE", as_of)));
        }
    }
    runs.push(words("diff no.such-id"));
    for args in &runs {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let fast = zan(dir, &args);
        let whole = zan(dir, &[&args[..], &["--all-files"]].concat());
        assert_eq!(fast, whole, "zan {}", args.join(" "));
    }
    runs.len()
}

fn generated(dir: &Path, cfg: &generator::Config) {
    generator::generate(cfg, |path, text| {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap())?;
        std::fs::write(path, text)
    })
    .unwrap();
}

fn small(articles: usize, acts: usize, amendments: usize, seed: u64) -> generator::Config {
    let mut cfg = generator::Config::new(articles, acts, amendments, seed);
    cfg.file_bytes = 60_000;
    cfg
}

#[test]
fn corpus_commands_match_the_whole_workspace() {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
    assert!(same_as_whole(&corpus, "2027-01-01") > 40);
}

#[test]
fn generated_commands_match_the_whole_workspace() {
    for (seed, short) in [(3, false), (4, true)] {
        let dir = tempfile::tempdir().unwrap();
        generated(dir.path(), &generator::Config { short, ..small(120, 3, 6, seed) });
        same_as_whole(dir.path(), "2026-06-30");
    }
}

/// Many small acts to a file (`gen-corpus --acts-per-file`): a command on
/// one of them parses the files that hold it.
#[test]
fn many_small_acts_match_the_whole_workspace() {
    let dir = tempfile::tempdir().unwrap();
    generated(dir.path(), &generator::Config { short: true, acts_per_file: 4, ..small(100, 8, 4, 5) });
    let bundles = std::fs::read_dir(dir.path().join("acts")).unwrap().count();
    assert_eq!(bundles, 2);
    let files = needed(dir.path(), "kz.act1.am1").unwrap();
    assert!(files.iter().any(|f| f == "acts/bundle-001.zan"), "{files:?}");
    same_as_whole(dir.path(), "2026-06-30");
}

/// The parsed files of `needed` for `id`, as paths relative to `dir`.
fn needed(dir: &Path, id: &str) -> Option<Vec<String>> {
    let paths = zan::workspace::discover(&[dir.to_path_buf()]);
    let texts: Vec<String> = paths.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let parsed = zan::loader::needed(&refs, id, |f| Document::parse(texts[f].clone()), |d| &d.model)?;
    Some(parsed.iter().map(|(f, _)| paths[*f].strip_prefix(dir).unwrap().display().to_string()).collect())
}

#[test]
fn one_amendment_parses_its_act_and_what_it_cites() {
    let dir = tempfile::tempdir().unwrap();
    generated(dir.path(), &small(240, 3, 6, 3));
    let all = zan::workspace::discover(&[dir.path().to_path_buf()]).len();
    let files = needed(dir.path(), "kz.act2.am1").unwrap();
    assert!(files.iter().any(|f| f == "amendments/kz.act2.am1.zan"), "{files:?}");
    // The act's own files, and the other amendment of the same act.
    assert!(files.iter().any(|f| f == "amendments/kz.act2.am2.zan"), "{files:?}");
    assert!(files.iter().filter(|f| f.starts_with("acts/kz.act2/")).count() > 1, "{files:?}");
    // Not the amendments of other acts.
    assert!(!files.iter().any(|f| f.starts_with("amendments/kz.act1")), "{files:?}");
    assert!(files.len() < all, "{} of {all}", files.len());
    // An id nobody declares: every file, so that the error lists what there is.
    assert_eq!(needed(dir.path(), "kz.nothing"), None);
}

#[test]
fn a_broken_file_stops_the_command_only_when_needed() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write(
        "a.zan",
        "act kz.a version 2020-01-01 {\n  languages en\n  article 1 { en official \"One.\" }\n  article 2 { en official \"Two.\" }\n}\n",
    );
    write(
        "am.zan",
        "amendment kz.a.am1 {\n  target kz.a version 2020-01-01\n  status adopted\n  in-force 2021-01-01\n  repeal article 2\n}\n",
    );
    // Another act, broken: the amendment neither targets nor cites it.
    write(
        "b.zan",
        "act kz.b version 2020-01-01 {\n  languages en\n  article 1 { en official \"x\" frobnicate }\n}\n",
    );
    let (out, err, code) = zan(dir.path(), &["consolidate", "kz.a.am1", "--format", "text"]);
    assert_eq!((code, err.as_str()), (Some(0), ""), "{out}");
    assert!(out.contains("One."), "{out}");
    // Parsed all the same, it is left out with a warning: it defines
    // nothing the amendment needs.
    let (_, err, code) = zan(dir.path(), &["consolidate", "kz.a.am1", "--all-files"]);
    assert_eq!(code, Some(0));
    assert!(err.contains("b.zan:3:") && err.contains("the file is left out"), "{err}");
    // A broken file the scan cannot read is parsed, and left out the same way…
    write("c.zan", "act kz.c version 2020-01-01 {\n  article 1 { en official \"x\" }\n");
    let (_, err, code) = zan(dir.path(), &["consolidate", "kz.a.am1"]);
    assert_eq!(code, Some(0));
    assert!(err.contains("c.zan") && err.contains("the file is left out"), "{err}");
    // …but one that defines the act stops the command.
    write("c.zan", "act kz.a version 2030-01-01 {\n  article 1 { en official \"x\" }\n");
    let (_, err, code) = zan(dir.path(), &["consolidate", "kz.a.am1"]);
    assert_eq!(code, Some(1));
    assert!(
        err.starts_with("error[syntax-error]: syntax error: missing `}`\n --> ")
            && err.contains("c.zan:2:32"),
        "{err}"
    );
}

/// References from other acts to what an amendment repeals or renumbers are
/// reported stale: the files that hold them are parsed, the others not.
#[test]
fn files_citing_a_repealed_unit_are_parsed() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    let act = |id: &str, body: &str| format!("act {id} version 2020-01-01 {{\n  languages en\n{body}}}\n");
    write(
        "a.zan",
        &act(
            "kz.a",
            "  article 1 { en official \"One.\" }\n  article 2 { en official \"Two.\" }\n  article 3 { en official \"Three.\" }\n  article 4 { en official \"Four.\" }\n",
        ),
    );
    write("b.zan", &act("kz.b", "  article 1 { en official \"See [Article 2](kz.a article 2).\" }\n"));
    write("c.zan", &act("kz.c", "  article 1 { en official \"See [Article 1](kz.a article 1).\" }\n"));
    write(
        "d.zan",
        &act("kz.d", "  article 1 { en official \"See [Articles 3 to 4](kz.a article 3..4).\" }\n"),
    );
    write("e.zan", &act("kz.e", "  article 1 { en official \"See [Article 3](kz.a article 3).\" }\n"));
    let amendment = |id: &str, op: &str| {
        format!(
            "amendment {id} {{\n  target kz.a version 2020-01-01\n  status adopted\n  in-force 2021-01-01\n  {op}\n}}\n"
        )
    };
    write("am1.zan", &amendment("kz.a.am1", "repeal article 2"));
    write("am2.zan", &amendment("kz.a.am2", "renumber article 3 to 3-1"));
    let files = needed(dir.path(), "kz.a.am1").unwrap();
    // b cites the repealed article 2, d a range, e article 3 that am2 renumbers.
    assert_eq!(files, ["a.zan", "am1.zan", "am2.zan", "b.zan", "d.zan", "e.zan"]);
    let (_, err, code) = zan(dir.path(), &["diff", "kz.a.am1", "--format", "unified"]);
    assert_eq!(code, Some(0));
    assert!(err.contains("kz.b article 1"), "{err}");
    same_as_whole(dir.path(), "2022-01-01");
}
