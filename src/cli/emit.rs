//! Where a command's output goes: standard output, or `-o FILE` written
//! atomically. A write that fails (a closed pipe, a full disk, a read-only
//! target) is a clear error with exit code 2, never a panic or a partial file.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::lang::Lang;

/// `-o FILE`, for every command that prints a document.
#[derive(clap::Args, Debug, Clone)]
pub struct Output {
    /// Write the output to this file (atomically) instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub path: Option<PathBuf>,
}

/// What is written: text, or bytes a terminal cannot show.
pub enum Content {
    Text(String),
    Binary { bytes: Vec<u8>, what: &'static str },
}

impl Output {
    /// Writes `content`; `ExitCode::SUCCESS`, or 2 with the error on stderr.
    pub fn write(&self, content: Content) -> ExitCode {
        self.try_write(content).err().unwrap_or(ExitCode::SUCCESS)
    }

    /// `write`, for a command that has more to say after it.
    pub fn try_write(&self, content: Content) -> Result<(), ExitCode> {
        let lang = super::ui_lang(None);
        let bytes = match content {
            Content::Binary { what, .. } if self.path.is_none() && std::io::stdout().is_terminal() => {
                eprintln!("{}", binary_refused(lang, what));
                return Err(ExitCode::from(2));
            }
            Content::Binary { bytes, .. } => bytes,
            Content::Text(text) => text.into_bytes(),
        };
        match &self.path {
            Some(path) => file(path, &bytes, lang),
            None => stdout(&bytes, lang),
        }
    }
}

fn file(path: &Path, bytes: &[u8], lang: Lang) -> Result<(), ExitCode> {
    crate::fsio::write_atomic(path, bytes).map_err(|e| {
        eprintln!("{}", cannot_write(lang, &path.display().to_string(), &e));
        ExitCode::from(2)
    })
}

/// Standard output, for `print!`'s callers: an error is reported (exit 2)
/// instead of the panic `print!` makes of a closed pipe.
pub fn stdout(bytes: &[u8], lang: Lang) -> Result<(), ExitCode> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes).and_then(|()| out.flush()).map_err(|e| {
        eprintln!("{}", cannot_write(lang, standard_output(lang), &e));
        ExitCode::from(2)
    })
}

fn standard_output(lang: Lang) -> &'static str {
    lang.pick("стандартты шығыс", "стандартный вывод", "standard output")
}

pub fn cannot_write(lang: Lang, what: &str, e: &std::io::Error) -> String {
    match lang {
        Lang::En => format!("error: cannot write {what}: {e}"),
        Lang::Kk => format!("қате: {what} жазу мүмкін емес: {e}"),
        Lang::Ru => format!("ошибка: не удалось записать {what}: {e}"),
    }
}

fn binary_refused(lang: Lang, what: &str) -> String {
    match lang {
        Lang::En => format!("error: a {what} file is not printed to a terminal: write it with -o FILE"),
        Lang::Kk => format!("қате: {what} файлы терминалға шығарылмайды: оны -o FILE арқылы жазыңыз"),
        Lang::Ru => format!("ошибка: файл {what} не выводится в терминал: запишите его с -o FILE"),
    }
}
