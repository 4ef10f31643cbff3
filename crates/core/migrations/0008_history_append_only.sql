-- The history is append-only (F5): a version, once recorded, can be neither changed
-- nor removed through SQL. `verify` still recomputes the chain, since someone holding
-- the key can drop these triggers; the anchor beside the database catches a rewrite.
CREATE TRIGGER entry_versions_no_update BEFORE UPDATE ON entry_versions
BEGIN
    SELECT RAISE(ABORT, 'a version in the history cannot be changed');
END;

CREATE TRIGGER entry_versions_no_delete BEFORE DELETE ON entry_versions
BEGIN
    SELECT RAISE(ABORT, 'a version in the history cannot be removed');
END;
