-- Issue 16: a deputy who did not continue at a 换届 reads 任期届满 (was left 在任) from the day the new term
-- began, kept in vacancy_date so that the days before still count them. Only deputies whose every seat has
-- ended, the town seat by 届满, are changed; a deputy still holding a seat of another level stays 在任.
UPDATE deputies SET status = '任期届满',
    vacancy_date = (SELECT max(l.end_date) FROM deputy_levels l WHERE l.deputy_id = deputies.id)
WHERE status = '在任'
  AND EXISTS (SELECT 1 FROM deputy_levels l WHERE l.deputy_id = deputies.id AND l.level = '镇级' AND l.end_reason = '届满')
  AND NOT EXISTS (SELECT 1 FROM deputy_levels l WHERE l.deputy_id = deputies.id AND l.end_date IS NULL);
