//! How `.zan` writes a unit number, a path and a target: the one printer of
//! targets that messages, outputs and `.zan` rendering share, so a target
//! reads the same in `zan check`, the engine's errors and a consolidated file.

use super::{Segment, Target};

/// A unit number: quoted when it holds a space.
pub fn number(n: &str) -> String {
    if n.contains(' ') { format!("\"{n}\"") } else { n.to_string() }
}

/// A path: `article 15 part 2-1` (a segment without a number is its kind).
pub fn path(path: &[Segment]) -> String {
    path.iter()
        .map(|s| match s.number_text() {
            "" => s.kind.keyword().to_string(),
            n => format!("{} {}", s.kind.keyword(), number(n)),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A target: `kz.cc@2024-01-01 article 15 part 1`, `article 205..213`.
pub fn target(t: &Target) -> String {
    let mut out = String::new();
    if let Some(act) = &t.act {
        out.push_str(act);
        if let Some(v) = t.version {
            out.push_str(&format!("@{v}"));
        }
    }
    let p = path(&t.path);
    if !out.is_empty() && !p.is_empty() {
        out.push(' ');
    }
    out.push_str(&p);
    if let Some(end) = &t.range_end {
        out.push_str("..");
        out.push_str(&number(&end.text));
    }
    out
}
