-- 0016 (0018 at merge): 评先评优 (issue 22 part 4, domain.md §2.24, §3.10): a year's selection with its award categories (先进代表
-- 小组, 优秀人大代表, 优秀为民代表, 人大代表满意单位 …, each with its 名额 and the kind of candidate), the nominations
-- (by a 代表小组 or the presidium, with the 主要事迹 and the 审核意见), the presidium's decision at a 主席团会议 and
-- the announcement at the 人代会. Nothing is chosen by the program: the 履职积分 ranking is only shown.
CREATE TABLE award_selections (
    id                  INTEGER PRIMARY KEY,
    year                INTEGER NOT NULL UNIQUE,          -- the year the awards are for (2026年度)
    decision_meeting_id INTEGER REFERENCES meetings (id) ON DELETE SET NULL, -- 主席团会议 that decided
    decision_date       TEXT NOT NULL DEFAULT '',          -- '' until the presidium has decided
    announce_meeting_id INTEGER REFERENCES meetings (id) ON DELETE SET NULL, -- 人代会 where it was announced
    announce_date       TEXT NOT NULL DEFAULT '',
    notes               TEXT NOT NULL DEFAULT '',
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);

CREATE TABLE award_categories (
    id           INTEGER PRIMARY KEY,
    selection_id INTEGER NOT NULL REFERENCES award_selections (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,                           -- 优秀人大代表
    candidate    TEXT NOT NULL CHECK (candidate IN ('deputy', 'group', 'unit', 'station')),
    quota        INTEGER NOT NULL CHECK (quota >= 1),     -- 名额
    sort         INTEGER NOT NULL DEFAULT 0,
    UNIQUE (selection_id, name)
);

-- A nomination names its candidate by the column of the category's kind; the name is kept too, so that a
-- decision printed again after the record was deleted still names who was chosen.
CREATE TABLE award_nominations (
    id             INTEGER PRIMARY KEY,
    category_id    INTEGER NOT NULL REFERENCES award_categories (id) ON DELETE CASCADE,
    deputy_id      INTEGER REFERENCES deputies (id) ON DELETE SET NULL,
    group_id       INTEGER REFERENCES deputy_groups (id) ON DELETE SET NULL,
    unit_id        INTEGER REFERENCES units (id) ON DELETE SET NULL,
    station_id     INTEGER REFERENCES stations (id) ON DELETE SET NULL,
    candidate_name TEXT NOT NULL,
    nominator      TEXT NOT NULL,                         -- 第二代表小组, or 主席团
    deeds          TEXT NOT NULL DEFAULT '',              -- 主要事迹
    opinion        TEXT NOT NULL DEFAULT '',              -- 推荐单位意见
    review         TEXT NOT NULL DEFAULT '',              -- 审核意见 (镇人大办考察)
    withdrawn      INTEGER NOT NULL DEFAULT 0,
    withdraw_note  TEXT NOT NULL DEFAULT '',
    elected        INTEGER NOT NULL DEFAULT 0,            -- 当选, set only by the presidium's decision
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX award_nominations_category ON award_nominations (category_id);
CREATE INDEX award_nominations_deputy ON award_nominations (deputy_id) WHERE deputy_id IS NOT NULL;
