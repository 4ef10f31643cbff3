//! The desktop shell's security configuration, read from the files that define it:
//! fails when the CSP, the capabilities, the plugin list or the Tauri version regress.
#![allow(clippy::unwrap_used)] // tests: a panic is the failure report

use std::path::{Path, PathBuf};

use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn json(rel: &str) -> Value {
    serde_json::from_str(&read(rel)).unwrap()
}

/// Directive name → its sources.
fn csp_directives(csp: &str) -> Vec<(String, Vec<String>)> {
    csp.split(';')
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(|d| {
            let mut parts = d.split_whitespace().map(str::to_string);
            let name = parts.next().unwrap();
            (name, parts.collect())
        })
        .collect()
}

#[test]
fn csp_allows_no_eval_no_inline_or_data_scripts_and_no_remote_origin() {
    let conf = json("src-tauri/tauri.conf.json");
    let csp = conf["app"]["security"]["csp"]
        .as_str()
        .expect("a CSP string is set");
    let directives = csp_directives(csp);
    let get = |name: &str| {
        directives
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_else(|| panic!("CSP lacks {name}"))
    };
    assert_eq!(get("default-src"), ["'self'"]);
    assert_eq!(
        get("script-src"),
        ["'self'"],
        "scripts only from the app itself"
    );
    assert_eq!(get("object-src"), ["'none'"]);
    assert!(get("connect-src")
        .iter()
        .all(|s| s == "ipc:" || s == "http://ipc.localhost"));
    for (name, sources) in &directives {
        for s in sources {
            assert!(
                s != "'unsafe-eval'" && s != "'wasm-unsafe-eval'",
                "{name} allows eval"
            );
            assert!(
                s != "*" && !s.starts_with("https:") && s != "http:",
                "{name}: {s}"
            );
            if s.starts_with("http://") {
                assert_eq!(s, "http://ipc.localhost", "{name} allows a remote origin");
            }
            if name == "script-src" || name == "default-src" {
                assert!(!["data:", "blob:", "'unsafe-inline'"].contains(&s.as_str()));
            }
        }
    }
    assert_eq!(conf["app"]["security"]["freezePrototype"], true);
    assert_ne!(
        conf["app"]["withGlobalTauri"], true,
        "no global __TAURI__ object"
    );
    // Only styles may keep 'unsafe-inline' effective; scripts keep Tauri's hashing.
    let disabled = &conf["app"]["security"]["dangerousDisableAssetCspModification"];
    assert!(
        disabled == &Value::Bool(false) || disabled == &serde_json::json!(["style-src"]),
        "CSP modification may only be disabled for style-src, got {disabled}"
    );
}

#[test]
fn windows_load_only_the_bundled_ui() {
    let conf = json("src-tauri/tauri.conf.json");
    for w in conf["app"]["windows"].as_array().unwrap() {
        assert!(w
            .get("url")
            .is_none_or(|u| !u.as_str().unwrap_or("").contains("://")));
    }
    assert_eq!(conf["build"]["frontendDist"], "../ui/dist");
}

#[test]
fn capabilities_grant_only_our_commands_event_listening_and_the_folder_dialog() {
    let allowed_extra = [
        "core:event:allow-listen",
        "core:event:allow-unlisten",
        "dialog:allow-open",
        // Saving a copy of an attachment where the user chooses (F3).
        "dialog:allow-save",
    ];
    let build_rs = read("src-tauri/build.rs");
    let mut seen = 0;
    for entry in std::fs::read_dir(root().join("src-tauri/capabilities")).unwrap() {
        let path = entry.unwrap().path();
        let cap: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert!(
            cap.get("remote").is_none(),
            "{}: remote URLs get no access",
            path.display()
        );
        for p in cap["permissions"].as_array().unwrap() {
            let p = p
                .as_str()
                .expect("plain permission identifiers only, no scoped objects");
            if let Some(cmd) = p.strip_prefix("allow-") {
                let name = cmd.replace('-', "_");
                assert!(
                    build_rs.contains(&format!("\"{name}\"")),
                    "{p} is not one of our commands"
                );
            } else {
                assert!(
                    allowed_extra.contains(&p),
                    "{}: {p} is not allowed",
                    path.display()
                );
            }
            seen += 1;
        }
    }
    assert!(seen > 0);
}

#[test]
fn no_shell_http_or_opener_plugin_and_a_current_tauri() {
    let forbidden = [
        "shell",
        "http",
        "opener",
        "fs",
        "updater",
        "websocket",
        "upload",
    ];
    let cargo = read("src-tauri/Cargo.toml") + &read("Cargo.toml");
    let package = read("ui/package.json");
    for f in forbidden {
        assert!(
            !cargo.contains(&format!("tauri-plugin-{f}")),
            "tauri-plugin-{f} in Cargo.toml"
        );
        assert!(
            !package.contains(&format!("@tauri-apps/plugin-{f}\"")),
            "plugin-{f} in package.json"
        );
    }
    // Notifications are sent from Rust only (src-tauri/src/notify.rs): the webview gets
    // neither the JS plugin nor any `notification:` permission (the capability test
    // above refuses every permission not listed).
    assert!(
        !package.contains("@tauri-apps/plugin-notification"),
        "the webview must not get the notification plugin"
    );
    // Pin a Tauri with current security fixes: 2.x, at least 2.12.
    let lock = read("Cargo.lock");
    let key = "name = \"tauri\"\nversion = \"";
    let at = lock.find(key).expect("tauri in Cargo.lock");
    let version = lock[at + key.len()..].split('"').next().unwrap();
    let parts: Vec<u32> = version.split('.').map(|p| p.parse().unwrap_or(0)).collect();
    assert_eq!(parts[0], 2, "Tauri major version");
    assert!(parts[1] >= 12, "Tauri {version} is older than 2.12");
}

/// A command the shell registers but build.rs or the capability leaves out is refused by
/// Tauri's ACL at run time with a bare string, and its button silently does nothing (the
/// OCR commands shipped that way once). Every registered command must be granted.
#[test]
fn every_registered_command_is_declared_and_granted() {
    let lib = read("src-tauri/src/lib.rs");
    let build_rs = read("src-tauri/build.rs");
    let caps = read("src-tauri/capabilities/main.json");
    let start = lib.find("collect_commands![").expect("the command list");
    let end = start + lib[start..].find(']').expect("its end");
    let names: Vec<&str> = lib[start + "collect_commands![".len()..end]
        .split(',')
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .map(|s| s.rsplit("::").next().unwrap_or(s))
        .collect();
    assert!(names.len() > 50, "found the commands: {names:?}");
    for name in names {
        assert!(
            build_rs.contains(&format!("\"{name}\"")),
            "{name} is not declared in build.rs"
        );
        let grant = format!("\"allow-{}\"", name.replace('_', "-"));
        assert!(
            caps.contains(&grant),
            "{name} is not granted in capabilities/main.json"
        );
    }
}
