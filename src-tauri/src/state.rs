//! What the running app holds: at most one unlocked dossier, the files the user chose
//! (grants.rs), the time of the user's last action (for auto-lock) and the app
//! settings. Locking never waits for work on the dossier: see [`AppState::lock_now`].

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Instant;

use dossier_core::ocr::OcrText;
use dossier_core::Dossier;

use crate::error::IpcError;
use crate::grants::{Grants, PickedFile, Purpose};
use crate::settings::Stored;

/// The unlocked dossier, shared with the work running on it (an export, a search on a
/// blocking thread). Locking takes the app's share and marks it revoked; the connection
/// closes and the key is wiped as soon as the last share is dropped, which is at once
/// unless a long step is still running. That step's result is then thrown away.
#[derive(Debug)]
pub struct Held {
    dossier: Mutex<Option<Dossier>>,
    dir: PathBuf,
    revoked: AtomicBool,
    /// The text read from a chosen file that is not attached yet (the guided capture
    /// reads the photo of a letter before its entry exists). Dropped with the lock.
    file_read: Mutex<Option<FileRead>>,
}

/// A read kept for the file behind `handle`, until it is attached.
pub struct FileRead {
    pub handle: u32,
    pub read: OcrText,
}

impl std::fmt::Debug for FileRead {
    // The read text is the letter's content: never in a log line.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FileRead")
            .field("handle", &self.handle)
            .finish_non_exhaustive()
    }
}

impl Held {
    /// Runs `f` on the dossier unless it was locked meanwhile.
    pub fn run<T>(
        &self,
        f: impl FnOnce(&mut Dossier) -> Result<T, IpcError>,
    ) -> Result<T, IpcError> {
        let mut guard = lock(&self.dossier);
        // A command that queued behind a long export must not run after a lock.
        if self.revoked() {
            return Err(IpcError::locked());
        }
        let d = guard.as_mut().ok_or_else(IpcError::locked)?;
        f(d)
    }

    /// The dossier was locked while work on it ran: that work must not write files.
    pub fn revoked(&self) -> bool {
        self.revoked.load(Ordering::SeqCst)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Keeps what was read from the file behind `handle` (replacing an earlier one).
    pub fn keep_file_read(&self, handle: u32, read: OcrText) {
        *lock(&self.file_read) = Some(FileRead { handle, read });
    }

    /// What was read from the file behind `handle`, taken out; None for another file.
    pub fn take_file_read(&self, handle: u32) -> Option<OcrText> {
        let mut kept = lock(&self.file_read);
        if kept.as_ref().is_some_and(|k| k.handle == handle) {
            kept.take().map(|k| k.read)
        } else {
            None
        }
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        let taken = self
            .dossier
            .get_mut()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .take();
        if let Some(d) = taken {
            d.lock();
        }
    }
}

#[derive(Debug)]
pub struct AppState {
    dossier: Mutex<Option<Arc<Held>>>,
    grants: Mutex<Grants>,
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

/// Runs blocking work (KDF, PDF, SQL, file I/O) on the blocking pool, so that the
/// async runtime stays free for lock, auto-lock and every other command.
pub async fn off_runtime<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, IpcError> + Send + 'static,
) -> Result<T, IpcError> {
    tauri::async_runtime::spawn_blocking(f)
        .await
        .map_err(|e| IpcError::internal(format!("the background task failed: {e}")))?
}

impl AppState {
    pub fn new(config_dir: PathBuf, documents_dir: PathBuf) -> AppState {
        let settings = Stored::load(&config_dir);
        AppState {
            dossier: Mutex::new(None),
            grants: Mutex::new(Grants::default()),
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

    /// A handle for a path the user chose, for `purpose` only.
    pub fn grant(&self, path: PathBuf, purpose: Purpose) -> PickedFile {
        lock(&self.grants).grant(path, purpose)
    }

    /// The path behind a handle this app gave out for `purpose`.
    pub fn granted(&self, handle: u32, purpose: Purpose) -> Result<PathBuf, IpcError> {
        lock(&self.grants).path(handle, purpose)
    }

    /// The open dossier's share, or `locked`.
    pub fn shared(&self) -> Result<Arc<Held>, IpcError> {
        lock(&self.dossier).clone().ok_or_else(IpcError::locked)
    }

    /// The open dossier's folder, without waiting for work running on it.
    pub fn open_dir(&self) -> Option<PathBuf> {
        lock(&self.dossier).as_ref().map(|h| h.dir.clone())
    }

    /// Runs `f` on the unlocked dossier, or fails with `locked`. For quick work only:
    /// it runs on the caller's thread.
    pub fn with_dossier<T>(
        &self,
        f: impl FnOnce(&mut Dossier) -> Result<T, IpcError>,
    ) -> Result<T, IpcError> {
        self.touch();
        self.shared()?.run(f)
    }

    /// Like [`with_dossier`](Self::with_dossier), on the blocking pool: for the KDF,
    /// the PDF and big SQL.
    pub async fn with_dossier_off<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Dossier) -> Result<T, IpcError> + Send + 'static,
    ) -> Result<T, IpcError> {
        self.touch();
        let held = self.shared()?;
        off_runtime(move || held.run(f)).await
    }

    /// Locks the dossier at once: nothing can use it from now on. When no work is
    /// running on it, the `-wal` is folded into `dossier.db`, the connection closes,
    /// the key is wiped and the folder lock released before this returns; otherwise
    /// that happens the moment the running step ends. Returns whether there was one.
    pub fn lock_now(&self) -> bool {
        let taken = lock(&self.dossier).take();
        let was_open = taken.is_some();
        if let Some(held) = taken {
            held.revoked.store(true, Ordering::SeqCst);
        }
        was_open
    }

    /// Locks and waits until the dossier is closed: for the app's exit, so the folder
    /// left behind is complete even when an export was still running.
    pub fn lock_and_wait(&self) {
        let taken = lock(&self.dossier).take();
        if let Some(held) = taken {
            held.revoked.store(true, Ordering::SeqCst);
            let d = lock(&held.dossier).take();
            if let Some(d) = d {
                d.lock();
            }
        }
    }

    pub fn set_unlocked(&self, d: Dossier) {
        self.touch();
        let held = Arc::new(Held {
            dir: d.dir().to_path_buf(),
            dossier: Mutex::new(Some(d)),
            revoked: AtomicBool::new(false),
            file_read: Mutex::new(None),
        });
        let old = lock(&self.dossier).replace(held);
        if let Some(old) = old {
            old.revoked.store(true, Ordering::SeqCst);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc;

    use dossier_core::{Dossier, KdfParams, Unlock};
    use ring::rand::SystemRandom;

    use super::*;

    const PASS: &str = "zonnebloem fiets kastanje";

    /// A new dossier in a temporary folder, unlocked in a fresh app state.
    fn unlocked() -> (tempfile::TempDir, std::path::PathBuf, AppState) {
        let tmp = tempfile::tempdir().expect("tmp");
        let dir = tmp.path().join("dossier");
        let (d, _code) = Dossier::create(
            &dir,
            PASS,
            &KdfParams::INSECURE_FOR_TESTS,
            &SystemRandom::new(),
        )
        .expect("create");
        let state = AppState::new(tmp.path().join("config"), tmp.path().to_path_buf());
        state.set_unlocked(d);
        (tmp, dir, state)
    }

    /// A long export holds the dossier; locking (the button, auto-lock) must not wait
    /// for it, nothing may use the dossier afterwards, and the folder is closed (its OS
    /// lock released) as soon as the export's step ends.
    #[test]
    fn lock_does_not_wait_for_a_long_export() {
        let (_tmp, dir, state) = unlocked();
        let state = Arc::new(state);

        let (inside_tx, inside_rx) = mpsc::channel();
        let (finish_tx, finish_rx) = mpsc::channel::<()>();
        let (done_tx, done_rx) = mpsc::channel();
        let held = state.shared().expect("unlocked");
        let export = std::thread::spawn(move || {
            let result = held.run(|d| {
                inside_tx.send(()).expect("tell the test");
                // The export's long step: it ends only when the test says so.
                finish_rx.recv().expect("wait");
                Ok(d.entry_count()?)
            });
            // What an export checks before it writes its file.
            let write_allowed = !held.revoked();
            drop(held);
            done_tx
                .send((result.is_ok(), write_allowed))
                .expect("report");
        });
        inside_rx.recv().expect("the export started");

        // The export still runs (it waits on `finish`), yet lock returns.
        assert!(state.lock_now(), "there was a dossier to lock");
        assert!(done_rx.try_recv().is_err(), "the export is still running");
        assert_eq!(
            state
                .with_dossier(|d| Ok(d.entry_count()?))
                .err()
                .map(|e| e.code),
            Some(crate::error::ErrorCode::Locked),
            "nothing uses the dossier after lock"
        );
        assert!(state.open_dir().is_none());

        finish_tx.send(()).expect("end the export");
        let (ran, write_allowed) = done_rx.recv().expect("export ended");
        export.join().expect("join");
        assert!(ran, "the running step itself finishes");
        assert!(!write_allowed, "an export overtaken by lock writes nothing");
        // The last share is gone: the folder is closed and can be opened again.
        let again = Dossier::open(&dir, Unlock::Passphrase(PASS)).expect("closed, so it opens");
        again.lock();
    }

    #[test]
    fn lock_with_nothing_running_closes_at_once() {
        let (_tmp, dir, state) = unlocked();
        assert!(state.lock_now());
        assert!(!state.lock_now(), "locked already");
        let again =
            Dossier::open(&dir, Unlock::Passphrase(PASS)).expect("closed before lock_now returned");
        again.lock();
    }
}
