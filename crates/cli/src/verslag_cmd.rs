//! `verslag`, `statements`, `statement-add`, `statement-change`, `statement-remove`:
//! the agency's report of a conversation set against the user's account (issue 14
//! part 3). Thin over core's verslag API.

use std::io::Write;
use std::path::{Path, PathBuf};

use dossier_core::{Dossier, Error, Statement, StatementInput, Status, SystemClock, VerslagView};
use serde::Serialize;

use crate::commands::{open, Result};
use crate::messages::Lang;

/// The flags of `dossier verslag`.
#[derive(Debug, clap::Args)]
pub struct VerslagArgs {
    pub dir: PathBuf,
    /// The call, meeting or visit the report is about
    pub entry_id: i64,
    /// Choose attachment ID of the entry as the agency's report (pinned by its SHA-256)
    #[arg(long, value_name = "ATTACHMENT_ID", conflicts_with = "clear")]
    pub set: Option<i64>,
    /// With --set, for a photo or scan without text: the report's text as you typed it
    #[arg(long, value_name = "FILE", requires = "set")]
    pub typed: Option<PathBuf>,
    /// No file is the report any more (only while no statements quote it)
    #[arg(long)]
    pub clear: bool,
    #[arg(long)]
    pub json: bool,
}

/// What a statement says, as typed; `None` leaves a changed statement's value as it was.
#[derive(Debug, clap::Args)]
pub struct StatementFields {
    /// The text exactly as the report has it
    #[arg(long)]
    pub quote: Option<String>,
    /// Where the quote starts in the report's text (characters, from 0); default: where
    /// the quote is first found
    #[arg(long)]
    pub start: Option<u32>,
    /// correct, incorrect, incomplete, not-said, not-discussed or unsure
    #[arg(long)]
    pub status: Option<String>,
    /// Mark it as important (`--important false` to unmark)
    #[arg(long, num_args = 0..=1, default_missing_value = "true", value_name = "BOOL")]
    pub important: Option<bool>,
    /// Your own version: what really happened
    #[arg(long = "mine", value_name = "TEXT")]
    pub my_version: Option<String>,
    /// An entry that backs your version (repeatable; replaces the list when changing)
    #[arg(long = "support-entry", value_name = "ID")]
    pub support_entries: Vec<i64>,
    /// An attachment (exhibit) that backs your version (repeatable; replaces the list)
    #[arg(long = "support-file", value_name = "ATTACHMENT_ID")]
    pub support_attachments: Vec<i64>,
    /// Remove every supporting entry and file
    #[arg(long, conflicts_with_all = ["support_entries", "support_attachments"])]
    pub no_support: bool,
}

#[derive(Serialize)]
struct StatementJson<'a> {
    id: u32,
    start: u32,
    quote: &'a str,
    status: &'static str,
    important: bool,
    my_version: &'a str,
    support_entries: &'a [i64],
    support_attachments: &'a [i64],
}

fn statement_json(s: &Statement) -> StatementJson<'_> {
    StatementJson {
        id: s.id,
        start: s.start,
        quote: &s.quote,
        status: s.status.name(),
        important: s.important,
        my_version: &s.my_version,
        support_entries: &s.support_entries,
        support_attachments: &s.support_attachments,
    }
}

#[derive(Serialize)]
struct SentenceJson<'a> {
    start: u32,
    text: &'a str,
    paragraph_start: bool,
}

#[derive(Serialize)]
struct VerslagJson<'a> {
    attachment_id: i64,
    filename: &'a str,
    sha256: &'a str,
    typed: bool,
    text: &'a str,
    sentences: Vec<SentenceJson<'a>>,
    statements: Vec<StatementJson<'a>>,
}

fn write_json(value: &impl Serialize) -> Result {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value).map_err(std::io::Error::from)?;
    writeln!(out)?;
    Ok(())
}

fn view(d: &Dossier, entry_id: i64) -> Result<VerslagView> {
    Ok(d.verslag(entry_id)?.ok_or_else(|| {
        Error::Invalid(format!(
            "entry {entry_id} has no report chosen yet; choose it with `dossier verslag DIR {entry_id} --set ATTACHMENT_ID`"
        ))
    })?)
}

pub fn verslag(args: &VerslagArgs, lang: Lang) -> Result {
    let mut d = open(&args.dir, lang)?;
    if let Some(att) = args.set {
        let typed = match &args.typed {
            Some(f) => std::fs::read_to_string(f)
                .map_err(|e| Error::io(format!("read {}", f.display()), e))?,
            None => String::new(),
        };
        d.set_verslag(args.entry_id, att, &typed, &SystemClock)?;
    }
    if args.clear {
        d.clear_verslag(args.entry_id, &SystemClock)?;
        return Ok(());
    }
    let v = view(&d, args.entry_id)?;
    if args.json {
        return write_json(&VerslagJson {
            attachment_id: v.attachment.id,
            filename: &v.attachment.filename,
            sha256: &v.attachment.sha256,
            typed: v.typed,
            text: &v.text,
            sentences: v
                .sentences
                .iter()
                .map(|s| SentenceJson {
                    start: s.start,
                    text: &s.text,
                    paragraph_start: s.paragraph_start,
                })
                .collect(),
            statements: v.statements.iter().map(statement_json).collect(),
        });
    }
    let mut out = std::io::stdout().lock();
    let source = if v.typed {
        lang.pick("tekst getypt door u", "text typed by you")
    } else {
        lang.pick("tekst uit het bestand", "text read from the file")
    };
    writeln!(
        out,
        "{}\t{}\t{}\t{source}",
        v.attachment.id, v.attachment.filename, v.attachment.sha256
    )?;
    for s in &v.sentences {
        writeln!(out, "{}\t{}", s.start, s.text)?;
    }
    Ok(())
}

pub fn statements(dir: &Path, entry_id: i64, json: bool, lang: Lang) -> Result {
    let d = open(dir, lang)?;
    let v = view(&d, entry_id)?;
    if json {
        let rows: Vec<StatementJson<'_>> = v.statements.iter().map(statement_json).collect();
        return write_json(&rows);
    }
    let mut out = std::io::stdout().lock();
    for s in &v.statements {
        let support: Vec<String> = s
            .support_entries
            .iter()
            .map(|e| format!("{}{e}", lang.pick("registratie ", "entry ")))
            .chain(
                s.support_attachments
                    .iter()
                    .map(|a| format!("{}{a}", lang.pick("bijlage ", "attachment "))),
            )
            .collect();
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}",
            s.id,
            s.status.name(),
            if s.important { "!" } else { "" },
            one_line(&s.quote),
            one_line(&s.my_version),
            support.join(", ")
        )?;
    }
    Ok(())
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The statement `f` describes, on top of `base` (a changed statement) or from nothing.
fn input(f: &StatementFields, base: Option<&Statement>, text: &str) -> Result<StatementInput> {
    let quote = match (&f.quote, base) {
        (Some(q), _) => q.clone(),
        (None, Some(b)) => b.quote.clone(),
        (None, None) => {
            return Err(
                Error::Invalid("--quote: the text as the report has it is needed".into()).into(),
            )
        }
    };
    let start = match (f.start, &f.quote, base) {
        (Some(s), _, _) => s,
        (None, None, Some(b)) => b.start,
        // The first place the quote stands; core checks it, and names the problem.
        (None, _, _) => text
            .find(quote.as_str())
            .map(|b| text[..b].chars().count() as u32)
            .unwrap_or(0),
    };
    let status = match (&f.status, base) {
        (Some(s), _) => Status::from_name(s)?,
        (None, Some(b)) => b.status,
        (None, None) => {
            return Err(Error::Invalid(
                "--status: correct, incorrect, incomplete, not-said, not-discussed or unsure"
                    .into(),
            )
            .into())
        }
    };
    let keep = |given: &[i64], old: Option<&Vec<i64>>| -> Vec<i64> {
        if f.no_support {
            Vec::new()
        } else if !given.is_empty() || old.is_none() {
            given.to_vec()
        } else {
            old.cloned().unwrap_or_default()
        }
    };
    Ok(StatementInput {
        start,
        quote,
        status,
        important: f.important.or(base.map(|b| b.important)).unwrap_or(false),
        my_version: f
            .my_version
            .clone()
            .or(base.map(|b| b.my_version.clone()))
            .unwrap_or_default(),
        support_entries: keep(&f.support_entries, base.map(|b| &b.support_entries)),
        support_attachments: keep(&f.support_attachments, base.map(|b| &b.support_attachments)),
    })
}

pub fn add(dir: &Path, entry_id: i64, f: &StatementFields, lang: Lang) -> Result {
    let mut d = open(dir, lang)?;
    let v = view(&d, entry_id)?;
    let (_, n) = d.add_statement(entry_id, &input(f, None, &v.text)?, &SystemClock)?;
    writeln!(std::io::stdout().lock(), "{n}")?;
    Ok(())
}

pub fn change(dir: &Path, entry_id: i64, n: u32, f: &StatementFields, lang: Lang) -> Result {
    let mut d = open(dir, lang)?;
    let v = view(&d, entry_id)?;
    let base = v.statements.iter().find(|s| s.id == n).ok_or_else(|| {
        Error::Invalid(format!(
            "entry {entry_id} has no statement {n}; `dossier statements` lists them"
        ))
    })?;
    let input = input(f, Some(base), &v.text)?;
    d.change_statement(entry_id, n, &input, &SystemClock)?;
    Ok(())
}

pub fn remove(dir: &Path, entry_id: i64, n: u32, lang: Lang) -> Result {
    let mut d = open(dir, lang)?;
    d.remove_statement(entry_id, n, &SystemClock)?;
    Ok(())
}
