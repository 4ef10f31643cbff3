//! Which date of a decision is known, and the send date a period is counted from when
//! the real one is not: always the earliest plausible one, so that a computed deadline
//! is never later than the law's.

use chrono::{Days, NaiveDate};

use super::text::{long_date_en, long_date_nl};
use crate::error::{Error, Result};

/// How far before the day of receipt a letter is assumed to have been sent when only
/// that day is known. Ordinary post normally arrives within a few working days; a
/// week covers a letter posted on the Thursday before Easter and delivered on the
/// Tuesday after (Good Friday, the weekend and Easter Monday in between) plus a day of
/// slack. A longer assumption would cost people time they legally have; a shorter one
/// risks a deadline after the law's. The text shown says so, and asks the user to look
/// up the real send date.
pub const RECEIVED_LOOKBACK_DAYS: u64 = 7;

/// The date of a decision the user knows. The law counts from the day it was sent
/// (Awb 6:8); the others stand in for that when it is unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KnownDate {
    /// The day the decision was sent (best: what the law counts from).
    Sent(NaiveDate),
    /// Only the date printed on the letter (dagtekening) is known.
    LetterDated(NaiveDate),
    /// Only the day the letter arrived is known.
    Received(NaiveDate),
}

impl KnownDate {
    /// The best of the dates a user has: the send date, else the date on the letter
    /// (a hard lower bound for the send date), else the day it arrived.
    pub fn best(
        sent: Option<NaiveDate>,
        letter_dated: Option<NaiveDate>,
        received: Option<NaiveDate>,
    ) -> Option<KnownDate> {
        sent.map(KnownDate::Sent)
            .or(letter_dated.map(KnownDate::LetterDated))
            .or(received.map(KnownDate::Received))
    }

    pub fn date(self) -> NaiveDate {
        match self {
            KnownDate::Sent(d) | KnownDate::LetterDated(d) | KnownDate::Received(d) => d,
        }
    }

    /// A stable name for exports: `sent`, `letter_dated`, `received`.
    pub fn name(self) -> &'static str {
        match self {
            KnownDate::Sent(_) => "sent",
            KnownDate::LetterDated(_) => "letter_dated",
            KnownDate::Received(_) => "received",
        }
    }

    /// Whether the send date had to be assumed.
    pub fn is_assumption(self) -> bool {
        !matches!(self, KnownDate::Sent(_))
    }

    /// The send date the period is counted from: the real one, or the earliest
    /// plausible one. A letter is not sent before the date it bears, so that date is
    /// the earliest; for the day of receipt see [`RECEIVED_LOOKBACK_DAYS`].
    pub fn earliest_sent(self) -> Result<NaiveDate> {
        match self {
            KnownDate::Sent(d) | KnownDate::LetterDated(d) => Ok(d),
            KnownDate::Received(d) => d
                .checked_sub_days(Days::new(RECEIVED_LOOKBACK_DAYS))
                .ok_or_else(|| Error::Invalid(format!("the date {d} is too early"))),
        }
    }

    /// What the computation started from, in plain Dutch.
    pub fn basis_nl(self) -> String {
        let known = long_date_nl(self.date());
        match (self, self.earliest_sent()) {
            (KnownDate::Sent(_), _) => format!("berekend vanaf de verzenddatum, {known}"),
            (KnownDate::LetterDated(_), _) => format!(
                "berekend vanaf de datum op de brief, {known}, omdat de verzenddatum \
                 onbekend is. Een brief wordt niet vóór zijn datum verstuurd, dus de echte \
                 termijn eindigt niet eerder"
            ),
            (KnownDate::Received(_), Ok(assumed)) => format!(
                "berekend vanaf {}: {RECEIVED_LOOKBACK_DAYS} dagen vóór de ontvangstdatum \
                 ({known}), omdat de verzenddatum onbekend is. Is de brief nog eerder \
                 verstuurd, dan eindigt de termijn ook eerder: zoek de verzenddatum op",
                long_date_nl(assumed)
            ),
            (KnownDate::Received(_), Err(_)) => format!("ontvangen op {known}"),
        }
    }

    /// What the computation started from, in plain English.
    pub fn basis_en(self) -> String {
        let known = long_date_en(self.date());
        match (self, self.earliest_sent()) {
            (KnownDate::Sent(_), _) => {
                format!("computed from the date the decision was sent, {known}")
            }
            (KnownDate::LetterDated(_), _) => format!(
                "computed from the date on the letter, {known}, because the send date is \
                 unknown. A letter is not sent before its date, so the real period does \
                 not end earlier"
            ),
            (KnownDate::Received(_), Ok(assumed)) => format!(
                "computed from {}: {RECEIVED_LOOKBACK_DAYS} days before the day you \
                 received it ({known}), because the send date is unknown. If it was sent \
                 even earlier, the period ends earlier too: look up the send date",
                long_date_en(assumed)
            ),
            (KnownDate::Received(_), Err(_)) => format!("received on {known}"),
        }
    }
}
