-- Version 5: dates a letter sets and appointments it announces (F6), the decision on
-- an objection, contact rules in agreements, and the state of the to-dos derived from
-- them. Never edit this file: append a new one.

ALTER TABLE entries ADD COLUMN reply_by TEXT;            -- YYYY-MM-DD exactly as written in the letter
ALTER TABLE entries ADD COLUMN repair_by TEXT;           -- hersteltermijn, exactly as written
ALTER TABLE entries ADD COLUMN appointment_on TEXT;      -- an appointment this entry announces
ALTER TABLE entries ADD COLUMN appointment_time TEXT;    -- HH:MM
ALTER TABLE entries ADD COLUMN on_objection INTEGER NOT NULL DEFAULT 0; -- decision on an objection
ALTER TABLE entries ADD COLUMN contact_rule TEXT;        -- email-only | in-writing-only | no-home-visits
ALTER TABLE entries ADD COLUMN contact_rule_until TEXT;  -- last day the rule applies

-- To-dos are derived from entries every time (so a corrected date corrects the to-do);
-- only what the user decided about one is stored: done (optionally by which entry) or
-- not needed. "Missed" is never stored: it follows from the date.
CREATE TABLE todo_states (
    entry_id INTEGER NOT NULL REFERENCES entries (id),
    kind     TEXT NOT NULL,      -- objection | appeal | reply | repair | appointment | follow-up
    state    TEXT NOT NULL,      -- done | not-needed
    done_by  INTEGER REFERENCES entries (id),
    note     TEXT NOT NULL DEFAULT '',
    set_at   TEXT NOT NULL,
    PRIMARY KEY (entry_id, kind)
) WITHOUT ROWID;

-- System notifications already shown, so each reminder (14, 7, 3, 1 days before) is
-- shown once even when the app is opened many times a day.
CREATE TABLE reminders_sent (
    entry_id    INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    due_on      TEXT NOT NULL,
    days_before INTEGER NOT NULL,
    sent_at     TEXT NOT NULL,
    PRIMARY KEY (entry_id, kind, due_on, days_before)
) WITHOUT ROWID;
