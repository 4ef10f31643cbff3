//! Entry points for the fuzz targets in `fuzz/` (the `fuzzing` feature only): every
//! parser of untrusted bytes, reached without a dossier, exactly as attaching, showing
//! and printing a file reaches it.

use crate::export::Lang;

/// What attaching and showing a file does with its bytes: sniff, index, preview.
pub fn attachment(bytes: &[u8]) {
    let media_type = crate::attach::media_type(bytes);
    let _ = crate::attach::search_text(&media_type, bytes);
    let _ = crate::attach::preview(&media_type, bytes);
}

/// What printing a file as an exhibit does with its bytes.
pub fn exhibit(bytes: &[u8]) {
    let media_type = crate::attach::media_type(bytes);
    let _ = crate::export::classify_for_fuzzing(bytes, &media_type, Lang::Nl);
}

/// An e-mail (.eml) read for its preview and search text, whatever its sniffed type;
/// and the same bytes through every mail import entry point (.eml, the mbox listing
/// and split, Outlook .msg, the RTF body reader) and into the entry each would become.
pub fn email(bytes: &[u8]) {
    let _ = crate::attach::search_text("message/rfc822", bytes);
    let _ = crate::attach::preview("message/rfc822", bytes);
    let fallback = chrono::NaiveDate::from_ymd_opt(2026, 1, 1);
    for parsed in [crate::mail::parse_eml(bytes), crate::mail::parse_msg(bytes)]
        .into_iter()
        .flatten()
    {
        let _ = crate::mail::draft(&parsed, "ik@example.nl", fallback);
    }
    let _ = crate::mail::mbox_summaries(bytes);
    let _ = crate::mail::fuzz_rtf(bytes);
}
