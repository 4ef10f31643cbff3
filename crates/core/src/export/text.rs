//! Every word the bundle prints itself, in Dutch and English, and how dates, times and
//! counts are written. The user's own text never passes through here.

use chrono::{DateTime, NaiveDate, NaiveTime};
use chrono_tz::Europe::Amsterdam;

use super::options::Lang;
use crate::deadline::{long_date_en, long_date_nl};
use crate::entry::EntryKind;

/// Picks the Dutch or English form.
pub fn t(lang: Lang, nl: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Nl => nl,
        Lang::En => en,
    }
}

/// "dinsdag 3 maart 2026" / "Tuesday 3 March 2026".
pub fn long_date(lang: Lang, d: NaiveDate) -> String {
    match lang {
        Lang::Nl => long_date_nl(d),
        Lang::En => long_date_en(d),
    }
}

/// "03-03-2026": the Dutch numeric form, unambiguous in both languages' courts.
pub fn short_date(d: NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

/// "dinsdag 3 maart 2026, 09:30 uur" / "Tuesday 3 March 2026, 09:30".
pub fn date_time(lang: Lang, d: NaiveDate, time: Option<NaiveTime>) -> String {
    let day = long_date(lang, d);
    match time {
        None => day,
        Some(tm) => match lang {
            Lang::Nl => format!("{day}, {} uur", tm.format("%H:%M")),
            Lang::En => format!("{day}, {}", tm.format("%H:%M")),
        },
    }
}

/// A stored RFC 3339 instant in Dutch time, as the reader lives it: "03-03-2026 15:05
/// uur" (English: "03-03-2026 15:05 Dutch time"). The store keeps UTC; the bundle is
/// read in the Netherlands, and an hour in UTC reads as the wrong hour.
pub fn instant(lang: Lang, rfc3339: &str) -> String {
    match DateTime::parse_from_rfc3339(rfc3339) {
        Ok(dt) => {
            let local = dt.with_timezone(&Amsterdam);
            let (day, hm) = (short_date(local.date_naive()), local.format("%H:%M"));
            match lang {
                Lang::Nl => format!("{day} {hm} uur"),
                Lang::En => format!("{day} {hm} Dutch time"),
            }
        }
        Err(_) => format!("{rfc3339} ({})", t(lang, "onleesbaar", "unreadable")),
    }
}

/// The Dutch calendar day of a stored instant, if it parses.
pub fn instant_day(rfc3339: &str) -> Option<NaiveDate> {
    DateTime::parse_from_rfc3339(rfc3339)
        .ok()
        .map(|dt| dt.with_timezone(&Amsterdam).date_naive())
}

/// The label of one kind, as a block heading.
pub fn kind_label(lang: Lang, k: EntryKind) -> &'static str {
    use EntryKind as K;
    match k {
        K::LetterIn => t(lang, "Brief ontvangen", "Letter received"),
        K::LetterOut => t(lang, "Brief verstuurd", "Letter sent"),
        K::CallIn => t(lang, "Telefoongesprek (inkomend)", "Phone call (incoming)"),
        K::CallOut => t(lang, "Telefoongesprek (uitgaand)", "Phone call (outgoing)"),
        K::Meeting => t(lang, "Gesprek op kantoor", "Meeting at the office"),
        K::HomeVisit => t(lang, "Huisbezoek", "Home visit"),
        K::VideoCall => t(lang, "Videogesprek", "Video call"),
        K::EmailIn => t(lang, "E-mail ontvangen", "E-mail received"),
        K::EmailOut => t(lang, "E-mail verstuurd", "E-mail sent"),
        K::Sms => t(lang, "Sms of chatbericht", "Text or chat message"),
        K::Portal => t(lang, "Bericht via het portaal", "Portal message"),
        K::Decision => t(lang, "Besluit", "Decision"),
        K::MedicalAssessment => t(lang, "Medische keuring", "Medical assessment"),
        K::Agreement => t(lang, "Afspraak", "Agreement"),
        K::Signed => t(lang, "Ondertekend stuk", "Signed document"),
        K::JobApplication => t(lang, "Sollicitatie", "Job application"),
        K::Note => t(lang, "Eigen notitie", "Personal note"),
    }
}

/// The groups the cover counts in, with singular and plural nouns: a lawyer wants
/// "14 telefoongesprekken", not "9 call-in, 5 call-out".
pub const COUNT_GROUPS: &[(&[EntryKind], [&str; 4])] = {
    use EntryKind as K;
    &[
        (
            &[K::CallIn, K::CallOut],
            [
                "telefoongesprek",
                "telefoongesprekken",
                "phone call",
                "phone calls",
            ],
        ),
        (
            &[K::LetterIn, K::LetterOut],
            ["brief", "brieven", "letter", "letters"],
        ),
        (
            &[K::Decision],
            ["besluit", "besluiten", "decision", "decisions"],
        ),
        (
            &[K::Meeting, K::VideoCall],
            ["gesprek", "gesprekken", "meeting", "meetings"],
        ),
        (
            &[K::HomeVisit],
            ["huisbezoek", "huisbezoeken", "home visit", "home visits"],
        ),
        (
            &[K::EmailIn, K::EmailOut],
            ["e-mail", "e-mails", "e-mail", "e-mails"],
        ),
        (
            &[K::Sms],
            [
                "sms/chatbericht",
                "sms/chatberichten",
                "text message",
                "text messages",
            ],
        ),
        (
            &[K::Portal],
            [
                "portaalbericht",
                "portaalberichten",
                "portal message",
                "portal messages",
            ],
        ),
        (
            &[K::MedicalAssessment],
            [
                "keuring",
                "keuringen",
                "medical assessment",
                "medical assessments",
            ],
        ),
        (
            &[K::Agreement],
            ["afspraak", "afspraken", "agreement", "agreements"],
        ),
        (
            &[K::Signed],
            [
                "ondertekend stuk",
                "ondertekende stukken",
                "signed document",
                "signed documents",
            ],
        ),
        (
            &[K::JobApplication],
            [
                "sollicitatie",
                "sollicitaties",
                "job application",
                "job applications",
            ],
        ),
        (
            &[K::Note],
            [
                "eigen notitie",
                "eigen notities",
                "personal note",
                "personal notes",
            ],
        ),
    ]
};

/// "14 telefoongesprekken", "1 brief".
pub fn counted(lang: Lang, n: usize, words: &[&str; 4]) -> String {
    let i = match (lang, n == 1) {
        (Lang::Nl, true) => 0,
        (Lang::Nl, false) => 1,
        (Lang::En, true) => 2,
        (Lang::En, false) => 3,
    };
    format!("{n} {}", words[i])
}

/// "a, b en c" / "a, b and c".
pub fn join_list(lang: Lang, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {} {last}", rest.join(", "), t(lang, "en", "and")),
    }
}

/// "Bijlage 4" / "Exhibit 4"; medical exhibits are "M1", "M2"… so that the main
/// numbers stay the same whether or not the annex is included.
pub fn exhibit_name(lang: Lang, label: &str) -> String {
    format!("{} {label}", t(lang, "Bijlage", "Exhibit"))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // tests: a panic is the failure report
    use super::*;

    #[test]
    fn counts_read_as_words() {
        let calls = &COUNT_GROUPS[0].1;
        assert_eq!(counted(Lang::Nl, 14, calls), "14 telefoongesprekken");
        assert_eq!(counted(Lang::Nl, 1, calls), "1 telefoongesprek");
        assert_eq!(counted(Lang::En, 2, calls), "2 phone calls");
        let list = ["a".to_string(), "b".to_string(), "c".to_string()];
        assert_eq!(join_list(Lang::Nl, &list), "a, b en c");
    }

    #[test]
    fn every_kind_is_counted_somewhere() {
        for k in EntryKind::ALL {
            assert!(COUNT_GROUPS.iter().any(|(ks, _)| ks.contains(&k)), "{k:?}");
        }
    }

    #[test]
    fn dates_in_dutch() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 3).unwrap();
        let tm = NaiveTime::from_hms_opt(9, 30, 0);
        assert_eq!(
            date_time(Lang::Nl, d, tm),
            "dinsdag 3 maart 2026, 09:30 uur"
        );
        assert_eq!(short_date(d), "03-03-2026");
        // Winter time is UTC+1, summer time UTC+2; late evening UTC is the next
        // Dutch day.
        assert_eq!(
            instant(Lang::Nl, "2026-03-04T13:05:00Z"),
            "04-03-2026 14:05 uur"
        );
        assert_eq!(
            instant(Lang::Nl, "2026-07-01T13:05:00Z"),
            "01-07-2026 15:05 uur"
        );
        assert_eq!(
            instant(Lang::En, "2026-03-04T23:30:00Z"),
            "05-03-2026 00:30 Dutch time"
        );
        assert_eq!(
            instant_day("2026-03-04T23:30:00Z"),
            NaiveDate::from_ymd_opt(2026, 3, 5)
        );
    }
}
