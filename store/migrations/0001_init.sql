-- 0001: the whole v1 data model of SPEC §3.
-- Dates are ISO text 'YYYY-MM-DD' (month-only values 'YYYY-MM'); an empty value is NULL.
-- Booleans are INTEGER 0/1. Every table that the clerk edits has created_at/updated_at.

-- Office settings (SPEC §3 "Office settings"): one row per key; the Go type Settings reads them all.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- Editable dictionaries: kind names the list (category, source, party, village …).
CREATE TABLE dict (
    id    INTEGER PRIMARY KEY,
    kind  TEXT NOT NULL,
    value TEXT NOT NULL,
    sort  INTEGER NOT NULL DEFAULT 0,
    UNIQUE (kind, value)
);

-- Holiday calendar entered by the clerk: 'holiday' = statutory day off, 'workday' = 调休 working day.
CREATE TABLE holidays (
    date TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
    name TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;

CREATE TABLE terms (
    id         INTEGER PRIMARY KEY,
    number     INTEGER NOT NULL UNIQUE CHECK (number > 0),
    start_date TEXT,
    end_date   TEXT,
    is_current INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE deputy_groups (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE,
    villages     TEXT NOT NULL DEFAULT '',
    leader_id    INTEGER REFERENCES deputies (id) ON DELETE SET NULL,
    liaison_id   INTEGER REFERENCES deputies (id) ON DELETE SET NULL,
    notes        TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);

CREATE TABLE deputies (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL,
    gender         TEXT NOT NULL DEFAULT '',
    ethnicity      TEXT NOT NULL DEFAULT '',
    birth          TEXT NOT NULL DEFAULT '',   -- 'YYYY-MM'
    party          TEXT NOT NULL DEFAULT '',
    education      TEXT NOT NULL DEFAULT '',
    work_unit      TEXT NOT NULL DEFAULT '',
    post           TEXT NOT NULL DEFAULT '',
    phone          TEXT NOT NULL DEFAULT '',
    village        TEXT NOT NULL DEFAULT '',
    term_id        INTEGER REFERENCES terms (id) ON DELETE SET NULL,
    district       TEXT NOT NULL DEFAULT '',   -- 选区 number as the clerk writes it
    group_id       INTEGER REFERENCES deputy_groups (id) ON DELETE SET NULL,
    is_official    INTEGER NOT NULL DEFAULT 0, -- 职务代表
    is_new         INTEGER NOT NULL DEFAULT 1, -- 新任 (0 = 连任)
    status         TEXT NOT NULL DEFAULT '在任',
    vacancy_reason TEXT NOT NULL DEFAULT '',
    vacancy_date   TEXT,
    notes          TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX deputies_group ON deputies (group_id);
CREATE INDEX deputies_status ON deputies (status);
CREATE INDEX deputies_name ON deputies (name);

CREATE TABLE deputy_levels (
    deputy_id INTEGER NOT NULL REFERENCES deputies (id) ON DELETE CASCADE,
    level     TEXT NOT NULL,
    PRIMARY KEY (deputy_id, level)
) WITHOUT ROWID;
CREATE INDEX deputy_levels_level ON deputy_levels (level, deputy_id);

CREATE TABLE deputy_tags (
    deputy_id INTEGER NOT NULL REFERENCES deputies (id) ON DELETE CASCADE,
    tag       TEXT NOT NULL,
    PRIMARY KEY (deputy_id, tag)
) WITHOUT ROWID;

CREATE TABLE deputy_roles (
    deputy_id INTEGER NOT NULL REFERENCES deputies (id) ON DELETE CASCADE,
    role      TEXT NOT NULL,
    PRIMARY KEY (deputy_id, role)
) WITHOUT ROWID;
CREATE INDEX deputy_roles_role ON deputy_roles (role, deputy_id);

-- Deputy leaders (副组长) of a group; the leader is deputy_groups.leader_id.
CREATE TABLE group_deputy_leaders (
    group_id  INTEGER NOT NULL REFERENCES deputy_groups (id) ON DELETE CASCADE,
    deputy_id INTEGER NOT NULL REFERENCES deputies (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, deputy_id)
) WITHOUT ROWID;

CREATE TABLE stations (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    type        TEXT NOT NULL,
    village     TEXT NOT NULL DEFAULT '',
    address     TEXT NOT NULL DEFAULT '',
    opened      TEXT,
    contact     TEXT NOT NULL DEFAULT '',
    phone       TEXT NOT NULL DEFAULT '',
    schedule    TEXT NOT NULL DEFAULT '',
    has_place   INTEGER NOT NULL DEFAULT 0,   -- 「六个有」: 固定场所
    has_sign    INTEGER NOT NULL DEFAULT 0,   -- 醒目标识
    has_info    INTEGER NOT NULL DEFAULT 0,   -- 代表信息
    has_rules   INTEGER NOT NULL DEFAULT 0,   -- 健全制度
    has_plan    INTEGER NOT NULL DEFAULT 0,   -- 活动计划
    has_ledger  INTEGER NOT NULL DEFAULT 0,   -- 台账资料
    stars       INTEGER NOT NULL DEFAULT 0 CHECK (stars BETWEEN 0 AND 5),
    status      TEXT NOT NULL DEFAULT '在用',
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE station_deputies (
    station_id INTEGER NOT NULL REFERENCES stations (id) ON DELETE CASCADE,
    deputy_id  INTEGER NOT NULL REFERENCES deputies (id) ON DELETE CASCADE,
    PRIMARY KEY (station_id, deputy_id)
) WITHOUT ROWID;
CREATE INDEX station_deputies_deputy ON station_deputies (deputy_id);

CREATE TABLE receptions (
    id         INTEGER PRIMARY KEY,
    station_id INTEGER NOT NULL REFERENCES stations (id) ON DELETE CASCADE,
    date       TEXT NOT NULL,
    voters     INTEGER NOT NULL DEFAULT 0 CHECK (voters >= 0),
    summary    TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX receptions_station ON receptions (station_id, date);
CREATE INDEX receptions_date ON receptions (date);

CREATE TABLE reception_deputies (
    reception_id INTEGER NOT NULL REFERENCES receptions (id) ON DELETE CASCADE,
    deputy_id    INTEGER NOT NULL REFERENCES deputies (id) ON DELETE CASCADE,
    PRIMARY KEY (reception_id, deputy_id)
) WITHOUT ROWID;
CREATE INDEX reception_deputies_deputy ON reception_deputies (deputy_id);

CREATE TABLE units (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    kind       TEXT NOT NULL DEFAULT '镇属部门',
    contact    TEXT NOT NULL DEFAULT '',
    phone      TEXT NOT NULL DEFAULT '',
    notes      TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Meetings and activities: one table, kind from MeetingKinds.
CREATE TABLE meetings (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,
    title       TEXT NOT NULL,
    term_id     INTEGER REFERENCES terms (id) ON DELETE SET NULL,
    session_no  INTEGER,                     -- 第x次会议 for 人民代表大会会议
    start_date  TEXT NOT NULL,
    end_date    TEXT,
    time        TEXT NOT NULL DEFAULT '',
    place       TEXT NOT NULL DEFAULT '',
    host        TEXT NOT NULL DEFAULT '',
    topic       TEXT NOT NULL DEFAULT '',
    law         TEXT NOT NULL DEFAULT '',    -- 执法检查: the law checked
    minutes     TEXT NOT NULL DEFAULT '',
    problems    TEXT NOT NULL DEFAULT '',    -- problems found
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX meetings_date ON meetings (start_date);
CREATE INDEX meetings_kind ON meetings (kind, start_date);

CREATE TABLE attendance (
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    deputy_id  INTEGER NOT NULL REFERENCES deputies (id) ON DELETE CASCADE,
    status     TEXT NOT NULL CHECK (status IN ('出席', '请假', '缺席', '列席')),
    reason     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (meeting_id, deputy_id)
) WITHOUT ROWID;
CREATE INDEX attendance_deputy ON attendance (deputy_id);

CREATE TABLE meeting_guests (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    unit       TEXT NOT NULL DEFAULT '',
    post       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX meeting_guests_meeting ON meeting_guests (meeting_id);

CREATE TABLE agenda_items (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    title      TEXT NOT NULL,
    kind       TEXT NOT NULL DEFAULT '其他',
    report     TEXT NOT NULL DEFAULT '',     -- for 审议报告: which report
    presenter  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX agenda_items_meeting ON agenda_items (meeting_id, seq);

CREATE TABLE resolutions (
    id             INTEGER PRIMARY KEY,
    meeting_id     INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    agenda_item_id INTEGER REFERENCES agenda_items (id) ON DELETE SET NULL,
    seq            INTEGER NOT NULL DEFAULT 0,
    title          TEXT NOT NULL,
    kind           TEXT NOT NULL DEFAULT '决议',
    text           TEXT NOT NULL DEFAULT '',
    votes_for      INTEGER NOT NULL DEFAULT 0 CHECK (votes_for >= 0),
    votes_against  INTEGER NOT NULL DEFAULT 0 CHECK (votes_against >= 0),
    votes_abstain  INTEGER NOT NULL DEFAULT 0 CHECK (votes_abstain >= 0),
    entered_result TEXT NOT NULL DEFAULT ''  -- '通过' / '未通过' / '' as the clerk entered it
);
CREATE INDEX resolutions_meeting ON resolutions (meeting_id, seq);

CREATE TABLE elections (
    id               INTEGER PRIMARY KEY,
    meeting_id       INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    kind             TEXT NOT NULL DEFAULT '选举',  -- 选举 / 补选
    position         TEXT NOT NULL,
    seats            INTEGER NOT NULL DEFAULT 1 CHECK (seats >= 1),
    expected         INTEGER NOT NULL DEFAULT 0,   -- 应到
    present          INTEGER NOT NULL DEFAULT 0,   -- 实到
    ballots_issued   INTEGER NOT NULL DEFAULT 0,
    ballots_returned INTEGER NOT NULL DEFAULT 0,
    ballots_valid    INTEGER NOT NULL DEFAULT 0,
    notes            TEXT NOT NULL DEFAULT ''
);
CREATE INDEX elections_meeting ON elections (meeting_id);

CREATE TABLE candidates (
    id          INTEGER PRIMARY KEY,
    election_id INTEGER NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    deputy_id   INTEGER REFERENCES deputies (id) ON DELETE SET NULL,
    votes       INTEGER NOT NULL DEFAULT 0 CHECK (votes >= 0),
    elected     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX candidates_election ON candidates (election_id);

-- Deputy report-back to voters (述职评议).
CREATE TABLE report_backs (
    id           INTEGER PRIMARY KEY,
    deputy_id    INTEGER NOT NULL REFERENCES deputies (id) ON DELETE CASCADE,
    date         TEXT NOT NULL,
    form         TEXT NOT NULL DEFAULT '口头',   -- 口头 / 书面
    participants INTEGER NOT NULL DEFAULT 0 CHECK (participants >= 0),
    excellent    INTEGER NOT NULL DEFAULT 0 CHECK (excellent >= 0),
    competent    INTEGER NOT NULL DEFAULT 0 CHECK (competent >= 0),
    incompetent  INTEGER NOT NULL DEFAULT 0 CHECK (incompetent >= 0),
    notes        TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX report_backs_deputy ON report_backs (deputy_id, date);
CREATE INDEX report_backs_date ON report_backs (date);

-- Suggestions with their current handling state kept on the row (the figures read these columns);
-- every step is also a row in suggestion_steps (the timeline) and the typed tables below.
CREATE TABLE suggestions (
    id                INTEGER PRIMARY KEY,
    number            TEXT NOT NULL UNIQUE,
    year              INTEGER NOT NULL,
    seq               INTEGER NOT NULL,
    kind              TEXT NOT NULL,
    period            TEXT NOT NULL CHECK (period IN ('人代会期间', '闭会期间')),
    session_id        INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
    source            TEXT NOT NULL,
    source_meeting_id INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
    station_id        INTEGER REFERENCES stations (id) ON DELETE SET NULL,
    reception_id      INTEGER REFERENCES receptions (id) ON DELETE SET NULL,
    lead_deputy_id    INTEGER REFERENCES deputies (id) ON DELETE SET NULL,
    voter_name        TEXT NOT NULL DEFAULT '',
    voter_contact     TEXT NOT NULL DEFAULT '',
    title             TEXT NOT NULL,
    content           TEXT NOT NULL DEFAULT '',
    category          TEXT NOT NULL,
    scope             TEXT NOT NULL,
    priority          TEXT NOT NULL DEFAULT '一般',
    received          TEXT NOT NULL,
    state             TEXT NOT NULL DEFAULT '待交办',
    round             INTEGER NOT NULL DEFAULT 1,
    main_unit_id      INTEGER REFERENCES units (id) ON DELETE RESTRICT,
    assigned          TEXT,
    deadline          TEXT,        -- the deadline of the current round
    first_deadline    TEXT,        -- the round-1 deadline (after any 延期): 按期 is judged on it
    extension_reason  TEXT NOT NULL DEFAULT '',
    forward_to        TEXT NOT NULL DEFAULT '',
    forwarded         TEXT,
    first_reply       TEXT,        -- date of the first reply
    last_reply        TEXT,
    reply_method      TEXT NOT NULL DEFAULT '',  -- method of the latest reply
    outcome           TEXT NOT NULL DEFAULT '',  -- current 办理结果
    evaluation        TEXT NOT NULL DEFAULT '',  -- latest evaluation
    first_evaluation  TEXT NOT NULL DEFAULT '',
    evaluated         TEXT,        -- date of the latest evaluation
    voter_feedback    TEXT,        -- 反馈选民 date
    closed            TEXT,        -- 办结 date
    terminated        TEXT,
    termination_kind  TEXT NOT NULL DEFAULT '',  -- 不予立案 / 撤回
    termination_reason TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);
CREATE INDEX suggestions_year_seq ON suggestions (year, seq);
CREATE INDEX suggestions_received ON suggestions (received);
CREATE INDEX suggestions_state ON suggestions (state, deadline);
CREATE INDEX suggestions_unit ON suggestions (main_unit_id);
CREATE INDEX suggestions_lead ON suggestions (lead_deputy_id);
CREATE INDEX suggestions_year_state ON suggestions (year, state);
CREATE INDEX suggestions_session ON suggestions (session_id);
CREATE INDEX suggestions_source_meeting ON suggestions (source_meeting_id);
CREATE INDEX suggestions_station ON suggestions (station_id);

CREATE TABLE suggestion_cosigners (
    suggestion_id INTEGER NOT NULL REFERENCES suggestions (id) ON DELETE CASCADE,
    deputy_id     INTEGER NOT NULL REFERENCES deputies (id) ON DELETE CASCADE,
    PRIMARY KEY (suggestion_id, deputy_id)
) WITHOUT ROWID;
CREATE INDEX suggestion_cosigners_deputy ON suggestion_cosigners (deputy_id);

-- Assisting units (协办单位); the main unit is suggestions.main_unit_id.
CREATE TABLE suggestion_assist_units (
    suggestion_id INTEGER NOT NULL REFERENCES suggestions (id) ON DELETE CASCADE,
    unit_id       INTEGER NOT NULL REFERENCES units (id) ON DELETE RESTRICT,
    PRIMARY KEY (suggestion_id, unit_id)
) WITHOUT ROWID;
CREATE INDEX suggestion_assist_units_unit ON suggestion_assist_units (unit_id);

CREATE TABLE replies (
    id            INTEGER PRIMARY KEY,
    suggestion_id INTEGER NOT NULL REFERENCES suggestions (id) ON DELETE CASCADE,
    round         INTEGER NOT NULL,
    date          TEXT NOT NULL,
    method        TEXT NOT NULL,
    content       TEXT NOT NULL DEFAULT '',
    outcome       TEXT NOT NULL,
    from_upper    INTEGER NOT NULL DEFAULT 0   -- the upper level's reply to a forwarded item
);
CREATE INDEX replies_suggestion ON replies (suggestion_id, date);

CREATE TABLE evaluations (
    id            INTEGER PRIMARY KEY,
    suggestion_id INTEGER NOT NULL REFERENCES suggestions (id) ON DELETE CASCADE,
    round         INTEGER NOT NULL,
    date          TEXT NOT NULL,
    grade         TEXT NOT NULL CHECK (grade IN ('满意', '基本满意', '不满意')),
    comment       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX evaluations_suggestion ON evaluations (suggestion_id, date);

CREATE TABLE followups (
    id            INTEGER PRIMARY KEY,
    suggestion_id INTEGER NOT NULL REFERENCES suggestions (id) ON DELETE CASCADE,
    date          TEXT NOT NULL,
    note          TEXT NOT NULL DEFAULT '',
    outcome       TEXT NOT NULL DEFAULT ''     -- a new outcome from this date, or '' when unchanged
);
CREATE INDEX followups_suggestion ON followups (suggestion_id, date);

-- The timeline of an item: one row per step (登记, 交办, 延期, 答复, 评价, 重新办理, 跟踪办理, 转交上级,
-- 反馈选民, 办结, 终止), with the step's date and a one-line Chinese summary.
CREATE TABLE suggestion_steps (
    id            INTEGER PRIMARY KEY,
    suggestion_id INTEGER NOT NULL REFERENCES suggestions (id) ON DELETE CASCADE,
    step          TEXT NOT NULL,
    date          TEXT NOT NULL,
    round         INTEGER NOT NULL DEFAULT 1,
    detail        TEXT NOT NULL DEFAULT '',
    from_state    TEXT NOT NULL DEFAULT '',
    to_state      TEXT NOT NULL DEFAULT '',
    at            TEXT NOT NULL
);
CREATE INDEX suggestion_steps_suggestion ON suggestion_steps (suggestion_id, id);

-- History of every create/update/delete and state change (SPEC §3 "History").
CREATE TABLE history (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    entity    TEXT NOT NULL,     -- deputy, station, suggestion, meeting, unit, term, group, settings …
    entity_id INTEGER NOT NULL DEFAULT 0,
    action    TEXT NOT NULL,     -- 新增 / 修改 / 删除 / 状态
    label     TEXT NOT NULL DEFAULT '',  -- a human name of the record (姓名, 编号 …)
    changes   TEXT NOT NULL DEFAULT ''   -- one line per field: 字段: 旧 → 新
);
CREATE INDEX history_entity ON history (entity, entity_id);
CREATE INDEX history_at ON history (at);

-- Full-text search (trigram: Chinese substrings of ≥ 3 characters; shorter queries use LIKE on the same text).
CREATE VIRTUAL TABLE suggestion_fts USING fts5 (number, title, content, names, tokenize = 'trigram');
CREATE VIRTUAL TABLE deputy_fts USING fts5 (name, work_unit, village, tokenize = 'trigram');
CREATE VIRTUAL TABLE station_fts USING fts5 (name, village, address, tokenize = 'trigram');
CREATE VIRTUAL TABLE meeting_fts USING fts5 (title, place, topic, tokenize = 'trigram');

-- Deputies, stations and meetings keep their search rows by trigger; suggestion_fts needs the names of
-- co-signers (a separate table), so the Go code (reindexSuggestion) keeps it.
CREATE TRIGGER deputies_fts_ai AFTER INSERT ON deputies BEGIN
    INSERT INTO deputy_fts (rowid, name, work_unit, village) VALUES (NEW.id, NEW.name, NEW.work_unit || ' ' || NEW.post, NEW.village);
END;
CREATE TRIGGER deputies_fts_au AFTER UPDATE OF name, work_unit, post, village ON deputies BEGIN
    DELETE FROM deputy_fts WHERE rowid = OLD.id;
    INSERT INTO deputy_fts (rowid, name, work_unit, village) VALUES (NEW.id, NEW.name, NEW.work_unit || ' ' || NEW.post, NEW.village);
END;
CREATE TRIGGER deputies_fts_ad AFTER DELETE ON deputies BEGIN
    DELETE FROM deputy_fts WHERE rowid = OLD.id;
END;
CREATE TRIGGER stations_fts_ai AFTER INSERT ON stations BEGIN
    INSERT INTO station_fts (rowid, name, village, address) VALUES (NEW.id, NEW.name, NEW.village, NEW.address);
END;
CREATE TRIGGER stations_fts_au AFTER UPDATE OF name, village, address ON stations BEGIN
    DELETE FROM station_fts WHERE rowid = OLD.id;
    INSERT INTO station_fts (rowid, name, village, address) VALUES (NEW.id, NEW.name, NEW.village, NEW.address);
END;
CREATE TRIGGER stations_fts_ad AFTER DELETE ON stations BEGIN
    DELETE FROM station_fts WHERE rowid = OLD.id;
END;
CREATE TRIGGER meetings_fts_ai AFTER INSERT ON meetings BEGIN
    INSERT INTO meeting_fts (rowid, title, place, topic) VALUES (NEW.id, NEW.title, NEW.place, NEW.topic);
END;
CREATE TRIGGER meetings_fts_au AFTER UPDATE OF title, place, topic ON meetings BEGIN
    DELETE FROM meeting_fts WHERE rowid = OLD.id;
    INSERT INTO meeting_fts (rowid, title, place, topic) VALUES (NEW.id, NEW.title, NEW.place, NEW.topic);
END;
CREATE TRIGGER meetings_fts_ad AFTER DELETE ON meetings BEGIN
    DELETE FROM meeting_fts WHERE rowid = OLD.id;
END;
CREATE TRIGGER suggestions_fts_ad AFTER DELETE ON suggestions BEGIN
    DELETE FROM suggestion_fts WHERE rowid = OLD.id;
END;
