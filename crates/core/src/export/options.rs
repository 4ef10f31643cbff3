//! What the user chose for one export, and the already-loaded data the bundle is made
//! from, so that building the PDF never touches the database.

use chrono::NaiveDate;

use crate::entry::{Entry, EntryKind};
use crate::exemption::Exemption;

pub use crate::lang::Lang;

/// The name and address printed on the cover. Off by default: the user decides what
/// identifies them; the BSN only appears if they type it here themselves.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CoverPerson {
    pub name: String,
    /// One line per address line.
    pub address: Vec<String>,
}

/// The user's choices. `Default` is the safe export: everything in the dossier except
/// medical material, originals appended, in Dutch, no name on the cover.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportOptions {
    /// First day included (inclusive); `None`: from the start.
    pub from: Option<NaiveDate>,
    /// Last day included (inclusive); `None`: up to now.
    pub to: Option<NaiveDate>,
    /// Only entries of these kinds; empty: all kinds.
    pub kinds: Vec<EntryKind>,
    /// Only entries that involve one of these people; empty: everyone.
    pub people: Vec<i64>,
    /// Only these entries (one case); `None`: all.
    pub entry_ids: Option<Vec<i64>>,
    /// What the user calls the case, printed with the filters.
    pub case_label: Option<String>,
    /// Medical material goes in a separate, marked annex; off unless the user opts in.
    pub include_medical: bool,
    /// Append the original attachments after the index.
    pub include_attachments: bool,
    pub lang: Lang,
    pub cover_person: Option<CoverPerson>,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions {
            from: None,
            to: None,
            kinds: Vec::new(),
            people: Vec::new(),
            entry_ids: None,
            case_label: None,
            include_medical: false,
            include_attachments: true,
            lang: Lang::Nl,
            cover_person: None,
        }
    }
}

impl ExportOptions {
    /// Whether the filters (not the medical rule) let `entry` in.
    pub fn selects(&self, entry: &Entry) -> bool {
        let d = &entry.data;
        self.from.is_none_or(|f| d.occurred_on >= f)
            && self.to.is_none_or(|t| d.occurred_on <= t)
            && (self.kinds.is_empty() || self.kinds.contains(&d.kind))
            && (self.people.is_empty()
                || d.people.iter().any(|p| self.people.contains(&p.person_id)))
            && self
                .entry_ids
                .as_ref()
                .is_none_or(|ids| ids.contains(&entry.id))
    }
}

/// Someone named in entries, as printed ("Jansen, klantmanager, WPI").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportPerson {
    pub id: i64,
    pub name: String,
    pub role: String,
    pub organisation: String,
}

/// One attachment with its bytes. `sha256` is the fingerprint stored when it was
/// added; the bundle prints that one (the stored proof), not a fresh computation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportAttachment {
    pub id: i64,
    pub entry_id: i64,
    pub filename: String,
    pub media_type: String,
    pub sha256: String,
    pub bytes: Vec<u8>,
}

/// A deadline that is still open on the day of export, as one printed line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenDeadline {
    /// The entry it comes from, so the cover can name it by its number.
    pub entry_id: i64,
    /// The last day (for a missed one: the day that has passed).
    pub date: NaiveDate,
    pub text: String,
    /// Its last day has passed and it is not settled.
    pub missed: bool,
}

/// Everything the bundle is made from, loaded beforehand (see `Dossier::export_pdf`).
/// Entries may come in any order and may include ones the options leave out.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ExportInput {
    pub entries: Vec<Entry>,
    pub people: Vec<ExportPerson>,
    /// Attachments of any of the entries, in the order they were added.
    pub attachments: Vec<ExportAttachment>,
    /// The hash of the last version in the dossier's history chain.
    pub chain_head: String,
    /// How many versions the chain holds.
    pub chain_versions: u64,
    /// `false` when `verify_chain` found a broken link: the cover then says so.
    pub chain_intact: bool,
    pub open_deadlines: Vec<OpenDeadline>,
    /// Every exemption of the dossier (the cover lists those in force in the period).
    pub exemptions: Vec<Exemption>,
}

/// One exhibit as the bundle numbers it, named for a letter's list of enclosures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundleExhibit {
    /// "3", or "M2" in the medical annex.
    pub label: String,
    pub entry_id: i64,
    pub attachment_id: i64,
    pub filename: String,
    pub occurred_on: NaiveDate,
    pub entry_title: String,
}

/// The finished PDF and what the Export screen shows about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfBundle {
    pub bytes: Vec<u8>,
    pub pages: u32,
    pub entries: u32,
    pub exhibits: u32,
    /// Exhibits that could not be rendered and got a placeholder page instead.
    pub placeholders: u32,
}
