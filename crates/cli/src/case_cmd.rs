//! `cases`, `case-add`, `case-entry`, `case-status` (F8), and `violations`: the
//! contacts that broke an agreement, often what a case is about. Thin over core.

use std::io::Write;
use std::path::Path;

use dossier_core::deadline::NaiveDate;
use dossier_core::{Case, CaseData, CaseStatus, Dossier, Error, SystemClock};
use serde::Serialize;

use crate::commands::{open, Result};
use crate::messages::{CliError, Lang};

/// A live case, or the CLI's own "unknown case" error (exit 20).
pub fn live_case(d: &Dossier, id: i64) -> Result<Case> {
    match d.case(id) {
        Ok(c) if c.deleted_at.is_none() => Ok(c),
        Ok(_) | Err(Error::Invalid(_)) => Err(CliError::UnknownCase(id)),
        Err(e) => Err(e.into()),
    }
}

#[derive(Serialize)]
struct CaseJson {
    id: i64,
    title: String,
    status: &'static str,
    notes: String,
    entry_count: u32,
    first_on: Option<String>,
    last_on: Option<String>,
    entry_ids: Vec<i64>,
    created_at: String,
    updated_at: Option<String>,
}

pub fn cases(dir: &Path, as_json: bool, lang: Lang) -> Result {
    let d = open(dir, lang)?;
    let list = d.cases()?;
    let mut out = std::io::stdout().lock();
    if as_json {
        let mut rows = Vec::new();
        for c in list {
            rows.push(CaseJson {
                entry_ids: d.case_entry_ids(c.id)?,
                id: c.id,
                title: c.data.title,
                status: c.data.status.name(),
                notes: c.data.notes,
                entry_count: c.entry_count,
                first_on: c.first_on.map(|d| d.to_string()),
                last_on: c.last_on.map(|d| d.to_string()),
                created_at: c.created_at,
                updated_at: c.updated_at,
            });
        }
        serde_json::to_writer_pretty(&mut out, &rows).map_err(std::io::Error::from)?;
        writeln!(out)?;
        return Ok(());
    }
    for c in &list {
        let day = |d: Option<NaiveDate>| d.map_or_else(String::new, |d| d.to_string());
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}",
            c.id,
            c.data.status.name(),
            c.entry_count,
            day(c.first_on),
            day(c.last_on),
            c.data.title
        )?;
    }
    Ok(())
}

pub fn case_add(dir: &Path, title: &str, status: &str, notes: &str, lang: Lang) -> Result {
    let data = CaseData {
        title: title.into(),
        status: CaseStatus::from_name(status)?,
        notes: notes.into(),
    };
    data.validate()?;
    let mut d = open(dir, lang)?;
    let id = d.add_case(&data, &SystemClock)?;
    println!("{id}");
    Ok(())
}

/// Puts entries in a case (or takes them out), all checked before any is changed.
pub fn case_entry(dir: &Path, case_id: i64, entries: &[i64], remove: bool, lang: Lang) -> Result {
    let mut d = open(dir, lang)?;
    live_case(&d, case_id)?;
    for &id in entries {
        if !remove && d.entry(id)?.deleted_at.is_some() {
            return Err(Error::Invalid(format!("entry {id} was deleted")).into());
        }
    }
    for &id in entries {
        if remove {
            d.remove_from_case(case_id, id)?;
        } else {
            d.add_to_case(case_id, id)?;
        }
    }
    Ok(())
}

pub fn case_status(dir: &Path, case_id: i64, status: &str, lang: Lang) -> Result {
    let status = CaseStatus::from_name(status)?;
    let mut d = open(dir, lang)?;
    live_case(&d, case_id)?;
    d.set_case_status(case_id, status, &SystemClock)?;
    Ok(())
}

#[derive(Serialize)]
struct ViolationJson {
    entry_id: i64,
    agreement_entry_id: i64,
    rule: &'static str,
    agreed_on: String,
    text: String,
}

pub fn violations(dir: &Path, as_json: bool, lang: Lang) -> Result {
    let d = open(dir, lang)?;
    let found = d.contact_violations()?;
    let mut out = std::io::stdout().lock();
    if as_json {
        let rows: Vec<ViolationJson> = found
            .iter()
            .map(|v| ViolationJson {
                entry_id: v.entry_id,
                agreement_entry_id: v.agreement_entry_id,
                rule: v.rule.name(),
                agreed_on: v.agreed_on.to_string(),
                text: match lang {
                    Lang::Nl => v.sentence_nl(),
                    Lang::En => v.sentence_en(),
                },
            })
            .collect();
        serde_json::to_writer_pretty(&mut out, &rows).map_err(std::io::Error::from)?;
        writeln!(out)?;
        return Ok(());
    }
    for v in &found {
        writeln!(
            out,
            "{}\t{}\t{}\t{}",
            v.entry_id,
            v.agreement_entry_id,
            v.agreed_on,
            v.rule.name()
        )?;
    }
    Ok(())
}
