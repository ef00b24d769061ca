-- 0009 (issue 16): terms per level, the 选区 register, and seats that belong to a term.
--
-- A term (届) is now of one level: the town's 第十八届 and the county's 第十八届 are different congresses with
-- different dates. The numbers are unique per level, so the table is rebuilt (store/db.go runs migrations
-- with foreign keys off, as SQLite's rebuild procedure asks). Every existing term is the town's.
CREATE TABLE terms_by_level (
    id         INTEGER PRIMARY KEY,
    level      TEXT NOT NULL DEFAULT '镇级',
    number     INTEGER NOT NULL CHECK (number > 0),
    start_date TEXT,
    end_date   TEXT,
    is_current INTEGER NOT NULL DEFAULT 0,   -- the current term of its level
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (level, number)
);
INSERT INTO terms_by_level (id, level, number, start_date, end_date, is_current, created_at, updated_at)
SELECT id, '镇级', number, start_date, end_date, is_current, created_at, updated_at FROM terms;
DROP TABLE terms;
ALTER TABLE terms_by_level RENAME TO terms;

-- The 选区 register (domain.md §2.6): 第3选区 of a level, the villages it covers, its 应选代表名额 and,
-- when the office keeps it, its 选民数. The districts the deputies' records already name are added by the
-- migration's Go step (store/district.go: migrateDistricts).
CREATE TABLE districts (
    id         INTEGER PRIMARY KEY,
    level      TEXT NOT NULL DEFAULT '镇级',
    number     INTEGER NOT NULL CHECK (number > 0),
    name       TEXT NOT NULL DEFAULT '',     -- 片区 name: 联霞片区
    villages   TEXT NOT NULL DEFAULT '',
    seats      INTEGER NOT NULL DEFAULT 1 CHECK (seats >= 1),
    voters     INTEGER CHECK (voters >= 0),  -- NULL: not kept
    notes      TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (level, number)
);

-- A seat is a deputy's office at one level in one term: from the 当选日期 (补选日期) to the day it ended
-- (出缺, or 届满 when the next term began without them), elected in a 选区, 新任 or 连任 in that term. A person
-- re-elected at a 换届 has a second seat of the same level, so the old term's counts keep the first.
CREATE TABLE deputy_seats (
    id          INTEGER PRIMARY KEY,
    deputy_id   INTEGER NOT NULL REFERENCES deputies (id) ON DELETE CASCADE,
    level       TEXT NOT NULL,
    term_id     INTEGER REFERENCES terms (id) ON DELETE SET NULL,
    district_id INTEGER REFERENCES districts (id) ON DELETE SET NULL,
    start_date  TEXT NOT NULL,              -- 当选日期 / 补选日期
    end_date    TEXT,                       -- the first day not held
    end_reason  TEXT NOT NULL DEFAULT '',   -- 调离 / 辞职 / … / 届满
    is_new      INTEGER NOT NULL DEFAULT 1, -- 新任 (0 = 连任) in this term
    UNIQUE (deputy_id, level, start_date)
);

-- The town seats belong to the deputy's term. A seat of another level has no term yet (the county's terms are
-- entered from now on); when the deputy's town term has been followed by a newer one, such a seat ends the
-- day the newer term began, as the counts before this version had it.
INSERT INTO deputy_seats (deputy_id, level, term_id, start_date, end_date, end_reason, is_new)
SELECT l.deputy_id, l.level, CASE WHEN l.level = '镇级' THEN d.term_id END, l.start_date,
    CASE WHEN l.level != '镇级' THEN (SELECT min(n.start_date) FROM terms t JOIN terms n ON n.level = t.level
        AND n.number > t.number AND n.start_date > l.start_date WHERE t.id = d.term_id) END,
    CASE WHEN l.level != '镇级' AND EXISTS (SELECT 1 FROM terms t JOIN terms n ON n.level = t.level
        AND n.number > t.number AND n.start_date > l.start_date WHERE t.id = d.term_id) THEN '届满' ELSE '' END,
    d.is_new
FROM deputy_levels l JOIN deputies d ON d.id = l.deputy_id;

DROP TABLE deputy_levels;
ALTER TABLE deputy_seats RENAME TO deputy_levels;
CREATE INDEX deputy_levels_level ON deputy_levels (level, deputy_id);
CREATE INDEX deputy_levels_deputy ON deputy_levels (deputy_id, level);
CREATE INDEX deputy_levels_district ON deputy_levels (district_id);

-- A by-election (补选) fills a vacant seat: the vacated seat, the upper congress's approval, the meeting that
-- held the election (its 补选 election record: candidates, votes, ballots), and the seat it filled once the
-- elected person is entered.
CREATE TABLE by_elections (
    id            INTEGER PRIMARY KEY,
    vacated_id    INTEGER REFERENCES deputy_levels (id) ON DELETE SET NULL,
    level         TEXT NOT NULL DEFAULT '镇级',
    district_id   INTEGER REFERENCES districts (id) ON DELETE SET NULL,
    term_id       INTEGER REFERENCES terms (id) ON DELETE SET NULL,
    approved_by   TEXT NOT NULL DEFAULT '',   -- 上级人大: ××区人大常委会
    approved_date TEXT,
    meeting_id    INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
    filled_id     INTEGER REFERENCES deputy_levels (id) ON DELETE SET NULL,
    qualified     TEXT,                      -- 代表资格审查 date
    notes         TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);

-- 换届: the items still open when a new term began (待交办, 办理中, 已答复) are carried into it — their numbers,
-- deadlines and handling unchanged — and the new term's lists mark them 「上届转入」.
CREATE TABLE carried_items (
    term_id       INTEGER NOT NULL REFERENCES terms (id) ON DELETE CASCADE,
    suggestion_id INTEGER NOT NULL REFERENCES suggestions (id) ON DELETE CASCADE,
    PRIMARY KEY (term_id, suggestion_id)
) WITHOUT ROWID;
CREATE INDEX carried_items_suggestion ON carried_items (suggestion_id);
