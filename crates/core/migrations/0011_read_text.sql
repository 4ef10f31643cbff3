-- Version 11: text read from pictures and scanned PDF pages (OCR, issue 15), one row
-- per attachment: a layer of its own, shown as "gelezen tekst, kan fouten bevatten".
-- Never part of an entry's canonical version or the hash chain (the engine may err and
-- the user did not write it); inside the encrypted database like everything else, and
-- covered by search. Never edit this file: append a new one.

CREATE TABLE attachment_read_text (
    attachment_id INTEGER PRIMARY KEY REFERENCES attachments (id),
    text          TEXT NOT NULL,
    engine        TEXT NOT NULL,  -- "Tesseract 5.3.0 (nld)"
    pages         INTEGER NOT NULL,
    read_at       TEXT NOT NULL
);
