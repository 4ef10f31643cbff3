//! `add`, `list`, `import`: entries in and out of a dossier, thin adapters over core.

use std::io::Write;
use std::path::{Path, PathBuf};

use dossier_core::entry::{parse_date, parse_time};
use dossier_core::{
    ContactRule, EntryData, EntryFilter, EntryKind, EntryPerson, Error, NewEntry, PageStart,
    PreparedAttachment, SystemClock,
};

use crate::commands::{open, Result};
use crate::json::{self, Cast, ImportFile};
use crate::messages::Lang;

/// The flags of `dossier add`, as typed.
#[derive(Debug, Default, clap::Args)]
pub struct AddArgs {
    pub dir: PathBuf,
    /// Kind of entry: letter-in, letter-out, call-in, call-out, meeting, home-visit,
    /// video-call, email-in, email-out, sms, portal, decision, medical-assessment,
    /// agreement, signed, job-application, note
    #[arg(long)]
    pub kind: String,
    /// The day it happened, YYYY-MM-DD
    #[arg(long)]
    pub date: String,
    /// The time it happened, HH:MM
    #[arg(long)]
    pub time: Option<String>,
    /// A short title (default: the kind)
    #[arg(long)]
    pub title: Option<String>,
    #[arg(long, default_value = "")]
    pub notes: String,
    /// Someone involved, with their role in this contact: NAME or NAME:ROLE
    /// (repeatable; a new name adds the person)
    #[arg(long = "person", value_name = "NAME[:ROLE]")]
    pub people: Vec<String>,
    /// The organisation (WPI, UWV, a re-integration company…)
    #[arg(long, default_value = "")]
    pub org: String,
    /// The agency's reference number
    #[arg(long, default_value = "")]
    pub kenmerk: String,
    /// A file to attach (repeatable)
    #[arg(long, value_name = "FILE")]
    pub attach: Vec<PathBuf>,
    /// Medical / private
    #[arg(long)]
    pub medical: bool,
    /// A sanction or cut was threatened: what was said
    #[arg(long, value_name = "TEXT")]
    pub threat: Option<String>,
    /// The date on the letter (dagtekening), YYYY-MM-DD
    #[arg(long)]
    pub letter_dated: Option<String>,
    /// The date it was sent (postmark), YYYY-MM-DD
    #[arg(long)]
    pub sent: Option<String>,
    /// The date it was received, YYYY-MM-DD
    #[arg(long)]
    pub received: Option<String>,
    /// A tag (repeatable)
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// A date to come back to this, YYYY-MM-DD
    #[arg(long)]
    pub follow_up: Option<String>,
    /// Reply-by date written in the letter, YYYY-MM-DD (kept exactly as written)
    #[arg(long)]
    pub reply_by: Option<String>,
    /// Repair date (hersteltermijn) written in the letter, YYYY-MM-DD
    #[arg(long)]
    pub repair_by: Option<String>,
    /// An appointment this entry announces: YYYY-MM-DD or "YYYY-MM-DD HH:MM"
    #[arg(long, value_name = "DATE[ TIME]")]
    pub appointment: Option<String>,
    /// This decision is the decision on an objection (next step: appeal)
    #[arg(long)]
    pub on_objection: bool,
    /// For an agreement: email-only, in-writing-only or no-home-visits
    #[arg(long, value_name = "RULE")]
    pub contact_rule: Option<String>,
    /// The last day the contact rule applies, YYYY-MM-DD
    #[arg(long, value_name = "DATE")]
    pub contact_rule_until: Option<String>,
}

fn opt_date(s: &Option<String>) -> Result<Option<dossier_core::deadline::NaiveDate>> {
    Ok(s.as_deref().map(parse_date).transpose()?)
}

/// `NAME[:ROLE]` split at the first colon; both trimmed.
pub fn person_arg(s: &str) -> (String, String) {
    match s.split_once(':') {
        Some((name, role)) => (name.trim().to_string(), role.trim().to_string()),
        None => (s.trim().to_string(), String::new()),
    }
}

fn entry_of(a: &AddArgs) -> Result<NewEntry> {
    let kind = EntryKind::from_name(&a.kind)?;
    // A title is what the timeline shows; without one, the kind's name stands in.
    let title = a
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| a.kind.clone());
    let (appointment_date, appointment_time) = match a.appointment.as_deref().map(str::trim) {
        None | Some("") => (None, None),
        Some(s) => match s.split_once(' ') {
            Some((d, t)) => (Some(parse_date(d)?), Some(parse_time(t)?)),
            None => (Some(parse_date(s)?), None),
        },
    };
    Ok(EntryData {
        occurred_time: a.time.as_deref().map(parse_time).transpose()?,
        notes: a.notes.clone(),
        organisation: a.org.clone(),
        kenmerk: a.kenmerk.clone(),
        medical: a.medical,
        threat: a.threat.is_some(),
        threat_text: a.threat.clone().unwrap_or_default(),
        letter_dated: opt_date(&a.letter_dated)?,
        sent_on: opt_date(&a.sent)?,
        received_on: opt_date(&a.received)?,
        follow_up_on: opt_date(&a.follow_up)?,
        reply_by: opt_date(&a.reply_by)?,
        repair_by: opt_date(&a.repair_by)?,
        appointment_on: appointment_date,
        appointment_time,
        on_objection: a.on_objection,
        contact_rule: a
            .contact_rule
            .as_deref()
            .map(ContactRule::from_name)
            .transpose()?,
        contact_rule_until: opt_date(&a.contact_rule_until)?,
        tags: a.tags.clone(),
        ..EntryData::new(kind, parse_date(&a.date)?, title)
    })
}

pub fn add(a: &AddArgs, lang: Lang) -> Result {
    let dir = a.dir.as_path();
    // Validate the input (and that the files exist) before asking for the passphrase.
    let mut entry = entry_of(a)?;
    entry.validate(&SystemClock)?;
    let people: Vec<(String, String)> = a.people.iter().map(|p| person_arg(p)).collect();
    for (name, _) in &people {
        dossier_core::PersonData::named(name.clone(), "").validate()?;
    }
    for f in &a.attach {
        if !f.is_file() {
            return Err(Error::Invalid(format!("the file {} does not exist", f.display())).into());
        }
    }
    // Every file read and checked before anything is written: the entry and its files
    // are then saved in one transaction, all or nothing.
    let files = a
        .attach
        .iter()
        .map(|f| PreparedAttachment::from_file(f))
        .collect::<dossier_core::Result<Vec<_>>>()?;
    let mut d = open(dir, lang)?;
    for (name, role) in &people {
        let p = d.find_or_add_person(name, role, &SystemClock)?;
        entry.people.push(EntryPerson {
            person_id: p.id,
            role: role.clone(),
        });
    }
    let (saved, _) = d.add_entry_with_attachments(&entry, &files, &SystemClock)?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", saved.id)?;
    out.flush()?;
    Ok(())
}

/// The flags of `dossier list`, as typed.
#[derive(Debug, Default)]
pub struct ListArgs {
    pub json: bool,
    pub search: Option<String>,
    pub kinds: Vec<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub person: Option<String>,
    pub tag: Option<String>,
    pub org: Option<String>,
    pub medical: Option<bool>,
    pub deleted: bool,
}

pub fn list(dir: &Path, a: &ListArgs, lang: Lang) -> Result {
    let mut filter = EntryFilter {
        text: a.search.clone(),
        kinds: a
            .kinds
            .iter()
            .map(|k| EntryKind::from_name(k))
            .collect::<std::result::Result<_, _>>()?,
        from: opt_date(&a.from)?,
        to: opt_date(&a.to)?,
        tag: a.tag.clone(),
        organisation: a.org.clone(),
        medical: a.medical,
        include_deleted: a.deleted,
        ..EntryFilter::default()
    };
    if let (Some(from), Some(to)) = (filter.from, filter.to) {
        if to < from {
            return Err(Error::Invalid(format!("--to {to} is before --from {from}")).into());
        }
    }
    let d = open(dir, lang)?;
    if let Some(name) = &a.person {
        let p = d
            .person_named(name)?
            .ok_or_else(|| Error::Invalid(format!("there is no person named {name}")))?;
        filter.person_id = Some(p.id);
    }
    let page = d.find_entries(&filter, false, &PageStart::First, u32::MAX)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if a.json {
        let cast = Cast::new(&d.people()?, d.klantmanager_periods()?);
        let rows: Vec<json::EntryJson> = page
            .entries
            .iter()
            .map(|e| json::entry_json(e, &cast))
            .collect();
        serde_json::to_writer_pretty(&mut out, &rows).map_err(std::io::Error::from)?;
        writeln!(out)?;
    } else {
        for e in &page.entries {
            write!(
                out,
                "{}\t{}\t{}\t{}",
                e.id,
                e.data.occurred_on,
                e.data.kind.name(),
                e.data.title
            )?;
            if e.deleted_at.is_some() {
                write!(
                    out,
                    "\t[{}: {}]",
                    lang.pick("verwijderd", "deleted"),
                    e.delete_reason
                )?;
            }
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(())
}

pub fn import(dir: &Path, file: &Path, lang: Lang) -> Result {
    let bytes =
        std::fs::read(file).map_err(|e| Error::io(format!("read {}", file.display()), e))?;
    let parsed: ImportFile = serde_json::from_slice(&bytes).map_err(|e| {
        Error::Invalid(format!(
            "{} is not an import file (the JSON of `dossier list --json`): {e}",
            file.display()
        ))
    })?;
    let (batch, skipped) = json::import_batch(parsed)?;
    let mut d = open(dir, lang)?;
    let report = d.import(&batch, &SystemClock)?;
    let n = report.entry_ids.len();
    match lang {
        Lang::Nl => println!(
            "{n} items geïmporteerd, {} personen en {} klantmanagerperiodes toegevoegd",
            report.people_added, report.periods_added
        ),
        Lang::En => println!(
            "Imported {n} entries; added {} people and {} klantmanager periods",
            report.people_added, report.periods_added
        ),
    }
    if skipped > 0 {
        println!(
            "{} {skipped}",
            lang.pick(
                "Verwijderde items overgeslagen:",
                "Deleted entries skipped:"
            )
        );
    }
    Ok(())
}
