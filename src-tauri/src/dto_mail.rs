//! Wire types for e-mail in (F13): the files the user chose (handles, never paths),
//! an mbox's messages to pick from, and what an import would do or did, with explicit
//! conversions from core types. Dates cross as `YYYY-MM-DD`, times as `HH:MM`.

use dossier_core::mail::{MailProblem, MailProblemKind, MboxSummary, SuggestedPerson};
use dossier_core::{DuplicateBy, MailImportReport, MailOutcome};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::dto_entries::wire_id;

/// One chosen mail file: its handle (to read) and, for an mbox, the messages to take
/// (numbers from 1; null: all).
#[derive(Debug, Clone, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MailFileDto {
    pub handle: u32,
    pub pick: Option<Vec<u32>>,
}

/// The day the user gave a message that has no date of its own.
#[derive(Debug, Clone, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MailDateDto {
    /// The message as a problem named it: `NAME`, or `NAME #N` in an mbox.
    pub source: String,
    /// `YYYY-MM-DD`.
    pub date: String,
}

/// One message of an mbox, as listed for picking.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MboxMessageDto {
    /// Counting from 1.
    pub index: u32,
    pub from: String,
    pub subject: String,
    /// `YYYY-MM-DD HH:MM` in the Netherlands, when the message has a date.
    pub date: Option<String>,
}

impl From<MboxSummary> for MboxMessageDto {
    fn from(s: MboxSummary) -> Self {
        MboxMessageDto {
            index: u32::try_from(s.index).unwrap_or(u32::MAX),
            from: s.from,
            subject: s.subject,
            date: s.date.map(|d| d.format("%Y-%m-%d %H:%M").to_string()),
        }
    }
}

/// Someone a message names, suggested as a person for its entry.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SuggestedPersonDto {
    pub name: String,
    pub email: String,
    /// `afzender`, `ontvanger` or `cc`.
    pub role: String,
}

impl From<&SuggestedPerson> for SuggestedPersonDto {
    fn from(p: &SuggestedPerson) -> Self {
        SuggestedPersonDto {
            name: p.name.clone(),
            email: p.email.clone(),
            role: p.role.clone(),
        }
    }
}

/// One message: the entry it becomes (or became), and whether it is already there.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MailMessageDto {
    /// The file's name, `NAME #N` for message N of an mbox.
    pub source: String,
    /// `email-in` or `email-out`.
    pub kind: String,
    pub date: String,
    pub time: Option<String>,
    pub title: String,
    pub organisation: String,
    pub people: Vec<SuggestedPersonDto>,
    /// The files the entry gets: the original message first.
    pub attachments: Vec<String>,
    /// The entry it became, or the entry that already holds it.
    pub entry_id: Option<u32>,
    /// `messageId` or `sameFile` when the message is already in the dossier.
    pub duplicate: Option<String>,
}

impl From<&MailOutcome> for MailMessageDto {
    fn from(o: &MailOutcome) -> Self {
        MailMessageDto {
            source: o.source.clone(),
            kind: o.data.kind.name().to_string(),
            date: o.data.occurred_on.to_string(),
            time: o.data.occurred_time.map(|t| t.format("%H:%M").to_string()),
            title: o.data.title.clone(),
            organisation: o.data.organisation.clone(),
            people: o.people.iter().map(SuggestedPersonDto::from).collect(),
            attachments: o.attachments.clone(),
            entry_id: o.entry_id.map(wire_id),
            duplicate: o.duplicate.map(|d| {
                match d {
                    DuplicateBy::MessageId => "messageId",
                    DuplicateBy::Hash => "sameFile",
                }
                .to_string()
            }),
        }
    }
}

/// A file (or message of an mbox) that cannot be imported, and why.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MailProblemDto {
    /// The file's name, with `#N` for message N of an mbox.
    pub source: String,
    /// `unreadable`, `noDate` or `refused`.
    pub kind: String,
    /// What was found, in English (for the details; the UI says it in its own words).
    pub detail: String,
}

impl From<&MailProblem> for MailProblemDto {
    fn from(p: &MailProblem) -> Self {
        let (kind, detail) = match &p.kind {
            MailProblemKind::Unreadable(why) => ("unreadable", why.clone()),
            MailProblemKind::NoDate => ("noDate", String::new()),
            MailProblemKind::Refused(why) => ("refused", why.clone()),
        };
        MailProblemDto {
            source: p.file.clone(),
            kind: kind.to_string(),
            detail,
        }
    }
}

/// What importing the chosen files would do: every message, or every problem (then
/// nothing can be imported until the problems are solved).
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MailPlanDto {
    pub messages: Vec<MailMessageDto>,
    pub problems: Vec<MailProblemDto>,
}

/// What an import did.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MailImportDto {
    pub added: Vec<MailMessageDto>,
    pub skipped: Vec<MailMessageDto>,
    pub people_added: u32,
}

impl From<&MailImportReport> for MailImportDto {
    fn from(r: &MailImportReport) -> Self {
        MailImportDto {
            added: r.added.iter().map(MailMessageDto::from).collect(),
            skipped: r.skipped.iter().map(MailMessageDto::from).collect(),
            people_added: r.people_added,
        }
    }
}
