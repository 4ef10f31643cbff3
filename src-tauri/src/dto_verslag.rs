//! Wire types of the agency's verslag and the statements about it (issue 14 part 3),
//! with explicit conversions; status names are core's contract names.

use dossier_core::{Statement, StatementInput, Status, VerslagView};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::dto_entries::wire_id;
use crate::error::IpcError;

/// One sentence of the verslag's text: what the arrow keys step through.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SentenceDto {
    /// Start in characters (Unicode scalar values), as core counts.
    pub start: u32,
    pub text: String,
    pub paragraph_start: bool,
}

/// A statement about the verslag, both ways: as the screen shows it, and as it sends a
/// new or changed one. Sent, `id` is not read: core numbers a new statement, and a
/// change names its statement by the command's `n`.
#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct StatementDto {
    pub id: u32,
    pub start: u32,
    pub quote: String,
    /// correct, incorrect, incomplete, not-said, not-discussed or unsure.
    pub status: String,
    pub important: bool,
    pub my_version: String,
    pub support_entries: Vec<u32>,
    pub support_attachments: Vec<u32>,
}

impl From<&Statement> for StatementDto {
    fn from(s: &Statement) -> Self {
        StatementDto {
            id: s.id,
            start: s.start,
            quote: s.quote.clone(),
            status: s.status.name().to_string(),
            important: s.important,
            my_version: s.my_version.clone(),
            support_entries: s.support_entries.iter().map(|&i| wire_id(i)).collect(),
            support_attachments: s.support_attachments.iter().map(|&i| wire_id(i)).collect(),
        }
    }
}

impl TryFrom<StatementDto> for StatementInput {
    type Error = IpcError;

    fn try_from(d: StatementDto) -> Result<Self, IpcError> {
        Ok(StatementInput {
            start: d.start,
            quote: d.quote,
            status: Status::from_name(&d.status)?,
            important: d.important,
            my_version: d.my_version,
            support_entries: d.support_entries.into_iter().map(i64::from).collect(),
            support_attachments: d.support_attachments.into_iter().map(i64::from).collect(),
        })
    }
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct VerslagDto {
    pub attachment_id: u32,
    pub filename: String,
    pub sha256: String,
    /// The text was typed by the user (from a photo or scan).
    pub typed: bool,
    pub text: String,
    pub sentences: Vec<SentenceDto>,
    /// In the verslag's order.
    pub statements: Vec<StatementDto>,
}

impl From<VerslagView> for VerslagDto {
    fn from(v: VerslagView) -> Self {
        VerslagDto {
            attachment_id: wire_id(v.attachment.id),
            filename: v.attachment.filename,
            sha256: v.attachment.sha256,
            typed: v.typed,
            sentences: v
                .sentences
                .into_iter()
                .map(|s| SentenceDto {
                    start: s.start,
                    text: s.text,
                    paragraph_start: s.paragraph_start,
                })
                .collect(),
            statements: v.statements.iter().map(StatementDto::from).collect(),
            text: v.text,
        }
    }
}
