//! The age X25519 identity every backup is encrypted to. It is derived from the
//! recovery code, so the printed code alone opens any backup of the dossier, whatever
//! the passphrase is by then; only its public half (the recipient) is kept in the
//! dossier, so making a backup needs no secret typed.

use std::str::FromStr;

use age::secrecy::ExposeSecret;
use ring::hkdf;
use zeroize::Zeroizing;

use crate::error::{Error, Result};
use crate::store::settings;
use crate::vault::{Dossier, RecoveryCode};

/// Domain separation: a recovery code's bytes also wrap the data key (its key slot);
/// the backup key must be independent of that use.
const SALT: &[u8] = b"dossierkluis backup identity v1";
const INFO: &[u8] = b"age x25519 secret key";

struct Len32;
impl hkdf::KeyType for Len32 {
    fn len(&self) -> usize {
        32
    }
}

/// The secret age identity (`AGE-SECRET-KEY-1…`) that decrypts every backup made
/// while `code` was the dossier's recovery code.
pub struct BackupIdentity(age::x25519::Identity);

impl std::fmt::Debug for BackupIdentity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("BackupIdentity(..)")
    }
}

impl BackupIdentity {
    /// HKDF-SHA256 over the recovery code's 128 secret bits gives the X25519 secret
    /// scalar (age clamps it when used, as for any generated key).
    pub fn from_recovery_code(code: &RecoveryCode) -> Result<BackupIdentity> {
        let prk = hkdf::Salt::new(hkdf::HKDF_SHA256, SALT).extract(code.secret());
        let mut scalar = Zeroizing::new([0u8; 32]);
        prk.expand(&[INFO], Len32)
            .and_then(|okm| okm.fill(scalar.as_mut()))
            .map_err(|_| Error::Invalid("deriving the backup key failed".into()))?;
        let hrp = bech32::Hrp::parse("age-secret-key-")
            .map_err(|_| Error::Invalid("the age key prefix is invalid".into()))?;
        let encoded = Zeroizing::new(
            bech32::encode::<bech32::Bech32>(hrp, scalar.as_ref())
                .map_err(|_| Error::Invalid("encoding the backup key failed".into()))?
                .to_uppercase(),
        );
        let identity = age::x25519::Identity::from_str(&encoded)
            .map_err(|_| Error::Invalid("the derived backup key was not accepted".into()))?;
        Ok(BackupIdentity(identity))
    }

    /// The identity as the `age` tool reads it (`age -d -i FILE`).
    pub fn to_age_secret(&self) -> Zeroizing<String> {
        Zeroizing::new(self.0.to_string().expose_secret().to_string())
    }

    /// The public recipient (`age1…`) that backups are encrypted to.
    pub fn recipient(&self) -> String {
        self.0.to_public().to_string()
    }

    pub(crate) fn age(&self) -> &age::x25519::Identity {
        &self.0
    }
}

/// The recipient (`age1…`) that matches `code`; what the dossier stores.
pub fn recipient_for(code: &RecoveryCode) -> Result<String> {
    Ok(BackupIdentity::from_recovery_code(code)?.recipient())
}

impl Dossier {
    /// Stores the backup recipient derived from `code`. Called when a dossier is made,
    /// when it is opened with its recovery code and no recipient is stored yet, and
    /// whenever the recovery code is replaced (backups made before then keep opening
    /// with the old code only).
    pub fn set_backup_recipient_from(&mut self, code: &RecoveryCode) -> Result<()> {
        let recipient = recipient_for(code)?;
        self.write(|tx| settings::set(tx, settings::BACKUP_RECIPIENT, &recipient))
    }

    /// The stored backup recipient, if the dossier has one (dossiers made before
    /// backups existed get it when first opened with the recovery code).
    pub fn backup_recipient(&self) -> Result<Option<String>> {
        settings::get(self.conn(), settings::BACKUP_RECIPIENT)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_code_same_identity_other_code_other_identity() {
        let one = RecoveryCode::from_secret_for_tests([1u8; 16]);
        let two = RecoveryCode::from_secret_for_tests([2u8; 16]);
        let id1 = BackupIdentity::from_recovery_code(&one).unwrap();
        let id1b = BackupIdentity::from_recovery_code(&one).unwrap();
        let id2 = BackupIdentity::from_recovery_code(&two).unwrap();
        assert_eq!(id1.recipient(), id1b.recipient());
        assert_ne!(id1.recipient(), id2.recipient());
        assert!(id1.recipient().starts_with("age1"));
        assert!(id1.to_age_secret().starts_with("AGE-SECRET-KEY-1"));
        // The printed secret is what the age tool reads back to the same recipient.
        let back = age::x25519::Identity::from_str(&id1.to_age_secret()).unwrap();
        assert_eq!(back.to_public().to_string(), id1.recipient());
    }
}
