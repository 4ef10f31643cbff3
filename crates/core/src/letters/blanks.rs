//! The values a user may have to give for a letter, with their questions in Dutch and
//! English: the one list of labels for the UI, the CLI and the "what is missing" error.

/// One value a letter needs or may use, with what the dossier suggests for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Blank {
    /// The key for `--fill KEY=VALUE` and the UI.
    pub key: String,
    pub label_nl: String,
    pub label_en: String,
    /// A short hint about what to write, in Dutch and in English.
    pub hint_nl: String,
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

/// (key, Dutch label, English label, Dutch hint, English hint, multiline)
const LABELS: &[(&str, &str, &str, &str, &str, bool)] = &[
    (
        "naam",
        "Uw naam",
        "Your name",
        "zoals op uw identiteitsbewijs; het komt onder de ondertekening",
        "as on your ID; under the signature line",
        false,
    ),
    (
        "adres",
        "Uw adres",
        "Your address",
        "straat en huisnummer, dan postcode en plaats; elk op een eigen regel",
        "street and number, postcode and town; one line each",
        true,
    ),
    (
        "email",
        "Uw e-mailadres",
        "Your e-mail address",
        "mag leeg blijven: waar ze u ook kunnen bereiken",
        "optional: where they can also reach you",
        false,
    ),
    (
        "plaats",
        "Uw woonplaats",
        "Your town",
        "voor de regel met plaats en datum",
        "for the line with place and date",
        false,
    ),
    (
        "ontvanger",
        "Naar wie gaat de brief?",
        "Who is the letter to?",
        "de organisatie, bijvoorbeeld WPI of het college van B&W; kijk in hun brief",
        "the organisation, e.g. WPI or the college van B&W; see their letter",
        false,
    ),
    (
        "ontvanger_adres",
        "Adres van de organisatie",
        "The organisation's address",
        "het postadres uit hun brief (Postbus …); elk op een eigen regel",
        "postal address from their letter (Postbus …); one line each",
        true,
    ),
    (
        "periode_van",
        "Vanaf welke datum wilt u de gegevens?",
        "From which date do you want the data?",
        "een datum (dag-maand-jaar) of woorden zoals 'het begin van mijn uitkering'",
        "a date (YYYY-MM-DD) or words such as 'het begin van mijn uitkering'",
        false,
    ),
    (
        "bsn",
        "Uw burgerservicenummer",
        "Your citizen service number (BSN)",
        "mag leeg blijven: zo vinden ze uw dossier sneller",
        "optional: helps them find your file",
        false,
    ),
    (
        "gronden",
        "Waarom bent u het niet eens met het besluit?",
        "Why do you disagree with the decision?",
        "één reden per alinea; ze krijgen een nummer",
        "one reason per paragraph; they are numbered",
        true,
    ),
    (
        "gewenst",
        "Wat wilt u in plaats daarvan?",
        "What do you want instead?",
        "mag leeg blijven",
        "optional",
        true,
    ),
    (
        "besproken",
        "Wat is er gezegd?",
        "What was said?",
        "in uw eigen woorden, zoals u het zich herinnert",
        "in your own words, as you remember it",
        true,
    ),
    (
        "afgesproken",
        "Wat is er afgesproken of beloofd?",
        "What was agreed or promised?",
        "mag leeg blijven",
        "optional",
        true,
    ),
    (
        "onjuist",
        "Wat staat er en klopt niet?",
        "What is written that is wrong?",
        "schrijf het zo precies mogelijk over",
        "quote it as well as you can",
        true,
    ),
    (
        "juist",
        "Wat moet er staan?",
        "What should it say?",
        "wat wel klopt, of uw eigen verklaring",
        "the correct facts, or your own statement",
        true,
    ),
    (
        "waar",
        "Waar staat het?",
        "Where is it written?",
        "mag leeg blijven: bijvoorbeeld het verslag van het gesprek van 3 maart",
        "optional: e.g. the report of the meeting of 3 March",
        false,
    ),
    (
        "gedraging",
        "Wat is er gebeurd?",
        "What happened?",
        "wat er gebeurde waarover u klaagt, met wie en wanneer",
        "the behaviour you complain about, with who and when",
        true,
    ),
    (
        "bezwaar_datum",
        "Datum van uw bezwaarschrift",
        "Date of your objection letter",
        "dag-maand-jaar, bijvoorbeeld 3-3-2026",
        "YYYY-MM-DD",
        false,
    ),
    (
        "ontvangen_op",
        "Wanneer ontvangen zij deze brief?",
        "When will they receive this letter?",
        "dag-maand-jaar; met de post meestal de volgende werkdag",
        "YYYY-MM-DD; by post usually the next working day",
        false,
    ),
];

/// What the UI and the CLI show for one blank.
pub struct Labels {
    pub nl: String,
    pub en: String,
    pub hint_nl: String,
    pub hint_en: String,
    pub multiline: bool,
}

/// The labels of `key` (the key itself when it has none).
pub fn labels(key: &str) -> Labels {
    match LABELS.iter().find(|l| l.0 == key) {
        Some(&(_, nl, en, hint_nl, hint_en, multiline)) => Labels {
            nl: nl.into(),
            en: en.into(),
            hint_nl: hint_nl.into(),
            hint_en: hint_en.into(),
            multiline,
        },
        None => Labels {
            nl: key.into(),
            en: key.into(),
            hint_nl: String::new(),
            hint_en: String::new(),
            multiline: false,
        },
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
        let Labels { nl, en, .. } = labels(key);
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

#[cfg(test)]
mod tests {
    use super::LABELS;

    #[test]
    fn every_question_has_a_hint_in_both_languages() {
        for (key, nl, en, hint_nl, hint_en, _) in LABELS {
            assert!(!nl.is_empty() && !en.is_empty(), "{key}");
            assert!(!hint_nl.is_empty() && !hint_en.is_empty(), "{key}: a hint");
            // A Dutch reader types dates day first, as everywhere else in the app.
            assert!(
                !hint_nl.contains("YYYY") && !hint_nl.contains("JJJJ"),
                "{key}"
            );
        }
    }
}
