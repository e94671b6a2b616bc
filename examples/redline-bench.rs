//! Word-level redline throughput against `git diff --word-diff=porcelain`
//! and `wdiff` (Debian's package `wdiff`, skipped when it is not installed).
//!
//! Run with:
//!     cargo run --release --example redline-bench [paragraphs]
//!
//! It generates an old text of Kazakh/Russian-like paragraphs (default 20000)
//! and a new one with a word changed in about a third of them plus some
//! paragraphs inserted and deleted, then times `Redline::from_text`,
//! `git diff --no-index --word-diff=porcelain` and `wdiff` on the same pair
//! written to temporary files (their times include process start and file
//! reading; that is a few milliseconds). Best of 10 runs each, so load from
//! other processes on the machine shows less.

use std::process::Command;
use std::time::{Duration, Instant};
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use zan::redline::terminal::{self, TerminalStyle};
use zan::redline::{ParagraphKind, Redline};

const WORDS: &[&str] = &[
    "азамат",
    "жасқа",
    "толған",
    "бабында",
    "бабының",
    "көзделген",
    "тәртіппен",
    "Заңның",
    "тармағы",
    "құқық",
    "закон",
    "статьи",
    "порядке",
    "лицо",
    "достигшее",
    "возраста",
    "16",
    "2025",
];

/// Deterministic xorshift, so every run compares the same texts.
struct Rng(u64);

impl Rng {
    fn next(&mut self, below: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % below as u64) as usize
    }

    fn paragraph(&mut self) -> Vec<&'static str> {
        (0..8 + self.next(40)).map(|_| WORDS[self.next(WORDS.len())]).collect()
    }
}

fn main() {
    let count: usize = std::env::args().nth(1).map_or(20_000, |n| n.parse().expect("paragraph count"));
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut old = Vec::new();
    let mut new = Vec::new();
    for _ in 0..count {
        let words = rng.paragraph();
        old.push(words.join(" ") + ".");
        match rng.next(30) {
            0 => {} // deleted
            1 => new.extend([rng.paragraph().join(" ") + ".", old.last().unwrap().clone()]),
            2..=10 => {
                let mut changed = words;
                let at = rng.next(changed.len());
                changed[at] = WORDS[rng.next(WORDS.len())];
                new.push(changed.join(" ") + ".");
            }
            _ => new.push(old.last().unwrap().clone()),
        }
    }
    let (old, new) = (old.join("\n") + "\n", new.join("\n") + "\n");
    let mb = (old.len() + new.len()) as f64 / 1e6;

    let (redline, ours) = best_of(10, || Redline::from_text(&old, &new));
    // With the output git and wdiff also produce: the whole text marked up.
    let (marked, rendered) =
        best_of(10, || terminal::render(&Redline::from_text(&old, &new), TerminalStyle::Plain));
    let changed = redline.paragraphs.iter().filter(|p| p.kind != ParagraphKind::Unchanged).count();
    assert_eq!(redline.old_text(), old);
    assert_eq!(redline.new_text(), new);

    let dir = tempfile::tempdir().expect("temp dir");
    let (old_path, new_path) = (dir.path().join("old.txt"), dir.path().join("new.txt"));
    std::fs::write(&old_path, &old).expect("write old");
    std::fs::write(&new_path, &new).expect("write new");
    let (git_out, git) = best_of(10, || {
        Command::new("git")
            .args(["diff", "--no-index", "--no-color", "--word-diff=porcelain"])
            .arg(&old_path)
            .arg(&new_path)
            .output()
            .expect("run git")
    });

    let wdiff = Command::new("wdiff").arg("--version").output().is_ok().then(|| {
        best_of(10, || Command::new("wdiff").arg(&old_path).arg(&new_path).output().expect("run wdiff"))
    });

    println!("input: {count} paragraphs, {mb:.2} MB (old + new), {changed} paragraphs differ");
    println!("zan redline: {:>8.1} ms  {:>7.1} MB/s", ms(ours), mb / ours.as_secs_f64());
    println!(
        "zan redline + [-/-]{{+/+}} text: {:>6.1} ms  {:>7.1} MB/s  ({} bytes of output)",
        ms(rendered),
        mb / rendered.as_secs_f64(),
        marked.len()
    );
    println!(
        "git word-diff: {:>6.1} ms  {:>7.1} MB/s  ({} bytes of output)",
        ms(git),
        mb / git.as_secs_f64(),
        git_out.stdout.len()
    );
    match wdiff {
        Some((out, took)) => println!(
            "wdiff:        {:>7.1} ms  {:>7.1} MB/s  ({} bytes of output)",
            ms(took),
            mb / took.as_secs_f64(),
            out.stdout.len()
        ),
        None => println!("wdiff: not installed (apt-get install wdiff)"),
    }
}

fn best_of<T>(runs: usize, mut f: impl FnMut() -> T) -> (T, Duration) {
    let mut best = None;
    for _ in 0..runs {
        let start = Instant::now();
        let value = f();
        let took = start.elapsed();
        if best.as_ref().is_none_or(|(_, t)| took < *t) {
            best = Some((value, took));
        }
    }
    best.expect("at least one run")
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}
