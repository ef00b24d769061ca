-- 0007: 附件 (issue 20; assigned the number 0009 — renumbered at merge after 0007/0008 of issues 17 and 18).
-- Files kept with the records, in this same file: a scanned stamped reply, photos of a 视察 or of a station's
-- wall, the report an agenda item deliberated, a deputy's photo for the 履职档案.
--
-- Two tables so that no list ever reads a file: attachment_contents holds each distinct file once, keyed by
-- the SHA-256 of its bytes (the same scan attached to two records is stored once); attachments links a record
-- (owner_kind + owner_id, the kinds of store/attachment_owner.go) to a content, with what the lists show. The
-- triggers that remove a record's attachments with the record are made from that list of kinds by the Go step
-- of this migration (store.attachmentTriggers), so a new kind of record needs one line there.
CREATE TABLE attachment_contents (
    sha256 TEXT PRIMARY KEY,      -- lower-case hex of data
    size   INTEGER NOT NULL,
    thumb  BLOB,                  -- an image's small JPEG for the thumbnail strip, made once when it is added
    data   BLOB NOT NULL          -- last in the row: reading the columns before it never reads its pages
);

CREATE TABLE attachments (
    id         INTEGER PRIMARY KEY,
    owner_kind TEXT NOT NULL,                -- deputy, station, suggestion, reply, meeting, agenda …
    owner_id   INTEGER NOT NULL,
    sha256     TEXT NOT NULL REFERENCES attachment_contents (sha256),
    file_name  TEXT NOT NULL,                -- as it was on the clerk's disk
    type       TEXT NOT NULL,                -- jpg, png, pdf, docx, xlsx, doc, xls, wps, et
    size       INTEGER NOT NULL,
    pages      INTEGER NOT NULL DEFAULT 0,   -- a PDF's pages when they could be counted; 1 for an image
    width      INTEGER NOT NULL DEFAULT 0,   -- an image's pixels, as it is seen (turned upright)
    height     INTEGER NOT NULL DEFAULT 0,
    caption    TEXT NOT NULL DEFAULT '',     -- 说明: 盖章答复, 视察现场 …
    date       TEXT,                         -- the document's or the photo's date
    photo      INTEGER NOT NULL DEFAULT 0,   -- the record's photo on printed documents (履职档案, 公示表)
    added_at   TEXT NOT NULL
);
CREATE INDEX attachments_owner ON attachments (owner_kind, owner_id);
CREATE INDEX attachments_content ON attachments (sha256);
CREATE UNIQUE INDEX attachments_photo ON attachments (owner_kind, owner_id) WHERE photo = 1;

-- A content no attachment uses any more goes with its last attachment.
CREATE TRIGGER attachment_contents_unused AFTER DELETE ON attachments
WHEN NOT EXISTS (SELECT 1 FROM attachments WHERE sha256 = OLD.sha256)
BEGIN
    DELETE FROM attachment_contents WHERE sha256 = OLD.sha256;
END;
