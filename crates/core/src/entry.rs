//! Timeline entries: the kinds of contact a person logs, and what makes an entry valid.

use chrono::{Duration, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::clock::Clock;
use crate::error::{Error, Result};
use crate::verslag::Verslag;

/// Every kind of contact or paper. The `name` strings are a contract (CLI `--kind`,
/// stored in the database, JSON); never rename one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EntryKind {
    LetterIn,
    LetterOut,
    CallIn,
    CallOut,
    Meeting,
    HomeVisit,
    VideoCall,
    EmailIn,
    EmailOut,
    Sms,
    Portal,
    Decision,
    MedicalAssessment,
    Agreement,
    Signed,
    JobApplication,
    Note,
}

impl EntryKind {
    pub const ALL: [EntryKind; 17] = [
        EntryKind::LetterIn,
        EntryKind::LetterOut,
        EntryKind::CallIn,
        EntryKind::CallOut,
        EntryKind::Meeting,
        EntryKind::HomeVisit,
        EntryKind::VideoCall,
        EntryKind::EmailIn,
        EntryKind::EmailOut,
        EntryKind::Sms,
        EntryKind::Portal,
        EntryKind::Decision,
        EntryKind::MedicalAssessment,
        EntryKind::Agreement,
        EntryKind::Signed,
        EntryKind::JobApplication,
        EntryKind::Note,
    ];

    pub fn name(self) -> &'static str {
        match self {
            EntryKind::LetterIn => "letter-in",
            EntryKind::LetterOut => "letter-out",
            EntryKind::CallIn => "call-in",
            EntryKind::CallOut => "call-out",
            EntryKind::Meeting => "meeting",
            EntryKind::HomeVisit => "home-visit",
            EntryKind::VideoCall => "video-call",
            EntryKind::EmailIn => "email-in",
            EntryKind::EmailOut => "email-out",
            EntryKind::Sms => "sms",
            EntryKind::Portal => "portal",
            EntryKind::Decision => "decision",
            EntryKind::MedicalAssessment => "medical-assessment",
            EntryKind::Agreement => "agreement",
            EntryKind::Signed => "signed",
            EntryKind::JobApplication => "job-application",
            EntryKind::Note => "note",
        }
    }

    pub fn from_name(name: &str) -> Result<EntryKind> {
        EntryKind::ALL
            .into_iter()
            .find(|k| k.name() == name)
            .ok_or_else(|| Error::Invalid(format!("unknown kind of entry: {name}")))
    }
}

/// Someone involved in one contact, with their role in it ("belde mij", "notuleerde").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryPerson {
    pub person_id: i64,
    #[serde(default)]
    pub role: String,
}

/// Everything the user records about one contact or paper. `NewEntry` is the same
/// data before it is stored.
///
/// This is the one list of an entry's fields: its serde form (keys as written here) is
/// the canonical JSON that history versions hash, and the store's columns are named by
/// it (see `crate::record`). A new field needs a column (a migration) and nothing else.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryData {
    #[serde(with = "crate::record::form::kind")]
    pub kind: EntryKind,
    /// The day it happened (Europe/Amsterdam).
    #[serde(with = "crate::record::form::date")]
    pub occurred_on: NaiveDate,
    #[serde(default, with = "crate::record::form::opt_time")]
    pub occurred_time: Option<NaiveTime>,
    #[serde(default)]
    pub title: String,
    /// What happened / what was said, in the user's words.
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub asked: String,
    #[serde(default)]
    pub promised: String,
    #[serde(default)]
    pub agreed: String,
    #[serde(default)]
    pub organisation: String,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub channel: String,
    /// The agency's reference number (kenmerk).
    #[serde(default)]
    pub kenmerk: String,
    /// Who came along: witness, interpreter, volunteer.
    #[serde(default)]
    pub companions: String,
    /// A sanction or cut of the benefit was threatened.
    #[serde(default)]
    pub threat: bool,
    #[serde(default)]
    pub threat_text: String,
    #[serde(default, with = "crate::record::form::opt_date")]
    pub follow_up_on: Option<NaiveDate>,
    /// Medical / private: left out of the printout (and letters) unless the user opts in;
    /// the user's own full JSON export (`export-json`) keeps everything.
    #[serde(default)]
    pub medical: bool,
    /// For letters: the date on the letter (dagtekening), sent, received.
    #[serde(default, with = "crate::record::form::opt_date")]
    pub letter_dated: Option<NaiveDate>,
    #[serde(default, with = "crate::record::form::opt_date")]
    pub sent_on: Option<NaiveDate>,
    #[serde(default, with = "crate::record::form::opt_date")]
    pub received_on: Option<NaiveDate>,
    /// A reply-by date the letter sets ("reageer vóór"), kept exactly as written: it is
    /// not a legal period, so nothing ever extends it.
    #[serde(default, with = "crate::record::form::opt_date")]
    pub reply_by: Option<NaiveDate>,
    /// A repair date (hersteltermijn, Participatiewet art. 54), exactly as written.
    #[serde(default, with = "crate::record::form::opt_date")]
    pub repair_by: Option<NaiveDate>,
    /// An appointment this entry announces (an invitation): its day and optional time.
    #[serde(default, with = "crate::record::form::opt_date")]
    pub appointment_on: Option<NaiveDate>,
    #[serde(default, with = "crate::record::form::opt_time")]
    pub appointment_time: Option<NaiveTime>,
    /// For a decision: it is the decision on an objection (beslissing op bezwaar), so
    /// the next step is an appeal to the court, not another objection.
    #[serde(default)]
    pub on_objection: bool,
    /// For an agreement: a rule for how the agency may contact the user.
    #[serde(default, with = "crate::record::form::opt_rule")]
    pub contact_rule: Option<ContactRule>,
    /// The last day the rule applies (inclusive); `None`: until further notice.
    #[serde(default, with = "crate::record::form::opt_date")]
    pub contact_rule_until: Option<NaiveDate>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub people: Vec<EntryPerson>,
    /// Conversations only: the agency's own report of it (an attachment, pinned by its
    /// SHA-256) and the user's statements about what it says. Changed through the
    /// `Dossier` verslag functions; the editor carries it over unchanged.
    #[serde(default)]
    pub verslag: Option<Verslag>,
}

/// A rule for contact agreed with the agency. The `name` strings are a contract
/// (stored, CLI, JSON); never rename one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ContactRule {
    /// "Alleen per e-mail".
    EmailOnly,
    /// "Alleen schriftelijk": letters or e-mail, no calls or visits.
    InWritingOnly,
    /// "Geen huisbezoek".
    NoHomeVisits,
}

impl ContactRule {
    pub const ALL: [ContactRule; 3] = [
        ContactRule::EmailOnly,
        ContactRule::InWritingOnly,
        ContactRule::NoHomeVisits,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ContactRule::EmailOnly => "email-only",
            ContactRule::InWritingOnly => "in-writing-only",
            ContactRule::NoHomeVisits => "no-home-visits",
        }
    }

    pub fn from_name(name: &str) -> Result<ContactRule> {
        ContactRule::ALL
            .into_iter()
            .find(|r| r.name() == name)
            .ok_or_else(|| Error::Invalid(format!("unknown contact rule: {name}")))
    }
}

pub type NewEntry = EntryData;

impl EntryData {
    /// An entry with only the required fields; set the rest with struct update syntax.
    pub fn new(kind: EntryKind, occurred_on: NaiveDate, title: impl Into<String>) -> EntryData {
        EntryData {
            kind,
            occurred_on,
            occurred_time: None,
            title: title.into(),
            notes: String::new(),
            asked: String::new(),
            promised: String::new(),
            agreed: String::new(),
            organisation: String::new(),
            place: String::new(),
            channel: String::new(),
            kenmerk: String::new(),
            companions: String::new(),
            threat: false,
            threat_text: String::new(),
            follow_up_on: None,
            medical: false,
            letter_dated: None,
            sent_on: None,
            received_on: None,
            reply_by: None,
            repair_by: None,
            appointment_on: None,
            appointment_time: None,
            on_objection: false,
            contact_rule: None,
            contact_rule_until: None,
            tags: Vec::new(),
            people: Vec::new(),
            verslag: None,
        }
    }
}

/// A stored entry: its data plus what the dossier knows about its history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub id: i64,
    pub data: EntryData,
    /// When it was written down (RFC 3339, UTC); separate from when it happened.
    pub created_at: String,
    /// When it was last changed, if ever.
    pub updated_at: Option<String>,
    pub version: u32,
    /// Set when the entry was deleted: it stays visible as a tombstone.
    pub deleted_at: Option<String>,
    pub delete_reason: String,
    pub attachment_count: u32,
}

/// The earliest date an entry may have; anything before is a typing error.
pub const EARLIEST: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(d) => d,
    None => panic!("valid date"),
};
const MAX_TITLE_CHARS: usize = 500;
const MAX_NOTES_BYTES: usize = 1024 * 1024;
const MAX_TAG_CHARS: usize = 50;

/// The one medical rule (F7): the entry is marked medical, or it is a keuring, which is
/// medical by nature even when the flag was forgotten. Erring towards leaving out is
/// the safe side. Every output that leaves the app or may be seen by others (the PDF,
/// to-dos, reminders, notifications, the .ics, filters, search results) asks this.
pub fn is_medical(flagged: bool, kind: EntryKind) -> bool {
    flagged || kind == EntryKind::MedicalAssessment
}

/// [`is_medical`] as an SQL condition on `entries`, for filters and counts.
pub const MEDICAL_SQL: &str = "(medical = 1 OR kind = 'medical-assessment')";

impl EntryData {
    /// See [`is_medical`].
    pub fn is_medical(&self) -> bool {
        is_medical(self.medical, self.kind)
    }

    /// The data as it is stored: short texts (title, organisation, place, channel,
    /// kenmerk), tags and roles without surrounding spaces. The one trimming rule for
    /// every front end.
    pub fn normalized(&self) -> EntryData {
        let mut d = self.clone();
        for s in [
            &mut d.title,
            &mut d.organisation,
            &mut d.place,
            &mut d.channel,
            &mut d.kenmerk,
        ] {
            *s = s.trim().to_string();
        }
        for t in &mut d.tags {
            *t = t.trim().to_string();
        }
        for p in &mut d.people {
            p.role = p.role.trim().to_string();
        }
        d
    }
}

impl NewEntry {
    /// Checks what can be checked without the store. `clock` decides what "the future"
    /// is: a contact cannot have happened more than a day from now (a day of slack for
    /// time zones), since appointments ahead are deadlines, not entries.
    pub fn validate(&self, clock: &dyn Clock) -> Result<()> {
        let title = self.title.trim();
        if title.is_empty() {
            return Err(Error::Invalid("the title is empty".into()));
        }
        if title.chars().count() > MAX_TITLE_CHARS {
            return Err(Error::Invalid(format!(
                "the title is longer than {MAX_TITLE_CHARS} characters"
            )));
        }
        if self.notes.len() > MAX_NOTES_BYTES {
            return Err(Error::Invalid("the notes are longer than 1 MB".into()));
        }
        if self.occurred_on < EARLIEST {
            return Err(Error::Invalid(format!(
                "the date {} is before 1900",
                self.occurred_on
            )));
        }
        let latest = clock.now().date_naive() + Duration::days(1);
        if self.occurred_on > latest {
            return Err(Error::Invalid(format!(
                "the date {} is in the future",
                self.occurred_on
            )));
        }
        for (name, date) in [
            ("date on the letter", self.letter_dated),
            ("date sent", self.sent_on),
            ("date received", self.received_on),
        ] {
            if let Some(d) = date {
                if d < EARLIEST || d > latest {
                    return Err(Error::Invalid(format!(
                        "the {name} {d} is before 1900 or in the future"
                    )));
                }
            }
        }
        if let (Some(sent), Some(received)) = (self.sent_on, self.received_on) {
            if received < sent {
                return Err(Error::Invalid(format!(
                    "the date received {received} is before the date sent {sent}"
                )));
            }
        }
        if let (Some(dated), Some(received)) = (self.letter_dated, self.received_on) {
            if received < dated {
                return Err(Error::Invalid(format!(
                    "the date received {received} is before the date on the letter {dated}"
                )));
            }
        }
        // Dates ahead (a follow-up, a reply-by date, an appointment) may lie up to ten
        // years on; beyond that they are typing errors.
        for (name, date) in [
            ("follow-up date", self.follow_up_on),
            ("reply-by date", self.reply_by),
            ("repair date", self.repair_by),
            ("appointment date", self.appointment_on),
            ("end of the contact rule", self.contact_rule_until),
        ] {
            if let Some(d) = date {
                if d < EARLIEST || d > latest + Duration::days(3660) {
                    return Err(Error::Invalid(format!("the {name} {d} is not plausible")));
                }
            }
        }
        if self.appointment_time.is_some() && self.appointment_on.is_none() {
            return Err(Error::Invalid(
                "the appointment has a time but no date".into(),
            ));
        }
        if self.on_objection && self.kind != EntryKind::Decision {
            return Err(Error::Invalid(
                "only a decision can be a decision on an objection".into(),
            ));
        }
        if self.contact_rule.is_some() && self.kind != EntryKind::Agreement {
            return Err(Error::Invalid(
                "only an agreement can set a rule for contact".into(),
            ));
        }
        if self.contact_rule_until.is_some() && self.contact_rule.is_none() {
            return Err(Error::Invalid(
                "the contact rule has an end date but no rule".into(),
            ));
        }
        if let Some(until) = self.contact_rule_until {
            if until < self.occurred_on {
                return Err(Error::Invalid(format!(
                    "the end of the contact rule {until} is before the agreement"
                )));
            }
        }
        for tag in &self.tags {
            let t = tag.trim();
            if t.is_empty() || t.chars().count() > MAX_TAG_CHARS {
                return Err(Error::Invalid(format!(
                    "a tag must have 1 to {MAX_TAG_CHARS} characters"
                )));
            }
        }
        let long_fields = [
            &self.asked,
            &self.promised,
            &self.agreed,
            &self.threat_text,
            &self.companions,
        ];
        if long_fields.iter().any(|f| f.len() > MAX_NOTES_BYTES) {
            return Err(Error::Invalid("a text field is longer than 1 MB".into()));
        }
        for (what, text) in [
            ("title", &self.title),
            ("organisation", &self.organisation),
            ("place", &self.place),
            ("channel", &self.channel),
            ("kenmerk", &self.kenmerk),
        ] {
            check_text(what, text, false)?;
        }
        for (what, text) in [
            ("notes", &self.notes),
            ("question asked", &self.asked),
            ("promise", &self.promised),
            ("agreement", &self.agreed),
            ("threat", &self.threat_text),
            ("companions", &self.companions),
        ] {
            check_text(what, text, true)?;
        }
        for t in &self.tags {
            check_text("tag", t, false)?;
        }
        for p in &self.people {
            check_text("role", &p.role, false)?;
        }
        if let Some(v) = &self.verslag {
            v.validate(self.kind)?;
        }
        Ok(())
    }
}

/// Refuses characters that could make printed text lie or break a line: NUL and other
/// control characters (tab and newline only where `multiline`) and the bidi overrides
/// and isolates U+202A–202E and U+2066–2069, which reorder what a reader sees.
pub fn check_text(what: &str, text: &str, multiline: bool) -> Result<()> {
    let bad = text.chars().find(|&c| {
        let allowed_control = multiline && matches!(c, '\n' | '\t' | '\r');
        (c.is_control() && !allowed_control)
            || ('\u{202A}'..='\u{202E}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
    });
    match bad {
        None => Ok(()),
        Some(c) => Err(Error::Invalid(format!(
            "the {what} contains an invisible control or text-direction character (U+{:04X}); remove it",
            u32::from(c)
        ))),
    }
}

/// Parses a `YYYY-MM-DD` date as typed by a user, with a message naming the problem.
pub fn parse_date(s: &str) -> Result<NaiveDate> {
    // Only the full form: chrono alone would also take "2026-3-3" or "+2026-03-03".
    let t = s.trim();
    let full = t.len() == 10
        && t.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    full.then(|| NaiveDate::parse_from_str(t, "%Y-%m-%d").ok())
        .flatten()
        .ok_or(())
        .map_err(|_| {
            Error::Invalid(format!(
                "'{s}' is not a date; write it as YYYY-MM-DD, for example 2026-03-03"
            ))
        })
}

/// Parses an `HH:MM` time as typed by a user.
pub fn parse_time(s: &str) -> Result<NaiveTime> {
    NaiveTime::parse_from_str(s.trim(), "%H:%M").map_err(|_| {
        Error::Invalid(format!(
            "'{s}' is not a time; write it as HH:MM, for example 09:30"
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::FixedClock;
    use chrono::TimeZone;

    fn clock() -> FixedClock {
        FixedClock(chrono::Utc.with_ymd_and_hms(2026, 3, 10, 9, 0, 0).unwrap())
    }

    fn entry(date: &str, title: &str) -> NewEntry {
        NewEntry::new(EntryKind::CallIn, parse_date(date).unwrap(), title)
    }

    #[test]
    fn letter_dates_must_be_in_a_possible_order() {
        let d = |s| Some(parse_date(s).unwrap());
        let mut e = entry("2026-03-05", "Brief over opschorting");
        e.kind = EntryKind::LetterIn;
        e.letter_dated = d("2026-03-02");
        e.sent_on = d("2026-03-03");
        e.received_on = d("2026-03-05");
        assert!(e.validate(&clock()).is_ok());
        e.received_on = d("2026-03-01");
        let msg = e.validate(&clock()).unwrap_err().to_string();
        assert!(msg.contains("before the date sent"), "{msg}");
        e.sent_on = None;
        let msg = e.validate(&clock()).unwrap_err().to_string();
        assert!(msg.contains("before the date on the letter"), "{msg}");
        e.received_on = d("2027-01-01");
        assert!(e.validate(&clock()).is_err());
    }

    #[test]
    fn kind_names_round_trip() {
        for k in EntryKind::ALL {
            assert_eq!(EntryKind::from_name(k.name()).unwrap(), k);
        }
        assert!(EntryKind::from_name("letter").is_err());
    }

    #[test]
    fn validation_names_what_is_wrong() {
        let cases = [
            ("2026-03-10", "Gebeld door klantmanager", None),
            ("2026-03-11", "tomorrow is allowed (time zones)", None),
            ("2026-03-12", "x", Some("in the future")),
            ("1899-12-31", "x", Some("before 1900")),
            ("2026-03-01", "   ", Some("title is empty")),
        ];
        for (date, title, want) in cases {
            let got = entry(date, title).validate(&clock());
            match (want, got) {
                (None, Ok(())) => {}
                (Some(w), Err(Error::Invalid(m))) => assert!(m.contains(w), "{m}"),
                (w, g) => panic!("{date} {title}: want {w:?}, got {g:?}"),
            }
        }
    }

    #[test]
    fn text_that_could_make_printed_text_lie_is_refused() {
        for (title, notes) in [
            ("Brief\u{0}", ""),
            ("Brief \u{202E}gnirotinom", ""),
            ("Besluit \u{2066}x\u{2069}", ""),
            ("Twee\nregels", ""),
            ("Gebeld", "zie \u{202D}hier"),
            ("Gebeld", "bel\u{7}"),
        ] {
            let mut e = entry("2026-03-05", title);
            e.notes = notes.into();
            let msg = e.validate(&clock()).unwrap_err().to_string();
            assert!(msg.contains("U+"), "{title:?} {notes:?}: {msg}");
        }
        let mut e = entry("2026-03-05", "Gesprek – „ë€” 😊");
        e.notes = "regel 1\nregel 2\tmet tab".into();
        assert!(e.validate(&clock()).is_ok());
        let mut e = entry("2026-03-05", "Gebeld");
        e.tags = vec!["a\u{202E}b".into()];
        assert!(e.validate(&clock()).is_err());
    }

    #[test]
    fn only_full_dates_are_dates() {
        for bad in [
            "2026-3-3",
            "2026-03-3",
            "+2026-03-03",
            "02026-03-03",
            "2026-03-03x",
        ] {
            let e = parse_date(bad).unwrap_err();
            assert!(e.to_string().contains("YYYY-MM-DD"), "{bad}");
        }
        assert_eq!(
            parse_date(" 2026-03-03 ").unwrap().to_string(),
            "2026-03-03"
        );
    }

    #[test]
    fn impossible_dates_are_refused_with_a_hint() {
        for bad in ["2026-02-30", "30-02-2026", "2026-13-01", ""] {
            let e = parse_date(bad).unwrap_err();
            assert!(e.to_string().contains("YYYY-MM-DD"));
        }
    }
}
