//! Six-week periods of the Awb (objection 6:7, appeal 6:7 via 8:1, the agency's
//! decision 7:10) and their extension past weekends and holidays (Atw art. 1).

use chrono::{Datelike, Days, NaiveDate};

use super::advice::advised_send_by;
use super::basis::KnownDate;
use super::calendar::{Calendar, DayOff};
use crate::error::{Error, Result};

/// Six weeks, counted from the day after sending (Awb 6:8), end on the same weekday as
/// the send date, 42 days later.
pub const SIX_WEEKS_IN_DAYS: u64 = 42;

/// The earliest and latest dates the engine accepts; outside them a date is a typing
/// error, and the holiday rules were never meant for them.
pub const FIRST_YEAR: i32 = 1900;
pub const LAST_YEAR: i32 = 2200;

/// Which legal period is computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PeriodKind {
    /// Bezwaar against a decision (besluit), to the agency.
    Objection,
    /// Beroep against the decision on objection, to the court.
    Appeal,
}

impl PeriodKind {
    /// A stable name for exports: `objection`, `appeal`.
    pub fn name(self) -> &'static str {
        match self {
            PeriodKind::Objection => "objection",
            PeriodKind::Appeal => "appeal",
        }
    }

    /// The rule applied, in plain Dutch, citing the articles.
    pub fn rule_nl(self) -> &'static str {
        match self {
            PeriodKind::Objection => {
                "Bezwaartermijn: 6 weken (Awb art. 6:7), te beginnen op de dag na de \
                 verzending van het besluit (art. 6:8). Valt de laatste dag op een zaterdag, \
                 zondag of erkende feestdag, dan loopt de termijn door tot en met de \
                 eerstvolgende dag die dat niet is (Algemene termijnenwet art. 1)"
            }
            PeriodKind::Appeal => {
                "Beroepstermijn: 6 weken (Awb art. 6:7) om in beroep te gaan bij de \
                 rechtbank, te beginnen op de dag na de verzending van de beslissing op \
                 bezwaar (art. 6:8). Valt de laatste dag op een zaterdag, zondag of erkende \
                 feestdag, dan loopt de termijn door tot en met de eerstvolgende dag die dat \
                 niet is (Algemene termijnenwet art. 1)"
            }
        }
    }

    /// The rule applied, in plain English, citing the articles.
    pub fn rule_en(self) -> &'static str {
        match self {
            PeriodKind::Objection => {
                "Objection period: 6 weeks (Awb art. 6:7), starting the day after the \
                 decision was sent (art. 6:8). If the last day is a Saturday, Sunday or \
                 recognised holiday, the period runs on to the next day that is none of \
                 these (Algemene termijnenwet art. 1)"
            }
            PeriodKind::Appeal => {
                "Appeal period: 6 weeks (Awb art. 6:7) to appeal to the court, starting \
                 the day after the decision on the objection was sent (art. 6:8). If the \
                 last day is a Saturday, Sunday or recognised holiday, the period runs on \
                 to the next day that is none of these (Algemene termijnenwet art. 1)"
            }
        }
    }
}

/// A day the period ran on past, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SkippedDay {
    pub date: NaiveDate,
    pub reason: DayOff,
}

/// Where a legal period ends once Atw art. 1 is applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodEnd {
    /// The last day as counted, before any extension.
    pub unextended: NaiveDate,
    /// The first working day on or after `unextended`.
    pub last_day: NaiveDate,
    /// The days from `unextended` up to (not including) `last_day`.
    pub skipped: Vec<SkippedDay>,
}

/// Atw art. 1: a period that ends on a Saturday, Sunday or holiday runs on to the next
/// day that is none of these.
pub fn atw_period_end(calendar: &Calendar, unextended: NaiveDate) -> Result<PeriodEnd> {
    let mut day = unextended;
    let mut skipped = Vec::new();
    while let Some(reason) = calendar.day_off(day) {
        skipped.push(SkippedDay { date: day, reason });
        day = day
            .succ_opt()
            .ok_or_else(|| Error::Invalid(format!("the date {day} is too late")))?;
    }
    Ok(PeriodEnd {
        unextended,
        last_day: day,
        skipped,
    })
}

/// A computed objection or appeal deadline, with everything needed to explain it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeadlineResult {
    pub kind: PeriodKind,
    /// The date the user gave, and which date it is.
    pub known: KnownDate,
    /// The send date counted from: the real one or the earliest plausible one.
    pub assumed_sent: NaiveDate,
    /// `assumed_sent` + 42 days, before any extension.
    pub unextended_last_day: NaiveDate,
    /// The last day the law allows (after Atw art. 1).
    pub legal_last_day: NaiveDate,
    /// The days the period ran on past, in date order; empty if day 42 is a working day.
    pub skipped: Vec<SkippedDay>,
    /// The advice shown next to the legal day; see [`advised_send_by`].
    pub advised_send_by: NaiveDate,
}

impl DeadlineResult {
    pub fn basis_nl(&self) -> String {
        self.known.basis_nl()
    }

    pub fn basis_en(&self) -> String {
        self.known.basis_en()
    }
}

/// Refuses dates outside [`FIRST_YEAR`]..=[`LAST_YEAR`] with a message naming the date.
pub(crate) fn check_range(date: NaiveDate) -> Result<()> {
    if date.year() < FIRST_YEAR {
        return Err(Error::Invalid(format!(
            "the date {date} is before {FIRST_YEAR}"
        )));
    }
    if date.year() > LAST_YEAR {
        return Err(Error::Invalid(format!(
            "the date {date} is after {LAST_YEAR}"
        )));
    }
    Ok(())
}

/// `date` plus six weeks, or an error past chrono's last date (unreachable in range).
fn plus_six_weeks(date: NaiveDate) -> Result<NaiveDate> {
    date.checked_add_days(Days::new(SIX_WEEKS_IN_DAYS))
        .ok_or_else(|| Error::Invalid(format!("the date {date} is too late")))
}

/// A six-week period of `kind` for a decision of which `known` is known.
pub fn six_week_period(
    calendar: &Calendar,
    kind: PeriodKind,
    known: KnownDate,
) -> Result<DeadlineResult> {
    check_range(known.date())?;
    let assumed_sent = known.earliest_sent()?;
    let unextended = plus_six_weeks(assumed_sent)?;
    let end = atw_period_end(calendar, unextended)?;
    let advised = advised_send_by(calendar, end.unextended, end.last_day)?;
    Ok(DeadlineResult {
        kind,
        known,
        assumed_sent,
        unextended_last_day: end.unextended,
        legal_last_day: end.last_day,
        skipped: end.skipped,
        advised_send_by: advised,
    })
}

/// The objection deadline (bezwaartermijn) for a decision, with the built-in calendar.
pub fn objection_deadline(known: KnownDate) -> Result<DeadlineResult> {
    six_week_period(Calendar::netherlands()?, PeriodKind::Objection, known)
}

/// The appeal deadline (beroepstermijn) after a decision on objection; `known` is a
/// date of that decision on objection.
pub fn appeal_deadline(known: KnownDate) -> Result<DeadlineResult> {
    six_week_period(Calendar::netherlands()?, PeriodKind::Appeal, known)
}

/// Information only: the day by which the agency must decide on an objection filed in
/// `objection` (Awb 7:10 lid 1: six weeks from the day after the objection period
/// ended; twelve with an advisory committee, and it may postpone by six weeks, lid 3).
/// The agency missing it does not change any deadline of the user.
pub fn decision_due(calendar: &Calendar, objection: &DeadlineResult) -> Result<PeriodEnd> {
    if objection.kind != PeriodKind::Objection {
        return Err(Error::Invalid(
            "the decision period of Awb 7:10 follows an objection period, not an appeal period"
                .into(),
        ));
    }
    atw_period_end(calendar, plus_six_weeks(objection.legal_last_day)?)
}
