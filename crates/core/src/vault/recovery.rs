//! The printed recovery code: 128 random bits plus a 32-bit checksum, written as eight
//! groups of four characters that are easy to read aloud and to type back.

use data_encoding::{Encoding, Specification};
use ring::digest;
use ring::rand::SecureRandom;
use zeroize::{Zeroize, Zeroizing};

use crate::error::{Error, Result};

const SECRET_LEN: usize = 16;
const CHECK_LEN: usize = 4;
const GROUPS: usize = 8;
const GROUP_LEN: usize = 4;
/// Crockford's alphabet: no I, L, O or U, so nothing looks like 1, 0 or V.
const ALPHABET: &str = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

fn encoding() -> Encoding {
    let mut spec = Specification::new();
    spec.symbols.push_str(ALPHABET);
    spec.encoding()
        .expect("static base32 specification is valid")
}

fn checksum(secret: &[u8]) -> [u8; CHECK_LEN] {
    let mut ctx = digest::Context::new(&digest::SHA256);
    ctx.update(b"dossierkluis recovery code v1\0");
    ctx.update(secret);
    let d = ctx.finish();
    let mut out = [0u8; CHECK_LEN];
    out.copy_from_slice(&d.as_ref()[..CHECK_LEN]);
    out
}

/// A parsed, checksum-verified recovery code. The secret is wiped when dropped.
pub struct RecoveryCode {
    secret: Zeroizing<[u8; SECRET_LEN]>,
}

impl std::fmt::Debug for RecoveryCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RecoveryCode(..)")
    }
}

impl RecoveryCode {
    pub(crate) fn generate(rng: &dyn SecureRandom) -> Result<RecoveryCode> {
        let mut secret = Zeroizing::new([0u8; SECRET_LEN]);
        rng.fill(secret.as_mut())
            .map_err(|_| Error::Invalid("the system random source failed".into()))?;
        Ok(RecoveryCode { secret })
    }

    #[cfg(test)]
    pub(crate) fn from_secret_for_tests(bytes: [u8; SECRET_LEN]) -> RecoveryCode {
        RecoveryCode {
            secret: Zeroizing::new(bytes),
        }
    }

    pub(crate) fn secret(&self) -> &[u8] {
        self.secret.as_ref()
    }

    /// The code as printed: `XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX`.
    pub fn display(&self) -> Zeroizing<String> {
        let mut raw = Zeroizing::new([0u8; SECRET_LEN + CHECK_LEN]);
        raw[..SECRET_LEN].copy_from_slice(self.secret.as_ref());
        raw[SECRET_LEN..].copy_from_slice(&checksum(self.secret.as_ref()));
        let plain = Zeroizing::new(encoding().encode(raw.as_ref()));
        let mut out = Zeroizing::new(String::with_capacity(GROUPS * (GROUP_LEN + 1)));
        for (i, c) in plain.chars().enumerate() {
            if i > 0 && i % GROUP_LEN == 0 {
                out.push('-');
            }
            out.push(c);
        }
        out
    }

    /// Reads a typed code. Case, spaces and dashes do not matter, and the letters that
    /// people confuse with digits (O, I, L) are read as the digits. A typo is reported
    /// as [`Error::RecoveryCodeTypo`] before any decryption is attempted.
    pub fn parse(input: &str) -> Result<RecoveryCode> {
        let mut norm = Zeroizing::new(String::with_capacity(GROUPS * GROUP_LEN));
        for c in input.chars() {
            match c.to_ascii_uppercase() {
                ' ' | '-' | '\t' | '\n' | '\r' => {}
                'O' => norm.push('0'),
                'I' | 'L' => norm.push('1'),
                c if ALPHABET.contains(c) => norm.push(c),
                other => {
                    return Err(Error::RecoveryCodeTypo(format!(
                        "the character '{other}' does not occur in recovery codes"
                    )))
                }
            }
        }
        let want = GROUPS * GROUP_LEN;
        if norm.len() != want {
            return Err(Error::RecoveryCodeTypo(format!(
                "a recovery code has {want} characters, this one has {}",
                norm.len()
            )));
        }
        let mut raw = Zeroizing::new(
            encoding()
                .decode(norm.as_bytes())
                .map_err(|_| Error::RecoveryCodeTypo("the code cannot be read".into()))?,
        );
        let mut secret = Zeroizing::new([0u8; SECRET_LEN]);
        secret.copy_from_slice(&raw[..SECRET_LEN]);
        // The checksum guards against typos, not attackers: a plain comparison is fine.
        let ok = raw[SECRET_LEN..] == checksum(secret.as_ref());
        raw.zeroize();
        if !ok {
            return Err(Error::RecoveryCodeTypo(
                "the check characters do not fit; a character was probably mistyped".into(),
            ));
        }
        Ok(RecoveryCode { secret })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ring::rand::SystemRandom;

    #[test]
    fn printed_code_reads_back_in_any_spelling() {
        let code = RecoveryCode::generate(&SystemRandom::new()).unwrap();
        let shown = code.display();
        assert_eq!(shown.len(), 8 * 4 + 7);
        assert_eq!(shown.split('-').count(), 8);
        let typed = shown.to_lowercase().replace('-', " ");
        let back = RecoveryCode::parse(&typed).unwrap();
        assert_eq!(back.secret(), code.secret());
    }

    #[test]
    fn every_single_character_typo_is_caught_as_a_typo() {
        let code = RecoveryCode::generate(&SystemRandom::new()).unwrap();
        let shown: Vec<char> = code.display().chars().collect();
        for i in (0..shown.len()).filter(|&i| shown[i] != '-') {
            for replacement in ALPHABET.chars().filter(|&c| c != shown[i]) {
                let mut typo = shown.clone();
                typo[i] = replacement;
                let typed: String = typo.into_iter().collect();
                match RecoveryCode::parse(&typed) {
                    Err(Error::RecoveryCodeTypo(_)) => {}
                    other => panic!("typo at {i} not caught: {other:?}"),
                }
            }
        }
    }

    #[test]
    fn wrong_length_and_foreign_characters_are_typos() {
        for bad in [
            "",
            "ABCD-EFGH",
            "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-678U",
            "é",
        ] {
            assert!(matches!(
                RecoveryCode::parse(bad),
                Err(Error::RecoveryCodeTypo(_))
            ));
        }
    }
}
