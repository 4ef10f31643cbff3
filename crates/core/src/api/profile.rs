//! The user's own details (name, address, e-mail) in the dossier's settings table.

use crate::error::Result;
use crate::profile::Profile;
use crate::store::settings::{self, PROFILE_ADDRESS, PROFILE_EMAIL, PROFILE_NAME};
use crate::vault::Dossier;

impl Dossier {
    /// What the user told about themselves; empty parts when nothing was given.
    pub fn profile(&self) -> Result<Profile> {
        let get =
            |key| -> Result<String> { Ok(settings::get(self.conn(), key)?.unwrap_or_default()) };
        Ok(Profile {
            name: get(PROFILE_NAME)?,
            address: get(PROFILE_ADDRESS)?.lines().map(str::to_string).collect(),
            email: get(PROFILE_EMAIL)?,
        }
        .normalized())
    }

    /// Replaces the user's details (one transaction). Settings are not entries, so
    /// there is no history version.
    pub fn set_profile(&mut self, profile: &Profile) -> Result<Profile> {
        profile.validate()?;
        let p = profile.normalized();
        self.write(|tx| {
            settings::set(tx, PROFILE_NAME, &p.name)?;
            settings::set(tx, PROFILE_ADDRESS, &p.address.join("\n"))?;
            settings::set(tx, PROFILE_EMAIL, &p.email)
        })?;
        Ok(p)
    }
}
