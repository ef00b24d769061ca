-- 0005: 报送存档 (issue 13 §3). Each export of the yearly report (or of any period) keeps what it reported: the
-- period and its as-of date, when and by whom, the whole figures result, the records behind each count, and
-- the name, size and SHA-256 of every file written. The 报表 tab and `rendadesk reports` compare a kept version
-- with the same period counted today and name the records that changed it (store/archive*.go).
CREATE TABLE report_archives (
    id          INTEGER PRIMARY KEY,
    period_from TEXT NOT NULL,
    period_to   TEXT NOT NULL,
    as_of       TEXT NOT NULL,
    made_at     TEXT NOT NULL,              -- local time 'YYYY-MM-DD HH:MM:SS'
    made_by     TEXT NOT NULL DEFAULT '',   -- 制表人, from the settings of the day
    via         TEXT NOT NULL DEFAULT '',   -- 报表 (the window) / 命令行
    version     INTEGER NOT NULL,           -- the format of figures and basis (store.ArchiveVersion)
    history_id  INTEGER NOT NULL DEFAULT 0, -- the newest history entry when counted: later entries explain changes
    figures     TEXT NOT NULL,              -- store.Figures as JSON
    basis       TEXT NOT NULL               -- store.ArchiveBasis as JSON: the records behind the counts
);
CREATE INDEX report_archives_period ON report_archives (period_from, period_to);

CREATE TABLE report_archive_files (
    archive_id INTEGER NOT NULL REFERENCES report_archives (id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    name       TEXT NOT NULL,               -- the file's base name as written
    size       INTEGER NOT NULL,
    sha256     TEXT NOT NULL,               -- lower-case hex
    PRIMARY KEY (archive_id, seq)
) WITHOUT ROWID;
