//! OCR (issue 15): the self-made corpus (crates/tesseract corpus.rs) read by Tesseract:
//! character error rate per class (clean 300 dpi scans; phone-like photos), suggestion
//! precision (wrong dates and kenmerken) and recall, seconds per page.
//! `dossier-bench ocr` runs only this.

use dossier_tesseract::corpus;
use dossier_tesseract::Tesseract;

pub fn run() {
    let engine = match Tesseract::dutch() {
        Ok(e) => e,
        Err(e) => {
            println!("OCR: not measured: {e}");
            return;
        }
    };
    println!(
        "OCR, {} ({} Dutch agency letters, own corpus):",
        dossier_core::ocr::OcrEngine::name(&engine),
        corpus::samples().len()
    );
    let mut classes: [(&str, Vec<corpus::Score>); 2] = [
        ("clean scan 300 dpi", vec![]),
        ("phone photo (3°, blur, light, q60)", vec![]),
    ];
    for sample in corpus::samples() {
        let scan = corpus::render(&sample);
        classes[0].1.push(corpus::score(
            &engine,
            &sample,
            "image/png",
            &corpus::png(&scan),
        ));
        classes[1].1.push(corpus::score(
            &engine,
            &sample,
            "image/jpeg",
            &corpus::phone(&scan),
        ));
    }
    for (name, scores) in &classes {
        let n = scores.len() as f64;
        let cer = scores.iter().map(|s| s.cer).sum::<f64>() / n;
        let worst = scores.iter().map(|s| s.cer).fold(0.0, f64::max);
        let expected: usize = scores.iter().map(|s| s.expected).sum();
        let found: usize = scores.iter().map(|s| s.found).sum();
        let wrong: usize = scores.iter().map(|s| s.wrong).sum();
        let secs = scores.iter().map(|s| s.seconds).sum::<f64>() / n;
        let precision = if found + wrong == 0 {
            1.0
        } else {
            found as f64 / (found + wrong) as f64
        };
        println!(
            "  {name:<36} CER {:5.2}% (worst {:5.2}%)  dates+kenmerken found {found}/{expected} ({:.0}%), wrong {wrong} (precision {:.0}%)  {secs:.2} s/page",
            cer * 100.0,
            worst * 100.0,
            found as f64 * 100.0 / expected.max(1) as f64,
            precision * 100.0,
        );
    }
    println!("  goals: CER ≤ 2% clean, ≤ 6% photo; no wrong date; ≥ 90% found on clean scans");
}
