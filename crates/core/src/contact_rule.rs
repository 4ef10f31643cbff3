//! Broken agreements about contact: which contacts from the agency went against a
//! rule the user agreed with it ("alleen per e-mail"). Pure: entries in, findings out.
//!
//! The rules, as the casebook needs them:
//! - A rule applies from the day *after* the agreement up to and including its last
//!   day (`contact_rule_until`), or with no end. Not the same day: entries carry a day
//!   and at most a time, and the contact in which the rule was agreed, or a letter
//!   already on its way, must never be counted against the agency. Erring that way
//!   keeps every finding one a lawyer can stand behind.
//! - Only contacts the agency started count: a call in, a text message, a home visit.
//!   The user's own calls, letters and e-mails never do.
//! - `EmailOnly`: calls, text messages and home visits break it. Letters, decisions
//!   and portal messages do not: decisions, invitations and repair requests must come
//!   in writing by law, and the agency may send them on paper; what people agree
//!   "alleen per e-mail" for is to be spared calls, texts and visits. Counting every
//!   letter would bury those under findings no lawyer would use.
//! - `InWritingOnly`: calls and home visits break it.
//! - `NoHomeVisits`: home visits break it.
//! - Deleted entries (agreements and contacts) never count. When several agreements
//!   apply, each is checked and each broken one is a finding.

use chrono::NaiveDate;

use crate::deadline::{long_date_en, long_date_nl};
use crate::entry::{ContactRule, Entry, EntryKind};

/// An agreement that sets a rule, as far as the check needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleAgreement {
    pub entry_id: i64,
    /// The day it was agreed.
    pub agreed_on: NaiveDate,
    pub rule: ContactRule,
    /// The last day it applies; `None`: until further notice.
    pub until: Option<NaiveDate>,
}

/// A contact, as far as the check needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Contact {
    pub entry_id: i64,
    pub kind: EntryKind,
    /// The day it happened.
    pub on: NaiveDate,
}

/// One contact that went against one agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Violation {
    /// The contact.
    pub entry_id: i64,
    pub agreement_entry_id: i64,
    pub rule: ContactRule,
    /// The day of the agreement, for the sentence.
    pub agreed_on: NaiveDate,
}

impl RuleAgreement {
    /// The rule of a live agreement entry, if it sets one.
    pub fn from_entry(e: &Entry) -> Option<RuleAgreement> {
        if e.deleted_at.is_some() || e.data.kind != EntryKind::Agreement {
            return None;
        }
        Some(RuleAgreement {
            entry_id: e.id,
            agreed_on: e.data.occurred_on,
            rule: e.data.contact_rule?,
            until: e.data.contact_rule_until,
        })
    }

    fn applies_on(&self, day: NaiveDate) -> bool {
        day > self.agreed_on && self.until.is_none_or(|u| day <= u)
    }
}

impl Contact {
    /// A live entry as a contact (every kind; [`breaks`] decides which count).
    pub fn from_entry(e: &Entry) -> Option<Contact> {
        if e.deleted_at.is_some() {
            return None;
        }
        Some(Contact {
            entry_id: e.id,
            kind: e.data.kind,
            on: e.data.occurred_on,
        })
    }
}

/// The kinds of contact that can break some rule: what the dossier needs to read.
pub const BREAKABLE: [EntryKind; 3] = [EntryKind::CallIn, EntryKind::Sms, EntryKind::HomeVisit];

/// Whether a contact of this kind, started by the agency, breaks `rule`.
pub fn breaks(rule: ContactRule, kind: EntryKind) -> bool {
    use EntryKind as K;
    match rule {
        ContactRule::EmailOnly => BREAKABLE.contains(&kind),
        ContactRule::InWritingOnly => matches!(kind, K::CallIn | K::HomeVisit),
        ContactRule::NoHomeVisits => kind == K::HomeVisit,
    }
}

/// Every (contact, agreement) pair where the contact broke the agreement's rule, in
/// the order of the contacts, then the agreements.
pub fn violations(agreements: &[RuleAgreement], contacts: &[Contact]) -> Vec<Violation> {
    contacts
        .iter()
        .flat_map(|c| {
            agreements
                .iter()
                .filter(move |a| breaks(a.rule, c.kind) && a.applies_on(c.on))
                .map(move |a| Violation {
                    entry_id: c.entry_id,
                    agreement_entry_id: a.entry_id,
                    rule: a.rule,
                    agreed_on: a.agreed_on,
                })
        })
        .collect()
}

/// The violations among `entries` (deleted ones are skipped).
pub fn violations_in(entries: &[Entry]) -> Vec<Violation> {
    let agreements: Vec<RuleAgreement> = entries
        .iter()
        .filter_map(RuleAgreement::from_entry)
        .collect();
    if agreements.is_empty() {
        return Vec::new();
    }
    let contacts: Vec<Contact> = entries.iter().filter_map(Contact::from_entry).collect();
    violations(&agreements, &contacts)
}

/// "alleen per e-mail"
pub fn rule_label_nl(rule: ContactRule) -> &'static str {
    match rule {
        ContactRule::EmailOnly => "alleen per e-mail",
        ContactRule::InWritingOnly => "alleen schriftelijk",
        ContactRule::NoHomeVisits => "geen huisbezoek",
    }
}

/// "by e-mail only"
pub fn rule_label_en(rule: ContactRule) -> &'static str {
    match rule {
        ContactRule::EmailOnly => "by e-mail only",
        ContactRule::InWritingOnly => "in writing only",
        ContactRule::NoHomeVisits => "no home visits",
    }
}

impl Violation {
    /// "Dit contact ging in tegen de afspraak van dinsdag 3 maart 2026: alleen per
    /// e-mail."
    pub fn sentence_nl(&self) -> String {
        format!(
            "Dit contact ging in tegen de afspraak van {}: {}.",
            long_date_nl(self.agreed_on),
            rule_label_nl(self.rule)
        )
    }

    /// "This contact went against the agreement of Tuesday 3 March 2026: by e-mail
    /// only."
    pub fn sentence_en(&self) -> String {
        format!(
            "This contact went against the agreement of {}: {}.",
            long_date_en(self.agreed_on),
            rule_label_en(self.rule)
        )
    }
}
