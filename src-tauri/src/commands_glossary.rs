//! IPC command for the glossary (F14): the agency's words in the user's language, from
//! core's data. Needs no open dossier (the Woordenlijst works while locked, too).

use dossier_core::glossary::{glossary as all_terms, Term};
use dossier_core::lang::Lang;
use serde::Serialize;
use specta::Type;

use crate::dto::Language;
use crate::error::IpcError;

/// One glossary word as the UI shows it. `forms` are the lower-case spellings that
/// count as this word in a sentence (the UI links them).
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct GlossaryTermDto {
    pub id: String,
    pub term: String,
    pub forms: Vec<String>,
    pub explanation: String,
    pub source: String,
    pub url: String,
    /// YYYY-MM-DD.
    pub checked_on: String,
}

fn dto(term: &Term, lang: Lang) -> GlossaryTermDto {
    let words = term.words(lang);
    GlossaryTermDto {
        id: term.id.clone(),
        term: words.term.clone(),
        forms: words.forms.clone(),
        explanation: words.explanation.clone(),
        source: term.source.clone(),
        url: term.url.clone(),
        checked_on: term.checked_on.format("%Y-%m-%d").to_string(),
    }
}

/// Every glossary term in `language`, in the file's order.
#[tauri::command]
#[specta::specta]
pub async fn glossary(language: Language) -> Result<Vec<GlossaryTermDto>, IpcError> {
    terms_in(language)
}

fn terms_in(language: Language) -> Result<Vec<GlossaryTermDto>, IpcError> {
    let lang = match language {
        Language::Nl => Lang::Nl,
        Language::En => Lang::En,
    };
    Ok(all_terms()?.iter().map(|t| dto(t, lang)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ui_gets_every_word_in_the_language_it_asks_for() {
        let nl = terms_in(Language::Nl).expect("nl");
        let en = terms_in(Language::En).expect("en");
        assert_eq!(nl.len(), en.len());
        let bezwaar = nl.iter().find(|t| t.id == "bezwaar").expect("bezwaar");
        assert_eq!(bezwaar.term, "bezwaar");
        assert!(bezwaar.forms.contains(&"bezwaar".to_string()));
        assert!(bezwaar.source.contains("6:7"));
        assert_eq!(bezwaar.checked_on.len(), 10);
        let objection = en.iter().find(|t| t.id == "bezwaar").expect("bezwaar en");
        assert!(objection.explanation.starts_with("Saying you do not agree"));
    }
}
