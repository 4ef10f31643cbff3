//! `dossier link` / `dossier links`: relate entries ("reply-to", "objection-against",
//! "same-decision") and list an entry's links. Thin over core.

use std::io::Write;
use std::path::Path;

use dossier_core::{EntryLink, LinkKind, SystemClock};
use serde::Serialize;

use crate::commands::{open, Result};
use crate::messages::Lang;

pub fn link(dir: &Path, from: i64, to: i64, kind: &str, remove: bool, lang: Lang) -> Result {
    let link = EntryLink {
        from_id: from,
        to_id: to,
        kind: LinkKind::from_name(kind)?,
    };
    let mut d = open(dir, lang)?;
    if remove {
        d.unlink_entries(&link, &SystemClock)?;
    } else {
        d.link_entries(&link, &SystemClock)?;
    }
    Ok(())
}

#[derive(Serialize)]
struct LinkJson {
    from: i64,
    to: i64,
    kind: &'static str,
}

pub fn links(dir: &Path, id: i64, json: bool, lang: Lang) -> Result {
    let d = open(dir, lang)?;
    d.entry(id)?;
    let links = d.links(id)?;
    let mut out = std::io::stdout().lock();
    if json {
        let rows: Vec<LinkJson> = links
            .iter()
            .map(|l| LinkJson {
                from: l.from_id,
                to: l.to_id,
                kind: l.kind.name(),
            })
            .collect();
        serde_json::to_writer_pretty(&mut out, &rows).map_err(std::io::Error::from)?;
        writeln!(out)?;
    } else {
        for l in &links {
            writeln!(out, "{}\t{}\t{}", l.from_id, l.kind.name(), l.to_id)?;
        }
    }
    Ok(())
}
