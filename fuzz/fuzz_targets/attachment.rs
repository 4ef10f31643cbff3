//! Fuzz target: `dossier_core::fuzzing::attachment` must not panic, hang or grow past the
//! memory limit on any input.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    dossier_core::fuzzing::attachment(data);
});
