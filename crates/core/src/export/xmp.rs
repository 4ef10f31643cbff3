//! The XMP metadata packet of the bundle: title, language, dates and tool, the same as
//! in the document information dictionary, as PDF/A asks (ISO 19005-2, 6.6.2).
//!
//! It claims PDF/A-2b (`pdfaid`) only when the caller says the whole file keeps the
//! rules: the bundle's own pages do, but attached PDFs are merged as they are and may
//! break them (fonts not embedded, CMYK without a CMYK intent, scripts), so a bundle
//! with such pages makes no claim that could be false.

use chrono::{DateTime, Utc};

/// XML text escaping for element content.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Control characters are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The conformance claim: PDF/A-2, level B (the visual appearance is preserved).
const CLAIM: &str =
    "  <rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n\
   <pdfaid:part>2</pdfaid:part>\n\
   <pdfaid:conformance>B</pdfaid:conformance>\n\
  </rdf:Description>\n";

/// The same packet without its conformance claim, for a copy that breaks the rules
/// (the package's password-protected PDF: PDF/A forbids encryption).
pub fn without_claim(packet: &str) -> String {
    packet.replace(CLAIM, "")
}

/// The packet for a bundle titled `title` in language `lang` (BCP 47), made at `when`;
/// with `pdfa`, it claims PDF/A-2b.
pub fn packet(title: &str, lang: &str, when: DateTime<Utc>, pdfa: bool) -> String {
    let date = when.format("%Y-%m-%dT%H:%M:%SZ");
    let title = escape(title);
    let lang = escape(lang);
    format!(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n\
<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n\
 <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n\
  <rdf:Description rdf:about=\"\"\n\
    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n\
    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n\
    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n\
   <dc:format>application/pdf</dc:format>\n\
   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{title}</rdf:li></rdf:Alt></dc:title>\n\
   <dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>\n\
   <xmp:CreatorTool>Dossierkluis</xmp:CreatorTool>\n\
   <xmp:CreateDate>{date}</xmp:CreateDate>\n\
   <xmp:ModifyDate>{date}</xmp:ModifyDate>\n\
   <xmp:MetadataDate>{date}</xmp:MetadataDate>\n\
   <pdf:Producer>Dossierkluis (lopdf)</pdf:Producer>\n\
  </rdf:Description>\n\
{claim}\
 </rdf:RDF>\n\
</x:xmpmeta>\n\
<?xpacket end=\"w\"?>",
        claim = if pdfa { CLAIM } else { "" }
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_title_is_escaped_and_the_dates_match_the_clock() {
        let when = Utc.with_ymd_and_hms(2026, 11, 22, 10, 0, 0).unwrap();
        let p = packet("Brieven <WPI> & \"UWV\"\u{1}", "nl-NL", when, false);
        assert!(p.contains("Brieven &lt;WPI&gt; &amp; &quot;UWV&quot; </rdf:li>"));
        assert!(p.contains("<xmp:CreateDate>2026-11-22T10:00:00Z</xmp:CreateDate>"));
        assert!(p.contains("<rdf:li>nl-NL</rdf:li>"));
        assert!(
            !p.contains("pdfaid"),
            "no conformance claim that may be false"
        );
    }

    #[test]
    fn the_claim_is_part_2_level_b_and_can_be_taken_out() {
        let when = Utc.with_ymd_and_hms(2026, 11, 22, 10, 0, 0).unwrap();
        let p = packet("Overzicht", "nl-NL", when, true);
        assert!(p.contains("<pdfaid:part>2</pdfaid:part>"));
        assert!(p.contains("<pdfaid:conformance>B</pdfaid:conformance>"));
        assert_eq!(without_claim(&p), packet("Overzicht", "nl-NL", when, false));
    }
}
