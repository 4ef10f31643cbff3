//! `letter`, `letter-sent`, `letter-unsent`, `profile`: letters from an entry (F12) and
//! the user's own details they are signed with. Thin adapters over core's letters API.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use dossier_core::entry::parse_date;
use dossier_core::letters::{Blank, LetterFormat, LetterRequest, LetterType};
use dossier_core::{
    dutch_today, Clock, Dossier, EnclosureOption, Error, PreparedAttachment, Profile, SystemClock,
};

use crate::commands::{open, Result};
use crate::messages::{CliError, Lang};

/// The flags of `dossier letter`, as typed.
#[derive(Debug, Default, clap::Args)]
pub struct LetterArgs {
    pub dir: PathBuf,
    /// The entry the letter is about (a decision, a call, a meeting…)
    pub entry_id: i64,
    /// inzage, voorlopig-bezwaar, bezwaar, bevestiging, verslag, correctie,
    /// ingebrekestelling or klacht; without it, the letters that fit the entry are listed
    #[arg(long = "type", value_name = "T")]
    pub letter_type: Option<String>,
    /// Where to write the letter (must not exist yet)
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// pdf, txt or docx (default: FILE's extension)
    #[arg(long)]
    pub format: Option<String>,
    /// A blank of the letter: KEY=VALUE (repeatable; `|` separates address lines)
    #[arg(long = "fill", value_name = "KEY=VALUE")]
    pub fills: Vec<String>,
    /// A reason for an objection, one numbered paragraph each (repeatable)
    #[arg(long = "ground", value_name = "TEXT")]
    pub grounds: Vec<String>,
    /// An entry whose date, title and what was agreed make a reason (repeatable)
    #[arg(long = "ground-entry", value_name = "ID")]
    pub ground_entries: Vec<i64>,
    /// A paper sent along, as it should be named in the list of enclosures (repeatable)
    #[arg(long = "enclosure", value_name = "TEXT")]
    pub enclosures: Vec<String>,
    /// An exhibit of the dossier's overview sent along, by its number (repeatable; the
    /// list of letters shows them under bezwaar)
    #[arg(long = "exhibit", value_name = "N")]
    pub exhibits: Vec<String>,
    /// Only write the file: no letter-out entry and no to-do
    #[arg(long)]
    pub preview: bool,
    /// With --type correctie: fill the letter from the statements about the entry's
    /// report (each one marked incorrect, incomplete, not-said or not-discussed becomes
    /// a numbered point); --fill still overrides
    #[arg(long)]
    pub from_statements: bool,
}

fn fills(raw: &[String]) -> Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for f in raw {
        let (k, v) = f.split_once('=').ok_or_else(|| {
            Error::Invalid(format!(
                "--fill {f}: write it as KEY=VALUE, e.g. --fill naam=\"Fatima el Amrani\""
            ))
        })?;
        out.insert(k.trim().to_string(), v.to_string());
    }
    Ok(out)
}

fn blank_line(b: &Blank, lang: Lang) -> String {
    let label = lang.pick(&b.label_nl, &b.label_en);
    let state = match (&b.suggested, b.required) {
        (_, true) if b.missing => lang.pick("ontbreekt", "missing").to_string(),
        (Some(s), _) => format!(
            "{}: {}",
            lang.pick("uit het dossier", "from the dossier"),
            s.replace('\n', " | ")
        ),
        (None, true) => lang.pick("nodig", "needed").to_string(),
        (None, false) => lang.pick("mag", "optional").to_string(),
    };
    format!("  --fill {}=…\t{label}\t{state}", b.key)
}

/// Without `--type`: the letters that fit the entry, with what each needs.
fn list(dir: &Path, entry_id: i64, lang: Lang) -> Result {
    let d = open(dir, lang)?;
    let today = dutch_today(SystemClock.now());
    let options = d.letter_options(entry_id, today)?;
    let mut out = std::io::stdout().lock();
    for o in options {
        writeln!(
            out,
            "{}\t{}",
            o.letter_type.name(),
            lang.pick(&o.title_nl, &o.title_en)
        )?;
        writeln!(out, "  {}", lang.pick(&o.explain_nl, &o.explain_en))?;
        for b in &o.blanks {
            writeln!(out, "{}", blank_line(b, lang))?;
        }
        if o.letter_type == LetterType::Bezwaar {
            for x in d.enclosure_options(entry_id)? {
                writeln!(out, "  --exhibit {}\t{}", x.label, x.text)?;
            }
        }
    }
    Ok(())
}

/// The enclosure lines of the exhibits numbered `labels`, in the overview's order (as
/// the screen sends them); an unknown number refuses the letter before anything is made.
fn exhibit_lines(d: &Dossier, entry_id: i64, labels: &[String]) -> Result<Vec<String>> {
    if labels.is_empty() {
        return Ok(Vec::new());
    }
    let options: Vec<EnclosureOption> = d.enclosure_options(entry_id)?;
    if let Some(unknown) = labels
        .iter()
        .find(|l| !options.iter().any(|o| o.label == l.trim()))
    {
        return Err(CliError::UnknownExhibit {
            label: unknown.trim().to_string(),
            known: options.into_iter().map(|o| o.label).collect(),
        });
    }
    Ok(options
        .into_iter()
        .filter(|o| labels.iter().any(|l| l.trim() == o.label))
        .map(|o| o.text)
        .collect())
}

pub fn letter(args: &LetterArgs, lang: Lang) -> Result {
    let Some(type_name) = &args.letter_type else {
        return list(&args.dir, args.entry_id, lang);
    };
    let letter_type = LetterType::from_name(type_name)?;
    let out = args.out.as_ref().ok_or_else(|| {
        Error::Invalid("--out FILE is needed with --type (the file to write the letter to)".into())
    })?;
    let format = match &args.format {
        Some(f) => LetterFormat::from_name(f)?,
        None => LetterFormat::from_path(out)?,
    };
    let mut req = LetterRequest {
        fills: fills(&args.fills)?,
        grounds: args.grounds.clone(),
        enclosures: args.enclosures.clone(),
    };
    crate::outfile::refuse_existing(out)?;
    let mut d = open(&args.dir, lang)?;
    let mut enclosures = exhibit_lines(&d, args.entry_id, &args.exhibits)?;
    enclosures.append(&mut req.enclosures);
    req.enclosures = enclosures;
    if args.from_statements {
        for (k, v) in d.correction_fills(args.entry_id)? {
            req.fills.entry(k).or_insert(v);
        }
    }
    for id in &args.ground_entries {
        req.grounds
            .push(dossier_core::letters::ground_from_entry(&d.entry(*id)?));
    }
    let clock = SystemClock;
    let today = dutch_today(clock.now());
    // Rendered first, so a letter that cannot be made writes nothing at all.
    let preview = match d.render_letter(args.entry_id, letter_type, &req, format, today) {
        Ok(p) => p,
        Err(Error::LetterIncomplete(missing)) => {
            let blanks = d.letter_blanks(args.entry_id, letter_type, &req, today)?;
            let mut err = std::io::stderr().lock();
            writeln!(
                err,
                "{}",
                lang.pick(
                    "Deze brief heeft nog nodig (vul in met --fill SLEUTEL=WAARDE):",
                    "This letter still needs (fill in with --fill KEY=VALUE):"
                )
            )?;
            for b in blanks.iter().filter(|b| b.missing) {
                writeln!(err, "{}", blank_line(b, lang))?;
            }
            return Err(Error::LetterIncomplete(missing).into());
        }
        Err(e) => return Err(e.into()),
    };
    if args.preview {
        crate::outfile::write_new(out, &preview.bytes)?;
        writeln!(
            std::io::stdout().lock(),
            "{} {} ({}, {}; {})",
            lang.pick("Brief gemaakt:", "Letter made:"),
            out.display(),
            letter_type.name(),
            format.name(),
            lang.pick("niet bewaard in het dossier", "not kept in the dossier"),
        )?;
        return Ok(());
    }
    let mut file = crate::outfile::create_new(out)?;
    let made = match d.make_letter(args.entry_id, letter_type, &req, format, &clock) {
        Ok(m) => m,
        Err(e) => {
            // Ours, and still empty: nothing was made.
            drop(file);
            let _ = std::fs::remove_file(out);
            return Err(e.into());
        }
    };
    file.write_all(&made.rendered.bytes)
        .and_then(|()| file.sync_all())
        .map_err(|e| Error::io(format!("write {}", out.display()), e))?;
    let mut o = std::io::stdout().lock();
    writeln!(
        o,
        "{} {} ({}, {})",
        lang.pick("Brief gemaakt:", "Letter made:"),
        out.display(),
        letter_type.name(),
        format.name()
    )?;
    writeln!(
        o,
        "{} {} ({}; {} {})",
        lang.pick("Bewaard als registratie", "Kept as entry"),
        made.entry.id,
        lang.pick(
            "concept tot u hem verstuurd meldt",
            "a draft until you mark it sent"
        ),
        lang.pick("gekoppeld aan", "linked to"),
        args.entry_id
    )?;
    if let Some(day) = made.rendered.letter.term_ends {
        writeln!(
            o,
            "{} {day}",
            lang.pick(
                "Te doen: terugkomen op deze brief op",
                "To do: follow up on this letter on"
            ),
        )?;
    }
    Ok(())
}

/// `dossier letter-sent DIR ID --on D --how TEXT [--proof FILE]`.
pub fn sent(dir: &Path, id: i64, on: &str, how: &str, proof: Option<&Path>, lang: Lang) -> Result {
    let on = parse_date(on)?;
    let proof = proof.map(PreparedAttachment::from_file).transpose()?;
    let mut d = open(dir, lang)?;
    let e = d.mark_letter_sent(id, on, how, proof.as_ref(), &SystemClock)?;
    writeln!(
        std::io::stdout().lock(),
        "{} {} {} {on} ({})",
        lang.pick("Brief", "Letter"),
        e.id,
        lang.pick("verstuurd op", "sent on"),
        e.data.channel
    )?;
    Ok(())
}

/// `dossier letter-unsent DIR ID`: takes back `letter-sent` (the letter is a draft
/// again, its link and the objection to-do as before the sending).
pub fn unsent(dir: &Path, id: i64, lang: Lang) -> Result {
    let mut d = open(dir, lang)?;
    let e = d.undo_letter_sent(id, &SystemClock)?;
    writeln!(
        std::io::stdout().lock(),
        "{} {} {}",
        lang.pick("Brief", "Letter"),
        e.id,
        lang.pick(
            "is weer een concept: niet verstuurd",
            "is a draft again: not sent"
        ),
    )?;
    Ok(())
}

/// The flags of `dossier profile`.
#[derive(Debug, Default, clap::Args)]
pub struct ProfileArgs {
    pub dir: PathBuf,
    /// Your name, as under a letter
    #[arg(long)]
    pub name: Option<String>,
    /// One line of your postal address (repeatable, in order; replaces the address)
    #[arg(long = "address", value_name = "LINE")]
    pub address: Vec<String>,
    /// Your own e-mail address
    #[arg(long)]
    pub email: Option<String>,
}

/// Prints your details; with flags, changes them first (what is not given stays).
pub fn profile(args: &ProfileArgs, lang: Lang) -> Result {
    let mut d = open(&args.dir, lang)?;
    let mut p = d.profile()?;
    let changing = args.name.is_some() || !args.address.is_empty() || args.email.is_some();
    if changing {
        p = Profile {
            name: args.name.clone().unwrap_or(p.name),
            address: if args.address.is_empty() {
                p.address
            } else {
                args.address.clone()
            },
            email: args.email.clone().unwrap_or(p.email),
        };
        p = d.set_profile(&p)?;
    }
    let mut o = std::io::stdout().lock();
    writeln!(o, "{}\t{}", lang.pick("naam", "name"), p.name)?;
    for line in &p.address {
        writeln!(o, "{}\t{line}", lang.pick("adres", "address"))?;
    }
    writeln!(o, "{}\t{}", lang.pick("e-mail", "e-mail"), p.email)?;
    Ok(())
}
