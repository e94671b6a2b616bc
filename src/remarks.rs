//! Reviewers' comments brought back into the source (`zan review import`):
//! read from a DOCX zan wrote (Word's comments, anchored by the bookmark
//! of the unit they are in) or from the review site's exported JSON, and
//! written as `remark` blocks into the unit they anchor to.

use std::io::Read;

use quick_xml::events::{BytesStart, Event};

use crate::model::{Act, Amendment, Date, File, OperationKind, Place, Remark, Segment, Unit, eid, eid_cited};

/// The bookmark zan puts on each table row's unit, followed by its eId.
pub const BOOKMARK: &str = "zan_";
/// The DOCX custom property naming the act (`kz.cc@2024-01-01`).
pub const ACT_PROPERTY: &str = "zan-act";

/// The act a review file names, `id[@version]` (a DOCX's custom property
/// `ACT_PROPERTY`, the site's export): where its comments come back.
pub fn act_ref(applied: &crate::engine::Applied) -> String {
    let meta = &applied.base.meta;
    match meta.version {
        Some(v) => format!("{}@{v}", meta.id),
        None => meta.id.clone(),
    }
}

/// A comment to write: where, by whom, and its replies.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct Incoming {
    /// The unit's eId (`art_205__part_2`).
    pub unit: String,
    pub author: String,
    pub date: String,
    #[serde(deserialize_with = "paragraphs")]
    pub text: Vec<String>,
    #[serde(default)]
    pub replies: Vec<IncomingReply>,
    #[serde(default)]
    pub resolved: bool,
}

#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct IncomingReply {
    pub author: String,
    pub date: String,
    /// Its paragraphs (a single string in the export is one paragraph).
    #[serde(deserialize_with = "paragraphs")]
    pub text: Vec<String>,
}

/// A list of paragraphs, or one paragraph as a string.
fn paragraphs<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(serde::Deserialize)]
    #[serde(untagged)]
    enum Text {
        One(String),
        Many(Vec<String>),
    }
    Ok(match serde::Deserialize::deserialize(d)? {
        Text::One(s) => vec![s],
        Text::Many(v) => v,
    })
}

/// What a review file holds: the act (`id[@version]`) and its comments.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct Review {
    pub act: String,
    pub remarks: Vec<Incoming>,
}

/// The review site's export: `{"act": "kz.cc@2024-01-01", "remarks": [{"unit", "author", "date", "text": [...], "replies": [...]}]}`.
pub fn from_json(text: &str) -> Result<Review, String> {
    serde_json::from_str(text).map_err(|e| format!("not a zan review export: {e}"))
}

fn attr(e: &BytesStart, name: &[u8]) -> Option<String> {
    e.attributes().flatten().find(|a| a.key.as_ref() == name).and_then(|a| {
        quick_xml::escape::unescape(&String::from_utf8_lossy(&a.value)).ok().map(|v| v.into_owned())
    })
}

fn part(zip: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>, name: &str) -> Result<Option<String>, String> {
    let mut f = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(format!("{name}: {e}")),
    };
    let mut s = String::new();
    f.read_to_string(&mut s).map_err(|e| format!("{name}: {e}"))?;
    Ok(Some(s))
}

/// One Word comment as read: id, author, date, paragraphs, and the
/// `w14:paraId` of its last paragraph (what commentsExtended.xml names).
struct WordComment {
    id: String,
    author: String,
    date: String,
    text: Vec<String>,
    para_id: Option<String>,
}

fn comments(xml: &str) -> Result<Vec<WordComment>, String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out: Vec<WordComment> = Vec::new();
    let mut in_text = false;
    loop {
        match reader.read_event().map_err(|e| format!("word/comments.xml: {e}"))? {
            Event::Start(e) if e.name().as_ref() == b"w:comment" => out.push(WordComment {
                id: attr(&e, b"w:id").unwrap_or_default(),
                author: attr(&e, b"w:author").unwrap_or_default(),
                date: attr(&e, b"w:date").unwrap_or_default(),
                text: Vec::new(),
                para_id: None,
            }),
            Event::Start(e) if e.name().as_ref() == b"w:p" => {
                if let Some(c) = out.last_mut() {
                    c.text.push(String::new());
                    c.para_id = attr(&e, b"w14:paraId").or(c.para_id.take());
                }
            }
            Event::Start(e) if e.name().as_ref() == b"w:t" => in_text = true,
            Event::End(e) if e.name().as_ref() == b"w:t" => in_text = false,
            Event::Text(t) if in_text => {
                let t = t.decode().map_err(|e| format!("word/comments.xml: {e}"))?;
                if let Some(p) = out.last_mut().and_then(|c| c.text.last_mut()) {
                    p.push_str(&t);
                }
            }
            Event::GeneralRef(r) if in_text => {
                let name = r.decode().map_err(|e| format!("word/comments.xml: {e}"))?;
                if let Some(p) = out.last_mut().and_then(|c| c.text.last_mut()) {
                    p.push_str(&crate::import::decode::entity(&name).unwrap_or_default());
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// The comments of a DOCX zan wrote: each anchored to the unit whose
/// bookmark comes last before its `w:commentRangeStart`; replies and the
/// resolved mark from commentsExtended.xml where Word wrote one.
pub fn from_docx(bytes: &[u8]) -> Result<Review, String> {
    let mut zip =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| format!("not a DOCX: {e}"))?;
    let document = part(&mut zip, "word/document.xml")?.ok_or("not a DOCX: no word/document.xml")?;
    let Some(comments_xml) = part(&mut zip, "word/comments.xml")? else {
        return Err("the document has no comments".into());
    };
    let act = part(&mut zip, "docProps/custom.xml")?.and_then(|x| custom_property(&x, ACT_PROPERTY)).ok_or(
        "the document was not written by `zan table`/`zan diff`: it names no act (custom property `zan-act`)",
    )?;
    let words = comments(&comments_xml)?;

    // commentRangeStart id -> the unit bookmark in force there.
    let mut anchors = std::collections::HashMap::new();
    let mut reader = quick_xml::Reader::from_str(&document);
    let mut unit: Option<String> = None;
    loop {
        match reader.read_event().map_err(|e| format!("word/document.xml: {e}"))? {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == b"w:bookmarkStart" => {
                if let Some(name) =
                    attr(&e, b"w:name").and_then(|n| n.strip_prefix(BOOKMARK).map(String::from))
                {
                    unit = Some(name);
                }
            }
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == b"w:commentRangeStart" => {
                if let (Some(id), Some(u)) = (attr(&e, b"w:id"), &unit) {
                    anchors.insert(id, u.clone());
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }

    // paraId -> (parent paraId, done).
    let mut extended = std::collections::HashMap::new();
    if let Some(x) = part(&mut zip, "word/commentsExtended.xml")? {
        let mut reader = quick_xml::Reader::from_str(&x);
        loop {
            match reader.read_event().map_err(|e| format!("word/commentsExtended.xml: {e}"))? {
                Event::Start(e) | Event::Empty(e) if e.name().as_ref() == b"w15:commentEx" => {
                    if let Some(p) = attr(&e, b"w15:paraId") {
                        let done = attr(&e, b"w15:done").as_deref() == Some("1");
                        extended.insert(p, (attr(&e, b"w15:paraIdParent"), done));
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
    }
    let parent_of =
        |c: &WordComment| c.para_id.as_ref().and_then(|p| extended.get(p)).and_then(|e| e.0.clone());
    let mut remarks: Vec<(Option<String>, Incoming)> = Vec::new();
    for c in words.iter().filter(|c| parent_of(c).is_none()) {
        // A comment outside every unit (the title, the header row) has no place to go.
        let Some(unit) = anchors.get(&c.id) else { continue };
        let done = c.para_id.as_ref().and_then(|p| extended.get(p)).is_some_and(|e| e.1);
        remarks.push((
            c.para_id.clone(),
            Incoming {
                unit: unit.clone(),
                author: c.author.clone(),
                date: c.date.chars().take(10).collect(),
                text: kept(&c.text),
                replies: Vec::new(),
                resolved: done,
            },
        ));
    }
    for c in &words {
        let Some(parent) = parent_of(c) else { continue };
        if let Some((_, r)) = remarks.iter_mut().find(|(p, _)| p.as_deref() == Some(parent.as_str())) {
            r.replies.push(IncomingReply {
                author: c.author.clone(),
                date: c.date.chars().take(10).collect(),
                text: kept(&c.text),
            });
        }
    }
    Ok(Review { act, remarks: remarks.into_iter().map(|(_, r)| r).collect() })
}

/// A comment's paragraphs, without the empty ones (Word writes an empty
/// paragraph for a blank line).
fn kept(paragraphs: &[String]) -> Vec<String> {
    paragraphs.iter().filter(|p| !p.trim().is_empty()).cloned().collect()
}

fn custom_property(xml: &str, name: &str) -> Option<String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut inside = false;
    let mut text = false;
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) if e.name().as_ref() == b"property" => {
                inside = attr(&e, b"name").as_deref() == Some(name)
            }
            Event::Start(_) if inside => text = true,
            Event::Text(t) if inside && text => return t.decode().ok().map(|s| s.trim().to_string()),
            Event::Eof => return None,
            _ => {}
        }
    }
}

/// A string literal of the language: quotes, backslashes and brackets escaped.
fn literal(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' | '\\' | '[' | ']' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The `remark` block of `r`, indented by `indent`.
pub fn block(r: &Incoming, date: Date, indent: &str) -> Result<String, String> {
    let status = if r.resolved { "resolved" } else { "open" };
    let mut out = format!("{indent}remark {status} {} {date} {{\n", literal(&r.author));
    for p in &r.text {
        out.push_str(&format!("{indent}  {}\n", literal(p)));
    }
    if r.text.is_empty() {
        out.push_str(&format!("{indent}  \"\"\n"));
    }
    for reply in &r.replies {
        let d = Date::parse(&reply.date)
            .ok_or_else(|| format!("reply by {}: bad date `{}`", reply.author, reply.date))?;
        let mut line = format!("{indent}  reply {} {d}", literal(&reply.author));
        for p in &reply.text {
            line.push(' ');
            line.push_str(&literal(p));
        }
        if reply.text.is_empty() {
            line.push_str(" \"\"");
        }
        out.push_str(&line);
        out.push('\n');
    }
    out.push_str(&format!("{indent}}}\n"));
    Ok(out)
}

/// Where a remark can go: a block of the source (a unit of an act, or the
/// `add` that brings a new unit in) and the remarks already in it.
struct Host<'a> {
    span: &'a crate::model::Span,
    remarks: &'a [Remark],
}

/// The unit among `units` (below `prefix`) whose eId is `wanted`: by its
/// path with groupings (the review site's anchors) or without (the
/// citation, as the table's rows).
fn find<'a>(units: &'a [Unit], prefix: &mut Vec<Segment>, wanted: &str) -> Option<Host<'a>> {
    for u in units {
        prefix.push(Segment { kind: u.kind, number: u.number.clone() });
        let cited: Vec<Segment> = prefix.iter().filter(|s| !s.kind.is_grouping()).cloned().collect();
        let found = if eid(prefix) == wanted || (!cited.is_empty() && eid(&cited) == wanted) {
            Some(Host { span: &u.span, remarks: &u.content.remarks })
        } else {
            find(&u.content.children, prefix, wanted)
        };
        prefix.pop();
        if found.is_some() {
            return found;
        }
    }
    None
}

/// A unit an amendment of the act adds (or a unit inside it): the comment
/// goes into the `add`'s block, where the new unit's text is, and comes
/// with it into the consolidated act. Amendments cite units without their
/// groupings, so the wanted eId is compared without them.
fn find_added<'a>(amendment: &'a Amendment, wanted: &str) -> Option<Host<'a>> {
    let wanted = eid_cited(wanted);
    amendment.operations.iter().find_map(|op| {
        let OperationKind::Add { kind, number, place, target, content } = &op.kind else {
            return None;
        };
        let mut path = target.path.clone();
        if *place != Place::To {
            path.pop();
        }
        path.push(Segment { kind: *kind, number: number.clone() });
        if eid(&path) == wanted {
            Some(Host { span: &op.span, remarks: &content.remarks })
        } else {
            find(&content.children, &mut path, &wanted)
        }
    })
}

/// Where the remarks go: (file index, byte offset before the block's `}`,
/// the text to insert) for each placed, and for each that has no place its
/// error. Remarks already in the block (same author, date and text) are
/// skipped, so importing twice adds nothing.
pub fn place<'r>(files: &[(&str, &File)], review: &'r Review) -> Result<Placed<'r>, String> {
    let (id, version) = match review.act.split_once('@') {
        Some((id, v)) => (id, Some(Date::parse(v).ok_or_else(|| format!("bad act version `{v}`"))?)),
        None => (review.act.as_str(), None),
    };
    let acts: Vec<(usize, &Act)> = files
        .iter()
        .enumerate()
        .flat_map(|(i, (_, f))| f.acts.iter().map(move |a| (i, a)))
        .filter(|(_, a)| a.id == id && (version.is_none() || a.version == version))
        .collect();
    if acts.is_empty() {
        return Err(format!("no act `{}` in the workspace", review.act));
    }
    let amendments: Vec<(usize, &Amendment)> = files
        .iter()
        .enumerate()
        .flat_map(|(i, (_, f))| f.amendments.iter().map(move |a| (i, a)))
        .filter(|(_, a)| a.act.as_deref() == Some(id))
        .collect();
    let mut placed = Placed::default();
    for r in &review.remarks {
        match place_one(files, &acts, &amendments, review, r) {
            Ok(Some(insert)) => placed.inserts.push(insert),
            Ok(None) => placed.already += 1,
            Err(e) => placed.refused.push((r, e)),
        }
    }
    Ok(placed)
}

/// What `place` found for a review's remarks.
#[derive(Default)]
pub struct Placed<'a> {
    pub inserts: Vec<(usize, usize, String)>,
    /// Remarks the source already holds.
    pub already: usize,
    /// Remarks with no place, and why.
    pub refused: Vec<(&'a Incoming, String)>,
}

fn place_one(
    files: &[(&str, &File)],
    acts: &[(usize, &Act)],
    amendments: &[(usize, &Amendment)],
    review: &Review,
    r: &Incoming,
) -> Result<Option<(usize, usize, String)>, String> {
    let date =
        Date::parse(&r.date).ok_or_else(|| format!("remark by {}: bad date `{}`", r.author, r.date))?;
    let found = acts
        .iter()
        .find_map(|(i, a)| find(&a.units, &mut Vec::new(), &r.unit).map(|h| (*i, h)))
        .or_else(|| amendments.iter().find_map(|(i, a)| find_added(a, &r.unit).map(|h| (*i, h))));
    let Some((file, host)) = found else {
        return Err(format!(
            "remark by {} on `{}`: no such unit in `{}`, nor one its amendments add",
            r.author, r.unit, review.act
        ));
    };
    if host.remarks.iter().any(|m| m.author == r.author && m.date == date && m.text == r.text) {
        return Ok(None);
    }
    let text = files[file].0;
    let close = host.span.end.saturating_sub(1);
    if text.as_bytes().get(close) != Some(&b'}') {
        return Err(format!("the unit `{}` has no closing brace", r.unit));
    }
    let line_start = text[..host.span.start].rfind('\n').map_or(0, |n| n + 1);
    let indent: String = text[line_start..].chars().take_while(|c| *c == ' ').collect();
    let close_line = text[..close].rfind('\n').map_or(0, |n| n + 1);
    let block = block(r, date, &format!("{indent}  "))?;
    // The `}` alone on its line: insert before its line; else break the line.
    Ok(Some(if text[close_line..close].trim().is_empty() {
        (file, close_line, block)
    } else {
        (file, close, format!("\n{block}{indent}"))
    }))
}

/// Leaves out the comments zan wrote itself (a justification as a comment
/// on the changed words, `render::docx`): a reply to one becomes a remark of
/// its own, with the replies after it.
pub fn drop_own(review: &mut Review, justifications: &[&str]) {
    let mut kept = Vec::new();
    for r in review.remarks.drain(..) {
        if !justifications.contains(&r.text.join("\n").as_str()) {
            kept.push(r);
            continue;
        }
        let mut replies = r.replies.into_iter();
        if let Some(first) = replies.next() {
            kept.push(Incoming {
                unit: r.unit,
                author: first.author,
                date: first.date,
                text: first.text,
                replies: replies.collect(),
                resolved: r.resolved,
            });
        }
    }
    review.remarks = kept;
}
