//! Passphrase key derivation (Argon2id) and its parameters, which travel with each slot.

use argon2::{Algorithm, Argon2, Params, Version};
use zeroize::Zeroizing;

use crate::error::{Error, Result};

/// OWASP's floor for Argon2id (2023 cheat sheet: m = 19 MiB, t = 2, p = 1). The
/// default is far above it; lighter parameters exist only for tests.
pub const OWASP_MIN_MEMORY_KIB: u32 = 19 * 1024;

/// Argon2id cost parameters. Stored beside the wrapped key and authenticated with it,
/// so an attacker who lowers them in the file only breaks the slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KdfParams {
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
}

impl KdfParams {
    /// What new dossiers get: 128 MiB, 5 passes. Measured at about 0.5 s in a release
    /// build on the project's 2-core machines (`make bench` prints it), which is slow
    /// for an attacker guessing and still calm for a person unlocking.
    pub const DEFAULT: KdfParams = KdfParams {
        memory_kib: 128 * 1024,
        iterations: 5,
        parallelism: 1,
    };

    /// Cheap parameters so tests can create many dossiers. Never used by the binaries.
    pub const INSECURE_FOR_TESTS: KdfParams = KdfParams {
        memory_kib: 64,
        iterations: 1,
        parallelism: 1,
    };

    /// The most a key-slot file may ask for: 1 GiB, 32 passes, 8 lanes (8 times the
    /// default's memory; Argon2's own limits would allow 4 TiB).
    pub const CAP: KdfParams = KdfParams {
        memory_kib: 1024 * 1024,
        iterations: 32,
        parallelism: 8,
    };

    /// True when no parameter exceeds [`KdfParams::CAP`].
    pub fn within_caps(&self) -> bool {
        self.memory_kib <= Self::CAP.memory_kib
            && self.iterations <= Self::CAP.iterations
            && self.parallelism <= Self::CAP.parallelism
    }

    /// True when these parameters meet OWASP's minimum for Argon2id.
    pub fn meets_owasp_minimum(&self) -> bool {
        self.memory_kib >= OWASP_MIN_MEMORY_KIB && self.iterations >= 2 && self.parallelism >= 1
    }

    fn argon2(&self) -> Result<Argon2<'static>> {
        let params = Params::new(self.memory_kib, self.iterations, self.parallelism, Some(32))
            .map_err(|e| Error::Damaged(format!("key-slot KDF parameters are invalid: {e}")))?;
        Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
    }
}

/// Derives the 256-bit key-encryption key from a passphrase.
pub(crate) fn derive(
    passphrase: &str,
    salt: &[u8],
    params: &KdfParams,
) -> Result<Zeroizing<[u8; 32]>> {
    let mut out = Zeroizing::new([0u8; 32]);
    params
        .argon2()?
        .hash_password_into(passphrase.as_bytes(), salt, out.as_mut())
        .map_err(|e| Error::Damaged(format!("key derivation failed: {e}")))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_parameters_meet_owasp_and_the_64_mib_floor() {
        let d = KdfParams::DEFAULT;
        assert!(d.meets_owasp_minimum());
        assert!(d.memory_kib >= 64 * 1024, "default must be at least 64 MiB");
        assert!(!KdfParams::INSECURE_FOR_TESTS.meets_owasp_minimum());
    }

    #[test]
    fn same_input_same_key_and_any_change_changes_it() {
        let p = KdfParams::INSECURE_FOR_TESTS;
        let a = derive("correct horse", b"0123456789abcdef", &p).unwrap();
        let b = derive("correct horse", b"0123456789abcdef", &p).unwrap();
        let c = derive("correct horsf", b"0123456789abcdef", &p).unwrap();
        let d = derive("correct horse", b"0123456789abcdeF", &p).unwrap();
        let mut p2 = p;
        p2.iterations = 2;
        let e = derive("correct horse", b"0123456789abcdef", &p2).unwrap();
        assert_eq!(*a, *b);
        assert_ne!(*a, *c);
        assert_ne!(*a, *d);
        assert_ne!(*a, *e);
    }
}
