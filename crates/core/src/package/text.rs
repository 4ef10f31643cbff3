//! The package's text files: `LEESMIJ.txt` (plain Dutch, then English), `keten.txt`,
//! `manifest.csv` (RFC 4180) and `SHA256SUMS` (GNU `sha256sum -c` format).

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::{sha256_hex, PackageFile, Placed};

/// What the read-me and `keten.txt` say.
pub struct Facts<'a> {
    /// The user's name from their profile; empty when not filled in.
    pub owner: String,
    pub made_on: NaiveDate,
    pub chain_head: &'a str,
    pub chain_versions: u64,
    pub chain_intact: bool,
    pub case_label: Option<&'a str>,
    /// Medical material is in (the user chose it and there is some).
    pub medical: bool,
    pub pdf_locked: bool,
    pub deadlines: usize,
    pub placed: &'a [Placed],
}

fn day(d: NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

pub fn readme(f: &Facts<'_>) -> String {
    let owner_nl = if f.owner.is_empty() {
        "de persoon die u dit pakket gaf (naam niet ingevuld in de app)".to_string()
    } else {
        f.owner.clone()
    };
    let owner_en = if f.owner.is_empty() {
        "the person who gave you this package (no name filled in)".to_string()
    } else {
        f.owner.clone()
    };
    let stripped = f.placed.iter().filter(|p| p.stripped).count();
    let mut s = String::new();
    let _ = writeln!(s, "ADVOCAATPAKKET - LEESMIJ");
    let _ = writeln!(s, "========================");
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "Dit pakket komt uit Dossierkluis, een app waarin iemand met een uitkering zelf bijhoudt wat er met de gemeente (WPI) is besproken en geschreven."
    );
    let _ = writeln!(s, "Van wie: {owner_nl}");
    let _ = writeln!(s, "Gemaakt op: {}", day(f.made_on));
    if let Some(case) = f.case_label {
        let _ = writeln!(s, "Alleen de zaak: {case}");
    }
    let _ = writeln!(s);
    let _ = writeln!(s, "Wat zit erin?");
    let _ = writeln!(
        s,
        "- overzicht.pdf: het overzicht van alle contacten, met voorblad, inhoud en genummerde bijlagen.{}",
        if f.pdf_locked {
            " Het bestand heeft een wachtwoord. Dat krijgt u apart, bijvoorbeeld via de telefoon."
        } else {
            ""
        }
    );
    let _ = writeln!(
        s,
        "- originelen/: de {} originele bestanden, met het nummer van de bijlage voor de naam. Van {} foto('s) is een kopie gemaakt zonder verborgen gegevens (zoals de plek waar de foto is genomen). Alle andere bestanden zijn precies gelijk aan het origineel.",
        f.placed.len(),
        stripped
    );
    let _ = writeln!(
        s,
        "- termijnen.ics: de {} termijnen die nog open staan. U kunt dit bestand in uw agenda openen. Verlopen termijnen staan op het voorblad van overzicht.pdf.",
        f.deadlines
    );
    let _ = writeln!(
        s,
        "- manifest.csv: een lijst van de originelen: bijlage, registratie, datum, bestandsnaam, grootte, vingerafdruk (SHA-256) van het bestand hier en van het origineel in het dossier, en of er gegevens uit zijn gehaald."
    );
    let _ = writeln!(
        s,
        "- keten.txt: de controlecode van het dossier (zie hieronder)."
    );
    let _ = writeln!(
        s,
        "- SHA256SUMS: de vingerafdrukken van alle andere bestanden."
    );
    let _ = writeln!(s);
    let _ = writeln!(s, "Medische gegevens");
    let _ = writeln!(
        s,
        "{}",
        if f.medical {
            "Medische gegevens zitten WEL in dit pakket, omdat de maker daar zelf voor koos. Ze staan in een aparte bijlage van het overzicht (nummers met een M). Ga er zorgvuldig mee om."
        } else {
            "Medische gegevens zitten NIET in dit pakket."
        }
    );
    let _ = writeln!(s);
    let _ = writeln!(s, "Controleren of er niets is veranderd");
    let _ = writeln!(
        s,
        "Open een terminal in deze map en typ: sha256sum -c SHA256SUMS\nBij elk bestand moet \"OK\" staan. Staat er ergens \"MISLUKT\" of \"FAILED\", dan is dat bestand na het maken van dit pakket veranderd."
    );
    let _ = writeln!(s);
    let _ = writeln!(s, "De controlecode (hash-keten)");
    let _ = writeln!(s, "SHA-256: {}", f.chain_head);
    let _ = writeln!(
        s,
        "Deze code is de laatste schakel van een keten van vingerafdrukken over alle {} vastgelegde versies in het hele dossier, ook van gewijzigde en verwijderde registraties. Wordt later iets in die geschiedenis veranderd of weggehaald, dan komt er een andere code uit. Met het dossier is dus na te gaan dat de registraties sindsdien niet zijn aangepast. Over de juistheid van de inhoud zegt de code niets.",
        f.chain_versions
    );
    if !f.chain_intact {
        let _ = writeln!(
            s,
            "LET OP: bij het maken van dit pakket klopte de keten niet. Een deel van de geschiedenis is veranderd of beschadigd."
        );
    }
    let _ = writeln!(s);
    let _ = writeln!(s, "ENGLISH");
    let _ = writeln!(s, "-------");
    let _ = writeln!(
        s,
        "This package was made with Dossierkluis, an app in which a person on welfare benefits keeps their own record of contacts with the municipality (WPI). Owner: {owner_en}. Made on {}.{} overzicht.pdf is the bundle (cover, contents, numbered exhibits){}; originelen/ holds the {} original files named by exhibit number, pictures as copies without hidden metadata such as location ({} of them), everything else byte for byte; termijnen.ics holds the open deadlines (missed ones are on the bundle's cover); manifest.csv lists every original with both fingerprints; keten.txt and the code above are the head of the dossier's hash chain over {} versions: any later change to the history gives a different code, which shows the entries were not altered since; it says nothing about whether their content is true. Medical material is {} this package. To check the files, run `sha256sum -c SHA256SUMS` in this folder: every line must say OK.",
        day(f.made_on),
        f.case_label
            .map(|c| format!(" Only the case: {c}."))
            .unwrap_or_default(),
        if f.pdf_locked {
            " and has a password, given to you separately"
        } else {
            ""
        },
        f.placed.len(),
        stripped,
        f.chain_versions,
        if f.medical { "included in" } else { "not in" }
    );
    // Windows' Notepad reads CRLF best; sha256sum does not care.
    s.replace('\n', "\r\n")
}

pub fn chain(f: &Facts<'_>) -> String {
    format!(
        "Ketenkop / chain head (SHA-256): {}\nVersies / versions: {}\nKeten intact / chain intact: {}\nGemaakt op / made on: {}\n",
        f.chain_head,
        f.chain_versions,
        if f.chain_intact { "ja / yes" } else { "NEE / NO" },
        f.made_on.format("%Y-%m-%d")
    )
}

/// One CSV field, quoted when it holds a comma, quote or line break (RFC 4180).
fn field(s: &str) -> String {
    if s.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

pub fn manifest(placed: &[Placed]) -> String {
    let mut s = String::from(
        "bijlage,registratie,datum,bestand,grootte,sha256,sha256_origineel,metadata_verwijderd\r\n",
    );
    for p in placed {
        let row = [
            field(&p.label),
            field(&p.entry_ref),
            p.occurred_on.format("%Y-%m-%d").to_string(),
            field(&p.path),
            p.size.to_string(),
            p.sha256.clone(),
            p.original_sha256.clone(),
            if p.stripped { "ja" } else { "nee" }.to_string(),
        ];
        s.push_str(&row.join(","));
        s.push_str("\r\n");
    }
    s
}

/// `HASH  PATH` lines (text mode, two spaces), as `sha256sum` writes and `-c` reads.
pub fn sums(files: &[PackageFile]) -> String {
    let mut s = String::new();
    for f in files {
        let _ = writeln!(s, "{}  {}", sha256_hex(&f.bytes), f.path);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_only_when_needed() {
        assert_eq!(field("01"), "01");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("zei \"nee\""), "\"zei \"\"nee\"\"\"");
    }
}
