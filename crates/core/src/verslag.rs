//! "Their record against mine": the agency's own report (verslag) of a conversation,
//! pinned by its SHA-256, and the user's statements about what it says. Pure types and
//! checks; the dossier side (which file, its text, the pin checked against the bytes)
//! is `api/verslag.rs`.
//!
//! A verslag is part of the one entry record (`EntryData::verslag`), so each change is a
//! history version, and undo, verify and backups cover it like any other field.

use serde::{Deserialize, Serialize};

use crate::entry::{check_text, EntryKind};
use crate::error::{Error, Result};

/// What the user says about one statement of the verslag. The `name` strings are a
/// contract (stored in the history, CLI `--status`, JSON); never rename one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    /// "Klopt": it is what happened.
    Correct,
    /// "Klopt niet": it is wrong.
    Incorrect,
    /// "Onvolledig": something that matters is left out.
    Incomplete,
    /// "Niet gezegd": I (or they) never said this.
    NotSaid,
    /// "Niet besproken": it was not talked about at all.
    NotDiscussed,
    /// "Weet ik niet": the user does not remember.
    Unsure,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::Correct,
        Status::Incorrect,
        Status::Incomplete,
        Status::NotSaid,
        Status::NotDiscussed,
        Status::Unsure,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Status::Correct => "correct",
            Status::Incorrect => "incorrect",
            Status::Incomplete => "incomplete",
            Status::NotSaid => "not-said",
            Status::NotDiscussed => "not-discussed",
            Status::Unsure => "unsure",
        }
    }

    pub fn from_name(name: &str) -> Result<Status> {
        let names: Vec<&str> = Status::ALL.iter().map(|s| s.name()).collect();
        Status::ALL
            .into_iter()
            .find(|s| s.name() == name.trim())
            .ok_or_else(|| {
                Error::Invalid(format!(
                    "unknown status of a statement: {name}; use one of {}",
                    names.join(", ")
                ))
            })
    }

    /// The words the user chose it by, in Dutch (B1) and English.
    pub fn label(self, nl: bool) -> &'static str {
        match (self, nl) {
            (Status::Correct, true) => "klopt",
            (Status::Correct, false) => "correct",
            (Status::Incorrect, true) => "klopt niet",
            (Status::Incorrect, false) => "incorrect",
            (Status::Incomplete, true) => "onvolledig",
            (Status::Incomplete, false) => "incomplete",
            (Status::NotSaid, true) => "niet gezegd",
            (Status::NotSaid, false) => "not said",
            (Status::NotDiscussed, true) => "niet besproken",
            (Status::NotDiscussed, false) => "not discussed",
            (Status::Unsure, true) => "weet ik niet",
            (Status::Unsure, false) => "don't know",
        }
    }

    /// A statement with this status asks the agency to correct or complete its file
    /// (art. 16 AVG): it becomes a point of the correction letter.
    pub fn asks_correction(self) -> bool {
        matches!(
            self,
            Status::Incorrect | Status::Incomplete | Status::NotSaid | Status::NotDiscussed
        )
    }
}

/// One statement of the verslag and what the user says about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    /// Stable within the entry (never reused), so the CLI and the screens can name it
    /// while statements before it are added or removed.
    pub id: u32,
    /// Where the quote starts in the verslag's text, counted in characters (Unicode
    /// scalar values).
    pub start: u32,
    /// The text exactly as the verslag has it.
    pub quote: String,
    #[serde(with = "status_form")]
    pub status: Status,
    #[serde(default)]
    pub important: bool,
    /// What really happened, in the user's words.
    #[serde(default)]
    pub my_version: String,
    /// Entries of the dossier that back the user's version.
    #[serde(default)]
    pub support_entries: Vec<i64>,
    /// Attachments (exhibits) that back it.
    #[serde(default)]
    pub support_attachments: Vec<i64>,
}

/// The agency's report of this conversation: which attachment it is, pinned by the
/// SHA-256 of its bytes, and the user's statements about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verslag {
    pub attachment_id: i64,
    /// Hex SHA-256 of the attachment's bytes when it was chosen; a file that no longer
    /// hashes to it is refused (`Error::VerslagChanged`).
    pub sha256: String,
    /// The text as the user typed it from a photo or scan that has no text of its own;
    /// empty when the text is read from the file.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub typed_text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statements: Vec<Statement>,
}

/// What a new or changed statement says (its id is the dossier's to give).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementInput {
    pub start: u32,
    pub quote: String,
    pub status: Status,
    pub important: bool,
    pub my_version: String,
    pub support_entries: Vec<i64>,
    pub support_attachments: Vec<i64>,
}

impl StatementInput {
    pub(crate) fn with_id(&self, id: u32) -> Statement {
        Statement {
            id,
            start: self.start,
            quote: self.quote.clone(),
            status: self.status,
            important: self.important,
            my_version: self.my_version.clone(),
            support_entries: self.support_entries.clone(),
            support_attachments: self.support_attachments.clone(),
        }
    }
}

/// The kinds of entry a verslag can report on: conversations (and a keuring, whose
/// report is the one people sign blank).
pub fn takes_verslag(kind: EntryKind) -> bool {
    matches!(
        kind,
        EntryKind::CallIn
            | EntryKind::CallOut
            | EntryKind::Meeting
            | EntryKind::HomeVisit
            | EntryKind::VideoCall
            | EntryKind::MedicalAssessment
    )
}

const MAX_TYPED_BYTES: usize = 1024 * 1024;
const MAX_STATEMENTS: usize = 500;

impl Verslag {
    /// What can be checked without the store or the file.
    pub fn validate(&self, kind: EntryKind) -> Result<()> {
        if !takes_verslag(kind) {
            return Err(Error::Invalid(format!(
                "only a call, meeting, visit or keuring can have a verslag, not a {}",
                kind.name()
            )));
        }
        if self.sha256.len() != 64 || !self.sha256.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(Error::Invalid("the verslag's SHA-256 is not one".into()));
        }
        if self.typed_text.len() > MAX_TYPED_BYTES {
            return Err(Error::Invalid(
                "the typed text of the verslag is longer than 1 MB".into(),
            ));
        }
        check_text("typed text of the verslag", &self.typed_text, true)?;
        if self.statements.len() > MAX_STATEMENTS {
            return Err(Error::Invalid(format!(
                "a verslag can have at most {MAX_STATEMENTS} statements"
            )));
        }
        let mut ids: Vec<u32> = self.statements.iter().map(|s| s.id).collect();
        ids.sort_unstable();
        if ids.windows(2).any(|w| w[0] == w[1]) || ids.first() == Some(&0) {
            return Err(Error::Invalid(
                "two statements of the verslag have the same number".into(),
            ));
        }
        for s in &self.statements {
            check_statement(&s.quote, &s.my_version)?;
            if s.support_entries
                .iter()
                .chain(&s.support_attachments)
                .any(|&i| i <= 0)
            {
                return Err(Error::Invalid(format!(
                    "statement {} names an entry or exhibit that cannot exist",
                    s.id
                )));
            }
        }
        Ok(())
    }

    /// The statements in the order the verslag has them (by position, then number).
    pub fn in_order(&self) -> Vec<&Statement> {
        let mut v: Vec<&Statement> = self.statements.iter().collect();
        v.sort_by_key(|s| (s.start, s.id));
        v
    }

    /// The number a new statement gets: one past the highest ever in this verslag's
    /// current list (removed ones at the end may be given again; the history keeps
    /// which was which).
    pub fn next_id(&self) -> u32 {
        self.statements.iter().map(|s| s.id).max().unwrap_or(0) + 1
    }
}

fn check_statement(quote: &str, my_version: &str) -> Result<()> {
    if quote.trim().is_empty() {
        return Err(Error::Invalid(
            "a statement needs the text it quotes from the verslag".into(),
        ));
    }
    if quote.len() > MAX_TYPED_BYTES || my_version.len() > MAX_TYPED_BYTES {
        return Err(Error::Invalid("a statement is longer than 1 MB".into()));
    }
    check_text("quote from the verslag", quote, true)?;
    check_text("own version", my_version, true)
}

/// Checks that `quote` stands at character `start` of the verslag's `text`, so what is
/// printed as "the verslag says" is what the verslag says.
pub fn check_quote(text: &str, start: u32, quote: &str) -> Result<()> {
    let at: String = text
        .chars()
        .skip(start as usize)
        .take(quote.chars().count())
        .collect();
    if at == quote && !quote.trim().is_empty() {
        return Ok(());
    }
    let found = text.find(quote).map(|b| text[..b].chars().count());
    Err(Error::Invalid(match found {
        Some(pos) => {
            format!("the quoted text is not at position {start} of the verslag (it is at {pos})")
        }
        None => {
            "the quoted text is not in the verslag; quote it exactly as it is written".to_string()
        }
    }))
}

/// A piece of the verslag's text the user can pick as one statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// Start in characters.
    pub start: u32,
    pub text: String,
    /// The first sentence of a paragraph (after a blank line or at the start).
    pub paragraph_start: bool,
}

/// The sentences of the verslag's text, in order: cut after `.`, `!`, `?` followed by
/// white space, and at line breaks; surrounding white space
/// is not part of a sentence. Short abbreviations ("o.a.", "z.s.m.", "dhr.", "mw.")
/// and initials ("P. de Wit") do not end one. What the keyboard steps through and the mouse selection snaps to.
pub fn sentences(text: &str) -> Vec<Span> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut paragraph = true;
    while i < chars.len() {
        // Skip white space; a blank line starts a paragraph.
        let mut newlines = 0;
        while i < chars.len() && chars[i].is_whitespace() {
            if chars[i] == '\n' {
                newlines += 1;
            }
            i += 1;
        }
        if newlines >= 2 {
            paragraph = true;
        }
        if i >= chars.len() {
            break;
        }
        let start = i;
        while i < chars.len() {
            let c = chars[i];
            if c == '\n' {
                break;
            }
            i += 1;
            let next_space = i >= chars.len() || chars[i].is_whitespace();
            if matches!(c, '.' | '!' | '?') && next_space && !abbreviation(&chars[start..i]) {
                // Closing quotes or brackets stay with their sentence.
                break;
            }
        }
        while i < chars.len() && matches!(chars[i], '"' | '\'' | ')' | '”' | '’') {
            i += 1;
        }
        let piece: String = chars[start..i].iter().collect();
        let trimmed = piece.trim_end();
        if !trimmed.is_empty() {
            out.push(Span {
                start: start as u32,
                text: trimmed.to_string(),
                paragraph_start: paragraph,
            });
            paragraph = false;
        }
    }
    out
}

/// Ends in a short abbreviation such as "o.a." or "dhr.": its last word (after the last
/// space) is at most four letters with dots, or a known title.
fn abbreviation(sentence: &[char]) -> bool {
    let word: String = sentence
        .iter()
        .rev()
        .take_while(|c| !c.is_whitespace())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    // An initial: "klantmanager P. de Wit" is one sentence.
    let mut chars = word.chars();
    if let (Some(first), Some('.'), None) = (chars.next(), chars.next(), chars.next()) {
        if first.is_uppercase() {
            return true;
        }
    }
    let lower = word.to_lowercase();
    let letters = lower.chars().filter(|c| c.is_alphabetic()).count();
    let dots = lower.chars().filter(|&c| c == '.').count();
    // "o.a." "z.s.m." "i.v.m.": dots between letters.
    if dots >= 2 && letters <= 4 {
        return true;
    }
    matches!(
        lower.as_str(),
        "dhr."
            | "mw."
            | "mevr."
            | "mr."
            | "drs."
            | "ir."
            | "dr."
            | "nr."
            | "bijv."
            | "evt."
            | "ca."
    )
}

/// What the correction letter (`correctie`, art. 16 AVG) is filled with from the
/// statements: `waar` names the verslag, `onjuist` holds one numbered point per
/// statement marked klopt niet / onvolledig / niet gezegd / niet besproken (the
/// verslag's words, what is wrong with them, the user's version and what backs it),
/// `juist` asks to correct each point or add the user's version. `support` gives the
/// words for a supporting entry or file ("mijn registratie van 20-10-2026: Brief van
/// de huisarts"). Letters are in Dutch. `None` when no statement asks a correction.
pub fn correction_fills(
    what: &str,
    v: &Verslag,
    support: &dyn Fn(&Statement) -> Vec<String>,
) -> Option<Vec<(&'static str, String)>> {
    let points: Vec<String> = v
        .in_order()
        .into_iter()
        .filter(|s| s.status.asks_correction())
        .enumerate()
        .map(|(i, s)| {
            let verdict = match s.status {
                Status::Incorrect => "Dit klopt niet.",
                Status::Incomplete => "Dit is niet volledig.",
                Status::NotSaid => "Dit is niet gezegd.",
                _ => "Hierover is in het gesprek niet gesproken.",
            };
            let quote: String = s.quote.split_whitespace().collect::<Vec<_>>().join(" ");
            let stop = if quote.ends_with(['.', '!', '?']) {
                ""
            } else {
                "."
            };
            let mut point = format!("{}. In het verslag staat: „{quote}”{stop} {verdict}", i + 1);
            let mine = s
                .my_version
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            if !mine.is_empty() {
                point.push_str(&format!(" Wat er moet staan: {mine}"));
                if !mine.ends_with(['.', '!', '?']) {
                    point.push('.');
                }
            }
            let backed = support(s);
            if !backed.is_empty() {
                point.push_str(&format!(" Zie ook {}.", backed.join("; ")));
            }
            point
        })
        .collect();
    if points.is_empty() {
        return None;
    }
    let juist = if points.len() == 1 {
        "zoals bij het punt hierboven staat. Ik vraag u het verslag zo te verbeteren of aan te vullen, of anders mijn versie aan het verslag in mijn dossier toe te voegen."
    } else {
        "zoals bij elk punt hierboven staat. Ik vraag u het verslag zo te verbeteren of aan te vullen, of anders mijn versie bij elk punt aan het verslag in mijn dossier toe te voegen."
    };
    Some(vec![
        ("waar", what.to_string()),
        ("onjuist", points.join("\n\n")),
        ("juist", juist.to_string()),
    ])
}

mod status_form {
    use super::Status;
    use serde::de::Error as _;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(s: &Status, ser: S) -> Result<S::Ok, S::Error> {
        ser.serialize_str(s.name())
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Status, D::Error> {
        let s = String::deserialize(d)?;
        Status::from_name(&s).map_err(|e| D::Error::custom(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_names_are_a_contract() {
        let names: Vec<&str> = Status::ALL.iter().map(|s| s.name()).collect();
        assert_eq!(
            names,
            [
                "correct",
                "incorrect",
                "incomplete",
                "not-said",
                "not-discussed",
                "unsure"
            ]
        );
        for s in Status::ALL {
            assert_eq!(Status::from_name(s.name()).unwrap(), s);
        }
        let e = Status::from_name("klopt").unwrap_err().to_string();
        assert!(e.contains("not-said"), "{e}");
        let asks: Vec<&str> = Status::ALL
            .iter()
            .filter(|s| s.asks_correction())
            .map(|s| s.label(true))
            .collect();
        assert_eq!(
            asks,
            ["klopt niet", "onvolledig", "niet gezegd", "niet besproken"]
        );
    }

    #[test]
    fn sentences_are_cut_at_full_stops_and_lines_not_at_abbreviations() {
        let text = "Gesprek met dhr. Jansen op 3 maart.  Hij zei o.a. dat hij wil werken!\n\
                    Klant gaat akkoord met een jobhunter.\n\nAfspraak: z.s.m. cv sturen. Klaar. \
                    Aanwezig: klantmanager P. de Wit.";
        let got = sentences(text);
        let texts: Vec<&str> = got.iter().map(|g| g.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Gesprek met dhr. Jansen op 3 maart.",
                "Hij zei o.a. dat hij wil werken!",
                "Klant gaat akkoord met een jobhunter.",
                "Afspraak: z.s.m. cv sturen.",
                "Klaar.",
                "Aanwezig: klantmanager P. de Wit."
            ]
        );
        let paragraphs: Vec<bool> = got.iter().map(|g| g.paragraph_start).collect();
        assert_eq!(paragraphs, [true, false, false, true, false, false]);
        for s in sentences(text) {
            check_quote(text, s.start, &s.text).unwrap();
        }
    }

    #[test]
    fn a_quote_must_stand_where_it_says_in_the_text() {
        let text = "Één zin. Nog één zin.";
        assert!(check_quote(text, 9, "Nog één zin.").is_ok());
        let e = check_quote(text, 0, "Nog één zin.")
            .unwrap_err()
            .to_string();
        assert!(e.contains("it is at 9"), "{e}");
        let e = check_quote(text, 0, "Niet gezegd").unwrap_err().to_string();
        assert!(e.contains("not in the verslag"), "{e}");
    }

    #[test]
    fn a_verslag_belongs_to_a_conversation_and_its_numbers_are_unique() {
        let statement = |id| {
            StatementInput {
                start: 0,
                quote: "Klant wil werken.".into(),
                status: Status::NotSaid,
                important: true,
                my_version: "Ik heb gezegd dat ik ziek ben.".into(),
                support_entries: vec![3],
                support_attachments: vec![],
            }
            .with_id(id)
        };
        let mut v = Verslag {
            attachment_id: 1,
            sha256: "a".repeat(64),
            typed_text: String::new(),
            statements: vec![statement(1), statement(2)],
        };
        assert!(v.validate(EntryKind::Meeting).is_ok());
        assert_eq!(v.next_id(), 3);
        let e = v.validate(EntryKind::LetterIn).unwrap_err().to_string();
        assert!(e.contains("only a call, meeting"), "{e}");
        v.statements.push(statement(2));
        assert!(v.validate(EntryKind::CallIn).is_err());
        v.statements.pop();
        v.statements[0].quote = "  ".into();
        assert!(v.validate(EntryKind::CallIn).is_err());
        v.statements[0].quote = "x\u{202E}y".into();
        assert!(v.validate(EntryKind::CallIn).is_err());
    }
}
