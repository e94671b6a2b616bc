//! `zan review`: the static review site's files, pages, links and refusals
//! on the shipped corpus (tests/review-site.sh opens it in Chromium).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn zan(args: &[&str]) -> Output {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
    crate::zan_command()
        .args(args)
        .arg("--workspace")
        .arg(corpus)
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .output()
        .unwrap()
}

fn files(dir: &Path) -> Vec<String> {
    fn go(root: &Path, dir: &Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                go(root, &p, out);
            } else {
                out.push(p.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/"));
            }
        }
    }
    let mut out = Vec::new();
    go(dir, dir, &mut out);
    out.sort();
    out
}

fn site(ids: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    let mut args = vec!["review"];
    args.extend(ids);
    args.extend(["--lang", "ru", "--out", out.to_str().unwrap()]);
    let o = zan(&args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    (dir, out)
}

#[test]
fn one_amendment_gives_its_pages_in_three_languages_and_the_index_of_all() {
    let (_d, out) = site(&["kz.cc.age-14"]);
    let mut expected = vec![".zan-generated", "assets/site.css", "assets/site.js", "index.html"];
    let pages: Vec<String> = ["en", "kk", "ru"]
        .iter()
        .flat_map(|l| {
            ["bill.html", "index.html", "table.html"]
                .iter()
                .map(move |p| format!("{l}/kz.cc.age-14/{p}"))
                .chain([format!("{l}/index.html")])
        })
        .collect();
    expected.extend(pages.iter().map(String::as_str));
    expected.sort();
    assert_eq!(files(&out), expected);
    // The front page is in the language asked for; it lists every amendment
    // of the workspace with its status, and links only those with pages.
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.starts_with("<!DOCTYPE html>\n<html lang=\"ru\">"), "{index}");
    assert!(index.contains("<a href=\"ru/kz.cc.age-14/index.html\">kz.cc.age-14</a>"), "{index}");
    for id in ["kz.cc.demo-operations", "kz.cc.itn-aggravating", "kz.cc.network-offences-definition"] {
        assert!(index.contains(&format!("<td>{id} (страница не создана)</td>")), "{id}: {index}");
    }
    assert!(index.contains("<span class=\"zan-status zan-status-proposed\">внесена</span>"), "{index}");
}

#[test]
fn the_act_page_shows_the_changes_in_place() {
    let (_d, out) = site(&["kz.cc.age-14"]);
    let page = std::fs::read_to_string(out.join("kk/kz.cc.age-14/index.html")).unwrap();
    // Landmarks, one h1, the skip link.
    for needle in [
        "<a class=\"zan-skip\" href=\"#main\">",
        "<header class=\"zan-banner\">",
        "<nav class=\"zan-toc\" aria-label=\"Мазмұны\">",
        "<main id=\"main\" tabindex=\"-1\">",
        "<footer class=\"zan-footer\">",
        "<search class=\"zan-search\">",
    ] {
        assert_eq!(page.matches(needle).count(), 1, "{needle}");
    }
    assert_eq!(page.matches("<h1>").count(), 1);
    // The changed article is open, an unchanged one collapsed; both in the contents.
    assert!(page.contains("<details class=\"zan-unit zan-same zan-touched\" id=\"art_15\" data-unit open>"));
    assert!(page.contains("<details class=\"zan-unit zan-same\" id=\"art_3\" data-unit>"));
    assert!(page.contains("<li class=\"zan-toc-changed\"><a href=\"#art_15\">15-бап. Қылмыстық жауаптылыққа жататын адамдар [2]</a>"));
    assert!(page.contains("<li><a href=\"#art_3\">"));
    // The new part, marked in words as well as by <ins>, with its permalink.
    assert!(page.contains("<div class=\"zan-unit zan-new zan-touched\" id=\"art_15__para_2-1\" data-unit><a class=\"zan-permalink\" href=\"#art_15__para_2-1\" aria-label=\"Тұрақты сілтеме: 15-баптың 2-1-бөлігі\">#</a><div class=\"zan-text\"><p class=\"zan-inserted\"><ins class=\"zan-ins\">2-1. Қылмыс жасаған кезге қарай"));
    assert!(page.contains("</div> <span class=\"zan-badge\">жаңа</span><aside class=\"zan-aside\" aria-label=\"Өзгеріс туралы\">"));
    // Beside it, the comparative provisions with their texts and relation.
    assert!(page.contains("<li><span class=\"zan-relation\">қатаңырақ</span> — 11-бап (lv.kl) (lv)<br><span class=\"zan-foreign\">11-бап.<br>"));
    // The changed part: words struck and inserted.
    assert!(page.contains("id=\"art_15__para_3\""));
    assert!(page.contains("<ins class=\"zan-ins\">, екінші</ins>"));
    assert!(page.contains("<del class=\"zan-del\">"));
    // The language switch names the same page in each language.
    assert!(page.contains("<a class=\"zan-lang\" hreflang=\"ru\" lang=\"ru\" href=\"../../ru/kz.cc.age-14/index.html\">Русский</a>"));
    // Summaries are marked and footnoted, as in every official-layout output.
    assert!(page.contains("<p class=\"zan-footnote\">[1] "), "{page}");
}

#[test]
fn table_and_bill_pages_are_those_of_table_and_bill() {
    let (_d, out) = site(&["kz.cc.age-14"]);
    let table = std::fs::read_to_string(out.join("ru/kz.cc.age-14/table.html")).unwrap();
    assert!(table.contains("<body class=\"zan-page-table\">"));
    assert!(table.contains("<h2>Сравнительная таблица к проекту Закона Республики Казахстан «"));
    assert!(table.contains("<th>Зарубежное законодательство</th>"));
    let bill = std::fs::read_to_string(out.join("ru/kz.cc.age-14/bill.html")).unwrap();
    assert!(bill.contains("<p>ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН</p>"), "{bill}");
    let css = std::fs::read_to_string(out.join("assets/site.css")).unwrap();
    assert!(css.contains("@page landscape { size: A4 landscape;"));
    assert!(css.contains(".zan-page-table main { page: landscape; }"));
}

/// Every relative link and script of every page names a file of the site
/// and, with a fragment, an element of it; nothing is fetched from a network.
#[test]
fn every_link_stays_inside_the_site() {
    let (_d, out) = site(&[]);
    let mut checked = 0;
    for f in files(&out).iter().filter(|f| f.ends_with(".html")) {
        let page = std::fs::read_to_string(out.join(f)).unwrap();
        assert!(!page.contains("http://") && !page.contains("https://"), "{f}");
        let dir = out.join(f).parent().unwrap().to_path_buf();
        for attr in ["href=\"", "src=\""] {
            for piece in page.split(attr).skip(1) {
                let link = &piece[..piece.find('"').unwrap()];
                if link == "data:," {
                    continue; // the empty icon, which spares a request for /favicon.ico
                }
                let (file, fragment) = link.split_once('#').unwrap_or((link, ""));
                let target = if file.is_empty() { out.join(f) } else { dir.join(file) };
                assert!(target.is_file(), "{f}: {link}");
                if !fragment.is_empty() {
                    let text = std::fs::read_to_string(&target).unwrap();
                    assert!(text.contains(&format!("id=\"{fragment}\"")), "{f}: {link}");
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 500, "{checked}");
}

#[test]
fn refuses_a_directory_it_did_not_write_and_an_unknown_amendment() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
    let o = zan(&["review", "--out", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        format!(
            "error: {0}: {0} is not empty and was not written by zan; give a new or empty directory\n",
            dir.path().display()
        )
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    let o = zan(&["review", "kz.cc.nothing", "--out", dir.path().join("s").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&o.stderr), "error: no amendment `kz.cc.nothing` in the workspace\n");
    assert!(!dir.path().join("s").exists());
}

/// The source's remarks beside their units, and what a reviewer needs to
/// comment in the page (tests/review-site.sh uses both in Chromium).
#[test]
fn remarks_stand_beside_their_units_and_each_unit_takes_a_comment() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    let status = Command::new("cp")
        .arg("-r")
        .arg(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus"))
        .arg(&ws)
        .status()
        .unwrap();
    assert!(status.success());
    let seed = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/review-site/remarks.json");
    let run = |args: &[&str]| {
        let o =
            crate::zan_command().args(args).arg("--workspace").arg(&ws).env("LANG", "C").output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    };
    run(&["review", "import", seed.to_str().unwrap()]);
    let out = dir.path().join("site");
    run(&["review", "kz.cc.age-14", "--out", out.to_str().unwrap()]);
    let page = std::fs::read_to_string(out.join("ru/kz.cc.age-14/index.html")).unwrap();
    assert!(page.contains("по новой части 2-1.</p>\n</aside>\n<div class=\"zan-remarks\">\n<p class=\"zan-remarks-title\">Замечания</p>\n<article class=\"zan-remark zan-remark-open\">\n<p class=\"zan-remark-head\"><span class=\"zan-remark-status\">● открыто</span> <strong>Әсел Нұрова</strong> · <time datetime=\"2025-03-01\">2025-03-01</time></p>\n<p>Жас шегін негіздеу керек.</p>\n<p>Статистика қажет.</p>\n<ol class=\"zan-replies\" aria-label=\"Ответы\">\n<li><p class=\"zan-remark-head\"><strong>Bolat</strong> · <time datetime=\"2025-03-02\">2025-03-02</time></p>\n<p>Согласен, нужна статистика.</p>\n</li>\n</ol>\n</article>\n</div>\n<button type=\"button\" class=\"zan-comment\">Добавить замечание<span class=\"zan-sr\"> — часть 3 статьи 15</span></button>\n</div>"), "{page}");
    assert!(page.contains("<article class=\"zan-remark zan-remark-resolved\">\n<p class=\"zan-remark-head\"><span class=\"zan-remark-status\">✓ решено</span> <strong>Ирина</strong>"));
    assert!(page.contains("<div class=\"zan-review\" id=\"zan-review\" data-act=\"kz.cc@2024-01-01\" "));
    // The new part takes a comment too (it goes into the amendment's `add`).
    let new_part =
        &page[page.find("id=\"art_15__para_2-1\"").unwrap()..page.find("id=\"art_15__para_3\"").unwrap()];
    assert!(new_part.contains("<button type=\"button\" class=\"zan-comment\">Добавить замечание<span class=\"zan-sr\"> — часть 2-1 статьи 15</span></button>"), "{new_part}");
    assert!(page.contains("<button type=\"button\" id=\"zan-export\" disabled>Выгрузить замечания (<span id=\"zan-count\">0</span>)</button>"));
}
