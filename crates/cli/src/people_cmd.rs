//! `people`, `person-add`, `klantmanager`: the cast of a dossier from the command line.

use std::io::Write;
use std::path::Path;

use dossier_core::entry::parse_date;
use dossier_core::{Error, PersonData, SystemClock};

use crate::commands::{open, Result};
use crate::json::{self, Cast, PeriodJson};
use crate::messages::Lang;

pub fn people(dir: &Path, as_json: bool, lang: Lang) -> Result {
    let d = open(dir, lang)?;
    let people = d.people()?;
    let periods = d.klantmanager_periods()?;
    let mut out = std::io::stdout().lock();
    if as_json {
        let cast = Cast::new(&people, Vec::new());
        let rows: Vec<json::PersonJson> = people
            .iter()
            .map(|p| {
                let mut j = json::person_json(p);
                j.klantmanager_periods = Some(
                    periods
                        .iter()
                        .filter(|k| k.person_id == p.id)
                        .map(|k| PeriodJson {
                            person: String::new(),
                            ..json::period_json(k, &cast)
                        })
                        .collect(),
                );
                j
            })
            .collect();
        serde_json::to_writer_pretty(&mut out, &rows).map_err(std::io::Error::from)?;
        writeln!(out)?;
        return Ok(());
    }
    for p in &people {
        write!(
            out,
            "{}\t{}\t{}\t{}",
            p.id, p.data.name, p.data.role, p.data.organisation
        )?;
        for k in periods.iter().filter(|k| k.person_id == p.id) {
            let to = k
                .to_on
                .map_or_else(|| lang.pick("nu", "now").to_string(), |d| d.to_string());
            write!(
                out,
                "\t{} {} – {to}",
                lang.pick("klantmanager", "klantmanager"),
                k.from_on
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// The flags of `dossier person-add`.
#[derive(Debug, Default)]
pub struct PersonArgs {
    pub name: String,
    pub role: String,
    pub org: String,
    pub phone: String,
    pub email: String,
}

pub fn person_add(dir: &Path, a: &PersonArgs, lang: Lang) -> Result {
    let p = PersonData {
        name: a.name.clone(),
        role: a.role.clone(),
        organisation: a.org.clone(),
        phone: a.phone.clone(),
        email: a.email.clone(),
        notes: String::new(),
    };
    p.validate()?;
    let mut d = open(dir, lang)?;
    // Two people with one name would make `--person NAME` ambiguous.
    if let Some(existing) = d.person_named(&a.name)? {
        return Err(Error::Invalid(format!(
            "there is already a person named {} (id {})",
            existing.data.name, existing.id
        ))
        .into());
    }
    let saved = d.add_person(&p, &SystemClock)?;
    println!("{}", saved.id);
    Ok(())
}

pub fn klantmanager(dir: &Path, person: &str, from: &str, to: Option<&str>, lang: Lang) -> Result {
    let from = parse_date(from)?;
    let to = to.map(parse_date).transpose()?;
    let mut d = open(dir, lang)?;
    let p = d.person_named(person)?.ok_or_else(|| {
        Error::Invalid(format!(
            "there is no person named {person}; add them with dossier person-add"
        ))
    })?;
    d.add_klantmanager_period(p.id, from, to)?;
    let until = to.map_or_else(|| lang.pick("nu", "now").to_string(), |d| d.to_string());
    match lang {
        Lang::Nl => println!(
            "{} is uw klantmanager van {from} tot en met {until}",
            p.data.name
        ),
        Lang::En => println!(
            "{} is your klantmanager from {from} to {until}",
            p.data.name
        ),
    }
    Ok(())
}
