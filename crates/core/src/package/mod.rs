//! The advocate package (issue 14 item 4): one folder or .zip for a lawyer with a
//! plain-Dutch read-me, the bundle PDF (optionally AES-256 locked), the originals
//! (pictures without metadata), the open deadlines as .ics, a manifest, `SHA256SUMS`
//! and the chain head. Built in memory from an unlocked dossier; `write` puts it on disk.

mod lock;
mod originals;
mod text;
mod write;

pub use lock::phone_password;
pub use write::{check_target, write_dir, write_zip};

use std::collections::HashSet;

use ring::rand::SecureRandom;

use crate::clock::Clock;
use crate::error::Result;
use crate::export::ExportOptions;
use crate::vault::Dossier;

/// One file of the package: its path inside it ("originelen/01-brief.jpg") and bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackageFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// The finished package, files in the order they are written (`SHA256SUMS` last).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Package {
    pub files: Vec<PackageFile>,
    /// How many originals are in `originelen/`.
    pub originals: usize,
    /// How many of them are cleaned copies (metadata removed).
    pub stripped: usize,
    pub pdf_locked: bool,
    pub chain_head: String,
}

/// One original as placed in the package, for the manifest and the read-me.
#[derive(Debug, Clone)]
pub(crate) struct Placed {
    pub label: String,
    pub entry_ref: String,
    pub occurred_on: chrono::NaiveDate,
    pub path: String,
    pub size: usize,
    pub sha256: String,
    pub original_sha256: String,
    pub stripped: bool,
}

/// Hex SHA-256 of `bytes`.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(ring::digest::digest(&ring::digest::SHA256, bytes))
}

impl Dossier {
    /// The advocate package for `options` (the same selection, case filter and medical
    /// rule as the bundle). With `pdf_password`, `overzicht.pdf` is encrypted with
    /// AES-256; `rng` gives its file key. `clock` gives the "made on" date and stamps.
    pub fn package(
        &self,
        options: &ExportOptions,
        pdf_password: Option<&str>,
        rng: &dyn SecureRandom,
        clock: &dyn Clock,
    ) -> Result<Package> {
        let options = ExportOptions {
            include_attachments: true,
            ..options.clone()
        };
        let input = self.export_input(&options, clock)?;
        let bundle = crate::export::export_pdf(&input, &options, clock)?;
        let pdf = match pdf_password {
            Some(pw) => lock::encrypt(&bundle.bytes, pw, rng)?,
            None => bundle.bytes,
        };
        let mut files = Vec::new();
        let mut placed = Vec::new();
        for n in crate::export::numbered(&input, &options) {
            let att = &input.attachments[n.attachment];
            let (bytes, stripped) = originals::clean(&att.bytes);
            let path = format!(
                "originelen/{}-{}",
                originals::number(&n.label),
                originals::safe_name(&att.filename)
            );
            placed.push(Placed {
                label: n.label,
                entry_ref: n.entry_ref,
                occurred_on: n.occurred_on,
                path: path.clone(),
                size: bytes.len(),
                sha256: sha256_hex(&bytes),
                original_sha256: att.sha256.clone(),
                stripped,
            });
            files.push(PackageFile { path, bytes });
        }
        // The calendar holds the same entries as the bundle: a medical deadline only
        // with the medical choice, only the case's deadlines for a case.
        let today = crate::clock::dutch_today(clock.now());
        let printed: HashSet<i64> = input
            .entries
            .iter()
            .filter(|e| options.prints(e))
            .map(|e| e.id)
            .collect();
        let todos: Vec<_> = self
            .todos(today)?
            .into_iter()
            .filter(|t| printed.contains(&t.entry_id))
            .collect();
        let ics = crate::todo::ics::calendar(&todos, options.lang, clock.now());
        let medical = options.include_medical
            && input
                .entries
                .iter()
                .any(|e| options.prints(e) && e.data.is_medical());
        let facts = text::Facts {
            owner: self
                .profile()
                .map(|p| p.name.trim().to_string())
                .unwrap_or_default(),
            made_on: today,
            chain_head: &input.chain_head,
            chain_versions: input.chain_versions,
            chain_intact: input.chain_intact,
            case_label: options.case_label.as_deref(),
            medical,
            pdf_locked: pdf_password.is_some(),
            // The calendar holds the open ones only (a missed one is in the PDF).
            deadlines: todos
                .iter()
                .filter(|t| t.state == crate::todo::TodoState::Open)
                .count(),
            placed: &placed,
        };
        let mut head = vec![
            PackageFile {
                path: "LEESMIJ.txt".into(),
                bytes: text::readme(&facts).into_bytes(),
            },
            PackageFile {
                path: "overzicht.pdf".into(),
                bytes: pdf,
            },
            PackageFile {
                path: "termijnen.ics".into(),
                bytes: ics.into_bytes(),
            },
            PackageFile {
                path: "manifest.csv".into(),
                bytes: text::manifest(&placed).into_bytes(),
            },
            PackageFile {
                path: "keten.txt".into(),
                bytes: text::chain(&facts).into_bytes(),
            },
        ];
        head.append(&mut files);
        let sums = text::sums(&head);
        head.push(PackageFile {
            path: "SHA256SUMS".into(),
            bytes: sums.into_bytes(),
        });
        Ok(Package {
            files: head,
            originals: placed.len(),
            stripped: placed.iter().filter(|p| p.stripped).count(),
            pdf_locked: pdf_password.is_some(),
            chain_head: input.chain_head.clone(),
        })
    }
}
