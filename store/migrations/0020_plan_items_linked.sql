-- 0020: the plan items of a year already linked to the record that did them, by kind and record: linking an
-- item (PlanCandidates, and the demo's year of links) reads which records the year's other items have taken,
-- which went through every item of the year with a table lookup each (a third of making the stress demo,
-- 17 000 links over 1 842 items a year). Partial and covering: only linked items, answered from the index.
CREATE INDEX plan_items_linked ON plan_items (year, link_kind, link_id) WHERE link_kind != '';
