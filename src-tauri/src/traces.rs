//! What the desktop app leaves outside a dossier: only its settings file. The libraries
//! under the webview would otherwise leave traces that the app ran on a shared PC
//! (Mesa's shader cache, WebKit's caches and storage, GTK's list of recent files); they
//! are switched off, WebKit runs in its private (ephemeral) mode, and what WebKit still
//! sets up on disk goes to a private folder of the run, removed when the app quits.

use std::path::{Path, PathBuf};

/// Environment for the libraries the webview loads (Mesa in this process and in
/// WebKit's web and GPU processes, which inherit it).
pub const QUIET_ENVIRONMENT: [(&str, &str); 2] = [
    // Mesa ≥ 21 and the older name: no ~/.cache/mesa_shader_cache.
    ("MESA_SHADER_CACHE_DISABLE", "true"),
    ("MESA_GLSL_CACHE_DISABLE", "true"),
];

/// The prefix of the per-run webview folder.
const WEBVIEW_PREFIX: &str = "dossierkluis-webview-";

/// Sets [`QUIET_ENVIRONMENT`]. Call first thing, while the process has one thread
/// (changing the environment later would race with readers).
pub fn quiet_libraries() {
    for (name, value) in QUIET_ENVIRONMENT {
        std::env::set_var(name, value);
    }
}

/// Whether WebKit runs in its private (ephemeral) mode: all its caches and storage in
/// memory. Yes, unless a WebDriver session drives the app: tauri-driver starts it with
/// `TAURI_WEBVIEW_AUTOMATION=true`, and wry gives a private webview no automation, so
/// the end-to-end tests and the memory bench run with the webview's data in the private
/// folder of [`webview_dir`] instead. People never run it that way.
///
/// The private folder is used in both cases: Tauri also makes a WebKit context of its
/// own that a private webview does not use, and WebKit's network process sets up that
/// context's storage on disk (an HSTS database, cache and storage folders) wherever it
/// points; in `~/.local/share` that would stay behind.
pub fn private_webview() -> bool {
    !automation_requested(std::env::var("TAURI_WEBVIEW_AUTOMATION").ok().as_deref())
}

/// The same test as tauri-runtime-wry's, which then allows automation.
fn automation_requested(value: Option<&str>) -> bool {
    value == Some("true")
}

/// The folder for what WebKit puts on disk during this run: in `XDG_RUNTIME_DIR` (a
/// per-user folder in memory on systemd systems) or else the temp folder, private
/// (0700), named after this process. Folders of earlier runs that crashed are removed.
pub fn webview_dir() -> std::io::Result<PathBuf> {
    let base = std::env::var_os("XDG_RUNTIME_DIR")
        .map(PathBuf::from)
        .filter(|p| p.is_dir())
        .unwrap_or_else(std::env::temp_dir);
    remove_stale(&base);
    let dir = base.join(format!("{WEBVIEW_PREFIX}{}", std::process::id()));
    let mut builder = std::fs::DirBuilder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.recursive(true).create(&dir)?;
    Ok(dir)
}

/// Removes the webview folder of this run (at exit), once WebKit's helper processes of
/// this app have ended: its network process writes storage files as it shuts down, and
/// would otherwise put them back after the folder is gone (seen in e2e 13).
pub fn remove_webview_dir(dir: &Path) {
    #[cfg(target_os = "linux")]
    end_webkit_helpers();
    let _ = std::fs::remove_dir_all(dir);
}

/// How long WebKit's helpers get to end by themselves before they are killed.
#[cfg(target_os = "linux")]
const HELPERS_GRACE: std::time::Duration = std::time::Duration::from_secs(2);

/// Asks this process's WebKit children (web and network process) to end and waits
/// until they have, killing what is left after [`HELPERS_GRACE`]. The window is closed
/// by now and the page keeps nothing of its own, so nothing is lost. The wait is on each
/// helper's pidfd, which becomes readable when it has exited (no polling).
#[cfg(target_os = "linux")]
fn end_webkit_helpers() {
    use rustix::process::{kill_process, pidfd_open, Pid, PidfdFlags, Signal};
    for pid in webkit_children(std::process::id()) {
        let Some(pid) = Pid::from_raw(pid) else {
            continue;
        };
        // Opened before the signal, so the fd is this process even once its pid is free.
        let Ok(fd) = pidfd_open(pid, PidfdFlags::empty()) else {
            continue;
        };
        let _ = kill_process(pid, Signal::TERM);
        if !exited(&fd, HELPERS_GRACE) {
            let _ = rustix::process::pidfd_send_signal(&fd, Signal::KILL);
            // A killed process stops at once; the bound only guards against a kernel
            // that never reports it.
            let _ = exited(&fd, HELPERS_GRACE);
        }
    }
}

/// Waits up to `limit` for the process behind `fd` to exit.
#[cfg(target_os = "linux")]
fn exited(fd: &rustix::fd::OwnedFd, limit: std::time::Duration) -> bool {
    use rustix::event::{poll, PollFd, PollFlags, Timespec};
    let timeout = Timespec {
        tv_sec: limit.as_secs() as i64,
        tv_nsec: i64::from(limit.subsec_nanos()),
    };
    let mut fds = [PollFd::new(fd, PollFlags::IN)];
    matches!(poll(&mut fds, Some(&timeout)), Ok(n) if n > 0)
}

/// The pids of `parent`'s children whose name starts with "WebKit".
#[cfg(target_os = "linux")]
fn webkit_children(parent: u32) -> Vec<i32> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<i32>().ok())
        .filter(|pid| {
            let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
                return false;
            };
            let Some((name, rest)) = stat.split_once(" (").and_then(|(_, r)| r.rsplit_once(") "))
            else {
                return false;
            };
            let ppid = rest.split(' ').nth(1).and_then(|p| p.parse::<u32>().ok());
            name.starts_with("WebKit") && ppid == Some(parent)
        })
        .collect()
}

/// Whether `pid` still runs (exists and is not a zombie).
#[cfg(all(test, target_os = "linux"))]
fn running(pid: i32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
        stat.rsplit_once(") ")
            .is_some_and(|(_, rest)| !rest.starts_with('Z') && !rest.starts_with('X'))
    })
}

/// Webview folders whose process is gone (a crash or a kill).
fn remove_stale(base: &Path) {
    let Ok(entries) = std::fs::read_dir(base) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name
            .to_str()
            .and_then(|n| n.strip_prefix(WEBVIEW_PREFIX))
            .and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        if pid != std::process::id() && !Path::new(&format!("/proc/{pid}")).exists() {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// GTK's file chooser (the open and save dialogs) adds every chosen file to
/// ~/.local/share/recently-used.xbel unless this is off.
#[cfg(target_os = "linux")]
pub fn no_recent_files() {
    use gtk::glib::prelude::ObjectExt;
    if let Some(settings) = gtk::Settings::default() {
        settings.set_property("gtk-recent-files-enabled", false);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_webdriver_run_gets_a_folder() {
        assert!(automation_requested(Some("true")));
        for other in [None, Some(""), Some("1"), Some("false")] {
            assert!(!automation_requested(other), "{other:?}");
        }
    }

    /// A child named like WebKit's helpers is found, ended and waited for; other
    /// children are left alone.
    #[cfg(target_os = "linux")]
    #[test]
    fn webkit_helpers_are_ended_and_waited_for() {
        // The kernel names a process after its program's file: a copy of `sleep`
        // called WebKitNetworkProcess stands in for WebKit's helper.
        let tmp = tempfile::tempdir().expect("temp dir");
        let fake = tmp.path().join("WebKitNetworkProcess");
        std::fs::copy("/bin/sleep", &fake).expect("a copy of sleep");
        let mut helper = std::process::Command::new(&fake)
            .arg("30")
            .spawn()
            .expect("a helper");
        let mut other = std::process::Command::new("sleep")
            .arg("30")
            .spawn()
            .expect("another child");
        let helper_pid = helper.id() as i32;
        assert_eq!(webkit_children(std::process::id()), vec![helper_pid]);
        let started = std::time::Instant::now();
        end_webkit_helpers();
        assert!(!running(helper_pid), "ended before the folder goes");
        assert!(started.elapsed() < HELPERS_GRACE, "it ended on TERM");
        assert!(running(other.id() as i32), "not ours to end");
        let _ = other.kill();
        let _ = other.wait();
        let _ = helper.wait();
    }

    #[test]
    fn a_stale_webview_folder_is_removed_and_ours_is_private() {
        let tmp = tempfile::tempdir().expect("temp dir");
        // No process has pid 4194304 (above Linux's pid_max limit).
        let stale = tmp.path().join(format!("{WEBVIEW_PREFIX}4194304"));
        std::fs::create_dir(&stale).expect("stale");
        std::fs::write(stale.join("WebKitCache"), b"x").expect("file");
        let other = tmp.path().join("iets-anders");
        std::fs::create_dir(&other).expect("other");
        remove_stale(tmp.path());
        assert!(!stale.exists());
        assert!(other.exists(), "only our own folders are touched");
    }
}
