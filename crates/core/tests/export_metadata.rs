#![allow(clippy::unwrap_used)] // tests: a panic is the failure report
//! No photo metadata reaches the PDF (issue 14 part 2): a phone photo with a GPS
//! position, a camera model and a comment goes in; `exiftool` (Debian's
//! libimage-exiftool-perl) finds none of it in the image poppler's `pdfimages` takes
//! back out of the bundle, nor in the PDF itself; an EXIF orientation is applied first;
//! the dossier keeps the original bytes, and the index names the original's hash as
//! `sha256sum` computes it.

mod common;

use std::io::Cursor;
use std::path::Path;
use std::process::Command;

use common::{clock, day, dossier};
use dossier_core::export::ExportOptions;
use dossier_core::{EntryKind, NewEntry};

fn run(cmd: &str, args: &[&str]) -> String {
    let out = Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{cmd} (installed by scripts/setup.sh --test): {e}"));
    assert!(
        out.status.success(),
        "{cmd} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A 400 × 300 photo written by the image crate, then given EXIF by exiftool itself.
fn phone_photo(dir: &Path, name: &str, orientation: Option<u8>) -> Vec<u8> {
    let img = image::RgbImage::from_fn(400, 300, |x, y| {
        // Dark top-left corner, so a rotation shows in the placed pixels.
        if x < 100 && y < 60 {
            image::Rgb([20, 20, 20])
        } else {
            image::Rgb([240, 238, 230])
        }
    });
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Jpeg).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, out.into_inner()).unwrap();
    let p = path.to_str().unwrap();
    let mut args = vec![
        "-q",
        "-overwrite_original",
        "-GPSLatitude=52.3676",
        "-GPSLatitudeRef=N",
        "-GPSLongitude=4.9041",
        "-GPSLongitudeRef=E",
        "-Model=Opvangpand Camera 7",
        "-Comment=thuis bij mijn zus",
        "-XMP-dc:Creator=Ayse",
    ];
    let o;
    if let Some(n) = orientation {
        o = format!("-Orientation#={n}");
        args.push(&o);
    }
    args.push(p);
    run("exiftool", &args);
    // The input really carries what must not get out.
    let tags = run("exiftool", &["-a", "-G1", "-s", p]);
    assert!(
        tags.contains("GPSLatitude") && tags.contains("Opvangpand"),
        "{tags}"
    );
    std::fs::read(&path).unwrap()
}

#[test]
fn photos_are_printed_without_location_camera_or_comments() {
    let tmp = tempfile::tempdir().unwrap();
    let files = tmp.path().join("in");
    std::fs::create_dir(&files).unwrap();
    let upright = phone_photo(&files, "brief.jpg", None);
    let turned = phone_photo(&files, "gedraaid.jpg", Some(6)); // 90° clockwise
    let sums = run("sha256sum", &[files.join("brief.jpg").to_str().unwrap()]);
    let original_hash = sums.split_whitespace().next().unwrap().to_string();

    let mut d = dossier(&tmp.path().join("dossier"));
    let c = clock();
    let e = d
        .add_entry(
            &NewEntry::new(EntryKind::LetterIn, day("2026-11-02"), "Brief met foto"),
            &c,
        )
        .unwrap();
    let a = d.attach(e.id, "brief.jpg", &upright, &c).unwrap();
    d.attach(e.id, "gedraaid.jpg", &turned, &c).unwrap();

    let options = ExportOptions {
        include_attachments: true,
        ..ExportOptions::default()
    };
    let pdf = d.export_pdf(&options, &c).unwrap();
    let out = tmp.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let pdf_path = out.join("bundle.pdf");
    std::fs::write(&pdf_path, &pdf).unwrap();
    let pdf_p = pdf_path.to_str().unwrap();

    // The images as placed: the upright one stays a JPEG (its data untouched), the
    // turned one is placed upright (300 × 400).
    let list = run("pdfimages", &["-list", pdf_p]);
    // One row per image: the rows whose first column is a page number (the two header
    // lines are not).
    let sizes: Vec<(String, String, String)> = list
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>())
        .filter(|f| f.len() > 8 && f[0].parse::<u32>().is_ok())
        .map(|f| (f[3].to_string(), f[4].to_string(), f[8].to_string()))
        .collect();
    assert!(
        sizes.contains(&("400".into(), "300".into(), "jpeg".into())),
        "{list}"
    );
    assert!(
        sizes.iter().any(|(w, h, _)| w == "300" && h == "400"),
        "orientation applied before printing: {list}"
    );
    let prefix = out.join("img");
    run("pdfimages", &["-all", pdf_p, prefix.to_str().unwrap()]);
    let mut extracted = 0;
    for f in std::fs::read_dir(&out).unwrap().flatten() {
        let p = f.path();
        if !p.file_name().unwrap().to_str().unwrap().starts_with("img") {
            continue;
        }
        extracted += 1;
        let tags = run("exiftool", &["-a", "-G1", "-s", p.to_str().unwrap()]);
        for leak in ["GPS", "Opvangpand", "zus", "Ayse", "Orientation"] {
            assert!(!tags.contains(leak), "{leak} in {}: {tags}", p.display());
        }
    }
    assert_eq!(extracted, 2, "both photos extracted");
    let in_pdf = run("exiftool", &["-a", "-G1", "-s", pdf_p]);
    assert!(
        !in_pdf.contains("GPS") && !in_pdf.contains("Opvangpand"),
        "{in_pdf}"
    );
    let bytes = String::from_utf8_lossy(&pdf);
    assert!(!bytes.contains("Opvangpand") && !bytes.contains("thuis bij"));

    // The dossier keeps the original, and the index says what was done.
    assert_eq!(d.attachment_bytes(a.id).unwrap(), upright);
    assert_eq!(a.sha256, original_hash);
    let text = run("pdftotext", &[pdf_p, "-"]);
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains("metadata verwijderd")
            && text.contains("het origineel in het dossier is ongewijzigd"),
        "{text}"
    );
    assert!(
        text.contains(&format!("SHA-256 van het origineel: {original_hash}")),
        "{text}"
    );
}
