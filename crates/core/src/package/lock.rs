//! The password on `overzicht.pdf`: standard PDF encryption, AES-256 (revision 6, PDF
//! 2.0), which every current PDF reader opens with the password.

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
