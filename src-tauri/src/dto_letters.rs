//! Wire types for letters (F12) and the user's own details, with explicit conversions
//! to and from core types. Letter types and formats cross by their contract names
//! (`bezwaar`, `pdf`), dates as `YYYY-MM-DD`; every label comes from core in Dutch and
//! English, the letter itself is always Dutch.

use std::collections::BTreeMap;

use dossier_core::letters::{Blank, LetterOption, LetterRequest, Missing};
use dossier_core::{EnclosureOption, GroundSuggestion, Profile};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::dto_entries::wire_id;
use crate::dto_todos::TodoDto;
use crate::error::IpcError;

/// One value the letter needs or may use, with its question in both languages.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct BlankDto {
    pub key: String,
    pub label_nl: String,
    pub label_en: String,
    pub hint_nl: String,
    pub hint_en: String,
    pub required: bool,
    pub multiline: bool,
    /// What the dossier has for it (the profile, the entry).
    pub suggested: Option<String>,
    /// Required and neither filled nor suggested: ask for this first.
    pub missing: bool,
}

impl From<Blank> for BlankDto {
    fn from(b: Blank) -> Self {
        BlankDto {
            key: b.key,
            label_nl: b.label_nl,
            label_en: b.label_en,
            hint_nl: b.hint_nl,
            hint_en: b.hint_en,
            required: b.required,
            multiline: b.multiline,
            suggested: b.suggested,
            missing: b.missing,
        }
    }
}

/// A letter this entry offers, with the app's explanation of it.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct LetterOptionDto {
    /// `inzage`, `voorlopig-bezwaar`, `bezwaar`, `bevestiging`, `verslag`, `correctie`,
    /// `ingebrekestelling` or `klacht`.
    pub letter_type: String,
    pub title_nl: String,
    pub title_en: String,
    pub explain_nl: String,
    pub explain_en: String,
    pub blanks: Vec<BlankDto>,
}

impl From<LetterOption> for LetterOptionDto {
    fn from(o: LetterOption) -> Self {
        LetterOptionDto {
            letter_type: o.letter_type.name().to_string(),
            title_nl: o.title_nl,
            title_en: o.title_en,
            explain_nl: o.explain_nl,
            explain_en: o.explain_en,
            blanks: o.blanks.into_iter().map(BlankDto::from).collect(),
        }
    }
}

/// A letter that fits this kind of entry but is not offered yet, and why (an
/// ingebrekestelling before the period for deciding has passed).
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct NotOfferedDto {
    pub letter_type: String,
    pub reason_nl: String,
    pub reason_en: String,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct LetterOptionsDto {
    /// Most important first (core's order).
    pub offered: Vec<LetterOptionDto>,
    pub not_offered: Vec<NotOfferedDto>,
}

/// One blank filled in by the user.
#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct FillDto {
    pub key: String,
    pub value: String,
}

/// What the user asks for: the blanks filled, the grounds in their order, enclosures.
#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct LetterRequestDto {
    pub fills: Vec<FillDto>,
    /// One numbered paragraph each, in this order.
    pub grounds: Vec<String>,
    pub enclosures: Vec<String>,
}

impl From<LetterRequestDto> for LetterRequest {
    fn from(r: LetterRequestDto) -> Self {
        LetterRequest {
            fills: r
                .fills
                .into_iter()
                .map(|f| (f.key, f.value))
                .collect::<BTreeMap<_, _>>(),
            grounds: r.grounds,
            enclosures: r.enclosures,
        }
    }
}

/// A ground for an objection the dossier suggests.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct GroundSuggestionDto {
    pub entry_id: Option<u32>,
    /// The paragraph as it would stand in the letter (Dutch).
    pub text: String,
}

impl From<GroundSuggestion> for GroundSuggestionDto {
    fn from(g: GroundSuggestion) -> Self {
        GroundSuggestionDto {
            entry_id: g.entry_id.map(wire_id),
            text: g.text,
        }
    }
}

/// Something the letter cannot be made without (for an objection: an Awb 6:5 element).
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MissingDto {
    pub key: String,
    pub nl: String,
    pub en: String,
}

impl From<Missing> for MissingDto {
    fn from(m: Missing) -> Self {
        MissingDto {
            key: m.key,
            nl: m.nl,
            en: m.en,
        }
    }
}

/// The letter as it would be made, or what it still needs.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct LetterPreviewDto {
    /// The whole letter as plain text (Dutch); null while something is missing.
    pub text: Option<String>,
    pub subject: Option<String>,
    /// Empty when the letter can be made.
    pub missing: Vec<MissingDto>,
    /// The last day of the term the letter sets, if it sets one.
    pub term_ends: Option<String>,
}

/// A letter made: the draft `letter-out` entry and the to-do its term gives.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MadeLetterDto {
    pub entry_id: u32,
    pub title: String,
    /// The attached file's name (`bezwaar-2026-12-03.pdf`).
    pub filename: String,
    pub term_ends: Option<String>,
    pub todos: Vec<TodoDto>,
}

/// The user's own details, for the sender block and the signature.
#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ProfileDto {
    pub name: String,
    /// One line each: street and number, postcode and town.
    pub address: Vec<String>,
    pub email: String,
}

impl From<Profile> for ProfileDto {
    fn from(p: Profile) -> Self {
        ProfileDto {
            name: p.name,
            address: p.address,
            email: p.email,
        }
    }
}

impl From<ProfileDto> for Profile {
    fn from(p: ProfileDto) -> Self {
        Profile {
            name: p.name,
            address: p.address,
            email: p.email,
        }
    }
}

/// How a letter went out: the wire name and what the entry records (Dutch, as the CLI
/// writes it).
const HOW_SENT: [(&str, &str); 5] = [
    ("post", "per post"),
    ("aangetekend", "aangetekend"),
    ("e-mail", "e-mail"),
    ("webformulier", "webformulier"),
    ("afgegeven", "afgegeven aan de balie"),
];

/// The channel text for `how` (`post`, `aangetekend`, `e-mail`, `webformulier`,
/// `afgegeven`).
pub fn how_sent(how: &str) -> Result<&'static str, IpcError> {
    HOW_SENT
        .iter()
        .find(|(k, _)| *k == how.trim())
        .map(|(_, text)| *text)
        .ok_or_else(|| {
            dossier_core::Error::Invalid(format!(
                "unknown way of sending: {how} (use post, aangetekend, e-mail, webformulier or afgegeven)"
            ))
            .into()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_way_of_sending_the_ui_offers_is_known_and_others_are_refused() {
        for how in ["post", "aangetekend", "e-mail", "webformulier", "afgegeven"] {
            assert!(how_sent(how).is_ok(), "{how}");
        }
        assert_eq!(how_sent("afgegeven").ok(), Some("afgegeven aan de balie"));
        assert!(how_sent("duif").is_err());
    }
}

/// A paper from the dossier an objection can send along (an exhibit of the overview).
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct EnclosureOptionDto {
    /// The exhibit's number in the overview ("3").
    pub label: String,
    pub filename: String,
    pub entry_title: String,
    /// `YYYY-MM-DD`, the entry's day.
    pub date: String,
    /// The line as the letter lists it (Dutch); what the request's `enclosures` carry.
    pub text: String,
}

impl From<EnclosureOption> for EnclosureOptionDto {
    fn from(o: EnclosureOption) -> Self {
        EnclosureOptionDto {
            label: o.label,
            filename: o.filename,
            entry_title: o.entry_title,
            date: o.occurred_on.to_string(),
            text: o.text,
        }
    }
}
