//! Exemptions (ontheffingen, F7): permission not to do a duty for a while, what they
//! rest on, which are active on a day, and the warnings before one runs out.

use chrono::NaiveDate;

use crate::deadline::{long_date_en, long_date_nl};
use crate::error::{Error, Result};

/// The duty someone is exempted from. The `name` strings are a contract (stored, CLI,
/// JSON); never rename one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Duty {
    /// Arbeidsverplichtingen (Participatiewet art. 9).
    Work,
    /// Sollicitatieplicht.
    Applying,
    /// Tegenprestatie: unpaid work in return for the benefit.
    Tegenprestatie,
    /// A re-integratietraject.
    Reintegration,
    /// Anything else; `duty_text` says what.
    Other,
}

impl Duty {
    pub const ALL: [Duty; 5] = [
        Duty::Work,
        Duty::Applying,
        Duty::Tegenprestatie,
        Duty::Reintegration,
        Duty::Other,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Duty::Work => "work",
            Duty::Applying => "applying",
            Duty::Tegenprestatie => "tegenprestatie",
            Duty::Reintegration => "reintegration",
            Duty::Other => "other",
        }
    }

    pub fn from_name(name: &str) -> Result<Duty> {
        Duty::ALL
            .into_iter()
            .find(|d| d.name() == name)
            .ok_or_else(|| {
                Error::Invalid(format!(
                "unknown duty: {name} (use work, applying, tegenprestatie, reintegration or other)"
            ))
            })
    }

    /// "arbeidsverplichtingen" (the word of Participatiewet art. 9), as a label.
    pub fn label_nl(self) -> &'static str {
        match self {
            Duty::Work => "arbeidsverplichtingen",
            Duty::Applying => "sollicitatieplicht",
            Duty::Tegenprestatie => "tegenprestatie",
            Duty::Reintegration => "re-integratietraject",
            Duty::Other => "andere plicht",
        }
    }

    /// "work duties", as a label on its own.
    pub fn label_en(self) -> &'static str {
        match self {
            Duty::Work => "work duties",
            Duty::Applying => "applying for jobs",
            Duty::Tegenprestatie => "unpaid work in return (tegenprestatie)",
            Duty::Reintegration => "the re-integration programme",
            Duty::Other => "another duty",
        }
    }
}

/// What the exemption rests on. The `name` strings are a contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExemptionBasis {
    /// A medical assessment (keuring).
    MedicalAssessment,
    /// A letter or decision from the agency.
    Letter,
    /// Only said in a conversation: worth confirming in writing.
    Conversation,
    Other,
}

impl ExemptionBasis {
    pub const ALL: [ExemptionBasis; 4] = [
        ExemptionBasis::MedicalAssessment,
        ExemptionBasis::Letter,
        ExemptionBasis::Conversation,
        ExemptionBasis::Other,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ExemptionBasis::MedicalAssessment => "medical-assessment",
            ExemptionBasis::Letter => "letter",
            ExemptionBasis::Conversation => "conversation",
            ExemptionBasis::Other => "other",
        }
    }

    pub fn from_name(name: &str) -> Result<ExemptionBasis> {
        ExemptionBasis::ALL
            .into_iter()
            .find(|b| b.name() == name)
            .ok_or_else(|| {
                Error::Invalid(format!(
                    "unknown basis: {name} (use medical-assessment, letter, conversation or other)"
                ))
            })
    }

    pub fn label_nl(self) -> &'static str {
        match self {
            ExemptionBasis::MedicalAssessment => "medische keuring",
            ExemptionBasis::Letter => "brief",
            ExemptionBasis::Conversation => "gesprek",
            ExemptionBasis::Other => "anders",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            ExemptionBasis::MedicalAssessment => "medical assessment",
            ExemptionBasis::Letter => "letter",
            ExemptionBasis::Conversation => "conversation",
            ExemptionBasis::Other => "other",
        }
    }
}

/// An exemption as the user records it. Both dates are inclusive. The end date is
/// required: an exemption without one could never be warned about, and the agency
/// always grants them for a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExemptionData {
    pub duty: Duty,
    /// What the duty is: required for [`Duty::Other`], a detail otherwise.
    pub duty_text: String,
    pub from_on: NaiveDate,
    pub to_on: NaiveDate,
    /// Who decided ("klantmanager J. de Vries, WPI").
    pub decided_by: String,
    pub basis: ExemptionBasis,
    pub basis_text: String,
    pub notes: String,
    /// Entries that document it (the decision letter, the medical assessment). A
    /// linked medical entry stays medical: the link does not change what is exported.
    pub entry_ids: Vec<i64>,
}

impl ExemptionData {
    /// An exemption with only the required fields (basis `Other`: nothing known yet);
    /// set the rest with struct update.
    pub fn new(duty: Duty, from_on: NaiveDate, to_on: NaiveDate) -> ExemptionData {
        ExemptionData {
            duty,
            duty_text: String::new(),
            from_on,
            to_on,
            decided_by: String::new(),
            basis: ExemptionBasis::Other,
            basis_text: String::new(),
            notes: String::new(),
            entry_ids: Vec::new(),
        }
    }

    /// Checks what can be checked without the store; the message names the field.
    pub fn validate(&self) -> Result<()> {
        for (field, d) in [("from_on", self.from_on), ("to_on", self.to_on)] {
            if d < crate::entry::EARLIEST || d > LATEST {
                return Err(Error::Invalid(format!(
                    "{field}: the date {d} is not between 1900 and 2200"
                )));
            }
        }
        if self.to_on < self.from_on {
            return Err(Error::Invalid(format!(
                "to_on: the exemption ends ({}) before it starts ({})",
                self.to_on, self.from_on
            )));
        }
        if self.duty == Duty::Other && self.duty_text.trim().is_empty() {
            return Err(Error::Invalid(
                "duty_text: say which duty the exemption is for".into(),
            ));
        }
        for (field, text) in [
            ("duty_text", &self.duty_text),
            ("decided_by", &self.decided_by),
            ("basis_text", &self.basis_text),
        ] {
            if text.chars().count() > MAX_SHORT_CHARS {
                return Err(Error::Invalid(format!(
                    "{field}: longer than {MAX_SHORT_CHARS} characters"
                )));
            }
        }
        if self.notes.len() > MAX_NOTES_BYTES {
            return Err(Error::Invalid("notes: longer than 1 MB".into()));
        }
        Ok(())
    }

    /// Whether `date` falls in the exemption (both ends inclusive).
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.from_on <= date && date <= self.to_on
    }
}

/// The last date accepted; anything later is a typing error.
pub const LATEST: NaiveDate = match NaiveDate::from_ymd_opt(2200, 12, 31) {
    Some(d) => d,
    None => panic!("valid date"),
};
const MAX_SHORT_CHARS: usize = 500;
const MAX_NOTES_BYTES: usize = 1024 * 1024;

/// A stored exemption.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exemption {
    pub id: i64,
    /// `entry_ids` sorted, including entries deleted since they were linked.
    pub data: ExemptionData,
    /// RFC 3339 UTC.
    pub created_at: String,
    pub updated_at: Option<String>,
    /// Set when the user deleted it; nothing is removed.
    pub deleted_at: Option<String>,
}

/// The live exemptions that cover `date` (both ends inclusive), for "U heeft op deze
/// datum een ontheffing" on an entry.
pub fn active_on(exemptions: &[Exemption], date: NaiveDate) -> Vec<Exemption> {
    exemptions
        .iter()
        .filter(|e| e.deleted_at.is_none() && e.data.covers(date))
        .cloned()
        .collect()
}

/// "U heeft op deze datum een ontheffing van de arbeidsverplichtingen."
pub fn active_sentence_nl(e: &Exemption) -> String {
    format!(
        "U heeft op deze datum een ontheffing van {}.",
        duty_phrase_nl(&e.data)
    )
}

/// "On this date you have an exemption from work duties."
pub fn active_sentence_en(e: &Exemption) -> String {
    format!(
        "On this date you have an exemption from {}.",
        duty_phrase_en(&e.data)
    )
}

/// How urgent the end of an exemption is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WarningLevel {
    /// 29 to 56 days left: time to ask for an extension.
    EightWeeks,
    /// 0 to 28 days left (the last day included).
    FourWeeks,
    /// Ended 1 to 14 days ago.
    Ended,
}

impl WarningLevel {
    pub fn name(self) -> &'static str {
        match self {
            WarningLevel::EightWeeks => "eight-weeks",
            WarningLevel::FourWeeks => "four-weeks",
            WarningLevel::Ended => "ended",
        }
    }
}

/// A warning that an exemption ends soon or has just ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExemptionWarning {
    pub exemption_id: i64,
    pub level: WarningLevel,
    /// Days from today to the last day: 0 on the last day, negative once ended.
    pub days_left: i64,
    pub duty: Duty,
    pub duty_text: String,
    pub to_on: NaiveDate,
}

const EIGHT_WEEKS: i64 = 56;
const FOUR_WEEKS: i64 = 28;
const ENDED_SHOWN_DAYS: i64 = 14;

/// The warnings on `today`, soonest end first. An exemption already followed by
/// another for the same duty (an extension, starting by the day after it ends) gets
/// none: there is nothing left to ask for.
pub fn exemption_warnings(exemptions: &[Exemption], today: NaiveDate) -> Vec<ExemptionWarning> {
    let live: Vec<&Exemption> = exemptions
        .iter()
        .filter(|e| e.deleted_at.is_none())
        .collect();
    let mut out: Vec<ExemptionWarning> = live
        .iter()
        .filter(|e| !extended(e, &live))
        .filter_map(|e| {
            let days_left = (e.data.to_on - today).num_days();
            let level = match days_left {
                d if d > EIGHT_WEEKS => return None,
                d if d > FOUR_WEEKS => WarningLevel::EightWeeks,
                d if d >= 0 => WarningLevel::FourWeeks,
                d if d >= -ENDED_SHOWN_DAYS => WarningLevel::Ended,
                _ => return None,
            };
            Some(ExemptionWarning {
                exemption_id: e.id,
                level,
                days_left,
                duty: e.data.duty,
                duty_text: e.data.duty_text.clone(),
                to_on: e.data.to_on,
            })
        })
        .collect();
    out.sort_by_key(|w| (w.to_on, w.exemption_id));
    out
}

fn extended(e: &Exemption, live: &[&Exemption]) -> bool {
    let next_day = e.data.to_on.succ_opt().unwrap_or(e.data.to_on);
    live.iter().any(|o| {
        o.id != e.id
            && o.data.duty == e.data.duty
            && o.data.duty_text.trim() == e.data.duty_text.trim()
            && o.data.from_on <= next_day
            && o.data.to_on > e.data.to_on
    })
}

pub(crate) fn duty_phrase_nl(d: &ExemptionData) -> String {
    match d.duty {
        Duty::Work => "de arbeidsverplichtingen".into(),
        Duty::Applying => "de sollicitatieplicht".into(),
        Duty::Tegenprestatie => "de tegenprestatie".into(),
        Duty::Reintegration => "het re-integratietraject".into(),
        Duty::Other if d.duty_text.trim().is_empty() => "een andere plicht".into(),
        Duty::Other => d.duty_text.trim().into(),
    }
}

fn duty_phrase_en(d: &ExemptionData) -> String {
    match d.duty {
        Duty::Other if !d.duty_text.trim().is_empty() => d.duty_text.trim().into(),
        other => other.label_en().into(),
    }
}

impl ExemptionWarning {
    fn data(&self) -> ExemptionData {
        ExemptionData {
            duty_text: self.duty_text.clone(),
            ..ExemptionData::new(self.duty, self.to_on, self.to_on)
        }
    }

    /// The warning in plain Dutch (B1).
    pub fn sentence_nl(&self) -> String {
        let duty = duty_phrase_nl(&self.data());
        let day = long_date_nl(self.to_on);
        match self.level {
            WarningLevel::EightWeeks | WarningLevel::FourWeeks => format!(
                "Uw ontheffing van {duty} loopt af op {day}. Vraag op tijd verlenging aan."
            ),
            WarningLevel::Ended => format!(
                "Uw ontheffing van {duty} is afgelopen op {day}. Heeft u nog een ontheffing nodig? Vraag die dan zo snel mogelijk aan."
            ),
        }
    }

    /// The warning in plain English.
    pub fn sentence_en(&self) -> String {
        let duty = duty_phrase_en(&self.data());
        let day = long_date_en(self.to_on);
        match self.level {
            WarningLevel::EightWeeks | WarningLevel::FourWeeks => format!(
                "Your exemption from {duty} ends on {day}. Ask for an extension in time."
            ),
            WarningLevel::Ended => format!(
                "Your exemption from {duty} ended on {day}. If you still need one, ask for it as soon as possible."
            ),
        }
    }
}
