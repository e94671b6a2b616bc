//! `zan import law`: amending laws in the official layout into amendments,
//! and the round trip `zan bill` → `zan import law` for every shipped and
//! generated amendment, which must give back the same operations.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use zan::document::Document;
use zan::model::{InsertPosition, Occurrence, Operation, OperationKind, Place, Segment, UnitContent};

use super::gen_corpus::generator;

fn zan(args: &[&str], dir: &Path) -> Output {
    crate::zan_command().args(args).current_dir(dir).output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn path(p: &[Segment]) -> String {
    zan::model::written::path(p)
}

/// A unit's words in one language and its units', without marks and links.
fn content(c: &UnitContent, lang: &str) -> String {
    let mut out = String::new();
    for t in c.titles.iter().chain(&c.texts).filter(|t| t.lang == lang) {
        out.push_str(t.value.plain.trim());
        out.push('|');
    }
    for u in &c.children {
        out.push_str(&format!(
            "({} {} {})",
            u.kind.keyword(),
            u.number.as_ref().map_or("", |n| &n.text),
            content(&u.content, lang)
        ));
    }
    out
}

fn occ(o: Option<Occurrence>) -> String {
    match o {
        Some(Occurrence::Nth(n)) => format!(" #{n}"),
        _ => String::new(),
    }
}

/// What an operation does in one language, one line per word change: what
/// a bill in that language says. The bill does not say where an added
/// unit goes (only its parent) nor whether references follow a renumbering,
/// and writes an insertion at the start as a new wording of the unit; words
/// are compared without the spaces at their ends, which the bill's quotes
/// leave out.
fn atoms(op: &Operation, lang: &str) -> Vec<String> {
    match &op.kind {
        OperationKind::Replace { target, changes } => {
            let at = target.as_ref().map_or("throughout".to_string(), |t| path(&t.path));
            changes
                .iter()
                .filter(|c| c.lang == lang)
                .map(|c| {
                    format!(
                        "replace {at} title={} {:?} -> {:?}{}",
                        c.title,
                        c.old.plain.trim(),
                        c.new.plain.trim(),
                        occ(c.occurrence)
                    )
                })
                .collect()
        }
        OperationKind::Delete { target, changes } => changes
            .iter()
            .filter(|c| c.lang == lang)
            .map(|c| {
                format!(
                    "delete {} title={} {:?}{}",
                    path(&target.path),
                    c.title,
                    c.old.plain.trim(),
                    occ(c.occurrence)
                )
            })
            .collect(),
        OperationKind::Insert { target, insertions } => {
            let mine: Vec<_> = insertions.iter().filter(|i| i.lang == lang).collect();
            if mine.iter().any(|i| i.position == InsertPosition::Start) {
                return vec![format!("rewrite {} (insert at start)", path(&target.path))];
            }
            mine.iter()
                .map(|i| {
                    let pos = match &i.position {
                        InsertPosition::After { anchor, occurrence } => {
                            format!("after {:?}{}", anchor.plain.trim(), occ(*occurrence))
                        }
                        InsertPosition::Before { anchor, occurrence } => {
                            format!("before {:?}{}", anchor.plain.trim(), occ(*occurrence))
                        }
                        _ => "at end".to_string(),
                    };
                    format!("insert {} title={} {:?} {pos}", path(&target.path), i.title, i.new.plain.trim())
                })
                .collect()
        }
        OperationKind::Rewrite { target, content: c } => {
            vec![format!("rewrite {} {}", path(&target.path), content(c, lang))]
        }
        OperationKind::Add { kind, number, place, target, content: c } => {
            let parent = match place {
                Place::To => &target.path[..],
                _ => &target.path[..target.path.len().saturating_sub(1)],
            };
            let n = number.as_ref().map_or("", |n| &n.text);
            vec![format!("add {} {n} in [{}] {}", kind.keyword(), path(parent), content(c, lang))]
        }
        OperationKind::Repeal { target } => {
            let to = target.range_end.as_ref().map_or(String::new(), |n| format!("..{}", n.text));
            vec![format!("repeal {}{to}", path(&target.path))]
        }
        OperationKind::Renumber { target, number, .. } => {
            vec![format!("renumber {} to {}", path(&target.path), number.text)]
        }
    }
}

/// The atoms of every operation of the amendment `id` in `text`, sorted
/// (a bill orders its items by the act's structure, not the amendment's).
fn all_atoms(text: &str, id: &str, lang: &str) -> Vec<String> {
    let doc = Document::parse(text.to_string());
    let a = doc
        .model
        .amendments
        .iter()
        .find(|a| a.id == id)
        .unwrap_or_else(|| panic!("no amendment {id} in\n{text}"));
    let mut out: Vec<String> = a.operations.iter().flat_map(|op| atoms(op, lang)).collect();
    out.sort();
    out
}

/// The atoms of the citations a renumbering of `id` rewords: the bill
/// itemises them (`engine::Consequential`), so they come back too.
fn consequential_atoms(dir: &Path, id: &str, lang: &str) -> Vec<String> {
    let files: Vec<zan::model::File> = zan::workspace::discover(&[dir.to_path_buf()])
        .iter()
        .map(|p| Document::parse(std::fs::read_to_string(p).unwrap()).model)
        .collect();
    let applied = zan::engine::apply_amendment(&files, id).unwrap();
    applied.consequential.iter().flat_map(|c| atoms(&c.operation, lang)).collect()
}

/// The imported atoms, where the source inserts words at the start of a
/// unit (which the bill writes as its new wording), as the source's.
fn as_source(mut got: Vec<String>, want: &[String]) -> Vec<String> {
    for g in &mut got {
        if let Some(w) = want.iter().find(|w| {
            w.strip_suffix(" (insert at start)")
                .is_some_and(|p| g.strip_prefix(p).is_some_and(|r| r.starts_with(' ')))
        }) {
            *g = w.clone();
        }
    }
    got.sort();
    got
}

/// `zan bill` of `id` in both languages, imported back, one language at a
/// time and both together: the same operations as the amendment's.
fn round_trip(dir: &Path, id: &str, source: &str) {
    let tmp = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for lang in ["ru", "kk"] {
        let bill = zan(&["bill", id, "--lang", lang], dir);
        assert!(bill.status.success(), "bill {id} {lang}: {}", stderr(&bill));
        let file = tmp.path().join(format!("{lang}.txt"));
        std::fs::write(&file, bill.stdout).unwrap();
        let f = file.to_str().unwrap().to_string();
        let back = zan(&["import", "law", &f, "--lang", lang, "--id", id], dir);
        assert!(
            back.status.success(),
            "import law of the {lang} bill of {id}: {}\n{}",
            stderr(&back),
            stdout(&back)
        );
        let mut want = all_atoms(source, id, lang);
        want.extend(consequential_atoms(dir, id, lang));
        want.sort();
        assert_eq!(
            as_source(all_atoms(&stdout(&back), id, lang), &want),
            want,
            "{id} in {lang}:\n{}",
            stdout(&back)
        );
        files.push(f);
    }
    let both = zan(&["import", "law", &files[0], &files[1], "--lang", "ru,kk", "--id", id], dir);
    assert!(both.status.success(), "{}", stderr(&both));
    for lang in ["ru", "kk"] {
        let mut want = all_atoms(source, id, lang);
        want.extend(consequential_atoms(dir, id, lang));
        want.sort();
        // A new wording in the other language only (words at the start
        // there) is reported, and has no words in this one.
        let mut got = as_source(all_atoms(&stdout(&both), id, lang), &want);
        got.retain(|g| !(g.starts_with("rewrite ") && g.ends_with(' ') && !want.contains(g)));
        assert_eq!(got, want, "{id} merged, {lang}");
    }
    // Importing the same text twice gives the same bytes.
    let again = zan(&["import", "law", &files[0], &files[1], "--lang", "ru,kk", "--id", id], dir);
    assert_eq!(again.stdout, both.stdout);
    // The result is formatted and checks as the source does.
    let out = tmp.path().join("back.zan");
    std::fs::write(&out, &both.stdout).unwrap();
    let fmt = zan(&["fmt", "--check", out.to_str().unwrap()], dir);
    assert!(fmt.status.success(), "fmt --check: {}", stderr(&fmt));
}

#[test]
fn every_shipped_amendment_round_trips_through_its_bill() {
    let corpus = root().join("corpus");
    let mut n = 0;
    for entry in std::fs::read_dir(corpus.join("amendments")).unwrap() {
        let file = entry.unwrap().path();
        let source = std::fs::read_to_string(&file).unwrap();
        let doc = Document::parse(source.clone());
        for a in &doc.model.amendments {
            round_trip(&corpus, &a.id, &source);
            n += 1;
        }
    }
    assert!(n >= 5, "{n} amendments");
}

#[test]
fn generated_amendments_round_trip_through_their_bills() {
    let dir = tempfile::tempdir().unwrap();
    let mut cfg = generator::Config::new(60, 1, 6, 7);
    cfg.file_bytes = 150_000;
    let mut amendments = Vec::new();
    generator::generate(&cfg, |p, text| {
        let file = dir.path().join(p);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, text).unwrap();
        for a in Document::parse(text.to_string()).model.amendments {
            amendments.push((a.id.clone(), text.to_string()));
        }
        Ok(())
    })
    .unwrap();
    assert!(amendments.len() >= 6);
    for (id, source) in &amendments {
        round_trip(dir.path(), id, source);
    }
}

/// Repeals of ranges of articles and of parts, which `zan bill` prints as
/// «статьи 208–210 исключить» / «208-210-баптар алып тасталсын» and «части
/// 2–3 статьи 15 исключить» / «15-баптың 2-3-бөліктері алып тасталсын», come
/// back as ranges.
#[test]
fn range_repeals_round_trip_through_their_bill() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = root().join("corpus");
    let copy = Command::new("cp").arg("-r").arg(&corpus).arg(dir.path().join("ws")).status().unwrap();
    assert!(copy.success());
    let ws = dir.path().join("ws");
    let source = "amendment kz.cc.ranges {\n  target kz.cc version 2024-01-01\n  in-force 2026-01-01\n  repeal article 208..210\n  repeal article 15 part 2..3\n}\n";
    std::fs::write(ws.join("amendments/ranges.zan"), source).unwrap();
    let bill = zan(&["bill", "kz.cc.ranges", "--lang", "ru"], &ws);
    assert!(
        stdout(&bill).contains("1) части 2–3 статьи 15 исключить;\n2) статьи 208–210 исключить.\n"),
        "{}",
        stdout(&bill)
    );
    // After the genitive «15-баптың» the plural is possessive, as in published laws.
    let bill = zan(&["bill", "kz.cc.ranges", "--lang", "kk"], &ws);
    assert!(
        stdout(&bill)
            .contains("1) 15-баптың 2-3-бөліктері алып тасталсын;\n2) 208-210-баптар алып тасталсын.\n"),
        "{}",
        stdout(&bill)
    );
    round_trip(&ws, "kz.cc.ranges", source);
}

/// A law amending two acts in the official layout (tests/import/law-*.txt,
/// written for zan): nested headers, ordinal words, occurrences, headings,
/// «по всему тексту», the database's header line, an unrecognised line.
#[test]
fn law_of_two_acts_in_two_languages_is_the_golden_amendments() {
    let dir = root().join("tests/import");
    let out = zan(
        &["import", "law", "law-ru.txt", "law-kk.txt", "--lang", "ru,kk", "--target", "kz.cc,kz.cpc"],
        &dir,
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "law-ru.txt:27: warning[import-unrecognised]: line not recognised (not an instruction zan knows); kept as a comment\n\
         error: 1 line not imported as units, kept as comments\n"
    );
    assert_eq!(stdout(&out), std::fs::read_to_string(dir.join("law.zan")).unwrap());
}

/// An act the workspace does not have is reported at its line, its
/// amendment kept as comments, and the other act still imported.
#[test]
fn an_act_not_in_the_workspace_is_kept_as_comments() {
    let dir = root().join("tests/import");
    let out = zan(&["import", "law", "law-ru.txt", "--lang", "ru", "--workspace", "../../corpus"], &dir);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "law-ru.txt:27: warning[import-unrecognised]: line not recognised (not an instruction zan knows); kept as a comment\n\
         law-ru.txt:33: warning[import-unknown-act]: no act of the workspace is titled «Уголовно-процессуальный кодекс Республики Казахстан»; its amendment is kept as comments; name it with --target ACT_ID (one per act, in order)\n\
         error: 2 lines not imported as units, kept as comments\n"
    );
    let text = stdout(&out);
    assert!(
        text.starts_with("amendment kz.cc.law-901-viii {\n  target kz.cc version 2024-01-01\n"),
        "{text}"
    );
    assert!(
        text.ends_with(
            "}\n# import-unknown-act law-ru.txt:33: «Уголовно-процессуальный кодекс Республики Казахстан»\n\
             # amendment unknown.law-901-viii {\n\
             # target unknown\n\
             # in-force 2026-01-01\n\
             # title ru official \"образца для проверки импорта\"\n\
             # add note to article 12 {\n\
             # ru official \"Образцовое примечание.\"\n\
             # }\n\
             # renumber article 13-1 to 13-2\n\
             # }\n"
        ),
        "{text}"
    );
}

/// A line not understood stays at its place among the operations.
#[test]
fn an_unrecognised_line_is_kept_in_place() {
    let tmp = tempfile::tempdir().unwrap();
    let law = std::fs::read_to_string(root().join("tests/import/law-ru.txt")).unwrap();
    let law = law.replacen(
        "2) пункт 3) части первой статьи 206 исключить;\n",
        "2) пункт 3) части первой статьи 206 исключить;\nстрока между формулами;\n",
        1,
    );
    let line = law.lines().position(|l| l == "строка между формулами;").unwrap() + 1;
    std::fs::write(tmp.path().join("law.txt"), law).unwrap();
    let out = zan(&["import", "law", "law.txt", "--lang", "ru", "--target", "kz.cc,kz.cpc"], tmp.path());
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains(&format!(
            "  repeal article 206 part 1 point 3\n  # import-unrecognised law.txt:{line}: строка между формулами;\n  replace-all {{\n"
        )),
        "{text}"
    );
}

/// tests/import/law-ru-1251.txt is law-ru.txt with four lines wrapped (an
/// act's item before its «…:», a quote open over the break, a formula before
/// «словами», an anchor's words), in windows-1251: the same amendments, the
/// encoding said.
#[test]
fn a_wrapped_law_in_cp1251_is_the_same_law() {
    let dir = root().join("tests/import");
    let plain = zan(&["import", "law", "law-ru.txt", "--lang", "ru", "--target", "kz.cc,kz.cpc"], &dir);
    let wrapped =
        zan(&["import", "law", "law-ru-1251.txt", "--lang", "ru", "--target", "kz.cc,kz.cpc"], &dir);
    assert_eq!(wrapped.status.code(), Some(1));
    assert_eq!(
        stderr(&wrapped),
        "note: law-ru-1251.txt: read as windows-1251\n\
         law-ru-1251.txt:31: warning[import-unrecognised]: line not recognised (not an instruction zan knows); kept as a comment\n\
         error: 1 line not imported as units, kept as comments\n"
    );
    assert_eq!(stdout(&wrapped), stdout(&plain).replace("law-ru.txt:27:", "law-ru-1251.txt:31:"));
    assert!(stdout(&plain).contains("law-ru.txt:27:"));
}
