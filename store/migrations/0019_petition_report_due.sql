-- 0019: the referred petitions whose result is not reported yet, by the day it is due: 概览's 「批转件逾期未报告
-- 结果」 count read every petition (the whole table, with its texts) on each refresh. Partial: a petition leaves
-- the index once its result is reported, so it stays as small as the cases still waiting.
CREATE INDEX petitions_report_due ON petitions (channel, report_due) WHERE reported IS NULL;
