//! The values a user may have to give for a letter, with their questions in Dutch and
//! English: the one list of labels for the UI, the CLI and the "what is missing" error.

/// One value a letter needs or may use, with what the dossier suggests for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Blank {
    /// The key for `--fill KEY=VALUE` and the UI.
    pub key: String,
    pub label_nl: String,
    pub label_en: String,
    /// A short hint in English about what to write.
    pub hint_en: String,
    /// The letter is not made without it.
    pub required: bool,
    /// More than one line (an address, what was said).
    pub multiline: bool,
    /// What the dossier has for it (the profile, the entry); used when nothing is filled.
    pub suggested: Option<String>,
    /// Required and neither filled nor suggested: ask for this first.
    pub missing: bool,
}

/// (key, Dutch label, English label, English hint, multiline)
const LABELS: &[(&str, &str, &str, &str, bool)] = &[
    (
        "naam",
        "Uw naam",
        "Your name",
        "as on your ID; under the signature line",
        false,
    ),
    (
        "adres",
        "Uw adres",
        "Your address",
        "street and number, postcode and town; one line each",
        true,
    ),
    (
        "email",
        "Uw e-mailadres",
        "Your e-mail address",
        "optional: where they can also reach you",
        false,
    ),
    (
        "plaats",
        "Uw woonplaats",
        "Your town",
        "for the line with place and date",
        false,
    ),
    (
        "ontvanger",
        "Naar wie gaat de brief?",
        "Who is the letter to?",
        "the organisation, e.g. WPI or the college van B&W; see their letter",
        false,
    ),
    (
        "ontvanger_adres",
        "Adres van de organisatie",
        "The organisation's address",
        "postal address from their letter (Postbus …); one line each",
        true,
    ),
    (
        "periode_van",
        "Vanaf welke datum wilt u de gegevens?",
        "From which date do you want the data?",
        "a date (YYYY-MM-DD) or words such as 'het begin van mijn uitkering'",
        false,
    ),
    (
        "bsn",
        "Uw burgerservicenummer",
        "Your citizen service number (BSN)",
        "optional: helps them find your file",
        false,
    ),
    (
        "gronden",
        "Waarom bent u het niet eens met het besluit?",
        "Why do you disagree with the decision?",
        "one reason per paragraph; they are numbered",
        true,
    ),
    (
        "gewenst",
        "Wat wilt u in plaats daarvan?",
        "What do you want instead?",
        "optional",
        true,
    ),
    (
        "besproken",
        "Wat is er gezegd?",
        "What was said?",
        "in your own words, as you remember it",
        true,
    ),
    (
        "afgesproken",
        "Wat is er afgesproken of beloofd?",
        "What was agreed or promised?",
        "optional",
        true,
    ),
    (
        "onjuist",
        "Wat staat er en klopt niet?",
        "What is written that is wrong?",
        "quote it as well as you can",
        true,
    ),
    (
        "juist",
        "Wat moet er staan?",
        "What should it say?",
        "the correct facts, or your own statement",
        true,
    ),
    (
        "waar",
        "Waar staat het?",
        "Where is it written?",
        "optional: e.g. the report of the meeting of 3 March",
        false,
    ),
    (
        "gedraging",
        "Wat is er gebeurd?",
        "What happened?",
        "the behaviour you complain about, with who and when",
        true,
    ),
    (
        "bezwaar_datum",
        "Datum van uw bezwaarschrift",
        "Date of your objection letter",
        "YYYY-MM-DD",
        false,
    ),
    (
        "ontvangen_op",
        "Wanneer ontvangen zij deze brief?",
        "When will they receive this letter?",
        "YYYY-MM-DD; by post usually the next working day",
        false,
    ),
];

/// The labels of `key` (the key itself when it has none).
pub fn labels(key: &str) -> (String, String, String, bool) {
    match LABELS.iter().find(|l| l.0 == key) {
        Some(&(_, nl, en, hint, multi)) => (nl.into(), en.into(), hint.into(), multi),
        None => (key.into(), key.into(), String::new(), false),
    }
}

/// Whether `key` has a label (the tests check every template's keys).
#[cfg(test)]
pub fn known(key: &str) -> bool {
    LABELS.iter().any(|l| l.0 == key)
}

/// Something a letter cannot be made without, in the user's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    pub key: String,
    pub nl: String,
    pub en: String,
}

impl Missing {
    pub fn of(key: &str) -> Missing {
        let (nl, en, _, _) = labels(key);
        Missing {
            key: key.into(),
            nl,
            en,
        }
    }

    /// The same, named as an element Awb 6:5 requires of an objection.
    pub fn awb(key: &str, nl: &str, en: &str) -> Missing {
        Missing {
            key: key.into(),
            nl: format!("{nl} (Awb 6:5)"),
            en: format!("{en} (Awb 6:5)"),
        }
    }
}
