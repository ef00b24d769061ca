-- 0006: drafts, the unsaved content of the forms open in the window (SPEC §2.7: nothing typed is lost). A form
-- writes its values here a few seconds after the last change and removes them when it is saved or discarded,
-- so that after a crash or a power cut the next start can offer them back. One row per form and record: kind
-- names the form (suggestion, meeting.attendance, suggestion.答复 …), record_key the record's id or "new".
CREATE TABLE drafts (
    kind       TEXT NOT NULL,
    record_key TEXT NOT NULL,
    label      TEXT NOT NULL,
    fields     TEXT NOT NULL CHECK (json_valid(fields)),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (kind, record_key)
);
