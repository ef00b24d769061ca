-- Issue 20's owner kinds added after 0008: 评议活动 (eval_campaigns), 整改事项 (rectifications) and 信访件
-- (petitions) can have attachments (a 整改 item's 销号 report from the unit, a petition's letter as scanned).
-- The Go step of this migration (attachmentTriggers, store/db.go migrationHooks) makes the trigger that removes a
-- deleted record's attachments for every kind that has none yet; 0008 made them only for the tables of its time.
--
-- Issue 17: a 民生实事 project's 督查 records who went (the 督查组 or its leader) and the progress the visit found.
ALTER TABLE livelihood_checks ADD COLUMN who TEXT NOT NULL DEFAULT '';
ALTER TABLE livelihood_checks ADD COLUMN progress INTEGER CHECK (progress BETWEEN 0 AND 100);  -- 进度 %, NULL when not given
