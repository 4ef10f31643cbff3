-- Version 10: the agency's verslag of a conversation and the user's statements about
-- it (issue 14 part 3), one JSON value per entry, like every other field part of the
-- entry's canonical version. Never edit this file: append a new one.

ALTER TABLE entries ADD COLUMN verslag TEXT;  -- {"attachment_id","sha256","typed_text","statements":[…]} or NULL
