//! Fuzz target: `dossier_core::fuzzing::exhibit` must not panic, hang or grow past the
//! memory limit on any input.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    dossier_core::fuzzing::exhibit(data);
});
