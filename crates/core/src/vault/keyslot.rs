//! The key-slot file: the data key wrapped once per secret (passphrase, recovery code),
//! each wrap bound to its KDF parameters, and the file guarded by a checksum.

use ring::aead::{Aad, LessSafeKey, Nonce, UnboundKey, AES_256_GCM, NONCE_LEN};
use ring::digest;
use ring::hkdf;
use ring::rand::SecureRandom;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::kdf::{self, KdfParams};
use crate::error::{Error, Result};

pub(crate) const FORMAT: &str = "dossierkluis-keyslots";
pub(crate) const VERSION: u32 = 1;
const SALT_LEN: usize = 16;

pub(crate) type DataKey = Zeroizing<[u8; 32]>;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(tag = "alg", rename_all = "kebab-case")]
pub(crate) enum Kdf {
    Argon2id {
        memory_kib: u32,
        iterations: u32,
        parallelism: u32,
        salt: String,
    },
    /// The recovery code already carries 128 random bits, so a fast KDF is enough.
    HkdfSha256 { salt: String },
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum SlotKind {
    Passphrase,
    Recovery,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Slot {
    pub kind: SlotKind,
    pub kdf: Kdf,
    pub nonce: String,
    pub wrapped: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct SlotFile {
    pub format: String,
    pub version: u32,
    pub dossier_id: String,
    pub slots: Vec<Slot>,
    /// During a re-key only: the new data key wrapped under the old one, so that a
    /// crash between re-encrypting the database and re-wrapping the slots still opens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<NextKey>,
    /// SHA-256 over the file with this field empty. Not a security boundary (the AEAD
    /// tags are): it tells accidental damage apart from a wrong passphrase.
    #[serde(default)]
    pub checksum: String,
}

/// A data key wrapped under the current data key (see [`SlotFile::next`]).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct NextKey {
    pub nonce: String,
    pub wrapped: String,
}

fn next_aad(dossier_id: &str) -> Vec<u8> {
    format!("{FORMAT} v{VERSION}|{dossier_id}|next-data-key").into_bytes()
}

fn random<const N: usize>(rng: &dyn SecureRandom) -> Result<[u8; N]> {
    let mut b = [0u8; N];
    rng.fill(&mut b)
        .map_err(|_| Error::Invalid("the system random source failed".into()))?;
    Ok(b)
}

pub(crate) fn new_data_key(rng: &dyn SecureRandom) -> Result<DataKey> {
    Ok(Zeroizing::new(random::<32>(rng)?))
}

/// Everything that must not change without breaking the slot goes into the AAD.
fn aad(dossier_id: &str, kind: SlotKind, kdf: &Kdf) -> Vec<u8> {
    let kdf = serde_json::to_string(kdf).expect("KDF description serialises");
    format!("{FORMAT} v{VERSION}|{dossier_id}|{kind:?}|{kdf}").into_bytes()
}

fn kek_for_passphrase(passphrase: &str, kdf: &Kdf) -> Result<Zeroizing<[u8; 32]>> {
    match kdf {
        Kdf::Argon2id {
            memory_kib,
            iterations,
            parallelism,
            salt,
        } => {
            let salt = hex::decode(salt).map_err(|_| damaged_slot("salt"))?;
            let params = KdfParams {
                memory_kib: *memory_kib,
                iterations: *iterations,
                parallelism: *parallelism,
            };
            // The parameters come from a file anyone could have written: a crafted
            // one must not make us allocate gigabytes or spin for hours.
            if !params.within_caps() {
                return Err(damaged_slot(
                    "KDF parameters (beyond any Dossierkluis writes)",
                ));
            }
            kdf::derive(passphrase, &salt, &params)
        }
        Kdf::HkdfSha256 { .. } => Err(damaged_slot("passphrase slot KDF")),
    }
}

fn kek_for_recovery(secret: &[u8], kdf: &Kdf) -> Result<Zeroizing<[u8; 32]>> {
    let Kdf::HkdfSha256 { salt } = kdf else {
        return Err(damaged_slot("recovery slot KDF"));
    };
    let salt = hex::decode(salt).map_err(|_| damaged_slot("salt"))?;
    let prk = hkdf::Salt::new(hkdf::HKDF_SHA256, &salt).extract(secret);
    let okm = prk
        .expand(&[b"dossierkluis recovery kek v1"], hkdf::HKDF_SHA256)
        .map_err(|_| damaged_slot("recovery slot KDF"))?;
    let mut out = Zeroizing::new([0u8; 32]);
    okm.fill(out.as_mut())
        .map_err(|_| damaged_slot("recovery slot KDF"))?;
    Ok(out)
}

fn damaged_slot(what: &str) -> Error {
    Error::Damaged(format!("the key-slot file has an invalid {what}"))
}

fn seal(
    kek: &[u8; 32],
    data_key: &DataKey,
    aad_bytes: &[u8],
    rng: &dyn SecureRandom,
) -> Result<(String, String)> {
    let key = LessSafeKey::new(UnboundKey::new(&AES_256_GCM, kek).expect("32-byte key"));
    let nonce = random::<NONCE_LEN>(rng)?;
    let mut buf = data_key.to_vec();
    key.seal_in_place_append_tag(
        Nonce::assume_unique_for_key(nonce),
        Aad::from(aad_bytes),
        &mut buf,
    )
    .map_err(|_| Error::Invalid("key wrapping failed".into()))?;
    Ok((hex::encode(nonce), hex::encode(buf)))
}

/// Returns `None` when the tag does not verify: wrong secret (or tampered slot).
fn open(kek: &[u8; 32], slot: &Slot, aad_bytes: &[u8]) -> Result<Option<DataKey>> {
    let key = LessSafeKey::new(UnboundKey::new(&AES_256_GCM, kek).expect("32-byte key"));
    let nonce: [u8; NONCE_LEN] = hex::decode(&slot.nonce)
        .ok()
        .and_then(|n| n.try_into().ok())
        .ok_or_else(|| damaged_slot("nonce"))?;
    let mut buf = Zeroizing::new(hex::decode(&slot.wrapped).map_err(|_| damaged_slot("key"))?);
    let Ok(plain) = key.open_in_place(
        Nonce::assume_unique_for_key(nonce),
        Aad::from(aad_bytes),
        buf.as_mut_slice(),
    ) else {
        return Ok(None);
    };
    let arr: [u8; 32] = plain.try_into().map_err(|_| damaged_slot("key length"))?;
    Ok(Some(Zeroizing::new(arr)))
}

impl SlotFile {
    pub fn new(dossier_id: String) -> SlotFile {
        SlotFile {
            format: FORMAT.into(),
            version: VERSION,
            dossier_id,
            slots: Vec::new(),
            next: None,
            checksum: String::new(),
        }
    }

    fn put(&mut self, slot: Slot) {
        self.slots.retain(|s| s.kind != slot.kind);
        self.slots.push(slot);
    }

    fn slot(&self, kind: SlotKind) -> Result<&Slot> {
        self.slots
            .iter()
            .find(|s| s.kind == kind)
            .ok_or_else(|| Error::Damaged(format!("the key-slot file has no {kind:?} slot")))
    }

    pub fn set_passphrase(
        &mut self,
        data_key: &DataKey,
        passphrase: &str,
        params: &KdfParams,
        rng: &dyn SecureRandom,
    ) -> Result<()> {
        let kdf = Kdf::Argon2id {
            memory_kib: params.memory_kib,
            iterations: params.iterations,
            parallelism: params.parallelism,
            salt: hex::encode(random::<SALT_LEN>(rng)?),
        };
        let kek = kek_for_passphrase(passphrase, &kdf)?;
        let aad = aad(&self.dossier_id, SlotKind::Passphrase, &kdf);
        let (nonce, wrapped) = seal(&kek, data_key, &aad, rng)?;
        self.put(Slot {
            kind: SlotKind::Passphrase,
            kdf,
            nonce,
            wrapped,
        });
        Ok(())
    }

    pub fn set_recovery(
        &mut self,
        data_key: &DataKey,
        secret: &[u8],
        rng: &dyn SecureRandom,
    ) -> Result<()> {
        let kdf = Kdf::HkdfSha256 {
            salt: hex::encode(random::<SALT_LEN>(rng)?),
        };
        let kek = kek_for_recovery(secret, &kdf)?;
        let aad = aad(&self.dossier_id, SlotKind::Recovery, &kdf);
        let (nonce, wrapped) = seal(&kek, data_key, &aad, rng)?;
        self.put(Slot {
            kind: SlotKind::Recovery,
            kdf,
            nonce,
            wrapped,
        });
        Ok(())
    }

    pub fn unwrap_with_passphrase(&self, passphrase: &str) -> Result<DataKey> {
        let slot = self.slot(SlotKind::Passphrase)?;
        let kek = kek_for_passphrase(passphrase, &slot.kdf)?;
        open(&kek, slot, &aad(&self.dossier_id, slot.kind, &slot.kdf))?
            .ok_or(Error::WrongPassphrase)
    }

    pub fn unwrap_with_recovery(&self, secret: &[u8]) -> Result<DataKey> {
        let slot = self.slot(SlotKind::Recovery)?;
        let kek = kek_for_recovery(secret, &slot.kdf)?;
        open(&kek, slot, &aad(&self.dossier_id, slot.kind, &slot.kdf))?
            .ok_or(Error::WrongRecoveryCode)
    }

    /// Records `next` wrapped under `current` (the first step of a re-key).
    pub fn set_next(
        &mut self,
        current: &DataKey,
        next: &DataKey,
        rng: &dyn SecureRandom,
    ) -> Result<()> {
        let (nonce, wrapped) = seal(current, next, &next_aad(&self.dossier_id), rng)?;
        self.next = Some(NextKey { nonce, wrapped });
        Ok(())
    }

    /// The key a re-key that was cut short moved the database to, if any.
    pub fn unwrap_next(&self, current: &DataKey) -> Result<Option<DataKey>> {
        let Some(next) = &self.next else {
            return Ok(None);
        };
        let as_slot = Slot {
            kind: SlotKind::Recovery,
            kdf: Kdf::HkdfSha256 {
                salt: String::new(),
            },
            nonce: next.nonce.clone(),
            wrapped: next.wrapped.clone(),
        };
        open(current, &as_slot, &next_aad(&self.dossier_id))
    }

    pub fn dossier_id(&self) -> &str {
        &self.dossier_id
    }

    /// The passphrase slot's KDF parameters, e.g. to tell the user how strong they are.
    pub fn passphrase_params(&self) -> Option<KdfParams> {
        self.slots.iter().find_map(|s| match s.kdf {
            Kdf::Argon2id {
                memory_kib,
                iterations,
                parallelism,
                ..
            } if s.kind == SlotKind::Passphrase => Some(KdfParams {
                memory_kib,
                iterations,
                parallelism,
            }),
            _ => None,
        })
    }

    fn computed_checksum(&self) -> String {
        let mut copy = self.clone();
        copy.checksum.clear();
        let bytes = serde_json::to_vec(&copy).expect("slot file serialises");
        hex::encode(digest::digest(&digest::SHA256, &bytes))
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut copy = self.clone();
        copy.checksum = self.computed_checksum();
        let mut out = serde_json::to_vec_pretty(&copy).expect("slot file serialises");
        out.push(b'\n');
        out
    }

    /// Parses the file and says whether its checksum fits. A file whose checksum does
    /// not fit may still hold an intact slot: the AEAD tag of each slot decides.
    pub fn parse(bytes: &[u8]) -> Result<(SlotFile, bool)> {
        let value: serde_json::Value = serde_json::from_slice(bytes)
            .map_err(|_| Error::Damaged("the key-slot file cannot be read".into()))?;
        if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
            return Err(Error::NotADossier(
                "the key-slot file is not a Dossierkluis file".into(),
            ));
        }
        let file: SlotFile = serde_json::from_value(value)
            .map_err(|e| Error::Damaged(format!("the key-slot file is malformed: {e}")))?;
        if file.version > VERSION {
            return Err(Error::TooNew {
                found: file.version,
                supported: VERSION,
            });
        }
        let intact = file.checksum == file.computed_checksum();
        Ok((file, intact))
    }
}
