//! The sentences that explain a computed deadline to a person, in plain Dutch (B1)
//! and English, so the desktop app and the CLI say the same thing.

use chrono::NaiveDate;

use super::advice::ADVICE_WORKING_DAYS;
use super::text::{long_date_en, long_date_nl};

/// The advised send-by date in plain Dutch.
pub fn advice_nl(advised: NaiveDate) -> String {
    format!(
        "Advies: verstuur uiterlijk {}. Dat is {ADVICE_WORKING_DAYS} werkdagen vóór het \
         einde van de zes weken, zonder te rekenen op verlenging door een weekend of \
         feestdag. Stuur aangetekend of vraag een ontvangstbewijs met datum",
        long_date_nl(advised)
    )
}

/// The advised send-by date in plain English.
pub fn advice_en(advised: NaiveDate) -> String {
    format!(
        "Advice: send it by {}. That is {ADVICE_WORKING_DAYS} working days before the six \
         weeks are up, without relying on any extension for a weekend or holiday. Send it \
         by registered post or ask for a dated receipt",
        long_date_en(advised)
    )
}

/// Awb 7:10 as information, in plain Dutch.
pub fn decision_due_nl(due: NaiveDate) -> String {
    format!(
        "Ter informatie: de instantie moet uiterlijk {} op uw bezwaar beslissen (Awb art. \
         7:10). Met een bezwaarcommissie is dat 12 weken, en de instantie mag één keer 6 \
         weken uitstellen. Voor uw eigen termijnen verandert dit niets",
        long_date_nl(due)
    )
}

/// Awb 7:10 as information, in plain English.
pub fn decision_due_en(due: NaiveDate) -> String {
    format!(
        "For information: the agency must decide on your objection by {} (Awb art. \
         7:10). With an objection committee that is 12 weeks, and the agency may postpone \
         once by 6 weeks. This does not change any of your own deadlines",
        long_date_en(due)
    )
}

/// What comes after the decision on objection, in plain Dutch.
pub const APPEAL_AFTER_OBJECTION_NL: &str = "Na de beslissing op uw bezwaar kunt u binnen 6 \
     weken in beroep gaan bij de rechtbank, gerekend vanaf de dag na de verzending van die \
     beslissing";

/// What comes after the decision on objection, in plain English.
pub const APPEAL_AFTER_OBJECTION_EN: &str = "After the decision on your objection you can \
     appeal to the court within 6 weeks, counted from the day after that decision was sent";
