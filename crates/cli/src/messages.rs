//! What the CLI says when something fails: one clear line in Dutch or English, and a
//! distinct exit code per kind of failure (documented in the README).

use dossier_core::Error;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Nl,
    En,
}

impl Lang {
    /// Dutch when `LANG` (or `LC_ALL`, `LC_MESSAGES`) starts with `nl`.
    pub fn from_env() -> Lang {
        let pick = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find(|v| !v.is_empty())
            .unwrap_or_default();
        if pick.starts_with("nl") {
            Lang::Nl
        } else {
            Lang::En
        }
    }

    pub fn pick<'a>(self, nl: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }
}

/// Failures of the CLI: the core's, plus the few only a command line has.
#[derive(Debug)]
pub enum CliError {
    Core(Error),
    /// No passphrase in the environment and no terminal to ask on.
    NoSecret,
    /// The two typed passphrases differ.
    Mismatch,
    /// Writing the output failed (e.g. a closed pipe).
    Output(std::io::Error),
    /// No (live) case has this id.
    UnknownCase(i64),
    /// A backup command needs the recovery code and there is none to read.
    NoRecoveryCode,
    /// `letter --exhibit N`: the overview has no exhibit N a letter can send along.
    UnknownExhibit {
        label: String,
        known: Vec<String>,
    },
}

impl From<Error> for CliError {
    fn from(e: Error) -> Self {
        CliError::Core(e)
    }
}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> Self {
        CliError::Output(e)
    }
}

/// The line to print and the exit code. Codes are a contract: never renumber.
pub fn explain(e: &CliError, lang: Lang) -> (String, u8) {
    let (nl, en, code): (String, String, u8) = match e {
        CliError::Core(e) => core_message(e),
        CliError::NoSecret => (
            "Geen wachtwoord: zet DOSSIER_PASSPHRASE of start dossier in een terminal".into(),
            "No passphrase: set DOSSIER_PASSPHRASE or run dossier in a terminal".into(),
            16,
        ),
        CliError::Mismatch => (
            "De twee wachtwoorden zijn niet gelijk; er is niets veranderd".into(),
            "The two passphrases differ; nothing was changed".into(),
            17,
        ),
        CliError::Output(err) => (
            format!("Kon de uitvoer niet schrijven: {err}"),
            format!("Could not write the output: {err}"),
            1,
        ),
        CliError::UnknownCase(id) => (
            format!("er is geen zaak met nummer {id}. Kijk met dossier cases welke zaken er zijn"),
            format!(
                "there is no case with number {id}. See which cases there are with dossier cases"
            ),
            20,
        ),
        CliError::NoRecoveryCode => (
            "Geen herstelcode: zet DOSSIER_RECOVERY_CODE of start dossier in een terminal".into(),
            "No recovery code: set DOSSIER_RECOVERY_CODE or run dossier in a terminal".into(),
            45,
        ),
        CliError::UnknownExhibit { label, known } => {
            let (nl, en) = if known.is_empty() {
                (
                    "er zijn nog geen bijlagen in uw dossier om mee te sturen".to_string(),
                    "there are no exhibits in your dossier to send along yet".to_string(),
                )
            } else {
                (
                    format!("de bijlagen die mee kunnen zijn {}", known.join(", ")),
                    format!("the exhibits that can go along are {}", known.join(", ")),
                )
            };
            (
                format!("er is geen bijlage {label} om mee te sturen; {nl} (de nummers van het overzicht van uw dossier; een kopie van het besluit gaat altijd mee). Er is niets geschreven"),
                format!("there is no exhibit {label} to send along; {en} (the numbers of your dossier's overview; a copy of the decision always goes along). Nothing was written"),
                52,
            )
        }
    };
    let text = match lang {
        Lang::Nl => format!("Fout: {nl}"),
        Lang::En => format!("Error: {en}"),
    };
    (text, code)
}

fn core_message(e: &Error) -> (String, String, u8) {
    match e {
        Error::WrongPassphrase => (
            "het wachtwoord klopt niet. Probeer het opnieuw of gebruik uw herstelcode (DOSSIER_RECOVERY_CODE)".into(),
            "the passphrase is not right. Try again or use your recovery code (DOSSIER_RECOVERY_CODE)".into(),
            3,
        ),
        Error::WrongRecoveryCode => (
            "deze herstelcode hoort niet bij dit dossier".into(),
            "this recovery code does not belong to this dossier".into(),
            4,
        ),
        Error::RecoveryCodeTypo(d) => (
            format!("er zit een tikfout in de herstelcode ({d}). Kijk hem nog eens goed na"),
            format!("the recovery code has a typing error ({d}). Please check it again"),
            5,
        ),
        Error::NotADossier(d) => (
            format!("dit is geen dossier van Dossierkluis: {d}"),
            format!("this is not a Dossierkluis dossier: {d}"),
            6,
        ),
        Error::Damaged(d) => (
            format!("het dossier is beschadigd ({d}). Verander er niets aan en zet een reservekopie terug"),
            format!("the dossier is damaged ({d}). Do not change it; restore a backup"),
            7,
        ),
        Error::EntriesMissing {
            saved_entries,
            found_entries,
            missing_versions,
        } => {
            let gone = saved_entries.saturating_sub(*found_entries);
            let nl = if gone > 0 {
                format!("het dossier is beschadigd: {gone} van de {saved_entries} opgeslagen registraties zijn niet te lezen")
            } else {
                format!("het dossier is beschadigd: de laatste {missing_versions} opgeslagen wijzigingen zijn niet te lezen")
            };
            (
                format!("{nl}. Er is niets gewist en niets veranderd. Zet een reservekopie terug, of laat iemand met verstand van computers naar de map kijken (het bestand dossier.db-wal hoort erbij)"),
                format!("{e}. Restore a backup, or have someone who knows computers look at the folder (keep the file dossier.db-wal with it)"),
                30,
            )
        }
        Error::InUse => (
            "dit dossier is al open (in Dossierkluis of in een ander programma)".into(),
            "this dossier is already open (in Dossierkluis or in another program)".into(),
            31,
        ),
        Error::SyncConflict(names) => (
            format!("in de dossiermap staat een tweede kopie die een synchronisatieprogramma heeft gemaakt ({names}). Zet die kopie buiten de map voordat u het dossier opent; er kunnen registraties in staan die niet in het echte dossier staan"),
            format!("a sync program left a second copy in the dossier folder ({names}). Move it out of the folder before opening the dossier; it may hold entries that are not in the real one"),
            32,
        ),
        Error::TooNew { .. } => (
            "dit dossier is gemaakt met een nieuwere versie van Dossierkluis. Werk het programma bij".into(),
            "this dossier was made by a newer version of Dossierkluis. Please update the program".into(),
            8,
        ),
        Error::AlreadyExists(p) => (
            format!("er staat al iets in {p}; kies een lege of nieuwe map"),
            format!("there is already something in {p}; choose an empty or new folder"),
            9,
        ),
        Error::FileExists(p) => (
            format!(
                "het bestand {p} bestaat al; Dossierkluis schrijft er niet overheen. Kies een andere bestandsnaam"
            ),
            format!(
                "the file {p} already exists; Dossierkluis does not write over it. Choose another file name"
            ),
            9,
        ),
        Error::DiskFull(w) => (
            format!("de schijf is vol ({w}). Maak ruimte vrij; er is niets verloren"),
            format!("the disk is full ({w}). Free some space; nothing was lost"),
            10,
        ),
        Error::NotFound(p) => (
            format!("er is geen bestand {p}; kijk de naam en de map na"),
            format!("there is no file {p}; check the name and the folder"),
            21,
        ),
        Error::PermissionDenied(w) => (
            format!("geen toestemming voor {w}"),
            format!("no permission for {w}"),
            11,
        ),
        Error::Io { what, source } => (
            format!("kon niet {what}: {source}"),
            format!("could not {what}: {source}"),
            12,
        ),
        Error::Invalid(d) => (format!("ongeldige invoer: {d}"), format!("invalid input: {d}"), 13),
        Error::PassphraseTooShort { min } => (
            format!("het wachtwoord moet minstens {min} tekens hebben"),
            format!("the passphrase must have at least {min} characters"),
            14,
        ),
        Error::AttachmentEmpty(name) => (
            format!("het bestand {name} is leeg; er is niets toegevoegd"),
            format!("the file {name} is empty; nothing was added"),
            18,
        ),
        Error::AttachmentTooLarge { name, max_mb } => (
            format!("het bestand {name} is groter dan {max_mb} MB; er is niets toegevoegd"),
            format!("the file {name} is larger than {max_mb} MB; nothing was added"),
            19,
        ),
        Error::Locked => (
            "het dossier is vergrendeld".into(),
            "the dossier is locked".into(),
            15,
        ),
        Error::BackupWrongSecret => (
            "deze herstelcode opent deze reservekopie niet (hij hoort bij een ander dossier of een oude herstelcode); er is niets geschreven".into(),
            "this recovery code does not open this backup (it belongs to another dossier or an old recovery code); nothing was written".into(),
            40,
        ),
        Error::BackupDamaged(d) => (
            format!("de reservekopie is beschadigd of veranderd ({d}); er is niets geschreven. Gebruik een andere reservekopie"),
            format!("the backup is damaged or was changed ({d}); nothing was written. Use another backup"),
            41,
        ),
        Error::BackupTruncated => (
            "de reservekopie is niet compleet: het bestand is afgebroken (bijvoorbeeld bij het kopiëren of een volle stick); er is niets geschreven".into(),
            "the backup is incomplete: the file was cut off (for example while copying, or a full stick); nothing was written".into(),
            42,
        ),
        Error::BackupTooNew { app_version } => (
            format!("deze reservekopie is gemaakt met een nieuwere versie van Dossierkluis ({app_version}). Werk het programma bij"),
            format!("this backup was made by a newer version of Dossierkluis ({app_version}). Please update the program"),
            43,
        ),
        Error::BackupNeedsRecoveryCode => (
            "open het dossier één keer met de herstelcode (DOSSIER_RECOVERY_CODE) voordat u de eerste reservekopie maakt".into(),
            "open the dossier once with the recovery code (DOSSIER_RECOVERY_CODE) before making the first backup".into(),
            44,
        ),
        Error::LetterIncomplete(missing) => {
            let nl: Vec<&str> = missing.iter().map(|m| m.nl.as_str()).collect();
            let en: Vec<&str> = missing.iter().map(|m| m.en.as_str()).collect();
            (
                format!("de brief kan nog niet worden gemaakt; dit ontbreekt: {}. Er is niets geschreven", nl.join(", ")),
                format!("the letter cannot be made yet; missing: {}. Nothing was written", en.join(", ")),
                50,
            )
        }
        Error::LetterNotOffered { nl, en } => (
            format!("{nl}. Er is niets geschreven"),
            format!("{en}. Nothing was written"),
            51,
        ),
        Error::MailRefused(problems) => {
            let en: Vec<String> = problems.iter().map(ToString::to_string).collect();
            let nl: Vec<String> = problems.iter().map(mail_problem_nl).collect();
            let no_date = e.code() == "mail_needs_date";
            let (hint_nl, hint_en) = if no_date {
                (". Geef de datum met --date JJJJ-MM-DD", ". Give the date with --date YYYY-MM-DD")
            } else {
                ("", "")
            };
            (
                format!("er is niets geïmporteerd; {}{hint_nl}", nl.join("; ")),
                format!("nothing was imported; {}{hint_en}", en.join("; ")),
                if no_date { 61 } else { 60 },
            )
        }
        Error::MailNeedsOwnAddress => (
            "uw eigen e-mailadres is nog niet bekend; geef het één keer op met dossier profile DIR --email uw@adres.nl, zodat uw eigen e-mails te onderscheiden zijn van ontvangen e-mails. Er is niets geïmporteerd".into(),
            "your own e-mail address is not known yet; give it once with dossier profile DIR --email you@example.nl, so your own e-mails are told apart from those you received. Nothing was imported".into(),
            62,
        ),
        Error::VerslagChanged { nl, en } => (
            format!("{nl}. Er is niets veranderd"),
            format!("{en}. Nothing was changed"),
            63,
        ),
        Error::OcrUnavailable(why) => (
            format!("tekst lezen uit foto's kan hier niet: {}", ocr_why_nl(why)),
            format!("text cannot be read from pictures here: {why}"),
            64,
        ),
        Error::Cancelled => ("gestopt; er is niets bewaard".into(), "stopped; nothing was saved".into(), 65),
        other => (other.to_string(), other.to_string(), 1),
    }
}

fn ocr_why_nl(why: &str) -> &str {
    if why.contains("Dutch language data") {
        "de Nederlandse taaldata van Tesseract ontbreekt (Debian: apt install tesseract-ocr-nld)"
    } else {
        "het programma Tesseract start niet"
    }
}

fn mail_problem_nl(p: &dossier_core::mail::MailProblem) -> String {
    use dossier_core::mail::MailProblemKind as K;
    match &p.kind {
        K::Unreadable(why) => format!("{}: niet te lezen als e-mail ({why})", p.file),
        K::NoDate => format!("{}: het bericht heeft geen datum", p.file),
        K::Refused(why) => format!("{}: {why}", p.file),
    }
}
