-- 0016: the year's work plan (年度工作计划, issue 22): what the presidium plans to do in a year — meetings,
-- deputies' activities, supervision, training, publicity — each with its month or quarter, who is responsible,
-- and, once done, the record that did it (a meeting, an evaluation campaign, a bulletin …), linked by the clerk.
-- A draft is made from the work rules (rule_id names the rule an item came from) and last year's plan; an item
-- no longer wanted is cancelled with a reason, not deleted, so that the year's figures still show it.
CREATE TABLE plan_items (
    id            INTEGER PRIMARY KEY,
    year          INTEGER NOT NULL,
    kind          TEXT NOT NULL,              -- 会议 / 代表活动 / 监督 / 培训 / 宣传 / 其他
    title         TEXT NOT NULL,
    month         INTEGER NOT NULL DEFAULT 0 CHECK (month BETWEEN 0 AND 12),    -- 0: not by month
    quarter       INTEGER NOT NULL DEFAULT 0 CHECK (quarter BETWEEN 0 AND 4),   -- 0: not by quarter (both 0: the year)
    owner         TEXT NOT NULL DEFAULT '',   -- who is responsible
    notes         TEXT NOT NULL DEFAULT '',
    rule_id       INTEGER REFERENCES work_rules (id) ON DELETE SET NULL, -- the rule the draft made it from
    group_id      INTEGER REFERENCES deputy_groups (id) ON DELETE SET NULL, -- a group's activity (each group's rule)
    link_kind     TEXT NOT NULL DEFAULT '',   -- the record that did it: meeting / campaign / bulletin / opinion_card / notice
    link_id       INTEGER NOT NULL DEFAULT 0,
    cancelled_on  TEXT,                       -- 取消
    cancel_reason TEXT NOT NULL DEFAULT '',
    sort          INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    CHECK (month = 0 OR quarter = 0)
);
CREATE INDEX plan_items_year ON plan_items (year, sort);
