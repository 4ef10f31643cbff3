//! What the running app holds: at most one unlocked dossier, the time of the user's
//! last action (for auto-lock) and the app settings.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::Instant;

use dossier_core::Dossier;

use crate::error::IpcError;
use crate::settings::Stored;

#[derive(Debug)]
pub struct AppState {
    dossier: Mutex<Option<Dossier>>,
    last_activity: Mutex<Instant>,
    /// True while a recovery code is on screen: auto-lock waits.
    autolock_held: AtomicBool,
    /// True while an editor holds text that is not saved.
    editor_dirty: AtomicBool,
    settings: Mutex<Stored>,
    pub config_dir: PathBuf,
    pub documents_dir: PathBuf,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding the lock must not make the dossier unreachable (or
    // un-lockable): the data inside stays consistent because every write is a
    // committed transaction.
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl AppState {
    pub fn new(config_dir: PathBuf, documents_dir: PathBuf) -> AppState {
        let settings = Stored::load(&config_dir);
        AppState {
            dossier: Mutex::new(None),
            last_activity: Mutex::new(Instant::now()),
            autolock_held: AtomicBool::new(false),
            editor_dirty: AtomicBool::new(false),
            settings: Mutex::new(settings),
            config_dir,
            documents_dir,
        }
    }

    pub fn touch(&self) {
        *lock(&self.last_activity) = Instant::now();
    }

    pub fn hold_autolock(&self, hold: bool) {
        self.autolock_held.store(hold, Ordering::SeqCst);
        // The idle time starts again when the code has been confirmed.
        self.touch();
    }

    pub fn set_editor_dirty(&self, dirty: bool) {
        self.editor_dirty.store(dirty, Ordering::SeqCst);
    }

    pub fn editor_dirty(&self) -> bool {
        self.editor_dirty.load(Ordering::SeqCst)
    }

    pub fn autolock_held(&self) -> bool {
        self.autolock_held.load(Ordering::SeqCst)
    }

    pub fn idle_for(&self) -> std::time::Duration {
        lock(&self.last_activity).elapsed()
    }

    pub fn settings(&self) -> MutexGuard<'_, Stored> {
        lock(&self.settings)
    }

    pub fn dossier(&self) -> MutexGuard<'_, Option<Dossier>> {
        lock(&self.dossier)
    }

    /// Runs `f` on the unlocked dossier, or fails with `locked`.
    pub fn with_dossier<T>(
        &self,
        f: impl FnOnce(&mut Dossier) -> Result<T, IpcError>,
    ) -> Result<T, IpcError> {
        self.touch();
        let mut guard = self.dossier();
        let d = guard.as_mut().ok_or_else(IpcError::locked)?;
        f(d)
    }

    /// Closes the dossier: the `-wal` is folded into `dossier.db`, the connection
    /// closes, the key is wiped and the folder lock released. Returns whether there was
    /// one to lock.
    pub fn lock_now(&self) -> bool {
        let taken = self.dossier().take();
        let was_open = taken.is_some();
        if let Some(d) = taken {
            d.lock();
        }
        was_open
    }

    pub fn set_unlocked(&self, d: Dossier) {
        self.touch();
        let old = self.dossier().replace(d);
        if let Some(old) = old {
            old.lock();
        }
    }
}
