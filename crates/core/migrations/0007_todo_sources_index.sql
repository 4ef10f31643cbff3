-- Version 7: the home view derives every to-do on each unlock. Only live decisions
-- and entries with a date ahead can make one; this partial index holds exactly those
-- rows with every column the derivation reads, so it never reads (and decrypts) the
-- pages of the other entries and their long notes. The WHERE must stay the same as
-- the query's in crates/core/src/store/todos.rs (a test checks the plan).
CREATE INDEX entries_todo_sources ON entries (
    id, kind, occurred_on, title, kenmerk, medical, letter_dated, sent_on, received_on,
    reply_by, repair_by, appointment_on, appointment_time, follow_up_on, on_objection,
    deleted_at
) WHERE deleted_at IS NULL AND (kind = 'decision' OR reply_by IS NOT NULL
    OR repair_by IS NOT NULL OR appointment_on IS NOT NULL OR follow_up_on IS NOT NULL);
