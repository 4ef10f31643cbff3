//! App-level settings kept outside any dossier (they are needed before unlocking):
//! language, auto-lock minutes, the recently opened dossier folders and whether system
//! notifications are on.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::dto::{Language, Settings};

pub const DEFAULT_AUTO_LOCK_MINUTES: u32 = 10;
pub const AUTO_LOCK_RANGE: std::ops::RangeInclusive<u32> = 1..=120;
const MAX_RECENT: usize = 8;
const FILE: &str = "settings.json";

/// What is stored on disk. Holds no dossier content: only folder paths and choices.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Stored {
    pub language: Language,
    pub auto_lock_minutes: u32,
    #[serde(default)]
    pub recent: Vec<PathBuf>,
    /// System notifications for reminders (off by default; see notify.rs).
    #[serde(default)]
    pub system_notifications: bool,
}

impl Default for Stored {
    fn default() -> Self {
        Stored {
            language: Language::Nl,
            auto_lock_minutes: DEFAULT_AUTO_LOCK_MINUTES,
            recent: Vec::new(),
            system_notifications: false,
        }
    }
}

impl Stored {
    /// Reads the settings; a missing or unreadable file gives the defaults, since
    /// losing a language choice must never stop someone from reaching their dossier.
    pub fn load(config_dir: &Path) -> Stored {
        std::fs::read(config_dir.join(FILE))
            .ok()
            .and_then(|b| serde_json::from_slice::<Stored>(&b).ok())
            .map(|mut s| {
                s.auto_lock_minutes = s
                    .auto_lock_minutes
                    .clamp(*AUTO_LOCK_RANGE.start(), *AUTO_LOCK_RANGE.end());
                s
            })
            .unwrap_or_default()
    }

    pub fn save(&self, config_dir: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(config_dir)?;
        let tmp = config_dir.join(".settings.json.tmp");
        let bytes = serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?;
        std::fs::write(&tmp, bytes)?;
        std::fs::rename(tmp, config_dir.join(FILE))
    }

    pub fn public(&self) -> Settings {
        Settings {
            language: self.language,
            auto_lock_minutes: self.auto_lock_minutes,
        }
    }

    pub fn remember(&mut self, dir: &Path) {
        self.recent.retain(|d| d != dir);
        self.recent.insert(0, dir.to_path_buf());
        self.recent.truncate(MAX_RECENT);
    }

    pub fn forget(&mut self, dir: &Path) {
        self.recent.retain(|d| d != dir);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_survive_a_restart_and_bad_files_fall_back_to_defaults() {
        let tmp = tempfile::tempdir().expect("tmp");
        let mut s = Stored::default();
        assert_eq!(s.language, Language::Nl);
        s.language = Language::En;
        s.auto_lock_minutes = 3;
        s.remember(Path::new("/media/usb/Dossier"));
        s.remember(Path::new("/home/a/Dossier"));
        s.remember(Path::new("/media/usb/Dossier"));
        s.save(tmp.path()).expect("save");
        let back = Stored::load(tmp.path());
        assert_eq!(back.language, Language::En);
        assert_eq!(back.auto_lock_minutes, 3);
        assert_eq!(back.recent[0], Path::new("/media/usb/Dossier"));
        assert_eq!(back.recent.len(), 2);
        assert!(
            !back.system_notifications,
            "notifications are off by default"
        );
        std::fs::write(tmp.path().join(FILE), "{kapot").expect("write");
        assert_eq!(Stored::load(tmp.path()).language, Language::Nl);
    }
}
