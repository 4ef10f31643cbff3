//! `dossier glossary`: the agency's words explained (F14), as lines or JSON. Needs no
//! dossier; the words are core's data.

use std::io::Write;

use dossier_core::glossary::glossary as all_terms;
use serde::Serialize;

use crate::commands::Result;
use crate::messages::Lang;

/// One term as `--json` prints it (a contract).
#[derive(Serialize)]
struct TermJson<'a> {
    id: &'a str,
    term: &'a str,
    explanation: &'a str,
    source: &'a str,
    url: &'a str,
    checked_on: String,
}

/// `dossier glossary [--lang nl|en] [--json]`: `term⇥explanation⇥source⇥checked-on`
/// per line, in the CLI's language unless `--lang` says otherwise.
pub fn glossary(lang_flag: Option<&str>, json: bool, lang: Lang) -> Result {
    let text_lang = crate::pdf_cmd::text_lang(lang_flag, lang)?;
    let terms = all_terms()?;
    let mut out = std::io::stdout().lock();
    if json {
        let rows: Vec<TermJson<'_>> = terms
            .iter()
            .map(|t| {
                let w = t.words(text_lang);
                TermJson {
                    id: &t.id,
                    term: &w.term,
                    explanation: &w.explanation,
                    source: &t.source,
                    url: &t.url,
                    checked_on: t.checked_on.to_string(),
                }
            })
            .collect();
        serde_json::to_writer_pretty(&mut out, &rows).map_err(std::io::Error::from)?;
        writeln!(out)?;
        return Ok(());
    }
    for t in &terms {
        let w = t.words(text_lang);
        writeln!(
            out,
            "{}\t{}\t{}\t{}",
            w.term, w.explanation, t.source, t.checked_on
        )?;
    }
    Ok(())
}
