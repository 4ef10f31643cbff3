//! `exemptions`, `exemption-add`: ontheffingen (F7) from the command line, with the
//! warning (if any) as of today. Thin over core.

use std::io::Write;
use std::path::Path;

use dossier_core::entry::parse_date;
use dossier_core::exemption::exemption_warnings;
use dossier_core::{Clock, Duty, Exemption, ExemptionBasis, ExemptionData, SystemClock};
use serde::Serialize;

use crate::commands::{open, Result};
use crate::messages::Lang;

#[derive(Serialize)]
struct WarningJson {
    level: &'static str,
    days_left: i64,
    text: String,
}

#[derive(Serialize)]
struct ExemptionJson {
    id: i64,
    duty: &'static str,
    duty_text: String,
    from_on: String,
    to_on: String,
    decided_by: String,
    basis: &'static str,
    basis_text: String,
    notes: String,
    entry_ids: Vec<i64>,
    created_at: String,
    updated_at: Option<String>,
    /// The warning as of today, or null.
    warning: Option<WarningJson>,
}

pub fn exemptions(dir: &Path, as_json: bool, lang: Lang) -> Result {
    let d = open(dir, lang)?;
    let list = d.exemptions()?;
    let warnings = exemption_warnings(&list, dossier_core::dutch_today(SystemClock.now()));
    let warning = |e: &Exemption| {
        warnings
            .iter()
            .find(|w| w.exemption_id == e.id)
            .map(|w| WarningJson {
                level: w.level.name(),
                days_left: w.days_left,
                text: match lang {
                    Lang::Nl => w.sentence_nl(),
                    Lang::En => w.sentence_en(),
                },
            })
    };
    let mut out = std::io::stdout().lock();
    if as_json {
        let rows: Vec<ExemptionJson> = list
            .iter()
            .map(|e| ExemptionJson {
                id: e.id,
                duty: e.data.duty.name(),
                duty_text: e.data.duty_text.clone(),
                from_on: e.data.from_on.to_string(),
                to_on: e.data.to_on.to_string(),
                decided_by: e.data.decided_by.clone(),
                basis: e.data.basis.name(),
                basis_text: e.data.basis_text.clone(),
                notes: e.data.notes.clone(),
                entry_ids: e.data.entry_ids.clone(),
                created_at: e.created_at.clone(),
                updated_at: e.updated_at.clone(),
                warning: warning(e),
            })
            .collect();
        serde_json::to_writer_pretty(&mut out, &rows).map_err(std::io::Error::from)?;
        writeln!(out)?;
        return Ok(());
    }
    for e in &list {
        write!(
            out,
            "{}\t{}\t{}\t{}\t{}",
            e.id,
            e.data.from_on,
            e.data.to_on,
            e.data.duty.name(),
            e.data.decided_by
        )?;
        if let Some(w) = warning(e) {
            write!(out, "\t{}", w.text)?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// The flags of `dossier exemption-add`.
#[derive(Debug, Default)]
pub struct ExemptionArgs {
    pub duty: String,
    pub duty_text: String,
    pub from: String,
    pub to: String,
    pub decided_by: String,
    pub basis: String,
    pub basis_text: String,
    pub notes: String,
    pub entries: Vec<i64>,
}

pub fn exemption_add(dir: &Path, a: &ExemptionArgs, lang: Lang) -> Result {
    let data = ExemptionData {
        duty_text: a.duty_text.clone(),
        decided_by: a.decided_by.clone(),
        basis: ExemptionBasis::from_name(&a.basis)?,
        basis_text: a.basis_text.clone(),
        notes: a.notes.clone(),
        entry_ids: a.entries.clone(),
        ..ExemptionData::new(
            Duty::from_name(&a.duty)?,
            parse_date(&a.from)?,
            parse_date(&a.to)?,
        )
    };
    data.validate()?;
    let mut d = open(dir, lang)?;
    let id = d.add_exemption(&data, &SystemClock)?;
    println!("{id}");
    Ok(())
}
