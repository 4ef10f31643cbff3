//! Where the CLI gets secrets: environment variables for scripts (an empty one counts
//! as unset), else a prompt without echo. Secrets live in zeroizing strings.

use std::io::IsTerminal;

use dossier_core::RecoveryCode;
use zeroize::Zeroizing;

use crate::messages::{CliError, Lang};

pub const PASSPHRASE_ENV: &str = "DOSSIER_PASSPHRASE";
pub const RECOVERY_ENV: &str = "DOSSIER_RECOVERY_CODE";
pub const NEW_PASSPHRASE_ENV: &str = "DOSSIER_NEW_PASSPHRASE";

/// The secret that opens an existing dossier.
pub enum Secret {
    Passphrase(Zeroizing<String>),
    Recovery(RecoveryCode),
}

/// The variable `name`, when it is set and not empty. `DOSSIER_PASSPHRASE=` (set but
/// empty, e.g. left over in a script) counts as unset: it must not win over a recovery
/// code, and no dossier can have an empty passphrase anyway.
fn from_env(name: &str) -> Option<Zeroizing<String>> {
    let value = Zeroizing::new(std::env::var(name).ok()?);
    (!value.is_empty()).then_some(value)
}

fn prompt(text: &str) -> Result<Zeroizing<String>, CliError> {
    if !std::io::stdin().is_terminal() {
        return Err(CliError::NoSecret);
    }
    rpassword::prompt_password(text)
        .map(Zeroizing::new)
        .map_err(|_| CliError::NoSecret)
}

/// Passphrase from `DOSSIER_PASSPHRASE`, else the recovery code from
/// `DOSSIER_RECOVERY_CODE`, else a prompt.
pub fn unlock_secret(lang: Lang) -> Result<Secret, CliError> {
    if let Some(p) = from_env(PASSPHRASE_ENV) {
        return Ok(Secret::Passphrase(p));
    }
    if let Some(code) = from_env(RECOVERY_ENV) {
        return Ok(Secret::Recovery(RecoveryCode::parse(&code)?));
    }
    let text = lang.pick("Wachtwoord: ", "Passphrase: ");
    Ok(Secret::Passphrase(prompt(text)?))
}

/// A new passphrase from `env`, else asked twice.
pub fn new_passphrase(env: &str, lang: Lang) -> Result<Zeroizing<String>, CliError> {
    if let Some(p) = from_env(env) {
        return Ok(p);
    }
    let first = prompt(lang.pick("Nieuw wachtwoord: ", "New passphrase: "))?;
    let again = prompt(lang.pick("Nog een keer: ", "Once more: "))?;
    if *first != *again {
        return Err(CliError::Mismatch);
    }
    Ok(first)
}

/// The recovery code from `DOSSIER_RECOVERY_CODE`, else a prompt (backups open with
/// the recovery code only).
pub fn recovery_code(lang: Lang) -> Result<RecoveryCode, CliError> {
    if let Some(code) = from_env(RECOVERY_ENV) {
        return Ok(RecoveryCode::parse(&code)?);
    }
    if !std::io::stdin().is_terminal() {
        return Err(CliError::NoRecoveryCode);
    }
    let typed = prompt(lang.pick("Herstelcode: ", "Recovery code: "))?;
    Ok(RecoveryCode::parse(&typed)?)
}

pub const PDF_PASSWORD_ENV: &str = "DOSSIER_PDF_PASSWORD";

/// The password for the package's PDF from `DOSSIER_PDF_PASSWORD`, else asked twice.
pub fn pdf_password(lang: Lang) -> Result<Zeroizing<String>, CliError> {
    if let Some(p) = from_env(PDF_PASSWORD_ENV) {
        return Ok(p);
    }
    let first = prompt(lang.pick(
        "Wachtwoord voor de PDF (voor de advocaat): ",
        "Password for the PDF (for the lawyer): ",
    ))?;
    let again = prompt(lang.pick("Nog een keer: ", "Once more: "))?;
    if *first != *again {
        return Err(CliError::Mismatch);
    }
    if first.trim().is_empty() {
        return Err(CliError::NoSecret);
    }
    Ok(first)
}
