//! Measured reading of the self-made corpus (crate::corpus): Dutch agency letters as
//! 300 dpi scans and as phone-like photos. Asserts what a user must be able to rely
//! on: no wrong date or kenmerk is ever suggested, and on clean scans at least 90% of
//! the dates and kenmerken are found, and the character error rates meet their goals
//! (≤ 2% on clean scans, ≤ 6% on phone photos); each line's errors are printed.

use dossier_tesseract::corpus::{self, Score};
use dossier_tesseract::Tesseract;

fn report(class: &str, scores: &[(&str, Score)]) -> (f64, usize, usize, usize) {
    let mut cer = 0.0;
    let (mut expected, mut found, mut wrong) = (0, 0, 0);
    for (name, s) in scores {
        eprintln!(
            "{class:5} {name:24} CER {:5.2}%  found {}/{}  wrong {}  {:.1} s {:?}",
            s.cer * 100.0,
            s.found,
            s.expected,
            s.wrong,
            s.seconds,
            s.wrong_what
        );
        cer += s.cer;
        expected += s.expected;
        found += s.found;
        wrong += s.wrong;
    }
    (cer / scores.len() as f64, expected, found, wrong)
}

#[test]
fn clean_scans_and_phone_photos_of_dutch_letters() {
    let engine = Tesseract::dutch().expect("tesseract-ocr-nld");
    let mut clean = Vec::new();
    let mut photo = Vec::new();
    for sample in corpus::samples() {
        let scan = corpus::render(&sample);
        let s = corpus::score(&engine, &sample, "image/png", &corpus::png(&scan));
        if s.cer > 0.05 {
            eprintln!("--- {} read as:\n{}", sample.name, s.text);
        }
        // Where the errors are, so a reader of the output can tell layout from reading.
        for (want, got, edits) in corpus::line_errors(&sample.lines(), &s.text) {
            if edits > 0 {
                eprintln!(
                    "  {} {edits:2} edits: {want:?} read as {got:?}",
                    sample.name
                );
            }
        }
        clean.push((sample.name, s));
        let jpeg = corpus::phone(&scan);
        let s = corpus::score(&engine, &sample, "image/jpeg", &jpeg);
        if s.cer > 0.10 {
            eprintln!("--- {} (photo) read as:\n{}", sample.name, s.text);
        }
        photo.push((sample.name, s));
    }
    let (cer_clean, exp_c, found_c, wrong_c) = report("clean", &clean);
    let (cer_photo, _exp_p, _found_p, wrong_p) = report("photo", &photo);
    eprintln!(
        "CER clean {:.2}%, photo {:.2}%; recall clean {found_c}/{exp_c}",
        cer_clean * 100.0,
        cer_photo * 100.0
    );
    assert_eq!(
        wrong_c + wrong_p,
        0,
        "a wrong date or kenmerk was suggested"
    );
    assert!(
        cer_clean <= 0.02,
        "CER on clean scans {:.2}% > 2%",
        cer_clean * 100.0
    );
    assert!(
        cer_photo <= 0.06,
        "CER on phone photos {:.2}% > 6%",
        cer_photo * 100.0
    );
    assert!(
        found_c * 10 >= exp_c * 9,
        "recall on clean scans {found_c}/{exp_c} is under 90%"
    );
}
