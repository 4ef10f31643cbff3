//! Tests of the shell's promises that no single command test can see: no command takes
//! a path from the webview (it could name any file the user can read or write), and the
//! dialog test hook cannot reach a release build.

use std::collections::BTreeSet;

/// String arguments that are not paths, each for a reason: secrets, typed text, a
/// dialog's title, and single names that Rust checks (`dialogs::bare_name`) and puts
/// inside a folder the user chose. A new string argument must be added here on purpose.
const STRING_ARGS: &[&str] = &[
    "passphrase",
    "current",
    "newPassphrase",
    "recoveryCode",
    "query",
    "title",
    "fileName",
    "subfolder",
    "reason",
    "name",
    "fromOn",
    "toOn",
    "role",
    "kind",
    "choice",
    "status",
    "date",
    // Letters: each is parsed into a closed set or a day in Rust (LetterType::from_name,
    // LetterFormat::from_name, parse_date, how_sent) and refused otherwise.
    "letterType",
    "format",
    "sentOn",
    "how",
    "email",
    // An organisation's name, only compared with the names letters went to.
    "organisation",
    // The package's PDF password: only ever a password, never opened as a file.
    "pdfPassword",
    // The verslag's text as the user typed it from a photo: stored as text, never opened.
    "typedText",
];

/// Words that mark a value as naming a place on disk.
const PATH_WORDS: &[&str] = &["path", "dir", "folder", "file", "target", "safety"];

fn looks_like_a_path(name: &str) -> bool {
    let lower = name.to_lowercase();
    PATH_WORDS.iter().any(|w| lower.contains(w))
}

/// Splits `a: T, b: U<V, W>` at top-level commas.
fn split_args(args: &str) -> Vec<(String, String)> {
    let (mut out, mut depth, mut cur) = (Vec::new(), 0i32, String::new());
    for c in args.chars() {
        match c {
            '<' | '{' | '(' | '[' => depth += 1,
            '>' | '}' | ')' | ']' => depth -= 1,
            _ => {}
        }
        if c == ',' && depth == 0 {
            out.push(std::mem::take(&mut cur));
        } else {
            cur.push(c);
        }
    }
    out.push(cur);
    out.into_iter()
        .filter(|a| !a.trim().is_empty())
        .filter_map(|a| {
            let (n, t) = a.split_once(':')?;
            Some((n.trim().to_string(), t.trim().to_string()))
        })
        .collect()
}

/// The definition of `export type NAME = …` in the bindings (an object spans lines).
fn type_body<'a>(ts: &'a str, name: &str) -> Option<&'a str> {
    let start = ts.find(&format!("export type {name} = "))?;
    let rest = &ts[start..];
    let end = if rest[format!("export type {name} = ").len()..].starts_with('{') {
        rest.find("\n};").map(|e| e + 3)
    } else {
        rest.find(";\n").map(|e| e + 1)
    };
    Some(&rest[..end.unwrap_or(rest.len())])
}

/// Every `field: string` (or `string | null`) in the types an argument can carry.
fn string_fields(ts: &str, ty: &str, seen: &mut BTreeSet<String>, out: &mut Vec<String>) {
    for word in ty.split(|c: char| !c.is_alphanumeric() && c != '_') {
        if word.is_empty() || !word.starts_with(char::is_uppercase) || !seen.insert(word.into()) {
            continue;
        }
        let Some(body) = type_body(ts, word) else {
            continue;
        };
        let (head, fields) = body.split_once('{').unwrap_or((body, ""));
        // `A = B | C`: look inside B and C.
        string_fields(
            ts,
            head.split_once('=').map(|(_, t)| t).unwrap_or(""),
            seen,
            out,
        );
        for line in fields.lines().map(str::trim) {
            if line.starts_with("/*") || line.starts_with('*') || line.starts_with('}') {
                continue;
            }
            let Some((field, fty)) = line.trim_end_matches(',').split_once(':') else {
                continue;
            };
            let field = field.trim().trim_end_matches('?');
            if fty.split('|').any(|t| t.trim() == "string") {
                out.push(format!("{word}.{field}"));
            }
            string_fields(ts, fty, seen, out);
        }
    }
}

/// What the webview can pass: each command's arguments as (command, name, type).
fn what_commands_accept(ts: &str) -> Vec<(String, String, String)> {
    let start = ts.find("export const commands = {").expect("commands");
    let commands = &ts[start..];
    let commands = &commands[..commands.find("\n};").expect("end of commands")];
    let mut out = Vec::new();
    for line in commands.lines() {
        // `\tname: (a: T, b: U) => …`
        let Some((name, rest)) = line.trim().split_once(": (") else {
            continue;
        };
        let mut depth = 1;
        let Some(close) = rest.char_indices().find_map(|(i, c)| {
            match c {
                '(' => depth += 1,
                ')' => depth -= 1,
                _ => {}
            }
            (depth == 0).then_some(i)
        }) else {
            continue;
        };
        for (arg, ty) in split_args(&rest[..close]) {
            out.push((name.to_string(), arg, ty));
        }
    }
    out
}

fn fresh_bindings() -> String {
    let tmp = tempfile::tempdir().expect("temp dir");
    let path = tmp.path().join("bindings.ts");
    crate::specta_builder()
        .export(specta_typescript::Typescript::default(), &path)
        .expect("export bindings");
    std::fs::read_to_string(&path).expect("read bindings")
}

#[test]
fn no_command_accepts_a_path_from_the_webview() {
    let ts = fresh_bindings();
    let accepted = what_commands_accept(&ts);
    assert!(
        accepted
            .iter()
            .any(|(c, a, _)| c == "exportPdf" && a == "target"),
        "the parser must see the commands: {accepted:?}"
    );
    let mut problems = Vec::new();
    for (command, arg, ty) in &accepted {
        let is_string = ty.split('|').any(|t| t.trim() == "string");
        if is_string && !STRING_ARGS.contains(&arg.as_str()) {
            problems.push(format!(
                "{command}({arg}: {ty}): a string argument not known to be safe"
            ));
        }
        // The two names inside a dialog's choice (`dialogs::bare_name`) say "file" and
        // "folder" but cannot hold a separator.
        let bare_name = arg == "fileName" || arg == "subfolder";
        if is_string && looks_like_a_path(arg) && !bare_name {
            problems.push(format!("{command}({arg}: {ty}) looks like a path"));
        }
        let mut fields = Vec::new();
        string_fields(&ts, ty, &mut BTreeSet::new(), &mut fields);
        for f in fields
            .iter()
            .filter(|f| looks_like_a_path(f.rsplit('.').next().unwrap_or("")))
        {
            problems.push(format!(
                "{command}({arg}) carries {f}, a string that looks like a path"
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "commands that take paths from the webview:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_checker_finds_a_path_argument() {
    // The same rules on a made-up command that takes a path: they must object.
    let ts = "export const commands = {\n\tsavePdf: (path: string, opts: Opts) => __TAURI_INVOKE(\"save_pdf\"),\n};\n\nexport type Opts = Opts_A | Opts_B;\n\nexport type Opts_A = {\n\t/** where */\n\toutDir?: string | null,\n\tn: number,\n};\n";
    let accepted = what_commands_accept(ts);
    assert_eq!(
        accepted[0],
        ("savePdf".into(), "path".into(), "string".into())
    );
    assert!(!STRING_ARGS.contains(&"path") && looks_like_a_path("path"));
    let mut fields = Vec::new();
    string_fields(ts, &accepted[1].2, &mut BTreeSet::new(), &mut fields);
    assert_eq!(fields, vec!["Opts_A.outDir".to_string()]);
}

const HOOK_ENV: &str = concat!("DOSSIERKLUIS_", "TEST_DIALOG");

fn source(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// The line before the first line containing `needle` (attributes sit there).
fn line_before(text: &str, needle: &str) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let at = lines.iter().position(|l| l.contains(needle))?;
    at.checked_sub(1).map(|i| lines[i].trim().to_string())
}

/// The hook is compiled only with debug assertions: its module is declared under
/// `cfg(debug_assertions)` and is itself `#![cfg(debug_assertions)]`, its one caller is
/// too, and no other file knows the variable. A release binary, when one was built,
/// must not contain the variable's name.
#[test]
fn release_builds_lack_the_dialog_test_hook() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for entry in std::fs::read_dir(&dir).expect("src") {
        let path = entry.expect("entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        let text = std::fs::read_to_string(&path).expect("read");
        let mentions = text.contains(HOOK_ENV) || text.contains("dialog_hook");
        let allowed = ["dialog_hook.rs", "lib.rs", "dialogs.rs", "hardening.rs"];
        assert!(
            !mentions || allowed.contains(&name.as_str()),
            "{name} reaches the test hook"
        );
    }
    assert!(
        source("dialog_hook.rs").contains(&format!("pub const QUEUE_ENV: &str = \"{HOOK_ENV}\""))
    );
    assert!(source("dialog_hook.rs").contains("\n#![cfg(debug_assertions)]\n"));
    assert_eq!(
        line_before(&source("lib.rs"), "mod dialog_hook;").as_deref(),
        Some("#[cfg(debug_assertions)]")
    );
    let dialogs = source("dialogs.rs");
    assert_eq!(dialogs.matches("dialog_hook").count(), 1, "one caller");
    assert_eq!(
        line_before(&dialogs, "crate::dialog_hook::").as_deref(),
        Some("#[cfg(debug_assertions)]")
    );
    // The build this test runs in has the hook, so the check below can see it.
    assert_eq!(crate::dialog_hook::QUEUE_ENV, HOOK_ENV);
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"));
    let release = target.join("release/dossierkluis");
    if let Ok(bytes) = std::fs::read(&release) {
        let found = bytes
            .windows(HOOK_ENV.len())
            .any(|w| w == HOOK_ENV.as_bytes());
        assert!(!found, "{} contains the test hook", release.display());
    }
}
