//! Reading the text of scanned and photographed letters (OCR), offline: the engine
//! trait, the pages an attachment yields, and the read text as a labelled layer of its
//! own. The engine itself lives outside core (crates/tesseract: C FFI), so a Windows
//! build can bring another one; core only prepares pixels and interprets text.
//!
//! Nothing here writes to disk: pages are decoded, prepared and handed to the engine
//! in memory, and the text goes back into the encrypted store (api/ocr.rs).

mod pdf;
pub mod prepare;
pub mod suggest;

use std::sync::atomic::{AtomicBool, Ordering};

use serde::Serialize;
use zeroize::Zeroizing;

use crate::error::{Error, Result};

pub use suggest::{suggest, Suggestion, SuggestionKind};

/// One page as the engine gets it: 8-bit grayscale, one byte per pixel, rows without
/// padding, already turned upright, straightened and stretched (see [`prepare`]).
#[derive(Debug)]
pub struct GrayPage {
    pub width: u32,
    pub height: u32,
    /// The resolution the page is now equivalent to (300 after upscaling a photo).
    pub dpi: u32,
    /// Zeroed on drop: the pixels are the letter.
    pub pixels: Zeroizing<Vec<u8>>,
}

/// What the engine read on one page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PageText {
    pub text: String,
    /// The engine's mean word confidence, 0–100, when it gives one.
    pub confidence: Option<u8>,
}

/// An OCR engine. Implementations must keep everything in memory (no temporary
/// files) and should check `cancel` as often as they cheaply can.
pub trait OcrEngine: Send + Sync + std::fmt::Debug {
    /// The engine and its language model as stored with the text, e.g.
    /// "Tesseract 5.3.0 (nld)".
    fn name(&self) -> String;
    /// Reads one page. Returns [`Error::Cancelled`] when `cancel` was set meanwhile.
    fn read(&self, page: &GrayPage, cancel: &AtomicBool) -> Result<PageText>;
}

/// How far reading has come: page `done` of `total` (0 of N before the first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct OcrProgress {
    pub done: u32,
    pub total: u32,
}

/// All pages of one attachment, read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OcrText {
    pub engine: String,
    pub pages: Vec<PageText>,
}

impl OcrText {
    /// The pages' text joined, a form feed between pages.
    pub fn text(&self) -> String {
        let pages: Vec<&str> = self.pages.iter().map(|p| p.text.trim_end()).collect();
        pages.join("\n\u{c}\n")
    }
}

/// The most pages read of one PDF: a scanned letter has a few; a 300-page scan would
/// keep the engine busy for half an hour.
pub const MAX_PAGES: usize = 40;

/// True for the types whose text only OCR can read (PDFs only for pages without text).
pub fn readable(media_type: &str) -> bool {
    matches!(
        media_type,
        "image/jpeg" | "image/png" | "image/tiff" | "image/webp" | "image/gif" | "application/pdf"
    )
}

/// The prepared pages of an attachment: the picture itself, or the images of a PDF's
/// pages that have no text of their own. Empty when there is nothing to read.
pub fn pages(media_type: &str, bytes: &[u8]) -> Result<Vec<GrayPage>> {
    match media_type {
        "application/pdf" => {
            let images = pdf::page_images(bytes, MAX_PAGES);
            Ok(images
                .into_iter()
                .map(|(img, dpi)| prepare::prepare(img, None, dpi))
                .collect())
        }
        t if readable(t) => Ok(vec![prepare::from_bytes(t, bytes)?]),
        other => Err(Error::Invalid(format!(
            "no text can be read from files of type {other}"
        ))),
    }
}

/// Reads every page with `engine`, reporting progress before each page and after the
/// last, checking `cancel` between pages.
pub fn read(
    engine: &dyn OcrEngine,
    pages: &[GrayPage],
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(OcrProgress),
) -> Result<OcrText> {
    let total = pages.len() as u32;
    let mut out = Vec::with_capacity(pages.len());
    for (i, page) in pages.iter().enumerate() {
        if cancel.load(Ordering::Relaxed) {
            return Err(Error::Cancelled);
        }
        progress(OcrProgress {
            done: i as u32,
            total,
        });
        out.push(engine.read(page, cancel)?);
    }
    if cancel.load(Ordering::Relaxed) {
        return Err(Error::Cancelled);
    }
    progress(OcrProgress { done: total, total });
    Ok(OcrText {
        engine: engine.name(),
        pages: out,
    })
}
