//! A parsed mail as the entry it becomes: `email-in` or `email-out` by the user's own
//! address, the date and time in the Netherlands, the subject as title, the body as
//! notes, and the people and organisation it suggests.

use chrono::{NaiveDate, NaiveTime, TimeZone, Timelike};

use super::{text, MailAddress, ParsedMail};
use crate::entry::{EntryData, EntryKind};

/// At most this many people are suggested from one mail (a mailing list is no cast).
const MAX_PEOPLE: usize = 10;
const MAX_TITLE_CHARS: usize = 500;
const MAX_NOTES_BYTES: usize = 1024 * 1024 - 1024;

/// Mail providers whose domain says nothing about the organisation.
const PUBLIC_DOMAINS: [&str; 16] = [
    "gmail.com",
    "googlemail.com",
    "hotmail.com",
    "hotmail.nl",
    "outlook.com",
    "outlook.nl",
    "live.nl",
    "live.com",
    "yahoo.com",
    "icloud.com",
    "me.com",
    "ziggo.nl",
    "kpnmail.nl",
    "xs4all.nl",
    "planet.nl",
    "home.nl",
];

/// Someone the mail names, suggested as a person in the entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuggestedPerson {
    /// The display name, else the address.
    pub name: String,
    pub email: String,
    /// Their part in this mail: `afzender`, `ontvanger` or `cc`.
    pub role: String,
}

/// What a mail becomes, before the dossier decides on people and duplicates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailDraft {
    pub data: EntryData,
    pub people: Vec<SuggestedPerson>,
    /// The other party's mail domain (for finding their organisation), when it is not
    /// a public mail provider.
    pub domain: Option<String>,
}

fn is_own(a: &MailAddress, own: &str) -> bool {
    a.address.trim().eq_ignore_ascii_case(own.trim())
}

/// The entry `mail` becomes for a user whose address is `own`; `fallback` is the day
/// to use when the mail has no date (`None` then: the caller must ask for one).
pub fn draft(mail: &ParsedMail, own: &str, fallback: Option<NaiveDate>) -> Option<MailDraft> {
    let outgoing = mail.from.as_ref().is_some_and(|f| is_own(f, own));
    let kind = if outgoing {
        EntryKind::EmailOut
    } else {
        EntryKind::EmailIn
    };
    let (day, time) = match mail.date {
        Some(d) => {
            let local = chrono_tz::Europe::Amsterdam.from_utc_datetime(&d.naive_utc());
            (
                local.date_naive(),
                NaiveTime::from_hms_opt(local.hour(), local.minute(), 0),
            )
        }
        None => (fallback?, None),
    };
    let subject = text::clean_line(&mail.subject);
    let title = if subject.is_empty() {
        "(geen onderwerp)".to_string()
    } else {
        text::at_most_chars(subject, MAX_TITLE_CHARS)
    };
    let mut data = EntryData::new(kind, day, title);
    data.occurred_time = time;
    data.channel = "e-mail".into();
    let mut notes = text::clean_multiline(&mail.body);
    if !mail.left_out.is_empty() {
        notes.push_str("\n\n");
        notes.push_str(&mail.left_out.join("\n"));
    }
    data.notes = text::at_most_bytes(
        notes.trim().to_string(),
        MAX_NOTES_BYTES,
        "[… ingekort; de volledige tekst staat in het originele bericht]",
    );

    let mut people: Vec<SuggestedPerson> = Vec::new();
    let mut add = |a: &MailAddress, role: &str| {
        if is_own(a, own) || people.len() >= MAX_PEOPLE {
            return;
        }
        let name = text::at_most_chars(text::clean_line(a.shown()), 200);
        if name.is_empty() {
            return;
        }
        let email = text::clean_line(&a.address);
        if people.iter().any(|p| {
            p.name.eq_ignore_ascii_case(&name)
                || (!email.is_empty() && p.email.eq_ignore_ascii_case(&email))
        }) {
            return;
        }
        people.push(SuggestedPerson {
            name,
            email,
            role: role.into(),
        });
    };
    if let Some(f) = &mail.from {
        add(f, "afzender");
    }
    for a in &mail.to {
        add(a, "ontvanger");
    }
    for a in &mail.cc {
        add(a, "cc");
    }
    let other = if outgoing {
        mail.to.first()
    } else {
        mail.from.as_ref()
    };
    let domain = other
        .and_then(MailAddress::domain)
        .filter(|d| !PUBLIC_DOMAINS.contains(&d.as_str()));
    Some(MailDraft {
        data,
        people,
        domain,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn mail() -> ParsedMail {
        ParsedMail {
            from: Some(MailAddress {
                name: "J. de Vries".into(),
                address: "j.devries@wpi.example.nl".into(),
            }),
            to: vec![MailAddress {
                name: String::new(),
                address: "Fatima@Example.nl".into(),
            }],
            date: Some(chrono::Utc.with_ymd_and_hms(2026, 3, 2, 23, 30, 0).unwrap()),
            subject: "Uw  afspraak".into(),
            body: "Tot dan.".into(),
            ..ParsedMail::default()
        }
    }

    #[test]
    fn the_kind_follows_the_own_address_and_the_day_is_dutch() {
        let d = draft(&mail(), "fatima@example.nl", None).unwrap();
        assert_eq!(d.data.kind, EntryKind::EmailIn);
        // 23:30 UTC on 2 March is 00:30 on 3 March in Amsterdam (winter time).
        assert_eq!(d.data.occurred_on.to_string(), "2026-03-03");
        assert_eq!(d.data.occurred_time.unwrap().to_string(), "00:30:00");
        assert_eq!(d.data.title, "Uw afspraak");
        assert_eq!(d.people.len(), 1);
        assert_eq!(d.people[0].role, "afzender");
        assert_eq!(d.domain.as_deref(), Some("wpi.example.nl"));
        let mut m = mail();
        m.from = Some(m.to[0].clone());
        m.to = vec![MailAddress {
            name: String::new(),
            address: "j.devries@wpi.example.nl".into(),
        }];
        let d = draft(&m, "fatima@example.nl", None).unwrap();
        assert_eq!(d.data.kind, EntryKind::EmailOut);
        m.date = None;
        assert!(draft(&m, "fatima@example.nl", None).is_none());
    }
}
