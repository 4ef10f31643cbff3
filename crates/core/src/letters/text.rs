//! The letter as plain text: to paste into a web form or an e-mail, and kept in the
//! letter-out entry so the dossier holds what was sent.

use super::compose::Letter;

/// The signature line: room to sign on paper.
pub(crate) const SIGNATURE_LINE: &str = "______________________________";

pub fn render(l: &Letter) -> String {
    let mut out = String::new();
    let mut block = |lines: &[String]| {
        for line in lines {
            out.push_str(line);
            out.push('\n');
        }
        out.push('\n');
    };
    let present = |v: &[String]| {
        v.iter()
            .filter(|s| !s.is_empty())
            .cloned()
            .collect::<Vec<_>>()
    };
    block(&present(&l.sender));
    block(&present(&l.recipient));
    block(std::slice::from_ref(&l.place_date));
    let mut head = vec![format!("Betreft: {}", l.subject)];
    head.extend(l.references.iter().cloned());
    block(&head);
    for p in &l.body {
        block(std::slice::from_ref(p));
    }
    block(&[
        l.closing.clone(),
        String::new(),
        String::new(),
        SIGNATURE_LINE.into(),
        l.signer.clone(),
    ]);
    if !l.enclosures.is_empty() {
        let mut enc = vec!["Bijlagen:".to_string()];
        enc.extend(
            l.enclosures
                .iter()
                .enumerate()
                .map(|(i, e)| format!("{}. {e}", i + 1)),
        );
        block(&enc);
    }
    out.trim_end().to_string() + "\n"
}
