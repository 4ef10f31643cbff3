//! The advised send-by date shown next to the legal last day: a safety margin, never a
//! legal rule, so it may only ever be earlier than the law requires.

use chrono::NaiveDate;

use super::calendar::Calendar;
use crate::error::{Error, Result};

/// How many working days before the last day the advice lies.
pub const ADVICE_WORKING_DAYS: usize = 5;

/// The advised send-by date: the fifth working day (Monday to Friday, not a holiday or
/// decree day) before the *earlier* of the unextended last day (sent + 42 days) and the
/// legal last day.
///
/// Why this rule:
/// - Counting back from the unextended day means the advice never relies on the Atw
///   extension: whoever follows it is in time even if a holiday was missed or miscounted.
/// - Five working days leave room for ordinary post (Awb 6:9 counts an objection as
///   filed when it *arrives*; the rule for posted letters needs proof of posting), for
///   registered post, and for a bad week.
/// - Because it is strictly before the unextended day, it is never later than the legal
///   day. Both inputs are dates the caller computed; `unextended` is normally the earlier.
pub fn advised_send_by(
    calendar: &Calendar,
    unextended: NaiveDate,
    legal_last_day: NaiveDate,
) -> Result<NaiveDate> {
    let mut day = unextended.min(legal_last_day);
    let mut counted = 0;
    while counted < ADVICE_WORKING_DAYS {
        day = day
            .pred_opt()
            .ok_or_else(|| Error::Invalid(format!("the date {day} is too early")))?;
        if calendar.is_working_day(day) {
            counted += 1;
        }
    }
    Ok(day)
}
