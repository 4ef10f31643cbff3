//! The packages' definition (tauri.conf.json's bundle section, the desktop entry, the
//! icons), checked without building them: `make test` stays short, while
//! `make package` builds the .deb/.rpm and scripts/package-check.sh reads them back.
#![allow(clippy::unwrap_used)] // tests: a panic is the failure report

use std::path::{Path, PathBuf};

use serde_json::Value;

fn shell() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn config() -> Value {
    let text = std::fs::read_to_string(shell().join("tauri.conf.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_owned())
        .collect()
}

/// Width and height from a PNG's IHDR chunk.
fn png_size(path: &Path) -> (u32, u32) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(
        &bytes[..8],
        b"\x89PNG\r\n\x1a\n",
        "{} is a PNG",
        path.display()
    );
    let be = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (be(16), be(20))
}

#[test]
fn the_bundle_builds_a_deb_and_an_rpm_and_nothing_that_downloads() {
    let bundle = &config()["bundle"];
    assert_eq!(bundle["active"], true);
    // AppImage (and its linuxdeploy) would be downloaded while bundling.
    assert_eq!(strings(&bundle["targets"]), ["deb", "rpm"]);
    // Tauri's name for the freedesktop category Office ("Office" itself is refused).
    assert_eq!(bundle["category"], "Productivity");
}

#[test]
fn the_version_comes_from_cargo() {
    // No version in tauri.conf.json: the bundler then takes the crate's, which is the
    // workspace's (one number for the app, the CLI and the packages).
    assert!(config().get("version").is_none());
}

#[test]
fn the_packages_depend_on_webkit_gtk_and_dutch_tesseract() {
    let linux = &config()["bundle"]["linux"];
    let deb = strings(&linux["deb"]["depends"]);
    for d in [
        "libwebkit2gtk-4.1-0",
        "libgtk-3-0",
        "libtesseract5",
        "tesseract-ocr-nld",
    ] {
        assert!(deb.iter().any(|x| x == d), "deb depends on {d}: {deb:?}");
    }
    let rpm = strings(&linux["rpm"]["depends"]);
    for d in [
        "webkit2gtk4.1",
        "gtk3",
        "tesseract-libs",
        "tesseract-langpack-nld",
    ] {
        assert!(rpm.iter().any(|x| x == d), "rpm requires {d}: {rpm:?}");
    }
}

#[test]
fn every_icon_has_the_size_its_name_says_and_sizes_do_not_repeat() {
    let mut sizes = Vec::new();
    for icon in strings(&config()["bundle"]["icon"]) {
        let (w, h) = png_size(&shell().join(&icon));
        assert_eq!(w, h, "{icon} is square");
        assert!(
            icon.ends_with(&format!("/{w}x{h}.png")),
            "{icon} is {w}x{h}"
        );
        // The bundler puts each size in one hicolor folder: a repeated size would overwrite.
        assert!(!sizes.contains(&w), "{icon}: size {w} twice");
        sizes.push(w);
    }
    for needed in [32, 48, 64, 128, 256] {
        assert!(sizes.contains(&needed), "an icon of {needed}x{needed}");
    }
}

#[test]
fn the_desktop_entry_is_in_dutch_and_english_and_in_office() {
    let linux = &config()["bundle"]["linux"];
    let template = linux["deb"]["desktopTemplate"].as_str().unwrap();
    assert_eq!(linux["rpm"]["desktopTemplate"].as_str(), Some(template));
    let text = std::fs::read_to_string(shell().join(template)).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    for line in [
        "[Desktop Entry]",
        "Type=Application",
        "Name={{name}}",
        "Exec={{exec}}",
        "Icon={{icon}}",
        "Categories=Office;",
        "Terminal=false",
    ] {
        assert!(lines.contains(&line), "desktop entry has {line}");
    }
    let comment = |key: &str| {
        lines
            .iter()
            .find_map(|l| l.strip_prefix(key))
            .unwrap_or_else(|| panic!("desktop entry has {key}"))
    };
    assert!(comment("Comment=").contains("uitkeringsinstantie"));
    assert!(comment("Comment[nl]=").contains("uitkeringsinstantie"));
    assert!(comment("Comment[en]=").contains("benefits agency"));
}
