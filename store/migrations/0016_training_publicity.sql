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
