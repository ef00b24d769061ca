-- 0004: dated membership (issue 13 §2). Each level a deputy holds gets the day it began: the 当选日期, or the
-- 补选日期 of a by-election. The deputy's 出缺日期 ends every level. A deputy counts on a day at a level when
-- that level began on or before the day and the deputy had not left by it (store/seat.go).
--
-- The rows recorded before dates existed begin on their term's start date. A deputy without a term (or whose
-- term has no start date) begins on the earliest day the records show them: the day the record was created, or
-- an earlier meeting they were marked at, suggestion they led or co-signed, reception they were on duty at or
-- report-back they gave — so that no past count loses a deputy it already had.
CREATE TABLE deputy_levels_dated (
    deputy_id  INTEGER NOT NULL REFERENCES deputies (id) ON DELETE CASCADE,
    level      TEXT NOT NULL,
    start_date TEXT NOT NULL,   -- 'YYYY-MM-DD': 当选日期 / 补选日期
    PRIMARY KEY (deputy_id, level)
) WITHOUT ROWID;

INSERT INTO deputy_levels_dated (deputy_id, level, start_date)
SELECT l.deputy_id, l.level, coalesce(
    (SELECT nullif(t.start_date, '') FROM terms t WHERE t.id = d.term_id),
    min(substr(d.created_at, 1, 10),
        coalesce((SELECT min(m.start_date) FROM attendance a JOIN meetings m ON m.id = a.meeting_id
            WHERE a.deputy_id = d.id), '9999-12-31'),
        coalesce((SELECT min(s.received) FROM suggestions s WHERE s.lead_deputy_id = d.id), '9999-12-31'),
        coalesce((SELECT min(s.received) FROM suggestion_cosigners c JOIN suggestions s ON s.id = c.suggestion_id
            WHERE c.deputy_id = d.id), '9999-12-31'),
        coalesce((SELECT min(r.date) FROM reception_deputies rd JOIN receptions r ON r.id = rd.reception_id
            WHERE rd.deputy_id = d.id), '9999-12-31'),
        coalesce((SELECT min(b.date) FROM report_backs b WHERE b.deputy_id = d.id), '9999-12-31')))
FROM deputy_levels l JOIN deputies d ON d.id = l.deputy_id;

DROP TABLE deputy_levels;
ALTER TABLE deputy_levels_dated RENAME TO deputy_levels;
CREATE INDEX deputy_levels_level ON deputy_levels (level, deputy_id);
