//! System notifications for reminders, sent from Rust only (the webview has no
//! notification permission). Off unless the user turned them on and the system allows
//! them. After each unlock, and once a day while the dossier stays unlocked, at most ONE
//! generic notification is sent: it may show on a lock screen, so it names nothing
//! from the dossier.
//!
//! A sent notification does NOT mark the reminders shown in the dossier: on Linux the
//! plugin hands the notification to a background task and reports success before the
//! notification server answered, so a failed delivery (no daemon) cannot be told apart.
//! The in-app banner therefore always shows each reminder once ("Gezien"), and this
//! module remembers, for the running app, which reminders it already notified about, so
//! the same reminder is not notified twice.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Duration;

use chrono::NaiveDate;
use dossier_core::todo::Reminder;
use tauri::plugin::PermissionState;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_notification::NotificationExt;

use crate::dto::Language;
use crate::AppState;

/// For automated tests only: `denied`, `granted` or `prompt` forces what the system
/// answers, so the "refused" path can be tested without a desktop session.
pub const TEST_PERMISSION_ENV: &str = "DOSSIERKLUIS_NOTIFY_PERMISSION";

/// What the system allows, as the UI sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    Granted,
    Denied,
    Prompt,
}

impl Permission {
    pub fn name(self) -> &'static str {
        match self {
            Permission::Granted => "granted",
            Permission::Denied => "denied",
            Permission::Prompt => "prompt",
        }
    }

    fn from_plugin(p: PermissionState) -> Permission {
        match p {
            PermissionState::Granted => Permission::Granted,
            PermissionState::Denied => Permission::Denied,
            _ => Permission::Prompt,
        }
    }
}

/// The forced answer from the test variable, if it is set to a known value.
fn forced(value: Option<&str>) -> Option<Permission> {
    match value.map(str::trim) {
        Some("denied") => Some(Permission::Denied),
        Some("granted") => Some(Permission::Granted),
        Some("prompt") => Some(Permission::Prompt),
        _ => None,
    }
}

fn forced_from_env() -> Option<Permission> {
    forced(std::env::var(TEST_PERMISSION_ENV).ok().as_deref())
}

/// What the system currently allows; an error counts as "not allowed".
pub fn permission<R: Runtime>(app: &AppHandle<R>) -> Permission {
    forced_from_env().unwrap_or_else(|| {
        app.notification()
            .permission_state()
            .map(Permission::from_plugin)
            .unwrap_or(Permission::Denied)
    })
}

/// Asks the system (on desktop this does not prompt; it answers at once).
pub fn request<R: Runtime>(app: &AppHandle<R>) -> Permission {
    forced_from_env().unwrap_or_else(|| {
        app.notification()
            .request_permission()
            .map(Permission::from_plugin)
            .unwrap_or(Permission::Denied)
    })
}

/// Today in the Netherlands: deadlines are Dutch days, also on a laptop set to
/// another time zone.
pub fn today() -> NaiveDate {
    dossier_core::dutch_today(chrono::Utc::now())
}

/// The one generic notification for the reminders due (14, 7, 3 and 1 days before
/// an act-by date): title and body, saying only how soon the nearest one is, never
/// what it is about (a notification may show on a lock screen).
pub fn text(lang: Language, due: &[Reminder], today: NaiveDate) -> (&'static str, String) {
    let nearest = due
        .iter()
        .map(|r| (r.act_by - today).num_days())
        .min()
        .unwrap_or(0);
    let body = match (lang, nearest) {
        (Language::Nl, ..=0) => {
            "Dossierkluis: u heeft vandaag iets te doen. Open de app om te zien wat.".into()
        }
        (Language::Nl, 1) => {
            "Dossierkluis: u heeft morgen iets te doen. Open de app om te zien wat.".into()
        }
        (Language::Nl, n) => format!(
            "Dossierkluis: u heeft iets te doen binnen {n} dagen. Open de app om te zien wat."
        ),
        (Language::En, ..=0) => {
            "Dossierkluis: you have something to do today. Open the app to see what.".into()
        }
        (Language::En, 1) => {
            "Dossierkluis: you have something to do tomorrow. Open the app to see what.".into()
        }
        (Language::En, n) => format!(
            "Dossierkluis: you have something to do within {n} days. Open the app to see what."
        ),
    };
    ("Dossierkluis", body)
}

/// What a reminder check did (for tests and the caller; never shown or logged).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Off,
    NotAllowed,
    Locked,
    NothingDue,
    Sent,
    Failed,
}

/// Which dossier was last checked on which day, so each unlock and each new day
/// checks once.
#[derive(Debug, Default)]
pub struct NotifyState {
    checked: Mutex<Option<(PathBuf, NaiveDate)>>,
    /// Reminders already notified while the app runs: (dossier, entry, kind, act-by, days before).
    notified: Mutex<HashSet<NotifiedKey>>,
}

type NotifiedKey = (PathBuf, i64, &'static str, NaiveDate, u32);

fn key_of(dir: &std::path::Path, r: &Reminder) -> NotifiedKey {
    (
        dir.to_path_buf(),
        r.entry_id,
        r.kind.name(),
        r.act_by,
        r.days_before,
    )
}

/// The reminders not yet notified about.
pub fn not_yet_notified(
    due: Vec<Reminder>,
    dir: &std::path::Path,
    notified: &HashSet<NotifiedKey>,
) -> Vec<Reminder> {
    due.into_iter()
        .filter(|r| !notified.contains(&key_of(dir, r)))
        .collect()
}

impl NotifyState {
    fn checked(&self) -> std::sync::MutexGuard<'_, Option<(PathBuf, NaiveDate)>> {
        self.checked.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Check again at the next tick (the user just turned notifications on).
    pub fn reset(&self) {
        *self.checked() = None;
    }
}

/// How often the watcher looks whether a dossier was unlocked or a day began.
const TICK: Duration = Duration::from_secs(2);

/// Starts the watcher thread (its own, so a slow notification never delays auto-lock).
pub fn spawn<R: Runtime>(app: AppHandle<R>) {
    let started = std::thread::Builder::new()
        .name("reminders".into())
        .spawn(move || loop {
            std::thread::sleep(TICK);
            tick(&app);
        });
    // Without the watcher only system notifications are missing; the in-app banner
    // still shows every reminder.
    drop(started);
}

/// After an unlock, and when the day changes while unlocked, sends the reminder
/// notification (if allowed). Reads the dossier without counting as user activity.
pub fn tick<R: Runtime>(app: &AppHandle<R>) {
    let Some(notify) = app.try_state::<NotifyState>() else {
        return;
    };
    let state = app.state::<AppState>();
    let dir = state.open_dir();
    let Some(dir) = dir else {
        notify.reset();
        return;
    };
    let key = (dir, today());
    {
        let mut checked = notify.checked();
        if checked.as_ref() == Some(&key) {
            return;
        }
        *checked = Some(key);
    }
    let _ = remind(app);
}

/// Sends at most one generic notification for the reminders due (14, 7, 3 and 1 days
/// before), and remembers them only when it was sent.
pub fn remind<R: Runtime>(app: &AppHandle<R>) -> Outcome {
    let state = app.state::<AppState>();
    let (enabled, lang) = {
        let s = state.settings();
        (s.system_notifications, s.language)
    };
    if !enabled {
        return Outcome::Off;
    }
    if permission(app) != Permission::Granted {
        return Outcome::NotAllowed;
    }
    let today = today();
    let Ok(held) = state.shared() else {
        return Outcome::Locked;
    };
    let due = match held.run(|d| Ok(d.due_reminders(today)?)) {
        Ok(due) => due,
        Err(e) if e.code == crate::error::ErrorCode::Locked => return Outcome::Locked,
        Err(_) => return Outcome::Failed,
    };
    let dir = held.dir().to_path_buf();
    drop(held);
    let Some(notify) = app.try_state::<NotifyState>() else {
        return Outcome::Failed;
    };
    let mut notified = notify.notified.lock().unwrap_or_else(|p| p.into_inner());
    let due = not_yet_notified(due, &dir, &notified);
    if due.is_empty() {
        return Outcome::NothingDue;
    }
    let (title, body) = text(lang, &due, today);
    if app
        .notification()
        .builder()
        .title(title)
        .body(body)
        .show()
        .is_err()
    {
        return Outcome::Failed;
    }
    notified.extend(due.iter().map(|r| key_of(&dir, r)));
    Outcome::Sent
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_core::todo::TodoKind;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn the_test_variable_forces_only_known_answers() {
        assert_eq!(forced(Some("denied")), Some(Permission::Denied));
        assert_eq!(forced(Some(" granted ")), Some(Permission::Granted));
        assert_eq!(forced(Some("prompt")), Some(Permission::Prompt));
        assert_eq!(forced(Some("yes")), None);
        assert_eq!(forced(None), None);
    }

    #[test]
    fn a_reminder_is_notified_once_per_dossier() {
        let r = Reminder {
            entry_id: 4,
            kind: TodoKind::Reply,
            act_by: date(2026, 3, 13),
            days_before: 3,
        };
        let dir = std::path::Path::new("/home/a/Dossier");
        let mut notified = HashSet::new();
        assert_eq!(not_yet_notified(vec![r.clone()], dir, &notified).len(), 1);
        notified.insert(key_of(dir, &r));
        assert!(not_yet_notified(vec![r.clone()], dir, &notified).is_empty());
        let closer = Reminder {
            days_before: 1,
            ..r.clone()
        };
        assert_eq!(not_yet_notified(vec![closer], dir, &notified).len(), 1);
        let other = std::path::Path::new("/media/usb/Dossier");
        assert_eq!(not_yet_notified(vec![r], other, &notified).len(), 1);
    }

    #[test]
    fn the_notification_says_how_soon_and_nothing_from_the_dossier() {
        let today = date(2026, 3, 10);
        let r = |act_by, days_before| Reminder {
            entry_id: 1,
            kind: TodoKind::Objection,
            act_by,
            days_before,
        };
        let cases = [
            (vec![r(date(2026, 3, 24), 14)], "binnen 14 dagen"),
            (
                vec![r(date(2026, 3, 20), 14), r(date(2026, 3, 17), 7)],
                "binnen 7 dagen",
            ),
            (vec![r(date(2026, 3, 13), 3)], "binnen 3 dagen"),
            (vec![r(date(2026, 3, 11), 1)], "morgen"),
            // Past the advised date, still before the legal last day.
            (vec![r(date(2026, 3, 9), 1)], "vandaag"),
        ];
        for (due, want) in cases {
            let (title, body) = text(Language::Nl, &due, today);
            assert_eq!(title, "Dossierkluis");
            assert!(body.contains(want), "{body}");
            assert!(body.ends_with("Open de app om te zien wat."), "{body}");
        }
        let (_, en) = text(Language::En, &[r(date(2026, 3, 24), 14)], today);
        assert_eq!(
            en,
            "Dossierkluis: you have something to do within 14 days. Open the app to see what."
        );
    }
}
