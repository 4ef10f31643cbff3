//! The letter templates: data files in `assets/letters/`, one per type, built in. A
//! header of `key: value` lines, `---`, then the Dutch body (see that folder's README).

use std::collections::BTreeMap;

use super::LetterType;
use crate::error::{Error, Result};
use crate::link::LinkKind;

/// The term a letter sets, for the to-do made with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LetterTerm {
    None,
    /// AVG art. 12(3): one month.
    OneMonth,
    /// A confirmation: 14 days.
    FourteenDays,
    /// Awb 4:17: two weeks after receipt.
    TwoWeeks,
}

/// One parsed template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    pub letter_type: LetterType,
    pub title_nl: String,
    pub title_en: String,
    pub explain_nl: String,
    pub explain_en: String,
    pub subject: String,
    /// Values the letter cannot be made without.
    pub need: Vec<String>,
    /// Values it uses when they are there.
    pub may: Vec<String>,
    pub term: LetterTerm,
    /// How the letter-out entry is linked to its source once the letter is sent.
    pub sent_link: LinkKind,
    /// Check the elements Awb 6:5 requires of an objection.
    pub awb_6_5: bool,
    /// Paragraphs, each possibly starting with `?key `.
    pub body: Vec<String>,
}

fn source(t: LetterType) -> &'static str {
    match t {
        LetterType::Inzage => include_str!("../../../../assets/letters/inzage.txt"),
        LetterType::VoorlopigBezwaar => {
            include_str!("../../../../assets/letters/voorlopig-bezwaar.txt")
        }
        LetterType::Bezwaar => include_str!("../../../../assets/letters/bezwaar.txt"),
        LetterType::Bevestiging => include_str!("../../../../assets/letters/bevestiging.txt"),
        LetterType::Verslag => include_str!("../../../../assets/letters/verslag.txt"),
        LetterType::Correctie => include_str!("../../../../assets/letters/correctie.txt"),
        LetterType::Ingebrekestelling => {
            include_str!("../../../../assets/letters/ingebrekestelling.txt")
        }
        LetterType::Klacht => include_str!("../../../../assets/letters/klacht.txt"),
    }
}

impl Template {
    /// The built-in template of `t`. Fails only on a malformed data file, which the
    /// tests rule out for every type.
    pub fn of(t: LetterType) -> Result<Template> {
        parse(t, source(t))
    }

    /// Every `{key}` the subject and body use.
    pub fn placeholders(&self) -> Vec<String> {
        let mut out = Vec::new();
        for text in std::iter::once(&self.subject).chain(&self.body) {
            let mut rest = text.as_str();
            while let Some(start) = rest.find('{') {
                let Some(len) = rest[start..].find('}') else {
                    break;
                };
                out.push(rest[start + 1..start + len].to_string());
                rest = &rest[start + len + 1..];
            }
        }
        out.sort();
        out.dedup();
        out
    }
}

fn bad(t: LetterType, what: &str) -> Error {
    Error::Invalid(format!("the letter template {} {what}", t.name()))
}

fn list(v: Option<&String>) -> Vec<String> {
    v.map(|s| {
        s.split(',')
            .map(|k| k.trim().to_string())
            .filter(|k| !k.is_empty())
            .collect()
    })
    .unwrap_or_default()
}

fn parse(t: LetterType, text: &str) -> Result<Template> {
    let (head, body) = text
        .split_once("\n---\n")
        .ok_or_else(|| bad(t, "has no line --- between header and body"))?;
    let mut h: BTreeMap<String, String> = BTreeMap::new();
    for line in head.lines().filter(|l| !l.trim().is_empty()) {
        let (k, v) = line
            .split_once(':')
            .ok_or_else(|| bad(t, &format!("has a header line without a colon: {line}")))?;
        h.insert(k.trim().to_string(), v.trim().to_string());
    }
    let get = |k: &str| {
        h.get(k)
            .cloned()
            .ok_or_else(|| bad(t, &format!("has no {k}")))
    };
    let term = match h.get("term").map(String::as_str) {
        None | Some("none") => LetterTerm::None,
        Some("one-month") => LetterTerm::OneMonth,
        Some("14-days") => LetterTerm::FourteenDays,
        Some("two-weeks") => LetterTerm::TwoWeeks,
        Some(other) => return Err(bad(t, &format!("has an unknown term {other}"))),
    };
    let sent_link = LinkKind::from_name(&get("sent-link")?)?;
    let awb_6_5 = match h.get("check").map(String::as_str) {
        None => false,
        Some("awb-6:5") => true,
        Some(other) => return Err(bad(t, &format!("has an unknown check {other}"))),
    };
    let body = body
        .replace("\r\n", "\n")
        .split("\n\n")
        .map(|p| p.trim_matches('\n').to_string())
        .filter(|p| !p.trim().is_empty())
        .collect();
    Ok(Template {
        letter_type: t,
        title_nl: get("title_nl")?,
        title_en: get("title_en")?,
        explain_nl: get("explain_nl")?,
        explain_en: get("explain_en")?,
        subject: get("subject")?,
        need: list(h.get("need")),
        may: list(h.get("may")),
        term,
        sent_link,
        awb_6_5,
        body,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // tests: a panic is the failure report
    use super::*;

    #[test]
    fn every_template_parses_and_explains_itself_in_english() {
        for t in LetterType::ALL {
            let tpl = Template::of(t).unwrap();
            assert!(tpl.explain_en.len() > 80, "{}", t.name());
            assert!(!tpl.body.is_empty());
            assert!(tpl.need.contains(&"naam".to_string()), "{}", t.name());
        }
    }

    #[test]
    fn no_template_offers_to_extend_the_objection_period() {
        for t in LetterType::ALL {
            let tpl = Template::of(t).unwrap();
            let all = format!("{} {}", tpl.subject, tpl.body.join(" ")).to_lowercase();
            assert!(
                !all.contains("uitstel van de bezwaartermijn"),
                "{}",
                t.name()
            );
            assert!(
                !all.contains("verlenging van de bezwaartermijn"),
                "{}",
                t.name()
            );
        }
    }
}
