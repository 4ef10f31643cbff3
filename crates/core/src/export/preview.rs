//! What a choice of export options would print, before building it: the counts the
//! Export screen shows so the user knows what goes to the lawyer.

use super::ExportOptions;
use crate::error::Result;
use crate::vault::Dossier;

/// How many entries and attachments the options select, and how many medical
/// entries they leave out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportPreview {
    pub entries: usize,
    pub attachments: usize,
    pub medical_left_out: usize,
}

impl Dossier {
    /// Uses the same selection rules as the export itself.
    pub fn export_preview(&self, options: &ExportOptions) -> Result<ExportPreview> {
        let entries = self.entries()?;
        let (printed, left_out): (Vec<_>, Vec<_>) = entries
            .iter()
            .filter(|e| options.selects(e))
            .partition(|e| options.prints(e));
        let mut attachments = 0;
        for e in printed.iter().filter(|e| e.deleted_at.is_none()) {
            attachments += self.attachments(e.id)?.len();
        }
        Ok(ExportPreview {
            entries: printed.len(),
            attachments,
            medical_left_out: left_out.len(),
        })
    }
}
