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
            "timeline_page",
            "month_counts",
            "get_entry",
            "save_entry",
            "delete_entry",
            "undo_change",
            "entry_history",
            "search_entries",
            "list_people",
            "add_person",
            "update_person",
            "find_or_add_person",
            "klantmanager_periods",
            "add_klantmanager_period",
            "attach_file",
            "attachment_preview",
            "save_attachment_copy",
            "entry_links",
            "link_entries",
            "unlink_entries",
            "export_preview",
            "export_pdf",
        ]),
    ))
    .expect("tauri build script");
}
