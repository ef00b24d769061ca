-- 0011: voters and petitions (issue 18). A reception record holds the voters received and each issue they
-- raised with its own route (当场解释答复 / 转村(居) / 转镇人大主席团 / 转为建议 / 转信访) and result; the petition
-- register (信访) with its timeline; the 接待日 rules and the month's duty days at the stations; each deputy's
-- contact with voters (联系选民); the quarterly 征求意见卡 and the 政情通报. (Numbered 0011 at the merges with
-- 监督, 附件, 届次与选区 and the number index; the tests find it by name, so renumbering is a rename.)

-- The voters received at a reception (minimal: a name, a village, a way to reach them). 人次 stays the
-- reception's voters column: more people may come than give their names.
CREATE TABLE reception_voters (
    id           INTEGER PRIMARY KEY,
    reception_id INTEGER NOT NULL REFERENCES receptions (id) ON DELETE CASCADE,
    seq          INTEGER NOT NULL,
    name         TEXT NOT NULL,
    village      TEXT NOT NULL DEFAULT '',
    contact      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX reception_voters_reception ON reception_voters (reception_id, seq);

-- The 信访 register (domain.md §2.20, §3.9). The state and the dates of its steps are kept on the row (the
-- figures read them); every step is also a row of petition_steps, the timeline.
CREATE TABLE petitions (
    id            INTEGER PRIMARY KEY,
    number        TEXT NOT NULL UNIQUE,         -- 信2024-003
    year          INTEGER NOT NULL,
    seq           INTEGER NOT NULL,
    received      TEXT NOT NULL,
    channel       TEXT NOT NULL,                -- 来信 / 来访 / 代表信箱 / 接待日 / 工作站 / 上级人大批转
    visitors      INTEGER NOT NULL DEFAULT 0 CHECK (visitors >= 0),  -- 人次 (a letter: 0)
    group_visit   INTEGER NOT NULL DEFAULT 0,   -- 集体访
    subject       TEXT NOT NULL,
    content       TEXT NOT NULL DEFAULT '',
    category      TEXT NOT NULL DEFAULT '',
    petitioner    TEXT NOT NULL DEFAULT '',     -- name only, as given
    village       TEXT NOT NULL DEFAULT '',
    contact       TEXT NOT NULL DEFAULT '',
    key_case      INTEGER NOT NULL DEFAULT 0,   -- 重点督办
    leapfrog      INTEGER NOT NULL DEFAULT 0,   -- 越级上访
    referral_from TEXT NOT NULL DEFAULT '',     -- 上级人大批转: who referred it
    referral_no   TEXT NOT NULL DEFAULT '',     -- … and their number
    report_due    TEXT,                         -- … the day the result is to be reported by
    state         TEXT NOT NULL DEFAULT '待处理',
    unit_id       INTEGER REFERENCES units (id) ON DELETE SET NULL,
    unit_name     TEXT NOT NULL DEFAULT '',     -- the 转办 unit as named when it was referred
    responsible   TEXT NOT NULL DEFAULT '',     -- 责任人
    referred      TEXT,                         -- 转办日期
    deadline      TEXT,                         -- 办结时限 (working days from 转办, settings)
    reply         TEXT NOT NULL DEFAULT '',     -- the answer (当场答复 or the unit's result)
    replied       TEXT,
    feedback      TEXT,                         -- 反馈信访人 date
    feedback_how  TEXT NOT NULL DEFAULT '',
    closed        TEXT,                         -- 办结 date
    reported      TEXT,                         -- 报告结果 date (referred cases)
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX petitions_received ON petitions (received);
CREATE INDEX petitions_state ON petitions (state, deadline);
CREATE INDEX petitions_year_seq ON petitions (year, seq);

-- The categories of a petition's content, editable in 设置 like the other dictionaries.
INSERT INTO dict (kind, value, sort) VALUES
 ('petition_category', '土地资源', 1), ('petition_category', '征地拆迁', 2), ('petition_category', '劳动和社会保障', 3),
 ('petition_category', '城乡建设', 4), ('petition_category', '农业农村', 5), ('petition_category', '生态环境', 6),
 ('petition_category', '村务管理', 7), ('petition_category', '涉法涉诉', 8), ('petition_category', '矛盾纠纷', 9),
 ('petition_category', '其他', 99);

CREATE TABLE petition_steps (
    id          INTEGER PRIMARY KEY,
    petition_id INTEGER NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
    step        TEXT NOT NULL,
    date        TEXT NOT NULL,
    detail      TEXT NOT NULL DEFAULT '',
    from_state  TEXT NOT NULL DEFAULT '',
    to_state    TEXT NOT NULL DEFAULT '',
    at          TEXT NOT NULL
);
CREATE INDEX petition_steps_petition ON petition_steps (petition_id, id);

-- The issues raised at a reception, one by one, each with its route and result; one that became a
-- suggestion or a petition points at it.
CREATE TABLE reception_issues (
    id            INTEGER PRIMARY KEY,
    reception_id  INTEGER NOT NULL REFERENCES receptions (id) ON DELETE CASCADE,
    seq           INTEGER NOT NULL,
    voter         TEXT NOT NULL DEFAULT '',     -- who raised it, as written among the voters
    content       TEXT NOT NULL,
    route         TEXT NOT NULL DEFAULT '',     -- '' = 未定 (and the records of before this version)
    referred_to   TEXT NOT NULL DEFAULT '',     -- 转村(居): which committee
    result        TEXT NOT NULL DEFAULT '',
    suggestion_id INTEGER REFERENCES suggestions (id) ON DELETE SET NULL,
    petition_id   INTEGER REFERENCES petitions (id) ON DELETE SET NULL
);
CREATE INDEX reception_issues_reception ON reception_issues (reception_id, seq);
CREATE UNIQUE INDEX reception_issues_suggestion ON reception_issues (suggestion_id) WHERE suggestion_id IS NOT NULL;
CREATE UNIQUE INDEX reception_issues_petition ON reception_issues (petition_id) WHERE petition_id IS NOT NULL;

-- Every reception recorded before issues existed keeps its summary as its one issue. When suggestions were
-- registered from it, the issue became the first of them (转为建议); otherwise its route is 未定.
INSERT INTO reception_issues (reception_id, seq, content, route, suggestion_id)
SELECT r.id, 1, r.summary,
    CASE WHEN s.id IS NULL THEN '' ELSE '转为建议' END, s.id
FROM receptions r LEFT JOIN (SELECT reception_id, min(id) AS id FROM suggestions WHERE reception_id IS NOT NULL
    GROUP BY reception_id) s ON s.reception_id = r.id
WHERE trim(r.summary) != '';
UPDATE receptions SET summary = '' WHERE trim(summary) != '';

-- Search: trigram for three characters and more, grams for one and two (as for suggestions, 0003).
CREATE VIRTUAL TABLE petition_fts USING fts5 (number, subject, content, names, tokenize = 'trigram');
CREATE VIRTUAL TABLE petition_grams USING fts5 (grams, content = '', contentless_delete = 1, detail = none,
    tokenize = 'unicode61 remove_diacritics 0');
CREATE TRIGGER petitions_fts_ad AFTER DELETE ON petitions BEGIN
    DELETE FROM petition_fts WHERE rowid = OLD.id;
    DELETE FROM petition_grams WHERE rowid = OLD.id;
END;

-- 接待日 rules (domain.md §2.20): 每周 on a weekday, 每月 on a day of the month, or 赶集日 on the days of the
-- month ending in given digits (逢三、六、九); held by a deputy (主席/副主席), at a station or a place.
CREATE TABLE reception_rules (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('每周', '每月', '赶集日')),
    weekday     INTEGER NOT NULL DEFAULT 0,    -- 每周: 1 Monday … 7 Sunday
    month_day   INTEGER NOT NULL DEFAULT 0,    -- 每月: 1 … 31 (the month's last day when shorter)
    market_days TEXT NOT NULL DEFAULT '',      -- 赶集日: last digits, e.g. '3,6,9'
    host_id     INTEGER REFERENCES deputies (id) ON DELETE SET NULL,
    station_id  INTEGER REFERENCES stations (id) ON DELETE SET NULL,
    place       TEXT NOT NULL DEFAULT '',
    active      INTEGER NOT NULL DEFAULT 1,
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

-- The duty days of a month: a deputy on duty at a station one day a week (值班), and the 接待日 of the rules.
-- Generated for a month, then edited; a past day without a reception record there is flagged.
CREATE TABLE duty_days (
    id          INTEGER PRIMARY KEY,
    date        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('值班', '接待日')),
    station_id  INTEGER REFERENCES stations (id) ON DELETE CASCADE,
    rule_id     INTEGER REFERENCES reception_rules (id) ON DELETE SET NULL,
    deputy_id   INTEGER REFERENCES deputies (id) ON DELETE SET NULL,
    place       TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX duty_days_date ON duty_days (date);
CREATE INDEX duty_days_station ON duty_days (station_id, date);

-- 代表联系选民 (domain.md §2.10): the number of households a deputy keeps in touch with, the voters listed by
-- name, and the visits with what was raised (each item can become a suggestion).
CREATE TABLE contact_counts (
    deputy_id  INTEGER PRIMARY KEY REFERENCES deputies (id) ON DELETE CASCADE,
    households INTEGER NOT NULL DEFAULT 0 CHECK (households >= 0)
);
CREATE TABLE contact_voters (
    id        INTEGER PRIMARY KEY,
    deputy_id INTEGER NOT NULL REFERENCES deputies (id) ON DELETE CASCADE,
    seq       INTEGER NOT NULL,
    name      TEXT NOT NULL,
    village   TEXT NOT NULL DEFAULT '',
    contact   TEXT NOT NULL DEFAULT '',
    hardship  INTEGER NOT NULL DEFAULT 0        -- 重点困难户 / 帮带户
);
CREATE INDEX contact_voters_deputy ON contact_voters (deputy_id, seq);
CREATE TABLE voter_visits (
    id         INTEGER PRIMARY KEY,
    deputy_id  INTEGER NOT NULL REFERENCES deputies (id) ON DELETE CASCADE,
    date       TEXT NOT NULL,
    mode       TEXT NOT NULL,                   -- 入户走访 / 个别走访 / 电话联系 / 定期交流 / 座谈
    voters     INTEGER NOT NULL DEFAULT 0 CHECK (voters >= 0),
    place      TEXT NOT NULL DEFAULT '',
    notes      TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX voter_visits_deputy ON voter_visits (deputy_id, date);
CREATE INDEX voter_visits_date ON voter_visits (date);
CREATE TABLE visit_items (
    id            INTEGER PRIMARY KEY,
    visit_id      INTEGER NOT NULL REFERENCES voter_visits (id) ON DELETE CASCADE,
    seq           INTEGER NOT NULL,
    content       TEXT NOT NULL,
    suggestion_id INTEGER REFERENCES suggestions (id) ON DELETE SET NULL
);
CREATE INDEX visit_items_visit ON visit_items (visit_id, seq);
CREATE UNIQUE INDEX visit_items_suggestion ON visit_items (suggestion_id) WHERE suggestion_id IS NOT NULL;

-- 征求意见卡 (domain.md §2.23): one batch a quarter, cards sent and returned, the opinions on them.
CREATE TABLE opinion_cards (
    id         INTEGER PRIMARY KEY,
    year       INTEGER NOT NULL,
    quarter    INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    sent_date  TEXT NOT NULL,
    sent       INTEGER NOT NULL DEFAULT 0 CHECK (sent >= 0),
    returned   INTEGER NOT NULL DEFAULT 0 CHECK (returned >= 0),
    notes      TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (year, quarter)
);
CREATE TABLE opinion_card_items (
    id            INTEGER PRIMARY KEY,
    card_id       INTEGER NOT NULL REFERENCES opinion_cards (id) ON DELETE CASCADE,
    seq           INTEGER NOT NULL,
    deputy_id     INTEGER REFERENCES deputies (id) ON DELETE SET NULL,
    content       TEXT NOT NULL,
    suggestion_id INTEGER REFERENCES suggestions (id) ON DELETE SET NULL
);
CREATE INDEX opinion_card_items_card ON opinion_card_items (card_id, seq);
CREATE UNIQUE INDEX opinion_card_items_suggestion ON opinion_card_items (suggestion_id) WHERE suggestion_id IS NOT NULL;

-- 政情通报: the bulletins sent to the deputies, by issue number within the year.
CREATE TABLE bulletins (
    id         INTEGER PRIMARY KEY,
    year       INTEGER NOT NULL,
    issue_no   INTEGER NOT NULL CHECK (issue_no > 0),
    date       TEXT NOT NULL,
    title      TEXT NOT NULL,
    recipients INTEGER NOT NULL DEFAULT 0 CHECK (recipients >= 0),
    notes      TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (year, issue_no)
);
CREATE INDEX bulletins_date ON bulletins (date);
