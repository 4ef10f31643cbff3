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
    let d = Dossier::open(dir, unlock)?;
    // Opened with the second copy of the key slots: say so, on stderr so scripts that
    // read stdout are not disturbed.
    if let Some(note) = d.slot_copy().notice() {
        eprintln!("{}", slot_notice(d.slot_copy(), note, lang));
    }
    Ok(d)
}

fn slot_notice(copy: dossier_core::SlotCopy, en: &str, lang: Lang) -> String {
    let nl = match copy {
        dossier_core::SlotCopy::Spare => "Let op: keyslots.json ontbrak of was beschadigd. Het dossier is geopend met de tweede kopie, keyslots.spare.json, en keyslots.json is daaruit opnieuw geschreven.",
        _ => "Let op: keyslots.json is beschadigd, maar de sleutel die u gebruikte was nog heel. Maak een reservekopie.",
    };
    lang.pick(nl, en).to_string()
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

fn print_new_code(code: &dossier_core::RecoveryCode, lang: Lang) -> Result {
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{}",
        lang.pick(
            "Dit is uw nieuwe herstelcode. De oude werkt niet meer voor dit dossier. Print hem of schrijf hem op en bewaar hem apart van deze computer.\nReservekopieën van vóór nu gaan alleen open met de oude code: bewaar die daarvoor, of maak nu een nieuwe reservekopie:",
            "This is your new recovery code. The old one no longer opens this dossier. Print it or write it down and keep it away from this computer.\nBackups made before now open only with the old code: keep it for them, or make a new backup now:"
        )
    )?;
    writeln!(out, "{}", code.display().as_str())?;
    Ok(())
}

/// `new-recovery-code`: a new recovery code replaces the old one (last line of output).
pub fn new_recovery_code(dir: &Path, lang: Lang) -> Result {
    let mut d = open(dir, lang)?;
    let code = d.new_recovery_code(&SystemRandom::new())?;
    print_new_code(&code, lang)
}

/// `rekey`: a new data key for the database, wrapped for the passphrase and a new
/// recovery code (last line of output). Opened with the recovery code, the passphrase
/// the new key gets is asked for (DOSSIER_NEW_PASSPHRASE).
pub fn rekey(dir: &Path, lang: Lang) -> Result {
    let secret = secrets::unlock_secret(lang)?;
    let unlock = match &secret {
        Secret::Passphrase(p) => Unlock::Passphrase(p),
        Secret::Recovery(c) => Unlock::RecoveryCode(c),
    };
    let mut d = Dossier::open(dir, unlock)?;
    let passphrase = match &secret {
        Secret::Passphrase(p) => p.clone(),
        Secret::Recovery(_) => secrets::new_passphrase(secrets::NEW_PASSPHRASE_ENV, lang)?,
    };
    let mut progress = |step: dossier_core::vault::RekeyStep| {
        use dossier_core::vault::RekeyStep as S;
        let line = match step {
            S::Preparing => lang.pick("Voorbereiden…", "Preparing…").to_string(),
            S::Rewriting { pages } => match lang {
                Lang::Nl => format!("Opnieuw versleutelen ({pages} blokken)…"),
                Lang::En => format!("Re-encrypting ({pages} pages)…"),
            },
            S::Rewrapping => lang
                .pick("Sleutels opnieuw inpakken…", "Re-wrapping the keys…")
                .to_string(),
            _ => lang.pick("Klaar.", "Done.").to_string(),
        };
        eprintln!("{line}");
    };
    let code = d.rekey(
        &passphrase,
        &KdfParams::DEFAULT,
        &SystemRandom::new(),
        &mut progress,
    )?;
    print_new_code(&code, lang)
}
