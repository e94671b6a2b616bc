//! A paraphrase never passes for the law: over every shipped amendment,
//! every language and every official-layout output (the bill, the table in
//! Markdown and HTML, the consolidated text, the compare view), each
//! `summary` text that appears is marked, and its footnote names its
//! source. A marker-free output with a summary in it fails this test.

use std::path::PathBuf;

use zan::document::Document;
use zan::model::{Fidelity, File, Text, Unit};
use zan::redline::{html, markdown};

fn corpus() -> Vec<File> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
    zan::workspace::discover(&[root])
        .iter()
        .map(|p| Document::parse(std::fs::read_to_string(p).unwrap()).model)
        .collect()
}

fn summaries<'a>(units: &'a [Unit], lang: &str, out: &mut Vec<&'a Text>) {
    for u in units {
        let own = u.content.titles.iter().chain(&u.content.texts);
        out.extend(own.filter(|t| t.lang == lang && t.fidelity == Some(Fidelity::Summary)));
        summaries(&u.content.children, lang, out);
    }
}

/// Every summary of `texts` that `doc` shows has a footnote with its source,
/// and that footnote's marker also appears before the footnotes.
fn assert_marked(doc: &str, texts: &[&Text], escape: fn(&str) -> String, what: &str) -> usize {
    let mut seen = 0;
    for t in texts {
        if t.value.plain.len() < 12 || !doc.contains(&escape(&t.value.plain)) {
            continue;
        }
        seen += 1;
        let cite = escape(t.cite.as_deref().unwrap_or(""));
        let at =
            doc.find(&format!(": {cite}.")).unwrap_or_else(|| panic!("{what}: no footnote for {cite:?}"));
        // The footnote starts with its marker; the body cites the same marker.
        let start = doc[..at].rfind(['\n', '>']).map_or(0, |i| i + 1);
        let marker = &doc[start..doc[start..].find(' ').unwrap() + start];
        let body = &doc[..start];
        assert!(body.contains(marker), "{what}: {marker} of {cite:?} is not in the body");
    }
    seen
}

fn plain(s: &str) -> String {
    s.to_string()
}

#[test]
fn every_summary_shown_is_marked_and_footnoted() {
    let files = corpus();
    let ids: Vec<String> = files.iter().flat_map(|f| f.amendments.iter().map(|a| a.id.clone())).collect();
    assert!(ids.len() >= 4);
    let mut checked = 0;
    for id in &ids {
        let a = zan::engine::apply_amendment(&files, id).unwrap();
        let (base, result) = (a.base.to_act(), a.result.to_act());
        for lang in ["kk", "ru", "en"] {
            let mut texts = Vec::new();
            summaries(&base.units, lang, &mut texts);
            summaries(&result.units, lang, &mut texts);
            let table = zan::render::table::table(&a, lang, &[]);
            checked += assert_marked(&zan::render::bill::bill(&a, lang).text(), &texts, plain, "bill");
            checked += assert_marked(&table.markdown(true), &texts, markdown::escape, "table markdown");
            checked += assert_marked(&table.html(true), &texts, html::escape, "table html");
            checked += assert_marked(&zan::render::text::act(&result, lang), &texts, plain, "consolidate");
        }
    }
    assert!(checked > 100, "only {checked} summaries seen");
}

#[test]
fn the_compare_view_marks_summaries() {
    let files = corpus();
    let index = zan::analysis::Index::build(&files);
    let target = Document::parse(
        "amendment x.y.z {\n  target kz.cc version 2024-01-01\n  repeal article 15\n}\n".into(),
    )
    .model
    .amendments[0]
        .operations[0]
        .target()
        .cloned()
        .unwrap();
    for lang in ["kk", "ru", "en"] {
        let view = zan::render::compare::view(&index, "kz.cc", &target, lang).unwrap();
        let mut texts = Vec::new();
        let act =
            files.iter().flat_map(|f| &f.acts).find(|a| a.id == "kz.cc" && !a.units.is_empty()).unwrap();
        summaries(&act.units, lang, &mut texts);
        assert!(assert_marked(&view.term(), &texts, plain, "compare") > 0);
        assert!(assert_marked(&view.markdown(), &texts, markdown::escape, "compare markdown") > 0);
    }
}
