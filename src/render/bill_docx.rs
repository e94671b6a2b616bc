//! The bill as a DOCX document, laid out as Kazakh and Russian laws are
//! printed: A4 portrait, Times New Roman 14 pt (it has every Kazakh
//! letter), the heading and title centred in bold, each paragraph justified
//! with a first-line indent, an article's label («Статья 1.», «1-бап.») in
//! bold, the signature in bold; the summary warning at the top and the
//! footnotes in smaller type, as the text bill marks summaries.

use docx_rs::{AlignmentType, Docx, LineSpacing, PageMargin, Paragraph, Run, SpecialIndentType};

use super::bill::{Bill, Role};

/// 14 pt, in Word's half-points; footnotes in 12 pt.
const SIZE: usize = 28;
const FOOTNOTE_SIZE: usize = 24;
/// The first-line indent, 1.25 cm in twentieths of a point.
const INDENT: i32 = 709;

impl Bill {
    /// The document's bytes.
    pub fn docx(&self) -> Result<Vec<u8>, String> {
        // A4; margins 20 mm top and bottom, 30 mm left, 15 mm right.
        let margin = PageMargin::new().top(1134).bottom(1134).left(1701).right(850).header(708).footer(708);
        let mut doc = Docx::new()
            .page_size(11906, 16838)
            .page_margin(margin)
            .default_fonts(super::docx::fonts())
            .default_size(SIZE);
        for (role, line) in self.lines() {
            doc = doc.add_paragraph(paragraph(role, &line));
        }
        super::docx::pack(doc, false)
    }
}

fn paragraph(role: Role, line: &str) -> Paragraph {
    let indented = |p: Paragraph| {
        p.align(AlignmentType::Both).indent(Some(0), Some(SpecialIndentType::FirstLine(INDENT)), None, None)
    };
    let tight = LineSpacing::new().before(0).after(0);
    let p = Paragraph::new().line_spacing(tight);
    match role {
        Role::Blank => p,
        Role::Warning => indented(p).add_run(Run::new().add_text(line).bold()),
        Role::Heading | Role::Title => {
            p.align(AlignmentType::Center).add_run(Run::new().add_text(line).bold())
        }
        Role::Article => match super::bill::split_article_label(line) {
            Some((label, rest)) => indented(p)
                .add_run(Run::new().add_text(label).bold())
                .add_run(Run::new().add_text(format!(" {rest}"))),
            None => indented(p).add_run(Run::new().add_text(line)),
        },
        Role::Body | Role::Quote => indented(p).add_run(Run::new().add_text(line)),
        // «Президент» over «Республики Казахстан»: one paragraph, a line break between.
        Role::Signature => line.split('\n').enumerate().fold(p, |p, (i, l)| {
            let run =
                if i == 0 { Run::new() } else { Run::new().add_break(docx_rs::BreakType::TextWrapping) };
            p.add_run(run.add_text(l).bold())
        }),
        Role::Rule => p.add_run(Run::new().add_text(line)),
        Role::Footnote => p.add_run(Run::new().add_text(line).size(FOOTNOTE_SIZE)),
    }
}
