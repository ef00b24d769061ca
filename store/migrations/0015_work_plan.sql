-- 0015: the year's work rules and what they require (issue 22). A rule says how often something mandated is to
-- be done (domain.md §3.13: 主席团会议 each quarter, 代表小组活动 each quarter per group, training once a year,
-- 述职 once a year, 公示 by the 10th of each month …); what counts as done is read from the records the program
-- already keeps (meetings by kind, report-backs, opinion cards, bulletins) and, for the stations' monthly 公示,
-- from notice_posts. Each rule can be edited or switched off in 设置 → 工作规则.
CREATE TABLE work_rules (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,          -- 主席团会议
    measure    TEXT NOT NULL,                 -- what is counted: meeting:<kind> / report_back / notice / opinion_card / bulletin
    period     TEXT NOT NULL CHECK (period IN ('年', '季', '月')),
    per_group  INTEGER NOT NULL DEFAULT 0,    -- required of each deputy group (代表小组活动)
    required   INTEGER NOT NULL DEFAULT 1 CHECK (required >= 1),
    due_day    INTEGER NOT NULL DEFAULT 0 CHECK (due_day BETWEEN 0 AND 28), -- monthly: due by this day (0: month end)
    enabled    INTEGER NOT NULL DEFAULT 1,
    basis      TEXT NOT NULL DEFAULT '',      -- where the rule comes from
    sort       INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT ''
);

INSERT INTO work_rules (name, measure, period, per_group, required, due_day, basis, sort) VALUES
 ('人民代表大会会议', 'meeting:人民代表大会会议', '年', 0, 1, 0, '乡镇人民代表大会一年至少召开一次', 1),
 ('主席团会议', 'meeting:主席团会议', '季', 0, 1, 0, '主席团会议每三个月至少召开一次', 2),
 ('代表小组活动', 'meeting:代表小组活动', '季', 1, 1, 0, '代表小组每三个月至少开展一次活动', 3),
 ('代表培训学习', 'meeting:培训学习', '年', 0, 1, 0, '每年至少组织一次代表培训学习', 4),
 ('代表视察', 'meeting:视察', '年', 0, 1, 0, '视察一年可组织1至2次', 5),
 ('代表述职', 'report_back', '年', 0, 1, 0, '代表每年向选民述职一次', 6),
 ('家站点公示', 'notice', '月', 0, 1, 10, '每月10日公示', 7),
 ('征求意见卡', 'opinion_card', '季', 0, 1, 0, '每个季度向代表发放征求意见卡', 8),
 ('政情通报', 'bulletin', '月', 0, 1, 0, '每个月为代表下发政情通报', 9);

-- The stations' monthly 公示: the day the 公示表 was posted (printed or saved from the program, or entered by the
-- clerk), by the month it was posted in.
CREATE TABLE notice_posts (
    id         INTEGER PRIMARY KEY,
    posted     TEXT NOT NULL,                 -- the day it was posted
    month      TEXT NOT NULL,                 -- the month of receptions it shows (YYYY-MM)
    notes      TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX notice_posts_posted ON notice_posts (posted);

-- 履职积分: the points a deputy earns (or loses) for each kind of duty in a year (dutyscore.go); the clerk sets
-- them in 设置 → 履职积分. A score is a suggestion for the 评先评优, never a decision.
CREATE TABLE duty_points (
    key    TEXT PRIMARY KEY,
    points INTEGER NOT NULL CHECK (points BETWEEN -100 AND 100)
);
INSERT INTO duty_points (key, points) VALUES
 ('present', 2), ('nonvoting', 1), ('leave', 0), ('absent', -2), ('led', 5), ('cosigned', 2),
 ('reception', 2), ('visit', 1), ('report_back', 5), ('training', 3);
