-- 0003: a second search index for one- and two-character Chinese terms, which trigram cannot match.
-- Each suggestion's text is indexed as its single Han characters and adjacent pairs (道 路 道路 …), so a short
-- term is one token lookup instead of a LIKE scan over every row. Contentless and without positions
-- (detail=none): only "which rows contain this token" is stored. The rows are written by Go (grams()),
-- after this migration by the hook fillGrams and afterwards by reindexSuggestion.
CREATE VIRTUAL TABLE suggestion_grams USING fts5 (grams, content = '', contentless_delete = 1, detail = none,
    tokenize = 'unicode61 remove_diacritics 0');
CREATE TRIGGER suggestions_grams_ad AFTER DELETE ON suggestions BEGIN
    DELETE FROM suggestion_grams WHERE rowid = OLD.id;
END;
-- The list sorts by title and by deadline; without an index a sorted page of 100 000 items costs a full sort.
CREATE INDEX suggestions_title ON suggestions (title);
CREATE INDEX suggestions_deadline ON suggestions (deadline);
