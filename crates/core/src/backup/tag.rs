//! A marker stanza in the age header naming which recovery code a backup is for (a
//! short hash of the recipient, written twice). X25519 stanzas are anonymous, so
//! without it a damaged key stanza and a wrong recovery code look the same. The
//! `age` tool, like every age implementation, skips stanzas it does not know.

use std::collections::HashSet;

use age::EncryptError;
use age_core::format::{FileKey, Stanza};
use data_encoding::BASE64_NOPAD;
use ring::digest;

/// The stanza type; a contract with files already written.
pub(crate) const TAG: &str = "dossierkluis-code";

pub(crate) fn tag_of(recipient: &str) -> String {
    let mut ctx = digest::Context::new(&digest::SHA256);
    ctx.update(b"dossierkluis backup code tag v1\0");
    ctx.update(recipient.as_bytes());
    BASE64_NOPAD.encode(&ctx.finish().as_ref()[..8])
}

pub(crate) struct CodeTag(String);

impl CodeTag {
    pub(crate) fn for_recipient(recipient: &str) -> CodeTag {
        CodeTag(tag_of(recipient))
    }
}

impl age::Recipient for CodeTag {
    fn wrap_file_key(
        &self,
        _file_key: &FileKey,
    ) -> Result<(Vec<Stanza>, HashSet<String>), EncryptError> {
        let stanza = || Stanza {
            tag: TAG.into(),
            args: vec![self.0.clone()],
            body: vec![],
        };
        // Twice: one flipped byte can spoil one copy, never both.
        Ok((vec![stanza(), stanza()], HashSet::new()))
    }
}

/// What the header's marker stanzas say about `recipient`, read from the raw header
/// text: `Some(true)` when a marker names it, `Some(false)` when markers name only
/// another code, `None` when there are none.
pub(crate) fn header_names(header: &[u8], recipient: &str) -> Option<bool> {
    let want = tag_of(recipient);
    let prefix = format!("-> {TAG} ");
    let tags: Vec<&str> = std::str::from_utf8(header)
        .unwrap_or("")
        .lines()
        .filter_map(|l| l.strip_prefix(prefix.as_str()))
        .collect();
    if tags.is_empty() {
        None
    } else {
        Some(tags.contains(&want.as_str()))
    }
}
