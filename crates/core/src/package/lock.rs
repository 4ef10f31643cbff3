//! The password on `overzicht.pdf`: standard PDF encryption, AES-256 (revision 6, PDF
//! 2.0), which every current PDF reader opens with the password; and a password the
//! app can suggest, made to be read out over the phone.

use std::collections::BTreeMap;
use std::sync::Arc;

use lopdf::encryption::crypt_filters::{Aes256CryptFilter, CryptFilter};
use lopdf::{Document, EncryptionState, EncryptionVersion, Permissions};
use ring::rand::SecureRandom;

use crate::error::{Error, Result};

/// `pdf` encrypted with `password` (user and owner alike: the advocate may print and
/// copy); `rng` gives the 256-bit file key.
pub fn encrypt(pdf: &[u8], password: &str, rng: &dyn SecureRandom) -> Result<Vec<u8>> {
    if password.is_empty() {
        return Err(Error::Invalid("the PDF password is empty".into()));
    }
    let fail = |what: &str, e: &dyn std::fmt::Display| {
        Error::io(what.to_string(), std::io::Error::other(e.to_string()))
    };
    let mut doc = Document::load_mem(pdf).map_err(|e| fail("read the bundle", &e))?;
    drop_pdfa_claim(&mut doc);
    let mut key = zeroize::Zeroizing::new([0u8; 32]);
    rng.fill(key.as_mut())
        .map_err(|_| fail("make the PDF key", &"no random numbers"))?;
    let filter: Arc<dyn CryptFilter> = Arc::new(Aes256CryptFilter);
    let state = EncryptionState::try_from(EncryptionVersion::V5 {
        encrypt_metadata: true,
        crypt_filters: BTreeMap::from([(b"StdCF".to_vec(), filter)]),
        file_encryption_key: key.as_ref(),
        stream_filter: b"StdCF".to_vec(),
        string_filter: b"StdCF".to_vec(),
        owner_password: password,
        user_password: password,
        permissions: Permissions::default(),
    })
    .map_err(|e| fail("set up the PDF password", &e))?;
    doc.encrypt(&state)
        .map_err(|e| fail("encrypt the bundle", &e))?;
    let mut out = Vec::new();
    doc.save_to(&mut out)
        .map_err(|e| fail("write the bundle", &e))?;
    Ok(out)
}

/// PDF/A forbids encryption, so the locked copy must not claim PDF/A-2b.
fn drop_pdfa_claim(doc: &mut Document) {
    let Some(id) = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"Metadata").ok())
        .and_then(|o| o.as_reference().ok())
    else {
        return;
    };
    if let Ok(lopdf::Object::Stream(s)) = doc.get_object_mut(id) {
        let packet = String::from_utf8_lossy(&s.content).into_owned();
        s.set_content(crate::export::xmp::without_claim(&packet).into_bytes());
    }
}

/// Letters and digits that cannot be mistaken for each other when read aloud or
/// written down: no 0/o, 1/l/i, and no capitals (the caller need not say "capital").
const PHONE_ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";

/// Groups of [`PHONE_GROUP`] characters, [`PHONE_GROUPS`] of them: 15 characters from
/// 31 give 74 bits, far beyond guessing even with the PDF's fast key check.
const PHONE_GROUP: usize = 5;
const PHONE_GROUPS: usize = 3;

/// A password for the PDF, to be given by phone: "k7mxp-2trwa-9qhde". `rng` gives the
/// randomness.
pub fn phone_password(rng: &dyn SecureRandom) -> Result<String> {
    let mut failed = false;
    let password = password_from(|| {
        let mut byte = [0u8; 1];
        failed |= rng.fill(&mut byte).is_err();
        // A failing source ends the loop (every byte refused would never end).
        if failed {
            0
        } else {
            byte[0]
        }
    });
    if failed {
        return Err(Error::io(
            "make a password".to_string(),
            std::io::Error::other("no random numbers"),
        ));
    }
    Ok(password)
}

/// The password from a stream of random bytes, by rejection sampling: a byte at or
/// above the largest multiple of the alphabet's length is drawn again, so every
/// character is equally likely.
fn password_from(mut next: impl FnMut() -> u8) -> String {
    let n = PHONE_ALPHABET.len();
    let limit = 256 - 256 % n;
    let mut out = String::with_capacity(PHONE_GROUP * PHONE_GROUPS + PHONE_GROUPS);
    let mut made = 0;
    while made < PHONE_GROUP * PHONE_GROUPS {
        let b = usize::from(next());
        if b >= limit {
            continue;
        }
        if made > 0 && made % PHONE_GROUP == 0 {
            out.push('-');
        }
        out.push(char::from(PHONE_ALPHABET[b % n]));
        made += 1;
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_phone_password_is_three_groups_of_unmistakable_characters() {
        let rng = ring::rand::SystemRandom::new();
        let a = phone_password(&rng).unwrap();
        let b = phone_password(&rng).unwrap();
        assert_ne!(a, b);
        let groups: Vec<&str> = a.split('-').collect();
        assert_eq!(groups.len(), 3, "{a}");
        for g in groups {
            assert_eq!(g.len(), 5, "{a}");
            assert!(g.bytes().all(|c| PHONE_ALPHABET.contains(&c)), "{a}");
        }
        for confusable in ['0', 'o', '1', 'l', 'i', 'O', 'I'] {
            assert!(!PHONE_ALPHABET.contains(&(confusable as u8)));
        }
    }

    #[test]
    fn bytes_that_would_favour_some_characters_are_drawn_again() {
        // 248 = 8 × 31 is the first byte refused; 255 too. Then 0, 1, 2 … map in order.
        let mut bytes = vec![248u8, 255];
        bytes.extend(0..15);
        let mut it = bytes.into_iter();
        let password = password_from(|| it.next().unwrap_or(0));
        assert_eq!(password, "abcde-fghjk-mnpqr");
    }
}
