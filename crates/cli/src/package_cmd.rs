//! `dossier package DIR OUTDIR`: the advocate package (folder or .zip) from core's
//! `Dossier::package`. Refuses a taken OUTDIR before asking anything.

use std::io::Write;
use std::path::{Path, PathBuf};

use dossier_core::export::ExportOptions;
use dossier_core::package;
use dossier_core::SystemClock;

use crate::commands::{open, Result};
use crate::messages::Lang;

/// The flags as typed.
#[derive(Debug, Clone, Copy, Default)]
pub struct PackageArgs {
    pub case_id: Option<i64>,
    pub zip: bool,
    pub medical: bool,
    pub pdf_password: bool,
}

/// `OUT` with `.zip` added when `--zip` and it has no such ending.
fn zip_name(out: &Path) -> PathBuf {
    let is_zip = out
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("zip"));
    if is_zip {
        out.to_path_buf()
    } else {
        let mut s = out.as_os_str().to_owned();
        s.push(".zip");
        PathBuf::from(s)
    }
}

pub fn package(dir: &Path, out: &Path, args: PackageArgs, lang: Lang) -> Result {
    let out = if args.zip {
        zip_name(out)
    } else {
        out.to_path_buf()
    };
    package::check_target(&out, args.zip)?;
    let d = open(dir, lang)?;
    let password = if args.pdf_password {
        Some(crate::secrets::pdf_password(lang)?)
    } else {
        None
    };
    let mut options = ExportOptions {
        include_medical: args.medical,
        lang: match lang {
            Lang::Nl => dossier_core::export::Lang::Nl,
            Lang::En => dossier_core::export::Lang::En,
        },
        ..ExportOptions::default()
    };
    if let Some(id) = args.case_id {
        options.case_label = Some(crate::case_cmd::live_case(&d, id)?.data.title);
        options.entry_ids = Some(d.case_entry_ids(id)?);
    }
    let rng = ring::rand::SystemRandom::new();
    let pkg = d.package(
        &options,
        password.as_deref().map(String::as_str),
        &rng,
        &SystemClock,
    )?;
    if args.zip {
        package::write_zip(&pkg, &out, &SystemClock)?;
    } else {
        package::write_dir(&pkg, &out)?;
    }
    let mut o = std::io::stdout().lock();
    writeln!(
        o,
        "{} {} ({} {}, {} {}; {})",
        lang.pick("Advocaatpakket gemaakt:", "Lawyer's package made:"),
        out.display(),
        pkg.originals,
        lang.pick("originelen", "originals"),
        pkg.stripped,
        lang.pick(
            "foto's zonder verborgen gegevens",
            "pictures without hidden metadata"
        ),
        if args.medical {
            lang.pick("met medische gegevens", "with medical material")
        } else {
            lang.pick("zonder medische gegevens", "without medical material")
        },
    )?;
    writeln!(
        o,
        "{}",
        lang.pick(
            "Het pakket is niet versleuteld: geef het alleen aan uw advocaat en bewaar het veilig",
            "The package is not encrypted: give it only to your lawyer and keep it safe"
        )
    )?;
    if pkg.pdf_locked {
        writeln!(
            o,
            "{}",
            lang.pick(
                "overzicht.pdf heeft een wachtwoord. Geef dat wachtwoord via de telefoon, nooit in dezelfde e-mail als het pakket",
                "overzicht.pdf has a password. Give that password by phone, never in the same e-mail as the package"
            )
        )?;
    }
    Ok(())
}
