//! What the DOCX documents share (the comparative table, `zan diff`):
//! wording as Word's tracked changes (`w:ins`/`w:del` with the amendment's
//! author and date), a justification as a Word comment anchored to the
//! changed words, fonts that cover Kazakh and Russian, and the header row
//! of a table repeated on every page.

use docx_rs::{Comment, Delete, Docx, Insert, Paragraph, Run, RunFonts};

use crate::model::Amendment;
use crate::redline::{ParagraphDiff, SegmentKind};

/// Times New Roman, as Kazakh and Russian laws are printed: it has every
/// Kazakh letter (ә ғ қ ң ө ұ ү һ і); LibreOffice substitutes the metric
/// twin Liberation Serif, which has them too.
pub const FONT: &str = "Times New Roman";

/// The font of every script of a run.
pub fn fonts() -> RunFonts {
    RunFonts::new().ascii(FONT).hi_ansi(FONT).cs(FONT).east_asia(FONT)
}

/// Who made a tracked change and when: the amendment's author (else
/// "zan") and its date of entry into force (Word's ISO 8601 form).
#[derive(Debug, Clone, PartialEq)]
pub struct Revision {
    pub author: String,
    pub date: Option<String>,
}

impl Revision {
    pub fn of(a: &Amendment) -> Self {
        Revision {
            author: a.author.clone().unwrap_or_else(|| "zan".into()),
            date: a.in_force.map(|d| format!("{d}T00:00:00Z")),
        }
    }

    fn insert(&self, run: Run) -> Insert {
        let i = Insert::new(run).author(self.author.as_str());
        match &self.date {
            Some(d) => i.date(d.as_str()),
            None => i,
        }
    }

    fn delete(&self, run: Run) -> Delete {
        let d = Delete::new().add_run(run).author(self.author.as_str());
        match &self.date {
            Some(date) => d.date(date.as_str()),
            None => d,
        }
    }

    /// A comment by the amendment's author holding `text`.
    pub fn comment(&self, id: usize, text: &str) -> Comment {
        let mut c = Comment::new(id).author(self.author.as_str());
        if let Some(d) = &self.date {
            c = c.date(d.as_str());
        }
        for line in text.split('\n') {
            c = c.add_paragraph(Paragraph::new().add_run(Run::new().add_text(line)));
        }
        c
    }
}

/// `para` with the bookmark `zan_<eId>` of the unit at `path` (the `n`th
/// bookmark of the document): a comment after it anchors to that unit.
pub fn unit_bookmark(para: Paragraph, n: usize, path: &[crate::model::Segment]) -> Paragraph {
    let id = 2_000_000 + n;
    let name = format!("{}{}", crate::remarks::BOOKMARK, crate::model::eid(path));
    para.add_bookmark_start(id, name).add_bookmark_end(id)
}

/// The id of the `n`th comment (from 0). docx-rs numbers insertions and
/// deletions from 0, and Word wants annotation ids unique across kinds.
pub fn comment_id(n: usize) -> usize {
    1_000_000 + n
}

/// One paragraph of a redline as tracked changes: deleted words in
/// `w:del`, inserted ones in `w:ins` (bold when `bold_inserted`, as the
/// table's proposed wording marks them); `comment` spans the changed words.
pub fn tracked(
    p: &ParagraphDiff,
    rev: &Revision,
    bold_inserted: bool,
    comment: Option<Comment>,
) -> Paragraph {
    let changed: Vec<usize> =
        p.segments.iter().enumerate().filter(|(_, s)| s.kind != SegmentKind::Equal).map(|(i, _)| i).collect();
    let (first, last) = (changed.first().copied(), changed.last().copied());
    let mut para = Paragraph::new();
    let mut comment = comment;
    let id = comment.as_ref().map(Comment::id);
    for (i, s) in p.segments.iter().enumerate() {
        if Some(i) == first
            && let Some(c) = comment.take()
        {
            para = para.add_comment_start(c);
        }
        para = match s.kind {
            SegmentKind::Equal => para.add_run(Run::new().add_text(&s.text)),
            SegmentKind::Delete => para.add_delete(rev.delete(Run::new().add_delete_text(&s.text))),
            SegmentKind::Insert => {
                let run = Run::new().add_text(&s.text);
                para.add_insert(rev.insert(if bold_inserted { run.bold() } else { run }))
            }
        };
        if Some(i) == last
            && let Some(id) = id
        {
            para = para.add_comment_end(id);
        }
    }
    para
}

/// The document's bytes; the first row of every table repeats on each page
/// (docx-rs has no `w:tblHeader`, so it is set in the XML it wrote).
pub fn pack(doc: Docx, header_row: bool) -> Result<Vec<u8>, String> {
    let mut out = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut out).map_err(|e| e.to_string())?;
    let bytes = out.into_inner();
    if !header_row { Ok(bytes) } else { repeat_header(&bytes) }
}

/// Marks each table's first row `w:tblHeader`: the row properties docx-rs
/// writes for it open with `<w:trPr>`, right after the row's `<w:tr>`.
fn repeat_header(docx: &[u8]) -> Result<Vec<u8>, String> {
    use std::io::{Read, Write};
    let err = |e: &dyn std::fmt::Display| format!("DOCX: {e}");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).map_err(|e| err(&e))?;
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).map_err(|e| err(&e))?;
        let name = f.name().to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).map_err(|e| err(&e))?;
        if name == "word/document.xml" {
            let xml = String::from_utf8(data).map_err(|e| err(&e))?;
            data = mark_first_rows(&xml).into_bytes();
        }
        let options =
            zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        out.start_file(name, options).map_err(|e| err(&e))?;
        out.write_all(&data).map_err(|e| err(&e))?;
    }
    Ok(out.finish().map_err(|e| err(&e))?.into_inner())
}

fn mark_first_rows(xml: &str) -> String {
    let mut out = String::with_capacity(xml.len() + 64);
    let mut rest = xml;
    while let Some(t) = rest.find("<w:tbl>") {
        let (head, table) = rest.split_at(t);
        out.push_str(head);
        match table.find("<w:trPr>") {
            Some(p) => {
                let at = p + "<w:trPr>".len();
                out.push_str(&table[..at]);
                out.push_str("<w:tblHeader />");
                rest = &table[at..];
            }
            None => {
                out.push_str(table);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}
