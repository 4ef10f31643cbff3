//! The vault's own subcommands (init, check, passwd, verify) and opening a dossier;
//! entries and people live in `entry_cmd`, `people_cmd`, `export_cmd`.

use std::io::Write;
use std::path::Path;

use dossier_core::{Dossier, KdfParams, Unlock};
use ring::rand::SystemRandom;

use crate::messages::{CliError, Lang};
use crate::secrets::{self, Secret};

pub type Result<T = ()> = std::result::Result<T, CliError>;

pub fn open(dir: &Path, lang: Lang) -> Result<Dossier> {
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

/// `verify`: the integrity checks plus the recomputed history chain, whose head a
/// person can write down to prove later that nothing was changed.
pub fn verify(dir: &Path, lang: Lang) -> Result {
    let d = open(dir, lang)?;
    let report = d.verify()?;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{}: {}",
        lang.pick("Dossier", "Dossier"),
        dir.display()
    )?;
    writeln!(out, "{}: {}", lang.pick("Items", "Entries"), report.entries)?;
    writeln!(
        out,
        "{}: {}",
        lang.pick("Versies", "Versions"),
        report.versions
    )?;
    writeln!(
        out,
        "{}: {}",
        lang.pick("Kop van de keten", "Chain head"),
        report.chain_head
    )?;
    if report.problems.is_empty() {
        writeln!(out, "{}: ok", lang.pick("Controle", "Integrity"))?;
        Ok(())
    } else {
        Err(dossier_core::Error::Damaged(report.problems.join("; ")).into())
    }
}
