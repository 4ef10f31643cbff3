//! The thin loader: reads what an export needs from an unlocked dossier through its
//! public API (entries, people, attachments, the chain) into an [`ExportInput`]. Only
//! attachments of entries that will be printed are read, so a default export never
//! even loads a medical attachment's bytes.

use std::collections::HashSet;

use super::options::{
    BundleExhibit, ExportAttachment, ExportInput, ExportOptions, ExportPerson, Lang, OpenDeadline,
};
use super::{export_pdf, PdfBundle};
use crate::clock::Clock;
use crate::entry::Entry;
use crate::error::Result;
use crate::todo::{sentence_en, sentence_nl, Todo, TodoState};
use crate::vault::Dossier;

impl Dossier {
    /// Everything the bundle for `options` is made from.
    pub fn export_input(&self, options: &ExportOptions, clock: &dyn Clock) -> Result<ExportInput> {
        let entries = self.entries()?;
        let chain = self.verify_chain()?;
        let people = self
            .people()?
            .into_iter()
            .map(|p| ExportPerson {
                id: p.id,
                name: p.data.name,
                role: p.data.role,
                organisation: p.data.organisation,
            })
            .collect();
        let printed: Vec<&Entry> = entries.iter().filter(|e| options.prints(e)).collect();
        let mut attachments = Vec::new();
        for e in printed.iter().filter(|e| e.deleted_at.is_none()) {
            for a in self.attachments(e.id)? {
                // Bytes are read only when the originals go in: the index needs the
                // stored fingerprint, not the file.
                let bytes = if options.include_attachments {
                    self.attachment_bytes(a.id)?
                } else {
                    Vec::new()
                };
                attachments.push(ExportAttachment {
                    id: a.id,
                    entry_id: a.entry_id,
                    filename: a.filename,
                    media_type: a.media_type,
                    sha256: a.sha256,
                    bytes,
                });
            }
        }
        let today = crate::clock::dutch_today(clock.now());
        let todos = self.todos(today)?;
        let open_deadlines = open_deadlines(&todos, &printed, options.lang);
        Ok(ExportInput {
            chain_head: chain.head,
            chain_versions: chain.versions,
            chain_intact: chain.broken_at.is_none(),
            people,
            attachments,
            open_deadlines,
            exemptions: self.exemptions()?,
            entries,
        })
    }

    /// The PDF bundle for `options`, as bytes for the file the user chose.
    pub fn export_pdf(&self, options: &ExportOptions, clock: &dyn Clock) -> Result<Vec<u8>> {
        Ok(self.export_bundle(options, clock)?.bytes)
    }

    /// The exhibits the bundle for `options` numbers, without reading a file's bytes or
    /// the chain: what a letter names as its enclosures ("Bijlage 3").
    pub fn bundle_exhibits(&self, options: &ExportOptions) -> Result<Vec<BundleExhibit>> {
        let entries = self.entries()?;
        let mut attachments = Vec::new();
        for e in entries
            .iter()
            .filter(|e| e.deleted_at.is_none() && options.prints(e))
        {
            for a in self.attachments(e.id)? {
                attachments.push(ExportAttachment {
                    id: a.id,
                    entry_id: a.entry_id,
                    filename: a.filename,
                    media_type: a.media_type,
                    sha256: a.sha256,
                    bytes: Vec::new(),
                });
            }
        }
        let input = ExportInput {
            entries,
            attachments,
            ..ExportInput::default()
        };
        Ok(super::numbered(&input, options)
            .into_iter()
            .map(|n| {
                let att = &input.attachments[n.attachment];
                let title = input
                    .entries
                    .iter()
                    .find(|e| e.id == n.entry_id)
                    .map(|e| e.data.title.clone())
                    .unwrap_or_default();
                BundleExhibit {
                    label: n.label,
                    entry_id: n.entry_id,
                    attachment_id: att.id,
                    filename: att.filename.clone(),
                    occurred_on: n.occurred_on,
                    entry_title: title,
                }
            })
            .collect())
    }

    /// The bundle with its page and exhibit counts (for the Export screen).
    pub fn export_bundle(&self, options: &ExportOptions, clock: &dyn Clock) -> Result<PdfBundle> {
        let input = self.export_input(options, clock)?;
        export_pdf(&input, options, clock)
    }
}

/// The to-dos still open or missed on `today` that come from printed entries, in the
/// to-do engine's words: the same deadlines, advice (for a missed objection period:
/// what can still be done, Awb 6:11) and "done" rules as the home view, so a decision
/// already objected to is not listed.
fn open_deadlines(todos: &[Todo], printed: &[&Entry], lang: Lang) -> Vec<OpenDeadline> {
    let ids: HashSet<i64> = printed.iter().map(|e| e.id).collect();
    todos
        .iter()
        .filter(|t| matches!(t.state, TodoState::Open | TodoState::Missed))
        .filter(|t| ids.contains(&t.entry_id))
        .map(|t| OpenDeadline {
            entry_id: t.entry_id,
            missed: t.state == TodoState::Missed,
            date: t.due_on,
            text: match lang {
                Lang::Nl => sentence_nl(t),
                Lang::En => sentence_en(t),
            },
        })
        .collect()
}
