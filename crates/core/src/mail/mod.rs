//! E-mail in as entries (F13), pure: reading .eml, .mbox and Outlook .msg files into
//! one [`ParsedMail`] each, and turning a parsed mail into the entry it becomes. The
//! dossier side (duplicates, people, the one transaction) is `api/mail.rs`.

mod entry;
mod html;
mod mbox;
mod msg;
mod parse;
mod rtf;
mod text;

use chrono::{DateTime, Utc};

pub use entry::{draft, MailDraft, SuggestedPerson};
pub use mbox::{mbox_summaries, MboxSummary};
pub(crate) use parse::read_message;

/// Someone in a From, To or Cc line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MailAddress {
    /// The display name, empty when the header gives only the address.
    pub name: String,
    pub address: String,
}

impl MailAddress {
    /// The name when there is one, else the address.
    pub fn shown(&self) -> &str {
        if self.name.trim().is_empty() {
            &self.address
        } else {
            &self.name
        }
    }

    /// The part after the `@`, lowercased.
    pub fn domain(&self) -> Option<String> {
        self.address
            .rsplit_once('@')
            .map(|(_, d)| d.trim().to_ascii_lowercase())
            .filter(|d| !d.is_empty())
    }
}

/// A file in or of a mail: a name and its bytes.
#[derive(Clone, PartialEq, Eq)]
pub struct MailFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

impl std::fmt::Debug for MailFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MailFile")
            .field("name", &self.name)
            .field("size", &self.bytes.len())
            .finish()
    }
}

/// One message as read from its file, before it is an entry.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ParsedMail {
    /// Without the angle brackets.
    pub message_id: Option<String>,
    pub from: Option<MailAddress>,
    pub to: Vec<MailAddress>,
    pub cc: Vec<MailAddress>,
    /// When it was sent; `None` when the message says nothing usable.
    pub date: Option<DateTime<Utc>>,
    pub subject: String,
    /// The text body; an HTML-only or RTF-only body already turned into text.
    pub body: String,
    pub attachments: Vec<MailFile>,
    /// What could not be taken over (kept in the original), said to the user.
    pub left_out: Vec<String>,
}

/// The kinds of mail file, told apart by their bytes (the name only breaks a tie).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailFormat {
    Eml,
    Mbox,
    Msg,
}

/// The OLE compound file signature every Outlook .msg starts with.
const CFB_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

impl MailFormat {
    pub fn detect(name: &str, bytes: &[u8]) -> MailFormat {
        let lower = name.to_ascii_lowercase();
        if bytes.starts_with(&CFB_MAGIC) {
            MailFormat::Msg
        } else if lower.ends_with(".eml") {
            // Some mail programs save one message with its mbox "From " line on top.
            MailFormat::Eml
        } else if bytes.starts_with(b"From ") || lower.ends_with(".mbox") {
            MailFormat::Mbox
        } else {
            MailFormat::Eml
        }
    }
}

/// Why a mail file (or one message in it) cannot be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MailProblemKind {
    /// Not a mail, or too damaged to read; the text says what was found.
    Unreadable(String),
    /// The message has no date the import can use: give one (`--date`).
    NoDate,
    /// The entry it would become is refused (a date in the future, a file too large).
    Refused(String),
}

/// One file (or message of an mbox) that cannot be imported, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailProblem {
    /// The file's name, with `#N` for message N of an mbox.
    pub file: String,
    pub kind: MailProblemKind,
}

impl std::fmt::Display for MailProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.kind {
            MailProblemKind::Unreadable(why) => write!(f, "{}: {why}", self.file),
            MailProblemKind::NoDate => write!(
                f,
                "{}: the message has no date; give the day it was sent (YYYY-MM-DD)",
                self.file
            ),
            MailProblemKind::Refused(why) => write!(f, "{}: {why}", self.file),
        }
    }
}

/// Reads an .eml (one message).
pub fn parse_eml(bytes: &[u8]) -> Result<ParsedMail, String> {
    guarded(|| parse::eml(bytes))
}

/// Reads an Outlook .msg (one message).
pub fn parse_msg(bytes: &[u8]) -> Result<ParsedMail, String> {
    guarded(|| msg::parse(bytes))
}

/// The RTF body of an Outlook .msg, unpacked, with the text read from it: what the
/// import falls back on when a message has neither a plain nor an HTML body.
pub fn rtf_text_of_msg(bytes: &[u8]) -> Result<(Vec<u8>, String), String> {
    guarded(|| msg::rtf_body(bytes))
}

/// The messages of an mbox, each as its own bytes (what is kept as its .eml).
pub fn mbox_messages(bytes: &[u8]) -> Result<Vec<Vec<u8>>, String> {
    guarded(|| mbox::split(bytes))
}

/// The RTF body reader on raw bytes (as compressed RTF, then as RTF), for the fuzzer.
#[cfg(feature = "fuzzing")]
pub fn fuzz_rtf(bytes: &[u8]) -> Result<String, String> {
    guarded(|| {
        let raw = rtf::decompress(bytes).unwrap_or_else(|| bytes.to_vec());
        Ok(rtf::to_text(&raw))
    })
}

/// Runs a parser of untrusted bytes; a panic inside a third-party decoder on a damaged
/// file becomes "cannot be read" instead of taking the app down.
fn guarded<T>(f: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f))
        .unwrap_or_else(|_| Err("the file is damaged and cannot be read".into()))
}
