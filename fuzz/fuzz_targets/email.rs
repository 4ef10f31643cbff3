//! Fuzz target: `dossier_core::fuzzing::email` must not panic, hang or grow past the
//! memory limit on any input. It reads the bytes as an attachment's e-mail preview and
//! through every mail import entry point: .eml, the mbox listing, Outlook .msg and
//! its RTF body, and the entry each message would become.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    dossier_core::fuzzing::email(data);
});
