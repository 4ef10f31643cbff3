//! The deadline engine: legal periods under Dutch law (Awb bezwaar and beroep, Awb
//! 7:10), the Algemene termijnenwet calendar they are extended by, the advised send-by
//! date, dates written in letters, which are never extended, and the terms the user's
//! own letters set (AVG one month, 14 days, Awb 4:17 two weeks).
//!
//! Everything here is a pure function of its inputs: no clock, no disk. The only data
//! is the decree-day list built in from `assets/holidays/nl-decree-days.txt`.
//!
//! Safety rule for every function: when something is unknown (the send date, a decree
//! not yet in the list), the computed date may come out earlier than the law's, never
//! later.

mod advice;
mod basis;
mod calendar;
mod decree;
mod explain;
mod holidays;
mod letter_date;
mod period;
mod terms;
mod text;

/// Front ends name dates through core, so they need no chrono of their own.
pub use chrono::NaiveDate;

pub use advice::{advised_send_by, ADVICE_WORKING_DAYS};
pub use basis::{KnownDate, RECEIVED_LOOKBACK_DAYS};
pub use calendar::{Calendar, DayOff};
pub use explain::{
    advice_en, advice_nl, decision_due_en, decision_due_nl, APPEAL_AFTER_OBJECTION_EN,
    APPEAL_AFTER_OBJECTION_NL,
};
pub use holidays::{easter_sunday, monarchs_day, statutory_holiday, statutory_holidays, Holiday};
pub use letter_date::{LetterDeadline, LetterDeadlineKind};
pub use period::{
    appeal_deadline, atw_period_end, decision_due, objection_deadline, six_week_period,
    DeadlineResult, PeriodEnd, PeriodKind, SkippedDay, FIRST_YEAR, LAST_YEAR, SIX_WEEKS_IN_DAYS,
};
pub use terms::{
    days_after, one_month_after, penalty_days, PenaltyDays, CONFIRMATION_DAYS, PENALTY_MAX_DAYS,
    PENALTY_WAIT_DAYS,
};
pub use text::{long_date_en, long_date_nl};
