//! The typst "world" of one document: its template as the only source file,
//! the data as `sys.inputs.data` (JSON the template parses, so the law's
//! text reaches the page as strings and never as typst markup), the
//! upright Libertinus Serif faces of `fonts/` as the only fonts, and no clock
//! (the document carries no date: the same input gives the same bytes).

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Dict, Duration, IntoValue, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook, FontStyle};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;

use super::FONT;

/// The upright faces of `FONT` (regular, semibold, bold), parsed once per
/// process. Only these three are embedded in zan (0.9 MB): typst-assets'
/// `fonts` feature would embed all of its 9.6 MB. Licence: `fonts/OFL.txt`.
static FONTS: LazyLock<Vec<Font>> = LazyLock::new(|| {
    [
        &include_bytes!("fonts/LibertinusSerif-Regular.otf")[..],
        include_bytes!("fonts/LibertinusSerif-Semibold.otf"),
        include_bytes!("fonts/LibertinusSerif-Bold.otf"),
    ]
    .into_iter()
    .flat_map(|data| Font::iter(Bytes::new(data)))
    .filter(|f| f.info().family == FONT && f.info().variant.style == FontStyle::Normal)
    .collect()
});

struct Document {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    main: Source,
}

impl World for Document {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() { Ok(self.main.clone()) } else { Err(not_here(id)) }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        Err(not_here(id))
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.get(index).cloned()
    }

    fn today(&self, _: Option<Duration>) -> Option<Datetime> {
        None
    }
}

/// The templates read nothing but their data.
fn not_here(id: FileId) -> FileError {
    FileError::NotFound(id.vpath().get_without_slash().into())
}

/// The PDF of template `source` (named `name` in typst's messages) laid out
/// with `data`, a JSON text.
pub fn pdf(name: &str, source: &str, data: &str) -> Result<Vec<u8>, String> {
    let path = VirtualPath::new(name).map_err(|e| format!("PDF: {e:?}"))?;
    let id = FileId::new(RootedPath::new(VirtualRoot::Project, path));
    let mut inputs = Dict::new();
    inputs.insert("data".into(), data.into_value());
    let world = Document {
        library: LazyHash::new(Library::builder().with_inputs(inputs).build()),
        book: LazyHash::new(FontBook::from_fonts(FONTS.iter())),
        main: Source::new(id, source.to_string()),
    };
    let document: PagedDocument = typst::compile(&world).output.map_err(|e| report(name, &e))?;
    let options = typst_pdf::PdfOptions {
        ident: Smart::Custom(name.to_string()),
        creator: Smart::Custom(Some("zan".into())),
        ..Default::default()
    };
    typst_pdf::pdf(&document, &options).map_err(|e| report(name, &e))
}

fn report(name: &str, errors: &[SourceDiagnostic]) -> String {
    let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
    format!("PDF ({name}): {}", messages.join("; "))
}

/// The characters of the data's strings that some face of `FONT` lacks
/// (spaces and control characters aside), each once, in order.
pub fn missing_letters(data: &serde_json::Value) -> Vec<char> {
    let mut missing = Vec::new();
    let mut check = |s: &str| {
        for c in s.chars().filter(|c| !c.is_whitespace() && !c.is_control()) {
            if !missing.contains(&c) && FONTS.iter().any(|f| !f.info().coverage.contains(c as u32)) {
                missing.push(c);
            }
        }
    };
    walk(data, &mut check);
    missing
}

fn walk(value: &serde_json::Value, f: &mut impl FnMut(&str)) {
    match value {
        serde_json::Value::String(s) => f(s),
        serde_json::Value::Array(items) => items.iter().for_each(|v| walk(v, f)),
        serde_json::Value::Object(fields) => fields.values().for_each(|v| walk(v, f)),
        _ => {}
    }
}
