//! `dossier export DIR --pdf FILE`: the chronological PDF bundle (F9) for a lawyer or
//! an objection. A thin adapter over core's export; FILE is the only thing written.

use std::io::Write;
use std::path::Path;

use dossier_core::entry::parse_date;
use dossier_core::export::{ExportOptions, Lang as PdfLang};
use dossier_core::{EntryKind, Error, SystemClock};

use crate::commands::{open, Result};
use crate::messages::Lang;

/// The flags as typed (`--from`, `--to`, `--kind`…, `--include-medical`,
/// `--no-attachments`, `--lang`).
#[derive(Debug, Clone, Copy, Default)]
pub struct PdfArgs<'a> {
    pub from: Option<&'a str>,
    pub to: Option<&'a str>,
    pub kinds: &'a [String],
    pub include_medical: bool,
    pub no_attachments: bool,
    /// `nl` or `en`; the CLI's own language when absent.
    pub pdf_lang: Option<&'a str>,
    /// Only the entries of this case (`--case ID`).
    pub case_id: Option<i64>,
}

/// The language `--lang` asks for (`nl` or `en`), else the CLI's own.
pub fn text_lang(flag: Option<&str>, lang: Lang) -> Result<PdfLang> {
    Ok(match flag.map(str::trim) {
        None => match lang {
            Lang::Nl => PdfLang::Nl,
            Lang::En => PdfLang::En,
        },
        Some("nl") => PdfLang::Nl,
        Some("en") => PdfLang::En,
        Some(other) => {
            return Err(Error::Invalid(format!("unknown language '{other}'; use nl or en")).into())
        }
    })
}

fn options(args: &PdfArgs<'_>, lang: Lang) -> Result<ExportOptions> {
    let date = |s: Option<&str>| s.map(parse_date).transpose();
    let bundle_lang = text_lang(args.pdf_lang, lang)?;
    Ok(ExportOptions {
        from: date(args.from)?,
        to: date(args.to)?,
        kinds: args
            .kinds
            .iter()
            .map(|k| EntryKind::from_name(k))
            .collect::<std::result::Result<_, _>>()?,
        include_medical: args.include_medical,
        include_attachments: !args.no_attachments,
        lang: bundle_lang,
        ..ExportOptions::default()
    })
}

pub fn export(dir: &Path, pdf: &Path, args: &PdfArgs<'_>, lang: Lang) -> Result {
    let options = options(args, lang)?;
    crate::outfile::refuse_existing(pdf)?;
    let d = open(dir, lang)?;
    let options = match args.case_id {
        Some(id) => ExportOptions {
            case_label: Some(crate::case_cmd::live_case(&d, id)?.data.title),
            entry_ids: Some(d.case_entry_ids(id)?),
            ..options
        },
        None => options,
    };
    let bundle = d.export_bundle(&options, &SystemClock)?;
    crate::outfile::write_new(pdf, &bundle.bytes)?;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{} {} ({} {}, {} {}, {} {}; {})",
        lang.pick("PDF gemaakt:", "PDF made:"),
        pdf.display(),
        bundle.pages,
        lang.pick("pagina's", "pages"),
        bundle.entries,
        lang.pick("registraties", "entries"),
        bundle.exhibits,
        lang.pick("bijlagen", "exhibits"),
        language_words(options.lang, lang),
    )?;
    if bundle.placeholders > 0 {
        writeln!(
            out,
            "{} {}",
            bundle.placeholders,
            lang.pick(
                "bijlage(n) konden niet worden afgedrukt; ze staan erin als pagina met uitleg en vingerafdruk",
                "exhibit(s) could not be printed; they are in as a page with an explanation and fingerprint"
            )
        )?;
    }
    Ok(())
}

/// Which language the PDF is in, and how to get the other one: the CLI follows `LANG`,
/// which a user may not know.
fn language_words(pdf: PdfLang, lang: Lang) -> &'static str {
    match pdf {
        PdfLang::Nl => lang.pick(
            "in het Nederlands; --lang en voor Engels",
            "in Dutch; --lang en for English",
        ),
        PdfLang::En => lang.pick(
            "in het Engels; --lang nl voor Nederlands",
            "in English; --lang nl for Dutch",
        ),
    }
}
