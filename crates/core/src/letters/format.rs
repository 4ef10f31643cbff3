//! The three forms a letter is written in.

use std::path::Path;

use crate::error::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LetterFormat {
    /// A4 for printing and posting in a window envelope.
    Pdf,
    /// Plain text, to paste into a web form or an e-mail.
    Txt,
    /// Word, for an advocate who edits it.
    Docx,
}

impl LetterFormat {
    pub const ALL: [LetterFormat; 3] = [LetterFormat::Pdf, LetterFormat::Txt, LetterFormat::Docx];

    /// `pdf`, `txt`, `docx`: also the file extension.
    pub fn name(self) -> &'static str {
        match self {
            LetterFormat::Pdf => "pdf",
            LetterFormat::Txt => "txt",
            LetterFormat::Docx => "docx",
        }
    }

    pub fn media_type(self) -> &'static str {
        match self {
            LetterFormat::Pdf => "application/pdf",
            LetterFormat::Txt => "text/plain; charset=utf-8",
            LetterFormat::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
        }
    }

    pub fn from_name(name: &str) -> Result<LetterFormat> {
        let n = name.trim().trim_start_matches('.').to_ascii_lowercase();
        LetterFormat::ALL
            .into_iter()
            .find(|f| f.name() == n)
            .ok_or_else(|| {
                Error::Invalid(format!(
                    "unknown letter format: {name} (use pdf, txt or docx)"
                ))
            })
    }

    /// The format `file`'s extension names.
    pub fn from_path(file: &Path) -> Result<LetterFormat> {
        let ext = file.extension().and_then(|e| e.to_str()).unwrap_or("");
        if ext.is_empty() {
            return Err(Error::Invalid(format!(
                "{} has no extension; end it with .pdf, .txt or .docx or give --format",
                file.display()
            )));
        }
        LetterFormat::from_name(ext)
    }
}
