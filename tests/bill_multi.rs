//! Multi-act bills (`bill` blocks): the law and its table on the corpus with
//! the fixture of tests/fixtures/multiact/ (a CPC excerpt written for the
//! tests), against golden files in tests/golden/ (regenerate with
//! `UPDATE_EXPECT=1 cargo test --test it bill_multi::` and read the diff);
//! the title and Article 1 of one, two and three acts; and what `zan check`
//! reports about a bill.

use std::path::{Path, PathBuf};
use std::process::Output;

use expect_test::expect_file;
use zan::document::Document;
use zan::engine;
use zan::model::File;

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let to = to.join(path.file_name().unwrap());
        if path.is_dir() { copy(&path, &to) } else { std::fs::copy(&path, &to).map(|_| ()).unwrap() }
    }
}

/// The corpus with the fixture's act, amendments and bill.
fn workspace() -> tempfile::TempDir {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    copy(&root.join("corpus"), dir.path());
    copy(&root.join("tests/fixtures/multiact"), &dir.path().join("multiact"));
    dir
}

fn zan(dir: &Path, args: &[&str]) -> Output {
    crate::zan_command().args(args).current_dir(dir).env("NO_COLOR", "1").env("LANG", "C").output().unwrap()
}

fn stdout(out: Output) -> String {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

const BILL: &str = "kz.bill.multiact-test";

#[test]
fn the_bill_of_two_codes() {
    let ws = workspace();
    expect_file!["golden/multiact.bill.kk.txt"]
        .assert_eq(&stdout(zan(ws.path(), &["bill", BILL, "--lang", "kk"])));
    expect_file!["golden/multiact.bill.ru.txt"]
        .assert_eq(&stdout(zan(ws.path(), &["bill", BILL, "--lang", "ru"])));
}

#[test]
fn one_table_with_a_row_per_act() {
    let ws = workspace();
    let table = |lang: &str, format: &str| {
        stdout(zan(ws.path(), &["table", BILL, "--lang", lang, "--format", format]))
    };
    expect_file!["golden/multiact.table.kk.md"].assert_eq(&table("kk", "markdown"));
    expect_file!["golden/multiact.table.ru.md"].assert_eq(&table("ru", "markdown"));
    expect_file!["golden/multiact.table.ru.html"].assert_eq(&table("ru", "html"));
}

#[test]
fn an_amendment_id_still_gives_its_own_law() {
    let ws = workspace();
    let bill = stdout(zan(ws.path(), &["bill", "kz.cpc.multiact-test", "--lang", "ru"]));
    assert!(
        bill.contains("Статья 1. Внести в Уголовно-процессуальный кодекс Республики Казахстан от 4 июля 2014 года следующие изменение и дополнение:\n1) в статье 1:"),
        "{bill}"
    );
}

#[test]
fn check_reports_a_bad_bill_and_bill_refuses_it() {
    let ws = workspace();
    std::fs::write(
        ws.path().join("bad.zan"),
        "bill kz.bill.bad {\n  amends kz.nothing kz.cpc.multiact-test kz.cc.age-14 kz.cc.itn-aggravating\n}\n",
    )
    .unwrap();
    let out = zan(ws.path(), &["check", "bad.zan", "multiact/bill.zan"]);
    let text = String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap();
    for expected in [
        "error[unknown-amendment]: no amendment `kz.nothing` in the workspace\n --> bad.zan:2:10",
        "error[same-act-in-bill]: a second amendment of `kz.cc` in this bill (`kz.cc.age-14` amends it); merge them into one\n --> bad.zan:2:55",
        "error[amendment-in-two-bills]: `kz.cpc.multiact-test` is already enacted by the bill `kz.bill.bad`\n --> multiact/bill.zan:6:10",
    ] {
        assert!(text.contains(expected), "{expected}\nnot in:\n{text}");
    }
    let out = zan(ws.path(), &["bill", "kz.bill.bad", "--lang", "ru"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8(out.stderr).unwrap().contains("error[unknown-amendment]"));
}

// ------------------------------------------------------ title and Article 1

fn act(id: &str, kind: &str, adopted: &str, kk: &str, ru: &str) -> String {
    format!(
        "act {id} version 2024-01-01 {{\n  kind {kind}\n  adopted {adopted}\n  languages kk ru\n  title kk official \"{kk}\"\n  title ru official \"{ru}\"\n  article 1 {{\n    kk official \"бір сөз\"\n    ru official \"одно слово\"\n  }}\n}}\n"
    )
}

fn amendment(act: &str) -> String {
    format!(
        "amendment {act}.x {{\n  target {act} version 2024-01-01\n  replace article 1 {{\n    kk \"сөз\" -> \"сөйлем\"\n    ru \"слово\" -> \"предложение\"\n  }}\n}}\n"
    )
}

fn files(acts: &[&str]) -> Vec<File> {
    let mut texts = vec![
        act(
            "t.law",
            "law",
            "2010-01-05",
            "«Сынақ туралы» Қазақстан Республикасының Заңы",
            "Закон Республики Казахстан «О тесте»",
        ),
        act(
            "t.cpc",
            "code",
            "2014-07-04",
            "Қазақстан Республикасының Қылмыстық-процестік кодексі",
            "Уголовно-процессуальный кодекс Республики Казахстан",
        ),
        act(
            "t.cc",
            "code",
            "2014-07-03",
            "Қазақстан Республикасының Қылмыстық кодексі",
            "Уголовный кодекс Республики Казахстан",
        ),
    ];
    texts.extend(acts.iter().map(|a| amendment(a)));
    let amends: Vec<String> = acts.iter().map(|a| format!("{a}.x")).collect();
    texts.push(format!(
        "bill t.bill {{\n  title kk summary \"сынақ\" cite \"t\"\n  title ru summary \"испытания\" cite \"t\"\n  amends {}\n}}\n",
        amends.join(" ")
    ));
    texts.into_iter().map(|s| Document::parse(s).model).collect()
}

/// The title and Article 1 (with the acts' headings) of a bill of `acts`.
fn frame(acts: &[&str], lang: &str) -> (String, String) {
    let files = files(acts);
    let found = zan::analysis::analyze(&files);
    assert!(found.is_empty(), "{found:?}");
    let mut applied: Vec<_> =
        acts.iter().map(|a| engine::apply_amendment(&files, &format!("{a}.x")).unwrap()).collect();
    applied.sort_by_key(zan::render::bill::act_order);
    let refs: Vec<_> = applied.iter().collect();
    let (_, law) = engine::find_bill(&files, "t.bill").unwrap();
    let bill = zan::render::bill::bill_of(&refs, law, lang, false);
    let headings: Vec<String> = bill.parts.iter().filter_map(|p| p.heading.clone()).collect();
    (bill.title, std::iter::once(bill.intro).chain(headings).collect::<Vec<_>>().join("\n"))
}

#[test]
fn one_act_in_a_bill_is_named_as_in_a_law_of_one_act() {
    assert_eq!(
        frame(&["t.cc"], "ru"),
        (
            "О внесении изменения в Уголовный кодекс Республики Казахстан по вопросам испытания".into(),
            "Статья 1. Внести в Уголовный кодекс Республики Казахстан от 3 июля 2014 года следующее изменение:".into()
        )
    );
    assert_eq!(
        frame(&["t.cc"], "kk"),
        (
            "Қазақстан Республикасының Қылмыстық кодексіне сынақ мәселелері бойынша өзгеріс енгізу туралы".into(),
            "1-бап. 2014 жылғы 3 шілдедегі Қазақстан Республикасының Қылмыстық кодексіне мынадай өзгеріс енгізілсін:".into()
        )
    );
}

#[test]
fn two_codes_are_named_together_in_the_order_of_adoption() {
    // Written CPC first: the Criminal Code, adopted a day earlier, comes first.
    assert_eq!(
        frame(&["t.cpc", "t.cc"], "ru"),
        (
            "О внесении изменений в Уголовный и Уголовно-процессуальный кодексы Республики Казахстан по вопросам испытания".into(),
            "Статья 1. Внести изменения в следующие законодательные акты Республики Казахстан:\n\
             1. В Уголовный кодекс Республики Казахстан от 3 июля 2014 года:\n\
             2. В Уголовно-процессуальный кодекс Республики Казахстан от 4 июля 2014 года:"
                .into()
        )
    );
    assert_eq!(
        frame(&["t.cpc", "t.cc"], "kk"),
        (
            "Қазақстан Республикасының Қылмыстық және Қылмыстық-процестік кодекстеріне сынақ мәселелері бойынша өзгерістер енгізу туралы".into(),
            "1-бап. Қазақстан Республикасының мына заңнамалық актілеріне өзгерістер енгізілсін:\n\
             1. 2014 жылғы 3 шілдедегі Қазақстан Республикасының Қылмыстық кодексіне:\n\
             2. 2014 жылғы 4 шілдедегі Қазақстан Республикасының Қылмыстық-процестік кодексіне:"
                .into()
        )
    );
}

#[test]
fn acts_of_different_kinds_are_some_legislative_acts_codes_first() {
    // The law is older than both codes, and still comes after them.
    assert_eq!(
        frame(&["t.law", "t.cpc", "t.cc"], "ru"),
        (
            "О внесении изменений в некоторые законодательные акты Республики Казахстан по вопросам испытания".into(),
            "Статья 1. Внести изменения в следующие законодательные акты Республики Казахстан:\n\
             1. В Уголовный кодекс Республики Казахстан от 3 июля 2014 года:\n\
             2. В Уголовно-процессуальный кодекс Республики Казахстан от 4 июля 2014 года:\n\
             3. В Закон Республики Казахстан «О тесте» от 5 января 2010 года:"
                .into()
        )
    );
    assert_eq!(
        frame(&["t.law", "t.cpc", "t.cc"], "kk"),
        (
            "Қазақстан Республикасының кейбір заңнамалық актілеріне сынақ мәселелері бойынша өзгерістер енгізу туралы".into(),
            "1-бап. Қазақстан Республикасының мына заңнамалық актілеріне өзгерістер енгізілсін:\n\
             1. 2014 жылғы 3 шілдедегі Қазақстан Республикасының Қылмыстық кодексіне:\n\
             2. 2014 жылғы 4 шілдедегі Қазақстан Республикасының Қылмыстық-процестік кодексіне:\n\
             3. 2010 жылғы 5 қаңтардағы «Сынақ туралы» Қазақстан Республикасының Заңына:"
                .into()
        )
    );
}
