//! `dossier ocr`: a photo of a letter read offline, its text kept beside the entry and
//! found by search, suggestions printed (never filled in), and no word of the letter in
//! any file the CLI wrote (issue 15 part 1).
#![allow(clippy::unwrap_used)] // tests: a panic is the failure report

mod common;

use std::path::Path;
use std::process::Output;

use common::{fails, ok};
use dossier_tesseract::corpus;

fn dossier(args: &[&str], lang: &str, tmpdir: &Path) -> Output {
    common::command(args, lang)
        .env("DOSSIER_PASSPHRASE", common::PASS)
        // Anything a library would put in a temp file lands here, to be checked.
        .env("TMPDIR", tmpdir)
        .output()
        .unwrap()
}

fn files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(files(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn a_photographed_letter_is_read_searched_and_suggests_without_filling_in() {
    let tmp = tempfile::tempdir().unwrap();
    let scratch = tmp.path().join("tmp");
    std::fs::create_dir(&scratch).unwrap();
    let d = tmp.path().join("kluis");
    let d = d.to_str().unwrap();
    let sample = corpus::samples()
        .into_iter()
        .find(|s| s.name == "uitnodiging-gesprek")
        .unwrap();
    let photo = tmp.path().join("brief.jpg");
    std::fs::write(&photo, corpus::phone(&corpus::render(&sample))).unwrap();
    let nl = |args: &[&str]| dossier(args, "nl_NL.UTF-8", &scratch);

    ok(&nl(&["init", d]));
    let id = ok(&nl(&[
        "add",
        d,
        "--kind",
        "letter-in",
        "--date",
        "2026-04-03",
        "--title",
        "Brief op papier",
        "--attach",
        photo.to_str().unwrap(),
    ]));
    assert_eq!(id.trim(), "1");
    assert!(ok(&nl(&["list", d, "--search", "identiteitsbewijs"]))
        .trim()
        .is_empty());

    let run = nl(&["ocr", d, "1"]);
    let out = ok(&run);
    assert!(String::from_utf8_lossy(&run.stderr).contains("pagina 1 van 1"));
    assert!(
        out.starts_with("Gelezen tekst (kan fouten bevatten) — Tesseract 5"),
        "{out}"
    );
    assert!(out.contains("identiteitsbewijs"), "{out}");
    for line in [
        "datum van de brief\t2026-04-02\t\"",
        "kenmerk\tZK-2026-118834\t\"",
        "reageren vóór\t2026-04-09\t\"",
    ] {
        assert!(out.contains(line), "missing {line:?} in:\n{out}");
    }

    // Search finds the entry by a word only the photo has; the entry is unchanged.
    let found = ok(&nl(&["list", d, "--search", "identiteitsbewijs"]));
    assert!(found.starts_with("1\t"), "{found}");
    let json = ok(&nl(&[
        "export-json",
        d,
        tmp.path().join("e.json").to_str().unwrap(),
    ]));
    let _ = json;
    let exported = std::fs::read_to_string(tmp.path().join("e.json")).unwrap();
    assert!(
        !exported.contains("ZK-2026-118834"),
        "the kenmerk was not filled in"
    );

    // Shown again from the dossier without reading anew; --json for scripts.
    let again = ok(&dossier(
        &["ocr", d, "1", "--json"],
        "en_GB.UTF-8",
        &scratch,
    ));
    let v: serde_json::Value = serde_json::from_str(&again).unwrap();
    assert_eq!(v["pages"], 1);
    assert!(v["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["kind"] == "kenmerk" && s["value"] == "ZK-2026-118834"));

    // Canary: no word of the letter in any file written (the export aside, which the
    // user asked for and which holds no read text).
    std::fs::remove_file(tmp.path().join("e.json")).unwrap();
    for f in files(tmp.path()) {
        if f == photo {
            continue;
        }
        let bytes = std::fs::read(&f).unwrap();
        for canary in [&b"identiteitsbewijs"[..], b"ZK-2026-118834", b"loonstrook"] {
            assert!(
                !bytes.windows(canary.len()).any(|w| w == canary),
                "{} holds {:?}",
                f.display(),
                String::from_utf8_lossy(canary)
            );
        }
    }
    assert!(files(&scratch).is_empty(), "nothing in TMPDIR");

    // A file without pictures is refused with a reason.
    let txt = tmp.path().join("n.txt");
    std::fs::write(&txt, "tekst").unwrap();
    ok(&nl(&[
        "add",
        d,
        "--kind",
        "note",
        "--date",
        "2026-04-03",
        "--title",
        "n",
        "--attach",
        txt.to_str().unwrap(),
    ]));
    let err = fails(&dossier(&["ocr", d, "2"], "en_GB.UTF-8", &scratch), 13);
    assert!(err.contains("no text can be read"), "{err}");
}
