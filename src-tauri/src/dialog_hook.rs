//! Debug builds only (the whole module is `cfg(debug_assertions)`, and so is its one
//! call in dialogs.rs): the end-to-end tests cannot click in a GTK dialog, so when
//! `DOSSIERKLUIS_TEST_DIALOG` names a queue file, each dialog takes its answer from the
//! first line of that file instead of opening. A line is JSON: `null` (the user
//! cancelled), a path, or a list of paths. Every question is appended as one JSON line
//! to the same file name plus `.asked`, so a test can check the title and the name a
//! save dialog suggested. A release build has neither the variable's name nor the code.
#![cfg(debug_assertions)]

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::dialogs::Ask;
use crate::error::IpcError;

pub const QUEUE_ENV: &str = "DOSSIERKLUIS_TEST_DIALOG";

/// The queued answer, or None when no queue is set (then the real dialog opens).
pub fn answer(ask: &Ask) -> Option<Result<Vec<PathBuf>, IpcError>> {
    let queue = PathBuf::from(std::env::var_os(QUEUE_ENV)?);
    Some(take(&queue, ask))
}

fn io(e: std::io::Error) -> IpcError {
    IpcError::internal(format!("test dialog queue: {e}"))
}

fn take(queue: &Path, ask: &Ask) -> Result<Vec<PathBuf>, IpcError> {
    let mut asked_name = queue.as_os_str().to_owned();
    asked_name.push(".asked");
    let question = serde_json::json!({
        "kind": ask.kind.name(),
        "title": ask.title,
        "directory": ask.directory.as_ref().map(|d| d.display().to_string()),
        "fileName": ask.file_name,
    });
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(PathBuf::from(asked_name))
        .and_then(|mut f| writeln!(f, "{question}"))
        .map_err(io)?;
    let text = std::fs::read_to_string(queue).map_err(io)?;
    let mut lines = text.lines();
    let Some(first) = lines.next().filter(|l| !l.trim().is_empty()) else {
        // A test that forgot to queue an answer fails loudly instead of hanging.
        return Err(IpcError::internal("test dialog queue is empty"));
    };
    // Each line keeps its newline, so a test can append more answers at any time.
    let rest: String = lines.map(|l| format!("{l}\n")).collect();
    std::fs::write(queue, rest).map_err(io)?;
    let value: serde_json::Value = serde_json::from_str(first)
        .map_err(|e| IpcError::internal(format!("test dialog answer {first:?}: {e}")))?;
    Ok(match value {
        serde_json::Value::String(p) => vec![PathBuf::from(p)],
        serde_json::Value::Array(list) => list
            .into_iter()
            .filter_map(|v| v.as_str().map(PathBuf::from))
            .collect(),
        _ => Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dialogs::Kind;

    #[test]
    fn answers_come_in_order_and_the_questions_are_kept() {
        let tmp = tempfile::tempdir().expect("tmp");
        let queue = tmp.path().join("queue");
        std::fs::write(&queue, "\"/a/b.pdf\"\nnull\n[\"/c\",\"/d\"]\n").expect("write");
        let ask = Ask {
            kind: Kind::Save,
            title: "Opslaan als".into(),
            directory: None,
            file_name: Some("overzicht.pdf".into()),
        };
        assert_eq!(
            take(&queue, &ask).ok(),
            Some(vec![PathBuf::from("/a/b.pdf")])
        );
        assert_eq!(take(&queue, &ask).ok(), Some(vec![]));
        assert_eq!(
            take(&queue, &ask).ok(),
            Some(vec![PathBuf::from("/c"), PathBuf::from("/d")])
        );
        assert!(take(&queue, &ask).is_err(), "an empty queue fails");
        let asked = std::fs::read_to_string(tmp.path().join("queue.asked")).expect("asked");
        assert_eq!(asked.lines().count(), 4);
        assert!(asked.contains("\"fileName\":\"overzicht.pdf\""), "{asked}");
    }
}
