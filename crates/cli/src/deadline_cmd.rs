//! `dossier deadline`: the objection (or appeal) deadline for a decision, as text or
//! JSON. Needs no dossier and no passphrase; a thin adapter over core's deadline engine.

use std::io::Write;

use dossier_core::deadline::{self as dl, Calendar, DayOff, DeadlineResult, KnownDate, NaiveDate};
use dossier_core::entry::parse_date;
use dossier_core::Error;
use serde::Serialize;

use crate::messages::{CliError, Lang};

/// The dates as typed; clap guarantees exactly one is given.
#[derive(Debug, Clone, Copy)]
pub struct Given<'a> {
    pub sent: Option<&'a str>,
    pub received: Option<&'a str>,
    pub letter_dated: Option<&'a str>,
}

/// `--json` output; `legal_last_day` and `advised_send_by` (YYYY-MM-DD) are a contract
/// other tests and scripts rely on.
#[derive(Serialize)]
struct DeadlineJson {
    kind: &'static str,
    legal_last_day: String,
    advised_send_by: String,
    unextended_last_day: String,
    basis: BasisJson,
    skipped: Vec<SkippedJson>,
    rule_nl: &'static str,
    rule_en: &'static str,
    advice_nl: String,
    advice_en: String,
    /// Objection only: Awb 7:10, as information.
    decision_due: Option<InfoJson>,
    /// Objection only: what comes after the decision on objection.
    appeal_info: Option<TextJson>,
}

#[derive(Serialize)]
struct BasisJson {
    /// `sent`, `letter_dated` or `received`.
    known: &'static str,
    date: String,
    /// The send date counted from (the earliest plausible one when it is unknown).
    assumed_sent: String,
    is_assumption: bool,
    nl: String,
    en: String,
}

#[derive(Serialize)]
struct SkippedJson {
    date: String,
    reason_nl: &'static str,
    reason_en: &'static str,
}

#[derive(Serialize)]
struct InfoJson {
    date: String,
    nl: String,
    en: String,
}

#[derive(Serialize)]
struct TextJson {
    nl: &'static str,
    en: &'static str,
}

pub fn deadline(given: Given<'_>, appeal: bool, json: bool, lang: Lang) -> Result<(), CliError> {
    let parse = |s: Option<&str>| s.map(parse_date).transpose();
    let known = KnownDate::best(
        parse(given.sent)?,
        parse(given.letter_dated)?,
        parse(given.received)?,
    )
    .ok_or_else(|| Error::Invalid("give --sent, --received or --letter-dated".into()))?;
    let result = if appeal {
        dl::appeal_deadline(known)?
    } else {
        dl::objection_deadline(known)?
    };
    // Awb 7:10 runs only after an objection period.
    let due = if appeal {
        None
    } else {
        Some(dl::decision_due(Calendar::netherlands()?, &result)?.last_day)
    };
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &to_json(&result, due))
            .map_err(std::io::Error::from)?;
        writeln!(out)?;
    } else {
        write_text(&mut out, &result, due, lang)?;
    }
    Ok(())
}

fn to_json(r: &DeadlineResult, due: Option<NaiveDate>) -> DeadlineJson {
    DeadlineJson {
        kind: r.kind.name(),
        legal_last_day: r.legal_last_day.to_string(),
        advised_send_by: r.advised_send_by.to_string(),
        unextended_last_day: r.unextended_last_day.to_string(),
        basis: BasisJson {
            known: r.known.name(),
            date: r.known.date().to_string(),
            assumed_sent: r.assumed_sent.to_string(),
            is_assumption: r.known.is_assumption(),
            nl: r.basis_nl(),
            en: r.basis_en(),
        },
        skipped: r
            .skipped
            .iter()
            .map(|s| SkippedJson {
                date: s.date.to_string(),
                reason_nl: s.reason.name_nl(),
                reason_en: s.reason.name_en(),
            })
            .collect(),
        rule_nl: r.kind.rule_nl(),
        rule_en: r.kind.rule_en(),
        advice_nl: dl::advice_nl(r.advised_send_by),
        advice_en: dl::advice_en(r.advised_send_by),
        decision_due: due.map(|d| InfoJson {
            date: d.to_string(),
            nl: dl::decision_due_nl(d),
            en: dl::decision_due_en(d),
        }),
        appeal_info: due.map(|_| TextJson {
            nl: dl::APPEAL_AFTER_OBJECTION_NL,
            en: dl::APPEAL_AFTER_OBJECTION_EN,
        }),
    }
}

/// The dates in the CLI's language, written out ("dinsdag 14 april 2026").
fn long(date: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Nl => dl::long_date_nl(date),
        Lang::En => dl::long_date_en(date),
    }
}

/// Core's phrases start lower-case so they can be embedded; a line starts upper-case.
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => format!("{}{}.", first.to_uppercase(), chars.as_str()),
        None => String::new(),
    }
}

fn write_text(
    out: &mut impl Write,
    r: &DeadlineResult,
    due: Option<NaiveDate>,
    lang: Lang,
) -> std::io::Result<()> {
    let title = match r.kind {
        dl::PeriodKind::Objection => lang.pick("Bezwaar maken", "Objection (bezwaar)"),
        dl::PeriodKind::Appeal => lang.pick("In beroep gaan", "Appeal (beroep)"),
    };
    writeln!(
        out,
        "{title}: {} {}",
        lang.pick("uiterlijk", "last day"),
        long(r.legal_last_day, lang)
    )?;
    let (advice, basis, rule) = match lang {
        Lang::Nl => (
            dl::advice_nl(r.advised_send_by),
            r.basis_nl(),
            r.kind.rule_nl(),
        ),
        Lang::En => (
            dl::advice_en(r.advised_send_by),
            r.basis_en(),
            r.kind.rule_en(),
        ),
    };
    writeln!(out, "{}", sentence(&advice))?;
    writeln!(out, "{}", sentence(&basis))?;
    writeln!(out, "{}", sentence(rule))?;
    if r.skipped.is_empty() {
        let day_42 = long(r.unextended_last_day, lang);
        match lang {
            Lang::Nl => writeln!(
                out,
                "Geen dagen overgeslagen: de 42e dag, {day_42}, is een werkdag."
            )?,
            Lang::En => writeln!(out, "No days skipped: day 42, {day_42}, is a working day.")?,
        }
    } else {
        writeln!(
            out,
            "{}",
            lang.pick(
                "Overgeslagen dagen (de termijn loopt door tot de eerstvolgende werkdag):",
                "Days skipped (the period runs on to the next working day):"
            )
        )?;
        for s in &r.skipped {
            // The written-out date already names a weekend day; say why only for holidays.
            let why = match s.reason {
                DayOff::Saturday | DayOff::Sunday => lang.pick("weekend", "weekend"),
                DayOff::Holiday(_) => lang.pick(s.reason.name_nl(), s.reason.name_en()),
            };
            writeln!(out, "  {} ({why})", long(s.date, lang))?;
        }
    }
    if let Some(due) = due {
        let info = match lang {
            Lang::Nl => dl::decision_due_nl(due),
            Lang::En => dl::decision_due_en(due),
        };
        writeln!(out, "{}", sentence(&info))?;
        writeln!(
            out,
            "{} {}",
            sentence(lang.pick(dl::APPEAL_AFTER_OBJECTION_NL, dl::APPEAL_AFTER_OBJECTION_EN)),
            lang.pick(
                "Bereken die termijn met: dossier deadline --appeal --sent JJJJ-MM-DD",
                "Compute it with: dossier deadline --appeal --sent YYYY-MM-DD"
            )
        )?;
    }
    Ok(())
}
