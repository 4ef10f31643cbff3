//! Backups from the command line: `backup`, `backup-check`, `restore` and
//! `backup-identity` (the age identity for `age -d -i`, from the recovery code).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use dossier_core::backup::{self, BackupIdentity, ManifestBody, Progress};
use dossier_core::{dutch_today, KdfParams, SystemClock};
use ring::rand::SystemRandom;

use crate::commands::{open, Result};
use crate::messages::Lang;
use crate::secrets;

/// `2026-05-11` as the Dutch write it: `11-05-2026`.
fn day(iso: &str) -> String {
    let p: Vec<&str> = iso.split('-').collect();
    match p.as_slice() {
        [y, m, d] => format!("{d}-{m}-{y}"),
        _ => iso.to_string(),
    }
}

fn made_on(body: &ManifestBody) -> String {
    chrono::DateTime::parse_from_rfc3339(&body.created_at)
        .map(|t| {
            dutch_today(t.with_timezone(&chrono::Utc))
                .format("%d-%m-%Y")
                .to_string()
        })
        .unwrap_or_else(|_| body.created_at.clone())
}

/// "Reservekopie van 12-05-2026: 214 registraties (03-01-2025 t/m 11-05-2026), 57 bijlagen"
pub fn summary_line(body: &ManifestBody, lang: Lang) -> String {
    let span = match (&body.first_on, &body.last_on) {
        (Some(a), Some(b)) => match lang {
            Lang::Nl => format!(" ({} t/m {})", day(a), day(b)),
            Lang::En => format!(" ({} to {})", day(a), day(b)),
        },
        _ => String::new(),
    };
    match lang {
        Lang::Nl => format!(
            "Reservekopie van {}: {} registraties{span}, {} bijlagen",
            made_on(body),
            body.entries,
            body.attachments
        ),
        Lang::En => format!(
            "Backup of {}: {} entries{span}, {} attachments",
            made_on(body),
            body.entries,
            body.attachments
        ),
    }
}

/// A percentage on stderr when a person watches; silent in scripts.
fn progress_printer(lang: Lang) -> impl FnMut(Progress) {
    let tty = std::io::stderr().is_terminal();
    move |p: Progress| {
        if tty && p.total > 0 {
            eprint!(
                "\r{} {:>3}%",
                lang.pick("Bezig…", "Working…"),
                p.done * 100 / p.total
            );
            if p.done == p.total {
                eprintln!();
            }
        }
    }
}

pub fn backup(dir: &Path, file: &Path, lang: Lang) -> Result {
    let mut d = open(dir, lang)?;
    let report = d.backup_to(file, &SystemClock, &mut progress_printer(lang))?;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{} {} ({} MB)",
        lang.pick("Reservekopie gemaakt:", "Backup made:"),
        file.display(),
        report.bytes.div_ceil(1_000_000)
    )?;
    writeln!(out, "{}", summary_line(&report.body, lang))?;
    if report.same_disk {
        eprintln!(
            "{}",
            lang.pick(
                "Let op: de reservekopie staat op dezelfde schijf als het dossier. Zet hem ook op een USB-stick of een andere schijf",
                "Note: the backup is on the same disk as the dossier. Also put it on a USB stick or another disk"
            )
        );
    }
    Ok(())
}

pub fn backup_check(file: &Path, lang: Lang) -> Result {
    let code = secrets::recovery_code(lang)?;
    let summary = backup::check_backup(
        file,
        &code,
        &std::env::temp_dir(),
        &SystemRandom::new(),
        &mut progress_printer(lang),
    )?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", summary_line(&summary.body, lang))?;
    writeln!(
        out,
        "{}: {}",
        lang.pick("Kop van de keten", "Chain head"),
        summary.body.chain_head
    )?;
    writeln!(out, "{}: ok", lang.pick("Controle", "Integrity"))?;
    Ok(())
}

pub struct RestoreArgs {
    pub in_place: bool,
    pub safety_backup: Option<PathBuf>,
}

pub fn restore(file: &Path, dir: &Path, args: &RestoreArgs, lang: Lang) -> Result {
    let code = secrets::recovery_code(lang)?;
    let rng = SystemRandom::new();
    let mut out = std::io::stdout().lock();
    if args.in_place {
        let mut d = open(dir, lang)?;
        let safety = args.safety_backup.clone().unwrap_or_else(|| {
            let stamp = chrono::Utc::now().format("%Y%m%d-%H%M%S");
            let name = dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "dossier".into());
            dir.with_file_name(format!("{name}-voor-herstel-{stamp}.dkbackup"))
        });
        let report = d.restore_in_place(
            file,
            &code,
            &safety,
            &SystemClock,
            &rng,
            &mut progress_printer(lang),
        )?;
        writeln!(
            out,
            "{} {}",
            lang.pick(
                "Veiligheidskopie van het dossier zoals het was:",
                "Safety backup of the dossier as it was:"
            ),
            safety.display()
        )?;
        writeln!(out, "{}", summary_line(&report.restored.body, lang))?;
        writeln!(
            out,
            "{} {}",
            lang.pick("Teruggezet in", "Restored into"),
            dir.display()
        )?;
        return Ok(());
    }
    let pass = secrets::new_passphrase(secrets::NEW_PASSPHRASE_ENV, lang)?;
    let summary = backup::restore_backup(
        file,
        &code,
        dir,
        &pass,
        &KdfParams::DEFAULT,
        &rng,
        &mut progress_printer(lang),
    )?;
    writeln!(out, "{}", summary_line(&summary.body, lang))?;
    writeln!(
        out,
        "{} {}",
        lang.pick("Teruggezet in", "Restored into"),
        dir.display()
    )?;
    Ok(())
}

/// Prints the age identity in the format `age -d -i FILE` reads.
pub fn backup_identity(lang: Lang) -> Result {
    let code = secrets::recovery_code(lang)?;
    let id = BackupIdentity::from_recovery_code(&code)?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "# public key: {}", id.recipient())?;
    writeln!(out, "{}", id.to_age_secret().as_str())?;
    Ok(())
}
