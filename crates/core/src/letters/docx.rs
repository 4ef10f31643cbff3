//! The letter as .docx (for an advocate who edits it), written with `docx-rs`: A4,
//! the same parts and order as the PDF, one Word paragraph per line.

use docx_rs::{
    AlignmentType, Docx, LineSpacing, PageMargin, Paragraph, Run, RunFonts, SpecialIndentType,
};

use super::compose::Letter;
use super::text::SIGNATURE_LINE;
use crate::error::{Error, Result};

/// Twentieths of a point per millimetre.
const TWIPS_PER_MM: f32 = 56.69;

fn twips(mm: f32) -> i32 {
    (mm * TWIPS_PER_MM).round() as i32
}

fn para(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text))
}

fn gap(p: Paragraph) -> Paragraph {
    p.line_spacing(LineSpacing::new().after(200))
}

fn tight(p: Paragraph) -> Paragraph {
    p.line_spacing(LineSpacing::new().after(0))
}

pub fn render(l: &Letter) -> Result<Vec<u8>> {
    let mut doc = Docx::new()
        .page_size(11906, 16838)
        .page_margin(
            PageMargin::new()
                .top(twips(20.0))
                .bottom(twips(25.0))
                .left(twips(22.0))
                .right(twips(20.0)),
        )
        .default_fonts(RunFonts::new().ascii("Noto Sans").hi_ansi("Noto Sans"))
        .default_size(22);
    let block = |doc: Docx, lines: &[String], align: Option<AlignmentType>| {
        let present: Vec<&String> = lines.iter().filter(|s| !s.is_empty()).collect();
        let n = present.len();
        present.into_iter().enumerate().fold(doc, |doc, (i, s)| {
            let mut p = para(s);
            if let Some(a) = align {
                p = p.align(a);
            }
            doc.add_paragraph(if i + 1 == n { gap(p) } else { tight(p) })
        })
    };
    doc = block(doc, &l.sender, Some(AlignmentType::Right));
    doc = block(doc, &l.recipient, None);
    doc = doc.add_paragraph(gap(para(&l.place_date)));
    let subject = Paragraph::new()
        .add_run(Run::new().add_text("Betreft: ").bold())
        .add_run(Run::new().add_text(&l.subject).bold());
    doc = doc.add_paragraph(if l.references.is_empty() {
        gap(subject)
    } else {
        tight(subject)
    });
    doc = block(doc, &l.references, None);
    for p in &l.body {
        let lines: Vec<&str> = p.split('\n').collect();
        let n = lines.len();
        for (i, line) in lines.into_iter().enumerate() {
            let mut w = match line.strip_prefix("- ") {
                Some(item) => para(&format!("•\t{item}")).indent(
                    Some(twips(7.0)),
                    Some(SpecialIndentType::Hanging(twips(7.0))),
                    None,
                    None,
                ),
                None => para(line),
            };
            w = if i + 1 == n { gap(w) } else { tight(w) };
            doc = doc.add_paragraph(w);
        }
    }
    doc = doc.add_paragraph(gap(para(&l.closing)));
    doc = doc.add_paragraph(tight(para("")));
    doc = doc.add_paragraph(tight(para(SIGNATURE_LINE)));
    doc = doc.add_paragraph(gap(para(&l.signer)));
    if !l.enclosures.is_empty() {
        doc = doc.add_paragraph(tight(
            Paragraph::new().add_run(Run::new().add_text("Bijlagen").bold()),
        ));
        let numbered: Vec<String> = l
            .enclosures
            .iter()
            .enumerate()
            .map(|(i, e)| format!("{}. {e}", i + 1))
            .collect();
        doc = block(doc, &numbered, None);
    }
    let mut out = std::io::Cursor::new(Vec::new());
    doc.pack(&mut out)
        .map_err(|e| Error::Invalid(format!("the .docx could not be written: {e}")))?;
    Ok(out.into_inner())
}
