//! The thin loader: reads what an export needs from an unlocked dossier through its
//! public API (entries, people, attachments, the chain) into an [`ExportInput`]. Only
//! attachments of entries that will be printed are read, so a default export never
//! even loads a medical attachment's bytes.

use chrono::NaiveDate;

use super::options::{
    ExportAttachment, ExportInput, ExportOptions, ExportPerson, Lang, OpenDeadline,
};
use super::text::{long_date, t};
use super::{export_pdf, PdfBundle};
use crate::clock::Clock;
use crate::deadline::{objection_deadline, KnownDate};
use crate::entry::{Entry, EntryKind};
use crate::error::Result;
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
        let today = clock.now().date_naive();
        let open_deadlines = open_deadlines(&printed, today, options.lang);
        Ok(ExportInput {
            chain_head: chain.head,
            chain_versions: chain.versions,
            chain_intact: chain.broken_at.is_none(),
            people,
            attachments,
            open_deadlines,
            entries,
        })
    }

    /// The PDF bundle for `options`, as bytes for the file the user chose.
    pub fn export_pdf(&self, options: &ExportOptions, clock: &dyn Clock) -> Result<Vec<u8>> {
        Ok(self.export_bundle(options, clock)?.bytes)
    }

    /// The bundle with its page and exhibit counts (for the Export screen).
    pub fn export_bundle(&self, options: &ExportOptions, clock: &dyn Clock) -> Result<PdfBundle> {
        let input = self.export_input(options, clock)?;
        export_pdf(&input, options, clock)
    }
}

/// Deadlines still running on `today`: the objection period of each decision (Awb
/// 6:7, computed by the deadline engine from the best known date) and follow-up dates
/// the user set.
pub fn open_deadlines(entries: &[&Entry], today: NaiveDate, lang: Lang) -> Vec<OpenDeadline> {
    let mut out = Vec::new();
    for e in entries.iter().filter(|e| e.deleted_at.is_none()) {
        let d = &e.data;
        if d.kind == EntryKind::Decision {
            let known = KnownDate::best(d.sent_on, d.letter_dated, d.received_on)
                .unwrap_or(KnownDate::Received(d.occurred_on));
            if let Ok(r) = objection_deadline(known) {
                if r.legal_last_day >= today {
                    let kenmerk = if d.kenmerk.trim().is_empty() {
                        String::new()
                    } else {
                        format!(", {} {}", t(lang, "kenmerk", "reference"), d.kenmerk.trim())
                    };
                    let text = match lang {
                        Lang::Nl => format!(
                            "laatste dag van de bezwaartermijn tegen het besluit \"{}\"{kenmerk} (advies: verstuur uiterlijk {})",
                            d.title.trim(),
                            long_date(lang, r.advised_send_by)
                        ),
                        Lang::En => format!(
                            "last day to object to the decision \"{}\"{kenmerk} (advice: send by {})",
                            d.title.trim(),
                            long_date(lang, r.advised_send_by)
                        ),
                    };
                    out.push(OpenDeadline {
                        date: r.legal_last_day,
                        text,
                    });
                }
            }
        }
        if let Some(f) = d.follow_up_on.filter(|f| *f >= today) {
            out.push(OpenDeadline {
                date: f,
                text: format!("{}: {}", t(lang, "vervolg", "follow-up"), d.title.trim()),
            });
        }
    }
    out.sort_by_key(|d| d.date);
    out
}
