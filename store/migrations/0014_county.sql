-- 0014: 报送与县级汇总 (issue 19). A county database (设置 → 本单位是 县(区)人大常委会) receives one exchange package
-- per township and period (store/package.go) and keeps each as it came: the township's manifest and its report
-- (store.ReportData as JSON), with the SHA-256 the township computed. A newer package of the same township and
-- period replaces the older one (replaced_by), which stays with what changed between them.
CREATE TABLE county_townships (
    code TEXT PRIMARY KEY,              -- 乡镇代码, or the township's name when it gave none
    name TEXT NOT NULL,
    seq  INTEGER NOT NULL DEFAULT 0     -- order in the county's lists (0: by name after the numbered ones)
);

CREATE TABLE county_packages (
    id            INTEGER PRIMARY KEY,
    township_code TEXT NOT NULL REFERENCES county_townships (code),
    period_from   TEXT NOT NULL,
    period_to     TEXT NOT NULL,
    as_of         TEXT NOT NULL,
    made_at       TEXT NOT NULL,        -- when the township made it, its local time
    sha256        TEXT NOT NULL UNIQUE, -- over manifest and report, as the township computed it
    file_name     TEXT NOT NULL DEFAULT '',
    imported_at   TEXT NOT NULL,
    replaced_by   INTEGER REFERENCES county_packages (id), -- NULL: the township's current package of the period
    changes       TEXT NOT NULL DEFAULT '', -- against the package it replaced, one line each
    manifest      TEXT NOT NULL,        -- store.PackageManifest as JSON
    report        BLOB NOT NULL         -- store.ReportData as JSON
);
CREATE INDEX county_packages_period ON county_packages (period_from, period_to, township_code);
