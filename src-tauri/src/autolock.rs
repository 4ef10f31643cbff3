//! Locks the dossier after the idle time, and after the computer wakes from suspend
//! (detected as the wall clock jumping ahead of the monotonic clock, which stops
//! during suspend on Linux), then tells the UI.

use std::time::{Duration, Instant, SystemTime};

use tauri::{AppHandle, Manager};
use tauri_specta::Event;

use crate::dto::{DossierLocked, LockReason};
use crate::AppState;

const TICK: Duration = Duration::from_secs(1);
/// A wall-clock jump this much larger than the monotonic step means the machine slept.
const SUSPEND_GAP: Duration = Duration::from_secs(30);
/// For automated tests only: an idle limit in seconds, which may only shorten the
/// user's setting, never lengthen it.
pub const TEST_IDLE_ENV: &str = "DOSSIERKLUIS_AUTOLOCK_SECONDS";

fn idle_limit(minutes: u32) -> Duration {
    let setting = Duration::from_secs(u64::from(minutes) * 60);
    std::env::var(TEST_IDLE_ENV)
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .map(|s| Duration::from_secs(s).min(setting))
        .unwrap_or(setting)
}

pub fn spawn(app: AppHandle) {
    std::thread::Builder::new()
        .name("autolock".into())
        .spawn(move || {
            let mut last_wall = SystemTime::now();
            let mut last_mono = Instant::now();
            loop {
                std::thread::sleep(TICK);
                let state = app.state::<AppState>();
                let wall_step = SystemTime::now()
                    .duration_since(last_wall)
                    .unwrap_or_default();
                let mono_step = last_mono.elapsed();
                last_wall = SystemTime::now();
                last_mono = Instant::now();
                let reason = if state.autolock_held() {
                    // A recovery code is on screen: locking would lose it.
                    None
                } else if wall_step > mono_step + SUSPEND_GAP {
                    Some(LockReason::Suspend)
                } else if state.idle_for() >= idle_limit(state.settings().auto_lock_minutes) {
                    Some(LockReason::Idle)
                } else {
                    None
                };
                if let Some(reason) = reason {
                    if state.lock_now() {
                        let _ = DossierLocked { reason }.emit(&app);
                    }
                }
            }
        })
        .expect("start the auto-lock thread");
}
