//! `export-json`: everything in a dossier as one JSON file the user keeps — entries
//! with every history version, people, klantmanager periods, attachment descriptions
//! (their bytes only when asked). The one plaintext file the CLI writes, on request.

use std::io::Write;
use std::path::Path;

use data_encoding::BASE64;
use dossier_core::Error;
use serde::Serialize;
use serde_json::Value;

use crate::commands::{open, Result};
use crate::json::{self, Cast, EntryJson, PeriodJson, PersonJson};
use crate::messages::Lang;

/// The export's shape; `entries`, `people` and `klantmanager_periods` are what
/// `import` reads back (history and attachments are for reading, not re-import).
#[derive(Serialize)]
struct ExportJson {
    format: &'static str,
    format_version: u32,
    schema_version: u32,
    chain_head: String,
    versions: u64,
    people: Vec<PersonJson>,
    klantmanager_periods: Vec<PeriodJson>,
    entries: Vec<ExportEntry>,
}

#[derive(Serialize)]
struct ExportEntry {
    #[serde(flatten)]
    entry: EntryJson,
    history: Vec<VersionJson>,
    attachments: Vec<AttachmentJson>,
}

#[derive(Serialize)]
struct VersionJson {
    seq: i64,
    version: u32,
    action: String,
    reason: String,
    recorded_at: String,
    /// The entry's canonical content at this version (what the hash covers).
    content: Value,
    attachments: String,
    hash: String,
}

#[derive(Serialize)]
struct AttachmentJson {
    id: i64,
    filename: String,
    media_type: String,
    size: u64,
    sha256: String,
    added_at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    data_base64: Option<String>,
}

pub fn export_json(dir: &Path, file: &Path, with_attachments: bool, lang: Lang) -> Result {
    crate::outfile::refuse_existing(file)?;
    let d = open(dir, lang)?;
    let people = d.people()?;
    let periods = d.klantmanager_periods()?;
    let cast = Cast::new(&people, periods.clone());
    let chain = d.verify_chain()?;
    let mut entries = Vec::new();
    for e in d.entries()? {
        let history = d
            .history(e.id)?
            .into_iter()
            .map(|v| VersionJson {
                seq: v.seq,
                version: v.version,
                action: v.action,
                reason: v.reason,
                recorded_at: v.recorded_at,
                content: serde_json::from_str(&v.content).unwrap_or(Value::String(v.content)),
                attachments: v.attachments,
                hash: v.hash,
            })
            .collect();
        let mut attachments = Vec::new();
        // Only asked when there are any, so an export works in a build (or a dossier)
        // without attachments.
        if e.attachment_count > 0 {
            for a in d.attachments(e.id)? {
                let data_base64 = if with_attachments {
                    Some(BASE64.encode(&d.attachment_bytes(a.id)?))
                } else {
                    None
                };
                attachments.push(AttachmentJson {
                    id: a.id,
                    filename: a.filename,
                    media_type: a.media_type,
                    size: a.size,
                    sha256: a.sha256,
                    added_at: a.added_at,
                    data_base64,
                });
            }
        }
        entries.push(ExportEntry {
            entry: json::entry_json(&e, &cast),
            history,
            attachments,
        });
    }
    let export = ExportJson {
        format: "dossierkluis-export",
        format_version: 1,
        schema_version: d.schema_version()?,
        chain_head: chain.head,
        versions: chain.versions,
        people: people.iter().map(json::person_json).collect(),
        klantmanager_periods: periods
            .iter()
            .map(|p| json::period_json(p, &cast))
            .collect(),
        entries,
    };
    let f = crate::outfile::create_new(file)?;
    let mut w = std::io::BufWriter::new(f);
    serde_json::to_writer_pretty(&mut w, &export)
        .map_err(|e| Error::io(format!("write {}", file.display()), e.into()))?;
    w.flush()
        .and_then(|()| w.get_ref().sync_all())
        .map_err(|e| Error::io(format!("write {}", file.display()), e))?;
    let n = export.entries.len();
    match lang {
        Lang::Nl => println!(
            "{n} items met hun geschiedenis geschreven naar {}. Dit bestand is niet versleuteld: bewaar het veilig",
            file.display()
        ),
        Lang::En => println!(
            "Wrote {n} entries with their history to {}. This file is not encrypted: keep it safe",
            file.display()
        ),
    }
    Ok(())
}
