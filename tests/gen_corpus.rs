//! The benchmark corpus generator: its output parses cleanly, is the same for
//! the same seed, every reference resolves, and every amendment operation
//! applies (quoted words occur exactly once, no two operations share an article,
//! nothing referred to is repealed, renumbered or rewritten).

#[path = "../examples/gen_corpus/mod.rs"]
pub mod generator;

use std::collections::{BTreeSet, HashMap, HashSet};

use generator::{Config, generate};
use tree_sitter::{Node, Parser, Tree};

fn workspace(seed: u64, short: bool) -> Vec<(String, String)> {
    // Short articles are a third of the size: more of them, for as many references.
    let articles = if short { 1000 } else { 400 };
    let mut cfg = Config { short, ..Config::new(articles, 3, 6, seed) };
    cfg.file_bytes = 150_000;
    let mut files = Vec::new();
    let summary = generate(&cfg, |path, text| {
        files.push((path.to_owned(), text.to_owned()));
        Ok(())
    })
    .unwrap();
    assert_eq!(summary.files, files.len());
    assert_eq!(summary.bytes, files.iter().map(|f| f.1.len() as u64).sum::<u64>());
    files
}

fn parse(text: &str) -> Tree {
    let mut parser = Parser::new();
    parser.set_language(&zan::syntax::language()).unwrap();
    parser.parse(text, None).unwrap()
}

#[test]
fn same_seed_same_bytes() {
    let a = workspace(7, false);
    assert_eq!(a, workspace(7, false));
    assert_ne!(a, workspace(8, false));
    assert_ne!(a, workspace(7, true));
}

#[test]
fn every_file_parses_without_error_or_missing_nodes() {
    parses_cleanly(workspace(1, false));
    parses_cleanly(workspace(1, true));
}

fn parses_cleanly(files: Vec<(String, String)>) {
    for (path, text) in &files {
        let tree = parse(text);
        let mut stack = vec![tree.root_node()];
        while let Some(node) = stack.pop() {
            assert!(
                !node.is_error() && !node.is_missing(),
                "{path}:{}: {} node: {}",
                node.start_position().row + 1,
                node.kind(),
                node.to_sexp()
            );
            stack.extend(node.children(&mut node.walk()));
        }
    }
    let paths: Vec<&str> = files.iter().map(|f| f.0.as_str()).collect();
    assert!(paths.contains(&"acts/kz.act1/001.zan") && paths.contains(&"acts/kz.act1/002.zan"), "{paths:?}");
    assert!(
        paths.contains(&"foreign/ru.act1/001.zan") && paths.contains(&"amendments/kz.act3.am2.zan"),
        "{paths:?}"
    );
    // The metadata of an act that spans files is in its first file only.
    for (path, text) in &files {
        let first = path.ends_with("/001.zan");
        if path.starts_with("acts/") {
            assert_eq!(text.contains("\n  jurisdiction kz\n"), first, "{path}");
        }
    }
}

const GROUPINGS: &[&str] = &["book", "division", "section", "subsection", "chapter", "subchapter"];

/// A unit path without groupings, as targets name it: `[("article", "5"), ("part", "2")]`.
type Path = Vec<(String, String)>;

struct Target {
    act: Option<String>,
    path: Path,
    range_end: Option<String>,
}

#[derive(Default)]
struct Workspace {
    /// Per act: every unit path, and the repealed ones.
    units: HashMap<String, HashSet<Path>>,
    repealed: HashSet<(String, Path)>,
    /// (act, unit, language) -> the plain text of the unit's own text.
    texts: HashMap<(String, Path, String), String>,
    /// References and comparative links: (act, enclosing unit, target).
    refs: Vec<(String, Path, Target)>,
    /// Per act and unit: the targets of the references in its kk and in its ru text.
    ref_lists: HashMap<(String, Path, String), Vec<String>>,
    amendments: Vec<(&'static str, Node<'static>)>,
}

fn text<'a>(node: Node, src: &'a str) -> &'a str {
    node.utf8_text(src.as_bytes()).unwrap()
}

fn field<'t>(node: Node<'t>, name: &str) -> Node<'t> {
    node.child_by_field_name(name).unwrap_or_else(|| panic!("{} without {name}", node.kind()))
}

fn target(node: Node, src: &str) -> Target {
    let mut t = Target { act: None, path: Vec::new(), range_end: None };
    for child in node.named_children(&mut node.walk()) {
        match child.kind() {
            "act_id" => t.act = Some(text(child, src).to_owned()),
            "segment" => t
                .path
                .push((text(field(child, "kind"), src).into(), text(field(child, "number"), src).into())),
            "range_end" => t.range_end = Some(text(field(child, "number"), src).to_owned()),
            _ => {}
        }
    }
    t
}

fn show(path: &Path) -> String {
    path.iter().map(|(k, n)| format!("{k} {n}")).collect::<Vec<_>>().join(" ")
}

/// The text of a string as an amendment sees it: references keep their display words.
fn plain(string: Node, src: &str) -> String {
    let mut out = String::new();
    for child in string.named_children(&mut string.walk()) {
        match child.kind() {
            "string_content" => out.push_str(text(child, src)),
            "reference" => out.push_str(child.child_by_field_name("display").map_or("", |d| text(d, src))),
            kind => panic!("unexpected {kind} in a generated string"),
        }
    }
    out
}

impl Workspace {
    fn load(files: &'static [(String, String)]) -> Workspace {
        let mut ws = Workspace::default();
        for (_, src) in files {
            let tree = Box::leak(Box::new(parse(src)));
            let root = tree.root_node();
            for item in root.named_children(&mut root.walk()) {
                match item.kind() {
                    "act" => {
                        let id = text(field(item, "id"), src).to_owned();
                        ws.units.entry(id.clone()).or_default();
                        ws.unit_items(&id, &Vec::new(), field(item, "body"), src);
                    }
                    "amendment" => ws.amendments.push((src, item)),
                    _ => {}
                }
            }
        }
        ws
    }

    fn unit_items(&mut self, act: &str, path: &Path, body: Node, src: &str) {
        for item in body.named_children(&mut body.walk()) {
            match item.kind() {
                "unit" => {
                    let kind = text(field(item, "kind"), src).to_owned();
                    let mut inner = path.clone();
                    if !GROUPINGS.contains(&kind.as_str()) {
                        let number = item.child_by_field_name("number").map_or("", |n| text(n, src));
                        inner.push((kind, number.to_owned()));
                        self.units.get_mut(act).unwrap().insert(inner.clone());
                    }
                    self.unit_items(act, &inner, field(item, "body"), src);
                }
                "text" => {
                    let lang = text(field(item, "lang"), src).to_owned();
                    let value = field(item, "value");
                    let key = (act.to_owned(), path.clone(), lang);
                    assert!(
                        self.texts.insert(key.clone(), plain(value, src)).is_none(),
                        "two texts for {key:?}"
                    );
                    let mut list = Vec::new();
                    for r in value.named_children(&mut value.walk()).filter(|c| c.kind() == "reference") {
                        let t = field(r, "target");
                        list.push(text(t, src).to_owned());
                        self.refs.push((act.to_owned(), path.clone(), target(t, src)));
                    }
                    self.ref_lists.insert(key, list);
                }
                "comparison" => {
                    self.refs.push((act.to_owned(), path.clone(), target(field(item, "target"), src)))
                }
                "repealed" => {
                    self.repealed.insert((act.to_owned(), path.clone()));
                }
                _ => {}
            }
        }
    }

    fn exists(&self, act: &str, path: &Path) -> bool {
        self.units.get(act).is_some_and(|u| path.is_empty() || u.contains(path))
            && !self.repealed.contains(&(act.to_owned(), path.clone()))
    }

    /// The unit a reference names, resolving `part 2` against the enclosing units.
    fn resolve(&self, act: &str, from: &Path, t: &Target) -> Result<(String, Path), String> {
        let act = t.act.clone().unwrap_or(act.to_owned());
        let absolute = t.act.is_some() || t.path.first().is_some_and(|s| s.0 == "article");
        let found = if absolute {
            Some(t.path.clone()).filter(|p| self.exists(&act, p))
        } else {
            (0..=from.len()).rev().map(|k| [&from[..k], &t.path[..]].concat()).find(|p| self.exists(&act, p))
        };
        let path = found.ok_or_else(|| format!("{act} {} from {}", show(&t.path), show(from)))?;
        if let Some(end) = &t.range_end {
            let end_path = vec![("article".to_owned(), end.clone())];
            if !self.exists(&act, &end_path) {
                return Err(format!("{act} range end {end}"));
            }
        }
        Ok((act, path))
    }
}

#[test]
fn references_resolve_and_amendments_apply() {
    resolve_and_apply(workspace(3, false).leak());
    resolve_and_apply(workspace(3, true).leak());
}

fn resolve_and_apply(files: &'static [(String, String)]) {
    let ws = Workspace::load(files);

    // Kazakh and Russian texts refer to the same units in the same order.
    for ((act, path, lang), list) in &ws.ref_lists {
        if lang == "kk" {
            assert_eq!(
                Some(list),
                ws.ref_lists.get(&(act.clone(), path.clone(), "ru".into())),
                "{act} {}",
                show(path)
            );
        }
    }

    let mut referenced = HashSet::new();
    for (act, from, t) in &ws.refs {
        let (act, path) = ws.resolve(act, from, t).unwrap_or_else(|e| panic!("dangling reference: {e}"));
        // A relative reference stays inside its article, and goes or moves with it.
        let relative = t.act.is_none() && t.path[0].0 != "article";
        if let Some(article) = path.first().filter(|_| !relative) {
            referenced.insert((act.clone(), article.1.clone()));
        }
        if let Some(end) = &t.range_end {
            referenced.insert((act, end.clone()));
        }
    }
    assert!(ws.refs.len() > 2000, "{} references", ws.refs.len());
    assert!(ws.refs.iter().any(|r| r.2.range_end.is_some()));
    assert!(ws.refs.iter().any(|r| r.2.act.as_deref() == Some("kz.act2") && r.0 == "kz.act1"));
    assert!(ws.refs.iter().any(|r| r.2.act.as_deref() == Some("ru.act1")));
    assert!(ws.refs.iter().any(|r| r.2.path.first().is_some_and(|s| s.0 == "part")));

    let mut touched: HashMap<(String, String), String> = HashMap::new();
    let mut created = HashSet::new();
    let mut kinds = BTreeSet::new();
    for &(src, amendment) in &ws.amendments {
        let id = text(field(amendment, "id"), src);
        let body = field(amendment, "body");
        let items: Vec<Node> = body.named_children(&mut body.walk()).collect();
        let act = items
            .iter()
            .find(|n| n.kind() == "amendment_target")
            .map(|n| text(field(*n, "act"), src))
            .unwrap();
        let mut touch = |article: &str, what: &str| {
            if let Some(before) = touched.insert((act.to_owned(), article.to_owned()), format!("{id} {what}"))
            {
                panic!("{act} article {article}: {before} and {id} {what}");
            }
        };
        // References in new wording resolve in the target act.
        let mut stack = vec![amendment];
        while let Some(node) = stack.pop() {
            if let Some(t) = node
                .child_by_field_name("target")
                .filter(|_| ["reference", "comparison"].contains(&node.kind()))
            {
                ws.resolve(act, &Vec::new(), &target(t, src))
                    .unwrap_or_else(|e| panic!("{id}: dangling reference: {e}"));
            }
            stack.extend(node.children(&mut node.walk()));
        }
        for op in items {
            let resolve = |node: Node| {
                let t = target(node, src);
                let (_, path) =
                    ws.resolve(act, &Vec::new(), &t).unwrap_or_else(|e| panic!("{id}: no unit {e}"));
                path
            };
            let word_lines = |op: Node<'static>| -> Vec<Node<'static>> {
                let body = field(op, "body");
                body.named_children(&mut body.walk()).filter(|n| n.kind().starts_with("word_")).collect()
            };
            let once = |path: &Path, lang: &str, words: &str| {
                let key = (act.to_owned(), path.clone(), lang.to_owned());
                let unit =
                    ws.texts.get(&key).unwrap_or_else(|| panic!("{id}: no {lang} text in {}", show(path)));
                assert_eq!(
                    unit.matches(words).count(),
                    1,
                    "{id}: {lang} {words:?} in {}: {unit}",
                    show(path)
                );
            };
            match op.kind() {
                "replace_words" | "delete_words" | "insert_words" => {
                    let path = resolve(field(op, "target"));
                    let lines = word_lines(op);
                    assert_eq!(lines.len(), 2, "{id}: {}", text(op, src));
                    for line in lines {
                        let lang = text(field(line, "lang"), src);
                        let kind = match line.kind() {
                            "word_insertion" => {
                                let position = field(line, "position");
                                if let Some(anchor) = position.child_by_field_name("anchor") {
                                    once(&path, lang, &plain(anchor, src));
                                    format!("insert {}", text(field(position, "side"), src))
                                } else {
                                    format!("insert at {}", text(field(position, "edge"), src))
                                }
                            }
                            _ => {
                                once(&path, lang, &plain(field(line, "old"), src));
                                op.kind().replace("_words", "")
                            }
                        };
                        kinds.insert(kind);
                    }
                    touch(&path[0].1, op.kind());
                }
                "replace_everywhere" => {
                    let mut units = BTreeSet::new();
                    for line in word_lines(op) {
                        let lang = text(field(line, "lang"), src);
                        let old = plain(field(line, "old"), src);
                        let mut found = 0;
                        for ((a, path, l), unit) in &ws.texts {
                            if a == act && l == lang && unit.to_lowercase().contains(&old) {
                                // A capitalized copy would be left unreplaced.
                                assert!(
                                    unit.contains(&old),
                                    "{id}: {old:?} only capitalized in {}",
                                    show(path)
                                );
                                units.insert(path[0].1.clone());
                                found += 1;
                            }
                        }
                        assert!(found > 0, "{id}: replace-all finds no {lang} {old:?}");
                    }
                    for article in units {
                        touch(&article, "replace-all");
                    }
                    kinds.insert("replace-all".to_owned());
                }
                "rewrite_unit" | "repeal_unit" | "renumber_unit" => {
                    let path = resolve(field(op, "target"));
                    let article = &path[0].1;
                    assert!(
                        !referenced.contains(&(act.to_owned(), article.clone())),
                        "{id}: article {article} is referred to"
                    );
                    if let Some(number) = op.child_by_field_name("number") {
                        let mut new = path.clone();
                        new.last_mut().unwrap().1 = text(number, src).to_owned();
                        assert!(
                            !ws.exists(act, &new) && created.insert((act, new.clone())),
                            "{id}: {} exists",
                            show(&new)
                        );
                    }
                    touch(article, op.kind());
                    kinds.insert(op.kind().replace("_unit", ""));
                }
                "add_unit" => {
                    let mut path = resolve(field(op, "target"));
                    let place = text(field(op, "place"), src);
                    let new =
                        (text(field(op, "kind"), src).to_owned(), text(field(op, "number"), src).to_owned());
                    touch(&path[0].1, "add");
                    if place == "to" {
                        path.push(new);
                    } else {
                        *path.last_mut().unwrap() = new;
                    }
                    assert!(
                        !ws.exists(act, &path) && created.insert((act, path.clone())),
                        "{id}: {} exists",
                        show(&path)
                    );
                    kinds.insert(format!("add {place}"));
                }
                _ => {}
            }
        }
    }
    let expected = [
        "add after",
        "add to",
        "delete",
        "insert after",
        "insert at end",
        "insert at start",
        "insert before",
        "renumber",
        "repeal",
        "replace",
        "replace-all",
        "rewrite",
    ];
    assert_eq!(kinds.iter().map(String::as_str).collect::<Vec<_>>(), expected);
}
