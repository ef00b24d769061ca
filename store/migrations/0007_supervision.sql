-- 0007: 监督 (issue 17, domain.md §2.18, §2.19, §2.28, §3.2, §3.7). Evaluation campaigns of units and officials
-- (工作评议 / 民主评议 / 述职评议) with their targets and counted ballots; rectification items (整改) followed from
-- 未整改 to 已销号 and a 回头看, each step in a timeline; special inquiries (专题询问) with their 两清单一要求; the
-- government's yearly 民生实事 candidates, the deputies' 票决 and the chosen projects' follow-up. The 述职 meeting,
-- the 询问 meeting, the 票决 session and the 督查 visits are ordinary meetings (their attendance is the meetings').

-- An evaluation campaign: what is evaluated in a year and how (eval.go).
CREATE TABLE eval_campaigns (
    id          INTEGER PRIMARY KEY,
    year        INTEGER NOT NULL,               -- the work year evaluated (评议年度)
    title       TEXT NOT NULL,
    method      TEXT NOT NULL,                  -- 工作评议 / 民主评议 / 述职评议
    selection   TEXT NOT NULL DEFAULT '',       -- how the targets were chosen: 党政联席会票决 / 人代会民主测评 / 末位再评 / 上级安排
    plan_date   TEXT,                           -- 实施方案
    eval_date   TEXT NOT NULL,                  -- the 述职 and 测评 (the period's figures count the campaign on it)
    meeting_id  INTEGER REFERENCES meetings (id) ON DELETE SET NULL, -- the 述职测评 meeting (工作评议/述职评议)
    scale       TEXT NOT NULL DEFAULT '满意/基本满意/不满意', -- or 优秀/合格/不合格, or 打分
    rate_basic  INTEGER NOT NULL DEFAULT 1,     -- 满意率 counts the middle grade: (满意+基本满意) ÷ 有效票
    good_line   REAL NOT NULL DEFAULT 90,       -- a rate (%) or score at or above it earns the top grade
    pass_line   REAL NOT NULL DEFAULT 60,       -- … the middle grade; below it the bottom grade
    award       TEXT NOT NULL DEFAULT '',       -- the title the top grade earns: 人大代表满意单位
    groups      INTEGER NOT NULL DEFAULT 0 CHECK (groups >= 0),     -- 评议调查组
    villages    INTEGER NOT NULL DEFAULT 0 CHECK (villages >= 0),   -- 走访村(居)
    forums      INTEGER NOT NULL DEFAULT 0 CHECK (forums >= 0),     -- 座谈会
    interviews  INTEGER NOT NULL DEFAULT 0 CHECK (interviews >= 0), -- 个别谈话人次
    letters     INTEGER NOT NULL DEFAULT 0 CHECK (letters >= 0),    -- 征求意见函(份)
    surveys     INTEGER NOT NULL DEFAULT 0 CHECK (surveys >= 0),    -- 调查表(份)
    opinions    INTEGER NOT NULL DEFAULT 0 CHECK (opinions >= 0),   -- 收集意见建议(条)
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX eval_campaigns_date ON eval_campaigns (eval_date);

-- The deputies of the campaign's investigation groups (评议调查组成员).
CREATE TABLE eval_campaign_members (
    campaign_id INTEGER NOT NULL REFERENCES eval_campaigns (id) ON DELETE CASCADE,
    deputy_id   INTEGER NOT NULL REFERENCES deputies (id) ON DELETE CASCADE,
    PRIMARY KEY (campaign_id, deputy_id)
) WITHOUT ROWID;

-- A target: a unit of the 承办单位 register, or a named official with post, and its counted ballots.
CREATE TABLE eval_targets (
    id          INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES eval_campaigns (id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    unit_id     INTEGER REFERENCES units (id) ON DELETE RESTRICT,
    person      TEXT NOT NULL DEFAULT '',       -- an official: 姓名
    post        TEXT NOT NULL DEFAULT '',       -- … and 职务 (分管农业副镇长)
    category    TEXT NOT NULL DEFAULT '',       -- 基层站所 / 镇属办公室 / 分管领导 / 服务部门 / 村委会
    report_date TEXT,                           -- 述职日期
    issued      INTEGER NOT NULL DEFAULT 0 CHECK (issued >= 0),   -- 发出票数
    returned    INTEGER NOT NULL DEFAULT 0 CHECK (returned >= 0), -- 收回
    valid       INTEGER NOT NULL DEFAULT 0 CHECK (valid >= 0),    -- 有效
    top         INTEGER NOT NULL DEFAULT 0 CHECK (top >= 0),      -- 满意 / 优秀
    middle      INTEGER NOT NULL DEFAULT 0 CHECK (middle >= 0),   -- 基本满意 / 合格
    bottom      INTEGER NOT NULL DEFAULT 0 CHECK (bottom >= 0),   -- 不满意 / 不合格
    score       REAL,                                             -- 打分: the average score
    title       TEXT NOT NULL DEFAULT '',       -- a title given besides the campaign's award
    notes       TEXT NOT NULL DEFAULT '',
    CHECK (unit_id IS NOT NULL OR person != '')
);
CREATE INDEX eval_targets_campaign ON eval_targets (campaign_id, seq);
CREATE INDEX eval_targets_unit ON eval_targets (unit_id);

-- A special inquiry (专题询问) and its 两清单一要求 (inquiry.go).
CREATE TABLE inquiries (
    id          INTEGER PRIMARY KEY,
    topic       TEXT NOT NULL,
    date        TEXT NOT NULL,                  -- the 询问 meeting
    meeting_id  INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
    plan        TEXT NOT NULL DEFAULT '',       -- 询问方案 in short
    surveys     INTEGER NOT NULL DEFAULT 0 CHECK (surveys >= 0),    -- 问卷调查(份)
    satisfied   INTEGER NOT NULL DEFAULT 0 CHECK (satisfied >= 0),  -- 满意度测评: 满意
    basic       INTEGER NOT NULL DEFAULT 0 CHECK (basic >= 0),      -- 基本满意
    unsatisfied INTEGER NOT NULL DEFAULT 0 CHECK (unsatisfied >= 0), -- 不满意
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX inquiries_date ON inquiries (date);

CREATE TABLE inquiry_items (
    id          INTEGER PRIMARY KEY,
    inquiry_id  INTEGER NOT NULL REFERENCES inquiries (id) ON DELETE CASCADE,
    list        TEXT NOT NULL CHECK (list IN ('问题清单', '建议清单', '具体要求')),
    seq         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    unit_id     INTEGER REFERENCES units (id) ON DELETE RESTRICT -- the unit it concerns, when one
);
CREATE INDEX inquiry_items_inquiry ON inquiry_items (inquiry_id, list, seq);
CREATE INDEX inquiry_items_unit ON inquiry_items (unit_id);

-- A rectification item (整改) with its current state on the row; every step is also a row in rectification_steps.
CREATE TABLE rectifications (
    id              INTEGER PRIMARY KEY,
    source          TEXT NOT NULL,              -- 工作评议 / 视察调研执法检查 / 专题询问 / 审议意见 / 其他
    campaign_id     INTEGER REFERENCES eval_campaigns (id) ON DELETE RESTRICT,
    target_id       INTEGER REFERENCES eval_targets (id) ON DELETE SET NULL,
    meeting_id      INTEGER REFERENCES meetings (id) ON DELETE SET NULL, -- the 视察/调研/执法检查 or 主席团会议
    inquiry_id      INTEGER REFERENCES inquiries (id) ON DELETE RESTRICT,
    inquiry_item_id INTEGER REFERENCES inquiry_items (id) ON DELETE SET NULL,
    text            TEXT NOT NULL,              -- the problem or opinion
    requirement     TEXT NOT NULL DEFAULT '',   -- 整改要求
    unit_id         INTEGER NOT NULL REFERENCES units (id) ON DELETE RESTRICT,
    phase           TEXT NOT NULL,              -- 即知即改 / 近期整改 / 年内整改 / 长期整改
    raised          TEXT NOT NULL,              -- 提出(交办)日期
    due             TEXT,                       -- 整改时限 (of the current round)
    state           TEXT NOT NULL DEFAULT '未整改' CHECK (state IN ('未整改', '整改中', '已销号')),
    round           INTEGER NOT NULL DEFAULT 1,
    started         TEXT,                       -- 开始整改
    closed          TEXT,                       -- 销号
    report          TEXT NOT NULL DEFAULT '',   -- the unit's 整改情况报告
    reviewed        TEXT,                       -- the latest 回头看
    review          TEXT NOT NULL DEFAULT '',   -- … its finding
    review_grade    TEXT NOT NULL DEFAULT '',   -- … 满意 / 基本满意 / 不满意
    extension       TEXT NOT NULL DEFAULT '',   -- the reason of the latest 延期
    notes           TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX rectifications_raised ON rectifications (raised);
CREATE INDEX rectifications_state ON rectifications (state, due);
CREATE INDEX rectifications_unit ON rectifications (unit_id);
CREATE INDEX rectifications_campaign ON rectifications (campaign_id);
CREATE INDEX rectifications_meeting ON rectifications (meeting_id);
CREATE INDEX rectifications_inquiry ON rectifications (inquiry_id);

-- The timeline of a rectification item: 登记, 开始整改, 进展, 延期, 销号, 回头看, 重新整改. The state, the due date and
-- the 回头看 of any past day are those of its latest step dated on or before it.
CREATE TABLE rectification_steps (
    id                INTEGER PRIMARY KEY,
    rectification_id  INTEGER NOT NULL REFERENCES rectifications (id) ON DELETE CASCADE,
    step              TEXT NOT NULL,
    date              TEXT NOT NULL,
    round             INTEGER NOT NULL DEFAULT 1,
    detail            TEXT NOT NULL DEFAULT '',
    from_state        TEXT NOT NULL DEFAULT '',
    to_state          TEXT NOT NULL DEFAULT '',
    due               TEXT,                     -- the 整改时限 from this step on: figures read it as of their date
    grade             TEXT NOT NULL DEFAULT '', -- 回头看: 满意 / 基本满意 / 不满意
    at                TEXT NOT NULL
);
CREATE INDEX rectification_steps_item ON rectification_steps (rectification_id, date, id);

-- The deputies' vote on the year's 民生实事 candidates at the 人代会 (票决), one a year (livelihood.go).
CREATE TABLE livelihood_votes (
    year        INTEGER PRIMARY KEY,
    date        TEXT NOT NULL,
    meeting_id  INTEGER REFERENCES meetings (id) ON DELETE SET NULL, -- the session
    to_choose   INTEGER NOT NULL CHECK (to_choose >= 1),             -- 应选项目数
    expected    INTEGER NOT NULL DEFAULT 0 CHECK (expected >= 0),    -- 应到代表: a project needs more than half of them
    issued      INTEGER NOT NULL DEFAULT 0 CHECK (issued >= 0),
    returned    INTEGER NOT NULL DEFAULT 0 CHECK (returned >= 0),
    valid       INTEGER NOT NULL DEFAULT 0 CHECK (valid >= 0),
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

-- A 民生实事 candidate (with its votes) or a 重点项目, and its follow-up once chosen.
CREATE TABLE livelihood_projects (
    id           INTEGER PRIMARY KEY,
    year         INTEGER NOT NULL,
    seq          INTEGER NOT NULL,
    kind         TEXT NOT NULL DEFAULT '民生实事' CHECK (kind IN ('民生实事', '重点项目')),
    name         TEXT NOT NULL,
    content      TEXT NOT NULL DEFAULT '',
    budget       REAL,                          -- 万元
    votes_for    INTEGER NOT NULL DEFAULT 0 CHECK (votes_for >= 0),
    votes_against INTEGER NOT NULL DEFAULT 0 CHECK (votes_against >= 0),
    votes_abstain INTEGER NOT NULL DEFAULT 0 CHECK (votes_abstain >= 0),
    unit_id      INTEGER REFERENCES units (id) ON DELETE RESTRICT, -- 责任单位
    leader       TEXT NOT NULL DEFAULT '',      -- 责任领导
    person       TEXT NOT NULL DEFAULT '',      -- 具体责任人
    status       TEXT NOT NULL DEFAULT '未开工' CHECK (status IN ('未开工', '实施中', '已完成', '未实施')),
    completed    TEXT,
    progress     TEXT NOT NULL DEFAULT '',
    survey_date  TEXT,                          -- 满意率、知晓率 survey
    respondents  INTEGER NOT NULL DEFAULT 0 CHECK (respondents >= 0),
    satisfied    INTEGER NOT NULL DEFAULT 0 CHECK (satisfied >= 0),
    aware        INTEGER NOT NULL DEFAULT 0 CHECK (aware >= 0),
    notes        TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    UNIQUE (year, name)
);
CREATE INDEX livelihood_projects_year ON livelihood_projects (year, seq);
CREATE INDEX livelihood_projects_unit ON livelihood_projects (unit_id);

-- 督查 of a project: the visit (an activity, when recorded as one) and what it found.
CREATE TABLE livelihood_checks (
    id          INTEGER PRIMARY KEY,
    project_id  INTEGER NOT NULL REFERENCES livelihood_projects (id) ON DELETE CASCADE,
    date        TEXT NOT NULL,
    meeting_id  INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
    finding     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX livelihood_checks_project ON livelihood_checks (project_id, date);

-- Full-text search of the lists of the 监督 tab (trigram; one- and two-character terms use LIKE on the same text).
CREATE VIRTUAL TABLE eval_campaign_fts USING fts5 (title, notes, tokenize = 'trigram');
CREATE VIRTUAL TABLE rectification_fts USING fts5 (text, requirement, report, review, tokenize = 'trigram');
CREATE VIRTUAL TABLE inquiry_fts USING fts5 (topic, plan, notes, tokenize = 'trigram');
CREATE VIRTUAL TABLE livelihood_fts USING fts5 (name, content, leader, tokenize = 'trigram');

CREATE TRIGGER eval_campaigns_fts_ai AFTER INSERT ON eval_campaigns BEGIN
    INSERT INTO eval_campaign_fts (rowid, title, notes) VALUES (NEW.id, NEW.title, NEW.notes);
END;
CREATE TRIGGER eval_campaigns_fts_au AFTER UPDATE OF title, notes ON eval_campaigns BEGIN
    DELETE FROM eval_campaign_fts WHERE rowid = OLD.id;
    INSERT INTO eval_campaign_fts (rowid, title, notes) VALUES (NEW.id, NEW.title, NEW.notes);
END;
CREATE TRIGGER eval_campaigns_fts_ad AFTER DELETE ON eval_campaigns BEGIN
    DELETE FROM eval_campaign_fts WHERE rowid = OLD.id;
END;
CREATE TRIGGER rectifications_fts_ai AFTER INSERT ON rectifications BEGIN
    INSERT INTO rectification_fts (rowid, text, requirement, report, review) VALUES (NEW.id, NEW.text, NEW.requirement, NEW.report, NEW.review);
END;
CREATE TRIGGER rectifications_fts_au AFTER UPDATE OF text, requirement, report, review ON rectifications BEGIN
    DELETE FROM rectification_fts WHERE rowid = OLD.id;
    INSERT INTO rectification_fts (rowid, text, requirement, report, review) VALUES (NEW.id, NEW.text, NEW.requirement, NEW.report, NEW.review);
END;
CREATE TRIGGER rectifications_fts_ad AFTER DELETE ON rectifications BEGIN
    DELETE FROM rectification_fts WHERE rowid = OLD.id;
END;
CREATE TRIGGER inquiries_fts_ai AFTER INSERT ON inquiries BEGIN
    INSERT INTO inquiry_fts (rowid, topic, plan, notes) VALUES (NEW.id, NEW.topic, NEW.plan, NEW.notes);
END;
CREATE TRIGGER inquiries_fts_au AFTER UPDATE OF topic, plan, notes ON inquiries BEGIN
    DELETE FROM inquiry_fts WHERE rowid = OLD.id;
    INSERT INTO inquiry_fts (rowid, topic, plan, notes) VALUES (NEW.id, NEW.topic, NEW.plan, NEW.notes);
END;
CREATE TRIGGER inquiries_fts_ad AFTER DELETE ON inquiries BEGIN
    DELETE FROM inquiry_fts WHERE rowid = OLD.id;
END;
CREATE TRIGGER livelihood_projects_fts_ai AFTER INSERT ON livelihood_projects BEGIN
    INSERT INTO livelihood_fts (rowid, name, content, leader) VALUES (NEW.id, NEW.name, NEW.content, NEW.leader);
END;
CREATE TRIGGER livelihood_projects_fts_au AFTER UPDATE OF name, content, leader ON livelihood_projects BEGIN
    DELETE FROM livelihood_fts WHERE rowid = OLD.id;
    INSERT INTO livelihood_fts (rowid, name, content, leader) VALUES (NEW.id, NEW.name, NEW.content, NEW.leader);
END;
CREATE TRIGGER livelihood_projects_fts_ad AFTER DELETE ON livelihood_projects BEGIN
    DELETE FROM livelihood_fts WHERE rowid = OLD.id;
END;
