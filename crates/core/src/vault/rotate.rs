//! Replacing secrets: a new recovery code (the old one stops working) and a full re-key
//! (a new data key for the database, both slots wrapped anew), each safe against a
//! crash at any moment.

use ring::rand::SecureRandom;

use super::keyslot::{self, SlotFile};
use super::{slots, Dossier, KdfParams, RecoveryCode};
use crate::error::Result;
use crate::store;

/// Where a re-key is, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum RekeyStep {
    /// Folding the `-wal` into the database file.
    Preparing,
    /// Re-encrypting every page of the database with the new key (the long part).
    Rewriting {
        pages: u64,
    },
    /// Wrapping the new key for the passphrase and the new recovery code.
    Rewrapping,
    Done,
}

impl Dossier {
    /// Replaces the recovery code: the new one is returned (show it once, have it
    /// printed), the old one no longer opens the dossier. The passphrase is unchanged.
    /// Backups made from now on open with the new code (the stored backup recipient
    /// follows it); backups made before stay readable with the old code only.
    pub fn new_recovery_code(&mut self, rng: &dyn SecureRandom) -> Result<RecoveryCode> {
        let code = RecoveryCode::generate(rng)?;
        let mut next = self.slots.clone();
        next.set_recovery(&self.key, code.secret(), rng)?;
        slots::write_both(&self.dir, &next)?;
        self.slots = next;
        // New backups go to the new code. After the slots: a crash in between leaves
        // backups the old code opens, never ones to a code nobody has seen.
        self.set_backup_recipient_from(&code)?;
        Ok(code)
    }

    /// Gives the database a new random data key (every page re-encrypted by SQLCipher)
    /// and wraps it for `passphrase` (the current one, or a new one when the dossier
    /// was opened with the recovery code; a front end asks for it) and for a new
    /// recovery code, which is returned. A crash at any moment leaves a dossier that
    /// opens with the old secrets: the new key is first stored wrapped under the old.
    pub fn rekey(
        &mut self,
        passphrase: &str,
        params: &KdfParams,
        rng: &dyn SecureRandom,
        progress: &mut dyn FnMut(RekeyStep),
    ) -> Result<RecoveryCode> {
        super::check_passphrase(passphrase)?;
        progress(RekeyStep::Preparing);
        store::checkpoint(&self.conn)?;
        let new_key = keyslot::new_data_key(rng)?;
        let mut bridge = self.slots.clone();
        bridge.set_next(&self.key, &new_key, rng)?;
        slots::write_both(&self.dir, &bridge)?;
        self.slots = bridge;
        let pages = self
            .conn
            .query_row("PRAGMA page_count", [], |r| r.get::<_, i64>(0))
            .map(|n| n.max(0) as u64)
            .unwrap_or(0);
        progress(RekeyStep::Rewriting { pages });
        store::rekey(&self.conn, &new_key)?;
        progress(RekeyStep::Rewrapping);
        let code = RecoveryCode::generate(rng)?;
        let mut fresh = SlotFile::new(self.slots.dossier_id().to_string());
        fresh.set_passphrase(&new_key, passphrase, params, rng)?;
        fresh.set_recovery(&new_key, code.secret(), rng)?;
        slots::write_both(&self.dir, &fresh)?;
        self.slots = fresh;
        self.key = new_key;
        self.set_backup_recipient_from(&code)?;
        self.anchor_now()?;
        progress(RekeyStep::Done);
        Ok(code)
    }
}
