//! `ocr`: read the text of a photographed or scanned attachment (Tesseract, Dutch,
//! offline) and print it, labelled as read text, with the suggestions it supports.
//! The text is kept in the dossier beside the entry (searchable, never in the history);
//! nothing is filled in for the user: the suggestions are printed to accept by hand.

use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use dossier_core::ocr::SuggestionKind;
use dossier_core::{ReadText, SystemClock};
use dossier_tesseract::Tesseract;

use crate::commands::{open, Result};
use crate::messages::Lang;

/// The flags of `dossier ocr`.
#[derive(Debug, clap::Args)]
pub struct OcrArgs {
    pub dir: PathBuf,
    /// The photo (JPEG, PNG, TIFF, WebP) or scanned PDF to read
    pub attachment_id: i64,
    /// Read it again even when it was read before
    #[arg(long)]
    pub again: bool,
    /// One JSON object instead of text
    #[arg(long)]
    pub json: bool,
}

fn kind_name(k: SuggestionKind, lang: Lang) -> &'static str {
    match k {
        SuggestionKind::LetterDate => lang.pick("datum van de brief", "letter date"),
        SuggestionKind::Kenmerk => lang.pick("kenmerk", "kenmerk"),
        SuggestionKind::ReplyBy => lang.pick("reageren vóór", "reply by"),
        SuggestionKind::Decision => lang.pick("besluit", "decision"),
        SuggestionKind::Threat => lang.pick("dreiging", "threat"),
    }
}

pub fn ocr(args: &OcrArgs, lang: Lang) -> Result {
    let mut d = open(&args.dir, lang)?;
    let stored = if args.again {
        None
    } else {
        d.read_text(args.attachment_id)?
    };
    let read: ReadText = match stored {
        Some(r) => r,
        None => {
            let engine = Tesseract::dutch()?;
            let cancel = AtomicBool::new(false);
            let mut err = std::io::stderr();
            d.read_attachment_text(
                args.attachment_id,
                &engine,
                &cancel,
                &mut |p| {
                    if p.done < p.total {
                        let _ = writeln!(
                            err,
                            "{} {} {} {}…",
                            lang.pick("pagina", "page"),
                            p.done + 1,
                            lang.pick("van", "of"),
                            p.total
                        );
                    }
                },
                &SystemClock,
            )?
        }
    };
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &read).map_err(std::io::Error::from)?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(
        out,
        "{} — {}, {} {}",
        lang.pick(
            "Gelezen tekst (kan fouten bevatten)",
            "Text read from the image (may contain errors)"
        ),
        read.engine,
        read.pages,
        if read.pages == 1 {
            lang.pick("pagina", "page")
        } else {
            lang.pick("pagina's", "pages")
        }
    )?;
    writeln!(out, "{}", read.text.trim_end())?;
    writeln!(out)?;
    if read.suggestions.is_empty() {
        writeln!(out, "{}", lang.pick("Geen suggesties.", "No suggestions."))?;
    } else {
        writeln!(
            out,
            "{}",
            lang.pick(
                "Suggesties (niets is ingevuld; neem ze zelf over):",
                "Suggestions (nothing was filled in; copy what is right yourself):"
            )
        )?;
        for s in &read.suggestions {
            writeln!(
                out,
                "{}\t{}\t\"{}\"",
                kind_name(s.kind, lang),
                s.value,
                s.source
            )?;
        }
    }
    Ok(())
}
