-- 0016 (assigned 0017 at merge): training and publicity (issue 22 parts 5 and 6).
-- A 培训学习 meeting (meetings.kind) gains its topics: one or more 专题, each with its 授课人 and hours. A deputy's
-- training hours are the hours of the trainings they attended (出席; 请假 and 缺席 earn none), so they are not
-- stored but read from attendance. The training's materials are the meeting's attachments (issue 20).
CREATE TABLE training_topics (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    topic      TEXT NOT NULL,                 -- 专题: 代表法解读
    trainer    TEXT NOT NULL DEFAULT '',      -- 授课人: 县人大常委会法工委 王主任
    hours      REAL NOT NULL CHECK (hours > 0 AND hours <= 100)
);
CREATE INDEX training_topics_meeting ON training_topics (meeting_id, seq);

-- 宣传信息 (issue 22 part 6, domain.md §2.22): the office's published pieces — 宣传稿件 in the media and 人大信息
-- items taken up by the upper congresses' information networks — with the outlet, its level and the authors (a
-- deputy or staff, as printed), and the issues of the office's own 《人大通讯》 (not the 政情通报 of bulletins).
CREATE TABLE articles (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL,                 -- 宣传稿件 / 人大信息 / 调研文章 / 其他
    title      TEXT NOT NULL,
    outlet     TEXT NOT NULL,                 -- 媒体/平台: 人民代表报, 县人大网站
    level      TEXT NOT NULL CHECK (level IN ('国家级', '省级', '市级', '县级', '镇级')),
    date       TEXT NOT NULL,                 -- 刊发(采用)日期
    authors    TEXT NOT NULL DEFAULT '',      -- 作者, joined by 、
    notes      TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX articles_date ON articles (date);

CREATE TABLE newsletters (
    id         INTEGER PRIMARY KEY,
    year       INTEGER NOT NULL,
    issue_no   INTEGER NOT NULL,              -- 第几期 within the year
    date       TEXT NOT NULL,
    title      TEXT NOT NULL,                 -- 本期要目
    contents   TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (year, issue_no)
);

-- The yearly quotas per level (设置 → 宣传任务), 0 for none. Seeded from the seeds' quotas (§2.22: 「全年被市以上
-- 媒体采用不少于7篇」, 「在县级人大信息、“两台一报”上发稿20篇以上」); the clerk sets the office's own.
CREATE TABLE publicity_quotas (
    level TEXT PRIMARY KEY CHECK (level IN ('国家级', '省级', '市级', '县级', '镇级')),
    quota INTEGER NOT NULL CHECK (quota BETWEEN 0 AND 10000)
);
INSERT INTO publicity_quotas (level, quota) VALUES ('国家级', 0), ('省级', 2), ('市级', 5), ('县级', 20), ('镇级', 0);
