//! Why a version of an entry was recorded, as data: the reason the user typed, or one
//! core wrote itself (a link added or removed, a file added or removed, an undo). The
//! history shows it in the reader's language from this structure, never by looking at
//! the Dutch words, so an English screen never shows "koppeling toegevoegd".
//!
//! The stored text of a reason is part of the hash chain and cannot change for versions
//! already written, so core keeps writing the same stored forms and reads them back with
//! [`ChangeReason::parse`]; only core writes these forms, so reading them is reading a
//! format core owns, like a column value.

/// Prefixes of the reasons core writes (stored; never change one).
const LINK_ADDED: &str = "koppeling toegevoegd: ";
const LINK_REMOVED: &str = "koppeling verwijderd: ";
const FILE_ADDED: &str = "bijlage toegevoegd: ";
const FILE_REMOVED: &str = "bijlage verwijderd: ";
/// Between the file name and the user's reason in a removal.
const FILE_REMOVED_WHY: &str = " — ";
/// Stored with every undo (the same text as `UNDO_REASON`).
pub const UNDONE: &str = "ongedaan gemaakt";
/// Verslag changes (issue 14 part 3): which file, and each statement by its number.
const VERSLAG_CHOSEN: &str = "verslag gekozen: ";
const VERSLAG_CLEARED: &str = "verslag losgemaakt: ";
const STATEMENT_ADDED: &str = "uitspraak toegevoegd: ";
const STATEMENT_CHANGED: &str = "uitspraak gewijzigd: ";
const STATEMENT_REMOVED: &str = "uitspraak verwijderd: ";
/// Stored when a deletion was undone (the entry is back).
const DELETE_UNDONE: &str = "verwijderen ongedaan gemaakt";

/// The language a reason is shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReasonLang {
    Nl,
    En,
}

/// Why a version was recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChangeReason {
    /// Nothing was said (a new entry).
    None,
    /// What the user typed, shown as written in any language.
    Given(String),
    /// A link of `kind` (`reply-to`, `objection-against`, `same-decision`) to entry `to`.
    LinkAdded {
        kind: String,
        to: i64,
    },
    LinkRemoved {
        kind: String,
        to: i64,
    },
    /// A file was added.
    FileAdded {
        name: String,
    },
    /// A file was removed, with the user's reason.
    FileRemoved {
        name: String,
        why: String,
    },
    /// The previous change was undone.
    Undone,
    /// The deletion of the entry was undone: it is back as it was.
    DeleteUndone,
    /// The file `name` was chosen as the agency's verslag (or no longer is).
    VerslagChosen {
        name: String,
    },
    VerslagCleared {
        name: String,
    },
    /// Statement `n` of the verslag was added, changed or removed.
    StatementAdded {
        n: u32,
    },
    StatementChanged {
        n: u32,
    },
    StatementRemoved {
        n: u32,
    },
}

impl ChangeReason {
    /// The text stored in the history for this reason.
    pub fn stored(&self) -> String {
        match self {
            ChangeReason::None => String::new(),
            ChangeReason::Given(s) => s.clone(),
            ChangeReason::LinkAdded { kind, to } => format!("{LINK_ADDED}{kind} {to}"),
            ChangeReason::LinkRemoved { kind, to } => format!("{LINK_REMOVED}{kind} {to}"),
            ChangeReason::FileAdded { name } => format!("{FILE_ADDED}{name}"),
            ChangeReason::FileRemoved { name, why } => {
                format!("{FILE_REMOVED}{name}{FILE_REMOVED_WHY}{why}")
            }
            ChangeReason::Undone => UNDONE.to_string(),
            ChangeReason::DeleteUndone => DELETE_UNDONE.to_string(),
            ChangeReason::VerslagChosen { name } => format!("{VERSLAG_CHOSEN}{name}"),
            ChangeReason::VerslagCleared { name } => format!("{VERSLAG_CLEARED}{name}"),
            ChangeReason::StatementAdded { n } => format!("{STATEMENT_ADDED}{n}"),
            ChangeReason::StatementChanged { n } => format!("{STATEMENT_CHANGED}{n}"),
            ChangeReason::StatementRemoved { n } => format!("{STATEMENT_REMOVED}{n}"),
        }
    }

    /// Reads a stored reason back. Anything that is not one of core's own forms is the
    /// user's text.
    pub fn parse(stored: &str) -> ChangeReason {
        let link = |rest: &str| -> Option<(String, i64)> {
            let (kind, to) = rest.rsplit_once(' ')?;
            Some((kind.to_string(), to.parse().ok()?))
        };
        if stored.trim().is_empty() {
            return ChangeReason::None;
        }
        if stored == UNDONE {
            return ChangeReason::Undone;
        }
        if stored == DELETE_UNDONE {
            return ChangeReason::DeleteUndone;
        }
        if let Some((kind, to)) = stored.strip_prefix(LINK_ADDED).and_then(link) {
            return ChangeReason::LinkAdded { kind, to };
        }
        if let Some((kind, to)) = stored.strip_prefix(LINK_REMOVED).and_then(link) {
            return ChangeReason::LinkRemoved { kind, to };
        }
        if let Some(name) = stored.strip_prefix(VERSLAG_CHOSEN) {
            return ChangeReason::VerslagChosen {
                name: name.to_string(),
            };
        }
        if let Some(name) = stored.strip_prefix(VERSLAG_CLEARED) {
            return ChangeReason::VerslagCleared {
                name: name.to_string(),
            };
        }
        let number = |prefix: &str| stored.strip_prefix(prefix).and_then(|n| n.parse().ok());
        if let Some(n) = number(STATEMENT_ADDED) {
            return ChangeReason::StatementAdded { n };
        }
        if let Some(n) = number(STATEMENT_CHANGED) {
            return ChangeReason::StatementChanged { n };
        }
        if let Some(n) = number(STATEMENT_REMOVED) {
            return ChangeReason::StatementRemoved { n };
        }
        if let Some(name) = stored.strip_prefix(FILE_ADDED) {
            return ChangeReason::FileAdded {
                name: name.to_string(),
            };
        }
        if let Some(rest) = stored.strip_prefix(FILE_REMOVED) {
            if let Some((name, why)) = rest.split_once(FILE_REMOVED_WHY) {
                return ChangeReason::FileRemoved {
                    name: name.to_string(),
                    why: why.to_string(),
                };
            }
        }
        ChangeReason::Given(stored.to_string())
    }

    /// `none`, `given`, `link`, `file`, `undo` or `verslag`: what kind of change it was (the UI's
    /// "only the links changed" reads this, not the words).
    pub fn kind(&self) -> &'static str {
        match self {
            ChangeReason::None => "none",
            ChangeReason::Given(_) => "given",
            ChangeReason::LinkAdded { .. } | ChangeReason::LinkRemoved { .. } => "link",
            ChangeReason::FileAdded { .. } | ChangeReason::FileRemoved { .. } => "file",
            ChangeReason::Undone | ChangeReason::DeleteUndone => "undo",
            ChangeReason::VerslagChosen { .. }
            | ChangeReason::VerslagCleared { .. }
            | ChangeReason::StatementAdded { .. }
            | ChangeReason::StatementChanged { .. }
            | ChangeReason::StatementRemoved { .. } => "verslag",
        }
    }

    /// The reason in plain words in `lang`: "link added: this answers entry 7".
    pub fn text(&self, lang: ReasonLang) -> String {
        let nl = lang == ReasonLang::Nl;
        let pick = |n: String, e: String| if nl { n } else { e };
        match self {
            ChangeReason::None => String::new(),
            ChangeReason::Given(s) => s.clone(),
            ChangeReason::LinkAdded { kind, to } => pick(
                format!("koppeling toegevoegd: {} item {to}", link_words(kind, lang)),
                format!("link added: {} entry {to}", link_words(kind, lang)),
            ),
            ChangeReason::LinkRemoved { kind, to } => pick(
                format!("koppeling verwijderd: {} item {to}", link_words(kind, lang)),
                format!("link removed: {} entry {to}", link_words(kind, lang)),
            ),
            ChangeReason::FileAdded { name } => pick(
                format!("bijlage toegevoegd: {name}"),
                format!("attachment added: {name}"),
            ),
            ChangeReason::FileRemoved { name, why } => pick(
                format!("bijlage verwijderd: {name} — {why}"),
                format!("attachment removed: {name} — {why}"),
            ),
            ChangeReason::Undone => pick("ongedaan gemaakt".into(), "undone".into()),
            ChangeReason::DeleteUndone => pick(
                "verwijderen ongedaan gemaakt".into(),
                "delete undone".into(),
            ),
            ChangeReason::VerslagChosen { name } => pick(
                format!("verslag van de instantie gekozen: {name}"),
                format!("agency's report chosen: {name}"),
            ),
            ChangeReason::VerslagCleared { name } => pick(
                format!("{name} is niet meer het verslag"),
                format!("{name} is no longer the report"),
            ),
            ChangeReason::StatementAdded { n } => pick(
                format!("uitspraak {n} uit het verslag toegevoegd"),
                format!("statement {n} of the report added"),
            ),
            ChangeReason::StatementChanged { n } => pick(
                format!("uitspraak {n} uit het verslag gewijzigd"),
                format!("statement {n} of the report changed"),
            ),
            ChangeReason::StatementRemoved { n } => pick(
                format!("uitspraak {n} uit het verslag verwijderd"),
                format!("statement {n} of the report removed"),
            ),
        }
    }
}

/// A link kind as words before "item 7" / "entry 7".
fn link_words(kind: &str, lang: ReasonLang) -> &'static str {
    match (kind, lang) {
        ("reply-to", ReasonLang::Nl) => "dit is een antwoord op",
        ("reply-to", ReasonLang::En) => "this answers",
        ("objection-against", ReasonLang::Nl) => "dit is bezwaar tegen",
        ("objection-against", ReasonLang::En) => "this objects to",
        ("same-decision", ReasonLang::Nl) => "gaat over hetzelfde als",
        ("same-decision", ReasonLang::En) => "is about the same as",
        (_, ReasonLang::Nl) => "verbonden met",
        (_, ReasonLang::En) => "connected to",
    }
}
