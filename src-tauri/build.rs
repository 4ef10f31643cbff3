//! Declares the app's own commands so capabilities must grant each one explicitly.

fn main() {
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(
        tauri_build::AppManifest::new().commands(&[
            "app_info",
            "create_dossier",
            "open_dossier",
            "recover_dossier",
            "change_passphrase",
            "lock_dossier",
            "list_entries",
            "add_entry",
            "save_settings",
            "forget_recent",
            "touch",
        ]),
    ))
    .expect("tauri build script");
}
