//! The Dossierkluis desktop binary: all behaviour lives in the library.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    dossierkluis_lib::run();
}
