//! `import-mail`: e-mail files (.eml, .mbox, Outlook .msg) into entries (F13), in one
//! transaction; `--list` shows an mbox's messages to pick from. A thin adapter over
//! core's mail API.

use std::io::Write;
use std::path::{Path, PathBuf};

use dossier_core::entry::parse_date;
use dossier_core::{DuplicateBy, Error, MailImportOptions, MailInput, MailOutcome, SystemClock};
use serde_json::json;

use crate::commands::{open, Result};
use crate::messages::Lang;

/// The flags of `dossier import-mail`, as typed.
#[derive(Debug, clap::Args)]
pub struct ImportMailArgs {
    pub dir: PathBuf,
    /// .eml, .mbox or .msg files
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Only these messages of an mbox, counting from 1 (see --list): 1,3,5
    #[arg(long, value_name = "N,N,...", value_delimiter = ',')]
    pub mbox_pick: Option<Vec<usize>>,
    /// The day for messages without a date, YYYY-MM-DD
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// Print what was added and skipped as one JSON object
    #[arg(long)]
    pub json: bool,
    /// Do not add the senders and recipients as people
    #[arg(long)]
    pub no_people: bool,
    /// Only list the messages of each mbox (`N⇥date⇥from⇥subject`); import nothing
    #[arg(long)]
    pub list: bool,
}

fn read(path: &Path) -> std::result::Result<Vec<u8>, Error> {
    let shown = path.display().to_string();
    std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Error::NotFound(shown.clone()),
        _ => Error::io(format!("read {shown}"), e),
    })
}

fn list(args: &ImportMailArgs) -> Result {
    let mut out = std::io::stdout().lock();
    for f in &args.files {
        let bytes = read(f)?;
        let shown = f.display().to_string();
        let summaries = dossier_core::mail::mbox_summaries(&bytes).map_err(|why| {
            Error::MailRefused(vec![dossier_core::mail::MailProblem {
                file: shown.clone(),
                kind: dossier_core::mail::MailProblemKind::Unreadable(why),
            }])
        })?;
        for s in summaries {
            let date = s
                .date
                .map(|d| d.format("%Y-%m-%d %H:%M").to_string())
                .unwrap_or_default();
            writeln!(out, "{}\t{date}\t{}\t{}", s.index, s.from, s.subject)?;
        }
    }
    Ok(())
}

fn outcome_json(o: &MailOutcome) -> serde_json::Value {
    json!({
        "source": o.source,
        "entry_id": o.entry_id,
        "kind": o.data.kind.name(),
        "occurred_on": o.data.occurred_on.to_string(),
        "time": o.data.occurred_time.map(|t| t.format("%H:%M").to_string()),
        "title": o.data.title,
        "organisation": o.data.organisation,
        "attachments": o.attachments,
        "sha256": o.sha256,
        "message_id": o.message_id,
        "duplicate": o.duplicate.map(|d| match d {
            DuplicateBy::MessageId => "message-id",
            DuplicateBy::Hash => "hash",
        }),
    })
}

pub fn import_mail(args: &ImportMailArgs, lang: Lang) -> Result {
    if args.list {
        return list(args);
    }
    let fallback_date = args.date.as_deref().map(parse_date).transpose()?;
    let inputs = args
        .files
        .iter()
        .map(|f| {
            Ok(MailInput {
                name: f
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| f.display().to_string()),
                bytes: read(f)?,
                pick: args.mbox_pick.clone(),
            })
        })
        .collect::<std::result::Result<Vec<_>, Error>>()?;
    let opts = MailImportOptions {
        fallback_date,
        add_people: !args.no_people,
        ..MailImportOptions::default()
    };
    let mut d = open(&args.dir, lang)?;
    let report = d.import_mail(&inputs, &opts, &SystemClock)?;
    let mut out = std::io::stdout().lock();
    if args.json {
        let v = json!({
            "added": report.added.iter().map(outcome_json).collect::<Vec<_>>(),
            "skipped": report.skipped.iter().map(outcome_json).collect::<Vec<_>>(),
            "people_added": report.people_added,
        });
        writeln!(out, "{v}")?;
        return Ok(());
    }
    for o in &report.added {
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}",
            lang.pick("toegevoegd", "added"),
            o.entry_id.unwrap_or_default(),
            o.data.occurred_on,
            o.data.kind.name(),
            o.data.title,
            o.source
        )?;
    }
    for o in &report.skipped {
        let why = match o.duplicate {
            Some(DuplicateBy::MessageId) => lang.pick("zelfde Message-ID", "same Message-ID"),
            _ => lang.pick("zelfde bestand (SHA-256)", "same file (SHA-256)"),
        };
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{} ({why})",
            lang.pick("overgeslagen", "skipped"),
            o.entry_id.map(|i| i.to_string()).unwrap_or_default(),
            o.data.occurred_on,
            o.data.kind.name(),
            o.data.title,
            o.source
        )?;
    }
    match lang {
        Lang::Nl => writeln!(
            out,
            "{} e-mails toegevoegd, {} overgeslagen (al in het dossier), {} personen toegevoegd",
            report.added.len(),
            report.skipped.len(),
            report.people_added
        )?,
        Lang::En => writeln!(
            out,
            "Added {} e-mails, skipped {} (already in the dossier), added {} people",
            report.added.len(),
            report.skipped.len(),
            report.people_added
        )?,
    }
    Ok(())
}
