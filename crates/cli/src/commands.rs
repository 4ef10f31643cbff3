//! One function per subcommand, each a thin adapter over core.

use std::io::Write;
use std::path::Path;

use dossier_core::entry::parse_date;
use dossier_core::{Dossier, EntryKind, KdfParams, NewEntry, SystemClock, Unlock};
use ring::rand::SystemRandom;
use serde::Serialize;

use crate::messages::{CliError, Lang};
use crate::secrets::{self, Secret};

type Result<T = ()> = std::result::Result<T, CliError>;

fn open(dir: &Path, lang: Lang) -> Result<Dossier> {
    let secret = secrets::unlock_secret(lang)?;
    let unlock = match &secret {
        Secret::Passphrase(p) => Unlock::Passphrase(p),
        Secret::Recovery(c) => Unlock::RecoveryCode(c),
    };
    Ok(Dossier::open(dir, unlock)?)
}

pub fn init(dir: &Path, lang: Lang) -> Result {
    let pass = secrets::new_passphrase(secrets::PASSPHRASE_ENV, lang)?;
    let (_dossier, code) = Dossier::create(dir, &pass, &KdfParams::DEFAULT, &SystemRandom::new())?;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{} {}",
        lang.pick("Dossier gemaakt in", "Dossier created in"),
        dir.display()
    )?;
    writeln!(
        out,
        "{}",
        lang.pick(
            "Dit is uw herstelcode. Print hem of schrijf hem op en bewaar hem apart van deze computer.\nMet deze code opent u het dossier als u uw wachtwoord vergeet:",
            "This is your recovery code. Print it or write it down and keep it away from this computer.\nIt opens the dossier if you forget your passphrase:"
        )
    )?;
    writeln!(out, "{}", code.display().as_str())?;
    Ok(())
}

pub fn check(dir: &Path, lang: Lang) -> Result {
    let d = open(dir, lang)?;
    let report = d.verify()?;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{}: {}",
        lang.pick("Dossier", "Dossier"),
        dir.display()
    )?;
    writeln!(
        out,
        "{}: {}",
        lang.pick("Schemaversie", "Schema version"),
        report.schema_version
    )?;
    writeln!(out, "{}: {}", lang.pick("Items", "Entries"), report.entries)?;
    if report.problems.is_empty() {
        writeln!(out, "{}: ok", lang.pick("Controle", "Integrity"))?;
        Ok(())
    } else {
        Err(dossier_core::Error::Damaged(report.problems.join("; ")).into())
    }
}

pub fn passwd(dir: &Path, lang: Lang) -> Result {
    let mut d = open(dir, lang)?;
    let new = secrets::new_passphrase(secrets::NEW_PASSPHRASE_ENV, lang)?;
    d.change_passphrase(&new, &KdfParams::DEFAULT, &SystemRandom::new())?;
    println!(
        "{}",
        lang.pick(
            "Het wachtwoord is veranderd. Uw herstelcode blijft geldig.",
            "The passphrase was changed. Your recovery code still works."
        )
    );
    Ok(())
}

pub fn add(dir: &Path, kind: &str, date: &str, title: &str, notes: &str, lang: Lang) -> Result {
    // Validate the input before asking for (and spending time on) the passphrase.
    let entry = NewEntry {
        notes: notes.to_string(),
        ..NewEntry::new(EntryKind::from_name(kind)?, parse_date(date)?, title)
    };
    entry.validate(&SystemClock)?;
    let mut d = open(dir, lang)?;
    let saved = d.add_entry(&entry, &SystemClock)?;
    println!("{}", saved.id);
    Ok(())
}

/// The JSON shape of an entry (`list --json`); a contract, snake_case keys.
#[derive(Serialize)]
struct EntryJson<'a> {
    id: i64,
    kind: &'static str,
    occurred_on: String,
    title: &'a str,
    notes: &'a str,
    created_at: &'a str,
}

pub fn list(dir: &Path, json: bool, lang: Lang) -> Result {
    let d = open(dir, lang)?;
    let entries = d.entries()?;
    let mut out = std::io::stdout().lock();
    if json {
        let rows: Vec<EntryJson<'_>> = entries
            .iter()
            .map(|e| EntryJson {
                id: e.id,
                kind: e.data.kind.name(),
                occurred_on: e.data.occurred_on.to_string(),
                title: &e.data.title,
                notes: &e.data.notes,
                created_at: &e.created_at,
            })
            .collect();
        serde_json::to_writer_pretty(&mut out, &rows).map_err(std::io::Error::from)?;
        writeln!(out)?;
    } else {
        for e in &entries {
            writeln!(
                out,
                "{}\t{}\t{}\t{}",
                e.id,
                e.data.occurred_on,
                e.data.kind.name(),
                e.data.title
            )?;
        }
    }
    Ok(())
}
