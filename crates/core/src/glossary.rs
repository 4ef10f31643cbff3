//! The glossary (F14): the agency's words explained in plain Dutch (B1) and English,
//! each with where it comes from and the day that was checked. The words are data
//! (`assets/glossary/terms.json`, compiled in); the app's UI reads the same file.

use chrono::NaiveDate;
use serde::Deserialize;

use crate::error::{Error, Result};
use crate::lang::Lang;

const DATA: &str = include_str!("../../../assets/glossary/terms.json");

/// One word in one language.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Words {
    /// The word as a heading ("voorlopig bezwaar"; in English with a translation).
    pub term: String,
    /// Lower-case spellings that count as this word in a sentence.
    pub forms: Vec<String>,
    pub explanation: String,
}

/// One glossary entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// Stable name (`voorlopig-bezwaar`): the CLI's JSON and the UI link by it.
    pub id: String,
    pub nl: Words,
    pub en: Words,
    /// The article of the law or the agency's page it comes from.
    pub source: String,
    pub url: String,
    /// The day the source was last checked.
    pub checked_on: NaiveDate,
}

impl Term {
    pub fn words(&self, lang: Lang) -> &Words {
        match lang {
            Lang::Nl => &self.nl,
            Lang::En => &self.en,
        }
    }
}

#[derive(Deserialize)]
struct File {
    terms: Vec<RawTerm>,
}

#[derive(Deserialize)]
struct RawTerm {
    id: String,
    nl: Words,
    en: Words,
    source: String,
    url: String,
    checked_on: String,
}

/// Every term, in the order of the file (roughly the order a person meets them).
pub fn glossary() -> Result<Vec<Term>> {
    parse(DATA)
}

/// Reads and checks a glossary file: ids unique and lower case, every text filled in,
/// forms in lower case, a real checked-on date and an https source.
pub fn parse(text: &str) -> Result<Vec<Term>> {
    let file: File = serde_json::from_str(text)
        .map_err(|e| Error::Invalid(format!("the glossary file is not valid: {e}")))?;
    let mut out: Vec<Term> = Vec::with_capacity(file.terms.len());
    for raw in file.terms {
        let bad = |why: &str| Error::Invalid(format!("glossary term {:?}: {why}", raw.id));
        if raw.id.is_empty()
            || raw.id != raw.id.to_lowercase()
            || out.iter().any(|t| t.id == raw.id)
        {
            return Err(bad("the id is empty, not lower case or not unique"));
        }
        for w in [&raw.nl, &raw.en] {
            if w.term.trim().is_empty() || w.explanation.trim().is_empty() || w.forms.is_empty() {
                return Err(bad("a term, explanation or form is missing"));
            }
            if w.forms
                .iter()
                .any(|f| f.trim().is_empty() || *f != f.to_lowercase())
            {
                return Err(bad("forms must be lower case"));
            }
        }
        if raw.source.trim().is_empty() || !raw.url.starts_with("https://") {
            return Err(bad("the source or its https address is missing"));
        }
        let checked_on = NaiveDate::parse_from_str(&raw.checked_on, "%Y-%m-%d")
            .map_err(|_| bad("checked_on is not a YYYY-MM-DD date"))?;
        for (lang, w) in [("nl", &raw.nl), ("en", &raw.en)] {
            // A form may name only one term, or a sentence could link to either.
            if let Some(other) = out.iter().find(|t| {
                let theirs = if lang == "nl" { &t.nl } else { &t.en };
                theirs.forms.iter().any(|f| w.forms.contains(f))
            }) {
                return Err(bad(&format!("shares a {lang} form with {:?}", other.id)));
            }
        }
        out.push(Term {
            id: raw.id,
            nl: raw.nl,
            en: raw.en,
            source: raw.source,
            url: raw.url,
            checked_on,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 13 part 3: the words the glossary must explain at least.
    const REQUIRED: &[&str] = &[
        "bijstand",
        "participatiewet",
        "wpi",
        "klantmanager",
        "jobhunter",
        "cohortaanpak",
        "re-integratie",
        "werkervaringsplaats",
        "tegenprestatie",
        "arbeidsverplichtingen",
        "ontheffing",
        "maatregel",
        "terugvordering",
        "besluit",
        "dagtekening",
        "kenmerk",
        "bezwaar",
        "voorlopig-bezwaar",
        "hoorzitting",
        "beroep",
        "voorlopige-voorziening",
        "beslistermijn",
        "ingebrekestelling",
        "dwangsom",
        "verslag",
        "keuring",
        "inlichtingenplicht",
        "juridisch-loket",
        "sociaal-advocaat",
        "ombudsman",
    ];

    #[test]
    fn the_shipped_glossary_parses_and_has_every_required_word() {
        let terms = glossary().expect("the shipped glossary parses");
        for id in REQUIRED {
            assert!(terms.iter().any(|t| t.id == *id), "{id} is missing");
        }
    }

    #[test]
    fn every_term_has_dutch_and_english_text_a_source_and_a_checked_on_date() {
        let earliest = NaiveDate::from_ymd_opt(2026, 1, 1).expect("date");
        for t in glossary().expect("parses") {
            for lang in [Lang::Nl, Lang::En] {
                let w = t.words(lang);
                assert!(!w.term.trim().is_empty(), "{} {lang:?}: term", t.id);
                assert!(w.explanation.len() > 20, "{} {lang:?}: explanation", t.id);
                assert!(!w.forms.is_empty(), "{} {lang:?}: forms", t.id);
            }
            assert_ne!(
                t.nl.explanation, t.en.explanation,
                "{}: not translated",
                t.id
            );
            assert!(t.source.len() > 5, "{}: source", t.id);
            assert!(t.url.starts_with("https://"), "{}: url", t.id);
            assert!(t.checked_on >= earliest, "{}: checked_on", t.id);
        }
    }

    #[test]
    fn law_references_name_the_articles_users_rely_on() {
        let terms = glossary().expect("parses");
        let source = |id: &str| {
            terms
                .iter()
                .find(|t| t.id == id)
                .map(|t| t.source.clone())
                .unwrap_or_default()
        };
        assert!(source("bezwaar").contains("6:7"));
        assert!(source("ontheffing").contains("art. 9 lid 2"));
        assert!(source("maatregel").contains("art. 18"));
        assert!(source("inlichtingenplicht").contains("art. 17"));
        assert!(source("ingebrekestelling").contains("4:17"));
        assert!(source("beslistermijn").contains("7:10"));
        assert!(source("voorlopige-voorziening").contains("8:81"));
    }

    fn one(id: &str, nl_forms: &str, checked_on: &str) -> String {
        format!(
            r#"{{"id":"{id}","nl":{{"term":"t","forms":[{nl_forms}],"explanation":"e"}},
            "en":{{"term":"t","forms":["x{id}"],"explanation":"e"}},
            "source":"s","url":"https://example.org","checked_on":"{checked_on}"}}"#
        )
    }

    #[test]
    fn a_broken_file_is_refused_with_the_term_named() {
        let file = |terms: &[String]| format!(r#"{{"terms":[{}]}}"#, terms.join(","));
        assert!(parse(&file(&[one("a", r#""a""#, "2026-12-01")])).is_ok());
        let cases = [
            (file(&[one("a", r#""a""#, "1-12-2026")]), "checked_on"),
            (file(&[one("a", r#""A""#, "2026-12-01")]), "lower case"),
            (file(&[one("a", "", "2026-12-01")]), "missing"),
            (
                file(&[
                    one("a", r#""a""#, "2026-12-01"),
                    one("a", r#""b""#, "2026-12-01"),
                ]),
                "unique",
            ),
            (
                file(&[
                    one("a", r#""a""#, "2026-12-01"),
                    one("b", r#""a""#, "2026-12-01"),
                ]),
                "shares a nl form",
            ),
        ];
        for (text, why) in cases {
            let err = parse(&text).expect_err(why).to_string();
            assert!(err.contains(why), "{why}: {err}");
        }
    }
}
