//! Typed words as an FTS5 query that stays fast on a large index: a word that starts
//! only a few of the index's words (its `search_vocab`, migration 13) is asked for as
//! those whole words, which FTS5 reads lazily, newest first; any other word stays a
//! prefix. Both queries match exactly the same rows.

use rusqlite::Connection;

use crate::error::{from_sqlite, Result};
use crate::store::search::{prefix, words};

/// How many whole words one typed prefix may stand for. FTS5 merges the match lists of
/// every word a prefix starts before it hands out the first row (5.7 ms for a word in
/// each of 100,000 entries), but reads an `OR` of whole words lazily (1.8 ms). A prefix
/// of more words than this (one or two letters, mostly) is left as a prefix.
const MAX_WORDS: usize = 16;

/// The FTS5 query for `typed` (as `search::to_match_query`, every word must occur as a
/// prefix), with each plain-letter word that starts at most [`MAX_WORDS`] of the
/// index's words spelled as those words.
pub(crate) fn match_query(conn: &Connection, typed: &str) -> Result<Option<String>> {
    let typed: Vec<&str> = words(typed).collect();
    if typed.is_empty() {
        return Ok(None);
    }
    let mut stmt = conn
        .prepare_cached(
            "SELECT term FROM search_vocab WHERE term >= ?1 AND term < ?2 ORDER BY term LIMIT ?3",
        )
        .map_err(|e| from_sqlite("search", e))?;
    let mut parts = Vec::new();
    for word in typed {
        // The tokenizer (unicode61, remove_diacritics) folds an ASCII word to its ASCII
        // lower case and nothing else; for any other word our folding could differ
        // from its, and a wrongly folded word would find nothing, so it stays a prefix.
        if !word.is_ascii() {
            parts.push(prefix(word));
            continue;
        }
        let low = word.to_ascii_lowercase();
        // Every word that starts with `low`, and only such a word, sorts from `low` up
        // to `low` followed by the highest character.
        let high = format!("{low}\u{10FFFF}");
        let found = stmt
            .query_map(rusqlite::params![low, high, MAX_WORDS as i64 + 1], |r| {
                r.get::<_, String>(0)
            })
            .map_err(|e| from_sqlite("search", e))?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| from_sqlite("search", e))?;
        // A whole word is written back as FTS5 reads a phrase; words the tokenizer made
        // are letters and digits only, so a quote could not occur. Anything else keeps
        // the prefix, which matches the same rows.
        let whole = |t: &String| t.chars().all(char::is_alphanumeric);
        if found.is_empty() || found.len() > MAX_WORDS || !found.iter().all(whole) {
            parts.push(prefix(word));
        } else if let [one] = found.as_slice() {
            parts.push(format!("\"{one}\""));
        } else {
            let alternatives: Vec<String> = found.iter().map(|t| format!("\"{t}\"")).collect();
            parts.push(format!("({})", alternatives.join(" OR ")));
        }
    }
    // FTS5 reads two words side by side as AND, but not a word beside a bracket.
    Ok(Some(parts.join(" AND ")))
}
