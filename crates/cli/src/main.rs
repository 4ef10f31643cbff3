//! `dossier`: the headless command line over the Dossierkluis core, for scripts,
//! advocates, tests and benchmarks. Its commands, flags and exit codes are a contract.

mod commands;
mod deadline_cmd;
mod messages;
mod secrets;

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
    /// Add an entry to the timeline
    Add {
        dir: PathBuf,
        /// Kind of entry: letter-in, letter-out, call-in, call-out, meeting, home-visit,
        /// video-call, email-in, email-out, sms, portal, decision, medical-assessment,
        /// agreement, signed, job-application, note
        #[arg(long)]
        kind: String,
        /// The day it happened, YYYY-MM-DD
        #[arg(long)]
        date: String,
        #[arg(long)]
        title: String,
        #[arg(long, default_value = "")]
        notes: String,
    },
    /// List the entries, oldest first
    List {
        dir: PathBuf,
        /// One JSON array instead of lines
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
    let cli = Cli::parse();
    let lang = messages::Lang::from_env();
    let result = match cli.command {
        Cmd::Init { dir } => commands::init(&dir, lang),
        Cmd::Check { dir } => commands::check(&dir, lang),
        Cmd::Passwd { dir } => commands::passwd(&dir, lang),
        Cmd::Add {
            dir,
            kind,
            date,
            title,
            notes,
        } => commands::add(&dir, &kind, &date, &title, &notes, lang),
        Cmd::List { dir, json } => commands::list(&dir, json, lang),
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
