//! Exemptions in the bundle: the ones the cover lists (those in force during the
//! exported period) and the line on an entry made while one was in force, so a lawyer
//! sees at once that the agency asked what the person was exempted from.
//!
//! What an exemption rests on is printed only when it reveals nothing medical, or when
//! the user included medical material: a cover may go to people who should get the
//! conclusion (exempted, until when, by whom), never the medical reason.

use chrono::NaiveDate;

use super::options::{ExportOptions, Lang};
use super::text::{long_date, t};
use crate::entry::{Entry, EntryKind};
use crate::exemption::{Duty, Exemption, ExemptionBasis};

/// The duty in the bundle's language: the typed text for "other".
fn duty(e: &Exemption, lang: Lang) -> String {
    let d = &e.data;
    if d.duty == Duty::Other && !d.duty_text.trim().is_empty() {
        return d.duty_text.trim().to_string();
    }
    match lang {
        Lang::Nl => d.duty.label_nl().to_string(),
        Lang::En => d.duty.label_en().to_string(),
    }
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The live exemptions in force at some day of `from..=to` (open ends: everything),
/// earliest first.
pub fn listed(
    all: &[Exemption],
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Vec<&Exemption> {
    let mut out: Vec<&Exemption> = all
        .iter()
        .filter(|e| e.deleted_at.is_none())
        .filter(|e| from.is_none_or(|f| e.data.to_on >= f))
        .filter(|e| to.is_none_or(|t| e.data.from_on <= t))
        .collect();
    out.sort_by_key(|e| (e.data.from_on, e.id));
    out
}

/// One cover line: duty, period, who decided, and what it rests on when that may be
/// shown.
pub fn cover_line(e: &Exemption, options: &ExportOptions) -> String {
    let lang = options.lang;
    let d = &e.data;
    let mut line = format!(
        "{}: {} {} {} {}.",
        capitalised(&duty(e, lang)),
        t(lang, "van", "from"),
        long_date(lang, d.from_on),
        t(lang, "tot en met", "to"),
        long_date(lang, d.to_on)
    );
    if !d.decided_by.trim().is_empty() {
        line.push_str(&format!(
            " {}: {}.",
            t(lang, "Besloten door", "Decided by"),
            d.decided_by.trim()
        ));
    }
    let medical = d.basis == ExemptionBasis::MedicalAssessment;
    if d.basis != ExemptionBasis::Other && (!medical || options.include_medical) {
        let label = match lang {
            Lang::Nl => d.basis.label_nl(),
            Lang::En => d.basis.label_en(),
        };
        line.push_str(&format!(
            " {}: {label}",
            t(lang, "Op grond van", "Based on")
        ));
        if !d.basis_text.trim().is_empty() {
            line.push_str(&format!(" ({})", d.basis_text.trim()));
        }
        line.push('.');
    }
    line
}

/// Contacts the agency started: where an exemption in force is worth a line (the
/// agency asked, invited or decided while the person was exempted). The person's own
/// letters, calls and notes would only repeat the cover.
fn started_by_agency(kind: EntryKind) -> bool {
    use EntryKind as K;
    matches!(
        kind,
        K::LetterIn
            | K::CallIn
            | K::EmailIn
            | K::Sms
            | K::Portal
            | K::HomeVisit
            | K::Meeting
            | K::VideoCall
            | K::Decision
            | K::MedicalAssessment
    )
}

/// What was in force on the day of a contact the agency started, for the field
/// "Ontheffing op deze datum": "arbeidsverplichtingen (tot en met …)".
pub fn entry_line(all: &[Exemption], entry: &Entry, lang: Lang) -> Option<String> {
    if !started_by_agency(entry.data.kind) {
        return None;
    }
    let day = entry.data.occurred_on;
    let active: Vec<String> = listed(all, Some(day), Some(day))
        .into_iter()
        .map(|e| {
            format!(
                "{} ({} {})",
                duty(e, lang),
                t(lang, "tot en met", "until"),
                long_date(lang, e.data.to_on)
            )
        })
        .collect();
    (!active.is_empty()).then(|| active.join("; "))
}
