//! The user's own details, for the letters they send and for telling their own e-mails
//! from the agency's: name, postal address, e-mail address. Stored in the dossier (its
//! `settings` table), so they are encrypted like everything else.

use crate::entry::check_text;
use crate::error::{Error, Result};

/// At most this many address lines: a Dutch window envelope shows six lines in all,
/// and the name takes one.
pub const MAX_ADDRESS_LINES: usize = 5;
const MAX_CHARS: usize = 200;

/// What the user told about themselves; every part may be empty.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Profile {
    pub name: String,
    /// "Javaplein 12-2", "1094 HH Amsterdam": as written on an envelope.
    pub address: Vec<String>,
    pub email: String,
}

impl Profile {
    /// The same details with spaces trimmed and empty address lines dropped.
    pub fn normalized(&self) -> Profile {
        Profile {
            name: self.name.trim().to_string(),
            address: self
                .address
                .iter()
                .map(|l| l.trim().to_string())
                .filter(|l| !l.is_empty())
                .collect(),
            email: self.email.trim().to_string(),
        }
    }

    pub fn validate(&self) -> Result<()> {
        let p = self.normalized();
        if p.address.len() > MAX_ADDRESS_LINES {
            return Err(Error::Invalid(format!(
                "the address has more than {MAX_ADDRESS_LINES} lines"
            )));
        }
        for (what, text) in std::iter::once(("name", &p.name))
            .chain(p.address.iter().map(|l| ("address", l)))
            .chain(std::iter::once(("e-mail address", &p.email)))
        {
            check_text(what, text, false)?;
            if text.chars().count() > MAX_CHARS {
                return Err(Error::Invalid(format!(
                    "the {what} is longer than {MAX_CHARS} characters"
                )));
            }
        }
        if !p.email.is_empty() && !looks_like_email(&p.email) {
            return Err(Error::Invalid(format!(
                "'{}' is not an e-mail address (name@example.nl)",
                p.email
            )));
        }
        Ok(())
    }

    /// The town of the address: the last line without a Dutch postcode in front
    /// ("1094 HH Amsterdam" gives "Amsterdam"), for "Amsterdam, 2 december 2026".
    pub fn town(&self) -> Option<String> {
        let last = self.normalized().address.pop()?;
        let words: Vec<&str> = last.split_whitespace().collect();
        let rest = match words.as_slice() {
            [digits, letters, rest @ ..] if is_postcode(digits, letters) => rest.join(" "),
            [code, rest @ ..] if code.len() == 6 && is_postcode(&code[..4], &code[4..]) => {
                rest.join(" ")
            }
            _ => last.clone(),
        };
        Some(rest).filter(|t| !t.is_empty())
    }
}

fn is_postcode(digits: &str, letters: &str) -> bool {
    digits.len() == 4
        && digits.bytes().all(|b| b.is_ascii_digit())
        && letters.len() == 2
        && letters.bytes().all(|b| b.is_ascii_alphabetic())
}

fn looks_like_email(s: &str) -> bool {
    match s.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !s.contains(char::is_whitespace)
                && !domain.contains('@')
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_address(lines: &[&str]) -> Profile {
        Profile {
            address: lines.iter().map(|l| l.to_string()).collect(),
            ..Profile::default()
        }
    }

    #[test]
    fn the_town_comes_from_the_last_line_after_the_postcode() {
        let p = with_address(&["Javaplein 12-2", "1094 HH  Amsterdam"]);
        assert_eq!(p.town().as_deref(), Some("Amsterdam"));
        let p = with_address(&["Javaplein 12", "1094HH Amsterdam-Zuidoost"]);
        assert_eq!(p.town().as_deref(), Some("Amsterdam-Zuidoost"));
        assert_eq!(with_address(&["Diemen"]).town().as_deref(), Some("Diemen"));
        assert_eq!(with_address(&[]).town(), None);
    }

    #[test]
    fn a_wrong_email_or_a_long_address_is_refused_with_what_is_wrong() {
        let p = Profile {
            email: "fatima at example.nl".into(),
            ..Profile::default()
        };
        assert!(p.validate().unwrap_err().to_string().contains("e-mail"));
        let p = with_address(&["a", "b", "c", "d", "e", "f"]);
        assert!(p.validate().unwrap_err().to_string().contains("lines"));
        let p = Profile {
            name: "Fatima el Amrani".into(),
            address: vec!["Javaplein 12".into(), "1094 HH Amsterdam".into()],
            email: "fatima@example.nl".into(),
        };
        assert!(p.validate().is_ok());
    }
}
