//! The desktop shell: wires the thin IPC commands, the app state, the auto-lock watcher
//! and the generated TypeScript bindings around `dossier-core`. No domain logic here.

mod autolock;
mod commands;
mod commands_backup;
mod commands_entries;
mod commands_export;
mod commands_files;
mod commands_glossary;
mod commands_letters;
mod commands_links;
mod commands_mail;
mod commands_matters;
mod commands_ocr;
mod commands_package;
mod commands_todos;
mod commands_vault;
mod commands_verslag;
// Debug builds only: dialogs answered from a test queue (e2e). Release builds lack it.
#[cfg(debug_assertions)]
mod dialog_hook;
mod dialogs;
mod dto;
mod dto_entries;
mod dto_letters;
mod dto_mail;
mod dto_matters;
mod dto_todos;
mod dto_verslag;
mod error;
mod grants;
#[cfg(test)]
mod hardening;
mod lean;
mod notify;
mod settings;
mod state;
mod traces;

use tauri::Manager;
use tauri_specta::{collect_commands, collect_events, Builder};

pub use state::AppState;

/// The typed command and event list; also the source of `ui/src/lib/bindings.ts`.
pub fn specta_builder() -> Builder<tauri::Wry> {
    Builder::<tauri::Wry>::new()
        .commands(collect_commands![
            commands::app_info,
            commands::create_dossier,
            commands::open_dossier,
            commands::recover_dossier,
            commands::change_passphrase,
            commands::lock_dossier,
            commands::list_entries,
            commands::add_entry,
            commands::save_settings,
            commands::forget_recent,
            commands::touch,
            commands_entries::timeline_page,
            commands_entries::month_counts,
            commands_entries::get_entry,
            commands_entries::save_entry,
            commands_entries::delete_entry,
            commands_entries::undo_change,
            commands_entries::entry_history,
            commands_entries::search_entries,
            commands_entries::list_people,
            commands_entries::add_person,
            commands_entries::update_person,
            commands_entries::remove_unused_person,
            commands_entries::find_or_add_person,
            commands_entries::klantmanager_periods,
            commands_entries::add_klantmanager_period,
            commands_entries::attach_file,
            commands_entries::attachment_preview,
            commands_entries::save_attachment_copy,
            commands_links::entry_links,
            commands_links::link_entries,
            commands_links::unlink_entries,
            commands_export::export_preview,
            commands_export::export_pdf,
            commands_matters::list_exemptions,
            commands_matters::get_exemption,
            commands_matters::add_exemption,
            commands_matters::update_exemption,
            commands_matters::delete_exemption,
            commands_matters::exemptions_on,
            commands_matters::link_exemption_entry,
            commands_matters::unlink_exemption_entry,
            commands_matters::exemption_warnings,
            commands_matters::list_cases,
            commands_matters::get_case,
            commands_matters::add_case,
            commands_matters::update_case,
            commands_matters::delete_case,
            commands_matters::set_case_status,
            commands_matters::case_entries,
            commands_matters::add_to_case,
            commands_matters::remove_from_case,
            commands_matters::cases_of_entry,
            commands_matters::contact_violations,
            commands_todos::todos,
            commands_todos::preview_todos,
            commands_todos::entry_todos,
            commands_todos::case_todos,
            commands_todos::set_todo_state,
            commands_todos::due_reminders,
            commands_todos::mark_reminders_shown,
            commands_todos::export_todos_ics,
            commands_todos::notification_status,
            commands_todos::set_system_notifications,
            commands_vault::new_recovery_code,
            commands_vault::rekey_dossier,
            commands_vault::hold_autolock,
            commands_vault::set_editor_dirty,
            commands_vault::quit_app,
            commands_backup::backup_status,
            commands_backup::make_backup,
            commands_backup::check_backup,
            commands_backup::preview_restore,
            commands_backup::restore_in_place,
            commands_backup::restore_to_folder,
            commands_files::pick_files,
            commands_files::pick_save_file,
            commands_files::pick_folder,
            commands_letters::letter_options,
            commands_letters::letter_blanks,
            commands_letters::ground_suggestions,
            commands_letters::letter_preview,
            commands_letters::make_letter,
            commands_letters::mark_letter_sent,
            commands_letters::undo_letter_sent,
            commands_letters::enclosure_options,
            commands_letters::organisation_address,
            commands_letters::get_profile,
            commands_letters::set_profile,
            commands_glossary::glossary,
            commands_mail::mbox_messages,
            commands_mail::mail_own_address,
            commands_mail::set_mail_own_address,
            commands_mail::plan_mail,
            commands_mail::import_mail,
            commands_ocr::read_attachment_text,
            commands_ocr::cancel_read_text,
            commands_ocr::read_texts,
            commands_ocr::read_file_text,
            commands_package::suggest_pdf_password,
            commands_package::make_package,
            commands_verslag::get_verslag,
            commands_verslag::attachment_text,
            commands_verslag::set_verslag,
            commands_verslag::clear_verslag,
            commands_verslag::add_statement,
            commands_verslag::change_statement,
            commands_verslag::remove_statement,
            commands_verslag::correction_fills,
        ])
        .events(collect_events![
            dto::DossierLocked,
            dto::RekeyProgress,
            dto::CloseRequested,
            commands_backup::BackupProgress,
            commands_mail::MailProgress,
            commands_ocr::OcrProgress,
            commands_files::FilesDropped
        ])
}

/// Where the generated bindings live, relative to this crate.
pub const BINDINGS_PATH: &str = "../ui/src/lib/bindings.ts";

pub fn run() {
    // Before GTK, Mesa or WebKit start (and while this process has one thread).
    traces::quiet_libraries();
    lean::lean_webview();
    let builder = specta_builder();
    let webview_dir = traces::webview_dir().expect("a private folder for the webview");
    let window_dir = webview_dir.clone();
    // Before any secret is typed: a crash must not leave the key in a core file.
    let _ = dossier_core::process::disable_core_dumps();
    let app = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        // Called from Rust only (notify.rs); the window gets no notification permission.
        .plugin(tauri_plugin_notification::init())
        .invoke_handler(builder.invoke_handler())
        .on_window_event(|window, event| {
            // Dropped files become handles; the webview never gets to name the path.
            if let tauri::WindowEvent::DragDrop(tauri::DragDropEvent::Drop { paths, .. }) = event {
                commands_files::dropped(window.app_handle(), paths);
            }
            // Unsaved text in an editor: ask in the UI instead of closing.
            if let tauri::WindowEvent::CloseRequested { api, .. } = event {
                if window
                    .try_state::<AppState>()
                    .is_some_and(|s| s.editor_dirty())
                {
                    api.prevent_close();
                    let _ = tauri_specta::Event::emit(&dto::CloseRequested, window.app_handle());
                }
            }
        })
        .setup(move |app| {
            builder.mount_events(app);
            #[cfg(target_os = "linux")]
            traces::no_recent_files();
            let config_dir = app.path().app_config_dir()?;
            let documents = app
                .path()
                .document_dir()
                .or_else(|_| app.path().home_dir())?;
            let state = AppState::new(config_dir, documents);
            app.manage(state);
            app.manage(notify::NotifyState::default());
            // The window is made here, not from the config, so that WebKit keeps its
            // caches and storage in memory (private mode) and whatever it still sets up
            // on disk in this run's private folder (see traces.rs).
            for config in app.config().app.windows.clone() {
                tauri::WebviewWindowBuilder::from_config(app.handle(), &config)?
                    .incognito(traces::private_webview())
                    .data_directory(window_dir.clone())
                    .build()?;
            }
            autolock::spawn(app.handle().clone());
            notify::spawn(app.handle().clone());
            on_sigterm(app.handle().clone());
            Ok(())
        })
        .build(tauri::generate_context!())
        .expect("error while starting Dossierkluis");
    // Window closed or SIGTERM both end here: locking folds the -wal into dossier.db
    // and closes it (after a running export's step, if any), so the folder left behind
    // is complete by itself.
    app.run(move |handle, event| {
        if let tauri::RunEvent::Exit = event {
            if let Some(state) = handle.try_state::<AppState>() {
                state.lock_and_wait();
            }
            traces::remove_webview_dir(&webview_dir);
        }
    });
}

/// SIGTERM (a logout, a shutdown, `kill`) asks the app to exit the ordinary way, which
/// locks the dossier and removes the webview's folder; by default the process would
/// just vanish.
fn on_sigterm(handle: tauri::AppHandle) {
    #[cfg(target_os = "linux")]
    {
        const SIGTERM: i32 = 15;
        // The exit runs `RunEvent::Exit` above, which locks the dossier.
        gtk::glib::unix_signal_add(SIGTERM, move || {
            handle.exit(0);
            gtk::glib::ControlFlow::Break
        });
    }
    #[cfg(not(target_os = "linux"))]
    let _ = handle;
}

#[cfg(test)]
mod tests {
    use specta_typescript::Typescript;

    /// The committed bindings must equal what the current Rust code generates; run
    /// `make bindings` after changing a command or DTO.
    #[test]
    fn committed_typescript_bindings_are_current() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let fresh_path = tmp.path().join("bindings.ts");
        super::specta_builder()
            .export(
                Typescript::default().header(
                    "// Generated from src-tauri by tauri-specta (`make bindings`). Do not edit.\n",
                ),
                &fresh_path,
            )
            .expect("export bindings");
        let fresh = std::fs::read_to_string(&fresh_path).expect("read fresh bindings");
        let committed_path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(super::BINDINGS_PATH);
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(&committed_path, &fresh).expect("write bindings");
            return;
        }
        let committed = std::fs::read_to_string(&committed_path).unwrap_or_default();
        if committed != fresh {
            let out = std::env::temp_dir().join("dossierkluis-bindings.fresh.ts");
            let _ = std::fs::write(&out, &fresh);
            panic!(
                "ui/src/lib/bindings.ts is stale (fresh copy in {}): run `make bindings` and commit the result",
                out.display()
            );
        }
    }
}
