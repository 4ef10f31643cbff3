//! `dossier`: the headless command line over the Dossierkluis core, for scripts,
//! advocates, tests and benchmarks. Its commands, flags and exit codes are a contract.

mod backup_cmd;
mod case_cmd;
mod commands;
mod deadline_cmd;
mod deadlines_cmd;
mod entry_cmd;
mod exemption_cmd;
mod export_cmd;
mod glossary_cmd;
mod json;
mod letter_cmd;
mod link_cmd;
mod mail_cmd;
mod messages;
mod ocr_cmd;
mod outfile;
mod package_cmd;
mod pdf_cmd;
mod people_cmd;
mod secrets;
mod verslag_cmd;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{ArgGroup, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "dossier",
    version,
    about = "Dossierkluis: your encrypted dossier, from the command line"
)]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Debug, Subcommand)]
enum Cmd {
    /// Create a new dossier in DIR; the recovery code is the last line of output
    Init { dir: PathBuf },
    /// Open DIR, verify its integrity and print a short summary
    Check { dir: PathBuf },
    /// Change the passphrase (new one from DOSSIER_NEW_PASSPHRASE or a prompt)
    Passwd { dir: PathBuf },
    /// Replace the recovery code; the old one stops working (new code is the last line)
    NewRecoveryCode { dir: PathBuf },
    /// Give the database a new data key and a new recovery code (the last line)
    Rekey { dir: PathBuf },
    /// Add an entry to the timeline; prints its id
    Add(Box<entry_cmd::AddArgs>),
    /// Write a letter from entry ENTRY_ID to FILE (pdf, txt, docx) and keep it as a draft
    /// letter-out entry; without --type, list the letters that fit the entry
    Letter(Box<letter_cmd::LetterArgs>),
    /// Mark a letter made with `letter` as sent: on which day, how, with the proof
    LetterSent {
        dir: PathBuf,
        id: i64,
        /// The day it was sent, YYYY-MM-DD
        #[arg(long)]
        on: String,
        /// How: aangetekend, e-mail, webformulier, balie…
        #[arg(long)]
        how: String,
        /// The proof of sending (a photo of the receipt, the confirmation e-mail)
        #[arg(long, value_name = "FILE")]
        proof: Option<PathBuf>,
    },
    /// Take back `letter-sent`: letter ID is a draft again, its link and the objection
    /// to-do as before it was sent (refused when the letter changed since)
    LetterUnsent { dir: PathBuf, id: i64 },
    /// Read the text of photo or scanned PDF ATTACHMENT_ID (OCR, Dutch, offline): prints
    /// the read text, labelled, and suggestions (`kind⇥value⇥"source words"`); the text
    /// is kept beside the entry and found by `list --search`
    Ocr(Box<ocr_cmd::OcrArgs>),
    /// Show the agency's report (verslag) of call or meeting ENTRY_ID: its file and its
    /// sentences (`start⇥sentence`); --set chooses which attachment it is
    Verslag(Box<verslag_cmd::VerslagArgs>),
    /// List the statements about entry ENTRY_ID's report:
    /// `id⇥status⇥important⇥quote⇥my version⇥support`
    Statements {
        dir: PathBuf,
        entry_id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Add a statement about the report of ENTRY_ID; prints its number
    StatementAdd {
        dir: PathBuf,
        entry_id: i64,
        #[command(flatten)]
        fields: Box<verslag_cmd::StatementFields>,
    },
    /// Change statement N of ENTRY_ID's report (what is not given stays)
    StatementChange {
        dir: PathBuf,
        entry_id: i64,
        n: u32,
        #[command(flatten)]
        fields: Box<verslag_cmd::StatementFields>,
    },
    /// Remove statement N of ENTRY_ID's report (the history keeps it)
    StatementRemove { dir: PathBuf, entry_id: i64, n: u32 },
    /// Show your own name, address and e-mail (used in letters); with flags, set them
    Profile(letter_cmd::ProfileArgs),
    /// List the entries, oldest first (tombstones only with --deleted)
    List {
        dir: PathBuf,
        /// One JSON array instead of lines (the format `import` reads)
        #[arg(long)]
        json: bool,
        /// Only entries containing these words (prefixes)
        #[arg(long, value_name = "Q")]
        search: Option<String>,
        /// Only this kind (repeatable)
        #[arg(long = "kind", value_name = "K")]
        kinds: Vec<String>,
        /// From this day on, YYYY-MM-DD
        #[arg(long)]
        from: Option<String>,
        /// Up to and including this day, YYYY-MM-DD
        #[arg(long)]
        to: Option<String>,
        /// Only entries this person takes part in
        #[arg(long, value_name = "NAME")]
        person: Option<String>,
        /// Only entries with this tag
        #[arg(long)]
        tag: Option<String>,
        /// Only entries of this organisation (or with someone from it)
        #[arg(long)]
        org: Option<String>,
        /// Only medical / private entries
        #[arg(long, conflicts_with = "no_medical")]
        medical: bool,
        /// No medical / private entries
        #[arg(long)]
        no_medical: bool,
        /// Include deleted entries (tombstones)
        #[arg(long)]
        deleted: bool,
    },
    /// Link entry FROM to entry TO: reply-to, objection-against or same-decision
    Link {
        dir: PathBuf,
        from: i64,
        to: i64,
        #[arg(long)]
        kind: String,
        /// Remove the link instead (the history keeps the earlier version)
        #[arg(long)]
        remove: bool,
    },
    /// List the links that start or end at entry ID (`from⇥kind⇥to`)
    Links {
        dir: PathBuf,
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Check integrity and recompute the history chain; prints the chain head
    Verify { dir: PathBuf },
    /// Add all entries of FILE (the JSON of `list --json`) in one transaction
    Import { dir: PathBuf, file: PathBuf },
    /// Turn e-mail files (.eml, .mbox, .msg) into email-in / email-out entries, all in
    /// one transaction; messages already in the dossier are skipped
    ImportMail(Box<mail_cmd::ImportMailArgs>),
    /// Print the chronological PDF bundle (cover, chronology, numbered exhibits) to FILE
    Export {
        dir: PathBuf,
        /// Where to write the PDF (must not exist yet)
        #[arg(long)]
        pdf: PathBuf,
        /// First day to include, YYYY-MM-DD
        #[arg(long)]
        from: Option<String>,
        /// Last day to include, YYYY-MM-DD
        #[arg(long)]
        to: Option<String>,
        /// Only these kinds (repeatable)
        #[arg(long = "kind")]
        kinds: Vec<String>,
        /// Add medical entries and papers, in a separate marked annex
        #[arg(long)]
        include_medical: bool,
        /// Leave out the attached originals (the index still lists them)
        #[arg(long)]
        no_attachments: bool,
        /// Language of the bundle: nl or en (default: the terminal's)
        #[arg(long = "lang")]
        pdf_lang: Option<String>,
        /// Only the entries of this case (see `dossier cases`)
        #[arg(long = "case", value_name = "ID")]
        case_id: Option<i64>,
    },
    /// Make the package for a lawyer in the new folder OUTDIR (or one .zip with --zip):
    /// read-me, bundle PDF, originals without photo metadata, deadlines (.ics),
    /// manifest.csv, SHA256SUMS and the chain head
    Package {
        dir: PathBuf,
        outdir: PathBuf,
        /// Only the entries of this case (see `dossier cases`)
        #[arg(long = "case", value_name = "ID")]
        case_id: Option<i64>,
        /// Write one .zip file instead of a folder
        #[arg(long)]
        zip: bool,
        /// Add medical entries and papers (a separate marked annex, their files too)
        #[arg(long)]
        medical: bool,
        /// Protect overzicht.pdf with a password (from DOSSIER_PDF_PASSWORD or asked twice)
        #[arg(long)]
        pdf_password: bool,
    },
    /// Write everything (entries with their history, people, periods) to FILE as JSON
    ExportJson {
        dir: PathBuf,
        file: PathBuf,
        /// Include the attachments' bytes (base64)
        #[arg(long)]
        with_attachments: bool,
    },
    /// Make one encrypted backup file of DIR (an age file for the recovery code)
    Backup { dir: PathBuf, file: PathBuf },
    /// Check a backup fully without restoring it (recovery code from
    /// DOSSIER_RECOVERY_CODE or a prompt); prints what it holds
    BackupCheck { file: PathBuf },
    /// Restore a backup into the new folder DIR (new passphrase from
    /// DOSSIER_NEW_PASSPHRASE), or with --in-place over the dossier DIR
    Restore {
        file: PathBuf,
        dir: PathBuf,
        /// Replace the contents of the dossier DIR, after a safety backup of it
        #[arg(long)]
        in_place: bool,
        /// Where the safety backup goes (default: beside DIR)
        #[arg(long, value_name = "FILE", requires = "in_place")]
        safety_backup: Option<PathBuf>,
    },
    /// Print the age identity that decrypts your backups (`age -d -i`), from the
    /// recovery code
    BackupIdentity,
    /// List the people (and klantmanager periods)
    People {
        dir: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Add a person; prints their id
    PersonAdd {
        dir: PathBuf,
        #[arg(long)]
        name: String,
        /// klantmanager, jobhunter, handhaver, keuringsarts, advocaat…
        #[arg(long, default_value = "")]
        role: String,
        #[arg(long, default_value = "")]
        org: String,
        #[arg(long, default_value = "")]
        phone: String,
        #[arg(long, default_value = "")]
        email: String,
    },
    /// Record that PERSON was your own klantmanager from a day (to a day, or still)
    Klantmanager {
        dir: PathBuf,
        #[arg(long, value_name = "NAME")]
        person: String,
        /// First day, YYYY-MM-DD
        #[arg(long)]
        from: String,
        /// Last day, YYYY-MM-DD (leave out while it lasts)
        #[arg(long)]
        to: Option<String>,
    },
    /// List the exemptions (ontheffingen), with a warning when one ends soon
    Exemptions {
        dir: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Record an exemption from a duty; prints its id
    ExemptionAdd {
        dir: PathBuf,
        /// work, applying, tegenprestatie, reintegration or other
        #[arg(long)]
        duty: String,
        /// Which duty (required with --duty other)
        #[arg(long, default_value = "")]
        duty_text: String,
        /// First day, YYYY-MM-DD
        #[arg(long)]
        from: String,
        /// Last day, YYYY-MM-DD
        #[arg(long)]
        to: String,
        /// Who decided ("klantmanager J. de Vries, WPI")
        #[arg(long, default_value = "")]
        decided_by: String,
        /// medical-assessment, letter, conversation or other
        #[arg(long, default_value = "other")]
        basis: String,
        #[arg(long, default_value = "")]
        basis_text: String,
        #[arg(long, default_value = "")]
        notes: String,
        /// An entry that documents it (repeatable)
        #[arg(long = "entry", value_name = "ID")]
        entries: Vec<i64>,
    },
    /// List the cases: `id⇥status⇥entries⇥first⇥last⇥title`
    Cases {
        dir: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Make a case; prints its id
    CaseAdd {
        dir: PathBuf,
        #[arg(long)]
        title: String,
        /// open, objection, hearing, appeal or closed
        #[arg(long, default_value = "open")]
        status: String,
        #[arg(long, default_value = "")]
        notes: String,
    },
    /// Put entries in a case
    CaseEntry {
        dir: PathBuf,
        case_id: i64,
        #[arg(required = true)]
        entry_ids: Vec<i64>,
        /// Take them out instead
        #[arg(long)]
        remove: bool,
    },
    /// Set the status of a case: open, objection, hearing, appeal or closed
    CaseStatus {
        dir: PathBuf,
        case_id: i64,
        status: String,
    },
    /// List contacts that went against an agreement about contact:
    /// `entry⇥agreement⇥agreed_on⇥rule`
    Violations {
        dir: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// List the to-dos (deadlines) of DIR: missed ones first, then open ones soonest first, as
    /// `act-by⇥last day⇥state⇥sentence`
    Deadlines {
        dir: PathBuf,
        /// One JSON array instead of lines
        #[arg(long)]
        json: bool,
        /// Also the done and not-needed ones
        #[arg(long)]
        all: bool,
        /// Write the open ones to this calendar file (.ics) instead (must not exist yet)
        #[arg(long, value_name = "FILE")]
        ics: Option<PathBuf>,
        /// See the to-dos as on this day, YYYY-MM-DD (default: today; for tests)
        #[arg(long, value_name = "DATE")]
        today: Option<String>,
    },
    /// Set what you decided about a to-do: done, not-needed or reopen
    Todo {
        dir: PathBuf,
        /// The entry the to-do comes from
        entry_id: i64,
        /// objection, appeal, reply, repair, appointment, follow-up or decision-due
        kind: String,
        /// done, not-needed or reopen
        choice: String,
        /// With done: the entry that did it (e.g. the objection letter)
        #[arg(long, value_name = "ENTRY_ID")]
        by: Option<i64>,
    },
    /// The agency's words explained (no dossier needed): term, explanation, source,
    /// checked-on
    Glossary {
        /// nl or en (default: the language of your system)
        #[arg(long, value_name = "nl|en")]
        lang: Option<String>,
        /// A JSON array instead of lines
        #[arg(long)]
        json: bool,
    },
    /// Compute the last day to object to a decision (no dossier needed); give exactly
    /// one of --sent, --received, --letter-dated
    #[command(group(ArgGroup::new("known").required(true).args(["sent", "received", "letter_dated"])))]
    Deadline {
        /// The day the decision was sent, YYYY-MM-DD (best: the law counts from it)
        #[arg(long)]
        sent: Option<String>,
        /// Only the day you received it is known: counts from 7 days earlier
        #[arg(long)]
        received: Option<String>,
        /// Only the date printed on the letter is known (dagtekening)
        #[arg(long)]
        letter_dated: Option<String>,
        /// The date is of a decision on objection: compute the appeal (beroep) deadline
        #[arg(long)]
        appeal: bool,
        /// One JSON object instead of text
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    // Before any secret is typed or any dossier opened: a crash must not leave the key
    // or decrypted letters in a core file. Failing to turn them off is not fatal.
    let _ = dossier_core::process::disable_core_dumps();
    let cli = Cli::parse();
    let lang = messages::Lang::from_env();
    let result = match cli.command {
        Cmd::Init { dir } => commands::init(&dir, lang),
        Cmd::Check { dir } => commands::check(&dir, lang),
        Cmd::Passwd { dir } => commands::passwd(&dir, lang),
        Cmd::NewRecoveryCode { dir } => commands::new_recovery_code(&dir, lang),
        Cmd::Rekey { dir } => commands::rekey(&dir, lang),
        Cmd::Add(args) => entry_cmd::add(&args, lang),
        Cmd::Letter(args) => letter_cmd::letter(&args, lang),
        Cmd::LetterSent {
            dir,
            id,
            on,
            how,
            proof,
        } => letter_cmd::sent(&dir, id, &on, &how, proof.as_deref(), lang),
        Cmd::LetterUnsent { dir, id } => letter_cmd::unsent(&dir, id, lang),
        Cmd::Profile(args) => letter_cmd::profile(&args, lang),
        Cmd::Ocr(args) => ocr_cmd::ocr(&args, lang),
        Cmd::Verslag(args) => verslag_cmd::verslag(&args, lang),
        Cmd::Statements {
            dir,
            entry_id,
            json,
        } => verslag_cmd::statements(&dir, entry_id, json, lang),
        Cmd::StatementAdd {
            dir,
            entry_id,
            fields,
        } => verslag_cmd::add(&dir, entry_id, &fields, lang),
        Cmd::StatementChange {
            dir,
            entry_id,
            n,
            fields,
        } => verslag_cmd::change(&dir, entry_id, n, &fields, lang),
        Cmd::StatementRemove { dir, entry_id, n } => verslag_cmd::remove(&dir, entry_id, n, lang),
        Cmd::List {
            dir,
            json,
            search,
            kinds,
            from,
            to,
            person,
            tag,
            org,
            medical,
            no_medical,
            deleted,
        } => {
            let args = entry_cmd::ListArgs {
                json,
                search,
                kinds,
                from,
                to,
                person,
                tag,
                org,
                medical: match (medical, no_medical) {
                    (true, _) => Some(true),
                    (_, true) => Some(false),
                    _ => None,
                },
                deleted,
            };
            entry_cmd::list(&dir, &args, lang)
        }
        Cmd::Verify { dir } => commands::verify(&dir, lang),
        Cmd::Link {
            dir,
            from,
            to,
            kind,
            remove,
        } => link_cmd::link(&dir, from, to, &kind, remove, lang),
        Cmd::Links { dir, id, json } => link_cmd::links(&dir, id, json, lang),
        Cmd::Import { dir, file } => entry_cmd::import(&dir, &file, lang),
        Cmd::ImportMail(args) => mail_cmd::import_mail(&args, lang),
        Cmd::Export {
            dir,
            pdf,
            from,
            to,
            kinds,
            include_medical,
            no_attachments,
            pdf_lang,
            case_id,
        } => {
            let args = pdf_cmd::PdfArgs {
                case_id,
                from: from.as_deref(),
                to: to.as_deref(),
                kinds: &kinds,
                include_medical,
                no_attachments,
                pdf_lang: pdf_lang.as_deref(),
            };
            pdf_cmd::export(&dir, &pdf, &args, lang)
        }
        Cmd::Package {
            dir,
            outdir,
            case_id,
            zip,
            medical,
            pdf_password,
        } => package_cmd::package(
            &dir,
            &outdir,
            package_cmd::PackageArgs {
                case_id,
                zip,
                medical,
                pdf_password,
            },
            lang,
        ),
        Cmd::ExportJson {
            dir,
            file,
            with_attachments,
        } => export_cmd::export_json(&dir, &file, with_attachments, lang),
        Cmd::Backup { dir, file } => backup_cmd::backup(&dir, &file, lang),
        Cmd::BackupCheck { file } => backup_cmd::backup_check(&file, lang),
        Cmd::Restore {
            file,
            dir,
            in_place,
            safety_backup,
        } => {
            let args = backup_cmd::RestoreArgs {
                in_place,
                safety_backup,
            };
            backup_cmd::restore(&file, &dir, &args, lang)
        }
        Cmd::BackupIdentity => backup_cmd::backup_identity(lang),
        Cmd::People { dir, json } => people_cmd::people(&dir, json, lang),
        Cmd::PersonAdd {
            dir,
            name,
            role,
            org,
            phone,
            email,
        } => {
            let args = people_cmd::PersonArgs {
                name,
                role,
                org,
                phone,
                email,
            };
            people_cmd::person_add(&dir, &args, lang)
        }
        Cmd::Klantmanager {
            dir,
            person,
            from,
            to,
        } => people_cmd::klantmanager(&dir, &person, &from, to.as_deref(), lang),
        Cmd::Exemptions { dir, json } => exemption_cmd::exemptions(&dir, json, lang),
        Cmd::ExemptionAdd {
            dir,
            duty,
            duty_text,
            from,
            to,
            decided_by,
            basis,
            basis_text,
            notes,
            entries,
        } => {
            let args = exemption_cmd::ExemptionArgs {
                duty,
                duty_text,
                from,
                to,
                decided_by,
                basis,
                basis_text,
                notes,
                entries,
            };
            exemption_cmd::exemption_add(&dir, &args, lang)
        }
        Cmd::Cases { dir, json } => case_cmd::cases(&dir, json, lang),
        Cmd::CaseAdd {
            dir,
            title,
            status,
            notes,
        } => case_cmd::case_add(&dir, &title, &status, &notes, lang),
        Cmd::CaseEntry {
            dir,
            case_id,
            entry_ids,
            remove,
        } => case_cmd::case_entry(&dir, case_id, &entry_ids, remove, lang),
        Cmd::CaseStatus {
            dir,
            case_id,
            status,
        } => case_cmd::case_status(&dir, case_id, &status, lang),
        Cmd::Violations { dir, json } => case_cmd::violations(&dir, json, lang),
        Cmd::Deadlines {
            dir,
            json,
            all,
            ics,
            today,
        } => {
            let args = deadlines_cmd::DeadlinesArgs {
                json,
                all,
                ics: ics.as_deref(),
                today: today.as_deref(),
            };
            deadlines_cmd::deadlines(&dir, &args, lang)
        }
        Cmd::Todo {
            dir,
            entry_id,
            kind,
            choice,
            by,
        } => deadlines_cmd::todo(&dir, entry_id, &kind, &choice, by, lang),
        Cmd::Glossary {
            lang: text_lang,
            json,
        } => glossary_cmd::glossary(text_lang.as_deref(), json, lang),
        Cmd::Deadline {
            sent,
            received,
            letter_dated,
            appeal,
            json,
        } => {
            let given = deadline_cmd::Given {
                sent: sent.as_deref(),
                received: received.as_deref(),
                letter_dated: letter_dated.as_deref(),
            };
            deadline_cmd::deadline(given, appeal, json, lang)
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let (line, code) = messages::explain(&e, lang);
            eprintln!("{line}");
            ExitCode::from(code)
        }
    }
}
