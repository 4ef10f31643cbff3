//! Letters from an entry (F12): which letters fit an entry, the blanks the user fills
//! first, the letter itself in plain Dutch filled from the dossier, and the same letter
//! as an A4 PDF for a window envelope, as plain text and as .docx.
//!
//! Pure: the templates are data (`assets/letters/<type>.txt`), the facts come in as a
//! [`LetterContext`] that `crate::api::letters` reads from the store, and the clock's
//! day is passed in. Dates a letter names come from the deadline engine
//! (`crate::deadline::terms`), counted from the letter's own date, so they are never
//! later than the law gives.

mod blanks;
mod compose;
mod docx;
mod format;
mod pdf;
mod template;
mod text;

pub use blanks::{Blank, Missing};
pub(crate) use compose::{blanks, day_text, refusal};
pub use compose::{compose, ground_from_entry, Letter, LetterContext, LetterRequest};
pub use format::LetterFormat;
pub use template::{LetterTerm, Template};

use crate::entry::EntryKind;
use crate::error::{Error, Result};

/// The kinds of letter, in order of importance to the user. The `name` strings are a
/// contract (CLI `--type`, the UI); never rename one. "Uitstel van de bezwaartermijn"
/// is deliberately not one: the objection period is set by law and cannot be extended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LetterType {
    /// AVG art. 15: a copy of the personal data.
    Inzage,
    /// A pro-forma objection, reasons later.
    VoorlopigBezwaar,
    /// An objection with its grounds.
    Bezwaar,
    /// Confirmation of a phone call.
    Bevestiging,
    /// Request for the report of a meeting.
    Verslag,
    /// AVG art. 16: correct or complete the file.
    Correctie,
    /// Awb 4:17: notice of default for a late decision.
    Ingebrekestelling,
    /// Awb chapter 9: a complaint about behaviour.
    Klacht,
}

impl LetterType {
    pub const ALL: [LetterType; 8] = [
        LetterType::Inzage,
        LetterType::VoorlopigBezwaar,
        LetterType::Bezwaar,
        LetterType::Bevestiging,
        LetterType::Verslag,
        LetterType::Correctie,
        LetterType::Ingebrekestelling,
        LetterType::Klacht,
    ];

    pub fn name(self) -> &'static str {
        match self {
            LetterType::Inzage => "inzage",
            LetterType::VoorlopigBezwaar => "voorlopig-bezwaar",
            LetterType::Bezwaar => "bezwaar",
            LetterType::Bevestiging => "bevestiging",
            LetterType::Verslag => "verslag",
            LetterType::Correctie => "correctie",
            LetterType::Ingebrekestelling => "ingebrekestelling",
            LetterType::Klacht => "klacht",
        }
    }

    pub fn from_name(name: &str) -> Result<LetterType> {
        LetterType::ALL
            .into_iter()
            .find(|t| t.name() == name.trim())
            .ok_or_else(|| {
                let names: Vec<&str> = LetterType::ALL.iter().map(|t| t.name()).collect();
                Error::Invalid(format!(
                    "unknown kind of letter: {name} (use {})",
                    names.join(", ")
                ))
            })
    }

    /// Whether the letter fits an entry of `kind`, before any deadline is looked at
    /// (an ingebrekestelling also needs a decision period that has passed).
    pub fn fits_kind(self, kind: EntryKind, on_objection: bool) -> bool {
        use EntryKind as K;
        match self {
            LetterType::Inzage | LetterType::Correctie => true,
            // A decision on an objection is appealed at the court, not objected to again.
            LetterType::VoorlopigBezwaar | LetterType::Bezwaar => {
                kind == K::Decision && !on_objection
            }
            LetterType::Bevestiging => matches!(kind, K::CallIn | K::CallOut | K::VideoCall),
            LetterType::Verslag => matches!(
                kind,
                K::Meeting | K::HomeVisit | K::VideoCall | K::MedicalAssessment
            ),
            LetterType::Ingebrekestelling => {
                (kind == K::Decision && !on_objection) || kind == K::LetterOut
            }
            // Behaviour, not a decision (that is an objection), and not the user's own
            // letters.
            LetterType::Klacht => !matches!(kind, K::Decision | K::LetterOut | K::EmailOut),
        }
    }
}

/// One letter offered for an entry, with what the app tells the user about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterOption {
    pub letter_type: LetterType,
    pub title_nl: String,
    pub title_en: String,
    pub explain_nl: String,
    pub explain_en: String,
    /// The blanks, those still to fill first.
    pub blanks: Vec<Blank>,
}

/// A letter as a file, with the letter it shows.
#[derive(Debug, Clone)]
pub struct RenderedLetter {
    pub letter: Letter,
    pub format: LetterFormat,
    pub bytes: Vec<u8>,
}

/// Renders `letter` in `format`.
pub fn render(letter: &Letter, format: LetterFormat) -> Result<Vec<u8>> {
    match format {
        LetterFormat::Pdf => pdf::render(letter),
        LetterFormat::Txt => Ok(text::render(letter).into_bytes()),
        LetterFormat::Docx => docx::render(letter),
    }
}

/// The letter as plain text (for a web form or an e-mail; also kept in the entry).
pub fn plain_text(letter: &Letter) -> String {
    text::render(letter)
}
